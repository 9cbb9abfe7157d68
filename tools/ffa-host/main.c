// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffa-host: assemble a system on the host runtime from FF-A manifests and
 * run it.
 *
 *	ffa-host [--mem BYTES] [--] MANIFEST.dtb=ENTRY ...
 *	ffa-host --list | --help
 *
 * Each argument pairs a compiled manifest with the endpoint main that
 * runs it (--list shows them); exactly one manifest carries the ffa-host
 * property. The exit status (EXIT_* below, also in --help): 0 when the
 * host main returned 0, 1 when it returned anything else or the run did
 * not finish, 2 when the command line or a manifest was refused and
 * nothing ran.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ffa_host.h>
#include <libffa/status.h>
#include <spm/spm.h>
#include "entries.h"

enum {
	EXIT_PASS = 0,		/* the host main returned 0 */
	EXIT_FAIL = 1,		/* it did not: returned, stuck, broken */
	EXIT_USAGE = 2,		/* refused before anything ran */
};

static void usage(FILE *f)
{
	fprintf(f, "usage: ffa-host [--mem BYTES] [--] MANIFEST.dtb=ENTRY ...\n"
		   "       ffa-host --list | --help\n");
}

static void help(void)
{
	usage(stdout);
	printf("\n"
	       "Assemble a system from FF-A manifests (compiled with dtc) and\n"
	       "the endpoint mains built into ffa-host, and run it on the\n"
	       "host runtime: the partition manager and every endpoint in\n"
	       "this one process. Exactly one manifest has the ffa-host\n"
	       "property: its endpoint is the host, its main the host main.\n"
	       "\n"
	       "  --mem BYTES  physical memory, a non-zero multiple of 4096\n"
	       "               (decimal, 0x hex or 0 octal; default 16 MiB)\n"
	       "  --list       the endpoint mains, on stdout\n"
	       "  --help, -h   this text, on stdout\n"
	       "  --           the arguments after it are MANIFEST=ENTRY\n"
	       "\n"
	       "Endpoint mains (ENTRY):\n");
	entry_list();
	printf("\n"
	       "Environment:\n"
	       "  FFA_HOST_LOG=1          the manager's log on stderr (every\n"
	       "                          refused call with its reason)\n"
	       "  FFA_HOST_CTX=asm|ucontext  the context switch (default asm)\n"
	       "  FFA_HOST_WATCHDOG=SECONDS  stop a run that has not ended\n"
	       "                          (default 60; 0 or off: never)\n"
	       "\n"
	       "Exit status:\n"
	       "  0  the host main returned 0\n"
	       "  1  it returned something else, or the run did not finish\n"
	       "     (deadlock, watchdog), or the manager's invariants broke\n"
	       "  2  a bad command line, manifest or entry: nothing ran\n");
}

/* A usage error: what was wrong, and where to look. */
static int bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "ffa-host: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (ffa-host --help)\n");
	return EXIT_USAGE;
}

static int parse_mem(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end != '\0' || s[0] == '-' || v == 0 ||
	    v % FFA_PAGE_SIZE)
		return bad_usage("--mem '%s': not a non-zero multiple of 4096",
				 s);
	*out = v;
	return 0;
}

/* Index of the first MANIFEST=ENTRY in argv, or -(exit status) to stop. */
static int parse_options(int argc, char **argv, struct ffa_host_config *cfg)
{
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			help();
			return -EXIT_PASS;
		}
		if (strcmp(argv[i], "--list") == 0) {
			entry_list();
			return -EXIT_PASS;
		}
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		if (strcmp(argv[i], "--mem") == 0) {
			if (i + 1 == argc)
				return -bad_usage("%s needs a value", argv[i]);
			ret = parse_mem(argv[++i], &cfg->mem_size);
			if (ret)
				return -ret;
			continue;
		}
		if (argv[i][0] == '-')
			return -bad_usage("unknown option '%s'", argv[i]);
		return i;
	}
	return i;
}

/* MANIFEST=ENTRY: the entry, or NULL after saying what is wrong. */
static const struct entry *check_pair(const char *arg, bool after_dashes)
{
	const char *eq = strrchr(arg, '=');
	const struct entry *e;

	if (arg[0] == '-' && !after_dashes) {
		bad_usage("'%s': options go before MANIFEST=ENTRY", arg);
		return NULL;
	}
	if (!eq) {
		bad_usage("'%s' is not MANIFEST=ENTRY", arg);
		return NULL;
	}
	if (eq == arg) {
		bad_usage("'%s' names no manifest", arg);
		return NULL;
	}
	e = entry_find(eq + 1);
	if (!e)
		fprintf(stderr, "ffa-host: unknown entry '%s' "
			"(ffa-host --list names them)\n", eq + 1);
	return e;
}

static int add_pair(struct ffa_host *h, char *arg)
{
	const struct entry *e = check_pair(arg, true);
	int ret;

	if (!e)
		return EXIT_USAGE;
	*strrchr(arg, '=') = '\0';
	ret = ffa_host_add_file(h, arg, e->fn, NULL);
	if (ret) {
		/* The runtime printed why (ffa_host_last_error()). */
		fprintf(stderr, "ffa-host: %s: rejected (%s)\n", arg,
			ffa_status_name(ret));
		return EXIT_USAGE;
	}
	return 0;
}

static bool has_host(struct ffa_host *h)
{
	const struct spm *spm = ffa_host_spm(h);
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints; i++)
		if (spm->endpoints[i].cfg.is_host)
			return true;
	return false;
}

/* Run the assembled system: the exit status. */
static int run(struct ffa_host *h)
{
	const char *why = NULL;
	int ret;

	if (!has_host(h)) {
		fprintf(stderr, "ffa-host: no manifest has the ffa-host "
			"property: nothing would run the system\n");
		return EXIT_USAGE;
	}
	ret = ffa_host_run(h);

	if (ret == FFA_HOST_RUN_FAILED || ret == FFA_HOST_RUN_TIMEOUT) {
		/* The runtime printed why and what each vCPU was doing. */
		fprintf(stderr, "ffa-host: the host main did not finish\n");
		return EXIT_FAIL;
	}
	if (spm_check_invariants(ffa_host_spm(h), &why) != 0) {
		fprintf(stderr, "ffa-host: manager invariant broken: %s\n",
			why);
		return EXIT_FAIL;
	}
	return ret == 0 ? EXIT_PASS : EXIT_FAIL;
}

int main(int argc, char **argv)
{
	struct ffa_host_config cfg = { 0 };
	struct ffa_host *h;
	int first = parse_options(argc, argv, &cfg), i, ret = 0;
	bool after_dashes;

	if (first <= 0)
		return -first;
	after_dashes = strcmp(argv[first - 1], "--") == 0;
	if (first >= argc) {
		fprintf(stderr, "ffa-host: no MANIFEST=ENTRY given\n");
		usage(stderr);
		return EXIT_USAGE;
	}
	/* The whole command line first: nothing runs if any of it is bad. */
	for (i = first; i < argc; i++)
		if (!check_pair(argv[i], after_dashes))
			return EXIT_USAGE;
	h = ffa_host_create(&cfg);
	if (!h) {
		fprintf(stderr, "ffa-host: cannot create the runtime (bad "
			"FFA_HOST_CTX or FFA_HOST_WATCHDOG, or no memory)\n");
		return EXIT_USAGE;
	}
	for (i = first; i < argc && ret == 0; i++)
		ret = add_pair(h, argv[i]);
	if (ret == 0)
		ret = run(h);
	ffa_host_destroy(h);
	return ret;
}
