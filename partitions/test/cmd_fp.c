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
 * NOT_SUPPORTED. The register helpers are shared with the callers that
 * check their own registers survive (partitions/tp_fp_regs.h).
 */
#include <partitions/test_client.h>
#include <partitions/tp_fp_regs.h>
#include "test.h"

#if TP_FP_REGS

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

	(void)t;
	if (!TP_FP_REGS) {
		resp->args[0] = tp_status(FFA_RET_NOT_SUPPORTED);
		return;
	}
	tp_fp_pattern(w, args[1]);
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
	if (!TP_FP_REGS) {
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
