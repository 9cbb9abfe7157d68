// SPDX-License-Identifier: BSD-3-Clause
#include <libffa/client.h>
#include <partitions/test_client.h>

int tp_call(const struct ffa_conduit *c, uint16_t self, uint16_t dst,
	    const uint64_t args[5], uint64_t out[5])
{
	struct ffa_direct_msg m = { .sender = self, .receiver = dst };
	struct ffa_event ev;
	unsigned int i;
	int ret;

	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		m.args[i] = args[i];
	ret = ffa_direct_req(c, &m, true, &ev);
	if (ret)
		return ret;
	if (ev.type != FFA_EV_DIRECT_RESP || ev.direct.sender != dst ||
	    ev.direct.receiver != self)
		return FFA_EPROTO;
	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		out[i] = ev.direct.args[i];
	return 0;
}
