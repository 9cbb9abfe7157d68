// SPDX-License-Identifier: GPL-2.0
/*
 * The version choice (version_choice.h). FF-A's rule: versions of one
 * major number are compatible, and a caller speaks the lower minor of
 * the two; a manager of another major version is not ours to talk to.
 */
#include <ffa/version.h>

#include "version_choice.h"

u32 ffa_drv_version_choose(u32 theirs)
{
	u32 chosen;

	if (theirs & FFA_VERSION_MBZ)
		return 0;
	if (FFA_VERSION_MAJOR(theirs) != FFA_VERSION_MAJOR(FFA_DRV_VERSION_MAX))
		return 0;
	chosen = theirs < FFA_DRV_VERSION_MAX ? theirs : FFA_DRV_VERSION_MAX;
	return chosen >= FFA_DRV_VERSION_MIN ? chosen : 0;
}
