// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loading the partitions built into the image (manifests.S), one table
 * entry per partition. Partition n lives in slot n of the firmware's
 * partition memory (memmap.h), which Linux never maps, and its image is
 * linked there (firmware.mk); the image is copied to its entry point
 * (entrypoint-offset 0: the image starts with its entry) and its first
 * region becomes its stage-2 when the manager adds it. Its vCPUs run
 * with HCR_EL2.DC: with their MMU off, their accesses are still
 * cacheable, like the manager's copies into their RX/TX buffers.
 */
#include <ffa/error.h>
#include <libfdt_env.h>
#include <spm/manifest.h>

#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/memmap.h>
#include <fw/partition.h>
#include <fw/platform.h>
#include <fw/printf.h>

#define FW_MAX_PARTITIONS	8
#define FW_SP_MAX_VCPUS		1
#define FW_SP_VMID_FIRST	2	/* Linux is 1 */
#define HCR_DC			BIT64(12)
/* sp.ld links an image after its region's TX and RX pages. */
#define FW_SP_IMAGE_OFFSET	0x2000

struct blob {
	const char *dtb, *dtb_end, *image, *image_end;
};

/* manifests.S: NAME and NAME_end around each manifest and image. */
#define BLOB_EXTERN(name)	extern const char name[], name##_end[]
#define BLOB(mf, img)		{ mf, mf##_end, img, img##_end }

BLOB_EXTERN(fw_manifest_test_sp);
BLOB_EXTERN(fw_image_test_sp);
BLOB_EXTERN(fw_manifest_echo);
BLOB_EXTERN(fw_image_echo);
BLOB_EXTERN(fw_manifest_twin_a);
BLOB_EXTERN(fw_image_twin_a);
BLOB_EXTERN(fw_manifest_twin_b);
BLOB_EXTERN(fw_image_twin_b);

/* Entry n goes to PART_SLOT(n): the order of firmware.mk's FW_SP_TABLE. */
static const struct blob blobs[] = {
	BLOB(fw_manifest_test_sp, fw_image_test_sp),
	BLOB(fw_manifest_echo, fw_image_echo),
	BLOB(fw_manifest_twin_a, fw_image_twin_a),
	BLOB(fw_manifest_twin_b, fw_image_twin_b),
};

struct fw_sp {
	uint16_t id;
	uint16_t nr_vcpus;
	struct s2_table s2;
	struct fw_vcpu vcpus[FW_SP_MAX_VCPUS];
};

static struct fw_sp sps[FW_MAX_PARTITIONS];
static unsigned int nr_sps;

struct fw_vcpu *partition_vcpu(uint16_t ep, uint16_t idx)
{
	for (unsigned int i = 0; i < nr_sps; i++)
		if (sps[i].id == ep)
			return idx < sps[i].nr_vcpus ? &sps[i].vcpus[idx] :
						       NULL;
	return NULL;
}

/*
 * Every region in partition memory; the first one in the partition's
 * slot, where its image was linked, and the image inside it at the
 * address it was linked for: a manifest that disagrees with the build
 * would otherwise run the image at the wrong address.
 */
static int check_layout(const struct spm_endpoint_config *cfg,
			unsigned int slot, uint64_t image_size)
{
	const struct spm_mem_region *r = &cfg->regions[0];
	uint64_t part_end = SPM_MEM_BASE + SPM_MEM_SIZE;

	if (cfg->nr_regions == 0 || cfg->nr_vcpus > FW_SP_MAX_VCPUS ||
	    r->base != PART_SLOT(slot) ||
	    (uint64_t)r->pages * FFA_PAGE_SIZE > PART_SLOT_SIZE ||
	    cfg->entry != r->base + FW_SP_IMAGE_OFFSET)
		return FFA_RET_INVALID_PARAMETERS;
	for (uint32_t i = 0; i < cfg->nr_regions; i++) {
		uint64_t b = cfg->regions[i].base;
		uint64_t n = (uint64_t)cfg->regions[i].pages * FFA_PAGE_SIZE;

		if (b < PART_MEM_BASE || b >= part_end || n > part_end - b)
			return FFA_RET_INVALID_PARAMETERS;
	}
	if (cfg->entry < r->base ||
	    cfg->entry + image_size > r->base +
	    (uint64_t)r->pages * FFA_PAGE_SIZE)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

static void copy_image(const struct blob *b, uint64_t entry)
{
	uint64_t size = (uint64_t)(b->image_end - b->image);

	memcpy((void *)(uintptr_t)entry, b->image, size);
	/* The guest fetches instructions from it: to the PoC, and no stale
	 * instruction cache lines. */
	dcache_clean_range(entry, size);
	__asm__ volatile("ic ialluis" : : : "memory");
	dsb(ish);
	isb();
}

static int load_one(struct spm *spm, const struct blob *b)
{
	struct fw_sp *sp = &sps[nr_sps];
	struct spm_endpoint_config cfg;
	const char *why = "";
	int ret;

	ret = spm_manifest_parse(b->dtb, (uint32_t)(b->dtb_end - b->dtb),
				 &cfg, &why);
	if (ret) {
		fw_printf("fw: partition manifest: %s\n", why);
		return ret;
	}
	ret = check_layout(&cfg, nr_sps, (uint64_t)(b->image_end - b->image));
	if (!ret)
		ret = s2_init(&sp->s2, FW_SP_VMID_FIRST + nr_sps);
	if (!ret)
		ret = fw_platform_add_s2(cfg.id, &sp->s2);
	if (!ret)
		ret = spm_add_endpoint(spm, &cfg);
	if (ret) {
		fw_printf("fw: partition \"%s\" refused\n", cfg.name);
		return ret;
	}
	copy_image(b, cfg.entry);
	sp->id = cfg.id;
	sp->nr_vcpus = cfg.nr_vcpus;
	for (uint16_t i = 0; i < cfg.nr_vcpus; i++)
		vcpu_init(&sp->vcpus[i], cfg.id, i, &sp->s2,
			  el1_sp_hcr() | HCR_DC, cfg.entry, 0);
	nr_sps++;
	fw_printf("fw: partition 0x%x \"%s\": 0x%lx-0x%lx, entry 0x%lx, "
		  "image %lu bytes\n", cfg.id, cfg.name, cfg.regions[0].base,
		  cfg.regions[0].base +
		  (uint64_t)cfg.regions[0].pages * FFA_PAGE_SIZE - 1,
		  cfg.entry, (uint64_t)(b->image_end - b->image));
	return 0;
}

int partitions_load(struct spm *spm)
{
	int ret = 0;

	for (unsigned int i = 0; !ret && i < sizeof(blobs) / sizeof(*blobs);
	     i++)
		ret = nr_sps < FW_MAX_PARTITIONS ? load_one(spm, &blobs[i]) :
						   FFA_RET_NO_MEMORY;
	return ret;
}
