/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux's virtual timer deadline kept while a partition runs (vtimer.c
 * has the scheme). Inline: the world switch does this on every switch
 * from Linux to a partition and back.
 */
#ifndef FW_VTIMER_H
#define FW_VTIMER_H

#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/vcpu.h>

#define VTIMER_CTL_ENABLE	BIT64(0)
#define VTIMER_CTL_IMASK	BIT64(1)
#define VTIMER_HYP_INTID	26	/* QEMU virt's DT: PPI 10 */

/*
 * Linux's vCPU, whose EL1 state host now holds, just left CPU cpu to a
 * partition: if its virtual timer is armed, EL2's timer fires at the
 * same deadline. EL2's is off while Linux runs (vtimer_off()), so an
 * unarmed one needs no write. No ISB: the ERET into the guest that
 * follows synchronizes the writes.
 */
static inline void vtimer_guard(const struct el1_sysregs *host,
				unsigned int cpu)
{
	if ((host->cntv_ctl & (VTIMER_CTL_ENABLE | VTIMER_CTL_IMASK)) !=
	    VTIMER_CTL_ENABLE)
		return;
	write_sysreg(host->cntv_cval, cnthp_cval_el2);
	write_sysreg(VTIMER_CTL_ENABLE, cnthp_ctl_el2);
	/*
	 * Linux's GIC driver disables every PPI it does not use, each
	 * time it sets a CPU's interface up (boot, CPU_ON): enabled again
	 * each time, one store.
	 */
	gic_enable_ppi(cpu, VTIMER_HYP_INTID);
}

/* Linux is back on this CPU (or a partition runs before it ever ran). */
static inline void vtimer_off(void)
{
	write_sysreg(0, cnthp_ctl_el2);
}

/*
 * The first vCPU on this CPU, v, was just loaded: EL2's timer as the
 * switches above keep it (its reset value is unknown).
 */
void vtimer_first(const struct fw_vcpu *v, unsigned int cpu,
		  const struct el1_sysregs *host);

#endif /* FW_VTIMER_H */
