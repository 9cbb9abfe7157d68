// SPDX-License-Identifier: BSD-3-Clause
/*
 * map_check(): the access each endpoint must have to each page, derived
 * from the manager's records alone (map_check.h), against the fake
 * platform's page maps. Plain loops over pages x endpoints: the point is
 * to be obviously right, not fast.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "map_check.h"

/* What one page should look like, and the record that says so. */
struct expect {
	uint8_t access[SPM_MAX_ENDPOINTS];
	const char *because[SPM_MAX_ENDPOINTS];
};

static const char *reason(const struct expect *e, int ep)
{
	if (ep < 0)
		return "not an endpoint";
	return e->because[ep] ? e->because[ep] : "neither owner nor borrower";
}

static int complain(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;

	if (n) {
		va_start(ap, fmt);
		vsnprintf(why, n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static const char *access_name(uint32_t a)
{
	static const char *const names[8] = {
		"NONE", "R", "W", "RW", "X", "RX", "WX", "RWX",
	};

	return a < 8 ? names[a] : "(bad)";
}

static uint64_t page_addr(const struct spm *spm, uint64_t page)
{
	return spm->st.mem_base + page * FFA_PAGE_SIZE;
}

static uint32_t owner_access(const struct spm_page *p)
{
	return (p->flags & SPM_PAGE_ACCESS_MASK) >> SPM_PAGE_ACCESS_SHIFT;
}

/* Index of the manager's endpoint id, or -1. */
static int spm_index(const struct spm *spm, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints && i < SPM_MAX_ENDPOINTS; i++)
		if (spm->endpoints[i].cfg.id == id)
			return (int)i;
	return -1;
}

/* What the platform holds for endpoint id at page: NONE if never set. */
static uint32_t mapped(const struct fake_platform *fp, uint16_t id,
		       uint64_t page)
{
	uint32_t i;

	for (i = 0; i < fp->nr_eps && i < FAKE_MAX_EPS; i++)
		if (fp->ep_ids[i] == id)
			return fp->access[i][page];
	return SPM_ACCESS_NONE;
}

static int give(const struct spm *spm, struct expect *e, uint32_t ep,
		uint32_t access, const char *because, uint64_t page,
		char *why, size_t n)
{
	if (e->because[ep])
		return complain(why, n,
				"page %#llx: ep %#x is both %s and %s",
				(unsigned long long)page_addr(spm, page),
				spm->endpoints[ep].cfg.id, e->because[ep],
				because);
	e->access[ep] = (uint8_t)access;
	e->because[ep] = because;
	return 0;
}

/* The borrowers of a live share that retrieved it get what they got. */
static int expect_borrowers(const struct spm *spm, const struct spm_share *s,
			    uint64_t page, struct expect *e, char *why,
			    size_t n)
{
	uint32_t i;
	int ep;

	for (i = 0; i < s->mtd.nr_access && i < FFA_MEM_MAX_ACCESS; i++) {
		if (!s->borrowers[i].retrieved)
			continue;
		ep = spm_index(spm, s->mtd.access[i].receiver_id);
		if (ep < 0)
			return complain(why, n,
					"share %#llx: borrower %#x retrieved "
					"but does not exist",
					(unsigned long long)s->handle,
					s->mtd.access[i].receiver_id);
		if (give(spm, e, (uint32_t)ep, s->borrowers[i].granted,
			 "a borrower that retrieved", page, why, n))
			return -1;
	}
	return 0;
}

static int expect_page(const struct spm *spm, uint64_t page,
		       struct expect *e, char *why, size_t n)
{
	const struct spm_page *p = &spm->st.pages[page];
	const struct spm_share *s;
	uint32_t owner;

	memset(e, 0, sizeof(*e));
	if (p->owner == 0)
		return (p->flags & (SPM_PAGE_IN_SHARE | SPM_PAGE_MAILBOX)) ?
		       complain(why, n, "page %#llx: nobody's, yet marked "
				"%#x", (unsigned long long)page_addr(spm, page),
				p->flags) : 0;
	owner = p->owner - 1U;
	if (owner >= spm->nr_endpoints)
		return complain(why, n, "page %#llx: owner %u does not exist",
				(unsigned long long)page_addr(spm, page),
				owner);
	if (!(p->flags & SPM_PAGE_IN_SHARE))
		return give(spm, e, owner, owner_access(p), "the owner", page,
			    why, n);
	if (p->share >= SPM_MAX_SHARES)
		return complain(why, n, "page %#llx: in share slot %u of %u",
				(unsigned long long)page_addr(spm, page),
				p->share, SPM_MAX_SHARES);
	s = &spm->shares[p->share];
	if (s->state != SPM_SHARE_READY || s->donated)
		return complain(why, n, "page %#llx: marked in share slot %u, "
				"which is %s", (unsigned long long)
				page_addr(spm, page), p->share,
				s->state == SPM_SHARE_FREE ? "free" :
				s->donated ? "donated" : "still being sent");
	if (give(spm, e, owner,
		 s->op == FFA_MEM_OP_SHARE ? owner_access(p) : SPM_ACCESS_NONE,
		 s->op == FFA_MEM_OP_SHARE ? "the owner, sharing it" :
		 "the owner, having lent it", page, why, n))
		return -1;
	return expect_borrowers(spm, s, page, e, why, n);
}

/* Who is who on each side, worked out once per check. */
struct slots {
	int spm_of[FAKE_MAX_EPS];		/* -1: not an endpoint */
	bool unseen[SPM_MAX_ENDPOINTS];		/* the platform never mapped */
};

static void match_slots(const struct spm *spm, const struct fake_platform *fp,
			struct slots *m)
{
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints && i < SPM_MAX_ENDPOINTS; i++)
		m->unseen[i] = true;
	for (i = 0; i < fp->nr_eps && i < FAKE_MAX_EPS; i++) {
		m->spm_of[i] = spm_index(spm, fp->ep_ids[i]);
		if (m->spm_of[i] >= 0)
			m->unseen[m->spm_of[i]] = false;
	}
}

/* Every endpoint has exactly the expected access (NONE if never set). */
static int compare_page(const struct spm *spm, const struct fake_platform *fp,
			const struct slots *m, uint64_t page,
			const struct expect *e, char *why, size_t n)
{
	uint32_t i, want, have;
	int ep;

	for (i = 0; i < fp->nr_eps && i < FAKE_MAX_EPS; i++) {
		ep = m->spm_of[i];
		have = fp->access[i][page];
		want = ep < 0 ? SPM_ACCESS_NONE : e->access[ep];
		if (have != want)
			return complain(why, n,
					"page %#llx: ep %#x is mapped %s, the "
					"manager's records say %s (%s)",
					(unsigned long long)
					page_addr(spm, page), fp->ep_ids[i],
					access_name(have), access_name(want),
					reason(e, ep));
	}
	for (i = 0; i < spm->nr_endpoints && i < SPM_MAX_ENDPOINTS; i++)
		if (m->unseen[i] && e->access[i] != SPM_ACCESS_NONE)
			return complain(why, n,
					"page %#llx: ep %#x never mapped, the "
					"manager's records say %s (%s)",
					(unsigned long long)
					page_addr(spm, page),
					spm->endpoints[i].cfg.id,
					access_name(e->access[i]),
					reason(e, (int)i));
	return 0;
}

/* One RX or TX buffer: the owner's pages, marked, RW for it, unshared. */
static int check_buffer(const struct spm *spm, const struct fake_platform *fp,
			uint32_t ep, uint64_t addr, uint32_t pages,
			uint64_t *marked, char *why, size_t n)
{
	uint16_t id = spm->endpoints[ep].cfg.id;
	const struct spm_page *p;
	uint64_t first, i;

	if (addr < spm->st.mem_base || addr % FFA_PAGE_SIZE ||
	    (addr - spm->st.mem_base) / FFA_PAGE_SIZE >= spm->st.nr_pages ||
	    pages > spm->st.nr_pages -
		    (addr - spm->st.mem_base) / FFA_PAGE_SIZE)
		return complain(why, n, "ep %#x: RX/TX at %#llx (%u pages) "
				"is not managed memory", id,
				(unsigned long long)addr, pages);
	first = (addr - spm->st.mem_base) / FFA_PAGE_SIZE;
	for (i = first; i < first + pages; i++) {
		p = &spm->st.pages[i];
		if (p->owner != ep + 1U || !(p->flags & SPM_PAGE_MAILBOX) ||
		    (p->flags & SPM_PAGE_IN_SHARE) ||
		    (mapped(fp, id, i) & SPM_ACCESS_RW) != SPM_ACCESS_RW)
			return complain(why, n, "ep %#x: RX/TX page %#llx is "
					"owner %u flags %#x, mapped %s", id,
					(unsigned long long)page_addr(spm, i),
					p->owner, p->flags,
					access_name(mapped(fp, id, i)));
	}
	*marked += pages;
	return 0;
}

/* The pages marked as RX/TX are exactly those of the mapped pairs. */
static int check_mailboxes(const struct spm *spm,
			   const struct fake_platform *fp, char *why,
			   size_t n)
{
	const struct spm_mailbox *mb;
	uint64_t marked = 0, flagged = 0, i;
	uint32_t ep;

	for (ep = 0; ep < spm->nr_endpoints && ep < SPM_MAX_ENDPOINTS; ep++) {
		mb = &spm->endpoints[ep].mbox;
		if (!mb->tx && !mb->rx)
			continue;
		if (check_buffer(spm, fp, ep, mb->tx, mb->pages, &marked,
				 why, n) ||
		    check_buffer(spm, fp, ep, mb->rx, mb->pages, &marked,
				 why, n))
			return -1;
	}
	for (i = 0; i < spm->st.nr_pages; i++)
		if (spm->st.pages[i].flags & SPM_PAGE_MAILBOX)
			flagged++;
	if (flagged != marked)
		return complain(why, n, "%llu pages marked RX/TX, the mapped "
				"pairs have %llu", (unsigned long long)flagged,
				(unsigned long long)marked);
	return 0;
}

int map_check(const struct spm *spm, const struct fake_platform *fp,
	      char *why, size_t n)
{
	struct expect e;
	struct slots m;
	uint64_t page;

	if (n)
		why[0] = '\0';
	if (fp->nr_pages != spm->st.nr_pages ||
	    spm->st.mem_base != FAKE_MEM_BASE)
		return complain(why, n, "platform and manager disagree on "
				"the managed memory");
	if (check_mailboxes(spm, fp, why, n))
		return -1;
	match_slots(spm, fp, &m);
	for (page = 0; page < spm->st.nr_pages; page++) {
		if (expect_page(spm, page, &e, why, n) ||
		    compare_page(spm, fp, &m, page, &e, why, n))
			return -1;
	}
	return 0;
}
