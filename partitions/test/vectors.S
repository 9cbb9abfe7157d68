/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test partition's EL1 vector table (TP_CMD_VECTORS), built only
 * for the bench firmware, where the partition is an EL1 guest. The only
 * exception it handles is the synchronous external abort the firmware
 * delivers for a stage-2 fault at the partition's own EL (FSC 0x10, EC
 * 0x25 data or 0x21 instruction abort): it records ESR_EL1, FAR_EL1 and
 * ELR_EL1 in the struct tp_fault TPIDR_EL1 points at, counts it, and
 * does what the record's mode says (fault.h, enum tp_vectors). Anything
 * else it cannot handle: it faults on purpose, inside the table, so
 * that the firmware aborts the partition (a fault in its vectors).
 * The whole handler stays in its 0x80-byte vector for that reason.
 */
#include "fault.h"

#define EC_SHIFT	26
#define EC_DABT_CUR	0x25
#define FSC_MASK	0x3f
#define FSC_SEA		0x10

	/* IPA 0 is no partition's: a stage-2 fault, here in the table. */
	.macro	give_up
	mov	x0, #0
	ldr	x0, [x0]
	b	.
	.endm

	.macro	unhandled slot
	.org	tp_el1_vectors + \slot * 0x80
	give_up
	.endm

	.section .text.tp_el1_vectors, "ax"
	.balign	0x800
	.global	tp_el1_vectors
tp_el1_vectors:
	unhandled 0
	unhandled 1
	unhandled 2
	unhandled 3

	/* Current EL with SP_EL1, synchronous: where the abort arrives. */
	.org	tp_el1_vectors + 4 * 0x80
	stp	x0, x1, [sp, #-32]!
	stp	x2, x3, [sp, #16]
	mrs	x1, tpidr_el1
	mrs	x0, esr_el1
	mrs	x2, far_el1
	mrs	x3, elr_el1
	stp	x0, x2, [x1, #TP_FAULT_ESR]
	str	x3, [x1, #TP_FAULT_ELR]
	ldp	x2, x3, [x1, #TP_FAULT_MODE]	// mode, count
	add	x3, x3, #1
	str	x3, [x1, #TP_FAULT_COUNT]
	and	x3, x0, #FSC_MASK
	cmp	x3, #FSC_SEA
	b.ne	2f
	cmp	x2, #TP_FAULT_FAULT
	b.eq	1f
	cmp	x2, #TP_FAULT_RETRY
	b.eq	0f
	/* SKIP: past the load or store, or back from the branch. */
	lsr	x0, x0, #EC_SHIFT
	mrs	x3, elr_el1
	add	x3, x3, #4
	cmp	x0, #EC_DABT_CUR
	csel	x3, x3, x30, eq
	msr	elr_el1, x3
0:	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp], #32
	eret
1:	ldr	x0, [x1, #TP_FAULT_FAR]	// FAULT: touch it again, in here
	ldrb	w0, [x0]
2:	give_up

	unhandled 5
	unhandled 6
	unhandled 7
	unhandled 8
	unhandled 9
	unhandled 10
	unhandled 11
	unhandled 12
	unhandled 13
	unhandled 14
	unhandled 15
