/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libfdt's porting header for freestanding builds (the EL2 firmware and
 * the freestanding proof of spm/). libfdt is designed to need exactly this
 * one header from its environment: fixed-width types, big-endian
 * conversion and the few string routines it calls, which the environment
 * implements (memcpy, memmove, memset and memcmp are GCC's own freestanding
 * requirement; the firmware adds the others).
 */
#ifndef LIBFDT_ENV_H
#define LIBFDT_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* GCC's own <limits.h> reaches for libc's when hosted: define ours. */
#ifndef INT_MAX
#define INT_MAX		__INT_MAX__
#endif
#ifndef UINT_MAX
#define UINT_MAX	(__INT_MAX__ * 2U + 1U)
#endif
#ifndef INT32_MAX
#define INT32_MAX	__INT32_MAX__
#endif
#ifndef UINT32_MAX
#define UINT32_MAX	__UINT32_MAX__
#endif

typedef uint16_t fdt16_t;
typedef uint32_t fdt32_t;
typedef uint64_t fdt64_t;

/* The device tree is big-endian; every machine we build for is little. */
static inline uint16_t fdt16_to_cpu(fdt16_t x)
{
	return __builtin_bswap16(x);
}

static inline fdt16_t cpu_to_fdt16(uint16_t x)
{
	return __builtin_bswap16(x);
}

static inline uint32_t fdt32_to_cpu(fdt32_t x)
{
	return __builtin_bswap32(x);
}

static inline fdt32_t cpu_to_fdt32(uint32_t x)
{
	return __builtin_bswap32(x);
}

static inline uint64_t fdt64_to_cpu(fdt64_t x)
{
	return __builtin_bswap64(x);
}

static inline fdt64_t cpu_to_fdt64(uint64_t x)
{
	return __builtin_bswap64(x);
}

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
int strcmp(const char *a, const char *b);

#endif /* LIBFDT_ENV_H */
