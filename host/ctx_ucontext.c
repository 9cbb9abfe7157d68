// SPDX-License-Identifier: BSD-3-Clause
/*
 * The ucontext context switch, kept to compare with the assembly one:
 * swapcontext() also saves and restores the signal mask, a syscall on
 * every switch.
 */
#include <stdio.h>
#include <stdlib.h>
#include "host_internal.h"

/* makecontext() passes int arguments: the context travels in two. */
static void uc_start(unsigned int hi, unsigned int lo)
{
	struct host_ctx *c =
		(struct host_ctx *)(((uintptr_t)hi << 32) | (uintptr_t)lo);

	c->fn(c->arg);
	abort();	/* fn never returns */
}

static void uc_prepare(struct host_ctx *c, void *stack, size_t size,
		       host_ctx_fn fn, void *arg)
{
	uintptr_t p = (uintptr_t)c;

	if (getcontext(&c->uc) != 0) {
		perror("ffa_host: getcontext");
		abort();
	}
	c->fn = fn;
	c->arg = arg;
	c->uc.uc_stack.ss_sp = stack;
	c->uc.uc_stack.ss_size = size;
	c->uc.uc_link = NULL;
	makecontext(&c->uc, (void (*)(void))uc_start, 2,
		    (unsigned int)(p >> 32), (unsigned int)p);
}

static void uc_swap(struct host_ctx *from, struct host_ctx *to)
{
	if (swapcontext(&from->uc, &to->uc) != 0) {
		perror("ffa_host: swapcontext");
		abort();
	}
}

const struct host_ctx_ops host_ctx_ucontext = {
	.name = "ucontext",
	.prepare = uc_prepare,
	.swap = uc_swap,
};
