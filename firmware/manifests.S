// SPDX-License-Identifier: BSD-3-Clause
/*
 * Linux's manifest and the built-in partition package, built by dtc
 * at build time (firmware.mk) and kept in the image as blobs: partition.c
 * copies each partition's image to its load address at boot. libfdt
 * wants DTBs 8-byte aligned.
 */
	.section .rodata.manifests, "a"

/* blob NAME, FILE, ALIGN: NAME and NAME_end around FILE's bytes. */
	.macro	blob name, file, align
	.balign	\align
	.global	\name
\name:
	.incbin	"\file"
	.global	\name\()_end
\name\()_end:
	.endm

	blob	fw_manifest_host, "host.dtb", 8
	/* The built-in partitions (firmware.mk, fw/package.h). */
	blob	fw_builtin_package, "builtin-package.dtb", 8
