// SPDX-License-Identifier: BSD-3-Clause
/*
 * isolation: Linux cannot read or write the firmware's or a partition's
 * memory, proven from a Linux user program.
 *
 * The firmware tells Linux, in the device tree, that its own memory and
 * the manager's and partitions' memory are /reserved-memory with no-map,
 * and leaves them out of Linux's stage-2. Linux's /dev/mem policy
 * (STRICT_DEVMEM, IO_STRICT_DEVMEM) lets root map such ranges: they are
 * neither System RAM nor claimed by a driver. So a mapping through
 * /dev/mem is granted, and only the stage-2 stands between this program
 * and the memory. An access faults to EL2; the firmware injects a
 * synchronous external abort (EC 0x24, data abort from EL0, FSC 0x10)
 * into Linux, whose do_sea() sends SIGBUS with si_code BUS_OBJERR and
 * si_addr the faulting address (arch/arm64/mm/fault.c, 6.12).
 *
 * The tests, in TAP:
 *   - the no-map ranges come from /proc/device-tree/reserved-memory (none
 *     found fails: the test never passes vacuously), cover the firmware
 *     and the manager's and partitions' memory of firmware/include/fw/
 *     memmap.h, and are not System RAM in /proc/iomem;
 *   - positive controls: /dev/mem refuses System RAM (EPERM: the policy
 *     is on), and maps the PL031 RTC (found in the device tree, claimed
 *     by no driver) whose ID registers read back as ARM's PL031 and whose
 *     match register takes a write: the same probes and handler, no
 *     signal, so a SIGBUS below cannot come from the /dev/mem path;
 *   - for the first and the last page of every no-map range, and the
 *     first and the last page of every built-in partition's first
 *     region (from its manifest, through the generated sp_table.h): a
 *     load, then a store, each raise SIGBUS, BUS_OBJERR, si_addr exactly
 *     the address, at the load or store instruction itself with its
 *     registers untouched (the abort is synchronous: the instruction did
 *     not complete), and the ESR Linux passes on in the signal frame is a
 *     data abort from EL0 with FSC 0x10 and WnR as the access. A store is
 *     attempted only if the load on that address aborted.
 *
 * A SIGBUS alone does not say who raised it: QEMU answers an access to an
 * unassigned physical address with an external abort of its own, which
 * Linux reports identically (same ESR, signal and si_code). The ranges
 * probed here are RAM to QEMU, so only the stage-2 can make them abort,
 * and tests/e2e/run also checks that the firmware printed its "stage-2
 * fault" line for every address probed.
 *
 * Only reserved ranges are probed: memory that Linux shares with or lends
 * to a partition is Linux's own RAM, outside them, and the partitions
 * here never send their own memory to Linux, so nothing probed is ever
 * legitimately mapped for Linux (/isolation runs after ffa_e2e.ko's
 * shares and lends, all reclaimed by then).
 *
 * Usage: isolation [-p PREFIX]    (run as root, in the bench's guest)
 * Every output line starts with PREFIX and a space when given. Exit
 * status: 0 only if every test passed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <termios.h>
#include <ucontext.h>
#include <unistd.h>

#include <fw/memmap.h>

#include "sp_table.h"	/* SP_TABLE: SP(name, id, base, size), generated */

#define DT_RESMEM	"/proc/device-tree/reserved-memory"
#define MAX_RANGES	32
#define MAX_PROBES	64

/* ESR_EL1 as the firmware injects it (firmware/inject.c). */
#define ESR_EC(esr)	(((esr) >> 26) & 0x3f)
#define ESR_FSC(esr)	((esr) & 0x3f)
#define ESR_WNR		(1UL << 6)
#define EC_DABT_LOW	0x24
#define FSC_SEA		0x10

/* PL031 (ARM DDI 0224): match register, peripheral and PrimeCell IDs. */
#define PL031_MR	0x004
#define PL031_PERIPHID0	0xfe0
#define PL031_CELLID0	0xff0
#define PL031_PART	0x031
#define ARM_DESIGNER	0x41
#define PRIMECELL_ID	0xb105f00dU
#define MR_FLIP		0xa5c3961eU	/* neither all-ones nor all-zeroes */

struct range {
	uint64_t base;
	uint64_t size;
	char name[64];
};

/*
 * One load or one store, in assembly so that the faulting instruction is
 * the first of a known symbol and its operands sit in known registers:
 * the handler checks the PC is that instruction and x0/x1 still hold the
 * operands. A completed load would have overwritten x0 with the value;
 * a completed store is followed by clearing x1, so an abort taken late
 * (asynchronously) would show a later PC or x1 zero.
 */
uint32_t iso_load(volatile uint32_t *p);
void iso_store(volatile uint32_t *p, uint32_t v);
asm(".text\n"
	".balign 4\n"
	".global iso_load\n"
	".type iso_load, %function\n"
	"iso_load:\n"
	"	ldr	w0, [x0]\n"
	"	ret\n"
	".size iso_load, . - iso_load\n"
	".global iso_store\n"
	".type iso_store, %function\n"
	"iso_store:\n"
	"	str	w1, [x0]\n"
	"	mov	x1, xzr\n"
	"	ret\n"
	".size iso_store, . - iso_store\n");

/* What the signal handler saw. */
struct fault {
	int signo;
	int code;
	uintptr_t addr;
	uintptr_t pc;
	uint64_t x0;
	uint64_t x1;
	uint64_t esr;		/* 0: no esr_context record */
};

static sigjmp_buf probe_env;
static volatile sig_atomic_t probing;
static struct fault last_fault;

static const char *prefix = "";
static unsigned int test_nr;
static unsigned int failures;
static long page_size;
static int mem_fd = -1;

static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
	va_list ap;

	printf("%s", prefix);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	/*
	 * On the console, let the line leave the UART before the next
	 * probe: the firmware prints its fault line straight to the UART
	 * and would land in the middle of ours. Not a tty: nothing to do.
	 */
	tcdrain(STDOUT_FILENO);
}

static void result(bool ok, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void result(bool ok, const char *fmt, ...)
{
	char name[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	test_nr++;
	if (!ok)
		failures++;
	out("%sok %u - %s", ok ? "" : "not ", test_nr, name);
}

/* The ESR Linux records in the signal frame (arm64 esr_context). */
static uint64_t frame_esr(const ucontext_t *uc)
{
	const unsigned char *p = uc->uc_mcontext.__reserved;
	const unsigned char *end = p + sizeof(uc->uc_mcontext.__reserved);

	while (p + sizeof(struct _aarch64_ctx) <= end) {
		const struct _aarch64_ctx *h = (const void *)p;

		if (!h->magic || h->size < sizeof(*h))
			break;
		if (h->magic == ESR_MAGIC)
			return ((const struct esr_context *)p)->esr;
		p += h->size;
	}
	return 0;
}

static void on_fault(int signo, siginfo_t *si, void *ctx)
{
	const ucontext_t *uc = ctx;

	if (!probing) {
		/* Not ours: die of it as if we had no handler. */
		signal(signo, SIG_DFL);
		return;
	}
	last_fault.signo = signo;
	last_fault.code = si->si_code;
	last_fault.addr = (uintptr_t)si->si_addr;
	last_fault.pc = uc->uc_mcontext.pc;
	last_fault.x0 = uc->uc_mcontext.regs[0];
	last_fault.x1 = uc->uc_mcontext.regs[1];
	last_fault.esr = frame_esr(uc);
	probing = 0;
	siglongjmp(probe_env, 1);
}

/*
 * A load or a store on P; true if it faulted (last_fault says how). Not
 * inlined: the sigsetjmp stays in a frame of its own, with no caller's
 * locals live across it.
 */
static __attribute__((noinline)) bool probe(volatile uint32_t *p,
					    bool write, uint32_t v,
					    uint32_t *val)
{
	memset(&last_fault, 0, sizeof(last_fault));
	if (sigsetjmp(probe_env, 1))
		return true;
	probing = 1;
	if (write)
		iso_store(p, v);
	else
		*val = iso_load(p);
	probing = 0;
	return false;
}

static const char *sig_name(int signo)
{
	switch (signo) {
	case SIGBUS:
		return "SIGBUS";
	case SIGSEGV:
		return "SIGSEGV";
	default:
		return "no signal";
	}
}

/* A /dev/mem mapping of the page holding PA, or MAP_FAILED (errno). */
static void *map_page(uint64_t pa, uint64_t *page_pa)
{
	*page_pa = pa & ~(uint64_t)(page_size - 1);
	return mmap(NULL, page_size, PROT_READ | PROT_WRITE, MAP_SHARED,
		    mem_fd, (off_t)*page_pa);
}

/* ---- the device tree -------------------------------------------------- */

static int read_file(const char *path, void *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len);
	close(fd);
	return n < 0 ? -1 : (int)n;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t cells(const unsigned char *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--) {
		v = v << 32 | be32(p);
		p += 4;
	}
	return v;
}

static unsigned int cells_prop(const char *dir, const char *name,
			       unsigned int dflt)
{
	unsigned char b[4];
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return read_file(path, b, sizeof(b)) == 4 ? be32(b) : dflt;
}

static bool has_prop(const char *dir, const char *node, const char *prop)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s/%s", dir, node, prop);
	return access(path, F_OK) == 0;
}

static bool node_disabled(const char *dir, const char *node)
{
	char path[512], status[16] = "";

	snprintf(path, sizeof(path), "%s/%s/status", dir, node);
	if (read_file(path, status, sizeof(status) - 1) < 0)
		return false;
	return strncmp(status, "okay", 4) && strncmp(status, "ok", 3);
}

/* Every reg entry of DIR/NODE, with the parent's cell sizes. */
static int node_regs(const char *dir, const char *node, unsigned int ac,
		     unsigned int sc, struct range *r, int max)
{
	unsigned char reg[256];
	char path[512];
	unsigned int entry = (ac + sc) * 4;
	int len, n = 0;

	if (!ac || ac > 2 || sc > 2)
		return 0;
	snprintf(path, sizeof(path), "%s/%s/reg", dir, node);
	len = read_file(path, reg, sizeof(reg));
	for (int off = 0; len > 0 && off + (int)entry <= len && n < max;
	     off += entry) {
		r[n].base = cells(reg + off, ac);
		r[n].size = cells(reg + off + ac * 4, sc);
		snprintf(r[n].name, sizeof(r[n].name), "%s", node);
		n++;
	}
	return n;
}

/*
 * DIR/NODE is the RX/TX pair the firmware gives Linux (docs/dt-rxtx.md):
 * no-map, so that Linux does not allocate it, but Linux's to use.
 */
static bool is_given_rxtx(const char *dir, const char *node)
{
	static const char want[] = "ffa-stack,hyp-rxtx";
	char path[512], compat[64] = "";

	snprintf(path, sizeof(path), "%s/%s/compatible", dir, node);
	return read_file(path, compat, sizeof(compat) - 1) >= 0 &&
	       !strcmp(compat, want);
}

/* The no-map /reserved-memory ranges: what Linux was told not to touch. */
static int find_nomap(struct range *r, int max)
{
	unsigned int ac = cells_prop(DT_RESMEM, "#address-cells",
				     cells_prop("/proc/device-tree",
						"#address-cells", 2));
	unsigned int sc = cells_prop(DT_RESMEM, "#size-cells",
				     cells_prop("/proc/device-tree",
						"#size-cells", 1));
	DIR *d = opendir(DT_RESMEM);
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		if (!has_prop(DT_RESMEM, e->d_name, "no-map") ||
		    node_disabled(DT_RESMEM, e->d_name) ||
		    is_given_rxtx(DT_RESMEM, e->d_name))
			continue;
		n += node_regs(DT_RESMEM, e->d_name, ac, sc, r + n, max - n);
	}
	closedir(d);
	return n;
}

/* The first node (depth 1) whose compatible list holds COMPAT. */
static bool find_compatible(const char *compat, struct range *r)
{
	const char *root = "/proc/device-tree";
	unsigned int ac = cells_prop(root, "#address-cells", 2);
	unsigned int sc = cells_prop(root, "#size-cells", 1);
	DIR *d = opendir(root);
	struct dirent *e;
	bool found = false;

	if (!d)
		return false;
	while (!found && (e = readdir(d))) {
		char path[512], list[256];
		int len;

		if (e->d_type != DT_DIR || e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s/compatible", root,
			 e->d_name);
		len = read_file(path, list, sizeof(list) - 1);
		for (int off = 0; len > 0 && off < len;
		     off += strlen(list + off) + 1) {
			list[len] = '\0';
			if (!strcmp(list + off, compat)) {
				found = node_regs(root, e->d_name, ac, sc,
						  r, 1) == 1;
				break;
			}
		}
	}
	closedir(d);
	return found;
}

/* Whether the union of R[0..N) covers [base, base + size). */
static bool covered(const struct range *r, int n, uint64_t base,
		    uint64_t size)
{
	uint64_t cur = base, end = base + size;
	bool moved = true;

	while (cur < end && moved) {
		moved = false;
		for (int i = 0; i < n; i++) {
			if (r[i].base <= cur && cur < r[i].base + r[i].size) {
				cur = r[i].base + r[i].size;
				moved = true;
			}
		}
	}
	return cur >= end;
}

/*
 * /proc/iomem: whether a System RAM resource overlaps [base, base + size),
 * and the first System RAM resource (for the policy control).
 */
static bool iomem_ram(uint64_t base, uint64_t size, uint64_t *first_ram)
{
	FILE *f = fopen("/proc/iomem", "r");
	char line[256];
	bool hit = false;

	*first_ram = 0;
	if (!f)
		return true;	/* cannot tell: count it as a failure */
	while (fgets(line, sizeof(line), f)) {
		unsigned long long s, e;
		char name[128];

		if (sscanf(line, " %llx-%llx : %127[^\n]", &s, &e, name) != 3 ||
		    strcmp(name, "System RAM"))
			continue;
		if (!*first_ram)
			*first_ram = s;
		if (s < base + size && base <= e)
			hit = true;
	}
	fclose(f);
	return hit;
}

/* ---- the probes -------------------------------------------------------- */

/*
 * A load, then (if the load aborted) a store, on PA: two tests, each
 * passing only on SIGBUS, BUS_OBJERR, si_addr == the address, the PC at
 * the access with its operands intact, ESR a data abort from EL0 with
 * FSC 0x10 and the right WnR.
 */
static void probe_forbidden(uint64_t pa, const char *what)
{
	const uint32_t pattern = 0xdeadbeef;
	uint64_t page_pa;
	volatile uint32_t *p;
	bool load_aborted = false;
	void *map = map_page(pa, &page_pa);

	if (map == MAP_FAILED) {
		int err = errno;

		result(false, "load 0x%llx (%s): mmap /dev/mem: %s",
		       (unsigned long long)pa, what, strerror(err));
		result(false, "store 0x%llx (%s): not attempted",
		       (unsigned long long)pa, what);
		return;
	}
	p = (volatile uint32_t *)((char *)map + (pa - page_pa));

	for (int write = 0; write <= 1; write++) {
		const char *op = write ? "store" : "load";
		uintptr_t insn = write ? (uintptr_t)iso_store :
					 (uintptr_t)iso_load;
		uint64_t want_esr_wnr = write ? ESR_WNR : 0;
		uint32_t val = 0;
		bool faulted, precise, ok;

		if (write && !load_aborted) {
			/* The load went through: a store might corrupt. */
			result(false, "store 0x%llx (%s): not attempted, the "
			       "load went through", (unsigned long long)pa,
			       what);
			break;
		}
		faulted = probe(p, write, pattern, &val);
		precise = last_fault.pc == insn &&
			  last_fault.x0 == (uintptr_t)p &&
			  (!write || (uint32_t)last_fault.x1 == pattern);
		ok = faulted && precise && last_fault.signo == SIGBUS &&
		     last_fault.code == BUS_OBJERR &&
		     last_fault.addr == (uintptr_t)p &&
		     ESR_EC(last_fault.esr) == EC_DABT_LOW &&
		     ESR_FSC(last_fault.esr) == FSC_SEA &&
		     (last_fault.esr & ESR_WNR) == want_esr_wnr;
		if (!write)
			load_aborted = faulted;
		if (!faulted) {
			result(false, "%s 0x%llx (%s): completed, no abort%s",
			       op, (unsigned long long)pa, what,
			       write ? "" : " (read a value)");
			if (!write)
				out("# read 0x%08x", val);
			continue;
		}
		result(ok, "%s 0x%llx (%s): %s %s, si_addr %s, %s the %s "
		       "(not completed), ESR 0x%llx", op,
		       (unsigned long long)pa, what,
		       sig_name(last_fault.signo),
		       last_fault.code == BUS_OBJERR ? "BUS_OBJERR" :
						       "unexpected si_code",
		       last_fault.addr == (uintptr_t)p ? "exact" : "wrong",
		       precise ? "at" : "NOT at", op,
		       (unsigned long long)last_fault.esr);
		if (!ok)
			out("# signal %d code %d si_addr %#lx (want %p) pc %#lx "
			    "(want %#lx) x0 %#llx x1 %#llx esr %#llx "
			    "(want EC 0x%x FSC 0x%x WnR %d)",
			    last_fault.signo, last_fault.code,
			    (unsigned long)last_fault.addr, (void *)p,
			    (unsigned long)last_fault.pc,
			    (unsigned long)insn,
			    (unsigned long long)last_fault.x0,
			    (unsigned long long)last_fault.x1,
			    (unsigned long long)last_fault.esr,
			    EC_DABT_LOW, FSC_SEA, write);
	}
	munmap(map, page_size);
}

/* The PL031's IDs through /dev/mem, and a store to its match register. */
static void control_pl031(void)
{
	struct range rtc;
	uint64_t page_pa;
	volatile uint32_t *regs;
	uint32_t id[8] = { 0 }, part, designer, cell = 0, mr = 0, got = 0;
	bool faulted = false, ok;
	void *map;

	if (!find_compatible("arm,pl031", &rtc)) {
		result(false, "control: a PL031 RTC in the device tree");
		result(false, "control: a store through /dev/mem: no device");
		return;
	}
	map = map_page(rtc.base, &page_pa);
	if (map == MAP_FAILED) {
		int err = errno;

		result(false, "control: mmap /dev/mem of the PL031 at 0x%llx: "
		       "%s", (unsigned long long)rtc.base, strerror(err));
		result(false, "control: a store through /dev/mem: no mapping");
		return;
	}
	regs = (volatile uint32_t *)((char *)map + (rtc.base - page_pa));
	for (int i = 0; i < 8 && !faulted; i++)
		faulted = probe(regs + PL031_PERIPHID0 / 4 + i, false, 0,
				&id[i]);
	if (faulted) {
		result(false, "control: load of the PL031's IDs at 0x%llx: "
		       "%s", (unsigned long long)rtc.base,
		       sig_name(last_fault.signo));
	} else {
		part = (id[0] & 0xff) | (id[1] & 0xf) << 8;
		designer = (id[1] >> 4 & 0xf) | (id[2] & 0xf) << 4;
		for (int i = 3; i >= 0; i--)
			cell = cell << 8 | (id[4 + i] & 0xff);
		result(part == PL031_PART && designer == ARM_DESIGNER &&
		       cell == PRIMECELL_ID,
		       "control: load 0x%llx through /dev/mem, no signal: "
		       "PL031 part 0x%03x designer 0x%02x cell ID 0x%08x",
		       (unsigned long long)rtc.base + PL031_PERIPHID0, part,
		       designer, cell);
	}

	/*
	 * The match register is read/write and, with its interrupt masked
	 * (the reset state; no driver unmasks it), has no effect.
	 */
	ok = !probe(regs + PL031_MR / 4, false, 0, &mr) &&
	     !probe(regs + PL031_MR / 4, true, mr ^ MR_FLIP, NULL) &&
	     !probe(regs + PL031_MR / 4, false, 0, &got) &&
	     !probe(regs + PL031_MR / 4, true, mr, NULL);
	result(ok && got == (mr ^ MR_FLIP), "control: store 0x%llx through "
	       "/dev/mem, no signal: PL031 match register reads back 0x%08x "
	       "(wrote 0x%08x), restored",
	       (unsigned long long)rtc.base + PL031_MR, got, mr ^ MR_FLIP);
	munmap(map, page_size);
}

/* STRICT_DEVMEM: System RAM is refused at mmap time, no access made. */
static void control_policy(uint64_t ram)
{
	uint64_t page_pa;
	void *map;
	int err;

	if (!ram) {
		result(false, "control: /dev/mem refuses System RAM: no "
		       "System RAM in /proc/iomem");
		return;
	}
	map = map_page(ram, &page_pa);
	err = errno;
	if (map != MAP_FAILED)
		munmap(map, page_size);
	result(map == MAP_FAILED && err == EPERM,
	       "control: /dev/mem refuses System RAM at 0x%llx (%s)",
	       (unsigned long long)ram,
	       map == MAP_FAILED ? strerror(err) : "mapped");
}

struct sp {
	const char *name;
	unsigned int id;
	uint64_t base;
	uint64_t size;		/* its first region */
};

#define SP(n, i, b, s)	{ .name = n, .id = i, .base = b, .size = s },
static const struct sp partitions[] = { SP_TABLE };
#undef SP

int main(int argc, char **argv)
{
	static struct range r[MAX_RANGES];
	struct sigaction sa;
	uint64_t first_ram = 0;
	bool ram_overlap = false;
	char what[96];
	int n, opt;

	while ((opt = getopt(argc, argv, "p:")) != -1) {
		if (opt != 'p') {
			fprintf(stderr, "usage: %s [-p PREFIX]\n", argv[0]);
			return 2;
		}
		prefix = optarg;
	}
	if (*prefix) {
		char *s = malloc(strlen(prefix) + 2);

		if (!s)
			return 2;
		sprintf(s, "%s ", prefix);
		prefix = s;
	}
	page_size = sysconf(_SC_PAGESIZE);

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_fault;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGSEGV, &sa, NULL);

	/* 4 range tests, 2 controls + 1 policy, 2 probes per page. */
	n = find_nomap(r, MAX_RANGES);
	out("1..%d", 4 + 3 + 2 * 2 * (n + (int)(sizeof(partitions) /
					       sizeof(partitions[0]))));

	result(n > 0, "%d no-map range(s) in %s", n, DT_RESMEM);
	for (int i = 0; i < n; i++) {
		out("# %s: 0x%llx-0x%llx", r[i].name,
		    (unsigned long long)r[i].base,
		    (unsigned long long)(r[i].base + r[i].size - 1));
		ram_overlap |= iomem_ram(r[i].base, r[i].size, &first_ram);
	}
	if (!n)
		iomem_ram(0, 0, &first_ram);
	result(n > 0 && covered(r, n, FW_BASE, FW_SIZE),
	       "they cover the firmware, 0x%llx-0x%llx",
	       (unsigned long long)FW_BASE,
	       (unsigned long long)(FW_BASE + FW_SIZE - 1));
	result(n > 0 && covered(r, n, SPM_MEM_BASE, SPM_MEM_SIZE),
	       "they cover the manager's and partitions' memory, "
	       "0x%llx-0x%llx", (unsigned long long)SPM_MEM_BASE,
	       (unsigned long long)(SPM_MEM_BASE + SPM_MEM_SIZE - 1));
	result(n > 0 && !ram_overlap,
	       "none of them is System RAM in /proc/iomem");

	mem_fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (mem_fd < 0)
		out("# open /dev/mem: %s", strerror(errno));
	control_policy(first_ram);
	control_pl031();

	for (int i = 0; i < n; i++) {
		uint64_t last = r[i].base + r[i].size - 4;

		snprintf(what, sizeof(what), "%s, first page", r[i].name);
		probe_forbidden(r[i].base, what);
		snprintf(what, sizeof(what), "%s, last page", r[i].name);
		probe_forbidden(last, what);
	}
	for (size_t i = 0; i < sizeof(partitions) / sizeof(partitions[0]);
	     i++) {
		const struct sp *sp = &partitions[i];

		snprintf(what, sizeof(what), "partition %s 0x%x, first page",
			 sp->name, sp->id);
		probe_forbidden(sp->base, what);
		snprintf(what, sizeof(what), "partition %s 0x%x, last page",
			 sp->name, sp->id);
		probe_forbidden(sp->base + sp->size - 4, what);
	}

	out("# %u of %u passed", test_nr - failures, test_nr);
	return failures ? 1 : 0;
}
