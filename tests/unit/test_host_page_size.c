// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host runtime plays stage 2 with mprotect() at FF-A's 4 KiB granule,
 * which a kernel with larger pages cannot do (16 or 64 KiB: some arm64
 * hosts). There ffa_host_create() must refuse, rather than fail on the
 * first share or grant more than the manager gave.
 *
 * The expectation follows the page size this process sees:
 * scripts/run-unit runs this binary natively (4 KiB) and, for aarch64,
 * again under qemu-user with 16 and 64 KiB pages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <unistd.h>
#include <cmocka.h>

#include <ffa_host.h>

static void test_create_needs_4k_pages(void **state)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ffa_host *h = ffa_host_create(NULL);

	(void)state;
	print_message("host page size: %ld bytes\n", page);
	if (page == 4096) {
		assert_non_null(h);
		ffa_host_destroy(h);
	} else {
		assert_null(h);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_needs_4k_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
