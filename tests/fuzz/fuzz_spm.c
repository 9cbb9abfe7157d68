// SPDX-License-Identifier: BSD-3-Clause
/*
 * The partition manager under random call sequences, through the whole
 * memory life cycle. A small system (spm_world.c: the host, two secure
 * partitions and a normal-world endpoint, speaking v1.2, v1.2, v1.1 and
 * v1.0, every mailbox mapped) boots; then each STEP_SIZE bytes of the input
 * make one step, as whichever endpoint the manager's last decision left
 * running. After every step the manager's invariants must hold, its
 * records must match what the platform maps (map_check()), its decision
 * must make sense, and what it answered must be what it did.
 *
 * Step format: b[0] % 16 picks the action, b[1..40] are its arguments.
 *
 *   0 SEND       b1: bits 1:0 op (% 3: SHARE, LEND, DONATE), bit 2 SMC64, bit 3
 *                fragment it, bits 5:4 borrowers - 1, bit 6 corrupt one
 *                bit (b15, b16), bit 7 take pages blindly (else pages
 *                the caller owns exclusively); b2 first borrower among
 *                the others; b3 bit 7: raw permissions b3..b6, else
 *                b3 bit 0 RO, bits 2:1 instruction access (single LEND);
 *                b7 bit 7: raw attributes b7 | b8 << 8, else legal ones;
 *                b9 zero flag (bit 0), raw flags if bit 7 (b9 << 1);
 *                b10..11 tag; b12 ranges (bit 7: 251 + b12 % 64 one-page
 *                ranges, else 1 + b12 % 8); b13 first page; b14 pages
 *                per range; b17 constituents in the first fragment.
 *   1 FRAG_TX    b1 transaction; b2 constituents; b3 bit 0 w4 set,
 *                bit 1 odd length, bit 2 wrong handle.
 *   2 RETRIEVE   b1 transaction; b2 bits 1:0 zero before / after, bits
 *                3:2 type (as sent, any, wrong, raw b3), bit 4 bypass
 *                flag, bit 5 keep RX (no RX_RELEASE first), bit 6
 *                SMC64; b4 bit 7 raw permissions, else bit 0 ask RO,
 *                bit 1 unspecified data, bits 3:2 instruction access;
 *                b5 attributes (% 4: none, as sent, raw b6, NS bit);
 *                b7 borrower list (% 8: as sent, 4 drop one, 5 add a
 *                stranger, 6 reversed, 7 the caller alone); b8 bit 0
 *                wrong tag, bit 1 wrong sender, bit 2 stale handle, bit
 *                3 other layout version, bit 4 impdef set.
 *   3 FRAG_RX    b1 transaction; b2 bit 0 keep RX, bit 1 raw offset b3,
 *                bit 2 w4 set.
 *   4 RELINQUISH b1 transaction; b2 bit 0 zero flag, bit 7 raw flags b3;
 *                b4 IDs (% 8: 6 caller and another, 7 another only).
 *   5 RECLAIM    b1 transaction; b2 bit 0 zero flag, bit 7 raw flags b3.
 *   6 RX_RELEASE
 *   7 SWITCH     the host sends a direct request to b1 % 128 % 3 + 1; a
 *                partition answers its requester (b1 bit 7: sends a
 *                request to another one instead), or waits.
 *   8 ABORT      the running partition faults (spm_abort()); not the host.
 *   9.. RAW      b1 picks the function ID; the registers, an optional
 *                descriptor template in TX, or an interrupt for the host
 *                (spm_preempt()) instead of a call come from b2..b40.
 *
 * "Transaction" bytes pick an entry of a small table filled from every
 * send answered with a handle (FFA_SUCCESS or FFA_MEM_FRAG_RX) in this
 * input, preferring entries that make sense for the caller; requests and
 * relinquish descriptors are built from it with lib/'s builders, so they
 * are valid unless a mutation bit says otherwise.
 *
 * With FUZZ_SPM_STAGES set, the number of steps that completed each
 * stage of the life cycle is printed at exit (scripts/check-fuzz-stages
 * replays the seed corpus, tests/fuzz/corpus/fuzz_spm, made by
 * tests/fuzz/gen-spm-corpus, and fails if one is 0).
 */
#include <string.h>

#include <libffa/bytes.h>
#include <libffa/mem_desc.h>

#include "spm_world.h"

#define STEP_SIZE	41U
#define MAX_STEPS	64U
#define NR_TXNS		8U
#define MAX_TXN_RANGES	320U
#define DESC_MAX	(128U + 32U * FFA_MEM_MAX_ACCESS + 16U * MAX_TXN_RANGES)

enum action {
	A_SEND, A_FRAG_TX, A_RETRIEVE, A_FRAG_RX, A_RELINQUISH, A_RECLAIM,
	A_RX_RELEASE, A_SWITCH, A_ABORT, A_RAW,
};

/* Every ABI the manager knows, plus a few it must refuse. */
static const uint32_t fids[] = {
	0x84000063, 0x84000064, 0x84000069, 0x84000085, 0x8400008A,
	0xC400008A, 0x84000066, 0xC4000066, 0x84000067, 0x84000065,
	0x84000068, 0xC400008B, 0x8400006B, 0x8400006D, 0x8400006C,
	0x8400006F, 0xC400006F, 0xC400008D, 0x84000070, 0xC4000070,
	0xC400008E, 0x84000086, 0x84000073, 0xC4000073, 0x84000072,
	0xC4000072, 0x84000071, 0xC4000071, 0x8400007B, 0x84000074,
	0xC4000074, 0x8400007A, 0x84000076, 0x84000077, 0x84000088,
	0xC4000088, 0x84000089, 0xC4000089, 0x8400007D, 0x8400007E,
	0x8400007F, 0x84000080, 0x84000081, 0x84000082, 0x84000083,
	0xC4000083, 0x84000084, 0x84000060, 0x8400008F, 0x12345678,
};

/* ---- the transactions this input made ---- */

struct txn {
	bool used;
	bool complete;		/* answered FFA_SUCCESS */
	bool dead;		/* reclaimed or donated: a stale handle now */
	uint64_t handle;
	uint16_t sender;
	enum ffa_mem_op op;
	struct ffa_mem_header hdr;
	uint32_t nr_access;
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	uint32_t nr_ranges;
	struct ffa_mem_range ranges[MAX_TXN_RANGES];
	uint32_t total_pages;
	uint8_t desc[DESC_MAX];	/* as built, in the sender's layout */
	uint32_t total_len;
	uint32_t sent;		/* bytes the manager has taken */
	/*
	 * Per borrower: the retrieve response, as read so far (unless a raw
	 * call may have moved it on behind our back).
	 */
	bool resp_known[FFA_MEM_MAX_ACCESS];
	uint32_t resp_total[FFA_MEM_MAX_ACCESS];
	uint32_t resp_sent[FFA_MEM_MAX_ACCESS];
	uint32_t resp_ranges[FFA_MEM_MAX_ACCESS];
};

static struct txn txns[NR_TXNS];
static unsigned int next_txn;

static int borrower_index(const struct txn *t, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < t->nr_access; i++)
		if (t->access[i].receiver_id == id)
			return (int)i;
	return -1;
}

enum want { W_SENDING, W_BORROWED, W_READING, W_OWNED };

static bool fits(const struct txn *t, uint16_t caller, enum want w)
{
	int k = borrower_index(t, caller);

	switch (w) {
	case W_SENDING:
		return !t->complete && !t->dead && t->sender == caller;
	case W_BORROWED:
		return t->complete && !t->dead && k >= 0;
	case W_READING:
		return k >= 0 && t->resp_sent[k] < t->resp_total[k];
	default:
		return t->complete && !t->dead && t->sender == caller;
	}
}

/*
 * Entry b (mod the table), or the next one that fits what the caller
 * would do with it, or the next one in use; NULL when there is none.
 */
static struct txn *pick(uint8_t b, uint16_t caller, enum want w)
{
	unsigned int i, k;

	for (i = 0; i < NR_TXNS; i++) {
		k = (b + i) % NR_TXNS;
		if (txns[k].used && fits(&txns[k], caller, w))
			return &txns[k];
	}
	for (i = 0; i < NR_TXNS; i++) {
		k = (b + i) % NR_TXNS;
		if (txns[k].used)
			return &txns[k];
	}
	return NULL;
}

/* ---- SEND and FRAG_TX ---- */

/* Legal permissions for borrower k of a send, from b. */
static uint8_t send_perms(enum ffa_mem_op op, uint32_t nr, const uint8_t *b,
			  uint32_t k)
{
	uint8_t perms;

	if (b[3] & 0x80)
		return b[3 + k % 4];
	if (op == FFA_MEM_OP_DONATE)
		return 0;
	perms = (b[3] & 1) ? FFA_MEM_DATA_RO : FFA_MEM_DATA_RW;
	if (op == FFA_MEM_OP_LEND && nr == 1)
		perms |= (uint8_t)(((b[3] >> 1) % 3) << 2);
	return perms;
}

static uint16_t send_attrs(enum ffa_mem_op op, uint32_t nr, const uint8_t *b)
{
	if (b[7] & 0x80)
		return (uint16_t)((b[7] & 0x7f) | b[8] << 8);
	if (op == FFA_MEM_OP_SHARE || (op == FFA_MEM_OP_LEND && nr > 1))
		return FFA_MEM_ATTR_NORMAL_WB_IS;
	return 0;
}

/* A page the sender may send: its own, in no share and no mailbox. */
static bool page_free(unsigned int page, uint16_t sender, uint32_t need)
{
	const struct spm_page *p = &pages[page];
	uint32_t access = (p->flags & SPM_PAGE_ACCESS_MASK) >>
			  SPM_PAGE_ACCESS_SHIFT;

	return p->owner == (unsigned int)ep_slot(sender) + 1U &&
	       !(p->flags & (SPM_PAGE_MAILBOX | SPM_PAGE_IN_SHARE)) &&
	       (access & need) == need;
}

/*
 * The constituents: n ranges of up to `per` pages, each from the next
 * pages the sender owns exclusively (or, blindly, the next pages of its
 * region), from page `start` of managed memory on.
 */
static uint32_t pick_ranges(struct txn *t, uint16_t sender, uint32_t n,
			    uint32_t start, uint8_t per, bool blind,
			    uint32_t need, bool gap)
{
	unsigned int slot = (unsigned int)ep_slot(sender);
	uint32_t page = blind ? ep_first[slot] + start % ep_pages[slot] :
				start % MEM_PAGES;
	uint32_t i, len, seen = 0, want;

	t->total_pages = 0;
	for (i = 0; i < n && seen < MEM_PAGES; i++) {
		want = 1 + ((per >> (2 * (i % 4))) & 3);
		while (!blind && !page_free(page, sender, need) &&
		       seen++ < MEM_PAGES)
			page = (page + 1) % MEM_PAGES;
		if (seen >= MEM_PAGES)
			break;
		for (len = 1; len < want && page + len < MEM_PAGES &&
		     (blind || page_free(page + len, sender, need)); len++)
			;
		t->ranges[i].address = MEM_BASE +
				       (uint64_t)page * FFA_PAGE_SIZE;
		t->ranges[i].page_count = len;
		t->total_pages += len;
		/* A gap keeps ranges apart; adjacent ones are fine too. */
		page = (page + len + gap) % MEM_PAGES;
		seen += len + gap;
	}
	return i;
}

static uint32_t access_need(const struct txn *t)
{
	uint32_t need = SPM_ACCESS_R, i;

	if (t->hdr.flags & FFA_MEM_FLAG_ZERO)
		need |= SPM_ACCESS_W;
	for (i = 0; i < t->nr_access; i++)
		if ((t->access[i].perms & FFA_MEM_DATA_MASK) ==
		    FFA_MEM_DATA_RW)
			need |= SPM_ACCESS_W;
	return need;
}

/* The header and borrowers of a send by caller, from b. */
static void describe_send(struct txn *t, uint16_t caller, const uint8_t *b)
{
	unsigned int me = (unsigned int)ep_slot(caller), k, i;
	uint16_t others[NR_EPS - 1];

	for (i = 0, k = 0; i < NR_EPS; i++)
		if (i != me)
			others[k++] = ids[i];
	memset(t, 0, offsetof(struct txn, ranges));
	memset(t->resp_known, 0, sizeof(t->resp_known));
	memset(t->resp_total, 0, sizeof(t->resp_total));
	memset(t->resp_sent, 0, sizeof(t->resp_sent));
	memset(t->resp_ranges, 0, sizeof(t->resp_ranges));
	t->sender = caller;
	t->op = (enum ffa_mem_op)((b[1] & 3) % 3);
	t->nr_access = t->op == FFA_MEM_OP_DONATE && !(b[1] & 0x40) ? 1 :
		       1 + ((b[1] >> 4) & 3);
	for (k = 0; k < t->nr_access; k++) {
		/* Distinct borrowers, or (corrupted) repeats and self. */
		t->access[k].receiver_id = k < NR_EPS - 1 ?
			others[(b[2] + k) % (NR_EPS - 1)] : caller;
		t->access[k].perms = send_perms(t->op, t->nr_access, b, k);
	}
	t->hdr.sender_id = caller;
	t->hdr.attributes = send_attrs(t->op, t->nr_access, b);
	t->hdr.flags = (b[9] & 0x80) ? (uint32_t)b[9] << 1 :
		       (t->op != FFA_MEM_OP_SHARE ? (b[9] & 1U) : 0);
	t->hdr.tag = ffa_ld16(b + 10);
}

/* Build the whole descriptor into t->desc with lib/'s builder. */
static bool build_send(struct txn *t, uint32_t version)
{
	struct ffa_mtd_spec spec = {
		.version = version, .hdr = t->hdr, .access = t->access,
		.nr_access = t->nr_access, .total_pages = t->total_pages,
		.nr_ranges = t->nr_ranges,
	};
	struct ffa_mtd_builder bld;
	uint32_t i;

	if (ffa_mtd_build_begin(&bld, t->desc, DESC_MAX, &spec))
		return false;
	for (i = 0; i < t->nr_ranges; i++)
		if (ffa_mtd_build_add(&bld, t->ranges[i].address,
				      t->ranges[i].page_count))
			return false;
	if (ffa_mtd_build_finish(&bld))
		return false;
	t->total_len = bld.total_len;
	return true;
}

static struct txn *new_txn(void)
{
	struct txn *t = &txns[next_txn++ % NR_TXNS];

	t->used = false;
	return t;
}

/* What the manager answered to a send or fragment of t. */
static void send_answered(struct txn *t, const struct spm_decision *d,
			  uint16_t ep, bool frag)
{
	if (answered(d, ep, 0x84000061)) {
		t->handle = FFA_HANDLE_MAKE(d->regs.x[2], d->regs.x[3]);
		t->used = true;
		t->complete = true;
		t->sent = t->total_len;
		stages.send++;
		if (frag)
			stages.frag_send++;
	} else if (answered(d, ep, 0x8400007A)) {
		t->handle = FFA_HANDLE_MAKE(d->regs.x[1], d->regs.x[2]);
		t->used = true;
		t->sent = (uint32_t)d->regs.x[3];
		check(t->sent <= t->total_len);
	}
}

static bool do_send(uint16_t *ep, const uint8_t *b)
{
	static const uint32_t send_fid[3] = {
		0x84000073, 0x84000072, 0x84000071,
	};
	struct txn *t = new_txn();
	uint32_t n, len, first_ranges;
	struct spm_decision d;
	struct ffa_regs r;
	uint8_t *tx;

	describe_send(t, *ep, b);
	n = (b[12] & 0x80) ? 251U + b[12] % 64U : 1U + b[12] % 8U;
	t->nr_ranges = pick_ranges(t, *ep, n, b[13] * 2U,
				   (b[12] & 0x80) ? 0 : b[14], b[1] & 0x80,
				   access_need(t), !(b[12] & 0x80));
	if (!t->nr_ranges || !build_send(t, ep_rec(*ep)->version))
		return true;
	/* The fixed part, then as many constituents as asked or fit. */
	len = t->total_len - 16U * t->nr_ranges;
	first_ranges = (b[1] & 8) ? b[17] % 8U : t->nr_ranges;
	len += 16U * (first_ranges < t->nr_ranges ? first_ranges :
						    t->nr_ranges);
	while (len > FFA_PAGE_SIZE)
		len -= 16;
	tx = tx_of(*ep);
	memcpy(tx, t->desc, len);
	if (b[1] & 0x40)
		tx[ffa_ld16(b + 15) % len] ^= (uint8_t)(1U << (b[16] & 7));
	ffa_regs_init(&r, send_fid[t->op] | ((b[1] & 4) ? 0x40000000U : 0));
	r.x[1] = t->total_len;
	r.x[2] = len;
	t->sent = 0;
	if (!call(ep, &r, &d))
		return false;
	send_answered(t, &d, *ep, false);
	return true;
}

static bool do_frag_tx(uint16_t *ep, const uint8_t *b)
{
	struct txn *t = pick(b[1], *ep, W_SENDING);
	uint32_t len = 16U * (1U + b[2] % 64U);
	struct spm_decision d;
	struct ffa_regs r;
	uint64_t handle;

	if (!t)
		return true;
	if (t->sent < t->total_len && len > t->total_len - t->sent)
		len = t->total_len - t->sent;
	if (t->sent < t->total_len)
		memcpy(tx_of(*ep), t->desc + t->sent, len);
	handle = (b[3] & 4) ? t->handle ^ (1ULL << (b[4] % 64)) : t->handle;
	ffa_regs_init(&r, 0x8400007B);
	r.x[1] = FFA_HANDLE_LO(handle);
	r.x[2] = FFA_HANDLE_HI(handle);
	r.x[3] = (b[3] & 2) ? len + 8 : len;
	r.x[4] = (b[3] & 1) ? (uint64_t)ids[b[4] % NR_EPS] << 16 | 1 : 0;
	if (!call(ep, &r, &d))
		return false;
	if (!t->complete && *ep == t->sender)
		send_answered(t, &d, *ep, true);
	return true;
}

/* ---- RETRIEVE and FRAG_RX ---- */

static uint32_t type_of(enum ffa_mem_op op)
{
	return op == FFA_MEM_OP_SHARE ? FFA_RETRIEVE_TYPE_SHARE :
	       op == FFA_MEM_OP_LEND ? FFA_RETRIEVE_TYPE_LEND :
				       FFA_RETRIEVE_TYPE_DONATE;
}

static uint32_t retrieve_flags(const struct txn *t, const uint8_t *b)
{
	uint32_t flags = 0, type;

	if (b[2] & 1)
		flags |= FFA_RETRIEVE_ZERO_BEFORE;
	if (b[2] & 2)
		flags |= FFA_RETRIEVE_ZERO_AFTER;
	switch ((b[2] >> 2) & 3) {
	case 0:
		type = type_of(t->op);
		break;
	case 1:
		type = FFA_RETRIEVE_TYPE_ANY;
		break;
	case 2:
		type = type_of((enum ffa_mem_op)((t->op + 1) % 3));
		break;
	default:
		return (uint32_t)b[3] << (b[3] % 24);
	}
	flags |= type << FFA_RETRIEVE_TYPE_SHIFT;
	if (b[2] & 0x10)
		flags |= FFA_RETRIEVE_BYPASS_BORROWERS;
	return flags;
}

/* What the caller asks for in its own EMAD, from what it was given. */
static uint8_t retrieve_perms(uint8_t sent, const uint8_t *b)
{
	uint8_t data = sent & FFA_MEM_DATA_MASK;

	if (b[4] & 0x80)
		return b[4] & 0x7f;
	if (b[4] & 2)
		data = FFA_MEM_DATA_UNSPEC;
	else if ((b[4] & 1) || data == FFA_MEM_DATA_UNSPEC)
		data = (b[4] & 1) ? FFA_MEM_DATA_RO : FFA_MEM_DATA_RW;
	return (uint8_t)(data | (((b[4] >> 2) & 3) << 2));
}

/* The request's borrower list: the sender's, or mutated by b[7]. */
static uint32_t retrieve_borrowers(const struct txn *t, uint16_t caller,
				   const uint8_t *b,
				   struct ffa_mem_access *acc)
{
	uint32_t n = t->nr_access, i;
	int me = borrower_index(t, caller);

	memcpy(acc, t->access, sizeof(t->access));
	if (me >= 0)
		acc[me].perms = retrieve_perms(t->access[me].perms, b);
	switch (b[7] % 8) {
	case 4:
		if (n > 1)
			memmove(acc, acc + 1, --n * sizeof(*acc));
		break;
	case 5:
		if (n < FFA_MEM_MAX_ACCESS) {
			memset(&acc[n], 0, sizeof(acc[n]));
			acc[n++].receiver_id = ids[b[6] % NR_EPS] ^
					       (b[6] & 0x70U);
		}
		break;
	case 6:
		for (i = 0; i < n / 2; i++) {
			struct ffa_mem_access x = acc[i];

			acc[i] = acc[n - 1 - i];
			acc[n - 1 - i] = x;
		}
		break;
	case 7:
		acc[0] = me >= 0 ? acc[me] : acc[0];
		acc[0].receiver_id = caller;
		n = 1;
		break;
	}
	if (b[8] & 0x10)
		acc[0].impdef[b[6] % 16] = b[5] | 1;
	return n;
}

static uint32_t build_request(const struct txn *t, uint16_t caller,
			      const uint8_t *b, uint8_t *tx)
{
	struct ffa_mem_access acc[FFA_MEM_MAX_ACCESS];
	struct ffa_mem_header hdr = t->hdr;
	uint32_t version = ep_rec(caller)->version, n, len, i;

	n = retrieve_borrowers(t, caller, b, acc);
	hdr.handle = (b[8] & 4) ? t->handle + (1ULL << 32) : t->handle;
	hdr.tag = t->hdr.tag ^ (b[8] & 1);
	hdr.sender_id = (b[8] & 2) ? caller : t->sender;
	hdr.flags = retrieve_flags(t, b);
	switch (b[5] % 4) {
	case 0:
		hdr.attributes = 0;
		break;
	case 1:
		break;
	case 2:
		hdr.attributes = b[6];
		break;
	default:
		hdr.attributes |= FFA_MEM_ATTR_NS;
	}
	if (b[8] & 8)
		version = version == FFA_VERSION_1_2 ? FFA_VERSION_1_0 :
						       FFA_VERSION_1_2;
	if (version == FFA_VERSION_1_0)
		hdr.attributes &= 0xff;
	/* A 16-byte EMAD has no room for an implementation-defined value. */
	for (i = 0; i < n && version < FFA_VERSION_1_2; i++)
		memset(acc[i].impdef, 0, sizeof(acc[i].impdef));
	if (ffa_mtd_build_retrieve_req(tx, FFA_PAGE_SIZE, version, &hdr, acc,
				       n, &len))
		return 0;
	return len;
}

/* The entry of a live handle, if this input made it. */
static struct txn *txn_of(uint64_t handle)
{
	unsigned int i;

	for (i = 0; i < NR_TXNS; i++)
		if (txns[i].used && !txns[i].dead &&
		    txns[i].handle == handle)
			return &txns[i];
	return NULL;
}

/* A raw call read a response: what we know of the caller's is stale. */
static void forget_responses(uint16_t caller)
{
	unsigned int i;
	int k;

	for (i = 0; i < NR_TXNS; i++) {
		k = borrower_index(&txns[i], caller);
		if (k >= 0)
			txns[i].resp_known[k] = false;
	}
}

/* Constituents a response fragment carries must be those sent. */
static void check_resp_ranges(struct txn *t, int k, const uint8_t *bytes,
			      uint32_t len)
{
	struct ffa_mem_range r;
	const char *why = NULL;
	uint32_t off;

	check(len % 16 == 0);
	for (off = 0; off < len; off += 16) {
		check(t->resp_ranges[k] < t->nr_ranges);
		check(ffa_mem_range_read(bytes + off, 1ULL << 48, &r, &why) ==
		      0);
		check(r.address == t->ranges[t->resp_ranges[k]].address &&
		      r.page_count ==
		      t->ranges[t->resp_ranges[k]].page_count);
		t->resp_ranges[k]++;
	}
	if (t->resp_sent[k] + len == t->resp_total[k])
		check(t->resp_ranges[k] == t->nr_ranges);
}

/*
 * The first response fragment, as the borrower's lib/ reads it: it must
 * read, and describe the transaction it names as it was sent.
 */
static struct txn *check_response(uint16_t caller, uint32_t total,
				  uint32_t len)
{
	const uint8_t *rx = rx_of(caller);
	const char *why = NULL;
	struct ffa_mtd m;
	struct txn *t;
	int k;

	check(rx != NULL && len && len <= total && len <= FFA_PAGE_SIZE);
	if (ffa_mtd_parse_resp(ep_rec(caller)->version, rx, len, total, &m,
			       &why)) {
		fprintf(stderr, "fuzz_spm: response unreadable: %s\n", why);
		abort();
	}
	t = txn_of(m.hdr.handle);
	k = t ? borrower_index(t, caller) : -1;
	if (k < 0)
		return NULL;
	check(t->complete && m.hdr.sender_id == t->sender &&
	      m.hdr.tag == t->hdr.tag && m.nr_access == t->nr_access &&
	      m.total_pages == t->total_pages &&
	      m.nr_ranges == t->nr_ranges &&
	      (m.hdr.flags & FFA_RETRIEVE_TYPE_MASK) >>
	      FFA_RETRIEVE_TYPE_SHIFT == type_of(t->op));
	t->resp_known[k] = true;
	t->resp_total[k] = total;
	t->resp_sent[k] = 0;
	t->resp_ranges[k] = 0;
	check_resp_ranges(t, k, rx + m.ranges_offset, len - m.ranges_offset);
	t->resp_sent[k] = len;
	return t;
}

static bool do_retrieve(uint16_t *ep, const uint8_t *b)
{
	struct txn *t = pick(b[1], *ep, W_BORROWED);
	struct spm_decision d;
	struct ffa_regs r;
	uint32_t len;

	if (!t)
		return true;
	if (!(b[2] & 0x20) && !rx_release(ep))
		return false;
	len = build_request(t, *ep, b, tx_of(*ep));
	if (!len)
		return true;
	ffa_regs_init(&r, (b[2] & 0x40) ? 0xC4000074 : 0x84000074);
	r.x[1] = len;
	r.x[2] = len;
	if (!call(ep, &r, &d))
		return false;
	if (!answered(&d, *ep, 0x84000075))
		return true;
	forget_responses(*ep);
	t = check_response(*ep, (uint32_t)d.regs.x[1],
			   (uint32_t)d.regs.x[2]);
	stages.retrieve++;
	if (t && t->op == FFA_MEM_OP_DONATE) {
		stages.donate_retrieve++;
		/* The handle dies with the response. */
		t->dead = true;
	}
	return true;
}

static bool do_frag_rx(uint16_t *ep, const uint8_t *b)
{
	struct txn *t = pick(b[1], *ep, W_READING);
	int k = t ? borrower_index(t, *ep) : -1;
	struct spm_decision d;
	struct ffa_regs r;
	uint32_t len;

	if (!t)
		return true;
	if (!(b[2] & 1) && !rx_release(ep))
		return false;
	ffa_regs_init(&r, 0x8400007A);
	r.x[1] = FFA_HANDLE_LO(t->handle);
	r.x[2] = FFA_HANDLE_HI(t->handle);
	r.x[3] = (b[2] & 2) ? b[3] * 16U : (k >= 0 ? t->resp_sent[k] : 0);
	r.x[4] = (b[2] & 4) ? (uint64_t)*ep << 16 : 0;
	if (!call(ep, &r, &d))
		return false;
	if (!answered(&d, *ep, 0x8400007B))
		return true;
	stages.frag_rx++;
	check(d.regs.x[1] == r.x[1] && d.regs.x[2] == r.x[2]);
	if (k < 0 || !t->resp_known[k])
		return true;
	/* Only the offset delivered so far continues a response. */
	len = (uint32_t)d.regs.x[3];
	check(rx_of(*ep) != NULL && r.x[3] == t->resp_sent[k] && len &&
	      len <= t->resp_total[k] - t->resp_sent[k]);
	check_resp_ranges(t, k, rx_of(*ep), len);
	t->resp_sent[k] += len;
	return true;
}

/* ---- RELINQUISH and RECLAIM ---- */

static bool do_relinquish(uint16_t *ep, const uint8_t *b)
{
	struct txn *t = pick(b[1], *ep, W_BORROWED);
	uint16_t list[2] = { *ep, ids[b[5] % NR_EPS] };
	uint32_t flags = (b[2] & 0x80) ? (uint32_t)b[3] << (b[3] % 25) :
				       (b[2] & 1U);
	const uint16_t *idp = list;
	struct spm_decision d;
	struct ffa_regs r;
	uint32_t n = 1, len;

	if (!t)
		return true;
	if (b[4] % 8 == 6)
		n = 2;
	else if (b[4] % 8 == 7)
		idp = list + 1;
	if (ffa_relinquish_build(tx_of(*ep), FFA_PAGE_SIZE, t->handle, flags,
				 idp, n, &len))
		return true;
	ffa_regs_init(&r, 0x84000076);
	if (!call(ep, &r, &d))
		return false;
	if (answered(&d, *ep, 0x84000061))
		stages.relinquish++;
	return true;
}

static bool do_reclaim(uint16_t *ep, const uint8_t *b)
{
	struct txn *t = pick(b[1], *ep, W_OWNED);
	struct spm_decision d;
	struct ffa_regs r;

	if (!t)
		return true;
	ffa_regs_init(&r, 0x84000077);
	r.x[1] = FFA_HANDLE_LO(t->handle);
	r.x[2] = FFA_HANDLE_HI(t->handle);
	r.x[3] = (b[2] & 0x80) ? (uint32_t)b[3] << (b[3] % 25) : (b[2] & 1U);
	if (!call(ep, &r, &d))
		return false;
	if (answered(&d, *ep, 0x84000061)) {
		stages.reclaim++;
		t->dead = true;
	}
	return true;
}

/* ---- scheduling ---- */

static bool do_switch(uint16_t *ep, const uint8_t *b)
{
	const struct spm_vcpu *v = &ep_rec(*ep)->vcpus[0];
	uint16_t target = ids[1 + (b[1] & 0x7f) % (NR_EPS - 1)];
	struct spm_decision d;
	struct ffa_regs r;

	if (*ep == ids[0] || (b[1] & 0x80)) {
		ffa_regs_init(&r, 0x8400006F);
		r.x[1] = (uint32_t)*ep << 16 | target;
	} else if (v->reason == SPM_RUN_DIRECT) {
		ffa_regs_init(&r, 0x84000070);
		r.x[1] = (uint32_t)*ep << 16 | v->peer_ep;
	} else {
		ffa_regs_init(&r, 0x8400006B);
	}
	return call(ep, &r, &d);
}

/* A partition faults: whoever waits for it gets ABORTED. */
static bool do_abort(uint16_t *ep)
{
	struct spm_decision d;

	if (*ep == ids[0])
		return true;
	memset(&d, 0, sizeof(d));
	spm_abort(&spm, 0, *ep, 0, &d);
	check(d.next != SPM_RESUME);
	after_call(ep, &d, 0);
	return d.next != SPM_IDLE;
}

/* ---- raw calls ---- */

/* A register from 4 input bytes: its top two bits pick the kind. */
static uint64_t reg_value(const uint8_t *b, unsigned int slot)
{
	uint32_t v = ffa_ld32(b);
	unsigned int i = (v >> 20) % NR_EPS;

	switch (v >> 30) {
	case 0:
		return v & 0xffff;
	case 1:	/* sender|receiver or target info */
		return ((uint64_t)ids[v % NR_EPS] << 16) |
		       ids[(v >> 8) % NR_EPS];
	case 2:	/* an address in some endpoint's memory */
		return ep_base(i) + (v & 0x3f) % ep_pages[i] * FFA_PAGE_SIZE;
	default:
		return slot == 3 ? (v & 0x3fffffff) : ((uint64_t)v << 20) ^ v;
	}
}

/* A transaction descriptor in the caller's TX, then corrupted. */
static uint32_t template_tx(uint16_t caller, const uint8_t *b)
{
	struct ffa_mem_access acc[2] = {
		{ .receiver_id = ids[b[0] % NR_EPS], .perms = b[1] & 0xf },
		{ .receiver_id = ids[b[2] % NR_EPS], .perms = b[3] & 0xf },
	};
	struct ffa_mtd_spec spec = {
		.version = ep_rec(caller)->version,
		.hdr = { .sender_id = caller, .attributes = b[4] & 0x3f },
		.access = acc, .nr_access = 1 + (b[5] & 1),
		.total_pages = 0, .nr_ranges = 1 + (b[6] % 4),
	};
	unsigned int slot = (unsigned int)ep_slot(caller);
	uint8_t *tx = tx_of(caller);
	struct ffa_mtd_builder bld;
	uint32_t i;

	spec.total_pages = spec.nr_ranges;
	if (ffa_mtd_build_begin(&bld, tx, FFA_PAGE_SIZE, &spec))
		return 0;
	for (i = 0; i < spec.nr_ranges; i++)
		ffa_mtd_build_add(&bld, ep_base(slot) +
				  (2 + (b[7] + i * 3) % 48) * FFA_PAGE_SIZE,
				  1);
	if (b[8] & 1)
		tx[b[9] % bld.frag_len] ^= (uint8_t)(1 << (b[8] >> 5));
	return bld.frag_len;
}

/* One raw call (or an interrupt), b[0] the function, as before. */
static bool do_raw(uint16_t *ep, const uint8_t *b)
{
	uint32_t fid = fids[b[0] % (sizeof(fids) / sizeof(fids[0]))];
	struct spm_decision d;
	struct ffa_regs r;
	uint32_t len = 0;
	unsigned int i;

	ffa_regs_init(&r, fid);
	for (i = 1; i <= 7; i++)
		r.x[i] = reg_value(b + 4 * i - 2, i);
	if (b[1] & 1)
		len = template_tx(*ep, b + 30);
	if (len && (b[1] & 2)) {
		r.x[1] = len;
		r.x[2] = len;
		r.x[3] = 0;
		r.x[4] = 0;
	}
	if ((b[1] & 0xc0) != 0xc0) {
		if (!call(ep, &r, &d))
			return false;
		if (answered(&d, *ep, 0x84000075) ||
		    answered(&d, *ep, 0x8400007B))
			forget_responses(*ep);
		return true;
	}
	/* Now and then an interrupt for the host instead of a call. */
	memset(&d, 0, sizeof(d));
	d.next = SPM_RESUME;
	d.ep = *ep;
	if (spm_preempt(&spm, 0, *ep, 0, &d) == 0)
		check(d.next == SPM_SWITCH && d.ep == ids[0] &&
		      (uint32_t)d.regs.x[0] == 0x84000062);
	else
		check(d.next == SPM_RESUME && d.ep == *ep);
	after_call(ep, &d, 0);
	return true;
}

/* One step; false when nothing is left to run. */
static bool step(uint16_t *ep, const uint8_t *b)
{
	switch (b[0] % 16) {
	case A_SEND:
		return do_send(ep, b);
	case A_FRAG_TX:
		return do_frag_tx(ep, b);
	case A_RETRIEVE:
		return do_retrieve(ep, b);
	case A_FRAG_RX:
		return do_frag_rx(ep, b);
	case A_RELINQUISH:
		return do_relinquish(ep, b);
	case A_RECLAIM:
		return do_reclaim(ep, b);
	case A_RX_RELEASE:
		return rx_release(ep);
	case A_SWITCH:
		return do_switch(ep, b);
	case A_ABORT:
		return do_abort(ep);
	default:
		return do_raw(ep, b + 1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t ep;
	size_t n;

	for (n = 0; n < NR_TXNS; n++)
		txns[n].used = false;
	next_txn = 0;
	world_restore(&ep);
	for (n = 0; n + STEP_SIZE <= size && n / STEP_SIZE < MAX_STEPS;
	     n += STEP_SIZE)
		if (!step(&ep, data + n))
			break;
	return 0;
}
