// SPDX-License-Identifier: BSD-3-Clause
/*
 * Judging a borrower's FFA_MEM_RETRIEVE_REQ against the transaction it
 * names (bad-input rows 20 and 23-26). lib/ validated the request on its
 * own; here it meets the share: handle, tag, owner, type, borrower list,
 * and what was granted. Nothing is changed until every check passed.
 *
 * Choices where sources disagree: a caller missing from the sender's
 * borrower list is DENIED (Hafnium); a request whose borrower list differs
 * from the sender's is INVALID_PARAMETERS, unless the v1.2 bypass flag
 * is set (then it names a subset, the caller included), which a
 * transaction with a single borrower refuses (INVALID_PARAMETERS).
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

	if (spm_share_borrower(s, caller) < 0) {
		*why = "caller is not a borrower";
		return FFA_RET_DENIED;
	}
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

/* Row 26: data access no more than granted; "unspecified" takes it. */
static int grant_data(const struct spm_share *s, uint8_t granted,
		      uint8_t asked, uint32_t *access, const char **why)
{
	uint8_t data = granted & FFA_MEM_DATA_MASK;

	/* A donation hands over the memory itself: anything goes. */
	if (s->op == FFA_MEM_OP_DONATE)
		data = FFA_MEM_DATA_RW;
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

static int grant_instr(const struct spm_share *s, uint8_t granted,
		       uint8_t asked, uint32_t *access, const char **why)
{
	asked &= FFA_MEM_INSTR_MASK;
	granted &= FFA_MEM_INSTR_MASK;
	if (spm_share_is_shared(s)) {
		/* Memory mapped in several places is never executable. */
		if (asked != FFA_MEM_INSTR_UNSPEC &&
		    asked != FFA_MEM_INSTR_NX) {
			*why = "instruction access asked on shared memory";
			return FFA_RET_INVALID_PARAMETERS;
		}
		return 0;
	}
	if (asked == FFA_MEM_INSTR_X && granted != FFA_MEM_INSTR_X) {
		*why = "execute asked, not granted";
		return FFA_RET_DENIED;
	}
	if (asked == FFA_MEM_INSTR_X ||
	    (asked == FFA_MEM_INSTR_UNSPEC && granted == FFA_MEM_INSTR_X))
		*access |= SPM_ACCESS_X;
	return 0;
}

/* Rows 25 and 26: zeroing asked for, and memory attributes. */
static int check_flags(const struct spm_share *s,
		       const struct ffa_retrieve_req *req, uint32_t access,
		       const char **why)
{
	uint32_t zero = FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER;
	uint32_t flags = req->hdr.flags;

	*why = "zeroing asked on shared memory";
	if ((flags & zero) && s->op == FFA_MEM_OP_SHARE)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "zeroing asked, not granted";
	if ((flags & FFA_RETRIEVE_ZERO_BEFORE) &&
	    !(s->mtd.hdr.flags & FFA_MEM_FLAG_ZERO))
		return FFA_RET_DENIED;
	if ((flags & FFA_RETRIEVE_ZERO_AFTER) && !(access & SPM_ACCESS_W))
		return FFA_RET_DENIED;
	*why = "memory attributes differ from the send";
	if (req->hdr.attributes != 0 &&
	    req->hdr.attributes != s->mtd.hdr.attributes)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
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

static int grant(const struct spm_share *s,
		 const struct ffa_retrieve_req *req, int idx, int ridx,
		 struct spm_retrieve *out, const char **why)
{
	uint8_t granted = s->mtd.access[idx].perms;
	uint8_t asked = req->access[ridx].perms;
	int ret = grant_data(s, granted, asked, &out->access, why);

	if (ret)
		return ret;
	ret = grant_instr(s, granted, asked, &out->access, why);
	if (ret)
		return ret;
	ret = check_flags(s, req, out->access, why);
	if (ret)
		return ret;
	if (!impdef_matches(req, ridx, &s->mtd.access[idx])) {
		*why = "implementation-defined value differs";
		return FFA_RET_INVALID_PARAMETERS;
	}
	/* One outstanding retrieval per borrower. */
	if (s->borrowers[idx].retrieved) {
		*why = "already retrieved";
		return FFA_RET_DENIED;
	}
	out->zero_after = req->hdr.flags & FFA_RETRIEVE_ZERO_AFTER;
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
	return grant(out->s, &req, out->idx, ridx, out, why);
}
