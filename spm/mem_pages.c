// SPDX-License-Identifier: BSD-3-Clause
/*
 * Page ownership: who owns each 4 KiB page of managed memory, what the
 * owner may do with it, and whether it is a mailbox page or in a share.
 * Manifest regions and RX/TX buffers are claimed here; the access changes
 * of memory transactions go through spm_mem_set_ranges().
 */
#include "mem.h"

bool spm_mem_pages_of(const struct spm *spm, uint64_t addr, uint64_t pages,
		      uint64_t *first)
{
	uint64_t page;

	if (addr < spm->st.mem_base || addr % FFA_PAGE_SIZE != 0)
		return false;
	page = (addr - spm->st.mem_base) / FFA_PAGE_SIZE;
	/* page < nr_pages is checked first, so the subtraction is safe. */
	if (page >= spm->st.nr_pages || pages > spm->st.nr_pages - page)
		return false;
	*first = page;
	return true;
}

uint32_t spm_page_access(const struct spm_page *p)
{
	return (p->flags & SPM_PAGE_ACCESS_MASK) >> SPM_PAGE_ACCESS_SHIFT;
}

void spm_page_set_access(struct spm_page *p, uint32_t access)
{
	p->flags = (uint8_t)((p->flags & ~SPM_PAGE_ACCESS_MASK) |
			     ((access & SPM_ACCESS_RWX) <<
			      SPM_PAGE_ACCESS_SHIFT));
}

static int plat_set_access(struct spm *spm, uint16_t ep_id, uint64_t addr,
			   uint64_t pages, uint32_t access)
{
	return spm->plat.ops->set_access(spm->plat.ctx, ep_id, addr, pages,
					 access);
}

static uint64_t page_addr(const struct spm *spm, uint64_t page)
{
	return spm->st.mem_base + page * FFA_PAGE_SIZE;
}

/*
 * Give ep_id what the owner recorded for each page, one platform call per
 * run of pages with the same access. All or nothing.
 */
static int set_owner_access(struct spm *spm, uint16_t ep_id, uint64_t first,
			    uint64_t pages, uint32_t undo)
{
	const struct spm_page *pg = spm->st.pages;
	uint64_t start = first, end = first + pages, i;
	int ret;

	while (start < end) {
		uint32_t access = spm_page_access(&pg[start]);

		for (i = start + 1; i < end; i++)
			if (spm_page_access(&pg[i]) != access)
				break;
		ret = plat_set_access(spm, ep_id, page_addr(spm, start),
				      i - start, access);
		if (ret) {
			if (start > first)
				plat_set_access(spm, ep_id,
						page_addr(spm, first),
						start - first, undo);
			return ret;
		}
		start = i;
	}
	return 0;
}

static int set_one_range(struct spm *spm, uint16_t ep_id,
			 const struct ffa_mem_range *r, uint32_t access,
			 uint32_t undo)
{
	uint64_t first;

	/* Every range was checked managed before any access change. */
	if (!spm_mem_pages_of(spm, r->address, r->page_count, &first))
		return FFA_RET_INVALID_PARAMETERS;
	if (access == SPM_MEM_OWNER_ACCESS)
		return set_owner_access(spm, ep_id, first, r->page_count,
					undo);
	return plat_set_access(spm, ep_id, r->address, r->page_count, access);
}

int spm_mem_set_ranges(struct spm *spm, uint16_t ep_id,
		       const struct ffa_mem_range *r, uint32_t n,
		       uint32_t access, uint32_t undo)
{
	uint32_t i;
	int ret;

	for (i = 0; i < n; i++) {
		ret = set_one_range(spm, ep_id, &r[i], access, undo);
		if (ret)
			break;
	}
	if (i == n)
		return 0;
	spm_log(spm, 1, "set_access failed: rolling back");
	while (i-- > 0)
		set_one_range(spm, ep_id, &r[i], undo, access);
	return ret;
}

int spm_mem_zero_ranges(struct spm *spm, const struct ffa_mem_range *r,
			uint32_t n)
{
	uint32_t i;
	int ret;

	for (i = 0; i < n; i++) {
		ret = spm->plat.ops->zero(spm->plat.ctx, r[i].address,
					  r[i].page_count);
		if (ret)
			return ret;
	}
	return 0;
}

/* ---- manifest regions ---- */

static bool pages_free(const struct spm *spm, uint64_t first, uint64_t n)
{
	uint64_t i;

	for (i = first; i < first + n; i++)
		if (spm->st.pages[i].owner != 0)
			return false;
	return true;
}

static void pages_own(struct spm *spm, uint64_t first, uint64_t n,
		      uint8_t owner, uint32_t access)
{
	uint64_t i;

	for (i = first; i < first + n; i++) {
		spm->st.pages[i].owner = owner;
		spm->st.pages[i].flags = 0;
		spm->st.pages[i].share = 0;
		spm_page_set_access(&spm->st.pages[i], access);
	}
}

int spm_mem_claim_region(struct spm *spm, uint32_t ep_index,
			 const struct spm_mem_region *r)
{
	uint16_t id = spm->endpoints[ep_index].cfg.id;
	uint64_t first;
	int ret;

	if (r->pages == 0 || (r->access & ~SPM_ACCESS_RWX) ||
	    !spm_mem_pages_of(spm, r->base, r->pages, &first))
		return FFA_RET_INVALID_PARAMETERS;
	if (!pages_free(spm, first, r->pages))
		return FFA_RET_INVALID_PARAMETERS;
	pages_own(spm, first, r->pages, (uint8_t)(ep_index + 1), r->access);
	ret = plat_set_access(spm, id, r->base, r->pages, r->access);
	if (ret)
		pages_own(spm, first, r->pages, 0, SPM_ACCESS_NONE);
	return ret;
}

void spm_mem_unclaim_region(struct spm *spm, uint32_t ep_index,
			    const struct spm_mem_region *r)
{
	uint64_t first;

	if (!spm_mem_pages_of(spm, r->base, r->pages, &first))
		return;
	plat_set_access(spm, spm->endpoints[ep_index].cfg.id, r->base,
			r->pages, SPM_ACCESS_NONE);
	pages_own(spm, first, r->pages, 0, SPM_ACCESS_NONE);
}

/* ---- RX/TX buffers ---- */

/* The endpoint's own, read-write, and in nothing else (class 29). */
static bool mailbox_pages_ok(const struct spm *spm, uint32_t ep_index,
			     uint64_t first, uint64_t n)
{
	const struct spm_page *p;
	uint64_t i;

	for (i = first; i < first + n; i++) {
		p = &spm->st.pages[i];
		if (p->owner != ep_index + 1 ||
		    (p->flags & (SPM_PAGE_MAILBOX | SPM_PAGE_IN_SHARE)) ||
		    (spm_page_access(p) & SPM_ACCESS_RW) != SPM_ACCESS_RW)
			return false;
	}
	return true;
}

static void mark_mailbox(struct spm *spm, uint64_t first, uint64_t n,
			 bool on)
{
	uint64_t i;

	for (i = first; i < first + n; i++) {
		if (on)
			spm->st.pages[i].flags |= SPM_PAGE_MAILBOX;
		else
			spm->st.pages[i].flags &= (uint8_t)~SPM_PAGE_MAILBOX;
	}
}

int spm_mem_claim_mailbox(struct spm *spm, uint32_t ep_index, uint64_t tx,
			  uint64_t rx, uint32_t pages)
{
	uint64_t tx_first, rx_first;

	if (pages == 0 || !spm_mem_pages_of(spm, tx, pages, &tx_first) ||
	    !spm_mem_pages_of(spm, rx, pages, &rx_first) ||
	    !mailbox_pages_ok(spm, ep_index, tx_first, pages))
		return FFA_RET_INVALID_PARAMETERS;
	/* TX marked first, so an RX overlapping it is refused here. */
	mark_mailbox(spm, tx_first, pages, true);
	if (!mailbox_pages_ok(spm, ep_index, rx_first, pages)) {
		mark_mailbox(spm, tx_first, pages, false);
		return FFA_RET_INVALID_PARAMETERS;
	}
	mark_mailbox(spm, rx_first, pages, true);
	return 0;
}

void spm_mem_release_mailbox(struct spm *spm, uint32_t ep_index,
			     uint64_t tx, uint64_t rx, uint32_t pages)
{
	uint64_t first;

	(void)ep_index;
	if (spm_mem_pages_of(spm, tx, pages, &first))
		mark_mailbox(spm, first, pages, false);
	if (spm_mem_pages_of(spm, rx, pages, &first))
		mark_mailbox(spm, first, pages, false);
}

/* ---- pages in transactions ---- */

void spm_mem_mark_ranges(struct spm *spm, const struct ffa_mem_range *r,
			 uint32_t n, uint32_t slot, bool in_share)
{
	struct spm_page *p;
	uint64_t first, j;
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (!spm_mem_pages_of(spm, r[i].address, r[i].page_count,
				      &first))
			continue;
		for (j = first; j < first + r[i].page_count; j++) {
			p = &spm->st.pages[j];
			if (in_share)
				p->flags |= SPM_PAGE_IN_SHARE;
			else
				p->flags &= (uint8_t)~SPM_PAGE_IN_SHARE;
			p->share = in_share ? (uint16_t)slot : 0;
		}
	}
}

void spm_mem_give_ranges(struct spm *spm, const struct ffa_mem_range *r,
			 uint32_t n, uint32_t ep_index, uint32_t access)
{
	uint64_t first, j;
	uint32_t i;

	spm_mem_mark_ranges(spm, r, n, 0, false);
	for (i = 0; i < n; i++) {
		if (!spm_mem_pages_of(spm, r[i].address, r[i].page_count,
				      &first))
			continue;
		for (j = first; j < first + r[i].page_count; j++) {
			spm->st.pages[j].owner = (uint8_t)(ep_index + 1);
			spm_page_set_access(&spm->st.pages[j], access);
		}
	}
}

bool spm_mem_ranges_allow(const struct spm *spm,
			  const struct ffa_mem_range *r, uint32_t n,
			  uint32_t access)
{
	uint64_t first, j;
	uint32_t i;

	for (i = 0; i < n; i++) {
		if (!spm_mem_pages_of(spm, r[i].address, r[i].page_count,
				      &first))
			return false;
		for (j = first; j < first + r[i].page_count; j++)
			if ((spm_page_access(&spm->st.pages[j]) & access) !=
			    access)
				return false;
	}
	return true;
}
