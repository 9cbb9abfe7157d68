// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * desc decode: a memory transaction descriptor (SHARE/LEND/DONATE, as a
 * sender writes it into its TX buffer) judged by lib/'s parser, the one
 * the partition manager runs, then printed. Pure: bytes in, text out.
 *
 * The sender is taken from the descriptor itself (decoding is not
 * authorizing), the operation from --op (a send descriptor does not
 * say), the layout from --version or from the bytes: a v1.1+ header has
 * its EMAD size (16 or 32) at offset 24, where v1.0 has a reserved,
 * zero word.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <ffa/version.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>
#include "ffactl.h"

/* Far above what any TX buffer holds; a bound for the copy in memory. */
#define DESC_MAX_LEN	(1U << 20)

static const char *const op_names[] = { "share", "lend", "donate" };

int desc_parse_op(const char *s, int *op)
{
	int i;

	for (i = 0; i < 3; i++) {
		if (!strcmp(s, op_names[i])) {
			*op = i;
			return 0;
		}
	}
	return -EINVAL;
}

int desc_parse_version(const char *s, uint32_t *version)
{
	if (!strcmp(s, "1.0"))
		*version = FFA_VERSION_1_0;
	else if (!strcmp(s, "1.1"))
		*version = FFA_VERSION_1_1;
	else if (!strcmp(s, "1.2"))
		*version = FFA_VERSION_1_2;
	else
		return -EINVAL;
	return 0;
}

static uint32_t guess_version(const uint8_t *d, size_t len)
{
	uint32_t emad_size;

	if (len < FFA_MTD_HDR_SIZE_V1_1)
		return FFA_VERSION_1_0;
	emad_size = ffa_ld32(d + 24);
	if (emad_size == FFA_EMAD_SIZE_V1_2)
		return FFA_VERSION_1_2;
	if (emad_size == FFA_EMAD_SIZE_V1_0)
		return FFA_VERSION_1_1;
	return FFA_VERSION_1_0;
}

static void put_layout(uint32_t version, struct jw *w, FILE *h)
{
	char name[16];

	snprintf(name, sizeof(name), "%u.%u", version >> 16, version & 0xffff);
	jw_str(w, "layout", name);
	fprintf(h, "layout: v%s\n", name);
}

static const char *data_name(uint8_t perms)
{
	static const char *const names[] = { "unspecified", "ro", "rw", "reserved" };

	return names[perms & FFA_MEM_DATA_MASK];
}

static const char *instr_name(uint8_t perms)
{
	static const char *const names[] = { "unspecified", "nx", "x", "reserved" };

	return names[(perms & FFA_MEM_INSTR_MASK) >> 2];
}

static void put_access(const struct ffa_mtd *m, struct jw *w, FILE *h)
{
	uint32_t i;

	jw_arr(w, "receivers");
	for (i = 0; i < m->nr_access; i++) {
		const struct ffa_mem_access *a = &m->access[i];

		jw_obj(w, NULL);
		jw_num(w, "id", a->receiver_id);
		jw_num(w, "perms", a->perms);
		jw_str(w, "data", data_name(a->perms));
		jw_str(w, "instr", instr_name(a->perms));
		jw_end_obj(w);
		fprintf(h, "receiver: 0x%04x perms 0x%02x (data %s, instr %s)\n",
			a->receiver_id, a->perms, data_name(a->perms),
			instr_name(a->perms));
	}
	jw_end_arr(w);
}

static void put_ranges(const struct ffa_mtd *m, const struct ffa_mem_range *r,
		       struct jw *w, FILE *h)
{
	uint32_t i;

	jw_num(w, "total_pages", m->total_pages);
	fprintf(h, "composite: offset %u, %u pages in %u ranges\n",
		m->composite_offset, m->total_pages, m->nr_ranges);
	jw_arr(w, "ranges");
	for (i = 0; i < m->nr_ranges; i++) {
		jw_obj(w, NULL);
		jw_hex(w, "address", r[i].address);
		jw_num(w, "pages", r[i].page_count);
		jw_end_obj(w);
		fprintf(h, "range: 0x%016llx %u pages\n",
			(unsigned long long)r[i].address, r[i].page_count);
	}
	jw_end_arr(w);
}

static void put_mtd(const struct ffa_mtd *m, const struct ffa_mem_range *r,
		    struct jw *w, FILE *h)
{
	jw_num(w, "sender", m->hdr.sender_id);
	jw_num(w, "attributes", m->hdr.attributes);
	jw_num(w, "flags", m->hdr.flags);
	jw_hex(w, "tag", m->hdr.tag);
	jw_num(w, "length", m->total_len);
	fprintf(h, "sender: 0x%04x\nattributes: 0x%04x\nflags: 0x%08x\n"
		"tag: 0x%llx\nlength: %u\n", m->hdr.sender_id,
		m->hdr.attributes, m->hdr.flags,
		(unsigned long long)m->hdr.tag, m->total_len);
	put_access(m, w, h);
	put_ranges(m, r, w, h);
}

static int judge(const uint8_t *d, uint32_t len, const struct desc_opts *o,
		 uint32_t version, struct jw *w, FILE *h)
{
	struct ffa_mtd_ctx ctx = {
		.caller_version = version,
		.caller_id = len >= 2 ? ffa_ld16(d) : 0,
		.op = (enum ffa_mem_op)o->op,
		.tx_size = len,
		.addr_limit = FFA_MEM_ADDR_LIMIT,
	};
	/* No more constituents than 16-byte slots in the bytes. */
	uint32_t cap = len / 16 + 1;
	struct ffa_mem_range *r = calloc(2 * (size_t)cap, sizeof(*r));
	const char *why = "no reason given";
	struct ffa_mtd m;
	int ret;

	if (!r)
		return -ENOMEM;
	ret = ffa_mtd_parse_full(&ctx, d, len, &m, r, r + cap, cap, &why);
	jw_bool(w, "valid", !ret);
	if (ret) {
		jw_str(w, "reason", why);
		jw_str(w, "status", ffa_status_name(ret));
		fprintf(h, "invalid: %s (%s)\n", why, ffa_status_name(ret));
	} else {
		put_mtd(&m, r, w, h);
		fprintf(h, "valid: yes\n");
	}
	free(r);
	return ret ? -EINVAL : 0;
}

int desc_decode(const uint8_t *d, size_t len, const struct desc_opts *o,
		struct jw *w, FILE *h)
{
	uint32_t version = o->version ? o->version : guess_version(d, len);

	if (len > DESC_MAX_LEN)
		return -E2BIG;
	put_layout(version, w, h);
	jw_str(w, "op", op_names[o->op]);
	fprintf(h, "op: %s\n", op_names[o->op]);
	return judge(d, (uint32_t)len, o, version, w, h);
}
