// SPDX-License-Identifier: BSD-3-Clause
/*
 * Known answers for the helpers whose results other tests compare with
 * the same helper's output (a checksum both the test partition and its
 * tests compute agrees with itself however wrong it is). Every expected
 * value here comes from the definition, never from the code under test:
 * bytes and words written by hand, or the output of this Python 3
 * script, which implements the definitions on its own:
 *
 *	M = (1 << 64) - 1
 *	def fnv(d, h=0xcbf29ce484222325):	# FNV-1a 64
 *	    for b in d: h = ((h ^ b) * 0x100000001b3) & M
 *	    return h
 *	def lcg(x):				# Knuth's MMIX LCG
 *	    return (x * 6364136223846793005 + 1442695040888963407) & M
 *	def word(s, i):			# tp_fp_word()
 *	    w = ((s + i + 1) * 0x9e3779b97f4a7c15) & M
 *	    return w & {64: 0x07c00000, 65: 0x0800009f}.get(i, M)
 *	def fpsum(s):				# tp_fp_sum(tp_fp_pattern())
 *	    return fnv(b"".join(word(s, i).to_bytes(8, "little")
 *				for i in range(66)))
 *
 * The FNV-1a values of "a" and "foobar" are also the published test
 * vectors of the FNV reference code.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/bytes.h>
#include <libffa/client.h>
#include <libffa/uuid.h>
#include <partitions/test_client.h>
#include "script_conduit.h"

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- FNV-1a 64 (tp_fnv): TP_CMD_MEM_RETRIEVE's checksum ---- */

static void test_fnv_vectors(void **state)
{
	static const struct {
		const char *s;
		uint64_t h;
	} v[] = {
		{ "", 0xcbf29ce484222325ULL },	/* fnv(b"") */
		{ "a", 0xaf63dc4c8601ec8cULL },	/* fnv(b"a") */
		{ "foobar", 0x85944171f73967e8ULL },	/* fnv(b"foobar") */
	};
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(v); i++)
		assert_true(tp_fnv(TP_FNV_OFFSET, (const uint8_t *)v[i].s,
				   strlen(v[i].s)) == v[i].h);
}

/* Every byte counts, in order: 0..255, and two pages chained. */
static void test_fnv_long_inputs(void **state)
{
	static uint8_t page0[4096], page1[4096];
	uint8_t all[256];
	uint64_t h;
	unsigned int i;

	(void)state;
	for (i = 0; i < 256; i++)
		all[i] = (uint8_t)i;
	/* fnv(bytes(range(256))) */
	assert_true(tp_fnv(TP_FNV_OFFSET, all, 256) == 0x4242dc5249c33625ULL);
	/* fnv(b"\x11" * 4096 + b"\x22" * 4096): test_partitions' share */
	memset(page0, 0x11, sizeof(page0));
	memset(page1, 0x22, sizeof(page1));
	h = tp_fnv(tp_fnv(TP_FNV_OFFSET, page0, 4096), page1, 4096);
	assert_true(h == 0x12cb955e77617325ULL);
}

/* ---- TP_CMD_SPIN's step, TP_CMD_FP_LOAD's pattern and sum ---- */

static void test_spin_step(void **state)
{
	/* lcg(0), lcg(lcg(0)), lcg(lcg(lcg(0))) */
	static const uint64_t from0[] = {
		0x14057b7ef767814fULL, 0x1a08ee1184ba6d32ULL,
		0x9af678222e728119ULL,
	};
	uint64_t x = 0;
	unsigned int i;

	(void)state;
	for (i = 0; i < COUNT(from0); i++) {
		x = tp_spin_step(x);
		assert_true(x == from0[i]);
	}
	/* 1000 steps from 42, as test_partitions' SPIN scenario */
	x = 42;
	for (i = 0; i < 1000; i++)
		x = tp_spin_step(x);
	assert_true(x == 0x3476d861fa86c872ULL);
}

static void test_fp_pattern_and_sum(void **state)
{
	static const struct {
		uint64_t seed, w0, w63, fpcr, fpsr, sum;
	} v[] = {
		{ 0, 0x9e3779b97f4a7c15ULL, 0x8dde6e5fd29f0540ULL,
		  0x01c00000, 0x0000000a, 0xca799bc3143be9e3ULL },
		{ 0x1100, 0x4d4ccb2d7187e115ULL, 0x3cf3bfd3c4dc6a40ULL,
		  0x04000000, 0x0000000a, 0x7635c14105bfac67ULL },
		{ 0xa000, 0x4a4b69480cd79c15ULL, 0x39f25dee602c2540ULL,
		  0x07400000, 0x0800000a, 0x061bab8c7c9fa2b2ULL },
	};
	uint64_t w[TP_FP_WORDS];
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(v); i++) {
		tp_fp_pattern(w, v[i].seed);
		assert_true(w[0] == v[i].w0);
		assert_true(w[63] == v[i].w63);
		assert_true(w[TP_FP_FPCR] == v[i].fpcr);
		assert_true(w[TP_FP_FPSR] == v[i].fpsr);
		assert_true(tp_fp_word(v[i].seed, 63) == v[i].w63);
		assert_true(tp_fp_sum(w) == v[i].sum);
	}
}

/* ---- the test partition's wire protocol (tp_call) ---- */

/* A command is DIRECT_REQ_64 from self to dst, args in x3..x7. */
static void test_tp_call_registers(void **state)
{
	static const struct script_step steps[] = {
		{ REGS(0xc400006f, 0x00018001, 0, 3, 0x1122, 0x8001, 7,
		       0x0205),
		  REGS(0xc4000070, 0x80010001, 0, 0, 0xabcdef, 1, 2, 3) },
		/* an answer from someone else is not dst's response */
		{ REGS(0xc400006f, 0x00018001, 0, 1),
		  REGS(0xc4000070, 0x80020001, 0, 0) },
	};
	const struct ffa_conduit *c = SCRIPT(state, steps);
	const uint64_t args[5] = { 3, 0x1122, 0x8001, 7, 0x0205 };
	const uint64_t echo[5] = { 1 };
	uint64_t out[5];

	assert_int_equal(tp_call(c, 0x0001, 0x8001, args, out), 0);
	assert_true(out[0] == 0 && out[1] == 0xabcdef && out[2] == 1 &&
		    out[3] == 2 && out[4] == 3);
	assert_int_equal(tp_call(c, 0x0001, 0x8001, echo, out), FFA_EPROTO);
}

/* ---- lib/bytes ---- */

static void test_little_endian_loads_stores(void **state)
{
	static const uint8_t b[8] = {
		0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
	};
	uint8_t out[9];

	(void)state;
	assert_int_equal(ffa_ld16(b), 0x2301);
	assert_int_equal(ffa_ld32(b), 0x67452301);
	assert_true(ffa_ld64(b) == 0xefcdab8967452301ULL);
	/* at an odd offset: descriptors sit at any alignment */
	assert_int_equal(ffa_ld32(b + 1), 0x89674523);
	memset(out, 0x5a, sizeof(out));
	ffa_st64(out + 1, 0xefcdab8967452301ULL);
	assert_memory_equal(out + 1, b, 8);
	assert_int_equal(out[0], 0x5a);
	memset(out, 0x5a, sizeof(out));
	ffa_st32(out, 0x67452301);
	assert_memory_equal(out, b, 4);
	assert_int_equal(out[4], 0x5a);
	ffa_st16(out, 0xcdab);
	assert_int_equal(out[0], 0xab);
	assert_int_equal(out[1], 0xcd);
	assert_int_equal(out[2], 0x45);
}

/* Every position of the buffer is looked at, and only n bytes. */
static void test_byte_loops(void **state)
{
	uint8_t buf[64], src[64];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(buf); i++) {
		memset(buf, 0, sizeof(buf));
		buf[i] = 0x80;
		assert_false(ffa_bytes_all_zero(buf, sizeof(buf)));
		assert_true(ffa_bytes_all_zero(buf, i));
	}
	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i + 1);
	memset(buf, 0xee, sizeof(buf));
	ffa_bytes_copy(buf, src, 63);
	assert_memory_equal(buf, src, 63);
	assert_int_equal(buf[63], 0xee);
	ffa_bytes_zero(buf + 1, 61);
	assert_int_equal(buf[0], 1);
	assert_true(ffa_bytes_all_zero(buf + 1, 61));
	assert_int_equal(buf[62], 63);
}

/* ---- lib/uuid: every byte, every nibble ---- */

static void test_uuid_every_byte(void **state)
{
	static const char text[] = "00112233-4455-6677-8899-aabbccddeeff";
	struct ffa_uuid u, v;
	char s[FFA_UUID_STR_LEN + 1];
	uint64_t x[2];
	uint32_t w[4];
	unsigned int i;

	(void)state;
	assert_int_equal(ffa_uuid_parse(&u, text, strlen(text)), 0);
	for (i = 0; i < 16; i++)
		assert_int_equal(u.b[i], i * 0x11);
	ffa_uuid_format(&u, s);
	assert_string_equal(s, text);
	/* byte 0 in bits[7:0] of the first register (ffa-abi.md 7.3) */
	ffa_uuid_to_w4(&u, w);
	assert_int_equal(w[0], 0x33221100);
	assert_int_equal(w[3], 0xffeeddcc);
	ffa_uuid_to_x2(&u, x);
	assert_true(x[0] == 0x7766554433221100ULL);
	assert_true(x[1] == 0xffeeddccbbaa9988ULL);
	for (i = 0; i < 16; i++) {
		memset(&v, 0, sizeof(v));
		v.b[i] = 1;
		assert_false(ffa_uuid_is_nil(&v));
		v = u;
		v.b[i] ^= 0x40;
		assert_false(ffa_uuid_equal(&u, &v));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv_vectors),
		cmocka_unit_test(test_fnv_long_inputs),
		cmocka_unit_test(test_spin_step),
		cmocka_unit_test(test_fp_pattern_and_sum),
		SCRIPT_TEST(test_tp_call_registers),
		cmocka_unit_test(test_little_endian_loads_stores),
		cmocka_unit_test(test_byte_loops),
		cmocka_unit_test(test_uuid_every_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
