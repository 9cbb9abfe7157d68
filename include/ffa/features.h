/* SPDX-License-Identifier: BSD-3-Clause */
/* FFA_FEATURES inputs and the properties it reports. */
#ifndef FFA_FEATURES_H
#define FFA_FEATURES_H

#include "types.h"

/* w1 bit 31 clear: a feature ID in bits[7:0]; bits[30:8] MBZ. */
#define FFA_FEATURE_IS_FUNC		FFA_BIT(31)
#define FFA_FEATURE_ID_MASK		0xffU
#define FFA_FEATURE_ID_MBZ		0x7fffff00U

#define FFA_FEATURE_NPI			1U	/* notification pending intr */
#define FFA_FEATURE_SRI			2U	/* schedule receiver intr */
#define FFA_FEATURE_MEI			3U	/* managed exit intr */

/* FFA_RXTX_MAP: w2 bits[1:0] minimum size and alignment of each buffer. */
#define FFA_RXTX_MIN_MASK		0x3U
#define FFA_RXTX_MIN_4K			0x0U
#define FFA_RXTX_MIN_64K		0x1U
#define FFA_RXTX_MIN_16K		0x2U
/* v1.2: w2 bits[31:16] maximum buffer size in 4 KiB pages (0: no limit). */
#define FFA_RXTX_MAX_PAGES_SHIFT	16
#define FFA_RXTX_MAX_PAGES_MASK		0xffffU

/* FFA_MEM_DONATE/LEND/SHARE (v1.0, v1.1): bit 0 dynamic buffer support. */
#define FFA_FEAT_MEM_DYN_BUFFER		FFA_BIT(0)

/* FFA_MEM_RETRIEVE_REQ output w2, and input w2 bit 1 (v1.1+ callers). */
#define FFA_FEAT_RETRIEVE_DYN_BUFFER	FFA_BIT(0)
#define FFA_FEAT_RETRIEVE_NS_BIT	FFA_BIT(1)
#define FFA_FEAT_RETRIEVE_BY_HYP	FFA_BIT(2)
/* FFA_MEM_RETRIEVE_REQ output w3[7:0] = n: 2^(n+1) - 1 retrievals allowed */
#define FFA_FEAT_RETRIEVE_COUNT_MASK	0xffU

#endif /* FFA_FEATURES_H */
