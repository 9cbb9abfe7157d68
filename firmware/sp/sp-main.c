// SPDX-License-Identifier: BSD-3-Clause
/*
 * The environment of an example partition (partitions/) as an EL1 guest
 * of the firmware: HVC as the conduit, addresses are pointers (IPA ==
 * PA, MMU off), its own memory is its first manifest region, whose
 * bounds the linker script gives (sp.ld).
 */
#include <libffa/env.h>
#include <partitions/partitions.h>

void sp_hvc(void *ctx, struct ffa_regs *r);
void sp_main(void);

extern char __region_base[], __region_end[];

static void *sp_ptr(const struct ffa_env *env, uint64_t addr)
{
	(void)env;
	return (void *)(uintptr_t)addr;
}

static uint64_t sp_addr(const struct ffa_env *env, const void *p)
{
	(void)env;
	return (uintptr_t)p;
}

void sp_main(void)
{
	struct ffa_env env = {
		.conduit = { .call = sp_hvc, .ctx = NULL },
		.id = SP_ID,
		.vcpu = 0,
		.mem_base = (uintptr_t)__region_base,
		.mem_size = (uintptr_t)(__region_end - __region_base),
		.ptr = sp_ptr,
		.addr = sp_addr,
	};

	SP_MAIN(&env);
}
