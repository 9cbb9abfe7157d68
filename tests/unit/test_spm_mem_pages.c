// SPDX-License-Identifier: BSD-3-Clause
/*
 * Page ownership: manifest regions, RX/TX pages (bad-input row 29, the
 * memory side), FFA_MEM_PERM_GET/SET (row 37), and the invariant checker
 * itself, which must notice each kind of corrupted state.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "test_spm_mem_common.h"

static void test_perm_get_set(void **state)
{
	struct mw *w = mw_new();
	uint64_t a = data_of(w, P1, 3);
	struct spm_decision d;

	(void)state;
	d = mcall(w, P1, X(0x84000088, a));
	expect_regs(&d, P1, X(0x84000061, 0, 0x5));
	d = mcall(w, P1, X(0x84000089, a, 2, 0x7));
	expect_ok(&d, P1);
	expect_access(w, P1, a, 2, RA);
	d = mcall(w, P1, X(0xC4000088, a + FFA_PAGE_SIZE));
	expect_regs(&d, P1, X(0x84000061, 0, 0x7));
	d = mcall(w, P1, X(0xC4000089, a, 1, 0x3));
	expect_ok(&d, P1);
	expect_access(w, P1, a, 1, RA | SPM_ACCESS_X);
	d = mcall(w, P1, X(0x84000088, a));
	expect_regs(&d, P1, X(0x84000061, 0, 0x3));
	d = mcall(w, P1, X(0x84000089, a, 1, 0x4));
	expect_ok(&d, P1);
	expect_access(w, P1, a, 1, SPM_ACCESS_NONE);
	d = mcall(w, P1, X(0x84000088, a));
	expect_regs(&d, P1, X(0x84000061, 0, 0x4));
	d = mcall(w, P1, X(0x84000089, a, 2, 0x5));
	expect_ok(&d, P1);
	expect_access(w, P1, a, 2, RWA);
	mw_free(w);
}

/* Row 37 and ownership: every refusal leaves everything as it was. */
static void test_perm_refused(void **state)
{
	struct mw *w = mw_new();
	uint64_t a = data_of(w, P1, 3);
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 10, 1, &r);

	(void)state;
	send_ok(w, 0x84000072, &t);
	expect_refused(w, HOST, X(0x84000088, data_of(w, HOST, 0)),
		       ERR_NOT_SUPPORTED);
	expect_refused(w, HOST, X(0x84000089, data_of(w, HOST, 0), 1, 0x7),
		       ERR_NOT_SUPPORTED);
	expect_refused(w, P1, X(0x84000088, a + 8), ERR_INVALID);
	expect_refused(w, P1, X(0x84000088, a, 1), ERR_INVALID);
	expect_refused(w, P1, X(0x84000088, data_of(w, P2, 0)), ERR_INVALID);
	expect_refused(w, P1, X(0x84000088, tx_of(w, P1)), ERR_INVALID);
	expect_refused(w, P1, X(0x84000088, r.address), ERR_INVALID);
	expect_refused(w, P1, X(0xC4000088, 0x1000), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, a, 0, 0x7), ERR_INVALID);
	expect_refused(w, P1, X(0xC4000089, 0xfffffffffffff000ULL, 2, 0x7),
		       ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, a + 8, 1, 0x7), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, a, 1, 0xf), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, a, 1, 0x6), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, a, 1, 0x1), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, data_of(w, P1, 61), 2, 0x7),
		       ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, r.address, 1, 0x7), ERR_INVALID);
	expect_refused(w, P1, X(0x84000089, rx_of(w, P1), 1, 0x7),
		       ERR_INVALID);
	w->h.fp.set_access_calls = 0;
	w->h.fp.fail_set_access_after = 0;
	expect_refused(w, P1, X(0x84000089, a, 1, 0x7), ERR_NO_MEMORY);
	mw_free(w);
}

/* Row 29, memory side: RX/TX pages must be the caller's, RW, unshared. */
static void test_mailbox_pages(void **state)
{
	struct mw *w = mw_new();
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 1, &r);
	struct spm_decision d = mcall(w, P1, X(0x84000067));
	uint64_t a = data_of(w, P1, 4), b = data_of(w, P1, 5);

	(void)state;
	expect_ok(&d, P1);
	/* The TX of a send is needed: map, send, unmap. */
	map_mailbox(w, P1);
	send_ok(w, 0x84000072, &t);
	d = mcall(w, P1, X(0x84000067));
	expect_ok(&d, P1);
	expect_refused(w, P1, X(0xC4000066, r.address, b, 1), ERR_INVALID);
	expect_refused(w, P1, X(0xC4000066, a, r.address, 1), ERR_INVALID);
	expect_refused(w, P1, X(0xC4000066, a, data_of(w, P2, 0), 1),
		       ERR_INVALID);
	expect_refused(w, P1, X(0xC4000066, data_of(w, P1, 61), b, 2),
		       ERR_INVALID);
	d = mcall(w, P1, X(0x84000089, b, 1, 0x7));
	expect_ok(&d, P1);
	expect_refused(w, P1, X(0xC4000066, a, b, 1), ERR_INVALID);
	d = mcall(w, P1, X(0x84000089, b, 1, 0x5));
	expect_ok(&d, P1);
	d = mcall(w, P1, X(0xC4000066, a, b, 1));
	expect_ok(&d, P1);
	mw_free(w);
}

static void add_config(struct spm_endpoint_config *cfg, uint16_t id,
		       uint64_t base, uint32_t pages)
{
	memset(cfg, 0, sizeof(*cfg));
	snprintf(cfg->name, sizeof(cfg->name), "ep-%04x", id);
	cfg->id = id;
	cfg->nr_vcpus = 1;
	cfg->ffa_version = 0x10002;
	cfg->nr_regions = 1;
	cfg->regions[0].base = base;
	cfg->regions[0].pages = pages;
	cfg->regions[0].access = SPM_ACCESS_RWX;
}

static void expect_no_owner(struct spm_harness *h, uint32_t first,
			    uint32_t n)
{
	uint32_t i;

	for (i = first; i < first + n; i++)
		assert_int_equal(h->st.pages[i].owner, 0);
}

/* Manifest regions: managed, nobody's, mapped; undone on failure. */
static void test_claim_region(void **state)
{
	struct spm_endpoint_config cfg;
	struct spm_harness h;

	(void)state;
	harness_init(&h, 16, 16);
	add_config(&cfg, P1, FAKE_MEM_BASE + 4 * FFA_PAGE_SIZE, 4);
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), 0);
	assert_int_equal(fake_access(&h.fp, P1, cfg.regions[0].base),
			 SPM_ACCESS_RWX);
	add_config(&cfg, P2, FAKE_MEM_BASE + 7 * FFA_PAGE_SIZE, 2);
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), -2);
	add_config(&cfg, P2, FAKE_MEM_BASE + 15 * FFA_PAGE_SIZE, 2);
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), -2);
	add_config(&cfg, P2, FAKE_MEM_BASE - FFA_PAGE_SIZE, 1);
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), -2);
	add_config(&cfg, P2, FAKE_MEM_BASE + 8 * FFA_PAGE_SIZE, 0);
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), -2);
	/* Two regions, the platform fails the second: the first undone. */
	add_config(&cfg, P2, FAKE_MEM_BASE + 8 * FFA_PAGE_SIZE, 2);
	cfg.nr_regions = 2;
	cfg.regions[1] = cfg.regions[0];
	cfg.regions[1].base += 4 * FFA_PAGE_SIZE;
	h.fp.set_access_calls = 0;
	h.fp.fail_set_access_after = 1;
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), -3);
	expect_no_owner(&h, 8, 8);
	assert_int_equal(fake_access(&h.fp, P2, cfg.regions[0].base), 0);
	h.fp.fail_set_access_after = -1;
	assert_int_equal(spm_add_endpoint(h.spm, &cfg), 0);
	assert_int_equal(h.st.pages[12].owner, 2);
	harness_fini(&h);
}

static void expect_broken(struct mw *w, const char *what)
{
	const char *why = NULL;

	assert_int_equal(spm_check_invariants(w->h.spm, &why), -2);
	assert_non_null(why);
	assert_string_equal(why, what);
}

/* The checker must see each kind of corruption (else it proves nothing). */
static void test_invariants_catch_corruption(void **state)
{
	struct mw *w = mw_new();
	struct spm_page *pg = w->h.st.pages, saved;
	struct ffa_mem_range r;
	struct txn t = txn1(w, P1, P2, RW, 0, 2, &r);
	struct spm_share *s = &w->h.spm->shares[0], keep;
	uint32_t p = (uint32_t)((r.address - FAKE_MEM_BASE) / FFA_PAGE_SIZE);

	(void)state;
	send_ok(w, 0x84000072, &t);
	saved = pg[100];
	pg[100].owner = 9;
	expect_broken(w, "page owned by a nonexistent endpoint");
	pg[100] = saved;
	pg[100].flags |= SPM_PAGE_IN_SHARE;
	expect_broken(w, "pages marked in a share no share holds");
	pg[150].flags |= SPM_PAGE_IN_SHARE;
	expect_broken(w, "page in a share of another owner");
	pg[150].flags &= (uint8_t)~SPM_PAGE_IN_SHARE;
	pg[100].share = 1;
	expect_broken(w, "page in a share that is not READY");
	pg[100] = saved;
	pg[100].flags |= SPM_PAGE_MAILBOX;
	expect_broken(w, "MAILBOX page of no mapped mailbox");
	pg[100] = saved;
	pg[p].flags &= (uint8_t)~SPM_PAGE_IN_SHARE;
	expect_broken(w, "share page not marked");
	pg[p].flags |= SPM_PAGE_IN_SHARE | SPM_PAGE_MAILBOX;
	expect_broken(w, "RX/TX page in a share");
	pg[p].flags &= (uint8_t)~SPM_PAGE_MAILBOX;
	keep = *s;
	s->handle ^= 1ULL << 40;
	expect_broken(w, "handle does not name its slot");
	*s = keep;
	s->borrowers[3].retrieved = 1;
	expect_broken(w, "borrower retrieved an incomplete share");
	*s = keep;
	s->borrowers[0].retrieved = SPM_MAX_RETRIEVALS + 1;
	expect_broken(w, "borrower retrieved more times than allowed");
	*s = keep;
	s->borrowers[0].zero_after = true;
	expect_broken(w, "borrower record without a retrieval");
	*s = keep;
	s->borrowers[0].resp_sent = 1;
	expect_broken(w, "retrieve response delivered past its end");
	*s = keep;
	w->h.spm->shares[1] = keep;
	w->h.spm->shares[1].state = SPM_SHARE_SENDING;
	w->h.spm->shares[1].handle = FFA_HANDLE_MAKE(1, 1);
	expect_broken(w, "shares_used does not match the slots");
	w->h.spm->shares_used |= 2;
	expect_broken(w, "range pool extents overlap");
	w->h.spm->shares_used &= ~2ULL;
	memset(&w->h.spm->shares[1], 0, sizeof(keep));
	w->h.spm->shares[1].generation = 5;
	assert_int_equal(spm_check_invariants(w->h.spm, NULL), 0);
	w->h.spm->shares[1].mtd.nr_ranges = 1;
	expect_broken(w, "free share slot not cleared");
	mw_free(w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_perm_get_set),
		cmocka_unit_test(test_perm_refused),
		cmocka_unit_test(test_mailbox_pages),
		cmocka_unit_test(test_claim_region),
		cmocka_unit_test(test_invariants_catch_corruption),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
