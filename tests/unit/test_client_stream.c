// SPDX-License-Identifier: BSD-3-Clause
/* ffa_mem_send_stream(): a transaction streamed through TX in fragments. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/bytes.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include "script_conduit.h"

#define NR_RANGES	300U
/* v1.1, one receiver: 48 + 16 + 16 = 80 bytes before the ranges. */
#define TOTAL		(80U + NR_RANGES * 16U)		/* 4880 */
#define FIRST		4096U				/* 251 ranges */
#define SECOND		(TOTAL - FIRST)			/* 49 ranges */

static uint8_t tx[4096];

static void every_other_page(void *ctx, uint32_t i, uint64_t *addr,
			     uint32_t *pages)
{
	(void)ctx;
	*addr = 0x40000000ULL + (uint64_t)i * 0x2000;
	*pages = 1;
}

static const struct ffa_mem_access to = {
	.receiver_id = 0x8001, .perms = FFA_MEM_DATA_RW,
};

static const struct ffa_mtd_spec spec = {
	.version = FFA_VERSION_1_1,
	.hdr = { .sender_id = 0, .attributes = 0x2f },
	.access = &to, .nr_access = 1,
	.total_pages = NR_RANGES, .nr_ranges = NR_RANGES,
};

static int send(void **state, const struct script_step *steps, size_t n,
		uint64_t *handle)
{
	const struct ffa_conduit *c = script_load(state, steps, n);

	return ffa_mem_send_stream(c, FFA_MEM_SHARE_64, tx, sizeof(tx), &spec,
				   every_other_page, NULL, handle);
}

static void test_two_fragments(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000073, TOTAL, FIRST),
		  REGS(0x8400007A, 0x00000005, 0x00000001, FIRST) },
		{ REGS(0x8400007B, 0x00000005, 0x00000001, SECOND),
		  REGS(0x84000061, 0, 0x00000005, 0x00000001) },
	};
	uint64_t handle = 0;

	assert_int_equal(send(state, steps, SCRIPT_LEN(steps), &handle), 0);
	assert_true(handle == 0x0000000100000005ULL);
	/* The second fragment holds ranges 251..299 and nothing else. */
	assert_true(ffa_ld64(tx) == 0x40000000ULL + 251ULL * 0x2000);
	assert_int_equal(ffa_ld32(tx + 8), 1);
	assert_true(ffa_ld64(tx + SECOND - 16) ==
		    0x40000000ULL + 299ULL * 0x2000);
}

static void test_relayer_asks_wrong_offset(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000073, TOTAL, FIRST),
		  REGS(0x8400007A, 0x00000005, 0x00000001, FIRST - 16) },
	};
	uint64_t handle = 0;

	assert_int_equal(send(state, steps, SCRIPT_LEN(steps), &handle),
			 FFA_EPROTO);
}

static void test_done_too_early(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000073, TOTAL, FIRST),
		  REGS(0x84000061, 0, 0x00000005, 0x00000001) },
	};
	uint64_t handle = 0;

	assert_int_equal(send(state, steps, SCRIPT_LEN(steps), &handle),
			 FFA_EPROTO);
}

static void test_frag_tx_refused(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xC4000073, TOTAL, FIRST),
		  REGS(0x8400007A, 0x00000005, 0x00000001, FIRST) },
		{ REGS(0x8400007B, 0x00000005, 0x00000001, SECOND),
		  REGS(0x84000060, 0, 0xFFFFFFFD) },
	};
	uint64_t handle = 0;

	assert_int_equal(send(state, steps, SCRIPT_LEN(steps), &handle),
			 FFA_RET_NO_MEMORY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		SCRIPT_TEST(test_two_fragments),
		SCRIPT_TEST(test_relayer_asks_wrong_offset),
		SCRIPT_TEST(test_done_too_early),
		SCRIPT_TEST(test_frag_tx_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
