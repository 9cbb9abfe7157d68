// SPDX-License-Identifier: BSD-3-Clause
/*
 * The partition manager under random call sequences. A small system (the
 * host and three partitions, every mailbox mapped) boots; then each step
 * of the input makes one FF-A call from whichever vCPU the manager's last
 * decision left running, with registers drawn from the input and, on
 * request, a descriptor in the caller's TX buffer (built from the input
 * and then corrupted by it, or plain input bytes), or, on request, an
 * interrupt for the host (spm_preempt()) instead of a call. After every call the
 * manager's invariants must hold and its decision must make sense.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include <spm/spm.h>

#define MEM_BASE	0x40000000ULL
#define MEM_PAGES	256U
#define NR_RANGES	512U
#define NR_EPS		4U
#define EP_PAGES	64U
#define STEP_SIZE	40U
#define MAX_STEPS	64U

static const uint16_t ids[NR_EPS] = { 0x0000, 0x8001, 0x8002, 0x0003 };

/* Every ABI the manager knows, plus a few it must refuse. */
static const uint32_t fids[] = {
	0x84000063, 0x84000064, 0x84000069, 0x84000085, 0x8400008A,
	0xC400008A, 0x84000066, 0xC4000066, 0x84000067, 0x84000065,
	0x84000068, 0xC400008B, 0x8400006B, 0x8400006D, 0x8400006C,
	0x8400006F, 0xC400006F, 0xC400008D, 0x84000070, 0xC4000070,
	0xC400008E, 0x84000086, 0x84000073, 0xC4000073, 0x84000072,
	0xC4000072, 0x84000071, 0xC4000071, 0x8400007B, 0x84000074,
	0xC4000074, 0x8400007A, 0x84000076, 0x84000077, 0x84000088,
	0xC4000088, 0x84000089, 0xC4000089, 0x8400007D, 0x8400007E,
	0x8400007F, 0x84000080, 0x84000081, 0x84000082, 0x84000083,
	0xC4000083, 0x84000084, 0x84000060, 0x8400008F, 0x12345678,
};

struct fuzz_platform {
	uint8_t mem[MEM_PAGES * 4096];
	uint8_t access[16][MEM_PAGES];
	int locks;
};

static struct fuzz_platform fp;
static struct spm_page pages[MEM_PAGES];
static struct ffa_mem_range ranges[NR_RANGES], scratch[NR_RANGES];
static struct spm spm;

#define check(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz_spm: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

static bool in_mem(uint64_t pa, uint64_t len)
{
	uint64_t size = (uint64_t)MEM_PAGES * 4096;

	return pa >= MEM_BASE && len <= size && pa - MEM_BASE <= size - len;
}

static int ep_slot(uint16_t ep)
{
	unsigned int i;

	for (i = 0; i < NR_EPS; i++)
		if (ids[i] == ep)
			return (int)i;
	abort();
}

static int p_set_access(void *ctx, uint16_t ep, uint64_t addr,
			uint64_t n, uint32_t access)
{
	(void)ctx;
	check(addr % 4096 == 0 && in_mem(addr, n * 4096));
	memset(fp.access[ep_slot(ep)] + (addr - MEM_BASE) / 4096,
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
	return 0;
}

static int p_zero(void *ctx, uint64_t pa, uint64_t n)
{
	(void)ctx;
	if (!in_mem(pa, n * 4096))
		return -8;
	memset(fp.mem + (pa - MEM_BASE), 0, n * 4096);
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

static uint64_t ep_base(unsigned int i)
{
	return MEM_BASE + (uint64_t)i * EP_PAGES * 4096;
}

static void add_endpoints(void)
{
	struct spm_endpoint_config cfg;
	unsigned int i;

	for (i = 0; i < NR_EPS; i++) {
		memset(&cfg, 0, sizeof(cfg));
		cfg.id = ids[i];
		cfg.nr_vcpus = 1;
		cfg.ffa_version = FFA_VERSION_1_2;
		cfg.properties = 0x70f;
		cfg.is_host = i == 0;
		cfg.boot_order = i;
		cfg.nr_uuids = 1;
		cfg.uuids[0].b[0] = (uint8_t)(i + 1);
		cfg.nr_regions = 1;
		cfg.regions[0].base = ep_base(i);
		cfg.regions[0].pages = EP_PAGES;
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

	memset(&fp, 0, sizeof(fp));
	check(spm_init(&spm, &plat, &st, 2) == 0);
	add_endpoints();
	spm_boot(&spm, 0, &d);
	while (d.next == SPM_SWITCH && d.ep != 0) {
		ffa_regs_init(&r, 0xC4000066);
		r.x[1] = ep_base(ep_slot(d.ep));
		r.x[2] = r.x[1] + 4096;
		r.x[3] = 1;
		spm_call(&spm, 0, d.ep, 0, &r, &d);
		check(d.next == SPM_RESUME);
		ffa_regs_init(&r, 0x8400006B);
		spm_call(&spm, 0, d.ep, 0, &r, &d);
	}
	check(d.next == SPM_SWITCH && d.ep == 0);
	ffa_regs_init(&r, 0xC4000066);
	r.x[1] = ep_base(0);
	r.x[2] = r.x[1] + 4096;
	r.x[3] = 1;
	spm_call(&spm, 0, 0, 0, &r, &d);
	check(d.next == SPM_RESUME && (uint32_t)d.regs.x[0] == 0x84000061);
	*ep = 0;
}

/* A register from 4 input bytes: its top two bits pick the kind. */
static uint64_t reg_value(const uint8_t *b, unsigned int slot)
{
	uint32_t v = ffa_ld32(b);

	switch (v >> 30) {
	case 0:
		return v & 0xffff;
	case 1:	/* sender|receiver or target info */
		return ((uint64_t)ids[v % NR_EPS] << 16) | ids[(v >> 8) % NR_EPS];
	case 2:	/* an address in some endpoint's memory */
		return ep_base((v >> 20) % NR_EPS) + (v & 0x3f) * 4096ULL;
	default:
		return slot == 3 ? (v & 0x3fffffff) : ((uint64_t)v << 20) ^ v;
	}
}

/* A transaction descriptor in the caller's TX, then corrupted. */
static uint32_t template_tx(uint16_t caller, const uint8_t *b)
{
	struct ffa_mem_access acc[2] = {
		{ .receiver_id = ids[b[0] % NR_EPS], .perms = b[1] & 0xf },
		{ .receiver_id = ids[b[2] % NR_EPS], .perms = b[3] & 0xf },
	};
	struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = caller, .attributes = b[4] & 0x3f },
		.access = acc, .nr_access = 1 + (b[5] & 1),
		.total_pages = 0, .nr_ranges = 1 + (b[6] % 4),
	};
	uint8_t *tx = fp.mem + (ep_base(ep_slot(caller)) - MEM_BASE);
	struct ffa_mtd_builder bld;
	uint32_t i;

	for (i = 0; i < spec.nr_ranges; i++)
		spec.total_pages += 1;
	if (ffa_mtd_build_begin(&bld, tx, 4096, &spec))
		return 0;
	for (i = 0; i < spec.nr_ranges; i++)
		ffa_mtd_build_add(&bld, ep_base(ep_slot(caller)) +
				  (8 + (b[7] + i * 3) % 48) * 4096ULL, 1);
	if (b[8] & 1)
		tx[b[9] % bld.frag_len] ^= (uint8_t)(1 << (b[8] >> 5));
	return bld.frag_len;
}

/* One call; false when nothing is left to run. */
static bool step(uint16_t *ep, const uint8_t *b)
{
	struct spm_decision d;
	struct ffa_regs r;
	const char *why = NULL;
	uint32_t fid = fids[b[0] % (sizeof(fids) / sizeof(fids[0]))], len = 0;
	unsigned int i;

	ffa_regs_init(&r, fid);
	for (i = 1; i <= 7; i++)
		r.x[i] = reg_value(b + 4 * i - 2, i);
	if (b[1] & 1)
		len = template_tx(*ep, b + 30);
	if (len && (b[1] & 2)) {
		r.x[1] = len;
		r.x[2] = len;
		r.x[3] = 0;
		r.x[4] = 0;
	}
	/* Now and then an interrupt for the host instead of a call. */
	if ((b[1] & 0xc0) == 0xc0) {
		d.next = SPM_RESUME;
		d.ep = *ep;
		if (spm_preempt(&spm, 0, *ep, 0, &d) == 0)
			check(d.next == SPM_SWITCH && d.ep == ids[0] &&
			      (uint32_t)d.regs.x[0] == 0x84000062);
		else
			check(d.next == SPM_RESUME && d.ep == *ep);
	} else {
		spm_call(&spm, 0, *ep, 0, &r, &d);
	}
	check(fp.locks == 0);
	check(spm_check_invariants(&spm, &why) == 0 || !fprintf(stderr,
	      "invariant: %s after fid %#x\n", why, fid));
	check(d.next != SPM_SWITCH || spm_endpoint_by_id(&spm, d.ep));
	if (d.next == SPM_RESUME)
		check(d.ep == *ep);
	if (d.next == SPM_SWITCH)
		*ep = d.ep;
	return d.next != SPM_IDLE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Booting zeroes the whole manager byte by byte, which coverage
 * instrumentation makes slow: boot once, then start every input from a
 * copy of the booted state.
 */
static struct spm snap_spm;
static struct spm_page snap_pages[MEM_PAGES];
static struct fuzz_platform snap_fp;
static bool booted;

static void restore(uint16_t *ep)
{
	if (!booted) {
		boot(ep);
		memcpy(&snap_spm, &spm, sizeof(spm));
		memcpy(snap_pages, pages, sizeof(pages));
		memcpy(&snap_fp, &fp, sizeof(fp));
		booted = true;
		return;
	}
	memcpy(&spm, &snap_spm, sizeof(spm));
	memcpy(pages, snap_pages, sizeof(pages));
	memcpy(&fp, &snap_fp, sizeof(fp));
	*ep = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint16_t ep;
	size_t n;

	restore(&ep);
	for (n = 0; n + STEP_SIZE <= size && n / STEP_SIZE < MAX_STEPS;
	     n += STEP_SIZE)
		if (!step(&ep, data + n))
			break;
	return 0;
}
