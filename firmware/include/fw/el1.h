/* SPDX-License-Identifier: BSD-3-Clause */
/* Entering the EL1 guest (Linux, or a test payload). */
#ifndef FW_EL1_H
#define FW_EL1_H

#include <stdint.h>

/*
 * The payload at EL1_BASE, if it starts with an arm64 Image header: its
 * image_size (0 when there is no payload). A payload too big for its
 * slot of the memory map counts as none, with a message.
 */
uint64_t el1_payload_size(void);

/* HCR_EL2 for Linux: stage-2, AArch64 EL1, SMC trapped, pointer auth. */
uint64_t el1_hcr(void);

/* Set up EL2 for an EL1 guest on this CPU (traps, timers, IDs, GIC). */
void el1_setup_el2(void);

/* ERET to entry at EL1h, DAIF masked, x0 = arg, x1-x3 = 0. */
__attribute__((noreturn)) void el1_enter(uint64_t entry, uint64_t arg);

#endif /* FW_EL1_H */
