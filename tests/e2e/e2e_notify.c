// SPDX-License-Identifier: GPL-2.0
/*
 * Notifications both ways, through the schedule receiver interrupt.
 */
#include "e2e.h"

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

/* Notification IDs: partition -> Linux, and Linux -> partition. */
#define E2E_NOTIF_TO_HOST	3
#define E2E_NOTIF_TO_PART	7
#define E2E_NOTIF_WAIT_MS	2000

/* ---- notifications ------------------------------------------------------ */

/*
 * The callbacks' data are static, not on the stack: 6.12 calls a
 * callback after dropping the lock that relinquish/unregister take, so a
 * late one may still run after we gave up on it.
 */
static struct e2e_notif {
	struct completion done;
	atomic_t calls;
	int id;			/* the last notify_id the callback saw */
	ktime_t at;		/* when it first ran */
} e2e_notif_data;

static void e2e_notif_cb(int notify_id, void *cb_data)
{
	struct e2e_notif *n = cb_data;

	n->id = notify_id;
	if (atomic_inc_return(&n->calls) == 1) {
		n->at = ktime_get();
		complete(&n->done);
	}
}

static struct e2e_sched {
	struct completion done;
	atomic_t calls;
	u16 vcpu;
	bool per_vcpu;
} e2e_sched_data;

static void e2e_sched_cb(u16 vcpu, bool is_per_vcpu, void *cb_data)
{
	struct e2e_sched *s = cb_data;

	s->vcpu = vcpu;
	s->per_vcpu = is_per_vcpu;
	if (atomic_inc_return(&s->calls) == 1)
		complete(&s->done);
}

/*
 * Partition -> Linux: request a global notification from the partition
 * (bind + callback), have the partition set it; the callback runs after
 * SRI -> FFA_NOTIFICATION_INFO_GET -> FFA_NOTIFICATION_GET.
 */
void e2e_notify_to_host(struct e2e *t)
{
	const struct ffa_notifier_ops *nops = t->dev->ops->notifier_ops;
	const int id = E2E_NOTIF_TO_HOST;
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_NOTIFY,
		.data1 = e2e_host_id,
		.data2 = BIT_ULL(id),
	};
	struct e2e_notif *np = &e2e_notif_data;
	unsigned long left;
	ktime_t t0;
	int ret;

	np->id = -1;
	init_completion(&np->done);
	atomic_set(&np->calls, 0);
	ret = nops->notify_request(t->dev, false, e2e_notif_cb, np, id);
	if (!e2e_ok(t, !ret,
		    "notify_request: global notification %d from 0x%x (ret %d)",
		    id, t->dev->vm_id, ret)) {
		e2e_blocked(t, "the partition sets it", "notify_request failed");
		e2e_blocked(t, "the callback runs", "notify_request failed");
		e2e_blocked(t, "notify_relinquish", "notify_request failed");
		return;
	}

	t0 = ktime_get();
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0,
	       "the partition sets notification %d for 0x%x (ret %d, status %ld)",
	       id, e2e_host_id, ret, (long)d.data0);
	if (ret || d.data0) {
		e2e_blocked(t, "the callback runs", "NOTIFY failed");
	} else {
		left = wait_for_completion_timeout(&np->done,
				msecs_to_jiffies(E2E_NOTIF_WAIT_MS));
		/* A second SRI/GET round would show up as a second call. */
		msleep(20);
		if (!e2e_ok(t, left && np->id == id &&
			    atomic_read(&np->calls) == 1,
			    "the callback runs once for notification %d within %d ms (calls %d, id %d, after %lld us)",
			    id, E2E_NOTIF_WAIT_MS, atomic_read(&np->calls),
			    np->id, left ? ktime_us_delta(np->at, t0) : -1LL))
			pr_info("# no callback: the SRI, INFO_GET or GET step did not deliver bit %d (see ARM-FF-A lines and /proc/interrupts)\n",
				id);
	}

	ret = nops->notify_relinquish(t->dev, id);
	e2e_ok(t, !ret, "notify_relinquish %d (ret %d)", id, ret);
}

/*
 * Linux -> partition: the partition binds a notification from us, we set
 * it with notify_send, the partition gets it with FFA_NOTIFICATION_GET.
 * Setting it pends an SRI for the partition too: the scheduler callback
 * registered on the partition's device must run.
 */
void e2e_notify_to_part(struct e2e *t)
{
	const struct ffa_notifier_ops *nops = t->dev->ops->notifier_ops;
	const int id = E2E_NOTIF_TO_PART;
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_NOTIF_BIND,
		.data1 = e2e_host_id,
		.data2 = BIT_ULL(id),
	};
	struct e2e_sched *sp = &e2e_sched_data;
	bool sched_reg, got;
	unsigned long left;
	int ret;

	ret = e2e_call(t, &d);
	if (!e2e_ok(t, !ret && d.data0 == 0,
		    "the partition binds notification %d from 0x%x (ret %d, status %ld)",
		    id, e2e_host_id, ret, (long)d.data0)) {
		e2e_blocked(t, "notify_send", "bind failed");
		e2e_blocked(t, "the scheduler callback runs", "bind failed");
		e2e_blocked(t, "the partition gets it", "bind failed");
		e2e_blocked(t, "a second GET is empty", "bind failed");
		return;
	}

	init_completion(&sp->done);
	atomic_set(&sp->calls, 0);
	sp->per_vcpu = false;
	ret = nops->sched_recv_cb_register(t->dev, e2e_sched_cb, sp);
	sched_reg = !ret;
	if (ret)
		pr_info("# sched_recv_cb_register: ret %d\n", ret);

	ret = nops->notify_send(t->dev, id, false, 0);
	if (!e2e_ok(t, !ret, "notify_send %d to 0x%x (ret %d)",
		    id, t->dev->vm_id, ret)) {
		e2e_blocked(t, "the scheduler callback runs", "send failed");
		e2e_blocked(t, "the partition gets it", "send failed");
		e2e_blocked(t, "a second GET is empty", "send failed");
		goto out;
	}

	if (sched_reg) {
		left = wait_for_completion_timeout(&sp->done,
				msecs_to_jiffies(E2E_NOTIF_WAIT_MS));
		e2e_ok(t, left && !sp->per_vcpu,
		       "the scheduler callback for 0x%x runs (SRI, INFO_GET lists it; calls %d, vcpu %u, per-vcpu %d)",
		       t->dev->vm_id, atomic_read(&sp->calls), sp->vcpu,
		       sp->per_vcpu);
	} else {
		e2e_blocked(t, "the scheduler callback runs",
			    "sched_recv_cb_register failed");
	}

	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_NOTIF_GET };
	ret = e2e_call(t, &d);
	got = !ret && d.data0 == 0;
	e2e_ok(t, got && d.data2 == BIT_ULL(id) && d.data1 == 0,
	       "the partition gets notification %d from VMs (ret %d, status %ld, from SPs %#lx, from VMs %#lx)",
	       id, ret, (long)d.data0, d.data1, d.data2);

	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_NOTIF_GET };
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == 0 && d.data2 == 0,
	       "a second GET is empty (ret %d, status %ld, from SPs %#lx, from VMs %#lx)",
	       ret, (long)d.data0, d.data1, d.data2);
out:
	if (sched_reg)
		nops->sched_recv_cb_unregister(t->dev);
}
