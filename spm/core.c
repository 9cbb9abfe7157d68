// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manager's one entry point: sanitize the registers, let the
 * dispatch table (abi_table.c) refuse what this caller may not call and
 * arguments with reserved bits set, freeze the caller's version once it
 * has used anything but FFA_VERSION, and let the handler decide. Also
 * how a handler completes a call, and the manager's set-up.
 */
#include <libffa/bytes.h>
#include <libffa/status.h>
#include "internal.h"

/*
 * The decision's registers are the answer: a handler may build them in
 * place (spm_out_regs) and pass them here, which then copies nothing.
 */
static inline __attribute__((always_inline)) void
set_decision_regs(struct spm_ctx *c, const struct ffa_regs *r)
{
	if (r != &c->d->regs)
		ffa_regs_copy(&c->d->regs, r);
	ffa_regs_sanitize_results(&c->d->regs);
}

void spm_ret_regs(struct spm_ctx *c, const struct ffa_regs *r)
{
	c->d->next = SPM_RESUME;
	c->d->ep = c->caller->cfg.id;
	c->d->vcpu = c->vcpu;
	set_decision_regs(c, r);
}

void spm_ret_success(struct spm_ctx *c, uint32_t w2, uint32_t w3)
{
	struct ffa_regs *r = spm_out_regs(c);

	ffa_regs_set_success(r, w2, w3);
	spm_ret_regs(c, r);
}

void spm_ret_error(struct spm_ctx *c, int code, const char *why)
{
	struct ffa_regs *r = spm_out_regs(c);

	if (why)
		spm_log(c->spm, 3, why);
	ffa_regs_set_error(r, code);
	spm_ret_regs(c, r);
}

void spm_switch_to(struct spm_ctx *c, const struct spm_endpoint *ep,
		   uint16_t vcpu, const struct ffa_regs *r)
{
	c->d->next = SPM_SWITCH;
	c->d->ep = ep->cfg.id;
	c->d->vcpu = vcpu;
	set_decision_regs(c, r);
}

int spm_init(struct spm *spm, const struct spm_platform *plat,
	     const struct spm_storage *st, uint32_t nr_cpus)
{
	if (!plat || !plat->ops || !st || !st->pages || !st->ranges ||
	    !st->scratch || st->nr_pages == 0 || st->nr_ranges == 0 ||
	    st->mem_base % FFA_PAGE_SIZE != 0 ||
	    nr_cpus == 0 || nr_cpus > SPM_MAX_CPUS)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_bytes_zero(spm, sizeof(*spm));
	spm->plat = *plat;
	spm->st = *st;
	spm->spm_id = FFA_ID_SPMC;
	spm->version = FFA_VERSION_1_2;
	spm->nr_cpus = nr_cpus;
	ffa_bytes_zero(st->pages, st->nr_pages * sizeof(*st->pages));
	spm->lock.rank = SPM_LOCK_RANK_MANAGER;
	return 0;
}

static bool spm_version_known(uint32_t version)
{
	return version == FFA_VERSION_1_0 || version == FFA_VERSION_1_1 ||
	       version == FFA_VERSION_1_2;
}

/*
 * Only before the first endpoint: its negotiated version starts from
 * the manager's (endpoint.c), and a version that changed under a caller
 * would break what it was told.
 */
int spm_set_version(struct spm *spm, uint32_t version)
{
	if (!spm_version_known(version))
		return FFA_RET_INVALID_PARAMETERS;
	if (spm->nr_endpoints != 0)
		return FFA_RET_DENIED;
	spm->version = version;
	return 0;
}

/*
 * The call itself, on arguments that follow the SMCCC rules. They stay
 * put during the call: args is the caller's register file, which nobody
 * else writes while it waits in the call, or call_sanitized()'s copy.
 */
static void call_body(struct spm *spm, uint32_t cpu, uint16_t ep,
		      uint16_t vcpu, const struct ffa_regs *args,
		      struct spm_decision *d)
{
	struct spm_ctx c = {
		.spm = spm, .cpu = cpu, .vcpu = vcpu, .in = args, .d = d,
	};
	const char *why;
	spm_handler h;
	uint32_t fid = (uint32_t)args->x[0];
	int ret;

	c.caller = spm_endpoint_by_id(spm, ep);
	if (!c.caller || cpu >= spm->nr_cpus ||
	    vcpu >= c.caller->cfg.nr_vcpus) {
		/* The platform lost track of who runs: nothing to resume. */
		spm_log(spm, 0, "spm_call from an unknown endpoint or vCPU");
		d->next = SPM_IDLE;
		return;
	}
	/* Its endpoint aborted while this vCPU ran elsewhere: it ends. */
	if (c.caller->aborted) {
		spm_abort_caller(&c);
		return;
	}
	/* Before the handler, so that none can forget; nothing changed. */
	ret = spm_abi_judge(&c, fid, &h, &why);
	if (ret) {
		spm_ret_error(&c, ret, why);
		return;
	}
	/* The negotiation phase ends with the first other ABI (v1.2). */
	if (fid != FFA_VERSION)
		c.caller->version_frozen = true;
	h(&c);
}

/*
 * A call the SMCCC rules (ffa_regs_sanitize_args, the SVE hint) change:
 * the handlers read a sanitized copy. Out of line, so that its 144-byte
 * frame is only set up for such a call, not for every well-formed one.
 */
static __attribute__((noinline, cold)) void
call_sanitized(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
	       const struct ffa_regs *in, uint32_t fid,
	       struct spm_decision *d)
{
	struct ffa_regs copy;

	ffa_regs_copy(&copy, in);
	ffa_regs_sanitize_args(&copy);
	copy.x[0] = fid;
	call_body(spm, cpu, ep, vcpu, &copy, d);
}

void spm_call_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		     uint16_t vcpu, const struct ffa_regs *in,
		     struct spm_decision *d)
{
	uint32_t fid = (uint32_t)in->x[0] & ~SMCCC_SVE_HINT;

	/* Every well-formed call: the handlers read in as it is. */
	if (in->x[0] == fid && ffa_regs_args_clean(in))
		call_body(spm, cpu, ep, vcpu, in, d);
	else
		call_sanitized(spm, cpu, ep, vcpu, in, fid, d);
}
