// SPDX-License-Identifier: BSD-3-Clause
/*
 * RX/TX buffer pairs (ffa-abi.md 2.2, 6): mapping them, the ownership of
 * RX, and the two ways the rest of the manager touches them: copying the
 * TX buffer once into manager memory, and producing into RX.
 */
#include <libffa/bytes.h>
#include <libffa/status.h>
#include "internal.h"

/* A pair is mapped iff pages != 0 (then tx and rx are non-zero too). */
static bool mbox_mapped(const struct spm_endpoint *ep)
{
	return ep->mbox.pages != 0;
}

static uint64_t mbox_bytes(const struct spm_endpoint *ep)
{
	return (uint64_t)ep->mbox.pages * FFA_PAGE_SIZE;
}

/* An ID field naming the caller: 0 or its own ID (ffa-abi.md 15.13). */
static bool id_is_self_or_zero(const struct spm_ctx *c, uint32_t id)
{
	return id == 0 || id == c->caller->cfg.id;
}

static bool ranges_overlap(uint64_t a, uint64_t b, uint64_t size)
{
	return a < b + size && b < a + size;
}

/*
 * The register checks of FFA_RXTX_MAP (bad input 29); w3's reserved bits
 * were refused before (abi_table.c). Address 0 cannot name a buffer: TX = RX
 * = 0 is the hypervisor-forwarded form, which we do not take, and spm.h
 * reserves tx = 0 for "no pair".
 */
static const char *rxtx_map_check(uint64_t tx, uint64_t rx, uint32_t pages)
{
	uint64_t size = (uint64_t)pages * FFA_PAGE_SIZE;
	uint64_t end;

	if (size == 0 || size > SPM_MAX_RXTX_PAGES * FFA_PAGE_SIZE)
		return "rxtx_map: page count 0 or above the maximum";
	if (tx == 0 || rx == 0)
		return "rxtx_map: forwarded or null buffer";
	if (tx % FFA_PAGE_SIZE || rx % FFA_PAGE_SIZE)
		return "rxtx_map: buffer not 4 KiB aligned";
	if (ffa_add_overflow(tx, size, &end) ||
	    ffa_add_overflow(rx, size, &end))
		return "rxtx_map: buffer wraps";
	if (ranges_overlap(tx, rx, size))
		return "rxtx_map: TX and RX overlap";
	return NULL;
}

/*
 * Map tx, rx for ep, checked (rxtx_map_check) and claimed. A pair the
 * endpoint mapped is DENIED a second time (ffa-abi.md 6.1, "second map
 * -> DENIED"). A pair the platform gave (spm_map_mailbox) was never the
 * endpoint's map: its first FFA_RXTX_MAP replaces it when it is idle, so
 * that a driver unaware of the given pair (docs/dt-rxtx.md) still works.
 * The new pair is claimed before the old is released: a refusal leaves
 * the given pair in place, and the given pages cannot be claimed twice.
 */
static int mailbox_map(struct spm *spm, struct spm_endpoint *ep, uint64_t tx,
		       uint64_t rx, uint32_t pages, const char **why)
{
	uint32_t index = spm_endpoint_index(spm, ep);
	struct spm_mailbox old = ep->mbox;
	int ret;

	*why = rxtx_map_check(tx, rx, pages);
	if (*why)
		return FFA_RET_INVALID_PARAMETERS;
	*why = "rxtx_map: already mapped";
	if (mbox_mapped(ep) && !ep->mbox.given)
		return FFA_RET_DENIED;
	*why = "rxtx_map: the given pair is in use";
	if (mbox_mapped(ep) && (ep->mbox.rx_state != SPM_RX_EMPTY ||
				spm_mem_endpoint_busy(spm, index)))
		return FFA_RET_DENIED;
	*why = "rxtx_map: pages not claimable";
	ret = spm_mem_claim_mailbox(spm, index, tx, rx, pages);
	if (ret)
		return ret;
	if (old.pages)
		spm_mem_release_mailbox(spm, index, old.tx, old.rx, old.pages);
	ep->mbox.tx = tx;
	ep->mbox.rx = rx;
	ep->mbox.pages = pages;
	ep->mbox.rx_state = SPM_RX_EMPTY;
	ep->mbox.given = false;
	return 0;
}

void spm_h_rxtx_map(struct spm_ctx *c)
{
	uint64_t tx = c->in->x[1], rx = c->in->x[2];
	uint32_t pages = (uint32_t)(c->in->x[3] & FFA_RXTX_PAGES_MASK);
	const char *why;
	int ret = mailbox_map(c->spm, c->caller, tx, rx, pages, &why);

	if (ret) {
		spm_ret_error(c, ret, why);
		return;
	}
	spm_ret_success(c, 0, 0);
}

/*
 * The platform's pair for endpoint id: mapped exactly as FFA_RXTX_MAP
 * would (so RX_RELEASE, RXTX_UNMAP and a second map behave the same),
 * except that the endpoint's own first map may replace it.
 */
int spm_map_mailbox_locked(struct spm *spm, uint16_t id, uint64_t tx,
			   uint64_t rx, uint32_t pages)
{
	struct spm_endpoint *ep = spm_endpoint_by_id(spm, id);
	const char *why;
	int ret;

	if (!ep || ep->aborted)
		return FFA_RET_INVALID_PARAMETERS;
	if (mbox_mapped(ep))
		return FFA_RET_DENIED;
	ret = mailbox_map(spm, ep, tx, rx, pages, &why);
	if (!ret)
		ep->mbox.given = true;
	return ret;
}

void spm_h_rxtx_unmap(struct spm_ctx *c)
{
	struct spm_endpoint *ep = c->caller;
	uint32_t w1 = (uint32_t)c->in->x[1];
	uint32_t index = spm_endpoint_index(c->spm, ep);

	/* w1[15:0] was refused before if set (abi_table.c). */
	if (!id_is_self_or_zero(c, FFA_RXTX_UNMAP_ID(w1))) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "rxtx_unmap: bad ID field");
		return;
	}
	if (!mbox_mapped(ep)) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "rxtx_unmap: nothing mapped");
		return;
	}
	if (spm_mem_endpoint_busy(c->spm, index)) {
		spm_ret_error(c, FFA_RET_DENIED,
			      "rxtx_unmap: memory transaction in flight");
		return;
	}
	spm_mem_release_mailbox(c->spm, index, ep->mbox.tx, ep->mbox.rx,
				ep->mbox.pages);
	ffa_bytes_zero(&ep->mbox, sizeof(ep->mbox));
	spm_ret_success(c, 0, 0);
}

void spm_h_rx_release(struct spm_ctx *c)
{
	struct spm_endpoint *ep = c->caller;
	uint32_t w1 = (uint32_t)c->in->x[1];

	/* w1[31:16] was refused before if set (abi_table.c). */
	if (!id_is_self_or_zero(c, FFA_RX_ID(w1))) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "rx_release: bad ID field");
		return;
	}
	if (!mbox_mapped(ep) || ep->mbox.rx_state != SPM_RX_FULL) {
		spm_ret_error(c, FFA_RET_DENIED,
			      "rx_release: caller does not own RX");
		return;
	}
	ep->mbox.rx_state = SPM_RX_EMPTY;
	spm_ret_success(c, 0, 0);
}

/*
 * Zero every page from the one where the data ends, then write the data:
 * the endpoint never sees stale bytes past len (bad input 31), and the
 * cost is one page more than the data at most.
 */
static int rx_write(struct spm *spm, const struct spm_endpoint *ep,
		    const void *buf, uint32_t len)
{
	const struct spm_platform_ops *ops = spm->plat.ops;
	uint32_t first = len / FFA_PAGE_SIZE;
	int ret = 0;

	if (first < ep->mbox.pages)
		ret = ops->zero(spm->plat.ctx,
				ep->mbox.rx + (uint64_t)first * FFA_PAGE_SIZE,
				ep->mbox.pages - first);
	if (!ret && len)
		ret = ops->write(spm->plat.ctx, ep->mbox.rx, buf, len);
	return ret ? FFA_RET_ABORTED : 0;
}

int spm_rx_produce(struct spm *spm, struct spm_endpoint *ep,
		   const void *buf, uint32_t len)
{
	int ret;

	if (!mbox_mapped(ep))
		return FFA_RET_DENIED;
	if (ep->mbox.rx_state != SPM_RX_EMPTY)
		return FFA_RET_BUSY;
	if (len > mbox_bytes(ep))
		return FFA_RET_NO_MEMORY;
	ret = rx_write(spm, ep, buf, len);
	if (ret)
		return ret;
	ep->mbox.rx_state = SPM_RX_FULL;
	return 0;
}

int spm_tx_copy(struct spm_ctx *c, uint32_t len, const uint8_t **out)
{
	const struct spm_endpoint *ep = c->caller;
	uint8_t *buf = c->spm->cpus[c->cpu].buf;

	if (!mbox_mapped(ep))
		return FFA_RET_DENIED;
	if (len == 0 || len > mbox_bytes(ep) ||
	    len > sizeof(c->spm->cpus[c->cpu].buf))
		return FFA_RET_INVALID_PARAMETERS;
	if (c->spm->plat.ops->read(c->spm->plat.ctx, buf, ep->mbox.tx, len))
		return FFA_RET_ABORTED;
	*out = buf;
	return 0;
}
