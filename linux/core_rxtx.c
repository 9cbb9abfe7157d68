// SPDX-License-Identifier: GPL-2.0
/*
 * The core's RX/TX pair, in either of its two modes:
 *
 * - mapped: allocated here and handed to the manager with FFA_RXTX_MAP,
 *   sized and aligned from FFA_FEATURES(RXTX_MAP) and PAGE_SIZE; unmapped
 *   with FFA_RXTX_UNMAP and freed on unload;
 * - given: the hypervisor allocated the pair and registered it for us
 *   before Linux ran, and describes it in the DT (docs/dt-rxtx.md). We
 *   memremap it and never call FFA_RXTX_MAP (the manager would take our
 *   own pair instead) nor FFA_RXTX_UNMAP (the pair is the hypervisor's,
 *   and a reload finds it again in the DT).
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/printk.h>
#include <linux/sizes.h>

#include <ffa/features.h>
#include <ffa/func.h>
#include <libffa/client.h>
#include <libffa/errno.h>

#include "core_priv.h"
#include "core_rxtx.h"

/* RX/TX buffers are counted in FF-A's 4 KiB pages. */
#define FFA_DRV_PAGE	4096U

/* The pair came from the DT: memremap'ed, not ours to unmap. */
static bool rxtx_given;

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

/* The reg entry reg-names calls name. */
static int core_rxtx_dt_reg(struct device_node *np, const char *name,
			    struct resource *res)
{
	int i = of_property_match_string(np, "reg-names", name);

	return i < 0 ? i : of_address_to_resource(np, i, res);
}

static void core_rxtx_unremap(void)
{
	if (ffa_core.rx)
		memunmap(ffa_core.rx);
	if (ffa_core.tx)
		memunmap(ffa_core.tx);
	ffa_core.rx = NULL;
	ffa_core.tx = NULL;
}

/*
 * Two buffers of one size, each aligned to and a multiple of what both
 * the manager and the kernel need (the manager checked the rest when the
 * hypervisor registered them).
 */
static bool core_rxtx_dt_ok(const struct resource *tx,
			    const struct resource *rx)
{
	u32 align = max_t(u32, core_rxtx_min(), PAGE_SIZE);
	resource_size_t size = resource_size(tx);

	return size && size == resource_size(rx) && size <= U32_MAX &&
	       IS_ALIGNED(size, align) && IS_ALIGNED(tx->start, align) &&
	       IS_ALIGNED(rx->start, align);
}

/* The hypervisor's pair, as np describes it: used as it is. */
static int core_rxtx_given(struct device_node *np)
{
	struct resource tx, rx;
	resource_size_t size;

	if (core_rxtx_dt_reg(np, "tx", &tx) ||
	    core_rxtx_dt_reg(np, "rx", &rx)) {
		pr_err("%pOF: no \"tx\" and \"rx\" in reg\n", np);
		return -EINVAL;
	}
	if (!core_rxtx_dt_ok(&tx, &rx)) {
		pr_err("%pOF: TX %pR and RX %pR are no pair we can use\n", np,
		       &tx, &rx);
		return -EINVAL;
	}
	size = resource_size(&tx);
	ffa_core.tx = memremap(tx.start, size, MEMREMAP_WB);
	ffa_core.rx = memremap(rx.start, size, MEMREMAP_WB);
	if (!ffa_core.tx || !ffa_core.rx) {
		core_rxtx_unremap();
		return -ENOMEM;
	}
	ffa_core.buf_size = size;
	rxtx_given = true;
	pr_info("RX/TX pair from the DT (%pOF): TX %pa, RX %pa, %u pages each, no RXTX_MAP\n",
		np, &tx.start, &rx.start, ffa_core.buf_size / FFA_DRV_PAGE);
	return 0;
}

int ffa_core_rxtx_init(void)
{
	struct device_node *np;
	int rc;

	np = of_find_compatible_node(NULL, NULL, FFA_RXTX_DT_COMPATIBLE);
	if (!np || !of_device_is_available(np)) {
		of_node_put(np);
		return core_rxtx_map();
	}
	rc = core_rxtx_given(np);
	of_node_put(np);
	return rc;
}

void ffa_core_rxtx_exit(void)
{
	int rc;

	if (rxtx_given) {
		core_rxtx_unremap();
		rxtx_given = false;
		return;
	}
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
