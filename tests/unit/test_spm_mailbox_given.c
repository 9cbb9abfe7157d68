// SPDX-License-Identifier: BSD-3-Clause
/*
 * A pair the platform gives an endpoint with spm_map_mailbox() (the
 * hypervisor-allocated mode, docs/dt-rxtx.md): it behaves exactly like a
 * pair the endpoint mapped with FFA_RXTX_MAP (RX produced and released,
 * FFA_RXTX_UNMAP), except that the endpoint's own first FFA_RXTX_MAP
 * replaces it while it is idle, and only the first: a second is DENIED.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/client.h>
#include "fake_platform.h"
#include "internal.h"
#include "script_conduit.h"

#define HOST	0x0001
#define SP1	0x8001

/* The host owns 0x40000000-0x4000ffff, SP1 0x40010000-0x4001ffff. */
#define HOST_MEM	0x40000000ULL
#define SP1_MEM		0x40010000ULL
/* The given pair: 2 pages each at the top of the host's memory. */
#define G_TX		0x4000c000ULL
#define G_RX		0x4000e000ULL

#define INVALID		(-2)
#define DENIED		(-6)

static int setup(void **state)
{
	struct spm_harness *h = harness_new(64, 16);

	assert_int_equal(harness_add(h, HOST, 0, 2, true, HOST_MEM, 16), 0);
	assert_int_equal(harness_add(h, SP1, 0, 2, false, SP1_MEM, 16), 0);
	*state = h;
	return 0;
}

static struct spm_mailbox *mbox_of(struct spm_harness *h, uint16_t id)
{
	return &spm_endpoint_by_id(h->spm, id)->mbox;
}

static bool page_is_mailbox(struct spm_harness *h, uint64_t pa)
{
	return h->spm->st.pages[(pa - FAKE_MEM_BASE) / 4096].flags &
	       SPM_PAGE_MAILBOX;
}

/* Exactly the pages of tx and rx (pages each) are marked, no others. */
static void assert_pair(struct spm_harness *h, uint64_t tx, uint64_t rx,
			uint32_t pages)
{
	struct spm_mailbox *m = mbox_of(h, HOST);
	uint64_t pa;
	bool in;

	assert_int_equal(m->tx, tx);
	assert_int_equal(m->rx, rx);
	assert_int_equal(m->pages, pages);
	for (pa = HOST_MEM; pa < HOST_MEM + 0x10000; pa += 4096) {
		in = (pa >= tx && pa < tx + pages * 4096ULL) ||
		     (pa >= rx && pa < rx + pages * 4096ULL);
		assert_int_equal(page_is_mailbox(h, pa), in);
	}
}

static void give(struct spm_harness *h)
{
	assert_int_equal(spm_map_mailbox(h->spm, HOST, G_TX, G_RX, 2), 0);
	assert_pair(h, G_TX, G_RX, 2);
	assert_true(mbox_of(h, HOST)->given);
	assert_int_equal(mbox_of(h, HOST)->rx_state, SPM_RX_EMPTY);
}

static void map(struct spm_harness *h, uint64_t tx, uint64_t rx, int want)
{
	struct ffa_regs in = REGS(0xc4000066, tx, rx, 1);
	struct ffa_regs ok = REGS(0x84000061);

	if (want)
		harness_expect_error(h, HOST, &in, want);
	else
		harness_expect(h, HOST, &in, &ok);
}

/* The entry point refuses what FFA_RXTX_MAP refuses, and more. */
static void test_give_refused(void **state)
{
	struct spm_harness *h = *state;

	/* unknown endpoint, 0 pages, overlap, not its own memory */
	assert_int_equal(spm_map_mailbox(h->spm, 0x0002, G_TX, G_RX, 2),
			 INVALID);
	assert_int_equal(spm_map_mailbox(h->spm, HOST, G_TX, G_RX, 0),
			 INVALID);
	assert_int_equal(spm_map_mailbox(h->spm, HOST, G_TX, G_TX + 4096, 2),
			 INVALID);
	assert_int_equal(spm_map_mailbox(h->spm, HOST, G_TX, SP1_MEM, 2),
			 INVALID);
	assert_int_equal(mbox_of(h, HOST)->pages, 0);
	assert_false(page_is_mailbox(h, G_TX));
	/* once given, not given again */
	give(h);
	assert_int_equal(spm_map_mailbox(h->spm, HOST, 0x40000000,
					 0x40002000, 1), DENIED);
	assert_pair(h, G_TX, G_RX, 2);
}

/* RX filled by the manager and released by the endpoint, as usual. */
static void test_given_rx_release(void **state)
{
	struct spm_harness *h = *state;
	struct spm_endpoint *ep = spm_endpoint_by_id(h->spm, HOST);
	struct ffa_regs rel = REGS(0x84000065);
	struct ffa_regs ok = REGS(0x84000061);
	static const uint8_t data[3] = { 1, 2, 3 };

	give(h);
	assert_int_equal(spm_rx_produce(h->spm, ep, data, sizeof(data)), 0);
	assert_memory_equal(fake_ptr(&h->fp, G_RX), data, sizeof(data));
	assert_int_equal(ep->mbox.rx_state, SPM_RX_FULL);
	harness_expect(h, HOST, &rel, &ok);
	assert_int_equal(ep->mbox.rx_state, SPM_RX_EMPTY);
	harness_expect_error(h, HOST, &rel, DENIED);
}

/*
 * FFA_RXTX_UNMAP of a given pair succeeds: ffa-abi.md 6 (the
 * FFA_RXTX_UNMAP row) refuses only when no pair is registered, and a
 * given pair is registered. Then the endpoint maps its own as usual.
 */
static void test_given_unmap(void **state)
{
	struct spm_harness *h = *state;
	struct ffa_regs in = REGS(0x84000067);
	struct ffa_regs ok = REGS(0x84000061);

	give(h);
	harness_expect(h, HOST, &in, &ok);
	assert_pair(h, 0, 0, 0);
	assert_false(mbox_of(h, HOST)->given);
	harness_expect_error(h, HOST, &in, INVALID);
	map(h, 0x40000000, 0x40001000, 0);
	map(h, 0x40002000, 0x40003000, DENIED);
}

/*
 * The endpoint's first FFA_RXTX_MAP replaces the idle given pair (its
 * pages go back to the endpoint); the second is DENIED, as after any
 * map (ffa-abi.md 6.1).
 */
static void test_given_replaced_once(void **state)
{
	struct spm_harness *h = *state;

	give(h);
	/* the given pages themselves are already a mailbox */
	map(h, G_TX, 0x40001000, INVALID);
	map(h, 0x40000000, G_RX, INVALID);
	assert_pair(h, G_TX, G_RX, 2);
	map(h, 0x40000000, 0x40001000, 0);
	assert_pair(h, 0x40000000, 0x40001000, 1);
	assert_false(mbox_of(h, HOST)->given);
	map(h, 0x40002000, 0x40003000, DENIED);
	assert_pair(h, 0x40000000, 0x40001000, 1);
}

/* A given pair in use is not replaced: RX full, or a send in flight. */
static void test_given_busy_denied(void **state)
{
	struct spm_harness *h = *state;
	struct spm_endpoint *ep = spm_endpoint_by_id(h->spm, HOST);
	struct spm_share *s = &h->spm->shares[0];
	static const uint8_t data[1] = { 7 };

	give(h);
	assert_int_equal(spm_rx_produce(h->spm, ep, data, sizeof(data)), 0);
	map(h, 0x40000000, 0x40001000, DENIED);
	ep->mbox.rx_state = SPM_RX_EMPTY;
	s->state = SPM_SHARE_SENDING;
	s->owner = (uint8_t)spm_endpoint_index(h->spm, ep);
	map(h, 0x40000000, 0x40001000, DENIED);
	s->state = SPM_SHARE_FREE;
	assert_pair(h, G_TX, G_RX, 2);
	assert_true(ep->mbox.given);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_give_refused, setup,
						harness_teardown),
		cmocka_unit_test_setup_teardown(test_given_rx_release, setup,
						harness_teardown),
		cmocka_unit_test_setup_teardown(test_given_unmap, setup,
						harness_teardown),
		cmocka_unit_test_setup_teardown(test_given_replaced_once,
						setup, harness_teardown),
		cmocka_unit_test_setup_teardown(test_given_busy_denied, setup,
						harness_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
