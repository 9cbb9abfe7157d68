// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notification calls of the client API against a scripted callee
 * (ffa-abi.md 11): ID and bitmap placement, the bitmaps GET returns, and
 * INFO_GET's packed lists, including counts the registers cannot back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/client.h>

#include "script_conduit.h"

/* ---- thunks for the plain-answer table ---- */

static int bitmap_create_self(const struct ffa_conduit *c)
{
	return ffa_notification_bitmap_create(c, 0, 4);
}

static int bitmap_create_vm(const struct ffa_conduit *c)
{
	return ffa_notification_bitmap_create(c, 0x0005, 8);
}

static int bitmap_destroy_vm(const struct ffa_conduit *c)
{
	return ffa_notification_bitmap_destroy(c, 0x0005);
}

static int bind_per_vcpu(const struct ffa_conduit *c)
{
	return ffa_notification_bind(c, 0x8001, 0x0002, 1,
				     0x8000000000000001);
}

static int unbind_low(const struct ffa_conduit *c)
{
	return ffa_notification_unbind(c, 0x8001, 0x0002, 0xffffffff);
}

/* Per-vCPU, delay SRI, vCPU 3 in flags[31:16]. */
static int set_vcpu3(const struct ffa_conduit *c)
{
	return ffa_notification_set(c, 0x0002, 0x8001, 0x00030003,
				    0x0000000100000000);
}

static int get_all(const struct ffa_conduit *c)
{
	struct ffa_notif_bitmaps b;

	return ffa_notification_get(c, 0x8001, 2, 0xf, &b);
}

static int info_get_64(const struct ffa_conduit *c)
{
	struct ffa_notif_info info;

	return ffa_notification_info_get(c, true, &info);
}

static int info_get_32(const struct ffa_conduit *c)
{
	struct ffa_notif_info info;

	return ffa_notification_info_get(c, false, &info);
}

static void test_plain_calls(void **state)
{
	static const struct script_plain_case cases[] = {
		{ "BITMAP_CREATE(0, 4)", REGS(0x8400007D, 0, 4),
		  bitmap_create_self },
		{ "BITMAP_CREATE(5, 8)", REGS(0x8400007D, 5, 8),
		  bitmap_create_vm },
		{ "BITMAP_DESTROY(5)", REGS(0x8400007E, 5),
		  bitmap_destroy_vm },
		{ "BIND(per-vCPU)",
		  REGS(0x8400007F, 0x80010002, 1, 0x00000001, 0x80000000),
		  bind_per_vcpu },
		{ "UNBIND", REGS(0x84000080, 0x80010002, 0, 0xffffffff, 0),
		  unbind_low },
		{ "SET(vCPU 3, delay SRI)",
		  REGS(0x84000081, 0x00028001, 0x00030003, 0, 1), set_vcpu3 },
		{ "GET(vCPU 2, all)", REGS(0x84000082, 0x00028001, 0xf),
		  get_all },
		{ "INFO_GET_64", REGS(0xC4000083), info_get_64 },
		{ "INFO_GET_32", REGS(0x84000083), info_get_32 },
	};

	script_check_plain(state, cases, SCRIPT_LEN(cases));
}

static void test_get_bitmaps(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000082, 0x00028001, 0xf),
		  REGS(0x84000061, 0, 0x11111111, 0x22222222, 0x33333333,
		       0x44444444, 0x55, 0x66) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_bitmaps b;

	assert_int_equal(ffa_notification_get(c, 0x8001, 2, 0xf, &b), 0);
	assert_int_equal(b.from_sp, 0x2222222211111111);
	assert_int_equal(b.from_vm, 0x4444444433333333);
	assert_int_equal(b.spm_fw, 0x55);
	assert_int_equal(b.hyp_fw, 0x66);
}

static void assert_list(const struct ffa_notif_info_list *l, uint16_t id,
			uint8_t nr_vcpus, const uint16_t *vcpus)
{
	unsigned int i;

	assert_int_equal(l->id, id);
	assert_int_equal(l->nr_vcpus, nr_vcpus);
	for (i = 0; i < nr_vcpus; i++)
		assert_int_equal(l->vcpus[i], vcpus[i]);
}

/*
 * More pending; 3 lists: 0x8001 (global), 0x8002 on vCPUs 0 and 3,
 * 0x0005 on vCPUs 1, 2 and 4. x2 = 1 | 3 << 7 | 2 << 14 | 3 << 16.
 */
static void test_info_get_64_lists(void **state)
{
	static const uint16_t v2[] = { 0, 3 }, v3[] = { 1, 2, 4 };
	static const struct script_step steps[] = {
		{ REGS(0xC4000083),
		  REGS(0xC4000061, 0, 0x38181, 0x0003000080028001,
		       0x0004000200010005) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;

	assert_int_equal(ffa_notification_info_get(c, true, &info), 0);
	assert_true(info.more_pending);
	assert_int_equal(info.nr_lists, 3);
	assert_list(&info.lists[0], 0x8001, 0, NULL);
	assert_list(&info.lists[1], 0x8002, 2, v2);
	assert_list(&info.lists[2], 0x0005, 3, v3);
}

/* 20 global lists fill x3-x7 exactly. */
static void test_info_get_64_full(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000083),
		  REGS(0xC4000061, 0, 0xa00, 0x0004000300020001,
		       0x0008000700060005, 0x000c000b000a0009,
		       0x0010000f000e000d, 0x0014001300120011) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;
	unsigned int i;

	assert_int_equal(ffa_notification_info_get(c, true, &info), 0);
	assert_false(info.more_pending);
	assert_int_equal(info.nr_lists, 20);
	for (i = 0; i < 20; i++)
		assert_list(&info.lists[i], (uint16_t)(i + 1), 0, NULL);
}

/* 0x8001 on vCPU 7, then 0x8003 global: x2 = 2 << 7 | 1 << 12. */
static void test_info_get_32_lists(void **state)
{
	static const uint16_t v1[] = { 7 };
	static const struct script_step steps[] = {
		{ REGS(0x84000083),
		  REGS(0x84000061, 0, 0x1100, 0x00078001, 0x00008003) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;

	assert_int_equal(ffa_notification_info_get(c, false, &info), 0);
	assert_false(info.more_pending);
	assert_int_equal(info.nr_lists, 2);
	assert_list(&info.lists[0], 0x8001, 1, v1);
	assert_list(&info.lists[1], 0x8003, 0, NULL);
}

/* Five lists of one vCPU each: ten IDs fill w3-w7 exactly. */
static void test_info_get_32_full(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0x84000083),
		  REGS(0x84000061, 0, 0x155280, 0x00018001, 0x00028002,
		       0x00038003, 0x00048004, 0x00058005) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;
	uint16_t vcpu;
	unsigned int i;

	assert_int_equal(ffa_notification_info_get(c, false, &info), 0);
	assert_int_equal(info.nr_lists, 5);
	for (i = 0; i < 5; i++) {
		vcpu = (uint16_t)(i + 1);
		assert_list(&info.lists[i], (uint16_t)(0x8001 + i), 1, &vcpu);
	}
}

/*
 * The answer's width decides how IDs are packed: the third global list
 * is w4[15:0] in a 32-bit answer, x3[47:32] in a 64-bit one.
 */
static void test_info_get_mixed_widths(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000083),
		  REGS(0x84000061, 0, 0x180, 0x0000000800020001, 3) },
		{ REGS(0x84000083),
		  REGS(0xC4000061, 0, 0x180, 0x0009000800020001, 3) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;

	assert_int_equal(ffa_notification_info_get(c, true, &info), 0);
	assert_int_equal(info.nr_lists, 3);
	assert_int_equal(info.lists[2].id, 3);
	assert_int_equal(ffa_notification_info_get(c, false, &info), 0);
	assert_int_equal(info.nr_lists, 3);
	assert_int_equal(info.lists[2].id, 3);
}

struct info_bad {
	const char *why;
	uint32_t fid;
	uint64_t x2;
};

/* Counts the registers cannot back (bad input 38) and NO_DATA. */
static void test_info_get_bad_answers(void **state)
{
	static const struct info_bad cases[] = {
		{ "21 lists", 0xC4000061, 0xa80 },
		{ "7 lists x 4 IDs", 0xC4000061, 0x3fff380 },
		{ "20 lists + 1 vCPU", 0xC4000061, 0x0004000000000a00 },
		{ "11 lists, 32-bit", 0x84000061, 0x580 },
		{ "4 lists x 4 IDs, 32-bit", 0x84000061, 0xff200 },
		{ "5 lists, 11 IDs, 32-bit", 0x84000061, 0x255280 },
	};
	struct ffa_notif_info info, before;
	struct script_step step = { REGS(0xC4000083), REGS(0) };
	const struct ffa_conduit *c;
	size_t i;

	memset(&info, 0x5a, sizeof(info));
	before = info;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		step.out.x[0] = cases[i].fid;
		step.out.x[2] = cases[i].x2;
		c = script_load(state, &step, 1);
		if (ffa_notification_info_get(c, true, &info) != FFA_EPROTO)
			fail_msg("%s: not refused", cases[i].why);
		assert_memory_equal(&info, &before, sizeof(info));
	}
}

static void test_info_get_no_data(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000083), REGS(0x84000060, 0, 0xfffffff7) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	struct ffa_notif_info info;

	assert_int_equal(ffa_notification_info_get(c, true, &info),
			 FFA_RET_NO_DATA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SCRIPT_TEST(test_plain_calls),
		SCRIPT_TEST(test_get_bitmaps),
		SCRIPT_TEST(test_info_get_64_lists),
		SCRIPT_TEST(test_info_get_64_full),
		SCRIPT_TEST(test_info_get_32_lists),
		SCRIPT_TEST(test_info_get_32_full),
		SCRIPT_TEST(test_info_get_mixed_widths),
		SCRIPT_TEST(test_info_get_bad_answers),
		SCRIPT_TEST(test_info_get_no_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
