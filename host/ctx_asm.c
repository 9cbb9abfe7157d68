// SPDX-License-Identifier: BSD-3-Clause
/*
 * The assembly context switch (ctx_<arch>.S): a context is its saved
 * stack pointer, and a switch is a handful of pushes and pops.
 */
#include "host_internal.h"

void host_ctx_asm_swap(void **save_sp, void *load_sp);
void *host_ctx_asm_prepare(void *top, host_ctx_fn fn, void *arg);

static void asm_prepare(struct host_ctx *c, void *stack, size_t size,
			host_ctx_fn fn, void *arg)
{
	c->sp = host_ctx_asm_prepare((uint8_t *)stack + size, fn, arg);
}

static void asm_swap(struct host_ctx *from, struct host_ctx *to)
{
	host_ctx_asm_swap(&from->sp, to->sp);
}

const struct host_ctx_ops host_ctx_asm = {
	.name = "asm",
	.prepare = asm_prepare,
	.swap = asm_swap,
};
