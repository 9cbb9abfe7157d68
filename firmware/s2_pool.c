// SPDX-License-Identifier: BSD-3-Clause
/*
 * The pool of stage-2 table pages: a fixed number of 4 KiB pages in BSS,
 * enough to boot, grown once by the manager's set-up with what is left
 * of its own data area (s2_pool_grow(): memory the DTB reserves and no
 * guest maps), and a free list threaded through the free pages
 * themselves. Bounded on purpose: a guest that asks for more mappings
 * than the pool holds gets NO_MEMORY, and the firmware never grows into
 * memory it does not own. Callers serialize (the boot CPU alone, then
 * the manager lock).
 */
#include <stddef.h>

#include <fw/s2.h>

#define S2_POOL_PAGES	96
#define ENTRIES		(S2_PAGE_SIZE / sizeof(uint64_t))

static uint64_t pool[S2_POOL_PAGES][ENTRIES]
	__attribute__((aligned(4096), section(".bss.pgtable")));
static unsigned int next_unused;	/* pages never handed out yet */
static uint64_t *free_list;		/* pages given back */
static unsigned int nr_free = S2_POOL_PAGES;

static void zero_page(uint64_t *p)
{
	for (size_t i = 0; i < ENTRIES; i++)
		p[i] = 0;
}

uint64_t *s2_pool_alloc(void)
{
	uint64_t *p;

	if (free_list) {
		p = free_list;
		free_list = (uint64_t *)(uintptr_t)p[0];
	} else if (next_unused < S2_POOL_PAGES) {
		p = pool[next_unused++];
	} else {
		return NULL;
	}
	nr_free--;
	zero_page(p);
	return p;
}

void s2_pool_free(uint64_t *page)
{
	page[0] = (uintptr_t)free_list;
	free_list = page;
	nr_free++;
}

unsigned int s2_pool_free_pages(void)
{
	return nr_free;
}

void s2_pool_grow(uint64_t *pages, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		s2_pool_free(pages + i * ENTRIES);
}
