// SPDX-License-Identifier: BSD-3-Clause
/*
 * The memory-sharing invariants, checked in O(pages + ranges): one pass
 * over the pages, one over the READY shares' ranges (stopping as soon as
 * they claim more pages than are marked), and a sort of at most
 * SPM_MAX_SHARES pool extents. Tests and fuzzers call it after every call.
 *
 * Each page in a share is marked with its slot, and each READY share's
 * ranges must cover only pages marked with it, as many as are marked in
 * all: so no page is in two shares, no two live shares' ranges overlap,
 * and no marked page is left over when its share is gone (no leak).
 */
#include <libffa/bytes.h>
#include "mem.h"

static int broken(const char **why, const char *what)
{
	*why = what;
	return FFA_RET_INVALID_PARAMETERS;
}

static bool share_live(const struct spm_share *s)
{
	return s->state == SPM_SHARE_READY && !s->donated;
}

static int check_page(const struct spm *spm, const struct spm_page *p,
		      const char **why)
{
	const struct spm_share *s;

	if (p->owner > spm->nr_endpoints)
		return broken(why, "page owned by a nonexistent endpoint");
	if (!(p->flags & SPM_PAGE_IN_SHARE))
		return 0;
	if (p->flags & SPM_PAGE_MAILBOX)
		return broken(why, "RX/TX page in a share");
	if (p->share >= SPM_MAX_SHARES)
		return broken(why, "page in a share slot that does not exist");
	s = &spm->shares[p->share];
	if (!share_live(s))
		return broken(why, "page in a share that is not READY");
	if (p->owner != s->owner + 1U)
		return broken(why, "page in a share of another owner");
	return 0;
}

static int check_pages(const struct spm *spm, uint64_t *in_share,
		       const char **why)
{
	uint64_t i;
	int ret;

	*in_share = 0;
	for (i = 0; i < spm->st.nr_pages; i++) {
		ret = check_page(spm, &spm->st.pages[i], why);
		if (ret)
			return ret;
		if (spm->st.pages[i].flags & SPM_PAGE_IN_SHARE)
			(*in_share)++;
	}
	return 0;
}

static int check_ranges(const struct spm *spm, const struct spm_share *s,
			uint32_t slot, uint64_t *covered, uint64_t in_share,
			const char **why)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	const struct spm_page *p;
	uint64_t first, j;
	uint32_t i;

	for (i = 0; i < s->mtd.nr_ranges; i++) {
		if (!spm_mem_pages_of(spm, r[i].address, r[i].page_count,
				      &first))
			return broken(why, "share range not managed memory");
		for (j = first; j < first + r[i].page_count; j++) {
			p = &spm->st.pages[j];
			if (++*covered > in_share)
				return broken(why, "share ranges overlap");
			if (!(p->flags & SPM_PAGE_IN_SHARE) || p->share != slot)
				return broken(why, "share page not marked");
		}
	}
	return 0;
}

/* NULL, or what is wrong with a borrower record of s. */
static const char *borrower_broken(const struct spm_share *s, uint32_t i)
{
	const struct spm_borrower *b = &s->borrowers[i];

	if (b->resp_sent > b->resp_total)
		return "retrieve response delivered past its end";
	if (b->retrieved > SPM_MAX_RETRIEVALS)
		return "borrower retrieved more times than allowed";
	if (!b->retrieved && (b->granted || b->attrs || b->zero_after ||
			      b->resp_total))
		return "borrower record without a retrieval";
	if (b->retrieved &&
	    (s->state != SPM_SHARE_READY || i >= s->mtd.nr_access))
		return "borrower retrieved an incomplete share";
	return NULL;
}

static int check_borrowers(const struct spm_share *s, const char **why)
{
	const char *what;
	uint32_t i;

	for (i = 0; i < FFA_MEM_MAX_ACCESS; i++) {
		what = borrower_broken(s, i);
		if (what)
			return broken(why, what);
	}
	return 0;
}

/* All zero but the generation, padding included. */
static bool free_share_clear(const struct spm_share *s)
{
	const uint8_t *b = (const uint8_t *)s;
	size_t gen = FFA_OFFSETOF(struct spm_share, generation);
	size_t after = gen + sizeof(s->generation);

	return ffa_bytes_all_zero(b, gen) &&
	       ffa_bytes_all_zero(b + after, sizeof(*s) - after);
}

static int check_share(const struct spm *spm, uint32_t slot,
		       uint64_t *covered, uint64_t in_share, const char **why)
{
	const struct spm_share *s = &spm->shares[slot];
	bool used = (spm->shares_used >> slot) & 1;

	if (used != (s->state != SPM_SHARE_FREE))
		return broken(why, "shares_used does not match the slots");
	/* spm_share_alloc() takes a free slot as it is. */
	if (s->state == SPM_SHARE_FREE)
		return free_share_clear(s) ? 0 :
		       broken(why, "free share slot not cleared");
	/* The slot is in the low half: live handles are unique. */
	if (s->handle != spm_share_make_handle(slot, s->generation))
		return broken(why, "handle does not name its slot");
	if (s->owner >= spm->nr_endpoints ||
	    s->mtd.nr_access > FFA_MEM_MAX_ACCESS)
		return broken(why, "share with a bad owner or borrowers");
	if (check_borrowers(s, why))
		return FFA_RET_INVALID_PARAMETERS;
	if (!share_live(s))
		return 0;
	return check_ranges(spm, s, slot, covered, in_share, why);
}

int spm_mem_check_invariants(struct spm *spm, const char **why)
{
	uint64_t in_share, covered = 0;
	uint32_t slot;
	int ret = check_pages(spm, &in_share, why);

	if (ret)
		return ret;
	for (slot = 0; slot < SPM_MAX_SHARES; slot++) {
		ret = check_share(spm, slot, &covered, in_share, why);
		if (ret)
			return ret;
	}
	if (covered != in_share)
		return broken(why, "pages marked in a share no share holds");
	if (spm_mem_extents_overlap(spm))
		return broken(why, "range pool extents overlap");
	return 0;
}
