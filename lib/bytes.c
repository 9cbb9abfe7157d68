// SPDX-License-Identifier: BSD-3-Clause
/*
 * Copying and zeroing for a library with no libc. They sit on every
 * call's path (an event, a register block, a descriptor), so they move
 * a 64-bit word at a time where both sides are 8-byte aligned (which
 * also keeps -mstrict-align builds happy) and bytes only at the
 * unaligned head and tail. Words go through a may_alias type: the
 * buffers hold structures of any type. GCC may still turn these loops
 * into calls to memcpy/memset; every environment we build for provides
 * those (see scripts/check-freestanding).
 */
#include <libffa/bytes.h>

#define WORD	sizeof(uint64_t)

typedef uint64_t __attribute__((may_alias)) ffa_word_t;

static bool word_aligned(uintptr_t a)
{
	return (a & (WORD - 1)) == 0;
}

void ffa_bytes_copy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;

	/* Equal misalignment: bytes up to the boundary, then words. */
	if (word_aligned((uintptr_t)d ^ (uintptr_t)s)) {
		for (; n && !word_aligned((uintptr_t)d); n--)
			*d++ = *s++;
		for (; n >= 2 * WORD; n -= 2 * WORD) {
			ffa_word_t a = ((const ffa_word_t *)s)[0];
			ffa_word_t b = ((const ffa_word_t *)s)[1];

			((ffa_word_t *)d)[0] = a;
			((ffa_word_t *)d)[1] = b;
			d += 2 * WORD;
			s += 2 * WORD;
		}
		if (n >= WORD) {
			*(ffa_word_t *)d = *(const ffa_word_t *)s;
			d += WORD;
			s += WORD;
			n -= WORD;
		}
	}
	for (; n; n--)
		*d++ = *s++;
}

void ffa_bytes_zero(void *dst, size_t n)
{
	uint8_t *d = dst;

	for (; n && !word_aligned((uintptr_t)d); n--)
		*d++ = 0;
	for (; n >= 2 * WORD; n -= 2 * WORD, d += 2 * WORD) {
		((ffa_word_t *)d)[0] = 0;
		((ffa_word_t *)d)[1] = 0;
	}
	if (n >= WORD) {
		*(ffa_word_t *)d = 0;
		d += WORD;
		n -= WORD;
	}
	for (; n; n--)
		*d++ = 0;
}

bool ffa_bytes_all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint64_t acc = 0;

	for (; n && !word_aligned((uintptr_t)b); n--)
		acc |= *b++;
	for (; n >= WORD; n -= WORD, b += WORD)
		acc |= *(const ffa_word_t *)b;
	for (; n; n--)
		acc |= *b++;
	return acc == 0;
}
