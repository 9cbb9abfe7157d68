// SPDX-License-Identifier: BSD-3-Clause
/*
 * map_check() (tests/unit/support/map_check.h): silent over a whole
 * memory life cycle the manager ran itself, and loud for every kind of
 * disagreement between the manager's records and the platform's
 * mappings, each made by tampering with one side after a real call
 * sequence (a lender left mapped, pages left marked shared after a
 * reclaim, a borrower mapped after it relinquished, ...).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "map_check.h"
#include "test_spm_mem_common.h"

/* How far the life cycle ran before the tampering. */
enum stage {
	LENT,		/* host lent 2 pages to P1 */
	RETRIEVED,	/* ... and P1 retrieved them RW */
	RELINQUISHED,	/* ... and gave them back */
	RECLAIMED,	/* ... and the host took them back */
	SHARED,		/* host shared 2 pages with P2, not retrieved */
};

struct world {
	struct mw *w;
	uint64_t handle;
	uint64_t page;		/* the first page of the transaction */
	uint32_t slot;		/* its share slot */
};

static void expect_consistent(struct mw *w)
{
	char why[256];

	if (map_check(w->h.spm, &w->h.fp, why, sizeof(why)))
		fail_msg("map_check: %s", why);
}

static void run_to(struct world *s, enum stage stage)
{
	struct ffa_mem_range r;
	struct spm_decision d;
	struct txn t;
	struct rreq rq;

	s->w = mw_new();
	expect_consistent(s->w);
	s->page = data_of(s->w, HOST, 0);
	if (stage == SHARED) {
		t = txn1(s->w, HOST, P2, RW, 0, 2, &r);
		t.attrs = 0x2f;	/* normal, write-back, inner shareable */
		s->handle = send_ok(s->w, 0x84000073, &t);
	} else {
		t = txn1(s->w, HOST, P1, RW, 0, 2, &r);
		s->handle = send_ok(s->w, 0x84000072, &t);
	}
	s->slot = FFA_HANDLE_LO(s->handle);
	expect_consistent(s->w);
	if (stage == LENT || stage == SHARED)
		return;
	rq = rreq1(P1, s->handle, HOST, RW);
	retrieve_ok(s->w, &rq);
	expect_consistent(s->w);
	if (stage == RETRIEVED)
		return;
	d = relinquish(s->w, P1, s->handle, 0);
	expect_ok(&d, P1);
	expect_consistent(s->w);
	if (stage == RELINQUISHED)
		return;
	d = reclaim(s->w, HOST, s->handle, 0);
	expect_ok(&d, HOST);
	expect_consistent(s->w);
}

static struct spm_page *page_of(struct world *s, uint64_t addr)
{
	return &s->w->h.st.pages[(addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE];
}

/* Change what the platform holds, behind the manager's back. */
static void remap(struct world *s, uint16_t id, uint64_t addr,
		  uint32_t access)
{
	assert_int_equal(s->w->h.plat.ops->set_access(s->w->h.plat.ctx, id,
						       addr, 1, access), 0);
}

static void lender_left_mapped(struct world *s)
{
	remap(s, HOST, s->page, SPM_ACCESS_RW);
}

static void borrower_unmapped(struct world *s)
{
	remap(s, P1, s->page + FFA_PAGE_SIZE, SPM_ACCESS_NONE);
}

static void borrower_more_access(struct world *s)
{
	remap(s, P1, s->page, SPM_ACCESS_RWX);
}

static void borrower_left_mapped(struct world *s)
{
	remap(s, P1, s->page, SPM_ACCESS_RW);
}

static void owner_not_restored(struct world *s)
{
	remap(s, HOST, s->page + FFA_PAGE_SIZE, SPM_ACCESS_NONE);
}

static void sharing_owner_unmapped(struct world *s)
{
	remap(s, HOST, s->page, SPM_ACCESS_NONE);
}

static void non_borrower_mapped(struct world *s)
{
	remap(s, P3, s->page, SPM_ACCESS_R);
}

static void stranger_mapped(struct world *s)
{
	remap(s, 0x8009, s->page, SPM_ACCESS_R);
}

static void still_marked_after_reclaim(struct world *s)
{
	page_of(s, s->page)->flags |= SPM_PAGE_IN_SHARE;
	page_of(s, s->page)->share = (uint16_t)s->slot;
}

static void marked_in_bad_slot(struct world *s)
{
	page_of(s, s->page)->share = SPM_MAX_SHARES;
}

static void record_access_changed(struct world *s)
{
	struct spm_page *p = page_of(s, data_of(s->w, P2, 3));

	p->flags = (uint8_t)((p->flags & ~SPM_PAGE_ACCESS_MASK) |
			     (SPM_ACCESS_R << SPM_PAGE_ACCESS_SHIFT));
}

static void owner_forgotten(struct world *s)
{
	page_of(s, data_of(s->w, P2, 3))->owner = 0;
}

static void borrower_is_owner(struct world *s)
{
	s->w->h.spm->shares[s->slot].mtd.access[0].receiver_id = HOST;
}

static void borrower_vanished(struct world *s)
{
	s->w->h.spm->shares[s->slot].mtd.access[0].receiver_id = 0x7777;
}

static void grant_forgotten(struct world *s)
{
	s->w->h.spm->shares[s->slot].borrowers[0].granted = SPM_ACCESS_R;
}

static void mailbox_flag_lost(struct world *s)
{
	page_of(s, rx_of(s->w, P1))->flags &= (uint8_t)~SPM_PAGE_MAILBOX;
}

static void stray_mailbox_flag(struct world *s)
{
	page_of(s, data_of(s->w, P3, 5))->flags |= SPM_PAGE_MAILBOX;
}

static void mailbox_unmapped(struct world *s)
{
	remap(s, P2, tx_of(s->w, P2), SPM_ACCESS_NONE);
}

static void mailbox_read_only(struct world *s)
{
	struct spm_page *p = page_of(s, rx_of(s->w, P3));

	/* Record and mapping agree, but an RX/TX page must be RW. */
	p->flags = (uint8_t)((p->flags & ~SPM_PAGE_ACCESS_MASK) |
			     (SPM_ACCESS_R << SPM_PAGE_ACCESS_SHIFT));
	remap(s, P3, rx_of(s->w, P3), SPM_ACCESS_R);
}

struct tamper {
	const char *name;
	enum stage stage;
	void (*tamper)(struct world *s);
	const char *expect;	/* in map_check's reason */
};

static const struct tamper tampers[] = {
	{ "lender left mapped after LEND", LENT, lender_left_mapped,
	  "having lent it" },
	{ "retrieved but not mapped", RETRIEVED, borrower_unmapped,
	  "borrower that retrieved" },
	{ "borrower mapped beyond its grant", RETRIEVED,
	  borrower_more_access, "is mapped RWX" },
	{ "borrower mapped after relinquish", RELINQUISHED,
	  borrower_left_mapped, "neither owner nor borrower" },
	{ "owner not restored after reclaim", RECLAIMED, owner_not_restored,
	  "(the owner)" },
	{ "pages marked shared after reclaim", RECLAIMED,
	  still_marked_after_reclaim, "which is free" },
	{ "page in a slot that does not exist", LENT, marked_in_bad_slot,
	  "in share slot" },
	{ "sharing owner unmapped", SHARED, sharing_owner_unmapped,
	  "sharing it" },
	{ "non-borrower mapped", SHARED, non_borrower_mapped,
	  "neither owner nor borrower" },
	{ "an endpoint the manager does not know", LENT, stranger_mapped,
	  "not an endpoint" },
	{ "record changed, mapping not", LENT, record_access_changed,
	  "is mapped RW, the manager's records say R " },
	{ "page owned by nobody, still mapped", LENT, owner_forgotten,
	  "records say NONE" },
	{ "borrower is also the owner", RETRIEVED, borrower_is_owner,
	  "is both" },
	{ "borrower that does not exist", RETRIEVED, borrower_vanished,
	  "does not exist" },
	{ "grant differs from the mapping", RETRIEVED, grant_forgotten,
	  "records say R " },
	{ "RX page not marked", LENT, mailbox_flag_lost, "RX/TX page" },
	{ "data page marked RX/TX", LENT, stray_mailbox_flag,
	  "pages marked RX/TX" },
	{ "TX page unmapped", SHARED, mailbox_unmapped, "RX/TX page" },
	{ "RX page read-only", SHARED, mailbox_read_only, "RX/TX page" },
};

static void test_tampered(void **state)
{
	const struct tamper *t = *state;
	struct world s;
	char why[256];

	run_to(&s, t->stage);
	t->tamper(&s);
	if (map_check(s.w->h.spm, &s.w->h.fp, why, sizeof(why)) == 0)
		fail_msg("%s: map_check saw nothing", t->name);
	if (!strstr(why, t->expect))
		fail_msg("%s: reason \"%s\" lacks \"%s\"", t->name, why,
			 t->expect);
	mw_free(s.w);
}

/* The manager's own calls, through every stage, never trip it. */
static void test_life_cycle_consistent(void **state)
{
	struct ffa_mem_range r;
	struct world s;
	struct rreq rq;
	struct txn t;
	uint64_t h;

	(void)state;
	run_to(&s, RECLAIMED);
	/* A donation, retrieved: the pages change owner. */
	t = txn1(s.w, P1, P2, 0, 4, 3, &r);
	h = send_ok(s.w, 0x84000071, &t);
	expect_consistent(s.w);
	rq = rreq1(P2, h, P1, RW);
	retrieve_ok(s.w, &rq);
	expect_consistent(s.w);
	assert_int_equal(page_of(&s, data_of(s.w, P1, 4))->owner,
			 idx_of(P2) + 1);
	mw_free(s.w);
}

/* A short buffer gets a terminated reason; none at all is fine. */
static void test_why_bounded(void **state)
{
	struct world s;
	char why[8];

	(void)state;
	run_to(&s, LENT);
	lender_left_mapped(&s);
	memset(why, 'x', sizeof(why));
	assert_int_equal(map_check(s.w->h.spm, &s.w->h.fp, why, sizeof(why)),
			 -1);
	assert_int_equal(strlen(why), sizeof(why) - 1);
	assert_int_equal(map_check(s.w->h.spm, &s.w->h.fp, NULL, 0), -1);
	mw_free(s.w);
}

int main(void)
{
	struct CMUnitTest tests[sizeof(tampers) / sizeof(tampers[0]) + 2];
	size_t i;

	for (i = 0; i < sizeof(tampers) / sizeof(tampers[0]); i++) {
		tests[i] = (struct CMUnitTest)cmocka_unit_test_prestate(
			test_tampered, (void *)&tampers[i]);
		tests[i].name = tampers[i].name;
	}
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(
		test_life_cycle_consistent);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(test_why_bounded);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
