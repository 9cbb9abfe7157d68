// SPDX-License-Identifier: GPL-2.0
/*
 * notifier_ops over the core: who asked for which notification, and
 * which driver schedules which partition. The core reports pending
 * notifications through its hooks (ffa_drv_notif_hooks); this file
 * finds the callbacks, and hands /dev/ffa the IDs it bound (dev.h: the
 * 64 IDs are shared). A callback is copied out under the lock and
 * called after it is dropped, so that it may itself call the ops.
 */
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/spinlock.h>

#include "core.h"
#include "dev.h"
#include "drv.h"

#define NOTIF_IDS	64	/* FF-A's notification bitmap */
#define NOTIF_PARTS	16	/* partitions whose scheduler is a driver */

struct notif_cb {
	ffa_notifier_cb fn;
	void *data;
	u16 sender;
};

struct sched_cb {
	ffa_sched_recv_cb fn;
	void *data;
	u16 part;
};

static DEFINE_SPINLOCK(notif_lock);
static struct notif_cb notif_cbs[NOTIF_IDS];
/* The IDs /dev/ffa has bound (dev.h): no driver may request them. */
static u64 dev_ids;
static struct sched_cb sched_cbs[NOTIF_PARTS];

/* The slot of part's scheduler callback, or of a free one; under lock. */
static struct sched_cb *sched_slot(u16 part, bool free)
{
	int i;

	for (i = 0; i < NOTIF_PARTS; i++) {
		if (free ? !sched_cbs[i].fn :
		    sched_cbs[i].fn && sched_cbs[i].part == part)
			return &sched_cbs[i];
	}
	return NULL;
}

static int ffa_ops_sched_recv_cb_register(struct ffa_device *dev,
					  ffa_sched_recv_cb cb, void *cb_data)
{
	struct sched_cb *s = NULL;
	int rc = -EEXIST;

	if (!cb)
		return -EINVAL;
	spin_lock(&notif_lock);
	if (!sched_slot(dev->vm_id, false)) {
		s = sched_slot(0, true);
		rc = s ? 0 : -ENOSPC;
	}
	if (s)
		*s = (struct sched_cb){ cb, cb_data, dev->vm_id };
	spin_unlock(&notif_lock);
	return rc;
}

static int ffa_ops_sched_recv_cb_unregister(struct ffa_device *dev)
{
	struct sched_cb *s;

	spin_lock(&notif_lock);
	s = sched_slot(dev->vm_id, false);
	if (s)
		*s = (struct sched_cb){ };
	spin_unlock(&notif_lock);
	return s ? 0 : -ENOENT;
}

/* Bind notify_id from the partition, then route it to cb. */
static int ffa_ops_notify_request(struct ffa_device *dev, bool per_vcpu,
				  ffa_notifier_cb cb, void *cb_data,
				  int notify_id)
{
	int rc;

	if (notify_id < 0 || notify_id >= NOTIF_IDS || !cb)
		return -EINVAL;
	if (per_vcpu)
		return -EOPNOTSUPP;	/* the core gets global ones only */
	spin_lock(&notif_lock);
	rc = notif_cbs[notify_id].fn || dev_ids & BIT_ULL(notify_id) ?
	     -EBUSY : 0;
	if (!rc)
		notif_cbs[notify_id] = (struct notif_cb){ cb, cb_data,
							  dev->vm_id };
	spin_unlock(&notif_lock);
	if (rc)
		return rc;
	rc = ffa_core_notif_bind(dev->vm_id, BIT_ULL(notify_id), false);
	if (rc) {
		spin_lock(&notif_lock);
		notif_cbs[notify_id] = (struct notif_cb){ };
		spin_unlock(&notif_lock);
	}
	return rc;
}

static int ffa_ops_notify_relinquish(struct ffa_device *dev, int notify_id)
{
	int rc;

	if (notify_id < 0 || notify_id >= NOTIF_IDS)
		return -EINVAL;
	spin_lock(&notif_lock);
	rc = dev_ids & BIT_ULL(notify_id) ? -EBUSY : 0;	/* not a driver's */
	spin_unlock(&notif_lock);
	if (rc)
		return rc;
	rc = ffa_core_notif_unbind(dev->vm_id, BIT_ULL(notify_id));
	spin_lock(&notif_lock);
	if (notif_cbs[notify_id].sender == dev->vm_id)
		notif_cbs[notify_id] = (struct notif_cb){ };
	spin_unlock(&notif_lock);
	return rc;
}

static int ffa_ops_notify_send(struct ffa_device *dev, int notify_id,
			       bool per_vcpu, u16 vcpu)
{
	if (notify_id < 0 || notify_id >= NOTIF_IDS)
		return -EINVAL;
	return ffa_core_notif_set(dev->vm_id, BIT_ULL(notify_id), per_vcpu,
				  vcpu);
}

int ffa_drv_notif_reserve(u64 bitmap)
{
	unsigned long bits = bitmap;
	unsigned int id;
	int rc = 0;

	spin_lock(&notif_lock);
	if (dev_ids & bitmap)
		rc = -EBUSY;
	for_each_set_bit(id, &bits, NOTIF_IDS)
		if (notif_cbs[id].fn)
			rc = -EBUSY;
	if (!rc)
		dev_ids |= bitmap;
	spin_unlock(&notif_lock);
	return rc;
}

void ffa_drv_notif_unreserve(u64 bitmap)
{
	spin_lock(&notif_lock);
	dev_ids &= ~bitmap;
	spin_unlock(&notif_lock);
}

const struct ffa_notifier_ops ffa_drv_notifier_ops = {
	.sched_recv_cb_register = ffa_ops_sched_recv_cb_register,
	.sched_recv_cb_unregister = ffa_ops_sched_recv_cb_unregister,
	.notify_request = ffa_ops_notify_request,
	.notify_relinquish = ffa_ops_notify_relinquish,
	.notify_send = ffa_ops_notify_send,
};

/* ---- the core's hooks ---- */

static void notif_schedule(u16 part, u16 vcpu, bool per_vcpu)
{
	struct sched_cb *s, cb = { };

	spin_lock(&notif_lock);
	s = sched_slot(part, false);
	if (s)
		cb = *s;
	spin_unlock(&notif_lock);
	if (cb.fn)
		cb.fn(vcpu, per_vcpu, cb.data);
}

static void notif_notified(u64 from_sp, u64 from_vm)
{
	unsigned long bits = from_sp | from_vm;
	struct notif_cb cb;
	unsigned int id;
	u64 dev;

	spin_lock(&notif_lock);
	dev = dev_ids;
	spin_unlock(&notif_lock);
	if (bits & dev)
		ffa_dev_notified(from_sp & dev, from_vm & dev);
	bits &= ~dev;
	for_each_set_bit(id, &bits, NOTIF_IDS) {
		spin_lock(&notif_lock);
		cb = notif_cbs[id];
		spin_unlock(&notif_lock);
		if (cb.fn)
			cb.fn(id, cb.data);
	}
}

const struct ffa_core_notif_hooks ffa_drv_notif_hooks = {
	.schedule = notif_schedule,
	.notified = notif_notified,
};
