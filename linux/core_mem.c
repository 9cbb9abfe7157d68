// SPDX-License-Identifier: GPL-2.0
/*
 * Memory transactions: lib/'s builder writes the descriptor straight
 * into TX and lib/'s stream sends it fragment by fragment (MEM_SHARE/
 * LEND/DONATE, then MEM_FRAG_TX), taking constituents from the caller's
 * scatterlist one at a time: nothing is copied or allocated, whatever
 * the size.
 *
 * Shares and lends not yet reclaimed are remembered by handle, so that
 * unloading the driver reclaims what its users left behind (they are
 * gone by then: they depend on our symbols) and no page stays out of
 * Linux's hands. A donation is not remembered: it is not ours to take
 * back.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <linux/xarray.h>

#include <ffa/func.h>
#include <ffa/mem.h>
#include <libffa/client.h>
#include <libffa/errno.h>
#include <libffa/mem_desc.h>

#include "core_priv.h"

static_assert(FFA_CORE_MEM_MAX_ACCESS == FFA_MEM_MAX_ACCESS);

/* FF-A counts memory in 4 KiB pages whatever the kernel's PAGE_SIZE. */
#define FFA_MEM_PAGE	4096U

/*
 * The stream asks for constituent i in order, and for the same i again
 * when a fragment filled up: a cursor on the scatterlist serves both.
 */
struct sg_cursor {
	struct scatterlist *sg;
	u32 index;
};

static void sg_source(void *ctx, u32 i, u64 *addr, u32 *pages)
{
	struct sg_cursor *cur = ctx;

	if (i == cur->index + 1) {
		cur->sg = sg_next(cur->sg);
		cur->index = i;
	}
	*addr = sg_phys(cur->sg);
	*pages = cur->sg->length / FFA_MEM_PAGE;
}

/* Count the constituents and pages of sg; -EINVAL when one is unfit. */
static int sg_measure(struct scatterlist *sg, u32 *nr, u32 *pages)
{
	u64 total = 0;

	for (*nr = 0; sg; sg = sg_next(sg), (*nr)++) {
		if (!sg->length || sg->length % FFA_MEM_PAGE ||
		    sg_phys(sg) % FFA_MEM_PAGE)
			return -EINVAL;
		total += sg->length / FFA_MEM_PAGE;
	}
	if (!*nr || total > U32_MAX)
		return -EINVAL;
	*pages = total;
	return 0;
}

/* Outstanding shares and lends: handle -> xa_mk_value(0). */
static DEFINE_XARRAY(mem_handles);

static const u32 mem_fids[] = {
	[FFA_CORE_MEM_SHARE] = FFA_MEM_SHARE_64,
	[FFA_CORE_MEM_LEND] = FFA_MEM_LEND_64,
	[FFA_CORE_MEM_DONATE] = FFA_MEM_DONATE_64,
};

int ffa_core_mem_send(const struct ffa_core_mem_req *req, u64 *handle)
{
	struct sg_cursor cur = { .sg = req->sg };
	u32 nr, pages;
	int rc = sg_measure(req->sg, &nr, &pages);

	if (rc)
		return rc;
	return ffa_core_mem_send_src(req, sg_source, &cur, nr, pages, handle);
}

int ffa_core_mem_send_src(const struct ffa_core_mem_req *req,
			  ffa_range_source src, void *ctx, u32 nr_ranges,
			  u32 total_pages, u64 *handle)
{
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	struct ffa_mtd_spec spec = {
		.version = ffa_core.version,
		.hdr = {
			.sender_id = ffa_core.own_id,
			.flags = req->flags,
			.tag = req->tag,
		},
		.access = access,
		.nr_access = req->nr_access,
		.nr_ranges = nr_ranges,
		.total_pages = total_pages,
	};
	u32 i;
	int rc;

	if (req->op >= ARRAY_SIZE(mem_fids) || !req->nr_access ||
	    req->nr_access > FFA_MEM_MAX_ACCESS)
		return -EINVAL;
	/*
	 * Memory mapped in several places (a share, a lend to several)
	 * states its attributes; a lend to one or a donate leaves them to
	 * the borrower (FF-A: the sender must not specify them then).
	 */
	if (req->op == FFA_CORE_MEM_SHARE ||
	    (req->op == FFA_CORE_MEM_LEND && req->nr_access > 1))
		spec.hdr.attributes = FFA_MEM_ATTR_NORMAL_WB_IS;
	for (i = 0; i < req->nr_access; i++) {
		access[i] = (struct ffa_mem_access){
			.receiver_id = req->access[i].receiver,
			.perms = req->access[i].perms,
			.flags = req->access[i].flags,
		};
		memcpy(access[i].impdef, req->access[i].impdef,
		       sizeof(access[i].impdef));
	}
	mutex_lock(&ffa_core.buf_lock);
	rc = ffa_mem_send_stream(&ffa_core.conduit, mem_fids[req->op],
				 ffa_core.tx, ffa_core.buf_size, &spec,
				 src, ctx, handle);
	mutex_unlock(&ffa_core.buf_lock);
	if (rc)
		return ffa_status_to_errno(rc);
	/* Untracked, it could not be reclaimed at unload: say so. */
	if (req->op != FFA_CORE_MEM_DONATE &&
	    xa_err(xa_store(&mem_handles, *handle, xa_mk_value(0), GFP_KERNEL)))
		pr_warn("share 0x%llx is not reclaimed at unload\n", *handle);
	return 0;
}

int ffa_core_mem_reclaim(u64 handle, u32 flags)
{
	int rc = ffa_mem_reclaim(&ffa_core.conduit, handle, flags);

	if (!rc)
		xa_erase(&mem_handles, handle);
	return ffa_status_to_errno(rc);
}

void ffa_core_mem_exit(void)
{
	unsigned long handle;
	void *entry;
	int rc;

	xa_for_each(&mem_handles, handle, entry) {
		rc = ffa_mem_reclaim(&ffa_core.conduit, handle, 0);
		if (rc)
			pr_err("share 0x%lx left by a user: reclaim %d, its pages stay with the borrower\n",
			       handle, rc);
		else
			pr_warn("share 0x%lx left by a user: reclaimed\n",
				handle);
	}
	xa_destroy(&mem_handles);
}
