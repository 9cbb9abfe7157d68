// SPDX-License-Identifier: BSD-3-Clause
/*
 * Byte loops for a library with no libc. GCC may still turn these into
 * calls to memcpy/memset; every environment we build for provides those
 * (see scripts/check-freestanding).
 */
#include <libffa/bytes.h>

void ffa_bytes_copy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = s[i];
}

void ffa_bytes_zero(void *dst, size_t n)
{
	uint8_t *d = dst;
	size_t i;

	for (i = 0; i < n; i++)
		d[i] = 0;
}

bool ffa_bytes_all_zero(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t acc = 0;
	size_t i;

	for (i = 0; i < n; i++)
		acc |= b[i];
	return acc == 0;
}
