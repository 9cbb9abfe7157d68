// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manager's instance. struct spm and the large arrays spm_init()
 * wants (one entry per managed page, the range pool and its scratch
 * copy) live in the manager's data area of reserved memory (memmap.h),
 * not in the image: they scale with RAM and the image has 2 MiB.
 * Managed memory is all of RAM that EL2 maps, so a partition's region,
 * Linux's RAM and anything shared between them are the same pages to
 * the manager.
 */
#include <ffa/error.h>
#include <libffa/status.h>

#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/partition.h>
#include <fw/platform.h>
#include <fw/printf.h>
#include <fw/s2.h>

/*
 * Constituents all live shares may hold together: 1 GiB of scattered
 * 4 KiB pages (/dev/ffa's largest share) is 262,144 of them. Each costs
 * 32 bytes here (the pool and its scratch copy), 8 MiB in all, taken
 * from what the stage-2 table pool gets (1525 pages with 1.5 GiB of RAM).
 */
#define FW_SPM_RANGES		262144
/* Stage-2 table pages taken from the data area's rest, at most. */
#define FW_S2_POOL_MAX		2048
/* EL2 maps the first 4 GiB of RAM (mmu.c): the manager no more. */
#define FW_MANAGED_MAX		(4UL << 30)

/*
 * The FF-A version the manager speaks: the newest unless firmware.mk
 * builds a variant that checks how an older one's callers cope.
 */
#ifndef FW_FFA_VERSION
#define FW_FFA_VERSION		FFA_VERSION_1_2
#endif

struct spm *fw_spm;
static struct spm_platform plat;

static uintptr_t carve(uintptr_t *at, uint64_t size)
{
	uintptr_t p = (*at + 63) & ~63UL;	/* a cache line each */

	*at = p + size;
	return p;
}

/*
 * The rest of the data area, whole pages from at, becomes stage-2 table
 * pages: a partition that retrieves scattered pages needs a level-3
 * table per 2 MiB they touch (a 256 MiB share of every other page over
 * 1 GiB: 512), more than the pool in BSS that boots the machine.
 */
static void grow_s2_pool(uintptr_t at)
{
	uintptr_t first = (at + S2_PAGE_SIZE - 1) & ~(S2_PAGE_SIZE - 1);
	uint64_t n = (SPM_DATA_BASE + SPM_DATA_SIZE - first) / S2_PAGE_SIZE;

	if (n > FW_S2_POOL_MAX)
		n = FW_S2_POOL_MAX;
	s2_pool_grow((uint64_t *)first, (unsigned int)n);
	fw_printf("fw: manager: %lu stage-2 table pages from 0x%lx\n", n,
		  first);
}

/* Lay struct spm and the storage out in the manager's data area. */
static int layout(struct spm_storage *st, const struct boot_info *bi)
{
	uintptr_t at = SPM_DATA_BASE;
	uint64_t ram = bi->ram_size;

	if (ram > FW_MANAGED_MAX)
		ram = FW_MANAGED_MAX;
	st->mem_base = bi->ram_base;
	st->nr_pages = ram / FFA_PAGE_SIZE;
	st->nr_ranges = FW_SPM_RANGES;
	fw_spm = (struct spm *)carve(&at, sizeof(*fw_spm));
	st->pages = (struct spm_page *)carve(&at, st->nr_pages *
					     sizeof(*st->pages));
	st->ranges = (struct ffa_mem_range *)carve(&at, st->nr_ranges *
						   sizeof(*st->ranges));
	st->scratch = (struct ffa_mem_range *)carve(&at, st->nr_ranges *
						    sizeof(*st->scratch));
	fw_printf("fw: manager: struct spm %lu KiB, %lu pages managed from "
		  "0x%lx, data 0x%lx-0x%lx\n", sizeof(*fw_spm) >> 10,
		  st->nr_pages, st->mem_base, SPM_DATA_BASE, at - 1);
	if (at > SPM_DATA_BASE + SPM_DATA_SIZE)
		return -1;
	grow_s2_pool(at);
	return 0;
}

int manager_init(const struct boot_info *bi)
{
	struct spm_storage st;
	int ret;

	if (layout(&st, bi)) {
		fw_printf("fw: manager: data area too small\n");
		return -1;
	}
	fw_platform_init(&plat, st.mem_base, st.nr_pages * FFA_PAGE_SIZE);
	ret = spm_init(fw_spm, &plat, &st, FW_MAX_CPUS);
	if (!ret)
		ret = spm_set_version(fw_spm, FW_FFA_VERSION);
	if (!ret)
		fw_printf("fw: manager: FF-A version %u.%u\n",
			  FFA_VERSION_MAJOR(FW_FFA_VERSION),
			  FFA_VERSION_MINOR(FW_FFA_VERSION));
	if (!ret)
		ret = manager_add_host(fw_spm, bi);
	if (!ret)
		ret = partitions_load(fw_spm);
	if (ret)
		fw_printf("fw: manager: %s\n", ffa_status_name(ret));
	return ret;
}
