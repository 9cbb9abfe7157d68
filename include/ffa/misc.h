/* SPDX-License-Identifier: BSD-3-Clause */
/* RX/TX mapping, MEM_PERM_GET/SET, CONSOLE_LOG and other small ABIs. */
#ifndef FFA_MISC_H
#define FFA_MISC_H

#include "types.h"

/* FF-A pages are always 4 KiB, whatever the translation granule. */
#define FFA_PAGE_SIZE			4096U
#define FFA_PAGE_SHIFT			12

/* FFA_RXTX_MAP w3: page count of each buffer in [5:0], [31:6] MBZ. */
#define FFA_RXTX_PAGES_MASK		0x3fU
#define FFA_RXTX_W3_MBZ			0xffffffc0U
#define FFA_RXTX_MAX_PAGES		63U

/* Endpoint RX/TX descriptor, forwarded by a hypervisor (v1.1+). */
struct ffa_endpoint_rxtx_desc {
	uint16_t endpoint_id;
	uint16_t reserved;
	uint32_t rx_offset;	/* composite descriptor of RX, 8-aligned */
	uint32_t tx_offset;	/* composite descriptor of TX, 8-aligned */
	uint32_t reserved2;
};
FFA_CHECK_SIZE(struct ffa_endpoint_rxtx_desc, 16);
FFA_CHECK_OFFSET(struct ffa_endpoint_rxtx_desc, rx_offset, 4);
FFA_CHECK_OFFSET(struct ffa_endpoint_rxtx_desc, tx_offset, 8);

/* FFA_MEM_PERM_GET/SET permission word (differs from sharing perms). */
#define FFA_MEM_PERM_DATA_MASK		0x3U
#define FFA_MEM_PERM_DATA_NA		0x0U
#define FFA_MEM_PERM_DATA_RW		0x1U
#define FFA_MEM_PERM_DATA_RSVD		0x2U
#define FFA_MEM_PERM_DATA_RO		0x3U
#define FFA_MEM_PERM_NX			FFA_BIT(2)
#define FFA_MEM_PERM_MBZ		0xfffffff8U
#define FFA_MEM_PERM_RO			(FFA_MEM_PERM_DATA_RO | FFA_MEM_PERM_NX)
#define FFA_MEM_PERM_RW			(FFA_MEM_PERM_DATA_RW | FFA_MEM_PERM_NX)
#define FFA_MEM_PERM_RX			FFA_MEM_PERM_DATA_RO

/* FFA_CONSOLE_LOG: w1[7:0] character count. */
#define FFA_CONSOLE_LOG_COUNT_MASK	0xffU
#define FFA_CONSOLE_LOG_MAX_32		24U	/* w2..w7 */
#define FFA_CONSOLE_LOG_MAX_64_V1_1	48U	/* x2..x7 */
#define FFA_CONSOLE_LOG_MAX_64		128U	/* x2..x17 */

/* Boot information blob (v1.1), handed to partitions at boot. */
#define FFA_BOOT_INFO_SIGNATURE		0x0ffaU
struct ffa_boot_info_header {
	uint32_t signature;
	uint32_t version;
	uint32_t blob_size;
	uint32_t desc_size;
	uint32_t desc_count;
	uint32_t desc_offset;
	uint64_t reserved;
};
FFA_CHECK_SIZE(struct ffa_boot_info_header, 32);
FFA_CHECK_OFFSET(struct ffa_boot_info_header, desc_offset, 20);

struct ffa_boot_info_desc {
	uint8_t name[16];
	uint8_t type;
	uint8_t reserved;
	uint16_t flags;
	uint32_t size;
	uint64_t contents;
};
FFA_CHECK_SIZE(struct ffa_boot_info_desc, 32);
FFA_CHECK_OFFSET(struct ffa_boot_info_desc, type, 16);
FFA_CHECK_OFFSET(struct ffa_boot_info_desc, flags, 18);
FFA_CHECK_OFFSET(struct ffa_boot_info_desc, size, 20);
FFA_CHECK_OFFSET(struct ffa_boot_info_desc, contents, 24);

#endif /* FFA_MISC_H */
