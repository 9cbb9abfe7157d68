// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/ffa's nodes: the class "ffa", one char device region, self (minor
 * 0) and one node per partition the manager lists (minor 1 on), made at
 * load and removed at unload. Opening a partition node claims the
 * partition for /dev/ffa, which is one user of the core for all its
 * files: the first open claims, the last close releases, and a partition
 * the bus has bound a driver to answers EPERM. The module cannot go while
 * a node is open (the fops' owner), so the nodes outlive every file.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uuid.h>

#include "core.h"
#include "dev.h"
#include "dev_priv.h"

static struct ffa_core_user ffa_dev_user = { .name = "/dev/ffa" };

/* Serialises the first open's claim against the last close's release. */
static DEFINE_MUTEX(claim_lock);

static struct ffa_dev_node *nodes;
static unsigned int nr_nodes;
static dev_t ffa_devt;
static struct cdev self_cdev, part_cdev;
static bool dev_up;

/* ---- open and close ---- */

static int self_open(struct inode *inode, struct file *f)
{
	struct ffa_dev_mem_owner *o = ffa_dev_mem_open();

	if (IS_ERR_OR_NULL(o))
		return o ? PTR_ERR(o) : -ENOMEM;
	f->private_data = o;
	return stream_open(inode, f);
}

static int self_release(struct inode *inode, struct file *f)
{
	ffa_dev_mem_close(f->private_data);
	return 0;
}

/* Take the claim for one more open file of node: EPERM when the bus has it. */
static int node_get(struct ffa_dev_node *node)
{
	int rc = 0;

	mutex_lock(&claim_lock);
	if (!node->opens)
		rc = ffa_core_claim(node->part.id, &ffa_dev_user);
	if (!rc)
		node->opens++;
	mutex_unlock(&claim_lock);
	return rc == -EBUSY ? -EPERM : rc;
}

static void node_put(struct ffa_dev_node *node)
{
	mutex_lock(&claim_lock);
	if (!--node->opens)
		ffa_core_unclaim(node->part.id, &ffa_dev_user);
	mutex_unlock(&claim_lock);
}

static int part_open(struct inode *inode, struct file *f)
{
	unsigned int minor = iminor(inode);
	struct ffa_dev_pfile *pf;
	int rc;

	if (minor < 1 || minor > nr_nodes)
		return -ENODEV;
	pf = kzalloc(sizeof(*pf), GFP_KERNEL);
	if (!pf)
		return -ENOMEM;
	pf->node = &nodes[minor - 1];
	pf->id = pf->node->part.id;
	mutex_init(&pf->notif_lock);
	rc = node_get(pf->node);
	if (rc) {
		kfree(pf);
		return rc;
	}
	f->private_data = pf;
	return stream_open(inode, f);
}

static int part_release(struct inode *inode, struct file *f)
{
	struct ffa_dev_pfile *pf = f->private_data;

	ffa_dev_part_notif_release(pf);
	node_put(pf->node);
	kfree(pf);
	return 0;
}

static const struct file_operations self_fops = {
	.owner = THIS_MODULE,
	.open = self_open,
	.release = self_release,
	.read = ffa_dev_self_read,
	.poll = ffa_dev_self_poll,
	.unlocked_ioctl = ffa_dev_self_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static const struct file_operations part_fops = {
	.owner = THIS_MODULE,
	.open = part_open,
	.release = part_release,
	.write = ffa_dev_part_write,
	.unlocked_ioctl = ffa_dev_part_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

int ffa_dev_file_partition(struct file *f, u16 *id)
{
	const struct ffa_dev_pfile *pf;

	if (f->f_op != &part_fops)
		return -EBADF;
	pf = f->private_data;
	*id = pf->id;
	return 0;
}

/* ---- sysfs ---- */

static struct ffa_dev_node *to_node(struct device *dev)
{
	return dev_get_drvdata(dev);
}

static ssize_t partition_id_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%04x\n", to_node(dev)->part.id);
}
static DEVICE_ATTR_RO(partition_id);

static ssize_t uuid_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%pUb\n", &to_node(dev)->part.uuid);
}
static DEVICE_ATTR_RO(uuid);

static ssize_t properties_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%08x\n", to_node(dev)->part.properties);
}
static DEVICE_ATTR_RO(properties);

static ssize_t exec_ctx_count_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", to_node(dev)->part.exec_ctx_count);
}
static DEVICE_ATTR_RO(exec_ctx_count);

static ssize_t claimed_by_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	struct ffa_core_user *u = ffa_core_claimant(to_node(dev)->part.id);

	if (!u)
		return sysfs_emit(buf, "none\n");
	return sysfs_emit(buf, "%s\n", u == &ffa_dev_user ? "dev" : "bus");
}
static DEVICE_ATTR_RO(claimed_by);

static struct attribute *part_attrs[] = {
	&dev_attr_partition_id.attr,
	&dev_attr_uuid.attr,
	&dev_attr_properties.attr,
	&dev_attr_exec_ctx_count.attr,
	&dev_attr_claimed_by.attr,
	NULL
};
ATTRIBUTE_GROUPS(part);

static const struct attribute_group *self_groups[] = {
	&ffa_dev_self_group,
	&ffa_dev_mem_group,
	NULL
};

/* ---- the class and the nodes ---- */

static char *ffa_dev_devnode(const struct device *dev, umode_t *mode)
{
	if (mode)
		*mode = 0600;
	return kasprintf(GFP_KERNEL, "ffa/%s", dev_name(dev));
}

static const struct class ffa_dev_class = {
	.name = "ffa",
	.devnode = ffa_dev_devnode,
};

/*
 * Whether the node of parts[i] needs the ID in its name: its UUID is
 * another partition's too, or Nil (a v1.0 manager gives no UUID).
 */
static bool name_needs_id(const struct ffa_core_part *parts, unsigned int n,
			  unsigned int i)
{
	unsigned int j;

	if (uuid_is_null(&parts[i].uuid))
		return true;
	for (j = 0; j < n; j++)
		if (j != i && uuid_equal(&parts[j].uuid, &parts[i].uuid))
			return true;
	return false;
}

static int node_add(unsigned int i, bool with_id)
{
	struct ffa_dev_node *node = &nodes[i];
	dev_t devt = ffa_devt + 1 + i;

	if (with_id)
		node->dev = device_create_with_groups(&ffa_dev_class, NULL, devt,
						      node, part_groups,
						      "%pUb.%04x",
						      &node->part.uuid,
						      node->part.id);
	else
		node->dev = device_create_with_groups(&ffa_dev_class, NULL, devt,
						      node, part_groups, "%pUb",
						      &node->part.uuid);
	return PTR_ERR_OR_ZERO(node->dev);
}

static void nodes_remove(unsigned int n)
{
	while (n--)
		device_destroy(&ffa_dev_class, ffa_devt + 1 + n);
	device_destroy(&ffa_dev_class, ffa_devt);
}

/* Self, then one node per partition; all or none. */
static int nodes_add(const struct ffa_core_part *parts)
{
	struct device *self;
	unsigned int i;
	int rc;

	self = device_create_with_groups(&ffa_dev_class, NULL, ffa_devt, NULL,
					 self_groups, "self");
	if (IS_ERR(self))
		return PTR_ERR(self);
	for (i = 0; i < nr_nodes; i++) {
		nodes[i].part = parts[i];
		rc = node_add(i, name_needs_id(parts, nr_nodes, i));
		if (rc) {
			pr_err("/dev/ffa: no node for partition 0x%04x: %d\n",
			       parts[i].id, rc);
			nodes_remove(i);
			return rc;
		}
	}
	return 0;
}

static int cdevs_add(void)
{
	int rc;

	cdev_init(&self_cdev, &self_fops);
	self_cdev.owner = THIS_MODULE;
	rc = cdev_add(&self_cdev, ffa_devt, 1);
	if (rc || !nr_nodes)
		return rc;
	cdev_init(&part_cdev, &part_fops);
	part_cdev.owner = THIS_MODULE;
	rc = cdev_add(&part_cdev, ffa_devt + 1, nr_nodes);
	if (rc)
		cdev_del(&self_cdev);
	return rc;
}

static void cdevs_del(void)
{
	if (nr_nodes)
		cdev_del(&part_cdev);
	cdev_del(&self_cdev);
}

/* The char devices and their nodes, for the partitions in parts. */
static int chrdevs_init(const struct ffa_core_part *parts)
{
	int rc = alloc_chrdev_region(&ffa_devt, 0, nr_nodes + 1, "ffa");

	if (rc)
		return rc;
	rc = class_register(&ffa_dev_class);
	if (rc)
		goto region;
	rc = cdevs_add();
	if (rc)
		goto class;
	rc = nodes_add(parts);
	if (rc)
		goto cdevs;
	return 0;
cdevs:
	cdevs_del();
class:
	class_unregister(&ffa_dev_class);
region:
	unregister_chrdev_region(ffa_devt, nr_nodes + 1);
	return rc;
}

int ffa_dev_init(void)
{
	struct ffa_core_part *parts;
	int n, rc;

	n = ffa_core_partitions(NULL, &parts);
	if (n < 0)
		return n;
	nodes = kcalloc(n, sizeof(*nodes), GFP_KERNEL);
	rc = -ENOMEM;
	if (n && !nodes)
		goto parts;
	nr_nodes = n;
	rc = ffa_dev_mem_init();
	if (rc)
		goto nodes;
	rc = ffa_dev_self_init();
	if (rc)
		goto mem;
	rc = chrdevs_init(parts);
	if (rc)
		goto self;
	kfree(parts);
	dev_up = true;
	return 0;
self:
	ffa_dev_self_exit();
mem:
	ffa_dev_mem_exit();
nodes:
	kfree(nodes);
	nodes = NULL;
	nr_nodes = 0;
parts:
	kfree(parts);
	return rc;
}

void ffa_dev_exit(void)
{
	if (!dev_up)
		return;
	dev_up = false;
	nodes_remove(nr_nodes);
	cdevs_del();
	class_unregister(&ffa_dev_class);
	unregister_chrdev_region(ffa_devt, nr_nodes + 1);
	ffa_dev_self_exit();
	ffa_dev_mem_exit();
	kfree(nodes);
	nodes = NULL;
	nr_nodes = 0;
}
