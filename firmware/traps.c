// SPDX-License-Identifier: BSD-3-Clause
/*
 * Exceptions taken to EL2. A guest's HVC or trapped SMC is a call to
 * route (smccc.c); a stage-2 fault becomes an external abort at the
 * guest's own vector (inject.c), or stops a partition that cannot take
 * it; a partition's first FP/SIMD access loads its registers (fp.c);
 * any other trap of a partition (a system register, SVE, SME or pointer
 * auth, el1.c) stops that partition; one of Linux's interrupts arriving
 * while a partition runs preempts it (world.c) or, when nobody could
 * take the CPU, is held back for Linux (gic.c). Everything else is a
 * firmware bug or an unexpected exception of Linux, and ends in a
 * register dump and a power-off so that a test fails in milliseconds
 * instead of hanging.
 */
#include <stdbool.h>

#include <fw/arch.h>
#include <fw/fp.h>
#include <fw/gic.h>
#include <fw/inject.h>
#include <fw/manager.h>
#include <fw/printf.h>
#include <fw/psci.h>
#include <fw/s2_host.h>
#include <fw/smccc.h>
#include <fw/traps.h>
#include <fw/world.h>

static const char *const slot_origin[] = {
	"EL2 (SP_EL0)", "EL2", "EL1 (AArch64)", "EL1 (AArch32)",
};

static const char *const slot_kind[] = {
	"synchronous exception", "IRQ", "FIQ", "SError",
};

static void dump_regs(const struct trap_frame *f)
{
	for (unsigned int i = 0; i < 30; i += 2)
		fw_printf("  x%-2u %016lx  x%-2u %016lx\n", i, f->x[i],
			  i + 1, f->x[i + 1]);
	fw_printf("  x30 %016lx  sp  %016lx\n", f->x[30], f->sp);
}

void trap_fatal(struct trap_frame *f, unsigned int slot)
{
	static bool dying;
	uint64_t esr = read_sysreg(esr_el2);

	/* A fault while reporting a fault: just stop the machine. */
	if (dying)
		psci_system_off();
	dying = true;
	fw_printf("\nfw: FATAL: unexpected %s from %s on CPU %u\n",
		  slot_kind[slot & 3], slot_origin[(slot >> 2) & 3],
		  fw_cpu_index());
	fw_printf("  ESR_EL2  %016lx (EC 0x%x, ISS 0x%x)\n", esr,
		  (unsigned int)(esr >> ESR_EC_SHIFT) & 0x3f,
		  (unsigned int)esr & 0x1ffffff);
	fw_printf("  ELR_EL2  %016lx\n", f->elr);
	fw_printf("  FAR_EL2  %016lx\n", read_sysreg(far_el2));
	fw_printf("  SPSR_EL2 %016lx\n", f->spsr);
	fw_printf("  HPFAR    %016lx\n", read_sysreg(hpfar_el2));
	dump_regs(f);
	fw_printf("fw: powering off\n");
	psci_system_off();
}

/*
 * A partition's stage-2 fault: it takes the external abort at its own
 * vector like Linux, or is stopped (its callers get ABORTED) when it
 * cannot (inject.c says why).
 */
static void partition_stage2_fault(struct trap_frame *f, uint64_t esr,
				   uint64_t ipa)
{
	struct fw_vcpu *v = world_current();
	uint64_t pc = f->elr;
	const char *why = inject_partition_abort(v, f, esr);

	if (why) {
		world_abort_current(f, why);
		return;
	}
	fw_printf("fw: partition 0x%x vCPU %u: stage-2 fault at IPA 0x%lx "
		  "(pc 0x%lx, ESR_EL2 0x%lx): external abort injected\n",
		  v->ep, v->idx, ipa, pc, esr);
}

/*
 * Was Linux's translation fault at ipa a break-before-make window? The
 * manager changes Linux's stage-2 under its lock (a lend splits the
 * 2 MiB block around the page, and the block is invalid for a moment),
 * so once we have held the lock the change is complete: if ipa is mapped
 * now, the guest only has to retry. The other CPU may be fetching an
 * instruction or walking its own stage-1 tables (S1PTW) in that block:
 * freed init memory makes user pages neighbours of kernel text. We hold no other lock here.
 */
static bool host_fault_was_transient(uint64_t esr, uint64_t ipa)
{
	const struct spm_platform *p = &fw_spm->plat;
	uint64_t fsc = esr & ESR_FSC_MASK;
	uint64_t leaf;

	if ((fsc & ESR_FSC_TYPE_MASK) != ESR_FSC_TRANSLATION &&
	    fsc != ESR_FSC_TRANSLATION_LM1)
		return false;
	p->ops->lock(p->ctx, &fw_spm->lock);
	leaf = s2_leaf(&s2_host, ipa);
	p->ops->unlock(p->ctx, &fw_spm->lock);
	return leaf != 0;
}

/*
 * A stage-2 fault: the guest touched an IPA it was not given. It is the
 * guest's error, not ours: the guest takes an external abort at EL1.
 */
static void stage2_fault(struct trap_frame *f, uint64_t esr)
{
	uint64_t ipa = (read_sysreg(hpfar_el2) >> 4) << 12;

	ipa |= read_sysreg(far_el2) & 0xfff;
	if (!world_current_is_host()) {
		partition_stage2_fault(f, esr, ipa);
		return;
	}
	if (host_fault_was_transient(esr, ipa)) {
		/* ELR_EL2 still points at the access: it is retried. */
		fw_printf("fw: Linux's stage-2 fault at IPA 0x%lx came while "
			  "its mapping changed: retried\n", ipa);
		return;
	}
	/* SPSR_EL2.M[3:2] is the EL the guest was in: Linux or its user. */
	fw_printf("fw: stage-2 fault by EL%lu at IPA 0x%lx (pc 0x%lx, "
		  "ESR_EL2 0x%lx): external abort injected\n",
		  (f->spsr >> 2) & 3, ipa, f->elr, esr);
	if (inject_external_abort(f, esr)) {
		fw_printf("fw: EL1 faults on its own vector: it cannot "
			  "take the abort\n");
		trap_fatal(f, 8);
	}
}

/* A trapped MRS/MSR (EC 0x18): name the register in the log. */
static void sysreg_trap(struct trap_frame *f, uint64_t esr)
{
	unsigned int iss = (unsigned int)esr & 0x1ffffff;

	fw_printf("fw: partition %s s%u_%u_c%u_c%u_%u\n",
		  iss & 1 ? "reads" : "writes", (iss >> 20) & 3,
		  (iss >> 14) & 7, (iss >> 10) & 0xf, (iss >> 1) & 0xf,
		  (iss >> 17) & 7);
	world_abort_current(f, "trapped system register access");
}

static void fp_access(struct trap_frame *f)
{
	const char *why = fp_trap(world_current());

	if (why)
		world_abort_current(f, why);
}

/* The traps only partitions run with; Linux never takes them. */
static bool partition_trap(struct trap_frame *f, uint64_t esr,
			   unsigned int ec)
{
	switch (ec) {
	case ESR_EC_FP:
		fp_access(f);
		return true;
	case ESR_EC_SYSREG:
		sysreg_trap(f, esr);
		return true;
	case ESR_EC_SVE:
		world_abort_current(f, "SVE access (trapped)");
		return true;
	case ESR_EC_SME:
		world_abort_current(f, "SME access (trapped)");
		return true;
	case ESR_EC_PAC:
		world_abort_current(f, "pointer authentication (trapped)");
		return true;
	}
	return false;
}

/* Everything but a call: faults and the traps partitions run with. */
static __attribute__((noinline))
void lower_sync_other(struct trap_frame *f, uint64_t esr, unsigned int ec)
{
	switch (ec) {
	case ESR_EC_IABT_LOW:
	case ESR_EC_DABT_LOW:
		stage2_fault(f, esr);
		break;
	default:
		if (world_current_is_host())
			trap_fatal(f, 8);
		if (!partition_trap(f, esr, ec))
			world_abort_current(f, "unexpected exception");
	}
}

/*
 * Calls first, and through tail calls only: the hot path sets up no
 * stack frame here; the rest is out of line (lower_sync_other()).
 */
void trap_lower_sync(struct trap_frame *f)
{
	uint64_t esr = read_sysreg(esr_el2);
	unsigned int ec = (esr >> ESR_EC_SHIFT) & 0x3f;

	if (ec == ESR_EC_SMC64) {
		/* A trapped SMC leaves ELR at the SMC itself. */
		f->elr += 4;
		smccc_handle(f, SMCCC_FROM_SMC);
	} else if (ec == ESR_EC_HVC64) {
		/* ELR is already past the HVC. */
		smccc_handle(f, SMCCC_FROM_HVC);
	} else {
		lower_sync_other(f, esr, ec);
	}
}

void trap_lower_irq(struct trap_frame *f, unsigned int slot)
{
	/* Linux takes its interrupts at EL1: this is a partition's turn. */
	if (world_current_is_host())
		trap_fatal(f, slot);
	/*
	 * Running for Linux, it is preempted and Linux takes the interrupt
	 * as soon as it is back. Otherwise (booting, serving another
	 * partition) nobody can take the CPU now: hold Linux's interrupts
	 * until it runs again, or they would trap here without end.
	 */
	if (!world_preempt_current(f))
		gic_irqs_hold();
}
