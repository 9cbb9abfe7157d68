// SPDX-License-Identifier: BSD-3-Clause
/*
 * Direct messaging in the partition manager (ffa-abi.md 8.2, 8.4; bad
 * input 32): requests and responses in the 32-bit, 64-bit and REQ2 forms
 * with the exact registers delivered both ways, and every rejection with
 * its code and nothing changed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_msg_common.h"

static void test_req_32_and_resp(void **state)
{
	struct world *w = *state;

	/* Upper halves and x8..x17 of an SMC32 call mean nothing. */
	relay(w, HOST, 0,
	      X(0x8400006F, 0x00018001, 0, 0xdead000000000003ULL,
		0xffffffff, 5, 6, 0x100000007ULL),
	      P1, 0, X(0x8400006F, 0x00018001, 0, 3, 0xffffffff, 5, 6, 7));
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_BLOCKED, SPM_RUN_SELF, P1, 0);
	assert_false(vcpu_of(w, P1, 0)->req_64);
	relay(w, P1, 0,
	      X(0x84000070, 0x80010001, 0, 0x13, 0x14, 0x15, 0x16,
		0x17),
	      HOST, 0,
	      X(0x84000070, 0x80010001, 0, 0x13, 0x14, 0x15, 0x16, 0x17));
	expect_vcpu(w, P1, 0, SPM_VCPU_WAITING, SPM_RUN_DIRECT, HOST, 0);
	expect_vcpu(w, HOST, 0, SPM_VCPU_RUNNING, SPM_RUN_SELF, P1, 0);
}

static void test_req_64_keeps_64_bit_payload(void **state)
{
	struct world *w = *state;

	relay(w, HOST, 0,
	      X(0xC400006F, 0x00018001, 0, 0x1111111111111111ULL,
		0x2222222222222222ULL, 0x3333333333333333ULL,
		0x4444444444444444ULL, 0x5555555555555555ULL),
	      P1, 0,
	      X(0xC400006F, 0x00018001, 0, 0x1111111111111111ULL,
		0x2222222222222222ULL, 0x3333333333333333ULL,
		0x4444444444444444ULL, 0x5555555555555555ULL));
	assert_true(vcpu_of(w, P1, 0)->req_64);
	relay(w, P1, 0,
	      X(0xC4000070, 0x80010001, 0, 0xaaaaaaaabbbbbbbbULL, 0, 0, 0,
		0xccccccccddddddddULL),
	      HOST, 0,
	      X(0xC4000070, 0x80010001, 0, 0xaaaaaaaabbbbbbbbULL, 0, 0, 0,
		0xccccccccddddddddULL));
	assert_false(vcpu_of(w, P1, 0)->req_64);
}

static void test_req2_with_uuid(void **state)
{
	struct world *w = *state;

	relay(w, HOST, 0,
	      X(0xC400008D, 0x00018001, U1_X2, U1_X3, 4, 5, 6, 7, 8, 9,
		10, 11, 12, 13, 14, 15, 16, 0xffffffffffffffffULL),
	      P1, 0,
	      X(0xC400008D, 0x00018001, U1_X2, U1_X3, 4, 5, 6, 7, 8, 9,
		10, 11, 12, 13, 14, 15, 16, 0xffffffffffffffffULL));
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT2, HOST, 0);
	relay(w, P1, 0,
	      X(0xC400008E, 0x80010001, 0, 0, 0x44, [17] = 0x45),
	      HOST, 0, X(0xC400008E, 0x80010001, 0, 0, 0x44, [17] = 0x45));
	/* Nil UUID: the receiver's default service (0x8002 lists none). */
	relay(w, HOST, 0, X(0xC400008D, 0x00018002, 0, 0, 1),
	      P2, 0, X(0xC400008D, 0x00018002, 0, 0, 1));
}

/* UP receivers serve every caller vCPU; MP ones pair vCPUs by index. */
static void test_req_vcpu_selection(void **state)
{
	struct world *w = *state;

	relay(w, HOST, 3, X(0x8400006F, 0x00018001), P1, 0,
	      X(0x8400006F, 0x00018001));
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 3);
	relay(w, P1, 0, X(0x84000070, 0x80010001), HOST, 3,
	      X(0x84000070, 0x80010001));
	relay(w, HOST, 1, X(0x8400006F, 0x00018002), P2, 1,
	      X(0x8400006F, 0x00018002));
	expect_vcpu(w, P2, 1, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 1);
	/* 0x8002 has no vCPU 3 for host vCPU 3. */
	expect_rejected(w, HOST, 3, X(0x8400006F, 0x00018002), INVALID);
}

static void test_req_invalid(void **state)
{
	struct world *w = *state;

	/* Spoofed sender. */
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x80028001), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00008001), INVALID);
	/* Unknown receiver, receiver = sender. */
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00018009), INVALID);
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00010001), INVALID);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00010001), INVALID);
	/* Flags: framework messages are not supported, nor anything else. */
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00018001, 0x80000002),
			INVALID);
	expect_rejected(w, HOST, 0, X(0xC400006F, 0x00018001, 1), INVALID);
	/* x8..x17 from a v1.2 caller. */
	expect_rejected(w, HOST, 0, X(0x8400006F, 0x00018001, [8] = 1),
			INVALID);
	expect_rejected(w, HOST, 0, X(0xC400006F, 0x00018001, [17] = 1),
			INVALID);
	/* A UUID the receiver does not offer (U1 with one byte changed). */
	expect_rejected(w, HOST, 0,
			X(0xC400008D, 0x00018001, U1_X2, U1_X3 ^ 1), INVALID);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018002, U1_X2, U1_X3),
			INVALID);
}

static void test_req_denied_and_aborted(void **state)
{
	struct world *w = *state;
	struct spm_decision d;

	/* 0x8003 may receive requests but not send them. */
	d = call(w, HOST, 0, X(0x8400006D, 0x80030000));
	expect(&d, SPM_SWITCH, P3, 0, X(0x8400006D, 0x80030000));
	expect_rejected(w, P3, 0, X(0x8400006F, 0x80038001), DENIED);
	msg_wait(w, P3, 0);
	/* ... and takes no REQ2. */
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018003), DENIED);
	/* A waiting partition is not running: it cannot send. */
	expect_rejected(w, P1, 0, X(0x8400006F, 0x80018002), DENIED);
	d = abort_ep(w, P3, 0);
	assert_int_equal(d.next, SPM_IDLE);
	expect_rejected(w, HOST, 1, X(0x8400006F, 0x00018003), ABORTED);
}

static void test_req_to_host_denied(void **state)
{
	struct world *w = *state;

	call(w, HOST, 0, X(0x8400006D, 0x80010000));
	expect_rejected(w, P1, 0, X(0x8400006F, 0x80010001), DENIED);
}

static void test_req_busy_receiver(void **state)
{
	struct world *w = *state;

	relay(w, HOST, 0, X(0x8400006F, 0x00018001), P1, 0,
	      X(0x8400006F, 0x00018001));
	expect_rejected(w, HOST, 1, X(0x8400006F, 0x00018001), BUSY);
	expect_rejected(w, HOST, 1, X(0xC400008D, 0x00018001), BUSY);
}

/* host -> P1 -> P2 -> P1 is a cycle: P1 is blocked, so BUSY. */
static void test_req_cycle_busy(void **state)
{
	struct world *w = *state;

	relay(w, HOST, 0, X(0x8400006F, 0x00018001), P1, 0,
	      X(0x8400006F, 0x00018001));
	relay(w, P1, 0, X(0x8400006F, 0x80018002, 0, 0x42), P2, 0,
	      X(0x8400006F, 0x80018002, 0, 0x42));
	expect_vcpu(w, P1, 0, SPM_VCPU_BLOCKED, SPM_RUN_DIRECT, P2, 0);
	expect_vcpu(w, P2, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, P1, 0);
	expect_rejected(w, P2, 0, X(0x8400006F, 0x80028001), BUSY);
	/* The chain unwinds: P2 answers P1, P1 answers the host. */
	relay(w, P2, 0, X(0x84000070, 0x80028001, 0, 0x43), P1, 0,
	      X(0x84000070, 0x80028001, 0, 0x43));
	expect_vcpu(w, P1, 0, SPM_VCPU_RUNNING, SPM_RUN_DIRECT, HOST, 0);
	relay(w, P1, 0, X(0x84000070, 0x80010001, 0, 0x44), HOST, 0,
	      X(0x84000070, 0x80010001, 0, 0x44));
}

static void test_resp_without_request(void **state)
{
	struct world *w = *state;

	expect_rejected(w, HOST, 0, X(0x84000070, 0x00018001), DENIED);
	expect_rejected(w, P1, 0, X(0x84000070, 0x80010001), DENIED);
	call(w, HOST, 0, X(0x8400006D, 0x80010000));
	/* Given cycles, not a request: nothing to answer. */
	expect_rejected(w, P1, 0, X(0x84000070, 0x80010001), DENIED);
	expect_rejected(w, P1, 0, X(0xC400008E, 0x80010001), DENIED);
}

static void test_resp_invalid(void **state)
{
	struct world *w = *state;

	call(w, HOST, 0, X(0x8400006F, 0x00018001));
	/* Responder not the caller; requester not the one waiting. */
	expect_rejected(w, P1, 0, X(0x84000070, 0x80020001), INVALID);
	expect_rejected(w, P1, 0, X(0x84000070, 0x80018002), INVALID);
	/* RESP2 to a REQ_32. */
	expect_rejected(w, P1, 0, X(0xC400008E, 0x80010001), INVALID);
	expect_rejected(w, P1, 0, X(0x84000070, 0x80010001, 0x80000002),
			INVALID);
	expect_rejected(w, P1, 0, X(0x84000070, 0x80010001, [9] = 1),
			INVALID);
	/* RESP_64 answers a REQ_32 (same family). */
	relay(w, P1, 0, X(0xC4000070, 0x80010001, 0, 0x100000001ULL),
	      HOST, 0, X(0xC4000070, 0x80010001, 0, 0x100000001ULL));
	call(w, HOST, 0, X(0xC400008D, 0x00018001));
	expect_rejected(w, P1, 0, X(0x84000070, 0x80010001), INVALID);
	expect_rejected(w, P1, 0, X(0xC4000070, 0x80010001), INVALID);
	expect_rejected(w, P1, 0, X(0xC400008E, 0x80010001, 1), INVALID);
	expect_rejected(w, P1, 0, X(0xC400008E, 0x80010001, 0, 1), INVALID);
	expect_rejected(w, P1, 0, X(0xC400008E, 0x80028001), INVALID);
}

/* A v1.1 requester's x8..x17 are not checked and not passed on. */
static void test_v1_1_high_registers_ignored(void **state)
{
	struct world *w = world_new();

	(void)state;
	speak(w, HOST, 0x00010001);
	world_boot(w);
	relay(w, HOST, 0, X(0xC400006F, 0x00018001, 0, 3, [8] = 8, [17] = 9),
	      P1, 0, X(0xC400006F, 0x00018001, 0, 3));
	relay(w, P1, 0, X(0x84000070, 0x80010001), HOST, 0,
	      X(0x84000070, 0x80010001));
	world_free(w);
}

static void test_req_before_boot_denied(void **state)
{
	struct world *w = world_new();

	(void)state;
	expect_rejected(w, P1, 0, X(0x8400006F, 0x80018002), DENIED);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		BOOTED_TEST(test_req_32_and_resp),
		BOOTED_TEST(test_req_64_keeps_64_bit_payload),
		BOOTED_TEST(test_req2_with_uuid),
		BOOTED_TEST(test_req_vcpu_selection),
		BOOTED_TEST(test_req_invalid),
		BOOTED_TEST(test_req_denied_and_aborted),
		BOOTED_TEST(test_req_to_host_denied),
		BOOTED_TEST(test_req_busy_receiver),
		BOOTED_TEST(test_req_cycle_busy),
		BOOTED_TEST(test_resp_without_request),
		BOOTED_TEST(test_resp_invalid),
		cmocka_unit_test(test_v1_1_high_registers_ignored),
		cmocka_unit_test(test_req_before_boot_denied),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
