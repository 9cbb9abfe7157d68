// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host endpoint: Linux, configured from firmware/manifests/host.dts
 * (embedded in the image). Its last region means "the rest of RAM": it
 * is stretched or trimmed to the RAM QEMU reports, so one manifest fits
 * every -m. Regions must stay out of the firmware's and the manager's
 * memory: spm/ would accept them (those pages are nobody's), but Linux
 * must never get them. Adding the endpoint maps its regions into
 * Linux's stage-2 through the platform seam.
 */
#include <stdbool.h>

#include <ffa/error.h>
#include <ffa/ids.h>
#include <spm/manifest.h>

#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/platform.h>
#include <fw/printf.h>
#include <fw/s2_host.h>

uint16_t fw_host_id;

struct range {
	uint64_t base, size;
};

static const struct range reserved[] = {
	{ FW_BASE, FW_SIZE },
	{ SPM_MEM_BASE, SPM_MEM_SIZE },
};

static bool overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

static int check_region(const struct spm_mem_region *r, uint64_t ram_base,
			uint64_t ram_end)
{
	uint64_t size = (uint64_t)r->pages * FFA_PAGE_SIZE;

	if (r->base < ram_base || r->base >= ram_end ||
	    size > ram_end - r->base) {
		fw_printf("fw: host region 0x%lx is outside RAM\n", r->base);
		return FFA_RET_INVALID_PARAMETERS;
	}
	for (unsigned int i = 0; i < sizeof(reserved) / sizeof(*reserved);
	     i++) {
		if (overlap(r->base, size, reserved[i].base,
			    reserved[i].size)) {
			fw_printf("fw: host region 0x%lx overlaps reserved "
				  "0x%lx\n", r->base, reserved[i].base);
			return FFA_RET_INVALID_PARAMETERS;
		}
	}
	return 0;
}

static void stretch_last(struct spm_endpoint_config *cfg, uint64_t ram_end)
{
	struct spm_mem_region *r = &cfg->regions[cfg->nr_regions - 1];

	if (r->base < ram_end)
		r->pages = (uint32_t)((ram_end - r->base) / FFA_PAGE_SIZE);
}

static int parse(struct spm_endpoint_config *cfg)
{
	uint32_t size = (uint32_t)fw_manifest_host_size;
	const char *why = "";
	int ret;

	ret = spm_manifest_parse(fw_manifest_host, size, cfg, &why);
	if (ret) {
		fw_printf("fw: host manifest: %s\n", why);
		return ret;
	}
	if (!cfg->is_host || cfg->nr_regions == 0) {
		fw_printf("fw: host manifest: not a host, or no memory\n");
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (cfg->id == FFA_ID_INVALID)
		cfg->id = 0;
	if (!cfg->name[0])
		cfg->name[0] = 'h';
	return 0;
}

static void print_regions(const struct spm_endpoint_config *cfg)
{
	for (uint32_t i = 0; i < cfg->nr_regions; i++) {
		const struct spm_mem_region *r = &cfg->regions[i];

		fw_printf("fw: stage-2 for Linux: RAM 0x%lx-0x%lx (access "
			  "0x%x)\n", r->base, r->base +
			  (uint64_t)r->pages * FFA_PAGE_SIZE - 1, r->access);
	}
}

int manager_add_host(struct spm *spm, const struct boot_info *bi)
{
	uint64_t ram_end = spm->st.mem_base +
			   spm->st.nr_pages * FFA_PAGE_SIZE;
	struct spm_endpoint_config cfg;
	int ret = parse(&cfg);

	if (ret)
		return ret;
	stretch_last(&cfg, ram_end);
	for (uint32_t i = 0; !ret && i < cfg.nr_regions; i++)
		ret = check_region(&cfg.regions[i], bi->ram_base, ram_end);
	if (!ret)
		ret = fw_platform_add_s2(cfg.id, &s2_host);
	if (!ret)
		ret = spm_add_endpoint(spm, &cfg);
	if (ret)
		return ret;
	fw_host_id = cfg.id;
	fw_printf("fw: host endpoint 0x%x \"%s\", %u vCPUs, FF-A v%u.%u\n",
		  cfg.id, cfg.name, cfg.nr_vcpus, cfg.ffa_version >> 16,
		  cfg.ffa_version & 0xffff);
	print_regions(&cfg);
	return 0;
}
