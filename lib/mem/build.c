// SPDX-License-Identifier: BSD-3-Clause
/*
 * The streaming builder of a send descriptor (or a retrieve response):
 * the fixed part first, then constituents written straight into the
 * caller's buffer until it is full. The caller sends that fragment and
 * the same buffer then carries only further constituents (ffa-abi.md
 * 9.10), so any number of ranges passes through one TX page without an
 * intermediate copy.
 */
#include <ffa/misc.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include "wire.h"

/* Where everything goes, from the spec alone. */
struct build_geom {
	struct ffa_mem_layout l;
	uint32_t composite_offset;
	uint32_t ranges_offset;
	uint32_t total_len;
};

static int build_geometry(const struct ffa_mtd_spec *spec,
			  struct build_geom *g)
{
	uint64_t emads_end, total;
	int ret = ffa_mem_layout_of(spec->version, &g->l);

	if (ret)
		return ret;
	ret = ffa_mtd_check_model(&g->l, &spec->hdr, spec->access,
				  spec->nr_access);
	if (ret)
		return ret;
	if (spec->nr_ranges == 0)
		return FFA_RET_INVALID_PARAMETERS;
	/* Our layouts keep this 16-aligned already; align anyway. */
	emads_end = g->l.emad_offset + (uint64_t)spec->nr_access *
		    g->l.emad_size;
	emads_end = (emads_end + FFA_MEM_DESC_ALIGN - 1) &
		    ~(uint64_t)(FFA_MEM_DESC_ALIGN - 1);
	total = emads_end + MTD_COMPOSITE_SIZE +
		(uint64_t)spec->nr_ranges * MTD_RANGE_SIZE;
	if (total > 0xffffffffULL)
		return FFA_RET_INVALID_PARAMETERS;
	g->composite_offset = (uint32_t)emads_end;
	g->ranges_offset = g->composite_offset + MTD_COMPOSITE_SIZE;
	g->total_len = (uint32_t)total;
	return 0;
}

static void builder_init(struct ffa_mtd_builder *b, void *buf,
			 uint32_t buf_size, const struct ffa_mtd_spec *spec,
			 const struct build_geom *g, uint32_t first_index)
{
	b->buf = buf;
	b->buf_size = buf_size;
	b->frag_len = 0;
	b->frag_start = 0;
	b->total_len = g->total_len;
	b->ranges_offset = g->ranges_offset;
	b->nr_ranges = spec->nr_ranges;
	b->ranges_added = first_index;
	b->first_index = first_index;
	b->pages_declared = spec->total_pages;
	b->pages_added = 0;
}

int ffa_mtd_build_begin(struct ffa_mtd_builder *b, void *buf,
			uint32_t buf_size, const struct ffa_mtd_spec *spec)
{
	struct build_geom g;
	uint8_t *d = buf;
	uint32_t emads_end;
	uint8_t *c;
	int ret = build_geometry(spec, &g);

	if (ret)
		return ret;
	if (buf_size < g.ranges_offset)
		return FFA_RET_NO_MEMORY;
	emads_end = ffa_mtd_put_fixed(d, &g.l, &spec->hdr, spec->access,
				      spec->nr_access, g.composite_offset);
	/* Any alignment padding, and the composite's reserved field. */
	ffa_bytes_zero(d + emads_end, g.ranges_offset - emads_end);
	c = d + g.composite_offset;
	ffa_st32(c + COMP_OFF(total_page_count), spec->total_pages);
	ffa_st32(c + COMP_OFF(range_count), spec->nr_ranges);
	builder_init(b, buf, buf_size, spec, &g, 0);
	b->frag_len = g.ranges_offset;
	return 0;
}

int ffa_mtd_build_resume(struct ffa_mtd_builder *b, void *buf,
			 uint32_t buf_size, const struct ffa_mtd_spec *spec,
			 uint32_t offset)
{
	struct build_geom g;
	int ret = build_geometry(spec, &g);

	if (ret)
		return ret;
	/* Only a constituent boundary with a constituent still to come. */
	if (offset < g.ranges_offset || offset >= g.total_len ||
	    (offset - g.ranges_offset) % MTD_RANGE_SIZE != 0)
		return FFA_RET_INVALID_PARAMETERS;
	if (buf_size < MTD_RANGE_SIZE)
		return FFA_RET_NO_MEMORY;
	builder_init(b, buf, buf_size, spec, &g,
		     (offset - g.ranges_offset) / MTD_RANGE_SIZE);
	b->frag_start = offset;
	return 0;
}

static int check_new_range(const struct ffa_mtd_builder *b,
			   uint64_t address, uint32_t pages)
{
	uint64_t end;

	if (b->ranges_added >= b->nr_ranges)
		return FFA_RET_INVALID_PARAMETERS;
	if (pages == 0 || address % FFA_PAGE_SIZE != 0)
		return FFA_RET_INVALID_PARAMETERS;
	if (!ffa_range_end(address, pages, &end))
		return FFA_RET_INVALID_PARAMETERS;
	/* pages_added <= pages_declared < 2^32: the sum cannot wrap. */
	if (b->pages_added + pages > b->pages_declared)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}

int ffa_mtd_build_add(struct ffa_mtd_builder *b, uint64_t address,
		      uint32_t pages)
{
	uint8_t *r;
	int ret = check_new_range(b, address, pages);

	if (ret)
		return ret;
	if (b->buf_size - b->frag_len < MTD_RANGE_SIZE)
		/* An empty fragment that cannot take one range never will. */
		return b->frag_len == 0 ? FFA_RET_NO_MEMORY : FFA_EFULL;
	r = b->buf + b->frag_len;
	ffa_st64(r + RANGE_OFF(address), address);
	ffa_st32(r + RANGE_OFF(page_count), pages);
	ffa_st32(r + RANGE_OFF(reserved), 0);
	b->frag_len += MTD_RANGE_SIZE;
	b->ranges_added++;
	b->pages_added += pages;
	return 0;
}

void ffa_mtd_build_next_fragment(struct ffa_mtd_builder *b)
{
	b->frag_start += b->frag_len;
	b->frag_len = 0;
}

uint32_t ffa_mtd_build_next_index(const struct ffa_mtd_builder *b)
{
	return b->ranges_added;
}

int ffa_mtd_build_finish(const struct ffa_mtd_builder *b)
{
	if (b->ranges_added != b->nr_ranges)
		return FFA_RET_INVALID_PARAMETERS;
	/* A resumed builder never saw the pages of the earlier ranges. */
	if (b->first_index == 0 && b->pages_added != b->pages_declared)
		return FFA_RET_INVALID_PARAMETERS;
	return 0;
}
