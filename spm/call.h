/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The path of every FF-A call, inline into its one caller, spm_call()
 * (entry.c), so that the lock, the checks, the judgement and the
 * handler's call share one frame and one context: sanitize the
 * registers, find the caller, let the dispatch table (abi_table.c)
 * refuse what this caller may not call and arguments with reserved bits
 * set, freeze the caller's version once it has used anything but
 * FFA_VERSION, and let the handler decide. What only a rare call needs
 * is out of line and cold (core.c).
 */
#ifndef SPM_CALL_H
#define SPM_CALL_H

#include "abi.h"

static inline __attribute__((always_inline)) void
spm_call_locked(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
		const struct ffa_regs *in, struct spm_decision *d)
{
	uint32_t fid = (uint32_t)in->x[0] & ~SMCCC_SVE_HINT;
	struct ffa_regs copy;
	struct spm_endpoint *caller;
	struct spm_ctx c;
	spm_handler h;

	/*
	 * Every well-formed call: the handlers read in as it is. It stays
	 * put during the call: it is the caller's register file, which
	 * nobody else writes while it waits in the call, or the copy.
	 */
	if (__builtin_expect(in->x[0] != fid || !ffa_regs_args_clean(in), 0))
		in = spm_call_args_sanitized(in, fid, &copy);
	caller = spm_endpoint_by_id(spm, ep);
	if (__builtin_expect(!caller || cpu >= spm->nr_cpus ||
			     vcpu >= caller->cfg.nr_vcpus, 0)) {
		spm_call_lost(spm, d);
		return;
	}
	/* Field by field: no padding to clear. */
	c.spm = spm;
	c.caller = caller;
	c.in = in;
	c.d = d;
	c.cpu = cpu;
	c.vcpu = vcpu;
	/* Its endpoint aborted while this vCPU ran elsewhere: it ends. */
	if (__builtin_expect(caller->aborted, 0)) {
		spm_abort_caller(&c);
		return;
	}
	/* Before the handler, so that none can forget; nothing changed. */
	h = spm_abi_pass(caller, in, fid);
	if (__builtin_expect(!h, 0)) {
		spm_abi_refuse(&c, fid);
		return;
	}
	/*
	 * The negotiation phase ends with the first other ABI (v1.2):
	 * once frozen, one load and no store.
	 */
	if (__builtin_expect(!caller->version_frozen, 0))
		spm_call_freeze_version(caller, fid);
	h(&c);
}

#endif /* SPM_CALL_H */
