// SPDX-License-Identifier: GPL-2.0
/*
 * struct ffa_ops over the core: <linux/arm_ffa.h>'s types on one side,
 * core.h's on the other. Nothing here talks FF-A itself.
 * The notifier ops are in ops_notif.c.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uuid.h>

#include "core.h"
#include "drv.h"

static u32 ffa_ops_version(void)
{
	return ffa_core_version();
}

/* Fill buffer with the partitions of uuid_str; 0, or -ENOENT for none. */
static int ffa_ops_partition_info_get(const char *uuid_str,
				      struct ffa_partition_info *buffer)
{
	struct ffa_core_part *parts;
	uuid_t uuid;
	int i, n;

	if (!uuid_str || uuid_parse(uuid_str, &uuid))
		return -ENODEV;
	n = ffa_core_partitions(&uuid, &parts);
	if (n <= 0)
		return n < 0 ? n : -ENOENT;
	for (i = 0; i < n; i++) {
		buffer[i] = (struct ffa_partition_info){
			.id = parts[i].id,
			.exec_ctxt = parts[i].exec_ctx_count,
			.properties = parts[i].properties,
		};
		export_uuid((u8 *)buffer[i].uuid, &parts[i].uuid);
	}
	kfree(parts);
	return 0;
}

static void ffa_ops_mode_32bit_set(struct ffa_device *dev)
{
	dev->mode_32bit = true;
}

static int ffa_ops_sync_send_receive(struct ffa_device *dev,
				     struct ffa_send_direct_data *data)
{
	u64 w[FFA_CORE_DIRECT_WORDS] = {
		data->data0, data->data1, data->data2, data->data3, data->data4,
	};
	int rc = ffa_core_direct_req(dev->vm_id, dev->mode_32bit, w);

	if (rc)
		return rc;
	data->data0 = w[0];
	data->data1 = w[1];
	data->data2 = w[2];
	data->data3 = w[3];
	data->data4 = w[4];
	return 0;
}

static int ffa_ops_sync_send_receive2(struct ffa_device *dev,
				      const uuid_t *uuid,
				      struct ffa_send_direct_data2 *data)
{
	u64 w[FFA_CORE_DIRECT2_WORDS];
	int rc;

	static_assert(sizeof(w) == sizeof(data->data));
	memcpy(w, data->data, sizeof(w));
	rc = ffa_core_direct_req2(dev->vm_id, uuid, w);
	if (!rc)
		memcpy(data->data, w, sizeof(w));
	return rc;
}

static int ffa_ops_indirect_send(struct ffa_device *dev, void *buf, size_t sz)
{
	return ffa_core_indirect_send(dev->vm_id, buf, sz);
}

static int ffa_ops_run(struct ffa_device *dev, u16 vcpu)
{
	return ffa_core_run(dev->vm_id, vcpu);
}

static int ffa_ops_mem_reclaim(u64 g_handle, u32 flags)
{
	return ffa_core_mem_reclaim(g_handle, flags);
}

/*
 * Share or lend args->sg. use_txbuf asks upstream for its TX buffer
 * rather than a buffer of the caller's; ours always streams through TX,
 * whatever the size, so both requests are served the same way.
 */
static int ffa_ops_mem_send(enum ffa_core_mem_op op,
			    struct ffa_mem_ops_args *args)
{
	struct ffa_core_mem_access access[FFA_CORE_MEM_MAX_ACCESS];
	struct ffa_core_mem_req req = {
		.op = op,
		.flags = args->flags,
		.tag = args->tag,
		.access = access,
		.nr_access = args->nattrs,
		.sg = args->sg,
	};
	u32 i;

	if (!args->nattrs || args->nattrs > ARRAY_SIZE(access))
		return -EINVAL;
	for (i = 0; i < args->nattrs; i++) {
		access[i] = (struct ffa_core_mem_access){
			.receiver = args->attrs[i].receiver,
			.perms = args->attrs[i].attrs,
			.flags = args->attrs[i].flag,
		};
		/* Sent only with v1.2's larger descriptors. */
		if (ffa_core_version() >= FFA_VERSION_1_2)
			memcpy(access[i].impdef, args->attrs[i].impdef_val,
			       sizeof(access[i].impdef));
	}
	return ffa_core_mem_send(&req, &args->g_handle);
}

static int ffa_ops_mem_share(struct ffa_mem_ops_args *args)
{
	return ffa_ops_mem_send(FFA_CORE_MEM_SHARE, args);
}

static int ffa_ops_mem_lend(struct ffa_mem_ops_args *args)
{
	return ffa_ops_mem_send(FFA_CORE_MEM_LEND, args);
}

static const struct ffa_info_ops ffa_drv_info_ops = {
	.api_version_get = ffa_ops_version,
	.partition_info_get = ffa_ops_partition_info_get,
};

static const struct ffa_msg_ops ffa_drv_msg_ops = {
	.mode_32bit_set = ffa_ops_mode_32bit_set,
	.sync_send_receive = ffa_ops_sync_send_receive,
	.indirect_send = ffa_ops_indirect_send,
	.sync_send_receive2 = ffa_ops_sync_send_receive2,
};

static const struct ffa_mem_ops ffa_drv_mem_ops = {
	.memory_reclaim = ffa_ops_mem_reclaim,
	.memory_share = ffa_ops_mem_share,
	.memory_lend = ffa_ops_mem_lend,
};

static const struct ffa_cpu_ops ffa_drv_cpu_ops = {
	.run = ffa_ops_run,
};

const struct ffa_ops ffa_drv_ops = {
	.info_ops = &ffa_drv_info_ops,
	.msg_ops = &ffa_drv_msg_ops,
	.mem_ops = &ffa_drv_mem_ops,
	.cpu_ops = &ffa_drv_cpu_ops,
	.notifier_ops = &ffa_drv_notifier_ops,
};
