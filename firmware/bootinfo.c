// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reading the DTB with libfdt (built from the kernel source's copy with
 * env/freestanding/libfdt_env.h): the RAM range and /chosen's initrd and
 * bootargs. Read-only; the firmware's own reservations are written into
 * the DTB later, before Linux sees it.
 */
#include <stdbool.h>

#include <libfdt.h>

#include <fw/bootinfo.h>
#include <fw/memmap.h>
#include <fw/printf.h>

/* A 1- or 2-cell big-endian number, as #address-cells/#size-cells say. */
static uint64_t read_cells(const fdt32_t *p, int cells)
{
	uint64_t v = 0;

	while (cells--)
		v = (v << 32) | fdt32_to_cpu(*p++);
	return v;
}

/* The first (base, size) of a memory node's reg. */
static int read_memory_reg(const void *fdt, int node, uint64_t *base,
			   uint64_t *size)
{
	int ac = fdt_address_cells(fdt, 0);
	int sc = fdt_size_cells(fdt, 0);
	int len;
	const fdt32_t *reg = fdt_getprop(fdt, node, "reg", &len);

	if (ac < 1 || ac > 2 || sc < 1 || sc > 2)
		return -FDT_ERR_BADNCELLS;
	if (!reg || len < (ac + sc) * 4)
		return -FDT_ERR_BADVALUE;
	*base = read_cells(reg, ac);
	*size = read_cells(reg + ac, sc);
	return 0;
}

/* The memory node holding RAM_BASE: where we, Linux and QEMU's images are. */
static int read_ram(const void *fdt, struct boot_info *bi)
{
	int node = -1;
	uint64_t base, size;

	for (;;) {
		node = fdt_node_offset_by_prop_value(fdt, node, "device_type",
						     "memory",
						     sizeof("memory"));
		if (node < 0)
			return node;
		if (read_memory_reg(fdt, node, &base, &size))
			continue;
		if (base <= RAM_BASE && RAM_BASE - base < size) {
			bi->ram_base = base;
			bi->ram_size = size;
			return 0;
		}
	}
}

/* linux,initrd-start/end are 32 or 64 bits wide, by their length. */
static bool read_chosen_u64(const void *fdt, int chosen, const char *name,
			    uint64_t *v)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, chosen, name, &len);

	if (!p || (len != 4 && len != 8))
		return false;
	*v = read_cells(p, len / 4);
	return true;
}

static void read_chosen(const void *fdt, struct boot_info *bi)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *args;

	bi->bootargs = "";
	if (chosen < 0)
		return;
	args = fdt_getprop(fdt, chosen, "bootargs", NULL);
	if (args)
		bi->bootargs = args;
	if (!read_chosen_u64(fdt, chosen, "linux,initrd-start",
			     &bi->initrd_start) ||
	    !read_chosen_u64(fdt, chosen, "linux,initrd-end",
			     &bi->initrd_end) ||
	    bi->initrd_end < bi->initrd_start)
		bi->initrd_start = bi->initrd_end = 0;
}

int bootinfo_read(uintptr_t dtb, struct boot_info *bi)
{
	const void *fdt = (const void *)dtb;
	int err;

	*bi = (struct boot_info){ .dtb = dtb, .bootargs = "" };
	if (!dtb)
		return -FDT_ERR_BADMAGIC;
	err = fdt_check_header(fdt);
	if (err)
		return err;
	bi->dtb_size = fdt_totalsize(fdt);
	err = read_ram(fdt, bi);
	if (err)
		return err;
	read_chosen(fdt, bi);
	return 0;
}

static bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen && blen && a < b + blen && b < a + alen;
}

/* Ours: the firmware, the EL1 payload slot and the manager's memory. */
static bool hits_reserved(uint64_t start, uint64_t len)
{
	return overlaps(start, len, FW_BASE, FW_SIZE) ||
	       overlaps(start, len, EL1_BASE, EL1_SIZE) ||
	       overlaps(start, len, SPM_MEM_BASE, SPM_MEM_SIZE);
}

int bootinfo_check_layout(const struct boot_info *bi)
{
	uint64_t ram_end = bi->ram_base + bi->ram_size;

	if (ram_end < SPM_MEM_BASE + SPM_MEM_SIZE) {
		fw_printf("fw: RAM ends at 0x%lx: the bench needs -m 256M\n",
			  ram_end);
		return -1;
	}
	if (hits_reserved(bi->dtb, bi->dtb_size) ||
	    hits_reserved(bi->initrd_start,
			  bi->initrd_end - bi->initrd_start)) {
		fw_printf("fw: DTB or initrd in reserved memory\n");
		return -1;
	}
	return 0;
}

void bootinfo_print(const struct boot_info *bi)
{
	fw_printf("fw: DTB at 0x%lx (%u bytes), RAM 0x%lx-0x%lx (%lu MiB)\n",
		  (unsigned long)bi->dtb, bi->dtb_size, bi->ram_base,
		  bi->ram_base + bi->ram_size - 1, bi->ram_size >> 20);
	if (bi->initrd_end)
		fw_printf("fw: initrd 0x%lx-0x%lx (%lu bytes)\n",
			  bi->initrd_start, bi->initrd_end - 1,
			  bi->initrd_end - bi->initrd_start);
	else
		fw_printf("fw: no initrd\n");
	fw_printf("fw: bootargs \"%s\"\n", bi->bootargs);
}
