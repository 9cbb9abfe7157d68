// SPDX-License-Identifier: GPL-2.0
/*
 * dev_info: the nodes of /dev/ffa and FFA_DEV_IOC_INFO. Every node is
 * there, root's, 0600, named by UUID (the twins with their ID), and
 * described the same way by INFO and by /sys/class/ffa/<node>/; INFO's
 * bad arguments get EINVAL or EFAULT.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

struct node {
	const char *name;	/* under /dev/ffa and /sys/class/ffa */
	const char *uuid;
	uint16_t id;
	uint32_t properties;	/* as the v1.2 manager reports them */
};

/*
 * The properties the manager derives from each of the bench's manifests
 * (firmware/manifests/: messaging method, notification-support) plus
 * AArch64 (bit 8): the test partition 0x607 and notifications; echo
 * 0x201; the twins 0x1 and notifications.
 */
static const struct node nodes[] = {
	{ TP_UUID_TEST, TP_UUID_TEST, ID_TEST, 0x70f },
	{ TP_UUID_ECHO, TP_UUID_ECHO, ID_ECHO, 0x301 },
	{ TP_UUID_TWIN ".8003", TP_UUID_TWIN, ID_TWIN_A, 0x109 },
	{ TP_UUID_TWIN ".8004", TP_UUID_TWIN, ID_TWIN_B, 0x109 },
};

#define NR_NODES	ARRAY_SIZE(nodes)

static const char *sys_path(char *buf, size_t len, const char *node,
			    const char *attr)
{
	snprintf(buf, len, SYS_CLASS "/%s/%s", node, attr);
	return buf;
}

static void check_mode(struct __test_metadata *_metadata, const char *name)
{
	char path[128], sysdev[128], want[32];
	struct stat st;

	snprintf(path, sizeof(path), DEV_DIR "/%s", name);
	ASSERT_EQ(0, stat(path, &st)) TH_LOG("%s: %s", path, strerror(errno));
	EXPECT_TRUE(S_ISCHR(st.st_mode)) TH_LOG("%s is not a char device", path);
	EXPECT_EQ(0600, st.st_mode & 07777) TH_LOG("%s mode %o", path,
						   st.st_mode & 07777);
	EXPECT_EQ(0, st.st_uid);
	EXPECT_EQ(0, st.st_gid);
	/* Findable through sysfs: the class device's dev is the node's. */
	snprintf(want, sizeof(want), "%u:%u", major(st.st_rdev),
		 minor(st.st_rdev));
	ASSERT_EQ(0, dev_sysfs_text(sys_path(path, sizeof(path), name, "dev"),
				    sysdev, sizeof(sysdev)));
	EXPECT_STREQ(want, sysdev);
}

TEST(nodes_are_root_0600_and_in_sysfs)
{
	unsigned int i;

	check_mode(_metadata, "self");
	for (i = 0; i < NR_NODES; i++)
		check_mode(_metadata, nodes[i].name);
}

/*
 * Exactly self and the four partitions: no bare twin UUID, no ID on a
 * UUID only one partition has.
 */
TEST(node_names)
{
	struct dirent *e;
	unsigned int n = 0, i;
	DIR *d = opendir(DEV_DIR);
	struct stat st;

	ASSERT_NE(NULL, d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		n++;
		if (!strcmp(e->d_name, "self"))
			continue;
		for (i = 0; i < NR_NODES; i++)
			if (!strcmp(e->d_name, nodes[i].name))
				break;
		EXPECT_LT(i, NR_NODES) TH_LOG("unexpected node %s", e->d_name);
	}
	closedir(d);
	EXPECT_EQ(1 + NR_NODES, n);
	EXPECT_EQ(-1, stat(DEV_DIR "/" TP_UUID_TWIN, &st));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(-1, stat(DEV_TEST ".8001", &st));
	EXPECT_EQ(ENOENT, errno);
}

TEST(info_of_every_partition)
{
	struct ffa_dev_info info;
	uint8_t uuid[16];
	char path[128];
	unsigned int i;
	int fd;

	for (i = 0; i < NR_NODES; i++) {
		snprintf(path, sizeof(path), DEV_DIR "/%s", nodes[i].name);
		fd = dev_open(path, 0);
		ASSERT_LE(0, fd) TH_LOG("open %s: %s", path, strerror(-fd));
		ASSERT_EQ(0, dev_info(fd, &info));
		ASSERT_EQ(0, dev_uuid_parse(nodes[i].uuid, uuid));
		EXPECT_EQ(sizeof(info), info.size);
		EXPECT_EQ(nodes[i].id, info.id);
		EXPECT_EQ(1, info.exec_ctx_count);
		EXPECT_EQ(nodes[i].properties, info.properties)
			TH_LOG("%s: properties 0x%x", path, info.properties);
		EXPECT_EQ(0, memcmp(uuid, info.uuid, 16));
		EXPECT_EQ(DEV_VERSION_1_2, info.version);
		EXPECT_LT(0, info.msg_max);
		close(fd);
	}
}

TEST(info_of_self)
{
	static const uint8_t nil[16];
	struct ffa_dev_info info;
	char ver[16];
	int fd = dev_open(DEV_SELF, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, dev_info(fd, &info));
	/* This kernel is a VM (or the host), never a partition's ID. */
	EXPECT_EQ(0, info.id & 0x8000);
	EXPECT_EQ(info.id, dev_counter("id"));
	EXPECT_EQ(0, memcmp(nil, info.uuid, 16));
	EXPECT_EQ(DEV_VERSION_1_2, info.version);
	ASSERT_EQ(0, dev_sysfs_text(SYS_CLASS "/self/version", ver, sizeof(ver)));
	EXPECT_STREQ("1.2", ver);
	close(fd);
}

/* /sys/class/ffa/<node>/ says what INFO says, and who holds it. */
TEST(sysfs_attributes)
{
	char path[128], buf[64], want[64];
	unsigned int i;
	int fd;

	for (i = 0; i < NR_NODES; i++) {
		const char *n = nodes[i].name;

		ASSERT_EQ(0, dev_sysfs_text(sys_path(path, sizeof(path), n,
						     "partition_id"), buf, sizeof(buf)));
		snprintf(want, sizeof(want), "0x%04x", nodes[i].id);
		EXPECT_STREQ(want, buf);
		ASSERT_EQ(0, dev_sysfs_text(sys_path(path, sizeof(path), n, "uuid"),
					    buf, sizeof(buf)));
		EXPECT_STREQ(nodes[i].uuid, buf);
		ASSERT_EQ(0, dev_sysfs_text(sys_path(path, sizeof(path), n,
						     "properties"), buf, sizeof(buf)));
		snprintf(want, sizeof(want), "0x%08x", nodes[i].properties);
		EXPECT_STREQ(want, buf);
		EXPECT_EQ(1, dev_sysfs_num(sys_path(path, sizeof(path), n,
						    "exec_ctx_count")));
		sys_path(path, sizeof(path), n, "claimed_by");
		ASSERT_EQ(0, dev_sysfs_text(path, buf, sizeof(buf)));
		EXPECT_STREQ("none", buf);
		snprintf(want, sizeof(want), DEV_DIR "/%s", n);
		fd = dev_open(want, 0);
		ASSERT_LE(0, fd);
		ASSERT_EQ(0, dev_sysfs_text(path, buf, sizeof(buf)));
		EXPECT_STREQ("dev", buf);
		close(fd);
		ASSERT_EQ(0, dev_sysfs_text(path, buf, sizeof(buf)));
		EXPECT_STREQ("none", buf);
	}
}

TEST(self_counters_idle)
{
	EXPECT_EQ(0, dev_counter("shares"));
	EXPECT_EQ(0, dev_counter("orphans"));
	EXPECT_LE(0, dev_counter("pinned_pages"));
	EXPECT_LE(0, dev_counter("donated_pages"));
	EXPECT_LE(0, dev_counter("msgs_dropped"));
	/* What is pinned with nothing live: the donations, for ever. */
	EXPECT_EQ(dev_counter("donated_pages"), dev_counter("pinned_pages"));
}

/* Many files, many processes: each open is its own file. */
TEST(open_many)
{
	int a = dev_open(DEV_ECHO, 0), b = dev_open(DEV_ECHO, 0);
	int s = dev_open(DEV_SELF, 0), t = dev_open(DEV_SELF, 0);

	EXPECT_LE(0, a);
	EXPECT_LE(0, b);
	EXPECT_LE(0, s);
	EXPECT_LE(0, t);
	close(a);
	close(b);
	close(s);
	close(t);
}

static void info_errors(struct __test_metadata *_metadata, const char *path)
{
	struct ffa_dev_info info = { .size = sizeof(info) };
	int fd = dev_open(path, 0);

	ASSERT_LE(0, fd);
	info.size = 0;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, FFA_DEV_IOC_INFO, &info));
	info.size = sizeof(info) - 4;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, FFA_DEV_IOC_INFO, &info));
	info.size = sizeof(info) + 4;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, FFA_DEV_IOC_INFO, &info));
	info.size = sizeof(info);
	info.flags = 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, FFA_DEV_IOC_INFO, &info));
	info.flags = 1U << 31;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, FFA_DEV_IOC_INFO, &info));
	EXPECT_EQ(-EFAULT, dev_ioctl(fd, FFA_DEV_IOC_INFO, NULL));
	EXPECT_EQ(-EFAULT, dev_ioctl(fd, FFA_DEV_IOC_INFO, dev_hole()));
	close(fd);
}

TEST(info_bad_arguments)
{
	info_errors(_metadata, DEV_SELF);
	info_errors(_metadata, DEV_TEST);
}

TEST_HARNESS_MAIN
