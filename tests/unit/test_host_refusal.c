// SPDX-License-Identifier: BSD-3-Clause
/*
 * The refusal reason of an endpoint's last failed call, readable by the
 * caller (ffa_host_last_refusal()), not only in FFA_HOST_LOG=1's stderr.
 * The class: every way a vCPU gets FFA_ERROR back from its call.
 *   - refused at once, with the manager's reason (a table of them);
 *   - refused at once without a reason (an unknown function);
 *   - answered with an error later, while it waited, by another
 *     endpoint's doing (its partition aborted: ABORTED);
 *   - refused on a partition's own call (kept per endpoint).
 * And what must not move it: a later successful call, another
 * endpoint's refusal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/status.h>
#include "test_host_check.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_echo, "sp_echo");

/* tests/manifests/host.dts and sp_echo.dts */
#define ID_HOST		0x0001
#define ID_ECHO		0x8001
#define HOST_TX		0x40000000ULL
#define HOST_RX		0x40001000ULL
#define NO_SUCH_FID	0x840000feU

/* Commands in args[0] of a request to the partition. */
enum part_cmd {
	PART_ECHO,	/* answer */
	PART_REFUSED,	/* make a call the manager refuses, then answer */
	PART_RETURN,	/* its main returns: an abort */
};

/* ---- the partition ---- */

static int part_serve(const struct ffa_env *env, struct ffa_event *ev)
{
	struct ffa_direct_msg resp = {
		.sender = ev->direct.receiver, .receiver = ev->direct.sender,
	};

	if (ev->direct.args[0] == PART_RETURN)
		return SERVE_RETURN;
	/* It has no RX buffer: DENIED, and the reason is filed under it. */
	if (ev->direct.args[0] == PART_REFUSED)
		resp.args[1] = (uint64_t)(int64_t)ffa_rx_release(&env->conduit,
								 0);
	return ffa_direct_resp(&env->conduit, &resp, ev->is_64, ev);
}

static int part_main(const struct ffa_env *env)
{
	return serve_requests(env, part_serve);
}

/* ---- the refusals the host makes ---- */

static int rxtx_map_again(const struct ffa_env *env)
{
	return ffa_rxtx_map(&env->conduit, HOST_TX, HOST_RX, 1, true);
}

static int rx_release_unowned(const struct ffa_env *env)
{
	return ffa_rx_release(&env->conduit, 0);
}

static int bitmap_destroy_none(const struct ffa_env *env)
{
	return ffa_notification_bitmap_destroy(&env->conduit, ID_HOST);
}

/* The first one succeeds (its row expects no refusal of its own). */
static int bitmap_create(const struct ffa_env *env)
{
	return ffa_notification_bitmap_create(&env->conduit, ID_HOST, 1);
}

static int host_yield(const struct ffa_env *env)
{
	struct ffa_event ev;

	return ffa_yield(&env->conduit, 0, &ev);
}

static int host_msg_wait(const struct ffa_env *env)
{
	struct ffa_event ev;

	return ffa_msg_wait(&env->conduit, 0, &ev);
}

static int unknown_function(const struct ffa_env *env)
{
	struct ffa_regs r;

	ffa_regs_init(&r, NO_SUCH_FID);
	return ffa_call_status(&env->conduit, &r);
}

struct refusal_row {
	int (*call)(const struct ffa_env *env);
	int status;			/* 0: it succeeds */
	uint32_t func;
	const char *reason;
};

static const struct refusal_row rows[] = {
	{ rxtx_map_again, FFA_RET_DENIED, FFA_RXTX_MAP_64,
	  "rxtx_map: already mapped" },
	{ rx_release_unowned, FFA_RET_DENIED, FFA_RX_RELEASE,
	  "rx_release: caller does not own RX" },
	{ bitmap_destroy_none, FFA_RET_DENIED,
	  FFA_NOTIFICATION_BITMAP_DESTROY,
	  "notif bitmap destroy: not created" },
	{ bitmap_create, 0, 0, NULL },
	{ bitmap_create, FFA_RET_DENIED, FFA_NOTIFICATION_BITMAP_CREATE,
	  "notif bitmap create: already created" },
	{ host_yield, FFA_RET_NOT_SUPPORTED, FFA_YIELD,
	  "not supported: for partitions only" },
	{ host_msg_wait, FFA_RET_DENIED, FFA_MSG_WAIT,
	  "msg_wait: the host schedules, it never waits" },
	/* The manager gives no reason for a function it does not know. */
	{ unknown_function, FFA_RET_NOT_SUPPORTED, NO_SUCH_FID, "" },
};

#define NR_ROWS	(sizeof(rows) / sizeof(rows[0]))

static uint32_t row_at;		/* the row a failed check was on */

static int check_last(const struct ffa_env *env, uint16_t id,
		      int status, uint32_t func, const char *reason)
{
	struct ffa_host_refusal r;

	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), id, &r), 0);
	CHECK_EQ(r.status, status);
	CHECK_EQ(r.func, func);
	CHECK_STR(r.reason, reason);
	return 0;
}

static int request(const struct ffa_env *env, uint64_t cmd,
		   struct ffa_event *ev)
{
	const struct ffa_direct_msg m = {
		.sender = ID_HOST, .receiver = ID_ECHO, .args = { cmd },
	};

	return ffa_direct_req(&env->conduit, &m, true, ev);
}

static int host_table(const struct ffa_env *env)
{
	const struct refusal_row *last = NULL;
	struct ffa_host_refusal r;
	uint16_t id;
	int ret;

	/* Nothing failed yet: nothing to read, for any endpoint. */
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_HOST, &r), -1);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_ECHO, &r), -1);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), 0x7777, &r), -1);
	CHECK_EQ(ffa_rxtx_map(&env->conduit, HOST_TX, HOST_RX, 1, true), 0);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_HOST, &r), -1);
	for (row_at = 0; row_at < NR_ROWS; row_at++) {
		CHECK_EQ(rows[row_at].call(env), rows[row_at].status);
		if (rows[row_at].status)
			last = &rows[row_at];
		if (!last)
			continue;
		ret = check_last(env, ID_HOST, last->status, last->func,
				 last->reason);
		if (ret)
			return ret;
		/* A call that succeeds leaves the last failure as it was. */
		CHECK_EQ(ffa_id_get(&env->conduit, &id), 0);
		ret = check_last(env, ID_HOST, last->status, last->func,
				 last->reason);
		if (ret)
			return ret;
	}
	return 0;
}

/* Refusals of a partition's calls are its own, not its caller's. */
static int host_partition_refused(const struct ffa_env *env)
{
	struct ffa_event ev;
	int ret;

	CHECK_EQ(unknown_function(env), FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(request(env, PART_ECHO, &ev), 0);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_ECHO, NULL), -1);
	CHECK_EQ(request(env, PART_REFUSED, &ev), 0);
	CHECK_EQ((int64_t)ev.direct.args[1], FFA_RET_DENIED);
	ret = check_last(env, ID_ECHO, FFA_RET_DENIED, FFA_RX_RELEASE,
			 "rx_release: caller does not own RX");
	if (ret)
		return ret;
	return check_last(env, ID_HOST, FFA_RET_NOT_SUPPORTED, NO_SUCH_FID,
			  "");
}

/*
 * An error that reaches a waiting caller later, decided by another
 * endpoint's end: filed under the caller, with the call it waited in.
 */
static int host_partition_aborts(const struct ffa_env *env)
{
	struct ffa_event ev;
	int ret;

	CHECK_EQ(request(env, PART_RETURN, &ev), FFA_RET_ABORTED);
	ret = check_last(env, ID_HOST, FFA_RET_ABORTED,
			 FFA_MSG_SEND_DIRECT_REQ_64, "");
	if (ret)
		return ret;
	/* And the next request to it is refused at once. */
	CHECK_EQ(request(env, PART_ECHO, &ev) < 0, 1);
	CHECK_EQ(ffa_host_last_refusal(ffa_host_of(env), ID_HOST, NULL) < 0,
		 0);
	return 0;
}

static void run(ffa_entry_fn host_main, bool rows_table)
{
	int line;

	row_at = 0;
	line = host_run_pair(FFA_HOST_CTX_DEFAULT, RUN_EP(dtb_echo, part_main),
			     RUN_EP(dtb_host, host_main));
	if (line != 0 && rows_table)
		fail_msg("host main, row %u: %s", row_at, check_failure);
	if (line != 0)
		fail_msg("host main: %d %s", line, check_failure);
}

static void test_refusal_table(void **state)
{
	(void)state;
	run(host_table, true);
}

static void test_refusal_of_partition(void **state)
{
	(void)state;
	run(host_partition_refused, false);
}

static void test_refusal_after_abort(void **state)
{
	(void)state;
	run(host_partition_aborts, false);
}

/* Readable after the run too, and by endpoint ID from the test. */
static int host_one_refusal(const struct ffa_env *env)
{
	int ret = ffa_rxtx_map(&env->conduit, HOST_TX, HOST_TX, 1, true);

	return ret == FFA_RET_INVALID_PARAMETERS ? 0 : 1;
}

static void test_refusal_after_run(void **state)
{
	struct ffa_host *h = ffa_host_create(NULL);
	struct ffa_host_refusal r;

	(void)state;
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      part_main, NULL), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_one_refusal, NULL), 0);
	assert_int_equal(ffa_host_run(h), 0);
	assert_int_equal(ffa_host_last_refusal(h, ID_HOST, &r), 0);
	assert_int_equal(r.status, FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(r.func, FFA_RXTX_MAP_64);
	assert_string_equal(r.reason, "rxtx_map: TX and RX overlap");
	assert_int_equal(ffa_host_last_refusal(h, ID_ECHO, &r), -1);
	ffa_host_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusal_table),
		cmocka_unit_test(test_refusal_of_partition),
		cmocka_unit_test(test_refusal_after_abort),
		cmocka_unit_test(test_refusal_after_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
