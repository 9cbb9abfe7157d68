// SPDX-License-Identifier: BSD-3-Clause
/*
 * Address ranges: the overlap check (sort-then-scan on a scratch copy,
 * adjacency allowed, O(n log n)) and the end-address wrap rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "test_mem_common.h"

#define INVAL		FFA_RET_INVALID_PARAMETERS
#define PAGE		0x1000ULL
#define MAX_SMALL	8
#define LARGE_N		100000U

struct set {
	const char *name;
	int want;
	uint32_t n;
	struct ffa_mem_range r[MAX_SMALL];
};

/* A range of `pages` pages starting at page `page`. */
#define R(pg, n)	{ .address = (pg) * PAGE, .page_count = (n) }

static const struct set sets[] = {
	{ "one_range", 0, 1, { R(5, 3) } },
	{ "disjoint", 0, 3, { R(0, 2), R(10, 1), R(20, 4) } },
	{ "identical", INVAL, 2, { R(7, 2), R(7, 2) } },
	{ "contained", INVAL, 2, { R(10, 10), R(12, 2) } },
	{ "same_start_other_length", INVAL, 2, { R(3, 1), R(3, 9) } },
	/* The second starts before the first and ends inside it. */
	{ "partial_at_start", INVAL, 2, { R(10, 4), R(8, 3) } },
	{ "partial_at_end", INVAL, 2, { R(10, 4), R(13, 3) } },
	{ "adjacent_ok", 0, 3, { R(14, 2), R(10, 4), R(16, 1) } },
	/* Overlapping a range that is not its sorted neighbour. */
	{ "long_range_covers_later_ones", INVAL, 4,
	  { R(50, 1), R(0, 100), R(200, 1), R(1, 1) } },
	{ "unsorted_disjoint_ok", 0, 6,
	  { R(90, 1), R(3, 2), R(40, 10), R(0, 3), R(60, 30), R(5, 35) } },
	{ "unsorted_overlap_far_apart", INVAL, 6,
	  { R(90, 1), R(3, 2), R(40, 10), R(0, 3), R(60, 30), R(49, 2) } },
	{ "wrapping_range_refused", INVAL, 2,
	  { R(0, 1), { .address = ~0ULL - PAGE + 1, .page_count = 1 } } },
	{ "empty_range_overlaps_nothing", 0, 3, { R(4, 1), R(4, 0), R(5, 1) } },
};

/* Check a set, and that the caller's array was left as it was. */
static void run_set(void **state)
{
	const struct set *s = *state;
	struct ffa_mem_range copy[MAX_SMALL], scratch[MAX_SMALL];

	memcpy(copy, s->r, sizeof(copy));
	assert_int_equal(ffa_ranges_check_overlap(copy, s->n, scratch),
			 s->want);
	assert_memory_equal(copy, s->r, sizeof(copy));
}

static void test_no_ranges(void **state)
{
	(void)state;
	assert_int_equal(ffa_ranges_check_overlap(NULL, 0, NULL), 0);
}

static uint64_t lcg_state = 0x9e3779b97f4a7c15ULL;

static uint32_t lcg(uint32_t bound)
{
	lcg_state = lcg_state * 6364136223846793005ULL +
		    1442695040888963407ULL;
	return (uint32_t)((lcg_state >> 33) % bound);
}

/* n disjoint ranges with gaps, in a shuffled order. */
static struct ffa_mem_range *make_shuffled(uint32_t n)
{
	struct ffa_mem_range *r = malloc(n * sizeof(*r)), tmp;
	uint32_t i, j;

	assert_non_null(r);
	for (i = 0; i < n; i++)
		r[i] = (struct ffa_mem_range)R(3ULL * i, 1 + lcg(2));
	for (i = n; i > 1; i--) {
		j = lcg(i);
		tmp = r[i - 1];
		r[i - 1] = r[j];
		r[j] = tmp;
	}
	return r;
}

/* O(n^2) would take seconds here; sort-then-scan takes milliseconds. */
static void test_large_shuffled_is_fast(void **state)
{
	struct ffa_mem_range *r = make_shuffled(LARGE_N);
	struct ffa_mem_range *scratch = malloc(LARGE_N * sizeof(*scratch));
	clock_t start = clock();
	double secs;

	(void)state;
	assert_non_null(scratch);
	assert_int_equal(ffa_ranges_check_overlap(r, LARGE_N, scratch), 0);
	/* Slots are 3 pages apart: 4 pages reach into the next one. */
	r[LARGE_N / 2].page_count = 4;
	assert_int_equal(ffa_ranges_check_overlap(r, LARGE_N, scratch), INVAL);
	secs = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_true(secs < 1.0);
	free(r);
	free(scratch);
}

static void test_range_end(void **state)
{
	uint64_t end = 0;

	(void)state;
	assert_true(ffa_range_end(0x80000000, 2, &end));
	assert_int_equal(end, 0x80002000);
	assert_true(ffa_range_end(0x1000, 0, &end));
	assert_int_equal(end, 0x1000);
	/* The last page below 2^64 ends at 2^64, which wraps to 0. */
	assert_false(ffa_range_end(~0ULL - PAGE + 1, 1, &end));
	assert_true(ffa_range_end(~0ULL - 2 * PAGE + 1, 1, &end));
	assert_int_equal(end, ~0ULL - PAGE + 1);
	/* pages * 4096 itself overflowing. */
	assert_false(ffa_range_end(0, 1ULL << 52, &end));
	assert_false(ffa_range_end(0, ~0ULL, &end));
	assert_true(ffa_range_end(0, (1ULL << 52) - 1, &end));
	assert_int_equal(end, ~0ULL - PAGE + 1);
	/* A 32-bit page count never overflows the product, only the sum. */
	assert_true(ffa_range_end(0, 0xffffffff, &end));
	assert_int_equal(end, 0xffffffffULL * PAGE);
	assert_true(ffa_range_end(~0ULL << 44, 0xffffffff, &end));
	assert_int_equal(end, ~0ULL - PAGE + 1);
	assert_false(ffa_range_end(~0ULL << 43, 0xffffffff, &end));
}

int main(void)
{
	static const struct CMUnitTest extra[] = {
		cmocka_unit_test(test_no_ranges),
		cmocka_unit_test(test_large_shuffled_is_fast),
		cmocka_unit_test(test_range_end),
	};

	return RUN_CASE_TABLE("test_ranges", sets, run_set, extra);
}
