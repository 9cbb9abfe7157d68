// SPDX-License-Identifier: GPL-2.0
/*
 * Memory beyond upstream's API: a DONATE (the partition retrieves it,
 * after which the page is the partition's and reclaim is refused), one
 * SHARE with three borrowers (the test partition and the twins, each
 * retrieving and checksumming it), and a share left outstanding for
 * ffa.ko's unload to reclaim (tests/drv/run checks its log line).
 *
 * Pages given away are never freed here: a donated page is not Linux's
 * any more, and the left share is reclaimed by ffa.ko only after this
 * module is gone. Both are leaked on purpose (a page each).
 */
#include "drv.h"

#include <linux/errno.h>
#include <linux/ffa_more.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>

#include <partitions/test_proto.h>

#define DRV_TAG		0x7a67ULL

/* Fill page i of a transaction with its own pattern; return the sum. */
static u64 fill(struct page *p, unsigned int i, u64 h)
{
	void *va = page_address(p);

	memset(va, 0xa5 ^ (u8)(i * 7 + 1), PAGE_SIZE);
	/* Two words per page that differ, so that order matters too. */
	*(u32 *)va = i;
	return tp_fnv(h, va, PAGE_SIZE);
}

/* The test partition's retrieve of handle, owner us: its status. */
static int retrieve(u16 who, u64 handle, u32 flags, u64 res[5])
{
	res[0] = TP_CMD_MEM_RETRIEVE;
	res[1] = handle;
	res[2] = ffa_more_own_id();
	res[3] = DRV_TAG;
	res[4] = flags;
	return drv_tp(who, res);
}

void drv_donate(struct drv *t)
{
	struct ffa_more_borrower to = { .id = DRV_TEST };
	struct ffa_more_mem m = {
		.op = FFA_MORE_MEM_DONATE, .tag = DRV_TAG,
		.borrowers = &to, .nr_borrowers = 1,
	};
	struct page *p = alloc_page(GFP_KERNEL);
	u64 sum, handle = 0, r[5];
	int rc;

	if (!p) {
		drv_blocked(t, 3, "DONATE", -ENOMEM);
		return;
	}
	sum = fill(p, 0, TP_FNV_OFFSET);
	rc = ffa_more_mem_send_pages(&m, &p, 1, &handle);
	if (!drv_ok(t, !rc, "DONATE of a page to 0x%x (rc %d, handle 0x%llx)",
		    DRV_TEST, rc, handle)) {
		__free_page(p);
		drv_blocked(t, 2, "DONATE", rc);
		return;
	}
	rc = retrieve(DRV_TEST, handle, 0, r);
	drv_ok(t, !rc && r[1] == sum && r[2] == 1 && r[3] == 1,
	       "the partition retrieves the donation: status %d, checksum %s, %llu pages in %llu ranges",
	       rc, r[1] == sum ? "right" : "WRONG", r[2], r[3]);
	rc = ffa_more_mem_reclaim(handle);
	/* INVALID_PARAMETERS: a retrieved donation's handle is gone. */
	drv_ok(t, rc == -EINVAL,
	       "reclaim of a retrieved donation is refused: %d (-EINVAL)", rc);
	/* The page is the partition's now: never ours to free. */
}

#define BORROW_PAGES	4

static void borrowers_check(struct drv *t, u64 handle, u64 sum)
{
	static const u16 who[] = { DRV_TEST, DRV_TWIN_A, DRV_TWIN_B };
	u64 r[5];
	int i, rc;

	for (i = 0; i < ARRAY_SIZE(who); i++) {
		rc = retrieve(who[i], handle, TP_MEM_BYPASS | TP_MEM_RELINQUISH,
			      r);
		drv_ok(t, !rc && r[1] == sum && r[2] == BORROW_PAGES &&
		       r[3] == BORROW_PAGES,
		       "borrower 0x%x of 3 retrieves, checksums and relinquishes: status %d, checksum %s, %llu pages in %llu ranges",
		       who[i], rc, r[1] == sum ? "right" : "WRONG", r[2], r[3]);
	}
}

void drv_borrowers(struct drv *t)
{
	const struct ffa_more_borrower to[] = {
		{ .id = DRV_TEST, .perms = FFA_MORE_DATA_RW },
		{ .id = DRV_TWIN_A, .perms = FFA_MORE_DATA_RW },
		{ .id = DRV_TWIN_B, .perms = FFA_MORE_DATA_RW },
	};
	struct ffa_more_mem m = {
		.op = FFA_MORE_MEM_SHARE, .tag = DRV_TAG,
		.borrowers = to, .nr_borrowers = ARRAY_SIZE(to),
	};
	struct scatterlist sg[BORROW_PAGES];
	struct page *p[BORROW_PAGES] = { };
	u64 sum = TP_FNV_OFFSET, handle = 0;
	int i, rc = -ENOMEM;

	sg_init_table(sg, BORROW_PAGES);
	for (i = 0; i < BORROW_PAGES; i++) {
		p[i] = alloc_page(GFP_KERNEL);
		if (!p[i])
			goto blocked;
		sum = fill(p[i], i, sum);
		sg_set_page(&sg[i], p[i], PAGE_SIZE, 0);
	}
	/* Four entries, four constituents, through the scatterlist path. */
	rc = ffa_more_mem_send_sg(&m, sg, &handle);
	if (!drv_ok(t, !rc, "SHARE of %d pages (4 sg entries) to 0x%x, 0x%x, 0x%x (rc %d)",
		    BORROW_PAGES, DRV_TEST, DRV_TWIN_A, DRV_TWIN_B, rc))
		goto blocked_after;
	borrowers_check(t, handle, sum);
	rc = ffa_more_mem_reclaim(handle);
	drv_ok(t, !rc, "reclaim after all three relinquished (rc %d)", rc);
	if (rc)
		return;		/* still theirs: leaked */
	goto free;
blocked:
	drv_ok(t, false, "SHARE with three borrowers (no pages)");
blocked_after:
	drv_blocked(t, 4, "SHARE with three borrowers", rc);
free:
	for (i = 0; i < BORROW_PAGES; i++)
		if (p[i])
			__free_page(p[i]);
}

void drv_leave_share(struct drv *t)
{
	struct ffa_more_borrower to = {
		.id = DRV_TEST, .perms = FFA_MORE_DATA_RW,
	};
	struct ffa_more_mem m = {
		.op = FFA_MORE_MEM_SHARE, .tag = DRV_TAG,
		.borrowers = &to, .nr_borrowers = 1,
	};
	struct page *p = alloc_page(GFP_KERNEL | __GFP_ZERO);
	u64 handle = 0;
	int rc = p ? ffa_more_mem_send_pages(&m, &p, 1, &handle) : -ENOMEM;

	if (drv_ok(t, !rc, "a SHARE left outstanding for ffa.ko's unload (rc %d)",
		   rc))
		pr_info("# left share 0x%llx\n", handle);
	else if (p)
		__free_page(p);
}
