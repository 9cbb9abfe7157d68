// SPDX-License-Identifier: BSD-3-Clause
/*
 * libffa/errno.h: every status maps to the errno ffa-abi.md 3 lists
 * (written out here as numbers-independent names, row by row), and
 * anything else is EPROTO, never 0.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/errno.h>

static const struct {
	int status;
	int err;
} rows[] = {
	{ 0, 0 },
	{ -1, -EOPNOTSUPP },	/* NOT_SUPPORTED */
	{ -2, -EINVAL },	/* INVALID_PARAMETERS */
	{ -3, -ENOMEM },	/* NO_MEMORY */
	{ -4, -EBUSY },		/* BUSY */
	{ -5, -EINTR },		/* INTERRUPTED */
	{ -6, -EACCES },	/* DENIED */
	{ -7, -EAGAIN },	/* RETRY */
	{ -8, -ECANCELED },	/* ABORTED */
	{ -9, -ENODATA },	/* NO_DATA */
	{ -10, -EAGAIN },	/* NOT_READY */
	{ FFA_EPROTO, -EPROTO },
	{ FFA_EFULL, -EPROTO },
	{ -11, -EPROTO },	/* past the codes FF-A defines */
	{ 1, -EPROTO },
	{ -0x7fffffff - 1, -EPROTO },
};

static void each_status_maps_to_its_errno(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("status %d\n", rows[i].status);
		assert_int_equal(ffa_status_to_errno(rows[i].status),
				 rows[i].err);
	}
}

/* Every FF-A error code is covered by a row above, none maps to 0. */
static void no_error_maps_to_zero(void **state)
{
	int s;

	(void)state;
	for (s = -200; s < 0; s++)
		assert_true(ffa_status_to_errno(s) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_status_maps_to_its_errno),
		cmocka_unit_test(no_error_maps_to_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
