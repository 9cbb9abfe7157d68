// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory sharing end to end through spm_call: share, lend and donate to
 * one and two borrowers, the isolation table of ffa-abi.md 10.1 read back
 * from the fake platform's per-page access, and clearing flags.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"

static void expect_in_share(struct mw *w, uint64_t addr, uint32_t n,
			    bool in)
{
	uint64_t first = (addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE;
	uint32_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(!!(w->h.st.pages[first + i].flags &
				    SPM_PAGE_IN_SHARE), in);
}

static void test_share_retrieve_relinquish_reclaim(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RW, 0, 2, &r);
	struct spm_decision d;
	uint64_t h;
	struct rreq q;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	h = send_ok(w, 0x84000073, &t);
	assert_int_equal(FFA_HANDLE_LO(h), 0);
	expect_in_share(w, r.address, 2, true);
	/* Owner-SA: the sharer keeps its mapping; the borrower has none. */
	expect_access(w, HOST, r.address, 2, RWA);
	expect_access(w, P1, r.address, 2, SPM_ACCESS_NONE);

	q = rreq1(P1, h, HOST, RW);
	d = retrieve(w, &q);
	/* v1.2 response: 48 header + 32 EMAD + 16 composite + 16 range. */
	expect_regs(&d, P1, X(0x84000075, 112, 112));
	expect_access(w, P1, r.address, 2, RWA);
	expect_access(w, HOST, r.address, 2, RWA);
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_FULL);
	d = mcall(w, P1, X(0x84000065));
	expect_ok(&d, P1);

	d = relinquish(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, r.address, 2, SPM_ACCESS_NONE);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	expect_in_share(w, r.address, 2, false);
	expect_access(w, HOST, r.address, 2, RWA);
	assert_int_equal(live_shares(w), 0);
	/* The handle is gone for good. */
	expect_refused(w, HOST, X(0x84000077, FFA_HANDLE_LO(h),
				  FFA_HANDLE_HI(h)), ERR_INVALID);
	mw_free(w);
}

static void test_share_64_two_borrowers_ro(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RO, 3, 1, &r);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P3, RW);
	h = send_ok(w, 0xC4000073, &t);
	q = rreq1(P2, h, P1, 0);
	rreq_add(&q, P3, RW);
	retrieve_ok(w, &q);
	/* Unspecified asks for what was granted: read-only, never X. */
	expect_access(w, P2, r.address, 1, RA);
	q = rreq1(P3, h, P1, RW);
	rreq_add(&q, P2, RO);
	retrieve_ok(w, &q);
	expect_access(w, P3, r.address, 1, RWA);
	expect_access(w, P1, r.address, 1, RWA);
	/* Reclaim waits for every borrower. */
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_DENIED);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_DENIED);
	d = relinquish(w, P3, h, 0);
	expect_ok(&d, P3);
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P2, r.address, 1, SPM_ACCESS_NONE);
	expect_access(w, P3, r.address, 1, SPM_ACCESS_NONE);
	mw_free(w);
}

/* ffa-abi.md 10.1, LEND to one: Owner-NA until RECLAIM, borrower EA. */
static void test_lend_isolation(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 3, &r);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	h = send_ok(w, 0x84000072, &t);
	expect_access(w, P1, r.address, 3, SPM_ACCESS_NONE);
	expect_access(w, P2, r.address, 3, SPM_ACCESS_NONE);
	q = rreq1(P2, h, P1, RW_NX);
	retrieve_ok(w, &q);
	expect_access(w, P2, r.address, 3, RWA);
	expect_access(w, P1, r.address, 3, SPM_ACCESS_NONE);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	expect_access(w, P2, r.address, 3, SPM_ACCESS_NONE);
	expect_access(w, P1, r.address, 3, SPM_ACCESS_NONE);
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, r.address, 3, RWA);
	mw_free(w);
}

/* LEND to two: each borrower shares access (!Owner-SA). */
static void test_lend_two_borrowers(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P2, RW, 4, 2, &r);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P3, RW);
	h = send_ok(w, 0xC4000072, &t);
	expect_access(w, HOST, r.address, 2, SPM_ACCESS_NONE);
	q = rreq1(P2, h, HOST, RW);
	rreq_add(&q, P3, RW);
	retrieve_ok(w, &q);
	q = rreq1(P3, h, HOST, RW);
	rreq_add(&q, P2, RW);
	retrieve_ok(w, &q);
	expect_access(w, P2, r.address, 2, RWA);
	expect_access(w, P3, r.address, 2, RWA);
	expect_access(w, HOST, r.address, 2, SPM_ACCESS_NONE);
	d = relinquish(w, P3, h, 0);
	expect_ok(&d, P3);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, r.address, 2, RWA);
	mw_free(w);
}

/* DONATE: the receiver becomes the owner; the donor never gets it back. */
static void test_donate(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, 0, 5, 2, &r);
	struct spm_decision d;
	struct rreq q;
	uint64_t h, first = (r.address - FAKE_MEM_BASE) / FFA_PAGE_SIZE;

	(void)state;
	h = send_ok(w, 0x84000071, &t);
	expect_access(w, P1, r.address, 2, SPM_ACCESS_NONE);
	/* Not retrieved yet: the donor may still take it back... */
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, r.address, 2, RWA);
	/* ...but not once retrieved. */
	h = send_ok(w, 0xC4000071, &t);
	q = rreq1(P2, h, P1, 0);
	retrieve_ok(w, &q);
	expect_access(w, P2, r.address, 2, RWA);
	expect_access(w, P1, r.address, 2, SPM_ACCESS_NONE);
	assert_int_equal(w->h.st.pages[first].owner, idx_of(P2) + 1);
	expect_in_share(w, r.address, 2, false);
	assert_int_equal(live_shares(w), 0);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_INVALID);
	write_relinquish(w, P2, h, 0, (const uint16_t[]){ P2 }, 1);
	expect_refused(w, P2, X(0x84000076), ERR_INVALID);
	/* The new owner can lend it on; the donor cannot send it. */
	t.sender = P2;
	t.access[0].receiver_id = P3;
	t.access[0].perms = RW;
	h = send_ok(w, 0x84000072, &t);
	d = reclaim(w, P2, h, 0);
	expect_ok(&d, P2);
	t.sender = P1;
	t.access[0].receiver_id = P2;
	write_send(w, &t, &(struct ffa_mtd_builder){ 0 }, &(uint32_t){ 0 },
		   &(uint32_t){ 0 });
	expect_refused(w, P1, X(0x84000072, 112, 112), ERR_DENIED);
	mw_free(w);
}

/* The zero flags really clear memory, at the moment the spec says. */
static void test_zero_flags(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 2, &r);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	fill(w, r.address, 2, 0xaa);
	t.flags = FFA_MEM_FLAG_ZERO;
	h = send_ok(w, 0x84000072, &t);
	assert_true(all_bytes(w, r.address, 2, 0));
	q = rreq1(P2, h, P1, RW);
	q.flags = FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER;
	retrieve_ok(w, &q);
	fill(w, r.address, 2, 0xbb);
	/* Zero-after asked at retrieve: relinquish clears. */
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 2, 0));
	fill(w, r.address, 2, 0xcc);
	d = reclaim(w, P1, h, FFA_RECLAIM_ZERO);
	expect_ok(&d, P1);
	assert_true(all_bytes(w, r.address, 2, 0));

	/* Relinquish with its own zero flag. */
	t.flags = 0;
	h = send_ok(w, 0x84000072, &t);
	q = rreq1(P2, h, P1, RW);
	retrieve_ok(w, &q);
	fill(w, r.address, 2, 0xdd);
	d = relinquish(w, P2, h, FFA_RELINQUISH_ZERO);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 2, 0));
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	mw_free(w);
}

/* Several ranges, adjacent ones included, all tracked and restored. */
static void test_lend_many_ranges(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r[3];
	struct txn t = txn1(w, P3, P1, RW, 0, 2, &r[0]);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	r[1].address = data_of(w, P3, 2);	/* adjacent to r[0] */
	r[1].page_count = 1;
	r[1].reserved = 0;
	r[2].address = data_of(w, P3, 10);
	r[2].page_count = 4;
	r[2].reserved = 0;
	t.nr_ranges = 3;
	h = send_ok(w, 0x84000072, &t);
	expect_access(w, P3, r[0].address, 3, SPM_ACCESS_NONE);
	expect_access(w, P3, r[2].address, 4, SPM_ACCESS_NONE);
	expect_access(w, P3, data_of(w, P3, 3), 1, RWA);
	q = rreq1(P1, h, P3, RW);
	retrieve_ok(w, &q);
	expect_access(w, P1, r[2].address, 4, RWA);
	d = relinquish(w, P1, h, 0);
	expect_ok(&d, P1);
	d = reclaim(w, P3, h, 0);
	expect_ok(&d, P3);
	expect_access(w, P3, r[0].address, 3, RWA);
	expect_access(w, P3, r[2].address, 4, RWA);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_share_retrieve_relinquish_reclaim),
		cmocka_unit_test(test_share_64_two_borrowers_ro),
		cmocka_unit_test(test_lend_isolation),
		cmocka_unit_test(test_lend_two_borrowers),
		cmocka_unit_test(test_donate),
		cmocka_unit_test(test_zero_flags),
		cmocka_unit_test(test_lend_many_ranges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
