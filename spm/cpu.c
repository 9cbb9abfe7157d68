// SPDX-License-Identifier: BSD-3-Clause
/*
 * CPU cycles: boot, abort, FFA_MSG_WAIT, FFA_RUN and FFA_YIELD
 * (ffa-abi.md 2.3), on the vCPU states of vcpu.c.
 *
 * Aborts: an endpoint that faults is stopped whole, and what it leaves
 * behind is cleared (abort.c); the vCPU that faulted here hands this CPU
 * to whoever waited for it (FFA_ERROR(ABORTED)) or to the next boot
 * vCPU. The platform calls spm_abort() again for each other vCPU of it
 * still running on another CPU (a call such a vCPU makes first ends it
 * the same way, core.c); a requester that was aborted while blocked
 * passes ABORTED up its chain when its answer arrives.
 */
#include <ffa/msg.h>
#include <libffa/status.h>
#include "internal.h"

/* Wake the peer of the caller's vCPU (who it answers to) with r. */
static void wake_peer(struct spm_ctx *c, const struct ffa_regs *r)
{
	const struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];

	spm_wake(c, spm_endpoint_by_id(c->spm, v->peer_ep), v->peer_vcpu, r);
}

/* ---- boot ---- */

/* The first endpoint in boot order (ties by index) with a vCPU to boot. */
static struct spm_endpoint *next_to_boot(struct spm *spm, uint16_t *vcpu)
{
	struct spm_endpoint *best = NULL;
	uint32_t i;
	uint16_t j;

	for (i = 0; i < spm->nr_endpoints; i++) {
		struct spm_endpoint *e = &spm->endpoints[i];

		if (e->cfg.is_host || e->aborted ||
		    (best && e->cfg.boot_order >= best->cfg.boot_order))
			continue;
		for (j = 0; j < e->cfg.nr_vcpus && j < SPM_MAX_VCPUS; j++)
			if (e->vcpus[j].state == SPM_VCPU_OFF)
				break;
		if (j < e->cfg.nr_vcpus && j < SPM_MAX_VCPUS) {
			best = e;
			*vcpu = j;
		}
	}
	return best;
}

/* Partitions that boot before ep (all of them for NULL): the host last. */
static uint32_t boot_rank(const struct spm *spm, const struct spm_endpoint *ep)
{
	uint32_t i, rank = 0;

	for (i = 0; i < spm->nr_endpoints; i++) {
		const struct spm_endpoint *e = &spm->endpoints[i];

		if (!e->cfg.is_host &&
		    (!ep || e->cfg.boot_order < ep->cfg.boot_order ||
		     (e->cfg.boot_order == ep->cfg.boot_order && e < ep)))
			rank++;
	}
	return rank;
}

/* Start the next boot vCPU, or the host once every partition booted. */
static void boot_step(struct spm_ctx *c)
{
	struct ffa_regs zero = { { 0 } };
	struct spm_endpoint *ep;
	uint16_t vcpu = 0;

	ep = next_to_boot(c->spm, &vcpu);
	if (ep) {
		c->spm->boot_next = boot_rank(c->spm, ep);
		/* Booting and the host's own vCPU answer to nobody. */
		spm_vcpu_set_running(ep, vcpu, SPM_RUN_BOOT, FFA_ID_INVALID,
				     0, c->cpu);
		spm_switch_to(c, ep, vcpu, &zero);
		return;
	}
	c->spm->boot_next = boot_rank(c->spm, NULL);
	ep = spm_host(c->spm);
	if (!ep || ep->aborted || ep->vcpus[0].state != SPM_VCPU_OFF) {
		c->d->next = SPM_IDLE;
		return;
	}
	spm_vcpu_set_running(ep, 0, SPM_RUN_SELF, FFA_ID_INVALID, 0, c->cpu);
	spm_switch_to(c, ep, 0, &zero);
}

/* A context for entry points that have no caller (boot, abort). */
static void ctx_init(struct spm_ctx *c, struct spm *spm, uint32_t cpu,
		     struct spm_endpoint *ep, uint16_t vcpu,
		     struct spm_decision *d)
{
	c->spm = spm;
	c->cpu = cpu;
	c->caller = ep;
	c->vcpu = vcpu;
	c->in = NULL;
	c->d = d;
}

static bool boot_running(struct spm *spm)
{
	uint32_t i;
	uint16_t j;

	for (i = 0; i < spm->nr_endpoints; i++) {
		const struct spm_endpoint *e = &spm->endpoints[i];

		for (j = 0; j < SPM_MAX_VCPUS && !e->cfg.is_host; j++)
			if (e->vcpus[j].state == SPM_VCPU_RUNNING &&
			    e->vcpus[j].reason == SPM_RUN_BOOT)
				return true;
	}
	return false;
}

void spm_boot_locked(struct spm *spm, uint32_t cpu, struct spm_decision *d)
{
	struct spm_ctx c;

	/* No caller; the end of each boot vCPU's init continues the boot. */
	ctx_init(&c, spm, cpu, NULL, 0, d);
	if (cpu >= spm->nr_cpus || boot_running(spm))
		d->next = SPM_IDLE;
	else
		boot_step(&c);
}

/* ---- abort ---- */

static void abort_endpoint(struct spm_endpoint *ep)
{
	uint16_t j;

	/* Reason and peer stay: they say who still waits for each vCPU. */
	ep->aborted = true;
	for (j = 0; j < SPM_MAX_VCPUS; j++)
		ep->vcpus[j].state = SPM_VCPU_ABORTED;
}

void spm_abort_caller(struct spm_ctx *c)
{
	struct spm_endpoint *ep = c->caller;
	const struct spm_vcpu *v = &ep->vcpus[c->vcpu];
	bool was_booting = v->state == SPM_VCPU_RUNNING &&
			   v->reason == SPM_RUN_BOOT;
	struct spm_endpoint *waiter;
	struct ffa_regs r;
	uint16_t wvcpu;

	abort_endpoint(ep);
	/* Again for each vCPU: it retries what the platform refused. */
	spm_abort_sweep(c->spm, ep);
	spm_notif_flush_delayed_sri(c->spm, c->cpu);
	waiter = spm_vcpu_blocked_on(c->spm, ep, c->vcpu, &wvcpu);
	if (waiter) {
		ffa_regs_set_error(&r, FFA_RET_ABORTED);
		spm_wake(c, waiter, wvcpu, &r);
	} else if (was_booting) {
		boot_step(c);
	} else {
		c->d->next = SPM_IDLE;
	}
}

void spm_abort_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		      uint16_t vcpu, struct spm_decision *d)
{
	struct spm_ctx c;
	struct spm_endpoint *e;

	e = spm_endpoint_by_id(spm, ep);
	ctx_init(&c, spm, cpu, e, vcpu, d);
	if (!e || vcpu >= e->cfg.nr_vcpus || cpu >= spm->nr_cpus) {
		spm_log(spm, 0, "abort of an unknown endpoint or vCPU");
		d->next = SPM_IDLE;
	} else {
		spm_abort_caller(&c);
	}
}

/* ---- FFA_MSG_WAIT ---- */

/* Reserved registers and flags were refused before (abi_table.c). */
static int msg_wait_check(const struct spm_ctx *c, const char **why)
{
	const struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];

	*why = "msg_wait: the host schedules, it never waits";
	if (c->caller->cfg.is_host)
		return FFA_RET_DENIED;
	*why = "msg_wait: a pending direct request must be answered first";
	if (!spm_caller_running(c) ||
	    v->reason == SPM_RUN_DIRECT || v->reason == SPM_RUN_DIRECT2)
		return FFA_RET_DENIED;
	return 0;
}

void spm_h_msg_wait(struct spm_ctx *c)
{
	struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	struct ffa_regs r = { { FFA_MSG_WAIT } };
	const char *why;
	int ret = msg_wait_check(c, &why);

	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	/* v1.0/v1.1 have no retain flag: their wait always releases RX. */
	if (!(c->in->x[2] & FFA_MSG_WAIT_RETAIN_RX))
		c->caller->mbox.rx_state = SPM_RX_EMPTY;
	v->state = SPM_VCPU_WAITING;
	spm_notif_flush_delayed_sri(c->spm, c->cpu);
	if (v->reason == SPM_RUN_BOOT) {
		boot_step(c);
		return;
	}
	r.x[1] = spm_target_info(c->caller, c->vcpu);
	wake_peer(c, &r);
}

/* ---- FFA_RUN ---- */

/* The vCPU FFA_RUN's w1 names, or an error code. */
static int run_check(struct spm_ctx *c, struct spm_endpoint **out,
		     uint16_t *vcpu, const char **why)
{
	uint32_t w1 = (uint32_t)c->in->x[1];
	struct spm_endpoint *ep = spm_endpoint_by_id(c->spm,
						     (uint16_t)(w1 >> 16));

	*vcpu = (uint16_t)w1;
	*out = ep;
	*why = "run: only the host gives cycles";
	if (!c->caller->cfg.is_host)
		return FFA_RET_DENIED;
	*why = "run: bad target";
	if (!ep || ep == c->caller || *vcpu >= ep->cfg.nr_vcpus)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "run: target aborted";
	if (ep->aborted)
		return FFA_RET_ABORTED;
	*why = "run: target not booted";
	if (ep->vcpus[*vcpu].state == SPM_VCPU_OFF)
		return FFA_RET_DENIED;
	*why = "run: target vCPU running or blocked";
	if (ep->vcpus[*vcpu].state != SPM_VCPU_WAITING &&
	    ep->vcpus[*vcpu].state != SPM_VCPU_PREEMPTED)
		return FFA_RET_BUSY;
	return 0;
}

/* A vCPU that yielded while serving this caller's direct request. */
static bool serves_caller(const struct spm_ctx *c, const struct spm_vcpu *v)
{
	return (v->reason == SPM_RUN_DIRECT || v->reason == SPM_RUN_DIRECT2) &&
	       v->peer_ep == c->caller->cfg.id && v->peer_vcpu == c->vcpu;
}

void spm_h_run(struct spm_ctx *c)
{
	struct ffa_regs r = { { FFA_RUN } };
	struct spm_endpoint *ep;
	struct spm_vcpu *v;
	const char *why;
	uint16_t vcpu;
	int ret = run_check(c, &ep, &vcpu, &why);

	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	v = &ep->vcpus[vcpu];
	/*
	 * It goes on serving this caller's request: its response completes
	 * this FFA_RUN. Anything else runs it for the scheduler.
	 */
	if (v->state == SPM_VCPU_PREEMPTED && serves_caller(c, v)) {
		v->state = SPM_VCPU_RUNNING;
		v->cpu = c->cpu;
	} else {
		spm_vcpu_start(c, ep, vcpu, SPM_RUN_SCHED);
	}
	spm_vcpu_block_caller(c, ep, vcpu);
	r.x[1] = spm_target_info(ep, vcpu);
	spm_switch_to(c, ep, vcpu, &r);
}

/* ---- FFA_YIELD ---- */

/* Reserved registers were refused before (abi_table.c). */
static int yield_check(const struct spm_ctx *c, const char **why)
{
	const struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	bool serving = v->reason == SPM_RUN_DIRECT ||
		       v->reason == SPM_RUN_DIRECT2;

	/* v1.0 forbids yielding out of a direct request (ffa-abi.md 2.3). */
	*why = "yield: not allowed in this state";
	if (!spm_caller_running(c) || v->reason == SPM_RUN_BOOT ||
	    (serving && c->caller->version < FFA_VERSION_1_1))
		return FFA_RET_DENIED;
	return 0;
}

void spm_h_yield(struct spm_ctx *c)
{
	struct ffa_regs r = { { FFA_YIELD } };
	const char *why;
	int ret = yield_check(c, &why);

	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	c->caller->vcpus[c->vcpu].state = SPM_VCPU_PREEMPTED;
	spm_notif_flush_delayed_sri(c->spm, c->cpu);
	r.x[1] = spm_target_info(c->caller, c->vcpu);
	r.x[2] = (uint32_t)c->in->x[2];
	r.x[3] = (uint32_t)c->in->x[3];
	wake_peer(c, &r);
}

/* ---- preemption: an interrupt for the host ---- */

/*
 * Only a vCPU running on this CPU for the host (serving its direct
 * request, or given cycles by its FFA_RUN) has someone to hand the CPU
 * back to: while booting nobody waits, and one serving a partition's
 * request would hand that partition an FFA_INTERRUPT it does not expect.
 */
static int preempt_check(const struct spm_ctx *c, const char **why)
{
	const struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	const struct spm_endpoint *peer;

	*why = "preempt: not a partition vCPU running on this CPU";
	if (c->caller->cfg.is_host || c->caller->aborted ||
	    v->state != SPM_VCPU_RUNNING || v->cpu != c->cpu)
		return FFA_RET_DENIED;
	*why = "preempt: booting, nobody to hand the CPU to";
	if (v->reason == SPM_RUN_BOOT)
		return FFA_RET_DENIED;
	peer = spm_endpoint_by_id(c->spm, v->peer_ep);
	*why = "preempt: it runs for a partition, not for the host";
	if (!peer || !peer->cfg.is_host)
		return FFA_RET_DENIED;
	return 0;
}

int spm_preempt_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		       uint16_t vcpu, struct spm_decision *d)
{
	struct ffa_regs r = { { FFA_INTERRUPT } };
	struct spm_endpoint *e;
	struct spm_ctx c;
	const char *why = "preempt: unknown endpoint, vCPU or CPU";
	int ret = FFA_RET_INVALID_PARAMETERS;

	e = spm_endpoint_by_id(spm, ep);
	ctx_init(&c, spm, cpu, e, vcpu, d);
	if (e && vcpu < e->cfg.nr_vcpus && vcpu < SPM_MAX_VCPUS &&
	    cpu < spm->nr_cpus)
		ret = preempt_check(&c, &why);
	if (ret) {
		spm_log(spm, 1, why);
		return ret;
	}
	/* As if it had yielded: FFA_RUN resumes it (spm_h_run()). */
	e->vcpus[vcpu].state = SPM_VCPU_PREEMPTED;
	spm_notif_flush_delayed_sri(spm, cpu);
	r.x[1] = spm_target_info(e, vcpu);
	wake_peer(&c, &r);
	return 0;
}
