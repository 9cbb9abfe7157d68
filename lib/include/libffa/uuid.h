/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one UUID helper. A UUID is kept as its 16 bytes in RFC 4122 order
 * (as printed, left to right). Registers carry them packed little-endian:
 * byte 0 lands in bits[7:0] of the first word (SMCCC rule; ffa-abi.md 7.3).
 */
#ifndef LIBFFA_UUID_H
#define LIBFFA_UUID_H

#include <ffa/types.h>

#define FFA_UUID_STR_LEN 36	/* without the terminating NUL */

struct ffa_uuid {
	uint8_t b[16];
};

bool ffa_uuid_is_nil(const struct ffa_uuid *u);
bool ffa_uuid_equal(const struct ffa_uuid *a, const struct ffa_uuid *b);

/* Four 32-bit words (PARTITION_INFO_GET w1..w4). */
void ffa_uuid_to_w4(const struct ffa_uuid *u, uint32_t w[4]);
void ffa_uuid_from_w4(struct ffa_uuid *u, const uint32_t w[4]);
/* Two 64-bit registers (PARTITION_INFO_GET_REGS x1/x2, REQ2 x2/x3). */
void ffa_uuid_to_x2(const struct ffa_uuid *u, uint64_t x[2]);
void ffa_uuid_from_x2(struct ffa_uuid *u, const uint64_t x[2]);

/*
 * Text form "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (either case accepted,
 * lower case written). Parsing returns 0 or FFA_RET_INVALID_PARAMETERS;
 * formatting writes FFA_UUID_STR_LEN + 1 bytes including the NUL.
 */
int ffa_uuid_parse(struct ffa_uuid *u, const char *s, size_t len);
void ffa_uuid_format(const struct ffa_uuid *u, char out[FFA_UUID_STR_LEN + 1]);

#endif /* LIBFFA_UUID_H */
