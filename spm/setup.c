// SPDX-License-Identifier: BSD-3-Clause
/*
 * Setup and discovery: FFA_VERSION, FFA_FEATURES, FFA_ID_GET,
 * FFA_SPM_ID_GET and FFA_CONSOLE_LOG (ffa-abi.md 2.2, 4, 5, 13.2).
 */
#include <libffa/status.h>
#include "internal.h"

static uint32_t version_min(uint32_t a, uint32_t b)
{
	return a < b ? a : b;
}

/* FFA_VERSION answers with a raw value in w0, never SUCCESS or ERROR. */
static void version_answer(struct spm_ctx *c, uint32_t w0)
{
	struct ffa_regs r;

	ffa_regs_init(&r, w0);
	spm_ret_regs(c, &r);
}

/*
 * A caller asking for a newer minor gets ours and uses ours (spec rule 3
 * of ffa-abi.md 4; Hafnium's NOT_SUPPORTED is the pitfall of 15.1).
 * Once frozen, only a request that keeps the negotiated version is
 * answered: one that would change it is NOT_SUPPORTED (bad input 34).
 */
void spm_h_version(struct spm_ctx *c)
{
	uint32_t req = (uint32_t)c->in->x[1];
	uint32_t ours = c->spm->version;
	uint32_t agreed;

	if ((req & FFA_VERSION_MBZ) ||
	    FFA_VERSION_MAJOR(req) != FFA_VERSION_MAJOR(ours)) {
		version_answer(c, FFA_VERSION_NOT_SUPPORTED);
		return;
	}
	agreed = version_min(req, ours);
	if (c->caller->version_frozen && agreed != c->caller->version) {
		version_answer(c, FFA_VERSION_NOT_SUPPORTED);
		return;
	}
	c->caller->version = agreed;
	spm_abi_view_update(c->caller);
	version_answer(c, ours);
}

static bool fid_is_retrieve_req(uint32_t fid)
{
	return fid == FFA_MEM_RETRIEVE_REQ_32 || fid == FFA_MEM_RETRIEVE_REQ_64;
}

/*
 * Input properties (bad input 35): none, except that a v1.1+ caller of
 * MEM_RETRIEVE_REQ may say in bit 1 that it handles the NS bit. Set or
 * clear, the answer is the same: every v1.1+ retriever gets the NS bit
 * in its responses, as the v1.1 attributes define it.
 */
static bool features_input_ok(const struct spm_ctx *c, uint32_t fid,
			      uint32_t props)
{
	if (fid_is_retrieve_req(fid) && c->caller->version >= FFA_VERSION_1_1)
		return (props & ~FFA_FEAT_RETRIEVE_NS_BIT) == 0;
	return props == 0;
}

/*
 * What a function's row says about it, in the caller's version
 * (ffa-abi.md 5.2). RX/TX: 4 KiB minimum size and alignment, and from
 * v1.2 the largest buffer we map. MEM_RETRIEVE_REQ: NS-bit handling
 * (v1.1+) and n = SPM_RETRIEVALS_N, i.e. 2^(n+1) - 1 retrievals per
 * borrower; no dynamic buffers, no hypervisor retrieve. Everything else
 * (the send ABIs' dynamic-buffer bit included) is 0.
 */
static void features_properties(const struct spm_ctx *c, uint32_t fid,
				uint32_t *w2, uint32_t *w3)
{
	uint32_t version = c->caller->version;

	*w2 = 0;
	*w3 = 0;
	if (fid == FFA_RXTX_MAP_32 || fid == FFA_RXTX_MAP_64) {
		*w2 = FFA_RXTX_MIN_4K;
		if (version >= FFA_VERSION_1_2)
			*w2 |= SPM_MAX_RXTX_PAGES << FFA_RXTX_MAX_PAGES_SHIFT;
	} else if (fid_is_retrieve_req(fid)) {
		if (version >= FFA_VERSION_1_1)
			*w2 = FFA_FEAT_RETRIEVE_NS_BIT;
		*w3 = SPM_RETRIEVALS_N;
	}
}

/*
 * Exactly the rows of the dispatch table this caller may use: its role
 * and its negotiated version decide (abi_table.c), and answers such as
 * FFA_ERROR or FFA_MEM_RETRIEVE_RESP count.
 */
static void features_of_function(struct spm_ctx *c, uint32_t fid,
				 uint32_t props)
{
	uint32_t w2, w3;

	fid &= ~SMCCC_SVE_HINT;
	if (!spm_fid_available(c->spm, c->caller, fid) ||
	    !features_input_ok(c, fid, props)) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: function");
		return;
	}
	features_properties(c, fid, &w2, &w3);
	spm_ret_success(c, w2, w3);
}

/*
 * The interrupt a caller can use for feature id (ffa-abi.md 5.1): the
 * SRI is the scheduler's; the NPI a partition's whose manifest enables
 * notifications (nobody else is ever sent one); no managed exit (MEI).
 */
static bool feature_intid(const struct spm_endpoint *ep, uint32_t id,
			  uint32_t *intid)
{
	bool notifications = ep->cfg.properties & FFA_PART_PROP_NOTIFICATIONS;

	if (id == FFA_FEATURE_SRI && ep->cfg.is_host) {
		*intid = SPM_SRI_INTID;
		return true;
	}
	if (id == FFA_FEATURE_NPI && !ep->cfg.is_host && notifications) {
		*intid = SPM_NPI_INTID;
		return true;
	}
	return false;
}

/*
 * Feature IDs came with v1.1 (v1.0's FFA_FEATURES takes function IDs
 * only), and both interrupts serve notifications: a v1.0 caller, or any
 * caller of a v1.0 manager, has neither.
 */
static void features_of_feature(struct spm_ctx *c, uint32_t id,
				uint32_t props)
{
	uint32_t intid;

	if ((id & FFA_FEATURE_ID_MBZ) || props != 0 ||
	    c->caller->version < FFA_VERSION_1_1) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: malformed");
		return;
	}
	if (!feature_intid(c->caller, id, &intid)) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: feature");
		return;
	}
	spm_ret_success(c, intid, 0);
}

void spm_h_features(struct spm_ctx *c)
{
	uint32_t w1 = (uint32_t)c->in->x[1];
	uint32_t w2 = (uint32_t)c->in->x[2];

	if (w1 & FFA_FEATURE_IS_FUNC)
		features_of_function(c, w1, w2);
	else
		features_of_feature(c, w1, w2);
}

void spm_h_id_get(struct spm_ctx *c)
{
	spm_ret_success(c, c->caller->cfg.id, 0);
}

void spm_h_spm_id_get(struct spm_ctx *c)
{
	spm_ret_success(c, c->spm->spm_id, 0);
}

/*
 * Characters one call may carry (ffa-abi.md 13.2). CONSOLE_LOG is a
 * v1.2 ABI (2.1), served to v1.2 callers only (abi_table.c), so the x2..x7
 * form of a v1.1 caller does not arise.
 */
static uint32_t console_max(bool smc64)
{
	return smc64 ? FFA_CONSOLE_LOG_MAX_64 : FFA_CONSOLE_LOG_MAX_32;
}

static void console_flush(struct spm *spm, struct spm_endpoint *ep)
{
	if (spm->plat.ops->console)
		spm->plat.ops->console(spm->plat.ctx, ep->cfg.id,
				       ep->console, ep->console_len);
	ep->console_len = 0;
}

/*
 * A line ends at '\n' (not printed) or NUL, or when the buffer is full.
 * A NUL with nothing buffered prints nothing: it is padding.
 */
static void console_put(struct spm *spm, struct spm_endpoint *ep, char ch)
{
	if (ch == '\n' || (ch == '\0' && ep->console_len > 0)) {
		console_flush(spm, ep);
		return;
	}
	if (ch == '\0')
		return;
	ep->console[ep->console_len++] = ch;
	if (ep->console_len == sizeof(ep->console))
		console_flush(spm, ep);
}

void spm_h_console_log(struct spm_ctx *c)
{
	bool smc64 = FFA_FID_IS_64((uint32_t)c->in->x[0]);
	unsigned int per_reg = smc64 ? 8U : 4U;
	/* w1 bits above the count were refused before (abi_table.c). */
	uint32_t count = (uint32_t)c->in->x[1];
	uint32_t i;

	if (count == 0 || count > console_max(smc64)) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "console_log: bad character count");
		return;
	}
	for (i = 0; i < count; i++)
		console_put(c->spm, c->caller,
			    (char)(c->in->x[2 + i / per_reg] >>
				   (8U * (i % per_reg))));
	spm_ret_success(c, 0, 0);
}
