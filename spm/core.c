// SPDX-License-Identifier: BSD-3-Clause
/*
 * How a handler completes a call, the rare turns of the call path
 * (call.h), and the manager's set-up.
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

/*
 * Resume the caller with fid (FFA_SUCCESS_32 or FFA_ERROR), w2 and w3,
 * every other register zero: what ffa_regs_set_success/set_error
 * compose, written in place. An SMC32 ID and 32-bit values: the result
 * rule would change nothing, so it is not tested.
 */
static inline __attribute__((always_inline)) void
ret_plain(struct spm_ctx *c, uint32_t fid, uint32_t w2, uint32_t w3)
{
	struct spm_decision *d = c->d;
	uint32_t i;

	d->regs.x[0] = fid;
	d->regs.x[1] = 0;
	d->regs.x[2] = w2;
	d->regs.x[3] = w3;
#pragma GCC unroll 14
	for (i = 4; i < FFA_NREGS; i++)
		d->regs.x[i] = 0;
	d->next = SPM_RESUME;
	d->ep = c->caller->cfg.id;
	d->vcpu = c->vcpu;
}

void spm_ret_success(struct spm_ctx *c, uint32_t w2, uint32_t w3)
{
	ret_plain(c, FFA_SUCCESS_32, w2, w3);
}

void spm_ret_error(struct spm_ctx *c, int code, const char *why)
{
	if (why)
		spm_log(c->spm, 3, why);
	ret_plain(c, FFA_ERROR, (uint32_t)code, 0);
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
 * A call the SMCCC rules (ffa_regs_sanitize_args, the SVE hint) change:
 * the handlers read a sanitized copy, in the caller's frame (copy).
 * Out of line and cold: a well-formed call never comes here.
 */
__attribute__((noinline, cold)) const struct ffa_regs *
spm_call_args_sanitized(const struct ffa_regs *in, uint32_t fid,
			struct ffa_regs *copy)
{
	ffa_regs_copy(copy, in);
	ffa_regs_sanitize_args(copy);
	copy->x[0] = fid;
	return copy;
}

/* The platform lost track of who runs: nothing to resume. */
__attribute__((noinline, cold)) void spm_call_lost(struct spm *spm,
						   struct spm_decision *d)
{
	spm_log(spm, 0, "spm_call from an unknown endpoint or vCPU");
	d->next = SPM_IDLE;
}

/* The caller's version is still open: any call but FFA_VERSION ends it. */
__attribute__((noinline, cold)) void
spm_call_freeze_version(struct spm_endpoint *caller, uint32_t fid)
{
	if (fid != FFA_VERSION)
		caller->version_frozen = true;
}
