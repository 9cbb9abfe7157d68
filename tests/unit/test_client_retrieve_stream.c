// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffa_mem_retrieve_stream(): the borrower's side of a retrieve of any
 * size. A small relayer of the test's own answers the calls: it checks
 * the request in TX, puts the response (built whole in a large buffer
 * with lib/'s builder, in the borrower's layout) into RX one fragment at
 * a time, and can be told to misbehave in each way a borrower must catch.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/bytes.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>

#define RX_SIZE		4096U
#define NR_RANGES	600U		/* three fragments in a 4 KiB RX */
#define HANDLE		0x0000000700000003ULL
#define OWNER		0x0000U
#define ME		0x8001U
#define TAG		0x55aa55aa12345678ULL
#define BASE		0x40000000ULL

enum misbehaviour {
	GOOD,
	WRONG_HANDLE_IN_FRAG,	/* FRAG_TX names another handle */
	EMPTY_FRAG,		/* FRAG_TX with length 0 */
	FRAG_PAST_TOTAL,	/* FRAG_TX longer than what is left */
	RESP_WRONG_HANDLE,	/* response descriptor's handle differs */
	COUNT_TOO_HIGH,		/* composite declares one range more */
};

struct relayer {
	enum misbehaviour bad;
	uint8_t tx[RX_SIZE];
	uint8_t rx[RX_SIZE];
	uint8_t whole[80 + NR_RANGES * 16 + 64];
	uint32_t total;
	uint32_t sent;		/* bytes of the response delivered */
	bool rx_full;		/* the borrower owns RX */
	unsigned int releases;
	unsigned int frag_rx_calls;
};

static void build_response(struct relayer *r)
{
	const struct ffa_mem_access to = {
		.receiver_id = ME, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_1,
		.hdr = { .sender_id = OWNER, .attributes = 0x2f,
			 .flags = FFA_RETRIEVE_TYPE_SHARE <<
				  FFA_RETRIEVE_TYPE_SHIFT,
			 .tag = TAG,
			 .handle = r->bad == RESP_WRONG_HANDLE ?
				   HANDLE + 1 : HANDLE },
		.access = &to, .nr_access = 1,
		.total_pages = NR_RANGES * 2,
		.nr_ranges = NR_RANGES + (r->bad == COUNT_TOO_HIGH),
	};
	struct ffa_mtd_builder b;
	uint32_t i;

	assert_int_equal(ffa_mtd_build_begin(&b, r->whole, sizeof(r->whole),
					     &spec), 0);
	for (i = 0; i < NR_RANGES; i++)
		assert_int_equal(ffa_mtd_build_add(&b, BASE + i * 0x4000ULL,
						   2), 0);
	/*
	 * COUNT_TOO_HIGH declares 601 ranges and sends 600: the total
	 * covers what was written, so only the counts disagree.
	 */
	r->total = b.ranges_offset + NR_RANGES * 16;
}

/* Deliver the next fragment into RX; its length. */
static uint32_t deliver(struct relayer *r)
{
	uint32_t len = r->total - r->sent;

	if (len > RX_SIZE)
		len = RX_SIZE;
	memcpy(r->rx, r->whole + r->sent, len);
	r->sent += len;
	r->rx_full = true;
	return len;
}

static void answer(struct ffa_regs *out, uint32_t fid, uint64_t a1,
		   uint64_t a2, uint64_t a3)
{
	memset(out, 0, sizeof(*out));
	out->x[0] = fid;
	out->x[1] = a1;
	out->x[2] = a2;
	out->x[3] = a3;
}

static void on_retrieve(struct relayer *r, const struct ffa_regs *in,
			struct ffa_regs *out)
{
	/* The request: v1.1 header naming the share, one EMAD for us. */
	assert_int_equal(in->x[1], in->x[2]);
	assert_int_equal(ffa_ld16(r->tx), OWNER);
	assert_true(ffa_ld64(r->tx + 8) == HANDLE);
	assert_true(ffa_ld64(r->tx + 16) == TAG);
	assert_int_equal(ffa_ld32(r->tx + 28), 1);
	assert_int_equal(ffa_ld16(r->tx + 48), ME);
	answer(out, FFA_MEM_RETRIEVE_RESP, r->total, deliver(r), 0);
}

static void on_frag_rx(struct relayer *r, const struct ffa_regs *in,
		       struct ffa_regs *out)
{
	uint64_t handle = FFA_HANDLE_MAKE(in->x[1], in->x[2]);
	uint32_t len;

	r->frag_rx_calls++;
	assert_true(handle == HANDLE);
	assert_false(r->rx_full);		/* released before asking */
	assert_int_equal(in->x[3], r->sent);	/* asks for what is next */
	len = deliver(r);
	if (r->bad == WRONG_HANDLE_IN_FRAG)
		handle++;
	if (r->bad == EMPTY_FRAG)
		len = 0;
	if (r->bad == FRAG_PAST_TOTAL)
		len = r->total - (r->sent - len) + 16;
	answer(out, FFA_MEM_FRAG_TX, (uint32_t)handle, handle >> 32, len);
}

static void relayer_call(void *ctx, struct ffa_regs *regs)
{
	struct relayer *r = ctx;
	struct ffa_regs out;

	switch ((uint32_t)regs->x[0]) {
	case FFA_MEM_RETRIEVE_REQ_64:
		on_retrieve(r, regs, &out);
		break;
	case FFA_MEM_FRAG_RX:
		on_frag_rx(r, regs, &out);
		break;
	case FFA_RX_RELEASE:
		assert_true(r->rx_full);	/* never release what we lack */
		r->rx_full = false;
		r->releases++;
		answer(&out, FFA_SUCCESS_32, 0, 0, 0);
		break;
	default:
		fail_msg("unexpected call 0x%llx",
			 (unsigned long long)regs->x[0]);
	}
	*regs = out;
}

struct seen {
	uint32_t ranges;
	uint64_t pages;
	bool in_order;
	uint32_t stop_at;	/* sink error at this range, or never (0) */
};

static int sink(void *ctx, const struct ffa_mem_range *r)
{
	struct seen *s = ctx;

	if (r->address != BASE + s->ranges * 0x4000ULL || r->page_count != 2)
		s->in_order = false;
	s->ranges++;
	s->pages += r->page_count;
	return s->stop_at && s->ranges == s->stop_at ? -1234 : 0;
}

static int run(struct relayer *r, struct seen *s,
	       struct ffa_mem_retrieve_out *out)
{
	const struct ffa_conduit c = { .call = relayer_call, .ctx = r };
	const struct ffa_mem_retrieve_io io = {
		.c = &c, .version = FFA_VERSION_1_1,
		.tx = r->tx, .tx_size = RX_SIZE,
		.rx = r->rx, .rx_size = RX_SIZE,
		.addr_limit = FFA_MEM_ADDR_LIMIT,
	};
	const struct ffa_mem_header hdr = {
		.sender_id = OWNER, .handle = HANDLE, .tag = TAG,
	};
	const struct ffa_mem_access me = { .receiver_id = ME };

	build_response(r);
	s->in_order = true;
	return ffa_mem_retrieve_stream(&io, &hdr, &me, 1, sink, s, out);
}

static void test_three_fragments(void **state)
{
	static struct relayer r;
	struct ffa_mem_retrieve_out out;
	struct seen s = { 0 };

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(run(&r, &s, &out), 0);
	assert_int_equal(s.ranges, NR_RANGES);
	assert_true(s.pages == NR_RANGES * 2);
	assert_true(s.in_order);
	/* 80 + 9600 bytes: 4096 + 4096 + 1488. */
	assert_int_equal(out.frags, 3);
	assert_int_equal(r.frag_rx_calls, 2);
	assert_int_equal(r.releases, 3);	/* two between, one at end */
	assert_false(r.rx_full);
	assert_true(out.mtd.hdr.handle == HANDLE);
	assert_int_equal(out.mtd.nr_ranges, NR_RANGES);
}

/* Each relayer mistake is FFA_EPROTO, and RX is given back anyway. */
static void test_relayer_mistakes(void **state)
{
	static const enum misbehaviour cases[] = {
		WRONG_HANDLE_IN_FRAG, EMPTY_FRAG, FRAG_PAST_TOTAL,
		RESP_WRONG_HANDLE, COUNT_TOO_HIGH,
	};
	static struct relayer r;
	struct ffa_mem_retrieve_out out;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct seen s = { 0 };

		print_message("misbehaviour %d\n", (int)cases[i]);
		memset(&r, 0, sizeof(r));
		r.bad = cases[i];
		assert_int_equal(run(&r, &s, &out), FFA_EPROTO);
		assert_false(r.rx_full);
	}
}

/* The caller's sink stops the walk: its error comes back, RX released. */
static void test_sink_stops(void **state)
{
	static struct relayer r;
	struct ffa_mem_retrieve_out out;
	struct seen s = { .stop_at = 300 };

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(run(&r, &s, &out), -1234);
	assert_int_equal(s.ranges, 300);
	assert_int_equal(r.frag_rx_calls, 1);
	assert_false(r.rx_full);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_fragments),
		cmocka_unit_test(test_relayer_mistakes),
		cmocka_unit_test(test_sink_stops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
