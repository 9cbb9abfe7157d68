// SPDX-License-Identifier: BSD-3-Clause
/*
 * Your own partition, in the smallest useful form: an adder service.
 * It answers each direct request with args[1] + args[2] in args[1].
 * Written only against lib/, it would run unchanged under the firmware.
 */
#include <libffa/client.h>

#include "hello.h"

static void answer(const struct ffa_env *env, uint16_t self,
		   struct ffa_event *ev)
{
	struct ffa_direct_msg resp = {
		.sender = self, .receiver = ev->direct.sender,
		.args = { 0, ev->direct.args[1] + ev->direct.args[2] },
	};

	/* Answering also waits for the next request, which lands in ev. */
	ffa_direct_resp(&env->conduit, &resp, ev->is_64, ev);
}

int hello_partition_main(const struct ffa_env *env)
{
	struct ffa_event ev;
	uint32_t version;

	if (ffa_version(&env->conduit, FFA_VERSION_1_2, &version))
		return -1;
	/* Initialised: wait for the first request. */
	ffa_msg_wait(&env->conduit, 0, &ev);
	for (;;) {
		if (ev.type == FFA_EV_DIRECT_REQ)
			answer(env, env->id, &ev);
		else if (ffa_msg_wait(&env->conduit, 0, &ev) &&
			 ev.type == FFA_EV_ERROR)
			return -1;
	}
}
