// SPDX-License-Identifier: GPL-2.0
/*
 * Direct requests (ECHO, WHOAMI) and an indirect message (FFA_MSG_SEND2,
 * Linux to partition: 6.12 has no API to receive one).
 */
#include "e2e.h"


#define E2E_MSG_PAYLOAD		0x1d1ec7ab1e5e4d21ULL

void e2e_echo(struct e2e *t)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_ECHO,
		.data1 = 0x0123456789abcdefUL,
		.data2 = 0xfedcba9876543210UL,
		.data3 = ~0UL,
		.data4 = 0x8000000000000001UL,
	};
	struct ffa_send_direct_data want = d;
	int ret;

	pr_info("# direct requests are %s-bit (partition properties 0x%x)\n",
		t->dev->mode_32bit ? "32" : "64", t->dev->properties);
	ret = e2e_call(t, &d);
	if (!e2e_ok(t, !ret && d.data0 == 0 && d.data1 == want.data1 &&
		    d.data2 == want.data2 && d.data3 == want.data3 &&
		    d.data4 == want.data4,
		    "ECHO round-trips four 64-bit words"))
		pr_info("# ret %d, got %#lx %#lx %#lx %#lx %#lx\n", ret,
			d.data0, d.data1, d.data2, d.data3, d.data4);
}

void e2e_whoami(struct e2e *t)
{
	struct ffa_send_direct_data d = { .data0 = TP_CMD_WHOAMI };
	int ret = e2e_call(t, &d);
	bool sent = !ret && d.data0 == 0;
	unsigned long want;

	if (!sent)
		pr_info("# WHOAMI: ret %d, status %ld\n", ret, (long)d.data0);
	e2e_ok(t, sent && d.data1 == E2E_PART_ID &&
	       d.data1 == (unsigned long)t->dev->vm_id,
	       "WHOAMI: the partition is 0x%x (got %#lx, bus says 0x%x)",
	       E2E_PART_ID, d.data1, t->dev->vm_id);
	/* A v1.0 manager agrees on v1.0 with the partition as with us. */
	want = e2e_v1_0(t) ? FFA_VERSION_1_0 : E2E_PART_VERSION;
	e2e_ok(t, sent && d.data2 == want,
	       "WHOAMI: its FF-A version is 0x%lx (got %#lx; SPM ID %#lx)",
	       want, d.data2, d.data3);
}

/* ---- indirect messages --------------------------------------------------- */

/*
 * Linux -> partition with msg_ops->indirect_send (FFA_MSG_SEND2). The
 * other way has no API in 6.12: nothing reads the RX buffer for a driver
 * and the RX-full framework notification has no callback to register.
 */
void e2e_indirect(struct e2e *t)
{
	u64 payload = E2E_MSG_PAYLOAD;
	struct ffa_send_direct_data d = { .data0 = TP_CMD_READ_RX };
	int ret;

	ret = t->dev->ops->msg_ops->indirect_send(t->dev, &payload,
						  sizeof(payload));
	if (!e2e_ok(t, !ret, "indirect_send of 8 bytes to 0x%x (ret %d)",
		    t->dev->vm_id, ret)) {
		e2e_blocked(t, "the partition reads it", "send failed");
		return;
	}
	ret = e2e_call(t, &d);
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == e2e_host_id &&
	       d.data2 == payload && d.data3 == sizeof(payload),
	       "the partition reads it: sender %#lx, payload %#lx, %lu bytes (ret %d, status %ld)",
	       d.data1, d.data2, d.data3, ret, (long)d.data0);
	pr_info("# partition -> Linux indirect messages: not tested, 6.12 offers no receive API\n");
}
