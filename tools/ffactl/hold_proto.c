// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The hold FIFOs' line protocol, pure (unit tested): where a --hold
 * process listens, where the asker waits, and the one request and one
 * answer each exchange carries (docs/ffactl.md):
 *
 *	"reclaim FLAGS PID\n"	FLAGS: FFA_DEV_MEM_RECLAIM_* in decimal;
 *				PID: the asker's, naming its reply FIFO
 *	"ERR\n"			0, or the reclaim's -errno in decimal
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ffactl.h"

int hold_fifo_path(char *buf, size_t cap, uint64_t handle)
{
	int n = snprintf(buf, cap, HOLD_SOCK_DIR "/0x%llx.fifo",
			 (unsigned long long)handle);

	return n < 0 || (size_t)n >= cap ? -ENAMETOOLONG : 0;
}

int hold_reply_path(char *buf, size_t cap, uint64_t handle, uint32_t pid)
{
	int n = snprintf(buf, cap, HOLD_SOCK_DIR "/0x%llx.%u.reply",
			 (unsigned long long)handle, pid);

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

int hold_req_format(char *buf, size_t cap, uint32_t flags, uint32_t pid)
{
	int n = snprintf(buf, cap, HOLD_REQ_RECLAIM " %u %u\n", flags, pid);

	return n < 0 || (size_t)n >= cap ? -ENOSPC : n;
}

int hold_req_parse(const char *buf, size_t len, uint32_t *flags,
		   uint32_t *pid)
{
	size_t word = strlen(HOLD_REQ_RECLAIM " ");
	const char *sp;
	long long f, p;
	char num[24];

	if (len <= word || memcmp(buf, HOLD_REQ_RECLAIM " ", word))
		return -EINVAL;
	buf += word;
	len -= word;
	sp = memchr(buf, ' ', len);
	if (!sp || (size_t)(sp - buf) + 1 > sizeof(num) - 1)
		return -EINVAL;
	/* FLAGS as a line of its own, so both numbers parse alike. */
	memcpy(num, buf, (size_t)(sp - buf));
	num[sp - buf] = '\n';
	if (parse_line_num(num, (size_t)(sp - buf) + 1, 0, UINT32_MAX, &f) ||
	    parse_line_num(sp + 1, len - (size_t)(sp - buf) - 1, 0,
			   INT32_MAX, &p) || !p)
		return -EINVAL;
	*flags = (uint32_t)f;
	*pid = (uint32_t)p;
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
