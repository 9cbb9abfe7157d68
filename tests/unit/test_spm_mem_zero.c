// SPDX-License-Identifier: BSD-3-Clause
/*
 * The zero flags, each alone and in every combination, for SHARE, LEND
 * and DONATE, with a read-write borrower, a read-only borrower and an
 * owner that holds the memory read-only (ffa-abi.md 9.6, 9.7, 10.2;
 * bad-input rows 16, 26-28):
 *
 *   S   send flag bit 0: clear before any borrower can map it
 *   ZB  retrieve bit 0: clear before mapping it for this retrieval
 *   ZA  retrieve bit 2: clear once the borrower lets go
 *   R   relinquish bit 0: the same, asked at the relinquish
 *   C   reclaim bit 0: clear before the owner gets it back
 *
 * Every combination is its own test: an oracle written from the rules
 * says which call is refused (then it is asserted unchanged and repeated
 * without the flag) and the exact bytes of the memory after every step;
 * the page next to it must never change.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"
#include "test_mem_common.h"

#define F_S	0x01U
#define F_ZB	0x02U
#define F_ZA	0x04U
#define F_R	0x08U
#define F_C	0x10U
#define NR_FLAG_SETS	0x20U

#define PAGES		2
#define INITIAL		0x11
#define WRITTEN		0x22
#define NEIGHBOUR	0x99

enum op { SHARE, LEND, DONATE, NR_OPS };
enum who_ro { BORROWER_RW, BORROWER_RO, OWNER_RO, NR_ACCESS };

struct zcase {
	const char *name;
	enum op op;
	enum who_ro acc;
	uint32_t flags;
	char buf[48];
};

struct zrun {
	const struct zcase *c;
	struct mw *w;
	struct ffa_mem_range r;
	uint64_t h;
	uint8_t mem;		/* what every byte must hold now */
};

static const uint32_t op_fid[NR_OPS] = { 0x84000073, 0x84000072,
					 0x84000071 };

static bool has(const struct zrun *z, uint32_t flag)
{
	return z->c->flags & flag;
}

static bool read_only(const struct zrun *z)
{
	return z->c->acc != BORROWER_RW;
}

static void check_mem(const struct zrun *z, const char *step)
{
	uint64_t next = z->r.address + PAGES * FFA_PAGE_SIZE;

	if (!all_bytes(z->w, z->r.address, PAGES, z->mem))
		fail_msg("%s, after %s: memory is not all %#x (first %#x)",
			 z->c->name, step, z->mem,
			 *(uint8_t *)fake_ptr(&z->w->h.fp, z->r.address));
	if (!all_bytes(z->w, next, 1, NEIGHBOUR))
		fail_msg("%s, after %s: the next page changed", z->c->name,
			 step);
}

/* The send; false when refused (then nothing else happens). */
static bool send(struct zrun *z)
{
	uint8_t perms = z->c->op == DONATE ? 0 : read_only(z) ? RO : RW;
	struct txn t = txn1(z->w, P1, P2, perms, 0, PAGES, &z->r);
	uint32_t want = 0, len;

	t.flags = has(z, F_S) ? FFA_MEM_FLAG_ZERO : 0;
	if (z->c->op == SHARE)
		t.attrs = FFA_MEM_ATTR_NORMAL_WB_IS;
	if (has(z, F_S) && z->c->op == SHARE)
		want = ERR_INVALID;		/* MBZ for SHARE */
	else if (has(z, F_S) && z->c->acc == OWNER_RO)
		want = ERR_DENIED;		/* the sender cannot write */
	if (want) {
		write_send(z->w, &t, &(struct ffa_mtd_builder){ 0 },
			   &(uint32_t){ 0 }, &len);
		expect_refused(z->w, P1, X(op_fid[z->c->op], len, len), want);
		check_mem(z, "the refused send");
		return false;
	}
	z->h = send_ok(z->w, op_fid[z->c->op], &t);
	if (has(z, F_S))
		z->mem = 0;
	check_mem(z, "the send");
	return true;
}

/* The retrieve; whether its zero-after flag was taken. */
static bool retrieve_it(struct zrun *z)
{
	struct rreq q = rreq1(P2, z->h, P1, read_only(z) ? RO : RW);
	uint32_t zero = (has(z, F_ZB) ? FFA_RETRIEVE_ZERO_BEFORE : 0) |
			(has(z, F_ZA) ? FFA_RETRIEVE_ZERO_AFTER : 0);
	uint32_t want = 0, len;

	q.flags = zero;
	if (zero && z->c->op == SHARE)
		want = ERR_INVALID;		/* MBZ for SHARE */
	else if (has(z, F_ZB) && !has(z, F_S))
		want = ERR_DENIED;		/* the sender did not allow */
	else if (zero && read_only(z))
		want = ERR_DENIED;		/* a read-only retrieval */
	if (want) {
		len = write_rreq(z->w, &q);
		expect_refused(z->w, P2, X(0x84000074, len, len), want);
		q.flags = 0;
	}
	retrieve_ok(z->w, &q);
	/* Zero-before needs S, which cleared it already. */
	check_mem(z, "the retrieve");
	if (!read_only(z)) {
		fill(z->w, z->r.address, PAGES, WRITTEN);
		z->mem = WRITTEN;
	}
	return q.flags & FFA_RETRIEVE_ZERO_AFTER;
}

static void relinquish_it(struct zrun *z, bool zero_after)
{
	uint32_t want = 0;
	struct spm_decision d;

	if (has(z, F_R) && z->c->op == SHARE)
		want = ERR_INVALID;		/* MBZ if shared */
	else if (has(z, F_R) && read_only(z))
		want = ERR_DENIED;		/* read-only */
	if (want) {
		write_relinquish(z->w, P2, z->h, FFA_RELINQUISH_ZERO,
				 (const uint16_t[]){ P2 }, 1);
		expect_refused(z->w, P2, X(0x84000076), want);
	}
	d = relinquish(z->w, P2, z->h,
		       has(z, F_R) && !want ? FFA_RELINQUISH_ZERO : 0);
	expect_ok(&d, P2);
	if ((has(z, F_R) && !want) || zero_after)
		z->mem = 0;
	check_mem(z, "the relinquish");
}

static void reclaim_it(struct zrun *z)
{
	uint32_t want = 0;
	struct spm_decision d;

	if (has(z, F_C) && z->c->op == SHARE)
		want = ERR_INVALID;		/* MBZ for SHARE */
	else if (has(z, F_C) && z->c->acc == OWNER_RO)
		want = ERR_DENIED;		/* the owner cannot write */
	if (want)
		expect_refused(z->w, P1, X(0x84000077, FFA_HANDLE_LO(z->h),
					   FFA_HANDLE_HI(z->h), 1), want);
	d = reclaim(z->w, P1, z->h, has(z, F_C) && !want ? 1 : 0);
	expect_ok(&d, P1);
	if (has(z, F_C) && !want)
		z->mem = 0;
	check_mem(z, "the reclaim");
}

static void run_zcase(void **state)
{
	struct zrun z = { .c = *state, .w = mw_new(), .mem = INITIAL };
	struct spm_decision d;
	bool zero_after;

	fill(z.w, data_of(z.w, P1, 0), PAGES, INITIAL);
	fill(z.w, data_of(z.w, P1, PAGES), 1, NEIGHBOUR);
	if (z.c->acc == OWNER_RO) {
		/* FFA_MEM_PERM_SET: read-only, not executable (13.1). */
		d = mcall(z.w, P1, X(0x84000089, data_of(z.w, P1, 0), PAGES,
				     0x7));
		expect_ok(&d, P1);
	}
	if (send(&z)) {
		zero_after = retrieve_it(&z);
		/* A donation is the borrower's now: nothing more clears. */
		if (z.c->op != DONATE) {
			relinquish_it(&z, zero_after);
			reclaim_it(&z);
		}
		check_mem(&z, "the end");
	}
	mw_free(z.w);
}

int main(void)
{
	static const char *const ops[NR_OPS] = { "share", "lend", "donate" };
	static const char *const accs[NR_ACCESS] = { "rw", "borrower_ro",
						     "owner_ro" };
	static const struct CMUnitTest none[1];
	struct zcase *cases = calloc(NR_OPS * NR_ACCESS * NR_FLAG_SETS,
				     sizeof(*cases));
	uint32_t op, acc, f, n = 0;
	int ret;

	if (!cases)
		return 1;
	for (op = 0; op < NR_OPS; op++)
		for (acc = 0; acc < NR_ACCESS; acc++)
			for (f = 0; f < NR_FLAG_SETS; f++, n++) {
				struct zcase *c = &cases[n];

				c->op = op;
				c->acc = acc;
				c->flags = f;
				snprintf(c->buf, sizeof(c->buf),
					 "%s_%s%s%s%s%s%s", ops[op], accs[acc],
					 f & F_S ? "_S" : "",
					 f & F_ZB ? "_ZB" : "",
					 f & F_ZA ? "_ZA" : "",
					 f & F_R ? "_R" : "",
					 f & F_C ? "_C" : "");
				c->name = c->buf;
			}
	ret = run_case_table("test_spm_mem_zero", cases, n, sizeof(*cases),
			     run_zcase, none, 0);
	free(cases);
	return ret;
}
