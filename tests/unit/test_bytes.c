// SPDX-License-Identifier: BSD-3-Clause
/*
 * lib/bytes.c: ffa_bytes_copy, ffa_bytes_zero and ffa_bytes_all_zero
 * move words where the alignment allows and bytes elsewhere. Every
 * source and destination alignment in a 16-byte window and every length
 * up to 80 bytes (heads, pairs of words, a single word, tails) must give
 * exactly the bytes a byte loop gives, and touch nothing outside them.
 * The little-endian loads and stores (one word when aligned, bytes
 * otherwise) give the same value and bytes at every offset.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libffa/bytes.h>

#define SPAN	80
#define BUF	(SPAN + 48)
#define GUARD	0xa5

static uint8_t pattern(size_t i)
{
	return (uint8_t)(i * 37 + 11);
}

static void copy_every_alignment(void **state)
{
	_Alignas(16) uint8_t src[BUF], dst[BUF];

	(void)state;
	for (size_t i = 0; i < BUF; i++)
		src[i] = pattern(i);
	for (size_t so = 0; so < 16; so++)
		for (size_t doff = 0; doff < 16; doff++)
			for (size_t n = 0; n <= SPAN; n++) {
				for (size_t i = 0; i < BUF; i++)
					dst[i] = GUARD;
				ffa_bytes_copy(dst + doff, src + so, n);
				for (size_t i = 0; i < BUF; i++) {
					uint8_t want = i >= doff &&
						       i < doff + n ?
						       src[so + i - doff] :
						       GUARD;
					assert_int_equal(dst[i], want);
				}
			}
}

static void zero_every_alignment(void **state)
{
	_Alignas(16) uint8_t buf[BUF];

	(void)state;
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n <= SPAN; n++) {
			for (size_t i = 0; i < BUF; i++)
				buf[i] = pattern(i) | 1;
			ffa_bytes_zero(buf + off, n);
			for (size_t i = 0; i < BUF; i++)
				assert_int_equal(buf[i],
						 i >= off && i < off + n ?
						 0 : (pattern(i) | 1));
		}
}

/* One non-zero byte anywhere in the span, at any alignment, is seen. */
static void all_zero_sees_every_byte(void **state)
{
	_Alignas(16) uint8_t buf[BUF];

	(void)state;
	for (size_t i = 0; i < BUF; i++)
		buf[i] = 0;
	for (size_t off = 0; off < 16; off++)
		for (size_t n = 0; n <= SPAN; n++) {
			assert_true(ffa_bytes_all_zero(buf + off, n));
			for (size_t k = 0; k < n; k++) {
				buf[off + k] = 0x80;
				assert_false(ffa_bytes_all_zero(buf + off, n));
				buf[off + k] = 0;
			}
			/* Bytes around the span do not count. */
			if (off > 0)
				buf[off - 1] = 1;
			buf[off + n] = 1;
			assert_true(ffa_bytes_all_zero(buf + off, n));
			if (off > 0)
				buf[off - 1] = 0;
			buf[off + n] = 0;
		}
}

/*
 * At every offset of a 16-byte window: a store writes exactly the
 * little-endian bytes of the value and nothing else, and a load reads
 * them back, whether the word path (aligned) or the byte path ran.
 */
static void le_every_alignment(void **state)
{
	static const uint8_t le[8] = {
		0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
	};
	const uint64_t v = 0x0102030405060708ULL;
	_Alignas(16) uint8_t buf[32];

	(void)state;
	for (size_t off = 0; off < 16; off++) {
		for (size_t w = 2; w <= 8; w *= 2) {
			for (size_t i = 0; i < sizeof(buf); i++)
				buf[i] = GUARD;
			if (w == 2)
				ffa_st16(buf + off, (uint16_t)v);
			else if (w == 4)
				ffa_st32(buf + off, (uint32_t)v);
			else
				ffa_st64(buf + off, v);
			for (size_t i = 0; i < sizeof(buf); i++)
				assert_int_equal(buf[i], i >= off && i < off + w ?
						 le[i - off] : GUARD);
			if (w == 2)
				assert_int_equal(ffa_ld16(buf + off), 0x0708);
			else if (w == 4)
				assert_int_equal(ffa_ld32(buf + off), 0x05060708);
			else
				assert_true(ffa_ld64(buf + off) == v);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copy_every_alignment),
		cmocka_unit_test(zero_every_alignment),
		cmocka_unit_test(all_zero_sees_every_byte),
		cmocka_unit_test(le_every_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
