// SPDX-License-Identifier: BSD-3-Clause
/*
 * FFA_PARTITION_INFO_GET (descriptors in the caller's RX buffer) and
 * FFA_PARTITION_INFO_GET_REGS (descriptors in registers), ffa-abi.md 2.2
 * and 7. The partitions are every endpoint but the host: the scheduler
 * asks about the others, and partitions about each other.
 *
 * One descriptor per partition, carrying its first UUID for a Nil query
 * and none for a query naming a UUID (Hafnium gives v1.2 callers one per
 * UUID; one per partition keeps IDs unique, which is what Linux expects).
 */
#include <libffa/bytes.h>
#include <libffa/partinfo.h>
#include <libffa/status.h>
#include "internal.h"

/* Descriptor size of the register form: always the v1.1/v1.2 layout. */
#define PIGR_DESC_SIZE	24U

static bool pi_matches(const struct spm_endpoint *ep,
		       const struct ffa_uuid *uuid)
{
	uint32_t i;

	if (ep->cfg.is_host)
		return false;
	if (ffa_uuid_is_nil(uuid))
		return true;
	for (i = 0; i < ep->cfg.nr_uuids && i < SPM_MAX_UUIDS; i++)
		if (ffa_uuid_equal(&ep->cfg.uuids[i], uuid))
			return true;
	return false;
}

/* The next matching endpoint at or after *index; NULL when none. */
static const struct spm_endpoint *pi_next(struct spm *spm, uint32_t *index,
					  const struct ffa_uuid *uuid)
{
	const struct spm_endpoint *ep;

	for (; *index < spm->nr_endpoints; (*index)++) {
		ep = &spm->endpoints[*index];
		if (pi_matches(ep, uuid)) {
			(*index)++;
			return ep;
		}
	}
	return NULL;
}

static uint32_t pi_count(struct spm *spm, const struct ffa_uuid *uuid)
{
	uint32_t index = 0, n = 0;

	while (pi_next(spm, &index, uuid))
		n++;
	return n;
}

/* Properties as a v1.x caller may see them: PE, AArch64, known bits. */
static uint32_t pi_properties(const struct spm_endpoint *ep,
			      uint32_t version)
{
	uint32_t p = ep->cfg.properties & ~FFA_PART_PROP_ID_TYPE_MASK;

	p |= FFA_PART_PROP_AARCH64 |
	     (FFA_PART_PROP_ID_PE << FFA_PART_PROP_ID_TYPE_SHIFT);
	if (version < FFA_VERSION_1_2)
		return p & FFA_PART_PROP_V1_1_MASK;
	return p & FFA_PART_PROP_V1_2_MASK;
}

static void pi_describe(const struct spm_endpoint *ep,
			const struct ffa_uuid *query, uint32_t version,
			struct ffa_partition *p)
{
	ffa_bytes_zero(p, sizeof(*p));
	p->id = ep->cfg.id;
	p->exec_ctx_count = ep->cfg.nr_vcpus;
	p->properties = pi_properties(ep, version);
	if (ffa_uuid_is_nil(query) && ep->cfg.nr_uuids > 0)
		p->uuid = ep->cfg.uuids[0];
}

static bool version_is_1_0(uint32_t version)
{
	return FFA_VERSION_MINOR(version) == 0;
}

/* Write count descriptors into this CPU's buffer, then into RX. */
static int pi_produce(struct spm_ctx *c, const struct ffa_uuid *uuid,
		      uint32_t count, uint32_t size)
{
	uint8_t *buf = c->spm->cpus[c->cpu].buf;
	uint32_t version = c->caller->version;
	const struct spm_endpoint *ep;
	struct ffa_partition p;
	uint32_t index = 0, i;

	for (i = 0; i < count; i++) {
		ep = pi_next(c->spm, &index, uuid);
		pi_describe(ep, uuid, version, &p);
		ffa_partinfo_write(buf + i * size, &p, version, true);
	}
	return spm_rx_produce(c->spm, c->caller, buf, count * size);
}

/* Does the answer fit? BUSY when RX is not ours to fill. */
static int pi_rx_check(const struct spm_endpoint *ep, uint64_t bytes)
{
	if (ep->mbox.pages == 0 || ep->mbox.rx_state != SPM_RX_EMPTY)
		return FFA_RET_BUSY;
	if (bytes > (uint64_t)ep->mbox.pages * FFA_PAGE_SIZE)
		return FFA_RET_NO_MEMORY;
	return 0;
}

/*
 * w5 flags: bit 0 count only (v1.1+). Its other bits, and all of w5 for
 * a v1.0 caller, were refused before (abi_table.c).
 */
void spm_h_partition_info_get(struct spm_ctx *c)
{
	uint32_t w[4], version = c->caller->version, count, size, i;
	uint32_t flags = (uint32_t)c->in->x[5];
	struct ffa_uuid uuid;
	int ret;

	for (i = 0; i < 4; i++)
		w[i] = (uint32_t)c->in->x[1 + i];
	ffa_uuid_from_w4(&uuid, w);
	count = pi_count(c->spm, &uuid);
	if (count == 0 && !ffa_uuid_is_nil(&uuid)) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "partition_info_get: no such UUID");
		return;
	}
	/*
	 * "All partitions" of a system with none is an empty answer, not an
	 * error: like a count-only query, nothing is produced into RX.
	 */
	if (count == 0 || (flags & FFA_PART_INFO_FLAG_COUNT_ONLY)) {
		spm_ret_success(c, count, 0);
		return;
	}
	size = ffa_partinfo_desc_size(version);
	ret = pi_rx_check(c->caller, (uint64_t)count * size);
	if (!ret)
		ret = pi_produce(c, &uuid, count, size);
	if (ret) {
		spm_ret_error(c, ret, "partition_info_get: RX unavailable");
		return;
	}
	spm_ret_success(c, count, version_is_1_0(version) ? 0 : size);
}

/* Entries start.. (up to five) of the matches, packed into r. */
static uint32_t pigr_pack(struct spm *spm, const struct ffa_uuid *uuid,
			  uint32_t start, uint32_t count, struct ffa_regs *r)
{
	const struct spm_endpoint *ep;
	struct ffa_partition p;
	uint32_t index = 0, i, n = 0;

	for (i = 0; i < count && n < FFA_PIGR_MAX_PER_CALL; i++) {
		ep = pi_next(spm, &index, uuid);
		if (i < start)
			continue;
		pi_describe(ep, uuid, FFA_VERSION_1_2, &p);
		ffa_partinfo_regs_pack(r, n++, &p);
	}
	return n;
}

/* x3[63:32] was refused before (abi_table.c): start and tag are all of x3. */
void spm_h_partition_info_get_regs(struct spm_ctx *c)
{
	uint64_t x3 = c->in->x[3];
	uint32_t start = (uint32_t)(x3 & FFA_PIGR_FIELD_MASK);
	uint32_t tag = (uint32_t)((x3 >> FFA_PIGR_TAG_SHIFT) &
				  FFA_PIGR_FIELD_MASK);
	uint32_t count, n;
	struct ffa_uuid uuid;
	struct ffa_regs r;

	ffa_uuid_from_x2(&uuid, &c->in->x[1]);
	/* The list never changes after boot: only tag 0 is current. */
	if (tag != 0) {
		spm_ret_error(c, FFA_RET_RETRY,
			      "partition_info_get_regs: stale tag");
		return;
	}
	count = pi_count(c->spm, &uuid);
	if (count == 0 || start >= count) {
		spm_ret_error(c, FFA_RET_INVALID_PARAMETERS,
			      "partition_info_get_regs: bad UUID or index");
		return;
	}
	ffa_regs_init(&r, FFA_SUCCESS_64);
	n = pigr_pack(c->spm, &uuid, start, count, &r);
	r.x[2] = ((uint64_t)(count - 1) << FFA_PIGR_LAST_SHIFT) |
		 ((uint64_t)(start + n - 1) << FFA_PIGR_CURRENT_SHIFT) |
		 ((uint64_t)PIGR_DESC_SIZE << FFA_PIGR_DESC_SIZE_SHIFT);
	spm_ret_regs(c, &r);
}
