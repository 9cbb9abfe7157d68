/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What /dev/ffa's files share (dev.h says which file does what): the
 * nodes, the open files of partition nodes, the file operations.
 */
#ifndef FFA_DRV_DEV_PRIV_H
#define FFA_DRV_DEV_PRIV_H

#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sysfs.h>
#include <linux/types.h>

#include "core.h"

/* A partition's node: /dev/ffa/<uuid>[.<id>]. */
struct ffa_dev_node {
	struct ffa_core_part part;
	struct device *dev;
	unsigned int opens;	/* open files; under dev_node.c's claim_lock */
};

/*
 * An open file of a partition node. id is read on every request without
 * a lock (it never changes).
 */
struct ffa_dev_pfile {
	u16 id;
	struct ffa_dev_node *node;
	struct mutex notif_lock;	/* serialises the file's bindings */
	u64 bound;		/* notification IDs bound through this file */
};

/* ---- dev_part.c ---- */

/* FFA_DEV_IOC_INFO about part (self's: its ID, the rest 0). */
long ffa_dev_info_ioctl(const struct ffa_core_part *part, void __user *arg);
long ffa_dev_part_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
ssize_t ffa_dev_part_write(struct file *f, const char __user *buf,
			   size_t count, loff_t *pos);
/* The file is closing: undo the bindings made through it. */
void ffa_dev_part_notif_release(struct ffa_dev_pfile *pf);

/* ---- dev_self.c ---- */

int ffa_dev_self_init(void);
void ffa_dev_self_exit(void);
long ffa_dev_self_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
ssize_t ffa_dev_self_read(struct file *f, char __user *buf, size_t count,
			  loff_t *pos);
__poll_t ffa_dev_self_poll(struct file *f, poll_table *wait);
/* Self's own attributes: id, version, msgs_dropped. */
extern const struct attribute_group ffa_dev_self_group;

#endif /* FFA_DRV_DEV_PRIV_H */
