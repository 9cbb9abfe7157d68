// SPDX-License-Identifier: BSD-3-Clause
/*
 * The endpoint manifests, compiled by dtc at build time (firmware.mk)
 * and kept in the image as blobs. libfdt wants them 8-byte aligned.
 */
	.section .rodata.manifests, "a"

	.balign	8
	.global	fw_manifest_host
fw_manifest_host:
	.incbin	"host.dtb"
	.global	fw_manifest_host_end
fw_manifest_host_end:

	.balign	8
	.global	fw_manifest_test_sp
fw_manifest_test_sp:
	.incbin	"test-partition.dtb"
	.global	fw_manifest_test_sp_end
fw_manifest_test_sp_end:

	/* Its image, copied to its load address at boot (partition.c). */
	.balign	16
	.global	fw_image_test_sp
fw_image_test_sp:
	.incbin	"test-partition.bin"
	.global	fw_image_test_sp_end
fw_image_test_sp_end:
