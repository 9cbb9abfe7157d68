// SPDX-License-Identifier: BSD-3-Clause
/*
 * What a manifest's notification-support does and does not set up on
 * the host runtime (ffa_host.h and the README say the same):
 *   - a partition with it has a notification bitmap from the start: it
 *     can bind senders, be signalled and get its bits; one without it
 *     cannot bind (NOT_SUPPORTED), and PARTITION_INFO_GET tells them
 *     apart by FFA_PART_PROP_NOTIFICATIONS;
 *   - nothing is bound: a sender is DENIED until the receiver binds it;
 *   - a SET raises the schedule receiver interrupt, which the runtime
 *     only counts (ffa_host_sri_count()): nothing interrupts anyone,
 *     and the receiver learns of its bits when it calls
 *     FFA_NOTIFICATION_GET;
 *   - on the host's own manifest it does nothing: the host has no bitmap
 *     until it calls FFA_NOTIFICATION_BITMAP_CREATE.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/partinfo.h>
#include "test_host_check.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_host, "host_notify");
EMBED_DTB(dtb_plain, "sp_echo");
EMBED_DTB(dtb_notif, "sp_echo_b");

/* tests/manifests/host_notify.dts, sp_echo.dts and sp_echo_b.dts */
#define ID_HOST		0x0001
#define ID_PLAIN	0x8001	/* no notification-support */
#define ID_NOTIF	0x8002	/* notification-support */
#define HOST_TX		0x40000000ULL
#define HOST_RX		0x40001000ULL
#define BIT_BOUND	(1ULL << 0)
#define BIT_UNBOUND	(1ULL << 1)

enum part_cmd {
	PART_BIND,	/* bind args[1]'s bits to the host: the status */
	PART_GET,	/* FFA_NOTIFICATION_GET: status, then from_vm */
};

/* ---- the partitions (both run this main) ---- */

static void part_do(const struct ffa_env *env, const uint64_t *args,
		    uint64_t *out)
{
	struct ffa_notif_bitmaps bm = { 0 };

	if (args[0] == PART_BIND) {
		out[1] = (uint64_t)(int64_t)ffa_notification_bind(
			&env->conduit, ID_HOST, env->id, 0, args[1]);
	} else if (args[0] == PART_GET) {
		out[1] = (uint64_t)(int64_t)ffa_notification_get(
			&env->conduit, env->id, 0, FFA_NOTIF_GET_ALL, &bm);
		out[2] = bm.from_vm;
	}
}

static int part_serve(const struct ffa_env *env, struct ffa_event *ev)
{
	struct ffa_direct_msg resp = {
		.sender = env->id, .receiver = ID_HOST,
	};

	part_do(env, ev->direct.args, resp.args);
	return ffa_direct_resp(&env->conduit, &resp, true, ev);
}

static int part_main(const struct ffa_env *env)
{
	return serve_requests(env, part_serve);
}

/* ---- the host ---- */

static int ask(const struct ffa_env *env, uint16_t to, uint64_t cmd,
	       uint64_t arg, uint64_t out[5])
{
	const struct ffa_direct_msg m = {
		.sender = ID_HOST, .receiver = to, .args = { cmd, arg },
	};
	struct ffa_event ev = { 0 };
	int ret = ffa_direct_req(&env->conduit, &m, true, &ev);

	memcpy(out, ev.direct.args, 5 * sizeof(out[0]));
	return ret;
}

/* The properties PARTITION_INFO_GET reports for id. */
static int properties_of(const struct ffa_env *env, uint16_t id,
			 uint32_t *props)
{
	struct ffa_partinfo_count cnt;
	struct ffa_partinfo_iter it;
	struct ffa_partition p;
	int ret = ffa_partition_info_get(&env->conduit, NULL, 0, &cnt);

	*props = 0;
	if (ret)
		return ret;
	ret = ffa_partinfo_iter_init(&it, env->ptr(env, HOST_RX),
				     FFA_PAGE_SIZE, cnt.count, cnt.desc_size,
				     FFA_VERSION_1_2);
	while (ret == 0 && ffa_partinfo_next(&it, &p))
		if (p.id == id)
			*props = p.properties;
	ffa_rx_release(&env->conduit, 0);
	return ret;
}

static int check_partitions(const struct ffa_env *env)
{
	struct ffa_host *h = ffa_host_of(env);
	struct ffa_host_refusal r;
	uint64_t out[5];
	uint32_t props, sri;

	CHECK_EQ(properties_of(env, ID_NOTIF, &props), 0);
	CHECK_EQ(props & FFA_PART_PROP_NOTIFICATIONS,
		 FFA_PART_PROP_NOTIFICATIONS);
	CHECK_EQ(properties_of(env, ID_PLAIN, &props), 0);
	CHECK_EQ(props & FFA_PART_PROP_NOTIFICATIONS, 0);
	/* Nothing bound: the sender is refused until the receiver binds. */
	CHECK_EQ(ffa_notification_set(&env->conduit, ID_HOST, ID_NOTIF, 0,
				      BIT_BOUND), FFA_RET_DENIED);
	/* With the property a partition can bind; without, it cannot. */
	CHECK_EQ(ask(env, ID_NOTIF, PART_BIND, BIT_BOUND, out), 0);
	CHECK_EQ((int64_t)out[1], 0);
	CHECK_EQ(ask(env, ID_PLAIN, PART_BIND, BIT_BOUND, out), 0);
	CHECK_EQ((int64_t)out[1], FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(ffa_host_last_refusal(h, ID_PLAIN, &r), 0);
	CHECK_STR(r.reason,
		  "not supported: the caller has no notification support");
	/* Only what was bound: another bit is still refused. */
	CHECK_EQ(ffa_notification_set(&env->conduit, ID_HOST, ID_NOTIF, 0,
				      BIT_UNBOUND), FFA_RET_DENIED);
	/* A SET raises the SRI, which is counted, and delivers nothing. */
	sri = ffa_host_sri_count(h);
	CHECK_EQ(ffa_notification_set(&env->conduit, ID_HOST, ID_NOTIF, 0,
				      BIT_BOUND), 0);
	CHECK_EQ(ffa_host_sri_count(h), sri + 1);
	/* The receiver learns of it when it asks, once. */
	CHECK_EQ(ask(env, ID_NOTIF, PART_GET, 0, out), 0);
	CHECK_EQ((int64_t)out[1], 0);
	CHECK_EQ(out[2], BIT_BOUND);
	CHECK_EQ(ask(env, ID_NOTIF, PART_GET, 0, out), 0);
	CHECK_EQ(out[2], 0);
	return 0;
}

/* The host's own notification-support sets up nothing. */
static int check_host(const struct ffa_env *env)
{
	struct ffa_host_refusal r;

	CHECK_EQ(ffa_notification_bind(&env->conduit, ID_NOTIF, ID_HOST, 0,
				       BIT_BOUND), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_HOST, &r), 0);
	CHECK_STR(r.reason, "notif (un)bind: receiver has no notifications");
	CHECK_EQ(ffa_notification_bitmap_create(&env->conduit, ID_HOST, 1),
		 0);
	CHECK_EQ(ffa_notification_bind(&env->conduit, ID_NOTIF, ID_HOST, 0,
				       BIT_BOUND), 0);
	return 0;
}

static int host_main(const struct ffa_env *env)
{
	uint32_t version;
	int ret;

	CHECK_EQ(ffa_version(&env->conduit, FFA_VERSION_1_2, &version), 0);
	CHECK_EQ(ffa_rxtx_map(&env->conduit, HOST_TX, HOST_RX, 1, true), 0);
	ret = check_partitions(env);
	return ret ? ret : check_host(env);
}

static void test_notification_support(void **state)
{
	struct ffa_host *h = ffa_host_create(NULL);
	int line;

	(void)state;
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_plain, DTB_SIZE(dtb_plain),
				      part_main, NULL), 0);
	assert_int_equal(ffa_host_add(h, dtb_notif, DTB_SIZE(dtb_notif),
				      part_main, NULL), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_main, NULL), 0);
	check_failure[0] = '\0';
	line = ffa_host_run(h);
	ffa_host_destroy(h);
	if (line != 0)
		fail_msg("host main: %d %s", line, check_failure);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_notification_support),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
