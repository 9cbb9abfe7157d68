// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffa-host: assemble a system on the host runtime from FF-A manifests and
 * run it.
 *
 *	ffa-host [--mem BYTES] MANIFEST.dtb=ENTRY ...
 *
 * Each argument pairs a compiled manifest with the endpoint main that
 * runs it (--list shows them); exactly one manifest carries the ffa-host
 * property. The exit status is the host main's return value (0 = pass).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ffa_host.h>
#include <spm/spm.h>
#include "entries.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: ffa-host [--mem BYTES] MANIFEST.dtb=ENTRY ...\n"
		   "       ffa-host --list\n"
		   "Endpoint mains:\n");
	entry_list();
}

static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end != '\0' || v == 0)
		return -1;
	*out = v;
	return 0;
}

static int add_pair(struct ffa_host *h, char *arg)
{
	char *eq = strrchr(arg, '=');
	const struct entry *e;
	int ret;

	if (!eq) {
		fprintf(stderr, "ffa-host: '%s' is not MANIFEST=ENTRY\n", arg);
		return -1;
	}
	*eq = '\0';
	e = entry_find(eq + 1);
	if (!e) {
		fprintf(stderr, "ffa-host: unknown entry '%s'\n", eq + 1);
		return -1;
	}
	ret = ffa_host_add_file(h, arg, e->fn, NULL);
	if (ret) {
		fprintf(stderr, "ffa-host: %s: rejected (FF-A error %d);"
			" FFA_HOST_LOG=1 says why\n", arg, ret);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct ffa_host_config cfg = { 0 };
	struct ffa_host *h;
	const char *why = NULL;
	int i = 1, ret;

	if (argc > 1 && strcmp(argv[1], "--list") == 0) {
		usage(stdout);
		return 0;
	}
	if (argc > 2 && strcmp(argv[1], "--mem") == 0) {
		if (parse_size(argv[2], &cfg.mem_size)) {
			fprintf(stderr, "ffa-host: bad --mem '%s'\n", argv[2]);
			return 2;
		}
		i = 3;
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	h = ffa_host_create(&cfg);
	if (!h) {
		fprintf(stderr, "ffa-host: cannot create the runtime\n");
		return 2;
	}
	for (; i < argc; i++)
		if (add_pair(h, argv[i])) {
			ffa_host_destroy(h);
			return 2;
		}
	ret = ffa_host_run(h);
	if (spm_check_invariants(ffa_host_spm(h), &why) != 0) {
		fprintf(stderr, "ffa-host: manager invariant broken: %s\n",
			why);
		ret = 1;
	}
	ffa_host_destroy(h);
	if (ret == FFA_HOST_RUN_FAILED) {
		fprintf(stderr, "ffa-host: the host main did not finish\n");
		return 1;
	}
	return ret;
}
