// SPDX-License-Identifier: BSD-3-Clause
/*
 * Indirect messaging: FFA_MSG_SEND2 (ffa-abi.md 12), a v1.1 ABI (a v1.0
 * caller never gets here: the dispatch table's "since", abi_table.c). The
 * header is copied out of the sender's TX once and validated from that
 * copy; the message is then copied whole and the validated header
 * written over its first bytes, so the receiver sees exactly what was
 * checked even if the sender rewrote its TX in between.
 */
#include <ffa/msg.h>
#include <ffa/notify.h>
#include <libffa/bytes.h>
#include <libffa/status.h>
#include "internal.h"

struct send2 {
	uint8_t hdr[FFA_MSG_SEND2_HDR_SIZE_V1_2];	/* validated copy */
	uint32_t hdr_size;		/* for the sender's version */
	uint32_t total;			/* offset + size */
	bool delay_sri;
	struct spm_endpoint *recv;
};

static int send2_check_regs(const struct spm_ctx *c, const char **why)
{
	const struct ffa_regs *in = c->in;
	uint32_t flags = (uint32_t)in->x[2];

	/*
	 * w1[15:0], w2's other flags and x3..x7 were refused before
	 * (abi_table.c). w1[31:16] is a field, the ID of a sender a hypervisor
	 * forwards for; none does here, so it must be 0.
	 */
	*why = "msg_send2: a forwarded sender ID";
	if (FFA_FWD_SENDER_ID(in->x[1]) != 0)
		return FFA_RET_INVALID_PARAMETERS;
	/* Only a partition's execution context can end later than now. */
	*why = "msg_send2: delay SRI from the host";
	if ((flags & FFA_MSG_SEND2_DELAY_SRI) && c->caller->cfg.is_host)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "msg_send2: no TX buffer";
	if (!c->caller->mbox.pages)
		return FFA_RET_DENIED;
	return 0;
}

/* The header fields, from the copy: layout and sender. */
static int send2_check_header(const struct spm_ctx *c, struct send2 *m,
			      const char **why)
{
	const uint8_t *h = m->hdr;
	uint64_t total = (uint64_t)ffa_ld32(h + 8) + ffa_ld32(h + 16);
	uint64_t tx_size = (uint64_t)c->caller->mbox.pages * FFA_PAGE_SIZE;

	*why = "msg_send2: header flags or reserved fields set";
	if (ffa_ld32(h) || ffa_ld32(h + 4) ||
	    (m->hdr_size > 20 && ffa_ld32(h + 20)))
		return FFA_RET_INVALID_PARAMETERS;
	*why = "msg_send2: payload offset inside the header";
	if (ffa_ld32(h + 8) < m->hdr_size)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "msg_send2: message larger than a page or the TX buffer";
	if (total > FFA_MSG_SEND2_MAX_TOTAL || total > tx_size)
		return FFA_RET_INVALID_PARAMETERS;
	m->total = (uint32_t)total;
	*why = "msg_send2: header sender is not the caller";
	if (ffa_ld16(h + 14) != c->caller->cfg.id)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

/* The receiver named in the header, and whether it can take it now. */
static int send2_check_receiver(const struct spm_ctx *c, struct send2 *m,
				const char **why)
{
	uint16_t id = ffa_ld16(m->hdr + 12);
	const struct spm_endpoint *r;

	*why = "msg_send2: receiver is the sender or unknown";
	m->recv = spm_endpoint_by_id(c->spm, id);
	r = m->recv;
	if (id == c->caller->cfg.id || !r)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "msg_send2: sender or receiver without indirect messages";
	if (!(c->caller->cfg.properties & FFA_PART_PROP_INDIRECT_MSG) ||
	    !(r->cfg.properties & FFA_PART_PROP_INDIRECT_MSG))
		return FFA_RET_DENIED;
	*why = "msg_send2: receiver aborted";
	if (r->aborted)
		return FFA_RET_ABORTED;
	*why = "msg_send2: receiver RX not mapped or full";
	if (!r->mbox.pages || r->mbox.rx_state != SPM_RX_EMPTY)
		return FFA_RET_BUSY;
	/* Implied by the one-page limit while RX is whole pages; kept. */
	*why = "msg_send2: message larger than the receiver's RX";
	if (m->total > (uint64_t)r->mbox.pages * FFA_PAGE_SIZE)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

/* Copy the header once and validate it from the copy. */
static int send2_prepare(struct spm_ctx *c, struct send2 *m,
			 const char **why)
{
	const uint8_t *copy;
	int ret = send2_check_regs(c, why);

	if (ret)
		return ret;
	m->delay_sri = c->in->x[2] & FFA_MSG_SEND2_DELAY_SRI;
	m->hdr_size = c->caller->version >= FFA_VERSION_1_2 ?
		      FFA_MSG_SEND2_HDR_SIZE_V1_2 :
		      FFA_MSG_SEND2_HDR_SIZE_V1_1;
	*why = "msg_send2: cannot copy the header from TX";
	ret = spm_tx_copy(c, m->hdr_size, &copy);
	if (ret)
		return ret;
	ffa_bytes_copy(m->hdr, copy, m->hdr_size);
	ret = send2_check_header(c, m, why);
	if (!ret)
		ret = send2_check_receiver(c, m, why);
	return ret;
}

void spm_h_msg_send2(struct spm_ctx *c)
{
	/* spm_tx_copy() copies into this CPU's buffer, manager memory. */
	uint8_t *msg = c->spm->cpus[c->cpu].buf;
	const uint8_t *copy;
	struct send2 m;
	const char *why;
	int ret = send2_prepare(c, &m, &why);

	if (!ret) {
		why = "msg_send2: cannot copy the message from TX";
		ret = spm_tx_copy(c, m.total, &copy);
	}
	if (!ret) {
		ffa_bytes_copy(msg, m.hdr, m.hdr_size);
		why = "msg_send2: cannot write the receiver's RX";
		ret = spm_rx_produce(c->spm, m.recv, msg, m.total);
	}
	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	spm_notif_pend_framework(c->spm, c->cpu, m.recv, c->caller,
				 FFA_FW_NOTIF_RX_BUFFER_FULL, m.delay_sri);
	spm_ret_success(c, 0, 0);
}
