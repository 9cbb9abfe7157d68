// SPDX-License-Identifier: BSD-3-Clause
/*
 * CPU-cycle ABIs, direct and indirect messaging (ffa-abi.md 2.3, 8, 12).
 *
 * A call that gives up the CPU (MSG_WAIT, RUN, YIELD, a direct request or
 * response) does not complete with a plain SUCCESS: it completes with
 * whatever next lands in our registers, which may be a 64-bit message
 * even after a 32-bit call. All of them end in one decoder.
 */
#include <ffa/ffa.h>
#include <libffa/bytes.h>
#include <libffa/client.h>

/* Issue a call that yields the CPU and decode what ended it. */
static int cycle_call(const struct ffa_conduit *c, struct ffa_regs *r,
		      struct ffa_event *ev)
{
	int rc;

	ffa_call(c, r);
	rc = ffa_event_decode(r, ev);
	if (rc)
		return rc;
	return ffa_event_status(ev);
}

int ffa_msg_wait(const struct ffa_conduit *c, uint32_t flags,
		 struct ffa_event *ev)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MSG_WAIT);
	r.x[2] = flags;
	return cycle_call(c, &r, ev);
}

int ffa_run(const struct ffa_conduit *c, uint16_t id, uint16_t vcpu,
	    struct ffa_event *ev)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_RUN);
	r.x[1] = FFA_TARGET_INFO(id, vcpu);
	return cycle_call(c, &r, ev);
}

int ffa_yield(const struct ffa_conduit *c, uint64_t timeout,
	      struct ffa_event *ev)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_YIELD);
	r.x[2] = (uint32_t)timeout;
	r.x[3] = (uint32_t)(timeout >> 32);
	return cycle_call(c, &r, ev);
}

/*
 * DIRECT_REQ and DIRECT_RESP share a layout. The _32 form carries 32-bit
 * payload words: silently dropping the upper half of a caller's value
 * would deliver a different message, so such a payload is refused.
 */
static int direct_call(const struct ffa_conduit *c, uint32_t fid,
		       const struct ffa_direct_msg *m, struct ffa_event *ev)
{
	bool is_64 = FFA_FID_IS_64(fid);
	struct ffa_regs r;
	unsigned int i;

	ffa_regs_init(&r, fid);
	r.x[1] = FFA_SENDER_RECEIVER(m->sender, m->receiver);
	r.x[2] = m->flags;
	for (i = 0; i < FFA_DIRECT_ARGS; i++) {
		if (!is_64 && (m->args[i] >> 32) != 0)
			return FFA_RET_INVALID_PARAMETERS;
		r.x[3 + i] = m->args[i];
	}
	return cycle_call(c, &r, ev);
}

int ffa_direct_req(const struct ffa_conduit *c,
		   const struct ffa_direct_msg *m, bool smc64,
		   struct ffa_event *ev)
{
	return direct_call(c, smc64 ? FFA_MSG_SEND_DIRECT_REQ_64 :
			   FFA_MSG_SEND_DIRECT_REQ_32, m, ev);
}

int ffa_direct_resp(const struct ffa_conduit *c,
		    const struct ffa_direct_msg *m, bool smc64,
		    struct ffa_event *ev)
{
	return direct_call(c, smc64 ? FFA_MSG_SEND_DIRECT_RESP_64 :
			   FFA_MSG_SEND_DIRECT_RESP_32, m, ev);
}

/* REQ2 carries the service UUID in x2/x3; in RESP2 they are MBZ. */
static int direct2_call(const struct ffa_conduit *c, uint32_t fid,
			const struct ffa_direct_msg2 *m, struct ffa_event *ev)
{
	struct ffa_regs r;
	unsigned int i;

	ffa_regs_init(&r, fid);
	r.x[1] = FFA_SENDER_RECEIVER(m->sender, m->receiver);
	if (fid == FFA_MSG_SEND_DIRECT_REQ2)
		ffa_uuid_to_x2(&m->uuid, &r.x[2]);
	for (i = 0; i < FFA_DIRECT2_ARGS; i++)
		r.x[4 + i] = m->args[i];
	return cycle_call(c, &r, ev);
}

int ffa_direct_req2(const struct ffa_conduit *c,
		    const struct ffa_direct_msg2 *m, struct ffa_event *ev)
{
	return direct2_call(c, FFA_MSG_SEND_DIRECT_REQ2, m, ev);
}

int ffa_direct_resp2(const struct ffa_conduit *c,
		     const struct ffa_direct_msg2 *m, struct ffa_event *ev)
{
	return direct2_call(c, FFA_MSG_SEND_DIRECT_RESP2, m, ev);
}

/*
 * The response to the request in r, built in r from the request's own
 * registers: RESP of the request's width (RESP2 for REQ2), sender and
 * receiver swapped, w2 (x2/x3 for RESP2) zero, the payload as it
 * stands, x8-x17 zero for RESP_32/64. Nothing is changed when it
 * refuses. The arguments it makes follow the SMCCC rules by
 * construction (a _32 one has clear upper halves, or is refused), so
 * the conduit is called directly; the result is sanitized as
 * ffa_call() does.
 */
int ffa_direct_answer_regs(const struct ffa_conduit *c, struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	uint32_t w1 = (uint32_t)r->x[1];
	unsigned int i;

	if (fid == FFA_MSG_SEND_DIRECT_REQ2) {
		r->x[0] = FFA_MSG_SEND_DIRECT_RESP2;
		r->x[3] = 0;
	} else if (fid == FFA_MSG_SEND_DIRECT_REQ_64 ||
		   (fid == FFA_MSG_SEND_DIRECT_REQ_32 &&
		    ffa_regs_args_clean(r))) {
		/* Refused, not truncated, as ffa_direct_resp() does. */
		r->x[0] = fid == FFA_MSG_SEND_DIRECT_REQ_64 ?
			  FFA_MSG_SEND_DIRECT_RESP_64 :
			  FFA_MSG_SEND_DIRECT_RESP_32;
#pragma GCC unroll 10
		for (i = 8; i < FFA_NREGS; i++)
			r->x[i] = 0;
	} else {
		return FFA_RET_INVALID_PARAMETERS;
	}
	r->x[1] = FFA_SENDER_RECEIVER(FFA_SR_RECEIVER(w1), FFA_SR_SENDER(w1));
	r->x[2] = 0;
	c->call(c->ctx, r);
	ffa_regs_sanitize_results(r);
	return 0;
}

/* The same on a decoded request; the next event decoded in place. */
int ffa_direct_answer(const struct ffa_conduit *c, struct ffa_event *ev)
{
	int rc;

	if (ev->type != FFA_EV_DIRECT_REQ && ev->type != FFA_EV_DIRECT_REQ2)
		return FFA_RET_INVALID_PARAMETERS;
	rc = ffa_direct_answer_regs(c, &ev->regs);
	if (rc)
		return rc;
	rc = ffa_event_decode_next(ev);
	if (rc)
		return rc;
	return ffa_event_status(ev);
}

/* Partition message header size for a version; 0 before v1.1. */
static uint32_t send2_hdr_size(uint32_t version)
{
	if (version < FFA_VERSION_1_1)
		return 0;
	if (version == FFA_VERSION_1_1)
		return FFA_MSG_SEND2_HDR_SIZE_V1_1;
	return FFA_MSG_SEND2_HDR_SIZE_V1_2;
}

#define HDR_OFF(field)	FFA_OFFSETOF(struct ffa_msg_send2_hdr, field)

uint32_t ffa_msg_send2_max_payload(size_t tx_size, uint32_t version)
{
	uint32_t hdr_size = send2_hdr_size(version);
	size_t limit = tx_size < FFA_MSG_SEND2_MAX_TOTAL ?
		       tx_size : FFA_MSG_SEND2_MAX_TOTAL;

	if (hdr_size == 0 || limit < hdr_size)
		return 0;
	return (uint32_t)(limit - hdr_size);
}

int ffa_msg_send2_compose(void *tx, size_t tx_size, uint32_t version,
			  const struct ffa_send2 *m)
{
	uint32_t hdr_size = send2_hdr_size(version);
	uint8_t *buf = tx;
	uint32_t total;

	if (hdr_size == 0)
		return FFA_RET_NOT_SUPPORTED;
	if (ffa_add_overflow(hdr_size, m->size, &total) ||
	    total > tx_size || total > FFA_MSG_SEND2_MAX_TOTAL)
		return FFA_RET_INVALID_PARAMETERS;
	if (m->size != 0 && !m->payload)
		return FFA_RET_INVALID_PARAMETERS;

	/* Flags and every reserved byte stay zero. */
	ffa_bytes_zero(buf, hdr_size);
	ffa_st32(buf + HDR_OFF(offset), hdr_size);
	ffa_st16(buf + HDR_OFF(receiver), m->receiver);
	ffa_st16(buf + HDR_OFF(sender), m->sender);
	ffa_st32(buf + HDR_OFF(size), m->size);
	if (hdr_size >= FFA_MSG_SEND2_HDR_SIZE_V1_2)
		ffa_bytes_copy(buf + HDR_OFF(uuid), m->uuid.b,
			       sizeof(m->uuid.b));
	ffa_bytes_copy(buf + hdr_size, m->payload, m->size);
	return 0;
}

int ffa_msg_send2(const struct ffa_conduit *c, uint16_t sender_vm,
		  uint32_t flags)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MSG_SEND2);
	r.x[1] = FFA_FWD_SENDER_W(sender_vm);
	r.x[2] = flags;
	return ffa_call_status(c, &r);
}
