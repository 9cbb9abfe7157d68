// SPDX-License-Identifier: BSD-3-Clause
/*
 * Partition discovery through spm_call: FFA_PARTITION_INFO_GET into the
 * caller's RX buffer and FFA_PARTITION_INFO_GET_REGS (ffa-abi.md 2.2, 7;
 * bad input 31), checked byte by byte and parsed back with lib's client.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/client.h>
#include <libffa/partinfo.h>
#include "fake_platform.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001
#define SP2	0x8002
#define SP3	0x8003

#define RX	0x40001000ULL

#define INVALID		(-2)
#define BUSY		(-4)
#define RETRY		(-7)

/* 486178e0-e7f8-11e3-bc5e-0002a5d5c51b, and 11111111-2222-...-5555 */
static const struct ffa_uuid uuid_a = { {
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
} };
static const struct ffa_uuid uuid_b = { {
	0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x33, 0x33,
	0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
} };

static struct spm_endpoint *ep_of(struct spm_harness *h, uint16_t id)
{
	return spm_endpoint_by_id(h->spm, id);
}

static void give_uuid(struct spm_harness *h, uint16_t id,
		      const struct ffa_uuid *u)
{
	struct spm_endpoint *ep = ep_of(h, id);

	ep->cfg.uuids[ep->cfg.nr_uuids++] = *u;
}

/*
 * SP1: direct messages both ways, 2 vCPUs, UUIDs A and B. SP2: indirect
 * messages and notifications, 1 vCPU, UUID B. SP3: nothing, no UUID.
 * The host maps TX 0x40000000 / RX 0x40001000.
 */
static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);
	struct ffa_regs map = REGS(0xc4000066, 0x40000000, RX, 1);
	struct ffa_regs ok = REGS(0x84000061);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, 0x40000000, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0x3, 2, false, 0x40010000, 8), 0);
	assert_int_equal(harness_add(h, SP2, 0xc, 1, false, 0x40018000, 8), 0);
	assert_int_equal(harness_add(h, SP3, 0, 2, false, 0x40020000, 8), 0);
	give_uuid(h, SP1, &uuid_a);
	give_uuid(h, SP1, &uuid_b);
	give_uuid(h, SP2, &uuid_b);
	*state = h;
	harness_expect(h, HOST, &map, &ok);
	return 0;
}

static uint8_t *rx_bytes(struct spm_harness *h)
{
	return fake_ptr(&h->fp, RX);
}

/* As if the host had asked for v before mapping its buffers. */
static void negotiate(struct spm_harness *h, uint32_t v)
{
	struct ffa_regs in = REGS(0x84000063, v), out = REGS(0x10002);

	ep_of(h, HOST)->version_frozen = false;
	harness_expect(h, HOST, &in, &out);
}

/* The three v1.1/v1.2 descriptors of a Nil query (ffa-abi.md 7.1). */
static const uint8_t nil_v1_2[72] = {
	0x01, 0x80, 0x02, 0x00, 0x03, 0x01, 0x00, 0x00,
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
	0x02, 0x80, 0x01, 0x00, 0x0c, 0x01, 0x00, 0x00,
	0x11, 0x11, 0x11, 0x11, 0x22, 0x22, 0x33, 0x33,
	0x44, 0x44, 0x55, 0x55, 0x55, 0x55, 0x55, 0x55,
	0x03, 0x80, 0x02, 0x00, 0x00, 0x01, 0x00, 0x00,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

static void assert_rx_tail_zero(struct spm_harness *h, uint32_t from)
{
	uint32_t i;

	for (i = from; i < 4096; i++)
		assert_int_equal(rx_bytes(h)[i], 0);
}

static void test_nil_v1_2(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068);
	struct ffa_regs out = REGS(0x84000061, 0, 3, 24);

	memset(rx_bytes(h), 0xee, 4096);
	harness_expect(h, HOST, &in, &out);
	assert_memory_equal(rx_bytes(h), nil_v1_2, sizeof(nil_v1_2));
	assert_rx_tail_zero(h, sizeof(nil_v1_2));
	assert_int_equal(ep_of(h, HOST)->mbox.rx_state, SPM_RX_FULL);
}

/* A named UUID: the partitions offering it, UUID field zero. */
static void test_named_uuid(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068, 0x11111111, 0x33332222,
				  0x55554444, 0x55555555);
	struct ffa_regs out = REGS(0x84000061, 0, 2, 24);
	static const uint8_t want[48] = {
		0x01, 0x80, 0x02, 0x00, 0x03, 0x01, 0x00, 0x00,
		[24] = 0x02, 0x80, 0x01, 0x00, 0x0c, 0x01, 0x00, 0x00,
	};

	harness_expect(h, HOST, &in, &out);
	assert_memory_equal(rx_bytes(h), want, sizeof(want));
	assert_rx_tail_zero(h, sizeof(want));
}

/* Count only: no RX needed, none touched. */
static void test_count_only(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068, 0xe0786148, 0xe311f8e7,
				  0x02005ebc, 0x1bc5d5a5, 1);
	struct ffa_regs one = REGS(0x84000061, 0, 1, 0);
	struct ffa_regs three = REGS(0x84000061, 0, 3, 0);

	memset(rx_bytes(h), 0xee, 4096);
	harness_expect(h, HOST, &in, &one);
	ep_of(h, HOST)->mbox.rx_state = SPM_RX_FULL;
	in = (struct ffa_regs)REGS(0x84000068, 0, 0, 0, 0, 1);
	harness_expect(h, HOST, &in, &three);
	/* a partition asking counts itself, never the host */
	harness_expect(h, SP2, &in, &three);
	assert_int_equal(rx_bytes(h)[0], 0xee);
	assert_int_equal(rx_bytes(h)[4095], 0xee);
}

/* v1.0: 8-byte descriptors, properties bits[2:0], no size in w3. */
static void test_v1_0_caller(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068, 0, 0, 0, 0, 1);
	struct ffa_regs out = REGS(0x84000061, 0, 3, 0);
	static const uint8_t want[24] = {
		0x01, 0x80, 0x02, 0x00, 0x03, 0x00, 0x00, 0x00,
		0x02, 0x80, 0x01, 0x00, 0x04, 0x00, 0x00, 0x00,
		0x03, 0x80, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
	};

	negotiate(h, 0x10000);
	/* v1.0 has no flags: count-only is MBZ */
	harness_expect_error(h, HOST, &in, INVALID);
	assert_int_equal(ep_of(h, HOST)->mbox.rx_state, SPM_RX_EMPTY);
	in.x[5] = 0;
	harness_expect(h, HOST, &in, &out);
	assert_memory_equal(rx_bytes(h), want, sizeof(want));
	assert_rx_tail_zero(h, sizeof(want));
}

/*
 * Properties as the caller's version knows them: REQ2 bits are v1.2,
 * and every descriptor says PE endpoint, AArch64.
 */
static void test_properties_by_version(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068, 0x11111111, 0x33332222,
				  0x55554444, 0x55555555);
	struct ffa_regs out = REGS(0x84000061, 0, 2, 24);
	struct ffa_regs rel = REGS(0x84000065);
	struct ffa_regs ok = REGS(0x84000061);

	ep_of(h, SP1)->cfg.properties = 0x633;	/* REQ2 both, ID type 3 */
	harness_expect(h, HOST, &in, &out);
	assert_int_equal(rx_bytes(h)[4], 0x03);
	assert_int_equal(rx_bytes(h)[5], 0x07);
	harness_expect(h, HOST, &rel, &ok);
	negotiate(h, 0x10001);
	harness_expect(h, HOST, &in, &out);
	assert_int_equal(rx_bytes(h)[4], 0x03);
	assert_int_equal(rx_bytes(h)[5], 0x01);
}

static void test_errors(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000068, 0, 0, 0, 0, 2);
	struct ffa_regs unmap = REGS(0x84000067);
	struct ffa_regs ok = REGS(0x84000061);

	memset(rx_bytes(h), 0xee, 4096);
	harness_expect_error(h, HOST, &in, INVALID);	/* flags MBZ */
	in.x[5] = 0x80000000;
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[5] = 0;
	in.x[1] = 0xe0786149;	/* nobody offers it */
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[1] = 0;
	ep_of(h, HOST)->mbox.rx_state = SPM_RX_FULL;
	harness_expect_error(h, HOST, &in, BUSY);
	assert_int_equal(rx_bytes(h)[0], 0xee);
	ep_of(h, HOST)->mbox.rx_state = SPM_RX_EMPTY;
	harness_expect(h, HOST, &unmap, &ok);
	harness_expect_error(h, HOST, &in, BUSY);
	harness_expect_error(h, SP1, &in, BUSY);
	assert_int_equal(rx_bytes(h)[0], 0xee);
}

static void test_client_iterate(void **state)
{
	static const uint16_t ids[] = { SP1, SP2, SP3 };
	struct spm_harness *h = *state;
	struct harness_conduit hc;
	const struct ffa_conduit *c = harness_conduit(&hc, h, HOST, 0);
	struct ffa_partinfo_count n;
	struct ffa_partinfo_iter it;
	struct ffa_partition p;
	unsigned int i = 0;

	assert_int_equal(ffa_partition_info_get(c, NULL, 1, &n), 0);
	assert_int_equal(n.count, 3);
	assert_int_equal(ffa_partition_info_get(c, NULL, 0, &n), 0);
	assert_int_equal(ffa_partinfo_iter_init(&it, rx_bytes(h), 4096,
						n.count, n.desc_size,
						FFA_VERSION_1_2), 0);
	while (ffa_partinfo_next(&it, &p)) {
		assert_int_equal(p.id, ids[i]);
		assert_true(p.properties & FFA_PART_PROP_AARCH64);
		i++;
	}
	assert_int_equal(i, 3);
	assert_int_equal(ffa_partition_info_get(c, &uuid_b, 0, &n),
			 FFA_RET_BUSY);
	assert_int_equal(ffa_rx_release(c, 0), 0);
	assert_int_equal(ffa_partition_info_get(c, &uuid_b, 0, &n), 0);
	assert_int_equal(n.count, 2);
}

/* ---- FFA_PARTITION_INFO_GET_REGS ---- */

static void test_regs_nil(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0xc400008b);
	struct ffa_regs out = REGS(0xc4000061, 0,
		2 | (2ULL << 16) | (24ULL << 48),
		0x8001 | (2ULL << 16) | (0x103ULL << 32),
		0xe311f8e7e0786148ULL, 0x1bc5d5a502005ebcULL,
		0x8002 | (1ULL << 16) | (0x10cULL << 32),
		0x3333222211111111ULL, 0x5555555555554444ULL,
		0x8003 | (2ULL << 16) | (0x100ULL << 32), 0, 0);
	struct ffa_regs from2 = REGS(0xc4000061, 0,
		2 | (2ULL << 16) | (24ULL << 48),
		0x8003 | (2ULL << 16) | (0x100ULL << 32), 0, 0);

	harness_expect(h, SP1, &in, &out);
	in.x[3] = 2;
	harness_expect(h, SP1, &in, &from2);
	/* a named UUID: its partitions, UUID registers zero */
	in = (struct ffa_regs)REGS(0xc400008b, 0x3333222211111111ULL,
				   0x5555555555554444ULL, 1);
	from2 = (struct ffa_regs)REGS(0xc4000061, 0,
		1 | (1ULL << 16) | (24ULL << 48),
		0x8002 | (1ULL << 16) | (0x10cULL << 32), 0, 0);
	harness_expect(h, HOST, &in, &from2);
}

static void test_regs_errors(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0xc400008b, 0, 0, 0x00010000);

	harness_expect_error(h, SP1, &in, RETRY);	/* tag */
	in.x[3] = 0x00050000 | 1;
	harness_expect_error(h, SP1, &in, RETRY);
	in.x[3] = 1ULL << 32;
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[3] = 3;	/* start past the last */
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[3] = 0xffff;
	harness_expect_error(h, SP1, &in, INVALID);
	in = (struct ffa_regs)REGS(0xc400008b, 0xe311f8e7e0786148ULL, 0, 0);
	harness_expect_error(h, SP1, &in, INVALID);
	in.x[2] = 0x1bc5d5a502005ebcULL;
	in.x[3] = 1;
	harness_expect_error(h, SP1, &in, INVALID);
}

/* Eight partitions: five, then three, collected through the client. */
static void test_regs_client_pages(void **state)
{
	struct spm_harness *h = *state;
	struct harness_conduit hc;
	const struct ffa_conduit *c = harness_conduit(&hc, h, HOST, 0);
	struct ffa_partinfo_regs pr;
	struct ffa_partition p;
	uint16_t start = 0, id;
	uint32_t i, seen = 0;

	for (id = 0x8004; id <= 0x8008; id++)
		assert_int_equal(harness_add(h, id, 0, 1, false, 0, 0), 0);
	do {
		assert_int_equal(ffa_partition_info_get_regs(c, NULL, start,
							     0, &pr), 0);
		assert_int_equal(pr.last_index, 7);
		assert_int_equal(pr.current_index, seen ? 7 : 4);
		for (i = 0; i < ffa_partinfo_regs_count(&pr, start); i++) {
			ffa_partinfo_regs_entry(&pr, i, &p);
			assert_int_equal(p.id, 0x8001 + seen++);
		}
		start = pr.current_index + 1;
	} while (pr.current_index != pr.last_index);
	assert_int_equal(seen, 8);
	assert_int_equal(ffa_partition_info_get_regs(c, &uuid_a, 0, 0, &pr),
			 0);
	ffa_partinfo_regs_entry(&pr, 0, &p);
	assert_int_equal(p.id, SP1);
	assert_true(ffa_uuid_is_nil(&p.uuid));
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, \
						 harness_teardown)

/* A system with no partitions: "all of them" is an empty answer. */
static void test_nil_no_partitions(void **state)
{
	struct spm_harness *h = harness_new(64, 16);
	struct ffa_regs map = REGS(0xc4000066, 0x40000000, RX, 1);
	struct ffa_regs nil = REGS(0x84000068);
	struct ffa_regs named = REGS(0x84000068, 0xe0786148, 0xe311f8e7,
				     0x02005ebc, 0x1bc5d5a5);
	struct ffa_regs ok = REGS(0x84000061);

	(void)state;
	assert_int_equal(harness_add(h, HOST, 0, 1, true, 0x40000000, 16), 0);
	harness_expect(h, HOST, &map, &ok);
	harness_expect(h, HOST, &nil, &ok);
	/* Nothing was produced: the RX buffer is still the manager's. */
	assert_int_equal(ep_of(h, HOST)->mbox.rx_state, SPM_RX_EMPTY);
	/* A named UUID that nobody offers is still refused. */
	harness_expect_error(h, HOST, &named, INVALID);
	harness_teardown((void **)&h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nil_no_partitions),
		T(test_nil_v1_2),
		T(test_named_uuid),
		T(test_count_only),
		T(test_v1_0_caller),
		T(test_properties_by_version),
		T(test_errors),
		T(test_client_iterate),
		T(test_regs_nil),
		T(test_regs_errors),
		T(test_regs_client_pages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
