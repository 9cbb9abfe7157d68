// SPDX-License-Identifier: BSD-3-Clause
/*
 * RX/TX buffers through spm_call: FFA_RXTX_MAP_32/_64, FFA_RXTX_UNMAP,
 * FFA_RX_RELEASE (ffa-abi.md 2.2, 6; bad inputs 29-31), and the two
 * buffer services other handlers use, spm_rx_produce() and spm_tx_copy(),
 * which have no ABI of their own and are called directly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include <libffa/client.h>
#include "fake_platform.h"
#include "internal.h"
#include "script_conduit.h"
#include "state_snapshot.h"

#define HOST	0x0001
#define SP1	0x8001

/* The host owns 0x40000000-0x4000ffff, SP1 0x40010000-0x4001ffff. */
#define HOST_MEM	0x40000000ULL
#define SP1_MEM		0x40010000ULL

#define INVALID		(-2)
#define NO_MEMORY	(-3)
#define BUSY		(-4)
#define DENIED		(-6)
#define ABORTED		(-8)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, HOST_MEM, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0, 2, false, SP1_MEM, 16), 0);
	*state = h;
	return 0;
}

static struct spm_endpoint *ep_of(struct spm_harness *h, uint16_t id)
{
	return spm_endpoint_by_id(h->spm, id);
}

/*
 * A buffer service that refuses (returns code) changes nothing, like a
 * refused call (harness_expect_error checks those by default).
 */
#define expect_service_refused(h, call, code)				\
	do {								\
		struct harness_snapshot *snap_ = harness_snapshot(h);	\
									\
		assert_int_equal((call), (code));			\
		harness_expect_unchanged(h, snap_, FFA_ID_INVALID, NULL); \
	} while (0)

static bool page_is_mailbox(struct spm_harness *h, uint64_t pa)
{
	return h->spm->st.pages[(pa - FAKE_MEM_BASE) / 4096].flags &
	       SPM_PAGE_MAILBOX;
}

/* Nothing mapped, no page marked, every host page still RW. */
static void assert_unmapped(struct spm_harness *h)
{
	uint64_t pa;

	assert_int_equal(ep_of(h, HOST)->mbox.pages, 0);
	assert_int_equal(ep_of(h, HOST)->mbox.tx, 0);
	for (pa = HOST_MEM; pa < HOST_MEM + 0x10000; pa += 4096) {
		assert_false(page_is_mailbox(h, pa));
		assert_int_equal(fake_access(&h->fp, HOST, pa), SPM_ACCESS_RW);
	}
}

static void map_host(struct spm_harness *h, uint64_t tx, uint64_t rx,
		     uint32_t pages)
{
	struct ffa_regs in = REGS(0xc4000066, tx, rx, pages);
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect(h, HOST, &in, &ok);
}

static void test_map_64(void **state)
{
	struct spm_harness *h = *state;
	struct spm_mailbox *m = &ep_of(h, HOST)->mbox;

	map_host(h, 0x40000000, 0x40002000, 2);
	assert_int_equal(m->tx, 0x40000000);
	assert_int_equal(m->rx, 0x40002000);
	assert_int_equal(m->pages, 2);
	assert_int_equal(m->rx_state, SPM_RX_EMPTY);
	assert_true(page_is_mailbox(h, 0x40001000));
	assert_true(page_is_mailbox(h, 0x40003000));
	assert_false(page_is_mailbox(h, 0x40004000));
	/* the endpoint keeps its own access to its buffers */
	assert_int_equal(fake_access(&h->fp, HOST, 0x40000000), SPM_ACCESS_RW);
	assert_int_equal(fake_access(&h->fp, HOST, 0x40002000), SPM_ACCESS_RW);
}

/* SMC32: upper halves of x1..x3 are not part of the call. */
static void test_map_32(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000066, 0xffffffff40003000ULL,
				  0x0000000140001000ULL,
				  0xffffffff00000001ULL);
	struct ffa_regs ok = REGS(0x84000061);

	harness_expect(h, HOST, &in, &ok);
	assert_int_equal(ep_of(h, HOST)->mbox.tx, 0x40003000);
	assert_int_equal(ep_of(h, HOST)->mbox.rx, 0x40001000);
	assert_int_equal(ep_of(h, HOST)->mbox.pages, 1);
}

/* Bad input 29: every malformed request, and nothing changes. */
static void test_map_invalid(void **state)
{
	static const uint64_t bad[][4] = {
		{ 0xc4000066, 0x40000000, 0x40001000, 0x41 },	/* w3 MBZ */
		{ 0xc4000066, 0x40000000, 0x40001000, 0x100000001ULL },
		{ 0xc4000066, 0x40000000, 0x40001000, 0 },	/* 0 pages */
		{ 0xc4000066, 0x40000000, 0x40008000, 17 },	/* > max */
		{ 0xc4000066, 0, 0, 1 },		/* forwarded form */
		{ 0xc4000066, 0, 0x40001000, 1 },
		{ 0xc4000066, 0x40000800, 0x40001000, 1 },	/* unaligned */
		{ 0xc4000066, 0x40000000, 0x40001010, 1 },
		{ 0xc4000066, 0x40000000, 0x40001000, 2 },	/* overlap */
		{ 0xc4000066, 0x40002000, 0x40001000, 2 },
		{ 0xc4000066, 0x40000000, 0x40000000, 1 },
		{ 0xc4000066, 0xfffffffffffff000ULL, 0x40001000, 1 },
		{ 0xc4000066, 0x40000000, SP1_MEM, 1 },	/* not its own */
		{ 0xc4000066, SP1_MEM, 0x40001000, 1 },
		{ 0xc4000066, 0x40000000, 0x40100000, 1 },	/* unmanaged */
		{ 0xc4000066, 0x4000f000, 0x40001000, 2 },	/* runs past */
		{ 0x84000066, 0x40000000, 0x40001000, 0 },
	};
	struct spm_harness *h = *state;
	unsigned int i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ffa_regs in = REGS(bad[i][0], bad[i][1], bad[i][2],
					  bad[i][3]);

		harness_expect_error(h, HOST, &in, INVALID);
		assert_unmapped(h);
	}
}

static void test_map_twice_denied(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0xc4000066, 0x40004000, 0x40005000, 1);

	map_host(h, 0x40000000, 0x40001000, 1);
	harness_expect_error(h, HOST, &in, DENIED);
	assert_int_equal(ep_of(h, HOST)->mbox.tx, 0x40000000);
	assert_false(page_is_mailbox(h, 0x40004000));
	/* a mailbox page cannot be another endpoint's buffer either */
	in.x[1] = 0x40000000;
	in.x[2] = 0x40002000;
	harness_expect_error(h, SP1, &in, INVALID);
	assert_int_equal(ep_of(h, SP1)->mbox.pages, 0);
}

static void test_unmap(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000067);
	struct ffa_regs ok = REGS(0x84000061);

	map_host(h, 0x40000000, 0x40001000, 1);
	harness_expect(h, HOST, &in, &ok);
	assert_unmapped(h);
	/* the caller's own ID in w1[31:16] is accepted too (15.13) */
	map_host(h, 0x40000000, 0x40001000, 1);
	in.x[1] = 0x00010000;
	harness_expect(h, HOST, &in, &ok);
	assert_unmapped(h);
	map_host(h, 0x40004000, 0x40001000, 1);
}

/* Bad input 30. */
static void test_unmap_errors(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000067);
	struct spm_share *s = &h->spm->shares[0];

	harness_expect_error(h, HOST, &in, INVALID);
	map_host(h, 0x40000000, 0x40001000, 1);
	in.x[1] = 0x80010000;	/* someone else's pair */
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[1] = 0x00000001;	/* ID in the wrong half */
	harness_expect_error(h, HOST, &in, INVALID);
	/* a memory transaction of the caller's still in flight */
	s->state = SPM_SHARE_SENDING;
	s->owner = (uint8_t)spm_endpoint_index(h->spm, ep_of(h, HOST));
	in.x[1] = 0;
	harness_expect_error(h, HOST, &in, DENIED);
	s->state = SPM_SHARE_FREE;
	assert_int_equal(ep_of(h, HOST)->mbox.pages, 1);
	assert_true(page_is_mailbox(h, 0x40000000));
	assert_true(page_is_mailbox(h, 0x40001000));
}

/* Bad input 31: only the RX owner releases it. */
static void test_rx_release(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000065);
	struct ffa_regs ok = REGS(0x84000061);
	struct spm_mailbox *m = &ep_of(h, HOST)->mbox;

	harness_expect_error(h, HOST, &in, DENIED);
	map_host(h, 0x40000000, 0x40001000, 1);
	harness_expect_error(h, HOST, &in, DENIED);
	assert_int_equal(m->rx_state, SPM_RX_EMPTY);
	m->rx_state = SPM_RX_FULL;
	in.x[1] = 0x8001;	/* another endpoint's buffer */
	harness_expect_error(h, HOST, &in, INVALID);
	in.x[1] = 0x00010000;	/* w1[31:16] MBZ */
	harness_expect_error(h, HOST, &in, INVALID);
	assert_int_equal(m->rx_state, SPM_RX_FULL);
	in.x[1] = 0x0001;	/* its own ID is fine */
	harness_expect(h, HOST, &in, &ok);
	assert_int_equal(m->rx_state, SPM_RX_EMPTY);
	harness_expect_error(h, HOST, &in, DENIED);
	m->rx_state = SPM_RX_FULL;
	in.x[1] = 0;
	harness_expect(h, HOST, &in, &ok);
	assert_int_equal(m->rx_state, SPM_RX_EMPTY);
}

static void test_rx_produce(void **state)
{
	struct spm_harness *h = *state;
	struct spm_endpoint *ep = ep_of(h, HOST);
	uint8_t *rx = fake_ptr(&h->fp, 0x40002000);
	static const char data[] = "0123456789";
	uint8_t big[8193];
	unsigned int i;

	expect_service_refused(h, spm_rx_produce(h->spm, ep, data, 10),
			       DENIED);
	map_host(h, 0x40000000, 0x40002000, 2);
	memset(rx, 0xaa, 8192);
	memset(big, 0x55, sizeof(big));
	expect_service_refused(h, spm_rx_produce(h->spm, ep, big, 8193),
			       NO_MEMORY);
	assert_int_equal(spm_rx_produce(h->spm, ep, data, 10), 0);
	assert_int_equal(ep->mbox.rx_state, SPM_RX_FULL);
	assert_memory_equal(rx, data, 10);
	/* the unused tail of both pages is zero (bad input 31) */
	for (i = 10; i < 8192; i++)
		assert_int_equal(rx[i], 0);
	expect_service_refused(h, spm_rx_produce(h->spm, ep, big, 4), BUSY);
	ep->mbox.rx_state = SPM_RX_EMPTY;
	/* a full buffer, and a page-sized one */
	assert_int_equal(spm_rx_produce(h->spm, ep, big, 8192), 0);
	assert_int_equal(rx[8191], 0x55);
	ep->mbox.rx_state = SPM_RX_EMPTY;
	assert_int_equal(spm_rx_produce(h->spm, ep, big, 4096), 0);
	assert_int_equal(rx[4095], 0x55);
	assert_int_equal(rx[4096], 0);
}

static void test_tx_copy(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000073);
	struct spm_decision d;
	struct spm_ctx c = {
		.spm = h->spm, .cpu = 1, .caller = ep_of(h, HOST),
		.in = &in, .d = &d,
	};
	const uint8_t *out = NULL;

	expect_service_refused(h, spm_tx_copy(&c, 16, &out), DENIED);
	map_host(h, 0x40000000, 0x40002000, 2);
	memcpy(fake_ptr(&h->fp, 0x40000000), "descriptor bytes", 16);
	expect_service_refused(h, spm_tx_copy(&c, 0, &out), INVALID);
	expect_service_refused(h, spm_tx_copy(&c, 8193, &out), INVALID);
	assert_null(out);
	assert_int_equal(spm_tx_copy(&c, 16, &out), 0);
	/* the copy is this CPU's, not the endpoint's memory */
	assert_ptr_equal(out, h->spm->cpus[1].buf);
	assert_memory_equal(out, "descriptor bytes", 16);
	assert_int_equal(spm_tx_copy(&c, 8192, &out), 0);
	/* a TX the platform cannot read: ABORTED */
	ep_of(h, HOST)->mbox.tx = 0x50000000;
	expect_service_refused(h, spm_tx_copy(&c, 16, &out), ABORTED);
	ep_of(h, HOST)->mbox.tx = 0x40000000;
}

static void test_client_round_trip(void **state)
{
	struct spm_harness *h = *state;
	struct harness_conduit hc;
	const struct ffa_conduit *c = harness_conduit(&hc, h, HOST, 0);

	assert_int_equal(ffa_rxtx_map(c, 0x40000000, 0x40001000, 1, false), 0);
	assert_int_equal(ffa_rxtx_map(c, 0x40004000, 0x40005000, 1, true),
			 FFA_RET_DENIED);
	assert_int_equal(ffa_rx_release(c, 0), FFA_RET_DENIED);
	assert_int_equal(ffa_rxtx_unmap(c, HOST), 0);
	assert_int_equal(ffa_rxtx_unmap(c, 0), FFA_RET_INVALID_PARAMETERS);
	assert_unmapped(h);
	assert_int_equal(ffa_rxtx_map(c, 0x40004000, 0x40005000, 1, true), 0);
}

#define T(fn)	cmocka_unit_test_setup_teardown(fn, setup, \
						 harness_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_map_64),
		T(test_map_32),
		T(test_map_invalid),
		T(test_map_twice_denied),
		T(test_unmap),
		T(test_unmap_errors),
		T(test_rx_release),
		T(test_rx_produce),
		T(test_tx_copy),
		T(test_client_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
