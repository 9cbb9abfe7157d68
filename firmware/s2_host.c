// SPDX-License-Identifier: BSD-3-Clause
/*
 * Linux's stage-2, built by the boot CPU before Linux runs. The device
 * region is mapped whole (QEMU virt puts nothing of ours there). RAM
 * arrives through the manager: Linux is its host endpoint, and adding
 * it maps the manifest's regions here (host.c, platform.c), which leave
 * out the firmware's and the manager's memory, so an access there
 * faults to EL2, which reports it to Linux as an external abort.
 */
#include <fw/memmap.h>
#include <fw/s2_host.h>

struct s2_table s2_host;

int s2_host_init(void)
{
	int ret = s2_init(&s2_host, S2_HOST_VMID);

	if (!ret)
		ret = s2_map(&s2_host, DEVICE_BASE, DEVICE_END - DEVICE_BASE,
			     S2_RW | S2_DEVICE);
	return ret;
}
