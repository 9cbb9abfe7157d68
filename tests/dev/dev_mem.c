// SPDX-License-Identifier: GPL-2.0
/*
 * dev_mem: memory transactions of user buffers on self. SHARE retrieved
 * and checksummed by the test partition (and written by it), one buffer
 * with three borrowers named by fd (the test partition and the twins,
 * which run its code), LEND with zeroing at send and at reclaim, DONATE
 * (pinned for ever), reclaim before the borrower relinquished (DENIED ->
 * EACCES), reclaim of what this file did not make (ENOENT). Every test
 * checks the counters: shares, pinned_pages and the mm's pin count go
 * up by the pages sent and come back.
 */
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define NPAGES	4

FIXTURE(mem) {
	int self, test;
	size_t n;
	uint8_t *buf;
	uint64_t sum;
	struct dev_counts before;
};

FIXTURE_SETUP(mem)
{
	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->n = NPAGES * dev_page();
	self->buf = dev_buf(self->n, 1);
	ASSERT_NE(NULL, self->buf);
	dev_fill(self->buf, self->n, 0x5eed);
	self->sum = dev_fnv(self->buf, self->n);
	dev_counts(&self->before);
	ASSERT_EQ(0, self->before.shares);
	ASSERT_EQ(0, self->before.orphans);
}

FIXTURE_TEARDOWN(mem)
{
	close(self->self);
	close(self->test);
	dev_free(self->buf, self->n);
}

/* The counters with extra live shares of pages kernel pages. */
static void check_counts(struct __test_metadata *_metadata,
			 const struct dev_counts *before, long long shares,
			 long long pages)
{
	struct dev_counts now;

	dev_counts(&now);
	EXPECT_EQ(before->shares + shares, now.shares);
	EXPECT_EQ(before->orphans, now.orphans);
	EXPECT_EQ(before->pinned + pages, now.pinned);
	EXPECT_EQ(before->pins + pages, now.pins);
	EXPECT_EQ(before->donated, now.donated);
}

TEST_F(mem, share_retrieved_and_checksummed)
{
	uint64_t handle = 0, sum = 0, pages = 0;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ |
				 FFA_DEV_MEM_WRITE, &handle));
	EXPECT_NE(0, handle);
	check_counts(_metadata, &self->before, 1, NPAGES);
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_RELINQUISH,
				     &sum, &pages));
	EXPECT_EQ(self->sum, sum);
	EXPECT_EQ(FFA_PAGES(self->n), pages);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
	EXPECT_EQ(self->sum, dev_fnv(self->buf, self->n));
}

/* The partition's writes land in our pages (pinned for write). */
TEST_F(mem, share_written_by_borrower)
{
	uint64_t handle, sum;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ |
				 FFA_DEV_MEM_WRITE, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_WRITE |
				     TP_MEM_RELINQUISH | 0x5a << 8, &sum, NULL));
	EXPECT_EQ(self->sum, sum);	/* before its writes */
	EXPECT_TRUE(dev_all(self->buf, self->n, 0x5a));
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_TRUE(dev_all(self->buf, self->n, 0x5a));
	check_counts(_metadata, &self->before, 0, 0);
}

/* Read-only for the borrower, with a tag it must quote. */
TEST_F(mem, share_read_only_with_tag)
{
	struct ffa_dev_mem_borrower b = {
		.fd = self->test, .perms = FFA_DEV_MEM_READ,
	};
	uint64_t handle, sum;

	ASSERT_EQ(0, dev_mem_send(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				  self->n, &b, 1, 0x7a6, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0x7a6,
				     TP_MEM_RELINQUISH, &sum, NULL));
	EXPECT_EQ(self->sum, sum);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
}

/* One buffer, three borrowers by fd, each retrieving and checksumming. */
TEST_F(mem, share_with_three_borrowers)
{
	static const char *const paths[] = { DEV_TEST, DEV_TWIN_A, DEV_TWIN_B };
	struct ffa_dev_mem_borrower b[3];
	uint64_t handle, sum, pages;
	int fds[3], i;

	for (i = 0; i < 3; i++) {
		fds[i] = dev_open(paths[i], 0);
		ASSERT_LE(0, fds[i]);
		b[i].fd = fds[i];
		b[i].perms = FFA_DEV_MEM_READ;
		b[i].flags = 0;
		b[i].reserved = 0;
	}
	ASSERT_EQ(0, dev_mem_send(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				  self->n, b, 3, 0, &handle));
	check_counts(_metadata, &self->before, 1, NPAGES);
	for (i = 0; i < 3; i++) {
		sum = 0;
		pages = 0;
		EXPECT_EQ(TP_OK, tp_retrieve(fds[i], handle, 0, TP_MEM_BYPASS |
					     TP_MEM_RELINQUISH, &sum, &pages))
			TH_LOG("borrower %s", paths[i]);
		EXPECT_EQ(self->sum, sum);
		EXPECT_EQ(FFA_PAGES(self->n), pages);
	}
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
	for (i = 0; i < 3; i++)
		close(fds[i]);
}

/* DENIED (the borrower holds it) is EACCES; the share stays intact. */
TEST_F(mem, reclaim_before_relinquish)
{
	uint64_t handle;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, 0, NULL, NULL));
	EXPECT_EQ(-EACCES, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 1, NPAGES);
	ASSERT_EQ(TP_OK, tp_relinquish(self->test, handle));
	EXPECT_EQ(0, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
}

TEST_F(mem, reclaim_unknown_handles)
{
	int other = dev_open(DEV_SELF, 0);
	uint64_t handle;

	ASSERT_LE(0, other);
	EXPECT_EQ(-ENOENT, dev_reclaim(self->self, 0, 0));
	EXPECT_EQ(-ENOENT, dev_reclaim(self->self, 0x123456789ULL, 0));
	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ, &handle));
	/* Not this file's: another file of self cannot take it back. */
	EXPECT_EQ(-ENOENT, dev_reclaim(other, handle, 0));
	EXPECT_EQ(0, dev_reclaim(self->self, handle, 0));
	/* Reclaimed: no longer anyone's. */
	EXPECT_EQ(-ENOENT, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
	close(other);
}

/* LEND with zeroing before retrieval: the borrower and then we see 0s. */
TEST_F(mem, lend_cleared)
{
	struct ffa_dev_mem_borrower b = {
		.fd = self->test, .perms = FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE,
	};
	struct ffa_dev_mem m = {
		.size = sizeof(m), .flags = FFA_DEV_MEM_CLEAR,
		.addr = (uintptr_t)self->buf, .length = self->n,
		.borrowers = (uintptr_t)&b, .nr_borrowers = 1,
	};
	uint8_t *zero = dev_buf(self->n, 0);
	uint64_t sum;

	ASSERT_NE(NULL, zero);
	memset(zero, 0, self->n);
	ASSERT_EQ(0, dev_ioctl(self->self, FFA_DEV_IOC_MEM_LEND, &m));
	check_counts(_metadata, &self->before, 1, NPAGES);
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, m.handle, 0,
				     TP_MEM_RELINQUISH, &sum, NULL));
	EXPECT_EQ(dev_fnv(zero, self->n), sum);
	ASSERT_EQ(0, dev_reclaim(self->self, m.handle, 0));
	EXPECT_TRUE(dev_all(self->buf, self->n, 0));
	check_counts(_metadata, &self->before, 0, 0);
	dev_free(zero, self->n);
}

/* LEND, written by the borrower, taken back zeroed. */
TEST_F(mem, lend_reclaimed_cleared)
{
	uint64_t handle, sum;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_LEND, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ |
				 FFA_DEV_MEM_WRITE, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_WRITE |
				     TP_MEM_RELINQUISH | 0x33 << 8, &sum, NULL));
	EXPECT_EQ(self->sum, sum);
	ASSERT_EQ(0, dev_reclaim(self->self, handle,
				 FFA_DEV_MEM_RECLAIM_CLEAR));
	EXPECT_TRUE(dev_all(self->buf, self->n, 0));
	check_counts(_metadata, &self->before, 0, 0);
}

/* LEND without clearing: the borrower's writes are what we get back. */
TEST_F(mem, lend_written_by_borrower)
{
	uint64_t handle, sum;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_LEND, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ |
				 FFA_DEV_MEM_WRITE, &handle));
	check_counts(_metadata, &self->before, 1, NPAGES);
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_WRITE |
				     TP_MEM_RELINQUISH | 0xc3 << 8, &sum, NULL));
	EXPECT_EQ(self->sum, sum);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_TRUE(dev_all(self->buf, self->n, 0xc3));
	check_counts(_metadata, &self->before, 0, 0);
}

/*
 * A SHARE may be of memory a fork copies (no MADV_DONTFORK): the pinned
 * pages stay the parent's. The partition sees the parent's later
 * writes, never the child's.
 */
TEST_F(mem, share_survives_fork)
{
	uint8_t *buf = dev_buf(self->n, 0);
	uint64_t handle, sum;
	int status;
	pid_t pid;

	ASSERT_NE(NULL, buf);
	dev_fill(buf, self->n, 0xf0);
	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, buf,
				 self->n, self->test, FFA_DEV_MEM_READ, &handle));
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		memset(buf, 0xcc, self->n);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, status);
	dev_fill(buf, self->n, 0xf1);
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_RELINQUISH,
				     &sum, NULL));
	EXPECT_EQ(dev_fnv(buf, self->n), sum);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	check_counts(_metadata, &self->before, 0, 0);
	dev_free(buf, self->n);
}

/*
 * DONATE: the page is the partition's; it stays pinned for ever, even
 * once the file that gave it is closed, and no reclaim takes it back.
 */
TEST_F(mem, donate_pinned_for_ever)
{
	size_t pg = dev_page();
	uint8_t *page = dev_buf(pg, 1);
	struct ffa_dev_mem_borrower b = { .fd = self->test, .perms = 0 };
	uint64_t handle, sum, want;
	struct dev_counts now;
	int fd = dev_open(DEV_SELF, 0);

	ASSERT_NE(NULL, page);
	ASSERT_LE(0, fd);
	dev_fill(page, pg, 0xd0);
	want = dev_fnv(page, pg);
	ASSERT_EQ(0, dev_mem_send(fd, FFA_DEV_IOC_MEM_DONATE, page, pg, &b, 1,
				  0, &handle));
	EXPECT_EQ(-ENOENT, dev_reclaim(fd, handle, 0));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, 0, &sum, NULL));
	EXPECT_EQ(want, sum);
	close(fd);
	dev_counts(&now);
	EXPECT_EQ(self->before.shares, now.shares);
	EXPECT_EQ(self->before.orphans, now.orphans);
	EXPECT_EQ(self->before.donated + 1, now.donated);
	EXPECT_EQ(self->before.pinned + 1, now.pinned);
	EXPECT_EQ(self->before.pins + 1, now.pins);
	/* Unmapping it must not give the partition's page back to Linux. */
	dev_free(page, pg);
	EXPECT_EQ(self->before.pins + 1, dev_pins());
}

TEST_HARNESS_MAIN
