// SPDX-License-Identifier: BSD-3-Clause
/*
 * The environment of a partition (partitions/, or the user's own) as an
 * EL1 guest of the firmware: HVC as the conduit, addresses are pointers
 * (IPA == PA, MMU off), its own memory is its first manifest region,
 * whose bounds the linker script gives (sp.ld), and its ID what
 * FFA_ID_GET says: the manifest is the one place it is written. SP_MAIN
 * is the partition's entry function (-DSP_MAIN=..., firmware.mk).
 */
#include <libffa/client.h>
#include <libffa/env.h>

int SP_MAIN(const struct ffa_env *env);

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
		.id = FFA_ID_INVALID,
		.vcpu = 0,
		.mem_base = (uintptr_t)__region_base,
		.mem_size = (uintptr_t)__region_end - (uintptr_t)__region_base,
		.ptr = sp_ptr,
		.addr = sp_addr,
	};

	/* Without its ID it can do nothing right: the udf after sp_main()
	 * returns takes it down. */
	if (ffa_id_get(&env.conduit, &env.id))
		return;
	SP_MAIN(&env);
}
