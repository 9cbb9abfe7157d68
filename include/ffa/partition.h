/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Partition information descriptors (FFA_PARTITION_INFO_GET and _REGS).
 * Consumers must step by the descriptor size the manager returns (w3, or
 * x2[63:48]), never by an assumed 8 or 24.
 */
#ifndef FFA_PARTITION_H
#define FFA_PARTITION_H

#include "types.h"

/* w5 flags of FFA_PARTITION_INFO_GET (v1.1+; MBZ in v1.0). */
#define FFA_PART_INFO_FLAG_COUNT_ONLY	FFA_BIT(0)
#define FFA_PART_INFO_FLAGS_MBZ		0xfffffffeU

/* Properties word. */
#define FFA_PART_PROP_DIRECT_REQ_RECV	FFA_BIT(0)
#define FFA_PART_PROP_DIRECT_REQ_SEND	FFA_BIT(1)
#define FFA_PART_PROP_INDIRECT_MSG	FFA_BIT(2)
#define FFA_PART_PROP_NOTIFICATIONS	FFA_BIT(3)	/* v1.1 */
#define FFA_PART_PROP_ID_TYPE_SHIFT	4		/* v1.1, 2 bits */
#define FFA_PART_PROP_ID_TYPE_MASK	(0x3U << FFA_PART_PROP_ID_TYPE_SHIFT)
#define FFA_PART_PROP_ID_PE		0x0U
#define FFA_PART_PROP_ID_SEPID_INDEP	0x1U
#define FFA_PART_PROP_ID_SEPID_DEP	0x2U
#define FFA_PART_PROP_ID_AUX		0x3U
#define FFA_PART_PROP_VM_CREATED	FFA_BIT(6)	/* v1.1 */
#define FFA_PART_PROP_VM_DESTROYED	FFA_BIT(7)	/* v1.1 */
#define FFA_PART_PROP_AARCH64		FFA_BIT(8)	/* v1.1 */
#define FFA_PART_PROP_DIRECT_REQ2_RECV	FFA_BIT(9)	/* v1.2 */
#define FFA_PART_PROP_DIRECT_REQ2_SEND	FFA_BIT(10)	/* v1.2 */
#define FFA_PART_PROP_V1_0_MASK		0x7U
#define FFA_PART_PROP_V1_1_MASK		0x1ffU
#define FFA_PART_PROP_V1_2_MASK		0x7ffU

/* v1.0 descriptor: 8 bytes. */
struct ffa_partition_info_v1_0 {
	uint16_t id;
	uint16_t exec_ctx_count;
	uint32_t properties;
};
FFA_CHECK_SIZE(struct ffa_partition_info_v1_0, 8);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_0, id, 0);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_0, exec_ctx_count, 2);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_0, properties, 4);

/*
 * v1.1/v1.2 descriptor: 24 bytes. The UUID is zero when the query named a
 * specific UUID and filled when it used the Nil UUID.
 */
struct ffa_partition_info_v1_1 {
	uint16_t id;
	uint16_t exec_ctx_count;
	uint32_t properties;
	uint8_t uuid[16];
};
FFA_CHECK_SIZE(struct ffa_partition_info_v1_1, 24);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_1, id, 0);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_1, exec_ctx_count, 2);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_1, properties, 4);
FFA_CHECK_OFFSET(struct ffa_partition_info_v1_1, uuid, 8);

/*
 * FFA_PARTITION_INFO_GET_REGS (v1.2, SMC64).
 * x3 input: start index in [15:0], info tag in [31:16].
 * x2 output: last index [15:0], current index [31:16], tag [47:32],
 * descriptor size [63:48]; x3..x17 hold three registers per descriptor.
 */
#define FFA_PIGR_START_SHIFT		0
#define FFA_PIGR_TAG_SHIFT		16
#define FFA_PIGR_LAST_SHIFT		0
#define FFA_PIGR_CURRENT_SHIFT		16
#define FFA_PIGR_OUT_TAG_SHIFT		32
#define FFA_PIGR_DESC_SIZE_SHIFT	48
#define FFA_PIGR_FIELD_MASK		0xffffULL
#define FFA_PIGR_REGS_PER_DESC		3U
#define FFA_PIGR_MAX_PER_CALL		5U
/* First descriptor register: ID | exec_ctx << 16 | properties << 32. */
#define FFA_PIGR_PROPS_SHIFT		32
#define FFA_PIGR_EXEC_CTX_SHIFT		16

#endif /* FFA_PARTITION_H */
