// SPDX-License-Identifier: BSD-3-Clause
/*
 * Decoding what ends a CPU-cycle call, or what an endpoint is entered
 * with. The registers are expected to have been through ffa_call() (or
 * ffa_regs_sanitize_results()), but every 32-bit field is still read as a
 * 32-bit value, so a decoder given raw registers cannot be fooled by
 * stale upper halves.
 */
#include <ffa/func.h>
#include <ffa/ids.h>
#include <libffa/bytes.h>
#include <libffa/event.h>
#include <libffa/status.h>

/* One function ID that can end a CPU-cycle call, and its event. */
struct event_of_fid {
	uint32_t fid;		/* 0: none at this number */
	uint8_t type;		/* enum ffa_event_type */
};

#define EVENT_NUMS	(FFA_NUM_LAST_V1_2 - FFA_NUM_FIRST + 1)
#define EV(f, t)							\
	[FFA_FID_IS_64(f)][FFA_FID_NUM(f) - FFA_NUM_FIRST] = { (f), (t) }

/* By [SMC64][function number]: found in O(1), the whole ID compared. */
static const struct event_of_fid event_of[2][EVENT_NUMS] = {
	EV(FFA_SUCCESS_32, FFA_EV_SUCCESS),
	EV(FFA_SUCCESS_64, FFA_EV_SUCCESS),
	EV(FFA_ERROR, FFA_EV_ERROR),
	EV(FFA_MSG_SEND_DIRECT_REQ_32, FFA_EV_DIRECT_REQ),
	EV(FFA_MSG_SEND_DIRECT_REQ_64, FFA_EV_DIRECT_REQ),
	EV(FFA_MSG_SEND_DIRECT_RESP_32, FFA_EV_DIRECT_RESP),
	EV(FFA_MSG_SEND_DIRECT_RESP_64, FFA_EV_DIRECT_RESP),
	EV(FFA_MSG_SEND_DIRECT_REQ2, FFA_EV_DIRECT_REQ2),
	EV(FFA_MSG_SEND_DIRECT_RESP2, FFA_EV_DIRECT_RESP2),
	EV(FFA_MSG_WAIT, FFA_EV_MSG_WAIT),
	EV(FFA_YIELD, FFA_EV_YIELD),
	EV(FFA_INTERRUPT, FFA_EV_INTERRUPT),
	EV(FFA_RUN, FFA_EV_RUN),
	EV(FFA_MSG_SEND, FFA_EV_MSG_SEND),
};

#undef EV

/* The event a function ID ends a call with, false for none. */
static bool event_type_of(uint32_t fid, enum ffa_event_type *type)
{
	uint32_t num = FFA_FID_NUM(fid);
	const struct event_of_fid *e;

	if (num < FFA_NUM_FIRST || num > FFA_NUM_LAST_V1_2)
		return false;
	e = &event_of[FFA_FID_IS_64(fid)][num - FFA_NUM_FIRST];
	if (e->fid != fid)
		return false;
	*type = (enum ffa_event_type)e->type;
	return true;
}

static void decode_direct(const struct ffa_regs *r, bool is_64,
			  struct ffa_direct_msg *m)
{
	uint32_t w1 = (uint32_t)r->x[1];
	unsigned int i;

	m->sender = FFA_SR_SENDER(w1);
	m->receiver = FFA_SR_RECEIVER(w1);
	m->flags = (uint32_t)r->x[2];
	/*
	 * v1.2: the payload is x3-x7 even for _64; x8-x17 are not ours.
	 * One unrolled loop per width: every message is decoded here.
	 */
	if (is_64) {
#pragma GCC unroll 5
		for (i = 0; i < FFA_DIRECT_ARGS; i++)
			m->args[i] = r->x[3 + i];
		return;
	}
#pragma GCC unroll 5
	for (i = 0; i < FFA_DIRECT_ARGS; i++)
		m->args[i] = (uint32_t)r->x[3 + i];
}

static int decode_direct2(const struct ffa_regs *r, bool is_req,
			  struct ffa_direct_msg2 *m)
{
	uint32_t w1 = (uint32_t)r->x[1];
	unsigned int i;

	m->sender = FFA_SR_SENDER(w1);
	m->receiver = FFA_SR_RECEIVER(w1);
	if (!is_req && (r->x[2] != 0 || r->x[3] != 0))
		return FFA_EPROTO;	/* RESP2: x2/x3 are MBZ */
	/* Written either way (Nil for RESP2): ffa_event_decode_next. */
	ffa_uuid_from_x2(&m->uuid, &r->x[2]);
	for (i = 0; i < FFA_DIRECT2_ARGS; i++)
		m->args[i] = r->x[4 + i];
	return 0;
}

/* The fields of each event type; FFA_EPROTO when they break the ABI. */
static int decode_fields(const struct ffa_regs *r, struct ffa_event *ev)
{
	switch (ev->type) {
	case FFA_EV_ERROR:
		ev->error = ffa_regs_status(r);
		break;
	case FFA_EV_DIRECT_REQ:
	case FFA_EV_DIRECT_RESP:
		decode_direct(r, ev->is_64, &ev->direct);
		break;
	case FFA_EV_DIRECT_REQ2:
	case FFA_EV_DIRECT_RESP2:
		return decode_direct2(r, ev->type == FFA_EV_DIRECT_REQ2,
				      &ev->direct2);
	case FFA_EV_YIELD:
		ev->timeout = (uint64_t)(uint32_t)r->x[2] |
			      ((uint64_t)(uint32_t)r->x[3] << 32);
		break;
	case FFA_EV_INTERRUPT:
		ev->interrupt_id = (uint32_t)r->x[2];
		break;
	default:
		break;
	}
	return 0;
}

/*
 * Everything before the raw registers: what decoding writes, zeroed
 * first so that a field the event type does not use reads as zero.
 */
static void event_clear_fields(struct ffa_event *ev)
{
	FFA_STATIC_ASSERT(FFA_OFFSETOF(struct ffa_event, regs) +
			  sizeof(ev->regs) == sizeof(*ev),
			  "regs is the last field of an event");
	ffa_bytes_zero(ev, FFA_OFFSETOF(struct ffa_event, regs));
}

/*
 * The message a type decodes into, NULL for none: decoding such a type
 * writes every field of that message (decode_direct, decode_direct2).
 */
static void *event_msg_of(struct ffa_event *ev, enum ffa_event_type type)
{
	switch (type) {
	case FFA_EV_DIRECT_REQ:
	case FFA_EV_DIRECT_RESP:
		return &ev->direct;
	case FFA_EV_DIRECT_REQ2:
	case FFA_EV_DIRECT_RESP2:
		return &ev->direct2;
	default:
		return NULL;
	}
}

/*
 * ev holds a decoded event, so every field its type does not use is
 * zero already: zero the scalars and the previous type's message unless
 * the new type writes that same message over it.
 */
static void event_clear_previous(struct ffa_event *ev,
				 enum ffa_event_type next)
{
	void *old = event_msg_of(ev, ev->type);

	ev->error = 0;
	ev->interrupt_id = 0;
	ev->timeout = 0;
	if (old == &ev->direct && old != event_msg_of(ev, next))
		ffa_bytes_zero(&ev->direct, sizeof(ev->direct));
	else if (old == &ev->direct2 && old != event_msg_of(ev, next))
		ffa_bytes_zero(&ev->direct2, sizeof(ev->direct2));
}

/* ev->regs holds the registers; its other fields are all zero. */
static int event_decode_fields(struct ffa_event *ev, enum ffa_event_type type)
{
	uint32_t fid = (uint32_t)ev->regs.x[0];

	ev->type = type;
	ev->is_64 = FFA_FID_IS_64(fid);
	/* Target info, or sender/receiver for messages: always w1. */
	ev->target = (uint32_t)ev->regs.x[1];
	if (decode_fields(&ev->regs, ev) != 0) {
		/* Keep a half-decoded event from reading as a good one. */
		event_clear_fields(ev);
		ev->type = FFA_EV_INVALID;
		return FFA_EPROTO;
	}
	return 0;
}

int ffa_event_decode(const struct ffa_regs *r, struct ffa_event *ev)
{
	enum ffa_event_type type;

	/* r may be &ev->regs (re-decoding an event): nothing to copy. */
	if (r != &ev->regs)
		ffa_regs_copy(&ev->regs, r);
	event_clear_fields(ev);
	ev->type = FFA_EV_INVALID;
	if (!event_type_of((uint32_t)ev->regs.x[0], &type))
		return FFA_EPROTO;
	return event_decode_fields(ev, type);
}

int ffa_event_decode_next(struct ffa_event *ev)
{
	enum ffa_event_type type;

	if (!event_type_of((uint32_t)ev->regs.x[0], &type)) {
		event_clear_fields(ev);
		ev->type = FFA_EV_INVALID;
		return FFA_EPROTO;
	}
	/* The same type writes every field it used: nothing to clear. */
	if (type != ev->type)
		event_clear_previous(ev, type);
	return event_decode_fields(ev, type);
}

int ffa_event_status(const struct ffa_event *ev)
{
	switch (ev->type) {
	case FFA_EV_ERROR:
		/* Already FFA_EPROTO for a code outside the known range. */
		return ev->error;
	case FFA_EV_INVALID:
		return FFA_EPROTO;
	default:
		return 0;
	}
}
