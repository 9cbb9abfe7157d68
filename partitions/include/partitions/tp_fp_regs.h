/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * V0-V31, FPCR and FPSR from / into TP_FP_WORDS words (test_proto.h's
 * layout), in inline assembly: for AArch64 code built with
 * -mgeneral-regs-only (no __ARM_FP), whose compiler never uses these
 * registers itself, so values stay in them between calls. That is the
 * test partition as the firmware builds it (partitions/test/cmd_fp.c),
 * the EL1 payload in Linux's seat (firmware/tests/el1-fp.c) and the
 * kernel's test module inside kernel_neon_begin/end (tests/e2e/).
 * Elsewhere (the host runtime) they do nothing and TP_FP_REGS is 0.
 */
#ifndef PARTITIONS_TP_FP_REGS_H
#define PARTITIONS_TP_FP_REGS_H

#include "test_proto.h"

#if defined(__aarch64__) && !defined(__ARM_FP)
#define TP_FP_REGS	1

static inline void tp_fp_regs_load(const uint64_t *w)
{
	__asm__ volatile("ldp q0, q1, [%0, #0]\n\t"
			 "ldp q2, q3, [%0, #32]\n\t"
			 "ldp q4, q5, [%0, #64]\n\t"
			 "ldp q6, q7, [%0, #96]\n\t"
			 "ldp q8, q9, [%0, #128]\n\t"
			 "ldp q10, q11, [%0, #160]\n\t"
			 "ldp q12, q13, [%0, #192]\n\t"
			 "ldp q14, q15, [%0, #224]\n\t"
			 "ldp q16, q17, [%0, #256]\n\t"
			 "ldp q18, q19, [%0, #288]\n\t"
			 "ldp q20, q21, [%0, #320]\n\t"
			 "ldp q22, q23, [%0, #352]\n\t"
			 "ldp q24, q25, [%0, #384]\n\t"
			 "ldp q26, q27, [%0, #416]\n\t"
			 "ldp q28, q29, [%0, #448]\n\t"
			 "ldp q30, q31, [%0, #480]\n\t"
			 "msr fpcr, %1\n\t"
			 "msr fpsr, %2"
			 : : "r"(w), "r"(w[TP_FP_FPCR]), "r"(w[TP_FP_FPSR])
			 : "memory");
}

static inline void tp_fp_regs_store(uint64_t *w)
{
	uint64_t fpcr, fpsr;

	__asm__ volatile("stp q0, q1, [%2, #0]\n\t"
			 "stp q2, q3, [%2, #32]\n\t"
			 "stp q4, q5, [%2, #64]\n\t"
			 "stp q6, q7, [%2, #96]\n\t"
			 "stp q8, q9, [%2, #128]\n\t"
			 "stp q10, q11, [%2, #160]\n\t"
			 "stp q12, q13, [%2, #192]\n\t"
			 "stp q14, q15, [%2, #224]\n\t"
			 "stp q16, q17, [%2, #256]\n\t"
			 "stp q18, q19, [%2, #288]\n\t"
			 "stp q20, q21, [%2, #320]\n\t"
			 "stp q22, q23, [%2, #352]\n\t"
			 "stp q24, q25, [%2, #384]\n\t"
			 "stp q26, q27, [%2, #416]\n\t"
			 "stp q28, q29, [%2, #448]\n\t"
			 "stp q30, q31, [%2, #480]\n\t"
			 "mrs %0, fpcr\n\t"
			 "mrs %1, fpsr"
			 : "=&r"(fpcr), "=&r"(fpsr) : "r"(w) : "memory");
	w[TP_FP_FPCR] = fpcr;
	w[TP_FP_FPSR] = fpsr;
}
#else
#define TP_FP_REGS	0

static inline void tp_fp_regs_load(const uint64_t *w)
{
	(void)w;
}

static inline void tp_fp_regs_store(uint64_t *w)
{
	(void)w;
}
#endif

#endif /* PARTITIONS_TP_FP_REGS_H */
