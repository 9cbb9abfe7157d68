/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world of the reserved-bit tests (test_spm_mbz.c, and
 * test_spm_mbz_version.c for the rules that depend on the caller's
 * version): the host and two partitions on the fake platform, booted,
 * and the memory transactions their valid calls need, written with
 * lib/'s builders.
 */
#ifndef TEST_SPM_MBZ_WORLD_H
#define TEST_SPM_MBZ_WORLD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ffa/ffa.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>
#include <spm/spm.h>

#include "fake_platform.h"
#include "state_snapshot.h"

#define HELPER static inline __attribute__((unused))

#define HOST	0x0001U
#define P1	0x8001U	/* notifications, every messaging method */
#define P2	0x8002U
#define NR_EPS	3U

#define NOT_SUPPORTED	0xffffffffU
#define INVALID		0xfffffffeU

/* The spec's masks, as written in its tables. */
#define ALL	0xffffffffffffffffULL	/* the whole register */
#define HI	0xffffffff00000000ULL	/* a 32-bit field's upper half */
#define W32	0x00000000ffffffffULL	/* a whole 32-bit register */

#define TAG	0x1122334455667788ULL
#define DEFAULT_PAGES	8U

/* All 18 registers; unnamed ones are zero. */
#define X(...)	((const uint64_t[FFA_NREGS]){ __VA_ARGS__ })

struct mw {
	struct spm_harness h;
	uint32_t pages;		/* per endpoint */
	uint64_t handle;	/* of the transaction a prep made */
};

static const uint16_t ids[NR_EPS] = { HOST, P1, P2 };

HELPER uint64_t base_of(const struct mw *w, uint32_t i)
{
	return FAKE_MEM_BASE + (uint64_t)i * w->pages * FFA_PAGE_SIZE;
}

HELPER uint64_t tx_of(const struct mw *w, uint32_t i)
{
	return base_of(w, i);
}

HELPER uint64_t rx_of(const struct mw *w, uint32_t i)
{
	return base_of(w, i) + FFA_PAGE_SIZE;
}

HELPER uint64_t data_of(const struct mw *w, uint32_t i, uint32_t k)
{
	return base_of(w, i) + (2ULL + k) * FFA_PAGE_SIZE;
}

HELPER uint8_t *tx_ptr(struct mw *w, uint32_t i)
{
	return fake_ptr(&w->h.fp, tx_of(w, i));
}

HELPER struct spm_decision call(struct mw *w, uint16_t ep, const uint64_t *x)
{
	struct ffa_regs in;

	memcpy(in.x, x, sizeof(in.x));
	return harness_call(&w->h, ep, 0, &in);
}

HELPER void expect_fid(const struct spm_decision *d, uint32_t fid)
{
	if ((uint32_t)d->regs.x[0] != fid)
		fail_msg("answer %#llx (w2 %#llx), expected %#x",
			 (unsigned long long)d->regs.x[0],
			 (unsigned long long)d->regs.x[2], fid);
}

/* A call that must complete with fid in w0 (any arguments). */
HELPER struct spm_decision must(struct mw *w, uint16_t ep, const uint64_t *x,
				uint32_t fid)
{
	struct spm_decision d = call(w, ep, x);

	expect_fid(&d, fid);
	return d;
}

HELPER void add(struct mw *w, uint32_t i, uint32_t props, bool host)
{
	struct spm_endpoint_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.name, sizeof(cfg.name), "ep-%u", i);
	cfg.id = ids[i];
	cfg.nr_vcpus = 1;
	cfg.ffa_version = FFA_VERSION_1_2;
	cfg.properties = props;
	cfg.is_host = host;
	cfg.boot_order = i;
	cfg.nr_regions = 1;
	cfg.regions[0].base = base_of(w, i);
	cfg.regions[0].pages = w->pages;
	cfg.regions[0].access = SPM_ACCESS_RW;
	assert_int_equal(spm_add_endpoint(w->h.spm, &cfg), 0);
}

/* Host, P1, P2, booted: both partitions wait, the host runs. */
HELPER struct mw *world_new(uint32_t pages)
{
	struct mw *w = calloc(1, sizeof(*w));
	struct spm_decision d;

	assert_non_null(w);
	w->pages = pages ? pages : DEFAULT_PAGES;
	harness_init(&w->h, (uint64_t)w->pages * NR_EPS, 1024);
	add(w, 0, 0x406, true);
	add(w, 1, 0x60f, false);
	add(w, 2, 0x60f, false);
	spm_boot(w->h.spm, 0, &d);
	while (d.next == SPM_SWITCH && d.ep != HOST)
		d = call(w, d.ep, X(0x8400006B));
	assert_int_equal(d.next, SPM_SWITCH);
	assert_int_equal(d.ep, HOST);
	return w;
}

HELPER void world_free(struct mw *w)
{
	harness_fini(&w->h);
	free(w);
}

HELPER void map(struct mw *w, uint32_t i)
{
	must(w, ids[i], X(0xC4000066, tx_of(w, i), rx_of(w, i), 1),
	     0x84000061);
}

/* ---- memory transactions, written with lib/'s builders ---- */

/* A one-borrower transaction of n pages from the host's data page 0. */
HELPER void write_send(struct mw *w, uint32_t fid, uint16_t recv,
		       uint32_t n, struct ffa_mtd_builder *b)
{
	uint32_t num = FFA_FID_NUM(fid);
	struct ffa_mem_access acc = { .receiver_id = recv };
	struct ffa_mtd_spec spec;

	memset(&spec, 0, sizeof(spec));
	spec.version = FFA_VERSION_1_2;
	spec.hdr.sender_id = HOST;
	spec.hdr.tag = TAG;
	/* DONATE states no access; SHARE the memory type too (9.4, 10.2). */
	if (num != FFA_NUM_MEM_DONATE)
		acc.perms = FFA_MEM_DATA_RW;
	if (num == FFA_NUM_MEM_SHARE)
		spec.hdr.attributes = FFA_MEM_ATTR_NORMAL_WB_IS;
	spec.access = &acc;
	spec.nr_access = 1;
	spec.total_pages = n;
	spec.nr_ranges = n;
	assert_int_equal(ffa_mtd_build_begin(b, tx_ptr(w, 0), FFA_PAGE_SIZE,
					     &spec), 0);
}

/* Send n one-page ranges (fragmented if need be); the handle. */
HELPER uint64_t share(struct mw *w, uint32_t fid, uint16_t recv, uint32_t n)
{
	struct ffa_mtd_builder b;
	struct spm_decision d;
	uint32_t i = 0, sent;
	int ret;

	write_send(w, fid, recv, n, &b);
	for (;;) {
		for (; i < n; i++) {
			ret = ffa_mtd_build_add(&b, data_of(w, 0, i), 1);
			if (ret == FFA_EFULL)
				break;
			assert_int_equal(ret, 0);
		}
		if (b.frag_start == 0) {
			d = call(w, HOST, X(fid, b.total_len, b.frag_len));
		} else {
			uint64_t h = w->handle;

			d = call(w, HOST, X(0x8400007B, FFA_HANDLE_LO(h),
					    FFA_HANDLE_HI(h), b.frag_len));
		}
		sent = b.frag_start + b.frag_len;
		if (sent == b.total_len)
			break;
		expect_fid(&d, 0x8400007A);
		w->handle = FFA_HANDLE_MAKE(d.regs.x[1], d.regs.x[2]);
		ffa_mtd_build_next_fragment(&b);
	}
	expect_fid(&d, 0x84000061);
	w->handle = FFA_HANDLE_MAKE(d.regs.x[2], d.regs.x[3]);
	return w->handle;
}

/* P1's retrieve request for the host's share w->handle; its length. */
HELPER uint32_t write_retrieve(struct mw *w)
{
	struct ffa_mem_access acc = {
		.receiver_id = P1, .perms = FFA_MEM_DATA_RW,
	};
	struct ffa_mem_header hdr = {
		.sender_id = HOST, .handle = w->handle, .tag = TAG,
	};
	uint32_t len;

	assert_int_equal(ffa_mtd_build_retrieve_req(tx_ptr(w, 1),
						    FFA_PAGE_SIZE,
						    FFA_VERSION_1_2, &hdr,
						    &acc, 1, &len), 0);
	return len;
}

/* One ABI: its valid call, and its reserved bits. */
typedef void (*prep_fn)(struct mw *w, uint64_t *x);

struct mbz_row {
	const char *name;
	uint16_t caller;
	prep_fn prep;
	uint32_t code;		/* for a reserved bit */
	uint64_t rsvd[8];	/* of x1..x7 */
	bool high;		/* x8..x17 MBZ for a v1.2 caller */
	uint32_t pages;		/* per endpoint; 0 for the default */
};

/* x with one more bit set must be refused and change nothing. */
HELPER void expect_refused(struct mw *w, const struct mbz_row *r,
			   const uint64_t *x, const char *what)
{
	struct harness_snapshot *s = harness_snapshot(&w->h);
	struct spm_decision d;
	uint32_t i;

	d = call(w, r->caller, x);
	if (d.next != SPM_RESUME || d.ep != r->caller || d.vcpu != 0 ||
	    d.regs.x[0] != 0x84000060 || d.regs.x[2] != r->code)
		fail_msg("%s %s: answer %#llx w2 %#llx, expected error %#x",
			 r->name, what, (unsigned long long)d.regs.x[0],
			 (unsigned long long)d.regs.x[2], r->code);
	for (i = 1; i < FFA_NREGS; i++)
		if (i != 2 && d.regs.x[i])
			fail_msg("%s %s: x%u not zero", r->name, what, i);
	/*
	 * As if no call had been made: the reserved bits are judged before
	 * anything, even the end of the caller's negotiation phase.
	 */
	harness_expect_unchanged(&w->h, s, r->caller, NULL);
}

#endif /* TEST_SPM_MBZ_WORLD_H */
