// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * list and info: what the partitions are, from sysfs (list) and from
 * FFA_DEV_IOC_INFO on a node (info).
 */
#include <errno.h>
#include <string.h>
#include <ffadev.h>
#include "ffactl.h"

#define MAX_PARTS	256

static const char list_help[] =
	"usage: ffactl list [--json]\n"
	"The partitions of /sys/class/ffa (ID, UUID, node, properties,\n"
	"execution contexts, who holds them: none, dev or bus) and this\n"
	"endpoint (ID, version, memory counters).\n";

static void put_self(struct ctl *c, const struct ffadev_self *s)
{
	struct jw *w = &c->w;

	jw_obj(w, "self");
	jw_num(w, "id", s->id);
	jw_num(w, "version_major", s->version >> 16);
	jw_num(w, "version_minor", s->version & 0xffff);
	jw_num(w, "shares", s->shares);
	jw_num(w, "orphans", s->orphans);
	jw_num(w, "pinned_pages", s->pinned_pages);
	jw_num(w, "donated_pages", s->donated_pages);
	jw_num(w, "msgs_dropped", s->msgs_dropped);
	jw_end_obj(w);
	ctl_say(c, "self 0x%04x  FF-A %u.%u\n", s->id, s->version >> 16,
		s->version & 0xffff);
	ctl_say(c, "  shares %llu  orphans %llu  pinned_pages %llu\n",
		(unsigned long long)s->shares, (unsigned long long)s->orphans,
		(unsigned long long)s->pinned_pages);
	ctl_say(c, "  donated_pages %llu  msgs_dropped %llu\n",
		(unsigned long long)s->donated_pages,
		(unsigned long long)s->msgs_dropped);
}

static void put_part(struct ctl *c, const struct ffadev_part *p)
{
	char uuid[FFADEV_UUID_STR_LEN];
	struct jw *w = &c->w;

	ffadev_uuid_format(&p->uuid, uuid);
	jw_obj(w, NULL);
	jw_num(w, "id", p->id);
	jw_str(w, "uuid", uuid);
	jw_str(w, "name", p->name);
	jw_num(w, "properties", p->properties);
	jw_num(w, "exec_ctx_count", p->exec_ctx_count);
	jw_str(w, "claimed_by", ffadev_claim_name(p->claimed_by));
	jw_end_obj(w);
	ctl_say(c, "0x%04x  %-41s  props 0x%08x  ctx %-3u  %s\n", p->id,
		p->name, p->properties, p->exec_ctx_count,
		ffadev_claim_name(p->claimed_by));
}

int cmd_list(struct ctl *c, int argc, char **argv)
{
	static struct ffadev_part parts[MAX_PARTS];
	struct ffadev_self self;
	int n, i, ret;

	if (ctl_help(argc, argv, list_help))
		return -1;
	if (argc > 1)
		return ctl_usage(c, "list takes no arguments");
	ret = ffadev_self_attrs(NULL, &self);
	if (ret)
		return ctl_fail(c, exit_for_open(ret), ret,
				"%s/self: %s", FFADEV_SYSFS_DIR,
				ffadev_strerror(ret));
	n = ffadev_list(NULL, parts, MAX_PARTS);
	if (n < 0)
		return ctl_fail(c, exit_for_open(n), n, "%s: %s",
				FFADEV_SYSFS_DIR, ffadev_strerror(n));
	put_self(c, &self);
	jw_arr(&c->w, "partitions");
	for (i = 0; i < n && i < MAX_PARTS; i++)
		put_part(c, &parts[i]);
	jw_end_arr(&c->w);
	return EXIT_OK;
}

static const char info_help[] =
	"usage: ffactl info PART|self [--json]\n"
	"FFA_DEV_IOC_INFO on the node: ID, UUID, properties, execution\n"
	"contexts, the negotiated FF-A version, the largest indirect message.\n";

int cmd_info(struct ctl *c, int argc, char **argv)
{
	char uuid[FFADEV_UUID_STR_LEN];
	struct ffadev_uuid u;
	struct ffa_dev_info in;
	int fd, ret;

	if (ctl_help(argc, argv, info_help))
		return -1;
	if (argc != 2)
		return ctl_usage(c, "info takes one PART");
	fd = ctl_open(c, argv[1]);
	if (fd < 0)
		return -fd;
	ret = ffadev_info(fd, &in);
	ffadev_close(fd);
	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "info: %s",
				ffadev_strerror(ret));
	memcpy(u.b, in.uuid, sizeof(u.b));
	ffadev_uuid_format(&u, uuid);
	jw_num(&c->w, "id", in.id);
	jw_str(&c->w, "uuid", uuid);
	jw_num(&c->w, "properties", in.properties);
	jw_num(&c->w, "exec_ctx_count", in.exec_ctx_count);
	jw_num(&c->w, "version_major", in.version >> 16);
	jw_num(&c->w, "version_minor", in.version & 0xffff);
	jw_num(&c->w, "msg_max", in.msg_max);
	ctl_say(c, "id 0x%04x\nuuid %s\nproperties 0x%08x\nexec_ctx_count %u\n"
		"version %u.%u\nmsg_max %u\n", in.id, uuid, in.properties,
		in.exec_ctx_count, in.version >> 16, in.version & 0xffff,
		in.msg_max);
	return EXIT_OK;
}
