/* SPDX-License-Identifier: GPL-2.0 */
/*
 * /dev/ffa (include/uapi/linux/ffa_dev.h), one more user of the core:
 * how its files divide the work.
 *
 *   dev_node.c   the class, the nodes (self and one per partition),
 *                open/release, claims, sysfs
 *   dev_part.c   a partition node's ioctls and write()
 *   dev_self.c   self's read(), poll(), received notifications, and its
 *                ioctls (memory ones handed to dev_mem.c)
 *   dev_mem.c    memory transactions of user buffers: pinning, reclaim,
 *                what outlives its file (with dev_pin.c, dev_orphan.c;
 *                dev_mem.h between the three)
 *
 * dev_priv.h is what dev_node.c, dev_part.c and dev_self.c share.
 */
#ifndef FFA_DRV_DEV_H
#define FFA_DRV_DEV_H

#include <linux/sysfs.h>
#include <linux/types.h>

struct file;

/* Bring /dev/ffa up after the core, and down before it. */
int ffa_dev_init(void);
void ffa_dev_exit(void);

/*
 * The partition an open file of /dev/ffa talks to: 0 and *id when f is
 * a partition node's, -EBADF for any other file (self included). The
 * caller holds a reference to f (fdget()).
 */
int ffa_dev_file_partition(struct file *f, u16 *id);

/* ---- dev_mem.c ---- */

/* The transactions of one open file of self. */
struct ffa_dev_mem_owner;

struct ffa_dev_mem_owner *ffa_dev_mem_open(void);
/*
 * FFA_DEV_IOC_MEM_SHARE, _LEND, _DONATE and _RECLAIM; -ENOTTY for any
 * other cmd.
 */
long ffa_dev_mem_ioctl(struct ffa_dev_mem_owner *o, unsigned int cmd,
		       void __user *arg);
/*
 * The file is closing: reclaim its transactions; those the borrowers
 * still hold stay pinned and are retried later (orphans). Frees o.
 */
void ffa_dev_mem_close(struct ffa_dev_mem_owner *o);

int ffa_dev_mem_init(void);
/* Reclaim the orphans one last time; what is still lent stays pinned. */
void ffa_dev_mem_exit(void);

/* Self's counters (/sys/class/ffa/self/): pinned pages, orphans... */
extern const struct attribute_group ffa_dev_mem_group;

/* ---- dev_self.c, for ops_notif.c ---- */

/*
 * Notifications bound through /dev/ffa arrived (FFA_NOTIFICATION_GET's
 * bitmaps, only /dev/ffa's bits): pend them on self. Safe to call at any
 * time, /dev/ffa up or not.
 */
void ffa_dev_notified(u64 from_sp, u64 from_vm);

/* ---- ops_notif.c, for /dev/ffa ---- */

/*
 * The 64 notification IDs this kernel receives are shared by the drivers
 * (notify_request) and /dev/ffa: an ID is one user's at a time. Reserve
 * bitmap for /dev/ffa: -EBUSY, and nothing reserved, when any of its IDs
 * is a driver's or already /dev/ffa's. Reserved IDs are reported to
 * ffa_dev_notified() when they arrive.
 */
int ffa_drv_notif_reserve(u64 bitmap);
void ffa_drv_notif_unreserve(u64 bitmap);

#endif /* FFA_DRV_DEV_H */
