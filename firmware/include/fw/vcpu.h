/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A vCPU of an EL1 guest (Linux or a partition) while it is not on a
 * physical CPU: its general registers as the EL2 trap frame holds them,
 * the EL1 system registers it owns, and how EL2 runs it (HCR_EL2, its
 * stage-2). Switching worlds is saving one into the trap frame's place
 * and loading another (world.c).
 *
 * What else of the CPU a guest at EL1 can reach is either switched here
 * too (FP/SIMD, lazily: fw/fp.h; the virtual timer, with the system
 * registers) or trapped while a partition runs (el1.c, gic.c), so that
 * a partition neither reads nor changes what Linux left there; the
 * table is in docs/ARCHITECTURE.md.
 */
#ifndef FW_VCPU_H
#define FW_VCPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <fw/arch.h>
#include <fw/fp.h>
#include <fw/gic.h>
#include <fw/s2.h>
#include <fw/traps.h>
#include <fw/vcpu_layout.h>

struct el1_sysregs {
	uint64_t sctlr, cpacr, ttbr0, ttbr1, tcr, mair, amair, vbar;
	uint64_t contextidr, tpidr_el1, tpidr_el0, tpidrro_el0;
	uint64_t sp_el0, sp_el1, elr, spsr, esr, far, afsr0, afsr1, par;
	uint64_t csselr, cntkctl, mdscr;
	uint64_t cntv_ctl, cntv_cval;	/* the EL1 virtual timer */
};

/* sysregs.S moves them in this order, in pairs. */
_Static_assert(offsetof(struct el1_sysregs, cntv_cval) == 25 * 8 &&
	       sizeof(struct el1_sysregs) == 26 * 8, "sysregs.S layout");

/*
 * How EL2 runs a vCPU: its traps, FP/SIMD access, stage-2. Computed once
 * when the vCPU is created (el1_guest_config()) and written as one block
 * by vcpu_load() or vcpu_switch_regs(), not recomputed from the ID
 * registers on every switch.
 */
struct el2_config {
	uint64_t hcr;		/* HCR_EL2 */
	uint64_t cptr;		/* CPTR_EL2 as it enters (a partition: TFP) */
	uint64_t mdcr;		/* MDCR_EL2 */
	uint64_t cnthctl;	/* CNTHCTL_EL2 */
	uint64_t ich_hcr;	/* ICH_HCR_EL2, EL2_NO_ICH_HCR without GICv3
				 * system registers */
	uint64_t vttbr;		/* VTTBR_EL2: its stage-2 root and VMID */
};

/* sysregs.S loads them in pairs, in this order. */
_Static_assert(offsetof(struct el2_config, cptr) == 8 &&
	       offsetof(struct el2_config, mdcr) == 16 &&
	       offsetof(struct el2_config, cnthctl) == 24 &&
	       offsetof(struct el2_config, ich_hcr) == 32 &&
	       offsetof(struct el2_config, vttbr) == 40, "sysregs.S el2");

/*
 * How a vCPU goes on when it is switched to: one byte, so that the usual
 * case, a vCPU waiting in an FF-A call, is one test on the world switch.
 */
enum vcpu_resume {
	VCPU_IN_CALL,		/* the decision's x0-x17 are its result */
	VCPU_AT_BOOT,		/* never ran: frame is its boot state */
	VCPU_PREEMPTED,		/* stopped by an interrupt, not in a call:
				 * frame is where it was */
};

/*
 * frame comes first: TPIDR_EL2 holds the running vCPU's frame, which is
 * then also the vCPU itself (world_current()).
 */
struct fw_vcpu {
	struct trap_frame frame;	/* at EL2 and while not running */
	struct el1_sysregs sys;
	struct fp_regs fp;		/* while not in the registers */
	struct el2_config el2;
	struct s2_table *s2;
	uint32_t other_calls;		/* SMCCC calls it made (smccc.c) */
	uint32_t ffa_calls;		/* ... and FF-A calls: one count
					 * each on the hot path */
	uint16_t ep;			/* FF-A endpoint ID */
	uint16_t idx;			/* vCPU index in the endpoint */
	bool is_host;
	uint8_t resume;			/* enum vcpu_resume */
	uint32_t on_cpu;		/* 0, or 1 + the CPU that holds its
					 * state: vcpu_cpu() */
	/* A partition's stage-2 faults (inject.c). */
	bool fault_aborts;		/* its manifest: abort-on-fault */
	bool sea_taken;			/* an abort was injected ... */
	uint64_t sea_pc;		/* ... for the fault at this PC */
};

_Static_assert(offsetof(struct fw_vcpu, frame) == 0,
	       "TPIDR_EL2 names the vCPU and its frame alike");
_Static_assert(offsetof(struct fw_vcpu, sys) == VCPU_SYS &&
	       offsetof(struct fw_vcpu, el2) == VCPU_EL2 &&
	       offsetof(struct fw_vcpu, on_cpu) == VCPU_ON_CPU,
	       "fw/vcpu_layout.h");

/*
 * A vCPU that starts at entry at EL1h, DAIF masked, x0 = arg: Linux's
 * (host) or a partition's, with the EL2 configuration that goes with it.
 */
void vcpu_init(struct fw_vcpu *v, uint16_t ep, uint16_t idx,
	       struct s2_table *s2, bool host, uint64_t entry, uint64_t arg);

/*
 * vcpu_load: v's loaded, when nothing ran here before. vcpu_switch()
 * below: this CPU's (cpu, fw_cpu_index()) EL1 system and FP state into
 * cur, which any CPU may then load, and next's loaded. The general
 * registers stay in each frame: the one loaded becomes the frame the
 * next exception saves into and the next ERET restores from (TPIDR_EL2).
 */
void vcpu_load(struct fw_vcpu *v);

void el1_sysregs_save(struct el1_sysregs *s);
void el1_sysregs_restore(const struct el1_sysregs *s);

/*
 * The register part of vcpu_switch() (sysregs.S), one call: cur's EL1
 * system registers saved, cur released (on_cpu, store-release), next
 * acquired by CPU cpu once its previous holder released it, TPIDR_EL2
 * pointed at next's frame, next's EL1 system registers and EL2
 * configuration loaded.
 */
void vcpu_switch_regs(struct fw_vcpu *cur, struct fw_vcpu *next,
		      unsigned int cpu);

/*
 * The CPU running v, which must be running (a trap handler's own vCPU):
 * fw_cpu_index() from a field the switch writes anyway, not from MPIDR.
 */
static inline unsigned int vcpu_cpu(const struct fw_vcpu *v)
{
	return v->on_cpu - 1;
}

void fp_host_load(struct fw_vcpu *v, unsigned int cpu);
void fp_partition_save(struct fw_vcpu *v, unsigned int cpu);

/*
 * Inline: the world switch's (world.c) one call is vcpu_switch_regs().
 * FP/SIMD state moves only when this CPU's registers do not hold its
 * Linux vCPU's (fp_owner[] is NULL or a partition's vCPU): while they
 * do, whichever way the switch goes, nothing is to be saved (cur is
 * that Linux vCPU, or a partition that never took FP) or loaded (next
 * is that Linux vCPU, or a partition that loads its own on first use).
 */
static inline void vcpu_switch(struct fw_vcpu *cur, struct fw_vcpu *next,
			       unsigned int cpu)
{
	struct fw_vcpu *owner = fp_owner[cpu];
	bool fp_moves = !owner || !owner->is_host;

	/*
	 * Its general registers are in cur->frame already (vectors.S);
	 * its FP registers are saved while it is still ours and its
	 * CPTR_EL2 still in force.
	 */
	if (fp_moves && owner == cur)
		fp_partition_save(cur, cpu);
	vcpu_switch_regs(cur, next, cpu);
	gic_irqs_restore(cpu);
	/*
	 * EL2 needs an ISB only before it loads FP registers under the
	 * new CPTR_EL2; everything else takes effect at the ERET.
	 */
	if (fp_moves && next->is_host) {
		isb();
		fp_host_load(next, cpu);
	}
}

#endif /* FW_VCPU_H */
