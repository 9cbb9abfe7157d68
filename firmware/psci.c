// SPDX-License-Identifier: BSD-3-Clause
/*
 * PSCI calls the firmware itself makes. QEMU (virtualization=on, no EL3)
 * implements PSCI and answers smc from EL2.
 */
#include <fw/psci.h>
#include <fw/smc.h>

bool psci_is_psci_fid(uint32_t fid)
{
	uint32_t base = fid & ~0x4000ffffU;	/* drop SMC64 and number */
	uint32_t num = fid & 0xffffU;

	return base == 0x84000000U && num <= PSCI_FID_LAST;
}

static uint64_t psci_call0(uint32_t fid)
{
	struct smc_regs r = { .x = { fid } };

	smc_call(&r);
	return r.x[0];
}

uint64_t psci_version(void)
{
	return psci_call0(PSCI_VERSION);
}

void psci_system_off(void)
{
	psci_call0(PSCI_SYSTEM_OFF);
	for (;;)
		__asm__ volatile("wfi");
}
