// SPDX-License-Identifier: BSD-3-Clause
/*
 * Direct messaging: FFA_MSG_SEND_DIRECT_REQ/RESP (32 and 64) and
 * REQ2/RESP2 (ffa-abi.md 8.2, 8.4). A request blocks the caller's vCPU and
 * enters the receiver's WAITING vCPU with the request registers; the
 * response makes the responder WAITING again and enters the requester.
 *
 * Framework messages (w2 bit 31) are not supported: nothing here sends
 * PSCI or VM lifecycle messages, so the dispatch table makes all of w2
 * MBZ (abi_table.c) and a non-zero w2 is INVALID_PARAMETERS.
 *
 * Order of the checks: every answer the spec fixes by the arguments or
 * the configuration comes before any that depends on a state, so the
 * same call gets the same answer whatever the receiver is doing.
 */
#include <libffa/uuid.h>
#include <libffa/status.h>
#include "internal.h"

static bool is_req2(uint32_t fid)
{
	return fid == FFA_MSG_SEND_DIRECT_REQ2 ||
	       fid == FFA_MSG_SEND_DIRECT_RESP2;
}

/*
 * The registers the other side sees: x0..x17 for REQ2/RESP2, else
 * w0..w7 / x0..x7 with x8..x17 zero (v1.2 gives them no meaning).
 * They follow the result rule as they are (spm_switch_ready): x0 is
 * the call's own ID, SMC64 for REQ2/RESP2 and the 64-bit forms, and
 * for the 32-bit forms x0..x7 were sanitized as arguments (call.h)
 * and x8..x17 are zero.
 */
static inline __attribute__((always_inline)) void
message_regs(const struct spm_ctx *c, struct ffa_regs *r)
{
	uint32_t i;

	if (is_req2((uint32_t)c->in->x[0])) {
		ffa_regs_copy(r, c->in);
		return;
	}
#pragma GCC unroll 8
	for (i = 0; i < 8; i++)
		r->x[i] = c->in->x[i];
#pragma GCC unroll 10
	for (i = 8; i < FFA_NREGS; i++)
		r->x[i] = 0;
}

/*
 * Nil, or one of the services the receiver's manifest lists: x2/x3
 * compared with the UUIDs in register form, kept since the receiver was
 * added (endpoint.c), so the usual case (its first UUID) is two
 * compares. Nil is all zero bytes, so both registers zero.
 */
static bool receiver_has_uuid(const struct spm_endpoint *recv,
			      const struct ffa_regs *in)
{
	uint64_t x2 = in->x[2], x3 = in->x[3];
	uint32_t i;

	if ((x2 | x3) == 0)
		return true;
	for (i = 0; i < recv->cfg.nr_uuids && i < SPM_MAX_UUIDS; i++)
		if (recv->uuid_regs[i][0] == x2 && recv->uuid_regs[i][1] == x3)
			return true;
	return false;
}

/*
 * What the manifests and negotiated versions allow (DENIED, ffa-abi.md
 * 8.2, 8.4). REQ2 needs a receiver that speaks v1.2: one that
 * negotiated less does not know the ABI, and its partition properties
 * have no bit 9 (7.2: bits 9 and 10 are v1.2's), which 8.4 answers with
 * DENIED.
 */
static int req_check_roles(const struct spm_ctx *c,
			   const struct spm_endpoint *recv, bool req2,
			   const char **why)
{
	uint32_t send = req2 ? FFA_PART_PROP_DIRECT_REQ2_SEND :
			       FFA_PART_PROP_DIRECT_REQ_SEND;
	uint32_t take = req2 ? FFA_PART_PROP_DIRECT_REQ2_RECV :
			       FFA_PART_PROP_DIRECT_REQ_RECV;

	*why = "direct_req: caller may not send";
	if (!(c->caller->cfg.properties & send))
		return FFA_RET_DENIED;
	*why = "direct_req: receiver does not take direct requests";
	if (!(recv->cfg.properties & take))
		return FFA_RET_DENIED;
	*why = "direct_req2: receiver speaks a version before v1.2";
	if (req2 && recv->version < FFA_VERSION_1_2)
		return FFA_RET_DENIED;
	return 0;
}

/*
 * A partition may answer a normal-world endpoint but never send it a
 * request (ffa-abi.md 8.2, last paragraph): the host, or any ID with
 * bit 15 clear, whether an endpoint has it or not.
 */
static bool partition_to_normal_world(const struct spm_ctx *c, uint16_t id,
				      const struct spm_endpoint *recv)
{
	if (c->caller->cfg.is_host)
		return false;
	return !FFA_ID_IS_SECURE(id) || (recv && recv->cfg.is_host);
}

/*
 * The answers fixed by the arguments and the configuration, whatever
 * state anyone is in: INVALID_PARAMETERS first, then what the manifests
 * forbid (DENIED). Reserved registers were refused before (abi_table.c).
 */
static int req_check_args(const struct spm_ctx *c,
			  const struct spm_endpoint *recv, uint16_t vcpu,
			  const char **why)
{
	uint32_t w1 = (uint32_t)c->in->x[1];
	bool req2 = is_req2((uint32_t)c->in->x[0]);

	*why = "direct_req: sender is not the caller";
	if (FFA_SR_SENDER(w1) != c->caller->cfg.id)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_req: from a partition to the normal world";
	if (partition_to_normal_world(c, FFA_SR_RECEIVER(w1), recv))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_req: unknown receiver or sender == receiver";
	if (!recv || recv == c->caller)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_req2: receiver does not offer this UUID";
	if (req2 && !receiver_has_uuid(recv, c->in))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_req: no receiver vCPU for the caller's vCPU";
	if (vcpu >= recv->cfg.nr_vcpus)
		return FFA_RET_INVALID_PARAMETERS;
	return req_check_roles(c, recv, req2, why);
}

/* The states of the caller and the receiver's vCPU, last. */
static int req_check_state(const struct spm_ctx *c,
			   const struct spm_endpoint *recv, uint16_t vcpu,
			   const char **why)
{
	*why = "direct_req: caller is not running";
	if (!spm_caller_running(c))
		return FFA_RET_DENIED;
	*why = "direct_req: receiver aborted";
	if (recv->aborted)
		return FFA_RET_ABORTED;
	/* Also catches cycles: a vCPU in a chain of requests is BLOCKED. */
	*why = "direct_req: receiver vCPU busy";
	if (recv->vcpus[vcpu].state != SPM_VCPU_WAITING)
		return FFA_RET_BUSY;
	return 0;
}

void spm_h_direct_req(struct spm_ctx *c)
{
	uint32_t fid = (uint32_t)c->in->x[0];
	struct spm_endpoint *recv =
		spm_endpoint_by_id(c->spm, (uint16_t)c->in->x[1]);
	/* A UP receiver serves every CPU; an MP one pairs vCPUs by index. */
	uint16_t vcpu = recv && recv->cfg.nr_vcpus > 1 ? c->vcpu : 0;
	struct ffa_regs *r = spm_out_regs(c);
	const char *why;
	int ret = req_check_args(c, recv, vcpu, &why);

	if (!ret)
		ret = req_check_state(c, recv, vcpu, &why);
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	spm_vcpu_block_caller(c, recv, vcpu);
	spm_vcpu_start(c, recv, vcpu,
		       is_req2(fid) ? SPM_RUN_DIRECT2 : SPM_RUN_DIRECT);
	recv->vcpus[vcpu].req_64 = fid == FFA_MSG_SEND_DIRECT_REQ_64;
	message_regs(c, r);
	spm_switch_ready(c, recv, vcpu);
}

/*
 * The responder field is fixed by the caller, so it is judged before
 * any state; the requester and the family only mean something against
 * the pending request. Reserved registers were refused before (abi_table.c).
 */
static int resp_check(const struct spm_ctx *c, const char **why)
{
	const struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	uint32_t w1 = (uint32_t)c->in->x[1];
	bool resp2 = is_req2((uint32_t)c->in->x[0]);

	*why = "direct_resp: responder is not the caller";
	if (FFA_SR_SENDER(w1) != c->caller->cfg.id)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_resp: no pending direct request";
	if (!spm_caller_running(c) || c->caller->cfg.is_host ||
	    (v->reason != SPM_RUN_DIRECT && v->reason != SPM_RUN_DIRECT2))
		return FFA_RET_DENIED;
	*why = "direct_resp: not the requester of the pending request";
	if (FFA_SR_RECEIVER(w1) != v->peer_ep)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "direct_resp: RESP2 answers REQ2, RESP answers REQ";
	if (resp2 != (v->reason == SPM_RUN_DIRECT2))
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

void spm_h_direct_resp(struct spm_ctx *c)
{
	struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	struct ffa_regs *r = spm_out_regs(c);
	const char *why;
	int ret = resp_check(c, &why);

	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	/* Its next entry is its next message. */
	v->state = SPM_VCPU_WAITING;
	v->req_64 = false;
	spm_notif_flush_delayed_sri(c->spm, c->cpu);
	message_regs(c, r);
	spm_wake_ready(c, spm_endpoint_by_id(c->spm, v->peer_ep), v->peer_vcpu);
}
