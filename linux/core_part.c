// SPDX-License-Identifier: GPL-2.0
/*
 * Partition discovery: FFA_PARTITION_INFO_GET into RX, read through
 * lib/'s parser (v1.0's 8-byte descriptors and v1.1+'s larger ones alike,
 * stepping by the size the manager reports), then RX released.
 */
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <libffa/client.h>
#include <libffa/errno.h>
#include <libffa/partinfo.h>

#include "core_priv.h"

/* Copy the descriptors RX holds into a new array. Under buf_lock. */
static int part_copy(const struct ffa_partinfo_count *n,
		     struct ffa_core_part **parts)
{
	struct ffa_partinfo_iter it;
	struct ffa_partition p;
	struct ffa_core_part *out;
	unsigned int i = 0;
	int rc;

	rc = ffa_partinfo_iter_init(&it, ffa_core.rx, ffa_core.buf_size,
				    n->count, n->desc_size, ffa_core.version);
	if (rc)
		return ffa_status_to_errno(rc);
	if (!n->count)
		return 0;
	out = kcalloc(n->count, sizeof(*out), GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	while (ffa_partinfo_next(&it, &p)) {
		out[i].id = p.id;
		out[i].exec_ctx_count = p.exec_ctx_count;
		out[i].properties = p.properties;
		memcpy(out[i].uuid.b, p.uuid.b, sizeof(out[i].uuid.b));
		i++;
	}
	*parts = out;
	return i;
}

int ffa_core_partitions(const uuid_t *uuid, struct ffa_core_part **parts)
{
	const struct ffa_conduit *c = &ffa_core.conduit;
	struct ffa_partinfo_count n;
	struct ffa_uuid u = { 0 };
	int rc, rel;

	*parts = NULL;
	if (uuid)
		memcpy(u.b, uuid->b, sizeof(u.b));
	mutex_lock(&ffa_core.buf_lock);
	rc = ffa_partition_info_get(c, &u, 0, &n);
	if (rc) {
		/* An error leaves RX with us: nothing to release. */
		mutex_unlock(&ffa_core.buf_lock);
		/* No partition of that UUID is an empty answer, not a fault. */
		return rc == FFA_RET_INVALID_PARAMETERS ? 0 :
		       ffa_status_to_errno(rc);
	}
	rc = part_copy(&n, parts);
	rel = ffa_rx_release(c, 0);
	mutex_unlock(&ffa_core.buf_lock);
	if (rel && rc >= 0) {
		kfree(*parts);
		*parts = NULL;
		rc = ffa_status_to_errno(rel);
	}
	return rc;
}
