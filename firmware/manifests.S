// SPDX-License-Identifier: BSD-3-Clause
/*
 * The endpoint manifests, compiled by dtc at build time (firmware.mk)
 * and kept in the image as blobs, with the partitions' images, which
 * partition.c copies to their load addresses at boot. libfdt wants the
 * manifests 8-byte aligned; images are 16-byte aligned for memcpy.
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

	/* The partitions, in the order of partition.c's table. */
	blob	fw_manifest_test_sp, "test-partition.dtb", 8
	blob	fw_image_test_sp, "test-partition.bin", 16
	blob	fw_manifest_echo, "echo.dtb", 8
	blob	fw_image_echo, "echo.bin", 16
	blob	fw_manifest_twin_a, "twin-a.dtb", 8
	blob	fw_image_twin_a, "twin-a.bin", 16
	blob	fw_manifest_twin_b, "twin-b.dtb", 8
	blob	fw_image_twin_b, "twin-b.bin", 16
