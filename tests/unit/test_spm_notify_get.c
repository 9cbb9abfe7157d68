// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notifications, the receiving side, through spm_call: GET, INFO_GET_32
 * and _64, and framework notifications (ffa-abi.md 11, 12.2; bad input
 * 36). test_spm_notify.c covers binding and setting.
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

#define NOT_SUPPORTED	(-1)
#define INVALID		(-2)
#define NO_DATA		(-9)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, 0x40000000, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0x8, 2, false, 0x40010000, 8), 0);
	assert_int_equal(harness_add(h, SP2, 0x8, 1, false, 0x40018000, 8), 0);
	*state = h;
	return 0;
}

static struct spm_endpoint *ep_of(struct spm_harness *h, uint16_t id)
{
	return spm_endpoint_by_id(h->spm, id);
}

static struct spm_notifications *notif_of(struct spm_harness *h, uint16_t id)
{
	return &ep_of(h, id)->notif;
}

/* What SET and the framework would leave behind for id. */
static void pend(struct spm_harness *h, uint16_t id, uint64_t sp,
		 uint64_t vm, uint32_t spm_fw, uint32_t hyp_fw)
{
	struct spm_notifications *n = notif_of(h, id);

	n->pending_from_sp = sp;
	n->pending_from_vm = vm;
	n->spm_fw = spm_fw;
	n->hyp_fw = hyp_fw;
	n->info_pending = true;
}

/* ---- GET ---- */

static void test_get_all(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000082, 0x00018001, 0xf);
	struct ffa_regs out = REGS(0x84000061, 0, 0x00000011, 0x80000000,
				   0x00000100, 0x00000002, 0x1, 0x1);
	struct ffa_regs none = REGS(0x84000061);
	struct spm_notifications *n = notif_of(h, SP1);

	pend(h, SP1, 0x8000000000000011ULL, 0x200000100ULL, 1, 1);
	harness_expect(h, SP1, &in, &out);
	assert_int_equal(n->pending_from_sp | n->pending_from_vm, 0);
	assert_int_equal(n->spm_fw | n->hyp_fw, 0);
	harness_expect(h, SP1, &in, &none);
}

/* Exactly the bitmaps asked for are returned, and only they cleared. */
static void test_get_by_flags(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000082, 0x00008001, 0x1);
	struct ffa_regs sp = REGS(0x84000061, 0, 0x5);
	struct ffa_regs fw = REGS(0x84000061, 0, 0, 0, 0, 0, 0, 0x1);
	struct spm_notifications *n = notif_of(h, SP1);

	pend(h, SP1, 0x5, 0x6, 0x1, 0x1);
	harness_expect(h, SP1, &in, &sp);
	assert_int_equal(n->pending_from_sp, 0);
	assert_int_equal(n->pending_from_vm, 0x6);
	/* reserved flag bits are ignored (SBZ; ffa-abi.md 15.9) */
	in.x[2] = 0xfffffff8;
	harness_expect(h, SP1, &in, &fw);
	assert_int_equal(n->hyp_fw, 0);
	assert_int_equal(n->spm_fw, 1);
	assert_int_equal(n->pending_from_vm, 0x6);
}

static void test_get_errors(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000082, 0x00008002, 0xf);
	struct spm_notifications *n = notif_of(h, SP1);

	pend(h, SP1, 0x5, 0x6, 0x1, 0x1);
	harness_expect_error(h, SP1, &in, INVALID);	/* not the caller */
	in.x[1] = 0x00028001;	/* SP1 has vCPUs 0 and 1 */
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[1] = 0xffff8001;
	harness_expect_error(h, SP1, &in, INVALID);
	assert_int_equal(n->pending_from_sp, 0x5);
	assert_int_equal(n->pending_from_vm, 0x6);
	assert_int_equal(n->spm_fw & n->hyp_fw, 1);
}

/* ---- INFO_GET ---- */

static void test_info_get_64(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0xc4000083);
	/* two lists (x2[11:7] = 2), no vCPU IDs; IDs from x3[15:0] up */
	struct ffa_regs out = REGS(0xc4000061, 0, 2 << 7,
				   0x0001 | (0x8002ULL << 16));

	harness_expect_error(h, HOST, &in, NO_DATA);
	harness_expect_error(h, SP1, &in, NOT_SUPPORTED);
	pend(h, HOST, 0x1, 0, 0, 0);
	pend(h, SP2, 0, 0, 0, 0x1);
	harness_expect(h, HOST, &in, &out);
	assert_false(notif_of(h, HOST)->info_pending);
	assert_false(notif_of(h, SP2)->info_pending);
	/* reported once: still pending, but nothing new to say */
	harness_expect_error(h, HOST, &in, NO_DATA);
	assert_int_equal(notif_of(h, SP2)->hyp_fw, 1);
	/* something pending already taken by GET is not reported */
	notif_of(h, SP1)->info_pending = true;
	harness_expect_error(h, HOST, &in, NO_DATA);
}

/* Twelve endpoints pending: _32 holds ten IDs, two per register. */
static void test_info_get_32_more(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000083);
	struct ffa_regs first = REGS(0x84000061, 0, 1 | (10 << 7),
				     0x80010001, 0x80038002, 0x80058004,
				     0x80078006, 0x80098008);
	struct ffa_regs rest = REGS(0x84000061, 0, 2 << 7, 0x800b800a);
	struct ffa_regs out64 = REGS(0xc4000061, 0, 12 << 7,
		0x8003800280010001ULL, 0x8007800680058004ULL,
		0x800b800a80098008ULL);
	uint16_t id;

	for (id = 0x8003; id <= 0x800b; id++)
		assert_int_equal(harness_add(h, id, 0x8, 1, false, 0, 0), 0);
	for (id = 0x8001; id <= 0x800b; id++)
		pend(h, id, 0, 0x1, 0, 0);
	pend(h, HOST, 0x1, 0, 0, 0);
	harness_expect(h, HOST, &in, &first);
	assert_true(notif_of(h, 0x800b)->info_pending);
	harness_expect(h, HOST, &in, &rest);
	harness_expect_error(h, HOST, &in, NO_DATA);
	/* the same twelve fit one _64 answer */
	for (id = 0x8001; id <= 0x800b; id++)
		notif_of(h, id)->info_pending = true;
	notif_of(h, HOST)->info_pending = true;
	in.x[0] = 0xc4000083;
	harness_expect(h, HOST, &in, &out64);
}

/* ---- framework notifications ---- */

static void test_pend_framework(void **state)
{
	struct spm_harness *h = *state;
	struct spm_notifications *n = notif_of(h, SP1);
	struct ffa_regs get = REGS(0x84000082, 0x00008001, 0xc);
	struct ffa_regs out = REGS(0x84000061, 0, 0, 0, 0, 0, 0x1, 0x1);

	/* a partition's message: the SPM's bitmap; the host's: the hyp's */
	spm_notif_pend_framework(h->spm, 1, ep_of(h, SP1), ep_of(h, SP2),
				 FFA_FW_NOTIF_RX_BUFFER_FULL, false);
	assert_int_equal(n->spm_fw, 1);
	assert_int_equal(n->hyp_fw, 0);
	assert_true(n->info_pending);
	assert_int_equal(h->fp.sri_count, 1);
	/* raised on the CPU the sender runs on */
	assert_int_equal(h->fp.sri_cpu, 1);
	spm_notif_pend_framework(h->spm, 0, ep_of(h, SP1), ep_of(h, HOST),
				 FFA_FW_NOTIF_RX_BUFFER_FULL, true);
	assert_int_equal(n->hyp_fw, 1);
	assert_int_equal(h->fp.sri_count, 1);
	assert_true(n->sri_delayed);
	spm_notif_flush_delayed_sri(h->spm, 0);
	assert_int_equal(h->fp.sri_count, 2);
	harness_expect(h, SP1, &get, &out);
	assert_int_equal(n->spm_fw | n->hyp_fw, 0);
}

/* Bind, set, INFO_GET and GET, all through lib's client. */
static void test_client_round_trip(void **state)
{
	struct spm_harness *h = *state;
	struct harness_conduit hc_host, hc_sp1;
	const struct ffa_conduit *host = harness_conduit(&hc_host, h, HOST, 0);
	const struct ffa_conduit *sp1 = harness_conduit(&hc_sp1, h, SP1, 1);
	struct ffa_notif_bitmaps b;
	struct ffa_notif_info info;

	assert_int_equal(ffa_notification_bind(sp1, HOST, SP1, 0, 0x30), 0);
	assert_int_equal(ffa_notification_set(host, HOST, SP1, 0, 0x10), 0);
	spm_notif_pend_framework(h->spm, 0, ep_of(h, SP1), ep_of(h, SP2),
				 FFA_FW_NOTIF_RX_BUFFER_FULL, false);
	assert_int_equal(ffa_notification_info_get(host, true, &info), 0);
	assert_false(info.more_pending);
	assert_int_equal(info.nr_lists, 1);
	assert_int_equal(info.lists[0].id, SP1);
	assert_int_equal(info.lists[0].nr_vcpus, 0);
	assert_int_equal(ffa_notification_info_get(host, false, &info),
			 FFA_RET_NO_DATA);
	assert_int_equal(ffa_notification_get(sp1, SP1, 1, FFA_NOTIF_GET_ALL,
					      &b), 0);
	assert_int_equal(b.from_sp, 0);
	assert_int_equal(b.from_vm, 0x10);
	assert_int_equal(b.spm_fw, FFA_FW_NOTIF_RX_BUFFER_FULL);
	assert_int_equal(b.hyp_fw, 0);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, \
						 harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_get_all),
		T(test_get_by_flags),
		T(test_get_errors),
		T(test_info_get_64),
		T(test_info_get_32_more),
		T(test_pend_framework),
		T(test_client_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
