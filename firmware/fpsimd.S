// SPDX-License-Identifier: BSD-3-Clause
/*
 * Saving and loading a guest's FP/SIMD registers at EL2 (fp.c). The
 * firmware's C code is built with -mgeneral-regs-only, so the registers
 * are touched only here; the caller has made sure CPTR_EL2 lets EL2 use
 * them (and SVE, for the _z variants).
 *
 * struct fp_regs (fw/fp.h): v[32] (16 bytes each) at 0, fpsr at 512,
 * fpcr at 520. The SVE variants store Z0-Z31 at EL2's vector length
 * (ZCR_EL2.LEN is the largest the CPU has, el1.c), so they cover every
 * bit a guest at EL1 can see whatever its ZCR_EL1; Z registers overlap
 * the V registers, whose slots are then unused.
 */
#define FP_FPSR		512
#define FP_FPCR		520

	.arch_extension	sve

	.macro	v_pairs op
	\op	q0, q1, [x0, #32 * 0]
	\op	q2, q3, [x0, #32 * 1]
	\op	q4, q5, [x0, #32 * 2]
	\op	q6, q7, [x0, #32 * 3]
	\op	q8, q9, [x0, #32 * 4]
	\op	q10, q11, [x0, #32 * 5]
	\op	q12, q13, [x0, #32 * 6]
	\op	q14, q15, [x0, #32 * 7]
	\op	q16, q17, [x0, #32 * 8]
	\op	q18, q19, [x0, #32 * 9]
	\op	q20, q21, [x0, #32 * 10]
	\op	q22, q23, [x0, #32 * 11]
	\op	q24, q25, [x0, #32 * 12]
	\op	q26, q27, [x0, #32 * 13]
	\op	q28, q29, [x0, #32 * 14]
	\op	q30, q31, [x0, #32 * 15]
	.endm

	/* Z<n> at x1 + n * VL (the mul vl immediate reaches 0..255). */
	.macro	z_all op
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
	\op	z\n, [x1, #\n, mul vl]
	.endr
	.irp	n, 16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	\op	z\n, [x1, #\n, mul vl]
	.endr
	.endm

	.macro	ctl_save
	mrs	x2, fpsr
	mrs	x3, fpcr
	str	x2, [x0, #FP_FPSR]
	str	x3, [x0, #FP_FPCR]
	.endm

	.macro	ctl_load
	ldr	x2, [x0, #FP_FPSR]
	ldr	x3, [x0, #FP_FPCR]
	msr	fpsr, x2
	msr	fpcr, x3
	.endm

	.section .text.fpsimd, "ax"

/* void fp_save_v(struct fp_regs *r) */
	.global	fp_save_v
fp_save_v:
	v_pairs	stp
	ctl_save
	ret

/* void fp_load_v(const struct fp_regs *r) */
	.global	fp_load_v
fp_load_v:
	v_pairs	ldp
	ctl_load
	ret

/* void fp_save_z(struct fp_regs *r, void *z): FPSR/FPCR in r, Z in z. */
	.global	fp_save_z
fp_save_z:
	z_all	str
	ctl_save
	ret

/* void fp_load_z(const struct fp_regs *r, const void *z) */
	.global	fp_load_z
fp_load_z:
	z_all	ldr
	ctl_load
	ret

/* uint64_t fp_vl_bytes(void): EL2's SVE vector length in bytes. */
	.global	fp_vl_bytes
fp_vl_bytes:
	rdvl	x0, #1
	ret
