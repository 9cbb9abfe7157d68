// SPDX-License-Identifier: GPL-2.0
/*
 * ffa.ko: our FF-A driver, a drop-in for 6.12's ffa-core and ffa-module
 * (load it instead of them, never beside them: both would map an RX/TX
 * pair). Loading brings up the bus, then the core, then one device per
 * partition; unloading undoes it in reverse.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uuid.h>

#include "core.h"
#include "drv.h"

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
	ffa_drv_bus_exit();
	ffa_core_notif_exit();
	ffa_core_exit();
}
module_exit(ffa_drv_exit);

MODULE_DESCRIPTION("Arm FF-A driver built on the ffa project's lib/");
MODULE_LICENSE("GPL");
