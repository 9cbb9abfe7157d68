/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The GICv3 CPU interface as EL2 uses it. Interrupts are not
 * virtualised: Linux drives the physical CPU interface from EL1, and EL2
 * only sends it SGIs (the schedule receiver interrupt).
 */
#ifndef FW_GIC_H
#define FW_GIC_H

#include <stdbool.h>

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

#endif /* FW_GIC_H */
