// SPDX-License-Identifier: BSD-3-Clause
/*
 * What an aborted endpoint leaves behind, and how the manager clears it
 * (spm_abort(), cpu.c) so that the others can finish or undo what they
 * had with it:
 *
 * - memory: relinquished, dropped or reclaimed for it (mem_abort.c);
 * - its RX/TX pair: unmapped (the pages stay its own, no longer mailbox
 *   pages), with whatever was queued in RX;
 * - its notifications as a receiver: bindings, pending bits (framework
 *   ones such as "RX full" too) and the scheduler's pending report, so
 *   INFO_GET no longer names it. Bindings naming it as a sender stay the
 *   receivers': they undo them with UNBIND as before, and bits it set
 *   before it aborted stay pending for them to GET.
 *
 * Afterwards every ABI that targets it answers ABORTED ("target
 * aborted", ffa-abi.md 3): direct requests and REQ2, FFA_RUN,
 * MSG_SEND2, NOTIFICATION_SET to it, NOTIFICATION_BIND naming it as the
 * sender, and a retrieve of a transaction it owns that another borrower
 * still holds. A call from one of its vCPUs still running elsewhere ends
 * that vCPU too (core.c).
 */
#include <libffa/bytes.h>
#include "internal.h"

static void release_mailbox(struct spm *spm, struct spm_endpoint *ep)
{
	if (!ep->mbox.pages)
		return;
	spm_mem_release_mailbox(spm, spm_endpoint_index(spm, ep),
				ep->mbox.tx, ep->mbox.rx, ep->mbox.pages);
	ffa_bytes_zero(&ep->mbox, sizeof(ep->mbox));
}

static void drop_notifications(struct spm_notifications *n)
{
	uint32_t i;

	for (i = 0; i < FFA_NOTIFICATION_COUNT; i++)
		n->bound[i] = FFA_ID_INVALID;
	n->pending_from_sp = 0;
	n->pending_from_vm = 0;
	n->spm_fw = 0;
	n->hyp_fw = 0;
	n->info_pending = false;
	n->sri_delayed = false;
}

void spm_abort_sweep(struct spm *spm, struct spm_endpoint *ep)
{
	spm_mem_abort_endpoint(spm, spm_endpoint_index(spm, ep));
	release_mailbox(spm, ep);
	drop_notifications(&ep->notif);
}

static bool notifications_clear(const struct spm_notifications *n)
{
	uint32_t i;

	for (i = 0; i < FFA_NOTIFICATION_COUNT; i++)
		if (n->bound[i] != FFA_ID_INVALID)
			return false;
	return !(n->pending_from_sp | n->pending_from_vm |
		 n->spm_fw | n->hyp_fw) &&
	       !n->info_pending && !n->sri_delayed;
}

int spm_abort_check_invariants(struct spm *spm, const char **why)
{
	const struct spm_endpoint *ep;
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints; i++) {
		ep = &spm->endpoints[i];
		if (!ep->aborted)
			continue;
		*why = "aborted endpoint keeps an RX/TX pair";
		if (ep->mbox.pages || ep->mbox.tx || ep->mbox.rx)
			return FFA_RET_INVALID_PARAMETERS;
		*why = "aborted endpoint keeps notifications";
		if (!notifications_clear(&ep->notif))
			return FFA_RET_INVALID_PARAMETERS;
	}
	return spm_mem_abort_check(spm, why);
}
