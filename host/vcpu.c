// SPDX-License-Identifier: BSD-3-Clause
/*
 * Endpoint vCPUs as execution contexts, the loopback conduit they call
 * FF-A through, and carrying out the manager's decisions.
 *
 * A vCPU that calls FF-A stays inside its conduit call until a decision
 * hands it registers: at once (resume), or after other vCPUs ran. So a
 * switch goes straight from the caller to the target, with no scheduler
 * context in between; the runtime's own context only runs at boot and
 * when the manager says nothing is left to run.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <libffa/status.h>
#include "host_internal.h"

static void *env_ptr(const struct ffa_env *env, uint64_t addr)
{
	const struct host_vcpu *v = env->priv;

	return host_window_ptr(v->ep, addr);
}

static uint64_t env_addr(const struct ffa_env *env, const void *p)
{
	const struct host_vcpu *v = env->priv;
	const struct ffa_host *h = v->ep->h;
	const uint8_t *b = p;

	if (b < v->ep->window || b >= v->ep->window + h->nr_pages *
	    FFA_PAGE_SIZE)
		return 0;
	return h->cfg.phys_base + (uint64_t)(b - v->ep->window);
}

/*
 * The one way from endpoint code into the runtime, so the place where an
 * expired watchdog stops a run that still calls FF-A: the manager is
 * between calls there, its state whole.
 */
static void host_conduit_call(void *ctx, struct ffa_regs *regs)
{
	struct host_vcpu *v = ctx;
	struct ffa_host *h = v->ep->h;
	struct spm_decision d;

	h->in_endpoint = 0;
	v->call_fid = (uint32_t)regs->x[0];
	if (h->expired)
		host_watchdog_stop(h, v, false);
	v->in_call = true;
	/* A reason logged outside a call (a test's own spm_*()) is not ours. */
	h->reason_pending = false;
	spm_call(h->spm, 0, v->ep->id, v->index, regs, &d);
	host_execute(h, v, &d);
	v->in_call = false;
	*regs = v->regs;
	h->in_endpoint = 1;
}

/* The vCPU behind env, or NULL when env is not the runtime's. */
static struct host_vcpu *env_vcpu(const struct ffa_env *env)
{
	if (!env || env->conduit.call != host_conduit_call)
		return NULL;
	return env->conduit.ctx;
}

void *ffa_host_arg(const struct ffa_env *env)
{
	struct host_vcpu *v = env_vcpu(env);

	return v ? v->ep->arg : NULL;
}

struct ffa_host *ffa_host_of(const struct ffa_env *env)
{
	struct host_vcpu *v = env_vcpu(env);

	return v ? v->ep->h : NULL;
}

static void vcpu_env_init(struct host_vcpu *v,
			  const struct spm_endpoint_config *cfg)
{
	struct ffa_env *env = &v->env;

	env->conduit.call = host_conduit_call;
	env->conduit.ctx = v;
	env->id = v->ep->id;
	env->vcpu = v->index;
	if (cfg->nr_regions) {
		env->mem_base = cfg->regions[0].base;
		env->mem_size = (uint64_t)cfg->regions[0].pages * FFA_PAGE_SIZE;
	}
	env->ptr = env_ptr;
	env->addr = env_addr;
	env->priv = v;
}

/* A stack with a PROT_NONE guard page below it, so overflows fault. */
static void *stack_alloc(size_t size)
{
	uint8_t *p = mmap(NULL, size + FFA_PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (mprotect(p, FFA_PAGE_SIZE, PROT_NONE) != 0) {
		munmap(p, size + FFA_PAGE_SIZE);
		return NULL;
	}
	return p + FFA_PAGE_SIZE;
}

static void stack_free(void *stack, size_t size)
{
	if (stack)
		munmap((uint8_t *)stack - FFA_PAGE_SIZE, size + FFA_PAGE_SIZE);
}

int host_vcpus_init(struct ffa_host *h, struct host_ep *ep,
		    const struct spm_endpoint_config *cfg)
{
	uint16_t i;

	for (i = 0; i < ep->nr_vcpus; i++) {
		struct host_vcpu *v = &ep->vcpus[i];

		v->ep = ep;
		v->index = i;
		v->stack_size = h->cfg.stack_size;
		v->stack = stack_alloc(v->stack_size);
		if (!v->stack)
			return FFA_RET_NO_MEMORY;
		vcpu_env_init(v, cfg);
	}
	return 0;
}

void host_vcpus_fini(struct host_ep *ep)
{
	uint16_t i;

	for (i = 0; i < SPM_MAX_VCPUS; i++) {
		stack_free(ep->vcpus[i].stack, ep->vcpus[i].stack_size);
		ep->vcpus[i].stack = NULL;
	}
}

static struct host_vcpu *vcpu_lookup(struct ffa_host *h, uint16_t id,
				     uint16_t index)
{
	struct host_ep *ep = host_ep_by_id(h, id);

	if (!ep || index >= ep->nr_vcpus || ep->vcpus[index].dead)
		return NULL;
	return &ep->vcpus[index];
}

/* End a vCPU whose main returned or faulted: it never runs again. */
static void vcpu_exit(struct host_vcpu *v, int ret)
{
	struct ffa_host *h = v->ep->h;
	struct spm_decision d;

	v->dead = true;
	if (v->ep->is_host) {
		h->host_ret = ret;
		h->host_done = true;
		d.next = SPM_IDLE;
	} else {
		host_logf(h, 1, "%s vCPU %u ended (%d): aborted", v->ep->name,
			  v->index, ret);
		spm_abort(h->spm, 0, v->ep->id, v->index, &d);
	}
	host_execute(h, v, &d);
	host_logf(h, 0, "a dead vCPU was resumed");
	abort();
}

/* First code of every vCPU context. */
static void vcpu_main(void *arg)
{
	struct host_vcpu *v = arg;
	struct ffa_host *h = v->ep->h;
	int ret;

	/*
	 * A fault in its main (fault.c), or the watchdog finding it in its
	 * own code (watchdog.c), lands here with signals restored.
	 */
	switch (sigsetjmp(v->fault, 1)) {
	case 0:
		h->in_endpoint = 1;
		ret = v->ep->entry(&v->env);
		h->in_endpoint = 0;
		break;
	case HOST_JMP_WATCHDOG:
		h->in_endpoint = 0;
		host_watchdog_stop(h, v, true);	/* does not return */
	default:			/* HOST_JMP_FAULT */
		h->in_endpoint = 0;
		host_logf(h, 0, "%s vCPU %u faulted", v->ep->name, v->index);
		ret = FFA_HOST_RUN_FAILED;
		break;
	}
	vcpu_exit(v, ret);
}

static void vcpu_start(struct ffa_host *h, struct host_vcpu *v)
{
	static const struct ffa_regs zero;

	/* Its main cannot see registers: say so if some were meant for it. */
	if (memcmp(&v->regs, &zero, sizeof(zero)) != 0)
		host_logf(h, 1, "%s vCPU %u starts with registers it drops",
			  v->ep->name, v->index);
	v->started = true;
}

/*
 * Every context is prepared from the runtime's own, before any endpoint
 * runs: a vCPU starts with its FP control state (and, with ucontext, its
 * signal mask), not with that of whichever vCPU first switches to it.
 */
void host_vcpus_prepare(struct ffa_host *h)
{
	struct host_vcpu *v;
	uint32_t i, j;

	for (i = 0; i < h->nr_eps; i++)
		for (j = 0; j < h->eps[i].nr_vcpus; j++) {
			v = &h->eps[i].vcpus[j];
			h->ctx_ops->prepare(&v->ctx, v->stack, v->stack_size,
					    vcpu_main, v);
		}
}

void host_switch(struct ffa_host *h, struct host_vcpu *from,
		 struct host_vcpu *to)
{
	struct host_ctx *save = from ? &from->ctx : &h->main_ctx;
	struct host_ctx *load = to ? &to->ctx : &h->main_ctx;

	if (to && !to->started)
		vcpu_start(h, to);
	h->current = to;
	h->ctx_ops->swap(save, load);
	/* Back in from: whoever switched here set h->current to it. */
}

void host_execute(struct ffa_host *h, struct host_vcpu *from,
		  const struct spm_decision *d)
{
	struct host_vcpu *to = NULL;

	if (d->next != SPM_IDLE) {
		to = vcpu_lookup(h, d->ep, d->vcpu);
		if (!to)
			host_logf(h, 0, "decision for unknown vCPU %#x/%u",
				  d->ep, d->vcpu);
		else
			to->regs = d->regs;
	}
	host_refusal_note(h, to, &d->regs);
	if (to == from)
		return;
	host_switch(h, from, to);
}
