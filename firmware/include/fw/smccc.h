/* SPDX-License-Identifier: BSD-3-Clause */
/* Routing of SMC Calling Convention calls made by the EL1 guest. */
#ifndef FW_SMCCC_H
#define FW_SMCCC_H

#include <stdbool.h>
#include <stdint.h>

#include <ffa/func.h>
#include <fw/traps.h>
#include <fw/world.h>

#define SMCCC_RET_NOT_SUPPORTED		(-1)

enum smccc_conduit { SMCCC_FROM_SMC, SMCCC_FROM_HVC };

/*
 * The FF-A range of the standard service, SMC32 or SMC64: the manager
 * answers every ID in it (NOT_SUPPORTED for those it lacks). One AND
 * (bit 30, SMC64, out) and one unsigned compare of the distance from
 * the range's first ID, which also rejects every other owning entity,
 * service and the SVE hint bit.
 */
static inline bool smccc_is_ffa(uint32_t fid)
{
	return (fid & ~SMCCC_64) - FFA_FID32(FFA_NUM_FIRST) <=
	       FFA_NUM_RANGE_LAST - FFA_NUM_FIRST;
}

/* Every other call, counted in v and answered in f->x[0] (smccc.c). */
void smccc_handle_other(struct trap_frame *f, struct fw_vcpu *v);

/*
 * Answer the call in f->x[0..17] in place. Inline, so that an FF-A call
 * goes from the trap to the manager through no function of its own.
 * FF-A first: the hot path; the ranges do not overlap, so the order
 * changes no answer. Counted in the calling vCPU (f is its frame, which
 * is the vCPU: world_vcpu_of()), which only this CPU holds now: an FF-A
 * call here, any other in smccc_handle_other().
 */
static inline void smccc_handle(struct trap_frame *f,
				enum smccc_conduit conduit)
{
	struct fw_vcpu *v = world_vcpu_of(f);

	(void)conduit;		/* both conduits answer alike, for now */
	if (smccc_is_ffa((uint32_t)f->x[0])) {
		v->ffa_calls++;
		world_ffa_call(f);
		return;
	}
	smccc_handle_other(f, v);
}

/*
 * The rarer calls the firmware itself answers, for the exit line; the
 * count of all calls and of FF-A calls is kept per vCPU instead (struct
 * fw_vcpu), off any shared line. Plain counters: with several CPUs an
 * increment of these may be lost (diagnostic only).
 */
struct smccc_stats {
	uint32_t psci_forwarded;
	uint32_t cpu_on;
};

extern struct smccc_stats smccc_stats;

void smccc_print_stats(void);

#endif /* FW_SMCCC_H */
