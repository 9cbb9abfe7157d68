// SPDX-License-Identifier: GPL-2.0
/*
 * Messages: direct requests (REQ_32/64, REQ2), indirect messages
 * (MSG_SEND2 through TX) and FFA_RUN.
 *
 * A partition running on our behalf can be preempted by one of our
 * interrupts (FFA_INTERRUPT) or give the CPU back (FFA_YIELD). Either way
 * the call has not completed: the interrupt has been taken by the time
 * the SMC returns (PSTATE.I is clear here), so we resume the partition
 * with FFA_RUN at once, letting the scheduler in between instead of
 * sleeping for a fixed time; only when the caller may sleep, as
 * upstream's direct request never sleeps and its users call it with
 * preemption off (the debug kernel's atomic-sleep check caught that).
 * The caller stays on its CPU from the request to the answer
 * (migrate_disable): the execution context that was interrupted is this
 * CPU's, and is resumed from here.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/errno.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>

#include <ffa/version.h>
#include <libffa/client.h>
#include <libffa/errno.h>

#include "core_priv.h"

/*
 * Resume ev's partition until the call completes; the final status. A
 * YIELD completes an FFA_RUN (the partition gave back the cycles it was
 * given) but not a direct request (the answer is still owed).
 */
static int msg_complete(int rc, struct ffa_event *ev, bool past_yield)
{
	while (!rc && (ev->type == FFA_EV_INTERRUPT ||
		       (past_yield && ev->type == FFA_EV_YIELD))) {
		if (preemptible())
			cond_resched();
		rc = ffa_run(&ffa_core.conduit, ev->target >> 16,
			     ev->target & 0xffff, ev);
	}
	return ffa_status_to_errno(rc);
}

int ffa_core_direct_req(u16 dst, bool mode_32bit,
			u64 data[FFA_CORE_DIRECT_WORDS])
{
	struct ffa_direct_msg m = {
		.sender = ffa_core.own_id,
		.receiver = dst,
	};
	struct ffa_event ev;
	int rc;

	memcpy(m.args, data, sizeof(m.args));
	migrate_disable();
	rc = ffa_direct_req(&ffa_core.conduit, &m, !mode_32bit, &ev);
	rc = msg_complete(rc, &ev, true);
	migrate_enable();
	if (rc)
		return rc;
	if (ev.type != FFA_EV_DIRECT_RESP || ev.direct.sender != dst) {
		pr_warn_ratelimited("direct request to 0x%x answered by 0x%llx 0x%llx 0x%llx\n",
				    dst, ev.regs.x[0], ev.regs.x[1], ev.regs.x[2]);
		return -EPROTO;
	}
	memcpy(data, ev.direct.args, sizeof(ev.direct.args));
	return 0;
}

int ffa_core_direct_req2(u16 dst, const uuid_t *uuid,
			 u64 data[FFA_CORE_DIRECT2_WORDS])
{
	struct ffa_direct_msg2 m = {
		.sender = ffa_core.own_id,
		.receiver = dst,
	};
	struct ffa_event ev;
	int rc;

	if (ffa_core.version < FFA_VERSION_1_2)
		return -EOPNOTSUPP;
	if (uuid)
		memcpy(m.uuid.b, uuid->b, sizeof(m.uuid.b));
	memcpy(m.args, data, sizeof(m.args));
	migrate_disable();
	rc = ffa_direct_req2(&ffa_core.conduit, &m, &ev);
	rc = msg_complete(rc, &ev, true);
	migrate_enable();
	if (rc)
		return rc;
	if (ev.type != FFA_EV_DIRECT_RESP2 || ev.direct2.sender != dst) {
		pr_warn_ratelimited("REQ2 to 0x%x answered by 0x%llx 0x%llx 0x%llx\n",
				    dst, ev.regs.x[0], ev.regs.x[1], ev.regs.x[2]);
		return -EPROTO;
	}
	memcpy(data, ev.direct2.args, sizeof(ev.direct2.args));
	return 0;
}

int ffa_core_indirect_send(u16 dst, const void *buf, size_t size)
{
	struct ffa_send2 m = {
		.sender = ffa_core.own_id,
		.receiver = dst,
		.payload = buf,
		.size = size,
	};
	int rc;

	if (ffa_core.version < FFA_VERSION_1_1)
		return -EOPNOTSUPP;
	if (size > U32_MAX)
		return -EINVAL;
	mutex_lock(&ffa_core.buf_lock);
	rc = ffa_msg_send2_compose(ffa_core.tx, ffa_core.buf_size,
				   ffa_core.version, &m);
	if (!rc)
		rc = ffa_msg_send2(&ffa_core.conduit, 0, 0);
	mutex_unlock(&ffa_core.buf_lock);
	return ffa_status_to_errno(rc);
}

int ffa_core_run(u16 dst, u16 vcpu)
{
	struct ffa_event ev;
	int rc;

	migrate_disable();
	rc = ffa_run(&ffa_core.conduit, dst, vcpu, &ev);
	rc = msg_complete(rc, &ev, false);
	migrate_enable();
	return rc;
}
