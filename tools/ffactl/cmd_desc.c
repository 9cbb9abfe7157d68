// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * desc decode FILE: read a descriptor dump and hand it to desc.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ffactl.h"

static const char desc_help[] =
	"usage: ffactl desc decode FILE [--op share|lend|donate]\n"
	"                               [--version 1.0|1.1|1.2] [--json]\n"
	"Validate a memory transaction descriptor (the bytes a sender puts\n"
	"in its TX buffer for MEM_SHARE, _LEND or _DONATE; FILE - is stdin)\n"
	"with lib/'s parser, the partition manager's, and print it. --op:\n"
	"the operation to judge it for (default share); --version: its\n"
	"layout (default: from the bytes). Exit 0 valid, 1 invalid.\n";

/* Far above any TX buffer: more is not a descriptor. */
#define DESC_FILE_MAX	(1U << 20)

static int read_all(FILE *f, uint8_t **out, size_t *len)
{
	uint8_t *buf = malloc(DESC_FILE_MAX + 1);
	size_t n;

	if (!buf)
		return -ENOMEM;
	n = fread(buf, 1, DESC_FILE_MAX + 1, f);
	if (ferror(f)) {
		free(buf);
		return -EIO;
	}
	if (n > DESC_FILE_MAX) {
		free(buf);
		return -E2BIG;
	}
	*out = buf;
	*len = n;
	return 0;
}

static int parse_desc_args(struct ctl *c, int argc, char **argv,
			   struct desc_opts *o, const char **file)
{
	int i;

	if (argc < 3 || strcmp(argv[1], "decode"))
		return ctl_usage(c, "desc decode FILE");
	*file = argv[2];
	for (i = 3; i < argc; i += 2) {
		if (i + 1 >= argc)
			return ctl_usage(c, "%s needs a value", argv[i]);
		if (!strcmp(argv[i], "--op")) {
			if (desc_parse_op(argv[i + 1], &o->op))
				return ctl_usage(c, "%s: not share, lend or donate",
						 argv[i + 1]);
		} else if (!strcmp(argv[i], "--version")) {
			if (desc_parse_version(argv[i + 1], &o->version))
				return ctl_usage(c, "%s: not 1.0, 1.1 or 1.2",
						 argv[i + 1]);
		} else {
			return ctl_usage(c, "%s: unknown option", argv[i]);
		}
	}
	return 0;
}

int cmd_desc(struct ctl *c, int argc, char **argv)
{
	struct desc_opts o = { 0 };
	const char *file = NULL;
	uint8_t *d = NULL;
	FILE *f, *h;
	size_t len;
	int ret;

	if (ctl_help(argc, argv, desc_help))
		return -1;
	ret = parse_desc_args(c, argc, argv, &o, &file);
	if (ret)
		return ret;
	f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f)
		return ctl_fail(c, exit_for_open(-errno), -errno, "%s: %s",
				file, strerror(errno));
	ret = read_all(f, &d, &len);
	if (f != stdin)
		fclose(f);
	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "%s: %s", file,
				strerror(-ret));
	/* Human text to stdout; with --json, to nowhere. */
	h = c->json ? fopen("/dev/null", "w") : stdout;
	ret = h ? desc_decode(d, len, &o, &c->w, h) : -errno;
	if (h && h != stdout)
		fclose(h);
	free(d);
	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "%s: %s", file,
				ret == -EINVAL ? "invalid descriptor" :
				strerror(-ret));
	return EXIT_OK;
}
