/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world of the abort tests (test_spm_abort.c: memory,
 * test_spm_abort_msg.c: mailbox, notifications, waiters): the memory
 * tests' world (test_spm_mem_common.h), booted, with messaging and
 * notifications:
 *
 *   id      vCPUs  properties
 *   0x0001  2      host: REQ send, REQ2 send, indirect
 *   0x8001  1      REQ/REQ2 send+recv, indirect, notifications
 *   0x8002  2      (the same)
 *   0x8003  1      (the same)
 *
 * and the steps the tests share: entering and faulting a vCPU, the
 * abort with the invariants and the mappings checked after it.
 */
#ifndef TEST_SPM_ABORT_WORLD_H
#define TEST_SPM_ABORT_WORLD_H

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
HELPER struct spm_decision abort_raw(struct mw *w, uint16_t ep, uint16_t vcpu)
{
	struct spm_decision d;

	memset(&d, 0xa5, sizeof(d));
	spm_abort(w->h.spm, 0, ep, vcpu, &d);
	assert_int_equal(w->h.fp.locks_held, 0);
	return d;
}

HELPER struct spm_decision abort_ep(struct mw *w, uint16_t ep, uint16_t vcpu)
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
HELPER struct mw *aw_new(uint32_t ep_pages)
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
HELPER void enter(struct mw *w, uint16_t hv, uint16_t ep, uint16_t v)
{
	struct spm_decision d = vcall(w, HOST, hv,
				      X(DIRECT_REQ, (uint32_t)HOST << 16 | ep));

	expect_decision(&d, SPM_SWITCH, ep, v,
		   X(DIRECT_REQ, (uint32_t)HOST << 16 | ep));
}

/* ep, serving host vCPU hv, faults: the host gets ABORTED. */
HELPER void fault(struct mw *w, uint16_t ep, uint16_t v, uint16_t hv)
{
	struct spm_decision d = abort_ep(w, ep, v);

	expect_decision(&d, SPM_SWITCH, HOST, hv,
			X(0x84000060, 0, ERR_ABORTED));
}

HELPER uint8_t page_flags(struct mw *w, uint64_t addr)
{
	return w->h.st.pages[(addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE].flags;
}

/* Nothing of [addr, + n pages) is in a share or a mailbox any more. */
HELPER void expect_plain(struct mw *w, uint64_t addr, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(page_flags(w, addr + i * 4096ULL) &
				 (SPM_PAGE_IN_SHARE | SPM_PAGE_MAILBOX), 0);
}

/* Lend, retrieve, relinquish and reclaim one page: the page works. */
HELPER void expect_shareable(struct mw *w, uint16_t lender, uint16_t to,
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
HELPER void fsend_begin(struct mw *w, struct fsend *f, uint32_t fid,
			uint16_t sender, uint16_t recv, uint32_t n)
{
	fsend_init(w, f, sender, recv, n);
	/* A donor states no access (ffa-abi.md 10.2). */
	if (fid == DONATE)
		f->t.access[0].perms = 0;
	fsend_start(w, f, fid);
}

/* The first fragment of the response to q: 4096 of `total` bytes. */
HELPER void retrieve_first(struct mw *w, const struct rreq *q,
			   uint32_t total)
{
	struct spm_decision d = retrieve(w, q);

	expect_regs(&d, q->borrower, X(0x84000075, total, 4096));
}

/* The next fragment of a response, at offset; RX released first. */
HELPER struct spm_decision frag_rx(struct mw *w, uint16_t ep, uint64_t h,
				   uint32_t offset)
{
	struct spm_decision d = mcall(w, ep, X(0x84000065));

	expect_ok(&d, ep);
	return mcall(w, ep, X(FRAG_RX, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h),
			      offset));
}

#endif /* TEST_SPM_ABORT_WORLD_H */
