// SPDX-License-Identifier: GPL-2.0
/*
 * What outlives the file that made it (dev_mem.h): the shares and lends
 * a borrower still held when their file closed (the orphans), retried
 * about every second until reclaimed; and self's counters.
 *
 * An orphan's pages stay pinned until the reclaim succeeds: unpinned
 * earlier, Linux would reuse pages a partition still maps. At unload
 * the orphans get one last try; what is still lent then stays pinned
 * for good (logged), never freed.
 */
#define pr_fmt(fmt) "ffa: dev: " fmt

#include <linux/device.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/workqueue.h>

#include "core.h"
#include "dev.h"
#include "dev_mem.h"

/* How often the orphans are reclaimed again. */
#define ORPHAN_RETRY_PERIOD	HZ

struct ffa_dev_mem_stats ffa_dev_mem_stats;

/* orphan_lock owns orphans, the list of ffa_dev_mem_tx. */
static DEFINE_MUTEX(orphan_lock);
static LIST_HEAD(orphans);

static void orphan_retry(struct work_struct *work);
static DECLARE_DELAYED_WORK(orphan_work, orphan_retry);

void ffa_dev_mem_tx_free(struct ffa_dev_mem_tx *tx)
{
	ffa_dev_mem_unpin(tx->pages, tx->count, tx->written);
	atomic_long_sub(tx->count, &ffa_dev_mem_stats.pinned_pages);
	kfree(tx);
}

void ffa_dev_mem_orphan(struct ffa_dev_mem_tx *tx)
{
	pr_info("share 0x%llx outlives its file: a borrower still holds it\n",
		tx->handle);
	mutex_lock(&orphan_lock);
	list_add_tail(&tx->node, &orphans);
	atomic_long_inc(&ffa_dev_mem_stats.orphans);
	mutex_unlock(&orphan_lock);
	/* Already pending: the next pass takes this one too. */
	schedule_delayed_work(&orphan_work, ORPHAN_RETRY_PERIOD);
}

/* Reclaim every orphan that can be; true when some remain. */
static bool orphans_reclaim(void)
{
	struct ffa_dev_mem_tx *tx, *next;
	bool left;

	mutex_lock(&orphan_lock);
	list_for_each_entry_safe(tx, next, &orphans, node) {
		if (ffa_core_mem_reclaim(tx->handle, 0))
			continue;
		list_del(&tx->node);
		atomic_long_dec(&ffa_dev_mem_stats.orphans);
		pr_info("share 0x%llx reclaimed\n", tx->handle);
		ffa_dev_mem_tx_free(tx);
	}
	left = !list_empty(&orphans);
	mutex_unlock(&orphan_lock);
	return left;
}

static void orphan_retry(struct work_struct *work)
{
	if (orphans_reclaim())
		schedule_delayed_work(&orphan_work, ORPHAN_RETRY_PERIOD);
}

int ffa_dev_mem_init(void)
{
	return 0;
}

void ffa_dev_mem_exit(void)
{
	struct ffa_dev_mem_tx *tx, *next;

	/* No file is open: nothing adds orphans; the work stops requeuing. */
	cancel_delayed_work_sync(&orphan_work);
	if (!orphans_reclaim())
		return;
	list_for_each_entry_safe(tx, next, &orphans, node) {
		pr_err("share 0x%llx still lent at unload: its %zu pages stay pinned\n",
		       tx->handle, tx->count);
		list_del(&tx->node);
		/* The array goes; the pins stay, so the pages never return. */
		kvfree(tx->pages);
		kfree(tx);
	}
}

/* ---- the counters: attributes of /sys/class/ffa/self/ ---- */

static ssize_t stat_show(char *buf, atomic_long_t *v)
{
	return sysfs_emit(buf, "%ld\n", atomic_long_read(v));
}

static ssize_t shares_show(struct device *dev, struct device_attribute *attr,
			   char *buf)
{
	return stat_show(buf, &ffa_dev_mem_stats.shares);
}
static DEVICE_ATTR_RO(shares);

static ssize_t orphans_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return stat_show(buf, &ffa_dev_mem_stats.orphans);
}
static DEVICE_ATTR_RO(orphans);

static ssize_t pinned_pages_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return stat_show(buf, &ffa_dev_mem_stats.pinned_pages);
}
static DEVICE_ATTR_RO(pinned_pages);

static ssize_t donated_pages_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	return stat_show(buf, &ffa_dev_mem_stats.donated_pages);
}
static DEVICE_ATTR_RO(donated_pages);

static struct attribute *ffa_dev_mem_attrs[] = {
	&dev_attr_shares.attr,
	&dev_attr_orphans.attr,
	&dev_attr_pinned_pages.attr,
	&dev_attr_donated_pages.attr,
	NULL
};

const struct attribute_group ffa_dev_mem_group = {
	.attrs = ffa_dev_mem_attrs,
};
