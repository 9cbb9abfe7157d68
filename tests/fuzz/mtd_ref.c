// SPDX-License-Identifier: BSD-3-Clause
/*
 * The reference validator (mtd_ref.h). Each check names the table or
 * bad-input row it comes from. Where our project decided between
 * disagreeing sources (docs/ARCHITECTURE.md, "Decisions where sources
 * disagree"), the check says "Decision:" and names the row of that
 * table, including the rows for what the spec tables leave open and
 * lib/ refuses ("Decision (docs/ARCHITECTURE.md, decisions table)").
 */
#include <string.h>

#include "mtd_ref.h"

#define NO(reason)		\
	do {			\
		*why = (reason);	\
		return false;	\
	} while (0)

#define V1_0	0x10000U
#define V1_1	0x10001U
#define V1_2	0x10002U

/* Little-endian, byte by byte. */
static uint64_t le(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static bool all_zero(const uint8_t *p, unsigned int n)
{
	while (n--)
		if (p[n])
			return false;
	return true;
}

/* ---- 9.1: the header, and where the EMADs are ---- */

struct geometry {
	uint32_t emad_offset;
	uint32_t emad_size;
	uint32_t count;
};

static bool header_v1_0(const uint8_t *d, struct ref_mtd *m,
			struct geometry *g, const char **why)
{
	m->attributes = d[2];			/* 8 bits in v1.0 */
	if (d[3] != 0)
		NO("9.1/row 9: v1.0 reserved byte 3");
	if (le(d + 24, 4) != 0)
		NO("9.1/row 9: v1.0 reserved word at 24");
	g->emad_size = 16;
	g->count = (uint32_t)le(d + 28, 4);
	g->emad_offset = 32;			/* right after the header */
	m->layout = V1_0;
	return true;
}

static bool header_v1_1(uint32_t version, const uint8_t *d,
			struct ref_mtd *m, struct geometry *g,
			const char **why)
{
	m->attributes = (uint16_t)le(d + 2, 2);
	g->emad_size = (uint32_t)le(d + 24, 4);
	g->count = (uint32_t)le(d + 28, 4);
	g->emad_offset = (uint32_t)le(d + 32, 4);
	if (!all_zero(d + 36, 12))
		NO("9.1/row 9: reserved bytes 36-47");
	/*
	 * Row 3: the EMAD size is the caller version's. Decision "EMAD
	 * size": a v1.2 caller may also send 16-byte EMADs (read as v1.1).
	 */
	if (g->emad_size == 16)
		m->layout = V1_1;
	else if (g->emad_size == 32 && version == V1_2)
		m->layout = V1_2;
	else
		NO("row 3: EMAD size not the caller version's");
	if (g->emad_offset < 48)
		NO("row 3: EMAD offset inside the 48-byte header");
	if (g->emad_offset % 16 != 0)
		NO("row 3: EMAD offset not 16-byte aligned");
	return true;
}

/*
 * The header and EMAD geometry, common to a send and a retrieve request.
 * Decision "Descriptor layout of a caller": the caller's negotiated
 * version picks the layout.
 */
static bool header(uint32_t version, const uint8_t *d, uint32_t len,
		   struct ref_mtd *m, struct geometry *g, const char **why)
{
	uint32_t hdr_size = version == V1_0 ? 32 : 48;

	if (len < hdr_size)
		NO("row 1: shorter than the header");
	m->sender = (uint16_t)le(d + 0, 2);
	m->flags = (uint32_t)le(d + 4, 4);
	m->handle = le(d + 8, 8);
	m->tag = le(d + 16, 8);
	if (version == V1_0 ? !header_v1_0(d, m, g, why) :
			      !header_v1_1(version, d, m, g, why))
		return false;
	if (g->count > REF_MAX_ACCESS)
		NO("row 2: more receivers than the build supports");
	if ((uint64_t)g->emad_offset + (uint64_t)g->count * g->emad_size > len)
		NO("row 3: EMAD array past the end");
	m->nr_access = g->count;
	return true;
}

/* 9.4: bits every caller must leave clear. */
static bool attribute_bits(uint32_t layout, uint16_t a, const char **why)
{
	/* v1.0: 8 bits, NS (bit 6) does not exist yet: bits 7:6 reserved. */
	if (layout == V1_0 && (a & 0xc0))
		NO("9.4/row 9: v1.0 attribute bits 7:6");
	if (a & 0xff80)
		NO("9.4/row 9: attribute bits 15:7");
	if (a & 0x40)
		NO("9.4/row 13: NS bit set by the caller");
	return true;
}

/* 9.5: the reserved encodings of a permissions byte. */
static bool perm_bits(uint8_t p, const char **why)
{
	if (p & 0xf0)
		NO("9.5/row 9: permission bits 7:4");
	if ((p & 0x03) == 0x03)
		NO("9.5/row 12: reserved data access 11");
	if ((p & 0x0c) == 0x0c)
		NO("9.5/row 12: reserved instruction access 11");
	return true;
}

/* Row 11 (and 9.9 for requests): who may be named as a receiver. */
static bool receivers(const struct ref_mtd *m, const char **why)
{
	uint32_t i, j;

	for (i = 0; i < m->nr_access; i++) {
		if (m->access[i].id == m->sender)
			NO("row 11: receiver is the sender");
		if (m->access[i].id == 0xffff)
			NO("row 11: receiver 0xFFFF");
		/*
		 * Decision (docs/ARCHITECTURE.md, decisions table): 0x7FFF, the
		 * "invalid ID" sentinel of 8.1, is refused like 0xFFFF.
		 */
		if (m->access[i].id == 0x7fff)
			NO("row 11: receiver 0x7FFF");
		for (j = 0; j < i; j++)
			if (m->access[j].id == m->access[i].id)
				NO("row 11: receiver named twice");
	}
	return true;
}

/* 9.2: EMAD i; its composite offset in *comp. */
static bool emad(const uint8_t *d, const struct geometry *g, uint32_t i,
		 struct ref_access *a, uint32_t *comp, const char **why)
{
	const uint8_t *e = d + g->emad_offset + i * g->emad_size;

	a->id = (uint16_t)le(e + 0, 2);
	a->perms = e[2];
	a->flags = e[3];
	*comp = (uint32_t)le(e + 4, 4);
	memset(a->impdef, 0, sizeof(a->impdef));
	if (g->emad_size == 32) {
		memcpy(a->impdef, e + 8, 16);
		if (le(e + 24, 8) != 0)
			NO("9.2/row 9: EMAD reserved bytes 24-31");
	} else if (le(e + 8, 8) != 0) {
		NO("9.2/row 9: EMAD reserved bytes 8-15");
	}
	return true;
}

/* ---- SHARE, LEND, DONATE ---- */

/* Row 12: what each receiver may be given, per operation. */
static bool send_perms(enum ref_op op, uint32_t n, uint8_t p,
		       const char **why)
{
	uint8_t data = p & 0x03, instr = p & 0x0c;

	if (!perm_bits(p, why))
		return false;
	if (op == REF_DONATE) {
		if (data || instr)
			NO("row 12: access given on DONATE");
		return true;
	}
	/*
	 * Decision (docs/ARCHITECTURE.md, decisions table): a SHARE or LEND must
	 * say RO or RW; "not specified" is refused.
	 */
	if (data != 0x01 && data != 0x02)
		NO("row 12: data access not RO or RW");
	/*
	 * 10.2 "Send: instruction access specified": no send states one;
	 * a single borrower of a LEND asks for it in its retrieve.
	 */
	(void)n;
	if (instr)
		NO("10.2: instruction access specified in a send");
	return true;
}

/* Rows 13 and 16, 9.4 and 9.6: header values a send may carry. */
static bool send_header(enum ref_op op, uint16_t caller,
			const struct ref_mtd *m, const char **why)
{
	uint16_t a = m->attributes, type = a & 0x30;

	if (m->sender != caller)
		NO("row 10: sender is not the caller");
	if (op == REF_DONATE && m->nr_access > 1)
		NO("row 2: DONATE to more than one receiver");
	if (m->nr_access == 0)
		NO("row 2: no receivers");
	if (m->handle != 0)
		NO("9.1: handle not 0 in a send");
	/* Decision "Time-slicing flags": refused. */
	if (m->flags & 0x2)
		NO("9.6: time slicing");
	if (m->flags & ~0x1U)
		NO("9.6/row 9: flag bits 31:2");
	if (op == REF_SHARE && (m->flags & 0x1))
		NO("row 16: zero flag on SHARE");
	if (!attribute_bits(m->layout, a, why))
		return false;
	/*
	 * Row 13 and decision "DONATE / single-borrower LEND attributes":
	 * only the memory type must be "not specified".
	 */
	if (op == REF_DONATE || (op == REF_LEND && m->nr_access == 1)) {
		if (type != 0)
			NO("row 13: memory type given on DONATE or LEND to one");
		/* Decision "Attribute bits[3:0] with no memory type". */
		if (a & 0x0f)
			NO("9.4: attribute bits without a memory type");
		return true;
	}
	/*
	 * Decision (docs/ARCHITECTURE.md, decisions table): a SHARE or a LEND to
	 * several must give the type; Device (any 3:2, any 1:0) or Normal
	 * with a defined cacheability (9.4: 01, 11) and shareability (not
	 * 01).
	 */
	if (type == 0x10)
		return true;
	if (type != 0x20)
		NO("9.4: memory type not given, or reserved");
	if ((a & 0x0c) == 0x00 || (a & 0x0c) == 0x08)
		NO("9.4: reserved cacheability");
	if ((a & 0x03) == 0x01)
		NO("9.4: reserved shareability");
	return true;
}

/* Row 4: the composite, where every EMAD points. */
static bool composite_at(uint32_t comp, const struct geometry *g,
			 uint32_t len, const char **why)
{
	if (comp == 0)
		NO("row 4: composite offset 0");
	if (comp < g->emad_offset + g->count * g->emad_size)
		NO("row 4: composite inside the header or EMADs");
	/* Decision "Composite offset alignment": 8 is accepted. */
	if (comp % 8 != 0)
		NO("9.3: composite offset not 8-byte aligned");
	if ((uint64_t)comp + 16 > len)
		NO("row 4: composite header past the fragment");
	return true;
}

/* Row 7 (and 9 for the reserved word): one constituent. */
static bool constituent(const uint8_t *c, struct ref_range *r,
			const char **why)
{
	r->address = le(c + 0, 8);
	r->pages = (uint32_t)le(c + 8, 4);
	if (le(c + 12, 4) != 0)
		NO("9.3/row 9: constituent reserved word");
	if (r->pages == 0)
		NO("row 7: constituent of 0 pages");
	if (r->address % 4096 != 0)
		NO("row 7: constituent not 4 KiB aligned");
	/* pages < 2^32: pages * 4096 < 2^44, no wrap; the sum may. */
	if (r->address + (uint64_t)r->pages * 4096 < r->address)
		NO("row 7: constituent wraps");
	/* The PA range fuzz_mtd gives lib/ (and the manager uses): 48 bits. */
	if (r->address + (uint64_t)r->pages * 4096 > (1ULL << 48))
		NO("row 7: constituent past the PA range");
	return true;
}

/* Row 8: no two constituents share a page; adjacent is fine. */
static bool disjoint(const struct ref_range *r, uint32_t n, const char **why)
{
	uint32_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (r[i].address <
			    r[j].address + (uint64_t)r[j].pages * 4096 &&
			    r[j].address <
			    r[i].address + (uint64_t)r[i].pages * 4096)
				NO("row 8: constituents overlap");
	return true;
}

/* 9.3 and rows 4-8: the composite and its constituents. */
static bool composite(const uint8_t *d, uint32_t len, uint32_t cap,
		      struct ref_mtd *m, const char **why)
{
	const uint8_t *c = d + m->composite_offset;
	uint64_t sum = 0;
	uint32_t i;

	m->total_pages = (uint32_t)le(c + 0, 4);
	m->nr_ranges = (uint32_t)le(c + 4, 4);
	if (le(c + 8, 8) != 0)
		NO("9.3/row 9: composite reserved bytes 8-15");
	/* Decision (docs/ARCHITECTURE.md, decisions table): sharing nothing. */
	if (m->nr_ranges == 0)
		NO("row 5: no constituents");
	/*
	 * Row 5 and decision "Composite offset alignment": the length ends
	 * exactly after the last constituent.
	 */
	if ((uint64_t)m->composite_offset + 16 + 16ULL * m->nr_ranges != len)
		NO("row 5: constituents do not end the descriptor");
	/* Row 18: the capacity the caller gave. */
	if (m->nr_ranges > cap)
		NO("row 18: more constituents than the capacity");
	for (i = 0; i < m->nr_ranges; i++) {
		if (!constituent(c + 16 + 16 * i, &m->ranges[i], why))
			return false;
		sum += m->ranges[i].pages;
	}
	if (sum != m->total_pages)
		NO("row 6: page count is not the sum of the constituents");
	return disjoint(m->ranges, m->nr_ranges, why);
}

bool ref_send(uint32_t version, enum ref_op op, uint16_t caller,
	      const uint8_t *d, uint32_t len, uint32_t cap,
	      struct ref_mtd *out, const char **why)
{
	struct geometry g;
	uint32_t i, comp;

	/* Row 1: whole 16-byte units (the TX size is not this input's). */
	if (len % 16 != 0)
		NO("row 1: length not a multiple of 16");
	if (!header(version, d, len, out, &g, why))
		return false;
	if (!send_header(op, caller, out, why))
		return false;
	for (i = 0; i < g.count; i++) {
		if (!emad(d, &g, i, &out->access[i], &comp, why))
			return false;
		/*
		 * Decision (docs/ARCHITECTURE.md, decisions table): bit 0 of the
		 * EMAD flags is for retrieve requests and responses (9.2),
		 * so a send has none.
		 */
		if (out->access[i].flags != 0)
			NO("9.2: EMAD flags in a send");
		if (!send_perms(op, g.count, out->access[i].perms, why))
			return false;
		if (i > 0 && comp != out->composite_offset)
			NO("row 4: EMADs point to different composites");
		out->composite_offset = comp;
	}
	if (!receivers(out, why))
		return false;
	if (!composite_at(out->composite_offset, &g, len, why))
		return false;
	return composite(d, len, cap, out, why);
}

/* ---- retrieve request (9.9, row 25) ---- */

/* 9.6, the RETRIEVE_REQ column. */
static bool retrieve_flags(uint32_t version, uint32_t f, const char **why)
{
	uint32_t type = (f >> 3) & 3;

	/* Bit 10 (bypass) exists from v1.2; bits 31:11 are MBZ always. */
	if (f & (version == V1_2 ? 0xfffff800U : 0xfffffc00U))
		NO("9.6/row 25: reserved flag bits");
	/* Decision "Time-slicing flags": refused. */
	if (f & 0x2)
		NO("9.6: time slicing");
	/* Decision "Alignment hint in a retrieve request": refused. */
	if (f & 0x3e0)
		NO("9.6/row 25: alignment hint");
	/* 9.6: zeroing is MBZ for SHARE. */
	if (type == 1 && (f & 0x5))
		NO("9.6: zero flag on a SHARE retrieve");
	return true;
}

bool ref_retrieve(uint32_t version, const uint8_t *d, uint32_t len,
		  struct ref_mtd *out, const char **why)
{
	struct geometry g;
	uint32_t i, comp;

	if (!header(version, d, len, out, &g, why))
		return false;
	/* Decision "Retrieve request with zero receivers": refused. */
	if (g.count == 0)
		NO("9.9: no receivers (hypervisor retrieve)");
	/* 9.9: no composite, nothing after the EMADs. */
	if (len != g.emad_offset + g.count * g.emad_size)
		NO("9.9/row 25: length is not the end of the EMADs");
	if (!retrieve_flags(version, out->flags, why))
		return false;
	if (!attribute_bits(out->layout, out->attributes, why))
		return false;
	/*
	 * Decision "Attribute bits[3:0] with no memory type" holds for a
	 * request too, but it is judged with the share's attributes in
	 * force (ffa_mtd_retrieve_attrs(), by the manager), not here.
	 */
	for (i = 0; i < g.count; i++) {
		if (!emad(d, &g, i, &out->access[i], &comp, why))
			return false;
		if (comp != 0)
			NO("9.2/row 25: composite offset in a request");
		if (out->access[i].flags & 0xfe)
			NO("9.2: EMAD flag bits 7:1");
		if (!perm_bits(out->access[i].perms, why))
			return false;
	}
	return receivers(out, why);
}

/* ---- relinquish (9.7, row 27) ---- */

bool ref_relinquish(const uint8_t *d, uint32_t len,
		    struct ref_relinquish *out, const char **why)
{
	uint32_t i, j;

	if (len < 16)
		NO("9.7: shorter than its header");
	out->handle = le(d + 0, 8);
	out->flags = (uint32_t)le(d + 8, 4);
	out->nr_ids = (uint32_t)le(d + 12, 4);
	if (out->nr_ids == 0)
		NO("9.7/row 27: no endpoints");
	/* Row 2's build limit: as many as a transaction has receivers. */
	if (out->nr_ids > REF_MAX_ACCESS)
		NO("row 27: more endpoints than the build supports");
	if (16 + 2 * out->nr_ids > len)
		NO("9.7: endpoint IDs past the end");
	/* Decision "Time-slicing flags": refused. */
	if (out->flags & 0x2)
		NO("9.7: time slicing");
	if (out->flags & 0xfffffffcU)
		NO("9.7/row 9: flag bits 31:2");
	for (i = 0; i < out->nr_ids; i++) {
		out->ids[i] = (uint16_t)le(d + 16 + 2 * i, 2);
		/* Decision (docs/ARCHITECTURE.md, decisions table). */
		for (j = 0; j < i; j++)
			if (out->ids[j] == out->ids[i])
				NO("9.7: endpoint named twice");
	}
	return true;
}
