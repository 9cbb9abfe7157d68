// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host runtime's memory seam, driven directly (host/internal.h): an
 * endpoint's window holds at most about vm.max_map_count protection
 * ranges; the change that needs one more fails with NO_MEMORY and leaves
 * the window as it was, and the window works again once ranges merge.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

#include <libffa/status.h>
#include "host_internal.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_echo, "sp_echo");

#define ID_ECHO		0x8001
#define ECHO_MEM	0x40100000ULL	/* 64 pages, RW */
#define FREE_MEM	0x40200000ULL	/* nobody's: the test's playground */

/* Nothing runs here: the runtime never boots. */
static int never_runs(const struct ffa_env *env)
{
	(void)env;
	return 0;
}

static uint64_t max_map_count(void)
{
	FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
	unsigned long long n = 0;

	if (f) {
		if (fscanf(f, "%llu", &n) != 1)
			n = 0;
		fclose(f);
	}
	return n;
}

static int set_access(struct ffa_host *h, uint64_t addr, uint64_t pages,
		      uint32_t access)
{
	return h->plat.ops->set_access(h->plat.ctx, ID_ECHO, addr, pages,
				       access);
}

static const struct ffa_env *echo_env(struct ffa_host *h)
{
	return &host_ep_by_id(h, ID_ECHO)->vcpus[0].env;
}

static void test_map_count_limit(void **state)
{
	uint64_t limit = max_map_count(), i, addr = 0;
	struct ffa_host_config cfg;
	const struct ffa_env *env;
	struct ffa_host *h;
	int ret = 0;

	(void)state;
	if (limit == 0 || limit > (1U << 20))
		skip();
	/* Room for every other page to be its own range, and then some. */
	cfg = (struct ffa_host_config){
		.mem_size = (FREE_MEM - 0x40000000ULL) +
			    (2 * limit + 64) * FFA_PAGE_SIZE,
	};
	h = ffa_host_create(&cfg);
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo,
				      DTB_SIZE(dtb_echo),
				      never_runs, NULL), 0);
	env = echo_env(h);
	for (i = 0; i <= limit && ret == 0; i++) {
		addr = FREE_MEM + 2 * i * FFA_PAGE_SIZE;
		ret = set_access(h, addr, 1, SPM_ACCESS_R);
	}
	assert_int_equal(ret, FFA_RET_NO_MEMORY);
	assert_true(i > 1);
	/* The failed change did not happen; the earlier ones stand. */
	assert_int_equal(ffa_host_probe(env, addr, false), -1);
	assert_int_equal(ffa_host_probe(env, addr - 2 * FFA_PAGE_SIZE, false),
			 0);
	assert_int_equal(ffa_host_probe(env, addr - 2 * FFA_PAGE_SIZE, true),
			 -1);
	/* Its own memory is untouched. */
	assert_int_equal(ffa_host_probe(env, ECHO_MEM, true), 0);
	/* One range again: the window takes changes again. */
	assert_int_equal(set_access(h, FREE_MEM, 2 * i, SPM_ACCESS_NONE), 0);
	assert_int_equal(set_access(h, addr, 1, SPM_ACCESS_RW), 0);
	assert_int_equal(ffa_host_probe(env, addr, true), 0);
	assert_int_equal(ffa_host_probe(env, FREE_MEM, false), -1);
	ffa_host_destroy(h);
}

/* Outside physical memory, or misaligned: refused, nothing mapped. */
static void test_set_access_bounds(void **state)
{
	const struct ffa_host_config cfg = { .mem_size = 0x400000 };
	struct ffa_host *h = ffa_host_create(&cfg);

	(void)state;
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo,
				      DTB_SIZE(dtb_echo),
				      never_runs, NULL), 0);
	assert_int_equal(set_access(h, 0x40400000, 1, SPM_ACCESS_RW),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(set_access(h, 0x403ff000, 2, SPM_ACCESS_RW),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(set_access(h, 0x3ffff000, 1, SPM_ACCESS_RW),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(set_access(h, 0x40200800, 1, SPM_ACCESS_RW),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(set_access(h, 0x40200000, UINT64_MAX / 2,
				    SPM_ACCESS_RW),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_host_probe(echo_env(h), 0x40200000, false), -1);
	assert_int_equal(ffa_host_probe(echo_env(h), 0x403ff000, false), -1);
	ffa_host_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_count_limit),
		cmocka_unit_test(test_set_access_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
