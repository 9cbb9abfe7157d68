// SPDX-License-Identifier: GPL-2.0
/*
 * The raw half of ffa_drvlat.ko (drvlat.h): the floor the drivers are
 * measured against, issued in place the way tests/bench/icount does
 * (arguments moved straight into x0-x7, x8-x17 zeroed, only the results
 * read are kept), so that "driver - raw" is what a driver adds.
 */
#include <linux/errno.h>
#include <asm/barrier.h>

#include <ffa/func.h>
#include <ffa/ids.h>
#include <partitions/test_proto.h>

#include "drvlat.h"

#define SMCCC_VERSION	0x80000000UL

const char drvlat_echo_uuid[] = TP_UUID_ECHO;

u64 drvlat_counter(void)
{
	u64 v;

	isb();
	asm volatile("mrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

u64 drvlat_counter_freq(void)
{
	u64 v;

	asm volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

u64 drvlat_calib(unsigned long n)
{
	u64 t0 = drvlat_counter();

	if (n)
		asm volatile("1: subs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc");
	return drvlat_counter() - t0;
}

struct call {
	u64 a0, a1, a2, a3, a4, a5, a6, a7;
};

#define SMC_REG(n)	register u64 x##n asm("x" #n) = c->a##n

/* An SMC with x0-x7 from c and back, x8-x17 zero (SMCCC v1.2). */
static __always_inline void smc(struct call *c)
{
	SMC_REG(0); SMC_REG(1); SMC_REG(2); SMC_REG(3);
	SMC_REG(4); SMC_REG(5); SMC_REG(6); SMC_REG(7);

	asm volatile("mov x8, xzr\n\tmov x9, xzr\n\tmov x10, xzr\n\t"
		     "mov x11, xzr\n\tmov x12, xzr\n\tmov x13, xzr\n\t"
		     "mov x14, xzr\n\tmov x15, xzr\n\tmov x16, xzr\n\t"
		     "mov x17, xzr\n\tsmc #0"
		     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
		       "+r"(x5), "+r"(x6), "+r"(x7)
		     : : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
		       "x16", "x17", "memory");
	*c = (struct call){ x0, x1, x2, x3, x4, x5, x6, x7 };
}

int drvlat_raw_null(void)
{
	struct call r = { .a0 = SMCCC_VERSION };

	smc(&r);
	return r.a0 == 0x10002 ? 0 : -EIO;
}

int drvlat_raw_id(u16 *id)
{
	struct call r = { .a0 = FFA_ID_GET };

	smc(&r);
	if (r.a0 != FFA_SUCCESS_32)
		return -EIO;
	*id = r.a2;
	return 0;
}

/*
 * Interrupts are not masked here (drvlat_main.c says why): one that
 * preempted the partition has been taken by the time the SMC returns,
 * and FFA_RUN resumes it, as a driver does.
 */
static noinline void resume(struct call *r)
{
	while (r->a0 == FFA_INTERRUPT) {
		*r = (struct call){ .a0 = FFA_RUN, .a1 = r->a1 };
		smc(r);
	}
}

int drvlat_raw_direct(u16 own, u16 dst)
{
	struct call r = {
		.a0 = FFA_MSG_SEND_DIRECT_REQ_64,
		.a1 = FFA_SENDER_RECEIVER(own, dst),
		.a3 = 1, .a4 = 2, .a5 = 3, .a6 = 4, .a7 = 5,
	};

	smc(&r);
	if (unlikely(r.a0 == FFA_INTERRUPT))
		resume(&r);
	return r.a0 == FFA_MSG_SEND_DIRECT_RESP_64 && r.a7 == 5 ? 0 : -EIO;
}
