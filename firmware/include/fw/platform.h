/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The firmware's side of spm/'s platform seam (spm/include/spm/platform.h):
 * stage-2 tables for access, the EL2 identity map for copies, a
 * spinlock, the PL011 for logs and consoles.
 */
#ifndef FW_PLATFORM_H
#define FW_PLATFORM_H

#include <spm/platform.h>

#include <fw/s2.h>

/*
 * The seam for a manager whose managed memory is [mem_base, mem_base +
 * mem_size): copies outside it fail with ABORTED.
 */
void fw_platform_init(struct spm_platform *plat, uint64_t mem_base,
		      uint64_t mem_size);

/*
 * Endpoint id's memory is the IPA space of t: set_access for id maps
 * and unmaps there. 0, or FFA_RET_NO_MEMORY when the table is full.
 */
int fw_platform_add_s2(uint16_t id, struct s2_table *t);

#endif /* FW_PLATFORM_H */
