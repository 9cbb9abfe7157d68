// SPDX-License-Identifier: BSD-3-Clause
/*
 * Event decoding: every function ID that can end a CPU-cycle call, the
 * fields each one carries (ffa-abi.md 1.3, 2.3, 8.2, 8.4), and the
 * answers that break the ABI.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/event.h>
#include <libffa/status.h>

#include "script_conduit.h"

static const uint8_t uuid_a1_d8[16] = {
	0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
	0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
};

/* Decode r, expecting success, and check the raw copy. */
static void decode_ok(const struct ffa_regs *r, struct ffa_event *ev)
{
	assert_int_equal(ffa_event_decode(r, ev), 0);
	assert_memory_equal(&ev->regs, r, sizeof(*r));
}

static void decode_bad(const struct ffa_regs *r, struct ffa_event *ev)
{
	assert_int_equal(ffa_event_decode(r, ev), FFA_EPROTO);
	assert_int_equal(ev->type, FFA_EV_INVALID);
	assert_int_equal(ffa_event_status(ev), FFA_EPROTO);
	assert_memory_equal(&ev->regs, r, sizeof(*r));
}

static void assert_direct(const struct ffa_direct_msg *m, uint16_t sender,
			  uint16_t receiver, uint32_t flags)
{
	assert_int_equal(m->sender, sender);
	assert_int_equal(m->receiver, receiver);
	assert_int_equal(m->flags, flags);
}

static void test_success_32_and_64(void **state)
{
	const struct ffa_regs s32 = REGS(0x84000061, 0x80010000, 7, 8);
	const struct ffa_regs s64 = REGS(0xC4000061, 0, 0x1122334455667788);
	struct ffa_event ev;

	(void)state;
	decode_ok(&s32, &ev);
	assert_int_equal(ev.type, FFA_EV_SUCCESS);
	assert_false(ev.is_64);
	assert_int_equal(ev.target, 0x80010000);
	assert_int_equal(ffa_event_status(&ev), 0);

	decode_ok(&s64, &ev);
	assert_int_equal(ev.type, FFA_EV_SUCCESS);
	assert_true(ev.is_64);
	assert_int_equal(ev.regs.x[2], 0x1122334455667788);
	assert_int_equal(ffa_event_status(&ev), 0);
}

static void test_error(void **state)
{
	const struct ffa_regs busy = REGS(0x84000060, 0x80020001, 0xfffffffc);
	const struct ffa_regs odd = REGS(0x84000060, 0, 0xfffffff0);
	struct ffa_event ev;

	(void)state;
	decode_ok(&busy, &ev);
	assert_int_equal(ev.type, FFA_EV_ERROR);
	assert_int_equal(ev.target, 0x80020001);
	assert_int_equal(ev.error, FFA_RET_BUSY);
	assert_int_equal(ffa_event_status(&ev), FFA_RET_BUSY);

	/* -16 is no FF-A code: a protocol violation (bad input 38). */
	decode_ok(&odd, &ev);
	assert_int_equal(ev.type, FFA_EV_ERROR);
	assert_int_equal(ffa_event_status(&ev), FFA_EPROTO);
}

/* Raw registers with stale upper halves: the _32 payload is 32-bit. */
static void test_direct_req_32(void **state)
{
	const struct ffa_regs r = REGS(0x8400006F, 0xffffffff80010002, 0,
				       0xdead000000000003, 4, 5, 6,
				       0xbeef000000000007);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_false(ev.is_64);
	assert_direct(&ev.direct, 0x8001, 0x0002, 0);
	assert_int_equal(ev.direct.args[0], 3);
	assert_int_equal(ev.direct.args[1], 4);
	assert_int_equal(ev.direct.args[2], 5);
	assert_int_equal(ev.direct.args[3], 6);
	assert_int_equal(ev.direct.args[4], 7);
	assert_int_equal(ffa_event_status(&ev), 0);
}

/* v1.2: the _64 payload is x3-x7 only; x8 is not a sixth argument. */
static void test_direct_req_64(void **state)
{
	const struct ffa_regs r = REGS(0xC400006F, 0x00018001, 0,
				       0x1111111111111111, 0x2222222222222222,
				       0x3333333333333333, 0x4444444444444444,
				       0x5555555555555555, 0x6666666666666666);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_true(ev.is_64);
	assert_direct(&ev.direct, 0x0001, 0x8001, 0);
	assert_int_equal(ev.direct.args[0], 0x1111111111111111);
	assert_int_equal(ev.direct.args[4], 0x5555555555555555);
	assert_int_equal(ev.regs.x[8], 0x6666666666666666);
}

/* A framework response keeps its flags (PSCI power-management reply). */
static void test_direct_resp_32_and_64(void **state)
{
	const struct ffa_regs r32 = REGS(0x84000070, 0x8001ffff, 0x80000002,
					 0xfffffffe);
	const struct ffa_regs r64 = REGS(0xC4000070, 0x80010001, 0, 9, 0,
					 0, 0, 0x7000000000000000);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r32, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_RESP);
	assert_false(ev.is_64);
	assert_direct(&ev.direct, 0x8001, 0xffff, 0x80000002);
	assert_int_equal(ev.direct.args[0], 0xfffffffe);

	decode_ok(&r64, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_RESP);
	assert_true(ev.is_64);
	assert_direct(&ev.direct, 0x8001, 0x0001, 0);
	assert_int_equal(ev.direct.args[0], 9);
	assert_int_equal(ev.direct.args[4], 0x7000000000000000);
	assert_int_equal(ffa_event_status(&ev), 0);
}

static void test_direct_req2(void **state)
{
	const struct ffa_regs r = REGS(0xC400008D, 0x00018002,
				       0xc2c1b2b1a4a3a2a1, 0xd8d7d6d5d4d3d2d1,
				       0x4040404040404040, [17] =
				       0x1717171717171717);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ2);
	assert_true(ev.is_64);
	assert_int_equal(ev.direct2.sender, 0x0001);
	assert_int_equal(ev.direct2.receiver, 0x8002);
	assert_memory_equal(ev.direct2.uuid.b, uuid_a1_d8, 16);
	assert_int_equal(ev.direct2.args[0], 0x4040404040404040);
	assert_int_equal(ev.direct2.args[1], 0);
	assert_int_equal(ev.direct2.args[13], 0x1717171717171717);
	assert_int_equal(ffa_event_status(&ev), 0);
}

static void test_direct_resp2(void **state)
{
	const struct ffa_regs r = REGS(0xC400008E, 0x80020001, 0, 0, 0x44,
				       [16] = 0x16);
	struct ffa_event ev;
	int i;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_DIRECT_RESP2);
	assert_int_equal(ev.direct2.sender, 0x8002);
	assert_int_equal(ev.direct2.receiver, 0x0001);
	for (i = 0; i < 16; i++)
		assert_int_equal(ev.direct2.uuid.b[i], 0);
	assert_int_equal(ev.direct2.args[0], 0x44);
	assert_int_equal(ev.direct2.args[12], 0x16);
}

/* RESP2's x2/x3 are MBZ: a UUID there breaks the ABI. */
static void test_direct_resp2_mbz(void **state)
{
	const struct ffa_regs x2 = REGS(0xC400008E, 0x80020001, 1);
	const struct ffa_regs x3 = REGS(0xC400008E, 0x80020001, 0,
					0x8000000000000000);
	struct ffa_event ev;

	(void)state;
	decode_bad(&x2, &ev);
	decode_bad(&x3, &ev);
}

static void test_yield_timeout_halves(void **state)
{
	const struct ffa_regs r = REGS(0x8400006C, 0x80030002, 0x89abcdef,
				       0x01234567);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_YIELD);
	assert_int_equal(ev.target, 0x80030002);
	assert_int_equal(ev.timeout, 0x0123456789abcdef);
	assert_int_equal(ffa_event_status(&ev), 0);
}

static void test_interrupt(void **state)
{
	const struct ffa_regs r = REGS(0x84000062, 0x80010003, 0x1d);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ev.type, FFA_EV_INTERRUPT);
	assert_int_equal(ev.target, 0x80010003);
	assert_int_equal(ev.interrupt_id, 0x1d);
	assert_int_equal(ffa_event_status(&ev), 0);
}

struct target_case {
	uint32_t fid;
	enum ffa_event_type type;
};

/* Events that carry only w1: MSG_WAIT, RUN, legacy MSG_SEND. */
static void test_target_only_events(void **state)
{
	static const struct target_case cases[] = {
		{ 0x8400006B, FFA_EV_MSG_WAIT },
		{ 0x8400006D, FFA_EV_RUN },
		{ 0x8400006E, FFA_EV_MSG_SEND },
	};
	struct ffa_regs r = REGS(0, 0x80040001, 0, 0x40);
	struct ffa_event ev;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		r.x[0] = cases[i].fid;
		decode_ok(&r, &ev);
		assert_int_equal(ev.type, cases[i].type);
		assert_int_equal(ev.target, 0x80040001);
		assert_int_equal(ffa_event_status(&ev), 0);
	}
}

/* IDs that cannot end a CPU-cycle call, and a v1.3 SMC64 ERROR. */
static void test_unknown_function_ids(void **state)
{
	static const uint64_t fids[] = {
		0x84000063, 0x84000075, 0x8400007A, 0xC4000060, 0xC400006B,
		0x00010002, 0,
	};
	struct ffa_regs r = REGS(0, 0x80010002, 3);
	struct ffa_event ev;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		r.x[0] = fids[i];
		decode_bad(&r, &ev);
	}
}

/*
 * Every function number of FF-A's range (and one each side of it), in
 * both conventions, with other bits of the ID changed: exactly the IDs
 * that end a CPU-cycle call decode, to their event (ffa-abi.md 2.3).
 */
static void test_every_function_id(void **state)
{
	static const struct {
		uint32_t fid;
		enum ffa_event_type type;
	} events[] = {
		{ 0x84000061, FFA_EV_SUCCESS }, { 0xC4000061, FFA_EV_SUCCESS },
		{ 0x84000060, FFA_EV_ERROR },
		{ 0x8400006F, FFA_EV_DIRECT_REQ },
		{ 0xC400006F, FFA_EV_DIRECT_REQ },
		{ 0x84000070, FFA_EV_DIRECT_RESP },
		{ 0xC4000070, FFA_EV_DIRECT_RESP },
		{ 0xC400008D, FFA_EV_DIRECT_REQ2 },
		{ 0xC400008E, FFA_EV_DIRECT_RESP2 },
		{ 0x8400006B, FFA_EV_MSG_WAIT }, { 0x8400006C, FFA_EV_YIELD },
		{ 0x84000062, FFA_EV_INTERRUPT }, { 0x8400006D, FFA_EV_RUN },
		{ 0x8400006E, FFA_EV_MSG_SEND },
	};
	static const uint32_t others[] = { 0, 0x01000000, 0x00010000,
					   0x80000000 };
	struct ffa_regs r = REGS(0, 0x80010002);
	struct ffa_event ev;
	uint32_t num, conv, o, i;

	(void)state;
	for (num = 0x5f; num <= 0x98; num++) {
		for (conv = 0; conv < 2; conv++) {
			for (o = 0; o < 4; o++) {
				uint32_t fid = (conv ? 0xC4000000 : 0x84000000) |
					       num;
				int want = -1;

				fid ^= others[o];
				for (i = 0; i < sizeof(events) /
						sizeof(events[0]); i++)
					if (events[i].fid == fid)
						want = (int)events[i].type;
				r.x[0] = fid;
				if (want < 0) {
					decode_bad(&r, &ev);
					continue;
				}
				decode_ok(&r, &ev);
				assert_int_equal(ev.type, want);
			}
		}
	}
}

/* A failed decode into a used event must not leave it reading as good. */
static void test_failed_decode_replaces_good_event(void **state)
{
	const struct ffa_regs good = REGS(0x84000061);
	const struct ffa_regs bad = REGS(0x84000099);
	struct ffa_event ev;

	(void)state;
	memset(&ev, 0, sizeof(ev));
	decode_ok(&good, &ev);
	decode_bad(&bad, &ev);
	assert_int_equal(ev.regs.x[0], 0x84000099);
}

/* Decoding an event's own raw registers again gives the same event. */
static void test_redecode_own_regs(void **state)
{
	const struct ffa_regs r = REGS(0x84000062, 0x80010003, 0x1d);
	struct ffa_event ev;

	(void)state;
	decode_ok(&r, &ev);
	assert_int_equal(ffa_event_decode(&ev.regs, &ev), 0);
	assert_int_equal(ev.type, FFA_EV_INTERRUPT);
	assert_int_equal(ev.target, 0x80010003);
	assert_int_equal(ev.interrupt_id, 0x1d);
}

/* ---- ffa_event_decode_next: the same event, without copy or clearing ---- */

/* One register set of every kind an event can be decoded from. */
static const struct ffa_regs next_cases[] = {
	REGS(0x84000061, 0x80010000, 7, 8),			/* SUCCESS_32 */
	REGS(0x84000060, 0, (uint32_t)-6),			/* ERROR */
	REGS(0x8400006F, 0x00018001, 0, 1, 2, 3, 4, 5),		/* REQ_32 */
	REGS(0xC400006F, 0x00028001, 0, 0x7777777777777777, 0, 0, 0,
	     0x9999999999999999, 0x8888888888888888),		/* REQ_64 */
	REGS(0xC4000070, 0x80010002, 0, 0xa, 0xb),		/* RESP_64 */
	REGS(0xC400008D, 0x00018002, 0xc2c1b2b1a4a3a2a1,
	     0xd8d7d6d5d4d3d2d1, 0x40, [17] = 0x17),		/* REQ2 */
	REGS(0xC400008E, 0x80020001, 0, 0, 0x44, [16] = 0x16),	/* RESP2 */
	REGS(0xC400008E, 0x80020001, 1, 0, 0x44),		/* bad RESP2 */
	REGS(0x8400006C, 0x80010000, 0x1000, 2),		/* YIELD */
	REGS(0x84000062, 0x80010000, 27),			/* INTERRUPT */
	REGS(0x8400006D, 0x80010003),				/* RUN */
	REGS(0x84000063),					/* VERSION */
};

static void assert_same_event(const struct ffa_event *a,
			      const struct ffa_event *b)
{
	assert_int_equal(a->type, b->type);
	assert_int_equal(a->is_64, b->is_64);
	assert_int_equal(a->target, b->target);
	assert_int_equal(a->error, b->error);
	assert_int_equal(a->interrupt_id, b->interrupt_id);
	assert_int_equal(a->timeout, b->timeout);
	assert_memory_equal(&a->direct, &b->direct, sizeof(a->direct));
	assert_int_equal(a->direct2.sender, b->direct2.sender);
	assert_int_equal(a->direct2.receiver, b->direct2.receiver);
	assert_memory_equal(&a->direct2.uuid, &b->direct2.uuid,
			    sizeof(a->direct2.uuid));
	assert_memory_equal(a->direct2.args, b->direct2.args,
			    sizeof(a->direct2.args));
	assert_memory_equal(&a->regs, &b->regs, sizeof(a->regs));
}

/*
 * Every pair (previous event, next registers): decode_next gives what a
 * full decode of the next registers into a fresh event gives, whatever
 * the previous type left in the event.
 */
static void test_decode_next_every_pair(void **state)
{
	size_t n = sizeof(next_cases) / sizeof(next_cases[0]);
	struct ffa_event ev, want;
	size_t i, j;

	(void)state;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int rc;

			memset(&ev, 0xa5, sizeof(ev));
			memset(&want, 0x5a, sizeof(want));
			(void)ffa_event_decode(&next_cases[i], &ev);
			ev.regs = next_cases[j];
			rc = ffa_event_decode_next(&ev);
			assert_int_equal(rc, ffa_event_decode(&next_cases[j],
							      &want));
			assert_same_event(&ev, &want);
		}
	}
}

/* A request's payload changed in place is decoded as changed. */
static void test_decode_next_same_type(void **state)
{
	struct ffa_event ev;

	(void)state;
	decode_ok(&next_cases[3], &ev);
	ev.regs.x[7] = 0x1234;
	ev.regs.x[1] = 0x00038001;
	assert_int_equal(ffa_event_decode_next(&ev), 0);
	assert_int_equal(ev.type, FFA_EV_DIRECT_REQ);
	assert_direct(&ev.direct, 0x0003, 0x8001, 0);
	assert_int_equal(ev.direct.args[0], 0x7777777777777777);
	assert_int_equal(ev.direct.args[4], 0x1234);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_success_32_and_64),
		cmocka_unit_test(test_error),
		cmocka_unit_test(test_direct_req_32),
		cmocka_unit_test(test_direct_req_64),
		cmocka_unit_test(test_direct_resp_32_and_64),
		cmocka_unit_test(test_direct_req2),
		cmocka_unit_test(test_direct_resp2),
		cmocka_unit_test(test_direct_resp2_mbz),
		cmocka_unit_test(test_yield_timeout_halves),
		cmocka_unit_test(test_interrupt),
		cmocka_unit_test(test_target_only_events),
		cmocka_unit_test(test_unknown_function_ids),
		cmocka_unit_test(test_every_function_id),
		cmocka_unit_test(test_failed_decode_replaces_good_event),
		cmocka_unit_test(test_redecode_own_regs),
		cmocka_unit_test(test_decode_next_every_pair),
		cmocka_unit_test(test_decode_next_same_type),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
