// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reserved registers and bits of every ABI the manager takes (ffa-abi.md
 * 1.2, 2.2-2.6, 8, 11, 12.3, 13; "unless stated, every register not
 * listed is MBZ on input"). One row per ABI: a valid call in a world
 * where it makes sense, and the reserved bits of x1..x7 as the spec
 * lists them (written here, not taken from the manager's table). Each
 * reserved bit, set alone on top of the valid call, must be refused with
 * INVALID_PARAMETERS (NOT_SUPPORTED for FFA_FEATURES) and change nothing
 * in the manager or the platform; x8..x17 likewise for a v1.2 caller of
 * an ABI that does not define them. The valid call itself must then not
 * be refused that way, so every row proves its bits are judged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mbz_world.h"

/* ---- the valid call of each row, and the world it needs ---- */

static void set_x(uint64_t *x, const uint64_t *v)
{
	memcpy(x, v, FFA_NREGS * sizeof(*x));
}

static void p_features(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x84000064, 0x84000069));
}

static void p_id_get(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x84000069));
}

static void p_spm_id_get(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x84000085));
}

static void p_console_32(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x8400008A, 1, 'a'));
}

static void p_console_64(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0xC400008A, 1, 'a'));
}

static void p_rxtx_map_32(struct mw *w, uint64_t *x)
{
	set_x(x, X(0x84000066, tx_of(w, 1), rx_of(w, 1), 1));
}

static void p_rxtx_map_64(struct mw *w, uint64_t *x)
{
	set_x(x, X(0xC4000066, tx_of(w, 1), rx_of(w, 1), 1));
}

static void p_rxtx_unmap(struct mw *w, uint64_t *x)
{
	map(w, 1);
	set_x(x, X(0x84000067));
}

/* P1 owns its RX (a partition list in it): RX_RELEASE succeeds. */
static void p_rx_release(struct mw *w, uint64_t *x)
{
	map(w, 1);
	must(w, P1, X(0x84000068), 0x84000061);
	set_x(x, X(0x84000065));
}

static void p_part_info(struct mw *w, uint64_t *x)
{
	map(w, 1);
	set_x(x, X(0x84000068));
}

static void p_part_info_regs(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0xC400008B));
}

/* P1 given cycles by the host: it may wait or yield. */
static void p_msg_wait(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0x8400006D, (uint64_t)P1 << 16), 0x8400006D);
	set_x(x, X(0x8400006B));
}

static void p_yield(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0x8400006D, (uint64_t)P1 << 16), 0x8400006D);
	set_x(x, X(0x8400006C, 0, 7, 8));
}

static void p_run(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x8400006D, (uint64_t)P1 << 16));
}

static void p_req_32(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x8400006F, 0x00018001, 0, 3, 4, 5, 6, 7));
}

static void p_req_64(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0xC400006F, 0x00018001, 0, 3, 4, 5, 6, 7));
}

static void p_req2(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0xC400008D, 0x00018001, 0, 0, 4, [17] = 17));
}

static void p_resp_32(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0x8400006F, 0x00018001), 0x8400006F);
	set_x(x, X(0x84000070, 0x80010001, 0, 3));
}

static void p_resp_64(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0xC400006F, 0x00018001), 0xC400006F);
	set_x(x, X(0xC4000070, 0x80010001, 0, 3));
}

static void p_resp2(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0xC400008D, 0x00018001), 0xC400008D);
	set_x(x, X(0xC400008E, 0x80010001, 0, 0, 4, [17] = 17));
}

/* A v1.2 header (40 bytes, no payload) from P1 to P2 in P1's TX. */
static void p_msg_send2(struct mw *w, uint64_t *x)
{
	uint8_t *h = tx_ptr(w, 1);

	map(w, 1);
	map(w, 2);
	memset(h, 0, 40);
	h[8] = 40;			/* payload offset */
	h[12] = P2 & 0xff;		/* receiver */
	h[13] = P2 >> 8;
	h[14] = P1 & 0xff;		/* sender */
	h[15] = P1 >> 8;
	set_x(x, X(0x84000086));
}

/* The host's one-page transaction of fid for P1, written in its TX. */
static void p_mem_send(struct mw *w, uint64_t *x, uint32_t fid)
{
	struct ffa_mtd_builder b;

	map(w, 0);
	write_send(w, fid, P1, 1, &b);
	assert_int_equal(ffa_mtd_build_add(&b, data_of(w, 0, 0), 1), 0);
	set_x(x, X(fid, b.total_len, b.frag_len));
}

static void p_share_32(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0x84000073);
}

static void p_share_64(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0xC4000073);
}

static void p_lend_32(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0x84000072);
}

static void p_lend_64(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0xC4000072);
}

static void p_donate_32(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0x84000071);
}

static void p_donate_64(struct mw *w, uint64_t *x)
{
	p_mem_send(w, x, 0xC4000071);
}

/* A two-range SHARE sent without its last range: FRAG_TX sends it. */
static void p_frag_tx(struct mw *w, uint64_t *x)
{
	struct ffa_mtd_builder b;
	struct spm_decision d;
	uint8_t *tx = tx_ptr(w, 0);
	uint64_t h;

	map(w, 0);
	write_send(w, 0x84000073, P1, 2, &b);
	assert_int_equal(ffa_mtd_build_add(&b, data_of(w, 0, 0), 1), 0);
	assert_int_equal(ffa_mtd_build_add(&b, data_of(w, 0, 1), 1), 0);
	d = must(w, HOST, X(0x84000073, b.total_len, b.total_len - 16),
		 0x8400007A);
	h = FFA_HANDLE_MAKE(d.regs.x[1], d.regs.x[2]);
	/* The last constituent alone: address, page count, reserved. */
	memcpy(tx, tx + b.total_len - 16, 16);
	set_x(x, X(0x8400007B, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h), 16));
}

/* A share P1 has not retrieved yet, and P1's request for it. */
static void p_retrieve(struct mw *w, uint64_t *x, uint32_t fid)
{
	uint32_t len;

	map(w, 0);
	map(w, 1);
	share(w, 0xC4000073, P1, 1);
	len = write_retrieve(w);
	set_x(x, X(fid, len, len));
}

static void p_retrieve_32(struct mw *w, uint64_t *x)
{
	p_retrieve(w, x, 0x84000074);
}

static void p_retrieve_64(struct mw *w, uint64_t *x)
{
	p_retrieve(w, x, 0xC4000074);
}

/* 260 ranges: P1's response does not fit its 4 KiB RX at once. */
#define FRAG_RX_RANGES	260U

static void p_frag_rx(struct mw *w, uint64_t *x)
{
	uint64_t h;
	uint32_t len;

	map(w, 0);
	map(w, 1);
	h = share(w, 0xC4000073, P1, FRAG_RX_RANGES);
	len = write_retrieve(w);
	must(w, P1, X(0x84000074, len, len), 0x84000075);
	must(w, P1, X(0x84000065), 0x84000061);
	set_x(x, X(0x8400007A, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h), 4096));
}

static void p_relinquish(struct mw *w, uint64_t *x)
{
	uint16_t self = P1;
	uint32_t len;

	p_retrieve(w, x, 0x84000074);
	must(w, P1, x, 0x84000075);
	must(w, P1, X(0x84000065), 0x84000061);
	assert_int_equal(ffa_relinquish_build(tx_ptr(w, 1), FFA_PAGE_SIZE,
					      w->handle, 0, &self, 1, &len),
			 0);
	set_x(x, X(0x84000076));
}

static void p_reclaim(struct mw *w, uint64_t *x)
{
	uint64_t h;

	map(w, 0);
	h = share(w, 0xC4000073, P1, 1);
	set_x(x, X(0x84000077, FFA_HANDLE_LO(h), FFA_HANDLE_HI(h), 0));
}

static void p_perm_get_32(struct mw *w, uint64_t *x)
{
	set_x(x, X(0x84000088, data_of(w, 1, 0)));
}

static void p_perm_get_64(struct mw *w, uint64_t *x)
{
	set_x(x, X(0xC4000088, data_of(w, 1, 0)));
}

/* RW, not executable (13.1). */
static void p_perm_set_32(struct mw *w, uint64_t *x)
{
	set_x(x, X(0x84000089, data_of(w, 1, 0), 1, 0x5));
}

static void p_perm_set_64(struct mw *w, uint64_t *x)
{
	set_x(x, X(0xC4000089, data_of(w, 1, 0), 1, 0x5));
}

static void p_bitmap_create(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x8400007D, HOST, 1));
}

static void p_bitmap_destroy(struct mw *w, uint64_t *x)
{
	must(w, HOST, X(0x8400007D, HOST, 1), 0x84000061);
	set_x(x, X(0x8400007E, HOST));
}

/* P1 binds notification 0 to sender P2. */
static void p_bind(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x8400007F, ((uint64_t)P2 << 16) | P1, 0, 1));
}

static void p_unbind(struct mw *w, uint64_t *x)
{
	must(w, P1, X(0x8400007F, ((uint64_t)P2 << 16) | P1, 0, 1),
	     0x84000061);
	set_x(x, X(0x84000080, ((uint64_t)P2 << 16) | P1, 0, 1));
}

/* Called by P2, the bound sender. */
static void p_set(struct mw *w, uint64_t *x)
{
	must(w, P1, X(0x8400007F, ((uint64_t)P2 << 16) | P1, 0, 1),
	     0x84000061);
	set_x(x, X(0x84000081, ((uint64_t)P2 << 16) | P1, 0, 1));
}

static void p_get(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x84000082, P1, 0xf));
}

static void p_info_get_32(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0x84000083));
}

static void p_info_get_64(struct mw *w, uint64_t *x)
{
	(void)w;
	set_x(x, X(0xC4000083));
}

/* ---- the rows ---- */


#define R(...)	{ __VA_ARGS__ }

static const struct mbz_row rows[] = {
	{ "FEATURES", HOST, p_features, NOT_SUPPORTED,
	  R([3] = W32, W32, W32, W32, W32), true, 0 },
	{ "ID_GET", HOST, p_id_get, INVALID,
	  R([1] = W32, W32, W32, W32, W32, W32, W32), true, 0 },
	{ "SPM_ID_GET", HOST, p_spm_id_get, INVALID,
	  R([1] = W32, W32, W32, W32, W32, W32, W32), true, 0 },
	/* 13.2: w1[7:0] count, characters from w2 on. */
	{ "CONSOLE_LOG_32", HOST, p_console_32, INVALID,
	  R([1] = 0xffffff00), true, 0 },
	{ "CONSOLE_LOG_64", HOST, p_console_64, INVALID,
	  R([1] = HI | 0xffffff00), false, 0 },
	/* 2.2: x1 TX, x2 RX, w3[5:0] pages, w3[31:6] MBZ. */
	{ "RXTX_MAP_32", P1, p_rxtx_map_32, INVALID,
	  R([3] = 0xffffffc0, W32, W32, W32, W32), true, 0 },
	{ "RXTX_MAP_64", P1, p_rxtx_map_64, INVALID,
	  R([3] = HI | 0xffffffc0, ALL, ALL, ALL, ALL), true, 0 },
	/* w1[31:16] an ID; [15:0] MBZ. */
	{ "RXTX_UNMAP", P1, p_rxtx_unmap, INVALID,
	  R([1] = 0x0000ffff, W32, W32, W32, W32, W32, W32), true, 0 },
	/* w1[15:0] a VM ID; [31:16] MBZ. */
	{ "RX_RELEASE", P1, p_rx_release, INVALID,
	  R([1] = 0xffff0000, W32, W32, W32, W32, W32, W32), true, 0 },
	/* w1..w4 UUID, w5 bit 0 count only (v1.1+). */
	{ "PARTITION_INFO_GET", P1, p_part_info, INVALID,
	  R([5] = 0xfffffffe, W32, W32), true, 0 },
	/* x1/x2 UUID, x3[15:0] start, x3[31:16] tag. */
	{ "PARTITION_INFO_GET_REGS", P1, p_part_info_regs, INVALID,
	  R([3] = HI, ALL, ALL, ALL, ALL), true, 0 },
	/* 2.3, 12.3: w2 bit 0 retain RX (v1.2). */
	{ "MSG_WAIT", P1, p_msg_wait, INVALID,
	  R([1] = W32, 0xfffffffe, W32, W32, W32, W32, W32), true, 0 },
	/* w2/w3 timeout. */
	{ "YIELD", P1, p_yield, INVALID,
	  R([1] = W32, [4] = W32, W32, W32, W32), true, 0 },
	{ "RUN", HOST, p_run, INVALID,
	  R([2] = W32, W32, W32, W32, W32, W32), true, 0 },
	/* 8.2: w2 flags, 0 for partition messages (we take no others). */
	{ "MSG_SEND_DIRECT_REQ_32", HOST, p_req_32, INVALID,
	  R([2] = W32), true, 0 },
	{ "MSG_SEND_DIRECT_REQ_64", HOST, p_req_64, INVALID,
	  R([1] = HI, ALL), true, 0 },
	/* 8.4: x2/x3 UUID, x4..x17 payload. */
	{ "MSG_SEND_DIRECT_REQ2", HOST, p_req2, INVALID,
	  R([1] = HI), false, 0 },
	{ "MSG_SEND_DIRECT_RESP_32", P1, p_resp_32, INVALID,
	  R([2] = W32), true, 0 },
	{ "MSG_SEND_DIRECT_RESP_64", P1, p_resp_64, INVALID,
	  R([1] = HI, ALL), true, 0 },
	{ "MSG_SEND_DIRECT_RESP2", P1, p_resp2, INVALID,
	  R([1] = HI, ALL, ALL), false, 0 },
	/* 2.4, 12.2: w1[15:0] MBZ, w2 bit 1 delay SRI. */
	{ "MSG_SEND2", P1, p_msg_send2, INVALID,
	  R([1] = 0x0000ffff, 0xfffffffd, W32, W32, W32, W32, W32), true, 0 },
	/* 2.5: w1/w2 lengths, x3 address, w4 pages. */
	{ "MEM_SHARE_32", HOST, p_share_32, INVALID,
	  R([5] = W32, W32, W32), true, 0 },
	{ "MEM_SHARE_64", HOST, p_share_64, INVALID,
	  R([1] = HI, HI, 0, HI, ALL, ALL, ALL), true, 0 },
	{ "MEM_LEND_32", HOST, p_lend_32, INVALID,
	  R([5] = W32, W32, W32), true, 0 },
	{ "MEM_LEND_64", HOST, p_lend_64, INVALID,
	  R([1] = HI, HI, 0, HI, ALL, ALL, ALL), true, 0 },
	{ "MEM_DONATE_32", HOST, p_donate_32, INVALID,
	  R([5] = W32, W32, W32), true, 0 },
	{ "MEM_DONATE_64", HOST, p_donate_64, INVALID,
	  R([1] = HI, HI, 0, HI, ALL, ALL, ALL), true, 0 },
	/* w1/w2 handle, w3 length, w4[31:16] sender ID. */
	{ "MEM_FRAG_TX", HOST, p_frag_tx, INVALID,
	  R([4] = 0x0000ffff, W32, W32, W32), true, 0 },
	{ "MEM_RETRIEVE_REQ_32", P1, p_retrieve_32, INVALID,
	  R([5] = W32, W32, W32), true, 0 },
	{ "MEM_RETRIEVE_REQ_64", P1, p_retrieve_64, INVALID,
	  R([1] = HI, HI, 0, HI, ALL, ALL, ALL), true, 0 },
	{ "MEM_FRAG_RX", P1, p_frag_rx, INVALID,
	  R([4] = 0x0000ffff, W32, W32, W32), true,
	  FRAG_RX_RANGES + 4 },
	{ "MEM_RELINQUISH", P1, p_relinquish, INVALID,
	  R([1] = W32, W32, W32, W32, W32, W32, W32), true, 0 },
	/* w3 bit 0 zero, bit 1 time slicing, [31:2] MBZ. */
	{ "MEM_RECLAIM", HOST, p_reclaim, INVALID,
	  R([3] = 0xfffffffc, W32, W32, W32, W32), true, 0 },
	/* 13.1: x1 address; GET w2 MBZ up to v1.2; SET w3[31:3] MBZ. */
	{ "MEM_PERM_GET_32", P1, p_perm_get_32, INVALID,
	  R([2] = W32, W32, W32, W32, W32, W32), true, 0 },
	{ "MEM_PERM_GET_64", P1, p_perm_get_64, INVALID,
	  R([2] = ALL, ALL, ALL, ALL, ALL, ALL), true, 0 },
	{ "MEM_PERM_SET_32", P1, p_perm_set_32, INVALID,
	  R([3] = 0xfffffff8, W32, W32, W32, W32), true, 0 },
	{ "MEM_PERM_SET_64", P1, p_perm_set_64, INVALID,
	  R([2] = HI, HI | 0xfffffff8, ALL, ALL, ALL, ALL), true, 0 },
	/* 11: w1 VM ID, [31:16] MBZ; w2 vCPU count (create). */
	{ "NOTIFICATION_BITMAP_CREATE", HOST, p_bitmap_create, INVALID,
	  R([1] = 0xffff0000, 0, W32, W32, W32, W32, W32), true, 0 },
	{ "NOTIFICATION_BITMAP_DESTROY", HOST, p_bitmap_destroy, INVALID,
	  R([1] = 0xffff0000, W32, W32, W32, W32, W32, W32), true, 0 },
	/* w2 bit 0 per-vCPU; w3/w4 bitmap. */
	{ "NOTIFICATION_BIND", P1, p_bind, INVALID,
	  R([2] = 0xfffffffe, [5] = W32, W32, W32), true, 0 },
	{ "NOTIFICATION_UNBIND", P1, p_unbind, INVALID,
	  R([2] = W32, [5] = W32, W32, W32), true, 0 },
	/* w2 bits[15:2] MBZ, [31:16] vCPU: MBZ without bit 0. */
	{ "NOTIFICATION_SET", P2, p_set, INVALID,
	  R([2] = 0xfffffffc, [5] = W32, W32, W32), true, 0 },
	/* w2 flags[31:4]: SBZ, accepted (test_get_reserved_flags). */
	{ "NOTIFICATION_GET", P1, p_get, INVALID,
	  R([3] = W32, W32, W32, W32, W32), true, 0 },
	{ "NOTIFICATION_INFO_GET_32", HOST, p_info_get_32, INVALID,
	  R([1] = W32, W32, W32, W32, W32, W32, W32), true, 0 },
	{ "NOTIFICATION_INFO_GET_64", HOST, p_info_get_64, INVALID,
	  R([1] = ALL, ALL, ALL, ALL, ALL, ALL, ALL), true, 0 },
};

#define NR_ROWS	(sizeof(rows) / sizeof(rows[0]))

static void run_row(const struct mbz_row *r)
{
	struct mw *w = world_new(r->pages);
	uint64_t x[FFA_NREGS], y[FFA_NREGS];
	struct spm_decision d;
	char what[32];
	uint32_t i, b;

	print_message("row %s\n", r->name);
	memset(x, 0, sizeof(x));
	r->prep(w, x);
	for (i = 1; i < 8; i++) {
		for (b = 0; b < 64; b++) {
			if (!(r->rsvd[i] & (1ULL << b)))
				continue;
			memcpy(y, x, sizeof(y));
			y[i] |= 1ULL << b;
			snprintf(what, sizeof(what), "x%u bit %u", i, b);
			expect_refused(w, r, y, what);
		}
	}
	for (i = 8; r->high && i < FFA_NREGS; i++) {
		memcpy(y, x, sizeof(y));
		y[i] = 1;
		snprintf(what, sizeof(what), "x%u = 1", i);
		expect_refused(w, r, y, what);
		y[i] = 1ULL << 63;
		snprintf(what, sizeof(what), "x%u bit 63", i);
		expect_refused(w, r, y, what);
	}
	/* The valid call is not refused for its arguments. */
	d = call(w, r->caller, x);
	if (d.regs.x[0] == 0x84000060 &&
	    (d.regs.x[2] == INVALID || d.regs.x[2] == NOT_SUPPORTED))
		fail_msg("%s: the valid call answers error %#llx", r->name,
			 (unsigned long long)d.regs.x[2]);
	world_free(w);
}

static void test_reserved_bits_every_abi(void **state)
{
	uint32_t i;

	(void)state;
	for (i = 0; i < NR_ROWS; i++)
		run_row(&rows[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reserved_bits_every_abi),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
