// SPDX-License-Identifier: BSD-3-Clause
/*
 * What an aborted endpoint leaves behind in memory (spm/mem_abort.c),
 * one test per kind of state: memory it retrieved (a response half read
 * through FRAG_RX too), memory it sent (and its borrowers), a
 * transaction half sent by it or to it, and a platform that refuses to
 * unmap. Each asserts the exact FF-A codes, the mappings the fake
 * platform holds, spm_check_invariants() after every call, and that the
 * other endpoint can then finish or undo what it had with it. Its
 * RX/TX pair, notifications and waiters: test_spm_abort_msg.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_abort_world.h"

/* ---- memory it retrieved ---- */

struct borrowed_case {
	const char *name;
	uint32_t fid;
	uint8_t send_perms;	/* granted by the lender */
	uint8_t ask;		/* asked by the borrower */
	uint32_t flags;		/* retrieve flags */
	bool cleared;		/* the page reads zero afterwards */
	uint32_t times;		/* retrievals outstanding */
};

static const struct borrowed_case borrowed_cases[] = {
	{ "share", SHARE, RW, RW, 0, false, 1 },
	{ "lend", LEND, RW, RW, 0, false, 1 },
	{ "lend, clear on abort", LEND, RW, RW, FFA_RETRIEVE_ZERO_AFTER,
	  true, 1 },
	{ "lend read-only", LEND, RO, RO, 0, false, 1 },
	{ "lend, retrieved read-only", LEND, RW, RO, 0, false, 1 },
	{ "share, retrieved twice", SHARE, RW, RW, 0, false, 2 },
	{ "lend, retrieved as often as allowed", LEND, RW, RW, 0, false,
	  SPM_MAX_RETRIEVALS },
	{ "lend, cleared by the last of three", LEND, RW, RW,
	  FFA_RETRIEVE_ZERO_AFTER, true, SPM_MAX_RETRIEVALS },
};

/*
 * The lender's reclaim succeeds after its borrower aborted; the page is
 * the lender's again (RW, out of the share), unmapped from the aborted
 * one, cleared only where the retrieve asked for it, and can be lent
 * again.
 */
static void borrowed_one(const struct borrowed_case *c)
{
	struct mw *w = aw_new(64);
	uint64_t page = data_of(w, HOST, 0);
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, c->send_perms, 0, 1, &r);
	struct spm_decision d;
	struct rreq q;
	uint32_t i;
	uint64_t h;

	print_message("case: %s\n", c->name);
	fill(w, page, 1, 0xa5);
	if (c->fid == SHARE)
		t.attrs = NORMAL_WB_IS;
	h = send_ok(w, c->fid, &t);
	enter(w, 0, P1, 0);
	q = rreq1(P1, h, HOST, c->ask);
	q.flags = c->flags;
	retrieve_ok(w, &q);
	/* Later retrievals ask nothing more: they share the mapping. */
	q.flags = 0;
	for (i = 1; i < c->times; i++)
		retrieve_ok(w, &q);
	assert_int_equal(access_of(w, P1, page) & RWA,
			 c->ask == RW ? RWA : RA);
	if (c->ask == RW)
		fill(w, page, 1, 0x5a);
	fault(w, P1, 0, 0);
	expect_access(w, P1, page, 1, SPM_ACCESS_NONE);
	assert_true(ep_of(w, P1)->vcpus[0].state == SPM_VCPU_ABORTED);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	assert_int_equal(live_shares(w), 0);
	expect_access(w, HOST, page, 1, RWA);
	expect_plain(w, page, 1);
	assert_true(all_bytes(w, page, 1, c->cleared ? 0 :
			      c->ask == RW ? 0x5a : 0xa5));
	/* The handle is gone; the page works with the others. */
	d = reclaim(w, HOST, h, 0);
	expect_err(&d, HOST, ERR_INVALID);
	expect_shareable(w, HOST, P2, page);
	mw_free(w);
}

static void test_abort_borrower_retrieved(void **state)
{
	uint32_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(borrowed_cases); i++)
		borrowed_one(&borrowed_cases[i]);
}

/*
 * A LEND to two borrowers that both retrieved: one aborts, the lender
 * waits for the other (DENIED), which relinquishes as usual.
 */
static void test_abort_one_of_two_borrowers(void **state)
{
	struct mw *w = aw_new(64);
	uint64_t page = data_of(w, HOST, 0);
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RW, 0, 1, &r);
	struct spm_decision d;
	struct rreq q1, q2;
	uint64_t h;

	(void)state;
	t.attrs = NORMAL_WB_IS;
	txn_add(&t, P2, RW);
	h = send_ok(w, LEND, &t);
	q1 = rreq1(P1, h, HOST, RW);
	rreq_add(&q1, P2, RW);
	q2 = rreq1(P2, h, HOST, RW);
	rreq_add(&q2, P1, RW);
	retrieve_ok(w, &q1);
	retrieve_ok(w, &q2);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	expect_access(w, P1, page, 1, SPM_ACCESS_NONE);
	expect_access(w, P2, page, 1, RWA);
	d = reclaim(w, HOST, h, 0);
	expect_err(&d, HOST, ERR_DENIED);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, page, 1, RWA);
	expect_access(w, P2, page, 1, SPM_ACCESS_NONE);
	expect_plain(w, page, 1);
	expect_shareable(w, HOST, P3, page);
	mw_free(w);
}

/*
 * A DONATE it retrieved is its own memory: nothing to give back, the
 * handle is gone. One whose response it was still reading leaves no
 * slot behind.
 */
static void test_abort_donation_receiver(void **state)
{
	struct mw *w = aw_new(1024);
	struct spm_decision d;
	struct fsend f;
	struct rreq q;

	(void)state;
	fsend_begin(w, &f, DONATE, HOST, P1, 600);
	fsend_finish(w, &f);
	q = rreq1(P1, f.handle, HOST, RW);
	retrieve_first(w, &q, 96 + 16 * 600);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	assert_int_equal(live_shares(w), 0);
	d = reclaim(w, HOST, f.handle, 0);
	expect_err(&d, HOST, ERR_INVALID);
	/* Donated: the pages are the aborted endpoint's, mapped as its. */
	assert_int_equal(w->h.st.pages[(data_of(w, HOST, 0) - FAKE_MEM_BASE) /
				       FFA_PAGE_SIZE].owner, idx_of(P1) + 1);
	expect_access(w, HOST, data_of(w, HOST, 0), 600, SPM_ACCESS_NONE);
	expect_plain(w, data_of(w, HOST, 0), 600);
	expect_shareable(w, HOST, P2, data_of(w, HOST, 600));
	fsend_free(&f);
	mw_free(w);
}

/* ---- a retrieve response half read through FRAG_RX ---- */

static void test_abort_mid_response(void **state)
{
	struct mw *w = aw_new(1024);
	uint64_t first = data_of(w, HOST, 0);
	struct spm_decision d;
	struct fsend f;
	struct rreq q;

	(void)state;
	fsend_begin(w, &f, LEND, HOST, P1, 600);
	fsend_finish(w, &f);
	q = rreq1(P1, f.handle, HOST, RW);
	q.flags = FFA_RETRIEVE_ZERO_AFTER;
	fill(w, first, 600, 0x33);
	retrieve_first(w, &q, 96 + 16 * 600);
	d = frag_rx(w, P1, f.handle, 4096);
	expect_regs(&d, P1, X(FRAG_TX, FFA_HANDLE_LO(f.handle),
			      FFA_HANDLE_HI(f.handle), 4096));
	expect_access(w, P1, first, 600, RWA);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	expect_access(w, P1, first, 600, SPM_ACCESS_NONE);
	d = reclaim(w, HOST, f.handle, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, first, 600, RWA);
	expect_plain(w, first, 600);
	assert_true(all_bytes(w, first, 600, 0));
	assert_int_equal(live_shares(w), 0);
	expect_shareable(w, HOST, P2, first);
	fsend_free(&f);
	mw_free(w);
}

/* ---- memory it sent ---- */

/*
 * P1 lends a page to P2 and P3 (only P2 retrieved), shares another and
 * lends a third nobody retrieved, then aborts. What nobody holds is
 * reclaimed for it at once; the held one lives until P2 relinquishes,
 * and a retrieve by P3 meanwhile is ABORTED; afterwards it is an
 * unknown handle.
 */
static void test_abort_owner(void **state)
{
	struct mw *w = aw_new(64);
	uint64_t a = data_of(w, P1, 0), b = data_of(w, P1, 1);
	uint64_t c = data_of(w, P1, 2);
	struct ffa_mem_range ra, rb, rc;
	struct txn ta = txn1(w, P1, P2, RW, 0, 1, &ra);
	struct txn tb = txn1(w, P1, P2, RW, 1, 1, &rb);
	struct txn tc = txn1(w, P1, P3, RW, 2, 1, &rc);
	struct spm_decision d;
	struct rreq q2, q3;
	uint64_t ha, hb, hc;

	(void)state;
	ta.attrs = NORMAL_WB_IS;
	txn_add(&ta, P3, RW);
	tb.attrs = NORMAL_WB_IS;
	ha = send_ok(w, LEND, &ta);
	hb = send_ok(w, SHARE, &tb);
	hc = send_ok(w, LEND, &tc);
	q2 = rreq1(P2, ha, P1, RW);
	rreq_add(&q2, P3, RW);
	retrieve_ok(w, &q2);
	fill(w, a, 1, 0x44);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	/* b and c: back to their owner, as its reclaim would have done. */
	assert_int_equal(live_shares(w), 1);
	expect_plain(w, b, 2);
	expect_access(w, P1, b, 2, RWA);
	assert_true(w->h.spm->shares[FFA_HANDLE_LO(ha)].state ==
		    SPM_SHARE_READY);
	/* a: P2 still has it; P3 comes too late. */
	q3 = rreq1(P3, ha, P1, RW);
	rreq_add(&q3, P2, RW);
	write_rreq(w, &q3);
	expect_refused(w, P3, X(0x84000074, 112, 112), ERR_ABORTED);
	/*
	 * Not a borrower: refused as before (ffa-abi.md 10.2, "caller not
	 * among receivers"), the abort is not its news.
	 */
	q3 = rreq1(HOST, ha, P1, RW);
	write_rreq(w, &q3);
	expect_refused(w, HOST, X(0x84000074, 80, 80), ERR_INVALID);
	q3 = rreq1(P3, hc, P1, RW);
	write_rreq(w, &q3);
	expect_refused(w, P3, X(0x84000074, 80, 80), ERR_INVALID);
	q2 = rreq1(P2, hb, P1, RW);
	write_rreq(w, &q2);
	expect_refused(w, P2, X(0x84000074, 80, 80), ERR_INVALID);
	expect_access(w, P2, a, 1, RWA);
	expect_access(w, P1, a, 1, SPM_ACCESS_NONE);
	/* The last borrower out gives it back. */
	d = relinquish(w, P2, ha, 0);
	expect_ok(&d, P2);
	assert_int_equal(live_shares(w), 0);
	expect_access(w, P2, a, 1, SPM_ACCESS_NONE);
	expect_access(w, P1, a, 1, RWA);
	expect_plain(w, a, 1);
	assert_true(all_bytes(w, a, 1, 0x44));
	q3 = rreq1(P3, ha, P1, RW);
	rreq_add(&q3, P2, RW);
	write_rreq(w, &q3);
	expect_refused(w, P3, X(0x84000074, 112, 112), ERR_INVALID);
	d = relinquish(w, P2, ha, 0);
	expect_err(&d, P2, ERR_INVALID);
	(void)c;
	mw_free(w);
}

/* A borrower reading the response when its owner aborts can finish. */
static void test_abort_owner_mid_response(void **state)
{
	struct mw *w = aw_new(1024);
	uint64_t first = data_of(w, P1, 0);
	struct spm_decision d;
	struct fsend f;
	struct rreq q;
	uint32_t got = 4096;

	(void)state;
	fsend_begin(w, &f, LEND, P1, P2, 600);
	fsend_finish(w, &f);
	q = rreq1(P2, f.handle, P1, RW);
	retrieve_first(w, &q, 96 + 16 * 600);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	while (got < 96 + 16 * 600) {
		d = frag_rx(w, P2, f.handle, got);
		assert_int_equal(d.regs.x[0], FRAG_TX);
		got += (uint32_t)d.regs.x[3];
	}
	assert_int_equal(got, 96 + 16 * 600);
	expect_access(w, P2, first, 600, RWA);
	d = relinquish(w, P2, f.handle, 0);
	expect_ok(&d, P2);
	assert_int_equal(live_shares(w), 0);
	expect_access(w, P2, first, 600, SPM_ACCESS_NONE);
	expect_access(w, P1, first, 600, RWA);
	expect_plain(w, first, 600);
	fsend_free(&f);
	mw_free(w);
}

/* ---- a transaction half sent ---- */

/*
 * By it: the slot is dropped, its pages never left it. To it: the
 * sender finishes, nobody can retrieve, the sender reclaims.
 */
static void test_abort_half_sent(void **state)
{
	struct mw *w = aw_new(1024);
	uint64_t p1_first = data_of(w, P1, 0), host_first = data_of(w, HOST, 0);
	struct ffa_mem_range r;
	struct spm_decision d;
	struct fsend by, to;
	struct rreq q;
	struct txn t;
	uint64_t h;

	(void)state;
	fsend_begin(w, &by, LEND, P1, P2, 600);
	fsend_begin(w, &to, LEND, HOST, P1, 600);
	assert_int_equal(live_shares(w), 2);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	assert_int_equal(live_shares(w), 1);
	expect_access(w, P1, p1_first, 600, RWA);
	expect_plain(w, p1_first, 600);
	q = rreq1(P2, by.handle, P1, RW);
	write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, 80, 80), ERR_INVALID);
	/* The host's transaction to the aborted one goes on. */
	fsend_finish(w, &to);
	expect_access(w, HOST, host_first, 600, SPM_ACCESS_NONE);
	d = reclaim(w, HOST, to.handle, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, host_first, 600, RWA);
	expect_plain(w, host_first, 600);
	assert_int_equal(live_shares(w), 0);
	/* A send naming it afterwards is not refused, and undone alike. */
	t = txn1(w, HOST, P1, RW, 0, 1, &r);
	h = send_ok(w, LEND, &t);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, host_first, 1, RWA);
	fsend_free(&by);
	fsend_free(&to);
	mw_free(w);
}

/* ---- a platform that refuses: the checker names it, a retry fixes it */

static void test_abort_platform_refuses(void **state)
{
	struct mw *w = aw_new(64);
	uint64_t page = data_of(w, HOST, 0);
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P2, RW, 0, 1, &r);
	struct spm_decision d;
	const char *why = NULL;
	struct rreq q;
	uint64_t h;

	(void)state;
	h = send_ok(w, LEND, &t);
	q = rreq1(P2, h, HOST, RW);
	retrieve_ok(w, &q);
	enter(w, 0, P2, 0);
	w->h.fp.set_access_calls = 0;
	w->h.fp.fail_set_access_after = 0;
	d = abort_raw(w, P2, 0);
	expect_decision(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ERR_ABORTED));
	w->h.fp.fail_set_access_after = -1;
	assert_int_equal(spm_check_invariants(w->h.spm, &why),
			 FFA_RET_INVALID_PARAMETERS);
	assert_string_equal(why,
			    "aborted borrower still holds retrieved memory");
	expect_access(w, P2, page, 1, RWA);
	d = harness_call(&w->h, HOST, 0, &(struct ffa_regs){ {
		0x84000077, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h) } });
	expect_err(&d, HOST, ERR_DENIED);
	/* The platform aborts its other vCPU: the sweep runs again. */
	d = abort_ep(w, P2, 1);
	assert_int_equal(d.next, SPM_IDLE);
	expect_access(w, P2, page, 1, SPM_ACCESS_NONE);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	expect_access(w, HOST, page, 1, RWA);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abort_borrower_retrieved),
		cmocka_unit_test(test_abort_one_of_two_borrowers),
		cmocka_unit_test(test_abort_donation_receiver),
		cmocka_unit_test(test_abort_mid_response),
		cmocka_unit_test(test_abort_owner),
		cmocka_unit_test(test_abort_owner_mid_response),
		cmocka_unit_test(test_abort_half_sent),
		cmocka_unit_test(test_abort_platform_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
