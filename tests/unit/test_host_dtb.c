// SPDX-License-Identifier: BSD-3-Clause
/*
 * The fixture embedding itself (test_host_dtb.h), with every fixture in
 * one file: each must be its own bytes, 8-aligned for libfdt, and as long
 * as the DTB's header says (dtc writes exactly totalsize bytes). Built
 * for aarch64 as a PIE, the old embedding gave every fixture of a file
 * the address of its first one and a size of 0.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>
#include "test_host_dtb.h"

EMBED_DTB(dtb_bad_el, "bad_exception_level");
EMBED_DTB(dtb_missing_uuid, "bad_missing_uuid");
EMBED_DTB(dtb_unaligned, "bad_region_unaligned");
EMBED_DTB(dtb_many_uuids, "bad_too_many_uuids");
EMBED_DTB(dtb_version_len, "bad_version_len");
EMBED_DTB(dtb_full, "full");
EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_echo, "sp_echo");
EMBED_DTB(dtb_two_uuids, "two_uuids");

#define NR_FIXTURES	9

struct fixture {
	const char *name;
	const uint8_t *dtb;
	uint32_t size;
};

/* At run time: DTB_SIZE() reads the size, it is no constant. */
static void fixtures_get(struct fixture *f)
{
#define FIXTURE(sym)	(*f++ = (struct fixture){ #sym, sym, DTB_SIZE(sym) })
	FIXTURE(dtb_bad_el);
	FIXTURE(dtb_missing_uuid);
	FIXTURE(dtb_unaligned);
	FIXTURE(dtb_many_uuids);
	FIXTURE(dtb_version_len);
	FIXTURE(dtb_full);
	FIXTURE(dtb_host);
	FIXTURE(dtb_echo);
	FIXTURE(dtb_two_uuids);
#undef FIXTURE
}

static void test_each_fixture_is_a_whole_dtb(void **state)
{
	struct fixture all[NR_FIXTURES], *f;

	(void)state;
	fixtures_get(all);
	for (f = all; f < all + NR_FIXTURES; f++) {
		print_message("%s: %u bytes\n", f->name, f->size);
		assert_int_equal((uintptr_t)f->dtb % 8, 0);
		assert_true(f->size >= sizeof(struct fdt_header));
		assert_int_equal(fdt_check_header(f->dtb), 0);
		assert_int_equal(fdt_totalsize(f->dtb), f->size);
	}
}

static void test_fixtures_are_distinct(void **state)
{
	struct fixture all[NR_FIXTURES], *a, *b;

	(void)state;
	fixtures_get(all);
	for (a = all; a < all + NR_FIXTURES; a++)
		for (b = a + 1; b < all + NR_FIXTURES; b++) {
			assert_ptr_not_equal(a->dtb, b->dtb);
			assert_true(a->size != b->size ||
				    memcmp(a->dtb, b->dtb, a->size) != 0);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_fixture_is_a_whole_dtb),
		cmocka_unit_test(test_fixtures_are_distinct),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
