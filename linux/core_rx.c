// SPDX-License-Identifier: GPL-2.0
/*
 * Indirect messages received: a partition's FFA_MSG_SEND2 to this kernel
 * leaves the message in our RX buffer and pends the framework's "RX
 * buffer full" notification, which reaches us through the SRI like any
 * other (core_notif.c fetches it). The message is copied out of RX under
 * the buffer lock and RX released at once, on every path, so that RX is
 * never held while a user's callback runs; then the callback registered
 * for the sender gets the copy, or the catch-all one (/dev/ffa's) when
 * the sender has none.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/string.h>

#include <ffa/msg.h>
#include <ffa/notify.h>
#include <ffa/version.h>
#include <libffa/bytes.h>
#include <libffa/client.h>

#include "core_priv.h"

#define RX_CBS		16	/* senders with a callback at once */

struct rx_cb {
	ffa_core_msg_cb fn;
	void *data;
	u16 sender;
};

/*
 * cb_lock serialises the callbacks' table and the delivery (which runs
 * from the one SRI work item), so that unregistering waits for a
 * callback that is running. rx_msg is the copy delivered, under it.
 */
static DEFINE_MUTEX(cb_lock);
static struct rx_cb rx_cbs[RX_CBS];
static struct rx_cb rx_any;	/* for senders without their own */
static u8 rx_msg[FFA_MSG_SEND2_MAX_TOTAL];

static struct rx_cb *cb_find(u16 sender)
{
	int i;

	for (i = 0; i < RX_CBS; i++)
		if (rx_cbs[i].fn && rx_cbs[i].sender == sender)
			return &rx_cbs[i];
	return NULL;
}

int ffa_core_msg_register(u16 sender, ffa_core_msg_cb cb, void *data)
{
	int i, rc = -ENOSPC;

	if (!cb)
		return -EINVAL;
	if (ffa_core.version < FFA_VERSION_1_1)
		return -EOPNOTSUPP;
	mutex_lock(&cb_lock);
	if (cb_find(sender)) {
		rc = -EBUSY;
		goto out;
	}
	for (i = 0; i < RX_CBS; i++) {
		if (!rx_cbs[i].fn) {
			rx_cbs[i] = (struct rx_cb){ cb, data, sender };
			rc = 0;
			break;
		}
	}
out:
	mutex_unlock(&cb_lock);
	return rc;
}

void ffa_core_msg_unregister(u16 sender)
{
	struct rx_cb *cb;

	mutex_lock(&cb_lock);
	cb = cb_find(sender);
	if (!cb && rx_any.fn)
		cb = &rx_any;
	if (cb)
		*cb = (struct rx_cb){ };
	mutex_unlock(&cb_lock);
}

int ffa_core_msg_register_any(ffa_core_msg_cb cb, void *data)
{
	int rc = 0;

	if (!cb)
		return -EINVAL;
	if (ffa_core.version < FFA_VERSION_1_1)
		return -EOPNOTSUPP;
	mutex_lock(&cb_lock);
	if (rx_any.fn)
		rc = -EBUSY;
	else
		rx_any = (struct rx_cb){ .fn = cb, .data = data };
	mutex_unlock(&cb_lock);
	return rc;
}

void ffa_core_msg_unregister_any(void)
{
	mutex_lock(&cb_lock);
	rx_any = (struct rx_cb){ };
	mutex_unlock(&cb_lock);
}

/*
 * Copy the message in RX to rx_msg and release RX: its payload's size,
 * and the sender, or -EPROTO for a header that does not hold together
 * (RX is released then too).
 */
static int rx_take(u16 *sender)
{
	const u8 *rx = ffa_core.rx;
	u32 offset, size;
	int rc, rel;

	mutex_lock(&ffa_core.buf_lock);
	offset = ffa_ld32(rx + offsetof(struct ffa_msg_send2_hdr, offset));
	size = ffa_ld32(rx + offsetof(struct ffa_msg_send2_hdr, size));
	*sender = ffa_ld16(rx + offsetof(struct ffa_msg_send2_hdr, sender));
	if (offset < FFA_MSG_SEND2_HDR_SIZE_V1_1 || size > sizeof(rx_msg) ||
	    offset > ffa_core.buf_size || size > ffa_core.buf_size - offset) {
		rc = -EPROTO;
	} else {
		memcpy(rx_msg, rx + offset, size);
		rc = size;
	}
	rel = ffa_rx_release(&ffa_core.conduit, 0);
	mutex_unlock(&ffa_core.buf_lock);
	if (rel)
		pr_warn_ratelimited("RX_RELEASE after a message: %d\n", rel);
	return rc;
}

void ffa_core_rx_fw_notified(u32 fw_bits)
{
	struct rx_cb *cb;
	u16 sender;
	int size;

	if (!(fw_bits & FFA_FW_NOTIF_RX_BUFFER_FULL))
		return;
	mutex_lock(&cb_lock);
	size = rx_take(&sender);
	if (size < 0) {
		pr_warn_ratelimited("an indirect message with a bad header, dropped\n");
		goto out;
	}
	cb = cb_find(sender);
	if (!cb && rx_any.fn)
		cb = &rx_any;
	if (cb)
		cb->fn(sender, rx_msg, size, cb->data);
	else
		pr_info_ratelimited("indirect message from 0x%04x, nobody listens: dropped\n",
				    sender);
out:
	mutex_unlock(&cb_lock);
}
