// SPDX-License-Identifier: BSD-3-Clause
/*
 * CPU-cycle and messaging calls of the client API against a scripted
 * callee (ffa-abi.md 2.3, 8.2, 8.4, 12): exact registers out, the event
 * that ends each call, and the partition message header byte by byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/client.h>

#include "script_conduit.h"

static const struct ffa_direct_msg req_32 = {
	.sender = 0x0001, .receiver = 0x8001, .flags = 0,
	.args = { 1, 2, 3, 4, 0xffffffff },
};

static const struct ffa_direct_msg req_64 = {
	.sender = 0x0001, .receiver = 0x8001, .flags = 0,
	.args = { 0x1111111111111111, 0x2222222222222222, 0x3333333333333333,
		  0x4444444444444444, 0x5555555555555555 },
};

/* A PSCI power-management framework response (ffa-abi.md 8.3). */
static const struct ffa_direct_msg pm_resp = {
	.sender = 0x8001, .receiver = 0x8000, .flags = 0x80000002,
	.args = { 0 },
};

static const struct ffa_direct_msg2 req2 = {
	.sender = 0x0001, .receiver = 0x8002, .uuid = { {
		0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
		0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
	} },
	.args = { 0x40, [13] = 0x17 },
};

/* RESP2 with a UUID set by mistake: x2/x3 must still go out as 0. */
static const struct ffa_direct_msg2 resp2 = {
	.sender = 0x8002, .receiver = 0x0001, .uuid = { { 0xff, 0xff } },
	.args = { 0x44, [1] = 0x45 },
};

/* ---- thunks for the plain-answer table ---- */

static int msg_wait_plain(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_msg_wait(c, 0, &ev);
}

static int msg_wait_retain(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_msg_wait(c, 1, &ev);
}

static int run_8001_2(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_run(c, 0x8001, 2, &ev);
}

static int yield_timeout(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_yield(c, 0x0123456789abcdef, &ev);
}

static int direct_req_32(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_req(c, &req_32, false, &ev);
}

static int direct_req_64(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_req(c, &req_64, true, &ev);
}

static int direct_resp_32(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_resp(c, &pm_resp, false, &ev);
}

static int direct_resp_64(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_resp(c, &req_64, true, &ev);
}

static int direct_req2(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_req2(c, &req2, &ev);
}

static int direct_resp2(const struct ffa_conduit *c)
{
	struct ffa_event ev;

	return ffa_direct_resp2(c, &resp2, &ev);
}

static int msg_send2(const struct ffa_conduit *c)
{
	return ffa_msg_send2(c, 0, 0);
}

static int msg_send2_forwarded(const struct ffa_conduit *c)
{
	return ffa_msg_send2(c, 0x0005, 0x2);
}

static void test_plain_calls(void **state)
{
	static const struct script_plain_case cases[] = {
		{ "MSG_WAIT", REGS(0x8400006B), msg_wait_plain },
		{ "MSG_WAIT(retain RX)", REGS(0x8400006B, 0, 1),
		  msg_wait_retain },
		{ "RUN(0x8001, 2)", REGS(0x8400006D, 0x80010002), run_8001_2 },
		{ "YIELD", REGS(0x8400006C, 0, 0x89abcdef, 0x01234567),
		  yield_timeout },
		{ "DIRECT_REQ_32", REGS(0x8400006F, 0x00018001, 0, 1, 2, 3, 4,
					0xffffffff), direct_req_32 },
		{ "DIRECT_REQ_64",
		  REGS(0xC400006F, 0x00018001, 0, 0x1111111111111111,
		       0x2222222222222222, 0x3333333333333333,
		       0x4444444444444444, 0x5555555555555555),
		  direct_req_64 },
		{ "DIRECT_RESP_32(framework)",
		  REGS(0x84000070, 0x80018000, 0x80000002), direct_resp_32 },
		{ "DIRECT_RESP_64",
		  REGS(0xC4000070, 0x00018001, 0, 0x1111111111111111,
		       0x2222222222222222, 0x3333333333333333,
		       0x4444444444444444, 0x5555555555555555),
		  direct_resp_64 },
		{ "DIRECT_REQ2",
		  REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17), direct_req2 },
		{ "DIRECT_RESP2", REGS(0xC400008E, 0x80020001, 0, 0, 0x44,
				       0x45), direct_resp2 },
		{ "MSG_SEND2", REGS(0x84000086), msg_send2 },
		{ "MSG_SEND2(forwarded, delay SRI)",
		  REGS(0x84000086, 0x00050000, 0x2), msg_send2_forwarded },
	};

	script_check_plain(state, cases, SCRIPT_LEN(cases));
}

/* ---- the event that ends each call ---- */

static void test_direct_req_32_answered(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 0xffffffff),
		  REGS(0x84000070, 0x80010001, 0, 0xa, 0xb, 0xc, 0xd, 0xe) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_direct_req(c, &req_32, false, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_RESP);
	assert_false(ev.is_64);
	assert_int_equal(ev.direct.sender, 0x8001);
	assert_int_equal(ev.direct.receiver, 0x0001);
	assert_int_equal(ev.direct.args[0], 0xa);
	assert_int_equal(ev.direct.args[4], 0xe);
}

/* Preempted: FFA_INTERRUPT, to be resumed with FFA_RUN(w1). */
static void test_direct_req_64_interrupted(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400006F, 0x00018001, 0, 0x1111111111111111,
		       0x2222222222222222, 0x3333333333333333,
		       0x4444444444444444, 0x5555555555555555),
		  REGS(0x84000062, 0x80010000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_direct_req(c, &req_64, true, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_INTERRUPT);
	assert_int_equal(ev.target, 0x80010000);
}

/* The SMC32 form cannot carry these values: refused, not truncated. */
static void test_direct_32_wide_payload_refused(void **state)
{
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	struct ffa_direct_msg m = req_32;
	struct ffa_event ev;

	m.args[4] = 0x100000000;
	assert_int_equal(ffa_direct_req(c, &m, false, &ev),
			 FFA_RET_INVALID_PARAMETERS);
	m.args[4] = 0;
	m.args[0] = 0x8000000000000000;
	assert_int_equal(ffa_direct_resp(c, &m, false, &ev),
			 FFA_RET_INVALID_PARAMETERS);
}

/* A response gives the CPU away: the next request is its completion. */
static void test_direct_resp_returns_next_request(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000070, 0x80018000, 0x80000002),
		  REGS(0xC400006F, 0x00028001, 0, 0x7777777777777777, 0, 0, 0,
		       0x9999999999999999, 0x8888888888888888) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_direct_resp(c, &pm_resp, false, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_true(ev.is_64);
	assert_int_equal(ev.direct.sender, 0x0002);
	assert_int_equal(ev.direct.receiver, 0x8001);
	assert_int_equal(ev.direct.args[0], 0x7777777777777777);
	assert_int_equal(ev.direct.args[4], 0x9999999999999999);
	/* x8 is no payload in v1.2, but the raw registers keep it. */
	assert_int_equal(ev.regs.x[8], 0x8888888888888888);
}

/* FFA_MSG_WAIT_32 woken by FFA_MSG_SEND_DIRECT_REQ_64. */
static void test_msg_wait_woken_by_64bit_request(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006B),
		  REGS(0xC400006F, 0x00018001, 0, 0xaaaaaaaabbbbbbbb, 0, 0, 0,
		       0xccccccccdddddddd) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_msg_wait(c, 0, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_int_equal(ev.direct.args[0], 0xaaaaaaaabbbbbbbb);
	assert_int_equal(ev.direct.args[4], 0xccccccccdddddddd);
}

static void test_run_ends_in_wait_or_yield(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006D, 0x80010002), REGS(0x8400006B, 0x80010002) },
		{ REGS(0x8400006D, 0x80010002),
		  REGS(0x8400006C, 0x80010002, 0x1000, 0x2) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_run(c, 0x8001, 2, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_MSG_WAIT);
	assert_int_equal(ev.target, 0x80010002);
	assert_int_equal(ffa_run(c, 0x8001, 2, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_YIELD);
	assert_int_equal(ev.timeout, 0x0000000200001000);
}

static void test_direct_req2_answered(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17),
		  REGS(0xC400008E, 0x80020001, 0, 0, 0x400, [17] = 0x1700) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_direct_req2(c, &req2, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_RESP2);
	assert_int_equal(ev.direct2.sender, 0x8002);
	assert_int_equal(ev.direct2.receiver, 0x0001);
	assert_int_equal(ev.direct2.args[0], 0x400);
	assert_int_equal(ev.direct2.args[13], 0x1700);
}

/* The answer decides: a RESP2 with x2 set, a bare FFA_VERSION reply. */
static void test_cycle_calls_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17),
		  REGS(0xC400008E, 0x80020001, 0xc2c1b2b1a4a3a2a1) },
		{ REGS(0x8400006B), REGS(0x00010002) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;

	assert_int_equal(ffa_direct_req2(c, &req2, &ev), FFA_EPROTO);
	assert_int_equal(ffa_msg_wait(c, 0, &ev), FFA_EPROTO);
	assert_int_equal(ffa_event_status(&ev), FFA_EPROTO);
}

/* ---- ffa_direct_answer: the response built from the request ---- */

/*
 * REQ_64 with x8 set, answered in place: RESP_64, sender and receiver
 * swapped, w2 zero, the payload as it was, x8-x17 zero. The next event
 * (a REQ2) is decoded into ev with nothing of the REQ left over.
 */
static void test_direct_answer_64(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006B),
		  REGS(0xC400006F, 0x00028001, 0, 0x7777777777777777, 0, 0, 0,
		       0x9999999999999999, 0x8888888888888888, [17] = 1) },
		{ REGS(0xC4000070, 0x80010002, 0, 0x7777777777777777, 0, 0,
		       0, 0x9999999999999999),
		  REGS(0xC400008D, 0x00018001, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;
	unsigned int i;

	assert_int_equal(ffa_msg_wait(c, 0, &ev), 0);
	assert_int_equal(ffa_direct_answer(c, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ2);
	assert_int_equal(ev.direct2.sender, 0x0001);
	assert_int_equal(ev.direct2.receiver, 0x8001);
	assert_int_equal(ev.direct2.args[0], 0x40);
	assert_int_equal(ev.direct2.args[13], 0x17);
	assert_int_equal(ev.direct.sender, 0);
	assert_int_equal(ev.direct.receiver, 0);
	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		assert_int_equal(ev.direct.args[i], 0);
}

/*
 * REQ2 answered with a payload word changed in place: RESP2, x2/x3
 * zero, x4-x17 as they stand; the next event is a REQ_32.
 */
static void test_direct_answer_req2(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006B),
		  REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17) },
		{ REGS(0xC400008E, 0x80020001, 0, 0, 0x40, [16] = 0x99,
		       [17] = 0x17),
		  REGS(0x8400006F, 0x00038002, 0, 1, 2, 3, 4, 0xffffffff) },
		{ REGS(0x84000070, 0x80020003, 0, 1, 2, 3, 4, 0xffffffff),
		  REGS(0x84000062, 0x80020000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_event ev;
	unsigned int i;

	assert_int_equal(ffa_msg_wait(c, 0, &ev), 0);
	ev.regs.x[16] = 0x99;
	assert_int_equal(ffa_direct_answer(c, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_false(ev.is_64);
	assert_int_equal(ev.direct.sender, 0x0003);
	assert_int_equal(ev.direct.args[4], 0xffffffff);
	assert_int_equal(ev.direct2.sender, 0);
	for (i = 0; i < 16; i++)
		assert_int_equal(ev.direct2.uuid.b[i], 0);
	for (i = 0; i < FFA_DIRECT2_ARGS; i++)
		assert_int_equal(ev.direct2.args[i], 0);
	/* The REQ_32 answered as RESP_32; then preempted. */
	assert_int_equal(ffa_direct_answer(c, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_INTERRUPT);
	assert_int_equal(ev.direct.sender, 0);
}

/*
 * Refused without a call, ev unchanged: an event that is no request
 * (a response, SUCCESS, an interrupt), and a _32 payload word changed
 * to one with upper bits set (truncating would change the message).
 */
static void test_direct_answer_refused(void **state)
{
	static const struct ffa_regs not_req[] = {
		REGS(0x84000070, 0x80010002, 0, 1),
		REGS(0xC400008E, 0x80020001, 0, 0, 0x44),
		REGS(0x84000061, 0, 7),
		REGS(0x84000062, 0x80010000),
	};
	static const struct ffa_regs req_32_regs =
		REGS(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5);
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	struct ffa_event ev, before;
	unsigned int i;

	for (i = 0; i < sizeof(not_req) / sizeof(not_req[0]); i++) {
		assert_int_equal(ffa_event_decode(&not_req[i], &ev), 0);
		before = ev;
		assert_int_equal(ffa_direct_answer(c, &ev),
				 FFA_RET_INVALID_PARAMETERS);
		assert_memory_equal(&ev, &before, sizeof(ev));
	}
	for (i = 3; i < 8; i++) {
		assert_int_equal(ffa_event_decode(&req_32_regs, &ev), 0);
		ev.regs.x[i] |= 0x100000000;
		before = ev;
		assert_int_equal(ffa_direct_answer(c, &ev),
				 FFA_RET_INVALID_PARAMETERS);
		assert_memory_equal(&ev, &before, sizeof(ev));
	}
}

/* ---- ffa_direct_answer_regs: the same on raw registers ---- */

/*
 * A REQ_64 answered in place; the next request arrives in the same
 * registers, exactly as the conduit gave them, and is answered again:
 * a REQ_32 whose result came back with garbage in the upper halves and
 * x8-x17 (a 32-bit result is w0-w7, x8-x17 zero), then RESP_32.
 */
static void test_direct_answer_regs_chain(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000070, 0x80010002, 0, 1, 2, 3, 4, 5),
		  REGS(0xFFFFFFFF8400006F, 0xAAAAAAAA00038001, 0, 0x11,
		       0x22, 0x33, 0x44, 0x55, 0x66, [17] = 0x77) },
		{ REGS(0x84000070, 0x80010003, 0, 0x11, 0x22, 0x33, 0x44,
		       0x55),
		  REGS(0x84000062, 0x80010000) },
	};
	static const struct ffa_regs next =
		REGS(0x8400006F, 0x00038001, 0, 0x11, 0x22, 0x33, 0x44, 0x55);
	static const struct ffa_regs last = REGS(0x84000062, 0x80010000);
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0xC400006F, 0x00028001, 0, 1, 2, 3, 4, 5,
				 0x99, [17] = 0x98);

	assert_true(ffa_regs_is_direct_req(&r));
	assert_int_equal(ffa_direct_answer_regs(c, &r), 0);
	assert_memory_equal(&r, &next, sizeof(r));
	assert_true(ffa_regs_is_direct_req(&r));
	assert_int_equal(ffa_direct_answer_regs(c, &r), 0);
	assert_memory_equal(&r, &last, sizeof(r));
	assert_false(ffa_regs_is_direct_req(&r));
}

/* REQ2: RESP2 with x2/x3 zero and x4-x17 as they stand. */
static void test_direct_answer_regs_req2(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008E, 0x80020001, 0, 0, 0x40, [16] = 0x99,
		       [17] = 0x17),
		  REGS(0x84000062, 0x80020000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
				 0xd8d7d6d5d4d3d2d1, 0x40, [16] = 0x99,
				 [17] = 0x17);

	assert_true(ffa_regs_is_direct_req(&r));
	assert_int_equal(ffa_direct_answer_regs(c, &r), 0);
	assert_int_equal(r.x[0], 0x84000062);
}

/*
 * Refused without a call, r unchanged: responses, SUCCESS, an
 * interrupt, a REQ with the SVE hint or in the wrong convention, and a
 * REQ_32 payload word with upper bits set.
 */
static void test_direct_answer_regs_refused(void **state)
{
	static const struct ffa_regs not_req[] = {
		REGS(0x84000070, 0x80010002, 0, 1),
		REGS(0xC4000070, 0x80010002, 0, 1),
		REGS(0xC400008E, 0x80020001, 0, 0, 0x44),
		REGS(0x84000061, 0, 7),
		REGS(0x84000062, 0x80010000),
		REGS(0xC401006F, 0x00018001, 0, 1),
		REGS(0x8400008D, 0x00018001, 0, 1),
	};
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	struct ffa_regs r, before;
	unsigned int i;

	for (i = 0; i < sizeof(not_req) / sizeof(not_req[0]); i++) {
		r = not_req[i];
		assert_false(ffa_regs_is_direct_req(&r));
		assert_int_equal(ffa_direct_answer_regs(c, &r),
				 FFA_RET_INVALID_PARAMETERS);
		assert_memory_equal(&r, &not_req[i], sizeof(r));
	}
	for (i = 3; i < 8; i++) {
		r = (struct ffa_regs)REGS(0x8400006F, 0x00018001, 0, 1, 2,
					  3, 4, 5);
		r.x[i] |= 0x100000000;
		before = r;
		assert_int_equal(ffa_direct_answer_regs(c, &r),
				 FFA_RET_INVALID_PARAMETERS);
		assert_memory_equal(&r, &before, sizeof(r));
	}
}

/* ---- FFA_MSG_SEND2 header ---- */

static const struct ffa_send2 hello = {
	.sender = 0x8001, .receiver = 0x0002,
	.uuid = { {
		0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
		0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
	} },
	.payload = "hello", .size = 5,
};

static void test_send2_compose_v1_1(void **state)
{
	static const uint8_t want[] = {
		0, 0, 0, 0,		/* flags */
		0, 0, 0, 0,		/* reserved */
		0x14, 0, 0, 0,		/* payload offset 20 */
		0x02, 0x00, 0x01, 0x80,	/* receiver 2, sender 0x8001 */
		0x05, 0, 0, 0,		/* size */
		'h', 'e', 'l', 'l', 'o',
		0xee,			/* untouched */
	};
	uint8_t tx[64];

	(void)state;
	memset(tx, 0xee, sizeof(tx));
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10001,
					       &hello), 0);
	assert_memory_equal(tx, want, sizeof(want));
}

static void test_send2_compose_v1_2(void **state)
{
	static const uint8_t want[] = {
		0, 0, 0, 0,		/* flags */
		0, 0, 0, 0,		/* reserved */
		0x28, 0, 0, 0,		/* payload offset 40 */
		0x02, 0x00, 0x01, 0x80,	/* receiver 2, sender 0x8001 */
		0x05, 0, 0, 0,		/* size */
		0, 0, 0, 0,		/* reserved (v1.2) */
		0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
		0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
		'h', 'e', 'l', 'l', 'o',
		0xee,
	};
	uint8_t tx[64];

	(void)state;
	memset(tx, 0xee, sizeof(tx));
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10002,
					       &hello), 0);
	assert_memory_equal(tx, want, sizeof(want));
}

static void test_send2_compose_v1_0_not_supported(void **state)
{
	uint8_t tx[64], untouched[64];

	(void)state;
	memset(tx, 0xee, sizeof(tx));
	memset(untouched, 0xee, sizeof(untouched));
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10000,
					       &hello), FFA_RET_NOT_SUPPORTED);
	assert_memory_equal(tx, untouched, sizeof(tx));
}

/* 20 + 5 = 25 bytes: fits in 25, not in 24. */
static void test_send2_compose_tx_size(void **state)
{
	uint8_t tx[25];

	(void)state;
	assert_int_equal(ffa_msg_send2_compose(tx, 24, 0x10001, &hello),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_msg_send2_compose(tx, 25, 0x10001, &hello), 0);
}

/* offset + size must fit one 4 KiB page, whatever the TX size. */
static void test_send2_compose_page_limit(void **state)
{
	static uint8_t tx[8192], payload[4096];
	struct ffa_send2 m = hello;

	(void)state;
	m.payload = payload;
	m.size = 4057;
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10002, &m),
			 FFA_RET_INVALID_PARAMETERS);
	m.size = 4056;
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10002, &m),
			 0);
}

/*
 * The largest payload is exactly the one compose takes: it fits, one
 * byte more does not, for each version and for TX smaller and larger
 * than FF-A's 4 KiB message (20- and 40-byte headers).
 */
static void test_send2_max_payload(void **state)
{
	static const struct {
		size_t tx_size;
		uint32_t version, max;
	} cases[] = {
		{ 4096, 0x10002, 4056 }, { 4096, 0x10001, 4076 },
		{ 8192, 0x10002, 4056 }, { 65536, 0x10001, 4076 },
		{ 100, 0x10002, 60 }, { 40, 0x10002, 0 },
		{ 39, 0x10002, 0 }, { 4096, 0x10000, 0 },
	};
	static uint8_t tx[8192], payload[4096];
	struct ffa_send2 m = hello;
	size_t i;

	(void)state;
	m.payload = payload;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t size = cases[i].tx_size < sizeof(tx) ?
			      cases[i].tx_size : sizeof(tx);
		uint32_t max = ffa_msg_send2_max_payload(cases[i].tx_size,
							 cases[i].version);

		assert_int_equal(max, cases[i].max);
		/* No payload fits (v1.0, TX below the header): nothing to send. */
		if (!max || size < cases[i].tx_size)
			continue;
		m.size = max;
		assert_int_equal(ffa_msg_send2_compose(tx, size,
						       cases[i].version, &m), 0);
		m.size = max + 1;
		assert_int_equal(ffa_msg_send2_compose(tx, size,
						       cases[i].version, &m),
				 FFA_RET_INVALID_PARAMETERS);
	}
}

/* 40 + 0xfffffff0 wraps to 24 in 32 bits: a wrapped sum must not pass. */
static void test_send2_compose_overflow(void **state)
{
	struct ffa_send2 m = hello;
	uint8_t tx[64];

	(void)state;
	m.size = 0xfffffff0;
	assert_int_equal(ffa_msg_send2_compose(tx, (size_t)-1, 0x10002, &m),
			 FFA_RET_INVALID_PARAMETERS);
	m.size = 1;
	m.payload = NULL;
	assert_int_equal(ffa_msg_send2_compose(tx, sizeof(tx), 0x10002, &m),
			 FFA_RET_INVALID_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SCRIPT_TEST(test_plain_calls),
		SCRIPT_TEST(test_direct_req_32_answered),
		SCRIPT_TEST(test_direct_req_64_interrupted),
		SCRIPT_TEST(test_direct_32_wide_payload_refused),
		SCRIPT_TEST(test_direct_resp_returns_next_request),
		SCRIPT_TEST(test_msg_wait_woken_by_64bit_request),
		SCRIPT_TEST(test_run_ends_in_wait_or_yield),
		SCRIPT_TEST(test_direct_req2_answered),
		SCRIPT_TEST(test_cycle_calls_bad_answers),
		SCRIPT_TEST(test_direct_answer_64),
		SCRIPT_TEST(test_direct_answer_req2),
		SCRIPT_TEST(test_direct_answer_refused),
		SCRIPT_TEST(test_direct_answer_regs_chain),
		SCRIPT_TEST(test_direct_answer_regs_req2),
		SCRIPT_TEST(test_direct_answer_regs_refused),
		cmocka_unit_test(test_send2_compose_v1_1),
		cmocka_unit_test(test_send2_compose_v1_2),
		cmocka_unit_test(test_send2_compose_v1_0_not_supported),
		cmocka_unit_test(test_send2_compose_tx_size),
		cmocka_unit_test(test_send2_compose_page_limit),
		cmocka_unit_test(test_send2_max_payload),
		cmocka_unit_test(test_send2_compose_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
