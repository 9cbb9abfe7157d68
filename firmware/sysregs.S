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
	.section .text.el1_sysregs_save, "ax"
	.global	el1_sysregs_save
el1_sysregs_save:
	mrs	x2, sctlr_el1
	mrs	x3, cpacr_el1
	stp	x2, x3, [x0, #0]
	mrs	x2, ttbr0_el1
	mrs	x3, ttbr1_el1
	stp	x2, x3, [x0, #16]
	mrs	x2, tcr_el1
	mrs	x3, mair_el1
	stp	x2, x3, [x0, #32]
	mrs	x2, amair_el1
	mrs	x3, vbar_el1
	stp	x2, x3, [x0, #48]
	mrs	x2, contextidr_el1
	mrs	x3, tpidr_el1
	stp	x2, x3, [x0, #64]
	mrs	x2, tpidr_el0
	mrs	x3, tpidrro_el0
	stp	x2, x3, [x0, #80]
	mrs	x2, sp_el0
	mrs	x3, sp_el1
	stp	x2, x3, [x0, #96]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x2, x3, [x0, #112]
	mrs	x2, esr_el1
	mrs	x3, far_el1
	stp	x2, x3, [x0, #128]
	mrs	x2, afsr0_el1
	mrs	x3, afsr1_el1
	stp	x2, x3, [x0, #144]
	mrs	x2, par_el1
	mrs	x3, csselr_el1
	stp	x2, x3, [x0, #160]
	mrs	x2, cntkctl_el1
	mrs	x3, mdscr_el1
	stp	x2, x3, [x0, #176]
	mrs	x2, cntv_ctl_el0
	mrs	x3, cntv_cval_el0
	stp	x2, x3, [x0, #192]
	ret

	.section .text.el1_sysregs_restore, "ax"
	.global	el1_sysregs_restore
el1_sysregs_restore:
	ldp	x2, x3, [x0, #0]
	msr	sctlr_el1, x2
	msr	cpacr_el1, x3
	ldp	x2, x3, [x0, #16]
	msr	ttbr0_el1, x2
	msr	ttbr1_el1, x3
	ldp	x2, x3, [x0, #32]
	msr	tcr_el1, x2
	msr	mair_el1, x3
	ldp	x2, x3, [x0, #48]
	msr	amair_el1, x2
	msr	vbar_el1, x3
	ldp	x2, x3, [x0, #64]
	msr	contextidr_el1, x2
	msr	tpidr_el1, x3
	ldp	x2, x3, [x0, #80]
	msr	tpidr_el0, x2
	msr	tpidrro_el0, x3
	ldp	x2, x3, [x0, #96]
	msr	sp_el0, x2
	msr	sp_el1, x3
	ldp	x2, x3, [x0, #112]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x2, x3, [x0, #128]
	msr	esr_el1, x2
	msr	far_el1, x3
	ldp	x2, x3, [x0, #144]
	msr	afsr0_el1, x2
	msr	afsr1_el1, x3
	ldp	x2, x3, [x0, #160]
	msr	par_el1, x2
	msr	csselr_el1, x3
	ldp	x2, x3, [x0, #176]
	msr	cntkctl_el1, x2
	msr	mdscr_el1, x3
	ldp	x2, x3, [x0, #192]
	msr	cntv_cval_el0, x3	// the deadline, then the enable
	msr	cntv_ctl_el0, x2
	ret
