// SPDX-License-Identifier: BSD-3-Clause
/*
 * CPU_ON redirection: remember where the guest wants the CPU to start,
 * ask QEMU to start it in the firmware instead, and there set it up as
 * the boot CPU was before entering the guest's entry at EL1.
 */
#include <stdbool.h>

#include <fw/arch.h>
#include <fw/cpu.h>
#include <fw/el1.h>
#include <fw/memmap.h>
#include <fw/mmu.h>
#include <fw/psci.h>
#include <fw/smc.h>
#include <fw/world.h>

struct cpu_boot {
	uint64_t entry;
	uint64_t context;
};

static struct cpu_boot cpu_boot[FW_MAX_CPUS];

void cpu_on_redirect(struct trap_frame *f, uint32_t fid)
{
	bool is64 = fid == PSCI_CPU_ON_64;
	uint64_t mask = is64 ? ~0ULL : 0xffffffffULL;
	unsigned int idx = mpidr_to_index(f->x[1] & mask);
	struct smc_regs r = { .x = { fid, f->x[1] } };

	if (idx >= FW_MAX_CPUS) {
		f->x[0] = (uint64_t)(int64_t)PSCI_RET_INVALID_PARAMS;
		return;
	}
	/* Read by the target once its MMU is on: coherent, no cleaning. */
	cpu_boot[idx].entry = f->x[2] & mask;
	cpu_boot[idx].context = f->x[3] & mask;
	dsb(ish);
	r.x[2] = (uintptr_t)secondary_entry;
	r.x[3] = 0;
	smc_call(&r);
	f->x[0] = r.x[0];
}

void fw_secondary_main(void)
{
	const struct cpu_boot *b;

	mmu_enable();
	b = &cpu_boot[fw_cpu_index()];
	el1_setup_el2();
	world_enter_host_secondary(b->entry, b->context);
}
