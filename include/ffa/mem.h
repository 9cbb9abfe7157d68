/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory management descriptors (DEN0077 chapter "Memory management"),
 * all little-endian. A memory transaction descriptor is:
 *
 *   header (v1.0: 32 bytes, v1.1+: 48 bytes)
 *   EMAD array (v1.0/v1.1: 16-byte entries, v1.2: 32-byte entries)
 *   composite descriptor (16 bytes) + constituents (16 bytes each)
 *
 * The same header serves MEM_SHARE/LEND/DONATE, MEM_RETRIEVE_REQ and
 * MEM_RETRIEVE_RESP. "reserved" fields are MBZ.
 */
#ifndef FFA_MEM_H
#define FFA_MEM_H

#include "types.h"

/* v1.0 header: the EMAD array follows at offset 32. */
struct ffa_mtd_v1_0 {
	uint16_t sender_id;
	uint8_t attributes;
	uint8_t reserved0;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	uint32_t reserved1;
	uint32_t emad_count;
};
FFA_CHECK_SIZE(struct ffa_mtd_v1_0, 32);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, sender_id, 0);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, attributes, 2);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, reserved0, 3);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, flags, 4);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, handle, 8);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, tag, 16);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, reserved1, 24);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_0, emad_count, 28);

/* v1.1/v1.2 header: the EMAD array is at emad_offset (normally 48). */
struct ffa_mtd_v1_1 {
	uint16_t sender_id;
	uint16_t attributes;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	uint32_t emad_size;
	uint32_t emad_count;
	uint32_t emad_offset;
	uint8_t reserved[12];
};
FFA_CHECK_SIZE(struct ffa_mtd_v1_1, 48);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, sender_id, 0);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, attributes, 2);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, flags, 4);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, handle, 8);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, tag, 16);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, emad_size, 24);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, emad_count, 28);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, emad_offset, 32);
FFA_CHECK_OFFSET(struct ffa_mtd_v1_1, reserved, 36);

/* Endpoint memory access descriptor, v1.0/v1.1: 16 bytes. */
struct ffa_emad_v1_0 {
	uint16_t receiver_id;
	uint8_t perms;
	uint8_t flags;
	uint32_t composite_offset;	/* 0 in a retrieve request */
	uint64_t reserved;
};
FFA_CHECK_SIZE(struct ffa_emad_v1_0, 16);
FFA_CHECK_OFFSET(struct ffa_emad_v1_0, receiver_id, 0);
FFA_CHECK_OFFSET(struct ffa_emad_v1_0, perms, 2);
FFA_CHECK_OFFSET(struct ffa_emad_v1_0, flags, 3);
FFA_CHECK_OFFSET(struct ffa_emad_v1_0, composite_offset, 4);
FFA_CHECK_OFFSET(struct ffa_emad_v1_0, reserved, 8);

/* v1.2: 32 bytes, with an implementation-defined value per receiver. */
struct ffa_emad_v1_2 {
	uint16_t receiver_id;
	uint8_t perms;
	uint8_t flags;
	uint32_t composite_offset;
	uint8_t impdef[16];
	uint64_t reserved;
};
FFA_CHECK_SIZE(struct ffa_emad_v1_2, 32);
FFA_CHECK_OFFSET(struct ffa_emad_v1_2, composite_offset, 4);
FFA_CHECK_OFFSET(struct ffa_emad_v1_2, impdef, 8);
FFA_CHECK_OFFSET(struct ffa_emad_v1_2, reserved, 24);

#define FFA_MTD_HDR_SIZE_V1_0	32U
#define FFA_MTD_HDR_SIZE_V1_1	48U
#define FFA_EMAD_SIZE_V1_0	16U
#define FFA_EMAD_SIZE_V1_2	32U
#define FFA_MEM_DESC_ALIGN	16U	/* offsets we produce; Hafnium demands it */

/* EMAD flags. */
#define FFA_EMAD_FLAG_NON_RETRIEVAL	FFA_BIT(0)
#define FFA_EMAD_FLAGS_MBZ		0xfeU

/* Composite memory region descriptor, followed by the constituents. */
struct ffa_composite_desc {
	uint32_t total_page_count;
	uint32_t range_count;
	uint64_t reserved;
};
FFA_CHECK_SIZE(struct ffa_composite_desc, 16);
FFA_CHECK_OFFSET(struct ffa_composite_desc, total_page_count, 0);
FFA_CHECK_OFFSET(struct ffa_composite_desc, range_count, 4);
FFA_CHECK_OFFSET(struct ffa_composite_desc, reserved, 8);

/* Constituent: one address range of 4 KiB pages. */
struct ffa_mem_range {
	uint64_t address;
	uint32_t page_count;
	uint32_t reserved;
};
FFA_CHECK_SIZE(struct ffa_mem_range, 16);
FFA_CHECK_OFFSET(struct ffa_mem_range, address, 0);
FFA_CHECK_OFFSET(struct ffa_mem_range, page_count, 8);
FFA_CHECK_OFFSET(struct ffa_mem_range, reserved, 12);

/* Relinquish descriptor (TX buffer of FFA_MEM_RELINQUISH). */
struct ffa_mem_relinquish {
	uint64_t handle;
	uint32_t flags;
	uint32_t endpoint_count;
	/* uint16_t endpoints[endpoint_count] follows */
};
FFA_CHECK_SIZE(struct ffa_mem_relinquish, 16);
FFA_CHECK_OFFSET(struct ffa_mem_relinquish, handle, 0);
FFA_CHECK_OFFSET(struct ffa_mem_relinquish, flags, 8);
FFA_CHECK_OFFSET(struct ffa_mem_relinquish, endpoint_count, 12);
#define FFA_RELINQUISH_ZERO		FFA_BIT(0)
#define FFA_RELINQUISH_TIME_SLICE	FFA_BIT(1)
#define FFA_RELINQUISH_FLAGS_MBZ	0xfffffffcU

/* Memory region attributes (8 bits in v1.0, 16 bits in v1.1+). */
#define FFA_MEM_ATTR_SH_MASK		0x03U
#define FFA_MEM_ATTR_SH_NON		0x00U
#define FFA_MEM_ATTR_SH_RSVD		0x01U
#define FFA_MEM_ATTR_SH_OUTER		0x02U
#define FFA_MEM_ATTR_SH_INNER		0x03U
#define FFA_MEM_ATTR_CACHE_SHIFT	2
#define FFA_MEM_ATTR_CACHE_MASK		0x0cU
#define FFA_MEM_ATTR_NORMAL_NC		(0x1U << 2)
#define FFA_MEM_ATTR_NORMAL_RSVD2	(0x2U << 2)
#define FFA_MEM_ATTR_NORMAL_WB		(0x3U << 2)
#define FFA_MEM_ATTR_DEV_NGNRNE		(0x0U << 2)
#define FFA_MEM_ATTR_DEV_NGNRE		(0x1U << 2)
#define FFA_MEM_ATTR_DEV_NGRE		(0x2U << 2)
#define FFA_MEM_ATTR_DEV_GRE		(0x3U << 2)
#define FFA_MEM_ATTR_TYPE_MASK		0x30U
#define FFA_MEM_ATTR_TYPE_UNSPEC	0x00U
#define FFA_MEM_ATTR_TYPE_DEVICE	0x10U
#define FFA_MEM_ATTR_TYPE_NORMAL	0x20U
#define FFA_MEM_ATTR_TYPE_RSVD		0x30U
#define FFA_MEM_ATTR_NS			0x40U	/* v1.1 */
#define FFA_MEM_ATTR_MBZ_V1_0		0x80U	/* of the 8-bit field */
#define FFA_MEM_ATTR_MBZ_V1_1		0xff80U
/* Normal, write-back, inner shareable: what Linux uses for SHARE. */
#define FFA_MEM_ATTR_NORMAL_WB_IS \
	(FFA_MEM_ATTR_TYPE_NORMAL | FFA_MEM_ATTR_NORMAL_WB | FFA_MEM_ATTR_SH_INNER)

/* Memory access permissions byte (EMAD). */
#define FFA_MEM_DATA_MASK		0x03U
#define FFA_MEM_DATA_UNSPEC		0x00U
#define FFA_MEM_DATA_RO			0x01U
#define FFA_MEM_DATA_RW			0x02U
#define FFA_MEM_DATA_RSVD		0x03U
#define FFA_MEM_INSTR_MASK		0x0cU
#define FFA_MEM_INSTR_UNSPEC		0x00U
#define FFA_MEM_INSTR_NX		0x04U
#define FFA_MEM_INSTR_X			0x08U
#define FFA_MEM_INSTR_RSVD		0x0cU
#define FFA_MEM_PERMS_MBZ		0xf0U

/* Flags word of SHARE/LEND/DONATE. */
#define FFA_MEM_FLAG_ZERO		FFA_BIT(0)	/* MBZ for SHARE */
#define FFA_MEM_FLAG_TIME_SLICE		FFA_BIT(1)
#define FFA_MEM_SEND_FLAGS_MBZ		0xfffffffcU

/* Flags word of RETRIEVE_REQ (and RETRIEVE_RESP). */
#define FFA_RETRIEVE_ZERO_BEFORE	FFA_BIT(0)
#define FFA_RETRIEVE_TIME_SLICE		FFA_BIT(1)
#define FFA_RETRIEVE_ZERO_AFTER		FFA_BIT(2)
#define FFA_RETRIEVE_TYPE_SHIFT		3
#define FFA_RETRIEVE_TYPE_MASK		(0x3U << FFA_RETRIEVE_TYPE_SHIFT)
#define FFA_RETRIEVE_TYPE_ANY		0x0U
#define FFA_RETRIEVE_TYPE_SHARE		0x1U
#define FFA_RETRIEVE_TYPE_LEND		0x2U
#define FFA_RETRIEVE_TYPE_DONATE	0x3U
#define FFA_RETRIEVE_ALIGN_SHIFT	5
#define FFA_RETRIEVE_ALIGN_MASK		(0xfU << FFA_RETRIEVE_ALIGN_SHIFT)
#define FFA_RETRIEVE_ALIGN_VALID	FFA_BIT(9)
#define FFA_RETRIEVE_BYPASS_BORROWERS	FFA_BIT(10)	/* v1.2 */
#define FFA_RETRIEVE_FLAGS_MBZ_V1_2	0xfffff800U
#define FFA_RETRIEVE_FLAGS_MBZ_V1_1	0xfffffc00U

/* FFA_MEM_RECLAIM w3 flags. */
#define FFA_RECLAIM_ZERO		FFA_BIT(0)
#define FFA_RECLAIM_TIME_SLICE		FFA_BIT(1)
#define FFA_RECLAIM_FLAGS_MBZ		0xfffffffcU

/*
 * Handles are 64-bit and opaque. Bit 63 set: allocated by a hypervisor;
 * clear: by the SPMC. All ones is invalid. They travel as (lo, hi) halves:
 * w2/w3 in FFA_SUCCESS, w1/w2 in RECLAIM, FRAG_RX/TX and OP_PAUSE/RESUME.
 */
#define FFA_HANDLE_HYP			FFA_BIT64(63)
#define FFA_HANDLE_INVALID		0xffffffffffffffffULL
#define FFA_HANDLE_LO(h)		((uint32_t)((uint64_t)(h) & 0xffffffffU))
#define FFA_HANDLE_HI(h)		((uint32_t)((uint64_t)(h) >> 32))
#define FFA_HANDLE_MAKE(lo, hi) \
	((((uint64_t)(uint32_t)(hi)) << 32) | (uint64_t)(uint32_t)(lo))

/* FFA_MEM_FRAG_RX/TX w4: sender ID in [31:16] (forwarding), rest MBZ. */
#define FFA_FRAG_W4_MBZ			0x0000ffffU

#endif /* FFA_MEM_H */
