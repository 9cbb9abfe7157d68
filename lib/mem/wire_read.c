// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reading the fixed part of a transaction descriptor (header and EMADs)
 * and the checks that a send and a retrieve request share. Every offset
 * and length comes from an untrusted endpoint: each is bounded before it
 * is used, with 64-bit arithmetic where a product could wrap.
 */
#include <ffa/ids.h>
#include <ffa/version.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

#define MTD_RESERVED_LEN	(FFA_MTD_HDR_SIZE_V1_1 - MTD_OFF(reserved))

static int check_emad_size(uint32_t caller_version, uint32_t size,
			   const char **why)
{
	/*
	 * v1.1 callers use 16. A v1.2+ caller may send 16 or 32: we honour
	 * the field, because Linux negotiated v1.2 and still sent 16-byte
	 * EMADs (ffa-abi.md 15.3); the layout then reads as v1.1.
	 */
	if (size == FFA_EMAD_SIZE_V1_0)
		return 0;
	if (size == FFA_EMAD_SIZE_V1_2 &&
	    FFA_VERSION_MINOR(caller_version) >= 2)
		return 0;
	return ffa_mtd_reject(why, "EMAD size does not fit the caller version");
}

static int get_header_v1_0(const uint8_t *d, struct ffa_mem_header *hdr,
			   const char **why)
{
	hdr->attributes = d[MTD10_OFF(attributes)];
	if (d[MTD10_OFF(reserved0)] != 0)
		return ffa_mtd_reject(why,
				      "reserved header byte 3 is not zero");
	if (ffa_ld32(d + MTD10_OFF(reserved1)) != 0)
		return ffa_mtd_reject(why, "reserved header word is not zero");
	return 0;
}

static int get_header_v1_1(const uint8_t *d, uint32_t caller_version,
			   struct ffa_mem_header *hdr, struct ffa_mtd_geom *g,
			   const char **why)
{
	uint32_t offset = ffa_ld32(d + MTD_OFF(emad_offset));
	uint32_t size = ffa_ld32(d + MTD_OFF(emad_size));
	int ret;

	hdr->attributes = ffa_ld16(d + MTD_OFF(attributes));
	if (!ffa_bytes_all_zero(d + MTD_OFF(reserved), MTD_RESERVED_LEN))
		return ffa_mtd_reject(why,
				      "reserved header bytes are not zero");
	ret = check_emad_size(caller_version, size, why);
	if (ret)
		return ret;
	if (offset < FFA_MTD_HDR_SIZE_V1_1)
		return ffa_mtd_reject(why, "EMAD offset overlaps the header");
	if (offset % FFA_MEM_DESC_ALIGN != 0)
		return ffa_mtd_reject(why,
				      "EMAD offset is not 16-byte aligned");
	g->layout.emad_size = size;
	g->layout.emad_offset = offset;
	return 0;
}

static int get_emad_array(const uint8_t *d, uint32_t len,
			  struct ffa_mtd_geom *g, const char **why)
{
	uint32_t count = ffa_ld32(d + MTD_OFF(emad_count));
	uint64_t end;

	if (count == 0)
		return ffa_mtd_reject(why, "no receivers");
	if (count > FFA_MEM_MAX_ACCESS)
		return ffa_mtd_reject(why, "more receivers than supported");
	/* count <= 8, size <= 32, offset < 2^32: no wrap in 64 bits. */
	end = (uint64_t)g->layout.emad_offset +
	      (uint64_t)count * g->layout.emad_size;
	if (end > len)
		return ffa_mtd_reject(why, "EMAD array runs past the fragment");
	g->emad_count = count;
	g->emads_end = (uint32_t)end;
	return 0;
}

int ffa_mtd_get_header(const uint8_t *d, uint32_t len,
		       uint32_t caller_version, struct ffa_mem_header *hdr,
		       struct ffa_mtd_geom *g, const char **why)
{
	int ret = ffa_mem_layout_of(caller_version, &g->layout);

	if (ret)
		return ffa_mtd_fail(why, ret, "caller version has no layout");
	if (len < g->layout.hdr_size)
		return ffa_mtd_reject(why,
				      "descriptor shorter than its header");
	hdr->sender_id = ffa_ld16(d + MTD_OFF(sender_id));
	hdr->flags = ffa_ld32(d + MTD_OFF(flags));
	hdr->handle = ffa_ld64(d + MTD_OFF(handle));
	hdr->tag = ffa_ld64(d + MTD_OFF(tag));
	if (ffa_mtd_layout_is_v1_0(&g->layout))
		ret = get_header_v1_0(d, hdr, why);
	else
		ret = get_header_v1_1(d, caller_version, hdr, g, why);
	if (ret)
		return ret;
	return get_emad_array(d, len, g, why);
}

int ffa_mtd_get_emad(const uint8_t *d, const struct ffa_mtd_geom *g,
		     uint32_t i, struct ffa_mem_access *a,
		     uint32_t *composite_offset, const char **why)
{
	const uint8_t *e = d + g->layout.emad_offset + i * g->layout.emad_size;
	bool wide = g->layout.emad_size == FFA_EMAD_SIZE_V1_2;
	uint32_t reserved = wide ? EMAD_OFF(reserved) :
		FFA_OFFSETOF(struct ffa_emad_v1_0, reserved);

	a->receiver_id = ffa_ld16(e + EMAD_OFF(receiver_id));
	a->perms = e[EMAD_OFF(perms)];
	a->flags = e[EMAD_OFF(flags)];
	*composite_offset = ffa_ld32(e + EMAD_OFF(composite_offset));
	/* The impdef value is opaque: kept to be quoted back, never judged. */
	ffa_bytes_zero(a->impdef, sizeof(a->impdef));
	if (wide)
		ffa_bytes_copy(a->impdef, e + EMAD_OFF(impdef),
			       sizeof(a->impdef));
	if (ffa_ld64(e + reserved) != 0)
		return ffa_mtd_reject(why, "EMAD reserved field is not zero");
	return 0;
}

int ffa_mtd_check_attr_bits(const struct ffa_mem_layout *l, uint16_t attrs,
			    const char **why)
{
	/*
	 * v1.0 reserves bits[7:6] (NS arrived in v1.1). From v1.1 the NS bit
	 * is the relayer's to set in a retrieve response; an endpoint may
	 * not set it (ffa-abi.md 9.4), and bits[15:7] are reserved.
	 */
	uint16_t mbz = ffa_mtd_layout_is_v1_0(l) ?
		(FFA_MEM_ATTR_MBZ_V1_0 | FFA_MEM_ATTR_NS) :
		FFA_MEM_ATTR_MBZ_V1_1;

	if (attrs & mbz)
		return ffa_mtd_reject(why, "reserved attribute bits are set");
	if (attrs & FFA_MEM_ATTR_NS)
		return ffa_mtd_reject(why,
				      "NS attribute bit set by the caller");
	return 0;
}

int ffa_mtd_check_perm_bits(uint8_t perms, const char **why)
{
	if (perms & FFA_MEM_PERMS_MBZ)
		return ffa_mtd_reject(why, "reserved permission bits are set");
	if ((perms & FFA_MEM_DATA_MASK) == FFA_MEM_DATA_RSVD)
		return ffa_mtd_reject(why, "reserved data access value");
	if ((perms & FFA_MEM_INSTR_MASK) == FFA_MEM_INSTR_RSVD)
		return ffa_mtd_reject(why, "reserved instruction access value");
	return 0;
}

int ffa_mtd_check_receivers(const struct ffa_mem_access *a, uint32_t n,
			    uint16_t sender, const char **why)
{
	uint32_t i, j;

	/* n <= FFA_MEM_MAX_ACCESS (8): the pairwise loop is bounded. */
	for (i = 0; i < n; i++) {
		uint16_t id = a[i].receiver_id;

		if (id == sender)
			return ffa_mtd_reject(why, "receiver is the sender");
		/* 0xFFFF is the SPMD, never a borrower; 0x7FFF means none. */
		if (id == FFA_ID_INVALID || id == FFA_ID_SPMD)
			return ffa_mtd_reject(why, "receiver ID is invalid");
		for (j = 0; j < i; j++)
			if (a[j].receiver_id == id)
				return ffa_mtd_reject(why,
						      "receiver named twice");
	}
	return 0;
}
