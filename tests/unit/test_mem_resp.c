// SPDX-License-Identifier: BSD-3-Clause
/* A borrower reading a retrieve response: golden bytes and bad answers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <ffa/version.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>

/* v1.1 response: SHARE from 0x0000 to 0x8001, two ranges (by hand). */
static const uint8_t resp_v1_1[112] = {
	/* header */
	0x00, 0x00, 0x2f, 0x00, 0x08, 0x00, 0x00, 0x00,
	0x05, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x22, 0x11, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x30, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	/* EMAD: 0x8001, RW + NX, composite at 64 */
	0x01, 0x80, 0x06, 0x00, 0x40, 0x00, 0x00, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0,
	/* composite: 3 pages, 2 ranges */
	0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0,
	0x00, 0x10, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x80, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00,
	0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static int parse(const uint8_t *d, uint32_t len, uint32_t version,
		 struct ffa_mtd *m, const char **why)
{
	return ffa_mtd_parse_resp(version, d, len, len, m, why);
}

static void test_golden_v1_1(void **state)
{
	struct ffa_mem_range ranges[4], scratch[4];
	struct ffa_range_acc acc;
	struct ffa_mtd m;
	const char *why = NULL;

	(void)state;
	assert_int_equal(parse(resp_v1_1, sizeof(resp_v1_1), FFA_VERSION_1_1,
			       &m, &why), 0);
	assert_int_equal(m.hdr.sender_id, 0x0000);
	assert_int_equal(m.hdr.attributes, 0x2f);
	assert_int_equal(m.hdr.flags, 0x08);
	assert_true(m.hdr.handle == 0x0000000100000005ULL);
	assert_true(m.hdr.tag == 0x1122);
	assert_int_equal(m.nr_access, 1);
	assert_int_equal(m.access[0].receiver_id, 0x8001);
	assert_int_equal(m.access[0].perms, 0x06);
	assert_int_equal(m.composite_offset, 64);
	assert_int_equal(m.total_pages, 3);
	assert_int_equal(m.nr_ranges, 2);
	assert_int_equal(m.ranges_offset, 80);

	ffa_range_acc_init(&acc, &m, FFA_MEM_ADDR_LIMIT, ranges, 4);
	assert_int_equal(ffa_range_acc_add(&acc, resp_v1_1 + 80, 32, &why), 0);
	assert_int_equal(ffa_range_acc_finish(&acc, scratch, &why), 0);
	assert_true(ranges[0].address == 0x40001000ULL);
	assert_int_equal(ranges[0].page_count, 1);
	assert_true(ranges[1].address == 0x40008000ULL);
	assert_int_equal(ranges[1].page_count, 2);
}

/* What the builder writes as a response, the parser reads back. */
static void test_builder_round_trip(void **state)
{
	const struct ffa_mem_access acc = {
		.receiver_id = 0x8001, .perms = 0x06,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_1,
		.hdr = { .sender_id = 0, .attributes = 0x2f, .flags = 0x08,
			 .handle = 0x0000000100000005ULL, .tag = 0x1122 },
		.access = &acc, .nr_access = 1,
		.total_pages = 3, .nr_ranges = 2,
	};
	struct ffa_mtd_builder b;
	uint8_t buf[256];

	(void)state;
	assert_int_equal(ffa_mtd_build_begin(&b, buf, sizeof(buf), &spec), 0);
	assert_int_equal(ffa_mtd_build_add(&b, 0x40001000, 1), 0);
	assert_int_equal(ffa_mtd_build_add(&b, 0x40008000, 2), 0);
	assert_int_equal(ffa_mtd_build_finish(&b), 0);
	assert_int_equal(b.frag_len, sizeof(resp_v1_1));
	assert_memory_equal(buf, resp_v1_1, sizeof(resp_v1_1));
}

struct bad_resp {
	const char *name;
	uint32_t offset;
	uint32_t len;	/* bytes set to value */
	uint8_t value;
	const char *why;
};

static const struct bad_resp bad[] = {
	{ "no handle", 8, 8, 0x00, "response names no handle" },
	{ "no type", 4, 1, 0x00, "response has no transaction type" },
	{ "reserved flag", 5, 1, 0x01, "reserved flag bits are set" },
	{ "reserved attribute", 3, 1, 0x01,
	  "reserved attribute bits are set" },
	{ "reserved EMAD flag", 51, 1, 0x02, "EMAD flags reserved bits" },
	{ "reserved perms", 50, 1, 0x16,
	  "reserved permission bits are set" },
	{ "receiver is sender", 48, 2, 0x00, "receiver is the sender" },
	{ "composite reserved", 72, 1, 0x01,
	  "composite reserved field not zero" },
};

static void test_bad_answers(void **state)
{
	uint8_t d[sizeof(resp_v1_1)];
	struct ffa_mtd m;
	const char *why;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memcpy(d, resp_v1_1, sizeof(d));
		memset(d + bad[i].offset, bad[i].value, bad[i].len);
		why = NULL;
		if (parse(d, sizeof(d), FFA_VERSION_1_1, &m, &why) !=
		    FFA_RET_INVALID_PARAMETERS)
			fail_msg("%s: accepted", bad[i].name);
		assert_string_equal(why, bad[i].why);
	}
	/* The relayer may set NS in v1.1; bit 6 is reserved in v1.0. */
	memcpy(d, resp_v1_1, sizeof(d));
	d[2] |= 0x40;
	assert_int_equal(parse(d, sizeof(d), FFA_VERSION_1_1, &m, &why), 0);
	/* A total that does not end at the last range. */
	assert_int_equal(ffa_mtd_parse_resp(FFA_VERSION_1_1, resp_v1_1, 96,
					    96, &m, &why),
			 FFA_RET_INVALID_PARAMETERS);
	/* A fragment longer than the total. */
	assert_int_equal(ffa_mtd_parse_resp(FFA_VERSION_1_1, resp_v1_1, 112,
					    96, &m, &why),
			 FFA_RET_INVALID_PARAMETERS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_v1_1),
		cmocka_unit_test(test_builder_round_trip),
		cmocka_unit_test(test_bad_answers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
