/* SPDX-License-Identifier: BSD-3-Clause */
/* Calls to the next level down (QEMU's PSCI emulation, for now). */
#ifndef FW_SMC_H
#define FW_SMC_H

#include <stdint.h>

/* SMCCC v1.2: x0-x17 carry arguments in and results out. */
#define SMCCC_NR_REGS	18

struct smc_regs {
	uint64_t x[SMCCC_NR_REGS];
};

/* smc #0 with regs->x[0..17]; the results replace them. */
void smc_call(struct smc_regs *regs);

#endif /* FW_SMC_H */
