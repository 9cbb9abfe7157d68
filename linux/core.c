// SPDX-License-Identifier: GPL-2.0
/*
 * The core's bring-up and teardown: the conduit, the version, this
 * kernel's ID, then the RX/TX pair (core_rxtx.c).
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/errno.h>
#include <linux/printk.h>

#include <ffa/version.h>
#include <libffa/client.h>
#include <libffa/errno.h>

#include "core_priv.h"
#include "core_rxtx.h"
#include "transport.h"
#include "version_choice.h"

u32 ffa_core_max_version;

struct ffa_core ffa_core = {
	.buf_lock = __MUTEX_INITIALIZER(ffa_core.buf_lock),
};

u32 ffa_core_version(void)
{
	return ffa_core.version;
}

u16 ffa_core_own_id(void)
{
	return ffa_core.own_id;
}

/*
 * Ask for our highest version; if the manager's answer makes us settle
 * lower, say so with a second FFA_VERSION, so that the manager uses the
 * layouts of the version we actually speak.
 */
static int core_negotiate(void)
{
	const struct ffa_conduit *c = &ffa_core.conduit;
	u32 max = ffa_core_max_version ?: FFA_DRV_VERSION_MAX;
	u32 theirs, chosen;
	int rc;

	if (ffa_drv_version_choose(max) != max) {
		pr_err("max_version 0x%x: not a version we speak\n", max);
		return -EINVAL;
	}
	rc = ffa_version(c, max, &theirs);
	if (rc) {
		pr_info("no FF-A manager (FFA_VERSION: %d)\n", rc);
		return -ENODEV;
	}
	chosen = min(ffa_drv_version_choose(theirs), max);
	if (!chosen) {
		pr_info("manager speaks FF-A 0x%x, which we do not\n", theirs);
		return -ENODEV;
	}
	if (chosen != max) {
		rc = ffa_version(c, chosen, &theirs);
		if (rc)
			return ffa_status_to_errno(rc);
	}
	ffa_core.version = chosen;
	pr_info("FF-A %u.%u (manager %u.%u)\n", FFA_VERSION_MAJOR(chosen),
		FFA_VERSION_MINOR(chosen), FFA_VERSION_MAJOR(theirs),
		FFA_VERSION_MINOR(theirs));
	return 0;
}

int ffa_core_init(void)
{
	int rc;

	rc = ffa_transport_init(&ffa_core.conduit);
	if (rc)
		return rc;
	rc = core_negotiate();
	if (rc)
		return rc;
	rc = ffa_id_get(&ffa_core.conduit, &ffa_core.own_id);
	if (rc) {
		pr_err("FFA_ID_GET: %d\n", rc);
		return ffa_status_to_errno(rc);
	}
	return ffa_core_rxtx_init();
}

void ffa_core_exit(void)
{
	ffa_core_mem_exit();
	ffa_core_rxtx_exit();
}
