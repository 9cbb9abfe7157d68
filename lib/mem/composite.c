// SPDX-License-Identifier: BSD-3-Clause
/*
 * The composite memory region descriptor of a send or a retrieve
 * response: where it may sit and what its header must say (bad-input
 * rows 4, 5 and 9).
 */
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

static int check_composite_offset(uint32_t offset, uint32_t frag_len,
				  const struct ffa_mtd_geom *g,
				  const char **why)
{
	/* Class 4. */
	if (offset == 0)
		return ffa_mtd_reject(why, "composite offset is zero");
	if (offset < g->emads_end)
		return ffa_mtd_reject(why,
				      "composite overlaps the header or EMADs");
	/*
	 * TF-A's send path and the arm-ffa crate align to 8, Hafnium to 16:
	 * accept 8 here, always produce 16 (ffa-abi.md 15.8). Mind that
	 * lengths come in 16-byte units (class 1, kept from the bad-input
	 * table) and class 5 fixes the total exactly, so a composite at
	 * 8 mod 16 is still refused, by the length check below.
	 */
	if (offset % 8 != 0)
		return ffa_mtd_reject(why,
				      "composite offset not 8-byte aligned");
	if ((uint64_t)offset + MTD_COMPOSITE_SIZE > frag_len)
		return ffa_mtd_reject(why,
				      "composite is past the 1st fragment");
	return 0;
}

int ffa_mtd_get_composite(const uint8_t *d, uint32_t frag_len,
			  uint32_t total_len, const struct ffa_mtd_geom *g,
			  struct ffa_mtd *out, const char **why)
{
	const uint8_t *c;
	int ret = check_composite_offset(out->composite_offset, frag_len, g,
					 why);

	if (ret)
		return ret;
	c = d + out->composite_offset;
	out->total_pages = ffa_ld32(c + COMP_OFF(total_page_count));
	out->nr_ranges = ffa_ld32(c + COMP_OFF(range_count));
	out->ranges_offset = out->composite_offset + MTD_COMPOSITE_SIZE;
	/* Class 9. */
	if (ffa_ld64(c + COMP_OFF(reserved)) != 0)
		return ffa_mtd_reject(why, "composite reserved field not zero");
	/* Class 5: nothing to share is not a transaction. */
	if (out->nr_ranges == 0)
		return ffa_mtd_reject(why, "composite has no constituents");
	/* Class 5: the total says exactly where the constituents end. */
	if ((uint64_t)out->ranges_offset +
	    (uint64_t)out->nr_ranges * MTD_RANGE_SIZE != total_len)
		return ffa_mtd_reject(why,
				      "total length does not match the ranges");
	out->layout_version = ffa_mtd_layout_version(&g->layout);
	out->nr_access = g->emad_count;
	out->total_len = total_len;
	return 0;
}
