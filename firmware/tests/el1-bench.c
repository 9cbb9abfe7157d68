// SPDX-License-Identifier: BSD-3-Clause
/*
 * el1-bench: the cost of the firmware's hot calls, seen from Linux's
 * seat, in guest instructions. Run under QEMU's -icount shift=0 (one
 * instruction, one nanosecond of virtual time), the virtual counter
 * (62.5 MHz) ticks every 16 instructions; each operation is timed as
 * the difference between N and 0 iterations of a loop of raw SMCs,
 * less the same loop without the SMC (measured too). Not a pass/fail
 * test: it prints one line per call (run-qemu's el1-bench case).
 */
#include <stdint.h>

#include <ffa/func.h>
#include <libffa/uuid.h>
#include <partitions/test_proto.h>

#include "el1-hello.h"

void hello_main(uint64_t dtb);

#define SMCCC_VERSION	0x80000000UL
#define ECHO_SP		0x8002
#ifndef ROUNDS
#define ROUNDS		4096
#endif

struct regs18 {
	uint64_t x[18];
};

/*
 * One SMC with x0-x17 from and back into *r (x18 keeps r: SMCCC v1.2
 * preserves it), as Linux's raw SMCCC v1.2 call does; no_smc18 is the
 * same without the SMC, to take the loop's own cost out.
 */
void smc18(struct regs18 *r);
void no_smc18(struct regs18 *r);
#define CALL18(name, insn)						\
__asm__(".section .text." #name ", \"ax\"\n"			\
	".global " #name "\n"						\
	#name ":\n"							\
	"	stp x18, x30, [sp, #-16]!\n"				\
	"	mov x18, x0\n"						\
	"	ldp x0, x1, [x18, #0]\n"				\
	"	ldp x2, x3, [x18, #16]\n"				\
	"	ldp x4, x5, [x18, #32]\n"				\
	"	ldp x6, x7, [x18, #48]\n"				\
	"	ldp x8, x9, [x18, #64]\n"				\
	"	ldp x10, x11, [x18, #80]\n"				\
	"	ldp x12, x13, [x18, #96]\n"				\
	"	ldp x14, x15, [x18, #112]\n"				\
	"	ldp x16, x17, [x18, #128]\n"				\
	"	" insn "\n"						\
	"	stp x0, x1, [x18, #0]\n"				\
	"	stp x2, x3, [x18, #16]\n"				\
	"	ldp x18, x30, [sp], #16\n"				\
	"	ret\n")
CALL18(smc18, "smc #0");
CALL18(no_smc18, "nop");

static uint64_t now(void)
{
	uint64_t v;

	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

/* Ticks of n calls of the request in *proto (the answer must be ok). */
static uint64_t ticks(void (*call)(struct regs18 *),
		      const struct regs18 *proto, uint64_t ok_x0,
		      unsigned int n, unsigned int *bad)
{
	uint64_t t0 = now();

	for (unsigned int i = 0; i < n; i++) {
		struct regs18 r = *proto;

		call(&r);
		*bad += r.x[0] != ok_x0;
	}
	return now() - t0;
}

static void bench(const char *what, const struct regs18 *proto,
		  uint64_t ok_x0)
{
	unsigned int bad = 0;
	uint64_t t0, tn;

	unsigned int none = 0;
	uint64_t loop;

	ticks(smc18, proto, ok_x0, 16, &bad);	/* warm up */
	t0 = ticks(smc18, proto, ok_x0, 0, &bad);
	tn = ticks(smc18, proto, ok_x0, ROUNDS, &bad);
	/* The loop without the SMC: its x0 stays the request's. */
	loop = ticks(no_smc18, proto, proto->x[0], ROUNDS, &none) - t0;
	/* 16 instructions a tick under -icount shift=0. */
	check(bad == 0 && none == 0, what, (tn - t0 - loop) * 16 / ROUNDS);
}

/*
 * The clock's rate in instructions: a loop of 2 instructions run 2^20
 * times must take 2^21 / 16 ticks under -icount shift=0.
 */
static void calibrate(void)
{
	uint64_t n = 1 << 20, t0 = now();

	__asm__ volatile("1: subs %0, %0, #1\n\tb.ne 1b" : "+r"(n));
	t0 = now() - t0;
	check(t0 >= 131072 && t0 <= 131073,
	      "2^21 instructions are 2^17 ticks (16 a tick)", t0);
}

void hello_main(uint64_t dtb)
{
	struct regs18 r = { { 0 } };
	struct ffa_uuid u = { 0 };

	(void)dtb;
	el1_test_start("el1-bench");
	calibrate();
	r.x[0] = FFA_VERSION;
	r.x[1] = 0x10002;
	smc18(&r);

	r = (struct regs18){ { SMCCC_VERSION } };
	bench("null trap (SMCCC_VERSION), instructions", &r, 0x10002);
	r = (struct regs18){ { FFA_ID_GET } };
	bench("FFA_ID_GET, instructions", &r, FFA_SUCCESS_32);
	r = (struct regs18){ { FFA_MSG_SEND_DIRECT_REQ_64, ECHO_SP, 0,
			       1, 2, 3, 4, 5 } };
	bench("DIRECT_REQ_64 round trip to 0x8002, instructions", &r,
	      FFA_MSG_SEND_DIRECT_RESP_64);
	r = (struct regs18){ { FFA_MSG_SEND_DIRECT_REQ2, ECHO_SP } };
	ffa_uuid_parse(&u, TP_UUID_ECHO, FFA_UUID_STR_LEN);
	ffa_uuid_to_x2(&u, &r.x[2]);
	for (unsigned int i = 4; i < 18; i++)
		r.x[i] = i;
	bench("DIRECT_REQ2_64 round trip to 0x8002, instructions", &r,
	      FFA_MSG_SEND_DIRECT_RESP2);
	el1_test_end();
}
