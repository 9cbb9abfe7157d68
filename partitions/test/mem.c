// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory from the borrower's side: retrieve a handle, walk the response
 * fragment by fragment with lib/'s ffa_mem_retrieve_stream()
 * (constituents are streamed, never stored, so a share of any size
 * fits), checksum and optionally write the pages, and relinquish. Also FFA_MEM_PERM_GET/SET on the partition's own memory,
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

struct tp_sink {
	const struct tp *t;
	struct tp_walk *w;
};

/* Each constituent of the response, as lib/ streams it to us. */
static int walk_range(void *ctx, const struct ffa_mem_range *r)
{
	struct tp_sink *s = ctx;
	uint32_t i;

	for (i = 0; i < r->page_count; i++)
		walk_page(s->t, s->w, r->address + (uint64_t)i * FFA_PAGE_SIZE);
	s->w->pages += r->page_count;
	s->w->ranges++;
	return 0;
}

int tp_retrieve(struct tp *t, struct tp_walk *w)
{
	const struct ffa_mem_retrieve_io io = {
		.c = t->self.c, .version = t->self.version,
		.tx = t->self.tx, .tx_size = PT_MAILBOX_SIZE,
		.rx = t->self.rx, .rx_size = PT_MAILBOX_SIZE,
		.addr_limit = TP_ADDR_LIMIT,
	};
	struct ffa_mem_header hdr = {
		.sender_id = w->owner, .handle = w->handle, .tag = w->tag,
		.flags = (w->flags & TP_MEM_BYPASS) ?
			 FFA_RETRIEVE_BYPASS_BORROWERS : 0,
	};
	struct ffa_mem_access me = { .receiver_id = t->self.id };
	struct tp_sink sink = { .t = t, .w = w };
	struct ffa_mem_retrieve_out out;
	int ret;

	w->checksum = TP_FNV_OFFSET;
	w->first_addr = 0;
	w->pages = 0;
	w->ranges = 0;
	ret = ffa_mem_retrieve_stream(&io, &hdr, &me, 1, walk_range, &sink,
				      &out);
	w->frags = ret ? 0 : out.frags;
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
