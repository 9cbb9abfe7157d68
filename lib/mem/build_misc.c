// SPDX-License-Identifier: BSD-3-Clause
/*
 * The small descriptors a borrower writes: a retrieve request (header and
 * EMADs with composite offset 0, no composite) and a relinquish
 * descriptor.
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

#define RELINQ_OFF(f)	FFA_OFFSETOF(struct ffa_mem_relinquish, f)
#define RELINQ_HDR_SIZE	((uint32_t)sizeof(struct ffa_mem_relinquish))

int ffa_mtd_build_retrieve_req(void *buf, uint32_t buf_size,
			       uint32_t version,
			       const struct ffa_mem_header *hdr,
			       const struct ffa_mem_access *access,
			       uint32_t nr_access, uint32_t *len)
{
	struct ffa_mem_layout l;
	int ret = ffa_mem_layout_of(version, &l);

	if (ret)
		return ret;
	ret = ffa_mtd_check_model(&l, hdr, access, nr_access);
	if (ret)
		return ret;
	/* nr_access <= FFA_MEM_MAX_ACCESS: no overflow. */
	if (buf_size < l.emad_offset + nr_access * l.emad_size)
		return FFA_RET_NO_MEMORY;
	*len = ffa_mtd_put_fixed(buf, &l, hdr, access, nr_access, 0);
	return 0;
}

int ffa_relinquish_build(void *buf, uint32_t buf_size, uint64_t handle,
			 uint32_t flags, const uint16_t *ids, uint32_t nr_ids,
			 uint32_t *len)
{
	uint8_t *d = buf;
	uint32_t size, i;

	if (nr_ids == 0 || nr_ids > FFA_RELINQUISH_MAX_IDS)
		return FFA_RET_INVALID_PARAMETERS;
	size = RELINQ_HDR_SIZE + 2 * nr_ids;
	if (buf_size < size)
		return FFA_RET_NO_MEMORY;
	ffa_st64(d + RELINQ_OFF(handle), handle);
	ffa_st32(d + RELINQ_OFF(flags), flags);
	ffa_st32(d + RELINQ_OFF(endpoint_count), nr_ids);
	for (i = 0; i < nr_ids; i++)
		ffa_st16(d + RELINQ_HDR_SIZE + 2 * i, ids[i]);
	*len = size;
	return 0;
}
