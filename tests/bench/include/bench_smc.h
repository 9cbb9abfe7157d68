/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmarks' raw conduit (tests/bench/icount, tests/bench/drvlat):
 * an SMC with its arguments in x0-x7 and x8-x17 zero (MBZ for every ABI
 * but REQ2's), made in place. Always inline, so with c a caller's local
 * the compiler moves the arguments straight into the registers and
 * stores only the results it reads. SMCCC v1.2 lets the callee change
 * x0-x17 only. (x0-x17 cannot all be "+r" operands: GCC allows 30.)
 */
#ifndef BENCH_SMC_H
#define BENCH_SMC_H

#include <linux/compiler.h>
#include <linux/types.h>

/* x0-x7 of a call in the v1.0 register form. */
struct bench_call {
	u64 a0, a1, a2, a3, a4, a5, a6, a7;
};

#define BENCH_SMC_REG(n)	register u64 x##n asm("x" #n) = c->a##n

static __always_inline void bench_smc(struct bench_call *c)
{
	BENCH_SMC_REG(0); BENCH_SMC_REG(1); BENCH_SMC_REG(2);
	BENCH_SMC_REG(3); BENCH_SMC_REG(4); BENCH_SMC_REG(5);
	BENCH_SMC_REG(6); BENCH_SMC_REG(7);

	asm volatile("mov x8, xzr\n\tmov x9, xzr\n\tmov x10, xzr\n\t"
		     "mov x11, xzr\n\tmov x12, xzr\n\tmov x13, xzr\n\t"
		     "mov x14, xzr\n\tmov x15, xzr\n\tmov x16, xzr\n\t"
		     "mov x17, xzr\n\tsmc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
		       "+r"(x5), "+r"(x6), "+r"(x7)
		     : : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
		       "x16", "x17", "memory");
	*c = (struct bench_call){ x0, x1, x2, x3, x4, x5, x6, x7 };
}

#endif /* BENCH_SMC_H */
