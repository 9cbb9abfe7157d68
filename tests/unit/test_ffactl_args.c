// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffactl's argument parsing: PART (libffadev's ffadev_spec_parse),
 * sizes, numbers and --to permissions, each exact value and each
 * refusal.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <ffadev.h>
#include "ffactl.h"

#define TWIN	"7a11f00d-c0de-4b1e-a5e5-0d1e2c3b4a03"

static const uint8_t twin_bytes[16] = {
	0x7a, 0x11, 0xf0, 0x0d, 0xc0, 0xde, 0x4b, 0x1e,
	0xa5, 0xe5, 0x0d, 0x1e, 0x2c, 0x3b, 0x4a, 0x03,
};

static void part_uuid(void **state)
{
	struct ffadev_spec s;
	char text[FFADEV_UUID_STR_LEN];

	(void)state;
	assert_int_equal(ffadev_spec_parse(TWIN, &s), 0);
	assert_int_equal(s.kind, FFADEV_SPEC_UUID);
	assert_memory_equal(s.uuid.b, twin_bytes, 16);
	ffadev_uuid_format(&s.uuid, text);
	assert_string_equal(text, TWIN);
	/* Upper case reads the same; the text form is lower case. */
	assert_int_equal(ffadev_spec_parse("7A11F00D-C0DE-4B1E-A5E5-0D1E2C3B4A03",
					   &s), 0);
	assert_memory_equal(s.uuid.b, twin_bytes, 16);
}

static void part_uuid_id(void **state)
{
	struct ffadev_spec s;

	(void)state;
	assert_int_equal(ffadev_spec_parse(TWIN ".8003", &s), 0);
	assert_int_equal(s.kind, FFADEV_SPEC_UUID_ID);
	assert_int_equal(s.id, 0x8003);
	assert_memory_equal(s.uuid.b, twin_bytes, 16);
	assert_int_equal(ffadev_spec_parse(TWIN ".0x8004", &s), 0);
	assert_int_equal(s.id, 0x8004);
	assert_int_equal(ffadev_spec_parse(TWIN ".", &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse(TWIN ".10000", &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse(TWIN ".80g3", &s), -EINVAL);
}

static void part_id_and_path(void **state)
{
	struct ffadev_spec s;

	(void)state;
	assert_int_equal(ffadev_spec_parse("0x8001", &s), 0);
	assert_int_equal(s.kind, FFADEV_SPEC_ID);
	assert_int_equal(s.id, 0x8001);
	assert_int_equal(ffadev_spec_parse("32770", &s), 0);
	assert_int_equal(s.id, 0x8002);
	/* A leading zero is decimal, not octal. */
	assert_int_equal(ffadev_spec_parse("010", &s), 0);
	assert_int_equal(s.id, 10);
	assert_int_equal(ffadev_spec_parse("65536", &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse("-1", &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse("", &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse("echo", &s), -EINVAL);
	/* One character short of a UUID is no UUID, nor an ID. */
	assert_int_equal(ffadev_spec_parse(TWIN + 1, &s), -EINVAL);
	assert_int_equal(ffadev_spec_parse("/dev/ffa/self", &s), 0);
	assert_int_equal(s.kind, FFADEV_SPEC_PATH);
	assert_string_equal(s.path, "/dev/ffa/self");
}

static void sizes(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(parse_size("4096", &v), 0);
	assert_int_equal(v, 4096);
	assert_int_equal(parse_size("64K", &v), 0);
	assert_int_equal(v, 64 * 1024);
	assert_int_equal(parse_size("256M", &v), 0);
	assert_int_equal(v, 256ULL << 20);
	assert_int_equal(parse_size("1G", &v), 0);
	assert_int_equal(v, 1ULL << 30);
	assert_int_equal(parse_size("0x10K", &v), 0);
	assert_int_equal(v, 16 * 1024);
	assert_int_equal(parse_size("0", &v), -EINVAL);
	assert_int_equal(parse_size("0K", &v), -EINVAL);
	assert_int_equal(parse_size("K", &v), -EINVAL);
	assert_int_equal(parse_size("", &v), -EINVAL);
	assert_int_equal(parse_size("4k", &v), -EINVAL);
	assert_int_equal(parse_size("4T", &v), -EINVAL);
	assert_int_equal(parse_size("1KK", &v), -EINVAL);
	assert_int_equal(parse_size("-4K", &v), -EINVAL);
	/* 2^54 G does not fit 64 bits. */
	assert_int_equal(parse_size("18014398509481984G", &v), -EINVAL);
}

static void numbers(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(parse_u64("0xffffffffffffffff", &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(parse_u64("18446744073709551615", &v), 0);
	assert_true(v == UINT64_MAX);
	assert_int_equal(parse_u64("18446744073709551616", &v), -EINVAL);
	assert_int_equal(parse_u64("0x", &v), -EINVAL);
	assert_int_equal(parse_u64("12z", &v), -EINVAL);
	assert_int_equal(parse_u64(" 1", &v), -EINVAL);
}

static void borrowers(void **state)
{
	char part[64];
	uint32_t perms;

	(void)state;
	assert_int_equal(parse_to("0x8001", part, sizeof(part), &perms), 0);
	assert_string_equal(part, "0x8001");
	assert_int_equal(perms, FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE);
	assert_int_equal(parse_to(TWIN ".8003:ro", part, sizeof(part), &perms), 0);
	assert_string_equal(part, TWIN ".8003");
	assert_int_equal(perms, FFA_DEV_MEM_READ);
	assert_int_equal(parse_to("0x8001:rx", part, sizeof(part), &perms), 0);
	assert_int_equal(perms, FFA_DEV_MEM_READ | FFA_DEV_MEM_EXEC);
	assert_int_equal(parse_to("0x8001:rwx", part, sizeof(part), &perms), 0);
	assert_int_equal(perms, FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE |
			 FFA_DEV_MEM_EXEC);
	assert_string_equal(perms_name(perms), "rwx");
	assert_int_equal(parse_to("0x8001:wo", part, sizeof(part), &perms),
			 -EINVAL);
	assert_int_equal(parse_to(":rw", part, sizeof(part), &perms), -EINVAL);
	assert_int_equal(parse_to("0x8001:", part, sizeof(part), &perms),
			 -EINVAL);
	/* The PART must fit the caller's buffer. */
	assert_int_equal(parse_to(TWIN, part, 8, &perms), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(part_uuid),
		cmocka_unit_test(part_uuid_id),
		cmocka_unit_test(part_id_and_path),
		cmocka_unit_test(sizes),
		cmocka_unit_test(numbers),
		cmocka_unit_test(borrowers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
