// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory an aborted endpoint leaves behind (spm_abort(), abort.c). The
 * manager does what the endpoint can no longer do itself, so that every
 * other endpoint can finish or undo what it shared with it:
 *
 * - retrievals it holds (a response half read through FRAG_RX too) are
 *   relinquished for it: unmapped, and cleared where its retrieve asked
 *   to clear "after relinquish / on borrower abort" (ffa-abi.md 9.6,
 *   flag bit 2), so the lender can reclaim;
 * - a donation it was still receiving: the memory became its own with
 *   the retrieve, only the slot that finished the response is freed;
 * - a transaction it was still sending through FRAG_TX is dropped;
 * - transactions it owns are reclaimed for it (its own access back, the
 *   slot freed) as soon as no borrower holds them: at once when none
 *   retrieved, else by the last relinquish (spm_mem_abort_settle()).
 *   Until then a borrower that had not retrieved is answered ABORTED
 *   ("target aborted", ffa-abi.md 3), and afterwards the handle is
 *   unknown (INVALID_PARAMETERS, ffa-abi.md 10.2).
 *
 * A platform failure leaves that piece as it was and logs it; the next
 * spm_abort() of the endpoint tries again, and spm_check_invariants()
 * names what is still held meanwhile.
 */
#include <libffa/bytes.h>
#include "mem.h"

int spm_mem_relinquish_all(struct spm *spm, struct spm_share *s, int idx)
{
	struct spm_borrower *b = &s->borrowers[idx];
	uint32_t left = b->retrieved;
	int ret;

	/* One relinquish per retrieval; bounded by SPM_MAX_RETRIEVALS. */
	while (left-- > 0) {
		ret = spm_mem_undo_retrieval(spm, s, (uint32_t)idx, false);
		if (ret)
			return ret;
	}
	return 0;
}

/* Some borrower still has the memory (or its response) retrieved. */
static bool share_held(const struct spm_share *s)
{
	uint32_t i;

	for (i = 0; i < s->mtd.nr_access && i < FFA_MEM_MAX_ACCESS; i++)
		if (s->borrowers[i].retrieved || s->borrowers[i].resp_total)
			return true;
	return false;
}

/* What FFA_MEM_RECLAIM without flags does, for an owner that cannot. */
static int reclaim_for_owner(struct spm *spm, struct spm_share *s)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	uint16_t id = spm_share_owner(spm, s)->cfg.id;
	uint32_t n = s->mtd.nr_ranges;

	/* A SHARE never took the owner's mapping away. */
	if (s->op != FFA_MEM_OP_SHARE &&
	    spm_mem_set_ranges(spm, id, r, n, SPM_MEM_OWNER_ACCESS,
			       SPM_ACCESS_NONE))
		return FFA_RET_NO_MEMORY;
	spm_mem_mark_ranges(spm, r, n, 0, false);
	spm_share_free(spm, s);
	return 0;
}

void spm_mem_abort_settle(struct spm *spm, struct spm_share *s)
{
	if (s->state != SPM_SHARE_READY || s->donated ||
	    !spm_share_owner(spm, s)->aborted || share_held(s))
		return;
	if (reclaim_for_owner(spm, s))
		spm_log(spm, 0, "abort: cannot give memory back to its owner");
}

/* One live slot, as seen from the aborted endpoint ep_index. */
static void abort_share(struct spm *spm, struct spm_share *s,
			uint32_t ep_index)
{
	int idx = spm_share_borrower(s, spm->endpoints[ep_index].cfg.id);

	if (s->state == SPM_SHARE_SENDING) {
		/* Its handle went out with FRAG_RX: it must die. */
		if (s->owner == ep_index)
			spm_share_free(spm, s);
		return;
	}
	/* A donation lives on only for its one retriever's response. */
	if (s->donated) {
		if (idx >= 0)
			spm_share_free(spm, s);
		return;
	}
	if (idx >= 0 && spm_mem_relinquish_all(spm, s, idx))
		spm_log(spm, 0, "abort: cannot unmap an aborted borrower");
	spm_mem_abort_settle(spm, s);
}

void spm_mem_abort_endpoint(struct spm *spm, uint32_t ep_index)
{
	uint32_t i;

	for (i = 0; i < SPM_MAX_SHARES; i++)
		if (spm->shares[i].state != SPM_SHARE_FREE)
			abort_share(spm, &spm->shares[i], ep_index);
}

static bool id_aborted(const struct spm *spm, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints; i++)
		if (spm->endpoints[i].cfg.id == id)
			return spm->endpoints[i].aborted;
	return false;
}

static int broken(const char **why, const char *what)
{
	*why = what;
	return FFA_RET_INVALID_PARAMETERS;
}

int spm_mem_abort_check(const struct spm *spm, const char **why)
{
	const struct spm_share *s;
	uint32_t slot, i;

	for (slot = 0; slot < SPM_MAX_SHARES; slot++) {
		s = &spm->shares[slot];
		if (s->state == SPM_SHARE_FREE)
			continue;
		if (s->owner >= spm->nr_endpoints)
			return broken(why, "share of a nonexistent owner");
		for (i = 0; i < s->mtd.nr_access && i < FFA_MEM_MAX_ACCESS; i++)
			if (id_aborted(spm, s->mtd.access[i].receiver_id) &&
			    (s->borrowers[i].retrieved ||
			     s->borrowers[i].resp_total))
				return broken(why, "aborted borrower still "
					      "holds retrieved memory");
		if (!spm->endpoints[s->owner].aborted || s->donated)
			continue;
		if (s->state != SPM_SHARE_READY)
			return broken(why, "aborted endpoint still sending");
		if (!share_held(s))
			return broken(why, "share of an aborted owner that "
				      "nobody holds");
	}
	return 0;
}
