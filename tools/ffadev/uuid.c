// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * UUIDs as the nodes are named: lowercase text, bytes in text order
 * (the order the UAPI carries them in).
 */
#include <errno.h>
#include <stdio.h>
#include "ffadev.h"

static int hex_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int is_dash_at(int i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

int ffadev_uuid_parse(const char *s, struct ffadev_uuid *out)
{
	int i, n = 0, hi, lo;

	if (!s)
		return -EINVAL;
	for (i = 0; i < FFADEV_UUID_STR_LEN - 1; i++) {
		if (is_dash_at(i)) {
			if (s[i] != '-')
				return -EINVAL;
			continue;
		}
		hi = hex_val(s[i]);
		lo = hi < 0 ? -1 : hex_val(s[i + 1]);
		if (lo < 0)
			return -EINVAL;
		out->b[n++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return s[i] == '\0' ? 0 : -EINVAL;
}

void ffadev_uuid_format(const struct ffadev_uuid *u, char *buf)
{
	const uint8_t *b = u->b;

	snprintf(buf, FFADEV_UUID_STR_LEN,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
}

int ffadev_uuid_is_nil(const struct ffadev_uuid *u)
{
	unsigned int i;

	for (i = 0; i < sizeof(u->b); i++)
		if (u->b[i])
			return 0;
	return 1;
}
