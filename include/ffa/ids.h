/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Endpoint IDs and the packed ID fields of each ABI. The halves differ per
 * ABI (a classic source of bugs), so each placement has its own name.
 */
#ifndef FFA_IDS_H
#define FFA_IDS_H

#include "types.h"

/* Bit 15 of an endpoint ID selects the world: 0 normal, 1 secure. */
#define FFA_ID_SECURE_BIT	0x8000U
#define FFA_ID_HYP		0x0000U	/* hypervisor, or a kernel with none */
#define FFA_ID_VM_FIRST		0x0001U
#define FFA_ID_VM_LAST		0x7ffeU
#define FFA_ID_INVALID		0x7fffU
#define FFA_ID_SPMC		0x8000U	/* conventional; see FFA_SPM_ID_GET */
#define FFA_ID_SPMD_LP_FIRST	0xffc0U
#define FFA_ID_SPMD		0xffffU

#define FFA_ID_IS_SECURE(id)	(((id) & FFA_ID_SECURE_BIT) != 0)

/*
 * "Target info" (FFA_RUN w1, FFA_INTERRUPT/FFA_YIELD/FFA_SUCCESS/FFA_ERROR
 * w1): endpoint ID in bits[31:16], vCPU index in bits[15:0].
 */
#define FFA_TARGET_INFO(id, vcpu) \
	((((uint32_t)(id) & 0xffffU) << 16) | ((uint32_t)(vcpu) & 0xffffU))
#define FFA_TARGET_INFO_ID(w)	((uint16_t)(((uint32_t)(w) >> 16) & 0xffffU))
#define FFA_TARGET_INFO_VCPU(w)	((uint16_t)((uint32_t)(w) & 0xffffU))

/*
 * Sender/receiver pair (direct messages, notification BIND/UNBIND/SET):
 * sender in bits[31:16], receiver in bits[15:0].
 */
#define FFA_SENDER_RECEIVER(s, r)	FFA_TARGET_INFO(s, r)
#define FFA_SR_SENDER(w)		FFA_TARGET_INFO_ID(w)
#define FFA_SR_RECEIVER(w)		FFA_TARGET_INFO_VCPU(w)

/* FFA_RXTX_UNMAP: the ID whose pair to unmap is in w1[31:16]. */
#define FFA_RXTX_UNMAP_ID(w)		FFA_TARGET_INFO_ID(w)
#define FFA_RXTX_UNMAP_W1(id)		FFA_TARGET_INFO(id, 0)
/* FFA_RX_RELEASE / FFA_RX_ACQUIRE: the VM ID is in w1[15:0]. */
#define FFA_RX_ID(w)			FFA_TARGET_INFO_VCPU(w)
/* FFA_NOTIFICATION_GET: vCPU in w1[31:16], receiver in w1[15:0]. */
#define FFA_NOTIF_GET_W1(vcpu, recv)	FFA_TARGET_INFO(vcpu, recv)
/* FFA_MSG_SEND2 w1 and FFA_MEM_FRAG_RX/TX w4: sender ID in bits[31:16]. */
#define FFA_FWD_SENDER_ID(w)		FFA_TARGET_INFO_ID(w)
#define FFA_FWD_SENDER_W(id)		FFA_TARGET_INFO(id, 0)

#endif /* FFA_IDS_H */
