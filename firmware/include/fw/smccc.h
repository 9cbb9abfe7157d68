/* SPDX-License-Identifier: BSD-3-Clause */
/* Routing of SMC Calling Convention calls made by the EL1 guest. */
#ifndef FW_SMCCC_H
#define FW_SMCCC_H

#include <stdint.h>

#include <fw/traps.h>

#define SMCCC_RET_NOT_SUPPORTED		(-1)

enum smccc_conduit { SMCCC_FROM_SMC, SMCCC_FROM_HVC };

/* Answer the call in f->x[0..17] in place. */
void smccc_handle(struct trap_frame *f, enum smccc_conduit conduit);

/*
 * The rarer calls the firmware itself answers, for the exit line; the
 * count of all calls and of FF-A calls is kept per vCPU instead (struct
 * fw_vcpu), off any shared line. Plain counters: with several CPUs an
 * increment of these may be lost (diagnostic only).
 */
struct smccc_stats {
	uint32_t psci_forwarded;
	uint32_t cpu_on;
};

extern struct smccc_stats smccc_stats;

void smccc_print_stats(void);

#endif /* FW_SMCCC_H */
