/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The types shim: the only place include/ffa differs between worlds.
 *
 * In the Linux kernel <linux/types.h> supplies the fixed-width integer
 * types; everywhere else we use the headers that C99 guarantees even in a
 * freestanding implementation (they come with the compiler, not libc).
 */
#ifndef FFA_TYPES_H
#define FFA_TYPES_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#endif

/* Compile-time layout checks, usable at file scope in all three worlds. */
#define FFA_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#define FFA_OFFSETOF(type, field) __builtin_offsetof(type, field)

#define FFA_CHECK_SIZE(type, size) \
	FFA_STATIC_ASSERT(sizeof(type) == (size), #type " size")
#define FFA_CHECK_OFFSET(type, field, off) \
	FFA_STATIC_ASSERT(FFA_OFFSETOF(type, field) == (off), \
			  #type "." #field " offset")

#define FFA_BIT(n) (1U << (n))
#define FFA_BIT64(n) (1ULL << (n))

#endif /* FFA_TYPES_H */
