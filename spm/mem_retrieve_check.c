// SPDX-License-Identifier: BSD-3-Clause
/*
 * Judging a borrower's FFA_MEM_RETRIEVE_REQ against the transaction it
 * names (ffa-abi.md 10.2; bad-input rows 20 and 23-26). lib/ validated
 * the request on its own; here it meets the share: handle, tag, owner,
 * type, borrower list, what was granted and what the borrower already
 * holds. Nothing is changed until every check passed.
 *
 * The rules, in the order they are judged (malformed requests before
 * requests the state refuses):
 * - handle, tag, type, borrower list, impdef value: INVALID_PARAMETERS
 *   (owner named wrong, or the sending unfinished: DENIED);
 * - zero flags on a SHARE, and zero-before-retrieval from a borrower
 *   that holds the memory already: INVALID_PARAMETERS;
 * - an instruction access on memory mapped in several places (SHARE,
 *   LEND to several): INVALID_PARAMETERS;
 * - memory attributes: lib's ffa_mtd_retrieve_attrs();
 * - more retrievals than SPM_MAX_RETRIEVALS: DENIED;
 * - more access than granted, or than the first retrieval got: DENIED;
 * - zeroing the sender did not allow, or on a read-only retrieval:
 *   DENIED.
 * docs/ARCHITECTURE.md lists the choices made where sources disagree.
 */
#include <ffa/version.h>
#include "mem.h"

static uint32_t type_of(enum ffa_mem_op op)
{
	switch (op) {
	case FFA_MEM_OP_LEND:
		return FFA_RETRIEVE_TYPE_LEND;
	case FFA_MEM_OP_DONATE:
		return FFA_RETRIEVE_TYPE_DONATE;
	default:
		return FFA_RETRIEVE_TYPE_SHARE;
	}
}

uint32_t spm_mem_retrieve_type(const struct spm_share *s)
{
	return type_of(s->op);
}

static int read_request(struct spm_ctx *c, struct ffa_retrieve_req *req,
			const char **why)
{
	uint32_t total = (uint32_t)c->in->x[1], len = (uint32_t)c->in->x[2];
	const uint8_t *buf;
	int ret;

	*why = "bad retrieve request";
	if (total != len) {
		*why = "fragmented retrieve requests are not supported";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (c->in->x[3] != 0 || (uint32_t)c->in->x[4] != 0) {
		*why = "only the TX buffer may carry the request";
		return FFA_RET_INVALID_PARAMETERS;
	}
	/* RX and TX come as a pair: no TX means no RX for the answer. */
	if (!c->caller->mbox.tx || len > c->caller->mbox.pages * FFA_PAGE_SIZE)
		return FFA_RET_INVALID_PARAMETERS;
	ret = spm_tx_copy(c, len, &buf);
	if (ret)
		return ret;
	return ffa_retrieve_req_parse(c->caller->version, buf, len, req, why);
}

/* Rows 20, 23, 24 (sender) and 25 (type). */
static int find_share(struct spm *spm, const struct ffa_retrieve_req *req,
		      struct spm_share **out, const char **why)
{
	struct spm_share *s = spm_share_find(spm, req->hdr.handle);

	if (!s || s->donated) {
		*why = "unknown handle";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (s->state != SPM_SHARE_READY) {
		*why = "transaction not fully sent";
		return FFA_RET_DENIED;
	}
	*why = "request does not match the transaction";
	if (req->hdr.tag != s->mtd.hdr.tag)
		return FFA_RET_INVALID_PARAMETERS;
	if (req->hdr.sender_id != spm_share_owner(spm, s)->cfg.id)
		return FFA_RET_DENIED;
	if (req->type != FFA_RETRIEVE_TYPE_ANY && req->type != type_of(s->op))
		return FFA_RET_INVALID_PARAMETERS;
	*out = s;
	return 0;
}

static int request_index(const struct ffa_retrieve_req *req, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < req->nr_access && i < FFA_MEM_MAX_ACCESS; i++)
		if (req->access[i].receiver_id == id)
			return (int)i;
	return -1;
}

/* Row 24: the request names the sender's borrowers, caller included. */
static int check_borrowers(const struct spm_share *s,
			   const struct ffa_retrieve_req *req, uint16_t caller,
			   int *ridx, const char **why)
{
	bool bypass = req->hdr.flags & FFA_RETRIEVE_BYPASS_BORROWERS;
	uint32_t i;

	*why = "caller is not a borrower";
	if (spm_share_borrower(s, caller) < 0)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "bypass flag with a single borrower";
	if (bypass && s->mtd.nr_access == 1)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "borrower list differs from the sender's";
	if (!bypass && req->nr_access != s->mtd.nr_access)
		return FFA_RET_INVALID_PARAMETERS;
	/* IDs are unique on both sides (lib/ checked): no double count. */
	for (i = 0; i < req->nr_access; i++)
		if (spm_share_borrower(s, req->access[i].receiver_id) < 0)
			return FFA_RET_INVALID_PARAMETERS;
	*ridx = request_index(req, caller);
	return *ridx < 0 ? FFA_RET_INVALID_PARAMETERS : 0;
}

/*
 * Row 25: a request in the 32-byte EMAD layout quotes back the sender's
 * implementation-defined value; a 16-byte EMAD has no room for one.
 */
static bool impdef_matches(const struct ffa_retrieve_req *req, int ridx,
			   const struct ffa_mem_access *sent)
{
	uint32_t i;

	if (req->layout_version < FFA_VERSION_1_2)
		return true;
	for (i = 0; i < sizeof(sent->impdef); i++)
		if (req->access[ridx].impdef[i] != sent->impdef[i])
			return false;
	return true;
}

/* The checks that find the request itself wrong: INVALID_PARAMETERS. */
static int check_request(const struct spm_share *s, int idx,
			 const struct ffa_retrieve_req *req, int ridx,
			 const char **why)
{
	uint32_t zero = FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER;
	uint32_t flags = req->hdr.flags;

	*why = "implementation-defined value differs";
	if (!impdef_matches(req, ridx, &s->mtd.access[idx]))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "zeroing asked on shared memory";
	if ((flags & zero) && s->op == FFA_MEM_OP_SHARE)
		return FFA_RET_INVALID_PARAMETERS;
	/* Memory in use cannot be cleared "before" this retrieval. */
	*why = "zeroing before retrieval asked while retrieved";
	if ((flags & FFA_RETRIEVE_ZERO_BEFORE) && s->borrowers[idx].retrieved)
		return FFA_RET_INVALID_PARAMETERS;
	/* Memory mapped in several places is never executable (NX). */
	*why = "instruction access asked on shared memory";
	if (spm_share_is_shared(s) &&
	    (req->access[ridx].perms & FFA_MEM_INSTR_MASK) !=
	    FFA_MEM_INSTR_UNSPEC)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

/*
 * Row 26, first retrieval: the data access the send granted, or less. A
 * donation grants none: it hands over what the donor itself had (row
 * 14: a read-only mapping is never offered read-write).
 */
static int grant_data(struct spm *spm, const struct spm_share *s,
		      uint8_t granted, uint8_t asked, uint32_t *access,
		      const char **why)
{
	uint8_t data = granted & FFA_MEM_DATA_MASK;

	if (s->op == FFA_MEM_OP_DONATE)
		data = spm_mem_ranges_allow(spm, spm_share_ranges(spm, s),
					    s->mtd.nr_ranges, SPM_ACCESS_W) ?
			FFA_MEM_DATA_RW : FFA_MEM_DATA_RO;
	asked &= FFA_MEM_DATA_MASK;
	if (asked == FFA_MEM_DATA_RW && data == FFA_MEM_DATA_RO) {
		*why = "read-write asked, read-only granted";
		return FFA_RET_DENIED;
	}
	if (asked != FFA_MEM_DATA_UNSPEC)
		data = asked;
	*access = data == FFA_MEM_DATA_RW ? SPM_ACCESS_RW : SPM_ACCESS_R;
	return 0;
}

/*
 * Row 26, first retrieval: no send states an instruction access, so a
 * borrower of a LEND or DONATE to one asks for it: unstated or NX gets
 * NX; X only of memory its owner may execute, and never of the normal
 * world's (row 12: no X on NS memory for a partition).
 */
static int grant_instr(struct spm *spm, const struct spm_share *s,
		       uint8_t asked, uint32_t *access, const char **why)
{
	uint16_t owner = spm_share_owner(spm, s)->cfg.id;

	if ((asked & FFA_MEM_INSTR_MASK) != FFA_MEM_INSTR_X)
		return 0;
	if (!FFA_ID_IS_SECURE(owner) ||
	    !spm_mem_ranges_allow(spm, spm_share_ranges(spm, s),
				  s->mtd.nr_ranges, SPM_ACCESS_X)) {
		*why = "execute asked of memory that is not executable";
		return FFA_RET_DENIED;
	}
	*access |= SPM_ACCESS_X;
	return 0;
}

/*
 * A later retrieval shares the mapping of the first: it may leave the
 * permissions unstated or ask for less, and gets what is mapped; more
 * than that is DENIED (ffa-abi.md 10.2, "more permissive than granted").
 */
static int grant_again(const struct spm_borrower *b, uint8_t asked,
		       uint32_t *access, const char **why)
{
	*why = "more access asked than the first retrieval got";
	if ((asked & FFA_MEM_DATA_MASK) == FFA_MEM_DATA_RW &&
	    !(b->granted & SPM_ACCESS_W))
		return FFA_RET_DENIED;
	if ((asked & FFA_MEM_INSTR_MASK) == FFA_MEM_INSTR_X &&
	    !(b->granted & SPM_ACCESS_X))
		return FFA_RET_DENIED;
	*access = b->granted;
	return 0;
}

static int grant_access(struct spm *spm, const struct spm_share *s, int idx,
			uint8_t asked, uint32_t *access, const char **why)
{
	const struct spm_borrower *b = &s->borrowers[idx];
	int ret;

	*why = "retrieved as many times as allowed";
	if (b->retrieved >= SPM_MAX_RETRIEVALS)
		return FFA_RET_DENIED;
	*why = "previous retrieve response not fully delivered";
	if (b->resp_sent < b->resp_total)
		return FFA_RET_DENIED;
	if (b->retrieved)
		return grant_again(b, asked, access, why);
	ret = grant_data(spm, s, s->mtd.access[idx].perms, asked, access,
			 why);
	if (ret)
		return ret;
	return grant_instr(spm, s, asked, access, why);
}

/* Rows 16 and 26: clearing the sender allowed, with write access. */
static int check_zeroing(const struct spm_share *s, uint32_t flags,
			 uint32_t access, const char **why)
{
	uint32_t zero = FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER;

	*why = "zeroing asked, not granted";
	if ((flags & FFA_RETRIEVE_ZERO_BEFORE) &&
	    !(s->mtd.hdr.flags & FFA_MEM_FLAG_ZERO))
		return FFA_RET_DENIED;
	*why = "zeroing asked on a read-only retrieval";
	if ((flags & zero) && !(access & SPM_ACCESS_W))
		return FFA_RET_DENIED;
	return 0;
}

static int grant(struct spm *spm, const struct ffa_retrieve_req *req,
		 int ridx, struct spm_retrieve *out, const char **why)
{
	const struct spm_share *s = out->s;
	const struct spm_borrower *b = &s->borrowers[out->idx];
	uint16_t in_force = b->retrieved ? b->attrs : s->mtd.hdr.attributes;
	uint32_t flags = req->hdr.flags;
	int ret = check_request(s, out->idx, req, ridx, why);

	if (ret)
		return ret;
	ret = ffa_mtd_retrieve_attrs(in_force, req->hdr.attributes,
				     &out->attrs, why);
	if (ret)
		return ret;
	ret = grant_access(spm, s, out->idx, req->access[ridx].perms,
			   &out->access, why);
	if (ret)
		return ret;
	ret = check_zeroing(s, flags, out->access, why);
	if (ret)
		return ret;
	out->zero_before = flags & FFA_RETRIEVE_ZERO_BEFORE;
	out->zero_after = flags & FFA_RETRIEVE_ZERO_AFTER;
	return 0;
}

int spm_mem_judge_retrieve(struct spm_ctx *c, struct spm_retrieve *out,
			   const char **why)
{
	uint16_t id = c->caller->cfg.id;
	struct ffa_retrieve_req req;
	int ret, ridx;

	ret = read_request(c, &req, why);
	if (ret)
		return ret;
	ret = find_share(c->spm, &req, &out->s, why);
	if (ret)
		return ret;
	ret = check_borrowers(out->s, &req, id, &ridx, why);
	if (ret)
		return ret;
	/* Held by another borrower until it relinquishes (mem_abort.c). */
	*why = "the owner aborted";
	if (spm_share_owner(c->spm, out->s)->aborted)
		return FFA_RET_ABORTED;
	out->idx = spm_share_borrower(out->s, id);
	return grant(c->spm, &req, ridx, out, why);
}
