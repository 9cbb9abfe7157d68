/* SPDX-License-Identifier: BSD-3-Clause */
/* What the firmware learns from the DTB QEMU passes in x0. */
#ifndef FW_BOOTINFO_H
#define FW_BOOTINFO_H

#include <stdint.h>

struct boot_info {
	uintptr_t dtb;
	uint32_t dtb_size;
	uint64_t ram_base;	/* the memory node holding RAM_BASE */
	uint64_t ram_size;
	uint64_t initrd_start;	/* [start, end); both 0 when absent */
	uint64_t initrd_end;
	const char *bootargs;	/* "" when absent */
};

/* Fill bi from the DTB at dtb; 0, or a negative libfdt error. */
int bootinfo_read(uintptr_t dtb, struct boot_info *bi);
/* Check that nothing QEMU placed overlaps our reserved memory. */
int bootinfo_check_layout(const struct boot_info *bi);
void bootinfo_print(const struct boot_info *bi);

#endif /* FW_BOOTINFO_H */
