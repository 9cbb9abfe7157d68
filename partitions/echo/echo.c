// SPDX-License-Identifier: BSD-3-Clause
/*
 * The echo service: answers every direct request (32, 64 or REQ2) with
 * the payload it carried. A second UUID on the bus, and the simplest
 * partition to copy when writing your own.
 */
#include <partitions/partitions.h>
#include "../common/common.h"

int ffa_echo_partition_main(const struct ffa_env *env)
{
	struct pt_self self;
	struct ffa_event ev;
	int ret = pt_init(&self, env);

	if (ret)
		return ret;
	if (!pt_wait(&self, &ev))
		return FFA_RET_DENIED;
	/*
	 * The answer is the request's own registers, sender and receiver
	 * swapped (ffa_direct_answer): nothing to copy. It refuses only a
	 * _32 word with upper bits set, which a decoded request never has
	 * (ffa_call zero-extends 32-bit results); then wait.
	 */
	for (;;) {
		if ((ev.type != FFA_EV_DIRECT_REQ &&
		     ev.type != FFA_EV_DIRECT_REQ2) ||
		    ffa_direct_answer(self.c, &ev) ==
		    FFA_RET_INVALID_PARAMETERS) {
			if (!pt_wait(&self, &ev))
				return FFA_RET_DENIED;
		}
	}
}
