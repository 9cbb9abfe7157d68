// SPDX-License-Identifier: BSD-3-Clause
/*
 * The stage-2 table builder. A range is mapped with the largest blocks
 * that fit (1 GiB at level 1, 2 MiB at level 2, else 4 KiB pages), and a
 * block is split into a next-level table when only part of it changes.
 * Every map first counts the table pages it will need, so a pool too
 * small for it fails before anything changes (all or nothing).
 *
 * Descriptor changes that move or resize a mapping go through
 * break-before-make (invalid, TLB flush, new); a permission change of a
 * leaf is written in place and flushed once at the end of the call.
 */
#include <stdbool.h>

#include <ffa/error.h>
#include <fw/arch.h>
#include <fw/s2.h>

#define ENTRIES		512
#define DESC_VALID	BIT64(0)
#define DESC_TYPE_MASK	3ULL
#define DESC_TABLE	3ULL		/* levels 1-2; level 3: page */
#define DESC_BLOCK	1ULL
#define DESC_ADDR_MASK	0x0000fffffffff000ULL

/* Stage-2 leaf attributes (VMSAv8-64, HCR_EL2.FWB = 0). */
#define S2_MEMATTR_NORMAL	(0xfULL << 2)	/* outer and inner WB */
#define S2_MEMATTR_DEVICE	(0x1ULL << 2)	/* Device-nGnRE */
#define S2_AP_R			BIT64(6)
#define S2_AP_W			BIT64(7)
#define S2_SH_INNER		(3ULL << 8)
#define S2_AF			BIT64(10)
#define S2_XN			BIT64(54)	/* no EL1/EL0 execution */

/* VTCR_EL2: 39-bit IPA from level 1, write-back walks, 8-bit VMID. */
#define VTCR_RES1		BIT64(31)
#define VTCR_T0SZ		(64 - S2_IPA_BITS)
#define VTCR_SL0_L1		(1ULL << 6)
#define VTCR_IRGN0_WBWA		(1ULL << 8)
#define VTCR_ORGN0_WBWA		(1ULL << 10)
#define VTCR_SH0_INNER		(3ULL << 12)
#define VTCR_TG0_4K		(0ULL << 14)
#define VTCR_PS_SHIFT		16
#define PARANGE_48		5
#define VTTBR_VMID_SHIFT	48

/* Context of one s2_map call. */
struct s2_walk {
	struct s2_table *t;
	uint32_t perm;
	bool flush;		/* a live leaf changed in place */
};

static unsigned int level_shift(int level)
{
	return 39 - 9 * level;	/* level 1: 30, 2: 21, 3: 12 */
}

static uint64_t level_span(int level)
{
	return 1ULL << level_shift(level);
}

static unsigned int index_at(uint64_t ipa, int level)
{
	return (ipa >> level_shift(level)) % ENTRIES;
}

static bool is_table(uint64_t e, int level)
{
	return level < 3 && (e & DESC_TYPE_MASK) == DESC_TABLE;
}

static uint64_t *table_of(uint64_t e)
{
	return (uint64_t *)(uintptr_t)(e & DESC_ADDR_MASK);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* The end of the level-`level` entry's span that holds a, capped. */
static uint64_t span_end(uint64_t a, int level, uint64_t end)
{
	return min_u64((a & ~(level_span(level) - 1)) + level_span(level),
		       end);
}

static uint64_t leaf_desc(uint64_t pa, uint32_t perm, int level)
{
	uint64_t d = pa | S2_AF | (level == 3 ? DESC_TABLE : DESC_BLOCK);

	if (!(perm & S2_RWX))
		return 0;
	d |= perm & S2_DEVICE ? S2_MEMATTR_DEVICE :
				S2_MEMATTR_NORMAL | S2_SH_INNER;
	if (perm & S2_R)
		d |= S2_AP_R;
	if (perm & S2_W)
		d |= S2_AP_W;
	if (!(perm & S2_X))
		d |= S2_XN;
	return d;
}

/* Entry i of the table that replaces leaf `block` at level - 1. */
static uint64_t split_desc(uint64_t block, int level, unsigned int i)
{
	uint64_t attrs = block & ~(DESC_ADDR_MASK | DESC_TYPE_MASK);
	uint64_t pa = (block & DESC_ADDR_MASK) + i * level_span(level);

	return attrs | pa | (level == 3 ? DESC_TABLE : DESC_BLOCK);
}

/*
 * How many new tables mapping [start, end) under entry e (at level)
 * takes. Frees are not counted: the estimate is an upper bound.
 */
static unsigned int tables_needed(uint64_t e, int level, uint64_t start,
				  uint64_t end)
{
	uint64_t span = level_span(level);
	unsigned int n;

	if (start % span == 0 && end - start == span)
		return 0;
	n = is_table(e, level) ? 0 : 1;
	for (uint64_t a = start; a < end; a = span_end(a, level + 1, end)) {
		uint64_t child = is_table(e, level) ?
			table_of(e)[index_at(a, level + 1)] : 0;

		n += tables_needed(child, level + 1, a,
				   span_end(a, level + 1, end));
	}
	return n;
}

static void free_subtree(uint64_t e, int level)
{
	uint64_t *tbl;

	if (!is_table(e, level))
		return;
	tbl = table_of(e);
	for (unsigned int i = 0; i < ENTRIES; i++)
		free_subtree(tbl[i], level + 1);
	s2_pool_free(tbl);
}

/* Same output and size, only attributes differ: no break needed. */
static bool same_leaf(uint64_t old, uint64_t new, int level)
{
	return (old & DESC_VALID) && (new & DESC_VALID) &&
	       !is_table(old, level) &&
	       (old & (DESC_ADDR_MASK | DESC_TYPE_MASK)) ==
	       (new & (DESC_ADDR_MASK | DESC_TYPE_MASK));
}

static void set_entry(struct s2_walk *w, uint64_t *slot, uint64_t new,
		      int level)
{
	uint64_t old = *slot;

	if (old == new)
		return;
	if (same_leaf(old, new, level)) {
		*slot = new;
		w->flush = true;
		return;
	}
	if (old & DESC_VALID) {
		/* Break before make: no CPU may see both. */
		*slot = 0;
		s2_tlb_flush(w->t);
	}
	*slot = new;
}

static void map_range(struct s2_walk *w, uint64_t *slot, int level,
		      uint64_t start, uint64_t end);

/* Replace a leaf (or nothing) by a table holding the same mappings. */
static void split(struct s2_walk *w, uint64_t *slot, int level)
{
	uint64_t *tbl = s2_pool_alloc();	/* counted beforehand */
	uint64_t old = *slot;

	if (old & DESC_VALID)
		for (unsigned int i = 0; i < ENTRIES; i++)
			tbl[i] = split_desc(old, level + 1, i);
	/* The walker must see the new table's entries before the link. */
	dsb(ishst);
	set_entry(w, slot, (uintptr_t)tbl | DESC_TABLE, level);
}

static void map_range(struct s2_walk *w, uint64_t *slot, int level,
		      uint64_t start, uint64_t end)
{
	uint64_t span = level_span(level);
	uint64_t old = *slot;
	uint64_t *tbl;

	if (start % span == 0 && end - start == span) {
		set_entry(w, slot, leaf_desc(start, w->perm, level), level);
		/* Unreachable and flushed by set_entry's break. */
		free_subtree(old, level);
		return;
	}
	if (!is_table(old, level))
		split(w, slot, level);
	tbl = table_of(*slot);
	for (uint64_t a = start; a < end; a = span_end(a, level + 1, end))
		map_range(w, &tbl[index_at(a, level + 1)], level + 1, a,
			  span_end(a, level + 1, end));
}

int s2_map(struct s2_table *t, uint64_t ipa, uint64_t size, uint32_t perm)
{
	struct s2_walk w = { .t = t, .perm = perm };
	uint64_t end = ipa + size;
	unsigned int need = 0;

	if (!t->root || ipa % S2_PAGE_SIZE || size % S2_PAGE_SIZE ||
	    !size || end < ipa || end > (1ULL << S2_IPA_BITS))
		return FFA_RET_INVALID_PARAMETERS;
	for (uint64_t a = ipa; a < end; a = span_end(a, 1, end))
		need += tables_needed(t->root[index_at(a, 1)], 1, a,
				      span_end(a, 1, end));
	if (need > s2_pool_free_pages())
		return FFA_RET_NO_MEMORY;
	for (uint64_t a = ipa; a < end; a = span_end(a, 1, end))
		map_range(&w, &t->root[index_at(a, 1)], 1, a,
			  span_end(a, 1, end));
	dsb(ishst);
	if (w.flush)
		s2_tlb_flush(t);
	return 0;
}

uint64_t s2_leaf(const struct s2_table *t, uint64_t ipa)
{
	uint64_t e = t->root ? t->root[index_at(ipa, 1)] : 0;

	for (int level = 1; is_table(e, level); level++)
		e = table_of(e)[index_at(ipa, level + 1)];
	return e & DESC_VALID ? e : 0;
}

uint64_t s2_vtcr(void)
{
	uint64_t ps = read_sysreg(id_aa64mmfr0_el1) & 0xf;

	if (ps > PARANGE_48)
		ps = PARANGE_48;
	return VTCR_RES1 | VTCR_T0SZ | VTCR_SL0_L1 | VTCR_IRGN0_WBWA |
	       VTCR_ORGN0_WBWA | VTCR_SH0_INNER | VTCR_TG0_4K |
	       (ps << VTCR_PS_SHIFT);
}

uint64_t s2_vttbr(const struct s2_table *t)
{
	return (uintptr_t)t->root | ((uint64_t)t->vmid << VTTBR_VMID_SHIFT);
}

int s2_init(struct s2_table *t, uint16_t vmid)
{
	t->vmid = vmid;
	t->root = s2_pool_alloc();
	if (!t->root)
		return FFA_RET_NO_MEMORY;
	/* The VMID width (VTCR.VS) must be set before any flush by VMID. */
	write_sysreg(s2_vtcr(), vtcr_el2);
	isb();
	s2_tlb_flush(t);
	return 0;
}

void s2_install(const struct s2_table *t)
{
	write_sysreg(s2_vtcr(), vtcr_el2);
	write_sysreg(s2_vttbr(t), vttbr_el2);
	isb();
}

/*
 * TLB maintenance applies to the VMID in this CPU's VTTBR_EL2: load t's
 * for the flush if another is current. The inner-shareable form reaches
 * every CPU.
 */
void s2_tlb_flush(const struct s2_table *t)
{
	uint64_t cur = read_sysreg(vttbr_el2);
	uint64_t mine = s2_vttbr(t);

	dsb(ishst);
	if (cur != mine) {
		write_sysreg(mine, vttbr_el2);
		isb();
	}
	__asm__ volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	if (cur != mine) {
		write_sysreg(cur, vttbr_el2);
		isb();
	}
}
