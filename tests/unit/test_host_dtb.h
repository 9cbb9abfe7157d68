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

/*
 * The labels are local to the assembly of this file, so the compiler
 * must reach them PC-relative, hence "hidden". Through the GOT (GCC's
 * way to extern data in an aarch64 PIE) the assembler names each label
 * as its section plus an offset, and ld gives them all one GOT entry:
 * every fixture of a file then reads as its first one.
 */
#define DTB_LOCAL	__attribute__((visibility("hidden")))

/*
 * EMBED_DTB(sym, file): sym[], the DTB of tests/manifests/<file>.dts,
 * 8-aligned, and sym_size, its length in bytes as the assembler counts
 * it. The length is a word of its own, not an end label minus sym: C
 * does not define the difference of pointers to two objects.
 */
#define EMBED_DTB(sym, file)						\
	__asm__(".pushsection .rodata\n"				\
		".balign 8\n"						\
		#sym ":\n"						\
		".incbin \"" MANIFEST_DTB_DIR "/" file ".dtb\"\n"	\
		".Lend_" #sym ":\n"					\
		".balign 4\n"						\
		#sym "_size:\n"						\
		".4byte .Lend_" #sym " - " #sym "\n"			\
		".popsection\n");					\
	extern const uint8_t sym[] DTB_LOCAL;				\
	extern const uint32_t sym##_size DTB_LOCAL

#define DTB_SIZE(sym)	(sym##_size)

#endif /* TEST_HOST_DTB_H */
