// SPDX-License-Identifier: GPL-2.0
/*
 * Claims (core.h): which user drives which partition. An xarray keyed by
 * partition ID, changed only by compare-and-exchange, so that two users
 * racing for one partition cannot both win.
 */
#include <linux/errno.h>
#include <linux/xarray.h>

#include "core.h"

static DEFINE_XARRAY(ffa_claims);

int ffa_core_claim(u16 id, struct ffa_core_user *user)
{
	void *old = xa_cmpxchg(&ffa_claims, id, NULL, user, GFP_KERNEL);

	if (xa_is_err(old))
		return xa_err(old);
	return !old || old == user ? 0 : -EBUSY;
}

void ffa_core_unclaim(u16 id, struct ffa_core_user *user)
{
	xa_cmpxchg(&ffa_claims, id, user, NULL, 0);
}

struct ffa_core_user *ffa_core_claimant(u16 id)
{
	return xa_load(&ffa_claims, id);
}
