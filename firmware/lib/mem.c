// SPDX-License-Identifier: BSD-3-Clause
/*
 * The memory routines GCC may call in freestanding code (memcpy, memmove,
 * memset, memcmp) and memchr for libfdt. Built with
 * -fno-tree-loop-distribute-patterns, or GCC would turn these very loops
 * back into calls to themselves.
 */
#include <stddef.h>
#include <stdint.h>

#include <libfdt_env.h>

#define WORD	sizeof(uint64_t)

/* Words of any type: memcpy's callers copy structures of every kind. */
typedef uint64_t __attribute__((may_alias)) word_t;

static int word_aligned(uintptr_t a)
{
	return (a & (WORD - 1)) == 0;
}

/*
 * Four words an iteration (the compiler pairs them into LDP/STP): the
 * trap and world-switch path copies register files of 144 to 272
 * bytes, where a word loop spent most of its time on the loop itself.
 */
static void copy_words(word_t *d, const word_t *s, size_t nwords)
{
	for (; nwords >= 4; nwords -= 4, d += 4, s += 4) {
		word_t a = s[0], b = s[1], c = s[2], e = s[3];

		d[0] = a;
		d[1] = b;
		d[2] = c;
		d[3] = e;
	}
	for (; nwords; nwords--)
		*d++ = *s++;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/*
	 * Word copies only when both sides can be aligned together
	 * (-mstrict-align): bytes up to the boundary, then words.
	 */
	if (word_aligned((uintptr_t)d ^ (uintptr_t)s)) {
		for (; n && !word_aligned((uintptr_t)d); n--)
			*d++ = *s++;
		copy_words((word_t *)d, (const word_t *)s, n / WORD);
		d += n & ~(WORD - 1);
		s += n & ~(WORD - 1);
		n &= WORD - 1;
	}
	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* memcpy copies forwards, reading each chunk before writing it. */
	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlapping with dst above src: copy from the end. */
	while (n--)
		d[n] = s[n];
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	word_t word = 0x0101010101010101ULL * (unsigned char)c;
	word_t *w;

	while (n && !word_aligned((uintptr_t)d)) {
		*d++ = (unsigned char)c;
		n--;
	}
	w = (word_t *)d;
	for (; n >= 4 * WORD; n -= 4 * WORD, w += 4) {
		w[0] = word;
		w[1] = word;
		w[2] = word;
		w[3] = word;
	}
	for (; n >= WORD; n -= WORD)
		*w++ = word;
	d = (unsigned char *)w;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++) {
		if (*x != *y)
			return *x - *y;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}
