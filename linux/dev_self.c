// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ffa/self: what comes to this kernel. Indirect messages from
 * senders no in-kernel user listens to (the core's catch-all receiver)
 * wait in one device-wide queue of at most MSGS_MAX, which any reader of
 * self drains, one message per read(); when it is full the newest is
 * dropped and counted (msgs_dropped). Notifications bound through the
 * partition nodes pend in one device-wide pair of bitmaps, which
 * FFA_DEV_IOC_NOTIF_GET takes. poll() wakes on either. The memory
 * ioctls are dev_mem.c's.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/device.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/overflow.h>
#include <linux/poll.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <linux/ffa_dev.h>

#include "core.h"
#include "dev.h"
#include "dev_priv.h"

#define MSGS_MAX	64

struct self_msg {
	struct list_head link;
	u16 sender;
	u32 size;
	u8 payload[];
};

/*
 * self_lock guards the queue, its counters and the pending bitmaps; all
 * its users run in process context (read, ioctl, the SRI's work).
 */
static DEFINE_SPINLOCK(self_lock);
static LIST_HEAD(self_msgs);
static unsigned int self_nr_msgs;
static u64 self_dropped;
static u64 self_from_sp, self_from_vm;
static DECLARE_WAIT_QUEUE_HEAD(self_wq);
static bool self_receiving;

/* The core's catch-all receiver: queue a copy of the message. */
static void self_msg_received(u16 sender, const void *payload, size_t size,
			      void *data)
{
	struct self_msg *m = kmalloc(struct_size(m, payload, size), GFP_KERNEL);
	bool queued = false;

	spin_lock(&self_lock);
	if (m && self_nr_msgs < MSGS_MAX) {
		m->sender = sender;
		m->size = size;
		memcpy(m->payload, payload, size);
		list_add_tail(&m->link, &self_msgs);
		self_nr_msgs++;
		queued = true;
	} else {
		self_dropped++;
	}
	spin_unlock(&self_lock);
	if (queued)
		wake_up_interruptible_poll(&self_wq, EPOLLIN | EPOLLRDNORM);
	else
		kfree(m);
}

void ffa_dev_notified(u64 from_sp, u64 from_vm)
{
	spin_lock(&self_lock);
	self_from_sp |= from_sp;
	self_from_vm |= from_vm;
	spin_unlock(&self_lock);
	wake_up_interruptible_poll(&self_wq, EPOLLPRI);
}

/*
 * The next message if it fits count bytes with its header (taken off the
 * queue), ERR_PTR(-EMSGSIZE) if it does not (it stays), NULL if none.
 */
static struct self_msg *msg_take(size_t count)
{
	struct self_msg *m;

	spin_lock(&self_lock);
	m = list_first_entry_or_null(&self_msgs, struct self_msg, link);
	if (m && count < sizeof(struct ffa_dev_msg_hdr) + m->size) {
		m = ERR_PTR(-EMSGSIZE);
	} else if (m) {
		list_del(&m->link);
		self_nr_msgs--;
	}
	spin_unlock(&self_lock);
	return m;
}

/* Put back a message a reader could not copy out, first in line. */
static void msg_untake(struct self_msg *m)
{
	spin_lock(&self_lock);
	list_add(&m->link, &self_msgs);
	self_nr_msgs++;
	spin_unlock(&self_lock);
	wake_up_interruptible_poll(&self_wq, EPOLLIN | EPOLLRDNORM);
}

static bool msg_waiting(void)
{
	return READ_ONCE(self_nr_msgs) != 0;
}

static ssize_t msg_copy_out(struct self_msg *m, char __user *buf)
{
	struct ffa_dev_msg_hdr hdr = {
		.sender = m->sender,
		.receiver = ffa_core_own_id(),
		.size = m->size,
	};

	if (copy_to_user(buf, &hdr, sizeof(hdr)) ||
	    copy_to_user(buf + sizeof(hdr), m->payload, m->size))
		return -EFAULT;
	return sizeof(hdr) + m->size;
}

ssize_t ffa_dev_self_read(struct file *f, char __user *buf, size_t count,
			  loff_t *pos)
{
	struct self_msg *m;
	ssize_t rc;

	for (;;) {
		m = msg_take(count);
		if (m)
			break;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		rc = wait_event_interruptible(self_wq, msg_waiting());
		if (rc)
			return rc;
	}
	if (IS_ERR(m))
		return PTR_ERR(m);
	rc = msg_copy_out(m, buf);
	if (rc < 0)
		msg_untake(m);
	else
		kfree(m);
	return rc;
}

__poll_t ffa_dev_self_poll(struct file *f, poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(f, &self_wq, wait);
	spin_lock(&self_lock);
	if (self_nr_msgs)
		mask |= EPOLLIN | EPOLLRDNORM;
	if (self_from_sp || self_from_vm)
		mask |= EPOLLPRI;
	spin_unlock(&self_lock);
	return mask;
}

/* Take the pending notifications; they are pended again on EFAULT. */
static long self_notif_get(struct ffa_dev_notif_get __user *arg)
{
	struct ffa_dev_notif_get g;

	if (copy_from_user(&g, arg, sizeof(g)))
		return -EFAULT;
	if (g.size != sizeof(g) || g.flags)
		return -EINVAL;
	spin_lock(&self_lock);
	g.from_sp = self_from_sp;
	g.from_vm = self_from_vm;
	self_from_sp = 0;
	self_from_vm = 0;
	spin_unlock(&self_lock);
	if (copy_to_user(arg, &g, sizeof(g))) {
		ffa_dev_notified(g.from_sp, g.from_vm);
		return -EFAULT;
	}
	return 0;
}

long ffa_dev_self_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct ffa_core_part self = { .id = ffa_core_own_id() };

	switch (cmd) {
	case FFA_DEV_IOC_INFO:
		return ffa_dev_info_ioctl(&self, argp);
	case FFA_DEV_IOC_NOTIF_GET:
		return self_notif_get(argp);
	case FFA_DEV_IOC_MEM_SHARE:
	case FFA_DEV_IOC_MEM_LEND:
	case FFA_DEV_IOC_MEM_DONATE:
	case FFA_DEV_IOC_MEM_RECLAIM:
		return ffa_dev_mem_ioctl(f->private_data, cmd, argp);
	default:
		return -ENOTTY;
	}
}

/* ---- sysfs: /sys/class/ffa/self/ ---- */

static ssize_t id_show(struct device *dev, struct device_attribute *attr,
		       char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", ffa_core_own_id());
}
static DEVICE_ATTR_RO(id);

static ssize_t version_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	u32 v = ffa_core_version();

	return sysfs_emit(buf, "%u.%u\n", v >> 16, v & 0xffff);
}
static DEVICE_ATTR_RO(version);

static ssize_t msgs_dropped_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	u64 n;

	spin_lock(&self_lock);
	n = self_dropped;
	spin_unlock(&self_lock);
	return sysfs_emit(buf, "%llu\n", n);
}
static DEVICE_ATTR_RO(msgs_dropped);

static struct attribute *self_attrs[] = {
	&dev_attr_id.attr,
	&dev_attr_version.attr,
	&dev_attr_msgs_dropped.attr,
	NULL
};

const struct attribute_group ffa_dev_self_group = {
	.attrs = self_attrs,
};

/* ---- up and down ---- */

/*
 * Receive every message no in-kernel user takes; below v1.1 there are
 * none (the core answers EOPNOTSUPP, and read() then only ever waits).
 */
int ffa_dev_self_init(void)
{
	int rc = ffa_core_msg_register_any(self_msg_received, NULL);

	if (rc && rc != -EOPNOTSUPP)
		pr_warn("/dev/ffa: no receiver of indirect messages: %d\n", rc);
	self_receiving = !rc;
	return 0;
}

void ffa_dev_self_exit(void)
{
	struct self_msg *m, *next;

	if (self_receiving)
		ffa_core_msg_unregister_any();
	self_receiving = false;
	list_for_each_entry_safe(m, next, &self_msgs, link)
		kfree(m);
	INIT_LIST_HEAD(&self_msgs);
	self_nr_msgs = 0;
}
