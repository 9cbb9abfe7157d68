// SPDX-License-Identifier: GPL-2.0
/*
 * Notifications, the core's side: bind, unbind and set for the users,
 * and the receive side. When the SRI fires, FFA_NOTIFICATION_INFO_GET
 * lists who has notifications pending: a partition is handed to the
 * schedule hook (its scheduler must give it cycles), this kernel's own
 * are fetched with FFA_NOTIFICATION_GET and handed to the notified hook.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/printk.h>

#include <ffa/features.h>
#include <ffa/func.h>
#include <ffa/notify.h>
#include <libffa/client.h>
#include <libffa/errno.h>

#include "core_priv.h"
#include "notif_irq.h"

static const struct ffa_core_notif_hooks *notif_hooks;
static bool notif_bitmap;

int ffa_core_notif_bind(u16 sender, u64 bitmap, bool per_vcpu)
{
	u32 flags = per_vcpu ? FFA_NOTIF_FLAG_PER_VCPU : 0;

	return ffa_status_to_errno(ffa_notification_bind(&ffa_core.conduit,
				   sender, ffa_core.own_id, flags, bitmap));
}

int ffa_core_notif_unbind(u16 sender, u64 bitmap)
{
	return ffa_status_to_errno(ffa_notification_unbind(&ffa_core.conduit,
				   sender, ffa_core.own_id, bitmap));
}

int ffa_core_notif_set(u16 receiver, u64 bitmap, bool per_vcpu, u16 vcpu)
{
	u32 flags = 0;

	if (per_vcpu)
		flags = FFA_NOTIF_SET_PER_VCPU |
			(u32)vcpu << FFA_NOTIF_SET_VCPU_SHIFT;
	return ffa_status_to_errno(ffa_notification_set(&ffa_core.conduit,
				   ffa_core.own_id, receiver, flags, bitmap));
}

/* Our own pending notifications: fetch (and so clear) and report them. */
static void notif_get_own(u16 vcpu)
{
	struct ffa_notif_bitmaps b;
	int rc;

	/*
	 * The SPM's framework bitmap too: RX full is an indirect message
	 * from a partition. (Not the hypervisor's: there is none below us.)
	 */
	rc = ffa_notification_get(&ffa_core.conduit, ffa_core.own_id, vcpu,
				  FFA_NOTIF_GET_SP | FFA_NOTIF_GET_VM |
				  FFA_NOTIF_GET_SPM_FW, &b);
	if (rc) {
		pr_warn_ratelimited("NOTIFICATION_GET: %d\n", rc);
		return;
	}
	if (b.from_sp || b.from_vm)
		notif_hooks->notified(b.from_sp, b.from_vm);
	ffa_core_rx_fw_notified(b.spm_fw | b.hyp_fw);
}

/* One list of INFO_GET: an endpoint with global (no vCPU) or per-vCPU. */
static void notif_dispatch(const struct ffa_notif_info_list *l)
{
	unsigned int i;

	if (l->id == ffa_core.own_id) {
		/* Per-vCPU ones of ours are not supported: global only. */
		notif_get_own(0);
		return;
	}
	if (!l->nr_vcpus)
		notif_hooks->schedule(l->id, 0, false);
	for (i = 0; i < l->nr_vcpus; i++)
		notif_hooks->schedule(l->id, l->vcpus[i], true);
}

/* The SRI's work: drain INFO_GET, which may need several calls. */
static void notif_pending(void)
{
	struct ffa_notif_info info;
	unsigned int i;
	int rc;

	do {
		rc = ffa_notification_info_get(&ffa_core.conduit, true, &info);
		if (rc) {
			if (rc != FFA_RET_NO_DATA)
				pr_warn_ratelimited("NOTIFICATION_INFO_GET: %d\n",
						    rc);
			return;
		}
		for (i = 0; i < info.nr_lists; i++)
			notif_dispatch(&info.lists[i]);
	} while (info.more_pending);
}

int ffa_core_notif_init(const struct ffa_core_notif_hooks *hooks)
{
	const struct ffa_conduit *c = &ffa_core.conduit;
	struct ffa_features f;
	int rc;

	notif_hooks = hooks;
	/* A manager that is also our hypervisor keeps a bitmap per VM. */
	if (!ffa_features(c, FFA_NOTIFICATION_BITMAP_CREATE, 0, &f)) {
		rc = ffa_notification_bitmap_create(c, ffa_core.own_id,
						    num_possible_cpus());
		if (rc)
			return ffa_status_to_errno(rc);
		notif_bitmap = true;
	}
	if (ffa_features(c, FFA_FEATURE_SRI, 0, &f))
		return 0;	/* no notifications to receive */
	rc = ffa_sri_init(f.w2, notif_pending);
	if (rc)
		pr_err("no schedule receiver interrupt (SGI %u): %d\n", f.w2,
		       rc);
	return 0;
}

void ffa_core_notif_exit(void)
{
	ffa_sri_exit();
	if (notif_bitmap)
		ffa_notification_bitmap_destroy(&ffa_core.conduit,
						ffa_core.own_id);
	notif_bitmap = false;
}
