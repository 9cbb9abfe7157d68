/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Little-endian loads and stores on byte buffers. FF-A descriptors are
 * little-endian and may sit at any alignment in a buffer, so lib/ never
 * casts a buffer to a struct pointer: it reads and writes fields by offset.
 */
#ifndef LIBFFA_BYTES_H
#define LIBFFA_BYTES_H

#include <ffa/types.h>

/*
 * Descriptors are almost always naturally aligned (the spec puts every
 * field at its own alignment from a 16-byte-aligned start, and buffers
 * are pages): on a little-endian CPU an aligned field is then one load
 * or store through a type that may alias bytes, and only a misaligned
 * one (which the strict-alignment builds cannot access as a word) goes
 * byte by byte. The result is the same either way.
 */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FFA_LE_WORDS	1
#else
#define FFA_LE_WORDS	0
#endif

typedef uint16_t __attribute__((may_alias)) ffa_alias16;
typedef uint32_t __attribute__((may_alias)) ffa_alias32;
typedef uint64_t __attribute__((may_alias)) ffa_alias64;

#define FFA_ALIGNED(p, n)	(((uintptr_t)(p) & ((n) - 1)) == 0)

static inline uint16_t ffa_ld16(const uint8_t *p)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 2))
		return *(const ffa_alias16 *)p;
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t ffa_ld32(const uint8_t *p)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 4))
		return *(const ffa_alias32 *)p;
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) |
	       ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint64_t ffa_ld64(const uint8_t *p)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 8))
		return *(const ffa_alias64 *)p;
	return (uint64_t)ffa_ld32(p) | ((uint64_t)ffa_ld32(p + 4) << 32);
}

static inline void ffa_st16(uint8_t *p, uint16_t v)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 2)) {
		*(ffa_alias16 *)p = v;
		return;
	}
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void ffa_st32(uint8_t *p, uint32_t v)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 4)) {
		*(ffa_alias32 *)p = v;
		return;
	}
	ffa_st16(p, (uint16_t)v);
	ffa_st16(p + 2, (uint16_t)(v >> 16));
}

static inline void ffa_st64(uint8_t *p, uint64_t v)
{
	if (FFA_LE_WORDS && FFA_ALIGNED(p, 8)) {
		*(ffa_alias64 *)p = v;
		return;
	}
	ffa_st32(p, (uint32_t)v);
	ffa_st32(p + 4, (uint32_t)(v >> 32));
}

/*
 * Copy and zero n bytes (lib/ has no libc): a word at a time where the
 * alignment allows, so any alignment and any n work; the copy's
 * buffers must not overlap.
 */
void ffa_bytes_copy(void *dst, const void *src, size_t n);
void ffa_bytes_zero(void *dst, size_t n);
/* True when all n bytes are zero (MBZ checks). */
bool ffa_bytes_all_zero(const void *p, size_t n);

/* Overflow-safe arithmetic: return true when the result wrapped. */
#define ffa_add_overflow(a, b, res)	__builtin_add_overflow(a, b, res)
#define ffa_mul_overflow(a, b, res)	__builtin_mul_overflow(a, b, res)

#endif /* LIBFFA_BYTES_H */
