// SPDX-License-Identifier: BSD-3-Clause
/*
 * A retrieve response, as a borrower reads it from its RX buffer. It has
 * the shape of a send, but the relayer fills in what a sender may not:
 * the handle, the transaction type in the flags, the NS attribute bit and
 * the EMAD flags. The borrower checks the relayer's numbers all the same
 * (bad-input row 38): nothing is used before it is bounded.
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

/* Flag bits a response may carry: zero-before/after status, the type. */
#define RESP_FLAGS_ALLOWED \
	(FFA_RETRIEVE_ZERO_BEFORE | FFA_RETRIEVE_ZERO_AFTER | \
	 FFA_RETRIEVE_TYPE_MASK)

static int check_resp_header(const struct ffa_mtd_geom *g,
			     const struct ffa_mem_header *hdr,
			     const char **why)
{
	uint16_t mbz = ffa_mtd_layout_is_v1_0(&g->layout) ?
		(FFA_MEM_ATTR_MBZ_V1_0 | FFA_MEM_ATTR_NS) :
		FFA_MEM_ATTR_MBZ_V1_1;

	if (hdr->handle == 0 || hdr->handle == FFA_HANDLE_INVALID)
		return ffa_mtd_reject(why, "response names no handle");
	if (hdr->flags & ~RESP_FLAGS_ALLOWED)
		return ffa_mtd_reject(why, "reserved flag bits are set");
	if ((hdr->flags & FFA_RETRIEVE_TYPE_MASK) == 0)
		return ffa_mtd_reject(why, "response has no transaction type");
	if (hdr->attributes & mbz)
		return ffa_mtd_reject(why, "reserved attribute bits are set");
	return 0;
}

static int read_resp_access(const uint8_t *d, const struct ffa_mtd_geom *g,
			    struct ffa_mtd *out, const char **why)
{
	uint32_t i, offset;
	int ret;

	for (i = 0; i < g->emad_count; i++) {
		ret = ffa_mtd_get_emad(d, g, i, &out->access[i], &offset, why);
		if (ret)
			return ret;
		ret = ffa_mtd_check_perm_bits(out->access[i].perms, why);
		if (ret)
			return ret;
		if (out->access[i].flags & FFA_EMAD_FLAGS_MBZ)
			return ffa_mtd_reject(why, "EMAD flags reserved bits");
		if (i > 0 && offset != out->composite_offset)
			return ffa_mtd_reject(why, "EMAD composites differ");
		out->composite_offset = offset;
	}
	return ffa_mtd_check_receivers(out->access, g->emad_count,
				       out->hdr.sender_id, why);
}

int ffa_mtd_parse_resp(uint32_t caller_version, const uint8_t *frag,
		       uint32_t frag_len, uint32_t total_len,
		       struct ffa_mtd *out, const char **why)
{
	struct ffa_mtd_geom g;
	int ret;

	if (frag_len > total_len)
		return ffa_mtd_reject(why, "fragment longer than the total");
	ret = ffa_mtd_get_header(frag, frag_len, caller_version, &out->hdr,
				 &g, why);
	if (ret)
		return ret;
	ret = check_resp_header(&g, &out->hdr, why);
	if (ret)
		return ret;
	ret = read_resp_access(frag, &g, out, why);
	if (ret)
		return ret;
	return ffa_mtd_get_composite(frag, frag_len, total_len, &g, out, why);
}
