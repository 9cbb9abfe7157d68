/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Offsets in struct fw_vcpu (fw/vcpu.h) that sysregs.S uses; vcpu.h
 * checks them against the structure.
 */
#ifndef FW_VCPU_LAYOUT_H
#define FW_VCPU_LAYOUT_H

#define VCPU_SYS	272	/* struct el1_sysregs sys */
#define VCPU_EL2	1008	/* struct el2_config el2 */
#define VCPU_ON_CPU	1080	/* uint32_t on_cpu */

/* el2_config.ich_hcr without GICv3 system registers: never written. */
#define EL2_NO_ICH_HCR	(~0ULL)

#endif /* FW_VCPU_LAYOUT_H */
