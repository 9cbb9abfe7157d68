/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What an endpoint finds in its registers when a call completes or when it
 * is entered: a direct message, a request to run, an interrupt, a yield...
 * CPU-cycle ABIs (MSG_WAIT, RUN, direct requests and responses) complete
 * with one of these, so they all share one decoder.
 */
#ifndef LIBFFA_EVENT_H
#define LIBFFA_EVENT_H

#include <ffa/types.h>
#include <ffa/msg.h>
#include "regs.h"
#include "uuid.h"

struct ffa_direct_msg {
	uint16_t sender;
	uint16_t receiver;
	uint32_t flags;			/* w2: 0, or framework message */
	uint64_t args[FFA_DIRECT_ARGS];	/* w3..w7 / x3..x7 */
};

struct ffa_direct_msg2 {
	uint16_t sender;
	uint16_t receiver;
	struct ffa_uuid uuid;		/* REQ2 only; Nil in RESP2 */
	uint64_t args[FFA_DIRECT2_ARGS];	/* x4..x17 */
};

enum ffa_event_type {
	FFA_EV_SUCCESS,		/* FFA_SUCCESS_32/64 */
	FFA_EV_ERROR,		/* FFA_ERROR; code in .error */
	FFA_EV_DIRECT_REQ,	/* .direct, .is_64 */
	FFA_EV_DIRECT_RESP,	/* .direct, .is_64 */
	FFA_EV_DIRECT_REQ2,	/* .direct2 */
	FFA_EV_DIRECT_RESP2,	/* .direct2 */
	FFA_EV_MSG_WAIT,	/* a partition went idle; .target */
	FFA_EV_YIELD,		/* .target, .timeout */
	FFA_EV_INTERRUPT,	/* .target, .interrupt_id */
	FFA_EV_RUN,		/* a partition given cycles; .target */
	FFA_EV_MSG_SEND,	/* legacy v1.0 indirect message; .target */
	FFA_EV_INVALID,		/* decode failed; status FFA_EPROTO */
};

struct ffa_event {
	enum ffa_event_type type;
	bool is_64;
	uint32_t target;	/* target info: id[31:16] | vcpu[15:0] */
	int error;		/* FFA_EV_ERROR */
	uint32_t interrupt_id;	/* FFA_EV_INTERRUPT */
	uint64_t timeout;	/* FFA_EV_YIELD */
	struct ffa_direct_msg direct;
	struct ffa_direct_msg2 direct2;
	struct ffa_regs regs;	/* the raw registers, for SUCCESS values */
};

/*
 * Decode registers into an event. Returns 0, or FFA_EPROTO for a function
 * ID that cannot complete a CPU-cycle call (ev->regs is filled anyway).
 */
int ffa_event_decode(const struct ffa_regs *r, struct ffa_event *ev);

/*
 * Decode ev->regs into ev again, for an ev that holds a decoded event
 * (from either decoder; its fields may have been changed, but not those
 * of other types, which stay zero): the registers are not copied, and
 * only the fields of the previous type that the new one does not write
 * are zeroed, so a loop of requests decodes each with no clearing. The
 * result is the same as ffa_event_decode(&ev->regs, ev).
 */
int ffa_event_decode_next(struct ffa_event *ev);

/* Status of an event: 0, its FF-A error code, or FFA_EPROTO. */
int ffa_event_status(const struct ffa_event *ev);

#endif /* LIBFFA_EVENT_H */
