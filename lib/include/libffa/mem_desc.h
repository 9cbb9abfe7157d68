/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory transaction descriptors: a version-independent model, a builder
 * that streams a descriptor into a bounded buffer fragment by fragment,
 * and a parser/validator for the manager.
 *
 * The model is the same whatever the wire layout, so translating between
 * the v1.0 and v1.1+ layouts is "parse in one, build in the other".
 *
 * Layout selection: version FFA_VERSION_1_0 writes the 32-byte header and
 * 16-byte EMADs, FFA_VERSION_1_1 the 48-byte header and 16-byte EMADs,
 * FFA_VERSION_1_2 (and later minors) the 48-byte header and 32-byte EMADs.
 */
#ifndef LIBFFA_MEM_DESC_H
#define LIBFFA_MEM_DESC_H

#include <ffa/mem.h>
#include <ffa/types.h>

/* Most receivers (EMADs) one transaction may name in this build. */
#define FFA_MEM_MAX_ACCESS	8U

struct ffa_mem_header {
	uint16_t sender_id;
	uint16_t attributes;	/* only bits[7:0] exist in v1.0 */
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
};

struct ffa_mem_access {
	uint16_t receiver_id;
	uint8_t perms;
	uint8_t flags;
	uint8_t impdef[16];	/* 32-byte EMADs only; else must be zero */
};

/* Geometry of a descriptor in one layout. */
struct ffa_mem_layout {
	uint32_t hdr_size;	/* 32 or 48 */
	uint32_t emad_size;	/* 16 or 32 */
	uint32_t emad_offset;	/* 32 or 48 */
};

/*
 * 0, or FFA_RET_NOT_SUPPORTED for a version with no layout (major != 1).
 * The builders and parsers below pass that NOT_SUPPORTED on as well.
 */
int ffa_mem_layout_of(uint32_t version, struct ffa_mem_layout *out);

/* ---------------------------------------------------------------- */
/* Builder (lib/mem/build.c)                                         */
/* ---------------------------------------------------------------- */

/* Everything the first fragment needs to know up front. */
struct ffa_mtd_spec {
	uint32_t version;		/* selects the layout */
	struct ffa_mem_header hdr;
	const struct ffa_mem_access *access;
	uint32_t nr_access;
	uint32_t total_pages;		/* sum of all constituents */
	uint32_t nr_ranges;		/* constituents to follow */
};

struct ffa_mtd_builder {
	uint8_t *buf;
	uint32_t buf_size;
	uint32_t frag_len;	/* bytes in the current fragment */
	uint32_t frag_start;	/* descriptor offset of the fragment */
	uint32_t total_len;	/* length of the whole descriptor */
	uint32_t ranges_offset;	/* descriptor offset of constituent 0 */
	uint32_t nr_ranges;
	uint32_t ranges_added;	/* index of the next range (absolute) */
	uint32_t first_index;	/* first range this builder wrote */
	uint64_t pages_declared;
	uint64_t pages_added;	/* since first_index */
};

/*
 * Start a descriptor (send, or a retrieve response) in buf: header, EMADs
 * (all pointing at one composite at a 16-aligned offset) and the composite
 * header. Returns INVALID_PARAMETERS for a bad spec (no receivers, more
 * than FFA_MEM_MAX_ACCESS, no ranges, total length over 32 bits, or a
 * value the layout cannot carry: attributes above 0xff in v1.0, a non-zero
 * impdef with 16-byte EMADs), NO_MEMORY when the first fragment cannot
 * even hold the fixed part.
 */
int ffa_mtd_build_begin(struct ffa_mtd_builder *b, void *buf,
			uint32_t buf_size, const struct ffa_mtd_spec *spec);

/*
 * Continue a descriptor at byte offset `offset` (a constituent boundary
 * past the fixed part) in a fresh fragment buffer: used for FRAG_TX and,
 * statelessly, by a manager answering FFA_MEM_FRAG_RX. The next range to
 * add is number ffa_mtd_build_next_index(b).
 */
int ffa_mtd_build_resume(struct ffa_mtd_builder *b, void *buf,
			 uint32_t buf_size, const struct ffa_mtd_spec *spec,
			 uint32_t offset);

/*
 * Append one constituent. FFA_EFULL: this fragment is full (send it, then
 * ffa_mtd_build_next_fragment() and add the same range again).
 * INVALID_PARAMETERS: more ranges than declared, zero pages, unaligned
 * address, address range wrapping, or the page sum passing the declared
 * total.
 */
int ffa_mtd_build_add(struct ffa_mtd_builder *b, uint64_t address,
		      uint32_t pages);

/* Start the next fragment in the same buffer (after the caller sent it). */
void ffa_mtd_build_next_fragment(struct ffa_mtd_builder *b);

uint32_t ffa_mtd_build_next_index(const struct ffa_mtd_builder *b);

/*
 * After the last add: 0 when every declared range was added and the page
 * sum matches; INVALID_PARAMETERS otherwise. A resumed builder has not
 * seen the ranges before first_index, so it can only check the count.
 */
int ffa_mtd_build_finish(const struct ffa_mtd_builder *b);

/*
 * A retrieve request: header and EMADs with composite offset 0, no
 * composite. *len receives its length.
 */
int ffa_mtd_build_retrieve_req(void *buf, uint32_t buf_size,
			       uint32_t version,
			       const struct ffa_mem_header *hdr,
			       const struct ffa_mem_access *access,
			       uint32_t nr_access, uint32_t *len);

/* A relinquish descriptor for FFA_MEM_RELINQUISH. */
int ffa_relinquish_build(void *buf, uint32_t buf_size, uint64_t handle,
			 uint32_t flags, const uint16_t *ids, uint32_t nr_ids,
			 uint32_t *len);

/* ---------------------------------------------------------------- */
/* Parser / validator (lib/mem/parse_*.c)                            */
/* ---------------------------------------------------------------- */

/*
 * The physical (or intermediate physical) address space every part of
 * ffa accepts in constituents: 48 bits, AArch64's without LPA/LPA2. The
 * one definition the manager, the partitions and the tests share.
 */
#define FFA_MEM_ADDR_LIMIT	(1ULL << 48)

enum ffa_mem_op {
	FFA_MEM_OP_SHARE,
	FFA_MEM_OP_LEND,
	FFA_MEM_OP_DONATE,
};

/* Who is asking: everything the pure validation depends on. */
struct ffa_mtd_ctx {
	uint32_t caller_version;	/* negotiated FF-A version */
	uint16_t caller_id;
	enum ffa_mem_op op;		/* sends only */
	uint32_t tx_size;		/* caller's TX buffer, bytes */
	uint64_t addr_limit;		/* first address past the PA range */
};

/* A validated transaction, independent of its wire layout. */
struct ffa_mtd {
	uint32_t layout_version;	/* 1.0, 1.1 or 1.2 (by EMAD size) */
	struct ffa_mem_header hdr;
	uint32_t nr_access;
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	uint32_t total_len;		/* whole descriptor, bytes */
	uint32_t composite_offset;
	uint32_t total_pages;
	uint32_t nr_ranges;
	uint32_t ranges_offset;		/* offset of constituent 0 */
};

/*
 * Validate the lengths of a first fragment against the caller's TX size
 * and the declared total (class 1 of ffa-bad-inputs.md).
 */
int ffa_mtd_check_first_frag(const struct ffa_mtd_ctx *ctx,
			     uint32_t total_len, uint32_t frag_len,
			     const char **why);

/*
 * Parse and validate the fixed part of a send descriptor from its first
 * fragment: header, EMADs and composite header. Constituents are not
 * read here. Returns 0 or the FF-A error, with a reason in *why.
 */
int ffa_mtd_parse_send(const struct ffa_mtd_ctx *ctx, const uint8_t *frag,
		       uint32_t frag_len, uint32_t total_len,
		       struct ffa_mtd *out, const char **why);

/* Constituents, accumulated across fragments into manager memory. */
struct ffa_range_acc {
	const struct ffa_mtd *mtd;
	uint64_t addr_limit;
	struct ffa_mem_range *ranges;	/* capacity cap */
	uint32_t cap;
	uint32_t count;
	uint64_t page_sum;		/* 64-bit: never wraps */
};

void ffa_range_acc_init(struct ffa_range_acc *acc, const struct ffa_mtd *mtd,
			uint64_t addr_limit, struct ffa_mem_range *ranges,
			uint32_t cap);

/*
 * Take whole constituents from bytes (len a multiple of 16), checking
 * each: non-zero page count, 4 KiB aligned, no wrap, below addr_limit,
 * reserved field zero, no more than the composite declared. NO_MEMORY when
 * they exceed the accumulator's capacity.
 */
int ffa_range_acc_add(struct ffa_range_acc *acc, const uint8_t *bytes,
		      uint32_t len, const char **why);

/*
 * Read and check one constituent (16 bytes at bytes) the way the
 * accumulator does, for a reader that streams constituents instead of
 * keeping them (a borrower walking a large retrieve response).
 */
int ffa_mem_range_read(const uint8_t *bytes, uint64_t addr_limit,
		       struct ffa_mem_range *out, const char **why);

/*
 * After the last fragment: count and page sum match the composite, and
 * no two constituents overlap (sort-then-scan on scratch, which must hold
 * count entries; adjacency is allowed).
 */
int ffa_range_acc_finish(const struct ffa_range_acc *acc,
			 struct ffa_mem_range *scratch, const char **why);

/*
 * One-shot: a complete descriptor in one buffer (the manager's copy, a
 * test, the fuzzer), judged as a single first fragment, so ctx->tx_size
 * must cover len. ranges and scratch hold cap entries each.
 */
int ffa_mtd_parse_full(const struct ffa_mtd_ctx *ctx, const uint8_t *desc,
		       uint32_t len, struct ffa_mtd *out,
		       struct ffa_mem_range *ranges,
		       struct ffa_mem_range *scratch, uint32_t cap,
		       const char **why);

/*
 * A retrieve response (FFA_MEM_RETRIEVE_RESP) as the borrower reads it,
 * in the borrower's version layout: the fixed part from the first
 * fragment, like ffa_mtd_parse_send, but the handle, transaction type,
 * NS bit and EMAD flags are the relayer's. Constituents then go through
 * ffa_range_acc_* as for a send.
 */
int ffa_mtd_parse_resp(uint32_t caller_version, const uint8_t *frag,
		       uint32_t frag_len, uint32_t total_len,
		       struct ffa_mtd *out, const char **why);

/* What ffa_mem_retrieve_stream() (libffa/client.h) read. */
struct ffa_mem_retrieve_out {
	struct ffa_mtd mtd;		/* the response's fixed part */
	uint32_t frags;			/* fragments it came in, >= 1 */
};

/* A retrieve request (FFA_MEM_RETRIEVE_REQ), validated on its own. */
struct ffa_retrieve_req {
	uint32_t layout_version;
	struct ffa_mem_header hdr;
	uint32_t nr_access;
	struct ffa_mem_access access[FFA_MEM_MAX_ACCESS];
	uint32_t type;			/* FFA_RETRIEVE_TYPE_* from flags */
};

int ffa_retrieve_req_parse(uint32_t caller_version, const uint8_t *desc,
			   uint32_t len, struct ffa_retrieve_req *out,
			   const char **why);

/*
 * The memory attributes a retrieve gets (ffa-abi.md 9.4, 9.9). in_force
 * is what the send stated, or what the borrower's outstanding
 * retrievals agreed on; 0 when nothing is stated yet (a single-borrower
 * LEND or a DONATE, whose borrower states them). asked is the request's
 * value: 0 takes in_force; a stated value must exist (INVALID_PARAMETERS
 * for reserved encodings, or bits without a memory type) and, once
 * something is in force, equal it: Normal asked of Device is DENIED
 * (bad-input row 26), any other difference INVALID_PARAMETERS.
 */
int ffa_mtd_retrieve_attrs(uint16_t in_force, uint16_t asked, uint16_t *out,
			   const char **why);

/* A relinquish descriptor. */
#define FFA_RELINQUISH_MAX_IDS	FFA_MEM_MAX_ACCESS
struct ffa_relinquish {
	uint64_t handle;
	uint32_t flags;
	uint32_t nr_ids;
	uint16_t ids[FFA_RELINQUISH_MAX_IDS];
};

int ffa_relinquish_parse(const uint8_t *desc, uint32_t len,
			 struct ffa_relinquish *out, const char **why);

/* ---------------------------------------------------------------- */
/* Address ranges (lib/mem/ranges.c)                                 */
/* ---------------------------------------------------------------- */

/*
 * 0 when no two of the n ranges overlap, INVALID_PARAMETERS otherwise.
 * Copies into scratch, heap-sorts by address (O(n log n), no allocation,
 * no recursion) and scans neighbours; adjacent ranges are fine.
 */
int ffa_ranges_check_overlap(const struct ffa_mem_range *r, uint32_t n,
			     struct ffa_mem_range *scratch);

/* End address (exclusive) of a range; false when it wraps. */
bool ffa_range_end(uint64_t address, uint64_t pages, uint64_t *end);

#endif /* LIBFFA_MEM_DESC_H */
