// SPDX-License-Identifier: GPL-2.0
/* TAP lines, the test partition's calls and its checksum. */
#include "drv.h"

#include <linux/errno.h>
#include <linux/ffa_more.h>

bool drv_ok(struct drv *t, bool ok, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_info("%s %d - %pV\n", ok ? "ok" : "not ok", ++t->n, &vaf);
	va_end(args);
	if (!ok)
		t->failed++;
	return ok;
}

void drv_blocked(struct drv *t, int count, const char *what, int err)
{
	int i;

	for (i = 0; i < count; i++)
		drv_ok(t, false, "%s (%d of %d not run: an earlier step got %d)",
		       what, i + 1, count, err);
}

int drv_tp(u16 dst, u64 w[5])
{
	int rc = ffa_more_direct_req(dst, false, w);

	return rc ? rc : (int)(s64)w[0];
}
