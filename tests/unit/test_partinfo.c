// SPDX-License-Identifier: BSD-3-Clause
/*
 * Partition information: reading by the manager's stride, checking the
 * manager's numbers (bad-input row 38), writing both descriptor sizes and
 * the PARTITION_INFO_GET_REGS packing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <ffa/ffa.h>
#include <libffa/partinfo.h>
#include <libffa/status.h>

/* Two v1.1 descriptors, written by hand (ffa-abi.md 7.1). */
static const uint8_t two_v1_1[48] = {
	0x01, 0x80, 0x02, 0x00, 0x0f, 0x03, 0x00, 0x00,	/* 0x8001, 2 ctx */
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
	0x02, 0x80, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00,	/* 0x8002, 1 ctx */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static void test_iterate_v1_1(void **state)
{
	struct ffa_partinfo_iter it;
	struct ffa_partition p;

	(void)state;
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, sizeof(two_v1_1),
						2, 24, FFA_VERSION_1_1), 0);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8001);
	assert_int_equal(p.exec_ctx_count, 2);
	assert_int_equal(p.properties, 0x30f);
	assert_int_equal(p.uuid.b[0], 0x48);
	assert_int_equal(p.uuid.b[15], 0x1b);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8002);
	assert_true(ffa_uuid_is_nil(&p.uuid));
	assert_false(ffa_partinfo_next(&it, &p));
}

/* A v1.3-style manager returns 48-byte descriptors: step by 48. */
static void test_iterate_larger_stride(void **state)
{
	uint8_t buf[96] = { 0 };
	struct ffa_partinfo_iter it;
	struct ffa_partition p;

	(void)state;
	memcpy(buf, two_v1_1, 24);
	memcpy(buf + 48, two_v1_1 + 24, 24);
	assert_int_equal(ffa_partinfo_iter_init(&it, buf, sizeof(buf), 2, 48,
						FFA_VERSION_1_2), 0);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8001);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8002);
	assert_false(ffa_partinfo_next(&it, &p));
}

static void test_iterate_v1_0(void **state)
{
	static const uint8_t v1_0[16] = {
		0x01, 0x80, 0x01, 0x00, 0x03, 0x00, 0x00, 0x00,
		0x02, 0x80, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00,
	};
	struct ffa_partinfo_iter it;
	struct ffa_partition p;

	(void)state;
	/* A v1.0 answer has no size in w3. */
	assert_int_equal(ffa_partinfo_iter_init(&it, v1_0, sizeof(v1_0), 2, 0,
						FFA_VERSION_1_0), 0);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8001);
	assert_int_equal(p.properties, 3);
	assert_true(ffa_partinfo_next(&it, &p));
	assert_int_equal(p.id, 0x8002);
	assert_int_equal(p.exec_ctx_count, 4);
	assert_true(ffa_uuid_is_nil(&p.uuid));
	assert_false(ffa_partinfo_next(&it, &p));
}

/* Numbers from the manager that must not be trusted. */
static void test_iter_rejects_bad_manager_numbers(void **state)
{
	struct ffa_partinfo_iter it;

	(void)state;
	/* count x size past the buffer */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 3, 24,
						FFA_VERSION_1_1), FFA_EPROTO);
	/* a v1.0-sized stride for a v1.1 caller */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 2, 8,
						FFA_VERSION_1_1), FFA_EPROTO);
	/* size 0 from a v1.1 manager */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 1, 0,
						FFA_VERSION_1_1), FFA_EPROTO);
	/* a product that wraps 32 bits */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 0x20000000,
						0x20, FFA_VERSION_1_1),
			 FFA_EPROTO);
	/* absurd descriptor size */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 0, 4096,
						FFA_VERSION_1_1), FFA_EPROTO);
	/* zero descriptors are fine */
	assert_int_equal(ffa_partinfo_iter_init(&it, two_v1_1, 48, 0, 24,
						FFA_VERSION_1_1), 0);
}

static void test_write_both_sizes(void **state)
{
	struct ffa_partition p = {
		.id = 0x8001, .exec_ctx_count = 2, .properties = 0x30f,
	};
	uint8_t d[24];

	(void)state;
	memcpy(p.uuid.b, two_v1_1 + 8, 16);
	assert_int_equal(ffa_partinfo_desc_size(FFA_VERSION_1_0), 8);
	assert_int_equal(ffa_partinfo_desc_size(FFA_VERSION_1_2), 24);

	memset(d, 0xaa, sizeof(d));
	ffa_partinfo_write(d, &p, FFA_VERSION_1_1, true);
	assert_memory_equal(d, two_v1_1, 24);

	/* Named-UUID queries get a zero UUID field. */
	ffa_partinfo_write(d, &p, FFA_VERSION_1_1, false);
	assert_memory_equal(d, two_v1_1, 8);
	assert_true(ffa_uuid_is_nil((const struct ffa_uuid *)(d + 8)));

	/* v1.0: 8 bytes, only properties bits[2:0], nothing beyond. */
	memset(d, 0xaa, sizeof(d));
	ffa_partinfo_write(d, &p, FFA_VERSION_1_0, true);
	assert_int_equal(d[4], 0x07);
	assert_int_equal(d[5], 0x00);
	assert_int_equal(d[8], 0xaa);
}

static void test_regs_round_trip(void **state)
{
	struct ffa_partition in = {
		.id = 0x8003, .exec_ctx_count = 8, .properties = 0x7ff,
	}, out;
	struct ffa_partinfo_regs pr;
	struct ffa_regs r = { { 0 } };

	(void)state;
	memcpy(in.uuid.b, two_v1_1 + 8, 16);
	/* last index 6, current 6, tag 9, size 24; one entry at start 6 */
	r.x[2] = 6 | (6ULL << 16) | (9ULL << 32) | (24ULL << 48);
	ffa_partinfo_regs_pack(&r, 0, &in);
	assert_true(r.x[3] == (0x8003ULL | (8ULL << 16) | (0x7ffULL << 32)));
	assert_true(r.x[4] == 0xe311f8e7e0786148ULL);
	assert_true(r.x[5] == 0x1bc5d5a502005ebcULL);

	assert_int_equal(ffa_partinfo_regs_decode(&r, 6, &pr), 0);
	assert_int_equal(pr.last_index, 6);
	assert_int_equal(pr.current_index, 6);
	assert_int_equal(pr.tag, 9);
	assert_int_equal(pr.desc_size, 24);
	assert_int_equal(ffa_partinfo_regs_count(&pr, 6), 1);
	ffa_partinfo_regs_entry(&pr, 0, &out);
	assert_int_equal(out.id, 0x8003);
	assert_int_equal(out.exec_ctx_count, 8);
	assert_int_equal(out.properties, 0x7ff);
	assert_true(ffa_uuid_equal(&in.uuid, &out.uuid));
}

static void test_regs_rejects_bad_indices(void **state)
{
	struct ffa_partinfo_regs pr;
	struct ffa_regs r = { { 0 } };

	(void)state;
	/* current < start */
	r.x[2] = 9 | (2ULL << 16) | (24ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 3, &pr), FFA_EPROTO);
	/* current > last */
	r.x[2] = 2 | (3ULL << 16) | (24ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), FFA_EPROTO);
	/* six 24-byte entries do not fit in x3..x17 */
	r.x[2] = 9 | (5ULL << 16) | (24ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), FFA_EPROTO);
	/* descriptor size too small, or not whole registers */
	r.x[2] = 0 | (0ULL << 16) | (8ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), FFA_EPROTO);
	r.x[2] = 0 | (0ULL << 16) | (28ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), FFA_EPROTO);
	/* 48-byte (v1.3) entries: two fit, three do not */
	r.x[2] = 4 | (1ULL << 16) | (48ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), 0);
	r.x[2] = 4 | (2ULL << 16) | (48ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), FFA_EPROTO);
	/* five 24-byte entries fit exactly */
	r.x[2] = 9 | (4ULL << 16) | (24ULL << 48);
	assert_int_equal(ffa_partinfo_regs_decode(&r, 0, &pr), 0);
	assert_int_equal(ffa_partinfo_regs_count(&pr, 0), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iterate_v1_1),
		cmocka_unit_test(test_iterate_larger_stride),
		cmocka_unit_test(test_iterate_v1_0),
		cmocka_unit_test(test_iter_rejects_bad_manager_numbers),
		cmocka_unit_test(test_write_both_sizes),
		cmocka_unit_test(test_regs_round_trip),
		cmocka_unit_test(test_regs_rejects_bad_indices),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
