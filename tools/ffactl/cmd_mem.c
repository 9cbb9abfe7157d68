// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * share and lend: a buffer (a file's contents or a size) to one or more
 * partitions. A transaction lives as long as the /dev/ffa/self file that
 * made it, and only that file may reclaim it, so ffactl reclaims before
 * it exits: at once (a round trip that proves the partitions can be
 * given the memory), or with --hold when a line comes on stdin, at EOF,
 * on SIGINT/SIGTERM, or when ffactl reclaim asks it to (hold_fifo.c).
 */
#include <errno.h>
#include <string.h>
#include <ffadev.h>
#include "ffactl.h"
#include "mem.h"

static const char share_help[] =
	"usage: ffactl share|lend (--file F | --size N[K|M|G]) --to PART[:PERM]...\n"
	"                         [--tag T] [--clear] [--hold] [--json]\n"
	"Give a buffer to up to 8 partitions (--to, repeatable; PERM rw\n"
	"(default), ro, rx or rwx). --file: the file's bytes, zero-padded to\n"
	"pages; --size: byte i is i %% 251. Prints the handle, the size and\n"
	"the FNV-1a 64 checksum of the whole buffer (what the test partition\n"
	"reports after retrieving it). The transaction ends with ffactl:\n"
	"without --hold it is reclaimed at once; with --hold ffactl prints\n"
	"\"handle=0x...\" on stderr and keeps it until a line on stdin (a\n"
	"denied reclaim, the borrower still holding it, waits for the next\n"
	"line), EOF, SIGINT, SIGTERM or `ffactl reclaim HANDLE` (it listens\n"
	"on the FIFO " HOLD_SOCK_DIR "/0x<handle>.fifo). --clear (lend): zeroed\n"
	"for the borrower. A lent buffer is out of this process's reach\n"
	"until reclaimed.\n";

static int parse_one(struct ctl *c, struct mem_args *a, const char *opt,
		     const char *val)
{
	if (!val)
		return ctl_usage(c, "%s needs a value", opt);
	if (!strcmp(opt, "--file")) {
		a->file = val;
	} else if (!strcmp(opt, "--size")) {
		if (parse_size(val, &a->size))
			return ctl_usage(c, "%s: not a size", val);
	} else if (!strcmp(opt, "--tag")) {
		if (parse_u64(val, &a->tag))
			return ctl_usage(c, "%s: not a tag", val);
	} else if (!strcmp(opt, "--to")) {
		if (a->nr_to >= FFA_DEV_MEM_MAX_BORROWERS)
			return ctl_usage(c, "at most %d --to",
					 FFA_DEV_MEM_MAX_BORROWERS);
		if (parse_to(val, a->to[a->nr_to], sizeof(a->to[0]),
			     &a->perms[a->nr_to]))
			return ctl_usage(c, "%s: not PART[:rw|ro|rx|rwx]", val);
		a->nr_to++;
	} else {
		return ctl_usage(c, "%s: unknown option", opt);
	}
	return 0;
}

static int parse_mem(struct ctl *c, int argc, char **argv,
		     struct mem_args *a)
{
	int i, ret;

	a->op = strcmp(argv[0], "lend") ? FFADEV_SHARE : FFADEV_LEND;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--hold")) {
			a->hold = 1;
		} else if (!strcmp(argv[i], "--clear")) {
			a->flags |= FFA_DEV_MEM_CLEAR;
		} else {
			ret = parse_one(c, a, argv[i], i + 1 < argc ?
					argv[i + 1] : NULL);
			if (ret)
				return ret;
			i++;
		}
	}
	if (!a->file == !a->size)
		return ctl_usage(c, "one of --file or --size");
	if (!a->nr_to)
		return ctl_usage(c, "at least one --to PART");
	return 0;
}

static int open_borrowers(struct ctl *c, struct mem_args *a,
			  struct ffadev_borrower *b)
{
	int i, fd;

	for (i = 0; i < a->nr_to; i++) {
		fd = ctl_open(c, a->to[i]);
		if (fd < 0) {
			while (i--)
				ffadev_close(b[i].fd);
			return -fd;
		}
		b[i].fd = fd;
		b[i].perms = a->perms[i];
	}
	return 0;
}

static void put_given(struct ctl *c, const struct mem_args *a,
		      const struct mem_buf *m, uint64_t handle)
{
	int i;

	jw_str(&c->w, "op", a->op == FFADEV_LEND ? "lend" : "share");
	jw_hex(&c->w, "handle", handle);
	jw_num(&c->w, "size", m->len);
	jw_hex(&c->w, "fnv1a", m->fnv);
	jw_hex(&c->w, "tag", a->tag);
	jw_arr(&c->w, "to");
	for (i = 0; i < a->nr_to; i++) {
		jw_obj(&c->w, NULL);
		jw_str(&c->w, "part", a->to[i]);
		jw_str(&c->w, "perms", perms_name(a->perms[i]));
		jw_end_obj(&c->w);
	}
	jw_end_arr(&c->w);
	ctl_say(c, "handle 0x%llx, %zu bytes, fnv1a 0x%016llx\n",
		(unsigned long long)handle, m->len,
		(unsigned long long)m->fnv);
}

static int give(struct ctl *c, struct mem_args *a, struct mem_buf *m,
		const struct ffadev_borrower *b)
{
	uint64_t handle = 0;
	int self = ctl_open(c, FFADEV_SELF), ret;

	if (self < 0)
		return -self;
	ret = ffadev_mem_give(self, a->op, m->buf, m->len, b,
			      (unsigned int)a->nr_to, a->flags, a->tag,
			      &handle);
	if (ret) {
		ret = ctl_fail(c, EXIT_FAILED, ret, "%s: %s",
			       a->op == FFADEV_LEND ? "lend" : "share",
			       ffadev_strerror(ret));
	} else {
		put_given(c, a, m, handle);
		ret = mem_end(c, self, handle, a->hold);
	}
	ffadev_close(self);
	return ret;
}

int cmd_share(struct ctl *c, int argc, char **argv)
{
	struct ffadev_borrower b[FFA_DEV_MEM_MAX_BORROWERS];
	struct mem_args a = { 0 };
	struct mem_buf m = { 0 };
	int ret, i;

	if (ctl_help(argc, argv, share_help))
		return -1;
	ret = parse_mem(c, argc, argv, &a);
	if (ret)
		return ret;
	ret = mem_fill(c, &a, &m);
	if (ret)
		return ret;
	ret = open_borrowers(c, &a, b);
	if (!ret) {
		ret = give(c, &a, &m, b);
		for (i = 0; i < a.nr_to; i++)
			ffadev_close(b[i].fd);
	}
	ffadev_buf_free(m.buf, m.len);
	return ret;
}

static const char reclaim_help[] =
	"usage: ffactl reclaim HANDLE [--clear] [--json]\n"
	"Only the /dev/ffa/self file that made a transaction may reclaim it,\n"
	"so this asks the share/lend --hold process holding HANDLE to, on its\n"
	"FIFO " HOLD_SOCK_DIR "/0x<handle>.fifo. Reclaimed: the holder exits\n"
	"0, and so does this. Refused (EACCES: a borrower still holds it):\n"
	"the holder keeps holding, exit 1. No holder: exit 3. --clear: zeroed\n"
	"before it is ours again (FFA_DEV_MEM_RECLAIM_CLEAR).\n";

static int parse_reclaim(struct ctl *c, int argc, char **argv,
			 uint64_t *handle, uint32_t *flags)
{
	const char *text = NULL;
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--clear")) {
			*flags |= FFA_DEV_MEM_RECLAIM_CLEAR;
			continue;
		}
		if (argv[i][0] == '-' && argv[i][1])
			return ctl_usage(c, "%s: unknown option", argv[i]);
		if (text)
			return ctl_usage(c, "one HANDLE");
		text = argv[i];
	}
	if (!text)
		return ctl_usage(c, "reclaim needs a HANDLE");
	if (parse_u64(text, handle))
		return ctl_usage(c, "%s: not a handle", text);
	return 0;
}

int cmd_reclaim(struct ctl *c, int argc, char **argv)
{
	uint64_t handle = 0;
	uint32_t flags = 0;
	int ret, answer = 0;

	if (ctl_help(argc, argv, reclaim_help))
		return -1;
	ret = parse_reclaim(c, argc, argv, &handle, &flags);
	if (ret)
		return ret;
	jw_hex(&c->w, "handle", handle);
	jw_bool(&c->w, "clear", !!flags);
	ret = hold_fifo_ask(handle, flags, &answer);
	if (ret == -ENOENT)
		return ctl_fail(c, EXIT_NOT_FOUND, ret, "0x%llx: no holder; "
				"only a share|lend --hold process's "
				"transactions can be reclaimed this way",
				(unsigned long long)handle);
	if (ret)
		return ctl_fail(c, exit_for_open(ret), ret,
				"ask the holder of 0x%llx: %s",
				(unsigned long long)handle, strerror(-ret));
	if (answer == -EACCES)
		return ctl_fail(c, EXIT_FAILED, answer, "reclaim refused: a "
				"borrower still holds it (FF-A DENIED); the "
				"holder keeps it");
	if (answer)
		return ctl_fail(c, EXIT_FAILED, answer, "reclaim: %s; the "
				"holder keeps it", ffadev_strerror(answer));
	ctl_say(c, "reclaimed 0x%llx; its holder exits\n",
		(unsigned long long)handle);
	return EXIT_OK;
}
