// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The partitions as sysfs describes them: /sys/class/ffa/<node>/ holds
 * partition_id, uuid, properties, exec_ctx_count and claimed_by; self
 * holds id, version and the memory counters.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ffadev.h"

static const char *sysfs_root(const char *dir)
{
	return dir ? dir : FFADEV_SYSFS_DIR;
}

/* One attribute's text, without the trailing newline. */
static int read_attr(const char *dir, const char *node, const char *attr,
		     char *buf, size_t cap)
{
	char path[512];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/%s", dir, node, attr);
	f = fopen(path, "r");
	if (!f)
		return -errno;
	n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	return 0;
}

static int read_u64(const char *dir, const char *node, const char *attr,
		    uint64_t *out)
{
	char buf[64], *end;
	int ret = read_attr(dir, node, attr, buf, sizeof(buf));

	if (ret)
		return ret;
	errno = 0;
	*out = strtoull(buf, &end, 0);
	if (errno || end == buf || *end)
		return -EPROTO;
	return 0;
}

static enum ffadev_claim claim_of(const char *s)
{
	if (!strcmp(s, "none"))
		return FFADEV_CLAIM_NONE;
	if (!strcmp(s, "dev"))
		return FFADEV_CLAIM_DEV;
	if (!strcmp(s, "bus"))
		return FFADEV_CLAIM_BUS;
	return FFADEV_CLAIM_UNKNOWN;
}

const char *ffadev_claim_name(enum ffadev_claim c)
{
	static const char *const names[] = { "none", "dev", "bus", "unknown" };

	return c <= FFADEV_CLAIM_UNKNOWN ? names[c] : "unknown";
}

static int read_part(const char *dir, const char *node, struct ffadev_part *p)
{
	char text[64];
	uint64_t v;
	int ret;

	if (snprintf(p->name, sizeof(p->name), "%s", node) >=
	    (int)sizeof(p->name))
		return -ENAMETOOLONG;
	ret = read_u64(dir, node, "partition_id", &v);
	if (ret)
		return ret;
	p->id = (uint16_t)v;
	ret = read_u64(dir, node, "properties", &v);
	if (ret)
		return ret;
	p->properties = (uint32_t)v;
	ret = read_u64(dir, node, "exec_ctx_count", &v);
	if (ret)
		return ret;
	p->exec_ctx_count = (uint16_t)v;
	ret = read_attr(dir, node, "uuid", text, sizeof(text));
	if (ret)
		return ret;
	if (ffadev_uuid_parse(text, &p->uuid))
		return -EPROTO;
	ret = read_attr(dir, node, "claimed_by", text, sizeof(text));
	if (ret)
		return ret;
	p->claimed_by = claim_of(text);
	return 0;
}

static int by_id(const void *a, const void *b)
{
	const struct ffadev_part *pa = a, *pb = b;

	return (int)pa->id - (int)pb->id;
}

int ffadev_list(const char *sysfs_dir, struct ffadev_part *parts, int max)
{
	const char *dir = sysfs_root(sysfs_dir);
	struct ffadev_part p;
	struct dirent *de;
	int n = 0, ret = 0;
	DIR *d = opendir(dir);

	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || !strcmp(de->d_name, FFADEV_SELF))
			continue;
		ret = read_part(dir, de->d_name, &p);
		if (ret)
			break;
		if (n < max)
			parts[n] = p;
		n++;
	}
	closedir(d);
	if (ret)
		return ret;
	qsort(parts, n < max ? n : max, sizeof(*parts), by_id);
	return n;
}

int ffadev_self_attrs(const char *sysfs_dir, struct ffadev_self *out)
{
	const char *dir = sysfs_root(sysfs_dir);
	char text[32];
	unsigned int major, minor;
	uint64_t id;
	int ret;

	ret = read_u64(dir, FFADEV_SELF, "id", &id);
	if (ret)
		return ret;
	out->id = (uint16_t)id;
	ret = read_attr(dir, FFADEV_SELF, "version", text, sizeof(text));
	if (ret)
		return ret;
	if (sscanf(text, "%u.%u", &major, &minor) != 2)
		return -EPROTO;
	out->version = major << 16 | minor;
	ret = read_u64(dir, FFADEV_SELF, "shares", &out->shares);
	if (!ret)
		ret = read_u64(dir, FFADEV_SELF, "orphans", &out->orphans);
	if (!ret)
		ret = read_u64(dir, FFADEV_SELF, "pinned_pages",
			       &out->pinned_pages);
	if (!ret)
		ret = read_u64(dir, FFADEV_SELF, "donated_pages",
			       &out->donated_pages);
	if (!ret)
		ret = read_u64(dir, FFADEV_SELF, "msgs_dropped",
			       &out->msgs_dropped);
	return ret;
}

static int matches(const struct ffadev_part *p, const struct ffadev_uuid *uuid,
		   int id)
{
	if (uuid && memcmp(p->uuid.b, uuid->b, sizeof(uuid->b)))
		return 0;
	return id < 0 || p->id == id;
}

int ffadev_find(const char *sysfs_dir, const struct ffadev_uuid *uuid,
		int id, struct ffadev_part *out)
{
	/* FF-A IDs are 16 bits: a system has far fewer partitions. */
	struct ffadev_part parts[256];
	int n, i, found = 0;

	n = ffadev_list(sysfs_dir, parts, 256);
	if (n < 0)
		return n;
	if (n > 256)
		n = 256;
	for (i = 0; i < n; i++) {
		if (!matches(&parts[i], uuid, id))
			continue;
		if (found++)
			return -ENOTUNIQ;
		*out = parts[i];
	}
	return found ? 0 : -ENOENT;
}
