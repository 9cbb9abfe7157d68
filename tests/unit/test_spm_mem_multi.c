// SPDX-License-Identifier: BSD-3-Clause
/*
 * Several retrievals of one transaction by one borrower (ffa-abi.md 5.2:
 * FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) w3 n allows 2^(n+1) - 1 at once;
 * ours SPM_MAX_RETRIEVALS): each is answered, each needs its own
 * relinquish, the mapping lives until the last, the owner's reclaim
 * waits for all, one more is DENIED (10.2), and a later retrieval never
 * gets more than the first. Also spm_mem_undo_retrieval() on its own,
 * the step the abort clean-up repeats.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"
#include "mem.h"

static void expect_reclaim_denied(struct mw *w, uint16_t owner, uint64_t h)
{
	expect_refused(w, owner, X(0x84000077, FFA_HANDLE_LO(h),
				   FFA_HANDLE_HI(h)), ERR_DENIED);
}

static void test_share_retrieved_max_times(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RW, 0, 2, &r);
	uint8_t first[128];
	struct spm_decision d;
	struct rreq q;
	uint32_t i, len;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	h = send_ok(w, 0x84000073, &t);
	q = rreq1(P1, h, HOST, 0);
	for (i = 0; i < SPM_MAX_RETRIEVALS; i++) {
		d = retrieve(w, &q);
		expect_regs(&d, P1, X(0x84000075, 112, 112));
		/* Every response says the same. */
		if (i == 0)
			memcpy(first, rx_bytes(w, P1), sizeof(first));
		assert_memory_equal(rx_bytes(w, P1), first, sizeof(first));
		d = mcall(w, P1, X(0x84000065));
		expect_ok(&d, P1);
		expect_access(w, P1, r.address, 2, RWA);
	}
	/* One more than allowed: DENIED, nothing changed. */
	len = write_rreq(w, &q);
	expect_refused(w, P1, X(0x84000074, len, len), ERR_DENIED);
	expect_refused(w, P1, X(0xC4000074, len, len), ERR_DENIED);
	/* Each retrieval its own relinquish; the mapping goes with the last. */
	for (i = SPM_MAX_RETRIEVALS; i > 0; i--) {
		expect_reclaim_denied(w, HOST, h);
		d = relinquish(w, P1, h, 0);
		expect_ok(&d, P1);
		expect_access(w, P1, r.address, 2, i > 1 ? RWA :
			      SPM_ACCESS_NONE);
		expect_access(w, HOST, r.address, 2, RWA);
	}
	write_relinquish(w, P1, h, 0, (const uint16_t[]){ P1 }, 1);
	expect_refused(w, P1, X(0x84000076), ERR_INVALID);
	d = reclaim(w, HOST, h, 0);
	expect_ok(&d, HOST);
	mw_free(w);
}

/* A LEND to two: each borrower counts its own retrievals. */
static void test_two_borrowers_count_apart(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	struct spm_decision d;
	struct rreq q2, q3;
	uint64_t h;
	uint32_t i;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P3, RO);
	h = send_ok(w, 0x84000072, &t);
	q2 = rreq1(P2, h, P1, 0);
	rreq_add(&q2, P3, 0);
	q3 = rreq1(P3, h, P1, 0);
	rreq_add(&q3, P2, 0);
	for (i = 0; i < SPM_MAX_RETRIEVALS; i++)
		retrieve_ok(w, &q2);
	retrieve_ok(w, &q3);
	assert_int_equal(w->h.spm->shares[FFA_HANDLE_LO(h)].borrowers[0]
			 .retrieved, SPM_MAX_RETRIEVALS);
	assert_int_equal(w->h.spm->shares[FFA_HANDLE_LO(h)].borrowers[1]
			 .retrieved, 1);
	d = relinquish(w, P3, h, 0);
	expect_ok(&d, P3);
	expect_access(w, P3, r.address, 1, SPM_ACCESS_NONE);
	expect_access(w, P2, r.address, 1, RWA);
	for (i = 0; i < SPM_MAX_RETRIEVALS; i++) {
		expect_reclaim_denied(w, P1, h);
		d = relinquish(w, P2, h, 0);
		expect_ok(&d, P2);
	}
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, r.address, 1, RWA);
	mw_free(w);
}

/*
 * Later retrievals share the first one's mapping: they may ask for
 * less or leave it unstated and are told what is mapped; more is DENIED.
 */
static void test_later_retrieval_permissions(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	uint64_t h = send_ok(w, 0x84000072, &t);
	struct rreq q = rreq1(P2, h, P1, RO);
	struct spm_decision d;
	uint32_t len;

	(void)state;
	retrieve_ok(w, &q);				/* RO, NX */
	q.access[0].perms = RW;
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_DENIED);
	q.access[0].perms = 0;
	retrieve_ok(w, &q);
	assert_int_equal(rx_bytes(w, P2)[48 + 2], RO_NX);
	expect_access(w, P2, r.address, 1, RA);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	/* First RW: a later RO request is told RW, the mapping stays. */
	q.access[0].perms = RW;
	retrieve_ok(w, &q);
	q.access[0].perms = RO_NX;
	retrieve_ok(w, &q);
	assert_int_equal(rx_bytes(w, P2)[48 + 2], RW_NX);
	expect_access(w, P2, r.address, 1, RWA);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	expect_access(w, P2, r.address, 1, RWA);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	expect_access(w, P2, r.address, 1, SPM_ACCESS_NONE);
	mw_free(w);
}

/* Execute follows the first retrieval too, both ways. */
static void test_later_retrieval_execute(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RO, 0, 1, &r);
	struct spm_decision d = mcall(w, P1, X(0x84000089, r.address, 1,
					       0x3));
	struct rreq q;
	uint32_t len;
	uint64_t h;

	(void)state;
	expect_ok(&d, P1);
	h = send_ok(w, 0x84000072, &t);
	q = rreq1(P2, h, P1, RO_NX);
	retrieve_ok(w, &q);
	q.access[0].perms = 0x09;			/* RO, X */
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_DENIED);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	retrieve_ok(w, &q);
	expect_access(w, P2, r.address, 1, SPM_ACCESS_R | SPM_ACCESS_X);
	q.access[0].perms = 0;
	retrieve_ok(w, &q);
	assert_int_equal(rx_bytes(w, P2)[48 + 2], 0x09);
	mw_free(w);
}

/*
 * Zero-before-retrieval is MBZ for a borrower that holds the memory
 * (INVALID_PARAMETERS, even at the limit); once it let go, it clears
 * again before mapping.
 */
static void test_zero_before_on_later_retrieval(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 2, &r);
	struct spm_decision d;
	struct rreq q;
	uint32_t i, len;
	uint64_t h;

	(void)state;
	t.flags = FFA_MEM_FLAG_ZERO;
	h = send_ok(w, 0x84000072, &t);
	q = rreq1(P2, h, P1, RW);
	q.flags = FFA_RETRIEVE_ZERO_BEFORE;
	retrieve_ok(w, &q);
	fill(w, r.address, 2, 0x5a);		/* the borrower writes */
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_INVALID);
	q.flags = 0;
	for (i = 1; i < SPM_MAX_RETRIEVALS; i++)
		retrieve_ok(w, &q);
	q.flags = FFA_RETRIEVE_ZERO_BEFORE;
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_INVALID);
	for (i = 0; i < SPM_MAX_RETRIEVALS; i++) {
		d = relinquish(w, P2, h, 0);
		expect_ok(&d, P2);
	}
	assert_true(all_bytes(w, r.address, 2, 0x5a));
	retrieve_ok(w, &q);
	assert_true(all_bytes(w, r.address, 2, 0));
	mw_free(w);
}

/*
 * Clearing asked by one retrieval, or by a relinquish that leaves
 * others outstanding, happens once the borrower lets go of the last.
 */
static void test_zero_when_last_retrieval_goes(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	uint64_t h = send_ok(w, 0x84000072, &t);
	struct rreq q = rreq1(P2, h, P1, RW);
	struct spm_decision d;

	(void)state;
	q.flags = FFA_RETRIEVE_ZERO_AFTER;
	retrieve_ok(w, &q);
	q.flags = 0;
	retrieve_ok(w, &q);
	fill(w, r.address, 1, 0x77);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 1, 0x77));	/* still held */
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 1, 0));
	/* The relinquish's own flag, on the first of two. */
	retrieve_ok(w, &q);
	retrieve_ok(w, &q);
	fill(w, r.address, 1, 0x66);
	d = relinquish(w, P2, h, FFA_RELINQUISH_ZERO);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 1, 0x66));
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 1, 0));
	/* Nobody asked: nothing cleared. */
	retrieve_ok(w, &q);
	retrieve_ok(w, &q);
	fill(w, r.address, 1, 0x55);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	assert_true(all_bytes(w, r.address, 1, 0x55));
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	assert_true(all_bytes(w, r.address, 1, 0x55));
	mw_free(w);
}

/* n one-page ranges over every other page of ep's data. */
static struct ffa_mem_range *sparse(struct mw *w, uint16_t ep, uint32_t n)
{
	struct ffa_mem_range *r = calloc(n, sizeof(*r));
	uint32_t i;

	assert_non_null(r);
	for (i = 0; i < n; i++) {
		r[i].address = data_of(w, ep, 2 * i);
		r[i].page_count = 1;
	}
	return r;
}

/* Send t, fragment by fragment; its handle. */
static uint64_t send_fragmented(struct mw *w, uint32_t fid,
				const struct txn *t)
{
	struct ffa_mtd_builder b;
	uint32_t next, total, frag = write_send(w, t, &b, &next, &total);
	struct spm_decision d = mcall(w, t->sender, X(fid, total, frag));
	uint64_t h = FFA_HANDLE_MAKE(d.regs.x[1], d.regs.x[2]);

	assert_int_equal(d.regs.x[0], 0x8400007A);
	while (d.regs.x[0] == 0x8400007A) {
		frag = write_more(t, &b, &next);
		d = mcall(w, t->sender, X(0x8400007B, FFA_HANDLE_LO(h),
					  FFA_HANDLE_HI(h), frag));
	}
	return expect_handle(&d, t->sender);
}

/*
 * A response still being delivered through FRAG_RX is one retrieval in
 * progress: another retrieve is DENIED and a relinquish INVALID until
 * it is complete.
 */
static void test_retrieve_during_fragmented_response(void **state)
{
	struct mw *w = mw_new_ex(1024, 4096, NULL);
	struct ffa_mem_range dummy, *r = sparse(w, P1, 300);
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &dummy);
	struct spm_decision d;
	struct rreq q;
	uint32_t len, total, sent;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	t.ranges = r;
	t.nr_ranges = 300;
	h = send_fragmented(w, 0x84000073, &t);
	q = rreq1(P2, h, P1, 0);
	d = retrieve(w, &q);
	assert_int_equal(d.regs.x[0], 0x84000075);
	total = (uint32_t)d.regs.x[1];
	sent = (uint32_t)d.regs.x[2];
	assert_true(sent < total);
	d = mcall(w, P2, X(0x84000065));
	expect_ok(&d, P2);
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_DENIED);
	write_relinquish(w, P2, h, 0, (const uint16_t[]){ P2 }, 1);
	expect_refused(w, P2, X(0x84000076), ERR_INVALID);
	while (sent < total) {
		d = mcall(w, P2, X(0x8400007A, FFA_HANDLE_LO(h),
				   FFA_HANDLE_HI(h), sent));
		assert_int_equal(d.regs.x[0], 0x8400007B);
		sent += (uint32_t)d.regs.x[3];
		d = mcall(w, P2, X(0x84000065));
		expect_ok(&d, P2);
	}
	d = retrieve(w, &q);
	assert_int_equal(d.regs.x[0], 0x84000075);
	free(r);
	mw_free(w);
}

/*
 * spm_mem_undo_retrieval() as the abort clean-up uses it: once per
 * outstanding retrieval, clearing where a retrieval asked, and all or
 * nothing when the platform fails.
 */
static void test_undo_retrieval(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 2, &r);
	uint64_t h = send_ok(w, 0x84000072, &t);
	struct spm_share *s = &w->h.spm->shares[FFA_HANDLE_LO(h)];
	struct rreq q = rreq1(P2, h, P1, RW);
	struct harness_snapshot *snap;
	const char *why;

	(void)state;
	q.flags = FFA_RETRIEVE_ZERO_AFTER;
	retrieve_ok(w, &q);
	q.flags = 0;
	retrieve_ok(w, &q);
	fill(w, r.address, 2, 0x3c);
	assert_int_equal(spm_mem_undo_retrieval(w->h.spm, s, 0, false), 0);
	assert_int_equal(s->borrowers[0].retrieved, 1);
	expect_access(w, P2, r.address, 2, RWA);
	assert_true(all_bytes(w, r.address, 2, 0x3c));
	/* The platform fails to unmap: nothing changes. */
	snap = harness_snapshot(&w->h);
	w->h.fp.set_access_calls = 0;
	w->h.fp.fail_set_access_after = 0;
	assert_int_equal(spm_mem_undo_retrieval(w->h.spm, s, 0, false),
			 FFA_RET_NO_MEMORY);
	w->h.fp.fail_set_access_after = -1;
	/* No call was made: nothing at all may change (the fault counter
	 * of the fake platform aside, which the snapshot does not judge). */
	harness_expect_unchanged(&w->h, snap, P2, NULL);
	assert_int_equal(spm_mem_undo_retrieval(w->h.spm, s, 0, false), 0);
	assert_int_equal(spm_check_invariants(w->h.spm, &why), 0);
	expect_access(w, P2, r.address, 2, SPM_ACCESS_NONE);
	assert_true(all_bytes(w, r.address, 2, 0));
	assert_true(s->borrowers[0].retrieved == 0 &&
		    s->borrowers[0].granted == 0 &&
		    !s->borrowers[0].zero_after);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_share_retrieved_max_times),
		cmocka_unit_test(test_two_borrowers_count_apart),
		cmocka_unit_test(test_later_retrieval_permissions),
		cmocka_unit_test(test_later_retrieval_execute),
		cmocka_unit_test(test_zero_before_on_later_retrieval),
		cmocka_unit_test(test_zero_when_last_retrieval_goes),
		cmocka_unit_test(test_retrieve_during_fragmented_response),
		cmocka_unit_test(test_undo_retrieval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
