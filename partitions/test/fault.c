// SPDX-License-Identifier: BSD-3-Clause
/*
 * Touching memory the partition may no longer have, and taking the
 * external abort that follows at its own EL1 vector where it runs as an
 * EL1 guest of the bench firmware (TP_CMD_VECTORS, TP_CMD_TOUCH). The
 * vectors (vectors.S) record each abort in t->fault, which TPIDR_EL1
 * points at; elsewhere (the host runtime) there are no vectors, and a
 * touch of memory the partition does not have is a SIGSEGV that aborts
 * it.
 */
#include <ffa/types.h>

#include "test.h"

FFA_STATIC_ASSERT(FFA_OFFSETOF(struct tp_fault, mode) == TP_FAULT_MODE,
		  "mode");
FFA_STATIC_ASSERT(FFA_OFFSETOF(struct tp_fault, count) == TP_FAULT_COUNT,
		  "count");
FFA_STATIC_ASSERT(FFA_OFFSETOF(struct tp_fault, esr) == TP_FAULT_ESR,
		  "esr");
FFA_STATIC_ASSERT(FFA_OFFSETOF(struct tp_fault, far) == TP_FAULT_FAR,
		  "far");
FFA_STATIC_ASSERT(FFA_OFFSETOF(struct tp_fault, elr) == TP_FAULT_ELR,
		  "elr");
_Static_assert(TP_VEC_SKIP == TP_FAULT_SKIP &&
	       TP_VEC_FAULT == TP_FAULT_FAULT &&
	       TP_VEC_RETRY == TP_FAULT_RETRY, "enum tp_vectors");

#if PARTITION_EL1
extern char tp_el1_vectors[];

static int install(struct tp *t, uint64_t mode)
{
	uint64_t vbar = mode == TP_VEC_NONE ? 0 : (uintptr_t)tp_el1_vectors;

	t->fault.mode = mode;
	/* The record first: the vectors find it through TPIDR_EL1. */
	__asm__ volatile("msr tpidr_el1, %0\n\t"
			 "msr vbar_el1, %1\n\t"
			 "isb"
			 : : "r"(&t->fault), "r"(vbar) : "memory");
	return 0;
}

/* One instruction each, so that a handler can step over it. */
static void touch(volatile uint8_t *p, uint64_t how)
{
	uint64_t v = 0;

	if (how == TP_TOUCH_READ)
		__asm__ volatile("ldrb %w0, [%1]" : "+r"(v) : "r"(p)
				 : "memory");
	else if (how == TP_TOUCH_WRITE)
		__asm__ volatile("strb wzr, [%0]" : : "r"(p) : "memory");
	else
		/*
		 * Into memory it cannot execute: the handler returns to
		 * x30. Clobbers what a call may, should it run anything.
		 */
		__asm__ volatile("blr %0" : : "r"(p)
				 : "x0", "x1", "x2", "x3", "x4", "x5", "x6",
				   "x7", "x8", "x9", "x10", "x11", "x12",
				   "x13", "x14", "x15", "x16", "x17", "x18",
				   "x30", "cc", "memory");
}
#else
static int install(struct tp *t, uint64_t mode)
{
	(void)t;
	(void)mode;
	return FFA_RET_NOT_SUPPORTED;
}

static void touch(volatile uint8_t *p, uint64_t how)
{
	if (how == TP_TOUCH_READ)
		(void)*p;
	else
		*p = 0;
}
#endif

void tp_vectors(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp)
{
	int ret = FFA_RET_INVALID_PARAMETERS;

	if (args[1] <= TP_VEC_RETRY)
		ret = install(t, args[1]);
	resp->args[0] = tp_status(ret);
	resp->args[1] = t->fault.count;
}

void tp_touch(struct tp *t, const uint64_t *args,
	      struct ffa_direct_msg *resp)
{
	const volatile struct tp_fault *f = &t->fault;
	uint64_t before = f->count;
	int ret = 0;

	if (args[2] > TP_TOUCH_EXEC)
		ret = FFA_RET_INVALID_PARAMETERS;
	else if (args[2] == TP_TOUCH_EXEC && !PARTITION_EL1)
		ret = FFA_RET_NOT_SUPPORTED;
	resp->args[0] = tp_status(ret);
	if (ret)
		return;
	touch(t->self.env->ptr(t->self.env, args[1]), args[2]);
	resp->args[1] = f->count - before;
	if (resp->args[1] == 0)
		return;
	resp->args[2] = f->esr;
	resp->args[3] = f->far;
	resp->args[4] = f->elr;
}
