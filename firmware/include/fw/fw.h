/* SPDX-License-Identifier: BSD-3-Clause */
/* The boot path's C entry points and hooks. */
#ifndef FW_FW_H
#define FW_FW_H

#include <stdint.h>

#include <fw/bootinfo.h>

/* From boot.S, on the boot CPU, MMU off, with a stack and vectors. */
__attribute__((noreturn)) void fw_main(uintptr_t dtb);
/* From boot.S when we were not entered at EL2. */
void fw_wrong_el(unsigned int el);

/*
 * Runs once the MMU is on, before the EL1 payload. A no-op in the
 * firmware; the test image (tests/selftest.c) replaces it to fault on
 * purpose, as its bootargs ask.
 */
void fw_selftest(const struct boot_info *bi);

/* Microseconds since the machine started, from the generic timer. */
uint64_t fw_uptime_us(void);

#endif /* FW_FW_H */
