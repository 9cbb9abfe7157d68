/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Execution context switch, AArch64 (AAPCS64): only what a call preserves
 * (x19-x28, the frame pointer x29, the link register x30, d8-d15 and the
 * stack pointer) plus FPCR. AAPCS64 makes FPCR's rounding, flush-to-zero
 * and trap bits global state, not callee-saved, so each context keeps its
 * own, as a thread does (and swapcontext() and the x86-64 switch do). The
 * signal mask is the thread's and stays as it is: that is the syscall
 * swapcontext() makes.
 *
 * A saved context is its stack pointer; the stack holds, from there up:
 * x19-x28, x29, x30, d8-d15, FPCR and a pad word (176 bytes).
 */
	.text

#define FRAME	176
#define FPCR_AT	160

/* void host_ctx_asm_swap(void **save_sp, void *load_sp) */
	.globl	host_ctx_asm_swap
	.type	host_ctx_asm_swap, %function
host_ctx_asm_swap:
	hint	#34			/* bti c */
	sub	sp, sp, #FRAME
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	stp	d8, d9, [sp, #96]
	stp	d10, d11, [sp, #112]
	stp	d12, d13, [sp, #128]
	stp	d14, d15, [sp, #144]
	mrs	x2, fpcr
	str	x2, [sp, #FPCR_AT]
	mov	x2, sp
	str	x2, [x0]
	mov	sp, x1
	ldr	x2, [sp, #FPCR_AT]
	msr	fpcr, x2
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	ldp	d8, d9, [sp, #96]
	ldp	d10, d11, [sp, #112]
	ldp	d12, d13, [sp, #128]
	ldp	d14, d15, [sp, #144]
	add	sp, sp, #FRAME
	ret
	.size	host_ctx_asm_swap, . - host_ctx_asm_swap

/*
 * void *host_ctx_asm_prepare(void *top, void (*fn)(void *), void *arg)
 * Build a first frame below top whose "return" enters
 * host_ctx_asm_start with x19 = arg, x20 = fn and the caller's FPCR;
 * return the stack pointer to load. The other saved registers start as
 * zero.
 */
	.globl	host_ctx_asm_prepare
	.type	host_ctx_asm_prepare, %function
host_ctx_asm_prepare:
	hint	#34			/* bti c */
	and	x0, x0, #~15
	sub	x0, x0, #FRAME
	stp	x2, x1, [x0, #0]
	stp	xzr, xzr, [x0, #16]
	stp	xzr, xzr, [x0, #32]
	stp	xzr, xzr, [x0, #48]
	stp	xzr, xzr, [x0, #64]
	adr	x3, host_ctx_asm_start
	stp	xzr, x3, [x0, #80]
	stp	xzr, xzr, [x0, #96]
	stp	xzr, xzr, [x0, #112]
	stp	xzr, xzr, [x0, #128]
	stp	xzr, xzr, [x0, #144]
	mrs	x3, fpcr
	stp	x3, xzr, [x0, #FPCR_AT]
	ret
	.size	host_ctx_asm_prepare, . - host_ctx_asm_prepare

/* First code of a context: fn(arg), which never returns. */
	.type	host_ctx_asm_start, %function
host_ctx_asm_start:
	.cfi_startproc
	.cfi_undefined x30
	mov	x0, x19
	blr	x20
	brk	#0
	.cfi_endproc
	.size	host_ctx_asm_start, . - host_ctx_asm_start

	.section .note.GNU-stack, "", %progbits
