// SPDX-License-Identifier: BSD-3-Clause
/*
 * A borrower's retrieve request and relinquish descriptor, each validated
 * on its own (bad-input rows 24, 25 and 27). What needs the transaction's
 * state (handle, tag, owner, granted permissions) is the manager's check.
 */
#include <ffa/version.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

#define RELINQ_OFF(f)	FFA_OFFSETOF(struct ffa_mem_relinquish, f)
#define RELINQ_HDR_SIZE	((uint32_t)sizeof(struct ffa_mem_relinquish))

static int check_retrieve_zero_flags(uint32_t flags, const char **why)
{
	uint32_t type = (flags & FFA_RETRIEVE_TYPE_MASK) >>
			FFA_RETRIEVE_TYPE_SHIFT;

	/*
	 * Zeroing is MBZ for a SHARE (ffa-abi.md 9.6). With type "any" the
	 * manager checks it against the handle's real type.
	 */
	if (type == FFA_RETRIEVE_TYPE_SHARE &&
	    (flags & (FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER)))
		return ffa_mtd_reject(why, "zero flag on a SHARE retrieve");
	return 0;
}

static int check_retrieve_flags(uint32_t caller_version, uint32_t flags,
				uint32_t nr_access, const char **why)
{
	/* The bypass flag (bit 10) only exists from v1.2. */
	uint32_t mbz = FFA_VERSION_MINOR(caller_version) >= 2 ?
		FFA_RETRIEVE_FLAGS_MBZ_V1_2 : FFA_RETRIEVE_FLAGS_MBZ_V1_1;

	if (flags & mbz)
		return ffa_mtd_reject(why, "reserved flag bits are set");
	if (flags & FFA_RETRIEVE_TIME_SLICE)
		return ffa_mtd_reject(why, "time slicing is not supported");
	/* Like Hafnium, we place ranges ourselves: hints are unsupported. */
	if (flags & (FFA_RETRIEVE_ALIGN_VALID | FFA_RETRIEVE_ALIGN_MASK))
		return ffa_mtd_reject(why, "alignment hint is not supported");
	/*
	 * The bypass flag lets a borrower name only itself; whether the
	 * transaction really has several borrowers is the manager's check.
	 */
	(void)nr_access;
	return check_retrieve_zero_flags(flags, why);
}

static int read_retrieve_access(const uint8_t *d, const struct ffa_mtd_geom *g,
				struct ffa_retrieve_req *out, const char **why)
{
	uint32_t i, offset;
	int ret;

	for (i = 0; i < g->emad_count; i++) {
		struct ffa_mem_access *a = &out->access[i];

		ret = ffa_mtd_get_emad(d, g, i, a, &offset, why);
		if (ret)
			return ret;
		if (offset != 0)
			return ffa_mtd_reject(why,
					      "composite offset in a request");
		if (a->flags & FFA_EMAD_FLAGS_MBZ)
			return ffa_mtd_reject(why,
					      "reserved EMAD flag bits set");
		ret = ffa_mtd_check_perm_bits(a->perms, why);
		if (ret)
			return ret;
	}
	return ffa_mtd_check_receivers(out->access, g->emad_count,
				       out->hdr.sender_id, why);
}

int ffa_retrieve_req_parse(uint32_t caller_version, const uint8_t *desc,
			   uint32_t len, struct ffa_retrieve_req *out,
			   const char **why)
{
	struct ffa_mtd_geom g;
	int ret = ffa_mtd_get_header(desc, len, caller_version, &out->hdr, &g,
				     why);

	if (ret)
		return ret;
	/* No composite, no trailing bytes (Hafnium demands the same). */
	if (len != g.emads_end)
		return ffa_mtd_reject(why, "request length does not fit EMADs");
	ret = check_retrieve_flags(caller_version, out->hdr.flags,
				   g.emad_count, why);
	if (ret)
		return ret;
	ret = ffa_mtd_check_attr_bits(&g.layout, out->hdr.attributes, why);
	if (ret)
		return ret;
	ret = read_retrieve_access(desc, &g, out, why);
	if (ret)
		return ret;
	out->layout_version = ffa_mtd_layout_version(&g.layout);
	out->nr_access = g.emad_count;
	out->type = (out->hdr.flags & FFA_RETRIEVE_TYPE_MASK) >>
		    FFA_RETRIEVE_TYPE_SHIFT;
	return 0;
}

static int check_relinquish_flags(uint32_t flags, const char **why)
{
	if (flags & FFA_RELINQUISH_TIME_SLICE)
		return ffa_mtd_reject(why, "time slicing is not supported");
	if (flags & FFA_RELINQUISH_FLAGS_MBZ)
		return ffa_mtd_reject(why, "reserved flag bits are set");
	return 0;
}

/* n <= FFA_RELINQUISH_MAX_IDS (8): the scan is bounded. */
static bool id_seen(const uint16_t *ids, uint32_t n, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

int ffa_relinquish_parse(const uint8_t *desc, uint32_t len,
			 struct ffa_relinquish *out, const char **why)
{
	uint32_t count, i;
	int ret;

	if (len < RELINQ_HDR_SIZE)
		return ffa_mtd_reject(why,
				      "relinquish shorter than its header");
	out->handle = ffa_ld64(desc + RELINQ_OFF(handle));
	out->flags = ffa_ld32(desc + RELINQ_OFF(flags));
	count = ffa_ld32(desc + RELINQ_OFF(endpoint_count));
	if (count == 0 || count > FFA_RELINQUISH_MAX_IDS)
		return ffa_mtd_reject(why, "endpoint count out of range");
	/* 64-bit: safe whatever the count. */
	if ((uint64_t)RELINQ_HDR_SIZE + 2ULL * count > len)
		return ffa_mtd_reject(why, "endpoint IDs run past the buffer");
	ret = check_relinquish_flags(out->flags, why);
	if (ret)
		return ret;
	for (i = 0; i < count; i++) {
		out->ids[i] = ffa_ld16(desc + RELINQ_HDR_SIZE + 2 * i);
		if (id_seen(out->ids, i, out->ids[i]))
			return ffa_mtd_reject(why, "endpoint named twice");
	}
	out->nr_ids = count;
	return 0;
}
