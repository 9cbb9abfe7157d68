// SPDX-License-Identifier: BSD-3-Clause
/*
 * A manager configured for an older FF-A version (spm_set_version): what
 * FFA_VERSION answers and agrees on, what FFA_FEATURES advertises, and
 * that ABIs introduced later are NOT_SUPPORTED (ffa-abi.md 2.1 "since",
 * 4, 5). Registers are literals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_platform.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001

#define INVALID		(-2)
#define DENIED		(-6)

/* FFA_ERROR(NOT_SUPPORTED), exactly. */
#define NOT_SUPPORTED_REGS	REGS(0x84000060, 0, 0xffffffff)

static const uint64_t abis_1_0[] = {
	0x84000063,	/* FFA_VERSION */
	0x84000064,	/* FFA_FEATURES */
	0x84000069,	/* FFA_ID_GET */
	0xc4000066,	/* FFA_RXTX_MAP_64 */
	0x84000067,	/* FFA_RXTX_UNMAP */
	0x84000065,	/* FFA_RX_RELEASE */
	0x84000068,	/* FFA_PARTITION_INFO_GET */
	0x8400006b,	/* FFA_MSG_WAIT */
	0x8400006d,	/* FFA_RUN */
	0x8400006f,	/* FFA_MSG_SEND_DIRECT_REQ_32 */
	0xc4000070,	/* FFA_MSG_SEND_DIRECT_RESP_64 */
	0xc4000073,	/* FFA_MEM_SHARE_64 */
	0x84000077,	/* FFA_MEM_RECLAIM */
	0x8400007b,	/* FFA_MEM_FRAG_TX */
};

static const uint64_t abis_1_1[] = {
	0x84000085,	/* FFA_SPM_ID_GET */
	0x84000086,	/* FFA_MSG_SEND2 */
	0x84000082,	/* FFA_NOTIFICATION_GET */
};

/* v1.1 ABIs for the scheduler only, and for partitions only. */
static const uint64_t abis_1_1_host[] = {
	0x8400007d,	/* FFA_NOTIFICATION_BITMAP_CREATE */
	0xc4000083,	/* FFA_NOTIFICATION_INFO_GET_64 */
};

static const uint64_t abis_1_1_partition[] = {
	0x84000088,	/* FFA_MEM_PERM_GET_32 */
	0xc4000089,	/* FFA_MEM_PERM_SET_64 */
};

static const uint64_t abis_1_2[] = {
	0x8400008a,	/* FFA_CONSOLE_LOG_32 */
	0xc400008a,	/* FFA_CONSOLE_LOG_64 */
	0xc400008b,	/* FFA_PARTITION_INFO_GET_REGS */
	0xc400008d,	/* FFA_MSG_SEND_DIRECT_REQ2 */
	0xc400008e,	/* FFA_MSG_SEND_DIRECT_RESP2 */
};

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static struct spm_harness *new_configured(uint32_t version)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(spm_set_version(h->spm, version), 0);
	assert_int_equal(harness_add(h, HOST, 0, 2, true, FAKE_MEM_BASE, 16),
			 0);
	assert_int_equal(harness_add(h, SP1, 0, 2, false,
				     FAKE_MEM_BASE + 0x10000, 16), 0);
	return h;
}

static int setup_1_0(void **state)
{
	*state = new_configured(0x10000);
	return 0;
}

static int setup_1_1(void **state)
{
	*state = new_configured(0x10001);
	return 0;
}

static void expect_features(struct spm_harness *h, uint16_t ep,
			    const uint64_t *fids, size_t n, bool advertised)
{
	struct ffa_regs ok = REGS(0x84000061);
	struct ffa_regs no = NOT_SUPPORTED_REGS;
	size_t i;

	for (i = 0; i < n; i++) {
		struct ffa_regs in = REGS(0x84000064, fids[i]);

		harness_expect(h, ep, &in, advertised ? &ok : &no);
	}
}

/* ---- spm_set_version ---- */

static void test_set_version_checks(void **state)
{
	static const uint32_t bad[] = {
		0x10003, 0x20000, 0x00000, 0x80010000, 0x10000 | 0x100,
	};
	struct spm_harness *h = harness_new(64, 16);
	unsigned int i;

	(void)state;
	for (i = 0; i < COUNT(bad); i++)
		assert_int_equal(spm_set_version(h->spm, bad[i]), INVALID);
	assert_int_equal(h->spm->version, 0x10002);
	assert_int_equal(spm_set_version(h->spm, 0x10000), 0);
	assert_int_equal(spm_set_version(h->spm, 0x10002), 0);
	assert_int_equal(spm_set_version(h->spm, 0x10001), 0);
	assert_int_equal(h->spm->version, 0x10001);
	/* once an endpoint exists, its version must not move under it */
	assert_int_equal(harness_add(h, HOST, 0, 1, true, FAKE_MEM_BASE, 16),
			 0);
	assert_int_equal(spm_set_version(h->spm, 0x10000), DENIED);
	assert_int_equal(spm_set_version(h->spm, 0x10007), INVALID);
	assert_int_equal(h->spm->version, 0x10001);
	harness_fini(h);
	free(h);
}

/* ---- v1.0 ---- */

static void test_v1_0_version(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000063, 0x10002);
	struct ffa_regs out = REGS(0x10000);
	struct ffa_regs bad = REGS(0xffffffff);

	/* a v1.2 manifest starts out at what both sides speak */
	assert_int_equal(spm_endpoint_by_id(h->spm, HOST)->version, 0x10000);
	/* asking for newer gets 1.0, and 1.0 is agreed */
	harness_expect(h, HOST, &in, &out);
	assert_int_equal(spm_endpoint_by_id(h->spm, HOST)->version, 0x10000);
	in.x[1] = 0x10001;
	harness_expect(h, SP1, &in, &out);
	in.x[1] = 0x10000;
	harness_expect(h, SP1, &in, &out);
	assert_int_equal(spm_endpoint_by_id(h->spm, SP1)->version, 0x10000);
	in.x[1] = 0x20000;
	harness_expect(h, SP1, &in, &bad);
}

static void test_v1_0_features(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000064, 0xc4000066);
	struct ffa_regs rxtx = REGS(0x84000061, 0, 0);
	struct ffa_regs no = NOT_SUPPORTED_REGS;

	expect_features(h, HOST, abis_1_0, COUNT(abis_1_0), true);
	expect_features(h, HOST, abis_1_1, COUNT(abis_1_1), false);
	expect_features(h, HOST, abis_1_1_host, COUNT(abis_1_1_host), false);
	expect_features(h, HOST, abis_1_2, COUNT(abis_1_2), false);
	expect_features(h, SP1, abis_1_1, COUNT(abis_1_1), false);
	expect_features(h, SP1, abis_1_1_partition,
			COUNT(abis_1_1_partition), false);
	/* v1.0 RXTX_MAP properties: 4 KiB, no maximum */
	harness_expect(h, HOST, &in, &rxtx);
	/* no feature IDs in v1.0: SRI and NPI are not there */
	in.x[1] = 2;
	harness_expect(h, HOST, &in, &no);
	in.x[1] = 1;
	harness_expect(h, SP1, &in, &no);
}

static void test_v1_0_refuses_newer_calls(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs no = NOT_SUPPORTED_REGS;
	/* PARTITION_INFO_GET_REGS for every partition, start index 0 */
	struct ffa_regs in = REGS(0xc400008b);
	struct ffa_regs id = REGS(0x84000069);
	struct ffa_regs id_out = REGS(0x84000061, 0, HOST);

	harness_expect(h, HOST, &in, &no);
	/* DIRECT_REQ2 to SP1: refused before it gets anywhere */
	in = (struct ffa_regs)REGS(0xc400008d, (HOST << 16) | SP1);
	harness_expect(h, HOST, &in, &no);
	assert_int_equal(spm_endpoint_by_id(h->spm, SP1)->vcpus[0].state,
			 SPM_VCPU_OFF);
	/* v1.1: SPM_ID_GET, NOTIFICATION_BITMAP_CREATE */
	in = (struct ffa_regs)REGS(0x84000085);
	harness_expect(h, SP1, &in, &no);
	in = (struct ffa_regs)REGS(0x8400007d, HOST, 2);
	harness_expect(h, HOST, &in, &no);
	/* and v1.0 ABIs still work */
	harness_expect(h, HOST, &id, &id_out);
}

/* ---- v1.1 ---- */

static void test_v1_1_version(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000063, 0x10002);
	struct ffa_regs out = REGS(0x10001);

	harness_expect(h, HOST, &in, &out);
	assert_int_equal(spm_endpoint_by_id(h->spm, HOST)->version, 0x10001);
	in.x[1] = 0x10000;
	harness_expect(h, SP1, &in, &out);
	assert_int_equal(spm_endpoint_by_id(h->spm, SP1)->version, 0x10000);
}

static void test_v1_1_features(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000064, 2);
	struct ffa_regs sri = REGS(0x84000061, 0, 8);

	expect_features(h, HOST, abis_1_0, COUNT(abis_1_0), true);
	expect_features(h, HOST, abis_1_1, COUNT(abis_1_1), true);
	expect_features(h, HOST, abis_1_1_host, COUNT(abis_1_1_host), true);
	expect_features(h, SP1, abis_1_1_partition,
			COUNT(abis_1_1_partition), true);
	expect_features(h, HOST, abis_1_2, COUNT(abis_1_2), false);
	harness_expect(h, HOST, &in, &sri);
}

static void test_v1_1_refuses_newer_calls(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs no = NOT_SUPPORTED_REGS;
	/* CONSOLE_LOG_32 of "ok" */
	struct ffa_regs in = REGS(0x8400008a, 2, 'o' | ('k' << 8));
	struct ffa_regs spm_id = REGS(0x84000061, 0, 0x8000);

	harness_expect(h, SP1, &in, &no);
	assert_int_equal(h->fp.console_len, 0);
	in = (struct ffa_regs)REGS(0xc400008b);
	harness_expect(h, HOST, &in, &no);
	in = (struct ffa_regs)REGS(0xc400008d, (HOST << 16) | SP1);
	harness_expect(h, HOST, &in, &no);
	/* a v1.1 ABI is answered */
	in = (struct ffa_regs)REGS(0x84000085);
	harness_expect(h, SP1, &in, &spm_id);
}

/* ---- a v1.2 manager and callers that negotiated less ---- */

#define SP2	0x8002

/* An endpoint whose manifest says `version`, messaging props `props`. */
static void add_speaking(struct spm_harness *h, uint16_t id, bool host,
			 uint32_t props, uint32_t version, uint64_t base)
{
	struct spm_endpoint_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.name, sizeof(cfg.name), "ep-%04x", id);
	cfg.id = id;
	cfg.nr_vcpus = 1;
	cfg.ffa_version = version;
	cfg.properties = props;
	cfg.is_host = host;
	cfg.nr_regions = 1;
	cfg.regions[0].base = base;
	cfg.regions[0].pages = 16;
	cfg.regions[0].access = SPM_ACCESS_RW;
	assert_int_equal(spm_add_endpoint(h->spm, &cfg), 0);
}

/* Host and SP1 take every message kind; SP1 has notifications. */
static struct spm_harness *new_v1_2_world(uint32_t sp1_manifest)
{
	struct spm_harness *h = harness_new(64, 16);

	add_speaking(h, HOST, true, 0x406, 0x10002, FAKE_MEM_BASE);
	add_speaking(h, SP1, false, 0x60f, sp1_manifest,
		     FAKE_MEM_BASE + 0x10000);
	return h;
}

static void negotiate(struct spm_harness *h, uint16_t id, uint32_t v)
{
	struct ffa_regs in = REGS(0x84000063, v), out = REGS(0x10002);

	harness_expect(h, id, &in, &out);
	assert_int_equal(spm_endpoint_by_id(h->spm, id)->version, v);
}

/*
 * Linux 6.12 negotiates v1.1 with our v1.2 manager: v1.2 ABIs are not
 * there for it, not even in FEATURES, and FEATURES answers in the v1.1
 * format (ffa-abi.md 4, "the callee must behave as the negotiated
 * version").
 */
static void test_v1_1_caller_of_v1_2_manager(void **state)
{
	struct spm_harness *h = new_v1_2_world(0x10002);
	struct ffa_regs in = REGS(0x84000064, 0xc4000066);
	struct ffa_regs rxtx = REGS(0x84000061, 0, 0);
	struct ffa_regs retrieve = REGS(0x84000061, 0, 2, 1);
	struct ffa_regs sri = REGS(0x84000061, 0, 8);
	struct ffa_regs no = NOT_SUPPORTED_REGS;

	(void)state;
	negotiate(h, HOST, 0x10001);
	expect_features(h, HOST, abis_1_2, COUNT(abis_1_2), false);
	expect_features(h, HOST, abis_1_1, COUNT(abis_1_1), true);
	expect_features(h, HOST, abis_1_1_host, COUNT(abis_1_1_host), true);
	/* RXTX_MAP: bits[31:2] MBZ before v1.2 (no maximum size field) */
	harness_expect(h, HOST, &in, &rxtx);
	in.x[1] = 0xc4000074;
	in.x[2] = 2;
	harness_expect(h, HOST, &in, &retrieve);
	in = (struct ffa_regs)REGS(0x84000064, 2);
	harness_expect(h, HOST, &in, &sri);
	/* the calls: nothing reaches SP1, nothing is printed */
	in = (struct ffa_regs)REGS(0xc400008d, (HOST << 16) | SP1, 0, 0, 4);
	harness_expect(h, HOST, &in, &no);
	assert_int_equal(spm_endpoint_by_id(h->spm, SP1)->vcpus[0].state,
			 SPM_VCPU_OFF);
	in = (struct ffa_regs)REGS(0xc400008b);
	harness_expect(h, HOST, &in, &no);
	in = (struct ffa_regs)REGS(0x8400008a, 1, 'a');
	harness_expect(h, HOST, &in, &no);
	assert_int_equal(spm_endpoint_by_id(h->spm, HOST)->console_len, 0);
	/* SP1 still speaks v1.2: REQ2 is there for it */
	in = (struct ffa_regs)REGS(0x84000064, 0xc400008d);
	harness_expect(h, SP1, &in, &(struct ffa_regs)REGS(0x84000061));
	harness_fini(h);
	free(h);
}

/* A v1.0 caller: no v1.1 ABIs, no feature IDs, no NS-bit property. */
static void test_v1_0_caller_of_v1_2_manager(void **state)
{
	struct spm_harness *h = new_v1_2_world(0x10002);
	struct ffa_regs in = REGS(0x84000064, 0xc4000074);
	struct ffa_regs retrieve = REGS(0x84000061, 0, 0, 1);
	struct ffa_regs no = NOT_SUPPORTED_REGS;

	(void)state;
	negotiate(h, SP1, 0x10000);
	expect_features(h, SP1, abis_1_0, COUNT(abis_1_0), true);
	expect_features(h, SP1, abis_1_1, COUNT(abis_1_1), false);
	expect_features(h, SP1, abis_1_1_partition,
			COUNT(abis_1_1_partition), false);
	expect_features(h, SP1, abis_1_2, COUNT(abis_1_2), false);
	harness_expect(h, SP1, &in, &retrieve);
	in.x[2] = 2;	/* no input property is defined in v1.0 */
	harness_expect(h, SP1, &in, &no);
	/* NPI: SP1 has notifications, but not in v1.0 */
	in = (struct ffa_regs)REGS(0x84000064, 1);
	harness_expect(h, SP1, &in, &no);
	in = (struct ffa_regs)REGS(0x84000085);
	harness_expect(h, SP1, &in, &no);
	in = (struct ffa_regs)REGS(0x84000082, SP1, 0xf);
	harness_expect(h, SP1, &in, &no);
	/* the host, at v1.2, keeps them */
	in = (struct ffa_regs)REGS(0x84000085);
	harness_expect(h, HOST, &in,
		       &(struct ffa_regs)REGS(0x84000061, 0, 0x8000));
	harness_fini(h);
	free(h);
}

/*
 * Before its first FFA_VERSION an endpoint speaks what its manifest
 * says (capped at ours, endpoint.c): a v1.1 manifest has no REQ2 until
 * the partition asks for v1.2.
 */
static void test_unnegotiated_caller_speaks_its_manifest(void **state)
{
	struct spm_harness *h = new_v1_2_world(0x10001);
	struct ffa_regs in = REGS(0x84000064, 0xc400008d);
	struct ffa_regs ok = REGS(0x84000061);
	struct ffa_regs no = NOT_SUPPORTED_REGS;

	(void)state;
	add_speaking(h, SP2, false, 0x60f, 0x10001, FAKE_MEM_BASE + 0x20000);
	harness_expect(h, SP1, &in, &no);
	in = (struct ffa_regs)REGS(0xc400008d, (SP1 << 16) | HOST);
	harness_expect(h, SP1, &in, &no);
	negotiate(h, SP2, 0x10002);
	in = (struct ffa_regs)REGS(0x84000064, 0xc400008d);
	harness_expect(h, SP2, &in, &ok);
	harness_fini(h);
	free(h);
}

#define T(fn, setup)	cmocka_unit_test_setup_teardown(fn, setup, \
							 harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_version_checks),
		T(test_v1_0_version, setup_1_0),
		T(test_v1_0_features, setup_1_0),
		T(test_v1_0_refuses_newer_calls, setup_1_0),
		T(test_v1_1_version, setup_1_1),
		T(test_v1_1_features, setup_1_1),
		T(test_v1_1_refuses_newer_calls, setup_1_1),
		cmocka_unit_test(test_v1_1_caller_of_v1_2_manager),
		cmocka_unit_test(test_v1_0_caller_of_v1_2_manager),
		cmocka_unit_test(test_unnegotiated_caller_speaks_its_manifest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
