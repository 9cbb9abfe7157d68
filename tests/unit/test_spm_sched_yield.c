// SPDX-License-Identifier: BSD-3-Clause
/*
 * Leaving the CPU early (ffa-abi.md 2.3): FFA_YIELD and its resumption by
 * FFA_RUN, and aborts of partitions in every state, including the chains
 * of direct requests an abort cuts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_msg_common.h"

/* ---- FFA_YIELD ---- */

static void test_yield_then_run(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 0, P1, 0);
	d = call(w, P1, 0, X(0x8400006C, 0, 0x1234, 0x5678));
	expect(&d, SPM_SWITCH, HOST, 0,
	       X(0x8400006C, 0x80010000, 0x1234, 0x5678));
	expect_vcpu(w, P1, 0, SPM_VCPU_PREEMPTED, SPM_RUN_SCHED, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
	/* A preempted vCPU is busy for requests, runnable for the host. */
	expect_rejected(w, HOST, 1, X(0x8400006F, 0x00018001), BUSY);
	run(w, 1, P1, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 1);
	d = msg_wait(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 1, X(0x8400006B, 0x80010000));
}

static void test_yield_during_request(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	d = call(w, HOST, 0, X(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5));
	expect(&d, SPM_SWITCH, P1, 0,
	       X(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5));
	d = call(w, P1, 0, X(0x8400006C, 0, 7, 0));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006C, 0x80010000, 7, 0));
	expect_vcpu(w, P1, 0, SPM_VCPU_PREEMPTED, SPM_RUN_DIRECT, HOST, 0);
	run(w, 0, P1, 0);
	/* Still serving the host's request: its response ends the RUN. */
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_BLOCKED, SPM_RUN_SELF, P1, 0);
	d = call(w, P1, 0, X(0x84000070, 0x80010001, 0, 9, 8, 7, 6, 5));
	expect(&d, SPM_SWITCH, HOST, 0,
	       X(0x84000070, 0x80010001, 0, 9, 8, 7, 6, 5));
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
}

/* Yielded out of a partition's request, run by the host: its own now. */
static void test_yield_from_partition_request(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 0, P2, 0);
	d = call(w, P2, 0, X(0x8400006F, 0x80028001, 0, 1));
	expect(&d, SPM_SWITCH, P1, 0, X(0x8400006F, 0x80028001, 0, 1));
	d = call(w, P1, 0, X(0x8400006C));
	expect(&d, SPM_SWITCH, P2, 0, X(0x8400006C, 0x80010000));
	/* P2 answers to the host again. */
	expect_vcpu(w, P2, 0, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 0);
	d = msg_wait(w, P2, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006B, 0x80020000));
	run(w, 0, P1, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 0);
	expect_rejected(w, P1, 0, X(0x84000070, 0x80018002), DENIED);
}

static void test_yield_errors(void **state)
{
	struct world *w = *state;
	static const uint32_t regs[] = { 1, 4, 5, 6, 7 };

	expect_rejected(w, HOST, 0, X(0x8400006C), NOT_SUPPORTED);
	/* Waiting: not running, nothing to yield. */
	expect_rejected(w, P1, 0, X(0x8400006C), DENIED);
	run(w, 0, P1, 0);
	expect_each_reg_rejected(w, P1, 0x8400006C, regs, 5, INVALID);
}

static void test_yield_denied_while_booting(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);

	(void)state;
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	expect_rejected(w, P2, 0, X(0x8400006C), DENIED);
	world_free(w);
}

static void test_yield_v1_0_serving_denied(void **state)
{
	struct world *w = world_new();
	struct spm_decision d;

	(void)state;
	speak(w, P1, 0x00010000);
	world_boot(w);
	d = call(w, HOST, 0, X(0x8400006F, 0x00018001));
	expect(&d, SPM_SWITCH, P1, 0, X(0x8400006F, 0x00018001));
	expect_rejected(w, P1, 0, X(0x8400006C), DENIED);
	d = call(w, P1, 0, X(0x84000070, 0x80010001));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000070, 0x80010001));
	/* Given cycles, a v1.0 partition may yield. */
	run(w, 0, P1, 0);
	d = call(w, P1, 0, X(0x8400006C));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x8400006C, 0x80010000));
	world_free(w);
}

/* ---- abort ---- */

static void test_abort_mid_request(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	d = call(w, HOST, 0, X(0x8400006F, 0x00018001));
	expect(&d, SPM_SWITCH, P1, 0, X(0x8400006F, 0x00018001));
	d = abort_ep(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ABORTED));
	assert_true(ep_of(w, P1)->aborted);
	assert_int_equal(vcpu_of(w, P1, 0)->state, SPM_VCPU_ABORTED);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00018001), ABORTED);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80010000), ABORTED);
}

static void test_abort_after_run_and_mp(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 1, P2, 1);
	d = abort_ep(w, P2, 1);
	expect(&d, SPM_SWITCH, HOST, 1, X(0x84000060, 0, ABORTED));
	/* Every vCPU of the endpoint, waiting ones too. */
	assert_int_equal(vcpu_of(w, P2, 0)->state, SPM_VCPU_ABORTED);
	assert_int_equal(vcpu_of(w, P2, 1)->state, SPM_VCPU_ABORTED);
	expect_rejected(w, HOST, 0, X(0x8400006D, 0x80020000), ABORTED);
	/* Nothing waited for the idle vCPU 0. */
	d = abort_ep(w, P2, 0);
	assert_int_equal(d.next, SPM_IDLE);
	d = abort_ep(w, 0x8009, 0);
	assert_int_equal(d.next, SPM_IDLE);
}

static void test_abort_while_booting(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);

	(void)state;
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	/* P2's vCPU 1 never boots: the boot goes on with 0x8003. */
	d = abort_ep(w, P2, 0);
	expect(&d, SPM_SWITCH, P3, 0, X(0));
	assert_int_equal(vcpu_of(w, P2, 1)->state, SPM_VCPU_ABORTED);
	d = msg_wait(w, P3, 0);
	expect(&d, SPM_SWITCH, P1, 0, X(0));
	d = msg_wait(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0));
	world_free(w);
}

/* host -> P1 -> P2; P2 aborts: P1 gets ABORTED, then answers the host. */
static void test_abort_nested(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	call(w, HOST, 0, X(0x8400006F, 0x00018001));
	d = call(w, P1, 0, X(0x8400006F, 0x80018002));
	expect(&d, SPM_SWITCH, P2, 0, X(0x8400006F, 0x80018002));
	d = abort_ep(w, P2, 0);
	expect(&d, SPM_SWITCH, P1, 0, X(0x84000060, 0, ABORTED));
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 0);
	d = call(w, P1, 0, X(0x84000070, 0x80010001, 0, 0xfffffff8));
	expect(&d, SPM_SWITCH, HOST, 0,
	       X(0x84000070, 0x80010001, 0, 0xfffffff8));
}

/* host -> P1 -> P2; P1 aborts: the host learns at once, P2 later. */
static void test_abort_of_blocked_requester(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	call(w, HOST, 0, X(0x8400006F, 0x00018001));
	call(w, P1, 0, X(0x8400006F, 0x80018002));
	d = abort_ep(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ABORTED));
	/* P2's answer reaches nobody: this CPU has nothing to run. */
	d = call(w, P2, 0, X(0x84000070, 0x80028001));
	assert_int_equal(d.next, SPM_IDLE);
	expect_vcpu(w, P2, 0, SPM_VCPU_WAITING, SPM_RUN_DIRECT, P1, 0);
}

/*
 * host vCPU 0 -> P2 vCPU 0 -> P1, and P2's vCPU 1 (run by host vCPU 1)
 * faults: P2 is aborted while its vCPU 0 still waits for P1. P1's answer
 * cannot reach P2, so the host vCPU waiting on P2 gets ABORTED.
 */
static void test_abort_propagates_up_the_chain(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	call(w, HOST, 0, X(0x8400006F, 0x00018002));
	call(w, P2, 0, X(0x8400006F, 0x80028001));
	run(w, 1, P2, 1);
	d = abort_ep(w, P2, 1);
	expect(&d, SPM_SWITCH, HOST, 1, X(0x84000060, 0, ABORTED));
	expect_vcpu(w, HOST, 0, SPM_VCPU_BLOCKED, SPM_RUN_SELF, P2, 0);
	d = call(w, P1, 0, X(0x84000070, 0x80018002, 0, 1));
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ABORTED));
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P2, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_DIRECT, P2, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOOTED_TEST(test_yield_then_run),
		BOOTED_TEST(test_yield_during_request),
		BOOTED_TEST(test_yield_from_partition_request),
		BOOTED_TEST(test_yield_errors),
		cmocka_unit_test(test_yield_denied_while_booting),
		cmocka_unit_test(test_yield_v1_0_serving_denied),
		BOOTED_TEST(test_abort_mid_request),
		BOOTED_TEST(test_abort_after_run_and_mp),
		cmocka_unit_test(test_abort_while_booting),
		BOOTED_TEST(test_abort_nested),
		BOOTED_TEST(test_abort_of_blocked_requester),
		BOOTED_TEST(test_abort_propagates_up_the_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
