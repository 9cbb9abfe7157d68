// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory from the borrower's side: retrieve a handle, walk the response
 * fragment by fragment (constituents are streamed, never stored, so a
 * share of any size fits), checksum and optionally write the pages, and
 * relinquish. Also FFA_MEM_PERM_GET/SET on the partition's own memory,
 * and a wait on a word of retrieved memory (TP_CMD_SPIN_UNTIL).
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "test.h"

/* Addresses past the 48-bit PA range are never ours. */
#define TP_ADDR_LIMIT	FFA_MEM_ADDR_LIMIT

static void walk_page(const struct tp *t, struct tp_walk *w, uint64_t addr)
{
	uint8_t *p = t->self.env->ptr(t->self.env, addr);
	uint32_t i;

	if (!w->first_addr)
		w->first_addr = addr;
	if (w->flags & TP_MEM_NO_TOUCH)
		return;
	w->checksum = tp_fnv(w->checksum, p, FFA_PAGE_SIZE);
	if (w->flags & TP_MEM_WRITE)
		for (i = 0; i < FFA_PAGE_SIZE; i++)
			p[i] = w->pattern;
}

/* Walk whole constituents in [bytes, bytes + len). */
static int walk_ranges(const struct tp *t, struct tp_walk *w,
		       const uint8_t *bytes, uint32_t len)
{
	struct ffa_mem_range r;
	uint32_t off, i;
	int ret;

	if (len % sizeof(struct ffa_mem_range) != 0)
		return FFA_EPROTO;
	for (off = 0; off < len; off += sizeof(struct ffa_mem_range)) {
		ret = ffa_mem_range_read(bytes + off, TP_ADDR_LIMIT, &r, NULL);
		if (ret)
			return FFA_EPROTO;
		for (i = 0; i < r.page_count; i++)
			walk_page(t, w, r.address + (uint64_t)i * FFA_PAGE_SIZE);
		w->pages += r.page_count;
		w->ranges++;
	}
	return 0;
}

static int send_retrieve_req(struct tp *t, const struct tp_walk *w,
			     struct ffa_mem_retrieved *r)
{
	struct ffa_mem_header hdr = {
		.sender_id = w->owner, .handle = w->handle, .tag = w->tag,
		.flags = (w->flags & TP_MEM_BYPASS) ?
			 FFA_RETRIEVE_BYPASS_BORROWERS : 0,
	};
	struct ffa_mem_access me = { .receiver_id = t->self.id };
	uint32_t len;
	int ret;

	ret = ffa_mtd_build_retrieve_req(t->self.tx, PT_MAILBOX_SIZE,
					 t->self.version, &hdr, &me, 1, &len);
	if (ret)
		return ret;
	ret = ffa_mem_retrieve_req(t->self.c, len, len, true, r);
	if (ret == 0 && (r->frag_len > PT_MAILBOX_SIZE ||
			 r->frag_len > r->total_len))
		ret = FFA_EPROTO;
	return ret;
}

/* The first fragment: fixed part, then its constituents. */
static int walk_first(struct tp *t, struct tp_walk *w,
		      const struct ffa_mem_retrieved *r, struct ffa_mtd *m)
{
	int ret = ffa_mtd_parse_resp(t->self.version, t->self.rx, r->frag_len,
				     r->total_len, m, NULL);

	if (ret)
		return FFA_EPROTO;
	if (m->hdr.handle != w->handle)
		return FFA_EPROTO;
	return walk_ranges(t, w, t->self.rx + m->ranges_offset,
			   r->frag_len - m->ranges_offset);
}

/* The rest: FFA_MEM_FRAG_RX until the whole descriptor was seen. */
static int walk_rest(struct tp *t, struct tp_walk *w, uint32_t offset,
		     uint32_t total)
{
	struct ffa_mem_retrieved r;
	int ret;

	while (offset < total) {
		ret = ffa_rx_release(t->self.c, 0);
		if (ret)
			return ret;
		ret = ffa_mem_frag_rx(t->self.c, w->handle, offset, 0, &r);
		if (ret)
			return ret;
		if (r.frag_len == 0 || r.frag_len > PT_MAILBOX_SIZE ||
		    r.frag_len > total - offset)
			return FFA_EPROTO;
		ret = walk_ranges(t, w, t->self.rx, r.frag_len);
		if (ret)
			return ret;
		offset += r.frag_len;
		w->frags++;
	}
	return 0;
}

int tp_retrieve(struct tp *t, struct tp_walk *w)
{
	struct ffa_mem_retrieved r;
	struct ffa_mtd m;
	int ret;

	w->checksum = TP_FNV_OFFSET;
	w->first_addr = 0;
	w->pages = 0;
	w->ranges = 0;
	w->frags = 1;
	ret = send_retrieve_req(t, w, &r);
	if (ret)
		return ret;
	ret = walk_first(t, w, &r, &m);
	if (ret == 0)
		ret = walk_rest(t, w, r.frag_len, r.total_len);
	/* The RX buffer is ours until released, whatever happened. */
	ffa_rx_release(t->self.c, 0);
	if (ret == 0 && (w->pages != m.total_pages || w->ranges != m.nr_ranges))
		ret = FFA_EPROTO;
	return ret;
}

int tp_relinquish(struct tp *t, uint64_t handle)
{
	uint32_t len;
	int ret = ffa_relinquish_build(t->self.tx, PT_MAILBOX_SIZE, handle, 0,
				       &t->self.id, 1, &len);

	return ret ? ret : ffa_mem_relinquish(t->self.c);
}

void tp_mem_retrieve(struct tp *t, const uint64_t *args,
		     struct ffa_direct_msg *resp)
{
	struct tp_walk w = {
		.handle = args[1], .owner = (uint16_t)args[2], .tag = args[3],
		.flags = (uint32_t)args[4] & 0xffU,
		.pattern = (uint8_t)(args[4] >> 8),
	};
	int ret = tp_retrieve(t, &w);

	if (ret == 0 && (w.flags & TP_MEM_RELINQUISH))
		ret = tp_relinquish(t, w.handle);
	resp->args[0] = tp_status(ret);
	resp->args[1] = w.checksum;
	resp->args[2] = w.pages;
	resp->args[3] = w.ranges;
	resp->args[4] = w.frags;
}

void tp_mem_relinquish(struct tp *t, const uint64_t *args,
		       struct ffa_direct_msg *resp)
{
	resp->args[0] = tp_status(tp_relinquish(t, args[1]));
}

void tp_mem_perm(struct tp *t, const uint64_t *args,
		 struct ffa_direct_msg *resp)
{
	uint64_t va = t->self.env->mem_base + args[1];
	uint32_t before = 0, after = 0;
	int ret = ffa_mem_perm_get(t->self.c, va, true, &before);

	if (ret == 0 && args[2] != 0)
		ret = ffa_mem_perm_set(t->self.c, va, 1, (uint32_t)args[2],
				       true);
	if (ret == 0)
		ret = ffa_mem_perm_get(t->self.c, va, true, &after);
	resp->args[0] = tp_status(ret);
	resp->args[1] = before;
	resp->args[2] = after;
}

void tp_spin_until(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp)
{
	struct tp_walk w = {
		.handle = args[1], .owner = (uint16_t)args[2], .tag = args[3],
		.flags = TP_MEM_NO_TOUCH,
	};
	const volatile uint64_t *word;
	uint64_t i, seen = 0;
	int ret = tp_retrieve(t, &w);

	if (ret == 0 && w.pages == 0)
		ret = FFA_EPROTO;
	if (ret) {
		resp->args[0] = tp_status(ret);
		return;
	}
	word = t->self.env->ptr(t->self.env, w.first_addr);
	for (i = 0; i < args[4] && !seen; i++)
		seen = *word;
	resp->args[1] = i;
	resp->args[2] = seen;
	resp->args[0] = tp_status(tp_relinquish(t, w.handle));
}
