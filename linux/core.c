// SPDX-License-Identifier: GPL-2.0
/*
 * The core's bring-up and teardown: the conduit, the version, this
 * kernel's ID and the RX/TX pair.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/align.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/printk.h>

#include <ffa/features.h>
#include <ffa/func.h>
#include <ffa/version.h>
#include <libffa/client.h>
#include <libffa/errno.h>

#include "core_priv.h"
#include "transport.h"
#include "version_choice.h"

/* RX/TX buffers are counted in FF-A's 4 KiB pages for RXTX_MAP. */
#define FFA_DRV_PAGE	4096U

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

/* The manager's minimum RX/TX size and alignment (4 KiB if it is silent). */
static u32 core_rxtx_min(void)
{
	struct ffa_features f;

	if (ffa_features(&ffa_core.conduit, FFA_RXTX_MAP_64, 0, &f))
		return SZ_4K;
	switch (f.w2 & FFA_RXTX_MIN_MASK) {
	case FFA_RXTX_MIN_64K:
		return SZ_64K;
	case FFA_RXTX_MIN_16K:
		return SZ_16K;
	default:
		return SZ_4K;
	}
}

static void core_rxtx_free(void)
{
	unsigned int order = get_order(ffa_core.buf_size);

	free_pages((unsigned long)ffa_core.rx, order);
	free_pages((unsigned long)ffa_core.tx, order);
	ffa_core.rx = NULL;
	ffa_core.tx = NULL;
}

/*
 * Allocate the pair and map it. Whole pages of a power-of-two order:
 * the buddy allocator aligns such a block to its size, which meets the
 * manager's alignment (the minimum size) as well as PAGE_SIZE.
 */
static int core_rxtx_map(void)
{
	u32 size = roundup_pow_of_two(max_t(u32, core_rxtx_min(), PAGE_SIZE));
	unsigned int order = get_order(size);
	int rc;

	ffa_core.buf_size = size;
	ffa_core.rx = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
	ffa_core.tx = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, order);
	if (!ffa_core.rx || !ffa_core.tx) {
		core_rxtx_free();
		return -ENOMEM;
	}
	rc = ffa_rxtx_map(&ffa_core.conduit, virt_to_phys(ffa_core.tx),
			  virt_to_phys(ffa_core.rx), size / FFA_DRV_PAGE, true);
	if (rc) {
		pr_err("the manager refused our RX/TX pair (RXTX_MAP_64: %d)\n",
		       rc);
		core_rxtx_free();
		return ffa_status_to_errno(rc);
	}
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
	return core_rxtx_map();
}

void ffa_core_exit(void)
{
	int rc;

	ffa_core_mem_exit();
	rc = ffa_rxtx_unmap(&ffa_core.conduit, ffa_core.own_id);

	/*
	 * A manager that still maps the pair could write RX later: leak it
	 * rather than give the pages back to the allocator.
	 */
	if (rc) {
		pr_err("RXTX_UNMAP: %d, keeping the pair\n", rc);
		return;
	}
	core_rxtx_free();
}
