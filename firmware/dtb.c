// SPDX-License-Identifier: BSD-3-Clause
/*
 * Hiding our memory from Linux: /reserved-memory nodes with no-map, so
 * Linux neither allocates those pages nor maps them (no speculative
 * cacheable accesses with attributes that differ from ours). Until
 * stage-2 arrives this is cooperative isolation only.
 *
 * The DTB is edited in place: QEMU's has a 1 MiB total size with most
 * of it free, and nothing of ours follows it.
 */
#include <libfdt.h>

#include <fw/dtb.h>
#include <fw/memmap.h>
#include <fw/printf.h>

static int set_cells(void *fdt, int node, const char *name, uint32_t v)
{
	return fdt_setprop_u32(fdt, node, name, v);
}

/* /reserved-memory, created with 2 address and 2 size cells if absent. */
static int reserved_memory_node(void *fdt)
{
	int node = fdt_path_offset(fdt, "/reserved-memory");
	int err;

	if (node >= 0)
		return node;
	node = fdt_add_subnode(fdt, 0, "reserved-memory");
	if (node < 0)
		return node;
	err = set_cells(fdt, node, "#address-cells", 2);
	if (!err)
		err = set_cells(fdt, node, "#size-cells", 2);
	if (!err)
		err = fdt_setprop_empty(fdt, node, "ranges");
	return err ? err : node;
}

/* /reserved-memory/<name>@<base>, no-map, without its reg yet. */
static int reserved_subnode(void *fdt, const char *name, uint64_t base,
			    int *parent)
{
	char unit[48];
	int node, err;

	err = fdt_open_into(fdt, fdt, fdt_totalsize(fdt));
	if (err)
		return err;
	*parent = reserved_memory_node(fdt);
	if (*parent < 0)
		return *parent;
	fw_snprintf(unit, sizeof(unit), "%s@%lx", name, base);
	node = fdt_add_subnode(fdt, *parent, unit);
	if (node < 0)
		return node;
	err = fdt_setprop_empty(fdt, node, "no-map");
	return err ? err : node;
}

int dtb_reserve(void *fdt, const char *name, uint64_t base, uint64_t size)
{
	int parent, node = reserved_subnode(fdt, name, base, &parent);

	if (node < 0)
		return node;
	return fdt_appendprop_addrrange(fdt, parent, node, "reg", base, size);
}

/*
 * The binding of docs/dt-rxtx.md: one node, both buffers, reg-names
 * saying which is which. A reserved-memory child, so that one node both
 * keeps Linux off the pages and tells the driver where they are.
 */
int dtb_describe_rxtx(void *fdt, uint64_t tx, uint64_t rx, uint64_t size)
{
	static const char names[] = "tx\0rx";
	int parent, err, node = reserved_subnode(fdt, "ffa-rxtx", tx, &parent);

	if (node < 0)
		return node;
	err = fdt_setprop_string(fdt, node, "compatible", FW_RXTX_COMPATIBLE);
	if (!err)
		err = fdt_appendprop_addrrange(fdt, parent, node, "reg", tx,
					       size);
	if (!err)
		err = fdt_appendprop_addrrange(fdt, parent, node, "reg", rx,
					       size);
	if (!err)
		err = fdt_setprop(fdt, node, "reg-names", names,
				  sizeof(names));
	return err;
}

int dtb_reserve_firmware(void *fdt)
{
	int err = dtb_reserve(fdt, "ffa-el2", FW_BASE, FW_SIZE);

	if (!err)
		err = dtb_reserve(fdt, "ffa-spm", SPM_MEM_BASE, SPM_MEM_SIZE);
	if (err) {
		fw_printf("fw: cannot reserve memory in the DTB: %s\n",
			  fdt_strerror(err));
		return err;
	}
	fw_printf("fw: DTB reserves 0x%lx-0x%lx (firmware) and "
		  "0x%lx-0x%lx (manager), no-map\n", FW_BASE,
		  FW_BASE + FW_SIZE - 1, SPM_MEM_BASE,
		  SPM_MEM_BASE + SPM_MEM_SIZE - 1);
	return 0;
}
