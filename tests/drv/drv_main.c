// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_drv.ko: our FF-A driver's own suite, for what 6.12's API lacks
 * (<linux/ffa_more.h>): REQ2 through v1.2, indirect messages received,
 * DONATE, several borrowers, large streamed shares, concurrent users on
 * every CPU, and a share left for ffa.ko's unload to reclaim. It binds
 * through the bus to the test partition, like a real driver would, and
 * prints TAP in the kernel log ("ffa-drv: ok N - ...", then "ffa-drv:
 * PASS" or "ffa-drv: FAIL"); tests/drv/run boots it.
 *
 * This file is the Linux world (<linux/arm_ffa.h>, for the bus only);
 * the tests are neutral (drv.h).
 */
#include "drv.h"

#include <linux/arm_ffa.h>
#include <linux/module.h>

/*
 * cpu_ops->run of the bound partition, which waits in MSG_WAIT: it is
 * given the cycles and waits again, which completes the FFA_RUN (0).
 */
static void drv_run(struct drv *t, struct ffa_device *dev)
{
	int rc = dev->ops->cpu_ops->run(dev, 0);

	drv_ok(t, !rc, "FFA_RUN of 0x%04x through cpu_ops->run (rc %d)",
	       dev->vm_id, rc);
}

static int ffa_drv_probe(struct ffa_device *dev)
{
	struct drv t = { };

	pr_info("# bound to partition 0x%04x\n", dev->vm_id);
	pr_info("1..%d\n", DRV_NTESTS);
	drv_version(&t);
	drv_run(&t, dev);
	drv_req2(&t);
	drv_indirect(&t);
	drv_donate(&t);
	drv_borrowers(&t);
	drv_large(&t);
	drv_cpus(&t);
	drv_leave_share(&t);
	if (t.n != DRV_NTESTS)
		pr_info("# ran %d tests, planned %d\n", t.n, DRV_NTESTS);
	if (t.failed || t.n != DRV_NTESTS)
		pr_info("FAIL (%d of %d failed)\n", t.failed, t.n);
	else
		pr_info("PASS\n");
	return 0;
}

static void ffa_drv_remove(struct ffa_device *dev)
{
}

static const struct ffa_device_id ffa_drv_ids[] = {
	/* TP_UUID_TEST */
	{ UUID_INIT(0xd1a7f2a0, 0x54b4, 0x4d3c,
		    0x9b, 0x7e, 0x5f, 0x3f, 0x0e, 0x1a, 0x2b, 0x01) },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, ffa_drv_ids);

static struct ffa_driver ffa_drv_driver = {
	.name = "ffa-drv",
	.probe = ffa_drv_probe,
	.remove = ffa_drv_remove,
	.id_table = ffa_drv_ids,
};
module_ffa_driver(ffa_drv_driver);

MODULE_DESCRIPTION("Our FF-A driver's own suite: what upstream's API lacks");
MODULE_LICENSE("GPL");
