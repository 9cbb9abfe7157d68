// SPDX-License-Identifier: BSD-3-Clause
/*
 * An argument per endpoint (ffa_host_add*()'s arg, read back with
 * ffa_host_arg()), and the runtime reached from inside (ffa_host_of()):
 * one partition main serves two endpoints, each with its own state, and
 * the host main finds its test's state and its runtime without globals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <spm/spm.h>
#include "test_host_check.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_a, "sp_echo");
EMBED_DTB(dtb_b, "sp_echo_b");

/* tests/manifests/host.dts, sp_echo.dts and sp_echo_b.dts */
#define ID_HOST		0x0001
#define ID_A		0x8001
#define ID_B		0x8002

/* A partition's own state: what it answers, what it saw. */
struct tagged {
	uint64_t tag;
	uint32_t served;
	uint16_t id;		/* env->id as its main saw it */
};

static int tagged_answer(const struct ffa_env *env, struct ffa_event *ev)
{
	struct tagged *t = ffa_host_arg(env);
	struct ffa_direct_msg resp = {
		.sender = ev->direct.receiver, .receiver = ev->direct.sender,
		.args = { 0, t->tag },
	};

	t->served++;
	return ffa_direct_resp(&env->conduit, &resp, ev->is_64, ev);
}

/* One main for both partitions: everything it keeps is in its arg. */
static int tagged_main(const struct ffa_env *env)
{
	struct tagged *t = ffa_host_arg(env);

	if (!t)
		return -1;
	t->id = env->id;
	return serve_requests(env, tagged_answer);
}

/* The host main's arg: the test's own state. */
struct host_state {
	struct ffa_host *h;	/* the runtime the test created */
	struct tagged *a, *b;
	int asked;
};

static int ask(const struct ffa_env *env, uint16_t to, uint64_t *tag)
{
	const struct ffa_direct_msg m = { .sender = ID_HOST, .receiver = to };
	struct ffa_event ev = { 0 };
	int ret = ffa_direct_req(&env->conduit, &m, true, &ev);

	*tag = ev.direct.args[1];
	return ret ? ret : (int)(ev.type != FFA_EV_DIRECT_RESP);
}

static int host_main(const struct ffa_env *env)
{
	struct host_state *st = ffa_host_arg(env);
	uint64_t tag;

	CHECK_EQ(st != NULL, 1);
	CHECK_EQ(ffa_host_of(env) == st->h, 1);
	CHECK_EQ(ask(env, ID_A, &tag), 0);
	CHECK_EQ(tag, st->a->tag);
	CHECK_EQ(ask(env, ID_B, &tag), 0);
	CHECK_EQ(tag, st->b->tag);
	CHECK_EQ(ask(env, ID_B, &tag), 0);
	CHECK_EQ(tag, st->b->tag);
	st->asked = 3;
	/* Its runtime, reached from inside: the manager holds mid-run. */
	CHECK_EQ(spm_check_invariants(ffa_host_spm(ffa_host_of(env)), NULL),
		 0);
	return 0;
}

static void run_system(enum ffa_host_ctx_kind ctx)
{
	const struct ffa_host_config cfg = { .ctx = ctx };
	struct tagged a = { .tag = 0xa11ce }, b = { .tag = 0xb0b };
	struct host_state st = { .a = &a, .b = &b };
	int line;

	st.h = ffa_host_create(&cfg);
	assert_non_null(st.h);
	assert_int_equal(ffa_host_add(st.h, dtb_a, DTB_SIZE(dtb_a),
				      tagged_main, &a), 0);
	assert_int_equal(ffa_host_add(st.h, dtb_b, DTB_SIZE(dtb_b),
				      tagged_main, &b), 0);
	assert_int_equal(ffa_host_add(st.h, dtb_host, DTB_SIZE(dtb_host),
				      host_main, &st), 0);
	check_failure[0] = '\0';
	line = ffa_host_run(st.h);
	ffa_host_destroy(st.h);
	if (line != 0)
		fail_msg("host main: %d %s", line, check_failure);
	/* Each endpoint kept its own state in its own arg. */
	assert_int_equal(st.asked, 3);
	assert_int_equal(a.id, ID_A);
	assert_int_equal(a.served, 1);
	assert_int_equal(b.id, ID_B);
	assert_int_equal(b.served, 2);
}

static void test_arg_per_endpoint_asm(void **state)
{
	(void)state;
	run_system(FFA_HOST_CTX_ASM);
}

static void test_arg_per_endpoint_ucontext(void **state)
{
	(void)state;
	run_system(FFA_HOST_CTX_UCONTEXT);
}

/* Added with NULL: the main gets NULL, and still finds its runtime. */
static int host_null_arg(const struct ffa_env *env)
{
	CHECK_EQ(ffa_host_arg(env) == NULL, 1);
	CHECK_EQ(ffa_host_of(env) != NULL, 1);
	return 0;
}

static void test_arg_null(void **state)
{
	struct ffa_host *h = ffa_host_create(NULL);
	struct tagged a = { .tag = 1 };

	(void)state;
	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_a, DTB_SIZE(dtb_a), tagged_main,
				      &a), 0);
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_null_arg, NULL), 0);
	check_failure[0] = '\0';
	if (ffa_host_run(h) != 0)
		fail_msg("host main: %s", check_failure);
	ffa_host_destroy(h);
	/* Booted with its own arg, though the host's was NULL. */
	assert_int_equal(a.id, ID_A);
}

static void other_conduit(void *ctx, struct ffa_regs *r)
{
	(void)ctx;
	(void)r;
}

/* An env the runtime did not make has neither. */
static void test_arg_foreign_env(void **state)
{
	struct ffa_env zero = { 0 };
	struct ffa_env other = {
		.conduit = { .call = other_conduit, .ctx = &zero },
		.priv = &zero,
	};

	(void)state;
	assert_null(ffa_host_arg(NULL));
	assert_null(ffa_host_of(NULL));
	assert_null(ffa_host_arg(&zero));
	assert_null(ffa_host_of(&zero));
	assert_null(ffa_host_arg(&other));
	assert_null(ffa_host_of(&other));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arg_per_endpoint_asm),
		cmocka_unit_test(test_arg_per_endpoint_ucontext),
		cmocka_unit_test(test_arg_null),
		cmocka_unit_test(test_arg_foreign_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
