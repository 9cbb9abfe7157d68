// SPDX-License-Identifier: GPL-2.0
/*
 * Memory: a share the partition checksums, a lend it writes, each
 * retrieved and relinquished by the partition, then reclaimed.
 */
#include "e2e.h"

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>

#define E2E_SHARE_PAGES		2
#define E2E_LEND_PATTERN	0x5a
#define E2E_LEND_FILL		0xa5

/*
 * TP_CMD_MEM_RETRIEVE of @handle: the partition retrieves it, checksums
 * it, optionally fills it with @pattern, and relinquishes it.
 */
static int e2e_retrieve(struct e2e *t, u64 handle, u32 flags,
			struct ffa_send_direct_data *d)
{
	*d = (struct ffa_send_direct_data){
		.data0 = TP_CMD_MEM_RETRIEVE,
		.data1 = handle,
		.data2 = e2e_host_id,
		.data3 = 0,		/* tag */
		.data4 = flags,
	};
	return e2e_call(t, d);
}

int e2e_reclaim(struct e2e *t, u64 handle)
{
	return t->dev->ops->mem_ops->memory_reclaim(handle, 0);
}

/*
 * Share or lend [pages, pages + size) with the partition, RW, through the
 * TX buffer; 0 and *handle, or the driver's error.
 */
int e2e_send(struct e2e *t, bool lend, struct page *pages, size_t size,
	     u64 *handle)
{
	struct ffa_mem_region_attributes attr = {
		.receiver = t->dev->vm_id,
		.attrs = FFA_MEM_RW,
	};
	struct ffa_mem_ops_args args = {
		.use_txbuf = true,
		.attrs = &attr,
		.nattrs = 1,
		.flags = 0,
		.tag = 0,
	};
	const struct ffa_mem_ops *ops = t->dev->ops->mem_ops;
	struct scatterlist sg;
	int ret;

	sg_init_table(&sg, 1);
	sg_set_page(&sg, pages, size, 0);
	args.sg = &sg;
	ret = lend ? ops->memory_lend(&args) : ops->memory_share(&args);
	*handle = args.g_handle;
	return ret;
}

void e2e_share(struct e2e *t)
{
	const size_t size = E2E_SHARE_PAGES * FFA_PAGE_SIZE;
	struct ffa_send_direct_data d;
	struct page *pages;
	u64 handle, want;
	bool retrieved;
	u8 *buf;
	size_t i;
	int ret;

	pages = alloc_pages(GFP_KERNEL, get_order(size));
	if (!pages) {
		e2e_ok(t, false, "share %d pages: alloc_pages", E2E_SHARE_PAGES);
		e2e_blocked(t, "the partition retrieves the share", "no pages");
		e2e_blocked(t, "its checksum matches ours", "no pages");
		e2e_blocked(t, "reclaim the share", "no pages");
		return;
	}
	buf = page_address(pages);
	for (i = 0; i < size; i++)
		buf[i] = (u8)(i * 31 + (i >> 8) + 7);
	want = tp_fnv(TP_FNV_OFFSET, buf, size);

	ret = e2e_send(t, false, pages, size, &handle);
	if (!e2e_ok(t, !ret, "share %d pages with 0x%x (ret %d, handle %#llx)",
		    E2E_SHARE_PAGES, t->dev->vm_id, ret, handle)) {
		e2e_blocked(t, "the partition retrieves the share", "share failed");
		e2e_blocked(t, "its checksum matches ours", "share failed");
		e2e_blocked(t, "reclaim the share", "share failed");
		__free_pages(pages, get_order(size));
		return;
	}

	ret = e2e_retrieve(t, handle, TP_MEM_RELINQUISH, &d);
	retrieved = !ret && d.data0 == 0;
	e2e_ok(t, retrieved && d.data2 == E2E_SHARE_PAGES && d.data3 == 1,
	       "the partition retrieves and relinquishes the share (ret %d, status %ld, %lu pages, %lu ranges, %lu fragments)",
	       ret, (long)d.data0, d.data2, d.data3, d.data4);
	if (retrieved)
		e2e_ok(t, d.data1 == want,
		       "its checksum matches ours (%#lx, want %#llx)",
		       d.data1, want);
	else
		e2e_blocked(t, "its checksum matches ours", "retrieve failed");

	ret = e2e_reclaim(t, handle);
	e2e_ok(t, !ret, "reclaim the share (ret %d)", ret);
	/* Not reclaimed: the pages may be unmapped or in use; leak them. */
	if (!ret)
		__free_pages(pages, get_order(size));
}

void e2e_lend(struct e2e *t)
{
	struct ffa_send_direct_data d;
	struct page *page;
	u64 handle, want;
	bool retrieved;
	size_t i, bad;
	u8 *buf;
	int ret;

	page = alloc_pages(GFP_KERNEL, get_order(FFA_PAGE_SIZE));
	if (!page) {
		e2e_ok(t, false, "lend 1 page: alloc_pages");
		e2e_blocked(t, "the partition retrieves the lent page", "no page");
		e2e_blocked(t, "its checksum of the lent page matches ours",
			    "no page");
		e2e_blocked(t, "reclaim the lent page", "no page");
		e2e_blocked(t, "the page holds the partition's 0x5a", "no page");
		return;
	}
	buf = page_address(page);
	memset(buf, E2E_LEND_FILL, FFA_PAGE_SIZE);
	want = tp_fnv(TP_FNV_OFFSET, buf, FFA_PAGE_SIZE);

	ret = e2e_send(t, true, page, FFA_PAGE_SIZE, &handle);
	if (!e2e_ok(t, !ret, "lend 1 page to 0x%x (ret %d, handle %#llx)",
		    t->dev->vm_id, ret, handle)) {
		e2e_blocked(t, "the partition retrieves the lent page", "lend failed");
		e2e_blocked(t, "its checksum of the lent page matches ours",
			    "lend failed");
		e2e_blocked(t, "reclaim the lent page", "lend failed");
		e2e_blocked(t, "the page holds the partition's 0x5a", "lend failed");
		__free_pages(page, get_order(FFA_PAGE_SIZE));
		return;
	}

	/* The page is not ours until reclaimed: do not touch buf here. */
	ret = e2e_retrieve(t, handle, TP_MEM_WRITE | TP_MEM_RELINQUISH |
			   (E2E_LEND_PATTERN << 8), &d);
	retrieved = !ret && d.data0 == 0;
	e2e_ok(t, retrieved && d.data2 == 1 && d.data3 == 1,
	       "the partition retrieves, writes and relinquishes the lent page (ret %d, status %ld, %lu pages, %lu ranges)",
	       ret, (long)d.data0, d.data2, d.data3);
	if (retrieved)
		e2e_ok(t, d.data1 == want,
		       "its checksum of the lent page matches ours (%#lx, want %#llx)",
		       d.data1, want);
	else
		e2e_blocked(t, "its checksum of the lent page matches ours",
			    "retrieve failed");

	ret = e2e_reclaim(t, handle);
	if (!e2e_ok(t, !ret, "reclaim the lent page (ret %d)", ret)) {
		/* Still lent (or worse): never touch nor free it. */
		e2e_blocked(t, "the page holds the partition's 0x5a",
			    "not reclaimed");
		return;
	}

	for (i = 0, bad = 0; i < FFA_PAGE_SIZE; i++)
		bad += buf[i] != E2E_LEND_PATTERN;
	e2e_ok(t, bad == 0,
	       "the page holds the partition's 0x%02x everywhere (%zu bytes differ, first byte %#04x)",
	       E2E_LEND_PATTERN, bad, buf[0]);
	__free_pages(page, get_order(FFA_PAGE_SIZE));
}
