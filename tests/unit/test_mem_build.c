// SPDX-License-Identifier: BSD-3-Clause
/*
 * The streaming builder: its bounds, FFA_EFULL and resume, builder ->
 * parser round trips in all three layouts, and 262,144 constituents
 * streamed through one 4 KiB buffer into the parser's accumulator.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/bytes.h>
#include <libffa/status.h>
#include "test_mem_common.h"

#define INVAL		FFA_RET_INVALID_PARAMETERS
#define PAGE		0x1000ULL
#define RT_MAX_RANGES	64
#define RT_ROUNDS	200

/* Deterministic pseudo-random numbers (Knuth's MMIX LCG). */
static uint64_t lcg_state = 0x2545f4914f6cdd1dULL;

static uint32_t lcg(uint32_t bound)
{
	lcg_state = lcg_state * 6364136223846793005ULL +
		    1442695040888963407ULL;
	return (uint32_t)((lcg_state >> 33) % bound);
}

static struct ffa_mem_access a_access;

static struct ffa_mtd_spec a_spec(uint32_t version)
{
	share_a_access(&a_access, false);
	return share_a_spec(version, &a_access);
}

static int begin_a(uint32_t version, uint32_t buf_size, uint8_t *buf)
{
	struct ffa_mtd_spec spec = a_spec(version);
	struct ffa_mtd_builder b;

	return ffa_mtd_build_begin(&b, buf, buf_size, &spec);
}

static void test_begin_no_room_for_fixed_part(void **state)
{
	uint8_t buf[96];

	(void)state;
	/* Header 48 + EMAD 16 + composite 16 = 80 bytes. */
	assert_int_equal(begin_a(FFA_VERSION_1_1, 79, buf), FFA_RET_NO_MEMORY);
	assert_int_equal(begin_a(FFA_VERSION_1_1, 80, buf), 0);
	assert_int_equal(begin_a(FFA_VERSION_1_0, 63, buf), FFA_RET_NO_MEMORY);
	assert_int_equal(begin_a(FFA_VERSION_1_2, 95, buf), FFA_RET_NO_MEMORY);
}

static int begin_spec(const struct ffa_mtd_spec *spec)
{
	static uint8_t buf[256];
	struct ffa_mtd_builder b;

	return ffa_mtd_build_begin(&b, buf, sizeof(buf), spec);
}

static void test_begin_bad_spec(void **state)
{
	struct ffa_mem_access many[FFA_MEM_MAX_ACCESS + 1] = { { 0 } };
	struct ffa_mtd_spec spec = a_spec(FFA_VERSION_1_1);

	(void)state;
	spec.nr_access = 0;
	assert_int_equal(begin_spec(&spec), INVAL);
	spec.access = many;
	spec.nr_access = FFA_MEM_MAX_ACCESS + 1;
	assert_int_equal(begin_spec(&spec), INVAL);
	spec = a_spec(FFA_VERSION_1_1);
	spec.nr_ranges = 0;
	assert_int_equal(begin_spec(&spec), INVAL);
	spec.version = 0x00020000;
	assert_int_equal(begin_spec(&spec), FFA_RET_NOT_SUPPORTED);
}

/* Share A, v1.1, and a 4 KiB buffer: the fixture of most tests below. */
static struct {
	struct ffa_mtd_spec spec;
	struct ffa_mtd_builder b;
	uint8_t buf[4096];
} bx;

static int setup_a_v1_1(void **state)
{
	(void)state;
	memset(&bx, 0, sizeof(bx));
	bx.spec = a_spec(FFA_VERSION_1_1);
	return 0;
}

static int bx_begin(uint32_t size)
{
	return ffa_mtd_build_begin(&bx.b, bx.buf, size, &bx.spec);
}

static int bx_add(uint64_t address, uint32_t pages)
{
	return ffa_mtd_build_add(&bx.b, address, pages);
}

static int bx_resume(uint32_t size, uint32_t offset)
{
	return ffa_mtd_build_resume(&bx.b, bx.buf, size, &bx.spec, offset);
}

/* What a layout cannot carry is refused, never dropped. */
static void test_begin_unrepresentable(void **state)
{
	struct ffa_mtd_spec spec = a_spec(FFA_VERSION_1_0);

	(void)state;
	spec.hdr.attributes = 0x100;
	assert_int_equal(begin_spec(&spec), INVAL);
	spec = a_spec(FFA_VERSION_1_1);
	a_access.impdef[15] = 1;
	assert_int_equal(begin_spec(&spec), INVAL);
	spec.version = FFA_VERSION_1_2;
	assert_int_equal(begin_spec(&spec), 0);
}

/* The total length must fit in 32 bits: 80 + 16 n <= 0xffffffff. */
static void test_begin_total_len_limit(void **state)
{
	(void)state;
	bx.spec.nr_ranges = (0xffffffffU - 80) / 16;
	assert_int_equal(bx_begin(128), 0);
	assert_int_equal(bx.b.total_len, 80 + 16 * bx.spec.nr_ranges);
	bx.spec.nr_ranges++;
	assert_int_equal(bx_begin(128), INVAL);
}

static void test_add_checks(void **state)
{
	(void)state;
	assert_int_equal(bx_begin(256), 0);
	assert_int_equal(bx_add(A_ADDR0, 0), INVAL);
	assert_int_equal(bx_add(A_ADDR0 + 8, 1), INVAL);
	assert_int_equal(bx_add(~0ULL - PAGE + 1, 1), INVAL);
	assert_int_equal(bx_add(A_ADDR0, 4), INVAL);
	assert_int_equal(bx.b.frag_len, 80);	/* nothing was written */
	assert_int_equal(bx_add(A_ADDR0, 1), 0);
	assert_int_equal(bx_add(A_ADDR1, 3), INVAL);
	assert_int_equal(bx_add(A_ADDR1, 2), 0);
	assert_int_equal(bx_add(A_ADDR1 + 8 * PAGE, 1), INVAL);
	assert_int_equal(ffa_mtd_build_finish(&bx.b), 0);
}

static void test_finish_checks(void **state)
{
	(void)state;
	assert_int_equal(bx_begin(256), 0);
	assert_int_equal(bx_add(A_ADDR0, 1), 0);
	/* 1 of 2 ranges */
	assert_int_equal(ffa_mtd_build_finish(&bx.b), INVAL);
	bx.spec.total_pages = 4;
	assert_int_equal(bx_begin(256), 0);
	assert_int_equal(bx_add(A_ADDR0, 1), 0);
	assert_int_equal(bx_add(A_ADDR1, 2), 0);
	/* 3 of 4 pages */
	assert_int_equal(ffa_mtd_build_finish(&bx.b), INVAL);
}

/*
 * Add ranges *i.. end - 1 (address i * 8 KiB, one page each): 0 when all
 * went in, else why the builder stopped (FFA_EFULL: fragment full).
 */
static int add_until_full(struct ffa_mtd_builder *b, uint32_t *i,
			  uint32_t end)
{
	int ret = 0;

	while (*i < end &&
	       (ret = ffa_mtd_build_add(b, (uint64_t)*i * 2 * PAGE, 1)) == 0)
		(*i)++;
	return ret;
}

/* v1.1, one receiver: 251 ranges in the first 4 KiB, then 256 each. */
static void test_efull_at_the_right_constituent(void **state)
{
	uint32_t i = 0;

	(void)state;
	bx.spec.nr_ranges = 1000;
	bx.spec.total_pages = 1000;
	assert_int_equal(bx_begin(sizeof(bx.buf)), 0);
	assert_int_equal(add_until_full(&bx.b, &i, 1000), FFA_EFULL);
	assert_int_equal(i, 251);
	assert_int_equal(bx.b.frag_len, 4096);
	assert_int_equal(ffa_mtd_build_next_index(&bx.b), 251);
	ffa_mtd_build_next_fragment(&bx.b);
	assert_int_equal(bx.b.frag_start, 4096);
	assert_int_equal(add_until_full(&bx.b, &i, 1000), FFA_EFULL);
	assert_int_equal(i, 251 + 256);
	/* After the next fragment, constituents start at byte 0. */
	assert_int_equal(ffa_ld64(bx.buf), 251 * 2 * PAGE);
}

static void test_tiny_buffer_no_memory(void **state)
{
	(void)state;
	/* The fixed part fits, no range does: EFULL, then NO_MEMORY. */
	assert_int_equal(bx_begin(90), 0);
	assert_int_equal(bx_add(A_ADDR0, 1), FFA_EFULL);
	ffa_mtd_build_next_fragment(&bx.b);
	bx.b.buf_size = 8;
	assert_int_equal(bx_add(A_ADDR0, 1), FFA_RET_NO_MEMORY);
}

static void test_resume_checks(void **state)
{
	(void)state;
	/* Constituents are at 80 and 96; the descriptor ends at 112. */
	assert_int_equal(bx_resume(64, 64), INVAL);
	assert_int_equal(bx_resume(64, 88), INVAL);
	assert_int_equal(bx_resume(64, 112), INVAL);
	assert_int_equal(bx_resume(8, 96), FFA_RET_NO_MEMORY);
	assert_int_equal(bx_resume(64, 96), 0);
	assert_int_equal(ffa_mtd_build_next_index(&bx.b), 1);
	assert_int_equal(bx.b.frag_start, 96);
	assert_int_equal(bx.b.frag_len, 0);
}

/* A resumed builder writes exactly the tail of the whole descriptor. */
static void test_resume_matches_whole(void **state)
{
	struct ffa_mtd_spec spec = a_spec(FFA_VERSION_1_2);
	struct ffa_mem_range r[2];
	struct ffa_mtd_builder b;
	uint8_t buf[64];

	(void)state;
	share_a_ranges(r);
	assert_int_equal(ffa_mtd_build_resume(&b, buf, sizeof(buf), &spec,
					      112), 0);
	assert_int_equal(ffa_mtd_build_next_index(&b), 1);
	assert_int_equal(ffa_mtd_build_add(&b, r[1].address,
					   r[1].page_count), 0);
	assert_int_equal(ffa_mtd_build_add(&b, r[1].address, 1), INVAL);
	/* Only the count can be checked: pages before 1 were not seen. */
	assert_int_equal(ffa_mtd_build_finish(&b), 0);
	assert_int_equal(b.frag_len, 16);
	assert_memory_equal(buf, golden_share_v1_2 + 112, 16);
}

/* ---- Round trips with pseudo-random transactions ---- */

struct rt {
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	struct ffa_mem_range ranges[RT_MAX_RANGES];
	struct ffa_mtd_spec spec;
};

static void rt_fill_access(struct rt *t, uint32_t version)
{
	uint32_t i, j;

	memset(t->access, 0, sizeof(t->access));
	for (i = 0; i < t->spec.nr_access; i++) {
		t->access[i].receiver_id = (uint16_t)(0x8001 + 2 * i +
						      lcg(2));
		t->access[i].perms = lcg(2) ? FFA_MEM_DATA_RW :
					      FFA_MEM_DATA_RO;
		for (j = 0; version == FFA_VERSION_1_2 && j < 16; j++)
			t->access[i].impdef[j] = (uint8_t)lcg(256);
	}
}

/* Non-overlapping ranges, in a shuffled order. */
static void rt_fill_ranges(struct rt *t)
{
	uint64_t addr = (uint64_t)lcg(1024) * PAGE;
	uint32_t i, j, pages = 0;
	struct ffa_mem_range tmp;

	for (i = 0; i < t->spec.nr_ranges; i++) {
		t->ranges[i] = (struct ffa_mem_range){
			.address = addr, .page_count = 1 + lcg(16),
		};
		pages += t->ranges[i].page_count;
		addr += (t->ranges[i].page_count + lcg(3)) * PAGE;
	}
	for (i = t->spec.nr_ranges; i > 1; i--) {
		j = lcg(i);
		tmp = t->ranges[i - 1];
		t->ranges[i - 1] = t->ranges[j];
		t->ranges[j] = tmp;
	}
	t->spec.total_pages = pages;
}

static void rt_make(struct rt *t, uint32_t version)
{
	t->spec = (struct ffa_mtd_spec){
		.version = version,
		.hdr = { .sender_id = A_SENDER, .tag = lcg(0xffffffff),
			 .attributes = FFA_MEM_ATTR_NORMAL_WB_IS },
		.access = t->access,
		.nr_access = 1 + lcg(FFA_MEM_MAX_ACCESS),
		.nr_ranges = 1 + lcg(RT_MAX_RANGES),
	};
	rt_fill_access(t, version);
	rt_fill_ranges(t);
}

static void rt_check_model(const struct rt *t, const struct ffa_mtd *m,
			   const struct ffa_mem_range *r)
{
	assert_int_equal(m->layout_version, t->spec.version);
	assert_memory_equal(&m->hdr, &t->spec.hdr, sizeof(m->hdr));
	assert_int_equal(m->nr_access, t->spec.nr_access);
	assert_memory_equal(m->access, t->access,
			    t->spec.nr_access * sizeof(t->access[0]));
	assert_int_equal(m->total_pages, t->spec.total_pages);
	assert_int_equal(m->nr_ranges, t->spec.nr_ranges);
	assert_memory_equal(r, t->ranges,
			    t->spec.nr_ranges * sizeof(t->ranges[0]));
}

static void round_trip(uint32_t version)
{
	struct ffa_mtd_ctx ctx = send_ctx(version, FFA_MEM_OP_SHARE);
	struct ffa_mem_range r[RT_MAX_RANGES], s[RT_MAX_RANGES];
	static uint8_t buf[2048], again[2048];
	uint32_t len, len2, n;
	struct ffa_mtd_spec spec2;
	struct ffa_mtd m;
	struct rt t;

	for (n = 0; n < RT_ROUNDS; n++) {
		rt_make(&t, version);
		assert_int_equal(build_whole(&t.spec, t.ranges, buf,
					     sizeof(buf), &len), 0);
		assert_int_equal(ffa_mtd_parse_full(&ctx, buf, len, &m, r, s,
						    RT_MAX_RANGES, NULL), 0);
		rt_check_model(&t, &m, r);
		spec2 = spec_of(&m, m.layout_version);
		assert_int_equal(build_whole(&spec2, r, again, sizeof(again),
					     &len2), 0);
		assert_int_equal(len2, len);
		assert_memory_equal(again, buf, len);
	}
}

static void test_round_trip_v1_0(void **state)
{
	(void)state;
	round_trip(FFA_VERSION_1_0);
}

static void test_round_trip_v1_1(void **state)
{
	(void)state;
	round_trip(FFA_VERSION_1_1);
}

static void test_round_trip_v1_2(void **state)
{
	(void)state;
	round_trip(FFA_VERSION_1_2);
}

static void retrieve_round_trip(uint32_t version)
{
	static uint8_t buf[512];
	struct ffa_retrieve_req req;
	uint32_t len, n;
	struct rt t;

	for (n = 0; n < RT_ROUNDS; n++) {
		rt_make(&t, version);
		t.spec.hdr.handle = ((uint64_t)lcg(0xffffffff) << 32) | n;
		t.spec.hdr.flags = lcg(4) << FFA_RETRIEVE_TYPE_SHIFT;
		assert_int_equal(ffa_mtd_build_retrieve_req(buf, sizeof(buf),
				version, &t.spec.hdr, t.access,
				t.spec.nr_access, &len), 0);
		assert_int_equal(ffa_retrieve_req_parse(version, buf, len,
							&req, NULL), 0);
		assert_memory_equal(&req.hdr, &t.spec.hdr, sizeof(req.hdr));
		assert_int_equal(req.nr_access, t.spec.nr_access);
		assert_memory_equal(req.access, t.access,
				    req.nr_access * sizeof(t.access[0]));
		assert_int_equal(req.type, t.spec.hdr.flags >> 3);
	}
}

static void test_retrieve_round_trips(void **state)
{
	(void)state;
	retrieve_round_trip(FFA_VERSION_1_0);
	retrieve_round_trip(FFA_VERSION_1_1);
	retrieve_round_trip(FFA_VERSION_1_2);
}

static void test_relinquish_round_trip_and_bounds(void **state)
{
	const uint16_t ids[3] = { 0x8002, 0x8003, 0x8004 };
	struct ffa_relinquish rel;
	uint8_t buf[32];
	uint32_t len;

	(void)state;
	assert_int_equal(ffa_relinquish_build(buf, 21, R_HANDLE, 1, ids, 3,
					      &len), FFA_RET_NO_MEMORY);
	assert_int_equal(ffa_relinquish_build(buf, 32, R_HANDLE, 1, ids, 0,
					      &len), INVAL);
	assert_int_equal(ffa_relinquish_build(buf, 22, R_HANDLE, 1, ids, 3,
					      &len), 0);
	assert_int_equal(len, 22);
	assert_int_equal(ffa_relinquish_parse(buf, len, &rel, NULL), 0);
	assert_int_equal(rel.handle, R_HANDLE);
	assert_int_equal(rel.flags, 1);
	assert_int_equal(rel.nr_ids, 3);
	assert_memory_equal(rel.ids, ids, sizeof(ids));
}

static void test_retrieve_build_bounds(void **state)
{
	struct ffa_mem_header hdr = { .sender_id = A_SENDER };
	uint8_t buf[64];
	uint32_t len;

	(void)state;
	share_a_access(&a_access, false);
	assert_int_equal(ffa_mtd_build_retrieve_req(buf, 63, FFA_VERSION_1_1,
						    &hdr, &a_access, 1, &len),
			 FFA_RET_NO_MEMORY);
	assert_int_equal(ffa_mtd_build_retrieve_req(buf, 64, FFA_VERSION_1_1,
						    &hdr, &a_access, 0, &len),
			 INVAL);
	assert_int_equal(ffa_mtd_build_retrieve_req(buf, 48, FFA_VERSION_1_0,
						    &hdr, &a_access, 1, &len),
			 0);
	assert_int_equal(len, 48);
}

/* ---- The streaming test ---- */

#define STREAM_RANGES	262144U
#define STREAM_BUF	4096U
/* 251 ranges in the first fragment (4096 - 80) / 16, 256 in each next. */
#define STREAM_FRAGS	(1U + (STREAM_RANGES - 251U + 255U) / 256U)

struct stream_rx {
	struct ffa_mtd mtd;
	struct ffa_range_acc acc;
	uint32_t received;	/* descriptor bytes so far (FRAG_RX offset) */
};

/* The manager's side of one fragment. */
static void stream_receive(struct stream_rx *rx, const uint8_t *frag,
			   uint32_t len, uint32_t total,
			   struct ffa_mem_range *ranges)
{
	struct ffa_mtd_ctx ctx = send_ctx(FFA_VERSION_1_1, FFA_MEM_OP_SHARE);
	uint32_t skip = 0;

	if (rx->received == 0) {
		assert_int_equal(ffa_mtd_parse_send(&ctx, frag, len, total,
						    &rx->mtd, NULL), 0);
		ffa_range_acc_init(&rx->acc, &rx->mtd, TEST_ADDR_LIMIT,
				   ranges, STREAM_RANGES);
		skip = rx->mtd.ranges_offset;
	}
	assert_int_equal(ffa_range_acc_add(&rx->acc, frag + skip, len - skip,
					   NULL), 0);
	rx->received += len;
}

static void test_stream_262144_ranges_through_4k(void **state)
{
	struct ffa_mtd_spec spec = a_spec(FFA_VERSION_1_1);
	struct ffa_mem_range *ranges, *scratch;
	static uint8_t buf[STREAM_BUF];
	struct stream_rx rx = { 0 };
	struct ffa_mtd_builder b;
	uint32_t i = 0, frags = 0;
	int ret;

	(void)state;
	ranges = malloc(STREAM_RANGES * sizeof(*ranges));
	scratch = malloc(STREAM_RANGES * sizeof(*scratch));
	assert_non_null(ranges);
	assert_non_null(scratch);
	spec.nr_ranges = STREAM_RANGES;
	spec.total_pages = STREAM_RANGES;
	assert_int_equal(ffa_mtd_build_begin(&b, buf, sizeof(buf), &spec), 0);
	for (;;) {
		ret = add_until_full(&b, &i, STREAM_RANGES);
		assert_true(ret == FFA_EFULL ||
			    (ret == 0 && i == STREAM_RANGES));
		assert_int_equal(b.frag_start, rx.received);
		stream_receive(&rx, buf, b.frag_len, b.total_len, ranges);
		frags++;
		if (i == STREAM_RANGES)
			break;
		ffa_mtd_build_next_fragment(&b);
	}
	assert_int_equal(ffa_mtd_build_finish(&b), 0);
	assert_int_equal(frags, STREAM_FRAGS);
	assert_int_equal(frags, 1025);
	assert_int_equal(rx.received, 80 + 16 * STREAM_RANGES);
	assert_int_equal(ffa_range_acc_finish(&rx.acc, scratch, NULL), 0);
	for (i = 0; i < STREAM_RANGES; i++)
		if (ranges[i].address != (uint64_t)i * 2 * PAGE ||
		    ranges[i].page_count != 1 || ranges[i].reserved != 0)
			fail_msg("range %u came back wrong", i);
	free(ranges);
	free(scratch);
}

#define A11_TEST(f)	cmocka_unit_test_setup(f, setup_a_v1_1)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_begin_no_room_for_fixed_part),
		cmocka_unit_test(test_begin_bad_spec),
		cmocka_unit_test(test_begin_unrepresentable),
		A11_TEST(test_begin_total_len_limit),
		A11_TEST(test_add_checks),
		A11_TEST(test_finish_checks),
		A11_TEST(test_efull_at_the_right_constituent),
		A11_TEST(test_tiny_buffer_no_memory),
		A11_TEST(test_resume_checks),
		cmocka_unit_test(test_resume_matches_whole),
		cmocka_unit_test(test_round_trip_v1_0),
		cmocka_unit_test(test_round_trip_v1_1),
		cmocka_unit_test(test_round_trip_v1_2),
		cmocka_unit_test(test_retrieve_round_trips),
		cmocka_unit_test(test_relinquish_round_trip_and_bounds),
		cmocka_unit_test(test_retrieve_build_bounds),
		cmocka_unit_test(test_stream_262144_ranges_through_4k),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
