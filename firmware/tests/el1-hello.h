/* SPDX-License-Identifier: BSD-3-Clause */
/* The EL1 test payloads' checks, shared by their files. */
#ifndef EL1_HELLO_H
#define EL1_HELLO_H

#include <stdbool.h>
#include <stdint.h>

struct ffa_regs;

/* The HVC conduit of the partitions (firmware/sp/sp-conduit.S). */
void sp_hvc(void *ctx, struct ffa_regs *r);

/* What el1-vectors.S records of an expected synchronous exception. */
struct exc {
	uint64_t esr, far, elr;
};

extern struct exc hello_exc;

/*
 * el1-common.c: start (name the payload, take faults at our vectors,
 * say the EL), one "ok" or "FAIL" line per check (a FAIL fails the
 * run), and the end (PASS or FAIL, power-off).
 */
void el1_test_start(const char *name);
void check(bool ok, const char *what, uint64_t got);
void el1_test_end(void);

/* Read or write one byte at addr; the vector skips it if it faults. */
void probe(uint64_t addr, bool write);

/* Find the four partitions; talk to the echo service (el1-parts.c). */
void check_partitions(void);

/* Set a notification; the firmware's SRI reaches our GIC (el1-sri.c). */
void check_sri(void);

/* Lend a page to the test partition and get it back (el1-mem.c). */
void check_lend(void);

/* Make the test partition fault; it is stopped, we are not (el1-mem.c). */
void check_partition_abort(void);

/* Our FP/SVE registers and the twins' survive each other (el1-fp.c). */
void check_fp(void);

/* Twins reading Linux's CPU state are aborted (el1-fp.c). */
void check_sysreg_traps(void);

/* A partition preempted by our interrupt, resumed by FFA_RUN (el1-irq.c). */
void check_preemption(void);

#endif /* EL1_HELLO_H */
