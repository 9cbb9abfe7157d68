// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_SHARE / LEND / DONATE: the first fragment of a transaction,
 * and the commit that every complete transaction ends with (also after
 * FRAG_TX). The descriptor is copied once out of the TX buffer and judged
 * by lib/'s parser; what needs the manager's state (who exists, who owns
 * which page) is judged here. The commit checks every page first, then
 * changes the lender's access with rollback, then marks the pages: an
 * error at any point leaves nothing behind.
 */
#include "mem.h"

static enum ffa_mem_op op_of(uint32_t fid)
{
	switch (FFA_FID_NUM(fid)) {
	case FFA_NUM_MEM_DONATE:
		return FFA_MEM_OP_DONATE;
	case FFA_NUM_MEM_LEND:
		return FFA_MEM_OP_LEND;
	default:
		return FFA_MEM_OP_SHARE;
	}
}

void spm_mem_send_ctx(const struct spm_ctx *c, enum ffa_mem_op op,
		      struct ffa_mtd_ctx *ctx)
{
	ctx->caller_version = c->caller->version;
	ctx->caller_id = c->caller->cfg.id;
	ctx->op = op;
	ctx->tx_size = c->caller->mbox.pages * FFA_PAGE_SIZE;
	ctx->addr_limit = SPM_MEM_ADDR_LIMIT;
}

/* Classes 11 and 17. */
static int check_receivers(struct spm *spm, const struct ffa_mtd *mtd,
			   const char **why)
{
	uint16_t sender = mtd->hdr.sender_id, id;
	uint32_t i;

	for (i = 0; i < mtd->nr_access; i++) {
		id = mtd->access[i].receiver_id;
		if (!spm_endpoint_by_id(spm, id)) {
			*why = "receiver does not exist";
			return FFA_RET_INVALID_PARAMETERS;
		}
		/* Secure memory never goes to the normal world. */
		if (FFA_ID_IS_SECURE(sender) && !FFA_ID_IS_SECURE(id)) {
			*why = "partition sending to the normal world";
			return FFA_RET_DENIED;
		}
	}
	return 0;
}

static void share_acc(struct spm *spm, const struct spm_share *s,
		      struct ffa_range_acc *acc)
{
	ffa_range_acc_init(acc, &s->mtd, SPM_MEM_ADDR_LIMIT,
			   spm_share_ranges(spm, s), s->mtd.nr_ranges);
	acc->count = s->range_count;
	acc->page_sum = s->page_sum;
}

int spm_mem_take_ranges(struct spm *spm, struct spm_share *s,
			const uint8_t *bytes, uint32_t len, const char **why)
{
	struct ffa_range_acc acc;
	int ret;

	share_acc(spm, s, &acc);
	ret = ffa_range_acc_add(&acc, bytes, len, why);
	if (ret)
		return ret;
	s->range_count = acc.count;
	s->page_sum = acc.page_sum;
	return 0;
}

/* What the sender itself must be able to do with every page. */
static uint32_t access_needed(const struct spm_share *s)
{
	uint32_t need = SPM_ACCESS_R, i;

	/* Class 16: clearing needs write access (so does offering RW). */
	if (s->mtd.hdr.flags & FFA_MEM_FLAG_ZERO)
		need |= SPM_ACCESS_W;
	/* Class 14: an RO mapping cannot be offered RW. */
	for (i = 0; i < s->mtd.nr_access; i++)
		if ((s->mtd.access[i].perms & FFA_MEM_DATA_MASK) ==
		    FFA_MEM_DATA_RW)
			need |= SPM_ACCESS_W;
	return need;
}

static int check_page(const struct spm_page *p, uint32_t owner,
		      uint32_t need, const char **why)
{
	if (p->owner != owner)
		*why = "memory is not the sender's";
	else if (p->flags & SPM_PAGE_MAILBOX)
		*why = "memory is an RX/TX buffer";
	else if (p->flags & SPM_PAGE_IN_SHARE)
		*why = "memory is already shared, lent or donated";
	else if ((spm_page_access(p) & need) != need)
		*why = "sender's own access is insufficient";
	else
		return 0;
	return FFA_RET_DENIED;
}

/* Classes 14, 15 and 16: the sender holds every page exclusively. */
static int check_pages(struct spm *spm, const struct spm_share *s,
		       const char **why)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	uint32_t need = access_needed(s), owner = s->owner + 1U, i;
	uint64_t first, j;
	int ret;

	for (i = 0; i < s->mtd.nr_ranges; i++) {
		if (!spm_mem_pages_of(spm, r[i].address, r[i].page_count,
				      &first)) {
			*why = "memory is not managed memory";
			return FFA_RET_DENIED;
		}
		for (j = first; j < first + r[i].page_count; j++) {
			ret = check_page(&spm->st.pages[j], owner, need, why);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* LEND and DONATE take the memory away from the lender (and clear it). */
static int unmap_lender(struct spm *spm, const struct spm_share *s,
			const char **why)
{
	const struct ffa_mem_range *r = spm_share_ranges(spm, s);
	uint16_t id = spm_share_owner(spm, s)->cfg.id;
	uint32_t n = s->mtd.nr_ranges;

	if (s->op == FFA_MEM_OP_SHARE)
		return 0;
	*why = "platform could not unmap the lender";
	if (spm_mem_set_ranges(spm, id, r, n, SPM_ACCESS_NONE,
			       SPM_MEM_OWNER_ACCESS))
		return FFA_RET_NO_MEMORY;
	if (!(s->mtd.hdr.flags & FFA_MEM_FLAG_ZERO))
		return 0;
	if (spm_mem_zero_ranges(spm, r, n) == 0)
		return 0;
	*why = "platform could not clear the memory";
	spm_mem_set_ranges(spm, id, r, n, SPM_MEM_OWNER_ACCESS,
			   SPM_ACCESS_NONE);
	return FFA_RET_NO_MEMORY;
}

static int commit(struct spm *spm, struct spm_share *s, const char **why)
{
	struct ffa_range_acc acc;
	int ret;

	share_acc(spm, s, &acc);
	/* Classes 5, 6, 8 over all fragments, with O(n log n) overlap. */
	ret = ffa_range_acc_finish(&acc, spm->st.scratch, why);
	if (ret)
		return ret;
	ret = check_pages(spm, s, why);
	if (ret)
		return ret;
	ret = unmap_lender(spm, s, why);
	if (ret)
		return ret;
	spm_mem_mark_ranges(spm, spm_share_ranges(spm, s), s->mtd.nr_ranges,
			    spm_share_slot(spm, s), true);
	s->state = SPM_SHARE_READY;
	return 0;
}

static void ask_next_fragment(struct spm_ctx *c, const struct spm_share *s)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MEM_FRAG_RX);
	r.x[1] = FFA_HANDLE_LO(s->handle);
	r.x[2] = FFA_HANDLE_HI(s->handle);
	r.x[3] = s->bytes_received;
	spm_ret_regs(c, &r);
}

void spm_mem_send_progress(struct spm_ctx *c, struct spm_share *s)
{
	const char *why = "memory transaction refused";
	uint64_t handle = s->handle;
	int ret;

	if (s->bytes_received < s->mtd.total_len) {
		ask_next_fragment(c, s);
		return;
	}
	ret = commit(c->spm, s, &why);
	if (ret) {
		/* One fragment: the handle was never told to anyone. */
		if (s->fragments == 1)
			spm_share_unalloc(c->spm, s);
		else
			spm_share_free(c->spm, s);
		spm_ret_error(c, ret, why);
		return;
	}
	spm_ret_success(c, FFA_HANDLE_LO(handle), FFA_HANDLE_HI(handle));
}

static int take_first_fragment(struct spm_ctx *c, struct spm_share **out,
			       const char **why)
{
	uint32_t total = (uint32_t)c->in->x[1], len = (uint32_t)c->in->x[2];
	struct ffa_mtd_ctx ctx;
	const uint8_t *buf;
	struct ffa_mtd mtd;
	int ret;

	spm_mem_send_ctx(c, op_of((uint32_t)c->in->x[0]), &ctx);
	ret = ffa_mtd_check_first_frag(&ctx, total, len, why);
	if (ret)
		return ret;
	ret = spm_tx_copy(c, len, &buf);
	if (ret)
		return ret;
	ret = ffa_mtd_parse_send(&ctx, buf, len, total, &mtd, why);
	if (ret)
		return ret;
	ret = check_receivers(c->spm, &mtd, why);
	if (ret)
		return ret;
	*why = "share table or range pool is full";
	ret = spm_share_alloc(c->spm, spm_endpoint_index(c->spm, c->caller),
			      &mtd, ctx.op, out);
	if (ret)
		return ret;
	/* parse_send proved the composite header lies in this fragment. */
	ret = spm_mem_take_ranges(c->spm, *out, buf + mtd.ranges_offset,
				  len - mtd.ranges_offset, why);
	if (ret)
		spm_share_unalloc(c->spm, *out);
	return ret;
}

void spm_h_mem_send(struct spm_ctx *c)
{
	const char *why = "bad memory transaction descriptor";
	struct spm_share *s;
	int ret;

	/* Class 1: descriptors come only through the TX buffer. */
	if (c->in->x[3] != 0 || (uint32_t)c->in->x[4] != 0) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "only the TX buffer may carry descriptors");
		return;
	}
	if (!c->caller->mbox.tx) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "no TX buffer mapped");
		return;
	}
	ret = take_first_fragment(c, &s, &why);
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	s->bytes_received = (uint32_t)c->in->x[2];
	s->fragments = 1;
	spm_mem_send_progress(c, s);
}
