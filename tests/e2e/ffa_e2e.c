// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_e2e: an end-to-end test of the FF-A stack from Linux.
 *
 * An ffa_driver bound to the test partition (partitions/test, ID 0x8001)
 * that uses only the upstream in-kernel FF-A API (Linux 6.12,
 * <linux/arm_ffa.h>): direct requests with msg_ops->sync_send_receive,
 * memory with mem_ops->memory_share / memory_lend / memory_reclaim,
 * notifications with notifier_ops (both directions), indirect messages
 * with msg_ops->indirect_send (Linux to partition only: 6.12 has no API to
 * receive one), and concurrent direct requests from two CPUs; and that
 * the world switch keeps our NEON registers and the partition's apart
 * (kernel_neon_begin/end), and that our timer interrupt preempts a
 * partition that spins in a direct request. Its
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
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include <asm/neon.h>

#include <partitions/test_proto.h>

/* The host's own FF-A ID: the driver does not export it; 0 on our stack. */
static ushort host_id;
module_param(host_id, ushort, 0444);
MODULE_PARM_DESC(host_id, "FF-A ID of this kernel (owner of the memory)");

#define E2E_PART_ID		0x8001
#define E2E_PART_VERSION	0x10002	/* firmware/manifests/test-partition.dts */
#define E2E_NTESTS		29

/* Notification IDs: partition -> Linux, and Linux -> partition. */
#define E2E_NOTIF_TO_HOST	3
#define E2E_NOTIF_TO_PART	7
#define E2E_NOTIF_WAIT_MS	2000

#define E2E_MSG_PAYLOAD		0x1d1ec7ab1e5e4d21ULL

#define E2E_SMP_ITERS		1000
#define E2E_SMP_MAX_RETRIES	1000000	/* of one request, on -EBUSY */
#define E2E_SMP_WAIT_MS		30000

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

/*
 * Tests that do not apply under the negotiated version: they still
 * count, so the plan stays the same.
 */
static void e2e_skip(struct e2e *t, int count, const char *what,
		     const char *why)
{
	int i;

	for (i = 0; i < count; i++)
		pr_info("ok %d - %s (%d of %d) # SKIP %s\n", ++t->n, what,
			i + 1, count, why);
}

/* The driver negotiated v1.0: no notifications, no MSG_SEND2. */
static bool e2e_v1_0(const struct e2e *t)
{
	return t->dev->ops->info_ops->api_version_get() == FFA_VERSION_1_0;
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
	unsigned long want;

	if (!sent)
		pr_info("# WHOAMI: ret %d, status %ld\n", ret, (long)d.data0);
	e2e_ok(t, sent && d.data1 == E2E_PART_ID &&
	       d.data1 == (unsigned long)t->dev->vm_id,
	       "WHOAMI: the partition is 0x%x (got %#lx, bus says 0x%x)",
	       E2E_PART_ID, d.data1, t->dev->vm_id);
	/* A v1.0 manager agrees on v1.0 with the partition as with us. */
	want = e2e_v1_0(t) ? FFA_VERSION_1_0 : E2E_PART_VERSION;
	e2e_ok(t, sent && d.data2 == want,
	       "WHOAMI: its FF-A version is 0x%lx (got %#lx; SPM ID %#lx)",
	       want, d.data2, d.data3);
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

/*
 * Share or lend [pages, pages + size) with the partition, RW, through the
 * TX buffer; 0 and *handle, or the driver's error.
 */
static int e2e_send(struct e2e *t, bool lend, struct page *pages,
		    size_t size, u64 *handle)
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

static void e2e_share(struct e2e *t)
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

static void e2e_lend(struct e2e *t)
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

/* ---- notifications ------------------------------------------------------ */

/*
 * The callbacks' data are static, not on the stack: 6.12 calls a
 * callback after dropping the lock that relinquish/unregister take, so a
 * late one may still run after we gave up on it.
 */
static struct e2e_notif {
	struct completion done;
	atomic_t calls;
	int id;			/* the last notify_id the callback saw */
	ktime_t at;		/* when it first ran */
} e2e_notif_data;

static void e2e_notif_cb(int notify_id, void *cb_data)
{
	struct e2e_notif *n = cb_data;

	n->id = notify_id;
	if (atomic_inc_return(&n->calls) == 1) {
		n->at = ktime_get();
		complete(&n->done);
	}
}

static struct e2e_sched {
	struct completion done;
	atomic_t calls;
	u16 vcpu;
	bool per_vcpu;
} e2e_sched_data;

static void e2e_sched_cb(u16 vcpu, bool is_per_vcpu, void *cb_data)
{
	struct e2e_sched *s = cb_data;

	s->vcpu = vcpu;
	s->per_vcpu = is_per_vcpu;
	if (atomic_inc_return(&s->calls) == 1)
		complete(&s->done);
}

/*
 * Partition -> Linux: request a global notification from the partition
 * (bind + callback), have the partition set it; the callback runs after
 * SRI -> FFA_NOTIFICATION_INFO_GET -> FFA_NOTIFICATION_GET.
 */
static void e2e_notify_to_host(struct e2e *t)
{
	const struct ffa_notifier_ops *nops = t->dev->ops->notifier_ops;
	const int id = E2E_NOTIF_TO_HOST;
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_NOTIFY,
		.data1 = host_id,
		.data2 = BIT_ULL(id),
	};
	struct e2e_notif *np = &e2e_notif_data;
	unsigned long left;
	ktime_t t0;
	int ret;

	np->id = -1;
	init_completion(&np->done);
	atomic_set(&np->calls, 0);
	ret = nops->notify_request(t->dev, false, e2e_notif_cb, np, id);
	if (!e2e_ok(t, !ret,
		    "notify_request: global notification %d from 0x%x (ret %d)",
		    id, t->dev->vm_id, ret)) {
		e2e_blocked(t, "the partition sets it", "notify_request failed");
		e2e_blocked(t, "the callback runs", "notify_request failed");
		e2e_blocked(t, "notify_relinquish", "notify_request failed");
		return;
	}

	t0 = ktime_get();
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0,
	       "the partition sets notification %d for 0x%x (ret %d, status %ld)",
	       id, host_id, ret, (long)d.data0);
	if (ret || d.data0) {
		e2e_blocked(t, "the callback runs", "NOTIFY failed");
	} else {
		left = wait_for_completion_timeout(&np->done,
				msecs_to_jiffies(E2E_NOTIF_WAIT_MS));
		/* A second SRI/GET round would show up as a second call. */
		msleep(20);
		if (!e2e_ok(t, left && np->id == id &&
			    atomic_read(&np->calls) == 1,
			    "the callback runs once for notification %d within %d ms (calls %d, id %d, after %lld us)",
			    id, E2E_NOTIF_WAIT_MS, atomic_read(&np->calls),
			    np->id, left ? ktime_us_delta(np->at, t0) : -1LL))
			pr_info("# no callback: the SRI, INFO_GET or GET step did not deliver bit %d (see ARM-FF-A lines and /proc/interrupts)\n",
				id);
	}

	ret = nops->notify_relinquish(t->dev, id);
	e2e_ok(t, !ret, "notify_relinquish %d (ret %d)", id, ret);
}

/*
 * Linux -> partition: the partition binds a notification from us, we set
 * it with notify_send, the partition gets it with FFA_NOTIFICATION_GET.
 * Setting it pends an SRI for the partition too: the scheduler callback
 * registered on the partition's device must run.
 */
static void e2e_notify_to_part(struct e2e *t)
{
	const struct ffa_notifier_ops *nops = t->dev->ops->notifier_ops;
	const int id = E2E_NOTIF_TO_PART;
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_NOTIF_BIND,
		.data1 = host_id,
		.data2 = BIT_ULL(id),
	};
	struct e2e_sched *sp = &e2e_sched_data;
	bool sched_reg, got;
	unsigned long left;
	int ret;

	ret = e2e_call(t, &d);
	if (!e2e_ok(t, !ret && d.data0 == 0,
		    "the partition binds notification %d from 0x%x (ret %d, status %ld)",
		    id, host_id, ret, (long)d.data0)) {
		e2e_blocked(t, "notify_send", "bind failed");
		e2e_blocked(t, "the scheduler callback runs", "bind failed");
		e2e_blocked(t, "the partition gets it", "bind failed");
		e2e_blocked(t, "a second GET is empty", "bind failed");
		return;
	}

	init_completion(&sp->done);
	atomic_set(&sp->calls, 0);
	sp->per_vcpu = false;
	ret = nops->sched_recv_cb_register(t->dev, e2e_sched_cb, sp);
	sched_reg = !ret;
	if (ret)
		pr_info("# sched_recv_cb_register: ret %d\n", ret);

	ret = nops->notify_send(t->dev, id, false, 0);
	if (!e2e_ok(t, !ret, "notify_send %d to 0x%x (ret %d)",
		    id, t->dev->vm_id, ret)) {
		e2e_blocked(t, "the scheduler callback runs", "send failed");
		e2e_blocked(t, "the partition gets it", "send failed");
		e2e_blocked(t, "a second GET is empty", "send failed");
		goto out;
	}

	if (sched_reg) {
		left = wait_for_completion_timeout(&sp->done,
				msecs_to_jiffies(E2E_NOTIF_WAIT_MS));
		e2e_ok(t, left && !sp->per_vcpu,
		       "the scheduler callback for 0x%x runs (SRI, INFO_GET lists it; calls %d, vcpu %u, per-vcpu %d)",
		       t->dev->vm_id, atomic_read(&sp->calls), sp->vcpu,
		       sp->per_vcpu);
	} else {
		e2e_blocked(t, "the scheduler callback runs",
			    "sched_recv_cb_register failed");
	}

	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_NOTIF_GET };
	ret = e2e_call(t, &d);
	got = !ret && d.data0 == 0;
	e2e_ok(t, got && d.data2 == BIT_ULL(id) && d.data1 == 0,
	       "the partition gets notification %d from VMs (ret %d, status %ld, from SPs %#lx, from VMs %#lx)",
	       id, ret, (long)d.data0, d.data1, d.data2);

	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_NOTIF_GET };
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == 0 && d.data2 == 0,
	       "a second GET is empty (ret %d, status %ld, from SPs %#lx, from VMs %#lx)",
	       ret, (long)d.data0, d.data1, d.data2);
out:
	if (sched_reg)
		nops->sched_recv_cb_unregister(t->dev);
}

/* ---- indirect messages --------------------------------------------------- */

/*
 * Linux -> partition with msg_ops->indirect_send (FFA_MSG_SEND2). The
 * other way has no API in 6.12: nothing reads the RX buffer for a driver
 * and the RX-full framework notification has no callback to register.
 */
static void e2e_indirect(struct e2e *t)
{
	u64 payload = E2E_MSG_PAYLOAD;
	struct ffa_send_direct_data d = { .data0 = TP_CMD_READ_RX };
	int ret;

	ret = t->dev->ops->msg_ops->indirect_send(t->dev, &payload,
						  sizeof(payload));
	if (!e2e_ok(t, !ret, "indirect_send of 8 bytes to 0x%x (ret %d)",
		    t->dev->vm_id, ret)) {
		e2e_blocked(t, "the partition reads it", "send failed");
		return;
	}
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == host_id &&
	       d.data2 == payload && d.data3 == sizeof(payload),
	       "the partition reads it: sender %#lx, payload %#lx, %lu bytes (ret %d, status %ld)",
	       d.data1, d.data2, d.data3, ret, (long)d.data0);
	pr_info("# partition -> Linux indirect messages: not tested, 6.12 offers no receive API\n");
}

/* ---- FP/SIMD: ours and the partition's, kept apart ----------------------- */

#define E2E_FP_SEED_US		0x1100
#define E2E_FP_SEED_US2		0x2200
#define E2E_FP_SEED_PART	0xa000

/* V0-V31, FPCR, FPSR from / into test_proto.h's TP_FP_WORDS layout. */
static void e2e_fp_load(const u64 *w)
{
	asm volatile("ldp q0, q1, [%0, #0]\n\tldp q2, q3, [%0, #32]\n\t"
		     "ldp q4, q5, [%0, #64]\n\tldp q6, q7, [%0, #96]\n\t"
		     "ldp q8, q9, [%0, #128]\n\tldp q10, q11, [%0, #160]\n\t"
		     "ldp q12, q13, [%0, #192]\n\tldp q14, q15, [%0, #224]\n\t"
		     "ldp q16, q17, [%0, #256]\n\tldp q18, q19, [%0, #288]\n\t"
		     "ldp q20, q21, [%0, #320]\n\tldp q22, q23, [%0, #352]\n\t"
		     "ldp q24, q25, [%0, #384]\n\tldp q26, q27, [%0, #416]\n\t"
		     "ldp q28, q29, [%0, #448]\n\tldp q30, q31, [%0, #480]\n\t"
		     "msr fpcr, %1\n\tmsr fpsr, %2"
		     : : "r"(w), "r"(w[TP_FP_FPCR]), "r"(w[TP_FP_FPSR])
		     : "memory");
}

static void e2e_fp_store(u64 *w)
{
	u64 fpcr, fpsr;

	asm volatile("stp q0, q1, [%2, #0]\n\tstp q2, q3, [%2, #32]\n\t"
		     "stp q4, q5, [%2, #64]\n\tstp q6, q7, [%2, #96]\n\t"
		     "stp q8, q9, [%2, #128]\n\tstp q10, q11, [%2, #160]\n\t"
		     "stp q12, q13, [%2, #192]\n\tstp q14, q15, [%2, #224]\n\t"
		     "stp q16, q17, [%2, #256]\n\tstp q18, q19, [%2, #288]\n\t"
		     "stp q20, q21, [%2, #320]\n\tstp q22, q23, [%2, #352]\n\t"
		     "stp q24, q25, [%2, #384]\n\tstp q26, q27, [%2, #416]\n\t"
		     "stp q28, q29, [%2, #448]\n\tstp q30, q31, [%2, #480]\n\t"
		     "mrs %0, fpcr\n\tmrs %1, fpsr"
		     : "=&r"(fpcr), "=&r"(fpsr) : "r"(w) : "memory");
	w[TP_FP_FPCR] = fpcr;
	w[TP_FP_FPSR] = fpsr;
}

static void e2e_fp_pattern(u64 *w, u64 seed)
{
	unsigned int i;

	for (i = 0; i < TP_FP_WORDS; i++)
		w[i] = tp_fp_word(seed, i);
}

/* What a response word can carry in this device's mode. */
static u64 e2e_word(const struct e2e *t, u64 v)
{
	return t->dev->mode_32bit ? (u32)v : v;
}

/*
 * Kernel-mode NEON around the request is clean in 6.12: the section is
 * preemptible, its state switched with the task (TIF_KERNEL_FPSTATE),
 * and the driver only sleeps between FFA_YIELDs, which FP_LOAD and
 * FP_SUM never make. What must not touch our registers is the
 * partition, which loads its own.
 */
static void e2e_fp(struct e2e *t)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_FP_LOAD, .data1 = E2E_FP_SEED_PART,
	};
	u64 *mine, *back, want;
	bool ours_ok, ours2_ok;
	int ret, ret2;

	mine = kmalloc_array(2 * TP_FP_WORDS, sizeof(u64), GFP_KERNEL);
	if (!mine) {
		e2e_blocked(t, "FP: our NEON registers survive", "no memory");
		e2e_blocked(t, "FP: the partition loaded its own", "no memory");
		e2e_blocked(t, "FP: the partition's survive ours", "no memory");
		return;
	}
	back = mine + TP_FP_WORDS;
	e2e_fp_pattern(mine, E2E_FP_SEED_PART);
	want = e2e_word(t, tp_fp_sum(mine));

	kernel_neon_begin();
	e2e_fp_pattern(mine, E2E_FP_SEED_US);
	e2e_fp_load(mine);
	ret = e2e_call(t, &d);
	e2e_fp_store(back);
	kernel_neon_end();
	ours_ok = !memcmp(mine, back, TP_FP_WORDS * sizeof(u64));
	e2e_ok(t, ours_ok,
	       "FP: our NEON registers, FPCR and FPSR survive a request whose partition loads its own");
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == want,
	       "FP: the partition loaded its pattern (ret %d, status %ld, sum %#lx, want %#llx)",
	       ret, (long)d.data0, d.data1, want);

	kernel_neon_begin();
	e2e_fp_pattern(mine, E2E_FP_SEED_US2);
	e2e_fp_load(mine);
	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_FP_SUM };
	ret2 = e2e_call(t, &d);
	e2e_fp_store(back);
	kernel_neon_end();
	ours2_ok = !memcmp(mine, back, TP_FP_WORDS * sizeof(u64));
	e2e_ok(t, !ret2 && d.data0 == 0 && d.data1 == want && ours2_ok,
	       "FP: the partition's registers survive ours, and ours its (ret %d, sum %#lx, want %#llx, ours %s)",
	       ret2, d.data1, want, ours2_ok ? "intact" : "changed");
	kfree(mine);
}

/* ---- preemption: our timer interrupt reaches us mid-request -------------- */

#define E2E_SPIN_MAX_READS	(1ULL << 28)	/* a bound, not a duration */
#define E2E_SPIN_TIMER_MS	1

static struct e2e_spin {
	struct hrtimer timer;
	u64 *word;
	bool in_flight;
	bool fired_in_flight;
	int cpu;
} e2e_spin;

static enum hrtimer_restart e2e_spin_timer(struct hrtimer *h)
{
	struct e2e_spin *s = container_of(h, struct e2e_spin, timer);

	s->fired_in_flight = READ_ONCE(s->in_flight);
	s->cpu = smp_processor_id();
	WRITE_ONCE(*s->word, 1);
	return HRTIMER_NORESTART;
}

/*
 * The partition waits, spinning, for a word of a page we share to
 * change; only our hrtimer's callback changes it, on this CPU (we
 * stay on it: preemption off, IRQs on), while the partition holds the
 * CPU in our request. Unless the firmware preempts the partition for
 * our timer interrupt, it reads 0 until its bound and says so.
 */
static void e2e_preempt(struct e2e *t)
{
	struct e2e_spin *s = &e2e_spin;
	struct ffa_send_direct_data d;
	struct page *page;
	u64 handle;
	int ret, cpu;

	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	ret = page ? e2e_send(t, false, page, PAGE_SIZE, &handle) : -ENOMEM;
	if (ret) {
		e2e_blocked(t, "our timer preempts a spinning partition",
			    "no page shared");
		e2e_blocked(t, "reclaim the page it spun on", "no share");
		if (page)
			__free_page(page);
		return;
	}
	s->word = page_address(page);
	s->fired_in_flight = false;
	s->cpu = -1;
	hrtimer_init(&s->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	s->timer.function = e2e_spin_timer;
	d = (struct ffa_send_direct_data){
		.data0 = TP_CMD_SPIN_UNTIL, .data1 = handle,
		.data2 = host_id, .data3 = 0, .data4 = E2E_SPIN_MAX_READS,
	};

	cpu = get_cpu();
	WRITE_ONCE(s->in_flight, true);
	hrtimer_start(&s->timer, ms_to_ktime(E2E_SPIN_TIMER_MS),
		      HRTIMER_MODE_REL_PINNED);
	ret = e2e_call(t, &d);
	WRITE_ONCE(s->in_flight, false);
	put_cpu();
	hrtimer_cancel(&s->timer);

	e2e_ok(t, !ret && d.data0 == 0 && d.data2 == 1 && s->fired_in_flight &&
	       s->cpu == cpu,
	       "our timer preempts a partition spinning in our request (ret %d, status %ld, word %lu after %lu reads, timer on CPU %d in flight %d, us on CPU %d)",
	       ret, (long)d.data0, d.data2, d.data1, s->cpu,
	       s->fired_in_flight, cpu);
	ret = e2e_reclaim(t, handle);
	e2e_ok(t, !ret, "reclaim the page it spun on (ret %d)", ret);
	if (!ret)
		__free_page(page);
}

/* ---- concurrent direct requests --------------------------------------- */

struct e2e_worker {
	struct ffa_device *dev;
	unsigned int cpu;
	atomic_t *ready;
	struct completion done;
	unsigned int ok, bad, errors;
	unsigned long retries, max_retries;
	int first_err;
	s64 us;
};

static int e2e_worker_fn(void *arg)
{
	struct e2e_worker *w = arg;
	const struct ffa_msg_ops *mops = w->dev->ops->msg_ops;
	unsigned long deadline = jiffies + HZ;
	unsigned long r;
	ktime_t t0;
	unsigned int i;
	int ret;

	/* Start together: both are bound to their CPUs. */
	atomic_inc(w->ready);
	while (atomic_read(w->ready) < 2 && time_before(jiffies, deadline))
		cpu_relax();

	t0 = ktime_get();
	for (i = 0; i < E2E_SMP_ITERS; i++) {
		u64 tag = ((u64)w->cpu << 32) | i;
		struct ffa_send_direct_data want = {
			.data0 = 0,
			.data1 = tag,
			.data2 = ~tag,
			.data3 = tag * 0x9e3779b97f4a7c15ULL,
			.data4 = smp_processor_id(),
		};
		struct ffa_send_direct_data d;

		for (r = 0;; r++) {
			d = want;
			d.data0 = TP_CMD_ECHO;
			ret = mops->sync_send_receive(w->dev, &d);
			if (ret != -EBUSY || r >= E2E_SMP_MAX_RETRIES)
				break;
			cpu_relax();
		}
		w->retries += r;
		if (r > w->max_retries)
			w->max_retries = r;
		if (ret) {
			if (!w->errors++)
				w->first_err = ret;
		} else if (memcmp(&d, &want, sizeof(d))) {
			if (!w->bad++)
				pr_info("# cpu %u call %u: got %#lx %#lx %#lx %#lx %#lx\n",
					w->cpu, i, d.data0, d.data1, d.data2,
					d.data3, d.data4);
		} else {
			w->ok++;
		}
	}
	w->us = ktime_us_delta(ktime_get(), t0);
	complete(&w->done);
	return 0;
}

static void e2e_smp(struct e2e *t)
{
	struct e2e_worker *w[2] = { };
	struct task_struct *k;
	atomic_t *ready = NULL;
	unsigned int cpu[2], i, started = 0;
	bool pass = true, timeout = false;
	ktime_t t0;

	if (num_online_cpus() < 2) {
		pr_info("ok %d - concurrent ECHO from 2 CPUs # SKIP %u CPU online\n",
			++t->n, num_online_cpus());
		return;
	}
	cpu[0] = cpumask_first(cpu_online_mask);
	cpu[1] = cpumask_next(cpu[0], cpu_online_mask);

	ready = kzalloc(sizeof(*ready), GFP_KERNEL);
	for (i = 0; i < 2; i++)
		w[i] = kzalloc(sizeof(*w[i]), GFP_KERNEL);
	if (!ready || !w[0] || !w[1]) {
		e2e_ok(t, false, "concurrent ECHO from 2 CPUs: no memory");
		goto free;
	}
	t0 = ktime_get();
	for (i = 0; i < 2; i++) {
		w[i]->dev = t->dev;
		w[i]->cpu = cpu[i];
		w[i]->ready = ready;
		init_completion(&w[i]->done);
		k = kthread_create(e2e_worker_fn, w[i], "ffa-e2e/%u", cpu[i]);
		if (IS_ERR(k)) {
			pr_info("# kthread_create on cpu %u: %ld\n", cpu[i],
				PTR_ERR(k));
			pass = false;
			break;
		}
		kthread_bind(k, cpu[i]);
		wake_up_process(k);
		started++;
	}
	/* With only one started it counts itself and gives up waiting. */
	for (i = 0; i < started; i++) {
		if (!wait_for_completion_timeout(&w[i]->done,
				msecs_to_jiffies(E2E_SMP_WAIT_MS))) {
			timeout = true;
			pr_info("# cpu %u: not done after %d ms (%u ok so far)\n",
				cpu[i], E2E_SMP_WAIT_MS, w[i]->ok);
		}
	}
	if (timeout) {
		/* The thread may still use its worker: leak them. */
		e2e_ok(t, false, "concurrent ECHO from 2 CPUs: timed out");
		return;
	}
	for (i = 0; i < started; i++) {
		pr_info("# cpu %u: %u/%u ok, %u wrong, %u errors (first %d), %lu -EBUSY retries (max %lu for one call), %lld us\n",
			w[i]->cpu, w[i]->ok, E2E_SMP_ITERS, w[i]->bad,
			w[i]->errors, w[i]->first_err, w[i]->retries,
			w[i]->max_retries, w[i]->us);
		pass &= w[i]->ok == E2E_SMP_ITERS;
	}
	pass &= started == 2;
	e2e_ok(t, pass,
	       "concurrent ECHO from CPUs %u and %u, %d each: all answers right (%lu -EBUSY retries, %lld us)",
	       cpu[0], cpu[1], E2E_SMP_ITERS,
	       started == 2 ? w[0]->retries + w[1]->retries : 0UL,
	       ktime_us_delta(ktime_get(), t0));
free:
	kfree(w[0]);
	kfree(w[1]);
	kfree(ready);
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
	if (e2e_v1_0(&t)) {
		e2e_skip(&t, 4, "notifications partition -> Linux", "v1.0");
		e2e_skip(&t, 5, "notifications Linux -> partition", "v1.0");
		e2e_skip(&t, 2, "indirect message Linux -> partition", "v1.0");
	} else {
		e2e_notify_to_host(&t);
		e2e_notify_to_part(&t);
		e2e_indirect(&t);
	}
	e2e_smp(&t);
	e2e_fp(&t);
	e2e_preempt(&t);

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
