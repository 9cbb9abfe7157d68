// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manager's entry points (spm/include/spm/spm.h), in one place: each
 * takes the manager lock, calls the locked body that lives with its
 * concern, and releases the lock. Nothing below this file locks, so the
 * lock order of docs/ARCHITECTURE.md ("Lock order") is visible here and
 * only here, and no file below calls back up into the lock.
 */
#include "call.h"

static void lock_manager(struct spm *spm)
{
	spm->plat.ops->lock(spm->plat.ctx, &spm->lock);
}

static void unlock_manager(struct spm *spm)
{
	spm->plat.ops->unlock(spm->plat.ctx, &spm->lock);
}

int spm_add_endpoint(struct spm *spm, const struct spm_endpoint_config *cfg)
{
	int ret;

	lock_manager(spm);
	ret = spm_add_endpoint_locked(spm, cfg);
	unlock_manager(spm);
	return ret;
}

int spm_map_mailbox(struct spm *spm, uint16_t id, uint64_t tx, uint64_t rx,
		    uint32_t pages)
{
	int ret;

	lock_manager(spm);
	ret = spm_map_mailbox_locked(spm, id, tx, rx, pages);
	unlock_manager(spm);
	return ret;
}

void spm_boot(struct spm *spm, uint32_t cpu, struct spm_decision *d)
{
	lock_manager(spm);
	spm_boot_locked(spm, cpu, d);
	unlock_manager(spm);
}

void spm_call(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
	      const struct ffa_regs *in, struct spm_decision *d)
{
	lock_manager(spm);
	spm_call_locked(spm, cpu, ep, vcpu, in, d);
	unlock_manager(spm);
}

void spm_abort(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
	       struct spm_decision *d)
{
	lock_manager(spm);
	spm_abort_locked(spm, cpu, ep, vcpu, d);
	unlock_manager(spm);
}

int spm_preempt(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
		struct spm_decision *d)
{
	int ret;

	lock_manager(spm);
	ret = spm_preempt_locked(spm, cpu, ep, vcpu, d);
	unlock_manager(spm);
	return ret;
}
