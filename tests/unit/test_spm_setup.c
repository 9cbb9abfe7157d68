// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manager's setup and discovery ABIs through spm_call: FFA_VERSION,
 * FFA_FEATURES, FFA_ID_GET, FFA_SPM_ID_GET, FFA_CONSOLE_LOG (ffa-abi.md
 * 2.2, 4, 5, 13.2; bad inputs 34, 35). Registers are literals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <libffa/client.h>
#include "fake_platform.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001	/* no notification support */
#define SP2	0x8002	/* notification-support in its manifest */

#define NOT_SUPPORTED	(-1)
#define INVALID		(-2)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, FAKE_MEM_BASE, 16),
			 0);
	assert_int_equal(harness_add(h, SP1, 0, 2, false,
				     FAKE_MEM_BASE + 0x10000, 16), 0);
	assert_int_equal(harness_add(h, SP2, FFA_PART_PROP_NOTIFICATIONS, 1,
				     false, FAKE_MEM_BASE + 0x20000, 16), 0);
	*state = h;
	return 0;
}

static struct spm_endpoint *ep_of(struct spm_harness *h, uint16_t id)
{
	return spm_endpoint_by_id(h->spm, id);
}

/* Negotiate a version on a fresh endpoint (before anything freezes it). */
static void negotiate(struct spm_harness *h, uint16_t id, uint32_t v)
{
	struct ffa_regs in = REGS(0x84000063, v), out = REGS(0x10002);

	harness_expect(h, id, &in, &out);
	assert_int_equal(ep_of(h, id)->version, v);
}

/* ---- FFA_VERSION ---- */

static void test_version_same_and_older(void **state)
{
	struct spm_harness *h = *state;
	/* w2..w7 hold garbage: the answer still has w1..w7 = 0 */
	struct ffa_regs in = REGS(0x84000063, 0x10002, 5, 6, 7, 8, 9, 10);
	struct ffa_regs out = REGS(0x10002);

	harness_expect(h, SP1, &in, &out);
	assert_int_equal(ep_of(h, SP1)->version, 0x10002);
	negotiate(h, SP1, 0x10001);
	negotiate(h, SP1, 0x10000);
	/* SMC32: the upper half of x1 is not part of the request */
	in = (struct ffa_regs)REGS(0x84000063, 0xffffffff00010001ULL);
	harness_expect(h, SP1, &in, &out);
	assert_int_equal(ep_of(h, SP1)->version, 0x10001);
}

/* A newer minor gets our version back and uses ours (ffa-abi.md 15.1). */
static void test_version_newer_minor(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000063, 0x10003), out = REGS(0x10002);

	negotiate(h, HOST, 0x10000);
	harness_expect(h, HOST, &in, &out);
	assert_int_equal(ep_of(h, HOST)->version, 0x10002);
}

static void test_version_not_supported(void **state)
{
	static const uint64_t bad[] = {
		0x80010002, 0x80000000, 0x00020000, 0x00000002, 0x7fff0001,
	};
	struct spm_harness *h = *state;
	struct ffa_regs out = REGS(0xffffffff);
	unsigned int i;

	negotiate(h, SP1, 0x10001);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ffa_regs in = REGS(0x84000063, bad[i]);

		harness_expect(h, SP1, &in, &out);
		assert_int_equal(ep_of(h, SP1)->version, 0x10001);
		assert_false(ep_of(h, SP1)->version_frozen);
	}
}

/* Bad input 34: no change once another ABI was used. */
static void test_version_frozen(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs id_get = REGS(0x84000069);
	struct ffa_regs id_out = REGS(0x84000061, 0, SP1);
	struct ffa_regs in = REGS(0x84000063, 0x10002);
	struct ffa_regs ns = REGS(0xffffffff), ok = REGS(0x10002);

	negotiate(h, SP1, 0x10001);
	harness_expect(h, SP1, &id_get, &id_out);
	assert_true(ep_of(h, SP1)->version_frozen);
	harness_expect(h, SP1, &in, &ns);
	in.x[1] = 0x10000;
	harness_expect(h, SP1, &in, &ns);
	assert_int_equal(ep_of(h, SP1)->version, 0x10001);
	/* asking for what was agreed still answers */
	in.x[1] = 0x10001;
	harness_expect(h, SP1, &in, &ok);
	assert_int_equal(ep_of(h, SP1)->version, 0x10001);
}

/* ---- FFA_FEATURES ---- */

static void test_features_functions(void **state)
{
	static const uint64_t implemented[] = {
		0x84000063, 0x84000064, 0x84000069, 0x84000085, 0x84000067,
		0x84000065, 0x84000068, 0xc400008b, 0x8400006b, 0x8400006d,
		0xc400006f, 0xc400008d, 0x84000073, 0xc4000073, 0x84000077,
		0x8400007d, 0x84000082, 0xc4000083, 0x8400008a,
		0x84010069,	/* SVE hint stripped */
	};
	struct spm_harness *h = *state;
	struct ffa_regs out = REGS(0x84000061);
	unsigned int i;

	/* The host may use each of these (per-caller answers: below). */
	for (i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++) {
		struct ffa_regs in = REGS(0x84000064, implemented[i]);

		harness_expect(h, HOST, &in, &out);
	}
}

static void test_features_not_implemented(void **state)
{
	static const uint64_t absent[] = {
		0x84000084,	/* FFA_RX_ACQUIRE: hypervisor -> SPMC only */
		0x8400006a,	/* FFA_MSG_POLL */
		0x8400006e,	/* FFA_MSG_SEND */
		0xc4000087,	/* FFA_SECONDARY_EP_REGISTER_64 */
		0xc4000060,	/* FFA_ERROR_64 is v1.3's */
		0x84000078,	/* FFA_MEM_OP_PAUSE: we never time-slice */
		0xc4000063,	/* no SMC64 FFA_VERSION */
		0x8400008b,	/* PARTITION_INFO_GET_REGS is SMC64 only */
		0x84000098,
	};
	struct spm_harness *h = *state;
	unsigned int i;

	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		struct ffa_regs in = REGS(0x84000064, absent[i]);

		harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	}
}

static void test_features_rxtx_map(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000064, 0xc4000066);
	struct ffa_regs v12 = REGS(0x84000061, 0, 0x00100000);
	struct ffa_regs v11 = REGS(0x84000061, 0, 0);

	/* v1.2: 4 KiB minimum, at most 16 pages in w2[31:16] */
	harness_expect(h, HOST, &in, &v12);
	in.x[1] = 0x84000066;
	harness_expect(h, HOST, &in, &v12);
	/* v1.1 callers: bits[31:2] MBZ */
	negotiate(h, SP1, 0x10001);
	harness_expect(h, SP1, &in, &v11);
}

/* Bad input 35: input properties only where defined. */
static void test_features_input_properties(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000064, 0x84000069, 1);
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	in.x[1] = 0xc4000066;
	in.x[2] = 0x80000000;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	/*
	 * MEM_RETRIEVE_REQ: bit 1 (NS) only, set or clear; answers NS-bit
	 * handling in w2 and n = 1 (three retrievals per borrower) in w3.
	 */
	ok = (struct ffa_regs)REGS(0x84000061, 0, 2, 1);
	in.x[1] = 0xc4000074;
	in.x[2] = 2;
	harness_expect(h, SP1, &in, &ok);
	in.x[1] = 0x84000074;
	harness_expect(h, SP1, &in, &ok);
	in.x[2] = 0;
	harness_expect(h, SP1, &in, &ok);
	in.x[2] = 1;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	in.x[2] = 6;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
}

static void test_features_interrupts(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000064, 2);
	struct ffa_regs sri = REGS(0x84000061, 0, 8);
	struct ffa_regs npi = REGS(0x84000061, 0, 9);

	harness_expect(h, HOST, &in, &sri);
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	harness_expect_error(h, SP2, &in, NOT_SUPPORTED);
	/* NPI: only a partition whose manifest enables notifications */
	in.x[1] = 1;
	harness_expect(h, SP2, &in, &npi);
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	in.x[1] = 3;	/* MEI: no managed exit */
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	harness_expect_error(h, SP2, &in, NOT_SUPPORTED);
	in.x[1] = 4;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	in.x[1] = 0;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	/* reserved bits[30:8], and input properties, are refused */
	in.x[1] = 0x101;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	in.x[1] = 0x40000002;
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	in.x[1] = 2;
	in.x[2] = 1;
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
}

/*
 * Interfaces the manager only answers with: reported to every caller
 * that can get them (FFA_INTERRUPT only reaches the preempted scheduler),
 * never served as calls.
 */
static void test_features_answers(void **state)
{
	static const uint64_t answers[] = {
		0x84000060,	/* FFA_ERROR */
		0x84000061,	/* FFA_SUCCESS_32 */
		0xc4000061,	/* FFA_SUCCESS_64 */
		0x84000075,	/* FFA_MEM_RETRIEVE_RESP */
	};
	static const uint16_t callers[] = { HOST, SP1, SP2 };
	struct spm_harness *h = *state;
	struct ffa_regs ok = REGS(0x84000061);
	struct ffa_regs in = REGS(0x84000064, 0x84000062);
	unsigned int i, j;

	for (i = 0; i < sizeof(answers) / sizeof(answers[0]); i++) {
		for (j = 0; j < 3; j++) {
			in.x[1] = answers[i];
			harness_expect(h, callers[j], &in, &ok);
		}
		in = (struct ffa_regs)REGS(answers[i]);
		harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
		in = (struct ffa_regs)REGS(0x84000064, 0x84000062);
	}
	/* FFA_INTERRUPT */
	harness_expect(h, HOST, &in, &ok);
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	harness_expect_error(h, SP2, &in, NOT_SUPPORTED);
	in = (struct ffa_regs)REGS(0x84000062);
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
}

/*
 * ABIs for one side only (ffa-abi.md 5.1, 11, 13.1): the scheduler's
 * notification bitmap and INFO_GET, partitions' YIELD and MEM_PERM, and
 * BIND/UNBIND for receivers of notifications. FEATURES says what a call
 * by this caller gets, and the call gets NOT_SUPPORTED too.
 */
struct per_caller {
	uint64_t fid;
	bool host, sp1, sp2;	/* SP2 has notification support */
};

static const struct per_caller per_caller[] = {
	{ 0x8400007d, true, false, false },	/* BITMAP_CREATE */
	{ 0x8400007e, true, false, false },	/* BITMAP_DESTROY */
	{ 0x84000083, true, false, false },	/* INFO_GET_32 */
	{ 0xc4000083, true, false, false },	/* INFO_GET_64 */
	{ 0x8400007f, true, false, true },	/* BIND */
	{ 0x84000080, true, false, true },	/* UNBIND */
	{ 0x84000081, true, true, true },	/* SET */
	{ 0x84000082, true, true, true },	/* GET */
	{ 0x8400006c, false, true, true },	/* YIELD */
	{ 0x84000088, false, true, true },	/* MEM_PERM_GET_32 */
	{ 0xc4000088, false, true, true },	/* MEM_PERM_GET_64 */
	{ 0x84000089, false, true, true },	/* MEM_PERM_SET_32 */
	{ 0xc4000089, false, true, true },	/* MEM_PERM_SET_64 */
};

static void test_features_per_caller(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs ok = REGS(0x84000061);
	unsigned int i;

	for (i = 0; i < sizeof(per_caller) / sizeof(per_caller[0]); i++) {
		const struct per_caller *p = &per_caller[i];
		struct ffa_regs in = REGS(0x84000064, p->fid);

		if (p->host)
			harness_expect(h, HOST, &in, &ok);
		else
			harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
		if (p->sp1)
			harness_expect(h, SP1, &in, &ok);
		else
			harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
		if (p->sp2)
			harness_expect(h, SP2, &in, &ok);
		else
			harness_expect_error(h, SP2, &in, NOT_SUPPORTED);
	}
}

/* Plausible calls by the side that may not make them. */
static void test_one_side_calls_not_supported(void **state)
{
	struct spm_harness *h = *state;
	const struct {
		uint16_t ep;
		struct ffa_regs in;
	} calls[] = {
		{ SP1, REGS(0x8400007d, SP1, 1) },
		{ SP2, REGS(0x8400007e, SP2) },
		{ SP2, REGS(0x84000083) },
		{ SP2, REGS(0xc4000083) },
		{ SP1, REGS(0x8400007f, (SP2 << 16) | SP1, 0, 1) },
		{ SP1, REGS(0x84000080, (SP2 << 16) | SP1, 0, 1) },
		{ HOST, REGS(0x8400006c) },
		{ HOST, REGS(0x84000088, FAKE_MEM_BASE + 0x2000) },
		{ HOST, REGS(0xc4000088, FAKE_MEM_BASE + 0x2000) },
		{ HOST, REGS(0x84000089, FAKE_MEM_BASE + 0x2000, 1, 5) },
		{ HOST, REGS(0xc4000089, FAKE_MEM_BASE + 0x2000, 1, 5) },
		{ SP1, REGS(0x84000062) },
	};
	static struct spm_endpoint before[SPM_MAX_ENDPOINTS];
	unsigned int i;

	for (i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		memcpy(before, h->spm->endpoints, sizeof(before));
		harness_expect_error(h, calls[i].ep, &calls[i].in,
				     NOT_SUPPORTED);
		assert_memory_equal(before, h->spm->endpoints,
				    sizeof(before));
	}
}

/*
 * The class, swept: for every function number, both conventions, each
 * caller and each version it may have negotiated, FFA_FEATURES answers
 * NOT_SUPPORTED exactly when a call of that ID does (whatever else the
 * call answers), but for the IDs that are only ever answers.
 */
static bool only_an_answer(uint32_t fid)
{
	return fid == 0x84000060 || fid == 0x84000061 ||
	       fid == 0xc4000061 || fid == 0x84000062 || fid == 0x84000075;
}

static void expect_features_match_calls(uint32_t version)
{
	static const uint16_t callers[] = { HOST, SP1, SP2 };
	struct spm_harness *h = harness_new(64, 16);
	struct ffa_regs q, in;
	struct spm_decision d;
	uint32_t num, fid, j;
	bool advertised, refused;

	assert_int_equal(harness_add(h, HOST, 0x406, 2, true,
				     FAKE_MEM_BASE, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0x607, 2, false,
				     FAKE_MEM_BASE + 0x10000, 16), 0);
	assert_int_equal(harness_add(h, SP2, 0x60f, 1, false,
				     FAKE_MEM_BASE + 0x20000, 16), 0);
	for (j = 0; j < 3; j++)
		negotiate(h, callers[j], version);
	for (num = 0x60; num <= 0x97; num++) {
		for (j = 0; j < 6; j++) {
			fid = (j % 2 ? 0xc4000000U : 0x84000000U) | num;
			/* VERSION answers in w0; FEATURES(0) asks feature 0 */
			if (num == 0x63 || num == 0x64)
				continue;
			q = (struct ffa_regs)REGS(0x84000064, fid);
			d = harness_call(h, callers[j / 2], 0, &q);
			advertised = (uint32_t)d.regs.x[0] == 0x84000061;
			in = (struct ffa_regs)REGS(fid);
			d = harness_call(h, callers[j / 2], 0, &in);
			refused = (uint32_t)d.regs.x[0] == 0x84000060 &&
				  (uint32_t)d.regs.x[2] == 0xffffffff;
			if (advertised == refused && !only_an_answer(fid))
				fail_msg("v%#x ep %#x fid %#x: FEATURES %s, "
					 "the call %s", version,
					 callers[j / 2], fid,
					 advertised ? "yes" : "no",
					 refused ? "NOT_SUPPORTED" : "served");
			if (only_an_answer(fid) && !refused)
				fail_msg("answer %#x served as a call", fid);
		}
	}
	harness_fini(h);
	free(h);
}

static void test_features_say_what_a_call_gets(void **state)
{
	(void)state;
	expect_features_match_calls(0x10002);
	expect_features_match_calls(0x10001);
	expect_features_match_calls(0x10000);
}

/* ---- IDs, and the client side of all of the above ---- */

static void test_id_get(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000069);
	struct ffa_regs host = REGS(0x84000061, 0, 0x0001);
	struct ffa_regs sp = REGS(0x84000061, 0, 0x8001);
	struct ffa_regs spm_in = REGS(0x84000085);
	struct ffa_regs spm_out = REGS(0x84000061, 0, 0x8000);

	harness_expect(h, HOST, &in, &host);
	harness_expect(h, SP1, &in, &sp);
	harness_expect(h, SP1, &spm_in, &spm_out);
	harness_expect(h, HOST, &spm_in, &spm_out);
}

static void test_client_round_trip(void **state)
{
	struct spm_harness *h = *state;
	struct harness_conduit hc;
	const struct ffa_conduit *c = harness_conduit(&hc, h, HOST, 0);
	struct ffa_features f;
	uint32_t version;
	uint16_t id;

	assert_int_equal(ffa_version(c, 0x10001, &version), 0);
	assert_int_equal(version, 0x10002);
	assert_int_equal(ffa_id_get(c, &id), 0);
	assert_int_equal(id, HOST);
	assert_int_equal(ffa_spm_id_get(c, &id), 0);
	assert_int_equal(id, 0x8000);
	assert_int_equal(ffa_features(c, FFA_FEATURE_SRI, 0, &f), 0);
	assert_int_equal(f.w2, 8);
	assert_int_equal(ffa_features(c, FFA_RXTX_MAP_64, 0, &f), 0);
	assert_int_equal(f.w2, 0);	/* the host speaks v1.1 now */
	assert_int_equal(ffa_features(c, FFA_RX_ACQUIRE, 0, &f),
			 FFA_RET_NOT_SUPPORTED);
	assert_int_equal(ffa_version(c, 0x10002, &version),
			 FFA_RET_NOT_SUPPORTED);
}

/* ---- FFA_CONSOLE_LOG ---- */

static void assert_console(struct spm_harness *h, const char *s)
{
	assert_int_equal(h->fp.console_len, strlen(s));
	assert_memory_equal(h->fp.console, s, strlen(s));
}

static void test_console_log_32(void **state)
{
	struct spm_harness *h = *state;
	/* "abcdef" in w2..w3, first character in bits[7:0] */
	struct ffa_regs in = REGS(0x8400008a, 6, 0x64636261, 0x6665);
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect(h, SP1, &in, &ok);
	assert_console(h, "");
	assert_int_equal(ep_of(h, SP1)->console_len, 6);
	/* "g\n": the line is printed without its newline */
	in = (struct ffa_regs)REGS(0x8400008a, 2, 0x0a67);
	harness_expect(h, SP1, &in, &ok);
	assert_console(h, "abcdefg");
	assert_int_equal(ep_of(h, SP1)->console_len, 0);
}

static void test_console_log_64_and_nul(void **state)
{
	struct spm_harness *h = *state;
	/* "hello" NUL NUL "xy" over x2..x3: a NUL ends "hello" */
	struct ffa_regs in = REGS(0xc400008a, 9, 0x7800006f6c6c6568ULL,
				  0x0079);
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect(h, SP1, &in, &ok);
	assert_console(h, "hello");
	assert_int_equal(ep_of(h, SP1)->console_len, 2);
	assert_memory_equal(ep_of(h, SP1)->console, "xy", 2);
	/* x17 carries characters 121..128 for a v1.2 caller */
	memset(&in, 0, sizeof(in));
	in.x[0] = 0xc400008a;
	in.x[1] = 128;
	memset(&in.x[2], 'z', 16 * 8);
	harness_expect(h, SP1, &in, &ok);
	/* 126 fit after "xy"; the full buffer is printed, 2 remain */
	assert_int_equal(h->fp.console_len, 5 + 128);
	assert_int_equal(ep_of(h, SP1)->console_len, 2);
}

static void test_console_log_bad_count(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x8400008a, 0, 0x4141414141414141ULL,
				  0x4141414141414141ULL, 0x4141414141414141ULL,
				  0x4141414141414141ULL, 0x4141414141414141ULL,
				  0x4141414141414141ULL);

	harness_expect_error(h, SP1, &in, INVALID);
	in.x[1] = 25;
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[1] = 0x101;	/* w1 bits above [7:0] are MBZ */
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[0] = 0xc400008a;
	in.x[1] = 129;
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[1] = 0x100000001ULL;
	harness_expect_error(h, SP1, &in, INVALID);
	assert_int_equal(ep_of(h, SP1)->console_len, 0);
	assert_int_equal(h->fp.console_len, 0);
	/*
	 * CONSOLE_LOG is a v1.2 ABI (ffa-abi.md 2.1): a caller that
	 * negotiated v1.1 is not served either form, so 13.2's x2..x7
	 * variant for v1.1 callers never arises.
	 */
	negotiate(h, HOST, 0x10001);
	in.x[1] = 48;
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	in.x[0] = 0x8400008a;
	in.x[1] = 24;
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	assert_int_equal(ep_of(h, HOST)->console_len, 0);
}

static void test_console_client(void **state)
{
	static const char msg[] = "a line longer than one SMC32 call\n";
	struct spm_harness *h = *state;
	struct harness_conduit hc;
	const struct ffa_conduit *c = harness_conduit(&hc, h, SP1, 0);

	assert_int_equal(ffa_console_log(c, FFA_VERSION_1_2, false, msg,
					 strlen(msg)), 0);
	assert_console(h, "a line longer than one SMC32 call");
	assert_int_equal(ffa_console_log(c, FFA_VERSION_1_2, true, "ok\n",
					 3), 0);
	assert_console(h, "a line longer than one SMC32 callok");
}

/*
 * What the dispatch table keeps per endpoint instead of recomputing it
 * on each call (its index, its roles, a version never above the
 * manager's, its view of each row) is
 * checked as an invariant: a stale copy is caught, by name.
 */
static void test_abi_view_invariant(void **state)
{
	struct spm_harness *h = *state;
	uint16_t ids[] = { HOST, SP1, SP2 };
	const char *why = NULL;
	unsigned int i;

	assert_int_equal(spm_check_invariants(h->spm, &why), 0);
	for (i = 0; i < 3; i++) {
		struct spm_endpoint *ep = ep_of(h, ids[i]);
		uint8_t who = ep->abi_who;
		uint32_t version = ep->version;

		ep->abi_who ^= 0x2;
		assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
		assert_string_equal(why, "endpoint roles out of date");
		ep->abi_who = who;
		ep->version = FFA_VERSION_1_2 + 1;
		assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
		assert_string_equal(why, "version above the manager's");
		ep->version = version;
		assert_int_equal(spm_check_invariants(h->spm, &why), 0);
		ep->abi_view[SPM_ABI_ROW(FFA_ID_GET)] ^= SPM_VIEW_CALL;
		assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
		assert_string_equal(why, "endpoint ABI view out of date");
		ep->abi_view[SPM_ABI_ROW(FFA_ID_GET)] ^= SPM_VIEW_CALL;
		assert_int_equal(spm_check_invariants(h->spm, &why), 0);
		ep->index ^= 1;
		assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
		assert_string_equal(why, "endpoint index out of date");
		ep->index ^= 1;
		assert_int_equal(spm_check_invariants(h->spm, &why), 0);
	}
}

/* A REQ2 receiver's UUIDs in register form follow its manifest's. */
static void test_uuid_regs_invariant(void **state)
{
	struct spm_harness *h = *state;
	struct spm_endpoint *ep = ep_of(h, SP1);
	struct ffa_uuid u = { { 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc,
				0xfe, 1, 2, 3, 4, 5, 6, 7, 8 } };
	const char *why = NULL;

	/* Added with no UUIDs: give it one, as endpoint.c would have. */
	ep->cfg.uuids[0] = u;
	ep->cfg.nr_uuids = 1;
	assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
	assert_string_equal(why, "endpoint UUID registers out of date");
	ep->uuid_regs[0][0] = 0xfedcba9876543210ULL;
	ep->uuid_regs[0][1] = 0x0807060504030201ULL;
	assert_int_equal(spm_check_invariants(h->spm, &why), 0);
	ep->uuid_regs[0][1] ^= 1;
	assert_int_equal(spm_check_invariants(h->spm, &why), INVALID);
	ep->uuid_regs[0][1] ^= 1;
	ep->cfg.nr_uuids = 0;
	assert_int_equal(spm_check_invariants(h->spm, &why), 0);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, \
						 harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_version_same_and_older),
		T(test_version_newer_minor),
		T(test_version_not_supported),
		T(test_version_frozen),
		T(test_features_functions),
		T(test_features_not_implemented),
		T(test_features_rxtx_map),
		T(test_features_input_properties),
		T(test_features_interrupts),
		T(test_features_answers),
		T(test_features_per_caller),
		T(test_one_side_calls_not_supported),
		T(test_features_say_what_a_call_gets),
		T(test_id_get),
		T(test_client_round_trip),
		T(test_console_log_32),
		T(test_console_log_64_and_nul),
		T(test_console_log_bad_count),
		T(test_console_client),
		T(test_abi_view_invariant),
		T(test_uuid_regs_invariant),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
