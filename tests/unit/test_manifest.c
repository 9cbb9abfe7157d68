// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manifest parser against the fixtures in tests/manifests (compiled
 * by dtc at build time and embedded here), then against one change at a
 * time to the full manifest, made with libfdt: each malformed property
 * must fail with INVALID_PARAMETERS and a reason naming it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>
#include <libffa/status.h>
#include <spm/manifest.h>
#include "test_host_dtb.h"


EMBED_DTB(dtb_full, "full");
EMBED_DTB(dtb_host, "host");
EMBED_DTB(dtb_two_uuids, "two_uuids");
EMBED_DTB(dtb_missing_uuid, "bad_missing_uuid");
EMBED_DTB(dtb_version_len, "bad_version_len");
EMBED_DTB(dtb_unaligned, "bad_region_unaligned");
EMBED_DTB(dtb_many_uuids, "bad_too_many_uuids");
EMBED_DTB(dtb_bad_el, "bad_exception_level");

#define PARSE(sym, cfg, why)						\
	spm_manifest_parse(sym, DTB_SIZE(sym), cfg, why)

/* 486178e0-e7f8-11e3-bc5e-0002a5d5c51b, as full.dts writes it. */
static const uint8_t optee_uuid[16] = {
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
};
/* a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8 */
static const uint8_t symbolic_uuid[16] = {
	0xa1, 0xa2, 0xa3, 0xa4, 0xb1, 0xb2, 0xc1, 0xc2,
	0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8,
};

static void assert_region(const struct spm_mem_region *r, uint64_t base,
			  uint32_t pages, uint32_t access)
{
	assert_int_equal(r->base, base);
	assert_int_equal(r->pages, pages);
	assert_int_equal(r->access, access);
}

static void test_full_manifest(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why = NULL;

	(void)state;
	assert_int_equal(PARSE(dtb_full, &cfg, &why), 0);
	/* Cut to 31 characters and terminated. */
	assert_string_equal(cfg.name, "full-test-partition-with-a-long");
	assert_int_equal(cfg.id, 0x8001);
	assert_int_equal(cfg.nr_vcpus, 2);
	assert_int_equal(cfg.ffa_version, 0x00010002);
	assert_int_equal(cfg.properties,
			 FFA_PART_PROP_DIRECT_REQ_RECV |
			 FFA_PART_PROP_DIRECT_REQ_SEND |
			 FFA_PART_PROP_INDIRECT_MSG |
			 FFA_PART_PROP_NOTIFICATIONS |
			 FFA_PART_PROP_DIRECT_REQ2_RECV |
			 FFA_PART_PROP_DIRECT_REQ2_SEND);
	assert_false(cfg.is_host);
	assert_int_equal(cfg.boot_order, 3);
	assert_int_equal(cfg.load, 0x40100000);
	assert_int_equal(cfg.entry, 0x40101000);
	assert_int_equal(cfg.nr_uuids, 1);
	assert_memory_equal(cfg.uuids[0].b, optee_uuid, 16);
	assert_int_equal(cfg.nr_regions, 2);
	assert_region(&cfg.regions[0], 0x40100000, 16, SPM_ACCESS_RW);
	assert_region(&cfg.regions[1], 0x40200000, 1,
		      SPM_ACCESS_R | SPM_ACCESS_X);
}

static void test_host_manifest(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why = NULL;

	(void)state;
	assert_int_equal(PARSE(dtb_host, &cfg, &why), 0);
	assert_true(cfg.is_host);
	assert_string_equal(cfg.name, "host");
	assert_int_equal(cfg.id, 1);
	assert_int_equal(cfg.nr_vcpus, 1);
	assert_int_equal(cfg.properties, FFA_PART_PROP_DIRECT_REQ_SEND |
					 FFA_PART_PROP_DIRECT_REQ2_SEND);
	assert_int_equal(cfg.nr_uuids, 1);
	assert_true(ffa_uuid_is_nil(&cfg.uuids[0]));
	assert_int_equal(cfg.nr_regions, 2);
	assert_region(&cfg.regions[0], 0x40000000, 64, SPM_ACCESS_RWX);
	assert_region(&cfg.regions[1], 0x40040000, 1, SPM_ACCESS_R);
	/* What an absent property reads as. */
	assert_int_equal(cfg.boot_order, SPM_MANIFEST_BOOT_LAST);
	assert_int_equal(cfg.entry, 0);
}

static void test_two_uuids(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why = NULL;

	(void)state;
	assert_int_equal(PARSE(dtb_two_uuids, &cfg, &why), 0);
	assert_int_equal(cfg.nr_uuids, 2);
	assert_memory_equal(cfg.uuids[0].b, optee_uuid, 16);
	assert_memory_equal(cfg.uuids[1].b, symbolic_uuid, 16);
	assert_int_equal(cfg.properties, FFA_PART_PROP_DIRECT_REQ_RECV);
	assert_int_equal(cfg.nr_regions, 0);
	assert_string_equal(cfg.name, "");
}

/* why is read through a pointer: after the call that sets it. */
static void expect_invalid(int ret, const char *const *why,
			   const char *names)
{
	assert_int_equal(ret, FFA_RET_INVALID_PARAMETERS);
	assert_non_null(*why);
	if (!strstr(*why, names))
		fail_msg("reason \"%s\" does not name \"%s\"", *why, names);
}

static void test_bad_fixtures(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why;

	(void)state;
	why = NULL;
	expect_invalid(PARSE(dtb_missing_uuid, &cfg, &why), &why, "uuid");
	why = NULL;
	expect_invalid(PARSE(dtb_version_len, &cfg, &why), &why,
		       "ffa-version");
	why = NULL;
	expect_invalid(PARSE(dtb_unaligned, &cfg, &why), &why, "base-address");
	why = NULL;
	expect_invalid(PARSE(dtb_many_uuids, &cfg, &why), &why, "uuid");
	why = NULL;
	expect_invalid(PARSE(dtb_bad_el, &cfg, &why), &why, "exception-level");
}

/* ---- one change at a time to the full manifest ---- */

enum edit_kind { DEL, U32, U64, RAW };

struct edit {
	const char *node;
	const char *prop;
	enum edit_kind kind;
	uint64_t value;
	const char *raw;	/* RAW: bytes, length in value */
	const char *names;	/* what the reason must name; NULL: valid */
};

static uint64_t edit_buf[1024];

/* full.dts with e applied, in edit_buf. */
static const void *edited(const struct edit *e)
{
	void *fdt = edit_buf;
	int node, ret = 0;

	assert_int_equal(fdt_open_into(dtb_full, fdt, sizeof(edit_buf)), 0);
	node = fdt_path_offset(fdt, e->node);
	if (node < 0)
		node = fdt_add_subnode(fdt, 0, e->node + 1);
	assert_true(node >= 0);
	if (e->kind == DEL)
		ret = fdt_delprop(fdt, node, e->prop);
	else if (e->kind == U32)
		ret = fdt_setprop_u32(fdt, node, e->prop, (uint32_t)e->value);
	else if (e->kind == U64)
		ret = fdt_setprop_u64(fdt, node, e->prop, e->value);
	else
		ret = fdt_setprop(fdt, node, e->prop, e->raw, (int)e->value);
	assert_int_equal(ret, 0);
	assert_int_equal(fdt_pack(fdt), 0);
	return fdt;
}

#define ROOT	"/"
#define REGS	"/memory-regions"
#define DATA	"/memory-regions/data"

static const struct edit edits[] = {
	{ ROOT, "compatible", DEL, 0, NULL, "compatible" },
	{ ROOT, "compatible", RAW, 21, "arm,ffa-manifest-2.0", "compatible" },
	{ ROOT, "ffa-version", DEL, 0, NULL, "ffa-version" },
	{ ROOT, "ffa-version", U32, 0x00020000, NULL, "ffa-version" },
	{ ROOT, "ffa-version", RAW, 2, "\1\2", "ffa-version" },
	{ ROOT, "uuid", RAW, 12, "0123456789ab", "uuid" },
	{ ROOT, "uuid", RAW, 16, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", "uuid" },
	{ ROOT, "execution-ctx-count", DEL, 0, NULL, "execution-ctx-count" },
	{ ROOT, "execution-ctx-count", U32, 0, NULL, "execution-ctx-count" },
	{ ROOT, "execution-ctx-count", U32, 9, NULL, "execution-ctx-count" },
	{ ROOT, "execution-ctx-count", U64, 1, NULL, "execution-ctx-count" },
	{ ROOT, "messaging-method", DEL, 0, NULL, "messaging-method" },
	{ ROOT, "messaging-method", U32, 0x8, NULL, "messaging-method" },
	{ ROOT, "messaging-method", U32, 0x800, NULL, "messaging-method" },
	{ ROOT, "id", U32, 0x10000, NULL, "id" },
	{ ROOT, "id", U32, 0x7fff, NULL, "id" },
	{ ROOT, "id", RAW, 2, "\x80\x01", "id" },
	{ ROOT, "description", RAW, 3, "abc", "description" },
	{ ROOT, "notification-support", U32, 1, NULL,
	  "notification-support" },
	{ ROOT, "ffa-host", U32, 1, NULL, "ffa-host" },
	{ ROOT, "abort-on-fault", U32, 1, NULL, "abort-on-fault" },
	{ ROOT, "abort-on-fault", RAW, 1, "", "abort-on-fault" },
	{ ROOT, "boot-order", U64, 1, NULL, "boot-order" },
	{ ROOT, "load-address", RAW, 12, "0123456789ab", "load-address" },
	{ ROOT, "load-address", U64, 0xfffffffffffff000ULL, NULL,
	  "load-address" },
	{ ROOT, "entrypoint-offset", RAW, 2, "\0\1", "entrypoint-offset" },
	{ ROOT, "exception-level", U32, 2, NULL, "exception-level" },
	{ ROOT, "exception-level", U64, 0, NULL, "exception-level" },
	{ ROOT, "execution-state", U32, 1, NULL, "execution-state" },
	{ ROOT, "xlat-granule", U32, 2, NULL, "xlat-granule" },
	{ REGS, "compatible", RAW, 4, "foo", "memory-regions" },
	{ DATA, "base-address", DEL, 0, NULL, "base-address" },
	{ DATA, "base-address", RAW, 12, "0123456789ab", "base-address" },
	{ DATA, "base-address", U64, 0xffffffffffffe000ULL, NULL,
	  "pages-count" },
	{ DATA, "pages-count", DEL, 0, NULL, "pages-count" },
	{ DATA, "pages-count", U32, 0, NULL, "pages-count" },
	{ DATA, "pages-count", U64, 1, NULL, "pages-count" },
	{ DATA, "attributes", DEL, 0, NULL, "attributes" },
	{ DATA, "attributes", U32, 0x8, NULL, "attributes" },
	/* Valid variations. */
	{ ROOT, "id", DEL, 0, NULL, NULL },
	{ ROOT, "description", DEL, 0, NULL, NULL },
	{ ROOT, "load-address", U32, 0x40100000, NULL, NULL },
	{ ROOT, "exception-level", DEL, 0, NULL, NULL },
	{ ROOT, "abort-on-fault", RAW, 0, "", NULL },
	{ REGS, "compatible", RAW, 32, "arm,ffa-manifest-memory-regions",
	  NULL },
};

static void test_each_edit(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why;
	const void *fdt;
	size_t i;
	int ret;

	(void)state;
	for (i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		why = NULL;
		fdt = edited(&edits[i]);
		ret = spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg, &why);
		if (!edits[i].names && ret != 0)
			fail_msg("edit %zu (%s %s) rejected: %s", i,
				 edits[i].node, edits[i].prop, why);
		if (edits[i].names && (ret != FFA_RET_INVALID_PARAMETERS ||
				       !why || !strstr(why, edits[i].names)))
			fail_msg("edit %zu (%s %s): %d \"%s\"", i,
				 edits[i].node, edits[i].prop, ret,
				 why ? why : "(none)");
	}
}

/* What the valid variations above read as. */
static void test_defaults(void **state)
{
	static const struct edit no_id = { ROOT, "id", DEL, 0, NULL, NULL };
	static const struct edit one_cell = {
		ROOT, "load-address", U32, 0x40100000, NULL, NULL,
	};
	struct spm_endpoint_config cfg;
	const char *why = NULL;
	const void *fdt;

	(void)state;
	fdt = edited(&no_id);
	assert_int_equal(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					    &why), 0);
	assert_int_equal(cfg.id, FFA_ID_INVALID);
	fdt = edited(&one_cell);
	assert_int_equal(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					    &why), 0);
	assert_int_equal(cfg.entry, 0x40101000);
}

static void test_host_may_omit_uuid(void **state)
{
	static const struct edit host_only = {
		ROOT, "ffa-host", RAW, 0, "", NULL,
	};
	static const struct edit no_uuid = { ROOT, "uuid", DEL, 0, NULL, NULL };
	struct spm_endpoint_config cfg;
	const char *why = NULL;
	void *fdt;

	(void)state;
	fdt = (void *)edited(&host_only);
	assert_int_equal(fdt_delprop(fdt, 0, "uuid"), 0);
	assert_int_equal(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					    &why), 0);
	assert_true(cfg.is_host);
	assert_int_equal(cfg.nr_uuids, 0);
	/* A partition may not. */
	fdt = (void *)edited(&no_uuid);
	expect_invalid(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					  &why), &why, "uuid");
}

/*
 * abort-on-fault: absent, a partition's fault goes to its own vector;
 * present (empty), it is aborted; the host may not ask for it.
 */
static void test_abort_on_fault(void **state)
{
	static const struct edit flag = {
		ROOT, "abort-on-fault", RAW, 0, "", NULL,
	};
	struct spm_endpoint_config cfg;
	const char *why = NULL;
	void *fdt;

	(void)state;
	assert_int_equal(PARSE(dtb_full, &cfg, &why), 0);
	assert_false(cfg.abort_on_fault);
	assert_int_equal(PARSE(dtb_host, &cfg, &why), 0);
	assert_false(cfg.abort_on_fault);
	fdt = (void *)edited(&flag);
	assert_int_equal(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					    &why), 0);
	assert_true(cfg.abort_on_fault);
	assert_false(cfg.is_host);
	assert_int_equal(cfg.id, 0x8001);
	/* The same manifest as the host's. */
	assert_int_equal(fdt_open_into(fdt, fdt, sizeof(edit_buf)), 0);
	assert_int_equal(fdt_setprop(fdt, 0, "ffa-host", "", 0), 0);
	why = NULL;
	expect_invalid(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					  &why), &why, "abort-on-fault");
}

static void test_too_many_regions(void **state)
{
	static const struct edit base = { ROOT, "id", U32, 0x8001, NULL, NULL };
	struct spm_endpoint_config cfg;
	const char *why = NULL;
	char name[16];
	void *fdt;
	int i, regs, node;

	(void)state;
	fdt = (void *)edited(&base);
	assert_int_equal(fdt_open_into(fdt, fdt, sizeof(edit_buf)), 0);
	regs = fdt_path_offset(fdt, REGS);
	/* full.dts has 2: up to SPM_MAX_MEM_REGIONS is fine, one more not. */
	for (i = 2; i <= (int)SPM_MAX_MEM_REGIONS; i++) {
		snprintf(name, sizeof(name), "r%d", i);
		node = fdt_add_subnode(fdt, regs, name);
		assert_true(node >= 0);
		assert_int_equal(fdt_setprop_u64(fdt, node, "base-address",
						 0x40300000ULL + i * 0x1000),
				 0);
		assert_int_equal(fdt_setprop_u32(fdt, node, "pages-count", 1),
				 0);
		assert_int_equal(fdt_setprop_u32(fdt, node, "attributes", 1),
				 0);
		why = NULL;
		if (i < (int)SPM_MAX_MEM_REGIONS) {
			assert_int_equal(spm_manifest_parse(fdt,
				fdt_totalsize(fdt), &cfg, &why), 0);
			assert_int_equal(cfg.nr_regions, i + 1);
		}
	}
	expect_invalid(spm_manifest_parse(fdt, fdt_totalsize(fdt), &cfg,
					  &why), &why, "memory-regions");
}

static void test_bad_blobs(void **state)
{
	struct spm_endpoint_config cfg;
	const char *why = NULL;
	uint8_t *fdt = (uint8_t *)edit_buf;
	uint32_t size = DTB_SIZE(dtb_full);

	(void)state;
	expect_invalid(spm_manifest_parse(NULL, 64, &cfg, &why), &why, "DTB");
	expect_invalid(spm_manifest_parse(dtb_full, 39, &cfg, &why), &why,
		       "DTB");
	/* Truncated: the header says more than the buffer holds. */
	expect_invalid(spm_manifest_parse(dtb_full, size - 1, &cfg, &why),
		       &why, "DTB");
	memcpy(fdt, dtb_full, size);
	fdt[0] ^= 0xff;		/* magic */
	expect_invalid(spm_manifest_parse(fdt, size, &cfg, &why), &why, "DTB");
	/* Misaligned: libfdt needs 8 bytes. */
	memcpy(fdt + 4, dtb_full, size);
	expect_invalid(spm_manifest_parse(fdt + 4, size, &cfg, &why), &why,
		       "aligned");
	/* A structure block whose first tag is not FDT_BEGIN_NODE. */
	memcpy(fdt, dtb_full, size);
	memset(fdt + fdt_off_dt_struct(fdt), 0xee, 4);
	expect_invalid(spm_manifest_parse(fdt, size, &cfg, &why), &why, "DTB");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_manifest),
		cmocka_unit_test(test_host_manifest),
		cmocka_unit_test(test_two_uuids),
		cmocka_unit_test(test_bad_fixtures),
		cmocka_unit_test(test_each_edit),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_host_may_omit_uuid),
		cmocka_unit_test(test_abort_on_fault),
		cmocka_unit_test(test_too_many_regions),
		cmocka_unit_test(test_bad_blobs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
