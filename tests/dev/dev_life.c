// SPDX-License-Identifier: GPL-2.0
/*
 * dev_life: what outlives a file of self. Closing it (or exiting, or
 * being killed) reclaims its transactions and unpins their pages; one a
 * borrower still holds becomes an orphan, still pinned, reclaimed by
 * the kernel's retry once the borrower relinquishes (the test asks the
 * partition to), after which nothing is left pinned.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define NPAGES	8

FIXTURE(life) {
	int test;
	size_t n;
	struct dev_counts before;
};

FIXTURE_SETUP(life)
{
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->test);
	self->n = NPAGES * dev_page();
	dev_counts(&self->before);
	ASSERT_EQ(0, self->before.shares);
	ASSERT_EQ(0, self->before.orphans);
}

FIXTURE_TEARDOWN(life)
{
	close(self->test);
}

static void check_back(struct __test_metadata *_metadata,
		       const struct dev_counts *before)
{
	EXPECT_EQ(before->shares, dev_counter("shares"));
	EXPECT_EQ(before->orphans, dev_counter("orphans"));
	EXPECT_EQ(before->pinned, dev_counter("pinned_pages"));
	EXPECT_EQ(before->pins, dev_pins());
}

/* Two shares and a loan outstanding at close: all reclaimed, ours again. */
TEST_F(life, close_reclaims_everything)
{
	int fd = dev_open(DEV_SELF, 0);
	uint8_t *buf = dev_buf(self->n, 1);
	uint64_t h[3], sum;
	size_t third = dev_page() * 2;

	ASSERT_LE(0, fd);
	ASSERT_NE(NULL, buf);
	dev_fill(buf, self->n, 11);
	sum = dev_fnv(buf, self->n);
	ASSERT_EQ(0, dev_mem_one(fd, FFA_DEV_IOC_MEM_SHARE, buf, third,
				 self->test, FFA_DEV_MEM_READ, &h[0]));
	ASSERT_EQ(0, dev_mem_one(fd, FFA_DEV_IOC_MEM_SHARE, buf + third, third,
				 self->test, FFA_DEV_MEM_READ, &h[1]));
	ASSERT_EQ(0, dev_mem_one(fd, FFA_DEV_IOC_MEM_LEND, buf + 2 * third,
				 self->n - 2 * third, self->test,
				 FFA_DEV_MEM_READ, &h[2]));
	EXPECT_EQ(3, dev_counter("shares"));
	EXPECT_EQ(self->before.pinned + NPAGES, dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins + NPAGES, dev_pins());
	close(fd);
	/* At once: the release ran before close() returned. */
	check_back(_metadata, &self->before);
	/* The loan is ours again. */
	EXPECT_EQ(sum, dev_fnv(buf, self->n));
	dev_free(buf, self->n);
}

/*
 * A share the borrower holds at close: an orphan, still pinned, until
 * the partition relinquishes; then the kernel reclaims it by itself.
 */
TEST_F(life, close_leaves_held_share_as_orphan)
{
	int fd = dev_open(DEV_SELF, 0);
	uint8_t *buf = dev_buf(self->n, 1);
	uint64_t handle;

	ASSERT_LE(0, fd);
	ASSERT_NE(NULL, buf);
	ASSERT_EQ(0, dev_mem_one(fd, FFA_DEV_IOC_MEM_SHARE, buf, self->n,
				 self->test, FFA_DEV_MEM_READ, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, 0, NULL, NULL));
	close(fd);
	EXPECT_EQ(0, dev_counter("shares"));
	EXPECT_EQ(1, dev_counter("orphans"));
	EXPECT_EQ(self->before.pinned + NPAGES, dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins + NPAGES, dev_pins());
	/* Unmapping our side changes nothing: the pins hold the pages. */
	dev_free(buf, self->n);
	EXPECT_EQ(self->before.pins + NPAGES, dev_pins());
	ASSERT_EQ(TP_OK, tp_relinquish(self->test, handle));
	EXPECT_EQ(0, dev_counter_wait("orphans", 0));
	EXPECT_EQ(self->before.pins, dev_pins_wait(self->before.pins));
	check_back(_metadata, &self->before);
}

/* A process that exits with a share outstanding: reclaimed at exit. */
TEST_F(life, exit_reclaims)
{
	int status;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (pid == 0) {
		int fd = dev_open(DEV_SELF, 0);
		uint8_t *buf = dev_buf(self->n, 1);
		uint64_t h;

		if (fd < 0 || !buf ||
		    dev_mem_one(fd, FFA_DEV_IOC_MEM_LEND, buf, self->n,
				self->test, FFA_DEV_MEM_READ, &h))
			_exit(2);
		_exit(dev_counter("shares") == 1 ? 0 : 3);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, status);
	check_back(_metadata, &self->before);
}

/*
 * SIGKILL mid-share, the partition holding the retrieval: orphans 1,
 * pages still pinned; the partition relinquishes (asked directly by us),
 * and within a bounded wait the orphan is reclaimed: orphans 0, the pin
 * count back where it started.
 */
TEST_F(life, killed_mid_share)
{
	int pipefd[2], status;
	uint64_t handle = 0, sum = 0, want = 0;
	pid_t pid;

	ASSERT_EQ(0, pipe(pipefd));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		int fd = dev_open(DEV_SELF, 0);
		uint8_t *buf = dev_buf(self->n, 1);
		uint64_t msg[2] = { 0, 0 };

		close(pipefd[0]);
		if (fd >= 0 && buf) {
			dev_fill(buf, self->n, 0xdead);
			msg[1] = dev_fnv(buf, self->n);
			if (dev_mem_one(fd, FFA_DEV_IOC_MEM_SHARE, buf, self->n,
					self->test, FFA_DEV_MEM_READ, &msg[0]))
				msg[0] = 0;
		}
		if (write(pipefd[1], msg, sizeof(msg)) != sizeof(msg))
			_exit(2);
		for (;;)
			pause();
	}
	close(pipefd[1]);
	{
		uint64_t msg[2];

		ASSERT_EQ((ssize_t)sizeof(msg), read(pipefd[0], msg, sizeof(msg)));
		handle = msg[0];
		want = msg[1];
	}
	close(pipefd[0]);
	ASSERT_NE(0, handle);
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, 0, &sum, NULL));
	EXPECT_EQ(want, sum);
	ASSERT_EQ(0, kill(pid, SIGKILL));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
	/* Dead, its file closed: an orphan, pinned. */
	EXPECT_EQ(0, dev_counter("shares"));
	EXPECT_EQ(1, dev_counter("orphans"));
	EXPECT_EQ(self->before.pinned + NPAGES, dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins + NPAGES, dev_pins());
	/* The partition still reads it: the pages were not reused. */
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_RELINQUISH,
				     &sum, NULL));
	EXPECT_EQ(want, sum);
	ASSERT_EQ(TP_OK, tp_relinquish(self->test, handle));
	EXPECT_EQ(0, dev_counter_wait("orphans", 0));
	EXPECT_EQ(self->before.pins, dev_pins_wait(self->before.pins));
	check_back(_metadata, &self->before);
}

TEST_HARNESS_MAIN
