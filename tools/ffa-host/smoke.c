// SPDX-License-Identifier: BSD-3-Clause
/*
 * A quick check of any system: discover it, then send every partition
 * that takes direct requests one message and expect an answer.
 */
#include <stdio.h>

#include "entries.h"
#include "tour.h"

static int poke(struct tour *t, const struct ffa_partition *p)
{
	struct ffa_direct_msg m = {
		.sender = t->id, .receiver = p->id, .args = { 1, 2, 3, 4, 5 },
	};
	struct ffa_event ev;
	int ret = ffa_direct_req(t->c, &m, true, &ev);

	printf("  0x%04x: %s\n", p->id, ret ? tour_status(ret) : "answered");
	return ret;
}

int smoke_host_main(const struct ffa_env *env)
{
	struct tour t;
	uint32_t i;
	int ret = tour_start(&t, env), failed = 0;

	if (ret)
		return 1;
	printf("%u partitions\n", t.nr_parts);
	for (i = 0; i < t.nr_parts; i++)
		if (t.parts[i].properties & FFA_PART_PROP_DIRECT_REQ_RECV)
			failed |= poke(&t, &t.parts[i]) != 0;
	return failed;
}
