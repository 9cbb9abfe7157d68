// SPDX-License-Identifier: BSD-3-Clause
/*
 * The share table: one slot per memory transaction, named by a handle
 * that carries the slot's generation, and the range pool, from which each
 * transaction takes one contiguous extent for its constituents.
 *
 * Handle layout (ours; FF-A leaves it implementation defined): bits[31:0]
 * the slot, bits[62:32] the slot's generation + 1, bit 63 clear (the
 * SPMC allocates it, ffa-abi.md 9.8). It is never 0 nor all ones, its
 * upper half is never zero (so 64-bit handle handling is always
 * exercised), and a freed slot's next handle differs from the last one:
 * a stale handle never names a new share (bad-input row 23; Hafnium
 * reuses slot numbers, ffa-bad-inputs.md observation 3).
 */
#include <libffa/bytes.h>
#include "mem.h"

#define GEN_MODULUS	0x7fffffffU

uint64_t spm_share_make_handle(uint32_t slot, uint32_t generation)
{
	return FFA_HANDLE_MAKE(slot, generation % GEN_MODULUS + 1);
}

uint32_t spm_share_slot(const struct spm *spm, const struct spm_share *s)
{
	return (uint32_t)(s - spm->shares);
}

struct ffa_mem_range *spm_share_ranges(const struct spm *spm,
				       const struct spm_share *s)
{
	return spm->st.ranges + s->first_range;
}

struct spm_endpoint *spm_share_owner(struct spm *spm,
				     const struct spm_share *s)
{
	return &spm->endpoints[s->owner];
}

bool spm_share_is_shared(const struct spm_share *s)
{
	return s->op == FFA_MEM_OP_SHARE ||
	       (s->op == FFA_MEM_OP_LEND && s->mtd.nr_access > 1);
}

int spm_share_borrower(const struct spm_share *s, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < s->mtd.nr_access && i < FFA_MEM_MAX_ACCESS; i++)
		if (s->mtd.access[i].receiver_id == id)
			return (int)i;
	return -1;
}

struct spm_share *spm_share_find(struct spm *spm, uint64_t handle)
{
	uint32_t slot = FFA_HANDLE_LO(handle);
	struct spm_share *s;

	if (slot >= SPM_MAX_SHARES)
		return NULL;
	s = &spm->shares[slot];
	if (s->state == SPM_SHARE_FREE || s->handle != handle)
		return NULL;
	return s;
}

/* Extents in use, sorted by start: at most SPM_MAX_SHARES of them. */
struct extents {
	uint32_t n;
	uint32_t start[SPM_MAX_SHARES];
	uint32_t len[SPM_MAX_SHARES];
};

static void extents_insert(struct extents *e, uint32_t start, uint32_t len)
{
	uint32_t i = e->n++;

	/* Insertion sort over the table size, not over constituents. */
	while (i > 0 && e->start[i - 1] > start) {
		e->start[i] = e->start[i - 1];
		e->len[i] = e->len[i - 1];
		i--;
	}
	e->start[i] = start;
	e->len[i] = len;
}

FFA_STATIC_ASSERT(SPM_MAX_SHARES <= 64, "shares_used is one word");

/* The live slots only: one step per set bit of shares_used. */
static void extents_collect(const struct spm *spm, struct extents *e)
{
	uint64_t used = spm->shares_used;
	uint32_t i;

	e->n = 0;
	while (used) {
		i = (uint32_t)__builtin_ctzll(used);
		used &= used - 1;
		extents_insert(e, spm->shares[i].first_range,
			       spm->shares[i].mtd.nr_ranges);
	}
}

/* First fit: the lowest gap of at least len entries. */
static bool range_pool_take(const struct spm *spm, uint32_t len,
			    uint32_t *start)
{
	struct extents e;
	uint64_t at = 0;
	uint32_t i;

	extents_collect(spm, &e);
	for (i = 0; i <= e.n; i++) {
		uint64_t next = i < e.n ? e.start[i] : spm->st.nr_ranges;

		if (next >= at && next - at >= len) {
			*start = (uint32_t)at;
			return true;
		}
		if (i < e.n)
			at = (uint64_t)e.start[i] + e.len[i];
	}
	return false;
}

bool spm_mem_extents_overlap(const struct spm *spm)
{
	struct extents e;
	uint32_t i;

	extents_collect(spm, &e);
	for (i = 0; i < e.n; i++) {
		uint64_t end = (uint64_t)e.start[i] + e.len[i];

		if (end > spm->st.nr_ranges ||
		    (i + 1 < e.n && end > e.start[i + 1]))
			return true;
	}
	return false;
}

/* The lowest free slot, in constant time. */
static struct spm_share *free_slot(struct spm *spm)
{
	uint64_t free = ~spm->shares_used;
	uint32_t i;

	if (SPM_MAX_SHARES < 64)
		free &= (1ULL << (SPM_MAX_SHARES % 64)) - 1;
	if (!free)
		return NULL;
	i = (uint32_t)__builtin_ctzll(free);
	return &spm->shares[i];
}

static void slot_set_used(struct spm *spm, const struct spm_share *s,
			  bool used)
{
	uint64_t bit = 1ULL << spm_share_slot(spm, s);

	spm->shares_used = used ? spm->shares_used | bit :
				  spm->shares_used & ~bit;
}

int spm_share_alloc(struct spm *spm, uint32_t owner,
		    const struct ffa_mtd *mtd, enum ffa_mem_op op,
		    struct spm_share **out)
{
	struct spm_share *s = free_slot(spm);
	uint32_t first, generation;

	/* Class 18: refused before anything is taken. */
	if (!s || !range_pool_take(spm, mtd->nr_ranges, &first))
		return FFA_RET_NO_MEMORY;
	/* A free slot is all zero but its generation (spm_share_free). */
	generation = s->generation;
	s->state = SPM_SHARE_SENDING;
	s->op = op;
	s->owner = (uint8_t)owner;
	s->mtd = *mtd;
	s->first_range = first;
	s->handle = spm_share_make_handle(spm_share_slot(spm, s), generation);
	slot_set_used(spm, s, true);
	*out = s;
	return 0;
}

void spm_share_unalloc(struct spm *spm, struct spm_share *s)
{
	uint32_t generation = s->generation;

	slot_set_used(spm, s, false);
	ffa_bytes_zero(s, sizeof(*s));
	s->generation = generation;
	s->state = SPM_SHARE_FREE;
}

void spm_share_free(struct spm *spm, struct spm_share *s)
{
	uint32_t generation = s->generation + 1;

	slot_set_used(spm, s, false);
	ffa_bytes_zero(s, sizeof(*s));
	s->generation = generation;
	s->state = SPM_SHARE_FREE;
}

static bool borrower_mid_response(const struct spm_share *s, uint16_t id)
{
	int i = spm_share_borrower(s, id);

	return i >= 0 && s->borrowers[i].resp_sent < s->borrowers[i].resp_total;
}

bool spm_mem_endpoint_busy(struct spm *spm, uint32_t ep_index)
{
	uint16_t id = spm->endpoints[ep_index].cfg.id;
	const struct spm_share *s;
	uint32_t i;

	for (i = 0; i < SPM_MAX_SHARES; i++) {
		s = &spm->shares[i];
		if (s->state == SPM_SHARE_SENDING && s->owner == ep_index)
			return true;
		if (s->state == SPM_SHARE_READY &&
		    borrower_mid_response(s, id))
			return true;
	}
	return false;
}
