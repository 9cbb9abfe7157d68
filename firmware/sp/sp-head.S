// SPDX-License-Identifier: BSD-3-Clause
/*
 * Entry of a partition image run as an EL1 guest of the firmware: the
 * firmware enters it at its manifest entry point with the MMU off (its
 * accesses are made cacheable by HCR_EL2.DC), DAIF masked, x0-x17 zero.
 * A stack and a zeroed BSS, then sp_main(). A partition must never
 * return: if it does, the udf takes it down (its vector base is 0,
 * which it has no stage-2 mapping for, so the fault reaches EL2, which
 * aborts the partition).
 */
	.section .text.head, "ax"
	.global	_start
_start:
	adrp	x0, __stack_top
	add	x0, x0, :lo12:__stack_top
	mov	sp, x0
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	bl	sp_main
	udf	#0
