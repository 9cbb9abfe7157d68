// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_RELINQUISH and FFA_MEM_RECLAIM refused (bad-input rows 23, 27
 * and 28) with nothing changed, and platform failures rolled back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"

struct fixture {
	struct mw *w;
	struct ffa_mem_range r[3];
	uint64_t share;		/* P1 -> P2 RW, P3 RO; both retrieved */
	uint64_t lend;		/* P1 -> P2 RW, two ranges; retrieved */
	uint64_t lend_ro;	/* P1 -> P3 RO, not retrieved */
};

static struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct ffa_mem_range ro;
	struct rreq q;
	struct txn t;

	f->w = mw_new();
	t = txn1(f->w, P1, P2, RW, 0, 1, &f->r[0]);
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P3, RO);
	f->share = send_ok(f->w, 0x84000073, &t);
	q = rreq1(P2, f->share, P1, 0);
	rreq_add(&q, P3, 0);
	retrieve_ok(f->w, &q);
	q = rreq1(P3, f->share, P1, 0);
	rreq_add(&q, P2, 0);
	retrieve_ok(f->w, &q);
	t = txn1(f->w, P1, P2, RW, 2, 2, &f->r[1]);
	f->r[2].address = data_of(f->w, P1, 8);
	f->r[2].page_count = 1;
	t.nr_ranges = 2;
	f->lend = send_ok(f->w, 0x84000072, &t);
	q = rreq1(P2, f->lend, P1, RW);
	retrieve_ok(f->w, &q);
	t = txn1(f->w, P1, P3, RO, 20, 1, &ro);
	f->lend_ro = send_ok(f->w, 0x84000072, &t);
	return f;
}

static void fixture_free(struct fixture *f)
{
	mw_free(f->w);
	free(f);
}

static void refuse_relinquish(struct fixture *f, uint16_t ep,
			      uint64_t handle, uint32_t flags,
			      const uint16_t *ids, uint32_t n, uint32_t code)
{
	write_relinquish(f->w, ep, handle, flags, ids, n);
	expect_refused(f->w, ep, X(0x84000076), code);
}

/* Row 27. */
static void test_relinquish_refused(void **state)
{
	static const uint16_t p2[] = { P2 }, p3[] = { P3 };
	static const uint16_t both[] = { P2, P3 };
	struct fixture *f = fixture_new();
	struct spm_decision d;

	(void)state;
	refuse_relinquish(f, P2, f->lend, 0, both, 2, ERR_INVALID);
	refuse_relinquish(f, P2, f->lend, 0, p3, 1, ERR_INVALID);
	refuse_relinquish(f, P2, f->lend + 5, 0, p2, 1, ERR_INVALID);
	refuse_relinquish(f, P2, f->lend ^ (1ULL << 40), 0, p2, 1,
			  ERR_INVALID);
	refuse_relinquish(f, P3, f->lend, 0, p3, 1, ERR_INVALID);
	refuse_relinquish(f, P3, f->lend_ro, 0, p3, 1, ERR_INVALID);
	refuse_relinquish(f, P2, f->share, FFA_RELINQUISH_ZERO, p2, 1,
			  ERR_INVALID);
	refuse_relinquish(f, P2, f->lend, FFA_RELINQUISH_TIME_SLICE, p2, 1,
			  ERR_INVALID);
	refuse_relinquish(f, P2, f->lend, 1U << 4, p2, 1, ERR_INVALID);
	/* An endpoint count the descriptor cannot hold. */
	write_relinquish(f->w, P2, f->lend, 0, p2, 1);
	st32(tx_bytes(f->w, P2) + 12, 0);
	expect_refused(f->w, P2, X(0x84000076), ERR_INVALID);
	st32(tx_bytes(f->w, P2) + 12, 9);
	expect_refused(f->w, P2, X(0x84000076), ERR_INVALID);
	/* Twice: the second finds nothing retrieved. */
	d = relinquish(f->w, P2, f->lend, 0);
	expect_ok(&d, P2);
	refuse_relinquish(f, P2, f->lend, 0, p2, 1, ERR_INVALID);
	fixture_free(f);
}

/* Row 27: clearing what the borrower could only read. */
static void test_relinquish_clear_read_only(void **state)
{
	static const uint16_t p3[] = { P3 };
	struct fixture *f = fixture_new();
	struct rreq q = rreq1(P3, f->lend_ro, P1, RO);

	(void)state;
	retrieve_ok(f->w, &q);
	refuse_relinquish(f, P3, f->lend_ro, FFA_RELINQUISH_ZERO, p3, 1,
			  ERR_DENIED);
	fixture_free(f);
}

/* Row 28 and 23. */
static void test_reclaim_refused(void **state)
{
	struct fixture *f = fixture_new();
	struct mw *w = f->w;
	uint64_t h = f->lend;
	struct spm_decision d;

	(void)state;
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 0x2), ERR_INVALID);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 0x4), ERR_INVALID);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 0x80000000), ERR_INVALID);
	expect_refused(w, P1, X(0x84000077, 40, FFA_HANDLE_HI(h)),
		       ERR_INVALID);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h), 0),
		       ERR_INVALID);
	expect_refused(w, P1, X(0x84000077, 0xffffffff, 0xffffffff),
		       ERR_INVALID);
	/* Not the owner: not even a borrower may. */
	expect_refused(w, P2, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_INVALID);
	expect_refused(w, HOST, X(0x84000077, FFA_HANDLE_LO(h),
				  FFA_HANDLE_HI(h)), ERR_INVALID);
	/* Still retrieved. */
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_DENIED);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	/* Clearing shared memory is refused; so is the share's reclaim. */
	h = f->share;
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = relinquish(w, P3, h, 0);
	expect_ok(&d, P3);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 1), ERR_INVALID);
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	/* Row 23: reclaimed is gone. */
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h)), ERR_INVALID);
	d = reclaim(w, P1, f->lend, FFA_RECLAIM_ZERO);
	expect_ok(&d, P1);
	fixture_free(f);
}

/* Row 28: the owner asks to clear memory it can only read. */
static void test_reclaim_clear_read_only(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RO, 0, 1, &r);
	struct spm_decision d = mcall(w, P1, X(0x84000089, r.address, 1,
					       0x7));
	uint64_t h;

	(void)state;
	expect_ok(&d, P1);
	h = send_ok(w, 0x84000072, &t);
	expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
				FFA_HANDLE_HI(h), 1), ERR_DENIED);
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	/* Given back as it was: read-only. */
	expect_access(w, P1, r.address, 1, RA);
	mw_free(w);
}

/* The platform fails while taking access away or giving it back. */
static void test_platform_failures(void **state)
{
	struct fixture *f = fixture_new();
	struct mw *w = f->w;
	uint64_t h = f->lend;
	struct spm_decision d;
	uint32_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		write_relinquish(w, P2, h, 0, (const uint16_t[]){ P2 }, 1);
		w->h.fp.set_access_calls = 0;
		w->h.fp.fail_set_access_after = (int)i;
		expect_refused(w, P2, X(0x84000076), ERR_NO_MEMORY);
		expect_access(w, P2, f->r[1].address, 2, RWA);
	}
	w->h.fp.fail_set_access_after = -1;
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	for (i = 0; i < 2; i++) {
		w->h.fp.set_access_calls = 0;
		w->h.fp.fail_set_access_after = (int)i;
		expect_refused(w, P1, X(0x84000077, FFA_HANDLE_LO(h),
					FFA_HANDLE_HI(h)), ERR_NO_MEMORY);
		expect_access(w, P1, f->r[1].address, 2, SPM_ACCESS_NONE);
	}
	w->h.fp.fail_set_access_after = -1;
	d = reclaim(w, P1, h, 0);
	expect_ok(&d, P1);
	expect_access(w, P1, f->r[1].address, 2, RWA);
	expect_access(w, P1, f->r[2].address, 1, RWA);
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relinquish_refused),
		cmocka_unit_test(test_relinquish_clear_read_only),
		cmocka_unit_test(test_reclaim_refused),
		cmocka_unit_test(test_reclaim_clear_read_only),
		cmocka_unit_test(test_platform_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
