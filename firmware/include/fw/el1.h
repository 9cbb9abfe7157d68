/* SPDX-License-Identifier: BSD-3-Clause */
/* Entering the EL1 guest (Linux, or a test payload). */
#ifndef FW_EL1_H
#define FW_EL1_H

#include <stdbool.h>
#include <stdint.h>

/*
 * The payload at EL1_BASE, if it starts with an arm64 Image header: its
 * image_size (0 when there is no payload). A payload too big for its
 * slot of the memory map counts as none, with a message.
 */
uint64_t el1_payload_size(void);

/* HCR_EL2 for Linux: stage-2, AArch64 EL1, SMC trapped, pointer auth. */
uint64_t el1_hcr(void);

/*
 * HCR_EL2 for a partition: Linux's minus pointer auth, plus the traps
 * that keep it off Linux's CPU state (el1.c; docs/ARCHITECTURE.md).
 */
uint64_t el1_sp_hcr(void);

/* CPTR_EL2 for Linux (host) or a partition, without fp.c's TFP. */
uint64_t el1_cptr(bool host);

/* CPTR_EL2.TFP: FP/SIMD trapped (a partition's until it uses it). */
#define CPTR_TFP	(1ULL << 10)

struct el2_config;
struct s2_table;

/*
 * The EL2 configuration of a vCPU of Linux (host) or of a partition:
 * HCR, CPTR (a partition's with TFP), MDCR, CNTHCTL, ICH_HCR, VTTBR.
 */
void el1_guest_config(struct el2_config *c, bool host,
		      const struct s2_table *s2);

bool el1_has_sve(void);
bool el1_has_sme(void);

/* Set up EL2 for an EL1 guest on this CPU (traps, timers, IDs, GIC). */
void el1_setup_el2(void);

/* ERET to entry at EL1h, DAIF masked, x0 = arg, x1-x3 = 0. */
__attribute__((noreturn)) void el1_enter(uint64_t entry, uint64_t arg);

#endif /* FW_EL1_H */
