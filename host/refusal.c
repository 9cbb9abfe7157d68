// SPDX-License-Identifier: BSD-3-Clause
/*
 * Why a call was refused, for the caller to read. The manager gives its
 * reason to the platform log (level 3) just before it decides to answer
 * FFA_ERROR; the runtime keeps that line until the decision is carried
 * out, then files it under the endpoint whose vCPU gets the error. That
 * is the caller for an immediate refusal, and also a vCPU that waited in
 * its call while another endpoint's call or abort decided its answer.
 * spm/ stays unchanged: the reason travels the seam it already uses.
 */
#include <stdio.h>
#include <string.h>
#include <ffa/func.h>
#include "host_internal.h"

void host_refusal_reason(struct ffa_host *h, const char *line)
{
	/* The last one wins: it is written just before the decision. */
	snprintf(h->reason, sizeof(h->reason), "%s", line);
	h->reason_pending = true;
}

void host_refusal_note(struct ffa_host *h, struct host_vcpu *to,
		       const struct ffa_regs *r)
{
	struct host_ep *ep;

	if (to && to->in_call && (uint32_t)r->x[0] == FFA_ERROR) {
		ep = to->ep;
		memcpy(ep->reason, h->reason_pending ? h->reason : "",
		       sizeof(ep->reason));
		ep->refusal.func = to->call_fid;
		ep->refusal.status = (int32_t)r->x[2];
		ep->refusal.reason = ep->reason;
		ep->refused = true;
	}
	h->reason_pending = false;
	h->reason[0] = '\0';
}

int ffa_host_last_refusal(const struct ffa_host *h, uint16_t id,
			  struct ffa_host_refusal *out)
{
	uint32_t i;

	for (i = 0; i < h->nr_eps; i++)
		if (h->eps[i].id == id && h->eps[i].refused) {
			if (out)
				*out = h->eps[i].refusal;
			return 0;
		}
	return -1;
}
