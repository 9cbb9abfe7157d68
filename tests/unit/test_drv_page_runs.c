// SPDX-License-Identifier: GPL-2.0
/*
 * linux/page_runs.c, the Linux driver's page array as FF-A constituents,
 * on the host: runs of contiguous frames are one constituent each, the
 * stream's pattern of asks (each index once or twice, in order) is
 * served in one pass, and counts beyond FF-A's 32 bits are refused. The
 * file is compiled in as it is, in the kernel's types.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

typedef uint32_t u32;
typedef uint64_t u64;

#include "../../linux/page_runs.c"

/* A page array as frame numbers; reads are counted. */
static size_t reads;

static u64 pfn_of(const void *arr, size_t i)
{
	reads++;
	return ((const u64 *)arr)[i];
}

/* Ask for every constituent the way lib's stream does: i, then i again. */
static void stream(struct ffa_page_runs *r, u32 nr, u64 *addr, u32 *pages)
{
	u64 a;
	u32 i, p;

	for (i = 0; i < nr; i++) {
		ffa_page_runs_get(r, i, &addr[i], &pages[i]);
		ffa_page_runs_get(r, i, &a, &p);	/* a fragment filled */
		assert_int_equal(a, addr[i]);
		assert_int_equal(p, pages[i]);
	}
}

static void mixed_runs_become_constituents(void **state)
{
	static const u64 pfns[] = { 10, 11, 12, 20, 21, 5, 6, 7, 8, 9, 30 };
	const u64 want_addr[] = { 10, 20, 5, 30 };
	const u32 want_pages[] = { 3, 2, 5, 1 };
	struct ffa_page_runs r;
	u64 addr[4];
	u32 nr = 0, total = 0, pages[4], i;

	(void)state;
	ffa_page_runs_init(&r, pfn_of, pfns, 11, 0);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, 4);
	assert_int_equal(total, 11);
	stream(&r, nr, addr, pages);
	for (i = 0; i < 4; i++) {
		assert_int_equal(addr[i], want_addr[i] << 12);
		assert_int_equal(pages[i], want_pages[i]);
	}
}

/* 64 KiB kernel pages: 16 FF-A pages each, addresses by 64 KiB. */
static void large_kernel_pages_count_in_4k(void **state)
{
	static const u64 pfns[] = { 7, 8, 100 };
	struct ffa_page_runs r;
	u64 addr[2];
	u32 nr = 0, total = 0, pages[2];

	(void)state;
	ffa_page_runs_init(&r, pfn_of, pfns, 3, 4);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, 2);
	assert_int_equal(total, 48);
	stream(&r, nr, addr, pages);
	assert_int_equal(addr[0], 7ULL << 16);
	assert_int_equal(pages[0], 32);
	assert_int_equal(addr[1], 100ULL << 16);
	assert_int_equal(pages[1], 16);
}

/*
 * 256 MiB of 65,536 pages no two adjacent: as many constituents, and
 * the measure and the stream each read every frame about twice at most
 * (one pass each, never a pass per constituent).
 */
#define SCATTERED	65536U

static void scattered_pages_stream_in_one_pass(void **state)
{
	static u64 pfns[SCATTERED], addr[SCATTERED];
	static u32 pages[SCATTERED];
	struct ffa_page_runs r;
	u32 nr = 0, total = 0, i;

	(void)state;
	for (i = 0; i < SCATTERED; i++)
		pfns[i] = 0x80000 + 2ULL * (SCATTERED - i);	/* descending */
	ffa_page_runs_init(&r, pfn_of, pfns, SCATTERED, 0);
	reads = 0;
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, SCATTERED);
	assert_int_equal(total, SCATTERED);
	assert_true(reads <= 2 * (size_t)SCATTERED);
	reads = 0;
	stream(&r, nr, addr, pages);
	assert_true(reads <= 4 * (size_t)SCATTERED);
	for (i = 0; i < SCATTERED; i++) {
		assert_int_equal(addr[i], pfns[i] << 12);
		assert_int_equal(pages[i], 1);
	}
}

/* One run of contiguous pages: one constituent. */
static void contiguous_pages_are_one_constituent(void **state)
{
	static u64 pfns[4096];
	struct ffa_page_runs r;
	u64 addr;
	u32 nr = 0, total = 0, pages, i;

	(void)state;
	for (i = 0; i < 4096; i++)
		pfns[i] = 0x40000 + i;
	ffa_page_runs_init(&r, pfn_of, pfns, 4096, 0);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, 1);
	assert_int_equal(total, 4096);
	stream(&r, 1, &addr, &pages);
	assert_int_equal(addr, 0x40000ULL << 12);
	assert_int_equal(pages, 4096);
}

/* Going back (no stream does) still answers right. */
static void asking_backwards_restarts(void **state)
{
	static const u64 pfns[] = { 1, 3, 4, 9 };
	struct ffa_page_runs r;
	u64 addr;
	u32 nr = 0, total = 0, pages;

	(void)state;
	ffa_page_runs_init(&r, pfn_of, pfns, 4, 0);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, 3);
	ffa_page_runs_get(&r, 0, &addr, &pages);
	ffa_page_runs_get(&r, 1, &addr, &pages);
	ffa_page_runs_get(&r, 2, &addr, &pages);
	assert_int_equal(addr, 9ULL << 12);
	ffa_page_runs_get(&r, 1, &addr, &pages);
	assert_int_equal(addr, 3ULL << 12);
	assert_int_equal(pages, 2);
}

/* Nothing, or more 4 KiB pages than FF-A's 32-bit total: refused. */
static void empty_or_too_large_is_refused(void **state)
{
	static u64 pfns[4097];
	struct ffa_page_runs r;
	u32 nr = 7, total = 7, i;

	(void)state;
	ffa_page_runs_init(&r, pfn_of, pfns, 0, 0);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), -1);
	for (i = 0; i < 4097; i++)
		pfns[i] = 1000 + 3 * i;
	/* 4096 pages of 2^20 FF-A pages each: 2^32, one too many. */
	ffa_page_runs_init(&r, pfn_of, pfns, 4096, 20);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), -1);
	ffa_page_runs_init(&r, pfn_of, pfns, 4095, 20);
	assert_int_equal(ffa_page_runs_measure(&r, &nr, &total), 0);
	assert_int_equal(nr, 4095);
	assert_int_equal(total, 4095U << 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mixed_runs_become_constituents),
		cmocka_unit_test(large_kernel_pages_count_in_4k),
		cmocka_unit_test(scattered_pages_stream_in_one_pass),
		cmocka_unit_test(contiguous_pages_are_one_constituent),
		cmocka_unit_test(asking_backwards_restarts),
		cmocka_unit_test(empty_or_too_large_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
