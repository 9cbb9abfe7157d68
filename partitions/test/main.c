// SPDX-License-Identifier: BSD-3-Clause
/*
 * The test partition: answers the command protocol of
 * partitions/include/partitions/test_proto.h over direct messages and so
 * exercises every FF-A interface from the partition side.
 */
#include <partitions/partitions.h>
#include "test.h"

static void tp_echo(const uint64_t *args, struct ffa_direct_msg *resp)
{
	unsigned int i;

	for (i = 1; i < FFA_DIRECT_ARGS; i++)
		resp->args[i] = args[i];
}

static void tp_whoami(const struct tp *t, struct ffa_direct_msg *resp)
{
	resp->args[1] = t->self.id;
	resp->args[2] = t->self.version;
	resp->args[3] = t->self.spm_id;
}

static void tp_spin(const uint64_t *args, struct ffa_direct_msg *resp)
{
	volatile uint64_t x = args[2];	/* each step a real one */
	uint64_t i;

	for (i = 0; i < args[1]; i++)
		x = tp_spin_step(x);
	resp->args[1] = x;
}

static void tp_last_status(const struct tp *t, struct ffa_direct_msg *resp)
{
	resp->args[1] = tp_status(t->last_status);
}

static void tp_dispatch(struct tp *t, const struct ffa_direct_msg *req,
			struct ffa_direct_msg *resp)
{
	const uint64_t *a = req->args;

	switch (a[0]) {
	case TP_CMD_ECHO:
		return tp_echo(a, resp);
	case TP_CMD_WHOAMI:
		return tp_whoami(t, resp);
	case TP_CMD_MEM_RETRIEVE:
		return tp_mem_retrieve(t, a, resp);
	case TP_CMD_MEM_RELINQUISH:
		return tp_mem_relinquish(t, a, resp);
	case TP_CMD_MEM_PERM:
		return tp_mem_perm(t, a, resp);
	case TP_CMD_NOTIFY:
		return tp_notify(t, a, resp);
	case TP_CMD_SEND2:
		return tp_send2(t, a, resp);
	case TP_CMD_MISBEHAVE:
		return tp_misbehave(t, req, resp);
	case TP_CMD_NOTIF_BIND:
		return tp_notif_bind(t, a, resp);
	case TP_CMD_NOTIF_GET:
		return tp_notif_get(t, a, resp);
	case TP_CMD_READ_RX:
		return tp_read_rx(t, a, resp);
	case TP_CMD_LAST_STATUS:
		return tp_last_status(t, resp);
	case TP_CMD_FP_LOAD:
		return tp_fp_load(t, a, resp);
	case TP_CMD_FP_SUM:
		return tp_fp_sum_cmd(t, a, resp);
	case TP_CMD_SPIN:
		return tp_spin(a, resp);
	case TP_CMD_SPIN_UNTIL:
		return tp_spin_until(t, a, resp);
	case TP_CMD_VECTORS:
		return tp_vectors(t, a, resp);
	case TP_CMD_TOUCH:
		return tp_touch(t, a, resp);
	case TP_CMD_MEM_SEND:
		return tp_mem_send(t, a, resp);
	case TP_CMD_MEM_RECLAIM:
		return tp_mem_reclaim(t, a, resp);
	default:
		resp->args[0] = tp_status(FFA_RET_NOT_SUPPORTED);
	}
}

static void tp_request(struct tp *t, struct ffa_event *ev)
{
	struct ffa_direct_msg resp;

	pt_resp_init(&t->self, &ev->direct, &resp);
	t->last_requester = ev->direct.sender;
	tp_dispatch(t, &ev->direct, &resp);
	pt_answer(&t->self, ev, &resp);
}

/* REQ2 carries 14 words: the test partition echoes them all. */
static void tp_request2(struct tp *t, struct ffa_event *ev)
{
	struct ffa_direct_msg2 resp = ev->direct2;

	resp.sender = t->self.id;
	resp.receiver = ev->direct2.sender;
	ffa_direct_resp2(t->self.c, &resp, ev);
}

int ffa_test_partition_main(const struct ffa_env *env)
{
	struct tp t = { .last_status = 0 };
	struct ffa_event ev;
	int ret = pt_init(&t.self, env);

	if (ret)
		return ret;
	if (!pt_wait(&t.self, &ev))
		return FFA_RET_DENIED;
	for (;;) {
		if (ev.type == FFA_EV_DIRECT_REQ) {
			tp_request(&t, &ev);
			continue;
		}
		if (ev.type == FFA_EV_DIRECT_REQ2) {
			tp_request2(&t, &ev);
			continue;
		}
		if (ev.type == FFA_EV_RUN)
			tp_on_run(&t);
		if (!pt_wait(&t.self, &ev))
			return FFA_RET_DENIED;
	}
}
