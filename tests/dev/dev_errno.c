// SPDX-License-Identifier: GPL-2.0
/*
 * dev_errno: the errno table of the memory ioctls (docs/userspace.md,
 * RULES: every row), and ioctls on the wrong kind of node (ENOTTY).
 * After every refusal nothing is left behind: no share, no pin.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

FIXTURE(err) {
	int self, test, echo;
	size_t pg, n;
	uint8_t *buf;		/* MADV_DONTFORK */
	uint8_t *forkable;	/* not */
	struct ffa_dev_mem_borrower b[FFA_DEV_MEM_MAX_BORROWERS + 1];
	struct ffa_dev_mem m;
	struct dev_counts before;
};

FIXTURE_SETUP(err)
{
	int i;

	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	self->echo = dev_open(DEV_ECHO, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	ASSERT_LE(0, self->echo);
	self->pg = dev_page();
	self->n = 2 * self->pg;
	self->buf = dev_buf(self->n, 1);
	self->forkable = dev_buf(self->n, 0);
	ASSERT_NE(NULL, self->buf);
	ASSERT_NE(NULL, self->forkable);
	memset(self->b, 0, sizeof(self->b));
	for (i = 0; i <= FFA_DEV_MEM_MAX_BORROWERS; i++) {
		self->b[i].fd = self->test;
		self->b[i].perms = FFA_DEV_MEM_READ;
	}
	/* A valid request; each test breaks one thing in it. */
	memset(&self->m, 0, sizeof(self->m));
	self->m.size = sizeof(self->m);
	self->m.addr = (uintptr_t)self->buf;
	self->m.length = self->n;
	self->m.borrowers = (uintptr_t)self->b;
	self->m.nr_borrowers = 1;
	dev_counts(&self->before);
}

FIXTURE_TEARDOWN(err)
{
	struct dev_counts now;

	/* Whatever was refused left nothing behind. */
	dev_counts(&now);
	EXPECT_EQ(self->before.shares, now.shares);
	EXPECT_EQ(self->before.pinned, now.pinned);
	EXPECT_EQ(self->before.pins, now.pins);
	close(self->self);
	close(self->test);
	close(self->echo);
	dev_free(self->buf, self->n);
	dev_free(self->forkable, self->n);
}

static const unsigned long mem_cmds[] = {
	FFA_DEV_IOC_MEM_SHARE, FFA_DEV_IOC_MEM_LEND, FFA_DEV_IOC_MEM_DONATE,
};

/* cmd with m (DONATE: perms 0, as it must): -errno, the share undone. */
static int mem_try(int self, unsigned long cmd, struct ffa_dev_mem *m,
		   struct ffa_dev_mem_borrower *b)
{
	uint32_t perms = b[0].perms;
	int rc;

	if (cmd == FFA_DEV_IOC_MEM_DONATE)
		b[0].perms = 0;
	rc = dev_ioctl(self, cmd, m);
	b[0].perms = perms;
	if (rc == 0)	/* a test failure: give it back */
		dev_reclaim(self, m->handle, 0);
	return rc;
}

/* The fixture's request, as it is now, with cmd. */
#define TRY(cmd)	mem_try(self->self, (cmd), &self->m, self->b)

/* Every transaction type gets errno for the request as it is now. */
#define EXPECT_ALL(err_) do {						\
	unsigned int i_;						\
	for (i_ = 0; i_ < 3; i_++)					\
		EXPECT_EQ(-(err_), TRY(mem_cmds[i_]))			\
			TH_LOG("cmd %u", i_);				\
} while (0)

/* SHARE and LEND (DONATE has rules of its own on borrowers). */
#define EXPECT_SHARE_LEND(err_) do {					\
	unsigned int i_;						\
	for (i_ = 0; i_ < 2; i_++)					\
		EXPECT_EQ(-(err_), TRY(mem_cmds[i_]))			\
			TH_LOG("cmd %u", i_);				\
} while (0)

TEST_F(err, the_valid_request_works)
{
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_MEM_SHARE, &self->m));
	ASSERT_EQ(0, dev_reclaim(self->self, self->m.handle, 0));
}

TEST_F(err, size_field)
{
	self->m.size = 0;
	EXPECT_ALL(EINVAL);
	self->m.size = sizeof(self->m) - 8;
	EXPECT_ALL(EINVAL);
	self->m.size = sizeof(self->m) + 8;
	EXPECT_ALL(EINVAL);
}

TEST_F(err, flags_and_attrs)
{
	self->m.flags = 1U << 1;
	EXPECT_ALL(EINVAL);
	self->m.flags = 1U << 31;
	EXPECT_ALL(EINVAL);
	self->m.flags = FFA_DEV_MEM_CLEAR;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	self->m.flags = 0;
	self->m.attrs = 1;
	EXPECT_ALL(EINVAL);
}

TEST_F(err, alignment_and_length)
{
	self->m.addr = (uintptr_t)self->buf + 8;
	EXPECT_ALL(EINVAL);
	self->m.addr = (uintptr_t)self->buf;
	self->m.length = self->pg - 1;
	EXPECT_ALL(EINVAL);
	self->m.length = self->pg + 1;
	EXPECT_ALL(EINVAL);
	self->m.length = 0;
	EXPECT_ALL(EINVAL);
	/* Page-aligned, within the limit, past the top of the address space. */
	self->m.addr = ~0ULL & ~(uint64_t)(self->pg - 1);
	self->m.length = 2 * self->pg;
	EXPECT_ALL(EINVAL);
	self->m.addr = (uintptr_t)self->buf;
	self->m.length = FFA_DEV_MEM_MAX_LENGTH + self->pg;
	EXPECT_ALL(E2BIG);
}

TEST_F(err, borrower_count)
{
	self->m.nr_borrowers = 0;
	EXPECT_ALL(EINVAL);
	self->m.nr_borrowers = FFA_DEV_MEM_MAX_BORROWERS + 1;
	EXPECT_SHARE_LEND(E2BIG);
	self->m.nr_borrowers = 0xffffffffU;
	EXPECT_SHARE_LEND(E2BIG);
}

TEST_F(err, borrower_fds)
{
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	int closed = dev_open(DEV_ECHO, 0);

	ASSERT_LE(0, null);
	ASSERT_LE(0, closed);
	close(closed);
	self->b[0].fd = -1;
	EXPECT_ALL(EBADF);
	self->b[0].fd = closed;
	EXPECT_ALL(EBADF);
	self->b[0].fd = null;
	EXPECT_ALL(EBADF);
	self->b[0].fd = self->self;
	EXPECT_ALL(EBADF);
	/* The second borrower bad, the first good. */
	self->b[0].fd = self->test;
	self->b[1].fd = self->self;
	self->m.nr_borrowers = 2;
	EXPECT_EQ(-EBADF, TRY(FFA_DEV_IOC_MEM_SHARE));
	close(null);
}

TEST_F(err, same_partition_twice)
{
	int again = dev_open(DEV_TEST, 0);

	ASSERT_LE(0, again);
	self->m.nr_borrowers = 2;
	/* The same fd twice, then two files of the same node. */
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_LEND));
	self->b[1].fd = again;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	/* A dup() of it. */
	self->b[1].fd = dup(self->test);
	ASSERT_LE(0, self->b[1].fd);
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	close(self->b[1].fd);
	close(again);
}

TEST_F(err, permissions)
{
	self->b[0].perms = 0;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_LEND));
	self->b[0].perms = FFA_DEV_MEM_WRITE;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	self->b[0].perms = FFA_DEV_MEM_READ | 1U << 3;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_SHARE));
	self->b[0].perms = FFA_DEV_MEM_READ | 1U << 31;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_LEND));
	self->b[0].perms = FFA_DEV_MEM_READ;
	self->b[0].flags = 1;
	EXPECT_ALL(EINVAL);
	self->b[0].flags = 0;
	self->b[0].reserved = 1;
	EXPECT_ALL(EINVAL);
}

TEST_F(err, donate_rules)
{
	/* Perms other than 0. */
	self->b[0].perms = FFA_DEV_MEM_READ;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_MEM_DONATE,
				     &self->m));
	/* Two borrowers, both with perms 0. */
	self->b[0].perms = 0;
	self->b[1].fd = self->echo;
	self->b[1].perms = 0;
	self->m.nr_borrowers = 2;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_MEM_DONATE,
				     &self->m));
}

/* LEND and DONATE need MADV_DONTFORK; SHARE does not. */
TEST_F(err, lend_donate_need_dontfork)
{
	self->m.addr = (uintptr_t)self->forkable;
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_LEND));
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_DONATE));
	/* Half of it forkable. */
	ASSERT_EQ(0, madvise(self->forkable, self->pg, MADV_DONTFORK));
	EXPECT_EQ(-EINVAL, TRY(FFA_DEV_IOC_MEM_LEND));
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_MEM_SHARE, &self->m));
	ASSERT_EQ(0, dev_reclaim(self->self, self->m.handle, 0));
}

TEST_F(err, bad_pointers)
{
	void *hole = dev_hole();

	EXPECT_EQ(-EFAULT, dev_ioctl(self->self, FFA_DEV_IOC_MEM_SHARE, NULL));
	EXPECT_EQ(-EFAULT, dev_ioctl(self->self, FFA_DEV_IOC_MEM_LEND, hole));
	EXPECT_EQ(-EFAULT, dev_ioctl(self->self, FFA_DEV_IOC_MEM_RECLAIM, hole));
	/* The borrower array unmapped. */
	self->m.borrowers = (uintptr_t)hole;
	EXPECT_ALL(EFAULT);
	self->m.borrowers = (uintptr_t)self->b;
	/* The buffer unmapped. */
	self->m.addr = (uintptr_t)hole;
	self->m.length = self->pg;
	EXPECT_ALL(EFAULT);
}

/* A buffer whose second page is unmapped: EFAULT, the first unpinned. */
TEST_F(err, buffer_partly_unmapped)
{
	uint8_t *two = dev_buf(2 * self->pg, 1);

	ASSERT_NE(NULL, two);
	ASSERT_EQ(0, munmap(two + self->pg, self->pg));
	self->m.addr = (uintptr_t)two;
	self->m.length = 2 * self->pg;
	EXPECT_ALL(EFAULT);
	/* And the other way round: the first page missing. */
	dev_free(two, self->pg);
	two = dev_buf(2 * self->pg, 1);
	ASSERT_NE(NULL, two);
	ASSERT_EQ(0, munmap(two, self->pg));
	self->m.addr = (uintptr_t)two;
	EXPECT_ALL(EFAULT);
	dev_free(two + self->pg, self->pg);
}

TEST_F(err, reclaim_arguments)
{
	struct ffa_dev_reclaim r = { .size = sizeof(r) };

	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_MEM_SHARE, &self->m));
	r.handle = self->m.handle;
	r.size = sizeof(r) + 8;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_MEM_RECLAIM, &r));
	r.size = sizeof(r);
	r.flags = 1U << 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->self, FFA_DEV_IOC_MEM_RECLAIM, &r));
	r.flags = 0;
	EXPECT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_MEM_RECLAIM, &r));
}

/* Each ioctl on the kind of node it is not for, and unknown ones. */
TEST_F(err, wrong_node_is_enotty)
{
	static const unsigned long part_only[] = {
		FFA_DEV_IOC_DIRECT, FFA_DEV_IOC_DIRECT2, FFA_DEV_IOC_NOTIF_BIND,
		FFA_DEV_IOC_NOTIF_UNBIND, FFA_DEV_IOC_NOTIF_SET,
	};
	static const unsigned long self_only[] = {
		FFA_DEV_IOC_MEM_SHARE, FFA_DEV_IOC_MEM_LEND,
		FFA_DEV_IOC_MEM_DONATE, FFA_DEV_IOC_MEM_RECLAIM,
		FFA_DEV_IOC_NOTIF_GET,
	};
	static const unsigned long unknown[] = {
		_IO(FFA_DEV_IOC_MAGIC, 0x7f),
		_IOWR(FFA_DEV_IOC_MAGIC, 0x06, struct ffa_dev_info),
		_IOWR(FFA_DEV_IOC_MAGIC, 0x00, struct ffa_dev_mem),
		_IOWR('T', 0x00, struct ffa_dev_info),
		FFA_DEV_IOC_INFO & ~(0x3fffUL << 16),	/* INFO's nr, no size */
	};
	uint8_t arg[256] = { 0 };
	unsigned int i;

	*(uint32_t *)arg = 64;	/* a size field, for any struct */
	for (i = 0; i < 5; i++) {
		EXPECT_EQ(-ENOTTY, dev_ioctl(self->self, part_only[i], arg))
			TH_LOG("self: partition ioctl %u", i);
		EXPECT_EQ(-ENOTTY, dev_ioctl(self->test, self_only[i], arg))
			TH_LOG("partition: self ioctl %u", i);
		EXPECT_EQ(-ENOTTY, dev_ioctl(self->self, unknown[i], arg))
			TH_LOG("self: unknown %u", i);
		EXPECT_EQ(-ENOTTY, dev_ioctl(self->test, unknown[i], arg))
			TH_LOG("partition: unknown %u", i);
	}
}

TEST_HARNESS_MAIN
