// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory from the lender's side: one page of the partition's own memory
 * shared, lent or donated to another endpoint (TP_CMD_MEM_SEND), and
 * reclaimed (TP_CMD_MEM_RECLAIM). A page lent or donated is gone from
 * the partition until it is reclaimed (or for good): touching it is a
 * fault (TP_CMD_TOUCH).
 */
#include <ffa/func.h>
#include <ffa/mem.h>
#include <libffa/mem_desc.h>
#include "test.h"

static void one_page(void *ctx, uint32_t i, uint64_t *addr, uint32_t *pages)
{
	(void)i;
	*addr = *(const uint64_t *)ctx;
	*pages = 1;
}

/*
 * What each transaction must say (ffa-abi's send rules): SHARE and LEND
 * name the data access, DONATE does not; only SHARE names the memory
 * attributes.
 */
static int send_fid(uint64_t op, struct ffa_mem_access *to, uint16_t *attrs,
		    uint32_t *fid)
{
	switch (op) {
	case TP_SEND_SHARE:
		*fid = FFA_MEM_SHARE_64;
		to->perms = FFA_MEM_DATA_RW;
		*attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
		return 0;
	case TP_SEND_LEND:
		*fid = FFA_MEM_LEND_64;
		to->perms = FFA_MEM_DATA_RW;
		return 0;
	case TP_SEND_DONATE:
		*fid = FFA_MEM_DONATE_64;
		return 0;
	}
	return FFA_RET_INVALID_PARAMETERS;
}

/* A page of its own working memory: past TX and RX, inside the region. */
static bool own_page(const struct tp *t, uint64_t offset)
{
	uint64_t size = t->self.env->mem_size;

	return offset % FFA_PAGE_SIZE == 0 && offset >= PT_WORK_OFFSET &&
	       offset < size && size - offset >= FFA_PAGE_SIZE;
}

void tp_mem_send(struct tp *t, const uint64_t *args,
		 struct ffa_direct_msg *resp)
{
	struct ffa_mem_access to = { .receiver_id = (uint16_t)args[2] };
	struct ffa_mtd_spec spec = {
		.version = t->self.version,
		.hdr = { .sender_id = t->self.id },
		.access = &to, .nr_access = 1, .total_pages = 1, .nr_ranges = 1,
	};
	uint64_t page = t->self.env->mem_base + args[1], handle = 0;
	uint32_t fid = 0;
	int ret = send_fid(args[3], &to, &spec.hdr.attributes, &fid);

	if (!ret && (!own_page(t, args[1]) || args[2] > 0xffffU))
		ret = FFA_RET_INVALID_PARAMETERS;
	if (!ret)
		ret = ffa_mem_send_stream(t->self.c, fid, t->self.tx,
					  PT_MAILBOX_SIZE, &spec, one_page,
					  &page, &handle);
	resp->args[0] = tp_status(ret);
	resp->args[1] = handle;
	resp->args[2] = ret ? 0 : page;
}

void tp_mem_reclaim(struct tp *t, const uint64_t *args,
		    struct ffa_direct_msg *resp)
{
	resp->args[0] = tp_status(ffa_mem_reclaim(t->self.c, args[1], 0));
}
