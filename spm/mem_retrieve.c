// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_RETRIEVE_REQ and its continuation FFA_MEM_FRAG_RX: map the
 * memory for a borrower and describe it in the borrower's RX buffer, in
 * the borrower's own layout version. A response larger than the RX buffer
 * goes out fragment by fragment (bad-input rows 21 and 22): every
 * fragment is rebuilt from the share's ranges at the offset the borrower
 * asks for, so nothing but the offset is kept between calls.
 *
 * A borrower may hold SPM_MAX_RETRIEVALS retrievals of one transaction
 * at once: the first maps the memory, later ones only count (and are
 * answered with the same permissions and attributes).
 */
#include <ffa/version.h>
#include <libffa/bytes.h>
#include "mem.h"

/* SPM_ACCESS_* back to the FF-A permission byte of a response EMAD. */
static uint8_t perms_of(uint32_t access)
{
	uint8_t data = (access & SPM_ACCESS_W) ? FFA_MEM_DATA_RW :
						 FFA_MEM_DATA_RO;

	return data | ((access & SPM_ACCESS_X) ? FFA_MEM_INSTR_X :
						 FFA_MEM_INSTR_NX);
}

/*
 * The attributes a response carries: those in force, and from v1.1 the
 * security state (ffa-abi.md 9.4, bit 6): set for memory the normal
 * world owns. The v1.0 layout has no such bit.
 */
static uint16_t resp_attrs(const struct spm_ctx *c, const struct spm_share *s,
			   uint16_t attrs)
{
	uint16_t owner = spm_share_owner(c->spm, s)->cfg.id;

	if (FFA_ID_IS_SECURE(owner) ||
	    FFA_VERSION_MINOR(c->caller->version) < 1)
		return attrs;
	return attrs | FFA_MEM_ATTR_NS;
}

/* Everything a response fragment is built from (struct ffa_mtd_spec). */
static int resp_spec(const struct spm_ctx *c, const struct spm_share *s,
		     int idx, uint32_t granted, uint16_t attrs,
		     struct ffa_mtd_spec *spec, struct ffa_mem_access *access)
{
	struct ffa_mem_layout l;
	uint32_t i;
	int ret = ffa_mem_layout_of(c->caller->version, &l);

	if (ret)
		return ret;
	for (i = 0; i < s->mtd.nr_access; i++) {
		access[i] = s->mtd.access[i];
		/* A 16-byte EMAD has no room for the v1.2 value. */
		if (l.emad_size < FFA_EMAD_SIZE_V1_2)
			ffa_bytes_zero(access[i].impdef,
				       sizeof(access[i].impdef));
	}
	access[idx].perms = perms_of(granted);
	ffa_bytes_zero(spec, sizeof(*spec));
	spec->version = c->caller->version;
	spec->hdr.sender_id = spm_share_owner(c->spm, s)->cfg.id;
	spec->hdr.attributes = resp_attrs(c, s, attrs);
	spec->hdr.flags = spm_mem_retrieve_type(s) << FFA_RETRIEVE_TYPE_SHIFT;
	spec->hdr.handle = s->handle;
	spec->hdr.tag = s->mtd.hdr.tag;
	spec->access = access;
	spec->nr_access = s->mtd.nr_access;
	spec->total_pages = s->mtd.total_pages;
	spec->nr_ranges = s->mtd.nr_ranges;
	return 0;
}

static uint32_t resp_room(const struct spm_ctx *c)
{
	uint32_t rx = c->caller->mbox.pages * FFA_PAGE_SIZE;
	uint32_t cpu = sizeof(c->spm->cpus[0].buf);

	return rx < cpu ? rx : cpu;
}

/* What a response shows: the access and attributes granted. */
struct grant {
	uint32_t access;
	uint16_t attrs;
};

/* The response from offset on, as much as the RX buffer takes. */
static int build_fragment(struct spm_ctx *c, const struct spm_share *s,
			  int idx, struct grant g, uint32_t offset,
			  uint32_t *len, uint32_t *total)
{
	const struct ffa_mem_range *r = spm_share_ranges(c->spm, s);
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	uint8_t *buf = c->spm->cpus[c->cpu].buf;
	struct ffa_mtd_builder b;
	struct ffa_mtd_spec spec;
	uint32_t i;
	int ret = resp_spec(c, s, idx, g.access, g.attrs, &spec, access);

	if (ret)
		return ret;
	if (offset == 0)
		ret = ffa_mtd_build_begin(&b, buf, resp_room(c), &spec);
	else
		ret = ffa_mtd_build_resume(&b, buf, resp_room(c), &spec,
					   offset);
	for (i = ffa_mtd_build_next_index(&b); !ret && i < spec.nr_ranges;
	     i++)
		ret = ffa_mtd_build_add(&b, r[i].address, r[i].page_count);
	if (ret && ret != FFA_EFULL)
		return ret;
	*len = b.frag_len;
	*total = b.total_len;
	return 0;
}

/*
 * Clear if asked (before the borrower can see it), map for a first
 * retrieval, then hand the first fragment over; undo the map if that
 * fails. A later retrieval finds the memory mapped already.
 */
static int map_and_deliver(struct spm_ctx *c, const struct spm_retrieve *rt,
			   uint32_t len, const char **why)
{
	const struct ffa_mem_range *r = spm_share_ranges(c->spm, rt->s);
	bool map = !rt->s->borrowers[rt->idx].retrieved;
	uint16_t id = c->caller->cfg.id;
	uint32_t n = rt->s->mtd.nr_ranges;
	int ret;

	*why = "platform could not clear the memory";
	if (rt->zero_before && spm_mem_zero_ranges(c->spm, r, n))
		return FFA_RET_NO_MEMORY;
	*why = "platform could not map the memory";
	if (map && spm_mem_set_ranges(c->spm, id, r, n, rt->access,
				      SPM_ACCESS_NONE))
		return FFA_RET_NO_MEMORY;
	ret = spm_rx_produce(c->spm, c->caller, c->spm->cpus[c->cpu].buf,
			     len);
	if (ret) {
		*why = "could not fill the RX buffer";
		if (map)
			spm_mem_set_ranges(c->spm, id, r, n, SPM_ACCESS_NONE,
					   rt->access);
	}
	return ret;
}

static void record_retrieve(struct spm_ctx *c, const struct spm_retrieve *rt,
			    uint32_t len, uint32_t total)
{
	struct spm_share *s = rt->s;
	struct spm_borrower *b = &s->borrowers[rt->idx];

	b->retrieved++;
	b->granted = (uint8_t)rt->access;
	b->attrs = rt->attrs;
	b->resp_sent = len;
	b->resp_total = total;
	b->zero_after = b->zero_after || rt->zero_after;
	if (s->op != FFA_MEM_OP_DONATE)
		return;
	/* The borrower is the owner now; the handle dies with the reply. */
	spm_mem_give_ranges(c->spm, spm_share_ranges(c->spm, s),
			    s->mtd.nr_ranges,
			    spm_endpoint_index(c->spm, c->caller), rt->access);
	s->donated = true;
	if (len == total)
		spm_share_free(c->spm, s);
}

static void answer(struct spm_ctx *c, uint32_t fid, uint32_t w1,
		   uint32_t w2, uint32_t w3)
{
	struct ffa_regs r;

	ffa_regs_init(&r, fid);
	r.x[1] = w1;
	r.x[2] = w2;
	r.x[3] = w3;
	spm_ret_regs(c, &r);
}

void spm_h_mem_retrieve_req(struct spm_ctx *c)
{
	struct spm_retrieve rt;
	uint32_t len, total;
	struct grant g;
	const char *why;
	int ret = spm_mem_judge_retrieve(c, &rt, &why);

	/* Row 31: BUSY (TF-A's EL3 SPMC says DENIED; Hafnium BUSY). */
	if (!ret && c->caller->mbox.rx_state == SPM_RX_FULL) {
		ret = FFA_RET_BUSY;
		why = "RX buffer is full";
	}
	if (!ret) {
		why = "retrieve response cannot be built";
		g.access = rt.access;
		g.attrs = rt.attrs;
		ret = build_fragment(c, rt.s, rt.idx, g, 0, &len, &total);
	}
	if (!ret)
		ret = map_and_deliver(c, &rt, len, &why);
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	record_retrieve(c, &rt, len, total);
	answer(c, FFA_MEM_RETRIEVE_RESP, total, len, 0);
}

/* Rows 21 and 31 for FRAG_RX; *idx is the caller's borrower entry. */
static int check_frag_rx(const struct spm_ctx *c, const struct spm_share *s,
			 int *idx, const char **why)
{
	const struct spm_borrower *b;

	*why = "no retrieve response in progress for the caller";
	/* As FRAG_TX's w4 (mem_frag.c): only the forwarded ID is ours. */
	if (FFA_FWD_SENDER_ID(c->in->x[4]) != 0) {
		*why = "FRAG_RX: a forwarded sender ID";
		return FFA_RET_INVALID_PARAMETERS;
	}
	*idx = s ? spm_share_borrower(s, c->caller->cfg.id) : -1;
	if (*idx < 0)
		return FFA_RET_INVALID_PARAMETERS;
	b = &s->borrowers[*idx];
	if (!b->retrieved || b->resp_sent >= b->resp_total)
		return FFA_RET_INVALID_PARAMETERS;
	if ((uint32_t)c->in->x[3] != b->resp_sent) {
		*why = "offset is not what was delivered so far";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (c->caller->mbox.rx_state == SPM_RX_FULL) {
		*why = "RX buffer is full";
		return FFA_RET_BUSY;
	}
	return 0;
}

void spm_h_mem_frag_rx(struct spm_ctx *c)
{
	struct spm_share *s = spm_share_find(c->spm,
					     spm_mem_handle_arg(c->in));
	struct spm_borrower *b;
	uint32_t len, total;
	struct grant g;
	const char *why;
	int idx, ret = check_frag_rx(c, s, &idx, &why);

	if (!ret) {
		b = &s->borrowers[idx];
		why = "retrieve response cannot be built";
		g.access = b->granted;
		g.attrs = b->attrs;
		ret = build_fragment(c, s, idx, g, b->resp_sent, &len,
				     &total);
	}
	if (!ret)
		ret = spm_rx_produce(c->spm, c->caller,
				     c->spm->cpus[c->cpu].buf, len);
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	b->resp_sent += len;
	answer(c, FFA_MEM_FRAG_TX, FFA_HANDLE_LO(s->handle),
	       FFA_HANDLE_HI(s->handle), len);
	if (s->donated && b->resp_sent == b->resp_total)
		spm_share_free(c->spm, s);
}
