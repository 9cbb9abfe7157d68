/* SPDX-License-Identifier: BSD-3-Clause */
/* The EL2 stage-1 translation: an identity map of devices and RAM. */
#ifndef FW_MMU_H
#define FW_MMU_H

#include <stdint.h>

/* Build the tables for RAM [base, base + size); 0 or -1 if it cannot. */
int mmu_build(uint64_t ram_base, uint64_t ram_size);
/*
 * Turn the EL2 MMU and caches on, on this CPU, with those tables. The
 * boot CPU first drops any stale cache lines of the image; a secondary
 * must not (other CPUs' dirty lines would be lost).
 */
void mmu_enable_boot_cpu(void);
void mmu_enable(void);
/*
 * Zero RAM [pa, pa + bytes) with DC ZVA when both are whole blocks
 * (page-aligned ranges always are), else memset. MMU on.
 */
void mmu_zero_ram(uint64_t pa, uint64_t bytes);

#endif /* FW_MMU_H */
