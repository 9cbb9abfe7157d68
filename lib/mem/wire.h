/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/mem/ internals: the byte-level encoding of the transaction
 * descriptor header and EMADs, and the checks that sends and retrieve
 * requests share. Not an API: callers use libffa/mem_desc.h, and it is
 * neither on any include path nor installed. Builds that link lib/ into
 * another tree (the kernel-world check, the Linux driver) keep lib/'s
 * folders as they are, so "wire.h" resolves beside its sources.
 */
#ifndef LIBFFA_MEM_WIRE_H
#define LIBFFA_MEM_WIRE_H

#include <ffa/mem.h>
#include <ffa/types.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>

/*
 * Header fields shared by both layouts sit at the same offsets, so one
 * name serves both; the v1.0-only ones are named apart.
 */
#define MTD_OFF(f)	FFA_OFFSETOF(struct ffa_mtd_v1_1, f)
#define MTD10_OFF(f)	FFA_OFFSETOF(struct ffa_mtd_v1_0, f)
#define EMAD_OFF(f)	FFA_OFFSETOF(struct ffa_emad_v1_2, f)
#define COMP_OFF(f)	FFA_OFFSETOF(struct ffa_composite_desc, f)
#define RANGE_OFF(f)	FFA_OFFSETOF(struct ffa_mem_range, f)

FFA_STATIC_ASSERT(MTD10_OFF(flags) == MTD_OFF(flags), "flags");
FFA_STATIC_ASSERT(MTD10_OFF(handle) == MTD_OFF(handle), "handle");
FFA_STATIC_ASSERT(MTD10_OFF(tag) == MTD_OFF(tag), "tag");
FFA_STATIC_ASSERT(MTD10_OFF(emad_count) == MTD_OFF(emad_count), "count");
FFA_STATIC_ASSERT(FFA_OFFSETOF(struct ffa_emad_v1_0, composite_offset) ==
		  EMAD_OFF(composite_offset), "EMAD composite offset");

#define MTD_COMPOSITE_SIZE	((uint32_t)sizeof(struct ffa_composite_desc))
#define MTD_RANGE_SIZE		((uint32_t)sizeof(struct ffa_mem_range))
/* Largest value an 8-bit v1.0 attribute field can carry. */
#define MTD_ATTR_V1_0_MAX	0xffU

/* Where a descriptor's EMADs are, as its header says (already checked). */
struct ffa_mtd_geom {
	struct ffa_mem_layout layout;	/* emad_size/offset as found */
	uint32_t emad_count;
	uint32_t emads_end;		/* first byte past the EMAD array */
};

/* Record why (when wanted) and return status: every rejection's tail. */
static inline int ffa_mtd_fail(const char **why, int status,
			       const char *reason)
{
	if (why)
		*why = reason;
	return status;
}

static inline int ffa_mtd_reject(const char **why, const char *reason)
{
	return ffa_mtd_fail(why, FFA_RET_INVALID_PARAMETERS, reason);
}

static inline bool ffa_mtd_layout_is_v1_0(const struct ffa_mem_layout *l)
{
	return l->hdr_size == FFA_MTD_HDR_SIZE_V1_0;
}

/* 1.0, 1.1 or 1.2: the version whose layout this geometry is. */
uint32_t ffa_mtd_layout_version(const struct ffa_mem_layout *l);

/* ---- writing (lib/mem/wire_write.c) ---- */

/* INVALID_PARAMETERS when the layout cannot carry this header/EMAD set. */
int ffa_mtd_check_model(const struct ffa_mem_layout *l,
			const struct ffa_mem_header *hdr,
			const struct ffa_mem_access *access,
			uint32_t nr_access);

/*
 * Zero [0, emads_end) and write the header and every EMAD, each pointing
 * at composite_offset (0 for a retrieve request). Returns emads_end.
 */
uint32_t ffa_mtd_put_fixed(uint8_t *d, const struct ffa_mem_layout *l,
			   const struct ffa_mem_header *hdr,
			   const struct ffa_mem_access *access,
			   uint32_t nr_access, uint32_t composite_offset);

/* ---- reading (lib/mem/wire_read.c) ---- */

/*
 * Read the header in the caller's version layout and check what every
 * descriptor kind shares: reserved fields, EMAD size, count (1 to
 * FFA_MEM_MAX_ACCESS) and that the EMAD array lies within len.
 */
int ffa_mtd_get_header(const uint8_t *d, uint32_t len,
		       uint32_t caller_version, struct ffa_mem_header *hdr,
		       struct ffa_mtd_geom *g, const char **why);

/*
 * Read EMAD i (within g): the model fields and its composite offset;
 * INVALID_PARAMETERS when its reserved field is not zero.
 */
int ffa_mtd_get_emad(const uint8_t *d, const struct ffa_mtd_geom *g,
		     uint32_t i, struct ffa_mem_access *a,
		     uint32_t *composite_offset, const char **why);

/* Reserved attribute bits and the NS bit (for these callers, MBZ). */
int ffa_mtd_check_attr_bits(const struct ffa_mem_layout *l, uint16_t attrs,
			    const char **why);

/* Reserved permission bits and the reserved (11) encodings. */
int ffa_mtd_check_perm_bits(uint8_t perms, const char **why);

/* No receiver is the sender, an invalid ID, or named twice. */
int ffa_mtd_check_receivers(const struct ffa_mem_access *a, uint32_t n,
			    uint16_t sender, const char **why);

/*
 * The composite at out->composite_offset (already read from the EMADs):
 * its placement within the first fragment, reserved field, range count
 * and that total_len ends exactly at the last constituent. Fills
 * total_pages, nr_ranges and ranges_offset, and on success the rest of
 * the fixed part: layout_version, nr_access and total_len (the last step
 * of every fixed-part parser; lib/mem/composite.c).
 */
int ffa_mtd_get_composite(const uint8_t *d, uint32_t frag_len,
			  uint32_t total_len, const struct ffa_mtd_geom *g,
			  struct ffa_mtd *out, const char **why);

/* ---- send policy (lib/mem/parse_access.c) ---- */

int ffa_mtd_check_send_perms(enum ffa_mem_op op, uint8_t perms,
			     const char **why);
int ffa_mtd_check_send_attrs(enum ffa_mem_op op, uint32_t nr_access,
			     uint16_t attrs, const char **why);

#endif /* LIBFFA_MEM_WIRE_H */
