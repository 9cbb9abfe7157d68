// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host runtime with a real manager and two endpoints written here: a
 * partition that echoes direct requests (and on command returns, faults
 * or logs), and host mains that drive it. Every scenario runs with both
 * context switches.
 *
 * Endpoint mains run on their own stacks inside the runtime, where
 * cmocka's asserts (a longjmp) must not be used: a host main returns the
 * line of its first failed check, and the test asserts after
 * ffa_host_run() returns.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <spm/spm.h>
#include "test_host_check.h"
#include "test_host_dtb.h"


EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_echo, "sp_echo");
EMBED_DTB(dtb_full, "full");
EMBED_DTB(dtb_echo_b, "sp_echo_b");
EMBED_DTB(dtb_host_b, "host_b");
EMBED_DTB(dtb_no_uuid, "bad_missing_uuid");


/* tests/manifests/host.dts and sp_echo.dts */
#define ID_HOST		0x0001
#define ID_ECHO		0x8001
#define HOST_TX		0x40000000ULL
#define HOST_RX		0x40001000ULL
#define HOST_PAGE	0x40010000ULL	/* lent to the partition */
#define HOST_ROM	0x40040000ULL	/* read-only region */
#define ECHO_MEM	0x40100000ULL

/* Commands in args[0] of a request to the echo partition. */
enum echo_cmd {
	ECHO_ECHO,	/* answer with the same arguments */
	ECHO_RETURN,	/* its main returns: an abort */
	ECHO_TOUCH,	/* read the byte at args[1] */
	ECHO_LOG,	/* CONSOLE_LOG "hello" and a newline, then echo */
};

#define ROUND_TRIPS	1000

/* ---- the partition ---- */

static int echo_serve(const struct ffa_env *env, struct ffa_event *ev)
{
	static const char hello[] = "hello\n";
	const struct ffa_direct_msg *req = &ev->direct;
	struct ffa_direct_msg resp = *req;
	volatile uint8_t *p;

	resp.sender = req->receiver;
	resp.receiver = req->sender;
	if (req->args[0] == ECHO_RETURN)
		return SERVE_RETURN;
	if (req->args[0] == ECHO_TOUCH) {
		p = env->ptr(env, req->args[1]);
		resp.args[1] = *p;
	}
	if (req->args[0] == ECHO_LOG)
		ffa_console_log(&env->conduit, FFA_VERSION_1_2, true, hello,
				sizeof(hello) - 1);
	return ffa_direct_resp(&env->conduit, &resp, ev->is_64, ev);
}

static int echo_main(const struct ffa_env *env)
{
	return serve_requests(env, echo_serve);
}

/* ---- host mains ---- */

static int request(const struct ffa_env *env, uint64_t cmd, uint64_t arg,
		   struct ffa_event *ev)
{
	const struct ffa_direct_msg m = {
		.sender = ID_HOST, .receiver = ID_ECHO,
		.args = { cmd, arg, 3, 4, 5 },
	};

	return ffa_direct_req(&env->conduit, &m, true, ev);
}

static int host_setup(const struct ffa_env *env)
{
	uint32_t version;
	uint16_t id;

	CHECK_EQ(ffa_version(&env->conduit, FFA_VERSION_1_2, &version), 0);
	CHECK_EQ(version, FFA_VERSION_1_2);
	CHECK_EQ(ffa_id_get(&env->conduit, &id), 0);
	CHECK_EQ(id, ID_HOST);
	CHECK_EQ(env->id, ID_HOST);
	CHECK_EQ(ffa_rxtx_map(&env->conduit, HOST_TX, HOST_RX, 1, true), 0);
	return 0;
}

static int host_round_trips(const struct ffa_env *env)
{
	struct ffa_event ev;
	uint64_t arg;
	int i, ret = host_setup(env);

	if (ret)
		return ret;
	for (i = 0; i < ROUND_TRIPS; i++) {
		arg = (uint64_t)i << 32 | 7;
		CHECK_EQ(request(env, ECHO_ECHO, arg, &ev), 0);
		CHECK_EQ(ev.type, FFA_EV_DIRECT_RESP);
		CHECK_EQ(ev.direct.sender, ID_ECHO);
		CHECK_EQ(ev.direct.receiver, ID_HOST);
		CHECK_EQ(ev.direct.args[1], arg);
		CHECK_EQ(ev.direct.args[4], 5);
	}
	return 0;
}

/* A LEND takes the page from the lender for real; RECLAIM gives it back. */
static int host_lend(const struct ffa_env *env)
{
	uint8_t *p = env->ptr(env, HOST_PAGE);
	uint64_t handle;
	int ret = host_setup(env);

	if (ret)
		return ret;
	memset(p, 0xa5, FFA_PAGE_SIZE);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, true), 0);
	CHECK_EQ(lend_one_page(env, ID_ECHO, HOST_TX, HOST_PAGE, &handle), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, false), -1);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE + FFA_PAGE_SIZE - 1, false),
		 -1);
	/* Its neighbours stay the lender's. */
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE - 1, true), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE + FFA_PAGE_SIZE, true), 0);
	CHECK_EQ(ffa_mem_reclaim(&env->conduit, handle, 0), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, true), 0);
	CHECK_EQ(p[0], 0xa5);
	CHECK_EQ(p[FFA_PAGE_SIZE - 1], 0xa5);
	return 0;
}

/* What each endpoint may touch, as the manifests say. */
static int host_probes(const struct ffa_env *env)
{
	CHECK_EQ(env->mem_base, HOST_TX);
	CHECK_EQ(env->mem_size, 64 * FFA_PAGE_SIZE);
	CHECK_EQ(env->addr(env, env->ptr(env, HOST_PAGE)), HOST_PAGE);
	CHECK_EQ(ffa_host_probe(env, HOST_TX, true), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_ROM, false), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_ROM, true), -1);
	CHECK_EQ(ffa_host_probe(env, ECHO_MEM, false), -1);
	/* Outside physical memory altogether. */
	CHECK_EQ(ffa_host_probe(env, 0x1000, false), -1);
	CHECK_EQ(ffa_host_probe(env, 0x40000000ULL + (16 << 20), false), -1);
	return 0;
}

/* A partition that returns or faults is aborted; its caller is told. */
static int host_abort(const struct ffa_env *env, uint64_t cmd)
{
	struct ffa_event ev;
	int ret = host_setup(env);

	if (ret)
		return ret;
	CHECK_EQ(request(env, ECHO_ECHO, 1, &ev), 0);
	CHECK_EQ(request(env, cmd, HOST_PAGE, &ev), FFA_RET_ABORTED);
	/* And never runs again. */
	CHECK_EQ(request(env, ECHO_ECHO, 1, &ev) < 0, 1);
	return 0;
}

static int host_partition_returns(const struct ffa_env *env)
{
	return host_abort(env, ECHO_RETURN);
}

static int host_partition_faults(const struct ffa_env *env)
{
	return host_abort(env, ECHO_TOUCH);
}

static int host_console(const struct ffa_env *env)
{
	struct ffa_event ev;
	int ret = host_setup(env);

	if (ret)
		return ret;
	CHECK_EQ(request(env, ECHO_LOG, 0, &ev), 0);
	CHECK_EQ(ev.type, FFA_EV_DIRECT_RESP);
	return 0;
}

static int host_returns_42(const struct ffa_env *env)
{
	(void)env;
	return 42;
}

/* ---- running them ---- */

static struct ffa_host *start(enum ffa_host_ctx_kind ctx)
{
	const struct ffa_host_config cfg = { .ctx = ctx };
	struct ffa_host *h = ffa_host_create(&cfg);

	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      echo_main, NULL), 0);
	return h;
}

/* The echo partition's manifest with part_main, the host with host_main. */
static void run_pair(enum ffa_host_ctx_kind ctx, ffa_entry_fn part_main,
		     ffa_entry_fn host_main)
{
	if (host_run_pair(ctx, RUN_EP(dtb_echo, part_main),
			  RUN_EP(dtb_host, host_main)) != 0)
		fail_msg("host main: %s", check_failure);
}

static void run(enum ffa_host_ctx_kind ctx, ffa_entry_fn host_main)
{
	run_pair(ctx, echo_main, host_main);
}

#define BOTH(name, main)					\
	static void test_##name##_asm(void **state)		\
	{							\
		(void)state;					\
		run(FFA_HOST_CTX_ASM, main);			\
	}							\
	static void test_##name##_ucontext(void **state)	\
	{							\
		(void)state;					\
		run(FFA_HOST_CTX_UCONTEXT, main);		\
	}

BOTH(round_trips, host_round_trips)
BOTH(lend, host_lend)
BOTH(probes, host_probes)
BOTH(partition_returns, host_partition_returns)
BOTH(partition_faults, host_partition_faults)

/*
 * The FP control state is per context (x86-64: MXCSR and the x87 control
 * word, both callee-saved; AArch64: FPCR): a partition that boots with
 * other rounding modes must not change the host's.
 */
#if defined(__x86_64__)
#include <xmmintrin.h>

#define MXCSR_RC_DOWN	(1U << 13)
#define X87_RC_DOWN	(1U << 10)

static uint16_t x87_cw(void)
{
	uint16_t cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static int fp_echo_main(const struct ffa_env *env)
{
	uint16_t cw = x87_cw() | X87_RC_DOWN;

	_mm_setcsr(_mm_getcsr() | MXCSR_RC_DOWN);
	__asm__ volatile("fldcw %0" : : "m"(cw));
	return echo_main(env);
}

static int host_fp_env(const struct ffa_env *env)
{
	uint32_t csr = _mm_getcsr();
	uint16_t cw = x87_cw();
	struct ffa_event ev;
	int ret = host_setup(env);

	if (ret)
		return ret;
	CHECK_EQ(csr & MXCSR_RC_DOWN, 0);
	CHECK_EQ(cw & X87_RC_DOWN, 0);
	CHECK_EQ(request(env, ECHO_ECHO, 1, &ev), 0);
	CHECK_EQ(_mm_getcsr(), csr);
	CHECK_EQ(x87_cw(), cw);
	return 0;
}

static void fp_env(enum ffa_host_ctx_kind ctx)
{
	run_pair(ctx, fp_echo_main, host_fp_env);
}
#elif defined(__aarch64__)
#define FPCR_RMODE_MASK	(3ULL << 22)
#define FPCR_RMODE_DOWN	(2ULL << 22)	/* towards minus infinity */
#define FPCR_FZ		(1ULL << 24)

static uint64_t fpcr_read(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, fpcr" : "=r"(v));
	return v;
}

static int fp_echo_main(const struct ffa_env *env)
{
	uint64_t v = (fpcr_read() & ~FPCR_RMODE_MASK) | FPCR_RMODE_DOWN |
		     FPCR_FZ;

	__asm__ volatile("msr fpcr, %0" : : "r"(v));
	return echo_main(env);
}

static int host_fp_env(const struct ffa_env *env)
{
	uint64_t fpcr = fpcr_read();
	struct ffa_event ev;
	int ret = host_setup(env);

	if (ret)
		return ret;
	CHECK_EQ(fpcr & (FPCR_RMODE_MASK | FPCR_FZ), 0);
	CHECK_EQ(request(env, ECHO_ECHO, 1, &ev), 0);
	CHECK_EQ(fpcr_read(), fpcr);
	return 0;
}

static void fp_env(enum ffa_host_ctx_kind ctx)
{
	run_pair(ctx, fp_echo_main, host_fp_env);
}
#else
#error "the FP control state of this architecture: add its test"
#endif

static void test_fp_env_asm(void **state)
{
	(void)state;
	fp_env(FFA_HOST_CTX_ASM);
}

static void test_fp_env_ucontext(void **state)
{
	(void)state;
	fp_env(FFA_HOST_CTX_UCONTEXT);
}

/* The host main's value is ffa_host_run()'s, whatever it is. */
static void test_run_returns_host_value(void **state)
{
	struct ffa_host *h = start(FFA_HOST_CTX_DEFAULT);

	(void)state;
	assert_int_equal(ffa_host_add(h, dtb_host, DTB_SIZE(dtb_host),
				      host_returns_42, NULL), 0);
	assert_int_equal(ffa_host_run(h), 42);
	/* Once only, and no endpoint joins afterwards. */
	assert_int_equal(ffa_host_run(h), FFA_HOST_RUN_FAILED);
	assert_int_equal(ffa_host_add(h, dtb_full, DTB_SIZE(dtb_full),
				      echo_main, NULL),
			 FFA_RET_INVALID_PARAMETERS);
	ffa_host_destroy(h);
}

/* CONSOLE_LOG lines reach stdout prefixed by the endpoint's name. */
static void test_console_prefix(void **state)
{
	char out[256] = "";
	FILE *tmp = tmpfile();
	int saved = dup(STDOUT_FILENO);
	size_t n;

	(void)state;
	assert_non_null(tmp);
	fflush(stdout);
	assert_int_equal(dup2(fileno(tmp), STDOUT_FILENO), STDOUT_FILENO);
	run(FFA_HOST_CTX_DEFAULT, host_console);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(out, 1, sizeof(out) - 1, tmp);
	out[n] = '\0';
	fclose(tmp);
	assert_string_equal(out, "echo: hello\n");
}

static void test_add_rejects(void **state)
{
	struct ffa_host *h = start(FFA_HOST_CTX_DEFAULT);
	uint8_t junk[64];

	(void)state;
	memset(junk, 0, sizeof(junk));
	assert_int_equal(ffa_host_add(h, junk, sizeof(junk), echo_main,
				      NULL),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo), NULL,
				      NULL),
			 FFA_RET_INVALID_PARAMETERS);
	/* The same ID, and memory the echo partition already owns. */
	assert_int_equal(ffa_host_add(h, dtb_echo, DTB_SIZE(dtb_echo),
				      echo_main, NULL),
			 FFA_RET_INVALID_PARAMETERS);
	assert_int_equal(ffa_host_add_file(h, "/nonexistent.dtb", echo_main,
					   NULL),
			 FFA_RET_INVALID_PARAMETERS);
	/* No host endpoint: nothing to run. */
	assert_int_equal(ffa_host_run(h), FFA_HOST_RUN_FAILED);
	ffa_host_destroy(h);
}

/*
 * Why an endpoint was not added, in the runtime's last error: each
 * check the manager only answers INVALID_PARAMETERS for, by name.
 */
struct add_row {
	const uint8_t *first;		/* added before, or NULL */
	uint32_t first_size;
	const uint8_t *dtb;
	uint32_t size;
	uint64_t mem_size;
	const char *error;
};

#define ROW(a, b, mem, error)						\
	{ a, DTB_SIZE(a), b, DTB_SIZE(b), mem, error }
#define ROW1(b, mem, error)	{ NULL, 0, b, DTB_SIZE(b), mem, error }

static void test_add_reasons(void **state)
{
	const struct add_row rows[] = {
		ROW1(dtb_echo, 0x100000,
		    "echo: not added: region 0 [0x40100000, +64 pages) lies "
		    "outside memory [0x40000000, 0x40100000): give the runtime"
		    " more (mem_size, ffa-host --mem)"),
		ROW(dtb_echo, dtb_echo, 0,
		    "echo: not added: ID 0x8001 is echo's"),
		ROW(dtb_host, dtb_host_b, 0,
		    "host-b: not added: host already has ffa-host"),
		ROW(dtb_echo_b, dtb_full, 0,
		    "full-test-partition-with-a-long: not added: region 1 "
		    "[0x40200000, +1 pages) overlaps one of echo-b's"),
		ROW1(dtb_no_uuid, 0, "manifest: uuid is missing"),
	};
	struct ffa_host_config cfg = { 0 };
	struct ffa_host *h;
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		cfg.mem_size = rows[i].mem_size;
		h = ffa_host_create(&cfg);
		assert_non_null(h);
		if (rows[i].first)
			assert_int_equal(ffa_host_add(h, rows[i].first,
						      rows[i].first_size,
						      echo_main, NULL), 0);
		assert_string_equal(ffa_host_last_error(h), "");
		assert_int_equal(ffa_host_add(h, rows[i].dtb, rows[i].size,
					      echo_main, NULL),
				 FFA_RET_INVALID_PARAMETERS);
		assert_string_equal(ffa_host_last_error(h), rows[i].error);
		ffa_host_destroy(h);
	}
	h = ffa_host_create(NULL);
	assert_non_null(h);
	assert_int_equal(ffa_host_add_file(h, "/nonexistent.dtb", echo_main,
					   NULL), FFA_RET_INVALID_PARAMETERS);
	assert_string_equal(ffa_host_last_error(h),
			    "/nonexistent.dtb: cannot open");
	assert_int_equal(ffa_host_run(h), FFA_HOST_RUN_FAILED);
	assert_string_equal(ffa_host_last_error(h),
			    "no endpoint has the ffa-host property");
	ffa_host_destroy(h);
}

static void test_create_rejects(void **state)
{
	struct ffa_host_config cfg = { .mem_size = 0x1800 };
	struct ffa_host *h;

	(void)state;
	assert_null(ffa_host_create(&cfg));
	cfg.mem_size = 0;
	cfg.phys_base = 0x40000800;
	assert_null(ffa_host_create(&cfg));
	cfg.phys_base = 0;
	cfg.ctx = (enum ffa_host_ctx_kind)7;
	assert_null(ffa_host_create(&cfg));
	cfg.ctx = FFA_HOST_CTX_DEFAULT;
	setenv("FFA_HOST_CTX", "fibers", 1);
	assert_null(ffa_host_create(&cfg));
	setenv("FFA_HOST_CTX", "ucontext", 1);
	h = ffa_host_create(&cfg);
	unsetenv("FFA_HOST_CTX");
	assert_non_null(h);
	ffa_host_destroy(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trips_asm),
		cmocka_unit_test(test_round_trips_ucontext),
		cmocka_unit_test(test_lend_asm),
		cmocka_unit_test(test_lend_ucontext),
		cmocka_unit_test(test_probes_asm),
		cmocka_unit_test(test_probes_ucontext),
		cmocka_unit_test(test_partition_returns_asm),
		cmocka_unit_test(test_partition_returns_ucontext),
		cmocka_unit_test(test_partition_faults_asm),
		cmocka_unit_test(test_partition_faults_ucontext),
		cmocka_unit_test(test_fp_env_asm),
		cmocka_unit_test(test_fp_env_ucontext),
		cmocka_unit_test(test_run_returns_host_value),
		cmocka_unit_test(test_console_prefix),
		cmocka_unit_test(test_add_rejects),
		cmocka_unit_test(test_add_reasons),
		cmocka_unit_test(test_create_rejects),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
