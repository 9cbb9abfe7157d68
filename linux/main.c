// SPDX-License-Identifier: GPL-2.0
/*
 * ffa.ko: our FF-A driver, a drop-in for 6.12's ffa-core and ffa-module
 * (load it instead of them, never beside them: both would map an RX/TX
 * pair). Loading brings up the bus, then the core, then one device per
 * partition, then /dev/ffa; unloading undoes it in reverse.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/uuid.h>

#include "core.h"
#include "dev.h"
#include "drv.h"

/*
 * max_version=MAJOR.MINOR caps the version negotiation, so that the
 * v1.0 and v1.1 paths (descriptor layouts, no REQ2) can be tested
 * against a v1.2 manager, or the driver made to speak what upstream 6.12
 * speaks (1.1). Parsed here into FF-A's encoding (major << 16 | minor);
 * the core refuses, at load, a version it does not speak.
 */
static int max_version_set(const char *val, const struct kernel_param *kp)
{
	unsigned int major, minor;
	char end;
	int n = sscanf(val, "%u.%u%c", &major, &minor, &end);

	if (n < 2 || (n == 3 && end != '\n') || major > U16_MAX ||
	    minor > U16_MAX)
		return -EINVAL;
	ffa_core_max_version = major << 16 | minor;
	return 0;
}

static int max_version_get(char *buf, const struct kernel_param *kp)
{
	u32 v = ffa_core_max_version;

	if (!v)
		return sysfs_emit(buf, "highest\n");
	return sysfs_emit(buf, "%u.%u\n", v >> 16, v & U16_MAX);
}

static const struct kernel_param_ops max_version_ops = {
	.set = max_version_set,
	.get = max_version_get,
};

module_param_cb(max_version, &max_version_ops, NULL, 0444);
MODULE_PARM_DESC(max_version,
		 "highest FF-A version to negotiate, MAJOR.MINOR (1.0, 1.1 or 1.2; default: the highest, 1.2)");

/* One device per partition, twins (one UUID, two IDs) included. */
static void ffa_drv_add_devices(void)
{
	struct ffa_core_part *parts;
	struct ffa_partition_info info;
	int i, n;

	n = ffa_core_partitions(NULL, &parts);
	if (n < 0) {
		pr_err("no partition list: %d\n", n);
		return;
	}
	for (i = 0; i < n; i++) {
		info = (struct ffa_partition_info){
			.id = parts[i].id,
			.exec_ctxt = parts[i].exec_ctx_count,
			.properties = parts[i].properties,
		};
		export_uuid((u8 *)info.uuid, &parts[i].uuid);
		if (!ffa_device_register(&info, &ffa_drv_ops))
			pr_err("no device for partition 0x%04x\n", info.id);
	}
	kfree(parts);
}

static int __init ffa_drv_init(void)
{
	int rc = ffa_drv_bus_init();

	if (rc)
		return rc;
	rc = ffa_core_init();
	if (rc)
		goto bus;
	rc = ffa_core_notif_init(&ffa_drv_notif_hooks);
	if (rc)
		goto core;
	ffa_drv_add_devices();
	/* The driver serves the kernel without /dev/ffa too. */
	rc = ffa_dev_init();
	if (rc)
		pr_err("no /dev/ffa: %d\n", rc);
	return 0;
core:
	ffa_core_exit();
bus:
	ffa_drv_bus_exit();
	return rc;
}
module_init(ffa_drv_init);

static void __exit ffa_drv_exit(void)
{
	ffa_dev_exit();
	ffa_drv_bus_exit();
	ffa_core_notif_exit();
	ffa_core_exit();
}
module_exit(ffa_drv_exit);

MODULE_DESCRIPTION("Arm FF-A driver built on the ffa project's lib/");
MODULE_LICENSE("GPL");
