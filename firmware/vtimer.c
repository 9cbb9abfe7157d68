// SPDX-License-Identifier: BSD-3-Clause
/*
 * Linux's virtual timer while a partition runs. Without FEAT_ECV the
 * EL1 virtual timer cannot be trapped, so each guest has its own
 * (sysregs.c) and Linux's is not loaded while a partition runs: its
 * tick could not preempt a partition that runs for long, or forever.
 * So EL2 arms its own physical timer (CNTHP, PPI 26) at Linux's
 * deadline while a partition runs on Linux's CPU: it fires as an IRQ,
 * which comes to EL2 (IMO), where it preempts the partition like any
 * of Linux's interrupts (traps.c); back in Linux, the virtual timer is
 * loaded and fires for real. CNTVOFF_EL2 is 0, so both timers compare
 * against the same count.
 */
#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/vtimer.h>

#define CTL_ENABLE		BIT64(0)
#define CTL_IMASK		BIT64(1)
#define HYP_TIMER_INTID		26	/* QEMU virt's DT: PPI 10 */

/* No ISB: the ERET into the guest that follows synchronizes the writes. */
void vtimer_guard(const struct el1_sysregs *host)
{
	if (!host || (host->cntv_ctl & (CTL_ENABLE | CTL_IMASK)) !=
		      CTL_ENABLE) {
		write_sysreg(0, cnthp_ctl_el2);
		return;
	}
	write_sysreg(host->cntv_cval, cnthp_cval_el2);
	write_sysreg(CTL_ENABLE, cnthp_ctl_el2);
	/* Linux's GIC driver leaves PPIs it does not use disabled. */
	gic_enable_ppi(HYP_TIMER_INTID);
}
