// SPDX-License-Identifier: BSD-3-Clause
/*
 * The echo service: answers every direct request (32, 64 or REQ2) with
 * the payload it carried. A second UUID on the bus, and the simplest
 * partition to copy when writing your own.
 */
#include <libffa/bytes.h>
#include <partitions/partitions.h>
#include "../common/common.h"

static void echo_req2(const struct pt_self *self, struct ffa_event *ev)
{
	struct ffa_direct_msg2 resp = ev->direct2;

	resp.sender = self->id;
	resp.receiver = ev->direct2.sender;
	ffa_bytes_zero(&resp.uuid, sizeof(resp.uuid));
	ffa_direct_resp2(self->c, &resp, ev);
}

static void echo_req(const struct pt_self *self, struct ffa_event *ev)
{
	struct ffa_direct_msg resp;
	unsigned int i;

	pt_resp_init(self, &ev->direct, &resp);
	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		resp.args[i] = ev->direct.args[i];
	pt_answer(self, ev, &resp);
}

int ffa_echo_partition_main(const struct ffa_env *env)
{
	struct pt_self self;
	struct ffa_event ev;
	int ret = pt_init(&self, env);

	if (ret)
		return ret;
	if (!pt_wait(&self, &ev))
		return FFA_RET_DENIED;
	for (;;) {
		if (ev.type == FFA_EV_DIRECT_REQ)
			echo_req(&self, &ev);
		else if (ev.type == FFA_EV_DIRECT_REQ2)
			echo_req2(&self, &ev);
		else if (!pt_wait(&self, &ev))
			return FFA_RET_DENIED;
	}
}
