// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL1 test payload's entry: an arm64 Image header, as Linux has, so
 * the firmware treats it like a kernel; then a stack, a zeroed BSS and
 * hello_main(x0 = DTB).
 */
#include <fw/asm_startup.h>

	.section .text.head, "ax"
	.global _start
_start:
	b	1f			// code0
	.long	0			// code1
	.quad	0			// text_offset
	.quad	__image_size		// image_size
	.quad	(1 << 1)		// flags: little-endian, 4 KiB pages
	.quad	0, 0, 0
	.ascii	"ARM\x64"
	.long	0

1:	mov	x19, x0
	load_addr x0, __stack_top
	mov	sp, x0
	zero_bss
	mov	x0, x19
	bl	hello_main
4:	wfe
	b	4b
