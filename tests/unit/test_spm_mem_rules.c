// SPDX-License-Identifier: BSD-3-Clause
/*
 * The retrieve rows of ffa-abi.md 10.2, one table row per situation:
 * each builds a fresh transaction, sends the request (SMC32 and SMC64
 * when refused) and asserts the exact error with nothing changed, or the
 * exact permissions, attributes and mapping granted. Then the memory
 * attributes of every operation x borrower count x attributes in the
 * send x attributes in the retrieve (9.4, 9.9, bad-input rows 13 and
 * 26), and the NS bit of responses (9.4, bit 6).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_spm_mem_common.h"
#include "test_mem_common.h"

#define ZB	FFA_RETRIEVE_ZERO_BEFORE
#define ZA	FFA_RETRIEVE_ZERO_AFTER
#define TYPE(t)	(FFA_RETRIEVE_TYPE_##t << FFA_RETRIEVE_TYPE_SHIFT)
#define RO_X	0x09U
#define NX_ONLY	0x04U
#define WB_IS	FFA_MEM_ATTR_NORMAL_WB_IS
#define DEV	FFA_MEM_ATTR_TYPE_DEVICE	/* Device-nGnRnE */
#define RXA	(SPM_ACCESS_R | SPM_ACCESS_X)

/* The transactions a row retrieves from. */
enum kind {
	SH1,		/* HOST -> P1 SHARE RW, Normal WB IS */
	SH2,		/* P1 -> P2 RO, P3 RW SHARE, Normal WB IS */
	LE1,		/* P1 -> P2 LEND RW */
	LE1RO,		/* P1 -> P2 LEND RO */
	LE1Z,		/* P1 -> P2 LEND RW, zero flag */
	LE2,		/* P1 -> P2 RW, P3 RW LEND, Normal WB IS */
	DO1,		/* P1 -> P2 DONATE */
	DO1Z,		/* P1 -> P2 DONATE, zero flag */
	DO1RO,		/* P1 -> P2 DONATE of memory P1 may only read */
	HLE1X,		/* HOST -> P1 LEND RW, host may execute it */
	XLE1,		/* P1 -> P2 LEND RO, memory P1 may read, execute */
	SENDING,	/* P1 -> P2 LEND, first of two fragments sent */
};

enum mod {
	M_NONE,
	M_HANDLE,	/* a handle that names nothing */
	M_TAG,		/* the wrong tag */
	M_SENDER,	/* the wrong owner */
	M_SHORT_LIST,	/* the other borrower left out */
	M_RX_FULL,	/* the retriever's RX buffer full */
};

struct row {
	const char *name;
	enum kind kind;
	uint16_t who;		/* retriever; 0: the first borrower */
	uint8_t perms;
	uint32_t flags;
	uint16_t attrs;
	enum mod mod;
	uint32_t pre;		/* earlier retrievals by the retriever */
	uint32_t want;		/* ERR_*, or 0 */
	uint8_t want_perms;	/* of the caller's response EMAD */
	uint32_t want_access;	/* mapped for the caller */
	uint16_t want_attrs;	/* of the response header */
};

#define OK(n, k, p, ...) { .name = n, .kind = k, .perms = p, __VA_ARGS__ }
#define NO(n, k, p, e, ...) \
	{ .name = n, .kind = k, .perms = p, .want = e, __VA_ARGS__ }
#define GOT(p, a, at)	.want_perms = p, .want_access = a, .want_attrs = at

static const struct row rows[] = {
	/* "unknown handle, or sending not finished" */
	NO("unknown_handle", LE1, RW, ERR_INVALID, .mod = M_HANDLE),
	/* Bad-input row 20 (DENIED) over 10.2 (INVALID): see ARCHITECTURE. */
	NO("sending_not_finished", SENDING, RW, ERR_DENIED),
	/* "descriptor sender != owner recorded for the handle" */
	NO("sender_not_owner", LE1, RW, ERR_DENIED, .mod = M_SENDER),
	/* "tag mismatch, transaction-type mismatch, caller not among ..." */
	NO("tag_mismatch", LE1, RW, ERR_INVALID, .mod = M_TAG),
	NO("type_share_for_lend", LE1, RW, ERR_INVALID, .flags = TYPE(SHARE)),
	NO("type_donate_for_lend", LE1, RW, ERR_INVALID,
	   .flags = TYPE(DONATE)),
	NO("type_lend_for_share", SH2, 0, ERR_INVALID, .flags = TYPE(LEND)),
	OK("type_lend_ok", LE1, RW, .flags = TYPE(LEND), GOT(RW_NX, RWA, 0)),
	OK("type_any_ok", LE1, RW, GOT(RW_NX, RWA, 0)),
	NO("caller_not_a_borrower", LE1, RW, ERR_INVALID, .who = P3),
	NO("host_not_a_borrower", SH2, 0, ERR_INVALID, .who = HOST),
	NO("borrower_list_short", LE2, RW, ERR_INVALID, .mod = M_SHORT_LIST),
	/* "already mapped / retrieved more times than allowed" */
	OK("third_retrieval_ok", LE1, 0, .pre = 2, GOT(RW_NX, RWA, 0)),
	NO("fourth_retrieval", LE1, 0, ERR_DENIED, .pre = 3),
	NO("fourth_retrieval_of_share", SH2, 0, ERR_DENIED, .pre = 3),
	/* "requested permission more permissive than granted" */
	NO("rw_of_ro_lend", LE1RO, RW, ERR_DENIED),
	NO("rw_of_ro_share", SH2, RW, ERR_DENIED),
	OK("ro_of_rw_lend_ok", LE1, RO, GOT(RO_NX, RA, 0)),
	OK("ro_of_rw_share_ok", SH2, RO, .who = P3, GOT(RO_NX, RA, WB_IS)),
	NO("x_of_memory_owner_cannot_execute", LE1, RW_X, ERR_DENIED),
	NO("x_of_normal_world_memory", HLE1X, RW_X, ERR_DENIED),
	OK("x_of_executable_memory_ok", XLE1, RO_X, GOT(RO_X, RXA, 0)),
	NO("rw_x_of_ro_executable_memory", XLE1, RW_X, ERR_DENIED),
	NO("x_of_donated_memory", DO1, RW_X, ERR_DENIED),
	/* A donation passes on what the donor had: no more. */
	NO("donate_rw_of_read_only_memory", DO1RO, RW, ERR_DENIED),
	OK("donate_unspecified_of_read_only_memory", DO1RO, 0,
	   GOT(RO_NX, RA, 0)),
	/* "Retrieve SHARE: instruction access specified, or zero flags" */
	NO("share_rw_nx", SH1, RW_NX, ERR_INVALID),
	NO("share_rw_x", SH1, RW_X, ERR_INVALID),
	NO("share_nx_alone", SH1, NX_ONLY, ERR_INVALID),
	NO("share_ro_nx", SH2, RO_NX, ERR_INVALID),
	NO("share_zero_before", SH1, RW, ERR_INVALID, .flags = ZB),
	NO("share_zero_after", SH1, RW, ERR_INVALID, .flags = ZA),
	NO("share_zero_both", SH1, RW, ERR_INVALID, .flags = ZB | ZA),
	NO("share_zero_before_read_only", SH2, RO, ERR_INVALID, .flags = ZB),
	OK("share_unspecified_ok", SH1, 0, GOT(RW_NX, RWA, WB_IS | 0x40)),
	/* Memory mapped in several places is never executable either. */
	NO("lend_two_nx", LE2, RW_NX, ERR_INVALID),
	NO("lend_two_x", LE2, RW_X, ERR_INVALID),
	OK("lend_two_unspecified_ok", LE2, RW, GOT(RW_NX, RWA, WB_IS)),
	/* "LEND/DONATE to one: instruction access not specified": NX. */
	OK("lend_instr_unspecified_nx", LE1, RW, GOT(RW_NX, RWA, 0)),
	OK("lend_all_unspecified_nx", LE1, 0, GOT(RW_NX, RWA, 0)),
	OK("lend_nx_ok", LE1, RW_NX, GOT(RW_NX, RWA, 0)),
	OK("donate_unspecified_nx", DO1, 0, GOT(RW_NX, RWA, 0)),
	OK("donate_ro_nx_ok", DO1, RO_NX, GOT(RO_NX, RA, 0)),
	/* "zero-before-retrieve asked but sender did not set it" */
	NO("zero_before_not_granted", LE1, RW, ERR_DENIED, .flags = ZB),
	OK("zero_before_granted_ok", LE1Z, RW, .flags = ZB,
	   GOT(RW_NX, RWA, 0)),
	OK("zero_after_ok", LE1, RW, .flags = ZA, GOT(RW_NX, RWA, 0)),
	OK("donate_zero_before_ok", DO1Z, 0, .flags = ZB, GOT(RW_NX, RWA, 0)),
	/* "zero flag while the relevant party has read-only access" */
	NO("zero_before_read_only", LE1Z, RO, ERR_DENIED, .flags = ZB),
	NO("zero_before_ro_granted", LE1RO, 0, ERR_DENIED, .flags = ZB),
	NO("zero_after_read_only", LE1, RO, ERR_DENIED, .flags = ZA),
	NO("zero_after_ro_granted", LE1RO, 0, ERR_DENIED, .flags = ZA),
	NO("donate_zero_before_read_only", DO1Z, RO, ERR_DENIED, .flags = ZB),
	/* Zero-before by a borrower that holds it already: MBZ. */
	NO("zero_before_when_retrieved", LE1Z, RW, ERR_INVALID, .flags = ZB,
	   .pre = 1),
	/* "caller's RX buffer not free" */
	NO("rx_full", LE1, RW, ERR_BUSY, .mod = M_RX_FULL),
	NO("rx_full_on_a_later_retrieval", LE1, 0, ERR_BUSY, .pre = 1,
	   .mod = M_RX_FULL),
	/* "address ranges / alignment hint supplied (unsupported)" */
	NO("alignment_hint_valid", LE1, RW, ERR_INVALID,
	   .flags = FFA_RETRIEVE_ALIGN_VALID),
	NO("alignment_hint_value", LE1, RW, ERR_INVALID, .flags = 1U << 5),
	NO("time_slicing", LE1, RW, ERR_INVALID,
	   .flags = FFA_RETRIEVE_TIME_SLICE),
	/* Reserved encodings (9.4, 9.5) and the NS bit, MBZ in a request. */
	NO("instr_reserved", LE1, 0x0e, ERR_INVALID),
	NO("instr_reserved_alone", LE1, 0x0c, ERR_INVALID),
	NO("data_reserved", LE1, 0x03, ERR_INVALID),
	NO("perm_bits_reserved", LE1, 0x12, ERR_INVALID),
	NO("ns_bit", LE1, RW, ERR_INVALID, .attrs = 0x40),
	NO("ns_bit_with_type", SH2, 0, ERR_INVALID, .attrs = WB_IS | 0x40),
	/* Attributes (the whole matrix is below). */
	OK("lend_attrs_stated_ok", LE1, RW, .attrs = WB_IS,
	   GOT(RW_NX, RWA, WB_IS)),
	NO("share_attrs_differ", SH2, 0, ERR_INVALID, .attrs = DEV),
	NO("lend_attrs_bad", LE1, RW, ERR_INVALID, .attrs = 0x2b),
};

struct world {
	struct mw *w;
	struct ffa_mem_range r;
	uint64_t h;
	uint16_t owner;
	uint16_t borrowers[2];
	uint32_t nr_borrowers;
};

/* Mark the host's pages as executable by it (no ABI gives it that). */
static void host_may_execute(struct mw *w, uint64_t addr, uint32_t n)
{
	uint64_t first = (addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE, i;

	for (i = first; i < first + n; i++)
		w->h.st.pages[i].flags |=
			(uint8_t)(SPM_ACCESS_X << SPM_PAGE_ACCESS_SHIFT);
}

/* The first of two fragments of a LEND: the transaction stays SENDING. */
static uint64_t send_half(struct world *wd)
{
	const struct ffa_mem_access to = { .receiver_id = P2, .perms = RW };
	struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = P1, .tag = TAG },
		.access = &to, .nr_access = 1, .total_pages = 2,
		.nr_ranges = 2,
	};
	struct ffa_mtd_builder b;
	struct spm_decision d;

	assert_int_equal(ffa_mtd_build_begin(&b, tx_bytes(wd->w, P1),
					     FFA_PAGE_SIZE, &spec), 0);
	assert_int_equal(ffa_mtd_build_add(&b, wd->r.address, 1), 0);
	d = mcall(wd->w, P1, X(0x84000072, b.total_len, b.frag_len));
	assert_int_equal(d.regs.x[0], 0x8400007A);
	return FFA_HANDLE_MAKE(d.regs.x[1], d.regs.x[2]);
}

static void world_new(struct world *wd, enum kind k)
{
	static const struct {
		uint16_t owner, b0, b1;
		uint8_t p0, p1;
		uint16_t attrs;
		uint32_t fid, flags;
	} kinds[] = {
		[SH1] = { HOST, P1, 0, RW, 0, WB_IS, 0x84000073, 0 },
		[SH2] = { P1, P2, P3, RO, RW, WB_IS, 0x84000073, 0 },
		[LE1] = { P1, P2, 0, RW, 0, 0, 0x84000072, 0 },
		[LE1RO] = { P1, P2, 0, RO, 0, 0, 0x84000072, 0 },
		[LE1Z] = { P1, P2, 0, RW, 0, 0, 0x84000072, 1 },
		[LE2] = { P1, P2, P3, RW, RW, WB_IS, 0x84000072, 0 },
		[DO1] = { P1, P2, 0, 0, 0, 0, 0x84000071, 0 },
		[DO1Z] = { P1, P2, 0, 0, 0, 0, 0x84000071, 1 },
		[DO1RO] = { P1, P2, 0, 0, 0, 0, 0x84000071, 0 },
		[HLE1X] = { HOST, P1, 0, RW, 0, 0, 0x84000072, 0 },
		[XLE1] = { P1, P2, 0, RO, 0, 0, 0x84000072, 0 },
		[SENDING] = { P1, P2, 0, RW, 0, 0, 0, 0 },
	};
	struct spm_decision d;
	struct txn t;

	memset(wd, 0, sizeof(*wd));
	wd->w = mw_new();
	wd->owner = kinds[k].owner;
	wd->borrowers[0] = kinds[k].b0;
	wd->borrowers[1] = kinds[k].b1;
	wd->nr_borrowers = kinds[k].b1 ? 2 : 1;
	t = txn1(wd->w, wd->owner, kinds[k].b0, kinds[k].p0, 0, 2, &wd->r);
	if (kinds[k].b1)
		txn_add(&t, kinds[k].b1, kinds[k].p1);
	t.attrs = kinds[k].attrs;
	t.flags = kinds[k].flags;
	if (k == HLE1X)
		host_may_execute(wd->w, wd->r.address, 2);
	if (k == XLE1 || k == DO1RO) {
		/* MEM_PERM_SET: read-only, executable or not (13.1). */
		d = mcall(wd->w, P1, X(0x84000089, wd->r.address, 2,
				       k == XLE1 ? 0x3 : 0x7));
		expect_ok(&d, P1);
	}
	wd->h = k == SENDING ? send_half(wd) : send_ok(wd->w, kinds[k].fid,
						       &t);
}

/* The request: every borrower named, the retriever with perms. */
static struct rreq request(const struct world *wd, uint16_t who,
			   uint8_t perms, bool all)
{
	struct rreq q = rreq1(who, wd->h, wd->owner, perms);
	uint32_t i;

	for (i = 0; all && i < wd->nr_borrowers; i++)
		if (wd->borrowers[i] != who)
			rreq_add(&q, wd->borrowers[i], 0);
	return q;
}

/* The permission byte of id's EMAD in a response. */
static uint8_t resp_perms(const uint8_t *rx, uint16_t id)
{
	uint32_t size = ld32(rx + 24), n = ld32(rx + 28), off = ld32(rx + 32);
	uint32_t i;

	for (i = 0; i < n; i++, off += size)
		if ((uint16_t)ld32(rx + off) == id)
			return rx[off + 2];
	fail_msg("no EMAD for %#x", id);
	return 0;
}

static void earlier_retrievals(struct world *wd, const struct row *c,
			       uint16_t who)
{
	struct rreq q = request(wd, who, 0, true);
	struct spm_decision d;
	uint32_t i;

	for (i = 0; i < c->pre; i++)
		retrieve_ok(wd->w, &q);
	if (c->mod == M_RX_FULL) {
		/* FFA_PARTITION_INFO_GET (nil UUID) fills the RX buffer. */
		d = mcall(wd->w, who, X(0x84000068));
		assert_int_equal(d.regs.x[0], 0x84000061);
	}
}

static void run_row(void **state)
{
	const struct row *c = *state;
	struct world wd;
	struct spm_decision d;
	struct rreq q;
	uint16_t who;

	world_new(&wd, c->kind);
	who = c->who ? c->who : wd.borrowers[0];
	earlier_retrievals(&wd, c, who);
	q = request(&wd, who, c->perms, c->mod != M_SHORT_LIST);
	q.flags = c->flags;
	q.attrs = c->attrs;
	if (c->mod == M_HANDLE)
		q.handle = wd.h + 1;
	if (c->mod == M_TAG)
		q.tag = TAG + 1;
	if (c->mod == M_SENDER)
		q.sender = wd.owner == P1 ? P3 : P1;
	if (c->want) {
		uint32_t len = write_rreq(wd.w, &q);

		expect_refused(wd.w, who, X(0x84000074, len, len), c->want);
		expect_refused(wd.w, who, X(0xC4000074, len, len), c->want);
	} else {
		d = retrieve(wd.w, &q);
		assert_int_equal(d.regs.x[0], 0x84000075);
		assert_int_equal(d.regs.x[1], d.regs.x[2]);
		assert_int_equal(resp_perms(rx_bytes(wd.w, who), who),
				 c->want_perms);
		assert_int_equal(ld32(rx_bytes(wd.w, who)) >> 16,
				 c->want_attrs);
		expect_access(wd.w, who, wd.r.address, 2, c->want_access);
	}
	mw_free(wd.w);
}

/* ---- memory attributes: operation x borrowers x send x retrieve ---- */

enum { A_UNSET, A_WB_IS, A_DEVICE, A_BAD, NR_SEND_ATTRS };
static const uint16_t send_attrs[NR_SEND_ATTRS] = { 0, WB_IS, DEV, 0x30 };

enum { R_ZERO, R_SAME, R_OTHER, NR_RETRIEVE_ATTRS };

/* The other value a borrower may state: Normal for Device, and back. */
static uint16_t other_attrs(uint16_t sent)
{
	return sent == WB_IS ? DEV : WB_IS;
}

static bool op_shared(uint32_t fid, uint32_t n)
{
	return fid == 0x84000073 || (fid == 0x84000072 && n > 1);
}

/* The oracle of ffa-abi.md 10.2 for the send: 0 or the error. */
static uint32_t send_verdict(uint32_t fid, uint32_t n, uint16_t attrs)
{
	uint16_t type = attrs & FFA_MEM_ATTR_TYPE_MASK;

	if (fid == 0x84000071 && n > 1)
		return ERR_INVALID;		/* DONATE to one only */
	if (type == FFA_MEM_ATTR_TYPE_RSVD)
		return ERR_INVALID;
	if (op_shared(fid, n))
		return type ? 0 : ERR_INVALID;	/* the sender says */
	return type ? ERR_INVALID : 0;		/* the borrower does */
}

/* ... and for the retrieve (9.9, row 26): 0 or the error; *got. */
static uint32_t retrieve_verdict(uint16_t sent, uint16_t asked,
				 uint16_t *got)
{
	*got = sent;
	if (asked == 0 || asked == sent)
		return 0;
	if (sent == 0) {
		*got = asked;
		return 0;
	}
	if ((asked & FFA_MEM_ATTR_TYPE_MASK) == FFA_MEM_ATTR_TYPE_NORMAL &&
	    (sent & FFA_MEM_ATTR_TYPE_MASK) == FFA_MEM_ATTR_TYPE_DEVICE)
		return ERR_DENIED;
	return ERR_INVALID;
}

static void attrs_case(uint32_t fid, uint32_t n, uint32_t sa, uint32_t ra)
{
	struct mw *w = mw_new();
	uint8_t perms = fid == 0x84000071 ? 0 : RW;
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, perms, 0, 1, &r);
	uint16_t sent = send_attrs[sa], asked, got;
	uint32_t want, len;
	struct spm_decision d;
	struct rreq q;
	uint64_t h;

	if (n > 1)
		txn_add(&t, P3, perms);
	t.attrs = sent;
	want = send_verdict(fid, n, sent);
	if (want) {
		write_send(w, &t, &(struct ffa_mtd_builder){ 0 },
			   &(uint32_t){ 0 }, &len);
		expect_refused(w, P1, X(fid, len, len), want);
		mw_free(w);
		return;
	}
	h = send_ok(w, fid, &t);
	asked = ra == R_ZERO ? 0 : ra == R_SAME ? sent : other_attrs(sent);
	q = rreq1(P2, h, P1, 0);
	if (n > 1)
		rreq_add(&q, P3, 0);
	q.attrs = asked;
	want = retrieve_verdict(sent, asked, &got);
	if (want) {
		len = write_rreq(w, &q);
		expect_refused(w, P2, X(0x84000074, len, len), want);
	} else {
		d = retrieve(w, &q);
		assert_int_equal(d.regs.x[0], 0x84000075);
		assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, got);
		expect_access(w, P2, r.address, 1, RWA);
	}
	mw_free(w);
}

static void test_attributes_matrix(void **state)
{
	static const uint32_t fids[] = { 0x84000073, 0x84000072, 0x84000071 };
	uint32_t f, n, sa, ra;

	(void)state;
	for (f = 0; f < ARRAY_LEN(fids); f++)
		for (n = 1; n <= 2; n++)
			for (sa = 0; sa < NR_SEND_ATTRS; sa++)
				for (ra = 0; ra < NR_RETRIEVE_ATTRS; ra++)
					attrs_case(fids[f], n, sa, ra);
}

/*
 * A borrower of a single-borrower LEND states the attributes; a later
 * retrieval of its own quotes them or says nothing; once it let go, a
 * fresh retrieval may state others.
 */
static void test_attributes_follow_first_retrieval(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	uint64_t h = send_ok(w, 0x84000072, &t);
	struct rreq q = rreq1(P2, h, P1, 0);
	struct spm_decision d;
	uint32_t len;

	(void)state;
	q.attrs = DEV;
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, DEV);
	q.attrs = 0;
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, DEV);
	q.attrs = WB_IS;		/* Normal of what it took as Device */
	len = write_rreq(w, &q);
	expect_refused(w, P2, X(0x84000074, len, len), ERR_DENIED);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	d = relinquish(w, P2, h, 0);
	expect_ok(&d, P2);
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, WB_IS);
	mw_free(w);
}

/*
 * The NS bit (9.4 bit 6) in a response: set for memory the normal world
 * owns when the retriever's layout has it (v1.1 on), never for a
 * partition's own memory nor in the 8-bit v1.0 field.
 */
static void test_ns_bit(void **state)
{
	static const uint32_t versions[NR_EPS] = {
		0, 0x10000, 0x10001, 0,
	};
	struct mw *w = mw_new_ex(64, 4096, versions);
	struct ffa_mem_range r;
	struct txn t = txn1(w, HOST, P1, RW, 0, 1, &r);
	struct rreq q;
	uint64_t h;

	(void)state;
	t.attrs = WB_IS;
	txn_add(&t, P2, RO);
	txn_add(&t, P3, RO);
	h = send_ok(w, 0x84000073, &t);
	q = rreq1(P1, h, HOST, 0);	/* v1.0: no NS bit in its layout */
	rreq_add(&q, P2, 0);
	rreq_add(&q, P3, 0);
	retrieve_ok(w, &q);
	assert_int_equal(rx_bytes(w, P1)[2], WB_IS);
	assert_int_equal(rx_bytes(w, P1)[3], 0);
	q.borrower = P2;		/* v1.1 */
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, WB_IS | 0x40);
	q.borrower = P3;		/* v1.2 */
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P3)) >> 16, WB_IS | 0x40);
	/* A partition's memory is secure: no NS bit. */
	t = txn1(w, P3, P2, RW, 0, 1, &r);
	h = send_ok(w, 0x84000072, &t);
	q = rreq1(P2, h, P3, 0);
	q.attrs = WB_IS;
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P2)) >> 16, WB_IS);
	/* The host's donation to a v1.2 partition: NS. */
	t = txn1(w, HOST, P3, 0, 4, 1, &r);
	h = send_ok(w, 0x84000071, &t);
	q = rreq1(P3, h, HOST, 0);
	retrieve_ok(w, &q);
	assert_int_equal(ld32(rx_bytes(w, P3)) >> 16, 0x40);
	mw_free(w);
}

int main(void)
{
	static const struct CMUnitTest extra[] = {
		cmocka_unit_test(test_attributes_matrix),
		cmocka_unit_test(test_attributes_follow_first_retrieval),
		cmocka_unit_test(test_ns_bit),
	};

	return RUN_CASE_TABLE("test_spm_mem_rules", rows, run_row, extra);
}
