// SPDX-License-Identifier: BSD-3-Clause
/*
 * FF-A manifests to endpoint configurations (the binding is described in
 * spm/include/spm/manifest.h). libfdt checks the whole blob first, so no
 * walk below can leave it; then every property is checked for presence
 * and exact length before a byte of it is read.
 */
#include <libfdt.h>
#include <libffa/bytes.h>
#include <libffa/uuid.h>
#include <spm/manifest.h>

/* One property: its name and what to say when it is wrong. */
struct mf_prop {
	const char *name;
	const char *missing;	/* NULL: the property is optional */
	const char *bad_len;
	const char *bad_value;	/* when its value is checked */
};

#define MF_MSG(n, what)		"manifest: " n " " what
#define MF_MISSING(n, req)	((req) ? MF_MSG(n, "is missing") : NULL)
/* A property of one <u32>; `what` says what is wrong with a bad value. */
#define MF_U32(n, req, what)						\
	{ n, MF_MISSING(n, req), MF_MSG(n, "is not one <u32>"),		\
	  MF_MSG(n, what) }
#define MF_U64(n, req, what)						\
	{ n, MF_MISSING(n, req),					\
	  MF_MSG(n, "is not one <u64> or <u32>"), MF_MSG(n, what) }

static const struct mf_prop mf_ffa_version =
	MF_U32("ffa-version", true, "is not 1.x");
static const struct mf_prop mf_ctx_count =
	MF_U32("execution-ctx-count", true, "is not 1..SPM_MAX_VCPUS");
static const struct mf_prop mf_messaging =
	MF_U32("messaging-method", true, "has reserved bits set");
static const struct mf_prop mf_id =
	MF_U32("id", false, "is 0x7fff or does not fit 16 bits");
static const struct mf_prop mf_boot_order =
	MF_U32("boot-order", false, "");
static const struct mf_prop mf_el =
	MF_U32("exception-level", false, "is not EL1 (0), the only one run");
static const struct mf_prop mf_state =
	MF_U32("execution-state", false, "is not AArch64 (0)");
static const struct mf_prop mf_granule =
	MF_U32("xlat-granule", false, "is not 4 KiB (0)");
static const struct mf_prop mf_load =
	MF_U64("load-address", false, "+ entrypoint-offset overflows");
static const struct mf_prop mf_entry_off =
	MF_U64("entrypoint-offset", false, "");
static const struct mf_prop mf_base =
	MF_U64("base-address", true, "is not 4 KiB aligned");
static const struct mf_prop mf_pages =
	MF_U32("pages-count", true, "is 0 or the region wraps");
static const struct mf_prop mf_attrs =
	MF_U32("attributes", true, "has bits other than RWX (0x7)");

static const char mf_regions_compatible[] =
	MF_MSG("memory-regions", "compatible is not "
	       SPM_MANIFEST_REGIONS_COMPATIBLE);

/* messaging-method bits and the partition properties they become. */
#define MF_MSG_DIRECT_RECV	FFA_BIT(0)
#define MF_MSG_DIRECT_SEND	FFA_BIT(1)
#define MF_MSG_INDIRECT		FFA_BIT(2)
#define MF_MSG_REQ2_RECV	FFA_BIT(9)
#define MF_MSG_REQ2_SEND	FFA_BIT(10)
#define MF_MSG_KNOWN		(MF_MSG_DIRECT_RECV | MF_MSG_DIRECT_SEND | \
				 MF_MSG_INDIRECT | MF_MSG_REQ2_RECV | \
				 MF_MSG_REQ2_SEND)

/* Region attributes and the access they give. */
#define MF_ATTR_R		0x1U
#define MF_ATTR_W		0x2U
#define MF_ATTR_X		0x4U

#define MF_UUID_BYTES		16

static int mf_fail(const char **why, const char *msg)
{
	*why = msg;
	return FFA_RET_INVALID_PARAMETERS;
}

/* Device tree cells are big-endian. */
static uint32_t mf_be32(const uint8_t *p)
{
	return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) |
	       ((uint32_t)p[2] << 8) | p[3];
}

/* Property bytes, or NULL when absent (*len then says nothing). */
static const uint8_t *mf_raw(const void *fdt, int node, const char *name,
			     int *len)
{
	return fdt_getprop(fdt, node, name, len);
}

/*
 * 0 and *out when present, 1 when absent and optional, or an error. A
 * <u64> property (wide) may also be written as one <u32> cell.
 */
static int mf_read(const void *fdt, int node, const struct mf_prop *p,
		   bool wide, uint64_t *out, const char **why)
{
	int len;
	const uint8_t *v = mf_raw(fdt, node, p->name, &len);

	if (!v)
		return p->missing ? mf_fail(why, p->missing) : 1;
	if (len == 4)
		*out = mf_be32(v);
	else if (len == 8 && wide)
		*out = ((uint64_t)mf_be32(v) << 32) | mf_be32(v + 4);
	else
		return mf_fail(why, p->bad_len);
	return 0;
}

static int mf_u32(const void *fdt, int node, const struct mf_prop *p,
		  uint32_t *out, const char **why)
{
	uint64_t v = 0;
	int ret = mf_read(fdt, node, p, false, &v, why);

	if (ret == 0)
		*out = (uint32_t)v;
	return ret;
}

/* An optional u32 that, when present, must be `want`. */
static int mf_expect(const void *fdt, const struct mf_prop *p,
		     uint32_t want, const char **why)
{
	uint32_t v = 0;
	int ret = mf_u32(fdt, 0, p, &v, why);

	if (ret < 0)
		return ret;
	if (ret == 0 && v != want)
		return mf_fail(why, p->bad_value);
	return 0;
}

/* 1 when an empty (flag) property is there, 0 when not, or an error. */
static int mf_flag(const void *fdt, const char *name, const char *bad,
		   const char **why)
{
	int len;

	if (!mf_raw(fdt, 0, name, &len))
		return 0;
	return len == 0 ? 1 : mf_fail(why, bad);
}

static int mf_check_blob(const void *dtb, uint32_t size, const char **why)
{
	if (!dtb || size < sizeof(struct fdt_header))
		return mf_fail(why, "manifest: smaller than a DTB header");
	if ((uintptr_t)dtb % 8 != 0)
		return mf_fail(why, "manifest: DTB not 8-byte aligned");
	if (fdt_check_header(dtb) != 0)
		return mf_fail(why, "manifest: bad DTB header");
	if (fdt_totalsize(dtb) > size)
		return mf_fail(why, "manifest: DTB larger than its buffer");
	if (fdt_check_full(dtb, size) != 0)
		return mf_fail(why, "manifest: malformed DTB structure");
	if (fdt_node_check_compatible(dtb, 0, SPM_MANIFEST_COMPATIBLE) != 0)
		return mf_fail(why, MF_MSG("compatible",
					   "is not " SPM_MANIFEST_COMPATIBLE));
	return 0;
}

static int mf_parse_name(const void *fdt, struct spm_endpoint_config *cfg,
			 const char **why)
{
	int len, i;
	const char *s = (const char *)mf_raw(fdt, 0, "description", &len);

	if (!s)
		return 0;
	if (len < 1 || s[len - 1] != '\0')
		return mf_fail(why, MF_MSG("description", "is not a string"));
	/* Cut to fit: the name is for logs and the console prefix. */
	for (i = 0; i < len - 1 && i < (int)sizeof(cfg->name) - 1 && s[i]; i++)
		cfg->name[i] = s[i];
	cfg->name[i] = '\0';
	return 0;
}

static int mf_parse_uuids(const void *fdt, struct spm_endpoint_config *cfg,
			  const char **why)
{
	uint32_t w[4], i, j;
	int len;
	const uint8_t *v = mf_raw(fdt, 0, "uuid", &len);

	if (!v && cfg->is_host)
		return 0;	/* the host VM need not offer a service */
	if (!v)
		return mf_fail(why, MF_MSG("uuid", "is missing"));
	if (len <= 0 || len % MF_UUID_BYTES != 0)
		return mf_fail(why, MF_MSG("uuid", "is not <u32 x 4> entries"));
	if ((uint32_t)len / MF_UUID_BYTES > SPM_MAX_UUIDS)
		return mf_fail(why, MF_MSG("uuid",
					   "names more than SPM_MAX_UUIDS"));
	cfg->nr_uuids = (uint32_t)len / MF_UUID_BYTES;
	for (i = 0; i < cfg->nr_uuids; i++) {
		for (j = 0; j < 4; j++)
			w[j] = mf_be32(v + i * MF_UUID_BYTES + j * 4);
		ffa_uuid_from_w4(&cfg->uuids[i], w);
		/* Nil finds every partition: only the host may be unnamed. */
		if (!cfg->is_host && ffa_uuid_is_nil(&cfg->uuids[i]))
			return mf_fail(why, MF_MSG("uuid", "is nil"));
	}
	return 0;
}

static int mf_parse_identity(const void *fdt, struct spm_endpoint_config *cfg,
			     const char **why)
{
	uint32_t id = FFA_ID_INVALID;
	int ret;

	ret = mf_u32(fdt, 0, &mf_ffa_version, &cfg->ffa_version, why);
	if (ret < 0)
		return ret;
	if (FFA_VERSION_MAJOR(cfg->ffa_version) != 1)
		return mf_fail(why, mf_ffa_version.bad_value);
	ret = mf_u32(fdt, 0, &mf_id, &id, why);
	if (ret < 0)
		return ret;
	/* FFA_ID_INVALID is how an absent id reads: never a real one. */
	if (id > 0xffffU || (ret == 0 && id == FFA_ID_INVALID))
		return mf_fail(why, mf_id.bad_value);
	cfg->id = (uint16_t)id;
	ret = mf_flag(fdt, "ffa-host", MF_MSG("ffa-host", "is not empty"),
		      why);
	if (ret < 0)
		return ret;
	cfg->is_host = ret == 1;
	ret = mf_parse_name(fdt, cfg, why);
	return ret ? ret : mf_parse_uuids(fdt, cfg, why);
}

static int mf_parse_messaging(const void *fdt,
			      struct spm_endpoint_config *cfg,
			      const char **why)
{
	uint32_t m = 0;
	int ret = mf_u32(fdt, 0, &mf_messaging, &m, why);

	if (ret < 0)
		return ret;
	if (m & ~MF_MSG_KNOWN)
		return mf_fail(why, mf_messaging.bad_value);
	cfg->properties = 0;
	if (m & MF_MSG_DIRECT_RECV)
		cfg->properties |= FFA_PART_PROP_DIRECT_REQ_RECV;
	if (m & MF_MSG_DIRECT_SEND)
		cfg->properties |= FFA_PART_PROP_DIRECT_REQ_SEND;
	if (m & MF_MSG_INDIRECT)
		cfg->properties |= FFA_PART_PROP_INDIRECT_MSG;
	if (m & MF_MSG_REQ2_RECV)
		cfg->properties |= FFA_PART_PROP_DIRECT_REQ2_RECV;
	if (m & MF_MSG_REQ2_SEND)
		cfg->properties |= FFA_PART_PROP_DIRECT_REQ2_SEND;
	ret = mf_flag(fdt, "notification-support",
		      MF_MSG("notification-support", "is not empty"), why);
	if (ret < 0)
		return ret;
	if (ret == 1)
		cfg->properties |= FFA_PART_PROP_NOTIFICATIONS;
	return 0;
}

static int mf_parse_entry(const void *fdt, struct spm_endpoint_config *cfg,
			  const char **why)
{
	uint64_t offset = 0;
	int ret;

	cfg->load = 0;
	ret = mf_read(fdt, 0, &mf_load, true, &cfg->load, why);
	if (ret < 0)
		return ret;
	ret = mf_read(fdt, 0, &mf_entry_off, true, &offset, why);
	if (ret < 0)
		return ret;
	if (ffa_add_overflow(cfg->load, offset, &cfg->entry))
		return mf_fail(why, mf_load.bad_value);
	return 0;
}

/* What a fault of the endpoint's does (our extension to the binding). */
static int mf_parse_faults(const void *fdt, struct spm_endpoint_config *cfg,
			   const char **why)
{
	int ret = mf_flag(fdt, "abort-on-fault",
			  MF_MSG("abort-on-fault", "is not empty"), why);

	if (ret < 0)
		return ret;
	/* The host takes its faults itself: it is never aborted. */
	if (ret == 1 && cfg->is_host)
		return mf_fail(why, MF_MSG("abort-on-fault",
					   "is not for the host"));
	cfg->abort_on_fault = ret == 1;
	return 0;
}

static int mf_parse_exec(const void *fdt, struct spm_endpoint_config *cfg,
			 const char **why)
{
	uint32_t n = 0;
	int ret;

	ret = mf_u32(fdt, 0, &mf_ctx_count, &n, why);
	if (ret < 0)
		return ret;
	if (n == 0 || n > SPM_MAX_VCPUS)
		return mf_fail(why, mf_ctx_count.bad_value);
	cfg->nr_vcpus = (uint16_t)n;
	cfg->boot_order = SPM_MANIFEST_BOOT_LAST;
	ret = mf_u32(fdt, 0, &mf_boot_order, &cfg->boot_order, why);
	if (ret < 0)
		return ret;
	ret = mf_expect(fdt, &mf_el, SPM_MANIFEST_EL1, why);
	if (!ret)
		ret = mf_expect(fdt, &mf_state, SPM_MANIFEST_AARCH64, why);
	if (!ret)
		ret = mf_expect(fdt, &mf_granule, SPM_MANIFEST_GRANULE_4K, why);
	if (!ret)
		ret = mf_parse_faults(fdt, cfg, why);
	return ret ? ret : mf_parse_entry(fdt, cfg, why);
}

static uint32_t mf_access(uint32_t attrs)
{
	uint32_t access = SPM_ACCESS_NONE;

	if (attrs & MF_ATTR_R)
		access |= SPM_ACCESS_R;
	if (attrs & MF_ATTR_W)
		access |= SPM_ACCESS_W;
	if (attrs & MF_ATTR_X)
		access |= SPM_ACCESS_X;
	return access;
}

static int mf_parse_region(const void *fdt, int node,
			   struct spm_mem_region *r, const char **why)
{
	uint64_t size, end;
	uint32_t attrs = 0;
	int ret;

	ret = mf_read(fdt, node, &mf_base, true, &r->base, why);
	if (!ret)
		ret = mf_u32(fdt, node, &mf_pages, &r->pages, why);
	if (!ret)
		ret = mf_u32(fdt, node, &mf_attrs, &attrs, why);
	if (ret)
		return ret;
	if (r->base % FFA_PAGE_SIZE != 0)
		return mf_fail(why, mf_base.bad_value);
	size = (uint64_t)r->pages * FFA_PAGE_SIZE;
	if (r->pages == 0 || ffa_add_overflow(r->base, size, &end))
		return mf_fail(why, mf_pages.bad_value);
	if (attrs & ~(MF_ATTR_R | MF_ATTR_W | MF_ATTR_X))
		return mf_fail(why, mf_attrs.bad_value);
	r->access = mf_access(attrs);
	return 0;
}

static int mf_parse_regions(const void *fdt, struct spm_endpoint_config *cfg,
			    const char **why)
{
	int node = fdt_subnode_offset(fdt, 0, "memory-regions"), child, ret;

	if (node == -FDT_ERR_NOTFOUND)
		return 0;
	if (node < 0 ||
	    fdt_node_check_compatible(fdt, node,
				      SPM_MANIFEST_REGIONS_COMPATIBLE) != 0)
		return mf_fail(why, mf_regions_compatible);
	/* Ends with the blob (checked whole) or at the region limit. */
	fdt_for_each_subnode(child, fdt, node) {
		if (cfg->nr_regions == SPM_MAX_MEM_REGIONS)
			return mf_fail(why, MF_MSG("memory-regions", "has more "
						   "than SPM_MAX_MEM_REGIONS"));
		ret = mf_parse_region(fdt, child,
				      &cfg->regions[cfg->nr_regions], why);
		if (ret)
			return ret;
		cfg->nr_regions++;
	}
	if (child != -FDT_ERR_NOTFOUND)
		return mf_fail(why, MF_MSG("memory-regions", "is malformed"));
	return 0;
}

int spm_manifest_parse(const void *dtb, uint32_t size,
		       struct spm_endpoint_config *cfg, const char **why)
{
	int ret;

	ffa_bytes_zero(cfg, sizeof(*cfg));
	ret = mf_check_blob(dtb, size, why);
	if (!ret)
		ret = mf_parse_identity(dtb, cfg, why);
	if (!ret)
		ret = mf_parse_messaging(dtb, cfg, why);
	if (!ret)
		ret = mf_parse_exec(dtb, cfg, why);
	if (!ret)
		ret = mf_parse_regions(dtb, cfg, why);
	return ret;
}
