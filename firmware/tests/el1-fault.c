// SPDX-License-Identifier: BSD-3-Clause
/*
 * el1-fault: partitions that touch memory they no longer have, seen from
 * Linux's seat (firmware/README.md, "A partition's stage-2 fault").
 *
 * The test partition (0x8001) installs its vectors and touches, in turn,
 * a page it retrieved and relinquished, the byte past a page it holds,
 * a page it retrieved read-only (a write), and pages of its own it lent
 * and donated away: each time it takes the external abort at its own
 * vector (the ESR_EL1, FAR_EL1 and ELR_EL1 its handler recorded are
 * checked), steps over the access and answers; a later request still
 * works. A page it only shared, or got back, does not fault.
 *
 * Then one partition per case that cannot take the abort is aborted and
 * its requester (us) gets ABORTED: twin-a, which has no vector; twin-b,
 * whose handler faults; 0x8005 (the package run-qemu loads), whose
 * manifest says abort-on-fault though it has a handler; and 0x8001,
 * whose handler returns to the access it cannot fix. Every page we lent
 * comes back with FFA_MEM_RECLAIM.
 */
#include <ffa/func.h>
#include <ffa/mem.h>
#include <ffa/version.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <partitions/test_client.h>

#include "el1-hello.h"

void hello_main(uint64_t dtb);

#define SELF		0
#define TEST_SP		0x8001
#define ECHO_SP		0x8002
#define TWIN_A		0x8003
#define TWIN_B		0x8004
#define ABORT_SP	0x8005	/* tests/fault-abort.dts */
#define TAG		0x7a6
/* The test partition's image (test-partition.dts) and free pages. */
#define SP_IMAGE	0x45002000UL
#define SP_REGION_END	0x45100000UL
#define SP_FREE_PAGE	0xf0000UL	/* offsets in its region */

#define ESR_EC_SHIFT	26
#define EC_IABT_CUR	0x21
#define EC_DABT_CUR	0x25
#define ESR_IL		(1ULL << 25)
#define ESR_WNR		(1ULL << 6)
#define FSC_SEA		0x10

static const struct ffa_conduit hvc = { .call = sp_hvc };
static uint8_t tx[4096] __attribute__((aligned(4096)));
static uint8_t rx[4096] __attribute__((aligned(4096)));
/* Pages we lend: page[n + 1] is never sent, so n's end is a boundary. */
static uint8_t page[4][4096] __attribute__((aligned(4096)));

static uint64_t addr_of(unsigned int n)
{
	return (uintptr_t)page[n];
}

static int cmd(uint16_t dst, const uint64_t args[5], uint64_t out[5])
{
	for (int i = 0; i < 5; i++)
		out[i] = 0;
	return tp_call(&hvc, SELF, dst, args, out);
}

/* A command that must succeed; out[] its answer. */
static bool cmd_ok(uint16_t dst, const uint64_t args[5], uint64_t out[5])
{
	return cmd(dst, args, out) == 0 && out[0] == 0;
}

static bool alive(uint16_t dst)
{
	const uint64_t args[5] = { TP_CMD_ECHO, 0x11, 0x22, 0x33, 0x44 };
	uint64_t out[5];

	return cmd_ok(dst, args, out) && out[1] == 0x11 && out[4] == 0x44;
}

/* The echo service sends back every word, the command's too. */
static bool echo_answers(void)
{
	const uint64_t args[5] = { TP_CMD_ECHO, 0x11, 0x22, 0x33, 0x44 };
	uint64_t out[5];

	return cmd(ECHO_SP, args, out) == 0 && out[0] == TP_CMD_ECHO &&
	       out[1] == 0x11 && out[4] == 0x44;
}

static void one_range(void *ctx, uint32_t i, uint64_t *addr,
		      uint32_t *pages)
{
	(void)i;
	*addr = *(const uint64_t *)ctx;
	*pages = 1;
}

/* LEND (data RW or RO) or SHARE (RO) one page of ours to `to`. */
static uint64_t send(uint32_t fid, uint64_t addr, uint16_t to, uint8_t perms)
{
	const struct ffa_mem_access acc = { .receiver_id = to,
					    .perms = perms };
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = SELF, .tag = TAG,
			 .attributes = fid == FFA_MEM_SHARE_64 ?
				       FFA_MEM_ATTR_NORMAL_WB_IS : 0 },
		.access = &acc, .nr_access = 1, .total_pages = 1,
		.nr_ranges = 1,
	};
	uint64_t handle = 0;
	int ret = ffa_mem_send_stream(&hvc, fid, tx, sizeof(tx), &spec,
				      one_range, &addr, &handle);

	check(ret == 0, fid == FFA_MEM_SHARE_64 ? "we share a page" :
						  "we lend a page", addr);
	return handle;
}

/* dst retrieves handle from owner; TP_MEM_* flags. */
static bool retrieve(uint16_t dst, uint64_t handle, uint16_t owner,
		     uint64_t tag, uint64_t flags)
{
	const uint64_t args[5] = { TP_CMD_MEM_RETRIEVE, handle, owner, tag,
				   flags };
	uint64_t out[5];

	return cmd_ok(dst, args, out) && out[2] == 1;
}

static bool relinquish(uint16_t dst, uint64_t handle)
{
	const uint64_t args[5] = { TP_CMD_MEM_RELINQUISH, handle };
	uint64_t out[5];

	return cmd_ok(dst, args, out);
}

static void reclaim(uint64_t handle)
{
	int ret = ffa_mem_reclaim(&hvc, handle, 0);

	check(ret == 0, "FFA_MEM_RECLAIM: the page is ours again",
	      (uint64_t)ret);
}

static int touch(uint16_t dst, uint64_t addr, uint64_t how, uint64_t out[5])
{
	const uint64_t args[5] = { TP_CMD_TOUCH, addr, how };

	return cmd(dst, args, out);
}

static uint64_t sea_esr(unsigned int ec, bool write)
{
	return ((uint64_t)ec << ESR_EC_SHIFT) | ESR_IL |
	       (write ? ESR_WNR : 0) | FSC_SEA;
}

/*
 * The test partition touches addr: its handler took exactly one abort,
 * with these exact ESR_EL1 and FAR_EL1 and ELR_EL1 at the access (in
 * its image; the address itself for a branch); then it still answers.
 */
static void expect_handled(uint64_t addr, uint64_t how, const char *what)
{
	unsigned int ec = how == TP_TOUCH_EXEC ? EC_IABT_CUR : EC_DABT_CUR;
	uint64_t out[5];
	int ret = touch(TEST_SP, addr, how, out);
	bool elr_ok = how == TP_TOUCH_EXEC ? out[4] == addr :
			out[4] >= SP_IMAGE && out[4] < SP_REGION_END;

	check(ret == 0 && out[0] == 0 && out[1] == 1 &&
	      out[2] == sea_esr(ec, how == TP_TOUCH_WRITE) &&
	      out[3] == addr && elr_ok, what, ret ? (uint64_t)ret : out[2]);
	check(alive(TEST_SP), "... and it answers the next request", 0);
}

static void expect_no_fault(uint16_t dst, uint64_t addr, uint64_t how,
			    const char *what)
{
	uint64_t out[5];
	int ret = touch(dst, addr, how, out);

	check(ret == 0 && out[0] == 0 && out[1] == 0, what,
	      ret ? (uint64_t)ret : out[1]);
}

static void expect_aborted(uint16_t dst, uint64_t addr, const char *what)
{
	uint64_t out[5];
	int ret = touch(dst, addr, TP_TOUCH_READ, out);

	check(ret == FFA_RET_ABORTED, what, (uint64_t)ret);
	check(!alive(dst), "... and later requests to it fail", dst);
}

static void set_vectors(uint16_t dst, uint64_t mode)
{
	const uint64_t args[5] = { TP_CMD_VECTORS, mode };
	uint64_t out[5];

	check(cmd_ok(dst, args, out), "the partition installs its vectors",
	      mode);
}

/* A page dst retrieved and relinquished: it is ours (lent) and not its. */
static uint64_t lost_page(uint16_t dst, unsigned int n)
{
	uint64_t handle = send(FFA_MEM_LEND_64, addr_of(n), dst,
			       FFA_MEM_DATA_RW);

	check(retrieve(dst, handle, SELF, TAG,
		       TP_MEM_NO_TOUCH | TP_MEM_RELINQUISH),
	      "the partition retrieves and relinquishes it", dst);
	return handle;
}

static void after_relinquish(void)
{
	uint64_t handle = lost_page(TEST_SP, 0);

	expect_handled(addr_of(0), TP_TOUCH_READ,
		       "relinquished, read: an abort at its vector");
	expect_handled(addr_of(0) + 100, TP_TOUCH_WRITE,
		       "relinquished, write: an abort with WnR");
	expect_handled(addr_of(0), TP_TOUCH_EXEC,
		       "relinquished, a branch to it: an instruction abort");
	reclaim(handle);
}

static void past_the_end(void)
{
	uint64_t handle = send(FFA_MEM_LEND_64, addr_of(0), TEST_SP,
			       FFA_MEM_DATA_RW);

	check(retrieve(TEST_SP, handle, SELF, TAG, TP_MEM_NO_TOUCH),
	      "the partition retrieves one page", handle);
	expect_no_fault(TEST_SP, addr_of(0) + 4095, TP_TOUCH_READ,
			"its last byte is the partition's");
	expect_handled(addr_of(1), TP_TOUCH_READ,
		       "the byte past it: an abort at its vector");
	check(relinquish(TEST_SP, handle), "it relinquishes the page", 0);
	reclaim(handle);
}

static void read_only(void)
{
	uint64_t handle;

	page[2][0] = 0x77;
	handle = send(FFA_MEM_SHARE_64, addr_of(2), TEST_SP, FFA_MEM_DATA_RO);
	check(retrieve(TEST_SP, handle, SELF, TAG, 0),
	      "the partition retrieves a read-only share", handle);
	expect_no_fault(TEST_SP, addr_of(2), TP_TOUCH_READ,
			"it reads the read-only page");
	expect_handled(addr_of(2), TP_TOUCH_WRITE,
		       "a write to it: an abort with WnR");
	check(relinquish(TEST_SP, handle), "it relinquishes the share", 0);
	reclaim(handle);
	check(page[2][0] == 0x77, "the write did not land", page[2][0]);
}

/* The partition sends page off of its own memory: handle, address. */
static bool sp_send(uint64_t off, uint64_t how, uint64_t out[5])
{
	const uint64_t args[5] = { TP_CMD_MEM_SEND, off, TWIN_A, how };

	return cmd_ok(TEST_SP, args, out) && out[2] != 0;
}

static void sent_away(void)
{
	const uint64_t reclaim_args[5] = { TP_CMD_MEM_RECLAIM };
	uint64_t out[5], args[5], lent, donated, shared;

	check(sp_send(SP_FREE_PAGE, TP_SEND_LEND, out),
	      "the partition lends a page of its own to twin-a", out[0]);
	lent = out[2];
	expect_handled(lent, TP_TOUCH_READ,
		       "the page it lent: an abort at its vector");
	for (int i = 0; i < 5; i++)
		args[i] = reclaim_args[i];
	args[1] = out[1];
	check(cmd_ok(TEST_SP, args, out), "it reclaims the page", out[0]);
	expect_no_fault(TEST_SP, lent, TP_TOUCH_WRITE,
			"reclaimed, it is the partition's again");

	check(sp_send(SP_FREE_PAGE + 0x1000, TP_SEND_DONATE, out),
	      "the partition donates a page of its own to twin-a", out[0]);
	donated = out[2];
	expect_handled(donated, TP_TOUCH_WRITE,
		       "the page it donated: an abort at its vector");
	check(retrieve(TWIN_A, out[1], TEST_SP, 0, TP_MEM_NO_TOUCH),
	      "twin-a retrieves the donation", out[1]);
	expect_handled(donated, TP_TOUCH_READ,
		       "donated and retrieved: still an abort");

	check(sp_send(SP_FREE_PAGE + 0x2000, TP_SEND_SHARE, out),
	      "the partition shares a page of its own with twin-a", out[0]);
	shared = out[2];
	expect_no_fault(TEST_SP, shared, TP_TOUCH_WRITE,
			"a page it only shared is still its own");
	args[1] = out[1];
	check(cmd_ok(TEST_SP, args, out), "it reclaims the share", out[0]);
}

static void handled(void)
{
	const uint64_t count[5] = { TP_CMD_VECTORS, TP_VEC_SKIP };
	uint64_t out[5];

	set_vectors(TEST_SP, TP_VEC_SKIP);
	expect_no_fault(TEST_SP, 0x45000000UL + SP_FREE_PAGE - 0x1000,
			TP_TOUCH_READ, "its own memory does not fault");
	after_relinquish();
	past_the_end();
	read_only();
	sent_away();
	check(cmd_ok(TEST_SP, count, out) && out[1] == 8,
	      "its handler counted 8 aborts", out[1]);
}

/* Each partition that cannot take the abort is aborted. */
static void cannot_take_it(uint16_t dst, uint64_t mode, const char *what)
{
	uint64_t handle;

	if (mode != TP_VEC_NONE)
		set_vectors(dst, mode);
	handle = lost_page(dst, 0);
	expect_aborted(dst, addr_of(0), what);
	reclaim(handle);
}

void hello_main(uint64_t dtb)
{
	int ret;

	(void)dtb;
	el1_test_start("el1-fault");
	ret = ffa_rxtx_map(&hvc, (uintptr_t)tx, (uintptr_t)rx, 1, true);
	check(ret == 0, "FFA_RXTX_MAP_64", (uint64_t)ret);
	handled();
	cannot_take_it(TWIN_A, TP_VEC_NONE,
		       "twin-a, no vector: aborted, we get ABORTED");
	cannot_take_it(TWIN_B, TP_VEC_FAULT,
		       "twin-b, its handler faults: aborted");
	cannot_take_it(ABORT_SP, TP_VEC_SKIP,
		       "0x8005, manifest abort-on-fault: aborted");
	cannot_take_it(TEST_SP, TP_VEC_RETRY,
		       "0x8001, its handler retries the access: aborted");
	check(echo_answers(), "the echo service still answers", 0);
	el1_test_end();
}
