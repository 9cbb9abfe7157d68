/* SPDX-License-Identifier: BSD-3-Clause */
/* Notifications (v1.1). */
#ifndef FFA_NOTIFY_H
#define FFA_NOTIFY_H

#include "types.h"

#define FFA_NOTIFICATION_COUNT		64U

/* BITMAP_CREATE/DESTROY w1: VM ID in [15:0], [31:16] MBZ. */
#define FFA_NOTIF_BITMAP_W1_MBZ		0xffff0000U

/* BIND w2. */
#define FFA_NOTIF_FLAG_PER_VCPU		FFA_BIT(0)
#define FFA_NOTIF_BIND_FLAGS_MBZ	0xfffffffeU

/* SET w2. */
#define FFA_NOTIF_SET_PER_VCPU		FFA_BIT(0)
#define FFA_NOTIF_SET_DELAY_SRI		FFA_BIT(1)
#define FFA_NOTIF_SET_FLAGS_MBZ		0x0000fffcU
#define FFA_NOTIF_SET_VCPU_SHIFT	16

/* GET w2: which bitmaps to read (and clear). */
#define FFA_NOTIF_GET_SP		FFA_BIT(0)
#define FFA_NOTIF_GET_VM		FFA_BIT(1)
#define FFA_NOTIF_GET_SPM_FW		FFA_BIT(2)
#define FFA_NOTIF_GET_HYP_FW		FFA_BIT(3)
#define FFA_NOTIF_GET_ALL		0xfU
#define FFA_NOTIF_GET_FLAGS_RSVD	0xfffffff0U

/* Framework notification bits (SPM and hypervisor framework bitmaps). */
#define FFA_FW_NOTIF_RX_BUFFER_FULL	FFA_BIT(0)

/*
 * INFO_GET result in x2: bit 0 more pending, bits[11:7] number of lists,
 * then 2 bits per list (from bit 12) giving its vCPU ID count (0-3).
 * IDs are 16-bit values packed from x3 bit 0 upward through x7.
 */
#define FFA_NOTIF_INFO_MORE_PENDING	FFA_BIT(0)
#define FFA_NOTIF_INFO_LISTS_SHIFT	7
#define FFA_NOTIF_INFO_LISTS_MASK	0x1fU
#define FFA_NOTIF_INFO_LIST_SHIFT	12
#define FFA_NOTIF_INFO_LIST_BITS	2
#define FFA_NOTIF_INFO_LIST_MASK	0x3U
#define FFA_NOTIF_INFO_MAX_IDS_64	20U
#define FFA_NOTIF_INFO_MAX_IDS_32	10U
#define FFA_NOTIF_INFO_MAX_LISTS_64	20U
#define FFA_NOTIF_INFO_MAX_LISTS_32	10U

#endif /* FFA_NOTIFY_H */
