// SPDX-License-Identifier: BSD-3-Clause
/*
 * Fragmented sends (FFA_MEM_FRAG_TX, bad-input rows 18-20) and fragmented
 * retrieve responses (FFA_MEM_FRAG_RX, rows 21 and 22), including a
 * 10,000-range transaction retrieved through a 4 KiB RX buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"

static void test_fragmented_send(void **state)
{
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct spm_decision d;
	struct fsend f;
	struct rreq q;

	(void)state;
	fsend_init(w, &f, P1, P2, 600);
	fsend_start(w, &f, 0x84000072);
	/* Row 20: nothing may use a transaction not fully sent. */
	q = rreq1(P2, f.handle, P1, RW);
	write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, 80, 80), ERR_DENIED);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(f.handle),
				FFA_HANDLE_HI(f.handle)), ERR_INVALID);
	write_relinquish(w, P2, f.handle, 0, (const uint16_t[]){ P2 }, 1);
	expect_refused(w, P2, X(0x84000076), ERR_INVALID);
	/* The sender's mailbox stays while it is in the middle of one. */
	expect_refused(w, P1, X(0x84000067), ERR_DENIED);
	expect_access(w, P1, data_of(w, P1, 0), 600, RWA);
	fsend_finish(w, &f);
	expect_access(w, P1, data_of(w, P1, 0), 600, SPM_ACCESS_NONE);
	d = retrieve(w, &q);
	expect_regs(&d, P2, X(0x84000075, 96 + 16 * 600, 4096));
	d = reclaim(w, P1, f.handle, 0);
	expect_err(&d, P1, ERR_DENIED);
	free((void *)f.t.ranges);
	mw_free(w);
}

/* Row 19 with nothing touched: not the caller's transaction. */
static void test_frag_tx_foreign(void **state)
{
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct fsend f;
	uint64_t h;
	struct txn t;
	struct ffa_mem_range r;

	(void)state;
	fsend_init(w, &f, P1, P2, 300);
	fsend_start(w, &f, 0x84000072);
	h = f.handle;
	write_more(&f.t, &f.b, &f.next);
	expect_refused(w, P3, X(0x8400007B, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 16), ERR_INVALID);
	expect_refused(w, P1, X(0x8400007B, FFA_HANDLE_LO(h) + 1,
				FFA_HANDLE_HI(h), 16), ERR_INVALID);
	expect_refused(w, P1, X(0x8400007B, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h) + 1, 16), ERR_INVALID);
	/* A complete transaction takes no more fragments. */
	t = txn1(w, P3, P2, RW, 0, 1, &r);
	h = send_ok(w, 0x84000072, &t);
	expect_refused(w, P3, X(0x8400007B, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 16), ERR_INVALID);
	free((void *)f.t.ranges);
	mw_free(w);
}

/* Row 19: a bad fragment abandons the transaction, leaving no trace. */
static void expect_abandoned(struct mw *w, struct fsend *f,
			     const struct spm_decision *d, uint32_t code)
{
	expect_err(d, P1, code);
	assert_int_equal(live_shares(w), 0);
	expect_access(w, P1, data_of(w, P1, 0),
		      f->t.nr_ranges < 1000 ? f->t.nr_ranges : 1000, RWA);
	/* Its handle is dead. */
	expect_refused(w, P1, X(0x8400007B, FFA_HANDLE_LO(f->handle),
				FFA_HANDLE_HI(f->handle), 16), ERR_INVALID);
}

static void test_frag_tx_abandons(void **state)
{
	static const struct {
		uint32_t w3, w4, code;
		int32_t poke_pages;	/* page count of the 1st range, or -1 */
	} bad[] = {
		{ 16, 0x80010000, ERR_INVALID, -1 },	/* forwarded ID */
		{ 0, 0, ERR_INVALID, -1 },		/* empty */
		{ 24, 0, ERR_INVALID, -1 },		/* not 16-multiple */
		{ 4112, 0, ERR_INVALID, -1 },		/* above TX */
		{ 16, 0, ERR_INVALID, 0 },		/* bad constituent */
		{ 816, 0, ERR_INVALID, -1 },		/* past total */
	};
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct spm_decision d;
	struct fsend f;
	uint32_t i;

	(void)state;
	fsend_init(w, &f, P1, P2, 300);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fsend_start(w, &f, 0x84000072);
		write_more(&f.t, &f.b, &f.next);
		if (bad[i].poke_pages >= 0)
			st32(tx_bytes(w, P1) + 8, (uint32_t)bad[i].poke_pages);
		d = mcall(w, P1, X(0x8400007B, FFA_HANDLE_LO(f.handle),
				   FFA_HANDLE_HI(f.handle), bad[i].w3,
				   bad[i].w4));
		expect_abandoned(w, &f, &d, bad[i].code);
	}
	free((void *)f.t.ranges);
	mw_free(w);
}

/* Rows 6 and 8 across fragments: judged when the last one arrives. */
static void test_frag_whole_checks(void **state)
{
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct spm_decision d;
	struct ffa_mem_range *r;
	struct fsend f;

	(void)state;
	fsend_init(w, &f, P1, P2, 300);
	r = (struct ffa_mem_range *)f.t.ranges;
	r[299].address = r[3].address;		/* overlaps fragment 1 */
	fsend_start(w, &f, 0x84000072);
	d = fsend_frag(w, &f, write_more(&f.t, &f.b, &f.next));
	expect_abandoned(w, &f, &d, ERR_INVALID);
	/* The sender's memory must still be its own when it completes. */
	r[299].address = data_of(w, P1, 299);
	r[260].address = data_of(w, P2, 0);
	fsend_start(w, &f, 0x84000072);
	d = fsend_frag(w, &f, write_more(&f.t, &f.b, &f.next));
	expect_abandoned(w, &f, &d, ERR_DENIED);
	free(r);
	mw_free(w);
}

/* Row 18: more than SPM_MAX_FRAGMENTS fragments. */
static void test_too_many_fragments(void **state)
{
	struct mw *w = mw_new_ex(1024, 8192, NULL);
	struct spm_decision d;
	struct fsend f;
	uint32_t i;

	(void)state;
	fsend_init(w, &f, P1, P2, 5000);
	fsend_start(w, &f, 0x84000072);
	/* One constituent per fragment (adds up; judged only at the end). */
	memcpy(tx_bytes(w, P1), &f.t.ranges[f.next], 16);
	for (i = 1; i < SPM_MAX_FRAGMENTS; i++) {
		d = fsend_frag(w, &f, 16);
		assert_int_equal(d.regs.x[0], 0x8400007A);
	}
	d = fsend_frag(w, &f, 16);
	expect_abandoned(w, &f, &d, ERR_NO_MEMORY);
	free((void *)f.t.ranges);
	mw_free(w);
}

static void rx_release(struct mw *w, uint16_t id)
{
	struct spm_decision d = mcall(w, id, X(0x84000065));

	expect_ok(&d, id);
}

/* Rows 21, 22 and 31: 10,000 ranges through a 4 KiB RX buffer. */
static void test_fragmented_retrieve(void **state)
{
	const uint32_t n = 10000;
	struct mw *w = mw_new_ex(10002, n, NULL);
	uint32_t got = 0, off, total, len;
	struct spm_decision d;
	struct fsend f;
	struct rreq q;
	uint8_t *rx = rx_bytes(w, P2);
	uint64_t h;

	(void)state;
	fsend_init(w, &f, P1, P2, n);
	fsend_start(w, &f, 0x84000072);
	fsend_finish(w, &f);
	h = f.handle;
	q = rreq1(P2, h, P1, RW);
	d = retrieve(w, &q);
	total = 96 + 16 * n;
	expect_regs(&d, P2, X(0x84000075, total, 4096));
	expect_access(w, P2, data_of(w, P1, 0), n, RWA);
	assert_int_equal(ld32(rx + 84), n);
	got = (4096 - 96) / 16;
	assert_int_equal(ld64(rx + 96), data_of(w, P1, 0));
	off = 4096;
	/* Mid-response: RX still full, a wrong offset, not a borrower. */
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), off), ERR_BUSY);
	rx_release(w, P2);
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), off - 16), ERR_INVALID);
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), total), ERR_INVALID);
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), off, 0x80020000),
		       ERR_INVALID);
	expect_refused(w, P3, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), off), ERR_INVALID);
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h) + 1,
				FFA_HANDLE_HI(h), off), ERR_INVALID);
	expect_refused(w, P2, X(0x84000067), ERR_DENIED);
	write_relinquish(w, P2, h, 0, (const uint16_t[]){ P2 }, 1);
	expect_refused(w, P2, X(0x84000076), ERR_INVALID);
	while (off < total) {
		d = mcall(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				   FFA_HANDLE_HI(h), off));
		len = total - off < 4096 ? total - off : 4096;
		expect_regs(&d, P2, X(0x8400007B, FFA_HANDLE_LO(h),
				      FFA_HANDLE_HI(h), len));
		/* The constituents arrive in order, whole. */
		assert_int_equal(ld64(rx), data_of(w, P1, got));
		assert_int_equal(ld32(rx + 8), 1);
		got += len / 16;
		off += len;
		rx_release(w, P2);
	}
	assert_int_equal(got, n);
	/* Done: no more fragments; the borrower can let go now. */
	expect_refused(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), off), ERR_INVALID);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, data_of(w, P1, 0), n, RWA);
	free((void *)f.t.ranges);
	mw_free(w);
}

/* A donation with a fragmented response lives until the last fragment. */
static void test_fragmented_donate_response(void **state)
{
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct spm_decision d;
	struct fsend f;
	struct rreq q;
	uint32_t total = 96 + 16 * 400;

	(void)state;
	fsend_init(w, &f, P1, P2, 400);
	f.t.access[0].perms = 0;
	fsend_start(w, &f, 0x84000071);
	fsend_finish(w, &f);
	q = rreq1(P2, f.handle, P1, 0);
	d = retrieve(w, &q);
	expect_regs(&d, P2, X(0x84000075, total, 4096));
	assert_int_equal(live_shares(w), 1);
	/* Gone for the donor already; only FRAG_RX still sees it. */
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(f.handle),
				FFA_HANDLE_HI(f.handle)), ERR_INVALID);
	rx_release(w, P2);
	d = mcall(w, P2, X(0x8400007A, FFA_HANDLE_LO(f.handle),
			   FFA_HANDLE_HI(f.handle), 4096));
	expect_regs(&d, P2, X(0x8400007B, FFA_HANDLE_LO(f.handle),
			      FFA_HANDLE_HI(f.handle), total - 4096));
	assert_int_equal(live_shares(w), 0);
	expect_access(w, P2, data_of(w, P1, 0), 400, RWA);
	free((void *)f.t.ranges);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragmented_send),
		cmocka_unit_test(test_frag_tx_foreign),
		cmocka_unit_test(test_frag_tx_abandons),
		cmocka_unit_test(test_frag_whole_checks),
		cmocka_unit_test(test_too_many_fragments),
		cmocka_unit_test(test_fragmented_retrieve),
		cmocka_unit_test(test_fragmented_donate_response),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
