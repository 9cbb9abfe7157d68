// SPDX-License-Identifier: BSD-3-Clause
/*
 * Golden descriptors (hand-written in test_mem_common.h from ffa-abi.md):
 * the builder must produce exactly these bytes, the parser must yield
 * exactly the model, and parse-then-build must translate between the
 * v1.0 and v1.1 layouts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "test_mem_common.h"

#define CAP 16

static void assert_bytes(const uint8_t *got, uint32_t got_len,
			 const uint8_t *want, uint32_t want_len)
{
	assert_int_equal(got_len, want_len);
	assert_memory_equal(got, want, want_len);
}

static void check_build_share_a(uint32_t version, bool impdef,
				const uint8_t *golden, uint32_t golden_len)
{
	struct ffa_mem_access a;
	struct ffa_mem_range r[2];
	struct ffa_mtd_spec spec;
	uint8_t buf[256];
	uint32_t len;

	share_a_access(&a, impdef);
	share_a_ranges(r);
	spec = share_a_spec(version, &a);
	/* Garbage first: the builder must write every reserved field. */
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(build_whole(&spec, r, buf, sizeof(buf), &len), 0);
	assert_bytes(buf, len, golden, golden_len);
}

static void test_build_share_v1_0(void **state)
{
	(void)state;
	check_build_share_a(FFA_VERSION_1_0, false, golden_share_v1_0,
			    sizeof(golden_share_v1_0));
}

static void test_build_share_v1_1(void **state)
{
	(void)state;
	check_build_share_a(FFA_VERSION_1_1, false, golden_share_v1_1,
			    sizeof(golden_share_v1_1));
}

static void test_build_share_v1_2(void **state)
{
	(void)state;
	check_build_share_a(FFA_VERSION_1_2, true, golden_share_v1_2,
			    sizeof(golden_share_v1_2));
}

static void test_build_lend2_v1_1(void **state)
{
	const struct ffa_mem_access a[2] = {
		{ .receiver_id = 0x8002, .perms = FFA_MEM_DATA_RW },
		{ .receiver_id = 0x8003, .perms = FFA_MEM_DATA_RO },
	};
	const struct ffa_mem_range r = { .address = 0x90000000,
					 .page_count = 4 };
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_1,
		.hdr = { .sender_id = A_SENDER, .flags = FFA_MEM_FLAG_ZERO,
			 .attributes = FFA_MEM_ATTR_NORMAL_WB_IS, .tag = 0x42 },
		.access = a, .nr_access = 2, .total_pages = 4, .nr_ranges = 1,
	};
	uint8_t buf[256];
	uint32_t len;

	(void)state;
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(build_whole(&spec, &r, buf, sizeof(buf), &len), 0);
	assert_bytes(buf, len, golden_lend2_v1_1, sizeof(golden_lend2_v1_1));
}

static const struct ffa_mem_header retrieve_hdr = {
	.sender_id = A_SENDER, .attributes = FFA_MEM_ATTR_NORMAL_WB_IS,
	.flags = FFA_RETRIEVE_TYPE_SHARE << FFA_RETRIEVE_TYPE_SHIFT,
	.handle = R_HANDLE, .tag = A_TAG,
};

static void test_build_retrieve_v1_1(void **state)
{
	struct ffa_mem_access a;
	uint8_t buf[128];
	uint32_t len;

	(void)state;
	share_a_access(&a, false);
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(ffa_mtd_build_retrieve_req(buf, sizeof(buf),
						    FFA_VERSION_1_1,
						    &retrieve_hdr, &a, 1,
						    &len), 0);
	assert_bytes(buf, len, golden_retrieve_v1_1,
		     sizeof(golden_retrieve_v1_1));
}

static void test_build_relinquish(void **state)
{
	const uint16_t id = A_RECEIVER;
	uint8_t buf[32];
	uint32_t len;

	(void)state;
	memset(buf, 0xee, sizeof(buf));
	assert_int_equal(ffa_relinquish_build(buf, sizeof(buf), R_HANDLE, 0,
					      &id, 1, &len), 0);
	assert_bytes(buf, len, golden_relinquish, sizeof(golden_relinquish));
}

static void parse_golden(uint32_t version, enum ffa_mem_op op,
			 const uint8_t *golden, uint32_t len,
			 struct ffa_mtd *m, struct ffa_mem_range *ranges)
{
	struct ffa_mtd_ctx ctx = send_ctx(version, op);
	struct ffa_mem_range scratch[CAP];
	const char *why = NULL;

	assert_int_equal(ffa_mtd_parse_full(&ctx, golden, len, m, ranges,
					    scratch, CAP, &why), 0);
	assert_null(why);
	assert_int_equal(m->total_len, len);
}

static void check_parse_share_a(uint32_t version, const uint8_t *golden,
				uint32_t len, bool impdef,
				uint32_t composite_offset)
{
	struct ffa_mem_range r[CAP], want_r[2];
	struct ffa_mem_access want_a;
	struct ffa_mtd m;

	parse_golden(version, FFA_MEM_OP_SHARE, golden, len, &m, r);
	share_a_access(&want_a, impdef);
	share_a_ranges(want_r);
	assert_int_equal(m.layout_version, version);
	assert_int_equal(m.hdr.sender_id, A_SENDER);
	assert_int_equal(m.hdr.attributes, FFA_MEM_ATTR_NORMAL_WB_IS);
	assert_int_equal(m.hdr.flags, 0);
	assert_int_equal(m.hdr.handle, 0);
	assert_int_equal(m.hdr.tag, A_TAG);
	assert_int_equal(m.nr_access, 1);
	assert_memory_equal(&m.access[0], &want_a, sizeof(want_a));
	assert_int_equal(m.composite_offset, composite_offset);
	assert_int_equal(m.ranges_offset, composite_offset + 16);
	assert_int_equal(m.total_pages, 3);
	assert_int_equal(m.nr_ranges, 2);
	assert_memory_equal(r, want_r, sizeof(want_r));
}

static void test_parse_share_v1_0(void **state)
{
	(void)state;
	check_parse_share_a(FFA_VERSION_1_0, golden_share_v1_0,
			    sizeof(golden_share_v1_0), false, 48);
}

static void test_parse_share_v1_1(void **state)
{
	(void)state;
	check_parse_share_a(FFA_VERSION_1_1, golden_share_v1_1,
			    sizeof(golden_share_v1_1), false, 64);
}

static void test_parse_share_v1_2(void **state)
{
	(void)state;
	check_parse_share_a(FFA_VERSION_1_2, golden_share_v1_2,
			    sizeof(golden_share_v1_2), true, 80);
}

static void test_parse_lend2_v1_1(void **state)
{
	struct ffa_mem_range r[CAP];
	struct ffa_mtd m;

	(void)state;
	parse_golden(FFA_VERSION_1_1, FFA_MEM_OP_LEND, golden_lend2_v1_1,
		     sizeof(golden_lend2_v1_1), &m, r);
	assert_int_equal(m.layout_version, FFA_VERSION_1_1);
	assert_int_equal(m.hdr.flags, FFA_MEM_FLAG_ZERO);
	assert_int_equal(m.hdr.tag, 0x42);
	assert_int_equal(m.nr_access, 2);
	assert_int_equal(m.access[0].receiver_id, 0x8002);
	assert_int_equal(m.access[0].perms, FFA_MEM_DATA_RW);
	assert_int_equal(m.access[1].receiver_id, 0x8003);
	assert_int_equal(m.access[1].perms, FFA_MEM_DATA_RO);
	assert_int_equal(m.composite_offset, 80);
	assert_int_equal(m.total_pages, 4);
	assert_int_equal(m.nr_ranges, 1);
	assert_int_equal(r[0].address, 0x90000000);
	assert_int_equal(r[0].page_count, 4);
}

static void test_parse_retrieve_v1_1(void **state)
{
	struct ffa_retrieve_req req;
	struct ffa_mem_access want_a;
	const char *why = NULL;

	(void)state;
	assert_int_equal(ffa_retrieve_req_parse(FFA_VERSION_1_1,
						golden_retrieve_v1_1,
						sizeof(golden_retrieve_v1_1),
						&req, &why), 0);
	share_a_access(&want_a, false);
	assert_int_equal(req.layout_version, FFA_VERSION_1_1);
	assert_memory_equal(&req.hdr, &retrieve_hdr, sizeof(req.hdr));
	assert_int_equal(req.nr_access, 1);
	assert_memory_equal(&req.access[0], &want_a, sizeof(want_a));
	assert_int_equal(req.type, FFA_RETRIEVE_TYPE_SHARE);
}

static void test_parse_relinquish(void **state)
{
	struct ffa_relinquish rel;
	const char *why = NULL;

	(void)state;
	assert_int_equal(ffa_relinquish_parse(golden_relinquish,
					      sizeof(golden_relinquish),
					      &rel, &why), 0);
	assert_int_equal(rel.handle, R_HANDLE);
	assert_int_equal(rel.flags, 0);
	assert_int_equal(rel.nr_ids, 1);
	assert_int_equal(rel.ids[0], A_RECEIVER);
}

/* Parse in the caller's layout, rebuild in the other one. */
static void check_translate(uint32_t from, const uint8_t *src,
			    uint32_t src_len, uint32_t to,
			    const uint8_t *want, uint32_t want_len)
{
	struct ffa_mem_range r[CAP];
	struct ffa_mtd_spec spec;
	struct ffa_mtd m;
	uint8_t buf[256];
	uint32_t len;

	parse_golden(from, FFA_MEM_OP_SHARE, src, src_len, &m, r);
	spec = spec_of(&m, to);
	assert_int_equal(build_whole(&spec, r, buf, sizeof(buf), &len), 0);
	assert_bytes(buf, len, want, want_len);
}

static void test_translate_v1_0_to_v1_1(void **state)
{
	(void)state;
	check_translate(FFA_VERSION_1_0, golden_share_v1_0,
			sizeof(golden_share_v1_0), FFA_VERSION_1_1,
			golden_share_v1_1, sizeof(golden_share_v1_1));
}

static void test_translate_v1_1_to_v1_0(void **state)
{
	(void)state;
	check_translate(FFA_VERSION_1_1, golden_share_v1_1,
			sizeof(golden_share_v1_1), FFA_VERSION_1_0,
			golden_share_v1_0, sizeof(golden_share_v1_0));
}

/*
 * Decision: an impdef value cannot travel in a 16-byte EMAD, and the
 * builder refuses rather than drop it; the manager clears it on purpose.
 */
static void test_translate_v1_2_impdef_to_v1_1_refused(void **state)
{
	struct ffa_mem_range r[CAP];
	struct ffa_mtd_spec spec;
	struct ffa_mtd m;
	uint8_t buf[256];
	uint32_t len;

	(void)state;
	parse_golden(FFA_VERSION_1_2, FFA_MEM_OP_SHARE, golden_share_v1_2,
		     sizeof(golden_share_v1_2), &m, r);
	spec = spec_of(&m, FFA_VERSION_1_1);
	assert_int_equal(build_whole(&spec, r, buf, sizeof(buf), &len),
			 FFA_RET_INVALID_PARAMETERS);
	memset(m.access[0].impdef, 0, sizeof(m.access[0].impdef));
	assert_int_equal(build_whole(&spec, r, buf, sizeof(buf), &len), 0);
	assert_bytes(buf, len, golden_share_v1_1, sizeof(golden_share_v1_1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_share_v1_0),
		cmocka_unit_test(test_build_share_v1_1),
		cmocka_unit_test(test_build_share_v1_2),
		cmocka_unit_test(test_build_lend2_v1_1),
		cmocka_unit_test(test_build_retrieve_v1_1),
		cmocka_unit_test(test_build_relinquish),
		cmocka_unit_test(test_parse_share_v1_0),
		cmocka_unit_test(test_parse_share_v1_1),
		cmocka_unit_test(test_parse_share_v1_2),
		cmocka_unit_test(test_parse_lend2_v1_1),
		cmocka_unit_test(test_parse_retrieve_v1_1),
		cmocka_unit_test(test_parse_relinquish),
		cmocka_unit_test(test_translate_v1_0_to_v1_1),
		cmocka_unit_test(test_translate_v1_1_to_v1_0),
		cmocka_unit_test(test_translate_v1_2_impdef_to_v1_1_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
