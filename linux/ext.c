// SPDX-License-Identifier: GPL-2.0
/*
 * <linux/ffa_more.h>: what ffa.ko offers beyond 6.12's <linux/arm_ffa.h>
 * (REQ2, DONATE, several borrowers, streamed transactions of any size
 * from a scatterlist or a page array, indirect messages received),
 * exported over the core. Neutral: the header and core.h only.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/build_bug.h>
#include <linux/ffa_more.h>

#include "core.h"

static_assert(FFA_MORE_REQ_WORDS == FFA_CORE_DIRECT_WORDS);
static_assert(FFA_MORE_REQ2_WORDS == FFA_CORE_DIRECT2_WORDS);
static_assert(FFA_MORE_MAX_BORROWERS == FFA_CORE_MEM_MAX_ACCESS);
static_assert((int)FFA_MORE_MEM_SHARE == (int)FFA_CORE_MEM_SHARE);
static_assert((int)FFA_MORE_MEM_LEND == (int)FFA_CORE_MEM_LEND);
static_assert((int)FFA_MORE_MEM_DONATE == (int)FFA_CORE_MEM_DONATE);

u32 ffa_more_version(void)
{
	return ffa_core_version();
}
EXPORT_SYMBOL_GPL(ffa_more_version);

u16 ffa_more_own_id(void)
{
	return ffa_core_own_id();
}
EXPORT_SYMBOL_GPL(ffa_more_own_id);

int ffa_more_direct_req(u16 dst, bool mode_32bit,
			u64 data[FFA_MORE_REQ_WORDS])
{
	return ffa_core_direct_req(dst, mode_32bit, data);
}
EXPORT_SYMBOL_GPL(ffa_more_direct_req);

int ffa_more_direct_req2(u16 dst, const uuid_t *uuid,
			 u64 data[FFA_MORE_REQ2_WORDS])
{
	return ffa_core_direct_req2(dst, uuid, data);
}
EXPORT_SYMBOL_GPL(ffa_more_direct_req2);

int ffa_more_msg_send(u16 dst, const void *buf, size_t size)
{
	return ffa_core_indirect_send(dst, buf, size);
}
EXPORT_SYMBOL_GPL(ffa_more_msg_send);

int ffa_more_msg_register(u16 sender, ffa_more_msg_cb cb, void *data)
{
	return ffa_core_msg_register(sender, cb, data);
}
EXPORT_SYMBOL_GPL(ffa_more_msg_register);

void ffa_more_msg_unregister(u16 sender)
{
	ffa_core_msg_unregister(sender);
}
EXPORT_SYMBOL_GPL(ffa_more_msg_unregister);

/* The core's request for m: the borrowers copied into acc. */
static int more_req(const struct ffa_more_mem *m,
		    struct ffa_core_mem_access acc[FFA_CORE_MEM_MAX_ACCESS],
		    struct ffa_core_mem_req *req)
{
	u32 i;

	if (!m->nr_borrowers || m->nr_borrowers > FFA_MORE_MAX_BORROWERS ||
	    (unsigned int)m->op > FFA_MORE_MEM_DONATE)
		return -EINVAL;
	for (i = 0; i < m->nr_borrowers; i++)
		acc[i] = (struct ffa_core_mem_access){
			.receiver = m->borrowers[i].id,
			.perms = m->borrowers[i].perms,
			.flags = m->borrowers[i].flags,
		};
	*req = (struct ffa_core_mem_req){
		.op = (enum ffa_core_mem_op)m->op,
		.flags = m->flags,
		.tag = m->tag,
		.access = acc,
		.nr_access = m->nr_borrowers,
	};
	return 0;
}

int ffa_more_mem_send_sg(const struct ffa_more_mem *m, struct scatterlist *sg,
			 u64 *handle)
{
	struct ffa_core_mem_access acc[FFA_CORE_MEM_MAX_ACCESS];
	struct ffa_core_mem_req req;
	int rc = more_req(m, acc, &req);

	if (rc)
		return rc;
	req.sg = sg;
	return ffa_core_mem_send(&req, handle);
}
EXPORT_SYMBOL_GPL(ffa_more_mem_send_sg);

int ffa_more_mem_send_pages(const struct ffa_more_mem *m, struct page **pages,
			    size_t count, u64 *handle)
{
	struct ffa_core_mem_access acc[FFA_CORE_MEM_MAX_ACCESS];
	struct ffa_core_mem_req req;
	int rc = more_req(m, acc, &req);

	if (rc)
		return rc;
	return ffa_core_mem_send_pages(&req, pages, count, handle);
}
EXPORT_SYMBOL_GPL(ffa_more_mem_send_pages);

int ffa_more_mem_reclaim(u64 handle)
{
	return ffa_core_mem_reclaim(handle, 0);
}
EXPORT_SYMBOL_GPL(ffa_more_mem_reclaim);
