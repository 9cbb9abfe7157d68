// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffactl desc decode: a descriptor built by lib/'s builder decodes to
 * exactly the text and JSON below, in the v1.0 and the v1.1 layouts
 * (the latter found from the bytes); overlapping constituents, a
 * reserved byte set and a SHARE judged as a DONATE to two are refused
 * with lib/'s reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <errno.h>
#include <ffa/version.h>
#include <libffa/mem_desc.h>
#include "ffactl.h"

static uint8_t desc[512];

static const struct ffa_mem_access to[2] = {
	{ .receiver_id = 0x8001, .perms = FFA_MEM_DATA_RW },
	{ .receiver_id = 0x8002, .perms = FFA_MEM_DATA_RO },
};

/* Two ranges, 2 + 1 pages; second_addr decides whether they overlap. */
static uint32_t build(uint32_t version, uint64_t second_addr)
{
	struct ffa_mtd_spec spec = {
		.version = version,
		.hdr = {
			.sender_id = 0x0001,
			.attributes = FFA_MEM_ATTR_NORMAL_WB_IS,
			.tag = 0x4e110,
		},
		.access = to,
		.nr_access = 2,
		.total_pages = 3,
		.nr_ranges = 2,
	};
	struct ffa_mtd_builder b;

	memset(desc, 0, sizeof(desc));
	assert_int_equal(ffa_mtd_build_begin(&b, desc, sizeof(desc), &spec), 0);
	assert_int_equal(ffa_mtd_build_add(&b, 0x80000000, 2), 0);
	assert_int_equal(ffa_mtd_build_add(&b, second_addr, 1), 0);
	assert_int_equal(ffa_mtd_build_finish(&b), 0);
	return b.total_len;
}

struct decoded {
	int ret;
	char *text;
	char *json;
};

static struct decoded decode(uint32_t len, int op, uint32_t version)
{
	struct desc_opts o = { .op = op, .version = version };
	struct decoded d;
	size_t tl, jl;
	FILE *t = open_memstream(&d.text, &tl);
	FILE *j = open_memstream(&d.json, &jl);
	struct jw w;

	assert_non_null(t);
	assert_non_null(j);
	jw_init(&w, j);
	d.ret = desc_decode(desc, len, &o, &w, t);
	fclose(t);
	fclose(j);
	return d;
}

static void done(struct decoded *d)
{
	free(d->text);
	free(d->json);
}

static const char good_text[] =
	"op: share\n"
	"sender: 0x0001\n"
	"attributes: 0x002f\n"
	"flags: 0x00000000\n"
	"tag: 0x4e110\n";

static const char good_rest[] =
	"receiver: 0x8001 perms 0x02 (data rw, instr unspecified)\n"
	"receiver: 0x8002 perms 0x01 (data ro, instr unspecified)\n";

static void good_v1_1_from_the_bytes(void **state)
{
	uint32_t len = build(FFA_VERSION_1_1, 0x80002000);
	struct decoded d = decode(len, FFA_MEM_OP_SHARE, 0);
	char want[1024];

	(void)state;
	assert_int_equal(len, 48 + 2 * 16 + 16 + 2 * 16);
	assert_int_equal(d.ret, 0);
	snprintf(want, sizeof(want),
		 "layout: v1.1\n%slength: %u\n%s"
		 "composite: offset 80, 3 pages in 2 ranges\n"
		 "range: 0x0000000080000000 2 pages\n"
		 "range: 0x0000000080002000 1 pages\n"
		 "valid: yes\n", good_text, len, good_rest);
	assert_string_equal(d.text, want);
	assert_string_equal(d.json,
		"\"layout\":\"1.1\",\"op\":\"share\",\"valid\":true,"
		"\"sender\":1,\"attributes\":47,\"flags\":0,\"tag\":\"0x4e110\","
		"\"length\":128,\"receivers\":["
		"{\"id\":32769,\"perms\":2,\"data\":\"rw\",\"instr\":\"unspecified\"},"
		"{\"id\":32770,\"perms\":1,\"data\":\"ro\",\"instr\":\"unspecified\"}],"
		"\"total_pages\":3,\"ranges\":["
		"{\"address\":\"0x80000000\",\"pages\":2},"
		"{\"address\":\"0x80002000\",\"pages\":1}]");
	done(&d);
}

static void good_v1_0_from_the_bytes(void **state)
{
	uint32_t len = build(FFA_VERSION_1_0, 0x80002000);
	struct decoded d = decode(len, FFA_MEM_OP_SHARE, 0);

	(void)state;
	assert_int_equal(d.ret, 0);
	assert_non_null(strstr(d.text, "layout: v1.0\n"));
	assert_non_null(strstr(d.text, "composite: offset 64, 3 pages in 2 ranges\n"));
	assert_non_null(strstr(d.text, "valid: yes\n"));
	done(&d);
	/* Read as v1.1, the same bytes are not a descriptor. */
	d = decode(len, FFA_MEM_OP_SHARE, FFA_VERSION_1_1);
	assert_int_equal(d.ret, -EINVAL);
	done(&d);
}

/* Refused, with exactly this text. */
static void expect_refused(uint32_t len, int op, const char *text)
{
	struct decoded d = decode(len, op, 0);

	assert_int_equal(d.ret, -EINVAL);
	assert_string_equal(d.text, text);
	done(&d);
}

static void overlapping_ranges(void **state)
{
	uint32_t len = build(FFA_VERSION_1_1, 0x80001000);
	struct decoded d = decode(len, FFA_MEM_OP_SHARE, 0);

	(void)state;
	assert_string_equal(d.json,
		"\"layout\":\"1.1\",\"op\":\"share\",\"valid\":false,"
		"\"reason\":\"constituents overlap\","
		"\"status\":\"INVALID_PARAMETERS\"");
	done(&d);
	expect_refused(len, FFA_MEM_OP_SHARE,
		       "layout: v1.1\nop: share\n"
		       "invalid: constituents overlap (INVALID_PARAMETERS)\n");
}

static void reserved_byte(void **state)
{
	uint32_t len = build(FFA_VERSION_1_1, 0x80002000);

	(void)state;
	/* The first EMAD's reserved 64-bit field (at 48 + 8). */
	desc[48 + 8] = 1;
	expect_refused(len, FFA_MEM_OP_SHARE,
		       "layout: v1.1\nop: share\n"
		       "invalid: EMAD reserved field is not zero (INVALID_PARAMETERS)\n");
}

static void donate_to_two(void **state)
{
	(void)state;
	expect_refused(build(FFA_VERSION_1_1, 0x80002000), FFA_MEM_OP_DONATE,
		       "layout: v1.1\nop: donate\n"
		       "invalid: DONATE to more than one receiver (INVALID_PARAMETERS)\n");
}

static void options(void **state)
{
	uint32_t v;
	int op;

	(void)state;
	assert_int_equal(desc_parse_op("lend", &op), 0);
	assert_int_equal(op, FFA_MEM_OP_LEND);
	assert_int_equal(desc_parse_op("retrieve", &op), -EINVAL);
	assert_int_equal(desc_parse_version("1.2", &v), 0);
	assert_int_equal(v, FFA_VERSION_1_2);
	assert_int_equal(desc_parse_version("2.0", &v), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_v1_1_from_the_bytes),
		cmocka_unit_test(good_v1_0_from_the_bytes),
		cmocka_unit_test(overlapping_ranges),
		cmocka_unit_test(reserved_byte),
		cmocka_unit_test(donate_to_two),
		cmocka_unit_test(options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
