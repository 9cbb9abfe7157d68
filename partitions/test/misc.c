// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notifications, indirect messages and deliberate misbehaviour, so that
 * the manager's checks are exercised from a real endpoint.
 */
#include <libffa/bytes.h>
#include "test.h"

void tp_notify(struct tp *t, const uint64_t *args,
	       struct ffa_direct_msg *resp)
{
	resp->args[0] = tp_status(ffa_notification_set(t->self.c, t->self.id,
						       (uint16_t)args[1], 0,
						       args[2]));
}

void tp_notif_bind(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp)
{
	resp->args[0] = tp_status(ffa_notification_bind(t->self.c,
							(uint16_t)args[1],
							t->self.id, 0,
							args[2]));
}

void tp_notif_get(struct tp *t, const uint64_t *args,
		  struct ffa_direct_msg *resp)
{
	struct ffa_notif_bitmaps bm = { 0 };
	int ret;

	(void)args;
	ret = ffa_notification_get(t->self.c, t->self.id, t->self.env->vcpu,
				   FFA_NOTIF_GET_SP | FFA_NOTIF_GET_VM, &bm);
	resp->args[0] = tp_status(ret);
	resp->args[1] = bm.from_sp;
	resp->args[2] = bm.from_vm;
}

void tp_send2(struct tp *t, const uint64_t *args,
	      struct ffa_direct_msg *resp)
{
	struct ffa_send2 m = {
		.sender = t->self.id, .receiver = (uint16_t)args[1],
		.payload = &args[2], .size = sizeof(args[2]),
	};
	int ret = ffa_msg_send2_compose(t->self.tx, PT_MAILBOX_SIZE,
					t->self.version, &m);

	if (ret == 0)
		ret = ffa_msg_send2(t->self.c, 0, 0);
	resp->args[0] = tp_status(ret);
}

/* An indirect message in RX: check the header's numbers, then read. */
void tp_read_rx(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp)
{
	const uint8_t *rx = t->self.rx;
	uint32_t offset = ffa_ld32(rx + FFA_OFFSETOF(struct ffa_msg_send2_hdr,
						     offset));
	uint32_t size = ffa_ld32(rx + FFA_OFFSETOF(struct ffa_msg_send2_hdr,
						   size));
	uint64_t word = 0;

	(void)args;
	if (offset < FFA_MSG_SEND2_HDR_SIZE_V1_1 || size > PT_MAILBOX_SIZE ||
	    offset > PT_MAILBOX_SIZE - size) {
		resp->args[0] = tp_status(FFA_EPROTO);
		ffa_rx_release(t->self.c, 0);
		return;
	}
	if (size >= sizeof(word))
		word = ffa_ld64(rx + offset);
	resp->args[1] = ffa_ld16(rx + FFA_OFFSETOF(struct ffa_msg_send2_hdr,
						   sender));
	resp->args[2] = word;
	resp->args[3] = size;
	resp->args[0] = tp_status(ffa_rx_release(t->self.c, 0));
}

/* A response to someone who is not waiting for one. */
static int bad_resp_wrong_requester(struct tp *t,
				    const struct ffa_direct_msg *req)
{
	struct ffa_direct_msg bad;
	struct ffa_event ev;

	pt_resp_init(&t->self, req, &bad);
	bad.receiver = (uint16_t)(req->sender ^ 0x0100U);
	return ffa_direct_resp(t->self.c, &bad, true, &ev);
}

static int bad_spoof_sender(struct tp *t, const struct ffa_direct_msg *req)
{
	struct ffa_direct_msg spoof = {
		.sender = req->sender, .receiver = t->self.id,
	};
	struct ffa_event ev;

	return ffa_direct_req(t->self.c, &spoof, true, &ev);
}

/* More than any manager allows (FF-A's limit is 2^256 - 1 at most). */
#define TP_RETRIEVE_TRIES	16U

/*
 * Retrieve one handle again and again until the manager refuses, then
 * relinquish every retrieval, leaving the handle as it was.
 */
static void bad_retrieve_over_limit(struct tp *t, const uint64_t *a,
				    struct ffa_direct_msg *resp)
{
	struct tp_walk w = {
		.handle = a[2], .owner = (uint16_t)a[3], .tag = 0,
		.flags = TP_MEM_NO_TOUCH,
	};
	uint32_t n = 0, i;
	int ret = 0;

	while (n < TP_RETRIEVE_TRIES) {
		ret = tp_retrieve(t, &w);
		if (ret)
			break;
		n++;
	}
	resp->args[1] = n;
	resp->args[2] = tp_status(ret);
	for (i = 0; i < n; i++)
		tp_relinquish(t, w.handle);
}

void tp_misbehave(struct tp *t, const struct ffa_direct_msg *req,
		  struct ffa_direct_msg *resp)
{
	struct ffa_event ev;

	switch (req->args[1]) {
	case TP_BAD_RESP_WRONG_REQUESTER:
		resp->args[1] = tp_status(bad_resp_wrong_requester(t, req));
		break;
	case TP_BAD_WAIT_IN_REQUEST:
		resp->args[1] = tp_status(ffa_msg_wait(t->self.c, 0, &ev));
		break;
	case TP_BAD_RETRIEVE_OVER_LIMIT:
		bad_retrieve_over_limit(t, req->args, resp);
		break;
	case TP_BAD_SPOOF_SENDER:
		resp->args[1] = tp_status(bad_spoof_sender(t, req));
		break;
	case TP_BAD_RESPOND_TWICE:
		t->respond_again = true;
		break;
	case TP_BAD_READ_SYSREG:
		tp_read_sysreg(t, req->args, resp);
		break;
	default:
		resp->args[0] = tp_status(FFA_RET_INVALID_PARAMETERS);
	}
}

void tp_on_run(struct tp *t)
{
	struct ffa_direct_msg again = {
		.sender = t->self.id, .receiver = t->last_requester,
	};
	struct ffa_event ev;

	if (!t->respond_again)
		return;
	t->respond_again = false;
	t->last_status = ffa_direct_resp(t->self.c, &again, true, &ev);
}
