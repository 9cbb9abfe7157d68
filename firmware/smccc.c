// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the firmware answers when the EL1 guest calls down (SMC trapped
 * by HCR_EL2.TSC, or HVC):
 *   SMCCC_VERSION           1.2, which Linux's arm_ffa driver requires;
 *   PSCI_FEATURES(VERSION)  0: SMCCC_VERSION is implemented;
 *   PSCI CPU_ON             redirected through our secondary entry (cpu.c);
 *   other PSCI              forwarded to QEMU with smc from EL2;
 *   FF-A (0x60-0xff)        the partition manager (world.c), from Linux
 *                           and from partitions;
 *   PSCI from a partition   "unknown function": the machine is Linux's;
 *   anything else           SMCCC's "unknown function" (-1).
 */
#include <stdbool.h>

#include <ffa/error.h>
#include <ffa/func.h>
#include <fw/cpu.h>
#include <fw/world.h>
#include <fw/printf.h>
#include <fw/psci.h>
#include <fw/rxtx.h>
#include <fw/smc.h>
#include <fw/smccc.h>

struct smccc_stats smccc_stats;

void smccc_print_stats(void)
{
	uint32_t calls, ffa;

	world_count_calls(&calls, &ffa);
	fw_printf("fw: the guest made %u calls: %u PSCI forwarded, "
		  "%u CPU_ON, %u FF-A\n", calls, smccc_stats.psci_forwarded,
		  smccc_stats.cpu_on, ffa);
	fw_rxtx_report();
}

static void set_result(struct trap_frame *f, uint64_t x0)
{
	f->x[0] = x0;
}

/*
 * Forward a PSCI call to QEMU. PSCI returns its result in x0 alone;
 * SMCCC asks callees to preserve x4-x17, so the guest's other registers
 * are left as they were.
 */
static void psci_forward(struct trap_frame *f)
{
	struct smc_regs r;

	for (unsigned int i = 0; i < SMCCC_NR_REGS; i++)
		r.x[i] = f->x[i];
	smc_call(&r);
	set_result(f, r.x[0]);
	smccc_stats.psci_forwarded++;
}

static void psci_handle(struct trap_frame *f, uint32_t fid)
{
	/* QEMU's PSCI does not know SMCCC_VERSION: we implement it. */
	if (fid == PSCI_FEATURES && (uint32_t)f->x[1] == SMCCC_VERSION_FID) {
		set_result(f, PSCI_RET_SUCCESS);
		return;
	}
	if (fid == PSCI_CPU_ON_64 || fid == PSCI_CPU_ON_32) {
		smccc_stats.cpu_on++;
		cpu_on_redirect(f, fid);
		return;
	}
	if (fid == PSCI_SYSTEM_OFF)
		smccc_print_stats();
	psci_forward(f);
}

/* Everything but FF-A (smccc_handle(), fw/smccc.h). */
void smccc_handle_other(struct trap_frame *f, struct fw_vcpu *v)
{
	uint32_t fid = (uint32_t)f->x[0];

	v->other_calls++;
	if (fid == SMCCC_VERSION_FID) {
		set_result(f, SMCCC_VERSION_1_2);
	} else if (psci_is_psci_fid(fid) && v->is_host) {
		psci_handle(f, fid);
	} else {
		set_result(f, (uint64_t)(int64_t)SMCCC_RET_NOT_SUPPORTED);
	}
}
