// SPDX-License-Identifier: BSD-3-Clause
/*
 * What an aborted endpoint leaves behind besides memory (spm/abort.c):
 * its RX/TX pair and the message queued in RX, its notifications as
 * receiver and sender, and whoever waited on it. The same checks as
 * test_spm_abort.c (exact codes, mappings, invariants, and the other
 * endpoint finishing what it had with it).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_abort_world.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_abort_mailbox),
		cmocka_unit_test(test_abort_notifications),
		cmocka_unit_test(test_abort_waiters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
