// SPDX-License-Identifier: BSD-3-Clause
/*
 * spm_preempt(): an interrupt for the host while a partition runs. A
 * vCPU running for the host (its direct request, its FFA_RUN) is
 * preempted and the host gets FFA_INTERRUPT with the vCPU's target
 * info; its FFA_RUN resumes it as after FFA_YIELD. Anyone else (a boot
 * vCPU, one serving a partition, one not running there) is left alone
 * and the decision is not written. Exact registers and states after
 * each step, and the invariants after each scenario.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_msg_common.h"

#define FFA_INTERRUPT_32	0x84000062
/* Return codes of spm_preempt() (ffa-abi.md error codes). */
#define DENIED_CODE		(-6)
#define INVALID_CODE		(-2)

static int preempt(struct world *w, uint32_t cpu, uint16_t ep, uint16_t v,
		   struct spm_decision *d)
{
	int ret;

	memset(d, 0xa5, sizeof(*d));
	ret = spm_preempt(w->h.spm, cpu, ep, v, d);
	assert_int_equal(w->h.fp.locks_held, 0);
	harness_check_mappings(&w->h);
	return ret;
}

static void expect_invariants(struct world *w)
{
	const char *why = NULL;

	if (spm_check_invariants(w->h.spm, &why) != 0)
		fail_msg("invariant broken: %s", why);
}

/* Refused: nothing changes and d is not written. */
static void expect_not_preempted(struct world *w, uint32_t cpu,
				 uint16_t ep, uint16_t v, int code)
{
	struct harness_snapshot *s = snap(w);
	struct spm_decision d, untouched;

	memset(&untouched, 0xa5, sizeof(untouched));
	assert_int_equal(preempt(w, cpu, ep, v, &d), code);
	assert_memory_equal(&d, &untouched, sizeof(d));
	expect_unchanged(w, s);
}

static void test_preempt_direct_request(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	relay(w, HOST, 0, X(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5),
	      P1, 0, X(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5));
	assert_int_equal(preempt(w, 0, P1, 0, &d), 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(FFA_INTERRUPT_32, 0x80010000, 0));
	expect_vcpu(w, P1, 0, SPM_VCPU_PREEMPTED, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
	expect_invariants(w);
	/* Busy for other requests; the host's FFA_RUN resumes the request. */
	expect_rejected(w, HOST, 1, X(0x8400006F, 0x00018001), BUSY);
	run(w, 0, P1, 0);
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_BLOCKED, SPM_RUN_SELF, P1, 0);
	expect_invariants(w);
	/* Preempted again, resumed again; its response ends the RUN. */
	assert_int_equal(preempt(w, 0, P1, 0, &d), 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(FFA_INTERRUPT_32, 0x80010000, 0));
	run(w, 0, P1, 0);
	relay(w, P1, 0, X(0x84000070, 0x80010001, 0, 9, 8, 7, 6, 5),
	      HOST, 0, X(0x84000070, 0x80010001, 0, 9, 8, 7, 6, 5));
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
	expect_invariants(w);
}

static void test_preempt_run(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 1, P2, 1);
	assert_int_equal(preempt(w, 0, P2, 1, &d), 0);
	expect(&d, SPM_SWITCH, HOST, 1, X(FFA_INTERRUPT_32, 0x80020001, 0));
	expect_vcpu(w, P2, 1, SPM_VCPU_PREEMPTED, SPM_RUN_SCHED, HOST, 1);
	expect_vcpu(w, HOST, 1, SPM_VCPU_RUNNING, SPM_RUN_SELF, P2, 1);
	expect_invariants(w);
	run(w, 1, P2, 1);
	expect_vcpu(w, P2, 1, SPM_VCPU_RUNNING, SPM_RUN_SCHED, HOST, 1);
	d = msg_wait(w, P2, 1);
	expect(&d, SPM_SWITCH, HOST, 1, X(0x8400006B, 0x80020001));
	expect_invariants(w);
}

/* A request of the v1.0 era: it may not yield, but it can be preempted. */
static void test_preempt_v1_0_request(void **state)
{
	struct world *w = world_new();
	struct spm_decision d;

	(void)state;
	speak(w, P1, 0x00010000);
	world_boot(w);
	relay(w, HOST, 0, X(0x8400006F, 0x00018001, 0, 3), P1, 0,
	      X(0x8400006F, 0x00018001, 0, 3));
	assert_int_equal(preempt(w, 0, P1, 0, &d), 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(FFA_INTERRUPT_32, 0x80010000, 0));
	run(w, 0, P1, 0);
	relay(w, P1, 0, X(0x84000070, 0x80010001, 0, 4), HOST, 0,
	      X(0x84000070, 0x80010001, 0, 4));
	expect_invariants(w);
	world_free(w);
}

static void test_preempt_denied_while_booting(void **state)
{
	struct world *w = world_new();
	struct spm_decision d = boot(w);

	(void)state;
	expect(&d, SPM_SWITCH, P2, 0, X(0));
	expect_not_preempted(w, 0, P2, 0, DENIED_CODE);
	expect_vcpu(w, P2, 0, SPM_VCPU_RUNNING, SPM_RUN_BOOT, NOBODY, 0);
	finish_boot(w, msg_wait(w, P2, 0));
	expect_invariants(w);
	world_free(w);
}

/* Serving a partition: the host is not the one waiting. */
static void test_preempt_denied_serving_partition(void **state)
{
	struct world *w = *state;

	run(w, 0, P2, 0);
	relay(w, P2, 0, X(0x8400006F, 0x80028001, 0, 1), P1, 0,
	      X(0x8400006F, 0x80028001, 0, 1));
	expect_not_preempted(w, 0, P1, 0, DENIED_CODE);
	/* P2 is blocked on P1, not running. */
	expect_not_preempted(w, 0, P2, 0, DENIED_CODE);
	/* P1's answer goes to P2, which the host can then preempt. */
	relay(w, P1, 0, X(0x84000070, 0x80018002, 0, 2), P2, 0,
	      X(0x84000070, 0x80018002, 0, 2));
	expect_invariants(w);
}

static void test_preempt_denied_otherwise(void **state)
{
	struct world *w = *state;

	/* Waiting, the host itself, unknown endpoint or vCPU or CPU. */
	expect_not_preempted(w, 0, P1, 0, DENIED_CODE);
	expect_not_preempted(w, 0, HOST, 0, DENIED_CODE);
	expect_not_preempted(w, 0, 0x8009, 0, INVALID_CODE);
	expect_not_preempted(w, 0, P1, 1, INVALID_CODE);
	run(w, 0, P1, 0);
	expect_not_preempted(w, SPM_MAX_CPUS, P1, 0, INVALID_CODE);
	/* Preempted already: not running any more. */
	{
		struct spm_decision d;

		assert_int_equal(preempt(w, 0, P1, 0, &d), 0);
	}
	expect_not_preempted(w, 0, P1, 0, DENIED_CODE);
	expect_invariants(w);
}

/* An aborted partition is never preempted. */
static void test_preempt_denied_after_abort(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	run(w, 0, P1, 0);
	d = abort_ep(w, P1, 0);
	expect(&d, SPM_SWITCH, HOST, 0, X(0x84000060, 0, ABORTED));
	expect_not_preempted(w, 0, P1, 0, DENIED_CODE);
	expect_invariants(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOOTED_TEST(test_preempt_direct_request),
		BOOTED_TEST(test_preempt_run),
		cmocka_unit_test(test_preempt_v1_0_request),
		cmocka_unit_test(test_preempt_denied_while_booting),
		BOOTED_TEST(test_preempt_denied_serving_partition),
		BOOTED_TEST(test_preempt_denied_otherwise),
		BOOTED_TEST(test_preempt_denied_after_abort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
