// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notifications, the sending side (ffa-abi.md 11, bad input 36): the
 * host's bitmap, binding a sender to notification IDs, setting them, and
 * telling the scheduler with the schedule receiver interrupt (SRI).
 * notify_get.c is the receiving side.
 *
 * Only global notifications: per-vCPU ones are INVALID_PARAMETERS, as in
 * Hafnium HEAD, since v1.3 made them optional. A partition's
 * notifications are enabled by its manifest (FFA_PART_PROP_NOTIFICATIONS),
 * the host's by FFA_NOTIFICATION_BITMAP_CREATE.
 */
#include <libffa/status.h>
#include "internal.h"

#define NOTIF_SET_VCPU_MASK	0xffff0000U

/* The endpoints and bitmap named by BIND, UNBIND and SET. */
struct notif_req {
	struct spm_endpoint *sender;
	struct spm_endpoint *receiver;
	uint64_t bitmap;
};

static void sri_raise(struct spm *spm, uint32_t cpu)
{
	if (spm->plat.ops->raise_sri)
		spm->plat.ops->raise_sri(spm->plat.ctx, cpu);
}

/*
 * Something is pending for recv: tell the scheduler now, or when the
 * sender's execution context ends (spm_notif_flush_delayed_sri()). The
 * SRI is raised for every receiver, host included: the scheduler learns
 * whom to run from FFA_NOTIFICATION_INFO_GET.
 */
static void notif_signal(struct spm *spm, struct spm_endpoint *recv,
			 bool delay, uint32_t cpu)
{
	recv->notif.info_pending = true;
	if (delay) {
		recv->notif.sri_delayed = true;
		spm->sri_delayed_any = true;
	} else
		sri_raise(spm, cpu);
}

static uint64_t notif_pending(const struct spm_endpoint *ep)
{
	return ep->notif.pending_from_sp | ep->notif.pending_from_vm;
}

/*
 * BITMAP_CREATE/DESTROY: the host (the table's `who`, abi_table.c), naming
 * itself in w1[15:0] (w1[31:16] was refused before).
 */
static int bitmap_check(struct spm_ctx *c, const char **why)
{
	*why = "notif bitmap: w1[15:0] is not the caller's ID";
	if ((uint32_t)c->in->x[1] != c->caller->cfg.id)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

void spm_h_notif_bitmap_create(struct spm_ctx *c)
{
	struct spm_notifications *n = &c->caller->notif;
	const char *why;
	int ret = bitmap_check(c, &why);

	if (!ret && (uint32_t)c->in->x[2] == 0) {
		ret = FFA_RET_INVALID_PARAMETERS;
		why = "notif bitmap create: no vCPU";
	} else if (!ret && n->enabled) {
		ret = FFA_RET_DENIED;
		why = "notif bitmap create: already created";
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	n->enabled = true;
	spm_ret_success(c, 0, 0);
}

static void notif_unbind_all(struct spm_notifications *n)
{
	uint32_t i;

	for (i = 0; i < FFA_NOTIFICATION_COUNT; i++)
		n->bound[i] = FFA_ID_INVALID;
}

void spm_h_notif_bitmap_destroy(struct spm_ctx *c)
{
	struct spm_notifications *n = &c->caller->notif;
	const char *why;
	int ret = bitmap_check(c, &why);

	if (!ret && !n->enabled) {
		ret = FFA_RET_DENIED;
		why = "notif bitmap destroy: not created";
	} else if (!ret && (notif_pending(c->caller) || n->spm_fw ||
			    n->hyp_fw)) {
		ret = FFA_RET_DENIED;
		why = "notif bitmap destroy: notifications pending";
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	/* The bindings live in the bitmap: they go with it. */
	notif_unbind_all(n);
	n->enabled = false;
	n->info_pending = false;
	n->sri_delayed = false;
	spm_ret_success(c, 0, 0);
}

/*
 * w1 = sender[31:16] | receiver[15:0], w3/w4 = bitmap lo/hi. The caller
 * must be the receiver (BIND, UNBIND) or the sender (SET).
 */
static const char *notif_parse(struct spm_ctx *c, bool caller_sends,
			       struct notif_req *q)
{
	uint32_t w1 = (uint32_t)c->in->x[1];
	uint16_t sid = FFA_SR_SENDER(w1), rid = FFA_SR_RECEIVER(w1);

	if ((caller_sends ? sid : rid) != c->caller->cfg.id)
		return "notif: the caller is not the endpoint it must be";
	q->sender = spm_endpoint_by_id(c->spm, sid);
	q->receiver = spm_endpoint_by_id(c->spm, rid);
	if (!q->sender || !q->receiver || sid == rid)
		return "notif: unknown endpoint, or sender = receiver";
	q->bitmap = (uint64_t)(uint32_t)c->in->x[3] |
		    ((uint64_t)(uint32_t)c->in->x[4] << 32);
	if (q->bitmap == 0)
		return "notif: empty bitmap";
	return NULL;
}

FFA_STATIC_ASSERT(FFA_NOTIFICATION_COUNT == 64, "a bitmap is one word");

/*
 * The loops below step over the set bits of the bitmap only (count
 * trailing zeros, clear the lowest bit): a SET of one notification
 * looks at one binding, not at all 64.
 */

/* Every bit of bitmap is bound to id (or, if free_ok, to nobody). */
static bool notif_bound_to(const struct spm_notifications *n,
			   uint64_t bitmap, uint16_t id, bool free_ok)
{
	uint32_t i;

	for (; bitmap; bitmap &= bitmap - 1) {
		i = (uint32_t)__builtin_ctzll(bitmap);
		if (n->bound[i] == id)
			continue;
		if (!free_ok || n->bound[i] != FFA_ID_INVALID)
			return false;
	}
	return true;
}

static void notif_bind_bits(struct spm_notifications *n, uint64_t bitmap,
			    uint16_t id)
{
	for (; bitmap; bitmap &= bitmap - 1)
		n->bound[__builtin_ctzll(bitmap)] = id;
}

/*
 * BIND and UNBIND: checks, then (un)binding every bit of the bitmap.
 * Only BIND has a flag (per-vCPU); the rest of w2 was refused before.
 */
static void notif_bind_common(struct spm_ctx *c, bool bind)
{
	uint32_t flags = (uint32_t)c->in->x[2];
	struct notif_req q;
	const char *why = notif_parse(c, false, &q);
	struct spm_notifications *n;
	uint16_t sid;

	if (!why && (flags & FFA_NOTIF_FLAG_PER_VCPU))
		why = "notif bind: per-vCPU notifications not supported";
	if (why) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS, why);
		return;
	}
	n = &q.receiver->notif;
	sid = q.sender->cfg.id;
	if (!n->enabled) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED,
			      "notif (un)bind: receiver has no notifications");
		return;
	}
	/* Unbinding an aborted sender stays possible: it undoes a bind. */
	if (bind && q.sender->aborted) {
		spm_ret_error(c, FFA_RET_ABORTED,
			      "notif bind: sender aborted");
		return;
	}
	if (!notif_bound_to(n, q.bitmap, sid, bind) ||
	    (notif_pending(q.receiver) & q.bitmap)) {
		spm_ret_error(c, FFA_RET_DENIED,
			      "notif (un)bind: bound elsewhere or pending");
		return;
	}
	notif_bind_bits(n, q.bitmap, bind ? sid : FFA_ID_INVALID);
	spm_ret_success(c, 0, 0);
}

void spm_h_notif_bind(struct spm_ctx *c)
{
	notif_bind_common(c, true);
}

void spm_h_notif_unbind(struct spm_ctx *c)
{
	notif_bind_common(c, false);
}

/*
 * Bits [15:2] were refused before (abi_table.c); the vCPU ID in [31:16] is
 * reserved only without the per-vCPU flag, so it is judged here.
 */
static const char *notif_set_flags_check(uint32_t flags)
{
	if (flags & FFA_NOTIF_SET_PER_VCPU)
		return "notif set: per-vCPU notifications not supported";
	if (flags & NOTIF_SET_VCPU_MASK)
		return "notif set: a vCPU ID without the per-vCPU flag";
	return NULL;
}

void spm_h_notif_set(struct spm_ctx *c)
{
	uint32_t flags = (uint32_t)c->in->x[2];
	struct notif_req q;
	const char *why = notif_parse(c, true, &q);
	struct spm_notifications *n;
	bool delay;

	if (!why)
		why = notif_set_flags_check(flags);
	if (why) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS, why);
		return;
	}
	n = &q.receiver->notif;
	if (q.receiver->aborted) {
		spm_ret_error(c, FFA_RET_ABORTED,
			      "notif set: receiver aborted");
		return;
	}
	if (!n->enabled ||
	    !notif_bound_to(n, q.bitmap, q.sender->cfg.id, false)) {
		spm_ret_error(c, FFA_RET_DENIED,
			      "notif set: not enabled or not bound to sender");
		return;
	}
	if (FFA_ID_IS_SECURE(q.sender->cfg.id))
		n->pending_from_sp |= q.bitmap;
	else
		n->pending_from_vm |= q.bitmap;
	/*
	 * Delaying only means something for a partition: its context ends
	 * in MSG_WAIT or a response, the scheduler's never does.
	 */
	delay = (flags & FFA_NOTIF_SET_DELAY_SRI) && !c->caller->cfg.is_host;
	notif_signal(c->spm, q.receiver, delay, c->cpu);
	spm_ret_success(c, 0, 0);
}

void spm_notif_pend_framework(struct spm *spm, uint32_t cpu,
			      struct spm_endpoint *recv,
			      const struct spm_endpoint *sender, uint32_t bits,
			      bool delay_sri)
{
	if (FFA_ID_IS_SECURE(sender->cfg.id))
		recv->notif.spm_fw |= bits;
	else
		recv->notif.hyp_fw |= bits;
	notif_signal(spm, recv, delay_sri, cpu);
}

void spm_notif_flush_delayed_sri_all(struct spm *spm, uint32_t cpu)
{
	bool any = false;
	uint32_t i;

	spm->sri_delayed_any = false;
	for (i = 0; i < spm->nr_endpoints; i++) {
		any |= spm->endpoints[i].notif.sri_delayed;
		spm->endpoints[i].notif.sri_delayed = false;
	}
	if (any)
		sri_raise(spm, cpu);
}
