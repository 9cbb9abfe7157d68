// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL2 vector table. An exception from a guest (AArch64 EL1) saves
 * its registers straight into the running vCPU's own struct trap_frame
 * (fw/traps.h), whose address TPIDR_EL2 holds (world.c sets it with the
 * vCPU it runs), and the return restores from whichever vCPU's frame
 * TPIDR_EL2 names then: a world switch changes that pointer and copies
 * no registers. Every other entry saves a frame on the EL2 stack.
 * A synchronous exception from AArch64
 * EL1 (HVC, trapped SMC, a partition's trapped access) goes to
 * trap_lower_sync() and an IRQ or FIQ from AArch64 EL1 (Linux's, while
 * a partition runs with IMO/FMO) to trap_lower_irq(); both return to
 * the guest. Everything else is unexpected and goes to trap_fatal(),
 * which never returns, so a firmware bug ends in a register dump, not
 * a hang.
 */
#define FRAME_SIZE	272
#define FRAME_SP	248
#define FRAME_ELR	256
#define FRAME_SPSR	264

	.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #16 * 0]
	stp	x2, x3, [sp, #16 * 1]
	stp	x4, x5, [sp, #16 * 2]
	stp	x6, x7, [sp, #16 * 3]
	stp	x8, x9, [sp, #16 * 4]
	stp	x10, x11, [sp, #16 * 5]
	stp	x12, x13, [sp, #16 * 6]
	stp	x14, x15, [sp, #16 * 7]
	stp	x16, x17, [sp, #16 * 8]
	stp	x18, x19, [sp, #16 * 9]
	stp	x20, x21, [sp, #16 * 10]
	stp	x22, x23, [sp, #16 * 11]
	stp	x24, x25, [sp, #16 * 12]
	stp	x26, x27, [sp, #16 * 13]
	stp	x28, x29, [sp, #16 * 14]
	add	x0, sp, #FRAME_SIZE		// the interrupted SP
	stp	x30, x0, [sp, #16 * 15]
	mrs	x0, elr_el2
	mrs	x1, spsr_el2
	stp	x0, x1, [sp, #FRAME_ELR]
	.endm

	/*
	 * The guest's registers into the frame at TPIDR_EL2; x0 = the
	 * frame. x0 and x1 wait on the EL2 stack until there is a free
	 * register to move them with.
	 */
	.macro save_guest_frame
	stp	x0, x1, [sp, #-16]!
	mrs	x0, tpidr_el2
	stp	x2, x3, [x0, #16 * 1]
	stp	x4, x5, [x0, #16 * 2]
	stp	x6, x7, [x0, #16 * 3]
	stp	x8, x9, [x0, #16 * 4]
	stp	x10, x11, [x0, #16 * 5]
	stp	x12, x13, [x0, #16 * 6]
	stp	x14, x15, [x0, #16 * 7]
	stp	x16, x17, [x0, #16 * 8]
	stp	x18, x19, [x0, #16 * 9]
	stp	x20, x21, [x0, #16 * 10]
	stp	x22, x23, [x0, #16 * 11]
	stp	x24, x25, [x0, #16 * 12]
	stp	x26, x27, [x0, #16 * 13]
	stp	x28, x29, [x0, #16 * 14]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #16 * 0]
	mov	x1, sp				// the EL2 SP, for dumps
	stp	x30, x1, [x0, #16 * 15]
	mrs	x1, elr_el2
	mrs	x2, spsr_el2
	stp	x1, x2, [x0, #FRAME_ELR]
	.endm

	/* Enter the vCPU whose frame x0 points at. */
	.macro restore_guest_frame_eret
	ldp	x1, x2, [x0, #FRAME_ELR]
	msr	elr_el2, x1
	msr	spsr_el2, x2
	ldp	x2, x3, [x0, #16 * 1]
	ldp	x4, x5, [x0, #16 * 2]
	ldp	x6, x7, [x0, #16 * 3]
	ldp	x8, x9, [x0, #16 * 4]
	ldp	x10, x11, [x0, #16 * 5]
	ldp	x12, x13, [x0, #16 * 6]
	ldp	x14, x15, [x0, #16 * 7]
	ldp	x16, x17, [x0, #16 * 8]
	ldp	x18, x19, [x0, #16 * 9]
	ldp	x20, x21, [x0, #16 * 10]
	ldp	x22, x23, [x0, #16 * 11]
	ldp	x24, x25, [x0, #16 * 12]
	ldp	x26, x27, [x0, #16 * 13]
	ldp	x28, x29, [x0, #16 * 14]
	ldr	x30, [x0, #16 * 15]
	ldp	x0, x1, [x0, #16 * 0]
	eret
	.endm

	.macro restore_frame_eret
	ldp	x0, x1, [sp, #FRAME_ELR]
	msr	elr_el2, x0
	msr	spsr_el2, x1
	ldp	x0, x1, [sp, #16 * 0]
	ldp	x2, x3, [sp, #16 * 1]
	ldp	x4, x5, [sp, #16 * 2]
	ldp	x6, x7, [sp, #16 * 3]
	ldp	x8, x9, [sp, #16 * 4]
	ldp	x10, x11, [sp, #16 * 5]
	ldp	x12, x13, [sp, #16 * 6]
	ldp	x14, x15, [sp, #16 * 7]
	ldp	x16, x17, [sp, #16 * 8]
	ldp	x18, x19, [sp, #16 * 9]
	ldp	x20, x21, [sp, #16 * 10]
	ldp	x22, x23, [sp, #16 * 11]
	ldp	x24, x25, [sp, #16 * 12]
	ldp	x26, x27, [sp, #16 * 13]
	ldp	x28, x29, [sp, #16 * 14]
	ldr	x30, [sp, #16 * 15]
	add	sp, sp, #FRAME_SIZE
	eret
	.endm

	/*
	 * Entry n starts at el2_vectors + n * 0x80; .org makes the assembler
	 * fail if the previous entry outgrew its 32 instructions.
	 */
	.macro entry_start slot
	.org	el2_vectors + \slot * 0x80
	.endm

	/* An entry that is never expected: slot number to trap_fatal. */
	.macro fatal_entry slot
	entry_start \slot
	save_frame
	mov	x0, sp
	mov	x1, #\slot
	bl	trap_fatal
	.endm

	.section .text.vectors, "ax"
	.balign	0x800
	.global el2_vectors
el2_vectors:
	fatal_entry 0		// current EL, SP_EL0: sync
	fatal_entry 1		// IRQ
	fatal_entry 2		// FIQ
	fatal_entry 3		// SError
	fatal_entry 4		// current EL, SP_EL2: sync
	fatal_entry 5		// IRQ
	fatal_entry 6		// FIQ
	fatal_entry 7		// SError

	entry_start 8		// lower EL, AArch64: sync
	save_guest_frame
	b	lower_sync

	entry_start 9		// IRQ
	save_guest_frame
	mov	x1, #9
	b	lower_irq

	entry_start 10		// FIQ
	save_guest_frame
	mov	x1, #10
	b	lower_irq

	fatal_entry 11		// SError
	fatal_entry 12		// lower EL, AArch32: sync
	fatal_entry 13		// IRQ
	fatal_entry 14		// FIQ
	fatal_entry 15		// SError

/* x0 = the frame; TPIDR_EL2 names the vCPU to enter on the way out. */
lower_sync:
	bl	trap_lower_sync
	mrs	x0, tpidr_el2
	restore_guest_frame_eret

lower_irq:
	bl	trap_lower_irq
	mrs	x0, tpidr_el2
	restore_guest_frame_eret

/*
 * void trap_return(struct trap_frame *f): enter a guest vCPU from its
 * frame (its first entry); the EL2 stack goes on from where it is.
 */
	.section .text.trap_return, "ax"
	.global	trap_return
trap_return:
	restore_guest_frame_eret
