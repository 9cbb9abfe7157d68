// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loading the partitions: those built into the image (firmware.mk packs
 * them into one package, manifests.S embeds it), then those of a package
 * the bench loaded at PKG_BASE (scripts/bench/run --sp). Each partition's
 * regions must lie in partition memory (memmap.h), which Linux never
 * maps; its image is copied to its manifest's load-address, which must
 * be in its first region; that region becomes its stage-2 when the
 * manager adds it. Its vCPUs run with HCR_EL2.DC: with their MMU off,
 * their accesses are still cacheable, like the manager's copies into
 * their RX/TX buffers.
 */
#include <ffa/error.h>
#include <libfdt.h>
#include <spm/manifest.h>

#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/memmap.h>
#include <fw/package.h>
#include <fw/partition.h>
#include <fw/platform.h>
#include <fw/printf.h>

#define FW_MAX_PARTITIONS	16
#define FW_SP_VMID_FIRST	2	/* Linux is 1 */
/* Manifests are small; libfdt wants them 8-byte aligned. */
#define FW_MANIFEST_MAX		8192

/* manifests.S */
extern const char fw_builtin_package[];
extern const uint64_t fw_builtin_package_size;

static struct fw_sp sps[FW_MAX_PARTITIONS];
static unsigned int nr_sps;

/*
 * Partitions by ID: open addressing on the ID's low bits, linear probing.
 * At most half full, so a lookup ends at the ID or at an empty slot
 * after one or two probes, whatever the number of partitions (the
 * world switch looks the target up on every SWITCH); the home slot is
 * probed inline (partition_vcpu(), fw/partition.h).
 */
struct fw_sp *fw_sp_slot[FW_SP_SLOTS];

_Static_assert(FW_SP_SLOTS >= 2 * FW_MAX_PARTITIONS, "the ID index");

static void sp_index_add(struct fw_sp *sp)
{
	unsigned int i = sp->id;

	while (fw_sp_slot[i % FW_SP_SLOTS])
		i++;
	fw_sp_slot[i % FW_SP_SLOTS] = sp;
}

struct fw_vcpu *partition_vcpu_probe(uint16_t ep, uint16_t idx)
{
	unsigned int i = ep;

	for (unsigned int n = 0; n < FW_SP_SLOTS; n++, i++) {
		struct fw_sp *sp = fw_sp_slot[i % FW_SP_SLOTS];

		if (!sp)
			return NULL;
		if (sp->id == ep)
			return idx < sp->nr_vcpus ? &sp->vcpus[idx] : NULL;
	}
	return NULL;
}

void partition_count_calls(uint32_t *calls, uint32_t *ffa)
{
	for (unsigned int i = 0; i < nr_sps; i++)
		for (unsigned int n = 0; n < sps[i].nr_vcpus; n++) {
			*calls += sps[i].vcpus[n].other_calls +
				  sps[i].vcpus[n].ffa_calls;
			*ffa += sps[i].vcpus[n].ffa_calls;
		}
}

static int refuse(const char *name, const char *why)
{
	fw_printf("fw: partition \"%s\" refused: %s\n", name, why);
	return FFA_RET_INVALID_PARAMETERS;
}

static bool in_partition_memory(uint64_t base, uint64_t size)
{
	return base >= PART_MEM_BASE &&
	       base - PART_MEM_BASE <= PART_MEM_SIZE &&
	       size <= PART_MEM_SIZE - (base - PART_MEM_BASE);
}

/* Where the firmware can run it: every region in partition memory, the
 * image inside the first one. */
static int check_layout(const struct spm_endpoint_config *cfg,
			uint64_t image_size)
{
	const struct spm_mem_region *r = &cfg->regions[0];
	uint64_t r_size = (uint64_t)r->pages * FFA_PAGE_SIZE;
	uint64_t load = cfg->load;

	if (cfg->nr_regions == 0)
		return refuse(cfg->name, "no memory region");
	if (cfg->nr_vcpus > FW_SP_MAX_VCPUS)
		return refuse(cfg->name, "more than 1 execution context");
	for (uint32_t i = 0; i < cfg->nr_regions; i++)
		if (!in_partition_memory(cfg->regions[i].base,
					 (uint64_t)cfg->regions[i].pages *
					 FFA_PAGE_SIZE))
			return refuse(cfg->name, "a region is outside "
				      "partition memory 0x45000000-0x46ffffff");
	if (load < r->base || load - r->base > r_size ||
	    image_size > r_size - (load - r->base))
		return refuse(cfg->name, "the image at load-address does not "
			      "fit in the first region");
	if (cfg->entry < load || cfg->entry - load >= image_size)
		return refuse(cfg->name, "the entry point is not in the image");
	return 0;
}

static void copy_image(const struct package_entry *e, uint64_t load)
{
	memcpy((void *)(uintptr_t)load, e->image, e->image_size);
	/* The guest fetches instructions from it: to the PoC, and no stale
	 * instruction cache lines. */
	dcache_clean_range(load, e->image_size);
	__asm__ volatile("ic ialluis" : : : "memory");
	dsb(ish);
	isb();
}

/* The manifest, copied out of the package (aligned, and ours). */
static int parse_manifest(const struct package_entry *e,
			  struct spm_endpoint_config *cfg)
{
	static uint64_t buf[FW_MANIFEST_MAX / sizeof(uint64_t)];
	const char *why = "";
	int ret;

	if (e->manifest_size > sizeof(buf))
		return refuse(e->name, "manifest larger than 8 KiB");
	memcpy(buf, e->manifest, e->manifest_size);
	ret = spm_manifest_parse(buf, e->manifest_size, cfg, &why);
	return ret ? refuse(e->name, why) : 0;
}

static int add(struct spm *spm, struct fw_sp *sp,
	       const struct spm_endpoint_config *cfg)
{
	int ret = s2_init(&sp->s2, FW_SP_VMID_FIRST + nr_sps);

	if (!ret)
		ret = fw_platform_add_s2(cfg->id, &sp->s2);
	if (!ret)
		ret = spm_add_endpoint(spm, cfg);
	if (ret)
		fw_printf("fw: partition \"%s\" refused by the manager: "
			  "its ID, name or UUID is taken, or a region "
			  "overlaps another endpoint's\n", cfg->name);
	return ret;
}

static int load_one(struct spm *spm, const struct package_entry *e)
{
	struct fw_sp *sp = &sps[nr_sps];
	struct spm_endpoint_config cfg;
	int ret;

	if (nr_sps == FW_MAX_PARTITIONS)
		return refuse(e->name, "too many partitions");
	ret = parse_manifest(e, &cfg);
	if (!ret)
		ret = check_layout(&cfg, e->image_size);
	if (!ret)
		ret = add(spm, sp, &cfg);
	if (ret)
		return ret;
	copy_image(e, cfg.load);
	sp->id = cfg.id;
	sp->nr_vcpus = cfg.nr_vcpus;
	for (uint16_t i = 0; i < cfg.nr_vcpus; i++) {
		vcpu_init(&sp->vcpus[i], cfg.id, i, &sp->s2, false,
			  cfg.entry, 0);
		sp->vcpus[i].fault_aborts = cfg.abort_on_fault;
	}
	sp_index_add(sp);
	nr_sps++;
	fw_printf("fw: partition 0x%x \"%s\": 0x%lx-0x%lx, entry 0x%lx, "
		  "image %u bytes%s\n", cfg.id, cfg.name, cfg.regions[0].base,
		  cfg.regions[0].base +
		  (uint64_t)cfg.regions[0].pages * FFA_PAGE_SIZE - 1,
		  cfg.entry, e->image_size,
		  cfg.abort_on_fault ? ", abort-on-fault" : "");
	return 0;
}

static int load_package(struct spm *spm, const void *pkg, uint64_t max,
			const char *what)
{
	struct package_entry e;
	const char *why = "";
	int node = -1, ret;

	if (package_check(pkg, max, &why)) {
		fw_printf("fw: %s partition package: %s\n", what, why);
		return FFA_RET_INVALID_PARAMETERS;
	}
	fw_printf("fw: %s partition package: %u bytes\n", what,
		  fdt_totalsize(pkg));
	while ((node = package_next(pkg, node, &e, &why)) >= 0) {
		ret = load_one(spm, &e);
		if (ret)
			return ret;
	}
	if (node != -FDT_ERR_NOTFOUND) {
		fw_printf("fw: %s partition package: %s\n", what, why);
		return FFA_RET_INVALID_PARAMETERS;
	}
	return 0;
}

/* QEMU's RAM starts zeroed: a DTB header at PKG_BASE was put there. */
static const void *loaded_package(void)
{
	const void *pkg = (const void *)PKG_BASE;

	return fdt_magic(pkg) == FDT_MAGIC ? pkg : NULL;
}

int partitions_load(struct spm *spm)
{
	const void *loaded = loaded_package();
	int ret = 0;

	if (!loaded || !package_drops_builtin(loaded))
		ret = load_package(spm, fw_builtin_package,
				   fw_builtin_package_size, "built-in");
	if (!ret && loaded)
		ret = load_package(spm, loaded, PKG_SIZE, "loaded");
	return ret;
}
