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
	struct ffa_regs r;
	int ret = pt_init(&self, env);

	if (ret)
		return ret;
	/*
	 * It works on its registers in place, never decoding them into an
	 * event: MSG_WAIT, then, while a request arrives, the answer is the
	 * request's own registers with sender and receiver swapped
	 * (ffa_direct_answer_regs), and the next request lands in the same
	 * registers. The answer refuses only a _32 word with upper bits
	 * set, which a request never has (the conduit zero-extends 32-bit
	 * arguments). Anything else (FFA_RUN, an error answering): wait
	 * again. It stops when MSG_WAIT itself fails.
	 */
	for (;;) {
		ffa_regs_init(&r, FFA_MSG_WAIT);
		ffa_call(self.c, &r);
		if ((uint32_t)r.x[0] == FFA_ERROR)
			return FFA_RET_DENIED;
		while (ffa_regs_is_direct_req(&r) &&
		       ffa_direct_answer_regs(self.c, &r) == 0)
			;
	}
}
