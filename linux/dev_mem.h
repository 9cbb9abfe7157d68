/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Between dev_mem.c (the ioctls), dev_pin.c (the user pages) and
 * dev_orphan.c (what outlives its file, the counters): a transaction of
 * user memory and the pages it holds pinned.
 */
#ifndef FFA_DRV_DEV_MEM_H
#define FFA_DRV_DEV_MEM_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/types.h>

struct page;

/*
 * A share or lend not yet reclaimed: on its file's list, then on the
 * orphans' once the file is closed. (A donation is never reclaimed: it
 * leaves its pages pinned and is not kept.)
 */
struct ffa_dev_mem_tx {
	struct list_head node;
	u64 handle;
	struct page **pages;	/* count pinned pages, kvmalloc'ed */
	size_t count;		/* in kernel pages */
	bool written;		/* a borrower may have written them */
};

/* Self's counters (/sys/class/ffa/self/), in kernel pages for pages. */
struct ffa_dev_mem_stats {
	atomic_long_t shares;		/* live tx owned by open files */
	atomic_long_t orphans;		/* tx whose file is closed */
	atomic_long_t pinned_pages;	/* every page held: tx, donations */
	atomic_long_t donated_pages;	/* pinned for ever */
};

extern struct ffa_dev_mem_stats ffa_dev_mem_stats;

/* ---- dev_pin.c ---- */

/*
 * Whether every VMA of [start, end) is VM_DONTCOPY (MADV_DONTFORK): 0,
 * -EINVAL when one is not, -EFAULT when part of it is not mapped.
 */
int ffa_dev_mem_check_dontfork(unsigned long start, unsigned long end);
/*
 * Pin count pages from addr for the long term (write: for writing) into
 * a new array; an ERR_PTR, with nothing left pinned, on failure
 * (-EFAULT: part of the range is not mapped).
 */
struct page **ffa_dev_mem_pin(unsigned long addr, size_t count, bool write);
/* Unpin the count pages of pages (marked dirty when written), free it. */
void ffa_dev_mem_unpin(struct page **pages, size_t count, bool written);

/* ---- dev_orphan.c ---- */

/* tx was reclaimed: give its pages back to Linux and free it. */
void ffa_dev_mem_tx_free(struct ffa_dev_mem_tx *tx);
/*
 * The file of tx closed and its reclaim failed: keep tx, pinned, and
 * retry about every second until a reclaim succeeds.
 */
void ffa_dev_mem_orphan(struct ffa_dev_mem_tx *tx);

#endif /* FFA_DRV_DEV_MEM_H */
