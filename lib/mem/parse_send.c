// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fixed part of a SHARE/LEND/DONATE descriptor, from its first
 * fragment: lengths, header, EMADs and the composite header (bad-input
 * rows 1-5, 9-13 and 16). A pure function of the bytes and the caller's
 * context; constituents are taken later by the range accumulator.
 *
 * Each check names its class in ffa-bad-inputs.md. Where sources
 * disagree, the choice is said at the check.
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

int ffa_mtd_check_first_frag(const struct ffa_mtd_ctx *ctx,
			     uint32_t total_len, uint32_t frag_len,
			     const char **why)
{
	struct ffa_mem_layout l;
	int ret;

	/* Class 1. */
	if (frag_len > total_len)
		return ffa_mtd_reject(why, "fragment longer than the total");
	if (frag_len > ctx->tx_size)
		return ffa_mtd_reject(why,
				      "fragment larger than the TX buffer");
	if (total_len % MTD_RANGE_SIZE != 0 || frag_len % MTD_RANGE_SIZE != 0)
		return ffa_mtd_reject(why, "length is not a multiple of 16");
	ret = ffa_mem_layout_of(ctx->caller_version, &l);
	if (ret)
		return ffa_mtd_fail(why, ret, "caller version has no layout");
	if (frag_len < l.hdr_size)
		return ffa_mtd_reject(why, "fragment shorter than the header");
	return 0;
}

static int check_send_flags(enum ffa_mem_op op, uint32_t flags,
			    const char **why)
{
	/* Class 9: we do not time-slice (Hafnium neither, ffa-abi.md 9.6). */
	if (flags & FFA_MEM_FLAG_TIME_SLICE)
		return ffa_mtd_reject(why, "time slicing is not supported");
	if (flags & FFA_MEM_SEND_FLAGS_MBZ)
		return ffa_mtd_reject(why, "reserved flag bits are set");
	/* Class 16: the sharer keeps access, so nothing may be cleared. */
	if (op == FFA_MEM_OP_SHARE && (flags & FFA_MEM_FLAG_ZERO))
		return ffa_mtd_reject(why, "zero flag on SHARE");
	return 0;
}

static int check_send_header(const struct ffa_mtd_ctx *ctx,
			     const struct ffa_mem_header *hdr,
			     const struct ffa_mtd_geom *g, const char **why)
{
	int ret;

	/* Class 10. */
	if (hdr->sender_id != ctx->caller_id)
		return ffa_mtd_fail(why, FFA_RET_DENIED,
				    "sender is not the caller");
	/* Class 2: a donation has exactly one new owner. */
	if (ctx->op == FFA_MEM_OP_DONATE && g->emad_count > 1)
		return ffa_mtd_reject(why, "DONATE to more than one receiver");
	/* Class 9: the relayer allocates the handle. */
	if (hdr->handle != 0)
		return ffa_mtd_reject(why, "handle is not zero in a send");
	ret = check_send_flags(ctx->op, hdr->flags, why);
	if (ret)
		return ret;
	/* Classes 9 and 13. */
	ret = ffa_mtd_check_attr_bits(&g->layout, hdr->attributes, why);
	if (ret)
		return ret;
	return ffa_mtd_check_send_attrs(ctx->op, g->emad_count,
					hdr->attributes, why);
}

static int read_send_emad(const struct ffa_mtd_ctx *ctx, const uint8_t *d,
			  const struct ffa_mtd_geom *g, uint32_t i,
			  struct ffa_mem_access *a, uint32_t *composite_offset,
			  const char **why)
{
	int ret = ffa_mtd_get_emad(d, g, i, a, composite_offset, why);

	if (ret)
		return ret;
	/* Class 9: EMAD flags only mean something in retrieve requests. */
	if (a->flags != 0)
		return ffa_mtd_reject(why, "EMAD flags are not zero in a send");
	/* Class 12. */
	return ffa_mtd_check_send_perms(ctx->op, a->perms, why);
}

static int read_send_access(const struct ffa_mtd_ctx *ctx, const uint8_t *d,
			    const struct ffa_mtd_geom *g, struct ffa_mtd *out,
			    const char **why)
{
	uint32_t i, offset;
	int ret;

	for (i = 0; i < g->emad_count; i++) {
		ret = read_send_emad(ctx, d, g, i, &out->access[i], &offset,
				     why);
		if (ret)
			return ret;
		/* Class 4: one composite serves every receiver. */
		if (i > 0 && offset != out->composite_offset)
			return ffa_mtd_reject(why, "EMAD composites differ");
		out->composite_offset = offset;
	}
	/* Class 11. */
	return ffa_mtd_check_receivers(out->access, g->emad_count,
				       out->hdr.sender_id, why);
}

int ffa_mtd_parse_send(const struct ffa_mtd_ctx *ctx, const uint8_t *frag,
		       uint32_t frag_len, uint32_t total_len,
		       struct ffa_mtd *out, const char **why)
{
	struct ffa_mtd_geom g;
	int ret;

	if (ctx->op != FFA_MEM_OP_SHARE && ctx->op != FFA_MEM_OP_LEND &&
	    ctx->op != FFA_MEM_OP_DONATE)
		return ffa_mtd_reject(why, "unknown memory operation");
	ret = ffa_mtd_check_first_frag(ctx, total_len, frag_len, why);
	if (ret)
		return ret;
	ret = ffa_mtd_get_header(frag, frag_len, ctx->caller_version,
				 &out->hdr, &g, why);
	if (ret)
		return ret;
	ret = check_send_header(ctx, &out->hdr, &g, why);
	if (ret)
		return ret;
	ret = read_send_access(ctx, frag, &g, out, why);
	if (ret)
		return ret;
	return ffa_mtd_get_composite(frag, frag_len, total_len, &g, out, why);
}
