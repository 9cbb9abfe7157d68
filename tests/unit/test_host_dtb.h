/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test manifests (tests/manifests/<name>.dts), compiled by dtc at
 * build time (host/host.mk) into MANIFEST_DTB_DIR and embedded in the test
 * binary, so a test needs neither dtc nor a working directory at run time.
 */
#ifndef TEST_HOST_DTB_H
#define TEST_HOST_DTB_H

#include <stdint.h>

#ifndef MANIFEST_DTB_DIR
#error "MANIFEST_DTB_DIR: build with host/host.mk"
#endif

/* sym[] .. sym_end[]: the DTB of tests/manifests/<file>.dts, 8-aligned. */
#define EMBED_DTB(sym, file)						\
	__asm__(".pushsection .rodata\n"				\
		".balign 8\n"						\
		#sym ":\n"						\
		".incbin \"" MANIFEST_DTB_DIR "/" file ".dtb\"\n"	\
		#sym "_end:\n"						\
		".popsection\n");					\
	extern const uint8_t sym[], sym##_end[]

#define DTB_SIZE(sym)	((uint32_t)(sym##_end - sym))

#endif /* TEST_HOST_DTB_H */
