// SPDX-License-Identifier: BSD-3-Clause
/* The runtime's life: create, add endpoints, boot and run, destroy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libffa/status.h>
#include <spm/manifest.h>
#include "host_internal.h"

static int host_configure(struct ffa_host *h, const struct ffa_host_config *c)
{
	const char *log = getenv("FFA_HOST_LOG");

	if (c)
		h->cfg = *c;
	if (!h->cfg.mem_size)
		h->cfg.mem_size = FFA_HOST_DEFAULT_MEM_SIZE;
	if (!h->cfg.phys_base)
		h->cfg.phys_base = FFA_HOST_DEFAULT_PHYS_BASE;
	if (!h->cfg.nr_ranges)
		h->cfg.nr_ranges = FFA_HOST_DEFAULT_RANGES;
	if (!h->cfg.stack_size)
		h->cfg.stack_size = FFA_HOST_DEFAULT_STACK;
	h->log = log && strcmp(log, "1") == 0;
	h->ctx_ops = host_ctx_pick(h->cfg.ctx);
	if (!h->ctx_ops || host_watchdog_configure(h) ||
	    h->cfg.mem_size % FFA_PAGE_SIZE ||
	    h->cfg.phys_base % FFA_PAGE_SIZE ||
	    h->cfg.stack_size % FFA_PAGE_SIZE ||
	    h->cfg.phys_base + h->cfg.mem_size < h->cfg.phys_base)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

static int host_spm_init(struct ffa_host *h)
{
	h->spm = calloc(1, sizeof(*h->spm));
	h->st.mem_base = h->cfg.phys_base;
	h->st.nr_pages = h->nr_pages;
	h->st.pages = calloc(h->nr_pages, sizeof(*h->st.pages));
	h->st.nr_ranges = h->cfg.nr_ranges;
	h->st.ranges = calloc(h->cfg.nr_ranges, sizeof(*h->st.ranges));
	h->st.scratch = calloc(h->cfg.nr_ranges, sizeof(*h->st.scratch));
	if (!h->spm || !h->st.pages || !h->st.ranges || !h->st.scratch)
		return FFA_RET_NO_MEMORY;
	host_platform_init(h);
	return spm_init(h->spm, &h->plat, &h->st, 1);
}

struct ffa_host *ffa_host_create(const struct ffa_host_config *cfg)
{
	struct ffa_host *h = calloc(1, sizeof(*h));

	if (!h)
		return NULL;
	h->memfd = -1;
	if (host_configure(h, cfg) || host_mem_init(h) || host_spm_init(h)) {
		ffa_host_destroy(h);
		return NULL;
	}
	return h;
}

void ffa_host_destroy(struct ffa_host *h)
{
	uint32_t i;

	if (!h)
		return;
	host_console_flush(h);
	for (i = 0; i < h->nr_eps; i++) {
		host_vcpus_fini(&h->eps[i]);
		host_window_unmap(h, &h->eps[i]);
	}
	free(h->st.pages);
	free(h->st.ranges);
	free(h->st.scratch);
	free(h->spm);
	host_mem_fini(h);
	free(h);
}

/* First ID from `first` that no endpoint has (bounded by the ID space). */
static uint16_t host_free_id(struct ffa_host *h, uint32_t first)
{
	uint32_t id;

	for (id = first; id < FFA_ID_SPMD_LP_FIRST; id++)
		if (id != FFA_ID_INVALID && id != FFA_ID_SPMC &&
		    !host_ep_by_id(h, (uint16_t)id))
			return (uint16_t)id;
	return FFA_ID_INVALID;
}

/* What the manifest may leave out: the ID and the name. */
static void host_complete_config(struct ffa_host *h,
				 struct spm_endpoint_config *cfg)
{
	if (cfg->id == FFA_ID_INVALID)
		cfg->id = host_free_id(h, cfg->is_host ? FFA_ID_HYP :
						       FFA_ID_SPMC + 1);
	if (cfg->name[0] == '\0')
		snprintf(cfg->name, sizeof(cfg->name), "ep-%04x", cfg->id);
}

/* libfdt wants the blob 8-byte aligned: parse a copy that is. */
static int host_parse(struct ffa_host *h, const void *dtb, uint32_t size,
		      struct spm_endpoint_config *cfg)
{
	const char *why = "manifest: no memory for a copy";
	void *copy = malloc(size ? size : 1);
	int ret = FFA_RET_NO_MEMORY;

	if (copy) {
		memcpy(copy, dtb, size);
		ret = spm_manifest_parse(copy, size, cfg, &why);
		free(copy);
	}
	if (ret)
		host_logf(h, 0, "%s", why);
	return ret;
}

static void host_ep_reset(struct ffa_host *h, struct host_ep *ep,
			  const struct spm_endpoint_config *cfg,
			  ffa_entry_fn entry, void *arg)
{
	memset(ep, 0, sizeof(*ep));
	ep->h = h;
	ep->id = cfg->id;
	ep->is_host = cfg->is_host;
	memcpy(ep->name, cfg->name, sizeof(ep->name));
	ep->name[sizeof(ep->name) - 1] = '\0';
	ep->entry = entry;
	ep->arg = arg;
	ep->nr_vcpus = cfg->nr_vcpus;
}

static struct host_ep *host_vm(struct ffa_host *h)
{
	uint32_t i;

	for (i = 0; i < h->nr_eps; i++)
		if (h->eps[i].is_host)
			return &h->eps[i];
	return NULL;
}

static bool region_outside(const struct ffa_host *h,
			   const struct spm_mem_region *r)
{
	uint64_t size = (uint64_t)r->pages * FFA_PAGE_SIZE;

	return r->base < h->cfg.phys_base || size > h->cfg.mem_size ||
	       r->base - h->cfg.phys_base > h->cfg.mem_size - size;
}

static bool regions_overlap(const struct spm_mem_region *a,
			    const struct spm_mem_region *b)
{
	return a->base < b->base + (uint64_t)b->pages * FFA_PAGE_SIZE &&
	       b->base < a->base + (uint64_t)a->pages * FFA_PAGE_SIZE;
}

/* The endpoint already added whose region r overlaps, or NULL. */
static const char *region_owner(const struct ffa_host *h,
				const struct spm_mem_region *r)
{
	const struct spm_endpoint_config *o;
	uint32_t i, j;

	for (i = 0; i < h->spm->nr_endpoints; i++) {
		o = &h->spm->endpoints[i].cfg;
		for (j = 0; j < o->nr_regions; j++)
			if (regions_overlap(r, &o->regions[j]))
				return o->name;
	}
	return NULL;
}

/*
 * spm_add_endpoint() says only INVALID_PARAMETERS: name the usual
 * causes, so that a user knows which line of the manifest (or which
 * --mem) to change. Only a diagnosis: the manager's checks decide.
 */
static void host_why_not_added(struct ffa_host *h,
			       const struct spm_endpoint_config *cfg, int ret)
{
	const struct spm_mem_region *r;
	const struct host_ep *other = host_ep_by_id(h, cfg->id);
	const char *owner;
	uint32_t i;

	if (other) {
		host_logf(h, 0, "%s: not added: ID 0x%04x is %s's", cfg->name,
			  cfg->id, other->name);
		return;
	}
	if (cfg->is_host && host_vm(h)) {
		host_logf(h, 0, "%s: not added: %s already has ffa-host",
			  cfg->name, host_vm(h)->name);
		return;
	}
	for (i = 0; i < cfg->nr_regions && i < SPM_MAX_MEM_REGIONS; i++) {
		r = &cfg->regions[i];
		owner = region_owner(h, r);
		if (region_outside(h, r)) {
			host_logf(h, 0, "%s: not added: region %u [%#llx, +%u "
				  "pages) lies outside memory [%#llx, %#llx): "
				  "give the runtime more (mem_size, ffa-host "
				  "--mem)", cfg->name, i,
				  (unsigned long long)r->base, r->pages,
				  (unsigned long long)h->cfg.phys_base,
				  (unsigned long long)(h->cfg.phys_base +
						       h->cfg.mem_size));
			return;
		}
		if (owner) {
			host_logf(h, 0, "%s: not added: region %u [%#llx, +%u "
				  "pages) overlaps one of %s's", cfg->name, i,
				  (unsigned long long)r->base, r->pages,
				  owner);
			return;
		}
	}
	host_logf(h, 0, "%s: not added (%s)", cfg->name,
		  ffa_status_name(ret));
}

int ffa_host_add(struct ffa_host *h, const void *dtb, uint32_t size,
		 ffa_entry_fn entry, void *arg)
{
	struct spm_endpoint_config cfg;
	struct host_ep *ep;
	int ret;

	if (!entry || !dtb || h->ran)
		return FFA_RET_INVALID_PARAMETERS;
	if (h->nr_eps == SPM_MAX_ENDPOINTS)
		return FFA_RET_NO_MEMORY;
	ret = host_parse(h, dtb, size, &cfg);
	if (ret)
		return ret;
	host_complete_config(h, &cfg);
	ep = &h->eps[h->nr_eps];
	host_ep_reset(h, ep, &cfg, entry, arg);
	ret = host_window_map(h, ep);
	if (!ret)
		ret = host_vcpus_init(h, ep, &cfg);
	if (!ret) {
		/* Known before spm_add_endpoint(): it maps the regions. */
		h->nr_eps++;
		ret = spm_add_endpoint(h->spm, &cfg);
		if (ret)
			h->nr_eps--;
	}
	if (ret) {
		host_why_not_added(h, &cfg, ret);
		host_vcpus_fini(ep);
		host_window_unmap(h, ep);
	}
	return ret;
}

/* Manifests are small: a bigger file is not one. */
#define HOST_MANIFEST_MAX	(1U << 20)

int ffa_host_add_file(struct ffa_host *h, const char *path,
		      ffa_entry_fn entry, void *arg)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(HOST_MANIFEST_MAX);
	size_t n = 0;
	int ret = FFA_RET_INVALID_PARAMETERS;

	if (f && buf) {
		n = fread(buf, 1, HOST_MANIFEST_MAX, f);
		if (n > 0 && n < HOST_MANIFEST_MAX && !ferror(f))
			ret = ffa_host_add(h, buf, (uint32_t)n, entry, arg);
		else
			host_logf(h, 0, "%s: unreadable or too big", path);
	} else {
		host_logf(h, 0, "%s: cannot open", path);
	}
	if (f)
		fclose(f);
	free(buf);
	return ret;
}

/* Every live vCPU waits in a call, or the boot went nowhere: say who. */
static void host_stuck(struct ffa_host *h)
{
	char msg[HOST_ERROR_MAX] =
		"nothing left to run before the host main returned";

	host_describe_vcpus(h, NULL, false, msg, sizeof(msg));
	host_logf(h, 0, "%s", msg);
}

/*
 * Boot from the runtime's own context. Each step starts a vCPU, which
 * runs until the manager switches elsewhere; this context regains the
 * CPU only when the manager has nothing to run, or the host main is done.
 */
static int host_boot(struct ffa_host *h, struct host_ep *vm)
{
	struct spm_decision d;
	uint32_t step;

	for (step = 0; step <= SPM_MAX_ENDPOINTS * SPM_MAX_VCPUS; step++) {
		if (h->host_done || h->timed_out || vm->vcpus[0].started)
			break;
		spm_boot(h->spm, 0, &d);
		if (d.next == SPM_IDLE)
			break;
		host_execute(h, NULL, &d);
	}
	if (h->host_done)
		return h->host_ret;
	if (h->timed_out)
		return FFA_HOST_RUN_TIMEOUT;
	host_stuck(h);
	return FFA_HOST_RUN_FAILED;
}

int ffa_host_run(struct ffa_host *h)
{
	struct host_ep *vm = host_vm(h);
	int ret;

	if (!vm || h->ran) {
		host_logf(h, 0, vm ? "ffa_host_run called twice" :
				     "no endpoint has the ffa-host property");
		return FFA_HOST_RUN_FAILED;
	}
	h->ran = true;
	if (host_fault_install(h) != 0)
		return FFA_HOST_RUN_FAILED;
	if (host_watchdog_arm(h) != 0) {
		host_fault_remove();
		host_logf(h, 0, "cannot start the watchdog");
		return FFA_HOST_RUN_FAILED;
	}
	host_vcpus_prepare(h);
	ret = host_boot(h, vm);
	host_watchdog_disarm(h);
	host_fault_remove();
	host_console_flush(h);
	return ret;
}

struct spm *ffa_host_spm(struct ffa_host *h)
{
	return h->spm;
}

uint32_t ffa_host_sri_count(const struct ffa_host *h)
{
	return h->sri_count;
}
