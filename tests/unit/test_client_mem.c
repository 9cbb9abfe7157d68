// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory-management calls of the client API against a scripted relayer
 * (ffa-abi.md 2.5, 9.8, 9.10, 13.1): handle halves, fragment bookkeeping,
 * and answers whose lengths, offsets or handles cannot be right.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/client.h>

#include "script_conduit.h"

/* A hypervisor-allocated handle (bit 63) with both halves non-zero. */
#define HANDLE		0x8000000000000123ULL
#define HANDLE_LO	0x00000123
#define HANDLE_HI	0x80000000

/* ---- thunks for the plain-answer table ---- */

static int relinquish(const struct ffa_conduit *c)
{
	return ffa_mem_relinquish(c);
}

static int reclaim_zero(const struct ffa_conduit *c)
{
	return ffa_mem_reclaim(c, HANDLE, 1);
}

static int perm_get_32(const struct ffa_conduit *c)
{
	uint32_t perms;

	return ffa_mem_perm_get(c, 0x80001000, false, &perms);
}

static int perm_get_64(const struct ffa_conduit *c)
{
	uint32_t perms;

	return ffa_mem_perm_get(c, 0xffff80001000, true, &perms);
}

static int perm_set_32_ro(const struct ffa_conduit *c)
{
	return ffa_mem_perm_set(c, 0x80001000, 2, 0x7, false);
}

static int perm_set_64_rw(const struct ffa_conduit *c)
{
	return ffa_mem_perm_set(c, 0xffff80001000, 1, 0x5, true);
}

static int share_32(const struct ffa_conduit *c)
{
	struct ffa_mem_xfer x;

	return ffa_mem_send(c, 0x84000073, 0x50, 0x50, &x);
}

static void test_plain_calls(void **state)
{
	static const struct script_plain_case cases[] = {
		{ "MEM_RELINQUISH", REGS(0x84000076), relinquish },
		{ "MEM_RECLAIM(zero)",
		  REGS(0x84000077, HANDLE_LO, HANDLE_HI, 1), reclaim_zero },
		{ "MEM_PERM_GET_32", REGS(0x84000088, 0x80001000),
		  perm_get_32 },
		{ "MEM_PERM_GET_64", REGS(0xC4000088, 0xffff80001000),
		  perm_get_64 },
		{ "MEM_PERM_SET_32(RO)", REGS(0x84000089, 0x80001000, 2, 7),
		  perm_set_32_ro },
		{ "MEM_PERM_SET_64(RW)",
		  REGS(0xC4000089, 0xffff80001000, 1, 5), perm_set_64_rw },
		{ "MEM_SHARE_32", REGS(0x84000073, 0x50, 0x50), share_32 },
	};

	script_check_plain(state, cases, SCRIPT_LEN(cases));
}

/* ---- FFA_MEM_SHARE/LEND/DONATE and how they end ---- */

/* Each of the six IDs, x3 = w4 = 0; the handle comes back in w2/w3. */
static void test_mem_send_six_ids_done(void **state)
{
	static const uint32_t fids[] = {
		0x84000071, 0xC4000071, 0x84000072, 0xC4000072, 0x84000073,
		0xC4000073,
	};
	static const struct script_step steps[] = {
		{ REGS(0x84000071, 0x60, 0x60),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		{ REGS(0xC4000071, 0x60, 0x60),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		{ REGS(0x84000072, 0x60, 0x60),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		{ REGS(0xC4000072, 0x60, 0x60),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		{ REGS(0x84000073, 0x60, 0x60),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		/* FFA_SUCCESS_64 keeps x2/x3 whole: only w2/w3 count. */
		{ REGS(0xC4000073, 0x60, 0x60),
		  REGS(0xC4000061, 0, 0xffffffff00000123,
		       0xffffffff80000000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x;
	size_t i;

	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		assert_int_equal(ffa_mem_send(c, fids[i], 0x60, 0x60, &x), 0);
		assert_int_equal(x.state, FFA_XFER_DONE);
		assert_int_equal(x.handle, HANDLE);
	}
}

static void test_mem_send_other_ids_refused(void **state)
{
	static const uint32_t fids[] = {
		0x84000074, 0xC4000074, 0x84000076, 0x84000061, 0x84000070,
		0xC4000070, 0x84000000, 0xC5000073,
	};
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	struct ffa_mem_xfer x;
	size_t i;

	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++)
		assert_int_equal(ffa_mem_send(c, fids[i], 0x60, 0x60, &x),
				 FFA_RET_INVALID_PARAMETERS);
}

/* First of two fragments: the relayer asks for more from 0x1000. */
static void test_mem_send_more_and_paused(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000072, 0x2000, 0x1000),
		  REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000, 0x00050000) },
		{ REGS(0xC4000072, 0x2000, 0x1000),
		  REGS(0x84000078, HANDLE_LO, HANDLE_HI) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x;

	assert_int_equal(ffa_mem_send(c, 0xC4000072, 0x2000, 0x1000, &x), 0);
	assert_int_equal(x.state, FFA_XFER_MORE);
	assert_int_equal(x.handle, HANDLE);
	assert_int_equal(x.offset, 0x1000);
	assert_int_equal(x.sender_id, 0x0005);

	assert_int_equal(ffa_mem_send(c, 0xC4000072, 0x2000, 0x1000, &x), 0);
	assert_int_equal(x.state, FFA_XFER_PAUSED);
	assert_int_equal(x.handle, HANDLE);
}

/* FRAG_RX from offset 0 or from the end makes no progress. */
static void test_mem_send_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000073, 0x2000, 0x1000),
		  REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0) },
		{ REGS(0x84000073, 0x2000, 0x1000),
		  REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x2000) },
		{ REGS(0x84000073, 0x2000, 0x1000),
		  REGS(0x84000075, 0x2000, 0x1000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x = { .state = FFA_XFER_DONE, .handle = 7 };
	size_t i;

	for (i = 0; i < SCRIPT_LEN(steps); i++)
		assert_int_equal(ffa_mem_send(c, 0x84000073, 0x2000, 0x1000,
					      &x), FFA_EPROTO);
	/* Nothing is reported from a refused answer. */
	assert_int_equal(x.handle, 7);
}

/* ---- continuations: FRAG_TX and OP_RESUME ---- */

static void test_frag_tx(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x1000, 0x00050000),
		  REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x2000, 0x00050000) },
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x;

	assert_int_equal(ffa_mem_frag_tx(c, HANDLE, 0x1000, 0x0005, &x), 0);
	assert_int_equal(x.state, FFA_XFER_MORE);
	assert_int_equal(x.offset, 0x2000);
	assert_int_equal(x.sender_id, 0x0005);
	assert_int_equal(ffa_mem_frag_tx(c, HANDLE, 0x800, 0, &x), 0);
	assert_int_equal(x.state, FFA_XFER_DONE);
	assert_int_equal(x.handle, HANDLE);
}

/* A continuation answered about another handle, or with an error. */
static void test_frag_tx_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800),
		  REGS(0x84000061, 0, HANDLE_LO, 0) },
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800),
		  REGS(0x8400007A, 0x124, HANDLE_HI, 0x1000) },
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800),
		  REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0) },
		{ REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800),
		  REGS(0x84000060, 0, 0xfffffffe) },
	};
	static const int want[] = {
		FFA_EPROTO, FFA_EPROTO, FFA_EPROTO, FFA_RET_INVALID_PARAMETERS,
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x;
	size_t i;

	for (i = 0; i < SCRIPT_LEN(want); i++)
		assert_int_equal(ffa_mem_frag_tx(c, HANDLE, 0x800, 0, &x),
				 want[i]);
}

static void test_op_resume(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000079, HANDLE_LO, HANDLE_HI),
		  REGS(0x84000078, HANDLE_LO, HANDLE_HI) },
		{ REGS(0x84000079, HANDLE_LO, HANDLE_HI),
		  REGS(0x84000061, 0, HANDLE_LO, HANDLE_HI) },
		{ REGS(0x84000079, HANDLE_LO, HANDLE_HI),
		  REGS(0x84000078, HANDLE_LO, 0) },
		{ REGS(0x84000079, HANDLE_LO, HANDLE_HI),
		  REGS(0x84000060, 0, 0xfffffffb) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_xfer x;

	assert_int_equal(ffa_mem_op_resume(c, HANDLE, &x), 0);
	assert_int_equal(x.state, FFA_XFER_PAUSED);
	assert_int_equal(x.handle, HANDLE);
	assert_int_equal(ffa_mem_op_resume(c, HANDLE, &x), 0);
	assert_int_equal(x.state, FFA_XFER_DONE);
	assert_int_equal(ffa_mem_op_resume(c, HANDLE, &x), FFA_EPROTO);
	assert_int_equal(ffa_mem_op_resume(c, HANDLE, &x),
			 FFA_RET_INTERRUPTED);
}

/* ---- retrieving ---- */

static void test_retrieve_req(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000074, 0x50, 0x50),
		  REGS(0x84000075, 0x2000, 0x1000) },
		{ REGS(0xC4000074, 0x70, 0x70),
		  REGS(0x84000075, 0x90, 0x90) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_retrieved m;

	assert_int_equal(ffa_mem_retrieve_req(c, 0x50, 0x50, false, &m), 0);
	assert_int_equal(m.total_len, 0x2000);
	assert_int_equal(m.frag_len, 0x1000);
	assert_int_equal(ffa_mem_retrieve_req(c, 0x70, 0x70, true, &m), 0);
	assert_int_equal(m.total_len, 0x90);
	assert_int_equal(m.frag_len, 0x90);
}

/* Fragment longer than the whole, empty fragment, SUCCESS, BUSY. */
static void test_retrieve_req_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000074, 0x50, 0x50),
		  REGS(0x84000075, 0x1000, 0x1001) },
		{ REGS(0x84000074, 0x50, 0x50), REGS(0x84000075, 0x1000, 0) },
		{ REGS(0x84000074, 0x50, 0x50), REGS(0x84000061, 0, 0x50) },
		{ REGS(0x84000074, 0x50, 0x50),
		  REGS(0x84000060, 0, 0xfffffffc) },
	};
	static const int want[] = {
		FFA_EPROTO, FFA_EPROTO, FFA_EPROTO, FFA_RET_BUSY,
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_retrieved m = { .total_len = 1 };
	size_t i;

	for (i = 0; i < SCRIPT_LEN(want); i++)
		assert_int_equal(ffa_mem_retrieve_req(c, 0x50, 0x50, false,
						      &m), want[i]);
	/* Nothing is reported from a refused answer. */
	assert_int_equal(m.total_len, 1);
}

static void test_frag_rx(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000, 0x00070000),
		  REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0x800, 0x00050000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_retrieved m;

	assert_int_equal(ffa_mem_frag_rx(c, HANDLE, 0x1000, 0x0007, &m), 0);
	assert_int_equal(m.frag_len, 0x800);
	assert_int_equal(m.handle, HANDLE);
	assert_int_equal(m.sender_id, 0x0005);
	assert_int_equal(m.total_len, 0);
}

static void test_frag_rx_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000),
		  REGS(0x8400007B, HANDLE_LO, 0x7fffffff, 0x800) },
		{ REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000),
		  REGS(0x8400007B, HANDLE_LO, HANDLE_HI, 0) },
		{ REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000),
		  REGS(0x84000061) },
		{ REGS(0x8400007A, HANDLE_LO, HANDLE_HI, 0x1000),
		  REGS(0x84000060, 0, 0xfffffffe) },
	};
	static const int want[] = {
		FFA_EPROTO, FFA_EPROTO, FFA_EPROTO, FFA_RET_INVALID_PARAMETERS,
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_mem_retrieved m;
	size_t i;

	for (i = 0; i < SCRIPT_LEN(want); i++)
		assert_int_equal(ffa_mem_frag_rx(c, HANDLE, 0x1000, 0, &m),
				 want[i]);
}

/* ---- MEM_PERM_GET/SET ---- */

static void test_perm_get_value(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000088, 0xffff80001000),
		  REGS(0x84000061, 0, 0x3) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	uint32_t perms = 0;

	assert_int_equal(ffa_mem_perm_get(c, 0xffff80001000, true, &perms),
			 0);
	assert_int_equal(perms, 0x3);
}

static void test_perm_32_wide_va_refused(void **state)
{
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	uint32_t perms;

	assert_int_equal(ffa_mem_perm_get(c, 0x100000000, false, &perms),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_mem_perm_set(c, 0x100000000, 1, 5, false),
			 FFA_RET_INVALID_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SCRIPT_TEST(test_plain_calls),
		SCRIPT_TEST(test_mem_send_six_ids_done),
		SCRIPT_TEST(test_mem_send_other_ids_refused),
		SCRIPT_TEST(test_mem_send_more_and_paused),
		SCRIPT_TEST(test_mem_send_bad_answers),
		SCRIPT_TEST(test_frag_tx),
		SCRIPT_TEST(test_frag_tx_bad_answers),
		SCRIPT_TEST(test_op_resume),
		SCRIPT_TEST(test_retrieve_req),
		SCRIPT_TEST(test_retrieve_req_bad_answers),
		SCRIPT_TEST(test_frag_rx),
		SCRIPT_TEST(test_frag_rx_bad_answers),
		SCRIPT_TEST(test_perm_get_value),
		SCRIPT_TEST(test_perm_32_wide_va_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
