// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * notify: bind, unbind and signal a partition's notifications, and read
 * the ones we received. A binding belongs to the file that made it and
 * is undone when it closes, so "bind" holds its file open and waits for
 * a notification (or --timeout) before it exits.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <ffadev.h>
#include "ffactl.h"

static const char notify_help[] =
	"usage: ffactl notify PART bind BITS [--timeout MS] [--json]\n"
	"       ffactl notify PART unbind BITS [--json]\n"
	"       ffactl notify PART set BITS [--vcpu N] [--json]\n"
	"       ffactl notify get [--json]\n"
	"bind: bind BITS (a 64-bit bitmap) of PART to us, wait for a\n"
	"notification (up to MS milliseconds; default for ever), print what\n"
	"is pending and exit, which undoes the binding. unbind: the ioctl\n"
	"alone (a binding of another file is not ours to undo). set: signal\n"
	"BITS to PART (--vcpu: to its vCPU N only). get: read and clear the\n"
	"notifications pending for us.\n";

static int put_pending(struct ctl *c, int self)
{
	uint64_t sp, vm;
	int ret = ffadev_notif_get(self, &sp, &vm);

	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "get: %s",
				ffadev_strerror(ret));
	jw_hex(&c->w, "from_sp", sp);
	jw_hex(&c->w, "from_vm", vm);
	ctl_say(c, "from_sp 0x%016llx\nfrom_vm 0x%016llx\n",
		(unsigned long long)sp, (unsigned long long)vm);
	return EXIT_OK;
}

static int notify_get(struct ctl *c)
{
	int self = ctl_open(c, FFADEV_SELF), ret;

	if (self < 0)
		return -self;
	ret = put_pending(c, self);
	ffadev_close(self);
	return ret;
}

static int bind_and_wait(struct ctl *c, int fd, uint64_t bits, int timeout)
{
	int self = ctl_open(c, FFADEV_SELF), ret;

	if (self < 0)
		return -self;
	ret = ffadev_notif_bind(fd, bits);
	if (ret) {
		ret = ctl_fail(c, EXIT_FAILED, ret, "bind: %s",
			       ffadev_strerror(ret));
		goto out;
	}
	ctl_say(c, "bound 0x%llx; waiting for a notification\n",
		(unsigned long long)bits);
	fflush(stdout);
	/* EPOLLPRI on self: notifications pending. */
	ret = ffadev_wait(self, POLLPRI, timeout);
	if (ret < 0)
		ret = ctl_fail(c, exit_for_op(ret), ret, "wait: %s",
			       ffadev_strerror(ret));
	else
		ret = put_pending(c, self);
out:
	ffadev_close(self);
	return ret;
}

/* The one option after BITS: bind's --timeout MS, set's --vcpu N. */
static int parse_opt(struct ctl *c, int argc, char **argv, const char *opt,
		     uint64_t max, int *out)
{
	uint64_t v;

	if (argc == 4)
		return 0;
	if (argc != 6 || strcmp(argv[4], opt) || parse_u64(argv[5], &v) ||
	    v > max)
		return ctl_usage(c, "notify PART %s BITS [%s N]", argv[2], opt);
	*out = (int)v;
	return 0;
}

static int signal_part(struct ctl *c, int fd, uint64_t bits, int vcpu)
{
	int ret = vcpu < 0 ? ffadev_notif_set(fd, bits) :
		ffadev_notif_set_vcpu(fd, bits, (uint16_t)vcpu);

	if (vcpu >= 0)
		jw_num(&c->w, "vcpu", (uint64_t)vcpu);
	return ret;
}

static int notify_part(struct ctl *c, int argc, char **argv)
{
	const char *op = argv[2];
	uint64_t bits;
	int fd, ret, timeout = -1, vcpu = -1;

	if (argc < 4 || parse_u64(argv[3], &bits))
		return ctl_usage(c, "notify PART bind|unbind|set BITS");
	if (!strcmp(op, "bind"))
		ret = parse_opt(c, argc, argv, "--timeout", 0x7fffffff, &timeout);
	else if (!strcmp(op, "set"))
		ret = parse_opt(c, argc, argv, "--vcpu", 0xffff, &vcpu);
	else if (!strcmp(op, "unbind"))
		ret = argc == 4 ? 0 : ctl_usage(c, "too many arguments");
	else
		ret = ctl_usage(c, "%s: not bind, unbind or set", op);
	if (ret)
		return ret;
	fd = ctl_open(c, argv[1]);
	if (fd < 0)
		return -fd;
	jw_str(&c->w, "op", op);
	jw_hex(&c->w, "bits", bits);
	if (!strcmp(op, "bind")) {
		ret = bind_and_wait(c, fd, bits, timeout);
	} else {
		ret = !strcmp(op, "set") ? signal_part(c, fd, bits, vcpu) :
			ffadev_notif_unbind(fd, bits);
		if (ret)
			ret = ctl_fail(c, EXIT_FAILED, ret, "%s: %s", op,
				       ffadev_strerror(ret));
		else
			ctl_say(c, "%s 0x%llx: done\n", op,
				(unsigned long long)bits);
	}
	ffadev_close(fd);
	return ret;
}

int cmd_notify(struct ctl *c, int argc, char **argv)
{
	if (ctl_help(argc, argv, notify_help))
		return -1;
	if (argc == 2 && !strcmp(argv[1], "get"))
		return notify_get(c);
	if (argc < 3)
		return ctl_usage(c, "notify PART bind|unbind|set BITS, or get");
	return notify_part(c, argc, argv);
}
