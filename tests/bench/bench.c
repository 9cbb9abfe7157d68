// SPDX-License-Identifier: BSD-3-Clause
/*
 * make bench: what the host runtime costs, measured side by side in one
 * run (these machines are noisy; compare ratios, not absolute figures).
 *
 * 1. A direct-message round trip host -> test partition -> host, with
 *    the assembly context switch and with ucontext, alternated.
 * 2. share -> retrieve -> relinquish -> reclaim of N discontiguous pages
 *    (every other page), N = 1 .. 262,144 (1 GiB of 4 KiB pages): the
 *    time per page and t(2N)/t(N), which is 2.0 when the cost per page is
 *    flat.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/mem_desc.h>
#include <partitions/partitions.h>
#include <partitions/test_client.h>

#define ID_HOST		0x0000
#define ID_TEST		0x8001
#define MEM_SIZE	0x81200000ULL
#define MAX_PAGES	262144U
#define BUF_OFFSET	0x200000ULL
#define ROUND_TRIPS	200000U
#define ALTERNATIONS	3

static const char *manifest_dir = "build/bench";
static uint32_t max_pages = MAX_PAGES;

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int host_init(const struct ffa_env *env)
{
	uint32_t version;
	int ret = ffa_version(&env->conduit, FFA_VERSION_1_2, &version);

	return ret ? ret : ffa_rxtx_map(&env->conduit, env->mem_base,
					env->mem_base + FFA_PAGE_SIZE, 1,
					true);
}

/* ---- 1. round trip ---- */

static double round_trip_ns;

static int round_trip_main(const struct ffa_env *env)
{
	const uint64_t args[5] = { TP_CMD_ECHO, 1, 2, 3, 4 };
	uint64_t out[5];
	double t0;
	uint32_t i;

	if (host_init(env))
		return 1;
	t0 = now_ns();
	for (i = 0; i < ROUND_TRIPS; i++)
		if (tp_call(&env->conduit, ID_HOST, ID_TEST, args, out))
			return 1;
	round_trip_ns = (now_ns() - t0) / ROUND_TRIPS;
	return 0;
}

/* ---- 2. memory per page ---- */

struct page_row {
	uint32_t pages;
	double ns;		/* one full cycle */
	int status;
};

/*
 * Two series: N discontiguous pages (N constituents, so N kernel mappings
 * in the borrower's window on this host runtime), and N contiguous pages
 * in one constituent (the manager's own per-page work alone).
 */
static struct page_row rows[2][20];
static uint32_t nr_rows[2];
static int contiguous;

struct layout {
	uint64_t base;
	uint32_t n;
};

static void page_source(void *ctx, uint32_t i, uint64_t *addr,
			uint32_t *pages)
{
	const struct layout *l = ctx;

	*addr = l->base + (uint64_t)i * 2 * FFA_PAGE_SIZE;
	*pages = contiguous ? l->n : 1;
}

static int cycle(const struct ffa_env *env, uint32_t n)
{
	const struct ffa_mem_access to = {
		.receiver_id = ID_TEST, .perms = FFA_MEM_DATA_RW,
	};
	const struct ffa_mtd_spec spec = {
		.version = FFA_VERSION_1_2,
		.hdr = { .sender_id = ID_HOST,
			 .attributes = FFA_MEM_ATTR_NORMAL_WB_IS },
		.access = &to, .nr_access = 1, .total_pages = n,
		.nr_ranges = contiguous ? 1 : n,
	};
	const struct layout l = { env->mem_base + BUF_OFFSET, n };
	uint64_t handle, out[5];
	uint64_t args[5] = { TP_CMD_MEM_RETRIEVE, 0, ID_HOST, 0,
			     TP_MEM_NO_TOUCH | TP_MEM_RELINQUISH };
	int ret = ffa_mem_send_stream(&env->conduit, FFA_MEM_SHARE_64,
				      env->ptr(env, env->mem_base),
				      FFA_PAGE_SIZE, &spec, page_source,
				      (void *)&l, &handle);

	if (ret)
		return ret;
	args[1] = handle;
	ret = tp_call(&env->conduit, ID_HOST, ID_TEST, args, out);
	if (ret == 0)
		ret = (int)(int64_t)out[0];
	if (ret == 0)
		ret = ffa_mem_reclaim(&env->conduit, handle, 0);
	return ret;
}

static int pages_main(const struct ffa_env *env)
{
	struct page_row *row;
	uint32_t n, reps, i;
	double t0;
	int ret;

	if (host_init(env))
		return 1;
	for (n = 1; n <= max_pages; n *= 2) {
		reps = n >= 4096 ? 1 : 4096 / n;
		t0 = now_ns();
		for (i = 0, ret = 0; i < reps && ret == 0; i++)
			ret = cycle(env, n);
		row = &rows[contiguous][nr_rows[contiguous]++];
		row->pages = n;
		row->ns = (now_ns() - t0) / reps;
		row->status = ret;
		if (ret)
			break;
	}
	return 0;
}

/* ---- the runtime around each part ---- */

static int run(enum ffa_host_ctx_kind ctx, ffa_entry_fn host_main)
{
	/* A long run is the point: no watchdog. */
	const struct ffa_host_config cfg = {
		.mem_size = MEM_SIZE, .nr_ranges = MAX_PAGES, .ctx = ctx,
		.watchdog_ms = FFA_HOST_WATCHDOG_OFF,
	};
	struct ffa_host *h = ffa_host_create(&cfg);
	char tp[256], host[256];
	int ret;

	snprintf(tp, sizeof(tp), "%s/bench-tp.dtb", manifest_dir);
	snprintf(host, sizeof(host), "%s/bench-host.dtb", manifest_dir);
	if (!h || ffa_host_add_file(h, tp, ffa_test_partition_main, NULL) ||
	    ffa_host_add_file(h, host, host_main, NULL)) {
		fprintf(stderr, "bench: cannot assemble the system\n");
		exit(2);
	}
	ret = ffa_host_run(h);
	ffa_host_destroy(h);
	return ret;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void bench_round_trip(void)
{
	double a[ALTERNATIONS], u[ALTERNATIONS];
	int i;

	for (i = 0; i < ALTERNATIONS; i++) {
		if (run(FFA_HOST_CTX_ASM, round_trip_main))
			exit(1);
		a[i] = round_trip_ns;
		if (run(FFA_HOST_CTX_UCONTEXT, round_trip_main))
			exit(1);
		u[i] = round_trip_ns;
	}
	qsort(a, ALTERNATIONS, sizeof(a[0]), cmp_double);
	qsort(u, ALTERNATIONS, sizeof(u[0]), cmp_double);
	printf("direct message round trip (host -> partition -> host), "
	       "median of %d alternated runs of %u:\n", ALTERNATIONS,
	       ROUND_TRIPS);
	printf("  assembly context switch  %8.0f ns\n", a[ALTERNATIONS / 2]);
	printf("  ucontext swapcontext     %8.0f ns\n", u[ALTERNATIONS / 2]);
	printf("  ucontext / assembly      %8.2f\n\n",
	       u[ALTERNATIONS / 2] / a[ALTERNATIONS / 2]);
}

static void print_rows(const struct page_row *r, uint32_t nr)
{
	uint32_t i;

	printf("  %8s %14s %12s %12s\n", "N", "cycle (us)", "ns/page",
	       "t(2N)/t(N)");
	for (i = 0; i < nr; i++) {
		if (r[i].status) {
			printf("  %8u stopped: %s\n", r[i].pages,
			       ffa_status_name(r[i].status));
			break;
		}
		printf("  %8u %14.1f %12.1f", r[i].pages, r[i].ns / 1e3,
		       r[i].ns / r[i].pages);
		if (i > 0)
			printf(" %12.2f", r[i].ns / r[i - 1].ns);
		printf("\n");
	}
}

static void bench_pages(void)
{
	for (contiguous = 0; contiguous < 2; contiguous++)
		if (run(FFA_HOST_CTX_ASM, pages_main))
			exit(1);
	printf("share -> retrieve -> relinquish -> reclaim, N discontiguous "
	       "4 KiB pages (N constituents; each is one mprotect'ed "
	       "mapping in the borrower's window):\n");
	print_rows(rows[0], nr_rows[0]);
	printf("\nthe same, N contiguous pages in one constituent (the "
	       "manager's own per-page work):\n");
	print_rows(rows[1], nr_rows[1]);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		manifest_dir = argv[1];
	if (argc > 2)
		max_pages = (uint32_t)strtoul(argv[2], NULL, 0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	bench_round_trip();
	bench_pages();
	return 0;
}
