// SPDX-License-Identifier: BSD-3-Clause
/*
 * The vCPU state machine shared by scheduling (cpu.c) and direct
 * messaging (direct.c).
 *
 * A vCPU's peer is whom it answers to while it runs (the requester of the
 * direct request it serves, or the host that gave it cycles), and what it
 * waits for while it is BLOCKED (the target of its own request). A blocked
 * vCPU that resumes therefore looks its own requester up again: at most
 * one vCPU is blocked on any vCPU, because only a WAITING or PREEMPTED
 * vCPU can be entered and neither has anybody blocked on it.
 */
#include <libffa/status.h>
#include "internal.h"

/* Every vCPU: bounds the walk of a chain of blocked requesters. */
#define SPM_MAX_CHAIN	(SPM_MAX_ENDPOINTS * SPM_MAX_VCPUS)

uint32_t spm_target_info(const struct spm_endpoint *ep, uint16_t vcpu)
{
	return ((uint32_t)ep->cfg.id << 16) | vcpu;
}

/*
 * The vCPU blocked waiting for ep/vcpu, if any: the last one that
 * blocked on it, if it still is. Every vCPU enters BLOCKED through
 * spm_vcpu_block_caller, which links it, and at most one vCPU is
 * blocked on any vCPU (see the top), so this finds what a walk of
 * every vCPU would, in O(1).
 */
struct spm_endpoint *spm_vcpu_blocked_on(struct spm *spm,
					 const struct spm_endpoint *ep,
					 uint16_t vcpu, uint16_t *out_vcpu)
{
	const struct spm_vcpu *t = &ep->vcpus[vcpu];
	struct spm_endpoint *e;
	const struct spm_vcpu *v;

	if (t->waiter_ep == 0 || t->waiter_ep > spm->nr_endpoints)
		return NULL;
	e = &spm->endpoints[t->waiter_ep - 1];
	if (t->waiter_vcpu >= e->cfg.nr_vcpus ||
	    t->waiter_vcpu >= SPM_MAX_VCPUS)
		return NULL;
	v = &e->vcpus[t->waiter_vcpu];
	if (v->state != SPM_VCPU_BLOCKED || v->peer_ep != ep->cfg.id ||
	    v->peer_vcpu != vcpu)
		return NULL;
	*out_vcpu = t->waiter_vcpu;
	return e;
}

void spm_vcpu_relink(struct spm *spm, struct spm_endpoint *ep, uint16_t vcpu)
{
	struct spm_vcpu *v = &ep->vcpus[vcpu];
	struct spm_endpoint *req;
	uint16_t req_vcpu;

	req = spm_vcpu_blocked_on(spm, ep, vcpu, &req_vcpu);
	if (req) {
		v->peer_ep = req->cfg.id;
		v->peer_vcpu = req_vcpu;
	}
}

/* Resume blocked ep/vcpu here; its peer becomes its own requester again. */
static void resume_blocked(struct spm_ctx *c, struct spm_endpoint *ep,
			   uint16_t vcpu, const struct ffa_regs *r)
{
	struct spm_vcpu *v = &ep->vcpus[vcpu];

	spm_vcpu_relink(c->spm, ep, vcpu);
	v->state = SPM_VCPU_RUNNING;
	v->cpu = c->cpu;
	spm_switch_to(c, ep, vcpu, r);
}

void spm_wake(struct spm_ctx *c, struct spm_endpoint *ep, uint16_t vcpu,
	      const struct ffa_regs *r)
{
	struct ffa_regs aborted;
	uint32_t n;

	/*
	 * An aborted vCPU cannot take the answer: whoever waits for it gets
	 * FFA_ERROR(ABORTED) instead, walking up the chain of requesters.
	 */
	for (n = 0; ep && n < SPM_MAX_CHAIN; n++) {
		if (!ep->aborted) {
			if (ep->vcpus[vcpu].state == SPM_VCPU_BLOCKED) {
				resume_blocked(c, ep, vcpu, r);
				return;
			}
			break;
		}
		ep = spm_vcpu_blocked_on(c->spm, ep, vcpu, &vcpu);
		ffa_regs_set_error(&aborted, FFA_RET_ABORTED);
		r = &aborted;
	}
	spm_log(c->spm, 1, "wake: nobody left to resume on this CPU");
	c->d->next = SPM_IDLE;
}
