// SPDX-License-Identifier: GPL-2.0
/*
 * Memory transactions from an array of pages: each physically contiguous
 * run of the array is one constituent (page_runs.c), found as lib's
 * stream asks for it. One pass counts the runs (the descriptor states
 * their number up front), one more streams them: no sg table, no copy,
 * no allocation, so 65,536 scattered pages cost what 1 does, per page.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "core_priv.h"
#include "page_runs.h"

/* FF-A counts 4 KiB pages: a kernel page is 1 << this many of them. */
#define PAGES_SHIFT	(PAGE_SHIFT - 12)

static u64 page_pfn(const void *arr, size_t i)
{
	struct page *const *pages = arr;

	return page_to_pfn(pages[i]);
}

int ffa_core_mem_send_pages(const struct ffa_core_mem_req *req,
			    struct page **pages, size_t count, u64 *handle)
{
	struct ffa_page_runs runs;
	u32 nr, total;

	if (!pages || !count)
		return -EINVAL;
	ffa_page_runs_init(&runs, page_pfn, pages, count, PAGES_SHIFT);
	if (ffa_page_runs_measure(&runs, &nr, &total))
		return -EINVAL;
	return ffa_core_mem_send_src(req, ffa_page_runs_get, &runs, nr, total,
				     handle);
}
