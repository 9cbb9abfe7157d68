// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL1 test payload's vector table. A synchronous exception from EL1
 * (SP_EL1) is an expected probe: it records ESR_EL1, FAR_EL1 and ELR_EL1
 * in hello_exc, steps over the faulting instruction and returns. Any
 * other vector is a failure: hello_unexpected() reports it and powers
 * off.
 */
	.macro	unexpected slot
	.org	el1_vectors + \slot * 0x80
	mov	x0, #\slot
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	b	hello_unexpected
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global	el1_vectors
el1_vectors:
	unexpected 0
	unexpected 1
	unexpected 2
	unexpected 3

	.org	el1_vectors + 4 * 0x80	// current EL, SP_EL1: sync
	stp	x0, x1, [sp, #-16]!
	adrp	x0, hello_exc
	add	x0, x0, :lo12:hello_exc
	mrs	x1, esr_el1
	str	x1, [x0, #0]
	mrs	x1, far_el1
	str	x1, [x0, #8]
	mrs	x1, elr_el1
	str	x1, [x0, #16]
	add	x1, x1, #4			// skip the probe
	msr	elr_el1, x1
	ldp	x0, x1, [sp], #16
	eret

	unexpected 5
	unexpected 6
	unexpected 7
	unexpected 8
	unexpected 9
	unexpected 10
	unexpected 11
	unexpected 12
	unexpected 13
	unexpected 14
	unexpected 15
