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
 * against the same count. The switches (world.c) arm it when Linux
 * leaves its CPU to a partition and turn it off when Linux is back; a
 * switch between partitions changes nothing, since Linux's deadline
 * cannot change while Linux is not running.
 */
#include <fw/vtimer.h>

void vtimer_first(const struct fw_vcpu *v, unsigned int cpu,
		  const struct el1_sysregs *host)
{
	vtimer_off();
	if (!v->is_host)
		vtimer_guard(host, cpu);
}
