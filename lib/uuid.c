// SPDX-License-Identifier: BSD-3-Clause
/*
 * UUIDs in one place. Bytes are kept in printed (RFC 4122) order; the
 * register forms pack them little-endian, byte 0 in bits[7:0] of the first
 * register, as SMCCC specifies and Linux, TF-A and OP-TEE agree. Some
 * manifests and parsers use a GUID-style mixed-endian form instead: going
 * through these helpers everywhere is how we avoid that trap.
 */
#include <libffa/bytes.h>
#include <libffa/status.h>
#include <libffa/uuid.h>

bool ffa_uuid_is_nil(const struct ffa_uuid *u)
{
	return ffa_bytes_all_zero(u->b, sizeof(u->b));
}

/* Two UUIDs as two 64-bit words each (REQ2 compares one per service). */
typedef uint64_t __attribute__((may_alias)) uuid_word_t;

bool ffa_uuid_equal(const struct ffa_uuid *a, const struct ffa_uuid *b)
{
	uint8_t diff = 0;
	unsigned int i;

	if ((((uintptr_t)a->b | (uintptr_t)b->b) & 7) == 0) {
		const uuid_word_t *x = (const uuid_word_t *)a->b;
		const uuid_word_t *y = (const uuid_word_t *)b->b;

		return ((x[0] ^ y[0]) | (x[1] ^ y[1])) == 0;
	}
	for (i = 0; i < sizeof(a->b); i++)
		diff |= a->b[i] ^ b->b[i];
	return diff == 0;
}

void ffa_uuid_to_w4(const struct ffa_uuid *u, uint32_t w[4])
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		w[i] = ffa_ld32(u->b + 4 * i);
}

void ffa_uuid_from_w4(struct ffa_uuid *u, const uint32_t w[4])
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		ffa_st32(u->b + 4 * i, w[i]);
}

void ffa_uuid_to_x2(const struct ffa_uuid *u, uint64_t x[2])
{
	x[0] = ffa_ld64(u->b);
	x[1] = ffa_ld64(u->b + 8);
}

void ffa_uuid_from_x2(struct ffa_uuid *u, const uint64_t x[2])
{
	ffa_st64(u->b, x[0]);
	ffa_st64(u->b + 8, x[1]);
}

/* Positions of the four hyphens in the text form. */
static bool uuid_is_hyphen_pos(unsigned int i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int ffa_uuid_parse(struct ffa_uuid *u, const char *s, size_t len)
{
	struct ffa_uuid tmp;
	unsigned int i, nibble = 0;
	int v;

	if (len != FFA_UUID_STR_LEN)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_bytes_zero(&tmp, sizeof(tmp));
	for (i = 0; i < FFA_UUID_STR_LEN; i++) {
		if (uuid_is_hyphen_pos(i)) {
			if (s[i] != '-')
				return FFA_RET_INVALID_PARAMETERS;
			continue;
		}
		v = hex_value(s[i]);
		if (v < 0)
			return FFA_RET_INVALID_PARAMETERS;
		tmp.b[nibble / 2] |= (uint8_t)(v << ((nibble & 1) ? 0 : 4));
		nibble++;
	}
	*u = tmp;
	return 0;
}

void ffa_uuid_format(const struct ffa_uuid *u, char out[FFA_UUID_STR_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	unsigned int i, pos = 0;

	for (i = 0; i < sizeof(u->b); i++) {
		if (uuid_is_hyphen_pos(pos))
			out[pos++] = '-';
		out[pos++] = digits[u->b[i] >> 4];
		out[pos++] = digits[u->b[i] & 0xf];
	}
	out[pos] = '\0';
}
