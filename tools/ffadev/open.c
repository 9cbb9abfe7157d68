// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Opening nodes. A partition's node is found through sysfs (its name is
 * the UUID, with ".id" when the UUID is shared), so the caller may name
 * it by what it knows: UUID, UUID and ID, or ID.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ffadev.h"

static int open_flags(const char *path, int flags)
{
	int fd = open(path, O_RDWR | O_CLOEXEC | flags);

	return fd < 0 ? -errno : fd;
}

int ffadev_open_path(const char *path)
{
	return open_flags(path, 0);
}

static int open_node(const char *name, int flags)
{
	char path[sizeof(FFADEV_DEV_DIR) + FFADEV_NAME_LEN + 1];

	snprintf(path, sizeof(path), "%s/%s", FFADEV_DEV_DIR, name);
	return open_flags(path, flags);
}

/*
 * Non-blocking: ffadev_recv() waits in poll() with its timeout, and a
 * read() that another reader beat to the message must not block.
 */
int ffadev_open_self(void)
{
	return open_node(FFADEV_SELF, O_NONBLOCK);
}

static int open_found(const struct ffadev_uuid *uuid, int id)
{
	struct ffadev_part p;
	int ret = ffadev_find(NULL, uuid, id, &p);

	return ret ? ret : open_node(p.name, 0);
}

int ffadev_open_uuid(const struct ffadev_uuid *uuid)
{
	return open_found(uuid, -1);
}

int ffadev_open_uuid_id(const struct ffadev_uuid *uuid, uint16_t id)
{
	return open_found(uuid, id);
}

int ffadev_open_id(uint16_t id)
{
	return open_found(NULL, id);
}

static int parse_id(const char *s, int base, uint16_t *out)
{
	unsigned long v;
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || *end || v > 0xffff)
		return -EINVAL;
	*out = (uint16_t)v;
	return 0;
}

int ffadev_spec_parse(const char *s, struct ffadev_spec *out)
{
	char uuid[FFADEV_UUID_STR_LEN];
	size_t len = strlen(s);

	memset(out, 0, sizeof(*out));
	if (s[0] == '/') {
		out->kind = FFADEV_SPEC_PATH;
		out->path = s;
		return 0;
	}
	if (len == FFADEV_UUID_STR_LEN - 1) {
		out->kind = FFADEV_SPEC_UUID;
		return ffadev_uuid_parse(s, &out->uuid);
	}
	if (len > FFADEV_UUID_STR_LEN && s[FFADEV_UUID_STR_LEN - 1] == '.') {
		memcpy(uuid, s, FFADEV_UUID_STR_LEN - 1);
		uuid[FFADEV_UUID_STR_LEN - 1] = '\0';
		out->kind = FFADEV_SPEC_UUID_ID;
		if (ffadev_uuid_parse(uuid, &out->uuid))
			return -EINVAL;
		/* Hex, as in the node names (".8003"); 0x allowed too. */
		return parse_id(s + FFADEV_UUID_STR_LEN, 16, &out->id);
	}
	out->kind = FFADEV_SPEC_ID;
	/* Not base 0: a leading zero is no octal here. */
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return parse_id(s, 16, &out->id);
	return parse_id(s, 10, &out->id);
}

int ffadev_open_spec(const char *spec)
{
	struct ffadev_spec p;
	int ret = ffadev_spec_parse(spec, &p);

	if (ret)
		return ret;
	switch (p.kind) {
	case FFADEV_SPEC_PATH:
		return ffadev_open_path(p.path);
	case FFADEV_SPEC_UUID:
		return ffadev_open_uuid(&p.uuid);
	case FFADEV_SPEC_UUID_ID:
		return ffadev_open_uuid_id(&p.uuid, p.id);
	default:
		return ffadev_open_id(p.id);
	}
}

int ffadev_close(int fd)
{
	return close(fd) ? -errno : 0;
}
