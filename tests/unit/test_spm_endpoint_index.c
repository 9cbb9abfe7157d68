// SPDX-License-Identifier: BSD-3-Clause
/*
 * spm_endpoint_by_id through the endpoint index (spm/endpoint.c): with
 * the most endpoints the manager takes, whose IDs are chosen to crowd
 * the same slots (and the usual host + 0x8001.. set), every ID finds
 * its own endpoint, every other ID (colliding or not) finds none, and a
 * refused addition (duplicate, reserved, one too many) leaves the index
 * answering exactly as before.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fake_platform.h"
#include "internal.h"

#define PAGES	4

static uint32_t slot_of(uint16_t id)
{
	return ((uint32_t)id * 0x9e3779b1U) >> 27;
}

static int add(struct spm_harness *h, uint16_t id, uint32_t i)
{
	return harness_add(h, id, 0, 1, i == 0,
			   FAKE_MEM_BASE + (uint64_t)i * PAGES * 4096, PAGES);
}

/* IDs of ep 0..n-1 all found; each of `absent` not found. */
static void check_index(struct spm_harness *h, const uint16_t *ids,
			uint32_t n, const uint16_t *absent, uint32_t nr_absent)
{
	for (uint32_t i = 0; i < n; i++)
		assert_ptr_equal(spm_endpoint_by_id(h->spm, ids[i]),
				 &h->spm->endpoints[i]);
	for (uint32_t i = 0; i < nr_absent; i++)
		assert_null(spm_endpoint_by_id(h->spm, absent[i]));
}

/*
 * SPM_MAX_ENDPOINTS IDs hashing to as few slots as possible, and as
 * many more in the same slots that are never added.
 */
static uint32_t colliding(uint16_t *ids, uint32_t n, uint16_t *absent)
{
	uint32_t got = 0, miss = 0;
	uint32_t want = slot_of(0x8001);

	for (uint32_t id = 0x8001; id <= 0xffff && (got < n || miss < n);
	     id++) {
		if (slot_of((uint16_t)id) != want &&
		    slot_of((uint16_t)id) != ((want + 1) & 31))
			continue;
		if (got < n)
			ids[got++] = (uint16_t)id;
		else
			absent[miss++] = (uint16_t)id;
	}
	assert_int_equal(got, n);
	return miss;
}

static void test_colliding_ids(void **state)
{
	uint16_t ids[SPM_MAX_ENDPOINTS], absent[SPM_MAX_ENDPOINTS];
	struct spm_harness h;
	uint32_t nr_absent = colliding(ids, SPM_MAX_ENDPOINTS, absent);

	(void)state;
	harness_init(&h, (uint64_t)PAGES * (SPM_MAX_ENDPOINTS + 1), 64);
	for (uint32_t i = 0; i < SPM_MAX_ENDPOINTS; i++) {
		assert_int_equal(add(&h, ids[i], i), 0);
		/* After each addition: the added ones, and nothing else. */
		check_index(&h, ids, i + 1, ids + i + 1,
			    SPM_MAX_ENDPOINTS - i - 1);
		check_index(&h, ids, i + 1, absent, nr_absent);
	}
	/* One too many, a duplicate, a reserved ID: refused, no change. */
	assert_int_equal(add(&h, absent[0], SPM_MAX_ENDPOINTS),
			 FFA_RET_NO_MEMORY);
	check_index(&h, ids, SPM_MAX_ENDPOINTS, absent, nr_absent);
	harness_fini(&h);
}

static void test_usual_ids(void **state)
{
	static const uint16_t ids[] = { 0x0000, 0x8001, 0x8002, 0x8003,
					0x8004 };
	static const uint16_t absent[] = { 0x0001, 0x8000, 0x8005, 0x8fff,
					   0x7fff, 0xffff };
	struct spm_harness h;

	(void)state;
	harness_init(&h, (uint64_t)PAGES * 8, 64);
	for (uint32_t i = 0; i < 5; i++)
		assert_int_equal(add(&h, ids[i], i), 0);
	check_index(&h, ids, 5, absent, 6);
	assert_int_equal(add(&h, 0x8002, 5), FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(add(&h, FFA_ID_SPMC, 5),
			 FFA_RET_INVALID_PARAMETERS);
	check_index(&h, ids, 5, absent, 6);
	assert_int_equal(h.spm->nr_endpoints, 5);
	harness_fini(&h);
}

/* Before any endpoint, nothing is found. */
static void test_empty(void **state)
{
	struct spm_harness h;

	(void)state;
	harness_init(&h, PAGES, 64);
	for (uint32_t id = 0; id <= 0xffff; id += 0x101)
		assert_null(spm_endpoint_by_id(h.spm, (uint16_t)id));
	harness_fini(&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_usual_ids),
		cmocka_unit_test(test_colliding_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
