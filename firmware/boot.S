// SPDX-License-Identifier: BSD-3-Clause
/*
 * Entry. QEMU loads this image with -kernel at RAM base + 2 MiB because
 * of the arm64 Image header below, and enters it at EL2 on the boot CPU
 * with x0 = DTB. Other CPUs stay off in QEMU's PSCI until a CPU_ON.
 */
#include <fw/asm_startup.h>
#include <fw/memmap.h>

#define CURRENTEL_EL2		(2 << 2)
/* SCTLR_EL2 (E2H = 0): its RES1 bits, plus SA (SP alignment check). */
#define SCTLR_EL2_RES1		0x30c50830
#define SCTLR_EL2_SA		(1 << 3)
#define HCR_EL2_RW		(1 << 31)

	.section .text.head, "ax"
	.global _start
_start:
	/* The arm64 Image header (Linux Documentation/arch/arm64/booting) */
	b	primary_entry		// code0
	.long	0			// code1
	.quad	0			// text_offset: QEMU adds 2 MiB
	.quad	__image_size		// image_size, BSS included
	.quad	(1 << 1)		// flags: little-endian, 4 KiB pages
	.quad	0, 0, 0			// res2-res4
	.ascii	"ARM\x64"		// magic
	.long	0			// res5

	.section .text.boot, "ax"
primary_entry:
	mov	x19, x0
	msr	daifset, #0xf
	/* A known EL2 state before any C: MMU and caches off, LE. */
	mrs	x1, CurrentEL
	cmp	x1, #CURRENTEL_EL2
	b.ne	1f
	ldr	x1, =(SCTLR_EL2_RES1 | SCTLR_EL2_SA)
	msr	sctlr_el2, x1
	ldr	x1, =HCR_EL2_RW
	msr	hcr_el2, x1
	msr	tpidr_el2, xzr		// no vCPU runs here yet
	isb
1:	msr	spsel, #1
	bl	set_stack
	bl	zero_bss_fn
	adr	x0, el2_vectors
	mrs	x1, CurrentEL
	cmp	x1, #CURRENTEL_EL2
	b.ne	2f
	msr	vbar_el2, x0
	isb
	mov	x0, x19
	bl	fw_main
	b	park
2:	lsr	x0, x1, #2
	bl	fw_wrong_el
	b	park

/*
 * Where QEMU starts a CPU that the guest turned on with PSCI CPU_ON (the
 * firmware passes this address instead of the guest's: cpu.c). At EL2,
 * MMU off; BSS is already set up by the boot CPU.
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	ldr	x1, =(SCTLR_EL2_RES1 | SCTLR_EL2_SA)
	msr	sctlr_el2, x1
	ldr	x1, =HCR_EL2_RW
	msr	hcr_el2, x1
	msr	tpidr_el2, xzr		// no vCPU runs here yet
	isb
	msr	spsel, #1
	bl	set_stack
	adr	x0, el2_vectors
	msr	vbar_el2, x0
	isb
	bl	fw_secondary_main
	b	park

/*
 * sp = top of this CPU's stack. CPUs beyond FW_MAX_CPUS have no stack:
 * they park. Uses x0-x2 only, no stack.
 */
set_stack:
	mrs	x0, mpidr_el1
	and	x1, x0, #0xff			// Aff0
	ubfx	x0, x0, #8, #8			// Aff1: 16 CPUs each
	add	x0, x1, x0, lsl #4
	cmp	x0, #FW_MAX_CPUS
	b.hs	park
	add	x0, x0, #1
	adrp	x1, fw_stacks
	add	x1, x1, :lo12:fw_stacks
	add	x1, x1, x0, lsl #FW_STACK_SHIFT
	mov	sp, x1
	ret

/* BSS is 16-byte aligned at both ends (ffa-el2.ld). No stack used. */
zero_bss_fn:
	zero_bss
	ret

	.global park
park:
	wfe
	b	park

	.section .bss.stacks, "aw", %nobits
	.balign	16
	.global fw_stacks
fw_stacks:
	.space	FW_MAX_CPUS * FW_STACK_SIZE
