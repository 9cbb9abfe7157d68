// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Errors in /dev/ffa's terms: the errno table of docs/userspace.md says
 * what each errno means there (an FF-A DENIED is EACCES, a partition a
 * kernel driver holds is EPERM...), which strerror() cannot know.
 */
#include <errno.h>
#include <string.h>
#include "ffadev.h"

#define FFADEV_ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct err_row {
	int err;
	const char *name;
	const char *text;
};

static const struct err_row rows[] = {
	{ EACCES, "EACCES",
	  "access denied (not root, or FF-A DENIED: e.g. a borrower has not relinquished)" },
	{ EPERM, "EPERM", "partition is bound to a kernel driver" },
	{ ENOTTY, "ENOTTY", "not an ioctl of this kind of node" },
	{ EFAULT, "EFAULT", "bad address" },
	{ EINVAL, "EINVAL", "invalid argument (or FF-A INVALID_PARAMETERS)" },
	{ E2BIG, "E2BIG", "too large for /dev/ffa's limits" },
	{ EBADF, "EBADF", "borrower is not an open partition node" },
	{ ENOENT, "ENOENT", "no such partition, node or transaction" },
	{ ENOTUNIQ, "ENOTUNIQ", "several partitions share this UUID: add .ID" },
	{ EOPNOTSUPP, "EOPNOTSUPP",
	  "not supported (FF-A NOT_SUPPORTED, or the negotiated version is too old)" },
	{ ENOMEM, "ENOMEM", "out of memory (or FF-A NO_MEMORY)" },
	{ EBUSY, "EBUSY", "busy (or FF-A BUSY; a notification bound elsewhere)" },
	{ EINTR, "EINTR", "interrupted (or FF-A INTERRUPTED)" },
	{ EAGAIN, "EAGAIN", "try again (FF-A RETRY or NOT_READY; nothing queued)" },
	{ ECANCELED, "ECANCELED", "FF-A ABORTED" },
	{ ENODATA, "ENODATA", "FF-A NO_DATA" },
	{ EPROTO, "EPROTO", "the partition manager broke the FF-A protocol" },
	{ EMSGSIZE, "EMSGSIZE", "buffer too small for the message" },
	{ ETIMEDOUT, "ETIMEDOUT", "timed out" },
	{ ENODEV, "ENODEV", "no such device (ffa.ko not loaded?)" },
};

static const struct err_row *find_row(int err)
{
	unsigned int i;

	if (err < 0)
		err = -err;
	for (i = 0; i < FFADEV_ARRAY_SIZE(rows); i++)
		if (rows[i].err == err)
			return &rows[i];
	return NULL;
}

const char *ffadev_strerror(int err)
{
	const struct err_row *r = find_row(err);

	if (r)
		return r->text;
	return strerror(err < 0 ? -err : err);
}

const char *ffadev_errname(int err)
{
	const struct err_row *r = find_row(err);

	return r ? r->name : "E?";
}
