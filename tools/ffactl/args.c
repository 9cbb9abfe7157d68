// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Command-line values: sizes, numbers and borrowers' permissions. Pure
 * functions (unit tested): no I/O, no global state.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/ffa_dev.h>
#include "ffactl.h"

int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
		return -EINVAL;
	errno = 0;
	/* 0x hex or decimal; never octal. */
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		*out = strtoull(s, &end, 16);
	else
		*out = strtoull(s, &end, 10);
	if (errno || *end || end == s)
		return -EINVAL;
	return 0;
}

int parse_size(const char *s, uint64_t *out)
{
	static const char units[] = "KMG";
	char num[32];
	const char *u;
	size_t len = s ? strlen(s) : 0;
	unsigned int shift = 0;
	uint64_t v;

	if (len == 0 || len >= sizeof(num))
		return -EINVAL;
	memcpy(num, s, len + 1);
	u = strchr(units, num[len - 1]);
	if (u && num[len - 1]) {
		shift = 10 * (unsigned int)(u - units + 1);
		num[len - 1] = '\0';
	}
	if (parse_u64(num, &v) || v == 0)
		return -EINVAL;
	if (v > (UINT64_MAX >> shift))
		return -EINVAL;
	*out = v << shift;
	return 0;
}

static const struct {
	const char *name;
	uint32_t perms;
} perm_names[] = {
	{ "rw", FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE },
	{ "ro", FFA_DEV_MEM_READ },
	{ "rx", FFA_DEV_MEM_READ | FFA_DEV_MEM_EXEC },
	{ "rwx", FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE | FFA_DEV_MEM_EXEC },
};

#define NR_PERMS ARRAY_SIZE(perm_names)

static int perms_of(const char *s, uint32_t *perms)
{
	unsigned int i;

	for (i = 0; i < NR_PERMS; i++) {
		if (!strcmp(s, perm_names[i].name)) {
			*perms = perm_names[i].perms;
			return 0;
		}
	}
	return -EINVAL;
}

const char *perms_name(uint32_t perms)
{
	unsigned int i;

	for (i = 0; i < NR_PERMS; i++)
		if (perm_names[i].perms == perms)
			return perm_names[i].name;
	return "?";
}

int parse_to(const char *s, char *part, size_t cap, uint32_t *perms)
{
	const char *colon = strrchr(s, ':');
	size_t len = strlen(s);

	*perms = FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE;
	if (colon) {
		if (perms_of(colon + 1, perms))
			return -EINVAL;
		len = (size_t)(colon - s);
	}
	if (len == 0 || len >= cap)
		return -EINVAL;
	memcpy(part, s, len);
	part[len] = '\0';
	return 0;
}
