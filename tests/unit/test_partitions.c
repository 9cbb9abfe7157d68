// SPDX-License-Identifier: BSD-3-Clause
/*
 * The example partitions on the host runtime, driven by a host main the
 * way a kernel driver would drive them: discovery, direct messages (32,
 * 64, REQ2), sharing with two borrowers, lending with a real fault in the
 * lender, donating, notifications both ways, indirect messages, memory
 * permissions, each deliberate misbehaviour of the test partition, and
 * a partition's fault on a page it lent away (aborted: no vectors here).
 *
 * The host main runs on its own stack inside the runtime, so it must not
 * use cmocka's asserts (they longjmp): it returns the line of the first
 * failed check, and the cmocka test asserts after ffa_host_run() returns.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <ffa_host.h>
#include <libffa/bytes.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <libffa/partinfo.h>
#include <partitions/partitions.h>
#include <partitions/test_client.h>
#include <spm/spm.h>

#ifndef MANIFEST_DIR
#define MANIFEST_DIR "build/manifests"
#endif

#define HOST_BASE	0x40000000ULL
#define HOST_TX		HOST_BASE
#define HOST_RX		(HOST_BASE + 0x1000)
#define HOST_BUF	(HOST_BASE + 0x100000)	/* pages to share */
#define MEM_SIZE	0x10400000ULL	/* up to the twins' memory */

#define ID_HOST		0x0000
#define ID_TEST		0x8001
#define ID_ECHO		0x8002
#define ID_TWIN_A	0x8003
#define ID_TWIN_B	0x8004

static char failure[256];

#define CHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			snprintf(failure, sizeof(failure), "line %d: %s", \
				 __LINE__, #cond);			\
			return __LINE__;				\
		}							\
	} while (0)

#define CHECK_EQ(a, b)							\
	do {								\
		unsigned long long a_ = (unsigned long long)(a);	\
		unsigned long long b_ = (unsigned long long)(b);	\
		if (a_ != b_) {						\
			snprintf(failure, sizeof(failure),		\
				 "line %d: %s = %#llx, expected %#llx",	\
				 __LINE__, #a, a_, b_);			\
			return __LINE__;				\
		}							\
	} while (0)

struct host {
	const struct ffa_env *env;
	const struct ffa_conduit *c;
	uint8_t *tx;
	uint8_t *rx;
};

static struct ffa_host *runtime;

static int host_setup(struct host *h, const struct ffa_env *env)
{
	uint32_t version;

	h->env = env;
	h->c = &env->conduit;
	h->tx = env->ptr(env, HOST_TX);
	h->rx = env->ptr(env, HOST_RX);
	CHECK_EQ(ffa_version(h->c, FFA_VERSION_1_2, &version), 0);
	CHECK_EQ(version, FFA_VERSION_1_2);
	CHECK_EQ(ffa_rxtx_map(h->c, HOST_TX, HOST_RX, 1, true), 0);
	return 0;
}

/* One test-protocol command as a 64-bit direct request. */
static int tp(struct host *h, uint16_t dst, uint64_t cmd, uint64_t a1,
	      uint64_t a2, uint64_t a3, uint64_t a4, uint64_t out[5])
{
	const uint64_t args[5] = { cmd, a1, a2, a3, a4 };

	return tp_call(h->c, ID_HOST, dst, args, out);
}

static void from_array(void *ctx, uint32_t i, uint64_t *addr,
		       uint32_t *pages)
{
	const struct ffa_mem_range *r = ctx;

	*addr = r[i].address;
	*pages = r[i].page_count;
}

static int mem_send(struct host *h, uint32_t fid,
		    const struct ffa_mtd_spec *spec,
		    const struct ffa_mem_range *r, uint64_t *handle)
{
	return ffa_mem_send_stream(h->c, fid, h->tx, 4096, spec, from_array,
				   (void *)r, handle);
}

static int scenario_discovery(const struct ffa_env *env)
{
	struct ffa_partinfo_count cnt;
	struct ffa_partinfo_iter it;
	struct ffa_partition p;
	struct ffa_uuid twin;
	struct host h;
	uint16_t id, spm_id;
	uint16_t seen[4];
	int n = 0, ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(ffa_id_get(h.c, &id), 0);
	CHECK_EQ(id, ID_HOST);
	CHECK_EQ(ffa_spm_id_get(h.c, &spm_id), 0);
	CHECK_EQ(spm_id, 0x8000);
	CHECK_EQ(ffa_partition_info_get(h.c, NULL, 0, &cnt), 0);
	CHECK_EQ(cnt.count, 4);
	CHECK_EQ(cnt.desc_size, 24);
	CHECK_EQ(ffa_partinfo_iter_init(&it, h.rx, 4096, cnt.count,
					cnt.desc_size, FFA_VERSION_1_2), 0);
	while (ffa_partinfo_next(&it, &p) && n < 4)
		seen[n++] = p.id;
	CHECK_EQ(seen[0], ID_TEST);
	CHECK_EQ(seen[3], ID_TWIN_B);
	CHECK_EQ(ffa_rx_release(h.c, 0), 0);
	/* Two partitions share one UUID. */
	CHECK_EQ(ffa_uuid_parse(&twin, TP_UUID_TWIN, FFA_UUID_STR_LEN), 0);
	CHECK_EQ(ffa_partition_info_get(h.c, &twin,
					FFA_PART_INFO_FLAG_COUNT_ONLY, &cnt), 0);
	CHECK_EQ(cnt.count, 2);
	return 0;
}

static int scenario_messages(const struct ffa_env *env)
{
	struct ffa_direct_msg2 m2 = { .sender = ID_HOST, .receiver = ID_ECHO };
	struct ffa_event ev;
	uint64_t out[5];
	struct host h;
	unsigned int i;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_ECHO, 1, 2, 3, 0xdeadbeefcafeULL,
		    out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[4], 0xdeadbeefcafeULL);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_WHOAMI, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[1], ID_TEST);
	CHECK_EQ(out[2], FFA_VERSION_1_2);
	CHECK_EQ(out[3], 0x8000);
	CHECK_EQ(tp(&h, ID_TWIN_B, TP_CMD_WHOAMI, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[1], ID_TWIN_B);
	/* REQ2 to the echo service, by its UUID: 14 words come back. */
	CHECK_EQ(ffa_uuid_parse(&m2.uuid, TP_UUID_ECHO, FFA_UUID_STR_LEN), 0);
	for (i = 0; i < FFA_DIRECT2_ARGS; i++)
		m2.args[i] = 0x1000 + i;
	CHECK_EQ(ffa_direct_req2(h.c, &m2, &ev), 0);
	CHECK_EQ(ev.type, FFA_EV_DIRECT_RESP2);
	CHECK_EQ(ev.direct2.sender, ID_ECHO);
	CHECK_EQ(ev.direct2.args[13], 0x1000 + 13);
	return 0;
}

/* SHARE two pages with the test partition and twin-a. */
static int scenario_share_two_borrowers(const struct ffa_env *env)
{
	const struct ffa_mem_access to[2] = {
		{ .receiver_id = ID_TEST, .perms = FFA_MEM_DATA_RW },
		{ .receiver_id = ID_TWIN_A, .perms = FFA_MEM_DATA_RO },
	};
	const struct ffa_mem_range r[2] = {
		{ .address = HOST_BUF, .page_count = 1 },
		{ .address = HOST_BUF + 0x3000, .page_count = 1 },
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST, .attributes = 0x2f, .tag = 7 },
		.access = to, .nr_access = 2, .total_pages = 2, .nr_ranges = 2,
	};
	uint8_t *p0 = env->ptr(env, HOST_BUF), *p1 = env->ptr(env,
							      HOST_BUF + 0x3000);
	uint64_t handle, out[5], sum;
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	memset(p0, 0x11, 4096);
	memset(p1, 0x22, 4096);
	sum = tp_fnv(tp_fnv(TP_FNV_OFFSET, p0, 4096), p1, 4096);
	CHECK_EQ(mem_send(&h, FFA_MEM_SHARE_64, &spec, r, &handle), 0);
	/* Both borrowers see the same bytes; the sharer keeps access. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_RETRIEVE, handle, ID_HOST, 7,
		    TP_MEM_RELINQUISH | TP_MEM_BYPASS, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], sum);
	CHECK_EQ(out[2], 2);
	CHECK_EQ(tp(&h, ID_TWIN_A, TP_CMD_MEM_RETRIEVE, handle, ID_HOST, 7,
		    TP_MEM_RELINQUISH | TP_MEM_BYPASS, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], sum);
	CHECK_EQ(ffa_host_probe(env, HOST_BUF, true), 0);
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), 0);
	return 0;
}

/* LEND a page: it faults for the lender until reclaim. */
static int scenario_lend_faults(const struct ffa_env *env)
{
	const struct ffa_mem_access to = {
		.receiver_id = ID_TEST, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mem_range r = { .address = HOST_BUF, .page_count = 1 };
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST, .tag = 9 },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};
	uint8_t *p = env->ptr(env, HOST_BUF);
	uint64_t handle, out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	memset(p, 0, 4096);
	CHECK_EQ(mem_send(&h, FFA_MEM_LEND_64, &spec, &r, &handle), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_BUF, false), -1);
	/* The borrower writes 0x5a everywhere, then gives it back. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_RETRIEVE, handle, ID_HOST, 9,
		    TP_MEM_WRITE | TP_MEM_RELINQUISH | (0x5aU << 8), out), 0);
	CHECK_EQ(out[0], 0);
	/* Relinquished is not reclaimed: still no access for the lender. */
	CHECK_EQ(ffa_host_probe(env, HOST_BUF, false), -1);
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), 0);
	CHECK_EQ(ffa_host_probe(env, HOST_BUF, false), 0);
	CHECK_EQ(p[0], 0x5a);
	CHECK_EQ(p[4095], 0x5a);
	/* The handle is gone. */
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), FFA_RET_INVALID_PARAMETERS);
	return 0;
}

/*
 * The host runtime has no EL1 vectors: the test partition cannot install
 * any, and touching a page of its own it lent away is a SIGSEGV that
 * aborts it (the bench firmware would deliver an abort to its vector:
 * firmware/tests/el1-fault.c). A page it only shared stays its own.
 */
static int scenario_fault_host(const struct ffa_env *env)
{
	uint64_t out[5], page;
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_VECTORS, TP_VEC_SKIP, 0, 0, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_SEND, 0x4000, ID_TWIN_A,
		    TP_SEND_SHARE, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[2], 0x50004000);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_TOUCH, out[2], TP_TOUCH_WRITE, 0, 0,
		    out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_SEND, 0x1000, ID_TWIN_A,
		    TP_SEND_LEND, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_SEND, 0x5000, ID_TWIN_A,
		    TP_SEND_LEND, 0, out), 0);
	CHECK_EQ(out[0], 0);
	page = out[2];
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_TOUCH, page, TP_TOUCH_EXEC, 0, 0,
		    out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_TOUCH, page, TP_TOUCH_READ, 0, 0,
		    out), FFA_RET_ABORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_ECHO, 1, 0, 0, 0, out),
		 FFA_RET_ABORTED);
	return 0;
}

/* DONATE a page: it never comes back. */
static int scenario_donate(const struct ffa_env *env)
{
	const struct ffa_mem_access to = { .receiver_id = ID_TEST };
	const struct ffa_mem_range r = {
		.address = HOST_BUF + 0x10000, .page_count = 1,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};
	uint64_t handle, out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(mem_send(&h, FFA_MEM_DONATE_64, &spec, &r, &handle), 0);
	CHECK_EQ(ffa_host_probe(env, r.address, false), -1);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_RETRIEVE, handle, ID_HOST, 0,
		    TP_MEM_NO_TOUCH, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(ffa_host_probe(env, r.address, false), -1);
	return 0;
}

static int scenario_notifications(const struct ffa_env *env)
{
	struct ffa_notif_bitmaps bm;
	struct ffa_notif_info info;
	uint64_t out[5];
	uint32_t sri;
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	/* Partition -> host, through the schedule receiver interrupt. */
	CHECK_EQ(ffa_notification_bitmap_create(h.c, ID_HOST, 1), 0);
	CHECK_EQ(ffa_notification_bind(h.c, ID_TEST, ID_HOST, 0, 0x4), 0);
	sri = ffa_host_sri_count(runtime);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_NOTIFY, ID_HOST, 0x4, 0, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(ffa_host_sri_count(runtime), sri + 1);
	CHECK_EQ(ffa_notification_info_get(h.c, true, &info), 0);
	CHECK_EQ(info.nr_lists, 1);
	CHECK_EQ(info.lists[0].id, ID_HOST);
	CHECK_EQ(ffa_notification_get(h.c, ID_HOST, 0, FFA_NOTIF_GET_ALL,
				      &bm), 0);
	CHECK_EQ(bm.from_sp, 0x4);
	/* Host -> partition. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_NOTIF_BIND, ID_HOST, 0x100, 0, 0, out),
		 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(ffa_notification_set(h.c, ID_HOST, ID_TEST, 0, 0x100), 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_NOTIF_GET, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[2], 0x100);
	return 0;
}

static int scenario_indirect(const struct ffa_env *env)
{
	const uint64_t word = 0x0123456789abcdefULL;
	struct ffa_send2 m = {
		.sender = ID_HOST, .receiver = ID_TEST,
		.payload = &word, .size = sizeof(word),
	};
	struct ffa_notif_bitmaps bm;
	uint64_t out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(ffa_msg_send2_compose(h.tx, 4096, FFA_VERSION_1_2, &m), 0);
	CHECK_EQ(ffa_msg_send2(h.c, 0, 0), 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_READ_RX, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], ID_HOST);
	CHECK_EQ(out[2], word);
	/* And back: the partition writes into the host's RX. */
	CHECK_EQ(ffa_notification_bitmap_create(h.c, ID_HOST, 1), 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_SEND2, ID_HOST, 42, 0, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(ffa_notification_get(h.c, ID_HOST, 0, FFA_NOTIF_GET_ALL,
				      &bm), 0);
	CHECK_EQ(bm.spm_fw & FFA_FW_NOTIF_RX_BUFFER_FULL, 1);
	CHECK_EQ(ffa_ld16(h.rx + 14), ID_TEST);
	CHECK_EQ(ffa_ld64(h.rx + ffa_ld32(h.rx + 8)), 42);
	CHECK_EQ(ffa_rx_release(h.c, 0), 0);
	CHECK_EQ(ffa_rx_release(h.c, 0), FFA_RET_DENIED);
	return 0;
}

static int scenario_perm(const struct ffa_env *env)
{
	uint64_t out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	/* A working page of the partition: read-write, then read-only. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_PERM, 0x4000, FFA_MEM_PERM_RO, 0,
		    0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], FFA_MEM_PERM_RW);
	CHECK_EQ(out[2], FFA_MEM_PERM_RO);
	/* RW together with execute is never allowed. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MEM_PERM, 0x4000, FFA_MEM_PERM_DATA_RW,
		    0, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	return 0;
}

/* The test partition breaks the rules on request; the manager refuses. */
static int scenario_misbehave(const struct ffa_env *env)
{
	const struct ffa_mem_access to = {
		.receiver_id = ID_TEST, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mem_range r = { .address = HOST_BUF, .page_count = 1 };
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST, .attributes = 0x2f },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};
	uint64_t handle, out[5];
	struct ffa_event ev;
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE,
		    TP_BAD_RESP_WRONG_REQUESTER, 0, 0, 0, out), 0);
	CHECK_EQ(out[1], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE, TP_BAD_WAIT_IN_REQUEST, 0,
		    0, 0, out), 0);
	CHECK_EQ(out[1], (uint64_t)(int64_t)FFA_RET_DENIED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE, TP_BAD_SPOOF_SENDER, 0, 0,
		    0, out), 0);
	CHECK_EQ(out[1], (uint64_t)(int64_t)FFA_RET_INVALID_PARAMETERS);
	CHECK_EQ(mem_send(&h, FFA_MEM_SHARE_64, &spec, &r, &handle), 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE, TP_BAD_RETRIEVE_OVER_LIMIT,
		    handle, ID_HOST, 0, out), 0);
	CHECK_EQ(out[1], SPM_MAX_RETRIEVALS);
	CHECK_EQ(out[2], (uint64_t)(int64_t)FFA_RET_DENIED);
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), 0);
	/* Answer, then answer again when given cycles with no request. */
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE, TP_BAD_RESPOND_TWICE, 0, 0,
		    0, out), 0);
	CHECK_EQ(ffa_run(h.c, ID_TEST, 0, &ev), 0);
	CHECK_EQ(ev.type, FFA_EV_MSG_WAIT);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_LAST_STATUS, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[1], (uint64_t)(int64_t)FFA_RET_DENIED);
	return 0;
}

/*
 * The FP/SIMD commands and the forbidden register reads are for EL1
 * partitions: in the host runtime, whose compiler owns the FP registers
 * and where nothing traps, they say NOT_SUPPORTED, and the partition
 * goes on serving.
 */
static int scenario_fp_host(const struct ffa_env *env)
{
	uint64_t out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_FP_LOAD, 1, 0, 0, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_FP_SUM, 0, 0, 0, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_MISBEHAVE, TP_BAD_READ_SYSREG,
		    TP_SYSREG_PAUTH_KEY, 0, 0, out), 0);
	CHECK_EQ(out[0], (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_ECHO, 7, 0, 0, 0, out), 0);
	CHECK_EQ(out[1], 7);
	return 0;
}

/* SPIN computes its answer wherever it runs. */
static int scenario_spin(const struct ffa_env *env)
{
	uint64_t out[5], x = 42;
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	for (int i = 0; i < 1000; i++)
		x = tp_spin_step(x);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_SPIN, 1000, 42, 0, 0, out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], x);
	return 0;
}

/*
 * SPIN_UNTIL reads the first word of a share until it is not 0: here
 * it is 7 from the start (nothing else runs meanwhile in the host
 * runtime), and 0 stays 0 until the bound.
 */
static int scenario_spin_until(const struct ffa_env *env)
{
	const struct ffa_mem_access to = {
		.receiver_id = ID_TEST, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mem_range r = { .address = HOST_BUF, .page_count = 1 };
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST, .attributes = 0x2f, .tag = 3 },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};
	uint64_t *word = env->ptr(env, HOST_BUF), handle, out[5];
	struct host h;
	int ret = host_setup(&h, env);

	if (ret)
		return ret;
	*word = 7;
	CHECK_EQ(mem_send(&h, FFA_MEM_SHARE_64, &spec, &r, &handle), 0);
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_SPIN_UNTIL, handle, ID_HOST, 3, 100,
		    out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], 1);
	CHECK_EQ(out[2], 7);
	*word = 0;
	CHECK_EQ(tp(&h, ID_TEST, TP_CMD_SPIN_UNTIL, handle, ID_HOST, 3, 100,
		    out), 0);
	CHECK_EQ(out[0], 0);
	CHECK_EQ(out[1], 100);
	CHECK_EQ(out[2], 0);
	CHECK_EQ(ffa_mem_reclaim(h.c, handle, 0), 0);
	return 0;
}

/* ---- the runtime around each scenario ---- */

static int add(const char *name, ffa_entry_fn entry)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s.dtb", MANIFEST_DIR, name);
	return ffa_host_add_file(runtime, path, entry, NULL);
}

static void run_scenario(ffa_entry_fn host_main)
{
	const struct ffa_host_config cfg = { .mem_size = MEM_SIZE };
	const char *why = NULL;
	int line;

	runtime = ffa_host_create(&cfg);
	assert_non_null(runtime);
	assert_int_equal(add("test-partition", ffa_test_partition_main), 0);
	assert_int_equal(add("echo", ffa_echo_partition_main), 0);
	assert_int_equal(add("twin-a", ffa_test_partition_main), 0);
	assert_int_equal(add("twin-b", ffa_test_partition_main), 0);
	assert_int_equal(add("host", host_main), 0);
	failure[0] = '\0';
	line = ffa_host_run(runtime);
	if (line != 0)
		fail_msg("host main failed at %s", failure[0] ? failure :
			 "(no check: a call failed)");
	if (spm_check_invariants(ffa_host_spm(runtime), &why) != 0)
		fail_msg("invariant broken: %s", why);
	ffa_host_destroy(runtime);
}

#define SCENARIO(name)						\
	static void test_##name(void **state)			\
	{							\
		(void)state;					\
		run_scenario(scenario_##name);			\
	}

SCENARIO(discovery)
SCENARIO(messages)
SCENARIO(share_two_borrowers)
SCENARIO(lend_faults)
SCENARIO(donate)
SCENARIO(notifications)
SCENARIO(indirect)
SCENARIO(perm)
SCENARIO(misbehave)
SCENARIO(fp_host)
SCENARIO(spin)
SCENARIO(spin_until)
SCENARIO(fault_host)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discovery),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_share_two_borrowers),
		cmocka_unit_test(test_lend_faults),
		cmocka_unit_test(test_donate),
		cmocka_unit_test(test_notifications),
		cmocka_unit_test(test_indirect),
		cmocka_unit_test(test_perm),
		cmocka_unit_test(test_misbehave),
		cmocka_unit_test(test_fp_host),
		cmocka_unit_test(test_spin),
		cmocka_unit_test(test_spin_until),
		cmocka_unit_test(test_fault_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
