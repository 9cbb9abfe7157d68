// SPDX-License-Identifier: GPL-2.0
/*
 * linux/version_choice.c, the Linux driver's version choice, on the host:
 * the lower of ours (1.2) and the manager's when the major versions
 * agree, nothing otherwise. The file is compiled in as it is; it speaks
 * the kernel's u32, which the host spells uint32_t.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

typedef uint32_t u32;

#include "../../linux/version_choice.c"

static const struct {
	u32 theirs;
	u32 chosen;
} rows[] = {
	{ FFA_VERSION_1_2, FFA_VERSION_1_2 },
	{ FFA_VERSION_1_1, FFA_VERSION_1_1 },	/* upstream's manager */
	{ FFA_VERSION_1_0, FFA_VERSION_1_0 },	/* our v1.0 firmware */
	{ FFA_MAKE_VERSION(1, 3), FFA_VERSION_1_2 },	/* newer: ours */
	{ FFA_MAKE_VERSION(1, 0xffff), FFA_VERSION_1_2 },
	{ FFA_MAKE_VERSION(2, 0), 0 },		/* another major */
	{ FFA_MAKE_VERSION(0, 9), 0 },
	{ FFA_VERSION_NOT_SUPPORTED, 0 },
	{ FFA_VERSION_MBZ | FFA_VERSION_1_1, 0 },	/* malformed */
};

static void each_answer_gives_its_choice(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("theirs 0x%x\n", rows[i].theirs);
		assert_int_equal(ffa_drv_version_choose(rows[i].theirs),
				 rows[i].chosen);
	}
}

/* The choice is never above what we speak nor below v1.0. */
static void the_choice_stays_in_our_range(void **state)
{
	u32 minor, chosen;

	(void)state;
	for (minor = 0; minor <= 0xffff; minor++) {
		chosen = ffa_drv_version_choose(FFA_MAKE_VERSION(1, minor));
		assert_true(chosen >= FFA_DRV_VERSION_MIN);
		assert_true(chosen <= FFA_DRV_VERSION_MAX);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_answer_gives_its_choice),
		cmocka_unit_test(the_choice_stays_in_our_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
