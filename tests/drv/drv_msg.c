// SPDX-License-Identifier: GPL-2.0
/*
 * Messages: the version negotiated, DIRECT_REQ2 (14 words each way) to
 * the echo partition and to the test partition's ECHO, and an indirect
 * message received from the test partition (TP_CMD_SEND2).
 */
#include "drv.h"

#include <linux/completion.h>
#include <linux/ffa_more.h>
#include <linux/jiffies.h>
#include <linux/string.h>

#include <partitions/test_proto.h>

void drv_version(struct drv *t)
{
	u32 v = ffa_more_version();

	drv_ok(t, v == FFA_MORE_VERSION_1_2,
	       "FF-A version 0x%x negotiated with the v1.2 manager (own ID 0x%x)",
	       v, ffa_more_own_id());
}

/* A REQ2 to dst; all 14 words must come back (after a command word). */
static void req2_echo(struct drv *t, u16 dst, const uuid_t *uuid, u64 cmd,
		      const char *what)
{
	u64 w[FFA_MORE_REQ2_WORDS], want[FFA_MORE_REQ2_WORDS];
	int i, rc, bad = 0;

	for (i = 0; i < FFA_MORE_REQ2_WORDS; i++)
		want[i] = 0x0123456789abcdefULL * (i + 1) ^ ((u64)dst << 48);
	if (cmd)
		want[0] = cmd;
	memcpy(w, want, sizeof(w));
	rc = ffa_more_direct_req2(dst, uuid, w);
	for (i = 0; !rc && i < FFA_MORE_REQ2_WORDS; i++)
		bad += w[i] != want[i] && !(cmd && i == 0 && w[0] == 0);
	drv_ok(t, !rc && !bad,
	       "REQ2 to %s 0x%x: 14 words round trip (rc %d, %d wrong)",
	       what, dst, rc, bad);
}

void drv_req2(struct drv *t)
{
	uuid_t echo = UUID_INIT(0xe3c0b9f4, 0x1d2a, 0x4f51, 0x8a, 0x6e, 0x0c,
				0x9d, 0x7b, 0x5a, 0x4e, 0x02);
	uuid_t test = UUID_INIT(0xd1a7f2a0, 0x54b4, 0x4d3c, 0x9b, 0x7e, 0x5f,
				0x3f, 0x0e, 0x1a, 0x2b, 0x01);

	req2_echo(t, DRV_ECHO, &echo, 0, "the echo partition");
	req2_echo(t, DRV_TEST, &test, TP_CMD_ECHO, "the test partition's ECHO");
}

/* ---- indirect messages received ---- */

struct rx_seen {
	struct completion done;
	u16 sender;
	size_t size;
	u8 bytes[16];
};

static void rx_cb(u16 sender, const void *payload, size_t size, void *data)
{
	struct rx_seen *s = data;

	s->sender = sender;
	s->size = size;
	memcpy(s->bytes, payload, min(size, sizeof(s->bytes)));
	complete(&s->done);
}

void drv_indirect(struct drv *t)
{
	const u64 word = 0x1122334455667788ULL;
	u64 w[5] = { TP_CMD_SEND2, ffa_more_own_id(), word };
	struct rx_seen s = { };
	unsigned long left;
	int rc;

	init_completion(&s.done);
	rc = ffa_more_msg_register(DRV_TEST, rx_cb, &s);
	if (rc) {
		drv_blocked(t, 3, "indirect message partition -> Linux", rc);
		return;
	}
	rc = drv_tp(DRV_TEST, w);
	drv_ok(t, !rc, "the test partition's MSG_SEND2 to 0x%x (status %d)",
	       ffa_more_own_id(), rc);
	/* Not a timing: a bound on waiting for what may never come. */
	left = wait_for_completion_timeout(&s.done, 10 * HZ);
	drv_ok(t, left, "RX-full notification delivered the message to the callback");
	drv_ok(t, left && s.sender == DRV_TEST && s.size == sizeof(word) &&
	       !memcmp(s.bytes, &word, sizeof(word)),
	       "the message: sender 0x%x, %zu bytes, payload %*phN", s.sender,
	       s.size, (int)min(s.size, sizeof(s.bytes)), s.bytes);
	ffa_more_msg_unregister(DRV_TEST);
}
