// SPDX-License-Identifier: BSD-3-Clause
/*
 * smc_call(struct smc_regs *regs): an SMCCC v1.2 call with x0-x17 from
 * regs, results written back. The callee may clobber x0-x17 only, so the
 * pointer is kept on the stack across the smc and reloaded into x30 (the
 * one register that is ours to use once the results are in x0-x17).
 */
	.section .text.smc_call, "ax"
	.global smc_call
	.type smc_call, %function
smc_call:
	stp	x0, x30, [sp, #-16]!
	ldp	x16, x17, [x0, #128]
	ldp	x14, x15, [x0, #112]
	ldp	x12, x13, [x0, #96]
	ldp	x10, x11, [x0, #80]
	ldp	x8, x9, [x0, #64]
	ldp	x6, x7, [x0, #48]
	ldp	x4, x5, [x0, #32]
	ldp	x2, x3, [x0, #16]
	ldp	x0, x1, [x0]
	smc	#0
	ldr	x30, [sp]
	stp	x0, x1, [x30]
	stp	x2, x3, [x30, #16]
	stp	x4, x5, [x30, #32]
	stp	x6, x7, [x30, #48]
	stp	x8, x9, [x30, #64]
	stp	x10, x11, [x30, #80]
	stp	x12, x13, [x30, #96]
	stp	x14, x15, [x30, #112]
	stp	x16, x17, [x30, #128]
	ldr	x30, [sp, #8]
	add	sp, sp, #16
	ret
	.size smc_call, . - smc_call
