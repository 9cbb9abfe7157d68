// SPDX-License-Identifier: BSD-3-Clause
/*
 * "Physical memory": one memfd, mapped read-write for the manager and
 * once more per endpoint as that endpoint's window, where mprotect()
 * plays the stage-2 tables. Each endpoint keeps a byte per page of what
 * is applied, so a failed change can be put back exactly.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <libffa/status.h>
#include "host_internal.h"

static uint64_t mem_bytes(const struct ffa_host *h)
{
	return h->nr_pages * FFA_PAGE_SIZE;
}

/* True when [pa, pa + len) lies in physical memory. */
static bool mem_contains(const struct ffa_host *h, uint64_t pa, uint64_t len)
{
	uint64_t base = h->cfg.phys_base;

	return pa >= base && len <= mem_bytes(h) &&
	       pa - base <= mem_bytes(h) - len;
}

int host_mem_init(struct ffa_host *h)
{
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	/*
	 * mprotect() plays stage 2 at FF-A's 4 KiB granule. A kernel with
	 * larger pages (16 or 64 KiB, as some arm64 hosts run) would refuse
	 * most changes and round the others up to more than was granted.
	 */
	if (page != FFA_PAGE_SIZE) {
		host_logf(h, 0, "host pages are %ld bytes: the runtime needs %u",
			  page, FFA_PAGE_SIZE);
		return FFA_RET_NOT_SUPPORTED;
	}
	h->nr_pages = h->cfg.mem_size / FFA_PAGE_SIZE;
	h->memfd = memfd_create("ffa-phys", MFD_CLOEXEC);
	if (h->memfd < 0)
		return FFA_RET_NO_MEMORY;
	if (ftruncate(h->memfd, (off_t)mem_bytes(h)) != 0)
		return FFA_RET_NO_MEMORY;
	p = mmap(NULL, mem_bytes(h), PROT_READ | PROT_WRITE, MAP_SHARED,
		 h->memfd, 0);
	if (p == MAP_FAILED)
		return FFA_RET_NO_MEMORY;
	h->mem = p;
	return 0;
}

void host_mem_fini(struct ffa_host *h)
{
	if (h->mem)
		munmap(h->mem, mem_bytes(h));
	if (h->memfd >= 0)
		close(h->memfd);
	h->mem = NULL;
	h->memfd = -1;
}

int host_window_map(struct ffa_host *h, struct host_ep *ep)
{
	void *p = mmap(NULL, mem_bytes(h), PROT_NONE, MAP_SHARED, h->memfd, 0);

	if (p == MAP_FAILED)
		return FFA_RET_NO_MEMORY;
	ep->access = calloc(h->nr_pages, 1);
	if (!ep->access) {
		munmap(p, mem_bytes(h));
		return FFA_RET_NO_MEMORY;
	}
	ep->window = p;
	return 0;
}

void host_window_unmap(struct ffa_host *h, struct host_ep *ep)
{
	if (ep->window)
		munmap(ep->window, mem_bytes(h));
	free(ep->access);
	ep->window = NULL;
	ep->access = NULL;
}

void *host_window_ptr(const struct host_ep *ep, uint64_t addr)
{
	const struct ffa_host *h = ep->h;

	if (!ep->window || !mem_contains(h, addr, 1))
		return NULL;
	return ep->window + (addr - h->cfg.phys_base);
}

/* Execute is recorded, not applied: no endpoint code runs from memory. */
static int mem_prot(uint32_t access)
{
	int prot = PROT_NONE;

	if (access & SPM_ACCESS_R)
		prot |= PROT_READ;
	if (access & SPM_ACCESS_W)
		prot |= PROT_READ | PROT_WRITE;
	return prot;
}

static int mem_protect(struct host_ep *ep, uint64_t first, uint64_t n,
		       uint32_t access)
{
	return mprotect(ep->window + first * FFA_PAGE_SIZE,
			n * FFA_PAGE_SIZE, mem_prot(access));
}

/*
 * mprotect() may have changed part of the range before failing: put each
 * run of equal recorded access back. Going back never needs more kernel
 * mappings than the window had before, so this does not fail.
 */
static void mem_restore(struct host_ep *ep, uint64_t first, uint64_t n)
{
	uint64_t i = first, end = first + n, run;

	while (i < end) {
		for (run = i + 1; run < end && ep->access[run] == ep->access[i];
		     run++)
			;
		mem_protect(ep, i, run - i, ep->access[i]);
		i = run;
	}
}

static int host_set_access(void *ctx, uint16_t id, uint64_t addr,
			   uint64_t pages, uint32_t access)
{
	struct ffa_host *h = ctx;
	struct host_ep *ep = host_ep_by_id(h, id);
	uint64_t first;

	if (!ep || addr % FFA_PAGE_SIZE || pages > h->nr_pages ||
	    !mem_contains(h, addr, pages * FFA_PAGE_SIZE)) {
		host_logf(h, 0, "set_access out of range: ep %#x %#llx+%llu",
			  id, (unsigned long long)addr,
			  (unsigned long long)pages);
		return FFA_RET_INVALID_PARAMETERS;
	}
	first = (addr - h->cfg.phys_base) / FFA_PAGE_SIZE;
	if (mem_protect(ep, first, pages, access) != 0) {
		host_logf(h, 1, "mprotect: %s (vm.max_map_count?)",
			  strerror(errno));
		mem_restore(ep, first, pages);
		return FFA_RET_NO_MEMORY;
	}
	memset(ep->access + first, (int)access, pages);
	return 0;
}

static int host_read(void *ctx, void *dst, uint64_t pa, uint32_t len)
{
	struct ffa_host *h = ctx;

	if (!mem_contains(h, pa, len))
		return FFA_RET_ABORTED;
	memcpy(dst, h->mem + (pa - h->cfg.phys_base), len);
	return 0;
}

static int host_write(void *ctx, uint64_t pa, const void *src, uint32_t len)
{
	struct ffa_host *h = ctx;

	if (!mem_contains(h, pa, len))
		return FFA_RET_ABORTED;
	memcpy(h->mem + (pa - h->cfg.phys_base), src, len);
	return 0;
}

static int host_zero(void *ctx, uint64_t pa, uint64_t pages)
{
	struct ffa_host *h = ctx;

	if (pages > h->nr_pages || !mem_contains(h, pa, pages * FFA_PAGE_SIZE))
		return FFA_RET_ABORTED;
	memset(h->mem + (pa - h->cfg.phys_base), 0, pages * FFA_PAGE_SIZE);
	return 0;
}

/* The memory half of the platform operations (platform.c has the rest). */
void host_mem_ops(struct spm_platform_ops *ops)
{
	ops->set_access = host_set_access;
	ops->read = host_read;
	ops->write = host_write;
	ops->zero = host_zero;
}
