// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * send and recv: direct requests (v1.0 32- and 64-bit, v1.2 REQ2), an
 * indirect message written to a partition, one read from self.
 */
#include <errno.h>
#include <string.h>
#include <ffadev.h>
#include "ffactl.h"

enum send_form { FORM_32, FORM_64, FORM_REQ2, FORM_INDIRECT };

static const char *const form_names[] = {
	"direct32", "direct64", "req2", "indirect",
};

static const char send_help[] =
	"usage: ffactl send PART [--32|--64|--req2 [--uuid U]] WORDS... [--json]\n"
	"       ffactl send PART --indirect TEXT...\n"
	"A direct request: --64 (default) DIRECT_REQ_64 with up to 5 words\n"
	"(x3-x7), --32 DIRECT_REQ_32 (w3-w7, each word 32 bits), --req2\n"
	"DIRECT_REQ2 with up to 14 words (x4-x17) for service UUID U (default\n"
	"Nil). Missing words are 0. Prints the response's words. --indirect\n"
	"writes TEXT (the words joined by spaces) as one indirect message.\n";

struct send_args {
	enum send_form form;
	const char *part;
	const char *uuid;
	uint64_t w[14];
	int nr_words;
	char text[4096];
};

static int add_text(struct send_args *a, const char *s)
{
	size_t have = strlen(a->text), add = strlen(s) + (have ? 1 : 0);

	if (have + add >= sizeof(a->text))
		return -E2BIG;
	if (have)
		strcat(a->text, " ");
	strcat(a->text, s);
	return 0;
}

static int add_word(struct ctl *c, struct send_args *a, const char *s)
{
	int max = a->form == FORM_REQ2 ? 14 : 5;

	if (a->form == FORM_INDIRECT)
		return add_text(a, s) ? ctl_usage(c, "message too long") : 0;
	if (a->nr_words >= max)
		return ctl_usage(c, "at most %d words", max);
	if (parse_u64(s, &a->w[a->nr_words]))
		return ctl_usage(c, "%s: not a number", s);
	a->nr_words++;
	return 0;
}

static int parse_send(struct ctl *c, int argc, char **argv,
		      struct send_args *a)
{
	int i, ret = 0;

	a->form = FORM_64;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--32"))
			a->form = FORM_32;
		else if (!strcmp(argv[i], "--64"))
			a->form = FORM_64;
		else if (!strcmp(argv[i], "--req2"))
			a->form = FORM_REQ2;
		else if (!strcmp(argv[i], "--indirect"))
			a->form = FORM_INDIRECT;
		else if (!strcmp(argv[i], "--uuid") && i + 1 < argc)
			a->uuid = argv[++i];
		else if (!a->part)
			a->part = argv[i];
		else
			ret = add_word(c, a, argv[i]);
		if (ret)
			return ret;
	}
	if (!a->part)
		return ctl_usage(c, "send needs a PART");
	if (a->uuid && a->form != FORM_REQ2)
		return ctl_usage(c, "--uuid goes with --req2");
	if (a->form == FORM_INDIRECT && !a->text[0])
		return ctl_usage(c, "--indirect needs a TEXT");
	return 0;
}

static void put_words(struct ctl *c, const uint64_t *w, int n, int first)
{
	int i;

	jw_arr(&c->w, "response");
	for (i = 0; i < n; i++) {
		jw_hex(&c->w, NULL, w[i]);
		ctl_say(c, "%sx%d=0x%llx", i ? " " : "", first + i,
			(unsigned long long)w[i]);
	}
	jw_end_arr(&c->w);
	ctl_say(c, "\n");
}

static int do_send(struct ctl *c, int fd, struct send_args *a)
{
	struct ffadev_uuid u = { { 0 } };
	int ret;

	switch (a->form) {
	case FORM_REQ2:
		if (a->uuid && ffadev_uuid_parse(a->uuid, &u))
			return ctl_usage(c, "%s: not a UUID", a->uuid);
		ret = ffadev_direct2(fd, &u, a->w);
		if (!ret)
			put_words(c, a->w, 14, 4);
		break;
	case FORM_INDIRECT:
		ret = ffadev_send(fd, a->text, strlen(a->text));
		if (!ret) {
			jw_num(&c->w, "sent", strlen(a->text));
			ctl_say(c, "sent %zu bytes\n", strlen(a->text));
		}
		break;
	default:
		ret = ffadev_direct(fd, a->form == FORM_32, a->w);
		if (!ret)
			put_words(c, a->w, 5, 3);
	}
	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "send (%s): %s",
				form_names[a->form], ffadev_strerror(ret));
	return EXIT_OK;
}

int cmd_send(struct ctl *c, int argc, char **argv)
{
	struct send_args a = { 0 };
	int fd, ret;

	if (ctl_help(argc, argv, send_help))
		return -1;
	ret = parse_send(c, argc, argv, &a);
	if (ret)
		return ret;
	fd = ctl_open(c, a.part);
	if (fd < 0)
		return -fd;
	jw_str(&c->w, "form", form_names[a.form]);
	ret = do_send(c, fd, &a);
	ffadev_close(fd);
	return ret;
}

static const char recv_help[] =
	"usage: ffactl recv [--timeout MS] [--json]\n"
	"Read one indirect message addressed to us from /dev/ffa/self,\n"
	"waiting up to MS milliseconds (default: for ever; 0: do not wait).\n"
	"Prints sender, receiver, size and the payload (hex and text).\n";

static void put_msg(struct ctl *c, const struct ffa_dev_msg_hdr *h,
		    const uint8_t *p, int n)
{
	static char hex[2 * 65536 + 1];
	int i;

	for (i = 0; i < n; i++)
		sprintf(hex + 2 * i, "%02x", p[i]);
	hex[2 * n] = '\0';
	jw_num(&c->w, "sender", h->sender);
	jw_num(&c->w, "receiver", h->receiver);
	jw_num(&c->w, "size", h->size);
	jw_str(&c->w, "payload_hex", hex);
	jw_strn(&c->w, "payload_text", (const char *)p, (size_t)n);
	ctl_say(c, "from 0x%04x to 0x%04x, %u bytes\n%s\n", h->sender,
		h->receiver, h->size, hex);
}

int cmd_recv(struct ctl *c, int argc, char **argv)
{
	static uint8_t buf[65536];
	struct ffa_dev_msg_hdr h;
	uint64_t ms = 0;
	int timeout = -1, fd, n;

	if (ctl_help(argc, argv, recv_help))
		return -1;
	if (argc == 3 && !strcmp(argv[1], "--timeout")) {
		if (parse_u64(argv[2], &ms) || ms > 0x7fffffff)
			return ctl_usage(c, "%s: not a timeout", argv[2]);
		timeout = (int)ms;
	} else if (argc != 1) {
		return ctl_usage(c, "recv [--timeout MS]");
	}
	fd = ctl_open(c, FFADEV_SELF);
	if (fd < 0)
		return -fd;
	n = ffadev_recv(fd, &h, buf, sizeof(buf), timeout);
	ffadev_close(fd);
	if (n < 0)
		return ctl_fail(c, exit_for_op(n), n, "recv: %s",
				ffadev_strerror(n));
	put_msg(c, &h, buf, n);
	return EXIT_OK;
}
