/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world of the test_spm_mem_*.c tests: a host and three partitions,
 * each owning `ep_pages` pages of managed memory with its 1-page TX at
 * the first page and RX at the second (mapped with FFA_RXTX_MAP_64), its
 * data from the third page on. Calls go through spm_call with registers
 * written as literals from ffa-abi.md; every call is followed by
 * spm_check_invariants(). Descriptors are written into TX with lib/'s
 * builder (tested on its own in test_mem_*.c).
 *
 *   index  id      world
 *   0      0x0001  normal (the host)
 *   1      0x8001  secure partition
 *   2      0x8002  secure partition
 *   3      0x8003  secure partition
 */
#ifndef TEST_SPM_MEM_COMMON_H
#define TEST_SPM_MEM_COMMON_H

#include <libffa/mem_desc.h>
#include <libffa/status.h>

#include "test_spm_common.h"

#define NR_EPS	4U

#define ERR_NOT_SUPPORTED	0xffffffffU
#define ERR_INVALID		0xfffffffeU
#define ERR_NO_MEMORY		0xfffffffdU
#define ERR_BUSY		0xfffffffcU
#define ERR_DENIED		0xfffffffaU

#define TAG	0x1122334455667788ULL
#define RW	0x02U	/* sharing permission byte: data RW */
#define RO	0x01U
#define RW_X	0x0aU
#define RW_NX	0x06U
#define RO_NX	0x05U

#define RA	SPM_ACCESS_R
#define RWA	SPM_ACCESS_RW

struct mw {
	struct spm_harness h;
	uint32_t ep_pages;
};

static const uint16_t mw_ids[NR_EPS] = { HOST, P1, P2, P3 };

HELPER uint32_t idx_of(uint16_t id)
{
	uint32_t i;

	for (i = 0; i < NR_EPS; i++)
		if (mw_ids[i] == id)
			return i;
	fail_msg("no endpoint %#x", id);
	return 0;
}

HELPER uint64_t ep_base(const struct mw *w, uint16_t id)
{
	return FAKE_MEM_BASE + (uint64_t)idx_of(id) * w->ep_pages *
	       FFA_PAGE_SIZE;
}

HELPER uint64_t tx_of(const struct mw *w, uint16_t id)
{
	return ep_base(w, id);
}

HELPER uint64_t rx_of(const struct mw *w, uint16_t id)
{
	return ep_base(w, id) + FFA_PAGE_SIZE;
}

/* The k-th data page of endpoint id. */
HELPER uint64_t data_of(const struct mw *w, uint16_t id, uint32_t k)
{
	return ep_base(w, id) + (2ULL + k) * FFA_PAGE_SIZE;
}

HELPER struct spm_endpoint *ep_of(struct mw *w, uint16_t id)
{
	return spm_ep(&w->h, id);
}

/* The call x by ep on vCPU vcpu; the invariants must hold after it. */
HELPER struct spm_decision vcall(struct mw *w, uint16_t ep, uint16_t vcpu,
				 const uint64_t *x)
{
	const char *why = NULL;
	struct spm_decision d;
	struct ffa_regs in;

	memcpy(in.x, x, sizeof(in.x));
	d = harness_call(&w->h, ep, vcpu, &in);
	if (spm_check_invariants(w->h.spm, &why))
		fail_msg("invariant broken after %#llx: %s",
			 (unsigned long long)x[0], why ? why : "?");
	return d;
}

HELPER struct spm_decision mcall(struct mw *w, uint16_t ep, const uint64_t *x)
{
	return vcall(w, ep, 0, x);
}

/* Calls are made on vCPU 0. */
HELPER void expect_regs(const struct spm_decision *d, uint16_t ep,
			const uint64_t *x)
{
	expect_decision(d, SPM_RESUME, ep, 0, x);
}

HELPER void expect_err(const struct spm_decision *d, uint16_t ep,
		       uint32_t code)
{
	expect_regs(d, ep, X(0x84000060, 0, code));
}

HELPER void expect_ok(const struct spm_decision *d, uint16_t ep)
{
	expect_regs(d, ep, X(0x84000061));
}

/* FFA_VERSION before anything else: the caller's layout version. */
HELPER void set_version(struct mw *w, uint16_t id, uint32_t version)
{
	struct spm_decision d = mcall(w, id, X(0x84000063, version));

	expect_regs(&d, id, X(0x00010002));
	assert_int_equal(ep_of(w, id)->version, version);
}

HELPER void map_mailbox(struct mw *w, uint16_t id)
{
	struct spm_decision d = mcall(w, id, X(0xC4000066, tx_of(w, id),
					      rx_of(w, id), 1));

	expect_ok(&d, id);
}

/*
 * The world; versions (or NULL) gives each endpoint's FFA_VERSION, 0 for
 * none (they then speak v1.2, their manifest's).
 */
HELPER struct mw *mw_new_ex(uint32_t ep_pages, uint32_t nr_ranges,
			    const uint32_t *versions)
{
	struct mw *w = calloc(1, sizeof(*w));
	uint32_t i;

	assert_non_null(w);
	w->ep_pages = ep_pages;
	harness_init(&w->h, (uint64_t)ep_pages * NR_EPS, nr_ranges);
	for (i = 0; i < NR_EPS; i++)
		assert_int_equal(harness_add(&w->h, mw_ids[i], 0x7, 1, i == 0,
					     ep_base(w, mw_ids[i]),
					     ep_pages), 0);
	for (i = 0; i < NR_EPS; i++) {
		if (versions && versions[i])
			set_version(w, mw_ids[i], versions[i]);
		map_mailbox(w, mw_ids[i]);
	}
	return w;
}

HELPER struct mw *mw_new(void)
{
	return mw_new_ex(64, 4096, NULL);
}

HELPER void mw_free(struct mw *w)
{
	harness_fini(&w->h);
	free(w);
}

HELPER uint32_t access_of(struct mw *w, uint16_t id, uint64_t addr)
{
	return fake_access(&w->h.fp, id, addr);
}

/* Every page of [addr, + n pages) gives id exactly `access`. */
HELPER void expect_access(struct mw *w, uint16_t id, uint64_t addr,
			  uint32_t n, uint32_t access)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (access_of(w, id, addr + (uint64_t)i * FFA_PAGE_SIZE) !=
		    access)
			fail_msg("ep %#x page %#llx: access %u, expected %u",
				 id, (unsigned long long)(addr + i * 4096ULL),
				 access_of(w, id, addr + i * 4096ULL),
				 access);
}

/* An error answered and nothing changed (test_spm_common.h). */
HELPER void expect_refused(struct mw *w, uint16_t ep, const uint64_t *x,
			   uint32_t code)
{
	expect_call_refused(&w->h, ep, 0, x, code);
}

HELPER uint32_t live_shares(struct mw *w)
{
	uint32_t i, n = 0;

	for (i = 0; i < SPM_MAX_SHARES; i++)
		n += w->h.spm->shares[i].state != SPM_SHARE_FREE;
	return n;
}

/* ---- sends ---- */

struct txn {
	uint16_t sender;
	uint16_t attrs;
	uint32_t flags;
	uint64_t tag;
	uint32_t nr_access;
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	uint32_t nr_ranges;
	const struct ffa_mem_range *ranges;
};

/* One receiver, one range of n pages of the sender's data from page k. */
HELPER struct txn txn1(struct mw *w, uint16_t sender, uint16_t recv,
		       uint8_t perms, uint32_t k, uint32_t n,
		       struct ffa_mem_range *r)
{
	struct txn t;

	memset(&t, 0, sizeof(t));
	t.sender = sender;
	t.tag = TAG;
	t.nr_access = 1;
	t.access[0].receiver_id = recv;
	t.access[0].perms = perms;
	r->address = data_of(w, sender, k);
	r->page_count = n;
	r->reserved = 0;
	t.nr_ranges = 1;
	t.ranges = r;
	return t;
}

HELPER void txn_add(struct txn *t, uint16_t recv, uint8_t perms)
{
	t->access[t->nr_access].receiver_id = recv;
	t->access[t->nr_access].perms = perms;
	t->nr_access++;
}

HELPER uint32_t total_pages(const struct txn *t)
{
	uint32_t i, n = 0;

	for (i = 0; i < t->nr_ranges; i++)
		n += t->ranges[i].page_count;
	return n;
}

/*
 * Write the first fragment of t into the sender's TX in the sender's
 * layout; *total is the whole length. Returns the fragment length and
 * leaves the builder for write_more().
 */
HELPER uint32_t write_send(struct mw *w, const struct txn *t,
			   struct ffa_mtd_builder *b, uint32_t *next,
			   uint32_t *total)
{
	struct ffa_mtd_spec spec;
	uint32_t i;
	int ret;

	memset(&spec, 0, sizeof(spec));
	spec.version = ep_of(w, t->sender)->version;
	spec.hdr.sender_id = t->sender;
	spec.hdr.attributes = t->attrs;
	spec.hdr.flags = t->flags;
	spec.hdr.tag = t->tag;
	spec.access = t->access;
	spec.nr_access = t->nr_access;
	spec.total_pages = total_pages(t);
	spec.nr_ranges = t->nr_ranges;
	assert_int_equal(ffa_mtd_build_begin(b, fake_ptr(&w->h.fp,
							 tx_of(w, t->sender)),
					     FFA_PAGE_SIZE, &spec), 0);
	for (i = 0; i < t->nr_ranges; i++) {
		ret = ffa_mtd_build_add(b, t->ranges[i].address,
					t->ranges[i].page_count);
		if (ret == FFA_EFULL)
			break;
		assert_int_equal(ret, 0);
	}
	*next = i;
	*total = b->total_len;
	return b->frag_len;
}

/* The next fragment (constituents only) into TX; its length. */
HELPER uint32_t write_more(const struct txn *t, struct ffa_mtd_builder *b,
			   uint32_t *next)
{
	int ret;

	ffa_mtd_build_next_fragment(b);
	for (; *next < t->nr_ranges; (*next)++) {
		ret = ffa_mtd_build_add(b, t->ranges[*next].address,
					t->ranges[*next].page_count);
		if (ret == FFA_EFULL)
			break;
		assert_int_equal(ret, 0);
	}
	return b->frag_len;
}

HELPER uint64_t handle_of(const struct spm_decision *d)
{
	return FFA_HANDLE_MAKE(d->regs.x[2], d->regs.x[3]);
}

/* A successful send answer: exactly FFA_SUCCESS_32(0, lo, hi). */
HELPER uint64_t expect_handle(const struct spm_decision *d, uint16_t ep)
{
	uint64_t h = handle_of(d);

	expect_regs(d, ep, X(0x84000061, 0, FFA_HANDLE_LO(h),
			     FFA_HANDLE_HI(h)));
	assert_true(FFA_HANDLE_HI(h) != 0);
	assert_true((h & FFA_HANDLE_HYP) == 0);
	return h;
}

/* Send a transaction that fits in one fragment with fid. */
HELPER struct spm_decision send_fid(struct mw *w, uint32_t fid,
				    const struct txn *t)
{
	struct ffa_mtd_builder b;
	uint32_t next, total, len = write_send(w, t, &b, &next, &total);

	assert_int_equal(len, total);
	return mcall(w, t->sender, X(fid, total, len));
}

HELPER uint64_t send_ok(struct mw *w, uint32_t fid, const struct txn *t)
{
	struct spm_decision d = send_fid(w, fid, t);

	return expect_handle(&d, t->sender);
}

/* ---- fragmented sends ---- */

/* n one-page ranges over consecutive pages of ep's data from page k. */
HELPER struct ffa_mem_range *consecutive(struct mw *w, uint16_t ep,
					 uint32_t k, uint32_t n)
{
	struct ffa_mem_range *r = calloc(n, sizeof(*r));
	uint32_t i;

	assert_non_null(r);
	for (i = 0; i < n; i++) {
		r[i].address = data_of(w, ep, k + i);
		r[i].page_count = 1;
	}
	return r;
}

/* A transaction of n one-page ranges, sent fragment by fragment. */
struct fsend {
	struct txn t;
	struct ffa_mtd_builder b;
	uint32_t next, total, sent;
	uint64_t handle;
};

/* n pages of sender's data from page 0 for recv (RW); fsend_free() it. */
HELPER void fsend_init(struct mw *w, struct fsend *f, uint16_t sender,
		       uint16_t recv, uint32_t n)
{
	struct ffa_mem_range dummy;

	memset(f, 0, sizeof(*f));
	f->t = txn1(w, sender, recv, RW, 0, 1, &dummy);
	f->t.ranges = consecutive(w, sender, 0, n);
	f->t.nr_ranges = n;
}

HELPER void fsend_free(struct fsend *f)
{
	free((void *)f->t.ranges);
}

/* The first fragment: answered with FRAG_RX(handle, bytes so far). */
HELPER void fsend_start(struct mw *w, struct fsend *f, uint32_t fid)
{
	uint32_t len = write_send(w, &f->t, &f->b, &f->next, &f->total);
	struct spm_decision d = mcall(w, f->t.sender, X(fid, f->total, len));

	assert_true(len < f->total);
	f->handle = FFA_HANDLE_MAKE(d.regs.x[1], d.regs.x[2]);
	expect_regs(&d, f->t.sender, X(0x8400007A, FFA_HANDLE_LO(f->handle),
				       FFA_HANDLE_HI(f->handle), len));
	assert_true(FFA_HANDLE_HI(f->handle) != 0);
	f->sent = len;
}

HELPER struct spm_decision fsend_frag(struct mw *w, struct fsend *f,
				      uint32_t len)
{
	return mcall(w, f->t.sender, X(0x8400007B, FFA_HANDLE_LO(f->handle),
				       FFA_HANDLE_HI(f->handle), len));
}

/* Every further fragment; the last one answers the handle. */
HELPER void fsend_finish(struct mw *w, struct fsend *f)
{
	struct spm_decision d;
	uint32_t len;

	while (f->sent < f->total) {
		len = write_more(&f->t, &f->b, &f->next);
		d = fsend_frag(w, f, len);
		f->sent += len;
		if (f->sent < f->total)
			expect_regs(&d, f->t.sender,
				    X(0x8400007A, FFA_HANDLE_LO(f->handle),
				      FFA_HANDLE_HI(f->handle), f->sent));
		else
			expect_regs(&d, f->t.sender,
				    X(0x84000061, 0, FFA_HANDLE_LO(f->handle),
				      FFA_HANDLE_HI(f->handle)));
	}
}

/* ---- retrieve, relinquish, reclaim ---- */

struct rreq {
	uint16_t borrower;
	uint64_t handle;
	uint16_t sender;
	uint64_t tag;
	uint32_t flags;
	uint16_t attrs;
	uint32_t nr_access;
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
};

HELPER struct rreq rreq1(uint16_t borrower, uint64_t handle,
			 uint16_t sender, uint8_t perms)
{
	struct rreq r;

	memset(&r, 0, sizeof(r));
	r.borrower = borrower;
	r.handle = handle;
	r.sender = sender;
	r.tag = TAG;
	r.nr_access = 1;
	r.access[0].receiver_id = borrower;
	r.access[0].perms = perms;
	return r;
}

HELPER void rreq_add(struct rreq *r, uint16_t id, uint8_t perms)
{
	r->access[r->nr_access].receiver_id = id;
	r->access[r->nr_access].perms = perms;
	r->nr_access++;
}

/* The request into the borrower's TX; its length. */
HELPER uint32_t write_rreq(struct mw *w, const struct rreq *r)
{
	struct ffa_mem_header hdr;
	uint32_t len;

	memset(&hdr, 0, sizeof(hdr));
	hdr.sender_id = r->sender;
	hdr.attributes = r->attrs;
	hdr.flags = r->flags;
	hdr.handle = r->handle;
	hdr.tag = r->tag;
	assert_int_equal(ffa_mtd_build_retrieve_req(
		fake_ptr(&w->h.fp, tx_of(w, r->borrower)), FFA_PAGE_SIZE,
		ep_of(w, r->borrower)->version, &hdr, r->access,
		r->nr_access, &len), 0);
	return len;
}

HELPER struct spm_decision retrieve(struct mw *w, const struct rreq *r)
{
	uint32_t len = write_rreq(w, r);

	return mcall(w, r->borrower, X(0x84000074, len, len));
}

/* Retrieve, expect a one-fragment response; RX released after. */
HELPER void retrieve_ok(struct mw *w, const struct rreq *r)
{
	struct spm_decision d = retrieve(w, r);

	assert_int_equal(d.regs.x[0], 0x84000075);
	assert_int_equal(d.regs.x[1], d.regs.x[2]);
	d = mcall(w, r->borrower, X(0x84000065));
	expect_ok(&d, r->borrower);
}

HELPER uint32_t write_relinquish(struct mw *w, uint16_t ep, uint64_t handle,
				 uint32_t flags, const uint16_t *ids,
				 uint32_t n)
{
	uint32_t len;

	assert_int_equal(ffa_relinquish_build(fake_ptr(&w->h.fp,
						       tx_of(w, ep)),
					      FFA_PAGE_SIZE, handle, flags,
					      ids, n, &len), 0);
	return len;
}

HELPER struct spm_decision relinquish(struct mw *w, uint16_t ep,
				      uint64_t handle, uint32_t flags)
{
	write_relinquish(w, ep, handle, flags, &ep, 1);
	return mcall(w, ep, X(0x84000076));
}

HELPER struct spm_decision reclaim(struct mw *w, uint16_t ep,
				   uint64_t handle, uint32_t flags)
{
	return mcall(w, ep, X(0x84000077, FFA_HANDLE_LO(handle),
			      FFA_HANDLE_HI(handle), flags));
}

HELPER void fill(struct mw *w, uint64_t addr, uint32_t pages, uint8_t v)
{
	memset(fake_ptr(&w->h.fp, addr), v, (size_t)pages * FFA_PAGE_SIZE);
}

HELPER bool all_bytes(struct mw *w, uint64_t addr, uint32_t pages,
		      uint8_t v)
{
	const uint8_t *p = fake_ptr(&w->h.fp, addr);
	size_t i;

	for (i = 0; i < (size_t)pages * FFA_PAGE_SIZE; i++)
		if (p[i] != v)
			return false;
	return true;
}

HELPER uint8_t *rx_bytes(struct mw *w, uint16_t id)
{
	return fake_ptr(&w->h.fp, rx_of(w, id));
}

HELPER uint8_t *tx_bytes(struct mw *w, uint16_t id)
{
	return fake_ptr(&w->h.fp, tx_of(w, id));
}

HELPER uint32_t ld32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

HELPER uint64_t ld64(const uint8_t *p)
{
	return (uint64_t)ld32(p) | (uint64_t)ld32(p + 4) << 32;
}

HELPER void st32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

#endif /* TEST_SPM_MEM_COMMON_H */
