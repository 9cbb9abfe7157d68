// SPDX-License-Identifier: BSD-3-Clause
/*
 * Endpoints: adding them from their configuration, and finding them.
 *
 * Every call looks its caller up by ID, and a message its receiver: an
 * open-addressing index (spm->ep_slot, linear probing, filled as
 * endpoints are added and never emptied, as endpoints are never
 * removed) finds one in O(1) on average, with at most SPM_EP_SLOTS
 * probes, instead of walking the endpoints.
 */
#include <libffa/bytes.h>
#include "internal.h"

_Static_assert(SPM_EP_SLOTS == 32 &&
	       SPM_EP_SLOTS >= 2 * SPM_MAX_ENDPOINTS &&
	       SPM_MAX_ENDPOINTS < 256,
	       "spm->ep_slot holds index + 1; spm_ep_hash() gives 5 bits");

static uint32_t ep_next(uint32_t slot)
{
	return (slot + 1) & (SPM_EP_SLOTS - 1);
}

struct spm_endpoint *spm_endpoint_probe(struct spm *spm, uint16_t id)
{
	uint32_t slot = spm_ep_hash(id), n;

	for (n = 0; n < SPM_EP_SLOTS; n++, slot = ep_next(slot)) {
		uint32_t s = spm->ep_slot[slot];

		if (s == 0)
			return NULL;	/* a free slot ends the probe */
		if (spm->endpoints[s - 1].cfg.id == id)
			return &spm->endpoints[s - 1];
	}
	return NULL;
}

/* Index endpoints[index] (its ID is not in the index yet). */
static void ep_index_add(struct spm *spm, uint32_t index)
{
	uint32_t slot = spm_ep_hash(spm->endpoints[index].cfg.id), n;

	/* There are more slots than endpoints: one is free. */
	for (n = 0; n < SPM_EP_SLOTS; n++, slot = ep_next(slot)) {
		if (spm->ep_slot[slot] == 0) {
			spm->ep_slot[slot] = (uint8_t)(index + 1);
			return;
		}
	}
}

struct spm_endpoint *spm_host(struct spm *spm)
{
	uint32_t i;

	for (i = 0; i < spm->nr_endpoints; i++)
		if (spm->endpoints[i].cfg.is_host)
			return &spm->endpoints[i];
	return NULL;
}

static bool id_is_reserved(const struct spm *spm, uint16_t id)
{
	return id == spm->spm_id || id == FFA_ID_INVALID ||
	       id >= FFA_ID_SPMD_LP_FIRST;
}

static int check_config(struct spm *spm, const struct spm_endpoint_config *cfg)
{
	if (spm->nr_endpoints >= SPM_MAX_ENDPOINTS)
		return FFA_RET_NO_MEMORY;
	if (id_is_reserved(spm, cfg->id) || spm_endpoint_by_id(spm, cfg->id))
		return FFA_RET_INVALID_PARAMETERS;
	if (cfg->nr_vcpus == 0 || cfg->nr_vcpus > SPM_MAX_VCPUS ||
	    cfg->nr_uuids > SPM_MAX_UUIDS ||
	    cfg->nr_regions > SPM_MAX_MEM_REGIONS)
		return FFA_RET_INVALID_PARAMETERS;
	if (cfg->is_host && spm_host(spm))
		return FFA_RET_INVALID_PARAMETERS;
	if (FFA_VERSION_MAJOR(cfg->ffa_version) != 1)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

static void endpoint_reset(const struct spm *spm, struct spm_endpoint *ep,
			   const struct spm_endpoint_config *cfg)
{
	uint32_t i;

	ffa_bytes_zero(ep, sizeof(*ep));
	ep->cfg = *cfg;
	ep->cfg.name[sizeof(ep->cfg.name) - 1] = '\0';
	/*
	 * Until it calls FFA_VERSION, an endpoint gets the layouts of the
	 * version both sides speak: its manifest's, or ours if older
	 * (spm_set_version), as FFA_VERSION would have agreed.
	 */
	ep->version = cfg->ffa_version < spm->version ? cfg->ffa_version :
							spm->version;
	ep->index = (uint8_t)(ep - spm->endpoints);
	ep->abi_who = spm_abi_who_of(&ep->cfg);
	spm_abi_view_update(ep);
	/* A REQ2's service UUID is then judged by comparing two words. */
	for (i = 0; i < cfg->nr_uuids && i < SPM_MAX_UUIDS; i++)
		ffa_uuid_to_x2(&cfg->uuids[i], ep->uuid_regs[i]);
	for (i = 0; i < FFA_NOTIFICATION_COUNT; i++)
		ep->notif.bound[i] = FFA_ID_INVALID;
	/*
	 * A partition's notifications exist if its manifest says so; the
	 * host's come into being with FFA_NOTIFICATION_BITMAP_CREATE.
	 */
	ep->notif.enabled = !cfg->is_host &&
			    (cfg->properties & FFA_PART_PROP_NOTIFICATIONS);
}

int spm_add_endpoint_locked(struct spm *spm,
			    const struct spm_endpoint_config *cfg)
{
	uint32_t index = spm->nr_endpoints, i;
	int ret = check_config(spm, cfg);

	if (ret)
		return ret;
	endpoint_reset(spm, &spm->endpoints[index], cfg);
	/* Claim every region first: a failure leaves no endpoint behind. */
	for (i = 0; i < cfg->nr_regions; i++) {
		ret = spm_mem_claim_region(spm, index, &cfg->regions[i]);
		if (ret) {
			while (i-- > 0)
				spm_mem_unclaim_region(spm, index,
						       &cfg->regions[i]);
			return ret;
		}
	}
	spm->nr_endpoints++;
	ep_index_add(spm, index);
	return 0;
}
