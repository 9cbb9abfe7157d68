/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An array of pages as FF-A constituents: each run of physically
 * contiguous pages is one constituent. Pure logic (no kernel call, no
 * FF-A call, no allocation), so that the host's unit tests
 * (tests/unit/test_drv_page_runs.c) compile it as it is. Neutral: the
 * caller says how to read a page's frame number.
 *
 * lib's stream (ffa_mem_send_stream) asks for constituent i in order,
 * and for the same i again when a fragment filled up: a cursor on the
 * current run serves both, so a whole send is one pass over the array
 * whatever its size (and ffa_page_runs_measure() one more).
 */
#ifndef FFA_DRV_PAGE_RUNS_H
#define FFA_DRV_PAGE_RUNS_H

/* A host build (the unit test) defines u32, u64 and size_t first. */
#ifdef __KERNEL__
#include <linux/types.h>
#endif

struct ffa_page_runs {
	/* The frame number of page i of arr. */
	u64 (*pfn)(const void *arr, size_t i);
	const void *arr;
	size_t count;		/* pages in arr */
	unsigned int shift;	/* log2(FF-A 4 KiB pages per page): 0 for 4K */
	/* The cursor: the run at pos, len pages long, is constituent index. */
	size_t pos;
	size_t len;
	u32 index;
};

/* Set r up for arr; then count its constituents and FF-A pages. */
void ffa_page_runs_init(struct ffa_page_runs *r,
			u64 (*pfn)(const void *arr, size_t i),
			const void *arr, size_t count, unsigned int shift);
/*
 * The number of constituents and of 4 KiB pages; -1 when there is none,
 * or more than FF-A's 32-bit counts hold.
 */
int ffa_page_runs_measure(struct ffa_page_runs *r, u32 *nr, u32 *pages);
/* Constituent i (lib's ffa_range_source): i the current or the next. */
void ffa_page_runs_get(void *ctx, u32 i, u64 *addr, u32 *pages);

#endif /* FFA_DRV_PAGE_RUNS_H */
