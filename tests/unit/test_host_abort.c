// SPDX-License-Identifier: BSD-3-Clause
/*
 * An aborted borrower on the host runtime, for real: a partition maps
 * its RX/TX pair, retrieves a page the host lent it and writes to it,
 * then touches memory it was never given, which really faults (SIGSEGV
 * in its window) and aborts it. The host's request is answered ABORTED,
 * and the host can reclaim the page (RW again, cleared if the retrieve
 * asked to clear on relinquish or abort) and lend it again.
 *
 * As in test_host_runtime.c, mains return the line of their first failed
 * check; the test asserts once ffa_host_run() returned (test_host_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <spm/spm.h>
#include "test_host_check.h"
#include "test_host_dtb.h"

EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_echo, "sp_echo");

/* tests/manifests/host.dts and sp_echo.dts */
#define ID_HOST		0x0001
#define ID_PART		0x8001
#define HOST_TX		0x40000000ULL
#define HOST_RX		0x40001000ULL
#define HOST_PAGE	0x40010000ULL	/* lent to the partition */
#define PART_TX		0x40100000ULL
#define PART_RX		0x40101000ULL

enum part_cmd {
	CMD_RETRIEVE,	/* args[1] = handle, args[2] = retrieve flags */
	CMD_TOUCH,	/* read the byte at args[1] */
};

/* ---- the partition: retrieves what it is told, touches what it is told */

static int part_retrieve(const struct ffa_env *env, uint64_t handle,
			 uint32_t flags)
{
	const struct ffa_mem_access to = {
		.receiver_id = ID_PART, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mem_header hdr = {
		.sender_id = ID_HOST, .flags = flags, .handle = handle,
	};
	struct ffa_mem_retrieved out;
	uint32_t len;
	int ret;

	ret = ffa_rxtx_map(&env->conduit, PART_TX, PART_RX, 1, true);
	if (ret && ret != FFA_RET_DENIED)	/* mapped by an earlier one */
		return ret;
	ret = ffa_mtd_build_retrieve_req(env->ptr(env, PART_TX),
					 FFA_PAGE_SIZE, FFA_VERSION_1_2, &hdr,
					 &to, 1, &len);
	if (!ret)
		ret = ffa_mem_retrieve_req(&env->conduit, len, len, false,
					   &out);
	if (ret)
		return ret;
	/* Really mapped: a write that would fault otherwise. */
	memset(env->ptr(env, HOST_PAGE), 0x5a, FFA_PAGE_SIZE);
	return ffa_rx_release(&env->conduit, 0);
}

static int part_serve(const struct ffa_env *env, struct ffa_event *ev)
{
	const struct ffa_direct_msg *req = &ev->direct;
	struct ffa_direct_msg resp = *req;
	volatile uint8_t *p;

	resp.sender = req->receiver;
	resp.receiver = req->sender;
	if (req->args[0] == CMD_RETRIEVE) {
		resp.args[1] = (uint64_t)part_retrieve(env, req->args[1],
						       (uint32_t)req->args[2]);
	} else {
		p = env->ptr(env, req->args[1]);
		resp.args[1] = *p;
	}
	return ffa_direct_resp(&env->conduit, &resp, ev->is_64, ev);
}

static int part_main(const struct ffa_env *env)
{
	return serve_requests(env, part_serve);
}

/* ---- the host ---- */

static int request(const struct ffa_env *env, uint64_t cmd, uint64_t a1,
		   uint64_t a2, struct ffa_event *ev)
{
	const struct ffa_direct_msg m = {
		.sender = ID_HOST, .receiver = ID_PART,
		.args = { cmd, a1, a2 },
	};

	return ffa_direct_req(&env->conduit, &m, true, ev);
}

static int lend_page(const struct ffa_env *env, uint64_t *handle)
{
	return lend_one_page(env, ID_PART, HOST_TX, HOST_PAGE, handle);
}

static int host_borrower_faults(const struct ffa_env *env, uint32_t flags)
{
	uint8_t *p = env->ptr(env, HOST_PAGE);
	struct ffa_event ev;
	uint64_t handle;
	uint32_t version;

	CHECK_EQ(ffa_version(&env->conduit, FFA_VERSION_1_2, &version), 0);
	CHECK_EQ(ffa_rxtx_map(&env->conduit, HOST_TX, HOST_RX, 1, true), 0);
	memset(p, 0xa5, FFA_PAGE_SIZE);
	CHECK_EQ(lend_page(env, &handle), 0);
	CHECK_EQ(request(env, CMD_RETRIEVE, handle, flags, &ev), 0);
	CHECK_EQ(ev.type, FFA_EV_DIRECT_RESP);
	CHECK_EQ(ev.direct.args[1], 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, false), -1);
	/* The lender waits for its borrower. */
	CHECK_EQ(ffa_mem_reclaim(&env->conduit, handle, 0), FFA_RET_DENIED);
	/* The host's own TX is nothing the partition may touch. */
	CHECK_EQ(request(env, CMD_TOUCH, HOST_TX, 0, &ev), FFA_RET_ABORTED);
	CHECK_EQ(ffa_mem_reclaim(&env->conduit, handle, 0), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, true), 0);
	CHECK_EQ(p[0], flags ? 0 : 0x5a);
	CHECK_EQ(p[FFA_PAGE_SIZE - 1], flags ? 0 : 0x5a);
	/* Once only, and the page can be lent again (and taken back). */
	CHECK_EQ(ffa_mem_reclaim(&env->conduit, handle, 0),
		 FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(lend_page(env, &handle), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, false), -1);
	CHECK_EQ(request(env, CMD_RETRIEVE, handle, 0, &ev), FFA_RET_ABORTED);
	CHECK_EQ(ffa_mem_reclaim(&env->conduit, handle, 0), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_PAGE, true), 0);
	return 0;
}

static int host_keep(const struct ffa_env *env)
{
	return host_borrower_faults(env, 0);
}

static int host_clear(const struct ffa_env *env)
{
	return host_borrower_faults(env, FFA_RETRIEVE_ZERO_AFTER);
}

static void run(enum ffa_host_ctx_kind ctx, ffa_entry_fn host_main)
{
	if (host_run_pair(ctx, RUN_EP(dtb_echo, part_main),
			  RUN_EP(dtb_host, host_main)) != 0)
		fail_msg("host main: %s", check_failure);
}

static void test_borrower_faults_asm(void **state)
{
	(void)state;
	run(FFA_HOST_CTX_ASM, host_keep);
}

static void test_borrower_faults_ucontext(void **state)
{
	(void)state;
	run(FFA_HOST_CTX_UCONTEXT, host_keep);
}

static void test_borrower_faults_cleared(void **state)
{
	(void)state;
	run(FFA_HOST_CTX_DEFAULT, host_clear);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_borrower_faults_asm),
		cmocka_unit_test(test_borrower_faults_ucontext),
		cmocka_unit_test(test_borrower_faults_cleared),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
