// SPDX-License-Identifier: GPL-2.0
/*
 * Runs of contiguous pages as FF-A constituents (page_runs.h). A run is
 * cut where the next page does not follow the last in physical memory,
 * and where its 4 KiB page count would no longer fit FF-A's 32 bits.
 */
#include "page_runs.h"

/* Kernel pages one constituent may hold: its page_count is 32 bits. */
static size_t run_max(const struct ffa_page_runs *r)
{
	return (size_t)(0xffffffffU >> r->shift);
}

/* The length of the run that starts at page pos. */
static size_t run_len(const struct ffa_page_runs *r, size_t pos)
{
	size_t n = 1, max = run_max(r);
	u64 first;

	if (pos >= r->count)
		return 0;	/* past the end: an empty constituent */
	first = r->pfn(r->arr, pos);
	while (pos + n < r->count && n < max &&
	       r->pfn(r->arr, pos + n) == first + n)
		n++;
	return n;
}

void ffa_page_runs_init(struct ffa_page_runs *r,
			u64 (*pfn)(const void *arr, size_t i),
			const void *arr, size_t count, unsigned int shift)
{
	r->pfn = pfn;
	r->arr = arr;
	r->count = count;
	r->shift = shift;
	r->pos = 0;
	r->len = 0;
	r->index = (u32)-1;	/* so that constituent 0 is "the next" */
}

int ffa_page_runs_measure(struct ffa_page_runs *r, u32 *nr, u32 *pages)
{
	u64 runs = 0, total = 0;
	size_t pos, len;

	for (pos = 0; pos < r->count; pos += len) {
		len = run_len(r, pos);
		runs++;
		total += (u64)len << r->shift;
	}
	if (!runs || runs > 0xffffffffU || total > 0xffffffffU)
		return -1;
	*nr = (u32)runs;
	*pages = (u32)total;
	return 0;
}

void ffa_page_runs_get(void *ctx, u32 i, u64 *addr, u32 *pages)
{
	struct ffa_page_runs *r = ctx;

	/* Backwards (no stream does it): walk again from the start. */
	if (i != r->index && i != (u32)(r->index + 1)) {
		r->pos = 0;
		r->len = 0;
		r->index = (u32)-1;
		while ((u32)(r->index + 1) != i) {
			r->pos += r->len;
			r->len = run_len(r, r->pos);
			r->index++;
		}
	}
	if (i == (u32)(r->index + 1)) {
		r->pos += r->len;
		r->len = run_len(r, r->pos);
		r->index = i;
	}
	*addr = r->len ? r->pfn(r->arr, r->pos) << (12 + r->shift) : 0;
	*pages = (u32)(r->len << r->shift);
}
