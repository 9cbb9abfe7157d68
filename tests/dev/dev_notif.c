// SPDX-License-Identifier: GPL-2.0
/*
 * dev_notif: notifications. From the test partition to us: NOTIF_BIND
 * on its node, TP_CMD_NOTIFY, EPOLLPRI on self, NOTIF_GET's exact bits
 * (then cleared), NOTIF_UNBIND (the partition's next set is DENIED),
 * and a close that unbinds. From us to it: NOTIF_SET, seen by the
 * partition's own NOTIFICATION_GET. Refusals: per-vCPU bind
 * (EOPNOTSUPP), a bit bound through another file (EBUSY), bad sizes,
 * flags, reserved fields and pointers.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

FIXTURE(notif) {
	int self, test;
	int me;
};

FIXTURE_SETUP(notif)
{
	struct ffa_dev_notif_get g = { .size = sizeof(g) };

	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->me = dev_self_id();
	ASSERT_LE(0, self->me);
	/* Whatever an earlier test left pending. */
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
}

FIXTURE_TEARDOWN(notif)
{
	close(self->self);
	close(self->test);
}

static int notif(int fd, unsigned long cmd, uint64_t bitmap, uint32_t flags)
{
	struct ffa_dev_notif n = {
		.size = sizeof(n), .flags = flags, .bitmap = bitmap,
	};

	return dev_ioctl(fd, cmd, &n);
}

/* The test partition sets bitmap for us: its status. */
static int64_t tp_notify(int test, uint16_t me, uint64_t bitmap)
{
	uint64_t w[5] = { TP_CMD_NOTIFY, me, bitmap };

	return tp_cmd(test, w);
}

static short poll_pri(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLPRI | POLLIN };

	return poll(&p, 1, ms) == 1 ? p.revents : 0;
}

TEST_F(notif, bind_notify_poll_get_unbind)
{
	const uint64_t bits = 1ULL << 5 | 1ULL << 40;
	struct ffa_dev_notif_get g = { .size = sizeof(g) };

	EXPECT_EQ(0, poll_pri(self->self, 0));
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_BIND, bits, 0));
	ASSERT_EQ(TP_OK, tp_notify(self->test, self->me, bits));
	EXPECT_EQ(POLLPRI, poll_pri(self->self, DEV_WAIT_MS));
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
	EXPECT_EQ(bits, g.from_sp);
	EXPECT_EQ(0, g.from_vm);
	/* Cleared by the GET. */
	EXPECT_EQ(0, poll_pri(self->self, 0));
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
	EXPECT_EQ(0, g.from_sp);
	EXPECT_EQ(0, g.from_vm);
	/* One bit of the two, again. */
	ASSERT_EQ(TP_OK, tp_notify(self->test, self->me, 1ULL << 40));
	EXPECT_EQ(POLLPRI, poll_pri(self->self, DEV_WAIT_MS));
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
	EXPECT_EQ(1ULL << 40, g.from_sp);
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_UNBIND, bits, 0));
	EXPECT_EQ(TP_DENIED, tp_notify(self->test, self->me, 1ULL << 5));
	EXPECT_EQ(0, poll_pri(self->self, 0));
}

/* Any file of self sees them: one device-wide pending pair. */
TEST_F(notif, any_self_file_gets_them)
{
	struct ffa_dev_notif_get g = { .size = sizeof(g) };
	int other = dev_open(DEV_SELF, 0);

	ASSERT_LE(0, other);
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 9, 0));
	ASSERT_EQ(TP_OK, tp_notify(self->test, self->me, 1ULL << 9));
	EXPECT_EQ(POLLPRI, poll_pri(other, DEV_WAIT_MS));
	EXPECT_EQ(POLLPRI, poll_pri(self->self, 0));
	ASSERT_EQ(0, dev_ioctl(other, FFA_DEV_IOC_NOTIF_GET, &g));
	EXPECT_EQ(1ULL << 9, g.from_sp);
	EXPECT_EQ(0, poll_pri(self->self, 0));
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_UNBIND, 1ULL << 9, 0));
	close(other);
}

/* Bindings made through a file are undone when it is closed. */
TEST_F(notif, close_unbinds)
{
	int fd = dev_open(DEV_TEST, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, notif(fd, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 12, 0));
	close(fd);
	EXPECT_EQ(TP_DENIED, tp_notify(self->test, self->me, 1ULL << 12));
	/* The bit is free again. */
	EXPECT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 12, 0));
	EXPECT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_UNBIND, 1ULL << 12, 0));
}

TEST_F(notif, bound_by_another_file_is_ebusy)
{
	int fd = dev_open(DEV_TEST, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 20, 0));
	EXPECT_EQ(-EBUSY, notif(fd, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 20, 0));
	EXPECT_EQ(-EBUSY, notif(fd, FFA_DEV_IOC_NOTIF_BIND,
				1ULL << 20 | 1ULL << 21, 0));
	/* The refused bind bound nothing: bit 21 is still free. */
	EXPECT_EQ(0, notif(fd, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 21, 0));
	EXPECT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_UNBIND, 1ULL << 20, 0));
	close(fd);
}

TEST_F(notif, per_vcpu_bind_unsupported)
{
	EXPECT_EQ(-EOPNOTSUPP, notif(self->test, FFA_DEV_IOC_NOTIF_BIND, 1ULL << 2,
				     FFA_DEV_NOTIF_PER_VCPU));
}

/* Ours to the partition: it binds bit 7 from us, we set it, it gets it. */
TEST_F(notif, set_reaches_the_partition)
{
	uint64_t w[5] = { TP_CMD_NOTIF_BIND, self->me, 1ULL << 7 };

	ASSERT_EQ(TP_OK, tp_cmd(self->test, w));
	memset(w, 0, sizeof(w));
	w[0] = TP_CMD_NOTIF_GET;
	ASSERT_EQ(TP_OK, tp_cmd(self->test, w));	/* nothing stale */
	ASSERT_EQ(0, notif(self->test, FFA_DEV_IOC_NOTIF_SET, 1ULL << 7, 0));
	memset(w, 0, sizeof(w));
	w[0] = TP_CMD_NOTIF_GET;
	ASSERT_EQ(TP_OK, tp_cmd(self->test, w));
	EXPECT_EQ(0, w[1]);		/* from partitions */
	EXPECT_EQ(1ULL << 7, w[2]);	/* from VMs: us */
	/* A bit it did not bind: the manager's DENIED. */
	EXPECT_EQ(-EACCES, notif(self->test, FFA_DEV_IOC_NOTIF_SET, 1ULL << 8, 0));
}

static void bad_notif(struct __test_metadata *_metadata, int fd,
		      unsigned long cmd)
{
	struct ffa_dev_notif n = { .size = sizeof(n), .bitmap = 1ULL << 30 };
	int i;

	n.size = sizeof(n) - 8;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, cmd, &n));
	n.size = sizeof(n);
	n.flags = 1U << 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(fd, cmd, &n));
	n.flags = 0;
	for (i = 0; i < 3; i++) {
		n.reserved[i] = 1;
		EXPECT_EQ(-EINVAL, dev_ioctl(fd, cmd, &n)) TH_LOG("reserved[%d]", i);
		n.reserved[i] = 0;
	}
	EXPECT_EQ(-EFAULT, dev_ioctl(fd, cmd, NULL));
	EXPECT_EQ(-EFAULT, dev_ioctl(fd, cmd, dev_hole()));
}

TEST_F(notif, bad_arguments)
{
	struct ffa_dev_notif_get g = { .size = sizeof(g) };

	bad_notif(_metadata, self->test, FFA_DEV_IOC_NOTIF_BIND);
	bad_notif(_metadata, self->test, FFA_DEV_IOC_NOTIF_UNBIND);
	bad_notif(_metadata, self->test, FFA_DEV_IOC_NOTIF_SET);
	g.size = sizeof(g) + 8;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
	g.size = sizeof(g);
	g.flags = 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, &g));
	EXPECT_EQ(-EFAULT, dev_ioctl(self->self, FFA_DEV_IOC_NOTIF_GET, NULL));
}

TEST_HARNESS_MAIN
