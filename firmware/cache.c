// SPDX-License-Identifier: BSD-3-Clause
/* Data cache maintenance by virtual address, to the point of coherency. */
#include <fw/arch.h>

/* The smallest data cache line, from CTR_EL0.DminLine (log2 of words). */
static uintptr_t dcache_line(void)
{
	return 4UL << ((read_sysreg(ctr_el0) >> 16) & 0xf);
}

void dcache_inval_range(uintptr_t start, uintptr_t len)
{
	uintptr_t line = dcache_line();
	uintptr_t end = start + len;

	dsb(sy);
	for (start &= ~(line - 1); start < end; start += line)
		__asm__ volatile("dc ivac, %0" : : "r"(start) : "memory");
	dsb(sy);
}

void dcache_clean_range(uintptr_t start, uintptr_t len)
{
	uintptr_t line = dcache_line();
	uintptr_t end = start + len;

	dsb(sy);
	for (start &= ~(line - 1); start < end; start += line)
		__asm__ volatile("dc cvac, %0" : : "r"(start) : "memory");
	dsb(sy);
}
