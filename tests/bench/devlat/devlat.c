// SPDX-License-Identifier: GPL-2.0
/*
 * devlat: what /dev/ffa costs from userspace, timed with the virtual
 * counter as ffa_drvlat.ko times the in-kernel path (tests/bench/drvlat),
 * so that tests/bench/devlat/run can set both side by side from one boot.
 * A static arm64 program, run as root in the bench's guest:
 *
 *   calib          a loop of exactly 2 instructions an iteration (the
 *                  counter's scale: under -icount shift=0, 1e9 / CNTFRQ
 *                  instructions a tick)
 *   null_syscall   getppid(): a system call and nothing else
 *   null_ioctl     an ioctl /dev/ffa does not know, on the echo
 *                  partition's node: syscall entry, fd lookup, the
 *                  driver's dispatch, ENOTTY back
 *   ioctl_direct   FFA_DEV_IOC_DIRECT (DIRECT_REQ_64) to the echo
 *                  partition, which answers with the same words
 *   ioctl_direct2  FFA_DEV_IOC_DIRECT2 (REQ2, 14 words echoed)
 *   mem_N          FFA_DEV_IOC_MEM_SHARE of N pages to the echo
 *                  partition on /dev/ffa/self, then
 *                  FFA_DEV_IOC_MEM_RECLAIM (pinning and unpinning
 *                  included); N = 1, 2, 4 .. mem_max
 *
 * Each operation n times and 0 times between two reads of CNTVCT_EL0
 * (which Linux lets EL0 read), the best of reps runs: (ticks(n) -
 * ticks(0)) / n is one operation. Under QEMU's -icount shift=0 that is
 * guest instructions, in a normal boot wall-clock time. The process is
 * not pinned against interrupts or preemption: on the bench's one idle
 * CPU the best of the runs is a clean one.
 *
 * The shared buffer is one anonymous mapping whose pages are first
 * touched in a shuffled order, so that the page allocator hands out
 * physical pages that neighbour no virtual neighbour: every page is its
 * own constituent (the worst case). /proc/self/pagemap says how many
 * physically contiguous runs the largest share has ("scatter" line).
 *
 * Output lines (stdout): "ffa-devlat: op NAME n=N ticks_n=T ticks_0=T0
 * freq=HZ units=U" (U: pages for mem_N), "ffa-devlat: scatter pages=P
 * runs=R", "ffa-devlat: limit mem_N ENAME" (the driver or the manager
 * refused a share of N pages after the smaller ones passed: the sizes
 * stop there), then "ffa-devlat: DONE" or "ffa-devlat: FAIL WHY".
 *
 * Usage: devlat [-n ITERS] [-r REPS] [-m MEM_MAX] [-u MEM_RUN] [-l] [-p OP]
 *               [NODE]
 *   NODE defaults to the echo partition's, /dev/ffa/<TP_UUID_ECHO>;
 *   -l touches the buffer in order (physical runs: the best case);
 *   -p OP runs one operation ITERS times untimed (run_profile()).
 * Exit status: 0 DONE, 1 an operation failed, 2 setup (usage, open,
 * mmap).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/ffa_dev.h>

#define TAG		"ffa-devlat: "
#define ECHO_UUID	"e3c0b9f4-1d2a-4f51-8a6e-0c9d7b5a4e02"	/* TP_UUID_ECHO */
#define SELF_NODE	"/dev/ffa/self"
/* A command /dev/ffa does not define: the ENOTTY path. */
#define NULL_IOCTL	_IO(FFA_DEV_IOC_MAGIC, 0xff)
#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

static unsigned int iters = 200, reps = 5, mem_run = 64;
static unsigned long mem_max;
static int linear;		/* -l: touch the buffer in order */

struct bench {
	int part;		/* the echo partition's node */
	int self;		/* /dev/ffa/self */
	uint8_t uuid[16];
	char *buf;		/* mem_max pages, scattered unless -l */
	long page;
	unsigned long pages;	/* the current share's size */
};

struct op {
	const char *name;
	int (*fn)(struct bench *b);	/* 0 or -errno */
	unsigned int n;
	unsigned long units;
};

static inline uint64_t counter(void)
{
	uint64_t v;

	asm volatile("isb\n\tmrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

static uint64_t counter_freq(void)
{
	uint64_t v;

	asm volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

static uint64_t calib(unsigned long n)
{
	uint64_t t0 = counter();

	if (n)
		asm volatile("1: subs %0, %0, #1\n\tb.ne 1b" : "+r"(n) : : "cc");
	return counter() - t0;
}

static int op_syscall(struct bench *b)
{
	(void)b;
	return syscall(SYS_getppid) > 0 ? 0 : -EIO;
}

static int op_null_ioctl(struct bench *b)
{
	if (ioctl(b->part, NULL_IOCTL) == 0)
		return -EPROTO;	/* the null ioctl must be unknown */
	return errno == ENOTTY ? 0 : -errno;
}

static int op_direct(struct bench *b)
{
	struct ffa_dev_direct d = {
		.size = sizeof(d), .w = { 1, 2, 3, 4, 5 },
	};

	if (ioctl(b->part, FFA_DEV_IOC_DIRECT, &d))
		return -errno;
	return d.w[0] == 1 && d.w[4] == 5 ? 0 : -EPROTO;
}

static int op_direct2(struct bench *b)
{
	struct ffa_dev_direct2 d = {
		.size = sizeof(d), .x = { 4, [13] = 17 },
	};

	memcpy(d.uuid, b->uuid, sizeof(d.uuid));
	if (ioctl(b->part, FFA_DEV_IOC_DIRECT2, &d))
		return -errno;
	return d.x[0] == 4 && d.x[13] == 17 ? 0 : -EPROTO;
}

/* Share b->pages pages to the echo partition, then reclaim them. */
static int op_mem(struct bench *b)
{
	struct ffa_dev_mem_borrower to = {
		.fd = b->part, .perms = FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE,
	};
	struct ffa_dev_mem m = {
		.size = sizeof(m),
		.addr = (uintptr_t)b->buf,
		.length = b->pages * b->page,
		.borrowers = (uintptr_t)&to,
		.nr_borrowers = 1,
	};
	struct ffa_dev_reclaim r = { .size = sizeof(r) };

	if (ioctl(b->self, FFA_DEV_IOC_MEM_SHARE, &m))
		return -errno;
	r.handle = m.handle;
	if (ioctl(b->self, FFA_DEV_IOC_MEM_RECLAIM, &r)) {
		printf(TAG "FAIL reclaim of handle 0x%" PRIx64 ": %s\n",
		       (uint64_t)m.handle, strerror(errno));
		exit(1);	/* pinned for good: nothing more to measure */
	}
	return 0;
}

/* Ticks for n operations; *err on the first failure. */
static uint64_t time_op(struct bench *b, const struct op *op, unsigned int n,
			int *err)
{
	uint64_t t0 = counter();
	unsigned int i;

	for (i = 0; i < n && !*err; i++)
		*err = op->fn(b);
	return counter() - t0;
}

static int best_of(struct bench *b, const struct op *op, unsigned int n,
		   uint64_t *best)
{
	unsigned int rep;
	int err = 0;

	*best = UINT64_MAX;
	for (rep = 0; rep < reps && !err; rep++) {
		uint64_t t = op->fn ? time_op(b, op, n, &err) : calib(n);

		if (t < *best)
			*best = t;
	}
	return err;
}

static int measure(struct bench *b, const struct op *op)
{
	uint64_t t_n, t_0;
	int err = best_of(b, op, 0, &t_0);

	if (!err)
		err = best_of(b, op, op->n, &t_n);
	if (err)
		return err;
	printf(TAG "op %s n=%u ticks_n=%" PRIu64 " ticks_0=%" PRIu64
	       " freq=%" PRIu64 " units=%lu\n", op->name, op->n, t_n, t_0,
	       counter_freq(), op->units);
	fflush(stdout);
	return 0;
}

/* "xxxxxxxx-xxxx-..." to 16 bytes in text order. */
static int parse_uuid(const char *s, uint8_t out[16])
{
	unsigned int i = 0;

	for (; *s && i < 16; s++) {
		if (*s == '-')
			continue;
		if (sscanf(s, "%2hhx", &out[i++]) != 1)
			return -1;
		s++;
	}
	return i == 16 && !*s ? 0 : -1;
}

/* A small PRNG for the shuffle (xorshift64: any order will do). */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/*
 * mem_max pages, each first touched in a shuffled order: physically
 * scattered (-l: in order, so that the allocator may hand out runs, the
 * best case). Prefaulted so that the shares time pinning, not faults.
 */
static int map_buffer(struct bench *b)
{
	size_t len = mem_max * b->page;
	uint32_t *order, i, j, t;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;

	b->buf = mmap(NULL, len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (b->buf == MAP_FAILED)
		return -errno;
	/* No transparent huge pages (EINVAL where the kernel has none). */
	madvise(b->buf, len, MADV_NOHUGEPAGE);
	order = malloc(mem_max * sizeof(*order));
	if (!order)
		return -ENOMEM;
	for (i = 0; i < mem_max; i++)
		order[i] = i;
	for (i = mem_max - 1; i > 0 && !linear; i--) {
		j = next_rand(&seed) % (i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (i = 0; i < mem_max; i++)
		b->buf[(size_t)order[i] * b->page] = (char)i;
	free(order);
	return 0;
}

/* Physically contiguous runs among the first pages of the buffer. */
static long count_runs(struct bench *b, unsigned long pages)
{
	uint64_t e, pfn, prev = 0;
	unsigned long i;
	long runs = 0;
	int fd = open("/proc/self/pagemap", O_RDONLY);
	off_t off = (uintptr_t)b->buf / b->page * sizeof(e);

	if (fd < 0)
		return -1;
	for (i = 0; i < pages; i++, off += sizeof(e)) {
		if (pread(fd, &e, sizeof(e), off) != sizeof(e) ||
		    !(e & (1ULL << 63))) {
			runs = -1;
			break;
		}
		pfn = e & ((1ULL << 55) - 1);
		if (!i || pfn != prev + 1)
			runs++;
		prev = pfn;
	}
	close(fd);
	return runs;
}

/*
 * Every share was reclaimed: /dev/ffa must hold no page pinned (a
 * kernel without the counter is only reported).
 */
static int pinned_after(void)
{
	FILE *f = fopen("/sys/class/ffa/self/pinned_pages", "r");
	unsigned long n;
	int ok;

	if (!f) {
		printf(TAG "skip pinned_pages %s\n", strerror(errno));
		return 0;
	}
	ok = fscanf(f, "%lu", &n) == 1;
	fclose(f);
	if (ok && !n)
		return 0;
	printf(TAG "FAIL pinned_pages after the shares: %s%lu\n",
	       ok ? "" : "unreadable ", ok ? n : 0);
	return 1;
}

/* The share sizes, doubling; a refusal past the first is a limit. */
static int run_mem(struct bench *b)
{
	char name[24];
	unsigned long n;
	int err;

	err = map_buffer(b);
	if (err) {
		printf(TAG "FAIL mapping %lu pages: %s\n", mem_max, strerror(-err));
		return 1;
	}
	printf(TAG "scatter pages=%lu runs=%ld\n", mem_max,
	       count_runs(b, mem_max));
	for (n = 1; n <= mem_max; n *= 2) {
		struct op op = { name, op_mem, n < mem_run ? mem_run / n : 1, n };

		snprintf(name, sizeof(name), "mem_%lu", n);
		b->pages = n;
		err = measure(b, &op);
		if (err && n == 1) {
			printf(TAG "FAIL %s: %s\n", name, strerror(-err));
			return 1;
		}
		if (err) {
			printf(TAG "limit %s %s\n", name, strerrorname_np(-err));
			break;
		}
	}
	munmap(b->buf, mem_max * b->page);
	return pinned_after();
}

static int usage(void)
{
	fprintf(stderr, "usage: devlat [-n ITERS] [-r REPS] [-m MEM_MAX] [-u MEM_RUN] [-l]\n"
		"              [-p OP] [NODE]\n");
	return 2;
}

/* The message rows, in the table's order; op->n is set per use. */
static const struct op msg_ops[] = {
	{ "null_syscall", op_syscall, 0, 1 },
	{ "null_ioctl", op_null_ioctl, 0, 1 },
	{ "ioctl_direct", op_direct, 0, 1 },
	{ "ioctl_direct2", op_direct2, 0, 1 },
};

static int run_all(struct bench *b)
{
	struct op op = { "calib", NULL, iters * 1000, 1 };
	unsigned int i;
	int err;

	for (i = 0; i <= ARRAY_LEN(msg_ops); i++) {
		if (i)
			op = msg_ops[i - 1];
		op.n = op.fn ? iters : op.n;
		err = measure(b, &op);
		if (err) {
			printf(TAG "FAIL %s: %s\n", op.name, strerror(-err));
			return 1;
		}
	}
	return mem_max ? run_mem(b) : 0;
}

/*
 * A line for the host, then 8 KiB of blanks: the bench's console log is
 * written 8 KiB at a time, and the host must see the line at once.
 */
static void mark(const char *what)
{
	static char pad[8192];

	memset(pad, ' ', sizeof(pad) - 1);
	printf(TAG "profile %s\n%s\n", what, pad);
	fflush(stdout);
}

/*
 * -p OP: OP iters times, untimed (iters 0: the setup alone), for an
 * instruction trace (tests/bench/devlat/profile). OP "mem" is a share
 * and reclaim of mem_max pages. The host turns QEMU's trace on a
 * second after it sees "profile start" (the console's output done) and
 * off a second after "profile end": three seconds of sleep after each
 * give it the time to (the profile boots run -icount, whose idle time
 * passes at the host's pace) and keep the trace's edges in the idle loop.
 */
static int run_profile(struct bench *b, const char *name)
{
	int (*fn)(struct bench *b) = NULL;
	unsigned int i;
	int err = 0;

	for (i = 0; i < ARRAY_LEN(msg_ops); i++)
		if (!strcmp(name, msg_ops[i].name))
			fn = msg_ops[i].fn;
	if (!strcmp(name, "mem") && mem_max) {
		fn = op_mem;
		b->pages = mem_max;
		err = map_buffer(b);
	}
	if (!fn)
		return usage();
	mark("start");
	sleep(3);
	for (i = 0; i < iters && !err; i++)
		err = fn(b);
	mark("end");
	sleep(3);
	if (err) {
		printf(TAG "FAIL %s: %s\n", name, strerror(-err));
		return 1;
	}
	printf(TAG "profiled %s x%u\n", name, iters);
	return 0;
}

int main(int argc, char **argv)
{
	const char *node = "/dev/ffa/" ECHO_UUID;
	struct bench b = { .page = sysconf(_SC_PAGESIZE) };
	const char *prof = NULL;
	int c, rc;

	while ((c = getopt(argc, argv, "n:r:m:u:p:l")) != -1) {
		switch (c) {
		case 'n':
			iters = strtoul(optarg, NULL, 0);
			break;
		case 'r':
			reps = strtoul(optarg, NULL, 0);
			break;
		case 'm':
			mem_max = strtoul(optarg, NULL, 0);
			break;
		case 'u':
			mem_run = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			prof = optarg;
			break;
		case 'l':
			linear = 1;
			break;
		default:
			return usage();
		}
	}
	if (optind < argc)
		node = argv[optind++];
	if (optind != argc || (!iters && !prof) || !reps || !mem_run ||
	    (mem_max & (mem_max - 1)) || mem_max > UINT32_MAX)
		return usage();
	if (parse_uuid(ECHO_UUID, b.uuid))
		return 2;
	b.part = open(node, O_RDWR);
	b.self = open(SELF_NODE, O_RDWR);
	if (b.part < 0 || b.self < 0) {
		printf(TAG "FAIL open %s: %s\n", b.part < 0 ? node : SELF_NODE,
		       strerror(errno));
		return 2;
	}
	if (prof)
		return run_profile(&b, prof);
	rc = run_all(&b);
	if (!rc)
		printf(TAG "DONE\n");
	return rc;
}
