// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_icount.ko: what one FF-A operation costs, seen from Linux, with
 * raw SMCs (the conduit the firmware traps) and no FF-A driver loaded.
 * The SMC is issued in place (bench_smc(), tests/bench/include): x0-x7
 * are register variables, so a caller's constant arguments are moved
 * straight into them and only the results it reads are stored, as a
 * lean driver would do. The
 * *_smccc rows make the same calls through the kernel's
 * arm_smccc_1_2_smc(), which loads and stores all 18 registers from a
 * structure, for comparison.
 *
 * Each operation runs N times and 0 times between two reads of the
 * virtual counter (CNTVCT_EL0), with interrupts masked; the best of
 * `reps` runs of each is printed. (ticks(N) - ticks(0)) / N is the
 * cost of one operation with the counter reads cancelled out. Under
 * QEMU's -icount shift=0 the counter advances with executed guest
 * instructions (one per ns of virtual time, 16 per tick of QEMU virt's
 * 62.5 MHz counter), so the same line gives instructions per operation
 * whatever the host's load; in a normal boot it gives wall-clock time.
 * tests/bench/icount/run turns the lines into the table.
 *
 * The "calib" line is a loop of exactly 2 instructions an iteration
 * (subs, b.ne): it checks the counter-to-instruction scale.
 *
 * Output, one line per operation, then "ffa-icount: DONE" or
 * "ffa-icount: FAIL <why>":
 *   ffa-icount: op NAME n=N ticks_n=T ticks_0=T0 freq=HZ irq=I units=U
 * U is how many units one iteration carries (pages for the memory ops).
 */
#include <linux/arm-smccc.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <asm/barrier.h>

#include <bench_smc.h>

#include <ffa/func.h>
#include <ffa/ids.h>
#include <ffa/mem.h>
#include <ffa/version.h>
#include <libffa/mem_desc.h>
#include <libffa/uuid.h>
#include <partitions/test_proto.h>

#define SELF		0	/* Linux's ID (FFA_ID_GET says so) */
#define TEST_SP		0x8001
#define ECHO_SP		0x8002
#define MEM_TAG		7
#define NOTIF_BIT	1ULL
#define SMCCC_VERSION	0x80000000UL
#define MAX_ORDER_PAGES	4	/* the N-page share: 1 << this pages */

static unsigned int iters = 200;
module_param(iters, uint, 0444);
MODULE_PARM_DESC(iters, "N: operations per timed run");
static unsigned int reps = 5;
module_param(reps, uint, 0444);
MODULE_PARM_DESC(reps, "timed runs per operation (the best is kept)");
static char *only = "";
module_param(only, charp, 0444);
MODULE_PARM_DESC(only, "run only this operation (profile); \"\": all");

struct bench {
	void *tx, *rx;
	struct page *mem;		/* the pages shared */
	unsigned int pages;		/* the share's page count */
	u32 mtd_len;			/* the descriptor in tx */
	u64 req2_uuid[2];
	unsigned int irqs;		/* FFA_INTERRUPTs seen in a run */
};

static u64 counter(void)
{
	u64 v;

	isb();
	asm volatile("mrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

static u64 counter_freq(void)
{
	u64 v;

	asm volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

/* All of x0-x17 from and back into r, for REQ2. */
#define LDP_STP(op, a, b, off)	#op "	x" #a ", x" #b ", [%0, #" #off "]\n\t"

static __always_inline void smc_wide(struct arm_smccc_1_2_regs *r)
{
	asm volatile(LDP_STP(ldp, 0, 1, 0) LDP_STP(ldp, 2, 3, 16)
		     LDP_STP(ldp, 4, 5, 32) LDP_STP(ldp, 6, 7, 48)
		     LDP_STP(ldp, 8, 9, 64) LDP_STP(ldp, 10, 11, 80)
		     LDP_STP(ldp, 12, 13, 96) LDP_STP(ldp, 14, 15, 112)
		     LDP_STP(ldp, 16, 17, 128) "smc #0\n\t"
		     LDP_STP(stp, 0, 1, 0) LDP_STP(stp, 2, 3, 16)
		     LDP_STP(stp, 4, 5, 32) LDP_STP(stp, 6, 7, 48)
		     LDP_STP(stp, 8, 9, 64) LDP_STP(stp, 10, 11, 80)
		     LDP_STP(stp, 12, 13, 96) LDP_STP(stp, 14, 15, 112)
		     LDP_STP(stp, 16, 17, 128)
		     : : "r"(r) : "x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7",
		       "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
		       "x16", "x17", "memory");
}

/* The kernel's conduit, for the *_smccc rows. */
static void smc_smccc(struct arm_smccc_1_2_regs *r)
{
	arm_smccc_1_2_smc(r, r);
}

/*
 * A call that runs a partition: a Linux interrupt that arrives while it
 * runs preempts it (FFA_INTERRUPT, target in w1). Take the interrupt
 * (it stays pending while we mask them, and would preempt every
 * FFA_RUN), then resume; out becomes the resumed call's result. Out
 * of line: the run it happens in is counted, and the best run is a
 * clean one.
 */
static noinline void resume_interrupted(struct bench *b, struct bench_call *out)
{
	unsigned long flags;

	while (out->a0 == FFA_INTERRUPT) {
		b->irqs++;
		local_irq_enable();
		local_irq_save(flags);
		*out = (struct bench_call){ .a0 = FFA_RUN, .a1 = out->a1 };
		bench_smc(out);
	}
}

static __always_inline void call_partition(struct bench *b, struct bench_call *c)
{
	bench_smc(c);
	if (unlikely(c->a0 == FFA_INTERRUPT))
		resume_interrupted(b, c);
}

/* The same for a call made through arm_smccc_1_2_regs (REQ2, *_smccc). */
static noinline void regs_interrupted(struct bench *b,
				      struct arm_smccc_1_2_regs *r)
{
	struct bench_call c = { .a0 = r->a0, .a1 = r->a1 };

	resume_interrupted(b, &c);
	*r = (struct arm_smccc_1_2_regs){ c.a0, c.a1, c.a2, c.a3, c.a4,
					  c.a5, c.a6, c.a7 };
}

static __always_inline void regs_to_partition(struct bench *b,
					      struct arm_smccc_1_2_regs *r,
					      bool wide)
{
	if (wide)
		smc_wide(r);
	else
		smc_smccc(r);
	if (unlikely(r->a0 == FFA_INTERRUPT))
		regs_interrupted(b, r);
}

static bool ffa_success(u64 a0)
{
	return a0 == FFA_SUCCESS_32 || a0 == FFA_SUCCESS_64;
}

/* A test-protocol command to a partition: 0 when it answered status 0. */
static int tp_cmd(struct bench *b, u16 to, const u64 args[5], u64 out[5])
{
	struct bench_call r = {
		.a0 = FFA_MSG_SEND_DIRECT_REQ_64,
		.a1 = FFA_SENDER_RECEIVER(SELF, to),
		.a3 = args[0], .a4 = args[1], .a5 = args[2],
		.a6 = args[3], .a7 = args[4],
	};

	call_partition(b, &r);
	if (r.a0 != FFA_MSG_SEND_DIRECT_RESP_64)
		return -EIO;
	if (out) {
		out[0] = r.a3;
		out[1] = r.a4;
		out[2] = r.a5;
		out[3] = r.a6;
		out[4] = r.a7;
	}
	return r.a3 ? -EIO : 0;
}

/* ---- the operations: one each, 0 or -errno ---- */

static int op_calib(struct bench *b)
{
	return 0;	/* timed apart: run_calib() */
}

static int op_null(struct bench *b)
{
	struct bench_call r = { .a0 = SMCCC_VERSION };

	bench_smc(&r);
	return r.a0 == 0x10002 ? 0 : -EIO;
}

static int op_null_smccc(struct bench *b)
{
	struct arm_smccc_1_2_regs r = { .a0 = SMCCC_VERSION };

	smc_smccc(&r);
	return r.a0 == 0x10002 ? 0 : -EIO;
}

/*
 * The same trap with no wrapper: x0 in, x0-x17 clobbered. What the
 * firmware adds to a trap, without arm_smccc_1_2_smc's loads and stores.
 */
static int op_null_asm(struct bench *b)
{
	register unsigned long x0 asm("x0") = SMCCC_VERSION;

	asm volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "x4", "x5",
		     "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
		     "x14", "x15", "x16", "x17", "memory");
	return x0 == 0x10002 ? 0 : -EIO;
}

static int op_id_get(struct bench *b)
{
	struct bench_call r = { .a0 = FFA_ID_GET };

	bench_smc(&r);
	return ffa_success(r.a0) && r.a2 == SELF ? 0 : -EIO;
}

static int op_direct64(struct bench *b)
{
	struct bench_call r = {
		.a0 = FFA_MSG_SEND_DIRECT_REQ_64,
		.a1 = FFA_SENDER_RECEIVER(SELF, ECHO_SP),
		.a3 = 1, .a4 = 2, .a5 = 3, .a6 = 4, .a7 = 5,
	};

	call_partition(b, &r);
	return r.a0 == FFA_MSG_SEND_DIRECT_RESP_64 && r.a7 == 5 ? 0 : -EIO;
}

static int op_direct64_smccc(struct bench *b)
{
	struct arm_smccc_1_2_regs r = {
		.a0 = FFA_MSG_SEND_DIRECT_REQ_64,
		.a1 = FFA_SENDER_RECEIVER(SELF, ECHO_SP),
		.a3 = 1, .a4 = 2, .a5 = 3, .a6 = 4, .a7 = 5,
	};

	regs_to_partition(b, &r, false);
	return r.a0 == FFA_MSG_SEND_DIRECT_RESP_64 && r.a7 == 5 ? 0 : -EIO;
}

/*
 * REQ2 carries x4-x17: set each register once (an initializer would
 * clear the structure with memset first).
 */
static int op_req2(struct bench *b)
{
	struct arm_smccc_1_2_regs r;

	r.a0 = FFA_MSG_SEND_DIRECT_REQ2;
	r.a1 = FFA_SENDER_RECEIVER(SELF, ECHO_SP);
	r.a2 = b->req2_uuid[0];
	r.a3 = b->req2_uuid[1];
	r.a4 = 4;
	r.a5 = 0; r.a6 = 0; r.a7 = 0; r.a8 = 0; r.a9 = 0; r.a10 = 0;
	r.a11 = 0; r.a12 = 0; r.a13 = 0; r.a14 = 0; r.a15 = 0; r.a16 = 0;
	r.a17 = 17;
	regs_to_partition(b, &r, true);
	return r.a0 == FFA_MSG_SEND_DIRECT_RESP2 && r.a17 == 17 ? 0 : -EIO;
}

/* FFA_RUN of the waiting echo partition: it waits again at once. */
static int op_run(struct bench *b)
{
	struct bench_call r = {
		.a0 = FFA_RUN, .a1 = FFA_TARGET_INFO(ECHO_SP, 0),
	};

	call_partition(b, &r);
	return r.a0 == FFA_MSG_WAIT || ffa_success(r.a0) ? 0 : -EIO;
}

/* We set notification 0 for the test partition, which gets it. */
static int op_notify(struct bench *b)
{
	static const u64 get[5] = { TP_CMD_NOTIF_GET };
	struct bench_call r = {
		.a0 = FFA_NOTIFICATION_SET,
		.a1 = FFA_SENDER_RECEIVER(SELF, TEST_SP),
		.a3 = (u32)NOTIF_BIT,
	};
	u64 out[5];

	bench_smc(&r);
	if (!ffa_success(r.a0))
		return -EIO;
	if (tp_cmd(b, TEST_SP, get, out))
		return -EIO;
	return out[2] == NOTIF_BIT ? 0 : -EIO;	/* [2]: from VMs */
}

/*
 * SHARE the pages (the descriptor lib/ built in TX at setup), the test
 * partition RETRIEVEs and RELINQUISHes them without touching them, we
 * RECLAIM: a whole transaction.
 */
static int op_mem(struct bench *b)
{
	struct bench_call r = {
		.a0 = FFA_MEM_SHARE_64, .a1 = b->mtd_len, .a2 = b->mtd_len,
	};
	u64 args[5] = { TP_CMD_MEM_RETRIEVE, 0, SELF, MEM_TAG,
			TP_MEM_RELINQUISH | TP_MEM_NO_TOUCH };
	u64 out[5], handle;

	bench_smc(&r);
	if (!ffa_success(r.a0))
		return -EIO;
	handle = FFA_HANDLE_MAKE(r.a2, r.a3);
	args[1] = handle;
	if (tp_cmd(b, TEST_SP, args, out) || out[2] != b->pages)
		return -EIO;
	r = (struct bench_call){
		.a0 = FFA_MEM_RECLAIM,
		.a1 = FFA_HANDLE_LO(handle), .a2 = FFA_HANDLE_HI(handle),
	};
	bench_smc(&r);
	return ffa_success(r.a0) ? 0 : -EIO;
}

/* ---- setup ---- */

/* Build the share of b->pages pages at b->mem into TX (lib/). */
static int build_share(struct bench *b, unsigned int pages)
{
	const struct ffa_mem_access to = {
		.receiver_id = TEST_SP, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = SELF, .tag = MEM_TAG,
			 .attributes = FFA_MEM_ATTR_NORMAL_WB_IS },
		.access = &to, .nr_access = 1, .total_pages = pages,
		.nr_ranges = 1,
	};
	struct ffa_mtd_builder mb;
	int ret;

	ret = ffa_mtd_build_begin(&mb, b->tx, PAGE_SIZE, &spec);
	if (!ret)
		ret = ffa_mtd_build_add(&mb, page_to_phys(b->mem), pages);
	if (!ret)
		ret = ffa_mtd_build_finish(&mb);
	if (ret || mb.frag_len != mb.total_len)
		return -EINVAL;
	b->pages = pages;
	b->mtd_len = mb.total_len;
	return 0;
}

static int bench_open(struct bench *b)
{
	struct bench_call r = { .a0 = FFA_VERSION, .a1 = FFA_VERSION_1_2 };
	static const u64 bind[5] = { TP_CMD_NOTIF_BIND, SELF, NOTIF_BIT };
	struct ffa_uuid u;

	bench_smc(&r);
	if (r.a0 != FFA_VERSION_1_2)
		return -EPROTO;
	b->tx = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	b->rx = (void *)__get_free_page(GFP_KERNEL | __GFP_ZERO);
	b->mem = alloc_pages(GFP_KERNEL | __GFP_ZERO, MAX_ORDER_PAGES);
	if (!b->tx || !b->rx || !b->mem)
		return -ENOMEM;
	r = (struct bench_call){ .a0 = FFA_RXTX_MAP_64,
			   .a1 = virt_to_phys(b->tx),
			   .a2 = virt_to_phys(b->rx), .a3 = 1 };
	bench_smc(&r);
	if (!ffa_success(r.a0))
		return -EIO;
	if (ffa_uuid_parse(&u, TP_UUID_ECHO, FFA_UUID_STR_LEN))
		return -EINVAL;
	ffa_uuid_to_x2(&u, b->req2_uuid);
	/* The test partition accepts notification 0 from us. */
	return tp_cmd(b, TEST_SP, bind, NULL);
}

static void bench_close(struct bench *b)
{
	struct bench_call r = { .a0 = FFA_RXTX_UNMAP,
			  .a1 = FFA_TARGET_INFO(SELF, 0) };

	if (b->tx && b->rx)
		bench_smc(&r);
	if (b->mem)
		__free_pages(b->mem, MAX_ORDER_PAGES);
	free_page((unsigned long)b->rx);
	free_page((unsigned long)b->tx);
}

/* ---- timing ---- */

struct op {
	const char *name;
	int (*fn)(struct bench *b);
	unsigned int pages;	/* for op_mem: the share's size */
};

static const struct op ops[] = {
	{ "calib", op_calib },
	{ "null", op_null },
	{ "null_asm", op_null_asm },
	{ "null_smccc", op_null_smccc },
	{ "id_get", op_id_get },
	{ "direct_req64", op_direct64 },
	{ "direct_req64_smccc", op_direct64_smccc },
	{ "direct_req2", op_req2 },
	{ "run", op_run },
	{ "notify_set_get", op_notify },
	{ "mem_1", op_mem, 1 },
	{ "mem_n", op_mem, 1U << MAX_ORDER_PAGES },
};

/* Exactly 2 instructions an iteration; n = 0 runs none. */
static u64 time_calib(unsigned long n)
{
	unsigned long flags;
	u64 t0, t1;

	local_irq_save(flags);
	t0 = counter();
	if (n)
		asm volatile("1: subs %0, %0, #1\n\tb.ne 1b"
			     : "+r"(n) : : "cc");
	t1 = counter();
	local_irq_restore(flags);
	return t1 - t0;
}

/* Ticks for n operations, interrupts masked; *err on the first failure. */
static u64 time_op(struct bench *b, const struct op *op, unsigned int n,
		   int *err)
{
	unsigned long flags;
	unsigned int i;
	u64 t0, t1;

	local_irq_save(flags);
	t0 = counter();
	for (i = 0; i < n && !*err; i++)
		*err = op->fn(b);
	t1 = counter();
	local_irq_restore(flags);
	return t1 - t0;
}

/* Best (smallest) of reps runs of n operations. */
static int best_of(struct bench *b, const struct op *op, unsigned int n,
		   u64 *best)
{
	unsigned int rep;
	int err = 0;

	*best = U64_MAX;
	for (rep = 0; rep < reps && !err; rep++) {
		u64 t = op->fn == op_calib ? time_calib(n * 1000UL)
					   : time_op(b, op, n, &err);

		*best = min(*best, t);
	}
	return err;
}

static int measure(struct bench *b, const struct op *op)
{
	u64 t_n, t_0;
	int err;

	if (op->pages) {
		err = build_share(b, op->pages);
		if (err)
			return err;
	}
	b->irqs = 0;
	err = best_of(b, op, 0, &t_0);
	if (!err)
		err = best_of(b, op, iters, &t_n);
	if (err)
		return err;
	pr_info("ffa-icount: op %s n=%u ticks_n=%llu ticks_0=%llu freq=%llu irq=%u units=%u\n",
		op->name, op->fn == op_calib ? iters * 1000 : iters, t_n, t_0,
		counter_freq(), b->irqs, op->pages ? op->pages : 1);
	return 0;
}

static int __init ffa_icount_init(void)
{
	struct bench b = { };
	unsigned int i;
	int err;

	if (!iters || !reps) {
		pr_info("ffa-icount: FAIL iters and reps must not be 0\n");
		return -EINVAL;
	}
	err = bench_open(&b);
	if (err) {
		pr_info("ffa-icount: FAIL setup: %d\n", err);
		bench_close(&b);
		return err;
	}
	for (i = 0; i < ARRAY_SIZE(ops) && !err; i++) {
		if (*only && strcmp(only, ops[i].name))
			continue;
		err = measure(&b, &ops[i]);
		if (err)
			pr_info("ffa-icount: FAIL %s: %d\n", ops[i].name, err);
	}
	bench_close(&b);
	if (err)
		return err;
	pr_info("ffa-icount: DONE\n");
	return 0;
}

static void __exit ffa_icount_exit(void)
{
}

module_init(ffa_icount_init);
module_exit(ffa_icount_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ffa: instructions and time per FF-A operation, raw SMC");
