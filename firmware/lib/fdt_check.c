// SPDX-License-Identifier: BSD-3-Clause
/*
 * fdt_check_full(), which spm/manifest.c calls before it reads a
 * manifest: the kernel's copy of libfdt (our source of libfdt) leaves
 * out fdt_check.c, so the firmware has its own, written against
 * libfdt's public API. It walks the structure block once: every tag is
 * known and within bounds (fdt_next_tag checks lengths), nodes nest
 * and close, the first tag opens the root, properties live in nodes
 * and name strings inside the strings block.
 */
#include <libfdt.h>

#define MAX_DEPTH	64

static int check_prop(const void *fdt, int offset, int depth)
{
	const struct fdt_property *p;
	int len;

	if (depth == 0)
		return -FDT_ERR_BADSTRUCTURE;
	p = fdt_offset_ptr(fdt, offset, sizeof(*p));
	if (!p)
		return -FDT_ERR_TRUNCATED;
	if (!fdt_get_string(fdt, fdt32_to_cpu(p->nameoff), &len))
		return len < 0 ? len : -FDT_ERR_BADSTRUCTURE;
	return 0;
}

/* One tag at offset: 1 at the end, 0 to go on, or a libfdt error. */
static int check_tag(const void *fdt, uint32_t tag, int offset, int *depth)
{
	switch (tag) {
	case FDT_BEGIN_NODE:
		if (offset != 0 && *depth == 0)
			return -FDT_ERR_BADSTRUCTURE;	/* a second root */
		if (++*depth > MAX_DEPTH)
			return -FDT_ERR_BADSTRUCTURE;
		return 0;
	case FDT_END_NODE:
		return --*depth < 0 ? -FDT_ERR_BADSTRUCTURE : 0;
	case FDT_PROP:
		return check_prop(fdt, offset, *depth);
	case FDT_NOP:
		return 0;
	case FDT_END:
		return *depth == 0 ? 1 : -FDT_ERR_BADSTRUCTURE;
	default:
		return -FDT_ERR_BADSTRUCTURE;
	}
}

int fdt_check_full(const void *fdt, size_t bufsize)
{
	int offset = 0, next = 0, depth = 0, ret;

	if (bufsize < FDT_V1_SIZE)
		return -FDT_ERR_TRUNCATED;
	ret = fdt_check_header(fdt);
	if (ret)
		return ret;
	if (fdt_totalsize(fdt) > bufsize)
		return -FDT_ERR_TRUNCATED;
	if (fdt_next_tag(fdt, 0, &next) != FDT_BEGIN_NODE)
		return -FDT_ERR_BADSTRUCTURE;
	for (;;) {
		uint32_t tag = fdt_next_tag(fdt, offset, &next);

		if (next < 0)
			return next;
		ret = check_tag(fdt, tag, offset, &depth);
		if (ret)
			return ret < 0 ? ret : 0;
		offset = next;
	}
}
