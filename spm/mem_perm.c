// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_PERM_GET / SET (ffa-abi.md 13.1, bad-input row 37): a partition
 * reads or changes its own access to its own pages. Memory in a share or
 * an RX/TX buffer is not the partition's to change.
 *
 * Our choices: the spec means these for S-EL0 partitions during their
 * initialisation; we allow every partition at any time (the test
 * partitions exercise it on request), and the dispatch table refuses the
 * host, which has its own page tables (NOT_SUPPORTED, abi_table.c). The
 * permission word is not the sharing permission byte: data 00 none,
 * 01 RW, 11 RO; bit 2 = not executable.
 */
#include "mem.h"

static uint32_t perm_word(uint32_t access)
{
	uint32_t data = FFA_MEM_PERM_DATA_NA;

	if (access & SPM_ACCESS_W)
		data = FFA_MEM_PERM_DATA_RW;
	else if (access & SPM_ACCESS_R)
		data = FFA_MEM_PERM_DATA_RO;
	return data | ((access & SPM_ACCESS_X) ? 0 : FFA_MEM_PERM_NX);
}

/*
 * SPM_ACCESS_* for a permission word, or false when it is not legal.
 * Bits [31:3] were refused before (abi_table.c).
 */
static bool access_of(uint32_t word, uint32_t *access)
{
	uint32_t data = word & FFA_MEM_PERM_DATA_MASK;

	if (data == FFA_MEM_PERM_DATA_RSVD)
		return false;
	/* Writable and executable at once is never allowed. */
	if (data == FFA_MEM_PERM_DATA_RW && !(word & FFA_MEM_PERM_NX))
		return false;
	if (data == FFA_MEM_PERM_DATA_NA)
		*access = SPM_ACCESS_NONE;
	else if (data == FFA_MEM_PERM_DATA_RW)
		*access = SPM_ACCESS_RW;
	else
		*access = SPM_ACCESS_R |
			  ((word & FFA_MEM_PERM_NX) ? 0 : SPM_ACCESS_X);
	return true;
}

/* The caller's own pages, in no share and no mailbox: their index. */
static bool own_pages(const struct spm_ctx *c, uint64_t base, uint64_t n,
		      uint64_t *first)
{
	uint32_t owner = spm_endpoint_index(c->spm, c->caller) + 1;
	const struct spm_page *p;
	uint64_t i;

	if (!spm_mem_pages_of(c->spm, base, n, first))
		return false;
	for (i = *first; i < *first + n; i++) {
		p = &c->spm->st.pages[i];
		if (p->owner != owner ||
		    (p->flags & (SPM_PAGE_MAILBOX | SPM_PAGE_IN_SHARE)))
			return false;
	}
	return true;
}

void spm_h_mem_perm_get(struct spm_ctx *c)
{
	uint64_t base = c->in->x[1], page;

	/* w2 (v1.3: page count - 1) was refused if set (abi_table.c). */
	if (!own_pages(c, base, 1, &page)) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "not a page of the caller's own");
		return;
	}
	spm_ret_success(c, perm_word(spm_page_access(&c->spm->st.pages[page])),
			0);
}

static int check_perm_set(const struct spm_ctx *c, uint64_t *first,
			  uint32_t *access, const char **why)
{
	uint64_t base = c->in->x[1], end;
	uint32_t pages = (uint32_t)c->in->x[2];

	*why = "bad range";
	if (base % FFA_PAGE_SIZE != 0 || pages == 0 ||
	    !ffa_range_end(base, pages, &end))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "bad permission word";
	if (!access_of((uint32_t)c->in->x[3], access))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "not pages of the caller's own";
	if (!own_pages(c, base, pages, first))
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

void spm_h_mem_perm_set(struct spm_ctx *c)
{
	uint32_t pages = (uint32_t)c->in->x[2], access;
	uint64_t first, i;
	const char *why;
	int ret;

	ret = check_perm_set(c, &first, &access, &why);
	if (!ret && c->spm->plat.ops->set_access(c->spm->plat.ctx,
						 c->caller->cfg.id,
						 c->in->x[1], pages, access)) {
		ret = FFA_RET_NO_MEMORY;
		why = "platform could not change the access";
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	for (i = first; i < first + pages; i++)
		spm_page_set_access(&c->spm->st.pages[i], access);
	spm_ret_success(c, 0, 0);
}
