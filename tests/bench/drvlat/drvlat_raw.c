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

#include <bench_smc.h>

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

int drvlat_raw_null(void)
{
	struct bench_call r = { .a0 = SMCCC_VERSION };

	bench_smc(&r);
	return r.a0 == 0x10002 ? 0 : -EIO;
}

int drvlat_raw_id(u16 *id)
{
	struct bench_call r = { .a0 = FFA_ID_GET };

	bench_smc(&r);
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
static noinline void resume(struct bench_call *r)
{
	while (r->a0 == FFA_INTERRUPT) {
		*r = (struct bench_call){ .a0 = FFA_RUN, .a1 = r->a1 };
		bench_smc(r);
	}
}

int drvlat_raw_direct(u16 own, u16 dst)
{
	struct bench_call r = {
		.a0 = FFA_MSG_SEND_DIRECT_REQ_64,
		.a1 = FFA_SENDER_RECEIVER(own, dst),
		.a3 = 1, .a4 = 2, .a5 = 3, .a6 = 4, .a7 = 5,
	};

	bench_smc(&r);
	if (unlikely(r.a0 == FFA_INTERRUPT))
		resume(&r);
	return r.a0 == FFA_MSG_SEND_DIRECT_RESP_64 && r.a7 == 5 ? 0 : -EIO;
}
