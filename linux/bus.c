// SPDX-License-Identifier: GPL-2.0
/*
 * The arm_ffa bus: what 6.12's ffa-core exports, with its semantics, so
 * that drivers written for <linux/arm_ffa.h> bind to our devices
 * unchanged. Devices are "arm-ffa-N", one per partition (partitions that
 * share a UUID each get their own), matched to drivers by UUID, with the
 * same sysfs attributes and modalias as upstream.
 *
 * A v1.0 manager reports no UUIDs: such a device matches any driver, and
 * is given the UUID of the driver's table entry whose query returns its
 * partition just before probing; one that no entry finds is not probed.
 * Binding claims the partition (core.h) for the bus, so that another user
 * of the core (/dev/ffa) cannot drive it at the same time.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/device.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "core.h"
#include "drv.h"

#define FFA_MODALIAS_FMT	"arm_ffa:%04x:%pUb"

static DEFINE_IDA(ffa_dev_ida);
static struct ffa_core_user ffa_bus_user = { .name = "arm_ffa bus" };

static int ffa_bus_match(struct device *dev, const struct device_driver *drv)
{
	const struct ffa_device_id *id = to_ffa_driver(drv)->id_table;
	const struct ffa_device *fdev = to_ffa_dev(dev);

	for (; id && !uuid_is_null(&id->uuid); id++) {
		/* No UUID to compare (v1.0): probe decides. */
		if (uuid_is_null(&fdev->uuid))
			return 1;
		if (uuid_equal(&fdev->uuid, &id->uuid))
			return 1;
	}
	return 0;
}

/* True when a query for uuid returns partition id. */
static bool ffa_bus_uuid_has(const uuid_t *uuid, u16 id)
{
	struct ffa_core_part *parts;
	bool found = false;
	int i, n;

	n = ffa_core_partitions(uuid, &parts);
	for (i = 0; i < n; i++)
		found |= parts[i].id == id;
	kfree(parts);
	return found;
}

/* Give a v1.0 device the UUID under which the driver finds it. */
static int ffa_bus_resolve_uuid(struct ffa_device *fdev,
				const struct ffa_driver *fdrv)
{
	const struct ffa_device_id *id;

	for (id = fdrv->id_table; !uuid_is_null(&id->uuid); id++) {
		if (ffa_bus_uuid_has(&id->uuid, fdev->vm_id)) {
			uuid_copy(&fdev->uuid, &id->uuid);
			return 0;
		}
	}
	return -ENODEV;
}

static int ffa_bus_probe(struct device *dev)
{
	struct ffa_driver *fdrv = to_ffa_driver(dev->driver);
	struct ffa_device *fdev = to_ffa_dev(dev);
	int rc;

	if (uuid_is_null(&fdev->uuid) && ffa_bus_resolve_uuid(fdev, fdrv))
		return -ENODEV;
	rc = ffa_core_claim(fdev->vm_id, &ffa_bus_user);
	if (rc)
		return rc;
	rc = fdrv->probe(fdev);
	if (rc)
		ffa_core_unclaim(fdev->vm_id, &ffa_bus_user);
	return rc;
}

static void ffa_bus_remove(struct device *dev)
{
	struct ffa_driver *fdrv = to_ffa_driver(dev->driver);
	struct ffa_device *fdev = to_ffa_dev(dev);

	if (fdrv->remove)
		fdrv->remove(fdev);
	ffa_core_unclaim(fdev->vm_id, &ffa_bus_user);
}

static int ffa_bus_uevent(const struct device *dev,
			  struct kobj_uevent_env *env)
{
	const struct ffa_device *fdev = to_ffa_dev(dev);

	return add_uevent_var(env, "MODALIAS=" FFA_MODALIAS_FMT, fdev->vm_id,
			      &fdev->uuid);
}

static ssize_t modalias_show(struct device *dev,
			     struct device_attribute *attr, char *buf)
{
	struct ffa_device *fdev = to_ffa_dev(dev);

	return sysfs_emit(buf, FFA_MODALIAS_FMT, fdev->vm_id, &fdev->uuid);
}
static DEVICE_ATTR_RO(modalias);

static ssize_t partition_id_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_ffa_dev(dev)->vm_id);
}
static DEVICE_ATTR_RO(partition_id);

static ssize_t uuid_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%pUb\n", &to_ffa_dev(dev)->uuid);
}
static DEVICE_ATTR_RO(uuid);

static struct attribute *ffa_dev_attrs[] = {
	&dev_attr_partition_id.attr,
	&dev_attr_uuid.attr,
	&dev_attr_modalias.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ffa_dev);

const struct bus_type ffa_bus_type = {
	.name = "arm_ffa",
	.match = ffa_bus_match,
	.probe = ffa_bus_probe,
	.remove = ffa_bus_remove,
	.uevent = ffa_bus_uevent,
	.dev_groups = ffa_dev_groups,
};
EXPORT_SYMBOL_GPL(ffa_bus_type);

int ffa_driver_register(struct ffa_driver *driver, struct module *owner,
			const char *mod_name)
{
	if (!driver->probe || !driver->id_table)
		return -EINVAL;
	driver->driver.bus = &ffa_bus_type;
	driver->driver.name = driver->name;
	driver->driver.owner = owner;
	driver->driver.mod_name = mod_name;
	return driver_register(&driver->driver);
}
EXPORT_SYMBOL_GPL(ffa_driver_register);

void ffa_driver_unregister(struct ffa_driver *driver)
{
	driver_unregister(&driver->driver);
}
EXPORT_SYMBOL_GPL(ffa_driver_unregister);

static void ffa_dev_release(struct device *dev)
{
	struct ffa_device *fdev = to_ffa_dev(dev);

	ida_free(&ffa_dev_ida, fdev->id);
	kfree(fdev);
}

struct ffa_device *ffa_device_register(const struct ffa_partition_info *info,
				       const struct ffa_ops *ops)
{
	struct ffa_device *fdev;
	int id;

	if (!info)
		return NULL;
	id = ida_alloc_min(&ffa_dev_ida, 1, GFP_KERNEL);
	if (id < 0)
		return NULL;
	fdev = kzalloc(sizeof(*fdev), GFP_KERNEL);
	if (!fdev) {
		ida_free(&ffa_dev_ida, id);
		return NULL;
	}
	fdev->id = id;
	fdev->vm_id = info->id;
	fdev->properties = info->properties;
	fdev->ops = ops;
	/* info->uuid holds the UUID's 16 bytes in their text order. */
	import_uuid(&fdev->uuid, (const u8 *)info->uuid);
	fdev->dev.bus = &ffa_bus_type;
	fdev->dev.release = ffa_dev_release;
	fdev->dev.dma_mask = &fdev->dev.coherent_dma_mask;
	dev_set_name(&fdev->dev, "arm-ffa-%d", id);
	if (device_register(&fdev->dev)) {
		/* The release callback frees fdev and its id. */
		put_device(&fdev->dev);
		return NULL;
	}
	return fdev;
}
EXPORT_SYMBOL_GPL(ffa_device_register);

void ffa_device_unregister(struct ffa_device *fdev)
{
	if (fdev)
		device_unregister(&fdev->dev);
}
EXPORT_SYMBOL_GPL(ffa_device_unregister);

static int ffa_dev_unregister_one(struct device *dev, void *data)
{
	device_unregister(dev);
	return 0;
}

void ffa_devices_unregister(void)
{
	bus_for_each_dev(&ffa_bus_type, NULL, NULL, ffa_dev_unregister_one);
}
EXPORT_SYMBOL_GPL(ffa_devices_unregister);

int ffa_drv_bus_init(void)
{
	return bus_register(&ffa_bus_type);
}

void ffa_drv_bus_exit(void)
{
	ffa_devices_unregister();
	bus_unregister(&ffa_bus_type);
	ida_destroy(&ffa_dev_ida);
}
