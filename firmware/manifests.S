// SPDX-License-Identifier: BSD-3-Clause
/*
 * Linux's manifest and the built-in partition package, built by dtc
 * at build time (firmware.mk) and kept in the image as blobs: partition.c
 * copies each partition's image to its load address at boot. libfdt
 * wants DTBs 8-byte aligned.
 */
	.section .rodata.manifests, "a"

/*
 * blob NAME, FILE, ALIGN: NAME, FILE's bytes, and NAME_size, their length
 * as the assembler counts it (a 64-bit word). C reads the length rather
 * than subtracting two symbols: it does not define the difference of
 * pointers to two objects.
 */
	.macro	blob name, file, align
	.balign	\align
	.global	\name
\name:
	.incbin	"\file"
.L\name\()_end:
	.balign	8
	.global	\name\()_size
\name\()_size:
	.quad	.L\name\()_end - \name
	.endm

	blob	fw_manifest_host, "host.dtb", 8
	/* The built-in partitions (firmware.mk, fw/package.h). */
	blob	fw_builtin_package, "builtin-package.dtb", 8
