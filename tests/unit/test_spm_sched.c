// SPDX-License-Identifier: BSD-3-Clause
/*
 * CPU cycles in the partition manager (ffa-abi.md 2.3, 12.3): the boot
 * sequence, FFA_MSG_WAIT and FFA_RUN (yield and abort are in
 * test_spm_sched_yield.c), each transition with the exact registers of
 * the decision and the vCPU states after it, each error with its code and
 * nothing changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_msg_common.h"

/* ---- boot ---- */

static void test_boot_sequence(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);

	(void)state;
	/* 0x8002 (boot order 0) first, both its vCPUs, all-zero registers. */
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	expect_vcpu(w, P2, 0, SPM_VCPU_RUNNING, SPM_RUN_BOOT, NOBODY, 0);
	expect_vcpu(w, P2, 1, SPM_VCPU_OFF, SPM_RUN_BOOT, 0, 0);
	assert_int_equal(w->h.spm->boot_next, 0);
	d = msg_wait(w, P2, 0);
	expect(&d, SPM_SWITCH, P2, 1, X(0));
	expect_vcpu(w, P2, 0, SPM_VCPU_WAITING, SPM_RUN_BOOT, NOBODY, 0);
	expect_vcpu(w, P2, 1, SPM_VCPU_RUNNING, SPM_RUN_BOOT, NOBODY, 0);
	d = msg_wait(w, P2, 1);
	expect(&d, SPM_SWITCH, P3, 0, X(0));
	assert_int_equal(w->h.spm->boot_next, 1);
	d = msg_wait(w, P3, 0);
	expect(&d, SPM_SWITCH, P1, 0, X(0));
	assert_int_equal(w->h.spm->boot_next, 2);
	expect_vcpu(w, P3, 0, SPM_VCPU_WAITING, SPM_RUN_BOOT, NOBODY, 0);
	d = msg_wait(w, P1, 0);
	/* Then the host's vCPU 0, on its own behalf. */
	expect(&d, SPM_SWITCH, HOST, 0, X(0));
	assert_int_equal(w->h.spm->boot_next, 3);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, NOBODY, 0);
	expect_vcpu(w, HOST, 1, SPM_VCPU_OFF, SPM_RUN_BOOT, 0, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_BOOT, NOBODY, 0);
	/* Booted: another spm_boot has nothing to start. */
	d = boot(w);
	assert_int_equal(d.next, SPM_IDLE);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, NOBODY, 0);
	world_free(w);
}

static void test_boot_ties_by_index_and_no_host(void **state)
{
	struct world *w = calloc(1, sizeof(*w));
	struct spm_decision d;

	(void)state;
	harness_init(&w->h, 64, 64);
	add_ep(w, 0, 0x8005, PROPS_RECV, 1, 7);
	add_ep(w, 1, 0x8004, PROPS_RECV, 1, 7);
	d = boot(w);
	expect(&d, SPM_SWITCH, 0x8005, 0, X(0));
	d = msg_wait(w, 0x8005, 0);
	expect(&d, SPM_SWITCH, 0x8004, 0, X(0));
	assert_int_equal(w->h.spm->boot_next, 1);
	d = msg_wait(w, 0x8004, 0);
	assert_int_equal(d.next, SPM_IDLE);
	assert_int_equal(w->h.spm->boot_next, 2);
	world_free(w);
}

static void test_boot_while_booting_is_idle(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);
	struct harness_snapshot *s = snap(w);

	(void)state;
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	d = boot(w);
	assert_int_equal(d.next, SPM_IDLE);
	expect_unchanged(w, s);
	world_free(w);
}

/* ---- FFA_MSG_WAIT ---- */

static void test_msg_wait_after_run(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 0, P1, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_BLOCKED, SPM_RUN_SELF, P1, 0);
	d = msg_wait(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006B, 0x80010000));
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_SCHED, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
	/* From another host vCPU to an MP partition's vCPU 1. */
	run(w, 1, P2, 1);
	expect_vcpu(w, P2, 1, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 1);
	d = msg_wait(w, P2, 1);
	expect(&d, SPM_SWITCH, HOST, 1, X(0x8400006B, 0x80020001));
	expect_vcpu(w, HOST, 1, SPM_VCPU_RUNNING, SPM_RUN_SELF, P2, 1);
}

/* Fill P1's RX with a message from the host. */
static void fill_p1_rx(struct world *w)
{
	uint8_t *tx = fake_ptr(&w->h.fp, EP_TX(IDX_HOST));
	struct spm_decision d;

	map_mailbox(w, HOST, IDX_HOST);
	map_mailbox(w, P1, IDX_P1);
	memset(tx, 0, 40);
	tx[8] = 40;
	tx[12] = 0x01, tx[13] = 0x80;	/* receiver 0x8001 */
	tx[14] = 0x01;			/* sender 0x0001 */
	d = call(w, HOST, 0, X(0x84000086));
	expect(&d, SPM_RESUME, HOST, 0, X(0x84000061));
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_FULL);
}

static void test_msg_wait_retain_and_release_rx(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	fill_p1_rx(w);
	run(w, 0, P1, 0);
	d = call(w, P1, 0, X(0x8400006B, 0, 1));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006B, 0x80010000));
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_FULL);
	run(w, 0, P1, 0);
	d = msg_wait(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006B, 0x80010000));
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_EMPTY);
}

static void test_msg_wait_v1_1_always_releases(void **state)
{
	struct world *w = world_new();
	struct spm_decision d;

	(void)state;
	speak(w, P1, 0x00010001);
	world_boot(w);
	fill_p1_rx(w);
	run(w, 0, P1, 0);
	/* No retain flag before v1.2: w2 is MBZ as a whole. */
	expect_rejected(w, P1, 0, X(0x8400006B, 0, 1), INVALID);
	/* x8..x17 mean nothing to a v1.1 caller: not checked. */
	d = call(w, P1, 0, X(0x8400006B, [8] = 1));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006B, 0x80010000));
	assert_int_equal(ep_of(w, P1)->mbox.rx_state, SPM_RX_EMPTY);
	world_free(w);
}

static void test_msg_wait_errors(void **state)
{
	struct world *w = *state;
	static const uint32_t regs[] = { 1, 3, 4, 5, 6, 7, 8, 17 };

	expect_rejected(w, HOST, 0, X(0x8400006B), DENIED);
	run(w, 0, P1, 0);
	expect_each_reg_rejected(w, P1, 0x8400006B, regs, 8, INVALID);
	/* v1.2 flags: only bit 0 is defined. */
	expect_rejected(w, P1, 0, X(0x8400006B, 0, 2), INVALID);
	expect_rejected(w, P1, 0, X(0x8400006B, 0, 0x80000000), INVALID);
	/* Not running (waiting already): nothing to give up. */
	expect_rejected(w, P3, 0, X(0x8400006B), DENIED);
}

static void test_msg_wait_denied_while_serving(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	d = call(w, HOST, 0, X(0x8400006F, 0x00018001));
	expect(&d, SPM_SWITCH, P1, 0, X(0x8400006F, 0x00018001));
	expect_rejected(w, P1, 0, X(0x8400006B), DENIED);
	d = call(w, P1, 0, X(0x84000070, 0x80010001));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000070, 0x80010001));
	d = call(w, HOST, 0, X(0xC400008D, 0x00018001));
	expect(&d, SPM_SWITCH, P1, 0, X(0xC400008D, 0x00018001));
	expect_rejected(w, P1, 0, X(0x8400006B), DENIED);
}

static void test_msg_wait_before_boot_denied(void **state)
{
	struct world *w = world_new();

	(void)state;
	expect_rejected(w, P1, 0, X(0x8400006B), DENIED);
	world_free(w);
}

/* ---- FFA_RUN ---- */

static void test_run_errors(void **state)
{
	struct world *w = *state;

	expect_rejected(w, P1, 0, X(0x8400006D, 0x80020000), DENIED);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80090000), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x00010000), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80010001), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80020002), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80010000, [8] = 1),
			INVALID);
	/* Running on another host vCPU: BUSY. */
	run(w, 0, P2, 0);
	expect_rejected(w, HOST, 1, X(0x8400006D, 0x80020000), BUSY);
	/* Blocked in its own request: BUSY. */
	call(w, P2, 0, X(0x8400006F, 0x80028001));
	expect_vcpu(w, P2, 0, SPM_VCPU_BLOCKED, SPM_RUN_SCHED, P1, 0);
	expect_rejected(w, HOST, 1, X(0x8400006D, 0x80020000), BUSY);
}

static void test_run_off_and_aborted(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);

	(void)state;
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80010000), DENIED);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80020000), BUSY);
	finish_boot(w, d);
	d = abort_ep(w, P3, 0);
	assert_int_equal(d.next, SPM_IDLE);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80030000), ABORTED);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_boot_sequence),
		cmocka_unit_test(test_boot_ties_by_index_and_no_host),
		cmocka_unit_test(test_boot_while_booting_is_idle),
		BOOTED_TEST(test_msg_wait_after_run),
		BOOTED_TEST(test_msg_wait_retain_and_release_rx),
		cmocka_unit_test(test_msg_wait_v1_1_always_releases),
		BOOTED_TEST(test_msg_wait_errors),
		BOOTED_TEST(test_msg_wait_denied_while_serving),
		cmocka_unit_test(test_msg_wait_before_boot_denied),
		BOOTED_TEST(test_run_errors),
		cmocka_unit_test(test_run_off_and_aborted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
