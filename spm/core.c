// SPDX-License-Identifier: BSD-3-Clause
/*
 * The manager's one entry point: sanitize the registers, find the handler
 * for the function ID, freeze the caller's version once it has used
 * anything but FFA_VERSION, and let the handler decide.
 */
#include <libffa/bytes.h>
#include <libffa/status.h>
#include "internal.h"

struct spm_abi {
	uint32_t fid;
	uint32_t since;		/* the FF-A version that introduced it */
	spm_handler handler;
};

/* Short names for the "since" column (ffa-abi.md 2.1). */
#define V1_0	FFA_VERSION_1_0
#define V1_1	FFA_VERSION_1_1
#define V1_2	FFA_VERSION_1_2

/*
 * Every ABI the manager answers, with the version that introduced it: a
 * manager configured for an older version (spm_set_version) neither
 * answers nor advertises the newer ones, so FFA_FEATURES reports exactly
 * the rows with since <= spm->version.
 * FFA_RX_ACQUIRE is absent on purpose: it is how a hypervisor takes a
 * VM's RX buffer back from an SPMC, and here one manager owns every RX.
 */
static const struct spm_abi spm_abis[] = {
	{ FFA_VERSION, V1_0, spm_h_version },
	{ FFA_FEATURES, V1_0, spm_h_features },
	{ FFA_ID_GET, V1_0, spm_h_id_get },
	{ FFA_SPM_ID_GET, V1_1, spm_h_spm_id_get },
	{ FFA_CONSOLE_LOG_32, V1_2, spm_h_console_log },
	{ FFA_CONSOLE_LOG_64, V1_2, spm_h_console_log },
	{ FFA_RXTX_MAP_32, V1_0, spm_h_rxtx_map },
	{ FFA_RXTX_MAP_64, V1_0, spm_h_rxtx_map },
	{ FFA_RXTX_UNMAP, V1_0, spm_h_rxtx_unmap },
	{ FFA_RX_RELEASE, V1_0, spm_h_rx_release },
	{ FFA_PARTITION_INFO_GET, V1_0, spm_h_partition_info_get },
	{ FFA_PARTITION_INFO_GET_REGS, V1_2, spm_h_partition_info_get_regs },
	{ FFA_MSG_WAIT, V1_0, spm_h_msg_wait },
	{ FFA_RUN, V1_0, spm_h_run },
	{ FFA_YIELD, V1_0, spm_h_yield },
	{ FFA_MSG_SEND_DIRECT_REQ_32, V1_0, spm_h_direct_req },
	{ FFA_MSG_SEND_DIRECT_REQ_64, V1_0, spm_h_direct_req },
	{ FFA_MSG_SEND_DIRECT_REQ2, V1_2, spm_h_direct_req },
	{ FFA_MSG_SEND_DIRECT_RESP_32, V1_0, spm_h_direct_resp },
	{ FFA_MSG_SEND_DIRECT_RESP_64, V1_0, spm_h_direct_resp },
	{ FFA_MSG_SEND_DIRECT_RESP2, V1_2, spm_h_direct_resp },
	{ FFA_MSG_SEND2, V1_1, spm_h_msg_send2 },
	{ FFA_MEM_SHARE_32, V1_0, spm_h_mem_send },
	{ FFA_MEM_SHARE_64, V1_0, spm_h_mem_send },
	{ FFA_MEM_LEND_32, V1_0, spm_h_mem_send },
	{ FFA_MEM_LEND_64, V1_0, spm_h_mem_send },
	{ FFA_MEM_DONATE_32, V1_0, spm_h_mem_send },
	{ FFA_MEM_DONATE_64, V1_0, spm_h_mem_send },
	{ FFA_MEM_FRAG_TX, V1_0, spm_h_mem_frag_tx },
	{ FFA_MEM_RETRIEVE_REQ_32, V1_0, spm_h_mem_retrieve_req },
	{ FFA_MEM_RETRIEVE_REQ_64, V1_0, spm_h_mem_retrieve_req },
	{ FFA_MEM_FRAG_RX, V1_0, spm_h_mem_frag_rx },
	{ FFA_MEM_RELINQUISH, V1_0, spm_h_mem_relinquish },
	{ FFA_MEM_RECLAIM, V1_0, spm_h_mem_reclaim },
	{ FFA_MEM_PERM_GET_32, V1_1, spm_h_mem_perm_get },
	{ FFA_MEM_PERM_GET_64, V1_1, spm_h_mem_perm_get },
	{ FFA_MEM_PERM_SET_32, V1_1, spm_h_mem_perm_set },
	{ FFA_MEM_PERM_SET_64, V1_1, spm_h_mem_perm_set },
	{ FFA_NOTIFICATION_BITMAP_CREATE, V1_1, spm_h_notif_bitmap_create },
	{ FFA_NOTIFICATION_BITMAP_DESTROY, V1_1, spm_h_notif_bitmap_destroy },
	{ FFA_NOTIFICATION_BIND, V1_1, spm_h_notif_bind },
	{ FFA_NOTIFICATION_UNBIND, V1_1, spm_h_notif_unbind },
	{ FFA_NOTIFICATION_SET, V1_1, spm_h_notif_set },
	{ FFA_NOTIFICATION_GET, V1_1, spm_h_notif_get },
	{ FFA_NOTIFICATION_INFO_GET_32, V1_1, spm_h_notif_info_get },
	{ FFA_NOTIFICATION_INFO_GET_64, V1_1, spm_h_notif_info_get },
};

#undef V1_0
#undef V1_1
#undef V1_2

#define SPM_NR_ABIS (sizeof(spm_abis) / sizeof(spm_abis[0]))

/* The handler for fid, or NULL when this manager's version lacks it. */
static spm_handler spm_find_handler(const struct spm *spm, uint32_t fid)
{
	uint32_t i;

	for (i = 0; i < SPM_NR_ABIS; i++)
		if (spm_abis[i].fid == fid)
			return spm_abis[i].since <= spm->version ?
			       spm_abis[i].handler : NULL;
	return NULL;
}

bool spm_fid_implemented(const struct spm *spm, uint32_t fid)
{
	return spm_find_handler(spm, fid) != NULL;
}

void spm_ret_regs(struct spm_ctx *c, const struct ffa_regs *r)
{
	c->d->next = SPM_RESUME;
	c->d->ep = c->caller->cfg.id;
	c->d->vcpu = c->vcpu;
	c->d->regs = *r;
	ffa_regs_sanitize_results(&c->d->regs);
}

void spm_ret_success(struct spm_ctx *c, uint32_t w2, uint32_t w3)
{
	struct ffa_regs r;

	ffa_regs_set_success(&r, w2, w3);
	spm_ret_regs(c, &r);
}

void spm_ret_error(struct spm_ctx *c, int code, const char *why)
{
	struct ffa_regs r;

	if (why)
		spm_log(c->spm, 3, why);
	ffa_regs_set_error(&r, code);
	spm_ret_regs(c, &r);
}

void spm_switch_to(struct spm_ctx *c, const struct spm_endpoint *ep,
		   uint16_t vcpu, const struct ffa_regs *r)
{
	c->d->next = SPM_SWITCH;
	c->d->ep = ep->cfg.id;
	c->d->vcpu = vcpu;
	c->d->regs = *r;
	ffa_regs_sanitize_results(&c->d->regs);
}

int spm_init(struct spm *spm, const struct spm_platform *plat,
	     const struct spm_storage *st, uint32_t nr_cpus)
{
	if (!plat || !plat->ops || !st || !st->pages || !st->ranges ||
	    !st->scratch || st->nr_pages == 0 || st->nr_ranges == 0 ||
	    st->mem_base % FFA_PAGE_SIZE != 0 ||
	    nr_cpus == 0 || nr_cpus > SPM_MAX_CPUS)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_bytes_zero(spm, sizeof(*spm));
	spm->plat = *plat;
	spm->st = *st;
	spm->spm_id = FFA_ID_SPMC;
	spm->version = FFA_VERSION_1_2;
	spm->nr_cpus = nr_cpus;
	ffa_bytes_zero(st->pages, st->nr_pages * sizeof(*st->pages));
	spm->lock.rank = SPM_LOCK_RANK_MANAGER;
	return 0;
}

static bool spm_version_known(uint32_t version)
{
	return version == FFA_VERSION_1_0 || version == FFA_VERSION_1_1 ||
	       version == FFA_VERSION_1_2;
}

/*
 * Only before the first endpoint: its negotiated version starts from
 * the manager's (endpoint.c), and a version that changed under a caller
 * would break what it was told.
 */
int spm_set_version(struct spm *spm, uint32_t version)
{
	if (!spm_version_known(version))
		return FFA_RET_INVALID_PARAMETERS;
	if (spm->nr_endpoints != 0)
		return FFA_RET_DENIED;
	spm->version = version;
	return 0;
}

void spm_call_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		     uint16_t vcpu, const struct ffa_regs *in,
		     struct spm_decision *d)
{
	struct ffa_regs regs = *in;
	struct spm_ctx c = {
		.spm = spm, .cpu = cpu, .vcpu = vcpu, .in = &regs, .d = d,
	};
	uint32_t fid;
	spm_handler h;

	ffa_regs_sanitize_args(&regs);
	fid = (uint32_t)regs.x[0] & ~SMCCC_SVE_HINT;
	regs.x[0] = fid;
	c.caller = spm_endpoint_by_id(spm, ep);
	if (!c.caller || cpu >= spm->nr_cpus ||
	    vcpu >= c.caller->cfg.nr_vcpus) {
		/* The platform lost track of who runs: nothing to resume. */
		spm_log(spm, 0, "spm_call from an unknown endpoint or vCPU");
		d->next = SPM_IDLE;
		return;
	}
	/* Its endpoint aborted while this vCPU ran elsewhere: it ends. */
	if (c.caller->aborted) {
		spm_abort_caller(&c);
		return;
	}
	h = spm_find_handler(spm, fid);
	if (!h) {
		spm_ret_error(&c, FFA_RET_NOT_SUPPORTED, NULL);
		return;
	}
	/* The negotiation phase ends with the first other ABI (v1.2). */
	if (fid != FFA_VERSION)
		c.caller->version_frozen = true;
	h(&c);
}
