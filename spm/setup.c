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
	version_answer(c, ours);
}

static bool fid_is_retrieve_req(uint32_t fid)
{
	return fid == FFA_MEM_RETRIEVE_REQ_32 || fid == FFA_MEM_RETRIEVE_REQ_64;
}

/* Input properties: MBZ except the NS-bit handling flag of a retrieve. */
static bool features_input_ok(uint32_t fid, uint32_t props)
{
	if (fid_is_retrieve_req(fid))
		return (props & ~FFA_FEAT_RETRIEVE_NS_BIT) == 0;
	return props == 0;
}

static void features_of_function(struct spm_ctx *c, uint32_t fid,
				 uint32_t props)
{
	uint32_t w2 = 0;

	fid &= ~SMCCC_SVE_HINT;
	if (!spm_fid_implemented(c->spm, fid) || !features_input_ok(fid, props)) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: function");
		return;
	}
	/*
	 * RX/TX: 4 KiB minimum size and alignment; v1.2 callers also learn
	 * the largest buffer we map. MEM_RETRIEVE_REQ answers w3 = n = 0:
	 * one outstanding retrieval per borrower, no dynamic buffer.
	 */
	if ((fid == FFA_RXTX_MAP_32 || fid == FFA_RXTX_MAP_64) &&
	    c->caller->version >= FFA_VERSION_1_2)
		w2 = FFA_RXTX_MIN_4K |
		     (SPM_MAX_RXTX_PAGES << FFA_RXTX_MAX_PAGES_SHIFT);
	spm_ret_success(c, w2, 0);
}

/*
 * SRI goes to the scheduler only; NPI to partitions only; no MEI. Feature
 * IDs came with v1.1 (v1.0's FFA_FEATURES takes function IDs only), and
 * both interrupts serve notifications, which a v1.0 manager lacks.
 */
static void features_of_feature(struct spm_ctx *c, uint32_t id,
				uint32_t props)
{
	bool host = c->caller->cfg.is_host;

	if ((id & FFA_FEATURE_ID_MBZ) || props != 0 ||
	    c->spm->version < FFA_VERSION_1_1) {
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: malformed");
		return;
	}
	if (id == FFA_FEATURE_SRI && host)
		spm_ret_success(c, SPM_SRI_INTID, 0);
	else if (id == FFA_FEATURE_NPI && !host)
		spm_ret_success(c, SPM_NPI_INTID, 0);
	else
		spm_ret_error(c, FFA_RET_NOT_SUPPORTED, "features: feature");
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

/* Characters one call may carry (ffa-abi.md 13.2). */
static uint32_t console_max(const struct spm_ctx *c, bool smc64)
{
	if (!smc64)
		return FFA_CONSOLE_LOG_MAX_32;
	if (c->caller->version < FFA_VERSION_1_2)
		return FFA_CONSOLE_LOG_MAX_64_V1_1;
	return FFA_CONSOLE_LOG_MAX_64;
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
	uint64_t w1 = c->in->x[1];
	uint32_t count = (uint32_t)(w1 & FFA_CONSOLE_LOG_COUNT_MASK);
	uint32_t i;

	if ((w1 & ~(uint64_t)FFA_CONSOLE_LOG_COUNT_MASK) || count == 0 ||
	    count > console_max(c, smc64)) {
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
