// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_drvlat.ko: what an FF-A driver adds to a direct message, and what
 * a share costs per page through one. A driver on the arm_ffa bus, bound
 * to the echo partition by its UUID: loaded on upstream's arm_ffa or on
 * our linux/ffa.ko (the same <linux/arm_ffa.h> API), it times, in the
 * same boot:
 *
 *   null               SMCCC_VERSION, raw (the floor: a trap and back)
 *   direct_req64       a raw DIRECT_REQ_64 to the echo partition
 *   sync_send_receive  the same through ops->msg_ops
 *   sync_send_receive2 REQ2 through ops->msg_ops (skipped, with its
 *                      errno, where the driver does not speak v1.2)
 *   mem_N              ops->mem_ops memory_share of N discontiguous
 *                      pages to the echo partition, then memory_reclaim
 *                      (mem_max > 0: N = 1, 2, 4 .. mem_max; each block
 *                      of mem_chunk pages is one constituent)
 *
 * as tests/bench/icount does: each operation n times and 0 times
 * between two reads of the virtual counter, the best of reps runs, and
 * (ticks(n) - ticks(0)) / n per operation; under QEMU's -icount shift=0
 * that is guest instructions, in a normal boot wall-clock time.
 * tests/bench/drvlat/run makes the tables.
 *
 * Unlike icount, interrupts stay unmasked and preemption enabled: a
 * driver resumes a partition that an interrupt preempted (FFA_INTERRUPT)
 * with FFA_RUN, which with the interrupt masked and still pending would
 * be preempted again at once, forever; ours also cond_resched()s there,
 * and the memory ops take a mutex (the RX/TX pair's), so neither
 * interrupts nor preemption may be disabled around them. The bench is
 * one idle CPU: a run that an interrupt or another task lands in is
 * slower, and the best of reps is a clean one.
 *
 * Output: "ffa-drvlat: op NAME n=N ticks_n=T ticks_0=T0 freq=HZ
 * units=U" per operation (U: pages for mem_N), "ffa-drvlat: skip NAME
 * ERRNO" (no REQ2), "ffa-drvlat: limit mem_N ERRNO" (the driver refused
 * a share of N pages after the smaller ones passed: the sizes stop
 * there), then "ffa-drvlat: DONE" or "ffa-drvlat: FAIL WHY".
 */
#define pr_fmt(fmt) "ffa-drvlat: " fmt

#include <linux/arm_ffa.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uuid.h>

#include "drvlat.h"

static unsigned int iters = 200;
module_param(iters, uint, 0444);
MODULE_PARM_DESC(iters, "N: messages per timed run");
static unsigned int reps = 5;
module_param(reps, uint, 0444);
MODULE_PARM_DESC(reps, "timed runs per operation (the best is kept)");
static unsigned int mem_max;
module_param(mem_max, uint, 0444);
MODULE_PARM_DESC(mem_max, "largest share in pages, a power of two (0: no memory rows)");
static unsigned int mem_chunk = 1;
module_param(mem_chunk, uint, 0444);
MODULE_PARM_DESC(mem_chunk, "pages per constituent, a power of two (default 1: every page its own)");
static unsigned int mem_run = 64;
module_param(mem_run, uint, 0444);
MODULE_PARM_DESC(mem_run, "pages shared per timed run (at least one share)");

struct drvlat {
	struct ffa_device *dev;
	const struct ffa_ops *ops;
	uuid_t uuid;
	u16 own_id;			/* this kernel's FF-A ID */
	struct page **pages;		/* blocks of mem_chunk pages */
	unsigned int nblocks;
	unsigned int npages;		/* allocated: nblocks * mem_chunk */
	struct sg_table sgt;		/* the share: the first N pages */
};

struct op {
	const char *name;
	int (*fn)(struct drvlat *d);
	unsigned int n;			/* per timed run */
	unsigned int units;		/* pages for a share */
};

static int op_null(struct drvlat *d)
{
	return drvlat_raw_null();
}

static int op_raw(struct drvlat *d)
{
	return drvlat_raw_direct(d->own_id, d->dev->vm_id);
}

static int op_ssr(struct drvlat *d)
{
	struct ffa_send_direct_data m = { 1, 2, 3, 4, 5 };
	int rc = d->ops->msg_ops->sync_send_receive(d->dev, &m);

	return rc ? rc : m.data4 == 5 ? 0 : -EIO;
}

static int op_ssr2(struct drvlat *d)
{
	struct ffa_send_direct_data2 m = { .data = { 4, [13] = 17 } };
	int rc = d->ops->msg_ops->sync_send_receive2(d->dev, &d->uuid, &m);

	return rc ? rc : m.data[13] == 17 ? 0 : -EIO;
}

static int op_mem(struct drvlat *d)
{
	struct ffa_mem_region_attributes attr = {
		.receiver = d->dev->vm_id,
		.attrs = FFA_MEM_RW,
	};
	struct ffa_mem_ops_args args = {
		.use_txbuf = true,
		.nattrs = 1,
		.attrs = &attr,
		.sg = d->sgt.sgl,
	};
	int rc = d->ops->mem_ops->memory_share(&args);

	return rc ? rc : d->ops->mem_ops->memory_reclaim(args.g_handle, 0);
}

/* Ticks for n operations; *err on the first failure. */
static u64 time_op(struct drvlat *d, const struct op *op, unsigned int n,
		   int *err)
{
	unsigned int i;
	u64 t0 = drvlat_counter();

	for (i = 0; i < n && !*err; i++)
		*err = op->fn(d);
	return drvlat_counter() - t0;
}

static int best_of(struct drvlat *d, const struct op *op, unsigned int n,
		   u64 *best)
{
	unsigned int rep;
	int err = 0;

	*best = U64_MAX;
	for (rep = 0; rep < reps && !err; rep++)
		*best = min(*best, op->fn ? time_op(d, op, n, &err)
					  : drvlat_calib(n));
	return err;
}

static int measure(struct drvlat *d, const struct op *op)
{
	u64 t_n, t_0;
	int err = best_of(d, op, 0, &t_0);

	if (!err)
		err = best_of(d, op, op->n, &t_n);
	if (err)
		return err;
	pr_info("op %s n=%u ticks_n=%llu ticks_0=%llu freq=%llu units=%u\n",
		op->name, op->n, t_n, t_0, drvlat_counter_freq(), op->units);
	return 0;
}

/*
 * The share of the first n pages: one constituent per block of
 * mem_chunk pages (the blocks are allocated one by one, so they are
 * scattered), the last one shorter when n is not a multiple.
 */
static int share_of(struct drvlat *d, unsigned int n)
{
	unsigned int i, nents = DIV_ROUND_UP(n, mem_chunk);
	struct scatterlist *sg;
	int rc;

	sg_free_table(&d->sgt);
	rc = sg_alloc_table(&d->sgt, nents, GFP_KERNEL);
	if (rc)
		return rc;
	for_each_sg(d->sgt.sgl, sg, nents, i)
		sg_set_page(sg, d->pages[i],
			    min(n - i * mem_chunk, mem_chunk) * PAGE_SIZE, 0);
	return 0;
}

/* Up to mem_max pages; the share sizes stop where they ran out. */
static int alloc_pages_for_mem(struct drvlat *d)
{
	unsigned int want = DIV_ROUND_UP(mem_max, mem_chunk);
	unsigned int order = ilog2(mem_chunk);

	d->pages = kvcalloc(want, sizeof(*d->pages), GFP_KERNEL);
	if (!d->pages)
		return -ENOMEM;
	while (d->nblocks < want) {
		d->pages[d->nblocks] = alloc_pages(GFP_KERNEL | __GFP_NOWARN,
						   order);
		if (!d->pages[d->nblocks])
			break;
		d->nblocks++;
	}
	d->npages = d->nblocks * mem_chunk;
	if (d->npages < mem_max)
		pr_info("only %u of %u pages: shares up to %lu\n", d->npages,
			mem_max, d->npages ? rounddown_pow_of_two(d->npages) : 0);
	return d->npages ? 0 : -ENOMEM;
}

static void free_mem(struct drvlat *d)
{
	while (d->nblocks)
		__free_pages(d->pages[--d->nblocks], ilog2(mem_chunk));
	kvfree(d->pages);
	sg_free_table(&d->sgt);
}

static int run_mem(struct drvlat *d)
{
	char name[16];
	unsigned int n;
	int err;

	err = alloc_pages_for_mem(d);
	for (n = 1; !err && n <= d->npages; n *= 2) {
		struct op op = { name, op_mem, max(1U, mem_run / n), n };

		snprintf(name, sizeof(name), "mem_%u", n);
		err = share_of(d, n);
		if (!err)
			err = measure(d, &op);
		if (err)
			break;
	}
	/* A driver's own limit is a result, not a failure: the run says. */
	if (err && n > 1) {
		pr_info("limit mem_%u %d\n", n, err);
		err = 0;
	}
	free_mem(d);
	return err;
}

static int run_all(struct drvlat *d)
{
	const struct op ops[] = {
		{ "calib", NULL, iters * 1000, 1 },
		{ "null", op_null, iters, 1 },
		{ "direct_req64", op_raw, iters, 1 },
		{ "sync_send_receive", op_ssr, iters, 1 },
		{ "sync_send_receive2", op_ssr2, iters, 1 },
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(ops); i++) {
		/* REQ2 is v1.2's: a driver that negotiated less refuses it. */
		if (ops[i].fn == op_ssr2) {
			err = d->ops->msg_ops->sync_send_receive2 ? op_ssr2(d)
								  : -EOPNOTSUPP;
			if (err) {
				pr_info("skip %s %d\n", ops[i].name, err);
				continue;
			}
		}
		err = measure(d, &ops[i]);
		if (err) {
			pr_info("FAIL %s: %d\n", ops[i].name, err);
			return err;
		}
	}
	return mem_max ? run_mem(d) : 0;
}

static bool drvlat_done;

static int drvlat_probe(struct ffa_device *dev)
{
	struct drvlat d = { .dev = dev, .ops = dev->ops };
	int err;

	if (drvlat_done)	/* one echo partition is enough */
		return 0;
	drvlat_done = true;
	uuid_copy(&d.uuid, &dev->uuid);
	err = drvlat_raw_id(&d.own_id);
	if (!err)
		err = run_all(&d);
	if (err)
		pr_info("FAIL %d\n", err);
	else
		pr_info("DONE\n");
	return 0;
}

static void drvlat_remove(struct ffa_device *dev)
{
}

/* Filled in at init from the partition's header (drvlat_raw.c). */
static struct ffa_device_id drvlat_ids[2];

static struct ffa_driver drvlat_driver = {
	.name = "ffa-drvlat",
	.probe = drvlat_probe,
	.remove = drvlat_remove,
	.id_table = drvlat_ids,
};

static int __init drvlat_init(void)
{
	if (!iters || !reps || (mem_max && !is_power_of_2(mem_max)) ||
	    !is_power_of_2(mem_chunk) || mem_chunk > SZ_4M / PAGE_SIZE) {
		pr_info("FAIL iters and reps > 0, mem_max and mem_chunk powers of two\n");
		return -EINVAL;
	}
	if (uuid_parse(drvlat_echo_uuid, &drvlat_ids[0].uuid))
		return -EINVAL;
	return ffa_register(&drvlat_driver);
}
module_init(drvlat_init);

static void __exit drvlat_exit(void)
{
	ffa_unregister(&drvlat_driver);
}
module_exit(drvlat_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ffa: what an FF-A driver adds to a direct message and a share");
