// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL2 stage-1 tables: a 39-bit identity map with the 4 KiB granule,
 * so the walk starts at level 1 (1 GiB per entry).
 *   - 0x0-0x3fffffff (QEMU virt's devices): one 1 GiB Device-nGnRE block;
 *   - RAM: 2 MiB Normal write-back blocks, inner shareable, under up to
 *     MMU_RAM_GIB level-2 tables. Only whole 2 MiB blocks inside RAM are
 *     mapped, so nothing that is not RAM is ever cacheable.
 * Everything else faults. The tables live in BSS and are built once by
 * the boot CPU; every CPU then turns its MMU on with them.
 */
#include <stdbool.h>

#include <fw/arch.h>
#include <fw/memmap.h>
#include <fw/mmu.h>
#include <fw/printf.h>

#define ENTRIES		512
#define L1_SHIFT	30
#define L2_SHIFT	21
#define VA_BITS		39
#define MMU_RAM_GIB	4

/* Descriptor bits (VMSAv8-64, stage 1). */
#define DESC_BLOCK	0x1ULL
#define DESC_TABLE	0x3ULL
#define DESC_ATTR(i)	((uint64_t)(i) << 2)
#define DESC_AP1	BIT64(6)	/* no meaning at EL2: RES1 */
#define DESC_SH_INNER	(3ULL << 8)
#define DESC_AF		BIT64(10)
#define DESC_XN		BIT64(54)

/* MAIR_EL2 slots. */
#define ATTR_NORMAL	0	/* 0xff: write-back, read/write-allocate */
#define ATTR_DEVICE	1	/* 0x04: Device-nGnRE */
#define MAIR_VALUE	(0xffULL | (0x04ULL << 8))

#define DESC_NORMAL	(DESC_BLOCK | DESC_ATTR(ATTR_NORMAL) | DESC_AP1 | \
			 DESC_SH_INNER | DESC_AF)
#define DESC_DEVICE	(DESC_BLOCK | DESC_ATTR(ATTR_DEVICE) | DESC_AP1 | \
			 DESC_AF | DESC_XN)

/* TCR_EL2 (E2H = 0): RES1 bits 31 and 23, and the TTBR0 walk. */
#define TCR_RES1	(BIT64(31) | BIT64(23))
#define TCR_T0SZ	(64 - VA_BITS)
#define TCR_IRGN0_WBWA	(1ULL << 8)
#define TCR_ORGN0_WBWA	(1ULL << 10)
#define TCR_SH0_INNER	(3ULL << 12)
#define TCR_TG0_4K	(0ULL << 14)
#define TCR_PS_SHIFT	16
#define PARANGE_48	5	/* larger PAs need 52-bit descriptors */

/* SCTLR_EL2 enables. */
#define SCTLR_M		BIT64(0)
#define SCTLR_C		BIT64(2)
#define SCTLR_I		BIT64(12)

static uint64_t l1_table[ENTRIES]
	__attribute__((aligned(4096), section(".bss.pgtable")));
static uint64_t l2_tables[MMU_RAM_GIB][ENTRIES]
	__attribute__((aligned(4096), section(".bss.pgtable")));

extern char __image_start[], __image_end[];

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The level-2 table for the GiB holding addr, linked on first use. */
static uint64_t *l2_for(uint64_t addr, uint64_t first_gib)
{
	uint64_t gib = addr >> L1_SHIFT;
	uint64_t *l2 = l2_tables[gib - first_gib];

	if (!l1_table[gib])
		l1_table[gib] = (uintptr_t)l2 | DESC_TABLE;
	return l2;
}

int mmu_build(uint64_t ram_base, uint64_t ram_size)
{
	uint64_t block = 1ULL << L2_SHIFT;
	uint64_t start = align_up(ram_base, block);
	uint64_t end = (ram_base + ram_size) & ~(block - 1);
	uint64_t first_gib = start >> L1_SHIFT;
	uint64_t limit = (first_gib + MMU_RAM_GIB) << L1_SHIFT;

	if (start < DEVICE_END || start >= end || end > (1ULL << VA_BITS))
		return -1;
	if (end > limit) {
		fw_printf("fw: mmu: mapping only the first %u GiB of RAM\n",
			  MMU_RAM_GIB);
		end = limit;
	}
	l1_table[DEVICE_BASE >> L1_SHIFT] = DEVICE_BASE | DESC_DEVICE;
	for (uint64_t pa = start; pa < end; pa += block)
		l2_for(pa, first_gib)[(pa >> L2_SHIFT) % ENTRIES] =
			pa | DESC_NORMAL;
	return 0;
}

static uint64_t tcr_value(void)
{
	uint64_t ps = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	if (ps > PARANGE_48)
		ps = PARANGE_48;
	return TCR_RES1 | TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
	       TCR_SH0_INNER | TCR_TG0_4K | (ps << TCR_PS_SHIFT);
}

void mmu_enable_boot_cpu(void)
{
	/*
	 * Until now every access was Device (MMU off) and went to memory,
	 * but the caches may still hold lines for our image from before we
	 * ran: drop them, or the first cacheable reads of the tables, BSS
	 * and stacks could see stale data.
	 */
	dsb(sy);
	dcache_inval_range((uintptr_t)__image_start,
			   (uintptr_t)__image_end - (uintptr_t)__image_start);
	mmu_enable();
}

void mmu_enable(void)
{
	__asm__ volatile("ic iallu");
	__asm__ volatile("tlbi alle2" : : : "memory");
	dsb(sy);
	isb();
	write_sysreg(MAIR_VALUE, mair_el2);
	write_sysreg(tcr_value(), tcr_el2);
	write_sysreg((uintptr_t)l1_table, ttbr0_el2);
	isb();
	write_sysreg(read_sysreg(sctlr_el2) | SCTLR_M | SCTLR_C | SCTLR_I,
		     sctlr_el2);
	isb();
}

/* DCZID_EL0: DZP (bit 4) prohibits DC ZVA; BS (bits 3:0) its block. */
#define DCZID_DZP	BIT64(4)
#define DCZID_BS_MASK	0xfULL

/*
 * DC ZVA zeroes a whole block (64 bytes on QEMU virt's CPUs) an
 * instruction, where a store loop writes 8 or 16 bytes. It needs Normal
 * memory (on Device memory it faults), which RAM is in this map, and
 * the MMU on, which it is on every CPU before any guest runs. A range
 * that is not whole blocks, or a CPU that prohibits it, gets memset.
 */
void mmu_zero_ram(uint64_t pa, uint64_t bytes)
{
	uint64_t dczid = read_sysreg(dczid_el0);
	uint64_t block = 4ULL << (dczid & DCZID_BS_MASK);
	uint64_t end = pa + bytes;

	if ((dczid & DCZID_DZP) || ((pa | bytes) & (block - 1))) {
		__builtin_memset((void *)(uintptr_t)pa, 0, bytes);
		return;
	}
	/* Four blocks an iteration while they fit: a page is 64 blocks. */
	for (; end - pa >= 4 * block; pa += 4 * block)
		__asm__ volatile("dc zva, %0\n\tdc zva, %1\n\t"
				 "dc zva, %2\n\tdc zva, %3"
				 : : "r"(pa), "r"(pa + block),
				   "r"(pa + 2 * block), "r"(pa + 3 * block)
				 : "memory");
	for (; pa < end; pa += block)
		__asm__ volatile("dc zva, %0" : : "r"(pa) : "memory");
}
