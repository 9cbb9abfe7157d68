// SPDX-License-Identifier: BSD-3-Clause
/*
 * Retrieving a memory transaction of any size, the borrower's side of
 * ffa_mem_send_stream(): the request goes out from TX, the response
 * comes back through RX fragment by fragment (FFA_MEM_FRAG_RX between
 * them), and each constituent is handed to the caller as it is read,
 * checked, and never stored, so a response of any length fits in one
 * RX buffer. Every number the relayer gives is checked before use.
 */
#include <libffa/client.h>
#include <libffa/mem_desc.h>

struct walk {
	const struct ffa_mem_retrieve_io *io;
	ffa_range_sink sink;
	void *ctx;
	uint64_t pages;		/* 64-bit: a sum of 32-bit counts */
	uint32_t ranges;
	uint32_t frags;
};

/* Whole constituents in [bytes, bytes + len), each checked, in order. */
static int walk_ranges(struct walk *w, const uint8_t *bytes, uint32_t len)
{
	struct ffa_mem_range r;
	uint32_t off;
	int ret;

	if (len % sizeof(struct ffa_mem_range) != 0)
		return FFA_EPROTO;
	for (off = 0; off < len; off += sizeof(struct ffa_mem_range)) {
		if (ffa_mem_range_read(bytes + off, w->io->addr_limit, &r,
				       NULL))
			return FFA_EPROTO;
		ret = w->sink(w->ctx, &r);
		if (ret)
			return ret;
		w->pages += r.page_count;
		w->ranges++;
	}
	return 0;
}

static int send_request(const struct ffa_mem_retrieve_io *io,
			const struct ffa_mem_header *hdr,
			const struct ffa_mem_access *access, uint32_t nr_access,
			struct ffa_mem_retrieved *r)
{
	uint32_t len;
	int ret;

	ret = ffa_mtd_build_retrieve_req(io->tx, io->tx_size, io->version,
					 hdr, access, nr_access, &len);
	if (ret)
		return ret;
	ret = ffa_mem_retrieve_req(io->c, len, len, true, r);
	if (ret == 0 && (r->frag_len > io->rx_size ||
			 r->frag_len > r->total_len))
		return FFA_EPROTO;
	return ret;
}

/* FFA_MEM_FRAG_RX until the whole response was seen. */
static int walk_rest(struct walk *w, uint64_t handle, uint32_t offset,
		     uint32_t total)
{
	const struct ffa_mem_retrieve_io *io = w->io;
	struct ffa_mem_retrieved r;
	int ret;

	while (offset < total) {
		ret = ffa_rx_release(io->c, 0);
		if (ret)
			return ret;
		ret = ffa_mem_frag_rx(io->c, handle, offset, 0, &r);
		if (ret)
			return ret;
		if (r.handle != handle || r.frag_len == 0 ||
		    r.frag_len > io->rx_size || r.frag_len > total - offset)
			return FFA_EPROTO;
		ret = walk_ranges(w, io->rx, r.frag_len);
		if (ret)
			return ret;
		offset += r.frag_len;
		w->frags++;
	}
	return 0;
}

static int walk_response(struct walk *w, const struct ffa_mem_retrieved *r,
			 uint64_t handle, struct ffa_mtd *m)
{
	const struct ffa_mem_retrieve_io *io = w->io;
	int ret;

	if (ffa_mtd_parse_resp(io->version, io->rx, r->frag_len,
			       r->total_len, m, NULL) ||
	    m->hdr.handle != handle)
		return FFA_EPROTO;
	ret = walk_ranges(w, io->rx + m->ranges_offset,
			  r->frag_len - m->ranges_offset);
	if (ret == 0)
		ret = walk_rest(w, handle, r->frag_len, r->total_len);
	if (ret == 0 && (w->pages != m->total_pages ||
			 w->ranges != m->nr_ranges))
		ret = FFA_EPROTO;
	return ret;
}

int ffa_mem_retrieve_stream(const struct ffa_mem_retrieve_io *io,
			    const struct ffa_mem_header *hdr,
			    const struct ffa_mem_access *access,
			    uint32_t nr_access, ffa_range_sink sink, void *ctx,
			    struct ffa_mem_retrieve_out *out)
{
	struct walk w = { .io = io, .sink = sink, .ctx = ctx, .frags = 1 };
	struct ffa_mem_retrieved r;
	int ret = send_request(io, hdr, access, nr_access, &r);

	if (ret)
		return ret;
	ret = walk_response(&w, &r, hdr->handle, &out->mtd);
	out->frags = w.frags;
	/*
	 * The response made RX ours: give it back whatever happened, and
	 * report the walk's error over the release's.
	 */
	if (ffa_rx_release(io->c, 0) && ret == 0)
		ret = FFA_EPROTO;
	return ret;
}
