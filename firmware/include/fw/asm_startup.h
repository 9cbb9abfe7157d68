/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Startup steps shared by the firmware and the images it runs (the EL1
 * partitions and the EL1 test payload). Assembly only.
 */
#ifndef FW_ASM_STARTUP_H
#define FW_ASM_STARTUP_H

#ifdef __ASSEMBLY__

/* x0 = &sym (PC-relative, any load address). */
.macro	load_addr reg, sym
	adrp	\reg, \sym
	add	\reg, \reg, :lo12:\sym
.endm

/* Zero [__bss_start, __bss_end), both 16-byte aligned. Uses x0, x1. */
.macro	zero_bss
	load_addr x0, __bss_start
	load_addr x1, __bss_end
9990:	cmp	x0, x1
	b.hs	9991f
	stp	xzr, xzr, [x0], #16
	b	9990b
9991:
.endm

#endif /* __ASSEMBLY__ */
#endif /* FW_ASM_STARTUP_H */
