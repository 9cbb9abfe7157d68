/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Execution context switch, x86-64 System V: only what a call preserves
 * (rbx, rbp, r12-r15, the stack pointer) plus MXCSR and the x87 control
 * word, which the ABI makes callee-saved too. The signal mask is the
 * thread's and stays as it is: that is the syscall swapcontext() makes.
 *
 * A saved context is its stack pointer; the stack holds, from there up:
 * MXCSR (4 bytes), x87 CW (2 + 2 pad), r15, r14, r13, r12, rbx, rbp and
 * the return address.
 */
	.text

/* void host_ctx_asm_swap(void **save_sp, void *load_sp) */
	.globl	host_ctx_asm_swap
	.type	host_ctx_asm_swap, @function
host_ctx_asm_swap:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	host_ctx_asm_swap, . - host_ctx_asm_swap

/*
 * void *host_ctx_asm_prepare(void *top, void (*fn)(void *), void *arg)
 * Build a first frame below top whose "return" enters
 * host_ctx_asm_start with r12 = arg, r13 = fn and the caller's control
 * words; return the stack pointer to load.
 */
	.globl	host_ctx_asm_prepare
	.type	host_ctx_asm_prepare, @function
host_ctx_asm_prepare:
	andq	$-16, %rdi
	leaq	host_ctx_asm_start(%rip), %rax
	movq	%rax, -8(%rdi)
	movq	$0, -16(%rdi)
	movq	$0, -24(%rdi)
	movq	%rdx, -32(%rdi)
	movq	%rsi, -40(%rdi)
	movq	$0, -48(%rdi)
	movq	$0, -56(%rdi)
	stmxcsr	-64(%rdi)
	fnstcw	-60(%rdi)
	movw	$0, -58(%rdi)
	leaq	-64(%rdi), %rax
	ret
	.size	host_ctx_asm_prepare, . - host_ctx_asm_prepare

/* First code of a context: fn(arg), which never returns. */
	.type	host_ctx_asm_start, @function
host_ctx_asm_start:
	.cfi_startproc
	.cfi_undefined rip
	movq	%r12, %rdi
	callq	*%r13
	ud2
	.cfi_endproc
	.size	host_ctx_asm_start, . - host_ctx_asm_start

	.section .note.GNU-stack, "", @progbits
