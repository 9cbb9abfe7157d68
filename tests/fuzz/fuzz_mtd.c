// SPDX-License-Identifier: BSD-3-Clause
/*
 * libFuzzer target for the memory descriptor parsers, checking semantics
 * as well as memory safety:
 *
 *   input[0]    bits[1:0]: caller version (0 and 3: 1.0, 1, 1.1, 2, 1.2);
 *               bits[7:2]: fragment size for the fragmented path, in
 *               16-byte units minus one
 *   input[1]    operation (% 3: SHARE, LEND, DONATE)
 *   input[2..3] caller ID (little-endian)
 *   input[4..]  the descriptor
 *
 * The send descriptor is parsed whole and again fragment by fragment: the
 * two must agree. Whatever a parser accepts is rebuilt by the builders
 * in the layout it was read in, and every field must come back byte for
 * byte (offsets may differ only where the input placed the EMAD array or
 * the composite somewhere other than where we put them). The streaming
 * builder must produce the same bytes through a small buffer.
 *
 * An oracle independent of lib/ judges the same bytes: the reference
 * validator of mtd_ref.c, written from the spec tables. lib/'s send,
 * retrieve-request and relinquish parsers must accept exactly what it
 * accepts, and read the same fields.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ffa/ffa.h>
#include <libffa/bytes.h>
#include <libffa/mem_desc.h>
#include <libffa/status.h>

#include "mtd_ref.h"

#define CAP		4096U
#define OUT_MAX		(1U << 20)
#define STREAM_BUF	1024U
#define EMAD_COMP	4	/* composite offset within an EMAD */
#define HDR_COMMON	32	/* header bytes alike in every layout */

struct input {
	uint32_t version;
	enum ffa_mem_op op;
	uint16_t caller;
	uint32_t frag;		/* fragment size of the fragmented path */
	const uint8_t *desc;
	uint32_t len;
};

static struct ffa_mem_range ranges[CAP], ranges2[CAP], scratch[CAP];
static struct ref_range ref_ranges[CAP];
static uint8_t out[OUT_MAX], stream[OUT_MAX], frag_buf[STREAM_BUF];

static void check(bool ok)
{
	if (!ok)
		abort();
}

static struct ffa_mtd_ctx ctx_of(const struct input *in)
{
	return (struct ffa_mtd_ctx){
		.caller_version = in->version, .caller_id = in->caller,
		.op = in->op, .tx_size = OUT_MAX, .addr_limit = 1ULL << 48,
	};
}

/* Where the input put its EMAD array (it may lie past the header). */
static uint32_t emad_offset_of(const uint8_t *d, uint32_t layout_version)
{
	if (layout_version == FFA_VERSION_1_0)
		return FFA_MTD_HDR_SIZE_V1_0;
	return ffa_ld32(d + FFA_OFFSETOF(struct ffa_mtd_v1_1, emad_offset));
}

/* Header and EMADs equal, except the EMAD and composite offsets. */
static void compare_fixed(const uint8_t *a, const uint8_t *b,
			  uint32_t layout_version, uint32_t nr_access)
{
	struct ffa_mem_layout l;
	uint32_t ea = emad_offset_of(a, layout_version);
	uint32_t eb = emad_offset_of(b, layout_version);
	uint32_t i;

	check(ffa_mem_layout_of(layout_version, &l) == 0);
	/* Up to the count; then (v1.1+) the EMAD offset; then reserved. */
	check(memcmp(a, b, HDR_COMMON) == 0);
	if (l.hdr_size > HDR_COMMON + 4)
		check(memcmp(a + HDR_COMMON + 4, b + HDR_COMMON + 4,
			     l.hdr_size - HDR_COMMON - 4) == 0);
	for (i = 0; i < nr_access; i++) {
		const uint8_t *x = a + ea + i * l.emad_size;
		const uint8_t *y = b + eb + i * l.emad_size;

		check(memcmp(x, y, EMAD_COMP) == 0);
		check(memcmp(x + 8, y + 8, l.emad_size - 8) == 0);
	}
}

/* Rebuild in one fragment and compare with the input, field by field. */
static uint32_t rebuild_send(const struct input *in, const struct ffa_mtd *m)
{
	struct ffa_mtd_spec spec = {
		.version = m->layout_version, .hdr = m->hdr,
		.access = m->access, .nr_access = m->nr_access,
		.total_pages = m->total_pages, .nr_ranges = m->nr_ranges,
	};
	struct ffa_mtd_builder b;
	uint32_t i, tail = in->len - m->composite_offset;

	check(ffa_mtd_build_begin(&b, out, OUT_MAX, &spec) == 0);
	for (i = 0; i < m->nr_ranges; i++)
		check(ffa_mtd_build_add(&b, ranges[i].address,
					ranges[i].page_count) == 0);
	check(ffa_mtd_build_finish(&b) == 0);
	check(b.frag_len == b.total_len);
	compare_fixed(in->desc, out, m->layout_version, m->nr_access);
	/* Composite and constituents: the same bytes, maybe elsewhere. */
	check(b.total_len - (b.ranges_offset - 16) == tail);
	check(memcmp(in->desc + m->composite_offset, out + b.ranges_offset - 16,
		     tail) == 0);
	/* Where the input's geometry is ours, the whole thing is equal. */
	if (emad_offset_of(in->desc, m->layout_version) ==
	    emad_offset_of(out, m->layout_version) &&
	    m->composite_offset == b.ranges_offset - 16)
		check(b.total_len == in->len &&
		      memcmp(in->desc, out, in->len) == 0);
	return b.total_len;
}

/* The streaming builder, through a small buffer, writes the same bytes. */
static void restream_send(const struct ffa_mtd *m, uint32_t total)
{
	struct ffa_mtd_spec spec = {
		.version = m->layout_version, .hdr = m->hdr,
		.access = m->access, .nr_access = m->nr_access,
		.total_pages = m->total_pages, .nr_ranges = m->nr_ranges,
	};
	struct ffa_mtd_builder b;
	uint32_t i = 0;
	int ret;

	check(ffa_mtd_build_begin(&b, frag_buf, STREAM_BUF, &spec) == 0);
	for (;;) {
		ret = i < m->nr_ranges ?
		      ffa_mtd_build_add(&b, ranges[i].address,
					ranges[i].page_count) : FFA_EFULL;
		if (ret == 0) {
			i++;
			continue;
		}
		check(ret == FFA_EFULL && b.frag_len > 0);
		memcpy(stream + b.frag_start, frag_buf, b.frag_len);
		if (i == m->nr_ranges)
			break;
		ffa_mtd_build_next_fragment(&b);
	}
	check(ffa_mtd_build_finish(&b) == 0);
	check(memcmp(stream, out, total) == 0);
}

/* The manager's way: first fragment, then the rest in pieces. */
static int parse_fragmented(const struct input *in, struct ffa_mtd *m)
{
	struct ffa_mtd_ctx ctx = ctx_of(in);
	uint32_t first = in->frag < in->len ? in->frag : in->len;
	struct ffa_range_acc acc;
	uint32_t off, n;
	int ret;

	ret = ffa_mtd_parse_send(&ctx, in->desc, first, in->len, m, NULL);
	if (ret)
		return ret;
	if (m->nr_ranges > CAP)
		return FFA_RET_NO_MEMORY;
	ffa_range_acc_init(&acc, m, ctx.addr_limit, ranges2, CAP);
	ret = ffa_range_acc_add(&acc, in->desc + m->ranges_offset,
				first - m->ranges_offset, NULL);
	for (off = first; ret == 0 && off < in->len; off += n) {
		n = in->len - off < in->frag ? in->len - off : in->frag;
		ret = ffa_range_acc_add(&acc, in->desc + off, n, NULL);
	}
	return ret ? ret : ffa_range_acc_finish(&acc, scratch, NULL);
}

/* lib/ and the reference disagree on whether the input is valid. */
static void disagree(const char *what, int lib, const char *lib_why,
		     const char *ref_why)
{
	fprintf(stderr, "fuzz_mtd: %s: lib/ %s (%s), reference %s (%s)\n",
		what, lib ? "refuses" : "accepts", lib ? lib_why : "-",
		ref_why ? "refuses" : "accepts", ref_why ? ref_why : "-");
	abort();
}

static void same_access(const struct ffa_mem_access *a,
			const struct ref_access *r, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		check(a[i].receiver_id == r[i].id &&
		      a[i].perms == r[i].perms && a[i].flags == r[i].flags &&
		      memcmp(a[i].impdef, r[i].impdef, 16) == 0);
}

static void same_header(const struct ffa_mem_header *h, uint32_t layout,
			uint32_t nr_access, const struct ref_mtd *r)
{
	check(layout == r->layout && h->sender_id == r->sender &&
	      h->attributes == r->attributes && h->flags == r->flags &&
	      h->handle == r->handle && h->tag == r->tag &&
	      nr_access == r->nr_access);
}

/* The send as the reference reads it, against what lib/ made of it. */
static void oracle_send(const struct input *in, int lib, const char *why,
			const struct ffa_mtd *m)
{
	struct ref_mtd r = { .ranges = ref_ranges };
	const char *ref_why = NULL;
	uint32_t i;

	enum ref_op op = in->op == FFA_MEM_OP_SHARE ? REF_SHARE :
			 in->op == FFA_MEM_OP_LEND ? REF_LEND : REF_DONATE;

	if (ref_send(in->version, op, in->caller, in->desc, in->len, CAP, &r,
		     &ref_why) != (lib == 0))
		disagree("send", lib, why, ref_why);
	if (lib)
		return;
	same_header(&m->hdr, m->layout_version, m->nr_access, &r);
	same_access(m->access, r.access, r.nr_access);
	check(m->composite_offset == r.composite_offset &&
	      m->total_pages == r.total_pages &&
	      m->nr_ranges == r.nr_ranges && m->total_len == in->len &&
	      m->ranges_offset == r.composite_offset + 16);
	for (i = 0; i < r.nr_ranges; i++)
		check(ranges[i].address == r.ranges[i].address &&
		      ranges[i].page_count == r.ranges[i].pages);
}

static void fuzz_send(const struct input *in)
{
	struct ffa_mtd_ctx ctx = ctx_of(in);
	struct ffa_mtd m, m2;
	const char *why = NULL;
	uint32_t total;
	int full, frag;

	full = ffa_mtd_parse_full(&ctx, in->desc, in->len, &m, ranges,
				  scratch, CAP, &why);
	check(full == 0 ? why == NULL : why != NULL);
	oracle_send(in, full, why, &m);
	frag = parse_fragmented(in, &m2);
	/* Fragmenting may only fail where the fixed part was split. */
	check(frag != 0 || full == 0);
	if (full != 0)
		return;
	check(frag == 0 || in->frag < m.ranges_offset);
	if (frag == 0)
		check(memcmp(ranges, ranges2, m.nr_ranges * sizeof(*ranges)) ==
		      0);
	total = rebuild_send(in, &m);
	restream_send(&m, total);
}

static void fuzz_retrieve(const struct input *in)
{
	struct ffa_retrieve_req req;
	const char *why = NULL, *ref_why = NULL;
	struct ref_mtd r = { .ranges = NULL };
	uint32_t len;
	int ret = ffa_retrieve_req_parse(in->version, in->desc, in->len, &req,
					 &why);

	if (ref_retrieve(in->version, in->desc, in->len, &r, &ref_why) !=
	    (ret == 0))
		disagree("retrieve request", ret, why, ref_why);
	if (ret != 0) {
		check(why != NULL);
		return;
	}
	same_header(&req.hdr, req.layout_version, req.nr_access, &r);
	same_access(req.access, r.access, r.nr_access);
	check(req.type == ((r.flags >> 3) & 3));
	check(ffa_mtd_build_retrieve_req(out, OUT_MAX, req.layout_version,
					 &req.hdr, req.access, req.nr_access,
					 &len) == 0);
	compare_fixed(in->desc, out, req.layout_version, req.nr_access);
	if (emad_offset_of(in->desc, req.layout_version) ==
	    emad_offset_of(out, req.layout_version))
		check(len == in->len && memcmp(in->desc, out, len) == 0);
}

static void fuzz_relinquish(const struct input *in)
{
	struct ffa_relinquish rel;
	struct ref_relinquish r;
	const char *why = NULL, *ref_why = NULL;
	uint32_t len;
	int ret = ffa_relinquish_parse(in->desc, in->len, &rel, &why);

	if (ref_relinquish(in->desc, in->len, &r, &ref_why) != (ret == 0))
		disagree("relinquish", ret, why, ref_why);
	if (ret != 0) {
		check(why != NULL);
		return;
	}
	check(rel.handle == r.handle && rel.flags == r.flags &&
	      rel.nr_ids == r.nr_ids &&
	      memcmp(rel.ids, r.ids, r.nr_ids * sizeof(r.ids[0])) == 0);
	check(ffa_relinquish_build(out, OUT_MAX, rel.handle, rel.flags,
				   rel.ids, rel.nr_ids, &len) == 0);
	check(len <= in->len && memcmp(in->desc, out, len) == 0);
}

/*
 * A retrieve response as a borrower reads it: whatever is accepted must
 * carry bounded numbers, and its constituents must then parse or be
 * refused without reading past the input.
 */
static void fuzz_response(const struct input *in)
{
	static struct ffa_mem_range ranges[CAP];
	static struct ffa_mem_range scratch[CAP];
	struct ffa_range_acc acc;
	struct ffa_mtd m;
	const char *why = NULL;

	if (ffa_mtd_parse_resp(in->version, in->desc, in->len, in->len, &m,
			       &why) != 0) {
		check(why != NULL);
		return;
	}
	check(m.nr_access >= 1 && m.nr_access <= FFA_MEM_MAX_ACCESS);
	check(m.ranges_offset <= in->len);
	check((uint64_t)m.ranges_offset + 16ULL * m.nr_ranges == in->len);
	ffa_range_acc_init(&acc, &m, 1ULL << 48, ranges, CAP);
	if (ffa_range_acc_add(&acc, in->desc + m.ranges_offset,
			      in->len - m.ranges_offset, &why) == 0)
		(void)ffa_range_acc_finish(&acc, scratch, &why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t versions[3] = {
		FFA_VERSION_1_0, FFA_VERSION_1_1, FFA_VERSION_1_2,
	};
	struct input in;

	if (size < 4 || size - 4 > OUT_MAX)
		return 0;
	in.version = versions[(data[0] & 3U) % 3U];
	in.frag = 16U * (1U + (data[0] >> 2));
	in.op = (enum ffa_mem_op)(data[1] % 3);
	in.caller = ffa_ld16(data + 2);
	in.desc = data + 4;
	in.len = (uint32_t)(size - 4);
	fuzz_send(&in);
	fuzz_retrieve(&in);
	fuzz_relinquish(&in);
	fuzz_response(&in);
	return 0;
}
