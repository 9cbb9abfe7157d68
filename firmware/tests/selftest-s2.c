// SPDX-License-Identifier: BSD-3-Clause
/*
 * "fwtest=s2": the stage-2 table builder on a scratch table (VMID 200,
 * never installed): largest blocks first, a split when one page
 * changes, tables given back when a range is mapped whole again, and
 * NO_MEMORY with the table unchanged once the pool is exhausted. And
 * mmu_zero_ram(), which zeroes guest pages (RX tails, zero-on-share):
 * exactly the range, by DC ZVA or by memset.
 */
#include <ffa/error.h>

#include <fw/mmu.h>
#include <fw/printf.h>
#include <fw/s2.h>
#include <fw/selftest.h>

#define GIB		(1UL << 30)
#define MIB2		(2UL << 20)
#define PAGE		S2_PAGE_SIZE
#define BASE		(8 * GIB)	/* nothing of the machine's */
#define S2_AP_W		(1ULL << 7)

static unsigned int failures;

static void expect(int ok, const char *what, unsigned long got)
{
	fw_printf("fw-selftest: s2: %s %s (0x%lx)\n", ok ? "ok  " : "FAIL",
		  what, got);
	if (!ok)
		failures++;
}

static void blocks_and_splits(struct s2_table *t, unsigned int free0)
{
	uint64_t hole = BASE + 3 * MIB2 + 5 * PAGE;

	expect(!s2_map(t, BASE, GIB, S2_RW) &&
	       s2_pool_free_pages() == free0, "1 GiB maps as one block",
	       s2_pool_free_pages());
	expect(!s2_unmap(t, hole, PAGE) &&
	       s2_pool_free_pages() == free0 - 2,
	       "unmapping a page splits it (2 tables)", s2_pool_free_pages());
	expect(!s2_leaf(t, hole) && s2_leaf(t, hole + PAGE) &&
	       s2_leaf(t, hole - PAGE) && s2_leaf(t, BASE + GIB - PAGE),
	       "only that page is gone", s2_leaf(t, hole + PAGE));
	expect(!s2_map(t, hole + PAGE, PAGE, S2_R) &&
	       !(s2_leaf(t, hole + PAGE) & S2_AP_W) &&
	       (s2_leaf(t, hole + 2 * PAGE) & S2_AP_W),
	       "a permission change touches one page", s2_leaf(t, hole));
	expect(!s2_map(t, BASE, GIB, S2_RW) &&
	       s2_pool_free_pages() == free0 && s2_leaf(t, hole),
	       "mapping the GiB again frees the tables", s2_pool_free_pages());
	expect(!s2_unmap(t, BASE, GIB) && !s2_leaf(t, BASE),
	       "unmapped whole", s2_leaf(t, BASE));
}

/* One page in each 2 MiB block: a level-3 table each, until full. */
static void exhaustion(struct s2_table *t, unsigned int free0)
{
	uint64_t at = BASE;
	int ret = 0;

	while (!ret && at < BASE + GIB) {
		ret = s2_map(t, at, PAGE, S2_RW);
		at += MIB2;
	}
	at -= MIB2;
	expect(ret == FFA_RET_NO_MEMORY && s2_pool_free_pages() == 0,
	       "NO_MEMORY once the pool is empty", (unsigned long)ret);
	expect(!s2_leaf(t, at), "the failed map left nothing behind",
	       s2_leaf(t, at));
	expect(!s2_unmap(t, BASE, GIB) && s2_pool_free_pages() == free0,
	       "unmapping gives every table back", s2_pool_free_pages());
	expect(s2_map(t, BASE, PAGE, 0x10) == 0 && !s2_leaf(t, BASE) &&
	       s2_map(t, BASE + 1, PAGE, S2_RW) ==
	       FFA_RET_INVALID_PARAMETERS, "no access is unmapped; "
	       "misaligned is refused", 0);
}

static uint8_t zero_buf[3 * PAGE] __attribute__((aligned(PAGE)));

/* The bytes of [from, to) are all v. */
static int bytes_are(size_t from, size_t to, uint8_t v)
{
	for (size_t i = from; i < to; i++)
		if (zero_buf[i] != v)
			return 0;
	return 1;
}

static void zero_ram(void)
{
	uint64_t pa = (uintptr_t)zero_buf;

	__builtin_memset(zero_buf, 0xa5, sizeof(zero_buf));
	mmu_zero_ram(pa + PAGE, PAGE);
	expect(bytes_are(0, PAGE, 0xa5) && bytes_are(PAGE, 2 * PAGE, 0) &&
	       bytes_are(2 * PAGE, 3 * PAGE, 0xa5),
	       "zeroing a page clears it and nothing else", pa);
	__builtin_memset(zero_buf, 0xa5, sizeof(zero_buf));
	mmu_zero_ram(pa + 2048, 2048 + 320);
	expect(bytes_are(0, 2048, 0xa5) && bytes_are(2048, 4096 + 320, 0) &&
	       bytes_are(4096 + 320, 3 * PAGE, 0xa5),
	       "a range of 37 blocks (by fours, then one) too", pa + 2048);
	__builtin_memset(zero_buf, 0xa5, sizeof(zero_buf));
	mmu_zero_ram(pa + 8, 100);
	expect(bytes_are(0, 8, 0xa5) && bytes_are(8, 108, 0) &&
	       bytes_are(108, 3 * PAGE, 0xa5),
	       "a range of part blocks is zeroed exactly", pa + 8);
}

void selftest_s2(void)
{
	struct s2_table t;
	unsigned int free0;

	if (s2_init(&t, 200)) {
		expect(0, "s2_init", 0);
		return;
	}
	free0 = s2_pool_free_pages();
	blocks_and_splits(&t, free0);
	exhaustion(&t, free0);
	zero_ram();
	fw_printf("fw-selftest: s2: %s\n", failures ? "FAIL" : "PASS");
}
