// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_dev_claim.ko: a driver that does nothing but bind to the echo
 * partition (e3c0b9f4-1d2a-4f51-8a6e-0c9d7b5a4e02). While it is bound,
 * the bus holds the partition and /dev/ffa must answer open() with
 * EPERM; tests/dev/dev_claim.c unbinds and binds it through sysfs
 * (/sys/bus/arm_ffa/drivers/ffa_dev_claim/{bind,unbind}) to check the
 * other half of the rule: a bind while /dev/ffa holds it fails (EBUSY).
 */
#include <linux/arm_ffa.h>
#include <linux/module.h>

static int ffa_dev_claim_probe(struct ffa_device *fdev)
{
	dev_info(&fdev->dev, "ffa-dev-claim: bound to 0x%04x\n", fdev->vm_id);
	return 0;
}

static void ffa_dev_claim_remove(struct ffa_device *fdev)
{
	dev_info(&fdev->dev, "ffa-dev-claim: unbound from 0x%04x\n",
		 fdev->vm_id);
}

static const struct ffa_device_id ffa_dev_claim_ids[] = {
	/* The echo partition (TP_UUID_ECHO). */
	{ UUID_INIT(0xe3c0b9f4, 0x1d2a, 0x4f51,
		    0x8a, 0x6e, 0x0c, 0x9d, 0x7b, 0x5a, 0x4e, 0x02) },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, ffa_dev_claim_ids);

static struct ffa_driver ffa_dev_claim_driver = {
	.name = "ffa_dev_claim",
	.probe = ffa_dev_claim_probe,
	.remove = ffa_dev_claim_remove,
	.id_table = ffa_dev_claim_ids,
};
module_ffa_driver(ffa_dev_claim_driver);

MODULE_DESCRIPTION("tests/dev: an in-kernel driver holding the echo partition");
MODULE_LICENSE("GPL");
