// SPDX-License-Identifier: BSD-3-Clause
/*
 * Every rejection the descriptor parsers make (classes of
 * ffa-bad-inputs.md), each from a valid golden descriptor with one field
 * corrupted, asserting the exact FF-A error and the check that fired; and
 * the inputs we accept on purpose (adjacent ranges, 16-byte EMADs from a
 * v1.2 caller, an 8-aligned composite offset, ...).
 *
 * The cases are a table: each row runs as its own named cmocka test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/bytes.h>
#include <libffa/status.h>
#include "test_mem_common.h"

#define CAP		16
#define MAX_POKES	6
#define DESC_MAX	512
#define INVAL		FFA_RET_INVALID_PARAMETERS

enum base { V10, V11, V12, LEND2, RETR, RELQ };

static const struct {
	const uint8_t *bytes;
	uint32_t len;
	uint32_t version;
} bases[] = {
	[V10] = { golden_share_v1_0, sizeof(golden_share_v1_0),
		  FFA_VERSION_1_0 },
	[V11] = { golden_share_v1_1, sizeof(golden_share_v1_1),
		  FFA_VERSION_1_1 },
	[V12] = { golden_share_v1_2, sizeof(golden_share_v1_2),
		  FFA_VERSION_1_2 },
	[LEND2] = { golden_lend2_v1_1, sizeof(golden_lend2_v1_1),
		    FFA_VERSION_1_1 },
	[RETR] = { golden_retrieve_v1_1, sizeof(golden_retrieve_v1_1),
		   FFA_VERSION_1_1 },
	[RELQ] = { golden_relinquish, sizeof(golden_relinquish), 0 },
};

/* Byte offsets in the goldens (ffa-abi.md 9.1-9.3, 9.7). */
#define H_ATTR		2
#define H_FLAGS		4
#define H_HANDLE	8
#define H_ESIZE		24
#define H_COUNT		28
#define H_EOFF		32
#define E0		48	/* first EMAD, v1.1/v1.2 */
#define E1		64	/* second EMAD of LEND2 */
#define E_PERMS		2
#define E_FLAGS		3
#define E_COMP		4
#define C11		64	/* composite of share A, v1.1 */
#define R0		80	/* its constituents */
#define R1		96
#define R_PAGES		8
#define C_COUNT		4
#define Q_FLAGS		8	/* relinquish */
#define Q_COUNT		12

struct poke {
	uint16_t off;
	uint8_t size;		/* 0: unused slot */
	uint64_t val;
};

#define P8(o, v)	{ (o), 1, (v) }
#define P16(o, v)	{ (o), 2, (v) }
#define P32(o, v)	{ (o), 4, (v) }
#define P64(o, v)	{ (o), 8, (v) }

struct pcase {
	const char *name;
	enum base base;
	int want;
	const char *why;	/* part of the reason; NULL on success */
	struct poke p[MAX_POKES];
	uint32_t version;	/* caller's; 0: the golden's own */
	enum ffa_mem_op op;
	uint32_t frag, total;	/* parse_send only, when frag != 0 */
	uint32_t off2, len2;	/* second fragment, when off2 != 0 */
	uint32_t tx_size, cap;
	uint64_t addr_limit;
	int32_t len_delta;
};

#define OK(n, b, ...)	{ .name = n, .base = b, .want = 0, __VA_ARGS__ }
#define BAD(n, b, w, r, ...) \
	{ .name = n, .base = b, .want = w, .why = r, __VA_ARGS__ }
#define OP(o)		.op = FFA_MEM_OP_##o
#define VER(v)		.version = FFA_VERSION_##v
#define POKE(...)	.p = { __VA_ARGS__ }
/* Share A v1.1 in two fragments: [0, R1), then desc[o, o + n). */
#define FRAG2(o, n)	.off2 = (o), .len2 = (n)
/* A range of share A (i = 0, 1) moved, with the page total made good. */
#define RANGE(i, a, n)	P64(R0 + 16 * (i), a), P32(R0 + 16 * (i) + 8, n)
#define TOTAL(n)	P32(C11, n)

static const struct pcase cases[] = {
	/* Class 1: lengths of the first fragment. */
	BAD("c1_frag_longer_than_total", V11, INVAL, "longer than the total",
	    .frag = 112, .total = 96),
	BAD("c1_frag_larger_than_tx", V11, INVAL, "TX buffer", .tx_size = 96),
	BAD("c1_total_not_multiple_16", V11, INVAL, "multiple of 16",
	    .frag = 96, .total = 120),
	BAD("c1_frag_not_multiple_16", V11, INVAL, "multiple of 16",
	    .frag = 72, .total = 112),
	BAD("c1_frag_shorter_than_header_v1_1", V11, INVAL, "shorter",
	    .frag = 32, .total = 112),
	BAD("c1_frag_shorter_than_header_v1_0", V10, INVAL, "shorter",
	    .frag = 16, .total = 96),
	/* Class 2: receiver count. */
	BAD("c2_no_receivers", V11, INVAL, "no receivers",
	    POKE(P32(H_COUNT, 0))),
	BAD("c2_too_many_receivers", V11, INVAL, "more receivers",
	    POKE(P32(H_COUNT, 9))),
	BAD("c2_donate_to_two", LEND2, INVAL, "DONATE to more", OP(DONATE)),
	/* Class 3: EMAD geometry; the layout follows the caller version. */
	BAD("c3_emad_size_32_from_v1_1", V11, INVAL, "EMAD size",
	    POKE(P32(H_ESIZE, 32))),
	BAD("c3_emad_size_0", V11, INVAL, "EMAD size", POKE(P32(H_ESIZE, 0))),
	BAD("c3_emad_size_24_from_v1_2", V12, INVAL, "EMAD size",
	    POKE(P32(H_ESIZE, 24))),
	OK("c3_emad_size_16_from_v1_2_ok", V11, VER(1_2)),
	BAD("c3_emad_offset_in_header", V11, INVAL, "overlaps the header",
	    POKE(P32(H_EOFF, 32))),
	BAD("c3_emad_offset_zero", V11, INVAL, "overlaps the header",
	    POKE(P32(H_EOFF, 0))),
	BAD("c3_emad_offset_unaligned", V11, INVAL, "16-byte aligned",
	    POKE(P32(H_EOFF, 56))),
	BAD("c3_emad_offset_wraps", V11, INVAL, "runs past",
	    POKE(P32(H_EOFF, 0xfffffff0))),
	BAD("c3_emad_array_past_fragment", V11, INVAL, "runs past",
	    POKE(P32(H_COUNT, 8))),
	BAD("c3_v1_0_caller_reads_v1_0_layout", V11, INVAL,
	    "reserved header word", VER(1_0)),
	BAD("c3_v1_1_caller_reads_v1_1_layout", V10, INVAL,
	    "reserved header bytes", VER(1_1)),
	/* Class 4: composite placement. */
	BAD("c4_composite_offset_zero", V11, INVAL, "composite offset is zero",
	    POKE(P32(E0 + E_COMP, 0))),
	BAD("c4_composite_in_emads", V11, INVAL, "header or EMADs",
	    POKE(P32(E0 + E_COMP, 48))),
	BAD("c4_composite_in_header", V11, INVAL, "header or EMADs",
	    POKE(P32(E0 + E_COMP, 16))),
	BAD("c4_composite_not_8_aligned", V11, INVAL, "8-byte aligned",
	    POKE(P32(E0 + E_COMP, 68))),
	/*
	 * 8-aligned passes the alignment check (TF-A/crate interop) and is
	 * stopped only by class 5: with lengths in 16-byte units (class 1)
	 * no complete descriptor can have its composite at 8 mod 16.
	 */
	BAD("c4_composite_8_aligned_passes_alignment", V11, INVAL,
	    "total length", POKE(P32(E0 + E_COMP, 72), P32(72 + C_COUNT, 2),
				 P64(72 + 8, 0))),
	BAD("c4_composite_past_first_fragment", V11, INVAL, "1st fragment",
	    .frag = 64, .total = 112),
	BAD("c4_composite_offset_huge", V11, INVAL, "1st fragment",
	    POKE(P32(E0 + E_COMP, 0xfffffff8))),
	BAD("c4_composites_differ", LEND2, INVAL, "composites differ",
	    OP(LEND), POKE(P32(E1 + E_COMP, 96))),
	/* Class 5: the total fixes the constituent count. */
	BAD("c5_count_above_length", V11, INVAL, "total length",
	    POKE(P32(C11 + C_COUNT, 3))),
	BAD("c5_count_below_length", V11, INVAL, "total length",
	    POKE(P32(C11 + C_COUNT, 1))),
	BAD("c5_count_wraps_in_32_bits", V11, INVAL, "total length",
	    POKE(P32(C11 + C_COUNT, 0x10000002))),
	BAD("c5_no_constituents", V11, INVAL, "no constituents",
	    POKE(P32(C11 + C_COUNT, 0))),
	/* Class 6: page total, summed in 64 bits. */
	BAD("c6_total_pages_mismatch", V11, INVAL, "page count",
	    POKE(TOTAL(4))),
	BAD("c6_page_sum_wraps_32_bits", V11, INVAL, "page count",
	    POKE(RANGE(0, 0, 0xffffffff), P64(R1, 1ULL << 44), TOTAL(1))),
	/* Class 7: each constituent. */
	BAD("c7_zero_pages", V11, INVAL, "no pages",
	    POKE(P32(R0 + R_PAGES, 0), TOTAL(2))),
	BAD("c7_unaligned_base", V11, INVAL, "4 KiB aligned",
	    POKE(P64(R0, 0x88000800))),
	BAD("c7_wraps", V11, INVAL, "wraps", POKE(P64(R1, 0xfffffffffffff000))),
	BAD("c7_ends_at_2_pow_64", V11, INVAL, "wraps",
	    POKE(P64(R1, 0xffffffffffffe000))),
	BAD("c7_past_addr_limit", V11, INVAL, "address range",
	    .addr_limit = 0x100000000),
	OK("c7_ends_at_addr_limit_ok", V11, .addr_limit = 0x100205000),
	/* Class 8: overlaps. */
	BAD("c8_identical", V11, INVAL, "overlap",
	    POKE(RANGE(1, A_ADDR0, 1), TOTAL(2))),
	BAD("c8_contained", V11, INVAL, "overlap",
	    POKE(RANGE(0, A_ADDR0, 4), RANGE(1, A_ADDR0 + 0x1000, 2),
		 TOTAL(6))),
	BAD("c8_partial_at_start", V11, INVAL, "overlap",
	    POKE(RANGE(0, A_ADDR0 + 0x1000, 2), RANGE(1, A_ADDR0, 2),
		 TOTAL(4))),
	BAD("c8_partial_at_end", V11, INVAL, "overlap",
	    POKE(RANGE(0, A_ADDR0, 2), RANGE(1, A_ADDR0 + 0x1000, 2),
		 TOTAL(4))),
	OK("c8_adjacent_ok", V11, POKE(P64(R1, A_ADDR0 + 0x1000))),
	OK("c8_adjacent_reversed_ok", V11,
	   POKE(RANGE(0, A_ADDR0 + 0x2000, 1), RANGE(1, A_ADDR0, 2))),
	/* Class 9: MBZ fields and unsupported flags. */
	BAD("c9_v1_0_reserved_byte_3", V10, INVAL, "byte 3", POKE(P8(3, 1))),
	BAD("c9_v1_0_reserved_word_24", V10, INVAL, "reserved header word",
	    POKE(P32(24, 0x100))),
	BAD("c9_v1_1_reserved_byte_36", V11, INVAL, "reserved header bytes",
	    POKE(P8(36, 1))),
	BAD("c9_v1_1_reserved_byte_47", V11, INVAL, "reserved header bytes",
	    POKE(P8(47, 0x80))),
	BAD("c9_v1_0_attr_bit_7", V10, INVAL, "reserved attribute",
	    POKE(P8(H_ATTR, 0xaf))),
	BAD("c9_v1_0_attr_bit_6", V10, INVAL, "reserved attribute",
	    POKE(P8(H_ATTR, 0x6f))),
	BAD("c9_v1_1_attr_bit_7", V11, INVAL, "reserved attribute",
	    POKE(P16(H_ATTR, 0xaf))),
	BAD("c9_v1_1_attr_bit_15", V11, INVAL, "reserved attribute",
	    POKE(P16(H_ATTR, 0x802f))),
	BAD("c9_emad_flags_in_send", V11, INVAL, "EMAD flags",
	    POKE(P8(E0 + E_FLAGS, 1))),
	BAD("c9_emad_reserved_v1_1", V11, INVAL, "EMAD reserved",
	    POKE(P8(E0 + 15, 1))),
	BAD("c9_emad_reserved_v1_2", V12, INVAL, "EMAD reserved",
	    POKE(P8(E0 + 24, 1))),
	OK("c9_impdef_is_opaque_ok", V12, POKE(P64(E0 + 8, ~0ULL))),
	BAD("c9_composite_reserved", V11, INVAL, "composite reserved",
	    POKE(P8(C11 + 15, 1))),
	BAD("c9_constituent_reserved", V11, INVAL, "constituent reserved",
	    POKE(P32(R1 + 12, 1))),
	BAD("c9_handle_in_send", V11, INVAL, "handle",
	    POKE(P64(H_HANDLE, 1ULL << 63))),
	BAD("c9_flags_time_slicing", V11, INVAL, "time slicing",
	    POKE(P32(H_FLAGS, 2))),
	BAD("c9_flags_bit_2", V11, INVAL, "reserved flag",
	    POKE(P32(H_FLAGS, 4))),
	BAD("c9_flags_bit_31", V11, INVAL, "reserved flag",
	    POKE(P32(H_FLAGS, 0x80000000))),
	/* Class 10. */
	BAD("c10_sender_is_not_caller", V11, FFA_RET_DENIED, "sender",
	    POKE(P16(0, 0x0002))),
	/* Class 11: receivers. */
	BAD("c11_receiver_is_sender", V11, INVAL, "is the sender",
	    POKE(P16(E0, A_SENDER))),
	BAD("c11_receiver_7fff", V11, INVAL, "ID is invalid",
	    POKE(P16(E0, 0x7fff))),
	BAD("c11_receiver_ffff", V11, INVAL, "ID is invalid",
	    POKE(P16(E0, 0xffff))),
	BAD("c11_receiver_twice", LEND2, INVAL, "named twice", OP(LEND),
	    POKE(P16(E1, 0x8002))),
	/* Class 12: permissions per operation. */
	BAD("c12_perm_reserved_bits", V11, INVAL, "reserved permission",
	    POKE(P8(E0 + E_PERMS, 0x12))),
	BAD("c12_data_reserved", V11, INVAL, "reserved data",
	    POKE(P8(E0 + E_PERMS, 0x03))),
	BAD("c12_instr_reserved", V11, INVAL, "reserved instruction",
	    POKE(P8(E0 + E_PERMS, 0x0e))),
	BAD("c12_share_data_unspecified", V11, INVAL, "RO or RW",
	    POKE(P8(E0 + E_PERMS, 0))),
	BAD("c12_share_instr_nx", V11, INVAL, "instruction access must",
	    POKE(P8(E0 + E_PERMS, 0x06))),
	BAD("c12_lend_data_unspecified", V11, INVAL, "RO or RW", OP(LEND),
	    POKE(P16(H_ATTR, 0), P8(E0 + E_PERMS, 0))),
	/* No send states an instruction access (ffa-abi.md 10.2). */
	BAD("c12_lend_one_nx", V11, INVAL, "instruction access must",
	    OP(LEND), POKE(P16(H_ATTR, 0), P8(E0 + E_PERMS, 0x06))),
	BAD("c12_lend_one_x", V11, INVAL, "instruction access must",
	    OP(LEND), POKE(P16(H_ATTR, 0), P8(E0 + E_PERMS, 0x09))),
	BAD("c12_share_instr_x", V11, INVAL, "instruction access must",
	    POKE(P8(E0 + E_PERMS, 0x0a))),
	OK("c12_lend_one_instr_unspecified_ok", V11, OP(LEND),
	   POKE(P16(H_ATTR, 0))),
	BAD("c12_lend_two_nx", LEND2, INVAL, "instruction access must",
	    OP(LEND), POKE(P8(E1 + E_PERMS, 0x05))),
	BAD("c12_donate_data_given", V11, INVAL, "data access given",
	    OP(DONATE), POKE(P16(H_ATTR, 0))),
	BAD("c12_donate_instr_given", V11, INVAL, "instruction access must",
	    OP(DONATE), POKE(P16(H_ATTR, 0), P8(E0 + E_PERMS, 0x04))),
	OK("c12_donate_unspecified_ok", V11, OP(DONATE),
	   POKE(P16(H_ATTR, 0), P8(E0 + E_PERMS, 0))),
	/* Class 13: attributes per operation. */
	BAD("c13_ns_bit_v1_1", V11, INVAL, "NS attribute",
	    POKE(P16(H_ATTR, 0x6f))),
	BAD("c13_donate_type_normal", V11, INVAL, "memory type must be unset",
	    OP(DONATE), POKE(P8(E0 + E_PERMS, 0))),
	BAD("c13_lend_one_type_normal", V11, INVAL,
	    "memory type must be unset", OP(LEND)),
	BAD("c13_lend_one_type_device", V11, INVAL,
	    "memory type must be unset", OP(LEND), POKE(P16(H_ATTR, 0x10))),
	BAD("c13_share_type_unspecified", V11, INVAL, "Normal/Device",
	    POKE(P16(H_ATTR, 0x0f))),
	BAD("c13_share_type_reserved", V11, INVAL, "reserved memory type",
	    POKE(P16(H_ATTR, 0x3f))),
	BAD("c13_lend_one_type_reserved", V11, INVAL,
	    "memory type must be unset", OP(LEND), POKE(P16(H_ATTR, 0x30))),
	/* Without a type, bits[3:0] mean nothing: not 0 is not "unset". */
	BAD("c13_lend_one_bits_without_type", V11, INVAL,
	    "attributes without a type", OP(LEND), POKE(P16(H_ATTR, 0x0f))),
	BAD("c13_donate_bits_without_type", V11, INVAL,
	    "attributes without a type", OP(DONATE),
	    POKE(P16(H_ATTR, 0x03), P8(E0 + E_PERMS, 0))),
	BAD("c13_lend_two_type_unspecified", LEND2, INVAL, "Normal/Device",
	    OP(LEND), POKE(P16(H_ATTR, 0))),
	BAD("c13_normal_cacheability_00", V11, INVAL, "cacheability",
	    POKE(P16(H_ATTR, 0x23))),
	BAD("c13_normal_cacheability_10", V11, INVAL, "cacheability",
	    POKE(P16(H_ATTR, 0x2b))),
	BAD("c13_normal_shareability_01", V11, INVAL, "shareability",
	    POKE(P16(H_ATTR, 0x2d))),
	OK("c13_share_device_ok", V11, POKE(P16(H_ATTR, 0x10))),
	OK("c13_share_device_gre_ok", V11, POKE(P16(H_ATTR, 0x1c))),
	OK("c13_lend_two_normal_ok", LEND2, OP(LEND)),
	OK("c13_share_normal_nc_outer_ok", V11, POKE(P16(H_ATTR, 0x26))),
	/* Class 16. */
	BAD("c16_zero_flag_on_share", V11, INVAL, "zero flag",
	    POKE(P32(H_FLAGS, 1))),
	OK("c16_zero_flag_on_lend_ok", LEND2, OP(LEND)),
	/* Class 18. */
	BAD("c18_more_ranges_than_capacity", V11, FFA_RET_NO_MEMORY, "hold",
	    .cap = 1),
	/* Fragments after the first (classes 5, 8, 18). */
	OK("f_second_fragment_ok", V11, FRAG2(R1, 16)),
	BAD("c8_overlap_across_fragments", V11, INVAL, "overlap",
	    FRAG2(R1, 16), POKE(P64(R1, A_ADDR0))),
	BAD("f_more_than_declared", V11, INVAL, "more constituents",
	    FRAG2(R0, 32)),
	BAD("f_fewer_than_declared", V11, INVAL, "fewer", FRAG2(R1, 0)),
	BAD("f_ends_mid_constituent", V11, INVAL, "mid-constituent",
	    FRAG2(R1, 8)),
	BAD("c18_capacity_across_fragments", V11, FFA_RET_NO_MEMORY, "hold",
	    FRAG2(R1, 16), .cap = 1),
	/* The context itself. */
	BAD("unsupported_caller_version", V11, FFA_RET_NOT_SUPPORTED,
	    "no layout", .version = 0x00020000),
	BAD("unknown_operation", V11, INVAL, "unknown", .op = 7),

	/* Classes 24/25: retrieve requests. */
	OK("r_golden_ok", RETR),
	BAD("r_no_receivers", RETR, INVAL, "no receivers",
	    POKE(P32(H_COUNT, 0))),
	BAD("r_too_many_receivers", RETR, INVAL, "more receivers",
	    POKE(P32(H_COUNT, 9))),
	BAD("r_composite_offset", RETR, INVAL, "composite offset",
	    POKE(P32(E0 + E_COMP, 64))),
	BAD("r_trailing_bytes", RETR, INVAL, "request length",
	    .len_delta = 16),
	BAD("r_truncated", RETR, INVAL, "runs past", .len_delta = -16),
	BAD("r_v1_0_caller_reads_v1_0_layout", RETR, INVAL,
	    "reserved header word", VER(1_0)),
	BAD("r_flags_bit_10_v1_1", RETR, INVAL, "reserved flag",
	    POKE(P32(H_FLAGS, 0x408))),
	BAD("r_flags_bit_11_v1_2", RETR, INVAL, "reserved flag", VER(1_2),
	    POKE(P32(H_FLAGS, 0x808))),
	/* Naming only oneself is what bypass is for; the manager knows
	 * whether the transaction really has several borrowers. */
	OK("r_bypass_naming_only_self_ok", RETR, VER(1_2),
	   POKE(P32(H_FLAGS, 0x408))),
	OK("r_bypass_with_two_receivers_ok", RETR, VER(1_2), .len_delta = 16,
	   POKE(P32(H_COUNT, 2), P16(E1, 0x8003), P8(E1 + E_PERMS, 1),
		P32(H_FLAGS, 0x408))),
	BAD("r_alignment_hint_valid", RETR, INVAL, "alignment hint",
	    POKE(P32(H_FLAGS, 0x208))),
	BAD("r_alignment_hint_value", RETR, INVAL, "alignment hint",
	    POKE(P32(H_FLAGS, 0x28))),
	BAD("r_time_slicing", RETR, INVAL, "time slicing",
	    POKE(P32(H_FLAGS, 0x0a))),
	BAD("r_zero_flag_on_share", RETR, INVAL, "zero flag",
	    POKE(P32(H_FLAGS, 0x0c))),
	OK("r_zero_flags_on_lend_ok", RETR, POKE(P32(H_FLAGS, 0x15))),
	BAD("r_ns_bit", RETR, INVAL, "NS attribute", POKE(P16(H_ATTR, 0x6f))),
	BAD("r_attr_reserved", RETR, INVAL, "reserved attribute",
	    POKE(P16(H_ATTR, 0x12f))),
	BAD("r_header_reserved", RETR, INVAL, "reserved header",
	    POKE(P8(40, 1))),
	BAD("r_emad_reserved", RETR, INVAL, "EMAD reserved",
	    POKE(P8(E0 + 15, 1))),
	BAD("r_emad_flag_bit_1", RETR, INVAL, "EMAD flag",
	    POKE(P8(E0 + E_FLAGS, 2))),
	OK("r_emad_flag_bit_0_ok", RETR, POKE(P8(E0 + E_FLAGS, 1))),
	BAD("r_perm_reserved_bits", RETR, INVAL, "reserved permission",
	    POKE(P8(E0 + E_PERMS, 0x42))),
	BAD("r_receiver_is_sender", RETR, INVAL, "is the sender",
	    POKE(P16(E0, A_SENDER))),
	BAD("r_receiver_twice", RETR, INVAL, "named twice", .len_delta = 16,
	    POKE(P32(H_COUNT, 2), P16(E1, A_RECEIVER))),

	/* Class 27: relinquish. */
	OK("q_golden_ok", RELQ),
	BAD("q_no_endpoints", RELQ, INVAL, "endpoint count",
	    POKE(P32(Q_COUNT, 0))),
	BAD("q_too_many_endpoints", RELQ, INVAL, "endpoint count",
	    POKE(P32(Q_COUNT, 9))),
	BAD("q_count_all_ones", RELQ, INVAL, "endpoint count",
	    POKE(P32(Q_COUNT, 0xffffffff))),
	BAD("q_ids_truncated", RELQ, INVAL, "run past", .len_delta = -1),
	BAD("q_header_truncated", RELQ, INVAL, "shorter", .len_delta = -3),
	BAD("q_time_slicing", RELQ, INVAL, "time slicing",
	    POKE(P32(Q_FLAGS, 2))),
	BAD("q_flags_reserved", RELQ, INVAL, "reserved flag",
	    POKE(P32(Q_FLAGS, 4))),
	OK("q_zero_flag_ok", RELQ, POKE(P32(Q_FLAGS, 1))),
	OK("q_two_endpoints_ok", RELQ, .len_delta = 2,
	   POKE(P32(Q_COUNT, 2), P16(18, 0x8003))),
	BAD("q_same_endpoint_twice", RELQ, INVAL, "named twice",
	    .len_delta = 2, POKE(P32(Q_COUNT, 2), P16(18, 0x8002))),
};

static uint8_t desc[DESC_MAX];

static void poke(const struct poke *p)
{
	if (p->size == 1)
		desc[p->off] = (uint8_t)p->val;
	else if (p->size == 2)
		ffa_st16(desc + p->off, (uint16_t)p->val);
	else if (p->size == 4)
		ffa_st32(desc + p->off, (uint32_t)p->val);
	else if (p->size == 8)
		ffa_st64(desc + p->off, p->val);
}

static uint32_t load_case(const struct pcase *c)
{
	const struct poke *p;

	memset(desc, 0, sizeof(desc));
	memcpy(desc, bases[c->base].bytes, bases[c->base].len);
	for (p = c->p; p < c->p + MAX_POKES; p++)
		poke(p);
	return bases[c->base].len + c->len_delta;
}

/* The status, and that the reason names the check (none on success). */
static void expect(const char *name, int ret, const char *why, int want,
		   const char *want_why)
{
	if (ret != want || (want_why && (!why || !strstr(why, want_why))))
		fail_msg("%s: got %s (\"%s\"), want %s (\"%s\")", name,
			 ffa_status_name(ret), why ? why : "",
			 ffa_status_name(want), want_why ? want_why : "");
	if (!want_why)
		assert_null(why);
}

/* The manager's way: the first fragment [0, R1), then one more. */
static int run_two_fragments(const struct pcase *c,
			     const struct ffa_mtd_ctx *ctx, const char **why)
{
	struct ffa_mem_range ranges[CAP], scratch[CAP];
	struct ffa_range_acc acc;
	struct ffa_mtd m;
	int ret;

	assert_int_equal(ffa_mtd_parse_send(ctx, desc, R1, 112, &m, NULL), 0);
	ffa_range_acc_init(&acc, &m, TEST_ADDR_LIMIT, ranges,
			   c->cap ? c->cap : CAP);
	assert_int_equal(ffa_range_acc_add(&acc, desc + R0, 16, NULL), 0);
	ret = ffa_range_acc_add(&acc, desc + c->off2, c->len2, why);
	if (ret) {
		/* A bad fragment leaves no trace. */
		assert_int_equal(acc.count, 1);
		return ret;
	}
	return ffa_range_acc_finish(&acc, scratch, why);
}

static int run_send(const struct pcase *c, uint32_t version, uint32_t len,
		    const char **why)
{
	struct ffa_mtd_ctx ctx = send_ctx(version, c->op);
	struct ffa_mem_range ranges[CAP], scratch[CAP];
	struct ffa_mtd m;

	if (c->tx_size)
		ctx.tx_size = c->tx_size;
	if (c->addr_limit)
		ctx.addr_limit = c->addr_limit;
	if (c->frag)
		return ffa_mtd_parse_send(&ctx, desc, c->frag, c->total, &m,
					  why);
	if (c->off2)
		return run_two_fragments(c, &ctx, why);
	return ffa_mtd_parse_full(&ctx, desc, len, &m, ranges, scratch,
				  c->cap ? c->cap : CAP, why);
}

static void run_case(void **state)
{
	const struct pcase *c = *state;
	uint32_t version = c->version ? c->version : bases[c->base].version;
	uint32_t len = load_case(c);
	struct ffa_retrieve_req req;
	struct ffa_relinquish rel;
	const char *why = NULL;
	int ret;

	if (c->base == RETR)
		ret = ffa_retrieve_req_parse(version, desc, len, &req, &why);
	else if (c->base == RELQ)
		ret = ffa_relinquish_parse(desc, len, &rel, &why);
	else
		ret = run_send(c, version, len, &why);
	expect(c->name, ret, why, c->want, c->why);
}

/* ---- Cases that are not one corrupted field. ---- */

static struct ffa_mtd_ctx ctx_v1_1(void)
{
	return send_ctx(FFA_VERSION_1_1, FFA_MEM_OP_SHARE);
}

/* A v1.1 EMAD array placed past 48 is honoured (and the padding ignored). */
static void test_c3_emad_offset_64_honoured(void **state)
{
	struct ffa_mtd_ctx ctx = ctx_v1_1();
	struct ffa_mem_range r[CAP], s[CAP];
	struct ffa_mtd m;

	(void)state;
	memset(desc, 0xcc, sizeof(desc));
	memcpy(desc, golden_share_v1_1, 48);
	memcpy(desc + 64, golden_share_v1_1 + 48, 64);
	ffa_st32(desc + H_EOFF, 64);
	ffa_st32(desc + 64 + E_COMP, 80);
	assert_int_equal(ffa_mtd_parse_full(&ctx, desc, 128, &m, r, s, CAP,
					    NULL), 0);
	assert_int_equal(m.composite_offset, 80);
	assert_int_equal(m.access[0].receiver_id, A_RECEIVER);
	assert_int_equal(r[1].address, A_ADDR1);
}

/*
 * The attributes a retrieve gets (ffa-abi.md 9.4, 9.9; row 26): every
 * kind of value in force (nothing stated, Normal, Device) against every
 * kind of request (0, the same, another, a bad encoding).
 */
static void test_retrieve_attrs(void **state)
{
	static const struct {
		uint16_t in_force, asked;
		int want;
		uint16_t out;
		const char *why;
	} t[] = {
		/* Nothing stated yet: the request states them. */
		{ 0x00, 0x00, 0, 0x00, NULL },
		{ 0x00, 0x2f, 0, 0x2f, NULL },
		{ 0x00, 0x26, 0, 0x26, NULL },
		{ 0x00, 0x10, 0, 0x10, NULL },
		{ 0x00, 0x1c, 0, 0x1c, NULL },
		/* Stated: 0 or the same value. */
		{ 0x2f, 0x00, 0, 0x2f, NULL },
		{ 0x2f, 0x2f, 0, 0x2f, NULL },
		{ 0x10, 0x00, 0, 0x10, NULL },
		{ 0x10, 0x10, 0, 0x10, NULL },
		/* Another value: Normal of Device is more, the rest wrong. */
		{ 0x10, 0x2f, FFA_RET_DENIED, 0, "Normal asked of Device" },
		{ 0x14, 0x26, FFA_RET_DENIED, 0, "Normal asked of Device" },
		{ 0x2f, 0x10, INVAL, 0, "differ" },
		{ 0x2f, 0x2e, INVAL, 0, "differ" },
		{ 0x2f, 0x27, INVAL, 0, "differ" },
		{ 0x10, 0x14, INVAL, 0, "differ" },
		/* Encodings that do not exist, whatever is in force. */
		{ 0x00, 0x30, INVAL, 0, "reserved memory type" },
		{ 0x2f, 0x3f, INVAL, 0, "reserved memory type" },
		{ 0x00, 0x23, INVAL, 0, "reserved cacheability" },
		{ 0x00, 0x2b, INVAL, 0, "reserved cacheability" },
		{ 0x2f, 0x2d, INVAL, 0, "reserved shareability" },
		{ 0x00, 0x0f, INVAL, 0, "without a type" },
		{ 0x2f, 0x03, INVAL, 0, "without a type" },
	};
	uint32_t i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *why = NULL;
		uint16_t out = 0xbeef;
		char name[48];
		int ret = ffa_mtd_retrieve_attrs(t[i].in_force, t[i].asked,
						 &out, &why);

		snprintf(name, sizeof(name), "attrs %#x asked of %#x",
			 t[i].asked, t[i].in_force);
		expect(name, ret, why, t[i].want, t[i].why);
		assert_int_equal(out, t[i].want ? 0xbeef : t[i].out);
	}
}

int main(void)
{
	static const struct CMUnitTest extra[] = {
		cmocka_unit_test(test_c3_emad_offset_64_honoured),
		cmocka_unit_test(test_retrieve_attrs),
	};

	return RUN_CASE_TABLE("test_mem_parse", cases, run_case, extra);
}
