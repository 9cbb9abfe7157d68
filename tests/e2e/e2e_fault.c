// SPDX-License-Identifier: GPL-2.0
/*
 * A partition's stage-2 fault, from Linux's seat: we lend the test
 * partition a page; it installs its EL1 vectors (TP_CMD_VECTORS),
 * retrieves and relinquishes the page, then reads it again
 * (TP_CMD_TOUCH). The firmware delivers a synchronous external abort at
 * the partition's own vector; its handler records ESR/FAR, steps over
 * the load, and the partition answers; a later request still works, and
 * the page comes back with a reclaim.
 */
#include "e2e.h"

#include <linux/gfp.h>
#include <linux/mm.h>

/* ESR_EL1 of a read abort: EC 0x25 (same EL), IL, FSC 0x10. */
#define E2E_SEA_READ	((0x25ULL << 26) | (1ULL << 25) | 0x10)

static int e2e_vectors(struct e2e *t, u64 mode)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_VECTORS, .data1 = mode,
	};
	int ret = e2e_call(t, &d);

	return ret ? ret : (int)(s64)d.data0;
}

static void e2e_fault_blocked(struct e2e *t, const char *why)
{
	e2e_blocked(t, "it retrieves and relinquishes a lent page", why);
	e2e_blocked(t, "reading it again, it takes an external abort", why);
	e2e_blocked(t, "... and answers the next request", why);
	e2e_blocked(t, "reclaim the page", why);
}

/* The page is lent; the partition loses it and touches it. */
static void e2e_fault_touch(struct e2e *t, u64 handle, u64 addr)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_MEM_RETRIEVE, .data1 = handle,
		.data2 = e2e_host_id, .data3 = 0,
		.data4 = TP_MEM_NO_TOUCH | TP_MEM_RELINQUISH,
	};
	int ret = e2e_call(t, &d);

	e2e_ok(t, !ret && d.data0 == 0 && d.data2 == 1,
	       "it retrieves and relinquishes a lent page (ret %d, status %ld)",
	       ret, (long)d.data0);
	d = (struct ffa_send_direct_data){
		.data0 = TP_CMD_TOUCH, .data1 = addr, .data2 = TP_TOUCH_READ,
	};
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == 1 &&
	       d.data2 == E2E_SEA_READ && d.data3 == addr,
	       "reading it again, it takes an external abort at its own vector (ret %d, aborts %lu, ESR %#lx, FAR %#lx)",
	       ret, d.data1, d.data2, d.data3);
	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_ECHO,
					   .data1 = 0x600d };
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == 0x600d,
	       "... and answers the next request (ret %d)", ret);
}

void e2e_fault(struct e2e *t)
{
	struct page *page = alloc_page(GFP_KERNEL);
	u64 handle;
	int ret;

	if (!page) {
		e2e_ok(t, false, "the partition installs its EL1 vectors");
		e2e_fault_blocked(t, "no page");
		return;
	}
	ret = e2e_vectors(t, TP_VEC_SKIP);
	e2e_ok(t, !ret, "the partition installs its EL1 vectors (%d)", ret);
	ret = e2e_send(t, true, page, FFA_PAGE_SIZE, &handle);
	if (ret) {
		e2e_fault_blocked(t, "lend failed");
		__free_page(page);
		return;
	}
	e2e_fault_touch(t, handle, page_to_phys(page));
	/* Leave it as the other tests found it: no vectors. */
	e2e_vectors(t, TP_VEC_NONE);
	ret = e2e_reclaim(t, handle);
	e2e_ok(t, !ret, "reclaim the page (ret %d)", ret);
	/* Not reclaimed: it may still be lent; leak it. */
	if (!ret)
		__free_page(page);
}
