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
 * (preemption off around the call, migration off while it is resumed):
 * the execution context that was interrupted is this CPU's, and is
 * resumed from here.
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
 * A call the partition has not completed: it was preempted by one of
 * our interrupts (taken as soon as the SMC returned), or it yielded. A
 * YIELD completes an FFA_RUN (the partition gave back the cycles it was
 * given) but not a direct request (the answer is still owed).
 */
static bool call_unfinished(const struct ffa_regs *r, bool yield_too)
{
	u32 fid = (u32)r->x[0];

	return fid == FFA_INTERRUPT || (yield_too && fid == FFA_YIELD);
}

/*
 * FFA_RUN the vCPU named in w1 until the call completes, letting the
 * scheduler in between when the caller may sleep; migration stays off,
 * since the vCPU to resume is this CPU's. Entered with preemption off
 * (call_complete()), which it turns back on.
 */
static noinline void call_resume(struct ffa_regs *r, bool yield_too)
{
	u32 target;

	migrate_disable();
	preempt_enable();
	do {
		target = (u32)r->x[1];
		if (preemptible())
			cond_resched();
		ffa_regs_init(r, FFA_RUN);
		r->x[1] = target;
		ffa_call(&ffa_core.conduit, r);
	} while (call_unfinished(r, yield_too));
	migrate_enable();
}

/*
 * The call in r, made on the registers themselves, to its completion:
 * no message or event structure is built or decoded on this path, which
 * every sync_send_receive takes. Preemption is off around the call only,
 * so that an interrupted call is resumed on the CPU it ran on.
 */
static void call_complete(struct ffa_regs *r, bool yield_too)
{
	preempt_disable();
	ffa_call(&ffa_core.conduit, r);
	if (unlikely(call_unfinished(r, yield_too))) {
		call_resume(r, yield_too);	/* enables preemption */
		return;
	}
	preempt_enable();
}

/* The answer in r must be resp, from dst to us; else the errno. */
static int direct_answer(const struct ffa_regs *r, u32 resp, u16 dst)
{
	u32 fid = (u32)r->x[0];
	u32 w1 = (u32)r->x[1];

	if (fid == FFA_ERROR)
		return ffa_status_to_errno(ffa_regs_status(r));
	if (fid == resp && FFA_SR_SENDER(w1) == dst &&
	    FFA_SR_RECEIVER(w1) == ffa_core.own_id)
		return 0;
	pr_warn_ratelimited("direct request to 0x%x answered by 0x%llx 0x%llx 0x%llx\n",
			    dst, r->x[0], r->x[1], r->x[2]);
	return -EPROTO;
}

int ffa_core_direct_req(u16 dst, bool mode_32bit,
			u64 data[FFA_CORE_DIRECT_WORDS])
{
	u32 req = mode_32bit ? FFA_MSG_SEND_DIRECT_REQ_32 :
			       FFA_MSG_SEND_DIRECT_REQ_64;
	u32 resp = mode_32bit ? FFA_MSG_SEND_DIRECT_RESP_32 :
				FFA_MSG_SEND_DIRECT_RESP_64;
	/* ffa_regs_init() writes it all: no auto-zeroing (a memset) first. */
	struct ffa_regs r __uninitialized;
	unsigned int i;
	int rc;

	for (i = 0; i < FFA_CORE_DIRECT_WORDS; i++)
		if (mode_32bit && data[i] > U32_MAX)
			return -EINVAL;
	ffa_regs_init(&r, req);
	r.x[1] = FFA_SENDER_RECEIVER(ffa_core.own_id, dst);
	memcpy(&r.x[3], data, FFA_CORE_DIRECT_WORDS * sizeof(u64));
	call_complete(&r, true);
	rc = direct_answer(&r, resp, dst);
	if (!rc)
		memcpy(data, &r.x[3], FFA_CORE_DIRECT_WORDS * sizeof(u64));
	return rc;
}

int ffa_core_direct_req2(u16 dst, const uuid_t *uuid,
			 u64 data[FFA_CORE_DIRECT2_WORDS])
{
	struct ffa_uuid u = { };
	/* x0-x17 are all written below: no auto-zeroing (a memset) first. */
	struct ffa_regs r __uninitialized;
	int rc;

	if (ffa_core.version < FFA_VERSION_1_2)
		return -EOPNOTSUPP;
	if (uuid)
		memcpy(u.b, uuid->b, sizeof(u.b));
	r.x[0] = FFA_MSG_SEND_DIRECT_REQ2;
	r.x[1] = FFA_SENDER_RECEIVER(ffa_core.own_id, dst);
	ffa_uuid_to_x2(&u, &r.x[2]);
	memcpy(&r.x[4], data, FFA_CORE_DIRECT2_WORDS * sizeof(u64));
	call_complete(&r, true);
	rc = direct_answer(&r, FFA_MSG_SEND_DIRECT_RESP2, dst);
	if (!rc)
		memcpy(data, &r.x[4], FFA_CORE_DIRECT2_WORDS * sizeof(u64));
	return rc;
}

u32 ffa_core_indirect_max(void)
{
	return ffa_msg_send2_max_payload(ffa_core.buf_size, ffa_core.version);
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
	struct ffa_regs r;
	int rc;

	ffa_regs_init(&r, FFA_RUN);
	r.x[1] = FFA_TARGET_INFO(dst, vcpu);
	call_complete(&r, false);
	/* Whatever ended it (MSG_WAIT, YIELD, SUCCESS...) but an error. */
	rc = ffa_event_decode(&r, &ev);
	if (!rc)
		rc = ffa_event_status(&ev);
	return ffa_status_to_errno(rc);
}
