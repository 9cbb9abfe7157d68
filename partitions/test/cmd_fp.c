// SPDX-License-Identifier: BSD-3-Clause
/*
 * FP/SIMD and system registers: what an EL1 partition may use and what
 * it must not reach (TP_CMD_FP_*, TP_BAD_READ_SYSREG).
 *
 * The FP/SIMD registers are touched from inline assembly only, and only
 * where the compiler never uses them itself (AArch64 with
 * -mgeneral-regs-only, so no __ARM_FP), as the firmware builds the
 * partitions: there the values stay in the registers between commands,
 * which is the point. Elsewhere (the host runtime) the commands answer
 * NOT_SUPPORTED. The EL1 test payload in Linux's seat loads and reads
 * its own registers with the same two helpers (test_client.h).
 */
#include <partitions/test_client.h>
#include "test.h"

#if defined(__aarch64__) && !defined(__ARM_FP)
#define TP_EL1	1

void tp_fp_regs_load(const uint64_t *w)
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

void tp_fp_regs_store(uint64_t *w)
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

/* Registers by encoding: binutils may not name them all. */
#define READ(enc) ({							\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " #enc : "=r"(__v));			\
	__v;								\
})

static int read_sysreg_n(uint64_t which, uint64_t *val)
{
	switch (which) {
	case TP_SYSREG_PAUTH_KEY:
		*val = READ(s3_0_c2_c1_0);
		return 0;
	case TP_SYSREG_PHYS_TIMER:
		*val = READ(s3_3_c14_c2_1);
		return 0;
	case TP_SYSREG_GIC_PMR:
		*val = READ(s3_0_c4_c6_0);
		return 0;
	case TP_SYSREG_PMU:
		*val = READ(s3_3_c9_c13_0);
		return 0;
	case TP_SYSREG_DEBUG:
		*val = READ(s2_0_c0_c0_4);
		return 0;
	case TP_SYSREG_SVE:
		*val = READ(s3_0_c1_c2_0);
		return 0;
	}
	return FFA_RET_INVALID_PARAMETERS;
}
#else
#define TP_EL1	0

void tp_fp_regs_load(const uint64_t *w)
{
	(void)w;
}

void tp_fp_regs_store(uint64_t *w)
{
	(void)w;
}

static int read_sysreg_n(uint64_t which, uint64_t *val)
{
	(void)which;
	*val = 0;
	return FFA_RET_NOT_SUPPORTED;
}
#endif

void tp_fp_load(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp)
{
	uint64_t w[TP_FP_WORDS];
	unsigned int i;

	(void)t;
	if (!TP_EL1) {
		resp->args[0] = tp_status(FFA_RET_NOT_SUPPORTED);
		return;
	}
	for (i = 0; i < TP_FP_WORDS; i++)
		w[i] = tp_fp_word(args[1], i);
	tp_fp_regs_load(w);
	tp_fp_regs_store(w);
	resp->args[1] = tp_fp_sum(w);
}

void tp_fp_sum_cmd(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp)
{
	uint64_t w[TP_FP_WORDS];

	(void)t;
	(void)args;
	if (!TP_EL1) {
		resp->args[0] = tp_status(FFA_RET_NOT_SUPPORTED);
		return;
	}
	tp_fp_regs_store(w);
	resp->args[1] = tp_fp_sum(w);
}

void tp_read_sysreg(struct tp *t, const uint64_t *args,
		    struct ffa_direct_msg *resp)
{
	uint64_t val = 0;
	int ret = read_sysreg_n(args[2], &val);

	(void)t;
	resp->args[0] = tp_status(ret);
	resp->args[1] = val;
}
