// SPDX-License-Identifier: GPL-2.0
/*
 * Large shares from page arrays, streamed through TX fragment by
 * fragment (ffa_more_mem_send_pages()), each retrieved whole by the test
 * partition (a response of as many constituents, streamed to it by
 * FRAG_RX), checksummed and reclaimed:
 *
 *  - 256 MiB of 65,536 pages no two of which are adjacent (the first of
 *    each of 65,536 two-page allocations): as many constituents, and a
 *    level-3 stage-2 table in the partition for every 2 MiB they touch;
 *  - 32 MiB of 8192 single pages, every other page of 32 blocks of 2 MiB;
 *  - 256 MiB as 128 blocks of 2 MiB from a page array of 65,536 pages
 *    (runs merged: 128 constituents or fewer).
 */
#include "drv.h"

#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/ffa_more.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include <partitions/test_proto.h>

#define LARGE_TAG	0x1a26eULL
#define LARGE_PAGES	65536U		/* 256 MiB of 4 KiB pages */
#define BLOCK_ORDER	9		/* 2 MiB with 4 KiB pages */
#define BLOCK_PAGES	BIT(BLOCK_ORDER)
#define SPARSE_PAGES	8192U

struct large {
	struct page **pages;	/* what is sent */
	struct page **blocks;	/* what was allocated */
	unsigned int nr_pages, nr_blocks, order;
};

static void large_free(struct large *l)
{
	unsigned int i;

	for (i = 0; l->blocks && i < l->nr_blocks; i++)
		__free_pages(l->blocks[i], l->order);
	kvfree(l->blocks);
	kvfree(l->pages);
	*l = (struct large){ };
}

/*
 * nr_blocks blocks of 2^order pages; pages takes every step-th page of
 * each block, per_block of them.
 */
static int large_alloc(struct large *l, unsigned int nr_blocks,
		       unsigned int order, unsigned int step,
		       unsigned int per_block)
{
	unsigned int b, i;

	*l = (struct large){ .order = order };
	l->blocks = kvcalloc(nr_blocks, sizeof(*l->blocks), GFP_KERNEL);
	l->pages = kvcalloc((size_t)nr_blocks * per_block, sizeof(*l->pages),
			    GFP_KERNEL);
	if (!l->blocks || !l->pages)
		goto fail;
	for (b = 0; b < nr_blocks; b++) {
		l->blocks[b] = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);
		if (!l->blocks[b])
			goto fail;
		l->nr_blocks++;
		for (i = 0; i < per_block; i++)
			l->pages[l->nr_pages++] = l->blocks[b] + i * step;
		cond_resched();
	}
	return 0;
fail:
	large_free(l);
	return -ENOMEM;
}

/* Runs of physically contiguous pages: the constituents expected. */
static unsigned int large_runs(const struct large *l)
{
	unsigned int i, runs = 1;

	for (i = 1; i < l->nr_pages; i++)
		runs += page_to_pfn(l->pages[i]) !=
			page_to_pfn(l->pages[i - 1]) + 1;
	return runs;
}

/* Fill each page with its own pattern; the checksum, in array order. */
static u64 large_fill(const struct large *l)
{
	u64 h = TP_FNV_OFFSET;
	unsigned int i;
	u8 *va;

	for (i = 0; i < l->nr_pages; i++) {
		va = page_address(l->pages[i]);
		memset(va, (u8)(i * 13 + 5), PAGE_SIZE);
		*(u32 *)va = i;
		h = tp_fnv(h, va, PAGE_SIZE);
		cond_resched();
	}
	return h;
}

static int large_share(const struct large *l, u64 *handle)
{
	struct ffa_more_borrower to = {
		.id = DRV_TEST, .perms = FFA_MORE_DATA_RW,
	};
	struct ffa_more_mem m = {
		.op = FFA_MORE_MEM_SHARE, .tag = LARGE_TAG,
		.borrowers = &to, .nr_borrowers = 1,
	};

	return ffa_more_mem_send_pages(&m, l->pages, l->nr_pages, handle);
}

/* Share l, have the test partition retrieve and checksum it, reclaim. */
static void large_round(struct drv *t, struct large *l, const char *what)
{
	u64 sum = large_fill(l), handle = 0, r[5];
	unsigned int runs = large_runs(l);
	int rc = large_share(l, &handle);

	if (!drv_ok(t, !rc, "SHARE of %s: %u pages in %u constituents (rc %d)",
		    what, l->nr_pages, runs, rc)) {
		drv_blocked(t, 2, what, rc);
		return;
	}
	r[0] = TP_CMD_MEM_RETRIEVE;
	r[1] = handle;
	r[2] = ffa_more_own_id();
	r[3] = LARGE_TAG;
	r[4] = TP_MEM_RELINQUISH;
	rc = drv_tp(DRV_TEST, r);
	drv_ok(t, !rc && r[1] == sum && r[2] == l->nr_pages && r[3] == runs,
	       "the test partition retrieves %s: status %d, checksum %s, %llu pages in %llu ranges, %llu fragments",
	       what, rc, r[1] == sum ? "right" : "WRONG", r[2], r[3], r[4]);
	rc = ffa_more_mem_reclaim(handle);
	drv_ok(t, !rc, "reclaim of %s (rc %d)", what, rc);
	if (rc)
		l->nr_blocks = 0;	/* still shared: leak rather than free */
}

void drv_large(struct drv *t)
{
	struct large l;

	if (large_alloc(&l, LARGE_PAGES, 1, 1, 1)) {
		drv_blocked(t, 3, "65,536 discontiguous pages", -ENOMEM);
	} else {
		large_round(t, &l, "256 MiB of 65,536 discontiguous pages");
		large_free(&l);
	}
	if (large_alloc(&l, SPARSE_PAGES * 2 / BLOCK_PAGES, BLOCK_ORDER, 2,
			BLOCK_PAGES / 2)) {
		drv_blocked(t, 3, "8192 discontiguous pages", -ENOMEM);
	} else {
		large_round(t, &l, "32 MiB of 8192 discontiguous pages");
		large_free(&l);
	}
	if (large_alloc(&l, LARGE_PAGES / BLOCK_PAGES, BLOCK_ORDER, 1,
			BLOCK_PAGES)) {
		drv_blocked(t, 3, "256 MiB in 2 MiB blocks", -ENOMEM);
	} else {
		large_round(t, &l, "256 MiB in 128 blocks of 2 MiB");
		large_free(&l);
	}
}
