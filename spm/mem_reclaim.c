// SPDX-License-Identifier: BSD-3-Clause
/*
 * The way back: a borrower gives retrieved memory up (FFA_MEM_RELINQUISH,
 * bad-input row 27), one relinquish per retrieval, then the owner takes
 * it back (FFA_MEM_RECLAIM, row 28) and the handle dies. Both check
 * everything first and change the platform's mappings with rollback.
 *
 * Clearing (ffa-abi.md 9.6, 9.7): a borrower's memory is cleared when
 * it leaves the borrower (its last retrieval undone) if the relinquish
 * or any of its retrievals asked; the owner's reclaim clears if its own
 * flag asks. Nothing else clears here.
 */
#include <libffa/bytes.h>
#include "mem.h"

#define RELINQUISH_MAX_LEN	(16U + 2U * FFA_RELINQUISH_MAX_IDS)

static int read_relinquish(struct spm_ctx *c, struct ffa_relinquish *rel,
			   const char **why)
{
	uint32_t len = c->caller->mbox.pages * FFA_PAGE_SIZE;
	const uint8_t *buf;
	int ret;

	*why = "no TX buffer mapped";
	if (!c->caller->mbox.tx)
		return FFA_RET_INVALID_PARAMETERS;
	if (len > RELINQUISH_MAX_LEN)
		len = RELINQUISH_MAX_LEN;
	ret = spm_tx_copy(c, len, &buf);
	if (ret)
		return ret;
	return ffa_relinquish_parse(buf, len, rel, why);
}

/* Rows 20 and 23 for relinquish and reclaim: a complete, live share. */
static int find_ready(struct spm *spm, uint64_t handle,
		      struct spm_share **out, const char **why)
{
	struct spm_share *s = spm_share_find(spm, handle);

	/* A donation that was retrieved no longer exists. */
	if (!s || s->donated) {
		*why = "unknown handle";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (s->state != SPM_SHARE_READY) {
		*why = "transaction not fully sent";
		return FFA_RET_INVALID_PARAMETERS;
	}
	*out = s;
	return 0;
}

static int check_relinquish(struct spm_ctx *c, const struct ffa_relinquish *rel,
			    struct spm_share **s, int *idx, const char **why)
{
	const struct spm_borrower *b;
	int ret;

	if (rel->nr_ids != 1 || rel->ids[0] != c->caller->cfg.id) {
		*why = "relinquish must name the caller alone";
		return FFA_RET_INVALID_PARAMETERS;
	}
	ret = find_ready(c->spm, rel->handle, s, why);
	if (ret)
		return ret;
	*idx = spm_share_borrower(*s, c->caller->cfg.id);
	b = *idx >= 0 ? &(*s)->borrowers[*idx] : NULL;
	/* A response still in delivery is not retrieved yet. */
	if (!b || !b->retrieved || b->resp_sent < b->resp_total) {
		*why = "caller has not retrieved this memory";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (!(rel->flags & FFA_RELINQUISH_ZERO))
		return 0;
	*why = "cannot clear shared memory";
	if ((*s)->op == FFA_MEM_OP_SHARE)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "cannot clear read-only memory";
	return (b->granted & SPM_ACCESS_W) ? 0 : FFA_RET_DENIED;
}

int spm_mem_undo_retrieval(struct spm *spm, struct spm_share *s, uint32_t idx,
			   bool zero)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	struct spm_borrower *b = &s->borrowers[idx];
	uint16_t id = s->mtd.access[idx].receiver_id;
	uint32_t n = s->mtd.nr_ranges;
	bool clear = zero || b->zero_after;

	if (b->retrieved > 1) {
		b->retrieved--;
		b->zero_after = clear;
		return 0;
	}
	if (spm_mem_set_ranges(spm, id, r, n, SPM_ACCESS_NONE, b->granted))
		return FFA_RET_NO_MEMORY;
	/* Cleared only once the borrower cannot see it any more. */
	if (clear && spm_mem_zero_ranges(spm, r, n)) {
		spm_mem_set_ranges(spm, id, r, n, b->granted, SPM_ACCESS_NONE);
		return FFA_RET_NO_MEMORY;
	}
	ffa_bytes_zero(b, sizeof(*b));
	return 0;
}

void spm_h_mem_relinquish(struct spm_ctx *c)
{
	struct ffa_relinquish rel;
	struct spm_share *s;
	const char *why;
	int idx, ret = read_relinquish(c, &rel, &why);

	if (!ret)
		ret = check_relinquish(c, &rel, &s, &idx, &why);
	if (!ret) {
		why = "platform could not unmap the borrower";
		ret = spm_mem_undo_retrieval(c->spm, s, (uint32_t)idx,
					     rel.flags & FFA_RELINQUISH_ZERO);
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	/* The last borrower out hands an aborted owner's memory back. */
	spm_mem_abort_settle(c->spm, s);
	spm_ret_success(c, 0, 0);
}

static bool any_retrieved(const struct spm_share *s)
{
	uint32_t i;

	for (i = 0; i < s->mtd.nr_access; i++)
		if (s->borrowers[i].retrieved)
			return true;
	return false;
}

static int check_reclaim(struct spm_ctx *c, struct spm_share **s,
			 const char **why)
{
	uint32_t flags = (uint32_t)c->in->x[3];
	int ret;

	/* Bits [31:2] were refused (abi_table.c); we never time-slice. */
	*why = "reclaim: time slicing";
	if (flags & FFA_RECLAIM_TIME_SLICE)
		return FFA_RET_INVALID_PARAMETERS;
	ret = find_ready(c->spm, spm_mem_handle_arg(c->in), s, why);
	if (ret)
		return ret;
	*why = "caller is not the owner";
	if ((*s)->owner != spm_endpoint_index(c->spm, c->caller))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "a borrower still holds the memory";
	if (any_retrieved(*s))
		return FFA_RET_DENIED;
	if (!(flags & FFA_RECLAIM_ZERO))
		return 0;
	*why = "cannot clear shared memory";
	if ((*s)->op == FFA_MEM_OP_SHARE)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "cannot clear read-only memory";
	return spm_mem_ranges_allow(c->spm, spm_share_ranges(c->spm, *s),
				    (*s)->mtd.nr_ranges, SPM_ACCESS_W) ?
		0 : FFA_RET_DENIED;
}

/* Clear if asked, then give the owner back what it had before. */
static int restore_owner(struct spm *spm, const struct spm_share *s,
			 uint16_t id, bool zero)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	uint32_t n = s->mtd.nr_ranges;

	if (zero && spm_mem_zero_ranges(spm, r, n))
		return FFA_RET_NO_MEMORY;
	if (s->op == FFA_MEM_OP_SHARE)
		return 0;
	return spm_mem_set_ranges(spm, id, r, n, SPM_MEM_OWNER_ACCESS,
				  SPM_ACCESS_NONE) ? FFA_RET_NO_MEMORY : 0;
}

void spm_h_mem_reclaim(struct spm_ctx *c)
{
	struct spm_share *s;
	const char *why;
	int ret = check_reclaim(c, &s, &why);

	if (!ret) {
		why = "platform could not restore the owner";
		ret = restore_owner(c->spm, s, c->caller->cfg.id,
				    (uint32_t)c->in->x[3] & FFA_RECLAIM_ZERO);
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	spm_mem_mark_ranges(c->spm, spm_share_ranges(c->spm, s),
			    s->mtd.nr_ranges, 0, false);
	spm_share_free(c->spm, s);
	spm_ret_success(c, 0, 0);
}
