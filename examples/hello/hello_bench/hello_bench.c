// SPDX-License-Identifier: GPL-2.0
/*
 * The Linux side of the hello example on the QEMU bench: a driver on the
 * upstream arm_ffa bus for the adder partition (hello_partition.c, UUID
 * 5e110000-feed-4a11-8c0d-00000000aaaa). Its probe asks the partition
 * for a + b and logs the answer, or why there is none:
 *
 *	hello-bench: partition 0x8005 says 2 + 3 = 5
 *
 * Built against the bench kernel with scripts/bench/build-module; the
 * adder answers direct requests with args[1] + args[2] in args[1], which
 * the driver calls data1 + data2 in data1.
 */
#include <linux/arm_ffa.h>
#include <linux/module.h>
#include <linux/uuid.h>

static unsigned long a = 2, b = 3;
module_param(a, ulong, 0444);
MODULE_PARM_DESC(a, "first addend");
module_param(b, ulong, 0444);
MODULE_PARM_DESC(b, "second addend");

static int hello_bench_probe(struct ffa_device *dev)
{
	struct ffa_send_direct_data d = { .data1 = a, .data2 = b };
	int ret = dev->ops->msg_ops->sync_send_receive(dev, &d);

	if (ret) {
		dev_err(&dev->dev, "hello-bench: partition 0x%x: error %d\n",
			dev->vm_id, ret);
		return ret;
	}
	pr_info("hello-bench: partition 0x%x says %lu + %lu = %lu\n",
		dev->vm_id, a, b, d.data1);
	return 0;
}

static void hello_bench_remove(struct ffa_device *dev)
{
}

static const struct ffa_device_id hello_bench_ids[] = {
	{ UUID_INIT(0x5e110000, 0xfeed, 0x4a11,
		    0x8c, 0x0d, 0x00, 0x00, 0x00, 0x00, 0xaa, 0xaa) },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, hello_bench_ids);

static struct ffa_driver hello_bench_driver = {
	.name = "hello-bench",
	.probe = hello_bench_probe,
	.remove = hello_bench_remove,
	.id_table = hello_bench_ids,
};
module_ffa_driver(hello_bench_driver);

MODULE_DESCRIPTION("The hello example's adder partition, from Linux");
MODULE_LICENSE("GPL");
