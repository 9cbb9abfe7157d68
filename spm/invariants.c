// SPDX-License-Identifier: BSD-3-Clause
/*
 * Every invariant of the manager's state, for tests and fuzzers to check
 * after each call: the memory-sharing ones (mem_invariants.c), and the
 * mailboxes: every mapped pair's pages are MAILBOX pages of their
 * endpoint, and no other page is; and nothing an aborted endpoint left
 * behind survives its abort (abort.c); what the dispatch table keeps per
 * endpoint is up to date. O(pages + endpoints + shares).
 */
#include "internal.h"

static int broken(const char **why, const char *what)
{
	*why = what;
	return FFA_RET_INVALID_PARAMETERS;
}

/* n pages at addr: managed, MAILBOX, owned by owner (index + 1). */
static bool mailbox_pages(const struct spm *spm, uint64_t addr, uint64_t n,
			  uint32_t owner)
{
	const struct spm_page *p;
	uint64_t first, i;

	if (addr < spm->st.mem_base || addr % FFA_PAGE_SIZE != 0)
		return false;
	first = (addr - spm->st.mem_base) / FFA_PAGE_SIZE;
	if (first >= spm->st.nr_pages || n > spm->st.nr_pages - first)
		return false;
	for (i = first; i < first + n; i++) {
		p = &spm->st.pages[i];
		if (!(p->flags & SPM_PAGE_MAILBOX) || p->owner != owner)
			return false;
	}
	return true;
}

static int check_mailboxes(const struct spm *spm, const char **why)
{
	uint64_t expected = 0, found = 0, i;
	const struct spm_mailbox *mb;
	uint32_t e;

	for (e = 0; e < spm->nr_endpoints; e++) {
		mb = &spm->endpoints[e].mbox;
		if (!mb->tx)
			continue;
		if (!mailbox_pages(spm, mb->tx, mb->pages, e + 1) ||
		    !mailbox_pages(spm, mb->rx, mb->pages, e + 1))
			return broken(why, "mailbox page not marked");
		expected += 2ULL * mb->pages;
	}
	for (i = 0; i < spm->st.nr_pages; i++)
		if (spm->st.pages[i].flags & SPM_PAGE_MAILBOX)
			found++;
	if (found != expected)
		return broken(why, "MAILBOX page of no mapped mailbox");
	return 0;
}

static bool uuid_regs_match(const struct spm_endpoint *ep)
{
	uint64_t x[2];
	uint32_t i;

	for (i = 0; i < ep->cfg.nr_uuids && i < SPM_MAX_UUIDS; i++) {
		ffa_uuid_to_x2(&ep->cfg.uuids[i], x);
		if (x[0] != ep->uuid_regs[i][0] || x[1] != ep->uuid_regs[i][1])
			return false;
	}
	return true;
}

/*
 * What the manager judges a call by without recomputing it: an
 * endpoint's own index, a caller's roles, set from its configuration
 * (abi_table.c), a negotiated version never above the manager's, its
 * view of each row of the dispatch table (from both), its UUIDs in
 * register form (direct.c).
 */
static int check_abi_view(const struct spm *spm, const char **why)
{
	const struct spm_endpoint *ep;
	uint32_t e;

	for (e = 0; e < spm->nr_endpoints; e++) {
		ep = &spm->endpoints[e];
		if (ep->index != e)
			return broken(why, "endpoint index out of date");
		if (ep->abi_who != spm_abi_who_of(&ep->cfg))
			return broken(why, "endpoint roles out of date");
		if (ep->version > spm->version)
			return broken(why, "version above the manager's");
		if (!spm_abi_view_current(ep))
			return broken(why, "endpoint ABI view out of date");
		if (!uuid_regs_match(ep))
			return broken(why, "endpoint UUID registers out of date");
	}
	return 0;
}

int spm_check_invariants(struct spm *spm, const char **why)
{
	const char *ignored;
	int ret;

	if (!why)
		why = &ignored;
	ret = spm_mem_check_invariants(spm, why);
	if (ret)
		return ret;
	ret = check_mailboxes(spm, why);
	if (ret)
		return ret;
	ret = check_abi_view(spm, why);
	if (ret)
		return ret;
	return spm_abort_check_invariants(spm, why);
}
