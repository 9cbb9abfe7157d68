// SPDX-License-Identifier: BSD-3-Clause
#include <stdio.h>

#include <libffa/status.h>
#include "tour.h"

const char *tour_status(int status)
{
	return ffa_status_name(status);
}

static int tour_discover(struct tour *t)
{
	struct ffa_partinfo_count cnt;
	struct ffa_partinfo_iter it;
	int ret = ffa_partition_info_get(t->c, NULL, 0, &cnt);

	if (ret)
		return ret;
	ret = ffa_partinfo_iter_init(&it, t->rx, FFA_PAGE_SIZE, cnt.count,
				     cnt.desc_size, t->version);
	while (ret == 0 && t->nr_parts < TOUR_MAX_PARTS &&
	       ffa_partinfo_next(&it, &t->parts[t->nr_parts]))
		t->nr_parts++;
	ffa_rx_release(t->c, 0);
	return ret;
}

int tour_start(struct tour *t, const struct ffa_env *env)
{
	uint32_t version;
	int ret;

	t->env = env;
	t->c = &env->conduit;
	t->nr_parts = 0;
	ret = ffa_version(t->c, FFA_VERSION_1_2, &version);
	if (ret == 0)
		ret = ffa_id_get(t->c, &t->id);
	if (ret == 0) {
		t->version = version < FFA_VERSION_1_2 ? version :
			     FFA_VERSION_1_2;
		t->tx = env->ptr(env, env->mem_base);
		t->rx = env->ptr(env, env->mem_base + FFA_PAGE_SIZE);
		ret = ffa_rxtx_map(t->c, env->mem_base,
				   env->mem_base + FFA_PAGE_SIZE, 1, true);
	}
	if (ret == 0)
		ret = tour_discover(t);
	if (ret)
		printf("setup failed: %s\n", tour_status(ret));
	return ret;
}
