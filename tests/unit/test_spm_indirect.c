// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MSG_SEND2 in the partition manager (ffa-abi.md 12; bad input 33):
 * the bytes delivered into the receiver's RX, the RX-full framework
 * notification and its SRI, every register and header rejection with
 * nothing changed, and a sender rewriting TX during the call.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_msg_common.h"

#define SEND2		0x84000086U

/* The partition message header (ffa-abi.md 12.1), little-endian. */
struct hdr {
	uint32_t flags, res0, offset;
	uint16_t receiver, sender;
	uint32_t size, res1;
};

static void st32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put_hdr(uint8_t *tx, const struct hdr *h)
{
	st32(tx, h->flags);
	st32(tx + 4, h->res0);
	st32(tx + 8, h->offset);
	st32(tx + 12, h->receiver | ((uint32_t)h->sender << 16));
	st32(tx + 16, h->size);
	st32(tx + 20, h->res1);
}

static uint8_t *tx_of(struct world *w, uint32_t index)
{
	return fake_ptr(&w->h.fp, EP_TX(index));
}

static uint8_t *rx_of(struct world *w, uint32_t index)
{
	return fake_ptr(&w->h.fp, EP_RX(index));
}

/* Booted; host, 0x8001, 0x8002 and 0x8003 have RX/TX pairs. */
static int setup_mapped(void **state)
{
	struct world *w = world_booted();

	map_mailbox(w, HOST, IDX_HOST);
	map_mailbox(w, P1, IDX_P1);
	map_mailbox(w, P2, IDX_P2);
	map_mailbox(w, P3, IDX_P3);
	*state = w;
	return 0;
}

/* 0x8001 -> 0x8002: v1.2 header, 8 padding bytes, "hello". */
static const struct hdr good = {
	.offset = 48, .receiver = P2, .sender = P1, .size = 5,
};

static void write_good(struct world *w)
{
	uint8_t *tx = tx_of(w, IDX_P1);
	uint32_t i;

	put_hdr(tx, &good);
	for (i = 0; i < 16; i++)
		tx[24 + i] = (uint8_t)(0xa0 + i);	/* protocol UUID */
	memset(tx + 40, 0x77, 8);
	memcpy(tx + 48, "hello", 5);
}

static void expect_success(struct world *w, uint16_t ep, uint64_t w2)
{
	struct spm_decision d = call(w, ep, 0, X(SEND2, 0, w2));

	expect(&d, SPM_RESUME, ep, 0, X(0x84000061));
}

/* RX of endpoint index holds exactly `len` bytes of msg, then zeroes. */
static void expect_rx(struct world *w, uint32_t index, const uint8_t *msg,
		      uint32_t len)
{
	static const uint8_t zero[FFA_PAGE_SIZE];
	const uint8_t *rx = rx_of(w, index);

	assert_memory_equal(rx, msg, len);
	assert_memory_equal(rx + len, zero, FFA_PAGE_SIZE - len);
}

static void test_send2_delivers_exact_bytes(void **state)
{
	struct world *w = *state;
	uint8_t sent[53];
	uint32_t sri = w->h.fp.sri_count;

	memset(rx_of(w, IDX_P2), 0xee, FFA_PAGE_SIZE);
	write_good(w);
	memcpy(sent, tx_of(w, IDX_P1), sizeof(sent));
	expect_success(w, P1, 0);
	expect_rx(w, IDX_P2, sent, sizeof(sent));
	assert_int_equal(ep_of(w, P2)->mbox.rx_state, SPM_RX_FULL);
	/* RX buffer full, from a partition: the SPM framework bitmap. */
	assert_int_equal(ep_of(w, P2)->notif.spm_fw, 1);
	assert_int_equal(ep_of(w, P2)->notif.hyp_fw, 0);
	assert_int_equal(w->h.fp.sri_count, sri + 1);
	/* A full RX takes nothing more. */
	expect_rejected(w, P1, 0, X(SEND2), BUSY);
}

static void test_send2_from_host_and_largest(void **state)
{
	struct world *w = *state;
	const struct hdr h = {
		.offset = 40, .receiver = P1, .sender = HOST, .size = 4056,
	};
	uint8_t *tx = tx_of(w, IDX_HOST);

	memset(tx, 0x5a, FFA_PAGE_SIZE);
	memset(tx + 24, 0, 16);
	put_hdr(tx, &h);
	expect_success(w, HOST, 0);
	expect_rx(w, IDX_P1, tx, FFA_PAGE_SIZE);
	/* From the host: the hypervisor framework bitmap. */
	assert_int_equal(ep_of(w, P1)->notif.hyp_fw, 1);
	assert_int_equal(ep_of(w, P1)->notif.spm_fw, 0);
}

static void test_send2_v1_1_header(void **state)
{
	struct world *w = world_new();
	const struct hdr h = {
		.offset = 20, .receiver = P2, .sender = P1, .size = 3,
	};
	uint8_t *tx;

	(void)state;
	speak(w, P1, 0x00010001);
	world_boot(w);
	map_mailbox(w, P1, IDX_P1);
	map_mailbox(w, P2, IDX_P2);
	tx = tx_of(w, IDX_P1);
	put_hdr(tx, &h);
	memcpy(tx + 20, "abc", 3);
	/* 20 bytes of header: offset 19 is inside it. */
	st32(tx + 8, 19);
	expect_rejected(w, P1, 0, X(SEND2), INVALID);
	st32(tx + 8, 20);
	expect_success(w, P1, 0);
	expect_rx(w, IDX_P2, tx, 23);
	world_free(w);
}

static void test_send2_register_errors(void **state)
{
	struct world *w = *state;
	static const uint32_t regs[] = { 3, 4, 5, 6, 7 };
	uint32_t b;

	write_good(w);
	/* No forwarding here: w1 is 0 entirely, every bit of it. */
	for (b = 0; b < 32; b++)
		expect_rejected(w, P1, 0, X(SEND2, 1ULL << b), INVALID);
	expect_rejected(w, P1, 0, X(SEND2, 0, 1), INVALID);
	expect_rejected(w, P1, 0, X(SEND2, 0, 0x80000000), INVALID);
	/* Delay SRI only from partitions (the same send works without). */
	memcpy(tx_of(w, IDX_HOST), tx_of(w, IDX_P1), 53);
	st32(tx_of(w, IDX_HOST) + 12, P2 | ((uint32_t)HOST << 16));
	expect_rejected(w, HOST, 0, X(SEND2, 0, 2), INVALID);
	expect_success(w, HOST, 0);
	expect_each_reg_rejected(w, P1, SEND2, regs, 5, INVALID);
}

static void test_send2_v1_0_and_unmapped(void **state)
{
	struct world *w = world_new();

	(void)state;
	speak(w, P2, 0x00010000);
	world_boot(w);
	expect_rejected(w, P2, 0, X(SEND2), NOT_SUPPORTED);
	/* 0x8001 has no TX buffer. */
	expect_rejected(w, P1, 0, X(SEND2), DENIED);
	/* The host's RX is not mapped: it cannot take a message. */
	map_mailbox(w, P1, IDX_P1);
	write_good(w);
	st32(tx_of(w, IDX_P1) + 12, HOST | ((uint32_t)P1 << 16));
	expect_rejected(w, P1, 0, X(SEND2), BUSY);
	world_free(w);
}

/* Overwrite the word at `at` (and at `at2` unless 0) of a good header. */
struct bad_hdr {
	uint32_t at, value;
	uint32_t at2, value2;
	uint32_t code;
};

static void test_send2_header_errors(void **state)
{
	struct world *w = *state;
	static const struct bad_hdr bad[] = {
		{ 0, 1, 0, 0, INVALID },		/* flags */
		{ 0, 0x80000000, 0, 0, INVALID },
		{ 4, 1, 0, 0, INVALID },		/* reserved */
		{ 20, 1, 0, 0, INVALID },		/* v1.2 reserved */
		{ 8, 39, 0, 0, INVALID },		/* offset in header */
		{ 8, 20, 0, 0, INVALID },		/* v1.1 header size */
		/* offset + size wraps to 0x10 in 32 bits */
		{ 8, 0xfffffff0, 16, 0x20, INVALID },
		{ 8, 40, 16, 0xfffffffc, INVALID },
		{ 8, 40, 16, 4057, INVALID },		/* > 4096 */
		{ 12, 0x80028002, 0, 0, INVALID },	/* sender not caller */
		{ 12, 0x80018001, 0, 0, INVALID },	/* to itself */
		{ 12, 0x80018009, 0, 0, INVALID },	/* unknown receiver */
		{ 12, 0x80018003, 0, 0, DENIED },	/* no indirect */
	};
	uint32_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_good(w);
		st32(tx_of(w, IDX_P1) + bad[i].at, bad[i].value);
		if (bad[i].at2)
			st32(tx_of(w, IDX_P1) + bad[i].at2, bad[i].value2);
		expect_rejected(w, P1, 0, X(SEND2), bad[i].code);
	}
	/* A sender without indirect messaging. */
	write_good(w);
	memcpy(tx_of(w, IDX_P3), tx_of(w, IDX_P1), 53);
	st32(tx_of(w, IDX_P3) + 12, P2 | ((uint32_t)P3 << 16));
	expect_rejected(w, P3, 0, X(SEND2), DENIED);
}

/*
 * The sender rewrites its TX between the manager's header copy and its
 * message copy (as another CPU of the sender could): the receiver still
 * gets the header that was validated.
 */
static const struct spm_platform_ops *real_ops;
static uint32_t tx_reads;

static int racy_read(void *ctx, void *dst, uint64_t pa, uint32_t len)
{
	struct fake_platform *fp = ctx;
	int ret = real_ops->read(ctx, dst, pa, len);
	uint8_t *tx = fake_ptr(fp, EP_TX(IDX_P1));

	if (pa == EP_TX(IDX_P1) && tx_reads++ == 0) {
		st32(tx, 0xffffffff);				/* flags */
		st32(tx + 12, 0x80038003);			/* ids */
		st32(tx + 16, 4000);				/* size */
		tx[48] = 'j';					/* payload */
	}
	return ret;
}

static void test_send2_tx_rewritten_during_call(void **state)
{
	struct world *w = *state;
	struct spm_platform_ops racy = *w->h.plat.ops;
	uint8_t sent[53];

	write_good(w);
	memcpy(sent, tx_of(w, IDX_P1), sizeof(sent));
	real_ops = w->h.plat.ops;
	racy.read = racy_read;
	tx_reads = 0;
	w->h.spm->plat.ops = &racy;
	expect_success(w, P1, 0);
	w->h.spm->plat.ops = real_ops;
	assert_int_equal(tx_reads, 2);
	/* The validated header, and the payload as read the second time. */
	sent[48] = 'j';
	expect_rx(w, IDX_P2, sent, sizeof(sent));
	assert_int_equal(ep_of(w, P3)->mbox.rx_state, SPM_RX_EMPTY);
}

/* Send from 0x8001 with the delay flag: no SRI yet. */
static void send_delayed(struct world *w, uint16_t to, uint32_t sri)
{
	st32(tx_of(w, IDX_P1) + 12, to | ((uint32_t)P1 << 16));
	expect_success(w, P1, 2);
	assert_int_equal(w->h.fp.sri_count, sri);
}

/* A delayed SRI fires when the sender waits, yields or responds. */
static void test_send2_delayed_sri(void **state)
{
	struct world *w = *state;
	uint32_t sri = w->h.fp.sri_count;
	struct spm_decision d;

	write_good(w);
	run(w, 0, P1, 0);
	send_delayed(w, P2, sri);
	assert_int_equal(ep_of(w, P2)->notif.spm_fw, 1);
	relay(w, P1, 0, X(0x8400006B), HOST, 0, X(0x8400006B, 0x80010000));
	assert_int_equal(w->h.fp.sri_count, sri + 1);
	/* 0x8002's RX is full: to the host now, out of a direct request. */
	relay(w, HOST, 0, X(0x8400006F, 0x00018001), P1, 0,
	      X(0x8400006F, 0x00018001));
	send_delayed(w, HOST, sri + 1);
	relay(w, P1, 0, X(0x8400006C), HOST, 0, X(0x8400006C, 0x80010000));
	assert_int_equal(w->h.fp.sri_count, sri + 2);
	d = call(w, HOST, 0, X(0x84000065));
	expect(&d, SPM_RESUME, HOST, 0, X(0x84000061));
	run(w, 0, P1, 0);
	send_delayed(w, HOST, sri + 2);
	relay(w, P1, 0, X(0x84000070, 0x80010001), HOST, 0,
	      X(0x84000070, 0x80010001));
	assert_int_equal(w->h.fp.sri_count, sri + 3);
}

#define MAPPED_TEST(f) \
	cmocka_unit_test_setup_teardown(f, setup_mapped, teardown_world)

int main(void)
{
	const struct CMUnitTest tests[] = {
		MAPPED_TEST(test_send2_delivers_exact_bytes),
		MAPPED_TEST(test_send2_from_host_and_largest),
		cmocka_unit_test(test_send2_v1_1_header),
		MAPPED_TEST(test_send2_register_errors),
		cmocka_unit_test(test_send2_v1_0_and_unmapped),
		MAPPED_TEST(test_send2_header_errors),
		MAPPED_TEST(test_send2_tx_rewritten_during_call),
		MAPPED_TEST(test_send2_delayed_sri),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
