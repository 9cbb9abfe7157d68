// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC v1.2 register rules of ffa_call() (ffa-abi.md 1.2) in both
 * directions, the wide-ID predicate and the plain completion decoder.
 * Every value is a literal from ffa-abi.md, never computed by the code
 * under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/regs.h>
#include <libffa/status.h>

#include "script_conduit.h"

/* A register full of set bits in both halves. */
#define DIRTY	0xa5a5a5a5a5a5a5a5ULL

static void fill(struct ffa_regs *r, uint64_t v)
{
	unsigned int i;

	for (i = 0; i < FFA_NREGS; i++)
		r->x[i] = v + i;
}

static void assert_regs_equal(const struct ffa_regs *got,
			      const struct ffa_regs *want)
{
	unsigned int i;

	for (i = 0; i < FFA_NREGS; i++) {
		if (got->x[i] != want->x[i])
			print_error("x%u = 0x%llx, expected 0x%llx\n", i,
				    (unsigned long long)got->x[i],
				    (unsigned long long)want->x[i]);
		assert_int_equal(got->x[i], want->x[i]);
	}
}

static void test_init_zeroes_every_register(void **state)
{
	struct ffa_regs r;
	const struct ffa_regs want = REGS(0x84000063);

	(void)state;
	fill(&r, DIRTY);
	ffa_regs_init(&r, 0x84000063);
	assert_regs_equal(&r, &want);
}

/* FFA_FEATURES(FFA_RXTX_MAP_64) with junk in the upper halves. */
static void test_smc32_args_upper_halves_cleared(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000064, 0xC4000066, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7),
		  REGS(0x84000061) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0xffffffff84000064, 0x12345678C4000066,
				 0x100000002, 0x200000003, 0x300000004,
				 0x400000005, 0x500000006, 0x600000007);

	ffa_call(c, &r);
	assert_int_equal(r.x[0], 0x84000061);
}

/* An SMC64 call reaches the conduit untouched, all 18 registers. */
static void test_smc64_args_kept(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008D, 0x00018001, 0x1111111122222222,
		       0x3333333344444444, 0x5555555566666666,
		       [16] = 0x7777777788888888, 0x99999999aaaaaaaa),
		  REGS(0x84000061) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = steps[0].in;

	ffa_call(c, &r);
	assert_int_equal(r.x[0], 0x84000061);
}

/* A 32-bit answer with garbage everywhere reads as w0-w7, x8-x17 = 0. */
static void test_smc32_result_cleaned(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000064, 0x84000066),
		  REGS(0xdead000084000061, 0xdead000000000000,
		       0xffffffff00000001, 0x1234567800000002, 3, 4, 5,
		       0xffffffff00000006, 8, 9, 10, 11, 12, 13, 14, 15, 16,
		       17) },
	};
	const struct ffa_regs want = REGS(0x84000061, 0, 1, 2, 3, 4, 5, 6);
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0x84000064, 0x84000066);

	ffa_call(c, &r);
	assert_regs_equal(&r, &want);
}

/* An SMC64 call answered with FFA_SUCCESS_32 is still a 32-bit answer. */
static void test_smc64_call_32bit_result_cleaned(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000073, 0x50, 0x50),
		  REGS(0x84000061, 0, 0xabcd000000001000,
		       0xabcd000000000002, [8] = 0x8, [17] = 0x17) },
	};
	const struct ffa_regs want = REGS(0x84000061, 0, 0x1000, 0x2);
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0xC4000073, 0x50, 0x50);

	ffa_call(c, &r);
	assert_regs_equal(&r, &want);
}

/* FFA_SUCCESS_64 (PARTITION_INFO_GET_REGS) keeps all 18 registers. */
static void test_smc64_result_keeps_all(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008B),
		  REGS(0xC4000061, 0x1000000000000001, 0x0018000000000000,
		       0x3000000000000003, 0x4000000000000004,
		       0x5000000000000005, 0x6000000000000006,
		       0x7000000000000007, 0x8000000000000008,
		       0x9000000000000009, 0xa00000000000000a,
		       0xb00000000000000b, 0xc00000000000000c,
		       0xd00000000000000d, 0xe00000000000000e,
		       0xf00000000000000f, 0x1100000000000010,
		       0x1100000000000011) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0xC400008B);

	ffa_call(c, &r);
	assert_regs_equal(&r, &steps[0].out);
}

/*
 * A partition waiting in FFA_MSG_WAIT_32 is resumed with
 * FFA_MSG_SEND_DIRECT_REQ_64: the answer decides, x3-x7 stay 64-bit.
 */
static void test_msg_wait32_resumed_by_direct_req64(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006B),
		  REGS(0xC400006F, 0x00018001, 0, 0x1122334455667788,
		       0x99aabbccddeeff00, 0x0123456789abcdef,
		       0xfedcba9876543210, 0x8000000000000001,
		       [8] = 0x0808080808080808) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0x8400006B);

	ffa_call(c, &r);
	assert_regs_equal(&r, &steps[0].out);
}

/* The same wait resumed by FFA_MSG_SEND_DIRECT_REQ2: x4-x17 survive. */
static void test_msg_wait32_resumed_by_req2(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400006B),
		  REGS(0xC400008D, 0x00018001, 0xc2c1b2b1a4a3a2a1,
		       0xd8d7d6d5d4d3d2d1, [4] = 0x4444444444444444,
		       [17] = 0x1717171717171717) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_regs r = REGS(0x8400006B);

	ffa_call(c, &r);
	assert_regs_equal(&r, &steps[0].out);
}

/*
 * Results whose x0 looks 64-bit but is not an FF-A ID are read as 32-bit:
 * another OEN, numbers outside the FF-A range, bits[23:17] set, a
 * yielding call.
 */
static void test_non_ffa_wide_looking_results_truncated(void **state)
{
	static const uint32_t fids[] = {
		0xC5000061, 0xC400005F, 0xC4000098, 0xC4020061, 0x44000061,
		0x84000061, 0x8400006F,
	};
	struct ffa_regs r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		fill(&r, DIRTY);
		r.x[0] = fids[i];
		ffa_regs_sanitize_results(&r);
		assert_int_equal(r.x[0], fids[i]);
		assert_int_equal(r.x[1], 0xa5a5a5a6);
		assert_int_equal(r.x[7], 0xa5a5a5ac);
		assert_int_equal(r.x[8], 0);
		assert_int_equal(r.x[17], 0);
	}
}

static void test_fid_is_wide(void **state)
{
	static const uint32_t wide[] = {
		0xC4000061, 0xC400006F, 0xC4000070, 0xC400008D, 0xC400008E,
		0xC4000066, 0xC4000073, 0xC4000083, 0xC400008B, 0xC4000060,
		0xC4000097, 0xC401008D,	/* SVE hint bit 16 is stripped */
	};
	static const uint32_t narrow[] = {
		0x84000061, 0x8400006F, 0x8400006B, 0x84000075, 0xC400005F,
		0xC4000098, 0xC5000061, 0xC4020061, 0xC4800061, 0x44000061,
		0x00010002, 0xffffffff,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		assert_true(ffa_fid_is_wide(wide[i]));
	for (i = 0; i < sizeof(narrow) / sizeof(narrow[0]); i++)
		assert_false(ffa_fid_is_wide(narrow[i]));
}

struct status_case {
	uint64_t x0;
	uint64_t x2;
	int want;
};

static void test_status(void **state)
{
	static const struct status_case cases[] = {
		{ 0x84000061, 0, 0 },
		{ 0xC4000061, 0x123456789, 0 },
		{ 0x84000060, 0xffffffff, -1 },
		{ 0x84000060, 0xfffffffe, -2 },
		{ 0x84000060, 0xfffffffa, -6 },
		{ 0x84000060, 0xfffffff6, -10 },
		/* Sign-extended by a sloppy callee: w2 is what counts. */
		{ 0x84000060, 0xfffffffffffffff9, -7 },
		/* Codes outside -1..-10 break the ABI (bad input 38). */
		{ 0x84000060, 0xfffffff5, FFA_EPROTO },
		{ 0x84000060, 0, FFA_EPROTO },
		{ 0x84000060, 1, FFA_EPROTO },
		{ 0x84000060, 0x80000000, FFA_EPROTO },
		/* Not a plain completion at all. */
		{ 0x84000063, 0, FFA_EPROTO },
		{ 0x8400006F, 0, FFA_EPROTO },
		{ 0xC4000060, 0xfffffffe, FFA_EPROTO },
	};
	struct ffa_regs r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ffa_regs_init(&r, 0);
		r.x[0] = cases[i].x0;
		r.x[2] = cases[i].x2;
		assert_int_equal(ffa_regs_status(&r), cases[i].want);
	}
}

static void test_set_success(void **state)
{
	const struct ffa_regs want = REGS(0x84000061, 0, 0x8001, 0x18);
	struct ffa_regs r;

	(void)state;
	fill(&r, DIRTY);
	ffa_regs_set_success(&r, 0x8001, 0x18);
	assert_regs_equal(&r, &want);
}

static void test_set_error(void **state)
{
	const struct ffa_regs want = REGS(0x84000060, 0, 0xfffffffe);
	struct ffa_regs r;

	(void)state;
	fill(&r, DIRTY);
	ffa_regs_set_error(&r, -2);
	assert_regs_equal(&r, &want);
}

/* Callee side: only w0-w7 of an SMC32 call mean anything. */
static void test_sanitize_args(void **state)
{
	const struct ffa_regs want32 = REGS(0x8400006D, 0xa5a5a5a6,
					    0xa5a5a5a7, 0xa5a5a5a8,
					    0xa5a5a5a9, 0xa5a5a5aa,
					    0xa5a5a5ab, 0xa5a5a5ac,
					    DIRTY + 8, DIRTY + 9, DIRTY + 10,
					    DIRTY + 11, DIRTY + 12, DIRTY + 13,
					    DIRTY + 14, DIRTY + 15, DIRTY + 16,
					    DIRTY + 17);
	struct ffa_regs r, r64;

	(void)state;
	/* x8-x17 are left for the callee to check (v1.2 MBZ rules). */
	fill(&r, DIRTY);
	r.x[0] = 0xffffffff8400006D;
	ffa_regs_sanitize_args(&r);
	assert_regs_equal(&r, &want32);

	fill(&r64, DIRTY);
	r64.x[0] = 0xC400006F;
	r = r64;
	ffa_regs_sanitize_args(&r);
	assert_regs_equal(&r, &r64);
}

/* Whether sanitizing would change anything, register by register. */
static bool sanitize_changes(const struct ffa_regs *r)
{
	struct ffa_regs s = *r;
	unsigned int i;

	ffa_regs_sanitize_args(&s);
	for (i = 0; i < FFA_NREGS; i++)
		if (s.x[i] != r->x[i])
			return true;
	return false;
}

/*
 * ffa_regs_args_clean() is exactly "sanitizing changes nothing": for an
 * SMC32 and an SMC64 ID, clean registers, then one upper half (or one
 * high register) set at a time.
 */
static void test_args_clean(void **state)
{
	static const uint32_t fids[] = { 0x8400006F, 0xC400006F };
	struct ffa_regs r;
	unsigned int f, i;

	(void)state;
	for (f = 0; f < 2; f++) {
		ffa_regs_init(&r, fids[f]);
		for (i = 1; i < FFA_NREGS; i++)
			r.x[i] = 0x1000 + i;
		assert_true(ffa_regs_args_clean(&r));
		assert_false(sanitize_changes(&r));
		for (i = 0; i < FFA_NREGS; i++) {
			struct ffa_regs d = r;
			bool dirty = fids[f] == 0x8400006F && i < 8;

			d.x[i] |= 1ULL << (32 + i);
			assert_int_equal(ffa_regs_args_clean(&d), !dirty);
			assert_int_equal(sanitize_changes(&d), dirty);
		}
	}
}

/* ffa_regs_copy copies all 18 registers and nothing else. */
static void test_copy(void **state)
{
	struct {
		uint64_t before;
		struct ffa_regs r;
		uint64_t after;
	} dst = { DIRTY, { { 0 } }, DIRTY };
	struct ffa_regs src;

	(void)state;
	fill(&src, 0x1111);
	ffa_regs_copy(&dst.r, &src);
	assert_regs_equal(&dst.r, &src);
	assert_int_equal(dst.before, DIRTY);
	assert_int_equal(dst.after, DIRTY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_zeroes_every_register),
		SCRIPT_TEST(test_smc32_args_upper_halves_cleared),
		SCRIPT_TEST(test_smc64_args_kept),
		SCRIPT_TEST(test_smc32_result_cleaned),
		SCRIPT_TEST(test_smc64_call_32bit_result_cleaned),
		SCRIPT_TEST(test_smc64_result_keeps_all),
		SCRIPT_TEST(test_msg_wait32_resumed_by_direct_req64),
		SCRIPT_TEST(test_msg_wait32_resumed_by_req2),
		cmocka_unit_test(test_non_ffa_wide_looking_results_truncated),
		cmocka_unit_test(test_fid_is_wide),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_set_success),
		cmocka_unit_test(test_set_error),
		cmocka_unit_test(test_sanitize_args),
		cmocka_unit_test(test_args_clean),
		cmocka_unit_test(test_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
