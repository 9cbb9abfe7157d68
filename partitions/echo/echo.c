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
	 * swapped (ffa_direct_answer_regs), and the next request arrives
	 * in the same registers: nothing is copied or decoded while
	 * requests follow each other. It refuses only a _32 word with
	 * upper bits set, which a request never has (the conduit
	 * zero-extends 32-bit arguments). Anything else: wait.
	 */
	for (;;) {
		while (ffa_regs_is_direct_req(&ev.regs) &&
		       ffa_direct_answer_regs(self.c, &ev.regs) == 0)
			;
		if (!pt_wait(&self, &ev))
			return FFA_RET_DENIED;
	}
}
