// SPDX-License-Identifier: BSD-3-Clause
/*
 * Lending a page to the test partition, through lib/'s client calls
 * (the same code Linux-side users of lib/ run): after FFA_MEM_LEND the
 * page is gone from our stage-2 (a touch is an external abort), the
 * partition retrieves it into its own stage-2, fills it and
 * relinquishes it, and after FFA_MEM_RECLAIM it is ours again with the
 * partition's bytes in it.
 */
#include <ffa/func.h>
#include <ffa/mem.h>
#include <ffa/misc.h>
#include <ffa/version.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <partitions/test_client.h>

#include "el1-hello.h"

#define SELF		0
#define TEST_SP		0x8001
#define TAG		9
#define PATTERN		0x5a
#define EC_DABT_CUR	0x25
/* Where the test partition's image starts in its region (sp.ld). */
#define SP_CODE_OFFSET	0x2000
#define ABORTED		0xfffffff8U	/* FFA_RET_ABORTED in w2 */

/* The HVC conduit of the partitions (firmware/sp/sp-conduit.S). */
void sp_hvc(void *ctx, struct ffa_regs *r);

static const struct ffa_conduit hvc = { .call = sp_hvc };
static uint8_t tx[4096] __attribute__((aligned(4096)));
static uint8_t rx[4096] __attribute__((aligned(4096)));
static uint8_t page[4096] __attribute__((aligned(4096)));

static void one_range(void *ctx, uint32_t i, uint64_t *addr,
		      uint32_t *pages)
{
	(void)ctx;
	(void)i;
	*addr = (uintptr_t)page;
	*pages = 1;
}

static bool page_faults(void)
{
	probe((uintptr_t)page + 100, false);
	return (hello_exc.esr >> 26) == EC_DABT_CUR;
}

static int lend(uint64_t *handle)
{
	const struct ffa_mem_access to = {
		.receiver_id = TEST_SP, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = SELF, .tag = TAG },
		.access = &to, .nr_access = 1, .total_pages = 1,
		.nr_ranges = 1,
	};

	return ffa_mem_send_stream(&hvc, FFA_MEM_LEND_64, tx, sizeof(tx),
				   &spec, one_range, NULL, handle);
}

void check_lend(void)
{
	const uint64_t args[5] = {
		TP_CMD_MEM_RETRIEVE, 0, SELF, TAG,
		TP_MEM_WRITE | TP_MEM_RELINQUISH | (PATTERN << 8),
	};
	uint64_t req[5], out[5] = { 1 }, handle = 0;
	int ret;

	for (int i = 0; i < 5; i++)
		req[i] = args[i];
	ret = ffa_rxtx_map(&hvc, (uintptr_t)tx, (uintptr_t)rx, 1, true);
	check(!ret, "lib: FFA_RXTX_MAP_64", (uint64_t)ret);
	ret = lend(&handle);
	check(!ret, "lib: FFA_MEM_LEND_64 of a page to 0x8001",
	      (uint64_t)ret);
	check(page_faults(), "the lent page is gone from our stage-2",
	      hello_exc.esr);
	req[1] = handle;
	ret = tp_call(&hvc, SELF, TEST_SP, req, out);
	check(!ret && out[0] == 0, "the partition retrieved, wrote and "
	      "relinquished it", out[0]);
	check(page_faults(), "relinquished is not reclaimed: still gone",
	      hello_exc.esr);
	ret = ffa_mem_reclaim(&hvc, handle, 0);
	check(!ret && !page_faults(), "FFA_MEM_RECLAIM gives it back",
	      (uint64_t)ret);
	check(page[0] == PATTERN && page[4095] == PATTERN,
	      "with the partition's bytes in it", page[0]);
	ret = ffa_rxtx_unmap(&hvc, SELF);
	check(!ret, "lib: FFA_RXTX_UNMAP", (uint64_t)ret);
}

/*
 * The partition takes execute permission away from its own first code
 * page (FFA_MEM_PERM_SET, through our request); its next instruction
 * fetch there faults at stage-2 and, as it has no exception vector to
 * take an abort at, the firmware stops it: our pending request ends in
 * FFA_ERROR(ABORTED), later ones fail, and we go on.
 */
void check_partition_abort(void)
{
	const uint64_t args[5] = {
		TP_CMD_MEM_PERM, SP_CODE_OFFSET, FFA_MEM_PERM_RW,
	};
	struct ffa_regs r;
	uint64_t out[5];
	int ret;

	ret = tp_call(&hvc, SELF, TEST_SP, args, out);
	check(ret == FFA_RET_ABORTED, "a partition that faults is aborted; "
	      "its caller gets ABORTED", (uint64_t)ret);
	ffa_regs_init(&r, FFA_MSG_SEND_DIRECT_REQ_32);
	r.x[1] = TEST_SP;
	r.x[3] = TP_CMD_ECHO;
	sp_hvc(NULL, &r);
	check(r.x[0] == FFA_ERROR, "requests to the aborted partition fail",
	      r.x[2]);
}
