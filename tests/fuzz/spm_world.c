// SPDX-License-Identifier: BSD-3-Clause
/*
 * fuzz_spm's world (spm_world.h): the platform under the manager (memory,
 * per-endpoint page maps, locks), the system it boots, the snapshot every
 * input starts from, and the checks after every call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map_check.h"
#include "spm_world.h"

#define NR_RANGES	2048U

const uint16_t ids[NR_EPS] = { 0x0000, 0x8001, 0x8002, 0x0003 };
/* The host has enough pages for a response larger than an RX buffer. */
const uint32_t ep_first[NR_EPS] = { 0, 320, 384, 448 };
const uint32_t ep_pages[NR_EPS] = { 320, 64, 64, 64 };
/* Layout versions in use at once; FFA_VERSION calls may change them. */
static const uint32_t ep_version[NR_EPS] = {
	FFA_VERSION_1_2, FFA_VERSION_1_2, FFA_VERSION_1_1, FFA_VERSION_1_0,
};

/* ---- the platform: memory, mappings, locks ---- */

struct fuzz_platform {
	uint8_t mem[MEM_PAGES * FFA_PAGE_SIZE];
	uint8_t access[NR_EPS][MEM_PAGES];
	uint8_t dirty[MEM_PAGES];	/* written since the snapshot */
	int locks;
};

static struct fuzz_platform fp;
static struct fake_platform view;	/* fp's mappings, for map_check */
struct spm_page pages[MEM_PAGES];
static struct ffa_mem_range ranges[NR_RANGES], scratch[NR_RANGES];
struct spm spm;

bool in_mem(uint64_t pa, uint64_t len)
{
	uint64_t size = (uint64_t)MEM_PAGES * FFA_PAGE_SIZE;

	return pa >= MEM_BASE && len <= size && pa - MEM_BASE <= size - len;
}

int ep_slot(uint16_t ep)
{
	unsigned int i;

	for (i = 0; i < NR_EPS; i++)
		if (ids[i] == ep)
			return (int)i;
	return -1;
}

uint64_t ep_base(unsigned int i)
{
	return MEM_BASE + (uint64_t)ep_first[i] * FFA_PAGE_SIZE;
}

static void touch(uint64_t pa, uint64_t len)
{
	uint64_t p;

	for (p = (pa - MEM_BASE) / FFA_PAGE_SIZE;
	     len && p <= (pa - MEM_BASE + len - 1) / FFA_PAGE_SIZE; p++)
		fp.dirty[p] = 1;
}

static int p_set_access(void *ctx, uint16_t ep, uint64_t addr,
			uint64_t n, uint32_t access)
{
	(void)ctx;
	check(ep_slot(ep) >= 0 && access <= SPM_ACCESS_RWX);
	check(addr % FFA_PAGE_SIZE == 0 && in_mem(addr, n * FFA_PAGE_SIZE));
	memset(fp.access[ep_slot(ep)] + (addr - MEM_BASE) / FFA_PAGE_SIZE,
	       (int)access, n);
	return 0;
}

static int p_read(void *ctx, void *dst, uint64_t pa, uint32_t len)
{
	(void)ctx;
	if (!in_mem(pa, len))
		return -8;
	memcpy(dst, fp.mem + (pa - MEM_BASE), len);
	return 0;
}

static int p_write(void *ctx, uint64_t pa, const void *src, uint32_t len)
{
	(void)ctx;
	if (!in_mem(pa, len))
		return -8;
	memcpy(fp.mem + (pa - MEM_BASE), src, len);
	touch(pa, len);
	return 0;
}

static int p_zero(void *ctx, uint64_t pa, uint64_t n)
{
	(void)ctx;
	if (!in_mem(pa, n * FFA_PAGE_SIZE))
		return -8;
	memset(fp.mem + (pa - MEM_BASE), 0, n * FFA_PAGE_SIZE);
	touch(pa, n * FFA_PAGE_SIZE);
	return 0;
}

static void p_lock(void *ctx, struct spm_lock *l)
{
	(void)ctx;
	check(l->word == 0 && fp.locks == 0);
	l->word = 1;
	fp.locks++;
}

static void p_unlock(void *ctx, struct spm_lock *l)
{
	(void)ctx;
	check(l->word == 1);
	l->word = 0;
	fp.locks--;
}

static void p_log(void *ctx, int level, const char *line)
{
	(void)ctx;
	(void)level;
	check(line != NULL);
}

static void p_console(void *ctx, uint16_t ep, const char *s, uint32_t len)
{
	(void)ctx;
	(void)ep;
	check(len <= 128 && (len == 0 || s != NULL));
}

static void p_sri(void *ctx, uint32_t cpu)
{
	(void)ctx;
	check(cpu < 2);
}

static const struct spm_platform_ops ops = {
	.set_access = p_set_access, .read = p_read, .write = p_write,
	.zero = p_zero, .lock = p_lock, .unlock = p_unlock, .log = p_log,
	.console = p_console, .raise_sri = p_sri,
};

/* ---- what reached each stage of the life cycle ---- */

struct fuzz_stages stages;

/* FUZZ_SPM_TRACE: every call and its answer on stderr. */
static bool trace;

static void print_stages(void)
{
	fprintf(stderr,
		"stage send %lu\nstage frag_send %lu\nstage retrieve %lu\n"
		"stage donate_retrieve %lu\nstage frag_rx %lu\n"
		"stage relinquish %lu\nstage reclaim %lu\n",
		stages.send, stages.frag_send, stages.retrieve,
		stages.donate_retrieve, stages.frag_rx, stages.relinquish,
		stages.reclaim);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (getenv("FUZZ_SPM_STAGES"))
		atexit(print_stages);
	trace = getenv("FUZZ_SPM_TRACE") != NULL;
	return 0;
}

/* ---- boot ---- */

static void add_endpoints(void)
{
	struct spm_endpoint_config cfg;
	unsigned int i;

	for (i = 0; i < NR_EPS; i++) {
		memset(&cfg, 0, sizeof(cfg));
		cfg.id = ids[i];
		cfg.nr_vcpus = 1;
		cfg.ffa_version = ep_version[i];
		cfg.properties = 0x70f;
		cfg.is_host = i == 0;
		cfg.boot_order = i;
		cfg.nr_uuids = 1;
		cfg.uuids[0].b[0] = (uint8_t)(i + 1);
		cfg.nr_regions = 1;
		cfg.regions[0].base = ep_base(i);
		cfg.regions[0].pages = ep_pages[i];
		cfg.regions[0].access = SPM_ACCESS_RW;
		check(spm_add_endpoint(&spm, &cfg) == 0);
	}
}

/* Boot, then map every mailbox: TX at page 0, RX at page 1. */
static void boot(uint16_t *ep)
{
	const struct spm_platform plat = { .ops = &ops };
	const struct spm_storage st = {
		.mem_base = MEM_BASE, .nr_pages = MEM_PAGES, .pages = pages,
		.ranges = ranges, .scratch = scratch, .nr_ranges = NR_RANGES,
	};
	struct spm_decision d;
	struct ffa_regs r;
	unsigned int i;

	memset(&fp, 0, sizeof(fp));
	view.mem = fp.mem;
	view.nr_pages = MEM_PAGES;
	view.nr_eps = NR_EPS;
	for (i = 0; i < NR_EPS; i++) {
		view.ep_ids[i] = ids[i];
		view.access[i] = fp.access[i];
	}
	check(spm_init(&spm, &plat, &st, 2) == 0);
	add_endpoints();
	spm_boot(&spm, 0, &d);
	while (d.next == SPM_SWITCH && d.ep != 0) {
		ffa_regs_init(&r, 0xC4000066);
		r.x[1] = ep_base((unsigned int)ep_slot(d.ep));
		r.x[2] = r.x[1] + FFA_PAGE_SIZE;
		r.x[3] = 1;
		spm_call(&spm, 0, d.ep, 0, &r, &d);
		check(d.next == SPM_RESUME);
		ffa_regs_init(&r, 0x8400006B);
		spm_call(&spm, 0, d.ep, 0, &r, &d);
	}
	check(d.next == SPM_SWITCH && d.ep == 0);
	ffa_regs_init(&r, 0xC4000066);
	r.x[1] = ep_base(0);
	r.x[2] = r.x[1] + FFA_PAGE_SIZE;
	r.x[3] = 1;
	spm_call(&spm, 0, 0, 0, &r, &d);
	check(d.next == SPM_RESUME && (uint32_t)d.regs.x[0] == 0x84000061);
	*ep = 0;
}

/* ---- calls ---- */

struct spm_endpoint *ep_rec(uint16_t id)
{
	struct spm_endpoint *e = spm_endpoint_by_id(&spm, id);

	check(e != NULL);
	return e;
}

/* Where it would be if unmapped: a write there is harmless. */
uint8_t *tx_of(uint16_t caller)
{
	uint64_t tx = ep_rec(caller)->mbox.tx;

	if (!tx || !in_mem(tx, FFA_PAGE_SIZE))
		tx = ep_base((unsigned int)ep_slot(caller));
	touch(tx, FFA_PAGE_SIZE);
	return fp.mem + (tx - MEM_BASE);
}

const uint8_t *rx_of(uint16_t caller)
{
	uint64_t rx = ep_rec(caller)->mbox.rx;

	return rx && in_mem(rx, FFA_PAGE_SIZE) ? fp.mem + (rx - MEM_BASE) :
						 NULL;
}

void after_call(uint16_t *ep, const struct spm_decision *d, uint32_t fid)
{
	const char *why = NULL;
	char mwhy[256];

	if (trace)
		fprintf(stderr, "%#06x: %#010x -> %s %#06x %#010llx %#llx "
			"%#llx %#llx\n", *ep, fid,
			d->next == SPM_RESUME ? "resume" :
			d->next == SPM_SWITCH ? "switch" : "idle", d->ep,
			(unsigned long long)d->regs.x[0],
			(unsigned long long)d->regs.x[1],
			(unsigned long long)d->regs.x[2],
			(unsigned long long)d->regs.x[3]);
	check(fp.locks == 0);
	if (map_check(&spm, &view, mwhy, sizeof(mwhy))) {
		fprintf(stderr, "fuzz_spm: map_check after fid %#x: %s\n",
			fid, mwhy);
		abort();
	}
	if (spm_check_invariants(&spm, &why)) {
		fprintf(stderr, "fuzz_spm: invariant: %s after fid %#x\n",
			why, fid);
		abort();
	}
	check(d->next != SPM_SWITCH || spm_endpoint_by_id(&spm, d->ep));
	if (d->next == SPM_RESUME)
		check(d->ep == *ep);
	if (d->next == SPM_SWITCH)
		*ep = d->ep;
}

bool call(uint16_t *ep, const struct ffa_regs *r, struct spm_decision *d)
{
	spm_call(&spm, 0, *ep, 0, r, d);
	after_call(ep, d, (uint32_t)r->x[0]);
	return d->next != SPM_IDLE;
}

bool answered(const struct spm_decision *d, uint16_t ep, uint32_t fid)
{
	return d->next == SPM_RESUME && d->ep == ep &&
	       (uint32_t)d->regs.x[0] == fid;
}

bool rx_release(uint16_t *ep)
{
	struct spm_decision d;
	struct ffa_regs r;

	ffa_regs_init(&r, 0x84000065);
	return call(ep, &r, &d);
}

/*
 * Booting zeroes the whole manager byte by byte, which coverage
 * instrumentation makes slow: boot once, then start every input from a
 * copy of the booted state (the per-CPU scratch buffers excepted, and
 * only the pages written since).
 */
static struct spm snap_spm;
static struct spm_page snap_pages[MEM_PAGES];
static uint8_t snap_mem[MEM_PAGES * FFA_PAGE_SIZE];
static uint8_t snap_access[NR_EPS][MEM_PAGES];
static bool booted;

void world_restore(uint16_t *ep)
{
	size_t cpus = offsetof(struct spm, cpus), lock = offsetof(struct spm,
								  lock);
	unsigned int p;

	*ep = 0;
	if (!booted) {
		boot(ep);
		memcpy(&snap_spm, &spm, sizeof(spm));
		memcpy(snap_pages, pages, sizeof(pages));
		memcpy(snap_mem, fp.mem, sizeof(snap_mem));
		memcpy(snap_access, fp.access, sizeof(snap_access));
		memset(fp.dirty, 0, sizeof(fp.dirty));
		check(fp.locks == 0);
		booted = true;
		return;
	}
	memcpy(&spm, &snap_spm, cpus);
	memcpy((uint8_t *)&spm + lock, (uint8_t *)&snap_spm + lock,
	       sizeof(spm) - lock);
	memcpy(pages, snap_pages, sizeof(pages));
	memcpy(fp.access, snap_access, sizeof(snap_access));
	for (p = 0; p < MEM_PAGES; p++) {
		if (!fp.dirty[p])
			continue;
		memcpy(fp.mem + p * FFA_PAGE_SIZE,
		       snap_mem + p * FFA_PAGE_SIZE, FFA_PAGE_SIZE);
		fp.dirty[p] = 0;
	}
	fp.locks = 0;
}
