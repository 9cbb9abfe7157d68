/* SPDX-License-Identifier: BSD-3-Clause */
/* PSCI (DEN0022) function IDs we use or route, and the calls we make. */
#ifndef FW_PSCI_H
#define FW_PSCI_H

#include <stdbool.h>
#include <stdint.h>

#define PSCI_VERSION		0x84000000U
#define PSCI_CPU_ON_32		0x84000003U
#define PSCI_CPU_ON_64		0xC4000003U
#define PSCI_SYSTEM_OFF		0x84000008U
#define PSCI_FEATURES		0x8400000AU

/* PSCI owns function numbers 0x00-0x1f of the standard service. */
#define PSCI_FID_FIRST		0x00U
#define PSCI_FID_LAST		0x1fU

#define PSCI_RET_SUCCESS	0
#define PSCI_RET_NOT_SUPPORTED	(-1)
#define PSCI_RET_INVALID_PARAMS	(-2)

bool psci_is_psci_fid(uint32_t fid);
uint64_t psci_version(void);
/* Never returns: if PSCI does not turn the machine off, we spin. */
__attribute__((noreturn)) void psci_system_off(void);

#endif /* FW_PSCI_H */
