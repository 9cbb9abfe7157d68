// SPDX-License-Identifier: BSD-3-Clause
/*
 * Setup and discovery calls of the client API against a scripted callee:
 * the exact registers each call issues (ffa-abi.md 2.2, 4, 5, 7.3, 13.2),
 * the values it decodes, and the answers it must refuse.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/client.h>
#include <libffa/partinfo.h>

#include "script_conduit.h"

/* OP-TEE's UUID 486178e0-e7f8-11e3-bc5e-0002a5d5c51b (ffa-abi.md 7.3). */
static const struct ffa_uuid optee = { {
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
} };

/* ---- thunks for the plain-answer table ---- */

static int features_rxtx_map(const struct ffa_conduit *c)
{
	struct ffa_features f;

	return ffa_features(c, 0xC4000066, 0, &f);
}

static int features_retrieve_ns(const struct ffa_conduit *c)
{
	struct ffa_features f;

	return ffa_features(c, 0x84000074, 0x2, &f);
}

static int id_get(const struct ffa_conduit *c)
{
	uint16_t id;

	return ffa_id_get(c, &id);
}

static int spm_id_get(const struct ffa_conduit *c)
{
	uint16_t id;

	return ffa_spm_id_get(c, &id);
}

static int rxtx_map_64(const struct ffa_conduit *c)
{
	return ffa_rxtx_map(c, 0x8880000000, 0x8880001000, 1, true);
}

static int rxtx_map_32_max(const struct ffa_conduit *c)
{
	return ffa_rxtx_map(c, 0x80000000, 0x80040000, 63, false);
}

static int rxtx_unmap_vm(const struct ffa_conduit *c)
{
	return ffa_rxtx_unmap(c, 0x0002);
}

static int rx_release_self(const struct ffa_conduit *c)
{
	return ffa_rx_release(c, 0);
}

static int rx_release_vm(const struct ffa_conduit *c)
{
	return ffa_rx_release(c, 0x0003);
}

static int rx_acquire_vm(const struct ffa_conduit *c)
{
	return ffa_rx_acquire(c, 0x0004);
}

static int partinfo_optee_count(const struct ffa_conduit *c)
{
	struct ffa_partinfo_count n;

	return ffa_partition_info_get(c, &optee, 1, &n);
}

static int partinfo_nil(const struct ffa_conduit *c)
{
	struct ffa_partinfo_count n;

	return ffa_partition_info_get(c, NULL, 0, &n);
}

static int secondary_ep(const struct ffa_conduit *c)
{
	return ffa_secondary_ep_register(c, 0x80201000);
}

static int console_hi(const struct ffa_conduit *c)
{
	return ffa_console_log(c, 0x10002, false, "hi", 2);
}

static void test_plain_calls(void **state)
{
	static const struct script_plain_case cases[] = {
		{ "FEATURES(RXTX_MAP_64)", REGS(0x84000064, 0xC4000066),
		  features_rxtx_map },
		{ "FEATURES(RETRIEVE_REQ_32, NS bit)",
		  REGS(0x84000064, 0x84000074, 0x2), features_retrieve_ns },
		{ "ID_GET", REGS(0x84000069), id_get },
		{ "SPM_ID_GET", REGS(0x84000085), spm_id_get },
		{ "RXTX_MAP_64", REGS(0xC4000066, 0x8880000000, 0x8880001000,
				      1), rxtx_map_64 },
		{ "RXTX_MAP_32, 63 pages",
		  REGS(0x84000066, 0x80000000, 0x80040000, 63),
		  rxtx_map_32_max },
		{ "RXTX_UNMAP(2)", REGS(0x84000067, 0x00020000),
		  rxtx_unmap_vm },
		{ "RX_RELEASE(0)", REGS(0x84000065), rx_release_self },
		{ "RX_RELEASE(3)", REGS(0x84000065, 0x0003), rx_release_vm },
		{ "RX_ACQUIRE(4)", REGS(0x84000084, 0x0004), rx_acquire_vm },
		{ "PARTITION_INFO_GET(optee, count only)",
		  REGS(0x84000068, 0xe0786148, 0xe311f8e7, 0x02005ebc,
		       0x1bc5d5a5, 1), partinfo_optee_count },
		{ "PARTITION_INFO_GET(nil)", REGS(0x84000068), partinfo_nil },
		{ "SECONDARY_EP_REGISTER_64", REGS(0xC4000087, 0x80201000),
		  secondary_ep },
		{ "CONSOLE_LOG_32(\"hi\")", REGS(0x8400008A, 2, 0x6968),
		  console_hi },
	};

	script_check_plain(state, cases, SCRIPT_LEN(cases));
}

/* ---- values decoded from the answers ---- */

static void test_version(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000063, 0x10002), REGS(0x10001) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	uint32_t v = 0;

	assert_int_equal(ffa_version(c, 0x10002, &v), 0);
	assert_int_equal(v, 0x10001);
}

/* Not SUCCESS/ERROR: -1 is NOT_SUPPORTED, any other bit 31 is bogus. */
static void test_version_bad_answers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000063, 0x10000), REGS(0xffffffff) },
		{ REGS(0x84000063, 0x10000), REGS(0x84000060, 0, 0xffffffff) },
		{ REGS(0x84000063, 0x10000), REGS(0x80010002) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	uint32_t v = 0x5a5a;

	assert_int_equal(ffa_version(c, 0x10000, &v), FFA_RET_NOT_SUPPORTED);
	assert_int_equal(ffa_version(c, 0x10000, &v), FFA_EPROTO);
	assert_int_equal(ffa_version(c, 0x10000, &v), FFA_EPROTO);
	assert_int_equal(v, 0x5a5a);
}

static void test_version_bit31_refused_locally(void **state)
{
	const struct ffa_conduit *c = SCRIPT_NONE(state);
	uint32_t v;

	assert_int_equal(ffa_version(c, 0x80010002, &v),
			 FFA_RET_INVALID_PARAMETERS);
}

/* v1.2 RXTX_MAP properties: 64 KiB minimum, at most 16 pages. */
static void test_features_values(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000064, 0xC4000066),
		  REGS(0x84000061, 0, 0x00100001, 0) },
		{ REGS(0x84000064, 0x2), REGS(0x84000061, 0, 8, 0x77) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_features f;

	assert_int_equal(ffa_features(c, 0xC4000066, 0, &f), 0);
	assert_int_equal(f.w2, 0x00100001);
	assert_int_equal(f.w3, 0);
	assert_int_equal(ffa_features(c, 2, 0, &f), 0);
	assert_int_equal(f.w2, 8);
	assert_int_equal(f.w3, 0x77);
}

static void test_id_values(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000069), REGS(0x84000061, 0, 0x8003) },
		{ REGS(0x84000085), REGS(0x84000061, 0, 0x8000) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	uint16_t id = 0;

	assert_int_equal(ffa_id_get(c, &id), 0);
	assert_int_equal(id, 0x8003);
	assert_int_equal(ffa_spm_id_get(c, &id), 0);
	assert_int_equal(id, 0x8000);
}

/* 0 or more than 63 pages cannot be said in w3[5:0]. */
static void test_rxtx_map_refused_locally(void **state)
{
	const struct ffa_conduit *c = SCRIPT_NONE(state);

	assert_int_equal(ffa_rxtx_map(c, 0x1000, 0x2000, 0, true),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_rxtx_map(c, 0x1000, 0x2000, 64, true),
			 FFA_RET_INVALID_PARAMETERS);
	/* The SMC32 form cannot carry an address above 4 GiB. */
	assert_int_equal(ffa_rxtx_map(c, 0x100000000, 0x2000, 1, false),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_rxtx_map(c, 0x1000, 0x100002000, 1, false),
			 FFA_RET_INVALID_PARAMETERS);
}

static void test_partition_info_get_counts(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000068), REGS(0x84000061, 0, 3, 24) },
		/* A v1.0 manager answers without a size. */
		{ REGS(0x84000068), REGS(0x84000061, 0, 2) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_partinfo_count n;

	assert_int_equal(ffa_partition_info_get(c, NULL, 0, &n), 0);
	assert_int_equal(n.count, 3);
	assert_int_equal(n.desc_size, 24);
	assert_int_equal(ffa_partition_info_get(c, NULL, 0, &n), 0);
	assert_int_equal(n.count, 2);
	assert_int_equal(n.desc_size, 0);
}

/* Start 2, tag 7: two descriptors back (indices 2 and 3 of 0..3). */
static void test_partition_info_get_regs(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008B, 0xe311f8e7e0786148, 0x1bc5d5a502005ebc,
		       0x00070002),
		  REGS(0xC4000061, 0, 0x0018000700030003,
		       0x0000030f00028003, 0xe311f8e7e0786148,
		       0x1bc5d5a502005ebc, 0x0000000700018004, 0, 0) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_partinfo_regs pr;

	assert_int_equal(ffa_partition_info_get_regs(c, &optee, 2, 7, &pr),
			 0);
	assert_int_equal(pr.last_index, 3);
	assert_int_equal(pr.current_index, 3);
	assert_int_equal(pr.tag, 7);
	assert_int_equal(pr.desc_size, 24);
	assert_int_equal(pr.x[0], 0x0000030f00028003);
	assert_int_equal(pr.x[1], 0xe311f8e7e0786148);
	assert_int_equal(pr.x[2], 0x1bc5d5a502005ebc);
	assert_int_equal(pr.x[3], 0x0000000700018004);
}

static void test_partition_info_get_regs_bad(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008B), REGS(0x84000060, 0, 0xfffffff9) },
		/* FFA_SUCCESS_32 cannot carry x2[63:32] or the descriptors. */
		{ REGS(0xC400008B), REGS(0x84000061, 0, 0x0018000000000000) },
		/* Current index before the start we asked for. */
		{ REGS(0xC400008B, [3] = 0x00000002),
		  REGS(0xC4000061, 0, 0x0018000000010003) },
		{ REGS(0xC400008B), REGS(0x84000063) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_partinfo_regs pr;

	assert_int_equal(ffa_partition_info_get_regs(c, NULL, 0, 0, &pr),
			 FFA_RET_RETRY);
	assert_int_equal(ffa_partition_info_get_regs(c, NULL, 0, 0, &pr),
			 FFA_EPROTO);
	assert_int_equal(ffa_partition_info_get_regs(c, NULL, 2, 0, &pr),
			 FFA_EPROTO);
	assert_int_equal(ffa_partition_info_get_regs(c, NULL, 0, 0, &pr),
			 FFA_EPROTO);
}

/* ---- FFA_CONSOLE_LOG packing and splitting ---- */

/* 30 characters over SMC32: 24, then 6, first character lowest. */
static void test_console_log_32_split(void **state)
{
	static const char s[] = "abcdefghijklmnopqrstuvwxyz0123";
	static const struct script_step steps[] = {
		{ REGS(0x8400008A, 24, 0x64636261, 0x68676665, 0x6c6b6a69,
		       0x706f6e6d, 0x74737271, 0x78777675),
		  REGS(0x84000061) },
		{ REGS(0x8400008A, 6, 0x31307a79, 0x3332), REGS(0x84000061) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);

	assert_int_equal(ffa_console_log(c, 0x10002, false, s, 30), 0);
}

/* SMC64 from a v1.1 caller: 48 characters (x2-x7) per call. */
static void test_console_log_64_v1_1(void **state)
{
	static const char s[] = "0123456789012345678901234"
				"5678901234567890123456789";
	static const struct script_step steps[] = {
		{ REGS(0xC400008A, 48, 0x3736353433323130, 0x3534333231303938,
		       0x3332313039383736, 0x3130393837363534,
		       0x3938373635343332, 0x3736353433323130),
		  REGS(0x84000061) },
		{ REGS(0xC400008A, 2, 0x3938), REGS(0x84000061) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);

	assert_int_equal(ffa_console_log(c, 0x10001, true, s, 50), 0);
}

/* SMC64 from a v1.2 caller: 128 characters (x2-x17) per call. */
static void test_console_log_64_v1_2(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC400008A, 128, 0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x7878787878787878,
		       0x7878787878787878, 0x5a78787878787878),
		  REGS(0x84000061) },
		{ REGS(0xC400008A, 2, 0x7a79), REGS(0x84000061) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	char s[130];

	memset(s, 'x', sizeof(s));
	s[127] = 'Z';
	s[128] = 'y';
	s[129] = 'z';
	assert_int_equal(ffa_console_log(c, 0x10002, true, s, 130), 0);
}

static void test_console_log_empty_makes_no_call(void **state)
{
	const struct ffa_conduit *c = SCRIPT_NONE(state);

	assert_int_equal(ffa_console_log(c, 0x10002, false, "", 0), 0);
}

/* A failed chunk stops the string: RETRY comes back, no third call. */
static void test_console_log_stops_on_error(void **state)
{
	static const char s[] = "abcdefghijklmnopqrstuvwxyz"
				"abcdefghijklmnopqrstuvwx";
	static const struct script_step steps[] = {
		{ REGS(0x8400008A, 24, 0x64636261, 0x68676665, 0x6c6b6a69,
		       0x706f6e6d, 0x74737271, 0x78777675),
		  REGS(0x84000061) },
		{ REGS(0x8400008A, 24, 0x62617a79, 0x66656463, 0x6a696867,
		       0x6e6d6c6b, 0x7271706f, 0x76757473),
		  REGS(0x84000060, 0, 0xfffffff9, 1) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);

	assert_int_equal(ffa_console_log(c, 0x10002, false, s, 50),
			 FFA_RET_RETRY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SCRIPT_TEST(test_plain_calls),
		SCRIPT_TEST(test_version),
		SCRIPT_TEST(test_version_bad_answers),
		SCRIPT_TEST(test_version_bit31_refused_locally),
		SCRIPT_TEST(test_features_values),
		SCRIPT_TEST(test_id_values),
		SCRIPT_TEST(test_rxtx_map_refused_locally),
		SCRIPT_TEST(test_partition_info_get_counts),
		SCRIPT_TEST(test_partition_info_get_regs),
		SCRIPT_TEST(test_partition_info_get_regs_bad),
		SCRIPT_TEST(test_console_log_32_split),
		SCRIPT_TEST(test_console_log_64_v1_1),
		SCRIPT_TEST(test_console_log_64_v1_2),
		SCRIPT_TEST(test_console_log_empty_makes_no_call),
		SCRIPT_TEST(test_console_log_stops_on_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
