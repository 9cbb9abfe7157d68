/* SPDX-License-Identifier: BSD-3-Clause */
/* Direct and indirect messaging: flags, framework messages, MSG_SEND2. */
#ifndef FFA_MSG_H
#define FFA_MSG_H

#include "types.h"

/* Direct request/response w2: 0 for partition messages. */
#define FFA_DIRECT_FLAG_FRAMEWORK	FFA_BIT(31)
#define FFA_DIRECT_FW_TYPE_MASK		0xffU
#define FFA_DIRECT_FLAGS_MBZ_FW		0x7fffff00U	/* framework msg */

/* Framework message types (w2[7:0] with bit 31 set). */
#define FFA_FW_MSG_PSCI_REQ		0x0U
#define FFA_FW_MSG_WARM_BOOT_REQ	0x1U
#define FFA_FW_MSG_PM_RESP		0x2U
#define FFA_FW_MSG_VM_CREATED		0x4U
#define FFA_FW_MSG_VM_CREATED_RESP	0x5U
#define FFA_FW_MSG_VM_DESTROYED		0x6U
#define FFA_FW_MSG_VM_DESTROYED_RESP	0x7U
#define FFA_FW_MSG_VERSION_REQ		0x8U
#define FFA_FW_MSG_VERSION_RESP		0x9U

/* Payload registers. */
#define FFA_DIRECT_ARGS		5U	/* w3..w7 / x3..x7 */
#define FFA_DIRECT2_ARGS	14U	/* x4..x17 */

/* FFA_MSG_WAIT w2 (v1.2): keep RX ownership; other bits MBZ. */
#define FFA_MSG_WAIT_RETAIN_RX		FFA_BIT(0)
#define FFA_MSG_WAIT_FLAGS_MBZ		0xfffffffeU

/* FFA_MSG_SEND (v1.0 legacy) w4 bit 0: notify when receiver RX frees. */
#define FFA_MSG_SEND_NOTIFY_RX_FREE	FFA_BIT(0)

/* FFA_MSG_SEND2 w2: bit 1 delays the schedule receiver interrupt. */
#define FFA_MSG_SEND2_DELAY_SRI		FFA_BIT(1)
#define FFA_MSG_SEND2_FLAGS_MBZ		0xfffffffdU
/* FFA_MSG_SEND2 w1: forwarded sender VM ID in [31:16], [15:0] MBZ. */
#define FFA_MSG_SEND2_W1_MBZ		0x0000ffffU

/*
 * Partition message header at offset 0 of the sender's TX buffer.
 * v1.1 uses the first 20 bytes; v1.2 adds a reserved word and the
 * protocol UUID, for 40 bytes.
 */
struct ffa_msg_send2_hdr {
	uint32_t flags;		/* MBZ in v1.1/v1.2 */
	uint32_t reserved0;
	uint32_t offset;	/* payload offset, >= header size */
	uint16_t receiver;
	uint16_t sender;
	uint32_t size;		/* payload bytes */
	uint32_t reserved1;	/* v1.2 */
	uint8_t uuid[16];	/* v1.2 */
};
FFA_CHECK_SIZE(struct ffa_msg_send2_hdr, 40);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, flags, 0);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, reserved0, 4);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, offset, 8);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, receiver, 12);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, sender, 14);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, size, 16);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, reserved1, 20);
FFA_CHECK_OFFSET(struct ffa_msg_send2_hdr, uuid, 24);

#define FFA_MSG_SEND2_HDR_SIZE_V1_1	20U
#define FFA_MSG_SEND2_HDR_SIZE_V1_2	40U
/* Payload limit: offset + size must fit in one 4 KiB FF-A page. */
#define FFA_MSG_SEND2_MAX_TOTAL		4096U

#endif /* FFA_MSG_H */
