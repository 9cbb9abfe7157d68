// SPDX-License-Identifier: BSD-3-Clause
/*
 * The watchdog: a run that cannot end returns FFA_HOST_RUN_TIMEOUT after
 * the configured time, and ffa_host_last_error() names what was running
 * and what waited. The class: everywhere a run can be stuck.
 *   - a partition loops in its own code, serving a request or at boot;
 *   - the host main itself loops in its own code;
 *   - two endpoints wait on each other while still calling FF-A (the
 *     partition yields, the host runs it again, neither gives in).
 * Each with both context switches; the manager's invariants hold after.
 * And the time's configuration (cfg, FFA_HOST_WATCHDOG) as a table, and
 * SIGALRM's handler put back after each run.
 *
 * No test times anything: a 1 s watchdog only has to end the run.
 */
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <spm/spm.h>
#include "host_internal.h"
#include "test_host_check.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_echo, "sp_echo");

/* tests/manifests/host.dts and sp_echo.dts */
#define ID_HOST		0x0001
#define ID_ECHO		0x8001
#define WATCHDOG_MS	1000U

/* Shared by a test and its mains (their arg). */
struct stuck {
	volatile bool looping;	/* the endpoint that loops got there */
	volatile bool go;	/* what the deadlocked pair waits for */
	volatile uint64_t spins;
};

/* ---- partitions ---- */

/* Loops for ever in its own code, making no call: never gives up. */
static int spin(struct stuck *st)
{
	st->looping = true;
	for (;;)
		st->spins++;
	return -1;
}

static int loop_at_boot_main(const struct ffa_env *env)
{
	return spin(ffa_host_arg(env));
}

/* Serve one request by looping. */
static int loop_on_request_main(const struct ffa_env *env)
{
	struct ffa_event ev;

	if (ffa_msg_wait(&env->conduit, 0, &ev) != 0)
		return -1;
	return spin(ffa_host_arg(env));
}

/*
 * Answer a request only once the host said go; the host says go only
 * once answered. Meanwhile it yields, so the host can run it again.
 */
static int wait_for_host_main(const struct ffa_env *env)
{
	struct stuck *st = ffa_host_arg(env);
	struct ffa_direct_msg resp = {
		.sender = ID_ECHO, .receiver = ID_HOST,
	};
	struct ffa_event ev;

	if (ffa_msg_wait(&env->conduit, 0, &ev) != 0)
		return -1;
	st->looping = true;
	while (!st->go)
		ffa_yield(&env->conduit, 0, &ev);
	ffa_direct_resp(&env->conduit, &resp, true, &ev);
	return -1;
}

static int echo_answer(const struct ffa_env *env, struct ffa_event *ev)
{
	const struct ffa_direct_msg resp = {
		.sender = ID_ECHO, .receiver = ID_HOST,
	};

	return ffa_direct_resp(&env->conduit, &resp, true, ev);
}

/* A partition that waits for requests and answers them. */
static int echo_main(const struct ffa_env *env)
{
	return serve_requests(env, echo_answer);
}

/* ---- host mains ---- */

static int request(const struct ffa_env *env, struct ffa_event *ev)
{
	const struct ffa_direct_msg m = {
		.sender = ID_HOST, .receiver = ID_ECHO,
	};

	return ffa_direct_req(&env->conduit, &m, true, ev);
}

static int host_request_main(const struct ffa_env *env)
{
	struct ffa_event ev;

	return request(env, &ev);
}

static int host_loops_main(const struct ffa_env *env)
{
	struct ffa_event ev;

	if (request(env, &ev) != 0)
		return -1;
	return spin(ffa_host_arg(env));
}

/* Waits for the answer, running the partition each time it yields. */
static int host_waits_main(const struct ffa_env *env)
{
	struct stuck *st = ffa_host_arg(env);
	struct ffa_event ev;
	int ret = request(env, &ev);

	while (ret == 0 && ev.type == FFA_EV_YIELD)
		ret = ffa_run(&env->conduit, ID_ECHO, 0, &ev);
	st->go = true;
	return -1;
}

static int host_returns_main(const struct ffa_env *env)
{
	struct ffa_event ev;

	return request(env, &ev);
}

/* ---- running them ---- */

struct scenario {
	const char *name;
	ffa_entry_fn part_main;
	ffa_entry_fn host_main;
	/* What the message must say: always, and once looping is set. */
	const char *always[3];
	const char *looping;
};

static const struct scenario loop_on_request = {
	"a partition loops serving a request",
	loop_on_request_main, host_request_main,
	{ "echo (0x8001) vCPU 0", "host (0x0001) vCPU 0" },
	"; running: echo (0x8001) vCPU 0, in its own code since its call "
	"0x8400006b; waiting in a call: host (0x0001) vCPU 0 in 0xc400006f",
};

static const struct scenario loop_at_boot = {
	"a partition loops before its first FFA_MSG_WAIT",
	loop_at_boot_main, host_request_main,
	{ "echo (0x8001) vCPU 0" },
	"; running: echo (0x8001) vCPU 0, in its own code, no call yet",
};

static const struct scenario host_loops = {
	"the host main loops",
	echo_main, host_loops_main,
	{ "host (0x0001) vCPU 0", "echo (0x8001) vCPU 0" },
	"; running: host (0x0001) vCPU 0, in its own code since its call "
	"0xc400006f; waiting in a call: echo (0x8001) vCPU 0 in 0xc4000070",
};

static const struct scenario deadlock = {
	"two endpoints wait on each other",
	wait_for_host_main, host_waits_main,
	{ "echo (0x8001) vCPU 0", "host (0x0001) vCPU 0", "; running: " },
	NULL,
};

static void expect_message(const struct scenario *s, const char *msg,
			   bool looping)
{
	char want[HOST_ERROR_MAX];
	unsigned int i;

	snprintf(want, sizeof(want), "watchdog: the run did not end in %u ms",
		 WATCHDOG_MS);
	if (strncmp(msg, want, strlen(want)) != 0)
		fail_msg("%s: message \"%s\"", s->name, msg);
	for (i = 0; i < 3 && s->always[i]; i++)
		if (!strstr(msg, s->always[i]))
			fail_msg("%s: \"%s\" does not name \"%s\"", s->name,
				 msg, s->always[i]);
	/*
	 * Once it loops, nothing else runs again: the message is exact.
	 * (Before, only a machine too loaded to run a few calls in a
	 * second, the watchdog would have stopped something else.)
	 */
	if (looping && s->looping) {
		strncat(want, s->looping, sizeof(want) - strlen(want) - 1);
		if (strcmp(msg, want) != 0)
			fail_msg("%s: message \"%s\", not \"%s\"", s->name,
				 msg, want);
	}
}

static void run_stuck(const struct scenario *s, enum ffa_host_ctx_kind ctx)
{
	const struct ffa_host_config cfg = {
		.ctx = ctx, .watchdog_ms = WATCHDOG_MS,
	};
	struct ffa_host *h = ffa_host_create(&cfg);
	struct stuck st = { 0 };
	const char *why = NULL;

	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      s->part_main, &st), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      s->host_main, &st), 0);
	assert_int_equal(ffa_host_run(h), FFA_HOST_RUN_TIMEOUT);
	expect_message(s, ffa_host_last_error(h), st.looping);
	/* Stopped between calls: the manager's state is whole. */
	if (spm_check_invariants(ffa_host_spm(h), &why) != 0)
		fail_msg("%s: invariant: %s", s->name, why);
	ffa_host_destroy(h);
}

#define STUCK(name, scenario)						\
	static void test_##name##_asm(void **state)			\
	{								\
		(void)state;						\
		run_stuck(&scenario, FFA_HOST_CTX_ASM);			\
	}								\
	static void test_##name##_ucontext(void **state)		\
	{								\
		(void)state;						\
		run_stuck(&scenario, FFA_HOST_CTX_UCONTEXT);		\
	}

STUCK(loop_on_request, loop_on_request)
STUCK(loop_at_boot, loop_at_boot)
STUCK(host_loops, host_loops)
STUCK(deadlock, deadlock)

/* A run that ends in time is not touched, and SIGALRM is put back. */
static void own_alarm(int sig)
{
	(void)sig;
}

static void test_in_time_and_sigalrm_restored(void **state)
{
	const struct ffa_host_config cfg = { .watchdog_ms = WATCHDOG_MS };
	struct sigaction mine = { .sa_handler = own_alarm }, after;
	struct ffa_host *h;
	struct stuck st = { 0 };

	(void)state;
	sigemptyset(&mine.sa_mask);
	assert_int_equal(sigaction(SIGALRM, &mine, NULL), 0);
	/* One that ends in time, then one the watchdog stops. */
	h = ffa_host_create(&cfg);
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      echo_main, NULL), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_returns_main, NULL), 0);
	assert_int_equal(ffa_host_run(h), 0);
	assert_string_equal(ffa_host_last_error(h), "");
	ffa_host_destroy(h);
	assert_int_equal(sigaction(SIGALRM, NULL, &after), 0);
	assert_ptr_equal(after.sa_handler, own_alarm);
	h = ffa_host_create(&cfg);
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      loop_on_request_main, &st), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_request_main, NULL), 0);
	assert_int_equal(ffa_host_run(h), FFA_HOST_RUN_TIMEOUT);
	ffa_host_destroy(h);
	assert_int_equal(sigaction(SIGALRM, NULL, &after), 0);
	assert_ptr_equal(after.sa_handler, own_alarm);
	signal(SIGALRM, SIG_DFL);
}

/* The time: the configuration's, else FFA_HOST_WATCHDOG's, else 60 s. */
struct time_row {
	uint32_t cfg_ms;
	const char *env;	/* NULL: unset */
	bool created;
	uint32_t ms;		/* 0: no watchdog */
};

static const struct time_row time_rows[] = {
	{ 0, NULL, true, FFA_HOST_DEFAULT_WATCHDOG_MS },
	{ 0, "", true, FFA_HOST_DEFAULT_WATCHDOG_MS },
	{ 0, "5", true, 5000 },
	{ 0, "0", true, 0 },
	{ 0, "off", true, 0 },
	{ 0, "4294966", true, 4294966000U },
	{ 0, "4294967", false, 0 },
	{ 0, "-1", false, 0 },
	{ 0, "1.5", false, 0 },
	{ 0, "5s", false, 0 },
	{ 0, "never", false, 0 },
	{ 250, NULL, true, 250 },
	{ 250, "5", true, 250 },
	{ 250, "never", true, 250 },
	{ FFA_HOST_WATCHDOG_OFF, NULL, true, 0 },
	{ FFA_HOST_WATCHDOG_OFF, "5", true, 0 },
};

static void test_watchdog_time(void **state)
{
	struct ffa_host_config cfg = { 0 };
	struct ffa_host *h;
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(time_rows) / sizeof(time_rows[0]); i++) {
		const struct time_row *r = &time_rows[i];

		if (r->env)
			setenv("FFA_HOST_WATCHDOG", r->env, 1);
		else
			unsetenv("FFA_HOST_WATCHDOG");
		cfg.watchdog_ms = r->cfg_ms;
		h = ffa_host_create(&cfg);
		unsetenv("FFA_HOST_WATCHDOG");
		if (!r->created) {
			if (h)
				fail_msg("row %u: created", i);
			continue;
		}
		if (!h)
			fail_msg("row %u: not created", i);
		if (h->watchdog_ms != r->ms)
			fail_msg("row %u: %u ms, not %u", i, h->watchdog_ms,
				 r->ms);
		ffa_host_destroy(h);
	}
}

/* Without a watchdog, a long run is left alone (FFA_HOST_WATCHDOG=0). */
static void test_no_watchdog(void **state)
{
	const struct ffa_host_config cfg = {
		.watchdog_ms = FFA_HOST_WATCHDOG_OFF,
	};
	struct ffa_host *h = ffa_host_create(&cfg);

	(void)state;
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      echo_main, NULL), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_returns_main, NULL), 0);
	assert_int_equal(ffa_host_run(h), 0);
	assert_false(h->watchdog_armed);
	ffa_host_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loop_on_request_asm),
		cmocka_unit_test(test_loop_on_request_ucontext),
		cmocka_unit_test(test_loop_at_boot_asm),
		cmocka_unit_test(test_loop_at_boot_ucontext),
		cmocka_unit_test(test_host_loops_asm),
		cmocka_unit_test(test_host_loops_ucontext),
		cmocka_unit_test(test_deadlock_asm),
		cmocka_unit_test(test_deadlock_ucontext),
		cmocka_unit_test(test_in_time_and_sigalrm_restored),
		cmocka_unit_test(test_watchdog_time),
		cmocka_unit_test(test_no_watchdog),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
