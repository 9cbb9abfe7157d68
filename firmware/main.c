// SPDX-License-Identifier: BSD-3-Clause
/*
 * The boot CPU's path: banner, DTB, MMU, then the EL1 payload (or a
 * clean power-off when there is none, so the image can be tested alone).
 */
#include <libfdt.h>

#include <fw/arch.h>
#include <fw/bootinfo.h>
#include <fw/dtb.h>
#include <fw/el1.h>
#include <fw/fw.h>
#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/mmu.h>
#include <fw/printf.h>
#include <fw/psci.h>
#include <fw/rxtx.h>
#include <fw/s2_host.h>
#include <fw/world.h>

uint64_t fw_uptime_us(void)
{
	uint64_t freq = read_sysreg(cntfrq_el0);

	isb();
	return freq ? read_sysreg(cntpct_el0) * 1000000 / freq : 0;
}

__attribute__((weak)) void fw_selftest(const struct boot_info *bi)
{
	(void)bi;
}

void fw_wrong_el(unsigned int el)
{
	fw_printf("fw: entered at EL%u, need EL2: "
		  "use -M virt,virtualization=on\n", el);
}

static void banner(uintptr_t dtb)
{
	fw_printf("\nffa-el2: FF-A EL2 firmware for QEMU virt\n");
	fw_printf("fw: EL%u, CPU %u, MIDR 0x%lx, DTB at 0x%lx, %lu us\n",
		  current_el(), fw_cpu_index(), read_sysreg(midr_el1),
		  (unsigned long)dtb, fw_uptime_us());
}

__attribute__((noreturn)) static void fail(const char *what)
{
	fw_printf("fw: %s: powering off\n", what);
	psci_system_off();
}

static void read_boot_info(uintptr_t dtb, struct boot_info *bi)
{
	int err = bootinfo_read(dtb, bi);

	if (err) {
		fw_printf("fw: DTB at 0x%lx: %s\n", (unsigned long)dtb,
			  fdt_strerror(err));
		fail("no usable DTB");
	}
	bootinfo_print(bi);
	if (bootinfo_check_layout(bi))
		fail("memory layout");
}

static void mmu_on(const struct boot_info *bi)
{
	if (mmu_build(bi->ram_base, bi->ram_size))
		fail("cannot map RAM");
	mmu_enable_boot_cpu();
	fw_printf("fw: EL2 MMU on: devices nGnRE, RAM write-back\n");
}

void fw_main(uintptr_t dtb)
{
	struct boot_info bi;
	uint64_t size;

	banner(dtb);
	read_boot_info(dtb, &bi);
	mmu_on(&bi);
	fw_selftest(&bi);
	size = el1_payload_size();
	if (!size)
		fail("no EL1 payload");
	if (dtb_reserve_firmware((void *)bi.dtb))
		fail("DTB");
	/* Linux's RAM reaches its stage-2 as the manager's host endpoint. */
	if (s2_host_init())
		fail("stage-2 for Linux");
	if (manager_init(&bi))
		fail("partition manager");
	if (fw_rxtx_init(&bi))
		fail("the host's RX/TX pair");
	fw_printf("fw: entering EL1 at 0x%lx (image %lu KiB), %lu us\n",
		  EL1_BASE, size >> 10, fw_uptime_us());
	el1_setup_el2();
	/* EL1 starts with its MMU off: it reads the DTB from memory. */
	dcache_clean_range(bi.dtb, bi.dtb_size);
	world_boot(bi.dtb);
}
