/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Secondary CPUs. QEMU starts a CPU_ON target at EL2 at the entry point
 * it is given; the firmware gives its own (secondary_entry in boot.S),
 * sets that CPU up like the boot CPU and then enters the guest's entry
 * point at EL1.
 */
#ifndef FW_CPU_H
#define FW_CPU_H

#include <stdint.h>

#include <fw/traps.h>

/* PSCI CPU_ON from the guest: x1 target MPIDR, x2 entry, x3 context. */
void cpu_on_redirect(struct trap_frame *f, uint32_t fid);

/* From boot.S on a secondary CPU, MMU off, with a stack and vectors. */
__attribute__((noreturn)) void fw_secondary_main(void);

/* boot.S's entry for CPU_ON targets. */
extern char secondary_entry[];

#endif /* FW_CPU_H */
