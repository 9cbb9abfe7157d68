// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reserved bits that depend on the caller's negotiated version (fields a
 * later version added are reserved for older callers), and the two
 * decisions that leave bits unjudged: FFA_VERSION reads only w1, and
 * NOTIFICATION_GET's flags [31:4] are ignored (docs/ARCHITECTURE.md,
 * decisions table). The world is test_spm_mbz.c's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mbz_world.h"

/* ---- the same rules, where they depend on the caller's version ---- */

/* A fresh world whose P1 speaks version v (FFA_VERSION before all). */
static struct mw *world_speaking(uint32_t v)
{
	struct mw *w = calloc(1, sizeof(*w));
	struct spm_decision d;

	assert_non_null(w);
	w->pages = DEFAULT_PAGES;
	harness_init(&w->h, (uint64_t)w->pages * NR_EPS, 1024);
	add(w, 0, 0x406, true);
	add(w, 1, 0x60f, false);
	add(w, 2, 0x60f, false);
	d = call(w, P1, X(0x84000063, v));
	assert_int_equal(d.regs.x[0], 0x00010002);
	spm_boot(w->h.spm, 0, &d);
	while (d.next == SPM_SWITCH && d.ep != HOST)
		d = call(w, d.ep, X(0x8400006B));
	return w;
}

static void expect_code(struct mw *w, uint16_t ep, const uint64_t *x,
			uint32_t code)
{
	struct mbz_row r = { .name = "versioned", .caller = ep,
			     .code = code };

	expect_refused(w, &r, x, "versioned");
}

/* Each bit of w[reg]'s mask, set alone on top of x: refused. */
static void expect_each_bit(struct mw *w, uint16_t ep, const uint64_t *x,
			    uint32_t reg, uint32_t mask)
{
	uint64_t y[FFA_NREGS];
	uint32_t b;

	for (b = 0; b < 32; b++) {
		if (!(mask & (1U << b)))
			continue;
		memcpy(y, x, sizeof(y));
		y[reg] |= 1ULL << b;
		expect_code(w, ep, y, INVALID);
	}
}

/*
 * Fields a version added are reserved for older callers: MSG_WAIT's
 * retain flag before v1.2, PARTITION_INFO_GET's count-only flag in
 * v1.0, YIELD's timeout in v1.0; the older layouts are swept whole,
 * every bit of every register they reserve. And x8..x17 are MBZ only
 * from v1.2: an older caller never had that rule.
 */
static void test_reserved_by_version(void **state)
{
	struct mw *w = world_speaking(FFA_VERSION_1_1);
	uint32_t i;

	(void)state;
	must(w, HOST, X(0x8400006D, (uint64_t)P1 << 16), 0x8400006D);
	for (i = 1; i < 8; i++)
		expect_each_bit(w, P1, X(0x8400006B), i, 0xffffffffU);
	/* v1.1: no x8..x17 rule, for SMC32 and SMC64 ABIs alike. */
	must(w, P1, X(0x84000069, [8] = 1, [17] = 2), 0x84000061);
	must(w, P1, X(0xC4000066, tx_of(w, 1), rx_of(w, 1), 1, [9] = 1),
	     0x84000061);
	must(w, P1, X(0x8400006B, [12] = 1), 0x8400006B);
	world_free(w);

	w = world_speaking(FFA_VERSION_1_0);
	map(w, 1);
	for (i = 5; i < 8; i++)
		expect_each_bit(w, P1, X(0x84000068), i, 0xffffffffU);
	must(w, HOST, X(0x8400006D, (uint64_t)P1 << 16), 0x8400006D);
	for (i = 1; i < 8; i++)
		expect_each_bit(w, P1, X(0x8400006C), i, 0xffffffffU);
	must(w, P1, X(0x8400006C), 0x8400006C);
	world_free(w);

	/* v1.2: the retain flag is a field, not a reserved bit. */
	w = world_speaking(FFA_VERSION_1_2);
	must(w, HOST, X(0x8400006D, (uint64_t)P1 << 16), 0x8400006D);
	must(w, P1, X(0x8400006B, 0, 1), 0x8400006B);
	world_free(w);
}

/*
 * FFA_VERSION answers in w0 alone and has no INVALID_PARAMETERS; v1.3
 * callers put flags in w2. Nothing but w1 is looked at.
 */
static void test_version_ignores_other_registers(void **state)
{
	struct mw *w = world_new(0);
	struct spm_decision d;

	(void)state;
	d = call(w, P1, X(0x84000063, 0x10002, 3, 4, 5, 6, 7, 8, 9,
			  [17] = 17));
	assert_int_equal(d.next, SPM_RESUME);
	assert_int_equal(d.regs.x[0], 0x10002);
	assert_int_equal(d.regs.x[1], 0);
	assert_int_equal(d.regs.x[2], 0);
	world_free(w);
}

/*
 * NOTIFICATION_GET flag bits [31:4]: "send zeros, accept both"
 * (ffa-abi.md 11). We accept them and ignore them: the answer is the
 * one the defined bits ask for.
 */
static void test_get_reserved_flags(void **state)
{
	struct mw *w = world_new(0);
	struct spm_decision d;

	(void)state;
	must(w, P1, X(0x8400007F, ((uint64_t)P2 << 16) | P1, 0, 3),
	     0x84000061);
	must(w, P2, X(0x84000081, ((uint64_t)P2 << 16) | P1, 0, 2),
	     0x84000061);
	d = must(w, P1, X(0x84000082, P1, 0xfffffff0), 0x84000061);
	assert_int_equal(d.regs.x[2], 0);
	d = must(w, P1, X(0x84000082, P1, 0xfffffff1), 0x84000061);
	assert_int_equal(d.regs.x[2], 2);
	world_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reserved_by_version),
		cmocka_unit_test(test_version_ignores_other_registers),
		cmocka_unit_test(test_get_reserved_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
