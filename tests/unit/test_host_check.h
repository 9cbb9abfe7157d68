/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the host runtime's API tests share. Endpoint mains run on their
 * own stacks inside the runtime, where cmocka's asserts (a longjmp) must
 * not be used: a main records its first failed check and returns its
 * line, and the test asserts after ffa_host_run() returns.
 *
 * Include after <cmocka.h> (host_run_pair() fails the test with it).
 */
#ifndef TEST_HOST_CHECK_H
#define TEST_HOST_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <spm/spm.h>

static char check_failure[256];

/* Record the first failed check of a main; true when it failed. */
static inline bool check_failed(int line, const char *what, long long a,
				long long b)
{
	if (a == b)
		return false;
	if (!check_failure[0])
		snprintf(check_failure, sizeof(check_failure),
			 "line %d: %s is %#llx, not %#llx", line, what, a, b);
	return true;
}

static inline bool check_str_failed(int line, const char *what,
				    const char *a, const char *b)
{
	if (a && b && strcmp(a, b) == 0)
		return false;
	if (!check_failure[0])
		snprintf(check_failure, sizeof(check_failure),
			 "line %d: %s is \"%s\", not \"%s\"", line, what,
			 a ? a : "(null)", b ? b : "(null)");
	return true;
}

#define CHECK_EQ(a, b)							\
	do {								\
		if (check_failed(__LINE__, #a, (long long)(a),		\
				 (long long)(b)))			\
			return __LINE__;				\
	} while (0)

#define CHECK_STR(a, b)							\
	do {								\
		if (check_str_failed(__LINE__, #a, (a), (b)))		\
			return __LINE__;				\
	} while (0)

/* ---- partitions ---- */

/* What a serve function returns to end its partition's main (an abort). */
#define SERVE_RETURN	1

/* Answer one direct request: the status of the next event, or SERVE_RETURN. */
typedef int (*serve_fn)(const struct ffa_env *env, struct ffa_event *ev);

/*
 * A partition main: wait for direct requests and let serve answer each.
 * A healthy partition never returns; a storm of errors ends it (-1).
 */
static inline int serve_requests(const struct ffa_env *env, serve_fn serve)
{
	struct ffa_event ev;
	int ret = ffa_msg_wait(&env->conduit, 0, &ev), errors = 0;

	while (errors < 100) {
		if (ret == 0 && ev.type == FFA_EV_DIRECT_REQ) {
			ret = serve(env, &ev);
			if (ret == SERVE_RETURN)
				return 0;
			continue;
		}
		errors++;
		ret = ffa_msg_wait(&env->conduit, 0, &ev);
	}
	return -1;
}

/* ---- memory ---- */

static inline void one_page_range(void *ctx, uint32_t i, uint64_t *addr,
				  uint32_t *pages)
{
	(void)i;
	*addr = *(const uint64_t *)ctx;
	*pages = 1;
}

/* LEND page (RW) from env to receiver through env's one-page TX at tx. */
static inline int lend_one_page(const struct ffa_env *env, uint16_t receiver,
				uint64_t tx, uint64_t page, uint64_t *handle)
{
	const struct ffa_mem_access to = {
		.receiver_id = receiver, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = env->id },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};

	return ffa_mem_send_stream(&env->conduit, FFA_MEM_LEND_64,
				   env->ptr(env, tx), FFA_PAGE_SIZE, &spec,
				   one_page_range, &page, handle);
}

/* ---- running ---- */

/* One endpoint of a run: its manifest and its main. */
struct run_ep {
	const void *dtb;
	uint32_t size;
	ffa_entry_fn main;
};

/* From a fixture of test_host_dtb.h. */
#define RUN_EP(sym, fn)	((struct run_ep){ (sym), DTB_SIZE(sym), (fn) })

/*
 * Run a partition and the host with context switch ctx, then check the
 * manager's invariants: 0, or the host main's value (-1 for a broken
 * invariant) with check_failure saying why.
 */
static inline int host_run_pair(enum ffa_host_ctx_kind ctx,
				struct run_ep part, struct run_ep host)
{
	const struct ffa_host_config cfg = { .ctx = ctx };
	struct ffa_host *h = ffa_host_create(&cfg);
	const char *why = NULL;
	int line;

	assert_non_null(h);
	assert_int_equal(ffa_host_add(h, part.dtb, part.size, part.main,
				      NULL), 0);
	assert_int_equal(ffa_host_add(h, host.dtb, host.size, host.main,
				      NULL), 0);
	check_failure[0] = '\0';
	line = ffa_host_run(h);
	if (line == 0 && spm_check_invariants(ffa_host_spm(h), &why) != 0) {
		snprintf(check_failure, sizeof(check_failure),
			 "invariant: %s", why);
		line = -1;
	}
	if (line != 0 && !check_failure[0])
		snprintf(check_failure, sizeof(check_failure),
			 "no check failed, the main returned %d", line);
	ffa_host_destroy(h);
	return line;
}

#endif /* TEST_HOST_CHECK_H */
