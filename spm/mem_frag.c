// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_MEM_FRAG_TX: further constituents of a transaction whose first
 * fragment came with MEM_SHARE/LEND/DONATE (bad-input row 19). A bad
 * fragment abandons the transaction: the sender cannot repair a
 * descriptor half taken in, and keeping it would hold a slot forever.
 */
#include "mem.h"

static int check_fragment(const struct spm_ctx *c, const struct spm_share *s,
			  uint32_t len, const char **why)
{
	uint32_t tx_size = c->caller->mbox.pages * FFA_PAGE_SIZE;

	*why = "bad fragment";
	/*
	 * w4[15:0] was refused before (abi_table.c); w4[31:16] names a sender
	 * a hypervisor forwards for, and we never forward.
	 */
	if (FFA_FWD_SENDER_ID(c->in->x[4]) != 0) {
		*why = "FRAG_TX: a forwarded sender ID";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (!c->caller->mbox.tx || len == 0 || len % 16 != 0 ||
	    len > tx_size)
		return FFA_RET_INVALID_PARAMETERS;
	if (len > s->mtd.total_len - s->bytes_received) {
		*why = "fragments add up past the total";
		return FFA_RET_INVALID_PARAMETERS;
	}
	if (s->fragments >= SPM_MAX_FRAGMENTS) {
		*why = "too many fragments";
		return FFA_RET_NO_MEMORY;
	}
	return 0;
}

static int take_fragment(struct spm_ctx *c, struct spm_share *s,
			 const char **why)
{
	uint32_t len = (uint32_t)c->in->x[3];
	const uint8_t *buf;
	int ret = check_fragment(c, s, len, why);

	if (ret)
		return ret;
	ret = spm_tx_copy(c, len, &buf);
	if (ret)
		return ret;
	/* Later fragments carry constituents only (ffa-abi.md 9.10). */
	ret = spm_mem_take_ranges(c->spm, s, buf, len, why);
	if (ret)
		return ret;
	s->bytes_received += len;
	s->fragments++;
	return 0;
}

void spm_h_mem_frag_tx(struct spm_ctx *c)
{
	struct spm_share *s = spm_share_find(c->spm,
					     spm_mem_handle_arg(c->in));
	const char *why;
	int ret;

	/* Nothing of someone else's transaction is touched. */
	if (!s || s->state != SPM_SHARE_SENDING ||
	    s->owner != spm_endpoint_index(c->spm, c->caller)) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "no transaction of the caller's is being sent");
		return;
	}
	ret = take_fragment(c, s, &why);
	if (ret) {
		spm_share_free(c->spm, s);
		spm_ret_error(c, ret, why);
		return;
	}
	spm_mem_send_progress(c, s);
}
