/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The GICv3 CPU interface as EL2 uses it. Interrupts are not
 * virtualised: Linux drives the physical CPU interface from EL1, EL2
 * sends it SGIs (the schedule receiver interrupt) and holds its
 * interrupts back while a partition runs; partitions cannot reach the
 * interface at all (gic.c).
 */
#ifndef FW_GIC_H
#define FW_GIC_H

#include <stdbool.h>
#include <stdint.h>

#include <fw/arch.h>

#include <spm/limits.h>

/*
 * The SGI Linux's arm_ffa driver takes as the schedule receiver
 * interrupt: exactly what the manager answers to FFA_FEATURES(SRI).
 */
#define FW_SRI_INTID		SPM_SRI_INTID

/*
 * On each CPU before it enters a guest: system-register access for EL1,
 * no virtual interrupts, and this CPU's MPIDR for gic_send_sgi().
 */
void gic_cpu_init(void);

/* SGI intid (0-15) to CPU cpu (fw_cpu_index()); false if it cannot. */
bool gic_send_sgi(unsigned int cpu, unsigned int intid);

/*
 * Per CPU, its redistributor's GICR_ISENABLER0 (write-one-to-set PPI
 * enables), found once by gic_cpu_init(); a dummy word for a CPU that
 * has none, so that gic_enable_ppi() is one store, no test.
 */
extern volatile uint32_t *gic_ppi_enabler[];

/* Enable PPI intid (16-31) at CPU cpu's redistributor (fw/vtimer.h). */
static inline void gic_enable_ppi(unsigned int cpu, unsigned int intid)
{
	/* Write-one-to-set: no race with Linux's own enables. */
	*gic_ppi_enabler[cpu] = 1U << intid;
}

/* ICH_HCR_EL2 for Linux (host) or a partition (vcpu.c loads it). */
uint64_t gic_ich_hcr(bool host);

/* GICv3 system registers: ICH_HCR_EL2 and ICC_* exist. */
static inline bool gic_has_sysregs(void)
{
	return id_field(read_sysreg(id_aa64pfr0_el1), 24) != 0;
}

static inline void gic_write_ich_hcr(uint64_t v)
{
	__asm__ volatile("msr s3_4_c12_c11_0, %0" : : "r"(v));
}

/*
 * One of Linux's interrupts came to EL2 while a partition runs: mask
 * this CPU's interface until Linux runs again (idempotent).
 */
void gic_irqs_hold(void);

/* Linux's ICC_PMR_EL1, per CPU, while EL2 holds its interrupts back. */
struct gic_held {
	bool held;
	uint64_t pmr;
};

extern struct gic_held gic_held[];

void gic_irqs_release(unsigned int cpu);

/*
 * Another vCPU is about to run on this CPU: Linux's priority mask back.
 * For Linux that delivers what was held; a partition that cannot be
 * preempted either takes the interrupt to EL2 once more and holds it.
 */
static inline void gic_irqs_restore(unsigned int cpu)
{
	if (gic_held[cpu].held)
		gic_irqs_release(cpu);
}

#endif /* FW_GIC_H */
