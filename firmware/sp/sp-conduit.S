// SPDX-License-Identifier: BSD-3-Clause
/*
 * The partition's conduit: HVC with x0-x17 from and back into a struct
 * ffa_regs (void sp_hvc(void *ctx, struct ffa_regs *r)). SMCCC v1.2
 * lets the callee change x0-x17 only; x18 and up survive the call, so
 * x18 (saved first) holds the struct's address across it.
 */
	.section .text.sp_hvc, "ax"
	.global	sp_hvc
sp_hvc:
	stp	x1, x18, [sp, #-16]!
	mov	x18, x1
	ldp	x0, x1, [x18, #16 * 0]
	ldp	x2, x3, [x18, #16 * 1]
	ldp	x4, x5, [x18, #16 * 2]
	ldp	x6, x7, [x18, #16 * 3]
	ldp	x8, x9, [x18, #16 * 4]
	ldp	x10, x11, [x18, #16 * 5]
	ldp	x12, x13, [x18, #16 * 6]
	ldp	x14, x15, [x18, #16 * 7]
	ldp	x16, x17, [x18, #16 * 8]
	hvc	#0
	stp	x0, x1, [x18, #16 * 0]
	stp	x2, x3, [x18, #16 * 1]
	stp	x4, x5, [x18, #16 * 2]
	stp	x6, x7, [x18, #16 * 3]
	stp	x8, x9, [x18, #16 * 4]
	stp	x10, x11, [x18, #16 * 5]
	stp	x12, x13, [x18, #16 * 6]
	stp	x14, x15, [x18, #16 * 7]
	stp	x16, x17, [x18, #16 * 8]
	ldp	x1, x18, [sp], #16
	ret
