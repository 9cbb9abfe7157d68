// SPDX-License-Identifier: GPL-2.0
/*
 * Memory transactions of user buffers on /dev/ffa/self: a placeholder
 * (no transaction is made: every memory ioctl is ENOTTY) until the real
 * one replaces this file.
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "dev.h"

struct ffa_dev_mem_owner {
	int unused;
};

struct ffa_dev_mem_owner *ffa_dev_mem_open(void)
{
	return kzalloc(sizeof(struct ffa_dev_mem_owner), GFP_KERNEL);
}

long ffa_dev_mem_ioctl(struct ffa_dev_mem_owner *o, unsigned int cmd,
		       void __user *arg)
{
	return -ENOTTY;
}

void ffa_dev_mem_close(struct ffa_dev_mem_owner *o)
{
	kfree(o);
}

int ffa_dev_mem_init(void)
{
	return 0;
}

void ffa_dev_mem_exit(void)
{
}

static struct attribute *ffa_dev_mem_attrs[] = {
	NULL
};

const struct attribute_group ffa_dev_mem_group = {
	.attrs = ffa_dev_mem_attrs,
};
