// SPDX-License-Identifier: BSD-3-Clause
/*
 * Address range arithmetic: where a range ends, and whether any two of a
 * set overlap. The overlap check must stay O(n log n) with no allocation
 * and no recursion, since a manager runs it on 262,144 constituents of an
 * untrusted descriptor: heapsort a scratch copy by address, then one pass
 * comparing each start with the furthest end seen so far.
 */
#include <ffa/misc.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>

bool ffa_range_end(uint64_t address, uint64_t pages, uint64_t *end)
{
	uint64_t bytes;

	if (ffa_mul_overflow(pages, (uint64_t)FFA_PAGE_SIZE, &bytes))
		return false;
	/* An end of exactly 2^64 wraps to 0: refused like any other wrap. */
	return !ffa_add_overflow(address, bytes, end);
}

static void range_swap(struct ffa_mem_range *a, struct ffa_mem_range *b)
{
	struct ffa_mem_range t = *a;

	*a = *b;
	*b = t;
}

/* Restore the max-heap property below root, in a heap of n entries. */
static void sift_down(struct ffa_mem_range *r, uint32_t root, uint32_t n)
{
	uint32_t child;

	/* root < n / 2: root has a child, and 2 * root + 1 < n cannot wrap. */
	while (root < n / 2) {
		child = 2 * root + 1;
		if (child + 1 < n && r[child + 1].address > r[child].address)
			child++;
		if (r[root].address >= r[child].address)
			return;
		range_swap(&r[root], &r[child]);
		root = child;
	}
}

static void sort_by_address(struct ffa_mem_range *r, uint32_t n)
{
	uint32_t i;

	for (i = n / 2; i > 0; i--)
		sift_down(r, i - 1, n);
	for (i = n; i > 1; i--) {
		range_swap(&r[0], &r[i - 1]);
		sift_down(r, 0, i - 1);
	}
}

int ffa_ranges_check_overlap(const struct ffa_mem_range *r, uint32_t n,
			     struct ffa_mem_range *scratch)
{
	uint64_t end, max_end = 0;
	uint32_t i;

	/* Sort a copy: the caller's order is the descriptor's layout. */
	for (i = 0; i < n; i++)
		scratch[i] = r[i];
	sort_by_address(scratch, n);
	/*
	 * Sorted by start, a range overlaps an earlier one exactly when it
	 * starts before the furthest end so far. Adjacent ranges (start ==
	 * previous end) are fine; an empty range overlaps nothing (the
	 * validator refuses those before this point anyway).
	 */
	for (i = 0; i < n; i++) {
		if (!ffa_range_end(scratch[i].address, scratch[i].page_count,
				   &end))
			return FFA_RET_INVALID_PARAMETERS;
		if (scratch[i].page_count == 0)
			continue;
		if (scratch[i].address < max_end)
			return FFA_RET_INVALID_PARAMETERS;
		if (end > max_end)
			max_end = end;
	}
	return 0;
}
