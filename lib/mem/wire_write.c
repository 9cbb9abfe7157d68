// SPDX-License-Identifier: BSD-3-Clause
/*
 * Writing the fixed part of a transaction descriptor: header and EMADs,
 * field by field at their byte offsets in the chosen layout. Reserved
 * fields are zero because the whole region is cleared first.
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

int ffa_mtd_check_model(const struct ffa_mem_layout *l,
			const struct ffa_mem_header *hdr,
			const struct ffa_mem_access *access, uint32_t nr_access)
{
	uint32_t i;

	if (nr_access == 0 || nr_access > FFA_MEM_MAX_ACCESS)
		return FFA_RET_INVALID_PARAMETERS;
	/*
	 * Refuse what the layout cannot carry rather than drop it silently:
	 * a translation must not lose an attribute bit or an impdef value.
	 */
	if (ffa_mtd_layout_is_v1_0(l) && hdr->attributes > MTD_ATTR_V1_0_MAX)
		return FFA_RET_INVALID_PARAMETERS;
	if (l->emad_size == FFA_EMAD_SIZE_V1_2)
		return 0;
	for (i = 0; i < nr_access; i++)
		if (!ffa_bytes_all_zero(access[i].impdef,
					sizeof(access[i].impdef)))
			return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

static void put_header(uint8_t *d, const struct ffa_mem_layout *l,
		       const struct ffa_mem_header *hdr, uint32_t nr_access)
{
	ffa_st16(d + MTD_OFF(sender_id), hdr->sender_id);
	if (ffa_mtd_layout_is_v1_0(l)) {
		d[MTD10_OFF(attributes)] = (uint8_t)hdr->attributes;
	} else {
		ffa_st16(d + MTD_OFF(attributes), hdr->attributes);
		ffa_st32(d + MTD_OFF(emad_size), l->emad_size);
		ffa_st32(d + MTD_OFF(emad_offset), l->emad_offset);
	}
	ffa_st32(d + MTD_OFF(flags), hdr->flags);
	ffa_st64(d + MTD_OFF(handle), hdr->handle);
	ffa_st64(d + MTD_OFF(tag), hdr->tag);
	ffa_st32(d + MTD_OFF(emad_count), nr_access);
}

static void put_emad(uint8_t *e, const struct ffa_mem_layout *l,
		     const struct ffa_mem_access *a, uint32_t composite_offset)
{
	ffa_st16(e + EMAD_OFF(receiver_id), a->receiver_id);
	e[EMAD_OFF(perms)] = a->perms;
	e[EMAD_OFF(flags)] = a->flags;
	ffa_st32(e + EMAD_OFF(composite_offset), composite_offset);
	if (l->emad_size == FFA_EMAD_SIZE_V1_2)
		ffa_bytes_copy(e + EMAD_OFF(impdef), a->impdef,
			       sizeof(a->impdef));
}

uint32_t ffa_mtd_put_fixed(uint8_t *d, const struct ffa_mem_layout *l,
			   const struct ffa_mem_header *hdr,
			   const struct ffa_mem_access *access,
			   uint32_t nr_access, uint32_t composite_offset)
{
	uint32_t end = l->emad_offset + nr_access * l->emad_size;
	uint32_t i;

	/* nr_access <= FFA_MEM_MAX_ACCESS (checked): end is a few hundred. */
	ffa_bytes_zero(d, end);
	put_header(d, l, hdr, nr_access);
	for (i = 0; i < nr_access; i++)
		put_emad(d + l->emad_offset + i * l->emad_size, l, &access[i],
			 composite_offset);
	return end;
}
