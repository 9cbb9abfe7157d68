// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sending a memory transaction of any size: the builder writes the
 * descriptor straight into the TX buffer, and each full fragment goes out
 * with FFA_MEM_SHARE/LEND/DONATE, then FFA_MEM_FRAG_TX, until the relayer
 * answers with the handle. Constituents come from the caller one at a
 * time (an array, a scatterlist...), so nothing is copied or allocated.
 */
#include <libffa/client.h>
#include <libffa/mem_desc.h>

/* Add ranges from *next until the fragment is full or all are in. */
static int fill_fragment(struct ffa_mtd_builder *b, uint32_t nr_ranges,
			 ffa_range_source src, void *ctx, uint32_t *next)
{
	uint64_t addr;
	uint32_t pages;
	int ret;

	while (*next < nr_ranges) {
		src(ctx, *next, &addr, &pages);
		ret = ffa_mtd_build_add(b, addr, pages);
		if (ret == FFA_EFULL)
			return 0;
		if (ret)
			return ret;
		(*next)++;
	}
	return ffa_mtd_build_finish(b);
}

/* The relayer must ask for exactly the bytes we have sent so far. */
static int check_progress(const struct ffa_mtd_builder *b,
			  const struct ffa_mem_xfer *x, uint64_t handle,
			  bool first)
{
	uint32_t sent = b->frag_start + b->frag_len;

	if (x->state == FFA_XFER_PAUSED)
		return FFA_EPROTO;	/* we never allow time slicing */
	if (x->state == FFA_XFER_DONE)
		return sent == b->total_len ? 0 : FFA_EPROTO;
	if (x->offset != sent || sent >= b->total_len)
		return FFA_EPROTO;
	return first || x->handle == handle ? 0 : FFA_EPROTO;
}

int ffa_mem_send_stream(const struct ffa_conduit *c, uint32_t fid,
			void *tx, uint32_t tx_size,
			const struct ffa_mtd_spec *spec, ffa_range_source src,
			void *ctx, uint64_t *handle)
{
	struct ffa_mtd_builder b;
	struct ffa_mem_xfer x;
	uint32_t next = 0;
	bool first = true;
	int ret = ffa_mtd_build_begin(&b, tx, tx_size, spec);

	while (ret == 0) {
		ret = fill_fragment(&b, spec->nr_ranges, src, ctx, &next);
		if (ret)
			break;
		if (first)
			ret = ffa_mem_send(c, fid, b.total_len, b.frag_len, &x);
		else
			ret = ffa_mem_frag_tx(c, *handle, b.frag_len, 0, &x);
		if (ret == 0)
			ret = check_progress(&b, &x, *handle, first);
		if (ret)
			break;
		*handle = x.handle;
		if (x.state == FFA_XFER_DONE)
			return 0;
		first = false;
		ffa_mtd_build_next_fragment(&b);
	}
	return ret;
}
