// SPDX-License-Identifier: BSD-3-Clause
/*
 * Entry of a partition image run as an EL1 guest of the firmware: the
 * firmware enters it at its manifest entry point with the MMU off (its
 * accesses are made cacheable by HCR_EL2.DC), DAIF masked, x0-x17 zero.
 * A stack and a zeroed BSS, then sp_main(). A partition must never
 * return: if it does, the udf takes it down (its vector base is 0,
 * which it has no stage-2 mapping for, so the fault reaches EL2, which
 * aborts the partition).
 *
 * FP/SIMD is enabled at EL1 (CPACR_EL1.FPEN): the firmware switches it
 * (firmware/fp.c), so a partition may use it from inline assembly.
 */

#define CPACR_FPEN	(3 << 20)
#include <fw/asm_startup.h>

	.section .text.head, "ax"
	.global	_start
_start:
	mov	x0, #CPACR_FPEN
	msr	cpacr_el1, x0
	isb
	load_addr x0, __stack_top
	mov	sp, x0
	zero_bss
	bl	sp_main
	udf	#0
