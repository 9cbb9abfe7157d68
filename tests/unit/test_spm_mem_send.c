// SPDX-License-Identifier: BSD-3-Clause
/*
 * MEM_SHARE / LEND / DONATE refused: bad-input rows 1-18 of
 * ffa-bad-inputs.md, each with its exact error and a check that nothing
 * changed (pages, share table, mailboxes, every endpoint's access, and
 * memory). Descriptor corruptions are applied to a good v1.2 descriptor
 * in the sender's TX buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"

/* P1 shares its first data page with P2, RW: 112 bytes in v1.2. */
static struct txn good_share(struct mw *w, struct ffa_mem_range *r)
{
	struct txn t = txn1(w, P1, P2, RW, 0, 1, r);

	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	return t;
}

static uint32_t write_good(struct mw *w, const struct txn *t)
{
	struct ffa_mtd_builder b;
	uint32_t next, total, len = write_send(w, t, &b, &next, &total);

	assert_int_equal(len, total);
	return len;
}

struct corruption {
	const char *what;
	uint32_t offset;
	uint32_t size;		/* 1, 2, 4 or 8 */
	uint64_t value;
	uint32_t error;
};

/* Offsets in the v1.2 layout: header 0, EMAD 48, composite 80, range 96. */
static const struct corruption corruptions[] = {
	{ "2: no receivers", 28, 4, 0, ERR_INVALID },
	{ "2: more receivers than fit", 28, 4, 9, ERR_INVALID },
	{ "3: EMAD size", 24, 4, 48, ERR_INVALID },
	{ "3: EMAD offset unaligned", 32, 4, 40, ERR_INVALID },
	{ "3: EMAD offset in header", 32, 4, 16, ERR_INVALID },
	{ "4: composite offset 0", 52, 4, 0, ERR_INVALID },
	{ "4: composite inside EMADs", 52, 4, 48, ERR_INVALID },
	{ "4: composite past fragment", 52, 4, 112, ERR_INVALID },
	{ "5: range count", 84, 4, 2, ERR_INVALID },
	{ "6: page count", 80, 4, 2, ERR_INVALID },
	{ "7: zero pages", 104, 4, 0, ERR_INVALID },
	{ "7: unaligned", 96, 8, 0x40080800ULL, ERR_INVALID },
	{ "7: wraps", 96, 8, 0xfffffffffffff000ULL, ERR_INVALID },
	{ "7: past the PA range", 96, 8, 1ULL << 48, ERR_INVALID },
	{ "9: header reserved", 36, 4, 1, ERR_INVALID },
	{ "9: flag bit 5", 4, 4, 0x20, ERR_INVALID },
	{ "9: time slicing", 4, 4, 0x2, ERR_INVALID },
	{ "9: handle set", 8, 8, 1, ERR_INVALID },
	{ "9: EMAD flags", 51, 1, 1, ERR_INVALID },
	{ "9: EMAD reserved", 72, 8, 1, ERR_INVALID },
	{ "9: composite reserved", 88, 8, 1, ERR_INVALID },
	{ "9: range reserved", 108, 4, 1, ERR_INVALID },
	{ "10: sender not caller", 0, 2, P3, ERR_DENIED },
	{ "11: receiver is sender", 48, 2, P1, ERR_INVALID },
	{ "11: unknown receiver", 48, 2, 0x8009, ERR_INVALID },
	{ "11: invalid ID", 48, 2, 0x7fff, ERR_INVALID },
	{ "12: X on SHARE", 50, 1, 0x0a, ERR_INVALID },
	{ "12: no data access", 50, 1, 0x00, ERR_INVALID },
	{ "12: reserved data", 50, 1, 0x03, ERR_INVALID },
	{ "12: reserved bits", 50, 1, 0x12, ERR_INVALID },
	{ "13: NS bit", 2, 2, 0x6f, ERR_INVALID },
	{ "13: reserved type", 2, 2, 0x3f, ERR_INVALID },
	{ "13: reserved attr bits", 2, 2, 0x12f, ERR_INVALID },
	{ "16: zero on SHARE", 4, 4, 1, ERR_INVALID },
	{ "17: partition to normal world", 48, 2, HOST, ERR_DENIED },
};

static void poke(uint8_t *p, uint32_t size, uint64_t v)
{
	uint32_t i;

	for (i = 0; i < size; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

static void test_descriptor_corruptions(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = good_share(w, &r);
	uint32_t i, len;

	(void)state;
	for (i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
		const struct corruption *c = &corruptions[i];

		len = write_good(w, &t);
		poke(tx_bytes(w, P1) + c->offset, c->size, c->value);
		print_message("class %s\n", c->what);
		expect_refused(w, P1, X(0x84000073, len, len), c->error);
		expect_refused(w, P1, X(0xC4000073, len, len), c->error);
	}
	/* The good one still goes through. */
	len = write_good(w, &t);
	send_ok(w, 0x84000073, &t);
	mw_free(w);
}

/* Class 1: lengths and the buffer the descriptor comes in. */
static void test_lengths_and_buffer(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = good_share(w, &r);
	struct spm_decision d;
	uint32_t len = write_good(w, &t);

	(void)state;
	expect_refused(w, P1, X(0x84000073, len, len, 0x40100000, 1),
		       ERR_INVALID);
	expect_refused(w, P1, X(0xC4000073, len, len, 0x40100000, 0),
		       ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, len, len, 0, 1), ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, len - 16, len), ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, 4112, 4112), ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, len + 8, len + 8), ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, 32, 32), ERR_INVALID);
	expect_refused(w, P1, X(0x84000073, 0, 0), ERR_INVALID);
	/* No TX buffer: refused before anything is read. */
	d = mcall(w, P1, X(0x84000067));
	expect_ok(&d, P1);
	expect_refused(w, P1, X(0x84000073, len, len), ERR_INVALID);
	mw_free(w);
}

static void test_receiver_lists(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, 0, 0, 1, &r);
	uint32_t len;

	(void)state;
	/* Class 2: a donation has one receiver. */
	txn_add(&t, P3, 0);
	len = write_good(w, &t);
	expect_refused(w, P1, X(0x84000071, len, len), ERR_INVALID);
	/* Class 11: the same receiver twice. */
	t = good_share(w, &r);
	txn_add(&t, P3, RW);
	len = write_good(w, &t);
	poke(tx_bytes(w, P1) + 48 + 32, 2, P2);
	expect_refused(w, P1, X(0x84000073, len, len), ERR_INVALID);
	/* Class 12: access given on DONATE; X on LEND to two. */
	t = txn1(w, P1, P2, RW, 0, 1, &r);
	len = write_good(w, &t);
	expect_refused(w, P1, X(0x84000071, len, len), ERR_INVALID);
	t = good_share(w, &r);
	t.access[0].perms = RW_X;
	txn_add(&t, P3, RW);
	len = write_good(w, &t);
	expect_refused(w, P1, X(0x84000072, len, len), ERR_INVALID);
	/* Class 13: a memory type on LEND to one. */
	t = good_share(w, &r);
	len = write_good(w, &t);
	expect_refused(w, P1, X(0x84000072, len, len), ERR_INVALID);
	mw_free(w);
}

/* Class 8: constituents that overlap, however they overlap. */
static void test_overlapping_ranges(void **state)
{
	static const uint32_t cases[][4] = {
		/* page, count, page, count */
		{ 0, 4, 1, 2 },		/* contained */
		{ 0, 3, 2, 3 },		/* partial */
		{ 5, 1, 5, 1 },		/* identical */
		{ 4, 2, 0, 5 },		/* partial, out of order */
	};
	struct mw *w = mw_new();
	struct ffa_mem_range r[2];
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r[0]);
	uint32_t i, len;

	(void)state;
	t.nr_ranges = 2;
	for (i = 0; i < 4; i++) {
		r[0].address = data_of(w, P1, cases[i][0]);
		r[0].page_count = cases[i][1];
		r[1].address = data_of(w, P1, cases[i][2]);
		r[1].page_count = cases[i][3];
		r[1].reserved = 0;
		len = write_good(w, &t);
		expect_refused(w, P1, X(0x84000072, len, len), ERR_INVALID);
	}
	mw_free(w);
}

static void expect_send_refused(struct mw *w, uint32_t fid,
				const struct txn *t, uint32_t error)
{
	uint32_t len = write_good(w, t);

	expect_refused(w, t->sender, X(fid, len, len), error);
}

/* Classes 14 and 15: memory the sender does not hold exclusively. */
static void test_not_owner_ea(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r[2];
	struct txn t = good_share(w, &r[0]);
	struct txn d = txn1(w, P1, P3, 0, 0, 1, &r[1]);

	(void)state;
	r[0].address = data_of(w, P2, 0);		/* another's */
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	r[0].address = tx_of(w, P1);			/* own TX */
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	r[0].address = rx_of(w, P1);			/* own RX */
	expect_send_refused(w, 0xC4000073, &t, ERR_DENIED);
	r[0].address = 0x1000;				/* not managed */
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	/* Partly its own: the last data page and P2's TX after it. */
	r[0].address = data_of(w, P1, 61);
	r[0].page_count = 2;
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	/* Already shared: share again, lend it, donate it. */
	r[0].page_count = 1;
	r[0].address = data_of(w, P1, 0);
	send_ok(w, 0x84000073, &t);
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	expect_send_refused(w, 0x84000071, &d, ERR_DENIED);
	t.access[0].receiver_id = P3;
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	mw_free(w);
}

/* Classes 14 and 16: the sender's own access limits what it can offer. */
static void test_read_only_owner(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = good_share(w, &r);
	struct spm_decision d;

	(void)state;
	d = mcall(w, P1, X(0x84000089, r.address, 1, 0x7));
	expect_ok(&d, P1);
	expect_send_refused(w, 0x84000073, &t, ERR_DENIED);
	t = txn1(w, P1, P2, RO, 0, 1, &r);
	t.flags = FFA_MEM_FLAG_ZERO;
	expect_send_refused(w, 0x84000072, &t, ERR_DENIED);
	/* Offering what it has is fine. */
	t.flags = 0;
	send_ok(w, 0x84000072, &t);
	mw_free(w);
}

/* Class 18: the table and the range pool run out, nothing leaks. */
static void test_table_full(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t;
	uint64_t first = 0, h;
	uint32_t i;
	struct spm_decision d;

	(void)state;
	for (i = 0; i < SPM_MAX_SHARES; i++) {
		t = txn1(w, i < 60 ? P1 : P3, P2, 0, i % 60, 1, &r);
		h = send_ok(w, 0x84000071, &t);
		if (i == 0)
			first = h;
	}
	t = txn1(w, P3, P2, 0, 10, 1, &r);
	expect_send_refused(w, 0x84000071, &t, ERR_NO_MEMORY);
	/* Free one: the slot comes back under a new handle. */
	d = reclaim(w, P1, first, 0);
	expect_ok(&d, P1);
	h = send_ok(w, 0x84000071, &t);
	assert_int_equal(FFA_HANDLE_LO(h), FFA_HANDLE_LO(first));
	assert_true(h != first);
	/* Class 23: the stale handle names nothing. */
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(first),
				FFA_HANDLE_HI(first)), ERR_INVALID);
	mw_free(w);
}

static void test_range_pool_full(void **state)
{
	struct mw *w = mw_new_ex(64, 4, NULL);
	struct ffa_mem_range r[5];
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r[0]);
	uint32_t i;

	(void)state;
	for (i = 0; i < 5; i++) {
		r[i].address = data_of(w, P1, 2 * i);
		r[i].page_count = 1;
		r[i].reserved = 0;
	}
	t.nr_ranges = 5;
	expect_send_refused(w, 0x84000072, &t, ERR_NO_MEMORY);
	t.nr_ranges = 3;
	send_ok(w, 0x84000072, &t);
	t.ranges = &r[3];
	t.nr_ranges = 2;
	expect_send_refused(w, 0x84000072, &t, ERR_NO_MEMORY);
	t.nr_ranges = 1;
	send_ok(w, 0x84000072, &t);
	mw_free(w);
}

/* A platform failure in the middle of a LEND rolls everything back. */
static void test_platform_failure_rolls_back(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r[3];
	struct txn t = txn1(w, P1, P2, RW, 0, 2, &r[0]);
	uint32_t i;

	(void)state;
	r[1].address = data_of(w, P1, 5);
	r[1].page_count = 1;
	r[1].reserved = 0;
	r[2].address = data_of(w, P1, 9);
	r[2].page_count = 3;
	r[2].reserved = 0;
	t.nr_ranges = 3;
	t.flags = FFA_MEM_FLAG_ZERO;
	fill(w, r[0].address, 12, 0x5a);
	for (i = 0; i < 3; i++) {
		w->h.fp.set_access_calls = 0;
		w->h.fp.fail_set_access_after = (int)i;
		expect_send_refused(w, 0x84000072, &t, ERR_NO_MEMORY);
		expect_access(w, P1, r[0].address, 12, RWA);
		assert_true(all_bytes(w, r[0].address, 12, 0x5a));
	}
	w->h.fp.fail_set_access_after = -1;
	send_ok(w, 0x84000072, &t);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_descriptor_corruptions),
		cmocka_unit_test(test_lengths_and_buffer),
		cmocka_unit_test(test_receiver_lists),
		cmocka_unit_test(test_overlapping_ranges),
		cmocka_unit_test(test_not_owner_ea),
		cmocka_unit_test(test_read_only_owner),
		cmocka_unit_test(test_table_full),
		cmocka_unit_test(test_range_pool_full),
		cmocka_unit_test(test_platform_failure_rolls_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
