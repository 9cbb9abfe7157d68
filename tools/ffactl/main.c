// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * ffactl's entry: the global --json, the command table, and the one
 * place the result of a run is printed (one JSON object, or a line on
 * stderr for a human when it failed).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <ffadev.h>
#include "ffactl.h"

struct command {
	const char *name;
	int (*run)(struct ctl *c, int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "list", cmd_list, "the partitions and this endpoint" },
	{ "info", cmd_info, "PART: one partition (or self) as FFA_DEV_IOC_INFO sees it" },
	{ "send", cmd_send, "PART WORDS...: a direct request (or an indirect message)" },
	{ "recv", cmd_recv, "one indirect message addressed to us" },
	{ "notify", cmd_notify, "PART bind|unbind|set BITS, or get" },
	{ "share", cmd_share, "share a buffer with partitions" },
	{ "lend", cmd_share, "lend a buffer to partitions" },
	{ "reclaim", cmd_reclaim, "HANDLE: ask the share|lend --hold holding it to reclaim" },
	{ "desc", cmd_desc, "decode FILE: check and print a memory transaction descriptor" },
};

#define NR_COMMANDS ARRAY_SIZE(commands)

static void print_usage(FILE *f)
{
	unsigned int i;

	fprintf(f, "usage: ffactl [--json] COMMAND [ARGS...] (COMMAND --help for more)\n"
		"PART: a UUID, UUID.ID, an ID (0x8001) or a /dev/ffa path\n");
	for (i = 0; i < NR_COMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "exit: 0 ok, 1 failed, 2 usage, 3 not found, 4 denied, 5 timeout\n");
}

void ctl_say(struct ctl *c, const char *fmt, ...)
{
	va_list ap;

	if (c->json)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

static int fail_v(struct ctl *c, int exit_code, int err, const char *fmt,
		  va_list ap)
{
	vsnprintf(c->msg, sizeof(c->msg), fmt, ap);
	c->err = err;
	return exit_code;
}

int ctl_fail(struct ctl *c, int exit_code, int err, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = fail_v(c, exit_code, err, fmt, ap);
	va_end(ap);
	return ret;
}

int ctl_usage(struct ctl *c, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = fail_v(c, EXIT_USAGE, -EINVAL, fmt, ap);
	va_end(ap);
	return ret;
}

int exit_for_open(int err)
{
	switch (-err) {
	case ENOENT:
	case ENODEV:
	case ENXIO:
	case ENOTUNIQ:
		return EXIT_NOT_FOUND;
	case EACCES:
	case EPERM:
		return EXIT_DENIED;
	default:
		return EXIT_FAILED;
	}
}

int exit_for_op(int err)
{
	return err == -ETIMEDOUT ? EXIT_TIMEOUT : EXIT_FAILED;
}

int ctl_open(struct ctl *c, const char *part)
{
	struct ffadev_spec spec;
	int fd;

	if (!strcmp(part, FFADEV_SELF)) {
		fd = ffadev_open_self();
	} else {
		if (ffadev_spec_parse(part, &spec))
			return -ctl_usage(c, "%s: not a UUID, UUID.ID, ID or path",
					  part);
		fd = ffadev_open_spec(part);
	}
	if (fd < 0)
		return -ctl_fail(c, exit_for_open(fd), fd, "open %s: %s", part,
				 ffadev_strerror(fd));
	return fd;
}

int is_help(const char *arg)
{
	return !strcmp(arg, "--help") || !strcmp(arg, "-h");
}

int ctl_help(int argc, char **argv, const char *text)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (is_help(argv[i])) {
			fputs(text, stdout);
			return 1;
		}
	}
	return 0;
}

/* --json may come anywhere before "--": taken out of argv. */
static int take_json(int *argc, char **argv)
{
	int i, j, found = 0;

	for (i = j = 0; i < *argc; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--json"))
			found = 1;
		else
			argv[j++] = argv[i];
	}
	while (i < *argc)
		argv[j++] = argv[i++];
	*argc = j;
	argv[j] = NULL;
	return found;
}

static void print_json(struct ctl *c, int code, const char *members)
{
	printf("{\"command\":");
	json_escape(stdout, c->cmd, strlen(c->cmd));
	printf(",\"ok\":%s,\"exit\":%d", code ? "false" : "true", code);
	if (*members)
		printf(",%s", members);
	if (code) {
		printf(",\"error\":{\"errno\":%d,\"name\":", -c->err);
		json_escape(stdout, ffadev_errname(c->err),
			    strlen(ffadev_errname(c->err)));
		printf(",\"message\":");
		json_escape(stdout, c->msg, strlen(c->msg));
		printf("}");
	}
	printf("}\n");
}

static const struct command *find(const char *name)
{
	unsigned int i;

	for (i = 0; i < NR_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int run(struct ctl *c, const struct command *cmd, int argc, char **argv)
{
	char *members = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&members, &size);
	int code;

	if (!mem) {
		perror("ffactl");
		return EXIT_FAILED;
	}
	jw_init(&c->w, mem);
	code = cmd->run(c, argc, argv);
	fclose(mem);
	if (c->json && code >= 0)
		print_json(c, code, members);
	else if (code > 0)
		fprintf(stderr, "ffactl %s: %s\n", c->cmd, c->msg);
	free(members);
	/* A command that printed its --help returns -1: nothing to add. */
	return code < 0 ? EXIT_OK : code;
}

int main(int argc, char **argv)
{
	const struct command *cmd;
	struct ctl c = { 0 };

	c.json = take_json(&argc, argv);
	if (argc < 2 && c.json) {
		c.cmd = "";
		print_json(&c, ctl_usage(&c, "no command"), "");
		return EXIT_USAGE;
	}
	if (argc < 2 || is_help(argv[1])) {
		print_usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? EXIT_USAGE : EXIT_OK;
	}
	cmd = find(argv[1]);
	if (!cmd) {
		c.cmd = argv[1];
		ctl_usage(&c, "no command %s", argv[1]);
		if (c.json)
			print_json(&c, EXIT_USAGE, "");
		else
			print_usage(stderr);
		return EXIT_USAGE;
	}
	c.cmd = cmd->name;
	return run(&c, cmd, argc - 1, argv + 1);
}
