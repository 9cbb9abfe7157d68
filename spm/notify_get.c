// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notifications, the receiving side (ffa-abi.md 11): a receiver takes its
 * pending bits with FFA_NOTIFICATION_GET, and the scheduler learns who
 * has some with FFA_NOTIFICATION_INFO_GET. notify.c is the sending side.
 */
#include <libffa/status.h>
#include "internal.h"

static uint32_t lo32(uint64_t v)
{
	return (uint32_t)v;
}

static uint32_t hi32(uint64_t v)
{
	return (uint32_t)(v >> 32);
}

/*
 * w1 = vCPU[31:16] | receiver[15:0]; w2 = which bitmaps. Flag bits[31:4]
 * are ignored: SBZ in the crate, MBZ in Hafnium, and a caller sending
 * zeros works with both (ffa-abi.md 15.9). What is returned is consumed.
 */
void spm_h_notif_get(struct spm_ctx *c)
{
	uint32_t w1 = (uint32_t)c->in->x[1];
	uint32_t flags = (uint32_t)c->in->x[2] & FFA_NOTIF_GET_ALL;
	struct spm_notifications *n = &c->caller->notif;
	struct ffa_regs r;

	if (FFA_TARGET_INFO_VCPU(w1) != c->caller->cfg.id ||
	    FFA_TARGET_INFO_ID(w1) >= c->caller->cfg.nr_vcpus) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "notif get: not the caller, or no such vCPU");
		return;
	}
	ffa_regs_init(&r, FFA_SUCCESS_32);
	if (flags & FFA_NOTIF_GET_SP) {
		r.x[2] = lo32(n->pending_from_sp);
		r.x[3] = hi32(n->pending_from_sp);
		n->pending_from_sp = 0;
	}
	if (flags & FFA_NOTIF_GET_VM) {
		r.x[4] = lo32(n->pending_from_vm);
		r.x[5] = hi32(n->pending_from_vm);
		n->pending_from_vm = 0;
	}
	if (flags & FFA_NOTIF_GET_SPM_FW) {
		r.x[6] = n->spm_fw;
		n->spm_fw = 0;
	}
	if (flags & FFA_NOTIF_GET_HYP_FW) {
		r.x[7] = n->hyp_fw;
		n->hyp_fw = 0;
	}
	spm_ret_regs(c, &r);
}

static bool info_reportable(const struct spm_endpoint *ep)
{
	const struct spm_notifications *n = &ep->notif;

	return n->info_pending && (n->pending_from_sp | n->pending_from_vm |
				   n->spm_fw | n->hyp_fw);
}

/*
 * Each endpoint with something new is one list with no vCPU IDs (global
 * notifications). The IDs are packed 16 bits each from x3 up: four per
 * register for the _64 form, two for the _32 one. Endpoints that do not
 * fit stay pending and set the "more" bit.
 */
static uint32_t info_collect(struct spm *spm, bool smc64,
			     struct ffa_regs *r, bool *more)
{
	uint32_t max = smc64 ? FFA_NOTIF_INFO_MAX_IDS_64 :
			       FFA_NOTIF_INFO_MAX_IDS_32;
	uint32_t per_reg = smc64 ? 4U : 2U;
	struct spm_endpoint *ep;
	uint32_t i, n = 0;

	*more = false;
	for (i = 0; i < spm->nr_endpoints; i++) {
		ep = &spm->endpoints[i];
		if (!info_reportable(ep))
			continue;
		if (n == max) {
			*more = true;
			break;
		}
		r->x[3 + n / per_reg] |= (uint64_t)ep->cfg.id <<
					 (16U * (n % per_reg));
		ep->notif.info_pending = false;
		n++;
	}
	return n;
}

/* The scheduler's call: the dispatch table refuses partitions (abi_table.c). */
void spm_h_notif_info_get(struct spm_ctx *c)
{
	bool smc64 = FFA_FID_IS_64((uint32_t)c->in->x[0]);
	struct ffa_regs r;
	uint32_t lists;
	bool more;

	ffa_regs_init(&r, smc64 ? FFA_SUCCESS_64 : FFA_SUCCESS_32);
	lists = info_collect(c->spm, smc64, &r, &more);
	if (lists == 0) {
		spm_ret_error(c, FFA_RET_NO_DATA, NULL);
		return;
	}
	r.x[2] = (more ? FFA_NOTIF_INFO_MORE_PENDING : 0) |
		 ((uint64_t)lists << FFA_NOTIF_INFO_LISTS_SHIFT);
	spm_ret_regs(c, &r);
}
