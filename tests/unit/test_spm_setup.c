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

#include <string.h>

#include <libffa/client.h>
#include "fake_platform.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001

#define NOT_SUPPORTED	(-1)
#define INVALID		(-2)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, FAKE_MEM_BASE, 16),
			 0);
	assert_int_equal(harness_add(h, SP1, 0, 2, false,
				     FAKE_MEM_BASE + 0x10000, 16), 0);
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

	for (i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++) {
		struct ffa_regs in = REGS(0x84000064, implemented[i]);

		harness_expect(h, SP1, &in, &out);
	}
}

static void test_features_not_implemented(void **state)
{
	static const uint64_t absent[] = {
		0x84000084,	/* FFA_RX_ACQUIRE: hypervisor -> SPMC only */
		0x8400006a,	/* FFA_MSG_POLL */
		0x8400006e,	/* FFA_MSG_SEND */
		0xc4000087,	/* FFA_SECONDARY_EP_REGISTER_64 */
		0x84000060,	/* FFA_ERROR */
		0x84000061,	/* FFA_SUCCESS_32 */
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
	/* MEM_RETRIEVE_REQ: bit 1 (NS) only; answers n = 0 */
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
	in.x[1] = 1;
	harness_expect(h, SP1, &in, &npi);
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	in.x[1] = 3;	/* MEI: no managed exit */
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
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
	struct ffa_regs ok = REGS(0x84000061);

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
	/* a v1.1 caller's _64 carries x2..x7 only: 48 characters */
	negotiate(h, HOST, 0x10001);
	in.x[1] = 49;
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[1] = 48;
	harness_expect(h, HOST, &in, &ok);
	assert_int_equal(ep_of(h, HOST)->console_len, 48);
	in.x[0] = 0x8400008a;
	in.x[1] = 24;
	harness_expect(h, HOST, &in, &ok);
	assert_int_equal(ep_of(h, HOST)->console_len, 72);
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
		T(test_id_get),
		T(test_client_round_trip),
		T(test_console_log_32),
		T(test_console_log_64_and_nul),
		T(test_console_log_bad_count),
		T(test_console_client),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
