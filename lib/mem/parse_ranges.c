// SPDX-License-Identifier: BSD-3-Clause
/*
 * Constituents, taken fragment by fragment into manager memory and judged
 * as a whole at the end (bad-input rows 6, 7, 8 and 18), and the one-shot
 * parse of a complete send descriptor.
 */
#include <ffa/misc.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

void ffa_range_acc_init(struct ffa_range_acc *acc, const struct ffa_mtd *mtd,
			uint64_t addr_limit, struct ffa_mem_range *ranges,
			uint32_t cap)
{
	acc->mtd = mtd;
	acc->addr_limit = addr_limit;
	acc->ranges = ranges;
	acc->cap = cap;
	acc->count = 0;
	acc->page_sum = 0;
}

static void read_range(const uint8_t *b, struct ffa_mem_range *r)
{
	r->address = ffa_ld64(b + RANGE_OFF(address));
	r->page_count = ffa_ld32(b + RANGE_OFF(page_count));
	r->reserved = ffa_ld32(b + RANGE_OFF(reserved));
}

/* Class 7 (and 9 for the reserved word). */
static int check_range(const struct ffa_mem_range *r, uint64_t addr_limit,
		       const char **why)
{
	uint64_t end;

	if (r->page_count == 0)
		return ffa_mtd_reject(why, "constituent has no pages");
	if (r->address % FFA_PAGE_SIZE != 0)
		return ffa_mtd_reject(why, "constituent not 4 KiB aligned");
	if (!ffa_range_end(r->address, r->page_count, &end))
		return ffa_mtd_reject(why, "constituent wraps around");
	if (end > addr_limit)
		return ffa_mtd_reject(why,
				      "constituent past the address range");
	if (r->reserved != 0)
		return ffa_mtd_reject(why,
				      "constituent reserved field not zero");
	return 0;
}

int ffa_mem_range_read(const uint8_t *bytes, uint64_t addr_limit,
		       struct ffa_mem_range *out, const char **why)
{
	struct ffa_mem_range r;
	int ret;

	read_range(bytes, &r);
	ret = check_range(&r, addr_limit, why);
	if (ret)
		return ret;
	*out = r;
	return 0;
}

int ffa_range_acc_add(struct ffa_range_acc *acc, const uint8_t *bytes,
		      uint32_t len, const char **why)
{
	struct ffa_mem_range *dst = acc->ranges + acc->count;
	uint32_t n = len / MTD_RANGE_SIZE;
	uint64_t pages = 0;
	uint32_t i;
	int ret;

	/* Class 5: fragments end on whole constituents. */
	if (len % MTD_RANGE_SIZE != 0)
		return ffa_mtd_reject(why, "fragment ends mid-constituent");
	/* count <= nr_ranges and count <= cap always hold: no underflow. */
	if (n > acc->mtd->nr_ranges - acc->count)
		return ffa_mtd_reject(why, "more constituents than declared");
	/* Class 18. */
	if (n > acc->cap - acc->count)
		return ffa_mtd_fail(why, FFA_RET_NO_MEMORY,
				    "more constituents than we can hold");
	for (i = 0; i < n; i++) {
		read_range(bytes + (size_t)i * MTD_RANGE_SIZE, &dst[i]);
		ret = check_range(&dst[i], acc->addr_limit, why);
		if (ret)
			return ret;
		pages += dst[i].page_count;
	}
	/* Only whole, valid fragments count. */
	acc->count += n;
	acc->page_sum += pages;
	return 0;
}

int ffa_range_acc_finish(const struct ffa_range_acc *acc,
			 struct ffa_mem_range *scratch, const char **why)
{
	if (acc->count != acc->mtd->nr_ranges)
		return ffa_mtd_reject(why, "fewer constituents than declared");
	/*
	 * Class 6: summed in 64 bits, so 0xFFFFFFFF + 2 pages cannot pass
	 * for 1 (Hafnium sums in 32 bits: ffa-bad-inputs.md observation 1).
	 */
	if (acc->page_sum != acc->mtd->total_pages)
		return ffa_mtd_reject(why,
				      "page count does not match the ranges");
	/* Class 8. */
	if (ffa_ranges_check_overlap(acc->ranges, acc->count, scratch))
		return ffa_mtd_reject(why, "constituents overlap");
	return 0;
}

int ffa_mtd_parse_full(const struct ffa_mtd_ctx *ctx, const uint8_t *desc,
		       uint32_t len, struct ffa_mtd *out,
		       struct ffa_mem_range *ranges,
		       struct ffa_mem_range *scratch, uint32_t cap,
		       const char **why)
{
	struct ffa_range_acc acc;
	int ret = ffa_mtd_parse_send(ctx, desc, len, len, out, why);

	if (ret)
		return ret;
	/* Class 18, known before a single constituent is read. */
	if (out->nr_ranges > cap)
		return ffa_mtd_fail(why, FFA_RET_NO_MEMORY,
				    "more constituents than we can hold");
	ffa_range_acc_init(&acc, out, ctx->addr_limit, ranges, cap);
	/* parse_send proved len == ranges_offset + 16 * nr_ranges. */
	ret = ffa_range_acc_add(&acc, desc + out->ranges_offset,
				len - out->ranges_offset, why);
	if (ret)
		return ret;
	return ffa_range_acc_finish(&acc, scratch, why);
}
