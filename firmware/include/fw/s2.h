/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stage-2 translation tables: one per guest (Linux, each partition).
 * IPA == PA, 4 KiB granule, 39-bit IPA space walked from level 1. Table
 * pages come from one bounded pool (s2_pool.c: BSS, then the manager's
 * data area), so running out is an error the caller sees (NO_MEMORY),
 * never an allocation.
 */
#ifndef FW_S2_H
#define FW_S2_H

#include <stdint.h>

/* What a guest may do with a range; none of R/W/X means unmapped. */
#define S2_R		(1U << 0)
#define S2_W		(1U << 1)
#define S2_X		(1U << 2)
#define S2_RW		(S2_R | S2_W)
#define S2_RWX		(S2_RW | S2_X)
#define S2_DEVICE	(1U << 3)	/* Device-nGnRE, not normal WB */

#define S2_IPA_BITS	39
#define S2_PAGE_SIZE	4096UL

struct s2_table {
	uint64_t *root;		/* level-1 table, 512 entries */
	uint16_t vmid;
};

/* An empty table (everything faults). 0, or FFA_RET_NO_MEMORY. */
int s2_init(struct s2_table *t, uint16_t vmid);

/*
 * Map [ipa, ipa + size) with perm (S2_*), or unmap it when perm has none
 * of R/W/X. Page aligned. All or nothing: 0, FFA_RET_NO_MEMORY when the
 * pool cannot hold the tables it needs (the table is then unchanged) or
 * FFA_RET_INVALID_PARAMETERS. TLBs are invalidated before returning.
 */
int s2_map(struct s2_table *t, uint64_t ipa, uint64_t size, uint32_t perm);

static inline int s2_unmap(struct s2_table *t, uint64_t ipa, uint64_t size)
{
	return s2_map(t, ipa, size, 0);
}

/* The leaf descriptor that maps ipa in t, or 0 (for tests and dumps). */
uint64_t s2_leaf(const struct s2_table *t, uint64_t ipa);

/* The VTTBR_EL2 value for t, and VTCR_EL2 for every table. */
uint64_t s2_vttbr(const struct s2_table *t);
uint64_t s2_vtcr(void);

/* Make t the stage-2 of this CPU's EL1 (VTCR, VTTBR; HCR.VM is el1.c's). */
void s2_install(const struct s2_table *t);

/* Drop every TLB entry of t's VMID, on every CPU. */
void s2_tlb_flush(const struct s2_table *t);

/* ---- the page pool (s2_pool.c) ---- */
uint64_t *s2_pool_alloc(void);		/* a zeroed page, or NULL */
void s2_pool_free(uint64_t *page);
unsigned int s2_pool_free_pages(void);
/* Add n page-aligned 4 KiB pages at pages, the firmware's own, for good. */
void s2_pool_grow(uint64_t *pages, unsigned int n);

#endif /* FW_S2_H */
