/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FF-A version encoding: bit 31 MBZ, major in bits[30:16], minor in [15:0].
 * FFA_VERSION answers with the raw version in w0, or NOT_SUPPORTED (-1).
 */
#ifndef FFA_VERSION_H
#define FFA_VERSION_H

#include "types.h"

#define FFA_VERSION_MBZ			FFA_BIT(31)
#define FFA_VERSION_MAJOR_SHIFT		16
#define FFA_VERSION_MAJOR_MASK		0x7fffU
#define FFA_VERSION_MINOR_MASK		0xffffU

#define FFA_MAKE_VERSION(major, minor) \
	((((uint32_t)(major) & FFA_VERSION_MAJOR_MASK) << FFA_VERSION_MAJOR_SHIFT) | \
	 ((uint32_t)(minor) & FFA_VERSION_MINOR_MASK))
#define FFA_VERSION_MAJOR(v) \
	(((uint32_t)(v) >> FFA_VERSION_MAJOR_SHIFT) & FFA_VERSION_MAJOR_MASK)
#define FFA_VERSION_MINOR(v)	((uint32_t)(v) & FFA_VERSION_MINOR_MASK)

#define FFA_VERSION_1_0		FFA_MAKE_VERSION(1, 0)	/* 0x00010000 */
#define FFA_VERSION_1_1		FFA_MAKE_VERSION(1, 1)	/* 0x00010001 */
#define FFA_VERSION_1_2		FFA_MAKE_VERSION(1, 2)	/* 0x00010002 */

/* FFA_VERSION's failure value in w0 (the SMC32 image of -1). */
#define FFA_VERSION_NOT_SUPPORTED	0xffffffffU

#endif /* FFA_VERSION_H */
