// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The hold socket's line protocol, pure (unit tested): where a --hold
 * process listens, and the one request and one answer a connection
 * carries (docs/ffactl.md):
 *
 *	"reclaim FLAGS\n"	FLAGS: FFA_DEV_MEM_RECLAIM_* in decimal
 *	"ERR\n"			0, or the reclaim's -errno in decimal
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ffactl.h"

int hold_sock_path(char *buf, size_t cap, uint64_t handle)
{
	int n = snprintf(buf, cap, HOLD_SOCK_DIR "/0x%llx.sock",
			 (unsigned long long)handle);

	return n < 0 || (size_t)n >= cap ? -ENAMETOOLONG : 0;
}

/* A decimal number alone on its line: "N\n", no sign unless neg. */
static int parse_line_num(const char *s, size_t len, int neg, long long max,
			  long long *out)
{
	long long v = 0;
	size_t i = 0;

	if (neg && i < len && s[i] == '-')
		i++;
	if (i == len || s[i] == '\n' || len - i > 21 || s[len - 1] != '\n')
		return -EINVAL;
	for (; i < len - 1; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -EINVAL;
		v = v * 10 + (s[i] - '0');
		if (v > max)
			return -EINVAL;
	}
	*out = s[0] == '-' ? -v : v;
	return 0;
}

int hold_req_format(char *buf, size_t cap, uint32_t flags)
{
	int n = snprintf(buf, cap, HOLD_REQ_RECLAIM " %u\n", flags);

	return n < 0 || (size_t)n >= cap ? -ENOSPC : n;
}

int hold_req_parse(const char *buf, size_t len, uint32_t *flags)
{
	size_t word = strlen(HOLD_REQ_RECLAIM " ");
	long long v;

	if (len <= word || memcmp(buf, HOLD_REQ_RECLAIM " ", word))
		return -EINVAL;
	if (parse_line_num(buf + word, len - word, 0, UINT32_MAX, &v))
		return -EINVAL;
	*flags = (uint32_t)v;
	return 0;
}

int hold_ans_format(char *buf, size_t cap, int err)
{
	int n;

	if (err > 0 || err < -HOLD_ERRNO_MAX)
		return -EINVAL;
	n = snprintf(buf, cap, "%d\n", err);
	return n < 0 || (size_t)n >= cap ? -ENOSPC : n;
}

int hold_ans_parse(const char *buf, size_t len, int *err)
{
	long long v;

	if (parse_line_num(buf, len, 1, HOLD_ERRNO_MAX, &v) || v > 0)
		return -EINVAL;
	/* "-0" is not an answer a holder gives. */
	if (!v && buf[0] == '-')
		return -EINVAL;
	*err = (int)v;
	return 0;
}
