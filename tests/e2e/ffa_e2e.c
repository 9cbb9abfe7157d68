// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_e2e: an end-to-end test of the FF-A stack from Linux.
 *
 * An ffa_driver bound to the test partition (partitions/test, ID 0x8001)
 * that uses only the upstream in-kernel FF-A API (Linux 6.12,
 * <linux/arm_ffa.h>): direct requests with msg_ops->sync_send_receive,
 * memory with mem_ops->memory_share / memory_lend / memory_reclaim. Its
 * probe drives the partition's command protocol
 * (partitions/include/partitions/test_proto.h) and prints TAP to the
 * kernel log:
 *
 *   ffa-e2e: 1..N
 *   ffa-e2e: ok 1 - ...         or  ffa-e2e: not ok 1 - ...
 *   ffa-e2e: PASS               or  ffa-e2e: FAIL
 */
#define pr_fmt(fmt) "ffa-e2e: " fmt

#include <linux/arm_ffa.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include <partitions/test_proto.h>

/* The host's own FF-A ID: the driver does not export it; 0 on our stack. */
static ushort host_id;
module_param(host_id, ushort, 0444);
MODULE_PARM_DESC(host_id, "FF-A ID of this kernel (owner of the memory)");

#define E2E_PART_ID		0x8001
#define E2E_PART_VERSION	0x10002	/* firmware/manifests/test-partition.dts */
#define E2E_NTESTS		12

#define E2E_SHARE_PAGES		2
#define E2E_LEND_PATTERN	0x5a
#define E2E_LEND_FILL		0xa5

struct e2e {
	struct ffa_device *dev;
	int n;
	int failed;
};

static __printf(3, 4) bool e2e_ok(struct e2e *t, bool ok, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_info("%s %d - %pV\n", ok ? "ok" : "not ok", ++t->n, &vaf);
	va_end(args);
	if (!ok)
		t->failed++;
	return ok;
}

/* A test that cannot run because an earlier step failed. */
static void e2e_blocked(struct e2e *t, const char *what, const char *why)
{
	e2e_ok(t, false, "%s (not run: %s)", what, why);
}

static int e2e_call(struct e2e *t, struct ffa_send_direct_data *d)
{
	return t->dev->ops->msg_ops->sync_send_receive(t->dev, d);
}

static void e2e_echo(struct e2e *t)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_ECHO,
		.data1 = 0x0123456789abcdefUL,
		.data2 = 0xfedcba9876543210UL,
		.data3 = ~0UL,
		.data4 = 0x8000000000000001UL,
	};
	struct ffa_send_direct_data want = d;
	int ret;

	pr_info("# direct requests are %s-bit (partition properties 0x%x)\n",
		t->dev->mode_32bit ? "32" : "64", t->dev->properties);
	ret = e2e_call(t, &d);
	if (!e2e_ok(t, !ret && d.data0 == 0 && d.data1 == want.data1 &&
		    d.data2 == want.data2 && d.data3 == want.data3 &&
		    d.data4 == want.data4,
		    "ECHO round-trips four 64-bit words"))
		pr_info("# ret %d, got %#lx %#lx %#lx %#lx %#lx\n", ret,
			d.data0, d.data1, d.data2, d.data3, d.data4);
}

static void e2e_whoami(struct e2e *t)
{
	struct ffa_send_direct_data d = { .data0 = TP_CMD_WHOAMI };
	int ret = e2e_call(t, &d);
	bool sent = !ret && d.data0 == 0;

	if (!sent)
		pr_info("# WHOAMI: ret %d, status %ld\n", ret, (long)d.data0);
	e2e_ok(t, sent && d.data1 == E2E_PART_ID &&
	       d.data1 == (unsigned long)t->dev->vm_id,
	       "WHOAMI: the partition is 0x%x (got %#lx, bus says 0x%x)",
	       E2E_PART_ID, d.data1, t->dev->vm_id);
	e2e_ok(t, sent && d.data2 == E2E_PART_VERSION,
	       "WHOAMI: its FF-A version is 0x%x (got %#lx; SPM ID %#lx)",
	       E2E_PART_VERSION, d.data2, d.data3);
}

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
		.data2 = host_id,
		.data3 = 0,		/* tag */
		.data4 = flags,
	};
	return e2e_call(t, d);
}

static int e2e_reclaim(struct e2e *t, u64 handle)
{
	return t->dev->ops->mem_ops->memory_reclaim(handle, 0);
}

static void e2e_share(struct e2e *t)
{
	const size_t size = E2E_SHARE_PAGES * FFA_PAGE_SIZE;
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
	struct ffa_send_direct_data d;
	struct scatterlist sg;
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

	sg_init_table(&sg, 1);
	sg_set_page(&sg, pages, size, 0);
	args.sg = &sg;
	ret = t->dev->ops->mem_ops->memory_share(&args);
	handle = args.g_handle;
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

static void e2e_lend(struct e2e *t)
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
	struct ffa_send_direct_data d;
	struct scatterlist sg;
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

	sg_init_table(&sg, 1);
	sg_set_page(&sg, page, FFA_PAGE_SIZE, 0);
	args.sg = &sg;
	ret = t->dev->ops->mem_ops->memory_lend(&args);
	handle = args.g_handle;
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

static int ffa_e2e_probe(struct ffa_device *dev)
{
	struct e2e t = { .dev = dev };

	pr_info("# bound to partition 0x%x (%pUb), FF-A API 0x%x, host ID 0x%x\n",
		dev->vm_id, &dev->uuid, dev->ops->info_ops->api_version_get(),
		host_id);
	pr_info("1..%d\n", E2E_NTESTS);
	e2e_echo(&t);
	e2e_whoami(&t);
	e2e_share(&t);
	e2e_lend(&t);

	if (t.n != E2E_NTESTS)
		pr_info("# ran %d tests, planned %d\n", t.n, E2E_NTESTS);
	if (t.failed || t.n != E2E_NTESTS)
		pr_info("FAIL (%d of %d failed)\n", t.failed, t.n);
	else
		pr_info("PASS\n");
	return 0;
}

static void ffa_e2e_remove(struct ffa_device *dev)
{
}

static const struct ffa_device_id ffa_e2e_ids[] = {
	/* TP_UUID_TEST */
	{ UUID_INIT(0xd1a7f2a0, 0x54b4, 0x4d3c,
		    0x9b, 0x7e, 0x5f, 0x3f, 0x0e, 0x1a, 0x2b, 0x01) },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, ffa_e2e_ids);

static struct ffa_driver ffa_e2e_driver = {
	.name = "ffa-e2e",
	.probe = ffa_e2e_probe,
	.remove = ffa_e2e_remove,
	.id_table = ffa_e2e_ids,
};
module_ffa_driver(ffa_e2e_driver);

MODULE_DESCRIPTION("FF-A end-to-end test against the ffa test partition");
MODULE_LICENSE("GPL");
