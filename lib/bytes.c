// SPDX-License-Identifier: BSD-3-Clause
/*
 * Copying and zeroing for a library with no libc. They sit on every
 * call's path (an event, a register block, a descriptor), so they move
 * 64-bit words, four an iteration, where both sides are 8-byte aligned
 * (which also keeps -mstrict-align builds happy) and bytes only at the
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
		for (; n >= 4 * WORD; n -= 4 * WORD) {
			const ffa_word_t *sw = (const ffa_word_t *)s;
			ffa_word_t *dw = (ffa_word_t *)d;
			ffa_word_t a = sw[0], b = sw[1], e = sw[2], f = sw[3];

			dw[0] = a;
			dw[1] = b;
			dw[2] = e;
			dw[3] = f;
			d += 4 * WORD;
			s += 4 * WORD;
		}
		for (; n >= WORD; n -= WORD) {
			*(ffa_word_t *)d = *(const ffa_word_t *)s;
			d += WORD;
			s += WORD;
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
	for (; n >= 4 * WORD; n -= 4 * WORD, d += 4 * WORD) {
		((ffa_word_t *)d)[0] = 0;
		((ffa_word_t *)d)[1] = 0;
		((ffa_word_t *)d)[2] = 0;
		((ffa_word_t *)d)[3] = 0;
	}
	for (; n >= WORD; n -= WORD, d += WORD)
		*(ffa_word_t *)d = 0;
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
