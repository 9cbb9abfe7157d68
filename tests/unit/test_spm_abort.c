// SPDX-License-Identifier: BSD-3-Clause
/*
 * What an aborted endpoint leaves behind (spm/abort.c, spm/mem_abort.c),
 * one test per kind of state: memory it retrieved (a response half read
 * through FRAG_RX too), memory it sent (and its borrowers), a
 * transaction half sent by it or to it, its RX/TX pair and the message
 * queued in RX, its notifications as receiver and sender, and whoever
 * waited on it. Each asserts the exact FF-A codes, the mappings the fake
 * platform holds, spm_check_invariants() after every call, and that the
 * other endpoint can then finish or undo what it had with it.
 *
 * The world is test_spm_mem_common.h's, booted, with messaging and
 * notifications:
 *
 *   id      vCPUs  properties
 *   0x0001  2      host: REQ send, REQ2 send, indirect
 *   0x8001  1      REQ/REQ2 send+recv, indirect, notifications
 *   0x8002  2      (the same)
 *   0x8003  1      (the same)
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/client.h>
#include "test_spm_mem_common.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define NORMAL_WB_IS	FFA_MEM_ATTR_NORMAL_WB_IS

#define ERR_ABORTED	0xfffffff8U
#define ERR_NO_DATA	0xfffffff7U

#define PROPS_HOST	0x00000406U
#define PROPS_PART	0x0000060fU

#define SHARE		0x84000073U
#define LEND		0x84000072U
#define DONATE		0x84000071U
#define FRAG_RX		0x8400007AU
#define FRAG_TX		0x8400007BU
#define DIRECT_REQ	0x8400006FU
#define DIRECT_RESP	0x84000070U
#define REQ2		0xC400008DU
#define RESP2		0xC400008EU
#define MSG_WAIT	0x8400006BU
#define RUN		0x8400006DU
#define SEND2		0x84000086U
#define NOTIF_BIND	0x8400007FU
#define NOTIF_UNBIND	0x84000080U
#define NOTIF_SET	0x84000081U
#define NOTIF_GET	0x84000082U
#define NOTIF_INFO	0x84000083U
#define BITMAP_CREATE	0x8400007DU

static const uint16_t aw_vcpus[NR_EPS] = { 2, 1, 2, 1 };

/* ---- the world ---- */

/* spm_abort() of ep/vcpu on CPU 0, without the invariant check. */
static struct spm_decision abort_raw(struct mw *w, uint16_t ep, uint16_t vcpu)
{
	struct spm_decision d;

	memset(&d, 0xa5, sizeof(d));
	spm_abort(w->h.spm, 0, ep, vcpu, &d);
	assert_int_equal(w->h.fp.locks_held, 0);
	return d;
}

static struct spm_decision abort_ep(struct mw *w, uint16_t ep, uint16_t vcpu)
{
	struct spm_decision d = abort_raw(w, ep, vcpu);
	const char *why = NULL;

	if (spm_check_invariants(w->h.spm, &why))
		fail_msg("invariant broken after the abort: %s", why);
	harness_check_mappings(&w->h);
	assert_true(ep_of(w, ep)->aborted);
	return d;
}

/* The host and the three partitions, booted, each with an RX/TX pair. */
static struct mw *aw_new(uint32_t ep_pages)
{
	struct mw *w = calloc(1, sizeof(*w));
	struct spm_decision d;
	uint32_t i;

	assert_non_null(w);
	w->ep_pages = ep_pages;
	harness_init(&w->h, (uint64_t)ep_pages * NR_EPS, 4096);
	for (i = 0; i < NR_EPS; i++)
		assert_int_equal(harness_add(&w->h, mw_ids[i],
					     i ? PROPS_PART : PROPS_HOST,
					     aw_vcpus[i], i == 0,
					     ep_base(w, mw_ids[i]), ep_pages),
				 0);
	spm_boot(w->h.spm, 0, &d);
	while (d.next == SPM_SWITCH && d.ep != HOST)
		d = vcall(w, d.ep, d.vcpu, X(MSG_WAIT));
	expect_decision(&d, SPM_SWITCH, HOST, 0, X(0));
	for (i = 0; i < NR_EPS; i++)
		map_mailbox(w, mw_ids[i]);
	return w;
}

/* The host's vCPU hv sends ep/v a direct request: ep now runs for it. */
static void enter(struct mw *w, uint16_t hv, uint16_t ep, uint16_t v)
{
	struct spm_decision d = vcall(w, HOST, hv,
				      X(DIRECT_REQ, (uint32_t)HOST << 16 | ep));

	expect_decision(&d, SPM_SWITCH, ep, v,
		   X(DIRECT_REQ, (uint32_t)HOST << 16 | ep));
}

/* ep, serving host vCPU hv, faults: the host gets ABORTED. */
static void fault(struct mw *w, uint16_t ep, uint16_t v, uint16_t hv)
{
	struct spm_decision d = abort_ep(w, ep, v);

	expect_decision(&d, SPM_SWITCH, HOST, hv,
			X(0x84000060, 0, ERR_ABORTED));
}

static uint8_t page_flags(struct mw *w, uint64_t addr)
{
	return w->h.st.pages[(addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE].flags;
}

/* Nothing of [addr, + n pages) is in a share or a mailbox any more. */
static void expect_plain(struct mw *w, uint64_t addr, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(page_flags(w, addr + i * 4096ULL) &
				 (SPM_PAGE_IN_SHARE | SPM_PAGE_MAILBOX), 0);
}

/* Lend, retrieve, relinquish and reclaim one page: the page works. */
static void expect_shareable(struct mw *w, uint16_t lender, uint16_t to,
			     uint64_t addr)
{
	struct ffa_mem_range r = { addr, 1, 0 };
	struct txn t = txn1(w, lender, to, RW, 0, 1, &r);
	struct rreq q;
	struct spm_decision d;
	uint64_t h;

	r.address = addr;
	h = send_ok(w, LEND, &t);
	expect_access(w, lender, addr, 1, SPM_ACCESS_NONE);
	q = rreq1(to, h, lender, RW);
	retrieve_ok(w, &q);
	expect_access(w, to, addr, 1, RWA);
	d = relinquish(w, to, h, 0);
	expect_ok(&d, to);
	d = reclaim(w, lender, h, 0);
	expect_ok(&d, lender);
	expect_access(w, lender, addr, 1, RWA);
	expect_access(w, to, addr, 1, SPM_ACCESS_NONE);
}

/* A fragmented send (test_spm_mem_common.h), its first fragment sent. */
static void fsend_begin(struct mw *w, struct fsend *f, uint32_t fid,
			uint16_t sender, uint16_t recv, uint32_t n)
{
	fsend_init(w, f, sender, recv, n);
	/* A donor states no access (ffa-abi.md 10.2). */
	if (fid == DONATE)
		f->t.access[0].perms = 0;
	fsend_start(w, f, fid);
}

/* The first fragment of the response to q: 4096 of `total` bytes. */
static void retrieve_first(struct mw *w, const struct rreq *q,
			   uint32_t total)
{
	struct spm_decision d = retrieve(w, q);

	expect_regs(&d, q->borrower, X(0x84000075, total, 4096));
}

/* The next fragment of a response, at offset; RX released first. */
static struct spm_decision frag_rx(struct mw *w, uint16_t ep, uint64_t h,
				   uint32_t offset)
{
	struct spm_decision d = mcall(w, ep, X(0x84000065));

	expect_ok(&d, ep);
	return mcall(w, ep, X(FRAG_RX, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h),
			      offset));
}

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

/* ---- its RX/TX pair, and a message queued in RX ---- */

static void send2_to(struct mw *w, uint16_t from, uint16_t to)
{
	static const char hello[] = "hello";
	const struct ffa_send2 m = {
		.sender = from, .receiver = to,
		.payload = hello, .size = sizeof(hello),
	};

	assert_int_equal(ffa_msg_send2_compose(tx_bytes(w, from),
					       FFA_PAGE_SIZE, FFA_VERSION_1_2,
					       &m), 0);
}

static void test_abort_mailbox(void **state)
{
	struct mw *w = aw_new(64);
	struct spm_decision d;

	(void)state;
	send2_to(w, HOST, P1);
	d = mcall(w, HOST, X(SEND2));
	expect_ok(&d, HOST);
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_FULL);
	assert_int_equal(ep_of(w, P1)->notif.hyp_fw, 1);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	/* Unmapped, with its message; its pages stay its own. */
	assert_int_equal(ep_of(w, P1)->mbox.pages, 0);
	assert_int_equal(ep_of(w, P1)->mbox.tx, 0);
	assert_int_equal(ep_of(w, P1)->mbox.rx, 0);
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_EMPTY);
	expect_plain(w, tx_of(w, P1), 2);
	expect_access(w, P1, tx_of(w, P1), 2, RWA);
	/* Nothing pending for it: the scheduler is not told to run it. */
	assert_int_equal(ep_of(w, P1)->notif.hyp_fw, 0);
	d = mcall(w, HOST, X(NOTIF_INFO));
	expect_err(&d, HOST, ERR_NO_DATA);
	/* Whatever targets it now is ABORTED. */
	send2_to(w, HOST, P1);
	expect_refused(w, HOST, X(SEND2), ERR_ABORTED);
	send2_to(w, P2, P1);
	expect_refused(w, P2, X(SEND2), ERR_ABORTED);
	expect_refused(w, HOST, X(DIRECT_REQ, 0x00018001), ERR_ABORTED);
	expect_refused(w, HOST, X(REQ2, 0x00018001), ERR_ABORTED);
	expect_refused(w, HOST, X(RUN, 0x80010000), ERR_ABORTED);
	/* The others' messaging works. */
	send2_to(w, HOST, P2);
	d = mcall(w, HOST, X(SEND2));
	expect_ok(&d, HOST);
	mw_free(w);
}

/* ---- notifications ---- */

static struct spm_decision notif(struct mw *w, uint16_t caller, uint32_t fid,
				 uint16_t sender, uint16_t recv,
				 uint64_t bitmap)
{
	return mcall(w, caller, X(fid, (uint32_t)sender << 16 | recv, 0,
				  (uint32_t)bitmap, bitmap >> 32));
}

static void notif_ok(struct mw *w, uint16_t caller, uint32_t fid,
		     uint16_t sender, uint16_t recv, uint64_t bitmap)
{
	struct spm_decision d = notif(w, caller, fid, sender, recv, bitmap);

	expect_ok(&d, caller);
}

static void test_abort_notifications(void **state)
{
	struct mw *w = aw_new(64);
	const struct spm_notifications *n1 = &ep_of(w, P1)->notif;
	struct spm_decision d;
	uint32_t i;

	(void)state;
	/* P1 receives from the host and P2, and sends to P2 and P3. */
	notif_ok(w, P1, NOTIF_BIND, HOST, P1, 0x3);
	notif_ok(w, P1, NOTIF_BIND, P2, P1, 0xc);
	notif_ok(w, P2, NOTIF_BIND, P1, P2, 0x100);
	notif_ok(w, P3, NOTIF_BIND, P1, P3, 0x200);
	notif_ok(w, HOST, NOTIF_SET, HOST, P1, 0x1);
	notif_ok(w, P2, NOTIF_SET, P2, P1, 0x4);
	notif_ok(w, P1, NOTIF_SET, P1, P2, 0x100);
	enter(w, 0, P1, 0);
	fault(w, P1, 0, 0);
	/* As a receiver: nothing bound, nothing pending, not reported. */
	for (i = 0; i < FFA_NOTIFICATION_COUNT; i++)
		assert_int_equal(n1->bound[i], FFA_ID_INVALID);
	assert_int_equal(n1->pending_from_sp | n1->pending_from_vm, 0);
	assert_false(n1->info_pending);
	d = mcall(w, HOST, X(NOTIF_INFO));
	expect_regs(&d, HOST, X(0x84000061, 0, 1U << 7, P2));
	/* SET to it, BIND naming it: ABORTED. */
	d = notif(w, HOST, NOTIF_SET, HOST, P1, 0x1);
	expect_err(&d, HOST, ERR_ABORTED);
	d = notif(w, P2, NOTIF_SET, P2, P1, 0x4);
	expect_err(&d, P2, ERR_ABORTED);
	d = notif(w, P3, NOTIF_BIND, P1, P3, 0x400);
	expect_err(&d, P3, ERR_ABORTED);
	assert_int_equal(ep_of(w, P3)->notif.bound[10], FFA_ID_INVALID);
	/* What it set before stays for P2 to take. */
	d = mcall(w, P2, X(NOTIF_GET, P2, FFA_NOTIF_GET_SP));
	expect_regs(&d, P2, X(0x84000061, 0, 0x100));
	/* The receivers undo their bindings to it, and bind others. */
	notif_ok(w, P2, NOTIF_UNBIND, P1, P2, 0x100);
	notif_ok(w, P3, NOTIF_UNBIND, P1, P3, 0x200);
	notif_ok(w, P2, NOTIF_BIND, P3, P2, 0x100);
	notif_ok(w, P3, NOTIF_SET, P3, P2, 0x100);
	mw_free(w);
}

/* ---- whoever waited on it ---- */

/* host -> P1 -> P2 (REQ2): P2 aborts, P1 is told, answers the host. */
static void waiters_req2_chain(struct mw *w)
{
	struct spm_decision d;

	d = vcall(w, HOST, 0, X(REQ2, 0x00018001, 0, 0, 7));
	expect_decision(&d, SPM_SWITCH, P1, 0, X(REQ2, 0x00018001, 0, 0, 7));
	d = vcall(w, P1, 0, X(REQ2, 0x80018002, 0, 0, 8));
	expect_decision(&d, SPM_SWITCH, P2, 0, X(REQ2, 0x80018002, 0, 0, 8));
	d = abort_ep(w, P2, 0);
	expect_decision(&d, SPM_SWITCH, P1, 0, X(0x84000060, 0, ERR_ABORTED));
	d = vcall(w, P1, 0, X(RESP2, 0x80010001, 0, 0, 9));
	expect_decision(&d, SPM_SWITCH, HOST, 0, X(RESP2, 0x80010001, 0, 0, 9));
	expect_refused(w, HOST, X(REQ2, 0x00018002), ERR_ABORTED);
	expect_refused(w, HOST, X(RUN, 0x80020001), ERR_ABORTED);
}

/*
 * P2 vCPU 1 serves the host's REQ2 and is preempted; P2 faults on vCPU
 * 0: the host's FFA_RUN that would resume vCPU 1 is ABORTED.
 */
static void waiters_preempted(struct mw *w)
{
	struct spm_decision d;

	d = vcall(w, HOST, 1, X(REQ2, 0x00018002));
	expect_decision(&d, SPM_SWITCH, P2, 1, X(REQ2, 0x00018002));
	assert_int_equal(spm_preempt(w->h.spm, 0, P2, 1, &d), 0);
	expect_decision(&d, SPM_SWITCH, HOST, 1, X(0x84000062, 0x80020001));
	enter(w, 0, P2, 0);
	fault(w, P2, 0, 0);
	d = vcall(w, HOST, 1, X(RUN, 0x80020001));
	expect_decision(&d, SPM_RESUME, HOST, 1, X(0x84000060, 0, ERR_ABORTED));
}

/*
 * P2 vCPU 0 serves the host's vCPU 0 (it is running, as on another
 * CPU) while P2 vCPU 1 faults: whatever vCPU 0 calls next ends it too,
 * and the host's vCPU 0 gets ABORTED instead of an answer from a dead
 * partition. A partition that served P2 answers into the void.
 */
static void waiters_other_vcpu(struct mw *w)
{
	struct spm_decision d;

	enter(w, 0, P2, 0);
	d = vcall(w, HOST, 1, X(RUN, 0x80020001));
	expect_decision(&d, SPM_SWITCH, P2, 1, X(RUN, 0x80020001));
	fault(w, P2, 1, 1);
	d = vcall(w, P2, 0, X(MSG_WAIT));
	expect_decision(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ERR_ABORTED));
	assert_int_equal(ep_of(w, P2)->vcpus[0].state, SPM_VCPU_ABORTED);
	/* Its calls change nothing: no RX/TX pair comes back. */
	d = vcall(w, P2, 0, X(0xC4000066, tx_of(w, P2), rx_of(w, P2), 1));
	assert_int_equal(d.next, SPM_IDLE);
	assert_int_equal(ep_of(w, P2)->mbox.pages, 0);
	expect_refused(w, HOST, X(RUN, 0x80020000), ERR_ABORTED);
}

/* host -> P2 vCPU 0 -> P1; P2 aborts through vCPU 1; P1 answers. */
static void waiters_served_partition(struct mw *w)
{
	struct spm_decision d;

	enter(w, 0, P2, 0);
	d = vcall(w, P2, 0, X(DIRECT_REQ, 0x80028001));
	expect_decision(&d, SPM_SWITCH, P1, 0, X(DIRECT_REQ, 0x80028001));
	d = vcall(w, HOST, 1, X(RUN, 0x80020001));
	fault(w, P2, 1, 1);
	d = vcall(w, P1, 0, X(DIRECT_RESP, 0x80018002, 0, 5));
	expect_decision(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ERR_ABORTED));
	assert_int_equal(ep_of(w, P1)->vcpus[0].state, SPM_VCPU_WAITING);
	enter(w, 0, P1, 0);
}

/* Every path on which someone waits for the aborted endpoint. */
static void (*const waiters[])(struct mw *w) = {
	waiters_req2_chain,
	waiters_preempted,
	waiters_other_vcpu,
	waiters_served_partition,
};

static void test_abort_waiters(void **state)
{
	struct mw *w;
	uint32_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(waiters); i++) {
		w = aw_new(64);
		waiters[i](w);
		mw_free(w);
	}
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
		cmocka_unit_test(test_abort_mailbox),
		cmocka_unit_test(test_abort_notifications),
		cmocka_unit_test(test_abort_waiters),
		cmocka_unit_test(test_abort_platform_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
