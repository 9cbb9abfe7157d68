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

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

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
	expect_rejected(w, HOST, 0,
			X(0xC400008D, 0x00018001, U1_X2 ^ 1ULL << 63, U1_X3),
			INVALID);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018001, 0, U1_X3),
			INVALID);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018001, U1_X2, 0),
			INVALID);
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

/* A partition never sends the normal world a request (ffa-abi.md 8.2). */
static void test_req_to_host_invalid(void **state)
{
	struct world *w = *state;

	call(w, HOST, 0, X(0x8400006D, 0x80010000));
	expect_rejected(w, P1, 0, X(0x8400006F, 0x80010001), INVALID);
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

/* ---- answers fixed by the spec, in every state (ffa-abi.md 8.2) ---- */

typedef struct world *(*state_fn)(uint32_t host_props);

/* P2's vCPU 0 runs for the host's vCPU 0 (FFA_RUN), which waits. */
static struct world *nw_host_blocked(uint32_t host_props)
{
	struct world *w = world_boot(world_new_host(host_props));

	run(w, 0, P2, 0);
	return w;
}

/* ... for the host's vCPU 1: the host's vCPU 0 runs. */
static struct world *nw_host_running(uint32_t host_props)
{
	struct world *w = world_boot(world_new_host(host_props));

	run(w, 1, P2, 0);
	return w;
}

/* P2 serves the host's direct request. */
static struct world *nw_host_requesting(uint32_t host_props)
{
	struct world *w = world_boot(world_new_host(host_props));

	relay(w, HOST, 0, X(0x8400006F, 0x00018002), P2, 0,
	      X(0x8400006F, 0x00018002));
	return w;
}

/* P2 boots first: the host's vCPUs are still OFF. */
static struct world *nw_host_off(uint32_t host_props)
{
	struct world *w = world_new_host(host_props);
	struct spm_decision d = boot(w);

	expect(&d, SPM_SWITCH, P2, 0, X(0));
	return w;
}

/* P2 runs for the host's vCPU 1, and the host aborted. */
static struct world *nw_host_aborted(uint32_t host_props)
{
	struct world *w = nw_host_running(host_props);

	abort_ep(w, HOST, 0);
	return w;
}

/*
 * A partition never sends a normal-world endpoint a direct request: the
 * host (whether it takes direct requests or not), or any ID with bit 15
 * clear, known or not. INVALID_PARAMETERS whatever the host is doing,
 * where the receiver's state used to decide (BUSY, DENIED, ABORTED).
 */
static void test_req_to_normal_world_every_state(void **state)
{
	static const state_fn states[] = {
		nw_host_blocked, nw_host_running, nw_host_requesting,
		nw_host_off, nw_host_aborted,
	};
	static const uint32_t host_props[] = { PROPS_HOST, PROPS_FULL };
	static const uint32_t fids[] = {
		0x8400006F, 0xC400006F, 0xC400008D,
	};
	static const uint16_t nw_ids[] = { HOST, 0x0000, 0x0005, 0x7ffe };
	uint32_t i, j, k, n;
	struct world *w;

	(void)state;
	for (i = 0; i < 5; i++) {
		for (j = 0; j < 2; j++) {
			w = states[i](host_props[j]);
			for (k = 0; k < 3; k++)
				for (n = 0; n < 4; n++)
					expect_rejected(w, P2, 0,
							X(fids[k],
							  (P2 << 16) |
							  nw_ids[n]),
							INVALID);
			/* A partition may still answer the host. */
			if (states[i] == nw_host_requesting)
				relay(w, P2, 0, X(0x84000070, 0x80020001),
				      HOST, 0, X(0x84000070, 0x80020001));
			world_free(w);
		}
	}
}

/* The states of the receiver P2's vCPU 0 (state_fn's argument unused). */
static struct world *p2_waiting(uint32_t unused)
{
	(void)unused;
	return world_booted();
}

static struct world *p2_off(uint32_t unused)
{
	(void)unused;
	return world_new();
}

/* Serving P1 (whom the host's vCPU 2 gave cycles). */
static struct world *p2_running(uint32_t unused)
{
	struct world *w = world_booted();

	(void)unused;
	run(w, 2, P1, 0);
	relay(w, P1, 0, X(0x8400006F, 0x80018002), P2, 0,
	      X(0x8400006F, 0x80018002));
	return w;
}

/* ... and waiting for P3's answer. */
static struct world *p2_blocked(uint32_t unused)
{
	struct world *w = p2_running(unused);

	relay(w, P2, 0, X(0x8400006F, 0x80028003), P3, 0,
	      X(0x8400006F, 0x80028003));
	return w;
}

/* Yielded while the host's vCPU 2 gave it cycles. */
static struct world *p2_preempted(uint32_t unused)
{
	struct world *w = world_booted();
	struct spm_decision d;

	(void)unused;
	run(w, 2, P2, 0);
	d = call(w, P2, 0, X(0x8400006C));
	assert_int_equal(d.next, SPM_SWITCH);
	expect_vcpu(w, P2, 0, SPM_VCPU_PREEMPTED, SPM_RUN_SCHED, HOST, 2);
	return w;
}

static struct world *p2_aborted(uint32_t unused)
{
	struct world *w = world_booted();

	(void)unused;
	abort_ep(w, P2, 0);
	return w;
}

struct fixed_rule {
	uint16_t caller;
	uint16_t vcpu;
	uint64_t x[FFA_NREGS];
	uint32_t code;
};

/* Every rule, each in a fresh world of every state: its fixed answer. */
static void expect_fixed_answers(const state_fn *states, size_t nr_states,
				 const struct fixed_rule *rules,
				 size_t nr_rules)
{
	struct world *w;
	size_t i, j;

	for (i = 0; i < nr_states; i++) {
		for (j = 0; j < nr_rules; j++) {
			w = states[i](0);
			expect_rejected(w, rules[j].caller, rules[j].vcpu,
					rules[j].x, rules[j].code);
			world_free(w);
		}
	}
}

/*
 * Every request rule whose answer the spec fixes, against every state
 * of the receiver P2 (and of P3): the argument and configuration checks
 * come before the state checks.
 */
static void test_req_fixed_answers_every_state(void **state)
{
	static const state_fn states[] = {
		p2_waiting, p2_off, p2_running, p2_blocked, p2_preempted,
		p2_aborted,
	};
	static const struct fixed_rule rules[] = {
		/* spoofed sender */
		{ HOST, 0, { 0x8400006F, 0x80018002 }, INVALID },
		/* a UUID P2 does not offer */
		{ HOST, 0, { 0xC400008D, 0x00018002, U1_X2, U1_X3 }, INVALID },
		/* flags, and x8 from a v1.2 caller */
		{ HOST, 0, { 0x8400006F, 0x00018002, 1 }, INVALID },
		{ HOST, 0, { 0xC400006F, 0x00018002, [8] = 1 }, INVALID },
		/* host vCPU 3 has no partner among P2's two */
		{ HOST, 3, { 0x8400006F, 0x00018002 }, INVALID },
		{ HOST, 3, { 0xC400008D, 0x00018002 }, INVALID },
		/* P3 may not send; P3 takes no REQ2 */
		{ P3, 0, { 0x8400006F, 0x80038002 }, DENIED },
		{ HOST, 0, { 0xC400008D, 0x00018003 }, DENIED },
	};

	(void)state;
	expect_fixed_answers(states, ARRAY_SIZE(states), rules,
			     ARRAY_SIZE(rules));
}

/*
 * REQ2 needs a receiver that speaks v1.2: one that negotiated v1.1 does
 * not know the ABI (ffa-abi.md 8.4: DENIED without properties bit 9,
 * which 7.2 gives v1.1 endpoints no room for). REQ still reaches it.
 */
static void test_req2_to_v1_1_receiver_denied(void **state)
{
	struct world *w = world_new();

	(void)state;
	speak(w, P1, 0x00010001);
	world_boot(w);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018001), DENIED);
	expect_rejected(w, HOST, 0, X(0xC400008D, 0x00018001, U1_X2, U1_X3),
			DENIED);
	relay(w, HOST, 0, X(0xC400006F, 0x00018001, 0, 5), P1, 0,
	      X(0xC400006F, 0x00018001, 0, 5));
	world_free(w);
}

/* The states of the responder P2's vCPU 0. */
static struct world *r_sched(uint32_t unused)
{
	struct world *w = world_booted();

	(void)unused;
	run(w, 0, P2, 0);
	return w;
}

static struct world *r_serving(uint32_t unused)
{
	(void)unused;
	return nw_host_requesting(PROPS_HOST);
}

static struct world *r_serving2(uint32_t unused)
{
	struct world *w = world_booted();

	(void)unused;
	relay(w, HOST, 0, X(0xC400008D, 0x00018002), P2, 0,
	      X(0xC400008D, 0x00018002));
	return w;
}

static struct world *r_booting(uint32_t unused)
{
	(void)unused;
	return nw_host_off(PROPS_HOST);
}

/*
 * A response whose responder is not the caller, or with a reserved
 * register set, is INVALID_PARAMETERS whether or not the caller has a
 * request to answer (it used to be DENIED when it had none).
 */
static void test_resp_fixed_answers_every_state(void **state)
{
	static const state_fn states[] = {
		p2_waiting, r_sched, r_serving, r_serving2, r_booting,
	};
	static const struct fixed_rule rules[] = {
		{ P2, 0, { 0x84000070, 0x80010001 }, INVALID },
		{ P2, 0, { 0xC400008E, 0x80010001 }, INVALID },
		{ P2, 0, { 0x84000070, 0x80020001, 1 }, INVALID },
		{ P2, 0, { 0xC4000070, 0x80020001, [8] = 1 }, INVALID },
		{ P2, 0, { 0xC400008E, 0x80020001, 0, 1 }, INVALID },
		{ HOST, 1, { 0x84000070, 0x80020001 }, INVALID },
	};

	(void)state;
	expect_fixed_answers(states, ARRAY_SIZE(states), rules,
			     ARRAY_SIZE(rules));
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
		BOOTED_TEST(test_req_to_host_invalid),
		BOOTED_TEST(test_req_busy_receiver),
		BOOTED_TEST(test_req_cycle_busy),
		BOOTED_TEST(test_resp_without_request),
		BOOTED_TEST(test_resp_invalid),
		cmocka_unit_test(test_v1_1_high_registers_ignored),
		cmocka_unit_test(test_req_before_boot_denied),
		cmocka_unit_test(test_req_to_normal_world_every_state),
		cmocka_unit_test(test_req_fixed_answers_every_state),
		cmocka_unit_test(test_req2_to_v1_1_receiver_denied),
		cmocka_unit_test(test_resp_fixed_answers_every_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
