// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL1 system registers a guest owns, saved and restored around a
 * world switch: translation (a partition runs with its MMU off, Linux
 * with its own tables), exception state and vectors, thread IDs, the
 * stack pointers, the few controls Linux sets once (CPACR, CNTKCTL,
 * MDSCR), and the EL1 virtual timer: without FEAT_ECV, EL2 cannot trap
 * EL1's access to it, so each guest has its own. Linux's is not loaded
 * while a partition runs: EL2's own timer stands in for it then
 * (vtimer.c), and it fires for real when Linux is back. (The EL1
 * physical timer and counter are trapped for partitions instead: el1.c.)
 *
 * In assembly, two registers to one STP or from one LDP: the compiler
 * did not pair them. x0 = struct el1_sysregs (fw/vcpu.h, whose layout
 * this follows: 26 registers in that order). No ISB after the restore:
 * the ERET into the guest synchronizes it, and EL2 does not depend on
 * EL1's registers before that.
 */
#include <fw/vcpu_layout.h>

	/* The 26 registers of struct el1_sysregs into [\base, #\off]. */
	.macro save_el1 base, off
	mrs	x2, sctlr_el1
	mrs	x3, cpacr_el1
	stp	x2, x3, [\base, #\off + 0]
	mrs	x2, ttbr0_el1
	mrs	x3, ttbr1_el1
	stp	x2, x3, [\base, #\off + 16]
	mrs	x2, tcr_el1
	mrs	x3, mair_el1
	stp	x2, x3, [\base, #\off + 32]
	mrs	x2, amair_el1
	mrs	x3, vbar_el1
	stp	x2, x3, [\base, #\off + 48]
	mrs	x2, contextidr_el1
	mrs	x3, tpidr_el1
	stp	x2, x3, [\base, #\off + 64]
	mrs	x2, tpidr_el0
	mrs	x3, tpidrro_el0
	stp	x2, x3, [\base, #\off + 80]
	mrs	x2, sp_el0
	mrs	x3, sp_el1
	stp	x2, x3, [\base, #\off + 96]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x2, x3, [\base, #\off + 112]
	mrs	x2, esr_el1
	mrs	x3, far_el1
	stp	x2, x3, [\base, #\off + 128]
	mrs	x2, afsr0_el1
	mrs	x3, afsr1_el1
	stp	x2, x3, [\base, #\off + 144]
	mrs	x2, par_el1
	mrs	x3, csselr_el1
	stp	x2, x3, [\base, #\off + 160]
	mrs	x2, cntkctl_el1
	mrs	x3, mdscr_el1
	stp	x2, x3, [\base, #\off + 176]
	mrs	x2, cntv_ctl_el0
	mrs	x3, cntv_cval_el0
	stp	x2, x3, [\base, #\off + 192]
	.endm

	/* ... and back from [\base, #\off]. */
	.macro restore_el1 base, off
	ldp	x2, x3, [\base, #\off + 0]
	msr	sctlr_el1, x2
	msr	cpacr_el1, x3
	ldp	x2, x3, [\base, #\off + 16]
	msr	ttbr0_el1, x2
	msr	ttbr1_el1, x3
	ldp	x2, x3, [\base, #\off + 32]
	msr	tcr_el1, x2
	msr	mair_el1, x3
	ldp	x2, x3, [\base, #\off + 48]
	msr	amair_el1, x2
	msr	vbar_el1, x3
	ldp	x2, x3, [\base, #\off + 64]
	msr	contextidr_el1, x2
	msr	tpidr_el1, x3
	ldp	x2, x3, [\base, #\off + 80]
	msr	tpidr_el0, x2
	msr	tpidrro_el0, x3
	ldp	x2, x3, [\base, #\off + 96]
	msr	sp_el0, x2
	msr	sp_el1, x3
	ldp	x2, x3, [\base, #\off + 112]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x2, x3, [\base, #\off + 128]
	msr	esr_el1, x2
	msr	far_el1, x3
	ldp	x2, x3, [\base, #\off + 144]
	msr	afsr0_el1, x2
	msr	afsr1_el1, x3
	ldp	x2, x3, [\base, #\off + 160]
	msr	par_el1, x2
	msr	csselr_el1, x3
	ldp	x2, x3, [\base, #\off + 176]
	msr	cntkctl_el1, x2
	msr	mdscr_el1, x3
	ldp	x2, x3, [\base, #\off + 192]
	msr	cntv_cval_el0, x3	// the deadline, then the enable
	msr	cntv_ctl_el0, x2
	.endm

	.section .text.el1_sysregs_save, "ax"
	.global	el1_sysregs_save
el1_sysregs_save:
	save_el1 x0, 0
	ret

	.section .text.el1_sysregs_restore, "ax"
	.global	el1_sysregs_restore
el1_sysregs_restore:
	restore_el1 x0, 0
	ret

/*
 * void vcpu_switch_regs(struct fw_vcpu *cur, struct fw_vcpu *next,
 *			 unsigned int cpu)
 * (fw/vcpu.h): the register half of a world switch in one call, the
 * offsets from fw/vcpu_layout.h. cur's context is released with a
 * store-release once its registers are in memory; next's is acquired
 * with a load-acquire before its registers are read. The exclusive
 * load arms this CPU's monitor, so the releasing store on the other
 * CPU is the event that ends the WFE (it needs no SEV). No ISB: the
 * ERET into next synchronizes all of it, and until then EL2 depends
 * on none of it (vcpu_switch() has the one exception, FP).
 */
	.section .text.vcpu_switch_regs, "ax"
	.global	vcpu_switch_regs
vcpu_switch_regs:
	add	w6, w2, #1		// on_cpu: 1 + the CPU that holds it
	save_el1 x0, VCPU_SYS		// (x2 and x3 are its scratch)
	add	x4, x0, #VCPU_ON_CPU
	stlr	wzr, [x4]
	add	x4, x1, #VCPU_ON_CPU
1:	ldaxr	w5, [x4]
	cbnz	w5, 3f
	str	w6, [x4]
	msr	tpidr_el2, x1		// the ERET restores next's frame
	restore_el1 x1, VCPU_SYS
	add	x4, x1, #VCPU_EL2
	ldp	x2, x3, [x4, #0]
	msr	hcr_el2, x2
	msr	cptr_el2, x3
	ldp	x2, x3, [x4, #16]
	msr	mdcr_el2, x2
	msr	cnthctl_el2, x3
	ldp	x2, x3, [x4, #32]
	msr	vttbr_el2, x3
	cmn	x2, #1			// EL2_NO_ICH_HCR: no GICv3 sysregs
	b.eq	2f
	msr	s3_4_c12_c11_0, x2	// ICH_HCR_EL2
2:	ret
3:	wfe
	b	1b
