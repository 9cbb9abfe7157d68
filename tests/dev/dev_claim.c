// SPDX-License-Identifier: GPL-2.0
/*
 * dev_claim: who may use a partition. With ffa_dev_claim.ko (an
 * in-kernel driver of the echo partition) bound, open() is EPERM; once
 * it is unbound through sysfs the node opens; while /dev/ffa holds it
 * (any number of files), binding the driver fails with EBUSY; after the
 * last close it binds again. And the nodes are root's: a process that
 * gave up root gets EACCES, though an fd root opened still works.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <grp.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define MOD_NAME	"ffa_dev_claim"
#define DRV_DIR		"/sys/bus/arm_ffa/drivers/" MOD_NAME
#define BUS_DEVS	"/sys/bus/arm_ffa/devices"
#define ECHO_CLAIM	SYS_CLASS "/" TP_UUID_ECHO "/claimed_by"

static int load_module(void)
{
	struct utsname u;
	char path[256];
	int fd, rc;

	if (uname(&u))
		return -errno;
	snprintf(path, sizeof(path), "/lib/modules/%s/extra/" MOD_NAME ".ko",
		 u.release);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	rc = syscall(SYS_finit_module, fd, "", 0) ? -errno : 0;
	close(fd);
	return rc;
}

static int unload_module(void)
{
	return syscall(SYS_delete_module, MOD_NAME, O_NONBLOCK) ? -errno : 0;
}

/* Write s to a sysfs file: 0 or -errno. */
static int sysfs_write(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), rc = 0;

	if (fd < 0)
		return -errno;
	if (write(fd, s, strlen(s)) < 0)
		rc = -errno;
	close(fd);
	return rc;
}

/* The bus device (arm-ffa-N) of partition id, into name. */
static int bus_device(uint16_t id, char *name, size_t len)
{
	char path[512], want[16];
	struct dirent *e;
	DIR *d = opendir(BUS_DEVS);
	int rc = -ENOENT;

	if (!d)
		return -errno;
	snprintf(want, sizeof(want), "0x%04x", id);
	while (rc && (e = readdir(d))) {
		char buf[16];

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), BUS_DEVS "/%s/partition_id",
			 e->d_name);
		if (!dev_sysfs_text(path, buf, sizeof(buf)) &&
		    !strcmp(buf, want) && strlen(e->d_name) < len) {
			memcpy(name, e->d_name, strlen(e->d_name) + 1);
			rc = 0;
		}
	}
	closedir(d);
	return rc;
}

static const char *claimed_by(char *buf, size_t len)
{
	if (dev_sysfs_text(ECHO_CLAIM, buf, len))
		snprintf(buf, len, "?");
	return buf;
}

FIXTURE(claim) {
	char dev[64];
	char buf[32];
};

FIXTURE_SETUP(claim)
{
	ASSERT_EQ(0, load_module());
	ASSERT_EQ(0, bus_device(ID_ECHO, self->dev, sizeof(self->dev)));
}

FIXTURE_TEARDOWN(claim)
{
	EXPECT_EQ(0, unload_module());
	EXPECT_STREQ("none", claimed_by(self->buf, sizeof(self->buf)));
}

TEST_F(claim, bound_driver_means_eperm)
{
	int fd;

	EXPECT_STREQ("bus", claimed_by(self->buf, sizeof(self->buf)));
	EXPECT_EQ(-EPERM, dev_open(DEV_ECHO, 0));
	EXPECT_EQ(-EPERM, dev_open(DEV_ECHO, O_NONBLOCK));
	/* Only that partition: the others open. */
	fd = dev_open(DEV_TEST, 0);
	EXPECT_LE(0, fd);
	close(fd);
}

TEST_F(claim, unbind_open_bind_refused_close_bind)
{
	uint64_t w[5] = { 1, 2, 3, 4, 5 };
	int a, b;

	ASSERT_EQ(0, sysfs_write(DRV_DIR "/unbind", self->dev));
	EXPECT_STREQ("none", claimed_by(self->buf, sizeof(self->buf)));
	a = dev_open(DEV_ECHO, 0);
	ASSERT_LE(0, a);
	EXPECT_STREQ("dev", claimed_by(self->buf, sizeof(self->buf)));
	EXPECT_EQ(0, dev_direct(a, w));
	EXPECT_EQ(3, w[2]);
	b = dev_open(DEV_ECHO, 0);
	ASSERT_LE(0, b);
	EXPECT_EQ(-EBUSY, sysfs_write(DRV_DIR "/bind", self->dev));
	/* One file of two closed: still held. */
	close(a);
	EXPECT_STREQ("dev", claimed_by(self->buf, sizeof(self->buf)));
	EXPECT_EQ(-EBUSY, sysfs_write(DRV_DIR "/bind", self->dev));
	/* The refused bind did not break the file still open. */
	EXPECT_EQ(0, dev_direct(b, w));
	close(b);
	EXPECT_STREQ("none", claimed_by(self->buf, sizeof(self->buf)));
	EXPECT_EQ(0, sysfs_write(DRV_DIR "/bind", self->dev));
	EXPECT_STREQ("bus", claimed_by(self->buf, sizeof(self->buf)));
	EXPECT_EQ(-EPERM, dev_open(DEV_ECHO, 0));
}

/* A file held by another process counts as much as our own. */
TEST_F(claim, held_by_another_process)
{
	int pipefd[2], status, fd;
	char c;
	pid_t pid;

	ASSERT_EQ(0, sysfs_write(DRV_DIR "/unbind", self->dev));
	fd = dev_open(DEV_ECHO, 0);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		/* Holds the inherited fd until the pipe closes. */
		close(pipefd[1]);
		_exit(read(pipefd[0], &c, 1) == 0 ? 0 : 1);
	}
	close(pipefd[0]);
	close(fd);
	EXPECT_EQ(-EBUSY, sysfs_write(DRV_DIR "/bind", self->dev));
	close(pipefd[1]);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, status);
	EXPECT_EQ(0, sysfs_write(DRV_DIR "/bind", self->dev));
}

/* Drop root in a child: every node is EACCES, an inherited fd works. */
TEST(non_root_denied)
{
	static const char *const nodes[] = {
		DEV_SELF, DEV_TEST, DEV_ECHO, DEV_TWIN_A, DEV_TWIN_B,
	};
	int held = dev_open(DEV_ECHO, 0), status;
	pid_t pid;

	ASSERT_LE(0, held);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		uint64_t w[5] = { 9, 8, 7, 6, 5 };
		unsigned int i;

		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(10);
		for (i = 0; i < 5; i++) {
			if (dev_open(nodes[i], 0) != -EACCES)
				_exit(1 + i);
			if (open(nodes[i], O_RDONLY) >= 0 || errno != EACCES)
				_exit(1 + i);
		}
		_exit(dev_direct(held, w) == 0 && w[0] == 9 ? 0 : 20);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	close(held);
}

TEST_HARNESS_MAIN
