// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_RETRIEVE_REQ: the response, byte by byte, in the borrower's
 * own layout version, and every refusal of bad-input rows 23-26 and 31
 * with its exact error and nothing changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"

static void test_response_v1_2(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r[2];
	struct txn t = txn1(w, HOST, P1, RW, 0, 2, &r[0]);
	const uint8_t *rx = rx_bytes(w, P1);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;
	uint32_t i;

	(void)state;
	r[1].address = data_of(w, HOST, 7);
	r[1].page_count = 3;
	r[1].reserved = 0;
	t.nr_ranges = 2;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	memset(fake_ptr(&w->h.fp, rx_of(w, P1)), 0xee, FFA_PAGE_SIZE);
	h = send_ok(w, 0x84000073, &t);
	q = rreq1(P1, h, HOST, 0);
	d = retrieve(w, &q);
	expect_regs(&d, P1, X(0x84000075, 128, 128));
	/* Sender, attributes: the host's memory is non-secure (NS). */
	assert_int_equal(ld32(rx + 0), 0x006f0001);
	assert_int_equal(ld32(rx + 4), 0x08);		/* type: share */
	assert_int_equal(ld64(rx + 8), h);
	assert_int_equal(ld64(rx + 16), TAG);
	assert_int_equal(ld32(rx + 24), 32);		/* EMAD size */
	assert_int_equal(ld32(rx + 28), 1);
	assert_int_equal(ld32(rx + 32), 48);
	assert_int_equal(ld32(rx + 48), 0x00060000 | P1);	/* RW, NX */
	assert_int_equal(ld32(rx + 52), 80);		/* composite */
	assert_int_equal(ld32(rx + 80), 5);		/* pages */
	assert_int_equal(ld32(rx + 84), 2);
	assert_int_equal(ld64(rx + 96), r[0].address);
	assert_int_equal(ld32(rx + 104), 2);
	assert_int_equal(ld64(rx + 112), r[1].address);
	assert_int_equal(ld32(rx + 120), 3);
	for (i = 128; i < FFA_PAGE_SIZE; i++)
		assert_int_equal(rx[i], 0);		/* tail cleared */
	mw_free(w);
}

/*
 * A v1.0 sender sharing with a v1.1 borrower, and a v1.2 sender's
 * lend (with an impdef value) retrieved by a v1.0 borrower: each
 * response in its reader's layout.
 */
static void test_response_in_borrower_layout(void **state)
{
	static const uint32_t versions[NR_EPS] = {
		0x10000, 0x10001, 0x10000, 0,
	};
	struct mw *w = mw_new_ex(64, 4096, versions);
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RO, 1, 2, &r);
	const uint8_t *rx = rx_bytes(w, P1);
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	h = send_ok(w, 0x84000073, &t);
	q = rreq1(P1, h, HOST, RO);
	d = retrieve(w, &q);
	/* v1.1: 48 header + 16 EMAD + 16 composite + 16 range. */
	expect_regs(&d, P1, X(0x84000075, 96, 96));
	assert_int_equal(ld32(rx + 0), 0x006f0001);	/* NS from v1.1 */
	assert_int_equal(ld32(rx + 24), 16);
	assert_int_equal(ld32(rx + 32), 48);
	assert_int_equal(ld32(rx + 48), 0x00050000 | P1);	/* RO, NX */
	assert_int_equal(ld32(rx + 52), 64);
	assert_int_equal(ld64(rx + 80), r.address);
	expect_access(w, P1, r.address, 2, RA);

	t = txn1(w, P3, P2, RW, 0, 1, &r);
	memset(t.access[0].impdef, 0x5c, sizeof(t.access[0].impdef));
	h = send_ok(w, 0x84000072, &t);
	rx = rx_bytes(w, P2);
	q = rreq1(P2, h, P3, RW);
	d = retrieve(w, &q);
	/* v1.0: 32 header + 16 EMAD + 16 composite + 16 range. */
	expect_regs(&d, P2, X(0x84000075, 80, 80));
	assert_int_equal(ld32(rx + 0), P3);		/* attrs 0, secure */
	assert_int_equal(ld32(rx + 4), 0x10);		/* type: lend */
	assert_int_equal(ld64(rx + 8), h);
	assert_int_equal(ld32(rx + 28), 1);
	assert_int_equal(ld32(rx + 32), 0x00060000 | P2);
	assert_int_equal(ld32(rx + 36), 48);
	assert_int_equal(ld64(rx + 40), 0);		/* no impdef room */
	assert_int_equal(ld64(rx + 64), r.address);
	mw_free(w);
}

struct fixture {
	struct mw *w;
	struct ffa_mem_range r[2];
	uint64_t share;		/* P1 -> P2 RO, P3 RW (SHARE) */
	uint64_t lend;		/* P1 -> P2 RW, zero flag not set */
};

static struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct txn t;

	f->w = mw_new();
	t = txn1(f->w, P1, P2, RO, 0, 1, &f->r[0]);
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P3, RW);
	f->share = send_ok(f->w, 0x84000073, &t);
	t = txn1(f->w, P1, P2, RW, 4, 2, &f->r[1]);
	f->lend = send_ok(f->w, 0x84000072, &t);
	return f;
}

static void fixture_free(struct fixture *f)
{
	mw_free(f->w);
	free(f);
}

static void refuse_in(struct mw *w, const struct rreq *q, uint32_t code)
{
	uint32_t len = write_rreq(w, q);

	expect_refused(w, q->borrower, X(0x84000074, len, len), code);
	expect_refused(w, q->borrower, X(0xC4000074, len, len), code);
}

static void refuse(struct fixture *f, const struct rreq *q, uint32_t code)
{
	refuse_in(f->w, q, code);
}

static struct rreq share_req(const struct fixture *f, uint16_t who)
{
	struct rreq q = rreq1(who, f->share, P1, 0);

	rreq_add(&q, who == P2 ? P3 : P2, 0);
	return q;
}

/* Rows 23 and 25: what names the transaction, and the request's shape. */
static void test_request_mismatch(void **state)
{
	struct fixture *f = fixture_new();
	struct mw *w = f->w;
	struct rreq q = rreq1(P2, f->lend, P1, RW);
	uint32_t len = write_rreq(w, &q);

	(void)state;
	expect_refused(w, P2, X(0x84000074, len, len - 16), ERR_INVALID);
	expect_refused(w, P2, X(0x84000074, len + 16, len), ERR_INVALID);
	expect_refused(w, P2, X(0x84000074, len, len, 0x40100000),
		       ERR_INVALID);
	expect_refused(w, P2, X(0x84000074, len, len, 0, 1), ERR_INVALID);
	expect_refused(w, P2, X(0x84000074, 4112, 4112), ERR_INVALID);
	/* A composite offset in the request's EMAD. */
	st32(tx_bytes(w, P2) + 52, 80);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_INVALID);
	q.handle = f->lend + 1;
	refuse(f, &q, ERR_INVALID);
	q.handle = FFA_HANDLE_MAKE(FFA_HANDLE_LO(f->lend), 7);
	refuse(f, &q, ERR_INVALID);
	q.handle = f->lend;
	q.tag = TAG + 1;
	refuse(f, &q, ERR_INVALID);
	q.tag = TAG;
	q.flags = FFA_RETRIEVE_TYPE_SHARE << 3;
	refuse(f, &q, ERR_INVALID);
	q.flags = FFA_RETRIEVE_TIME_SLICE;
	refuse(f, &q, ERR_INVALID);
	q.flags = FFA_RETRIEVE_ALIGN_VALID | (1U << 5);
	refuse(f, &q, ERR_INVALID);
	q.flags = 1U << 11;
	refuse(f, &q, ERR_INVALID);
	q.flags = FFA_RETRIEVE_BYPASS_BORROWERS;	/* with one borrower */
	refuse(f, &q, ERR_INVALID);
	q.flags = 0;
	q.attrs = FFA_MEM_ATTR_TYPE_RSVD;		/* no such type */
	refuse(f, &q, ERR_INVALID);
	q.attrs = 0;
	q.flags = FFA_RETRIEVE_TYPE_LEND << 3;
	retrieve_ok(w, &q);
	fixture_free(f);
}

/* Row 24: who retrieves, and which borrowers the request names. */
static void test_request_borrowers(void **state)
{
	struct fixture *f = fixture_new();
	struct rreq q = share_req(f, P2);

	(void)state;
	q.sender = HOST;
	refuse(f, &q, ERR_DENIED);
	/* Not a borrower: INVALID_PARAMETERS (ffa-abi.md 10.2, row 24). */
	q = rreq1(P3, f->lend, P1, RW);
	refuse(f, &q, ERR_INVALID);
	q = rreq1(HOST, f->share, P1, 0);
	rreq_add(&q, P2, 0);
	rreq_add(&q, P3, 0);
	refuse(f, &q, ERR_INVALID);
	q = rreq1(P2, f->share, P1, 0);		/* P3 left out */
	refuse(f, &q, ERR_INVALID);
	rreq_add(&q, HOST, 0);			/* someone else instead */
	refuse(f, &q, ERR_INVALID);
	q = rreq1(P3, f->share, P1, 0);		/* P3 names P2, HOST */
	q.access[0].receiver_id = P2;
	q.flags = FFA_RETRIEVE_BYPASS_BORROWERS;
	rreq_add(&q, HOST, 0);
	refuse(f, &q, ERR_INVALID);
	q = share_req(f, P2);
	retrieve_ok(f->w, &q);
	fixture_free(f);
}

/* Row 26: asking for more than was granted. */
static void test_request_too_much(void **state)
{
	struct fixture *f = fixture_new();
	struct rreq q = share_req(f, P2);

	(void)state;
	q.access[0].perms = RW;			/* granted RO */
	refuse(f, &q, ERR_DENIED);
	q.access[0].perms = 0x09;		/* RO + X on a SHARE */
	refuse(f, &q, ERR_INVALID);
	q.access[0].perms = RO;
	q.flags = FFA_RETRIEVE_ZERO_BEFORE;	/* clearing on a SHARE */
	refuse(f, &q, ERR_INVALID);
	q.flags = FFA_RETRIEVE_ZERO_AFTER;
	refuse(f, &q, ERR_INVALID);
	q.flags = 0;
	q.attrs = 0x2e;				/* differs from 0x2f */
	refuse(f, &q, ERR_INVALID);
	q = rreq1(P2, f->lend, P1, RW_X);	/* X of P1's RW memory */
	refuse(f, &q, ERR_DENIED);
	q.access[0].perms = RW;
	q.flags = FFA_RETRIEVE_ZERO_BEFORE;	/* lender did not clear */
	refuse(f, &q, ERR_DENIED);
	q.access[0].perms = RO;
	q.flags = FFA_RETRIEVE_ZERO_AFTER;	/* clearing read-only */
	refuse(f, &q, ERR_DENIED);
	q.flags = 0;
	retrieve_ok(f->w, &q);
	expect_access(f->w, P2, f->r[1].address, 2, RA);
	/* A second retrieval may not ask for more than the first got. */
	q.access[0].perms = RW;
	refuse(f, &q, ERR_DENIED);
	fixture_free(f);
}

/* Row 31 and the buffers: RX full, TX gone, platform failure. */
static void test_buffers_and_platform(void **state)
{
	struct fixture *f = fixture_new();
	struct mw *w = f->w;
	struct rreq q = share_req(f, P2);
	struct spm_decision d;
	uint32_t len;

	(void)state;
	d = retrieve(w, &q);
	assert_int_equal(d.regs.x[0], 0x84000075);
	q = rreq1(P2, f->lend, P1, RW);
	refuse(f, &q, ERR_BUSY);
	d = mcall(w, P2, X(0x84000065));
	expect_ok(&d, P2);
	/* The platform cannot map: rolled back, NO_MEMORY. */
	len = write_rreq(w, &q);
	w->h.fp.set_access_calls = 0;
	w->h.fp.fail_set_access_after = 0;
	expect_refused(w, P2, X(0x84000074, len, len), ERR_NO_MEMORY);
	w->h.fp.fail_set_access_after = -1;
	d = mcall(w, P2, X(0x84000067));
	expect_ok(&d, P2);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_INVALID);
	fixture_free(f);
}

/* Row 25: a v1.2 borrower quotes the sender's impdef value back. */
static void test_impdef_quoted(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	const uint8_t *rx = rx_bytes(w, P2);
	struct rreq q;
	uint64_t h;

	(void)state;
	memset(t.access[0].impdef, 0x5c, sizeof(t.access[0].impdef));
	h = send_ok(w, 0x84000072, &t);
	q = rreq1(P2, h, P1, RW);
	refuse_in(w, &q, ERR_INVALID);
	memset(q.access[0].impdef, 0x5c, sizeof(q.access[0].impdef));
	q.access[0].impdef[15] = 0x5d;
	refuse_in(w, &q, ERR_INVALID);
	q.access[0].impdef[15] = 0x5c;
	retrieve_ok(w, &q);
	assert_int_equal(ld64(rx + 56), 0x5c5c5c5c5c5c5c5cULL);
	mw_free(w);
}

/* v1.2 bypass flag: the request need not name every borrower. */
static void test_bypass_borrower_list(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RW, 0, 1, &r);
	struct rreq q;
	uint64_t h;

	(void)state;
	t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	txn_add(&t, P2, RW);
	txn_add(&t, P3, RO);
	h = send_ok(w, 0x84000073, &t);
	q = rreq1(P1, h, HOST, RW);
	rreq_add(&q, P3, 0);
	refuse_in(w, &q, ERR_INVALID);
	q.flags = FFA_RETRIEVE_BYPASS_BORROWERS;
	retrieve_ok(w, &q);
	expect_access(w, P1, r.address, 1, RWA);
	/* Naming only oneself is what the flag is for. */
	q = rreq1(P2, h, HOST, 0);
	q.flags = FFA_RETRIEVE_BYPASS_BORROWERS;
	retrieve_ok(w, &q);
	expect_access(w, P2, r.address, 1, RWA);
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_response_v1_2),
		cmocka_unit_test(test_response_in_borrower_layout),
		cmocka_unit_test(test_request_mismatch),
		cmocka_unit_test(test_request_borrowers),
		cmocka_unit_test(test_request_too_much),
		cmocka_unit_test(test_buffers_and_platform),
		cmocka_unit_test(test_bypass_borrower_list),
		cmocka_unit_test(test_impdef_quoted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
