// SPDX-License-Identifier: GPL-2.0
/*
 * A partition node's ioctls and write(): information, direct requests,
 * notifications, indirect messages. The direct request is the path
 * userspace measures against the kernel's own: copy in, the core's call,
 * copy out; no lock and no allocation (the core serialises nothing there
 * either, so callers on several CPUs run at once).
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>

#include <linux/ffa_dev.h>

#include "core.h"
#include "dev.h"
#include "dev_priv.h"

/* The size and flags every argument starts with. */
struct arg_head {
	__u32 size;
	__u32 flags;
};

long ffa_dev_info_ioctl(const struct ffa_core_part *part, void __user *arg)
{
	struct ffa_dev_info info;
	struct arg_head h;

	if (copy_from_user(&h, arg, sizeof(h)))
		return -EFAULT;
	if (h.size != sizeof(info) || h.flags)
		return -EINVAL;
	info = (struct ffa_dev_info){
		.size = sizeof(info),
		.id = part->id,
		.exec_ctx_count = part->exec_ctx_count,
		.properties = part->properties,
		.version = ffa_core_version(),
		.msg_max = ffa_core_indirect_max(),
	};
	export_uuid(info.uuid, &part->uuid);
	return copy_to_user(arg, &info, sizeof(info)) ? -EFAULT : 0;
}

static long part_direct(u16 id, struct ffa_dev_direct __user *arg)
{
	/* Filled by copy_from_user() or not used: no auto-zeroing first. */
	struct ffa_dev_direct d __uninitialized;
	int rc;

	if (copy_from_user(&d, arg, sizeof(d)))
		return -EFAULT;
	if (d.size != sizeof(d) || d.flags & ~FFA_DEV_DIRECT_32BIT)
		return -EINVAL;
	rc = ffa_core_direct_req(id, d.flags & FFA_DEV_DIRECT_32BIT, d.w);
	if (rc)
		return rc;
	return copy_to_user(arg->w, d.w, sizeof(d.w)) ? -EFAULT : 0;
}

static long part_direct2(u16 id, struct ffa_dev_direct2 __user *arg)
{
	/* Filled by copy_from_user() or not used: no auto-zeroing first. */
	struct ffa_dev_direct2 d __uninitialized;
	uuid_t uuid;
	int rc;

	if (copy_from_user(&d, arg, sizeof(d)))
		return -EFAULT;
	if (d.size != sizeof(d) || d.flags)
		return -EINVAL;
	import_uuid(&uuid, d.uuid);
	rc = ffa_core_direct_req2(id, &uuid, d.x);
	if (rc)
		return rc;
	return copy_to_user(arg->x, d.x, sizeof(d.x)) ? -EFAULT : 0;
}

/*
 * Copy in and check a notification argument: a known size and flags,
 * reserved 0, a non-empty bitmap, vcpu 0 unless per-vCPU.
 */
static int notif_arg(void __user *arg, struct ffa_dev_notif *n)
{
	if (copy_from_user(n, arg, sizeof(*n)))
		return -EFAULT;
	if (n->size != sizeof(*n) || n->flags & ~FFA_DEV_NOTIF_PER_VCPU ||
	    n->reserved[0] || n->reserved[1] || n->reserved[2] || !n->bitmap)
		return -EINVAL;
	if (!(n->flags & FFA_DEV_NOTIF_PER_VCPU) && n->vcpu)
		return -EINVAL;
	return 0;
}

/*
 * Bind: the IDs must be free of drivers and of other files (EBUSY); the
 * core receives global notifications only (per-vCPU: EOPNOTSUPP).
 */
static long part_notif_bind(struct ffa_dev_pfile *pf, void __user *arg)
{
	struct ffa_dev_notif n;
	int rc = notif_arg(arg, &n);

	if (rc)
		return rc;
	if (n.flags & FFA_DEV_NOTIF_PER_VCPU)
		return -EOPNOTSUPP;
	mutex_lock(&pf->notif_lock);
	rc = ffa_drv_notif_reserve(n.bitmap);
	if (!rc) {
		rc = ffa_core_notif_bind(pf->id, n.bitmap, false);
		if (rc)
			ffa_drv_notif_unreserve(n.bitmap);
		else
			pf->bound |= n.bitmap;
	}
	mutex_unlock(&pf->notif_lock);
	return rc;
}

/* Unbind IDs bound through this file (others: EINVAL). */
static long part_notif_unbind(struct ffa_dev_pfile *pf, void __user *arg)
{
	struct ffa_dev_notif n;
	int rc = notif_arg(arg, &n);

	if (rc)
		return rc;
	if (n.flags)
		return -EINVAL;
	mutex_lock(&pf->notif_lock);
	rc = n.bitmap & ~pf->bound ? -EINVAL : 0;
	if (!rc)
		rc = ffa_core_notif_unbind(pf->id, n.bitmap);
	if (!rc) {
		pf->bound &= ~n.bitmap;
		ffa_drv_notif_unreserve(n.bitmap);
	}
	mutex_unlock(&pf->notif_lock);
	return rc;
}

static long part_notif_set(struct ffa_dev_pfile *pf, void __user *arg)
{
	struct ffa_dev_notif n;
	int rc = notif_arg(arg, &n);

	if (rc)
		return rc;
	return ffa_core_notif_set(pf->id, n.bitmap,
				  n.flags & FFA_DEV_NOTIF_PER_VCPU, n.vcpu);
}

void ffa_dev_part_notif_release(struct ffa_dev_pfile *pf)
{
	int rc;

	if (!pf->bound)
		return;
	rc = ffa_core_notif_unbind(pf->id, pf->bound);
	if (rc)
		pr_warn("/dev/ffa: unbinding 0x%llx from 0x%04x at close: %d\n",
			pf->bound, pf->id, rc);
	ffa_drv_notif_unreserve(pf->bound);
	pf->bound = 0;
}

long ffa_dev_part_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct ffa_dev_pfile *pf = f->private_data;
	void __user *argp = (void __user *)arg;

	switch (cmd) {
	case FFA_DEV_IOC_DIRECT:
		return part_direct(pf->id, argp);
	case FFA_DEV_IOC_DIRECT2:
		return part_direct2(pf->id, argp);
	case FFA_DEV_IOC_INFO:
		return ffa_dev_info_ioctl(&pf->node->part, argp);
	case FFA_DEV_IOC_NOTIF_BIND:
		return part_notif_bind(pf, argp);
	case FFA_DEV_IOC_NOTIF_UNBIND:
		return part_notif_unbind(pf, argp);
	case FFA_DEV_IOC_NOTIF_SET:
		return part_notif_set(pf, argp);
	default:
		return -ENOTTY;
	}
}

/* One FFA_MSG_SEND2 of the whole buffer. */
ssize_t ffa_dev_part_write(struct file *f, const char __user *buf,
			   size_t count, loff_t *pos)
{
	struct ffa_dev_pfile *pf = f->private_data;
	u32 max = ffa_core_indirect_max();
	void *msg;
	int rc;

	/* No payload fits: below v1.1 there is no MSG_SEND2. */
	if (!max)
		return -EOPNOTSUPP;
	if (!count)
		return -EINVAL;
	if (count > max)
		return -E2BIG;
	msg = memdup_user(buf, count);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	rc = ffa_core_indirect_send(pf->id, msg, count);
	kfree(msg);
	return rc ? rc : count;
}
