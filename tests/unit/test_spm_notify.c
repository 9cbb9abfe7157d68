// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notifications, the sending side, through spm_call: BITMAP_CREATE and
 * DESTROY, BIND, UNBIND, SET and the SRI (ffa-abi.md 11; bad input 36).
 * test_spm_notify_get.c covers GET and INFO_GET.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/client.h>
#include "fake_platform.h"
#include "internal.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001
#define SP2	0x8002
#define SP3	0x8003	/* no notifications in its manifest */

#define NOT_SUPPORTED	(-1)
#define INVALID		(-2)
#define DENIED		(-6)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, 0x40000000, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0x8, 2, false, 0x40010000, 8), 0);
	assert_int_equal(harness_add(h, SP2, 0x8, 1, false, 0x40018000, 8), 0);
	assert_int_equal(harness_add(h, SP3, 0x3, 1, false, 0x40020000, 8), 0);
	*state = h;
	return 0;
}

static struct spm_notifications *notif_of(struct spm_harness *h, uint16_t id)
{
	return &spm_endpoint_by_id(h->spm, id)->notif;
}

static void expect_ok(struct spm_harness *h, uint16_t ep,
		      const struct ffa_regs *in)
{
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect(h, ep, in, &ok);
}

static void create_host_bitmap(struct spm_harness *h)
{
	struct ffa_regs in = REGS(0x8400007d, 0x0001, 2);

	expect_ok(h, HOST, &in);
}

/* Every notification of n unbound but those in bitmap, bound to id. */
static void assert_bound(struct spm_harness *h, uint16_t recv,
			 uint64_t bitmap, uint16_t id)
{
	struct spm_notifications *n = notif_of(h, recv);
	unsigned int i;

	for (i = 0; i < 64; i++)
		assert_int_equal(n->bound[i],
				 (bitmap >> i) & 1 ? id : FFA_ID_INVALID);
}

/* ---- BITMAP_CREATE / BITMAP_DESTROY ---- */

static void test_bitmap_create(void **state)
{
	static const uint64_t bad[][3] = {
		{ 0x8400007d, 0x00010001, 2 },	/* w1[31:16] MBZ */
		{ 0x8400007d, 0x0002, 2 },	/* not the caller */
		{ 0x8400007d, 0x0000, 2 },
		{ 0x8400007d, 0x0001, 0 },	/* no vCPU */
	};
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x8400007d, 0x8001, 2);
	unsigned int i;

	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	assert_true(notif_of(h, SP1)->enabled);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		in = (struct ffa_regs)REGS(bad[i][0], bad[i][1], bad[i][2]);
		harness_expect_error(h, HOST, &in, INVALID);
		assert_false(notif_of(h, HOST)->enabled);
	}
	create_host_bitmap(h);
	assert_true(notif_of(h, HOST)->enabled);
	in = (struct ffa_regs)REGS(0x8400007d, 0x0001, 4);
	harness_expect_error(h, HOST, &in, DENIED);
	assert_true(notif_of(h, HOST)->enabled);
}

static void test_bitmap_destroy(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x8400007e, 0x0001);
	struct ffa_regs bind = REGS(0x8400007f, 0x80010001, 0, 0x10);
	struct spm_notifications *n = notif_of(h, HOST);

	harness_expect_error(h, HOST, &in, DENIED);	/* none yet */
	create_host_bitmap(h);
	expect_ok(h, HOST, &bind);
	in.x[1] = 0x8001;
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[1] = 0x10001;
	harness_expect_error(h, HOST, &in, INVALID);
	/* pending bits, of either kind, keep the bitmap */
	in.x[1] = 0x0001;
	n->pending_from_sp = 0x10;
	harness_expect_error(h, HOST, &in, DENIED);
	n->pending_from_sp = 0;
	n->spm_fw = 1;
	harness_expect_error(h, HOST, &in, DENIED);
	n->spm_fw = 0;
	assert_true(n->enabled);
	assert_bound(h, HOST, 0x10, SP1);
	expect_ok(h, HOST, &in);
	assert_false(n->enabled);
	assert_bound(h, HOST, 0, 0);
	harness_expect_error(h, HOST, &in, DENIED);
	harness_expect_error(h, HOST, &bind, NOT_SUPPORTED);
}

/* ---- BIND / UNBIND ---- */

static void test_bind(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x8400007f, 0x80028001, 0, 0x5, 0x1);

	expect_ok(h, SP1, &in);
	assert_bound(h, SP1, 0x100000005ULL, SP2);
	/* binding again to the same sender is fine; to another is not */
	in.x[3] = 0x3;
	in.x[4] = 0;
	expect_ok(h, SP1, &in);
	assert_bound(h, SP1, 0x100000007ULL, SP2);
	in.x[1] = 0x00018001;
	in.x[3] = 0x9;
	harness_expect_error(h, SP1, &in, DENIED);
	assert_bound(h, SP1, 0x100000007ULL, SP2);
	in.x[3] = 0x8;
	expect_ok(h, SP1, &in);
	assert_int_equal(notif_of(h, SP1)->bound[3], HOST);
}

static void test_bind_errors(void **state)
{
	static const uint64_t bad[][5] = {
		{ 0x8400007f, 0x80028002, 0, 1, 0 },	/* caller not recv */
		{ 0x8400007f, 0x80090001, 0, 1, 0 },	/* unknown sender */
		{ 0x8400007f, 0x80018001, 0, 1, 0 },	/* sender = recv */
		{ 0x8400007f, 0x80028001, 1, 1, 0 },	/* per-vCPU */
		{ 0x8400007f, 0x80028001, 2, 1, 0 },	/* flags MBZ */
		{ 0x8400007f, 0x80028001, 0x80000000, 1, 0 },
		{ 0x8400007f, 0x80028001, 0, 0, 0 },	/* empty bitmap */
	};
	struct spm_harness *h = *state;
	struct ffa_regs in;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		in = (struct ffa_regs)REGS(bad[i][0], bad[i][1], bad[i][2],
					   bad[i][3], bad[i][4]);
		harness_expect_error(h, SP1, &in, INVALID);
		assert_bound(h, SP1, 0, 0);
	}
	/* receivers without notifications: SP3, the host before CREATE */
	in = (struct ffa_regs)REGS(0x8400007f, 0x80018003, 0, 1);
	harness_expect_error(h, SP3, &in, NOT_SUPPORTED);
	in.x[1] = 0x80010001;
	harness_expect_error(h, HOST, &in, NOT_SUPPORTED);
	assert_bound(h, HOST, 0, 0);
	/* a pending notification cannot be rebound */
	notif_of(h, SP1)->pending_from_vm = 0x2;
	in = (struct ffa_regs)REGS(0x8400007f, 0x80028001, 0, 0x3);
	harness_expect_error(h, SP1, &in, DENIED);
	assert_bound(h, SP1, 0, 0);
}

static void test_unbind(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs bind = REGS(0x8400007f, 0x80028001, 0, 0xf);
	struct ffa_regs in = REGS(0x84000080, 0x80028001, 0, 0x3);

	expect_ok(h, SP1, &bind);
	expect_ok(h, SP1, &in);
	assert_bound(h, SP1, 0xc, SP2);
	/* bits not bound to that sender: unbound ones, someone else's */
	harness_expect_error(h, SP1, &in, DENIED);
	in.x[1] = 0x00018001;
	in.x[3] = 0x4;
	harness_expect_error(h, SP1, &in, DENIED);
	in.x[1] = 0x80028001;
	in.x[2] = 1;	/* w2 MBZ */
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[2] = 0;
	in.x[3] = 0;
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[3] = 0x4;
	notif_of(h, SP1)->pending_from_sp = 0x4;
	harness_expect_error(h, SP1, &in, DENIED);
	assert_bound(h, SP1, 0xc, SP2);
	notif_of(h, SP1)->pending_from_sp = 0;
	in.x[3] = 0xc;
	expect_ok(h, SP1, &in);
	assert_bound(h, SP1, 0, 0);
}

/* ---- SET and the schedule receiver interrupt ---- */

static void test_set(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs bind = REGS(0x8400007f, 0x80028001, 0, 0x3, 0x80000000);
	struct ffa_regs in = REGS(0x84000081, 0x80028001, 0, 0x1, 0x80000000);
	struct spm_notifications *n = notif_of(h, SP1);

	expect_ok(h, SP1, &bind);
	bind.x[1] = 0x00018001;
	bind.x[3] = 0x100;
	bind.x[4] = 0;
	expect_ok(h, SP1, &bind);
	expect_ok(h, SP2, &in);
	assert_int_equal(n->pending_from_sp, 0x8000000000000001ULL);
	assert_int_equal(n->pending_from_vm, 0);
	assert_true(n->info_pending);
	assert_int_equal(h->fp.sri_count, 1);
	/* from the host: the VM bitmap */
	in = (struct ffa_regs)REGS(0x84000081, 0x00018001, 0, 0x100);
	expect_ok(h, HOST, &in);
	assert_int_equal(n->pending_from_vm, 0x100);
	assert_int_equal(h->fp.sri_count, 2);
	/* to the host, from a partition */
	create_host_bitmap(h);
	bind = (struct ffa_regs)REGS(0x8400007f, 0x80010001, 0, 0x2);
	expect_ok(h, HOST, &bind);
	in = (struct ffa_regs)REGS(0x84000081, 0x80010001, 0, 0x2);
	expect_ok(h, SP1, &in);
	assert_int_equal(notif_of(h, HOST)->pending_from_sp, 0x2);
	assert_true(notif_of(h, HOST)->info_pending);
	assert_int_equal(h->fp.sri_count, 3);
}

static void test_set_delayed_sri(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs bind = REGS(0x8400007f, 0x80028001, 0, 0x1);
	struct ffa_regs in = REGS(0x84000081, 0x80028001, 0x2, 0x1);

	expect_ok(h, SP1, &bind);
	expect_ok(h, SP2, &in);
	assert_int_equal(h->fp.sri_count, 0);
	assert_true(notif_of(h, SP1)->sri_delayed);
	assert_int_equal(notif_of(h, SP1)->pending_from_sp, 1);
	spm_notif_flush_delayed_sri(h->spm, 1);
	assert_int_equal(h->fp.sri_count, 1);
	assert_false(notif_of(h, SP1)->sri_delayed);
	spm_notif_flush_delayed_sri(h->spm, 1);
	assert_int_equal(h->fp.sri_count, 1);
	/* the scheduler's own SET is never delayed */
	bind.x[1] = 0x00018001;
	bind.x[3] = 0x4;
	expect_ok(h, SP1, &bind);
	in = (struct ffa_regs)REGS(0x84000081, 0x00018001, 0x2, 0x4);
	expect_ok(h, HOST, &in);
	assert_int_equal(h->fp.sri_count, 2);
	assert_false(notif_of(h, SP1)->sri_delayed);
}

static void test_set_errors(void **state)
{
	static const uint64_t bad[][5] = {
		{ 0x84000081, 0x80018002, 0, 1, 0 },	/* caller not sender */
		{ 0x84000081, 0x80028009, 0, 1, 0 },	/* unknown receiver */
		{ 0x84000081, 0x80028002, 0, 1, 0 },	/* to itself */
		{ 0x84000081, 0x80028001, 1, 1, 0 },	/* per-vCPU */
		{ 0x84000081, 0x80028001, 0x10001, 1, 0 },
		{ 0x84000081, 0x80028001, 0x4, 1, 0 },	/* bits[15:2] */
		{ 0x84000081, 0x80028001, 0x8000, 1, 0 },
		{ 0x84000081, 0x80028001, 0x10000, 1, 0 },	/* vCPU MBZ */
		{ 0x84000081, 0x80028001, 0, 0, 0 },	/* empty bitmap */
	};
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x8400007f, 0x80028001, 0, 0x1);
	struct spm_notifications *n = notif_of(h, SP1);
	unsigned int i;

	expect_ok(h, SP1, &in);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		in = (struct ffa_regs)REGS(bad[i][0], bad[i][1], bad[i][2],
					   bad[i][3], bad[i][4]);
		harness_expect_error(h, SP2, &in, INVALID);
	}
	/* not bound to this sender, partly or at all; no notifications */
	in = (struct ffa_regs)REGS(0x84000081, 0x80028001, 0, 0x3);
	harness_expect_error(h, SP2, &in, DENIED);
	in.x[3] = 0;
	in.x[4] = 1;
	harness_expect_error(h, SP2, &in, DENIED);
	in = (struct ffa_regs)REGS(0x84000081, 0x00018001, 0, 0x1);
	harness_expect_error(h, HOST, &in, DENIED);
	in = (struct ffa_regs)REGS(0x84000081, 0x80028003, 0, 0x1);
	harness_expect_error(h, SP2, &in, DENIED);
	in.x[1] = 0x80020001;	/* the host before BITMAP_CREATE */
	harness_expect_error(h, SP2, &in, DENIED);
	assert_int_equal(n->pending_from_sp | n->pending_from_vm, 0);
	assert_false(n->info_pending);
	assert_int_equal(h->fp.sri_count, 0);
}

/* Through lib's client: the host creates, SP1 binds, SP2 sets. */
static void test_client_round_trip(void **state)
{
	struct spm_harness *h = *state;
	struct harness_conduit hc_host, hc_sp1, hc_sp2;
	const struct ffa_conduit *host = harness_conduit(&hc_host, h, HOST, 0);
	const struct ffa_conduit *sp1 = harness_conduit(&hc_sp1, h, SP1, 0);
	const struct ffa_conduit *sp2 = harness_conduit(&hc_sp2, h, SP2, 0);

	assert_int_equal(ffa_notification_bitmap_create(host, HOST, 2), 0);
	assert_int_equal(ffa_notification_bitmap_create(host, HOST, 2),
			 FFA_RET_DENIED);
	assert_int_equal(ffa_notification_bind(sp1, SP2, SP1, 0, 1ULL << 40),
			 0);
	assert_int_equal(ffa_notification_set(sp2, SP2, SP1, 0, 1ULL << 40),
			 0);
	assert_int_equal(notif_of(h, SP1)->pending_from_sp, 1ULL << 40);
	assert_int_equal(ffa_notification_unbind(sp1, SP2, SP1, 1ULL << 40),
			 FFA_RET_DENIED);
	assert_int_equal(ffa_notification_bitmap_destroy(host, HOST), 0);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, \
						 harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_bitmap_create),
		T(test_bitmap_destroy),
		T(test_bind),
		T(test_bind_errors),
		T(test_unbind),
		T(test_set),
		T(test_set_delayed_sri),
		T(test_set_errors),
		T(test_client_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
