// SPDX-License-Identifier: GPL-2.0
/*
 * dev_large: the largest share the bench's RAM allows (tests/dev/run
 * boots 1536 MiB): 256 MiB of one process's memory, pinned, streamed
 * to the manager, retrieved whole by the test partition, which
 * checksums every byte; then reclaimed, nothing left pinned. Also
 * 32 MiB of it lent to the partition and written by it, every page
 * coming back.
 */
#include <errno.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define LARGE	(256ULL << 20)

FIXTURE(large) {
	int self, test;
	uint8_t *buf;
	struct dev_counts before;
};

FIXTURE_SETUP(large)
{
	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->buf = dev_buf(LARGE, 1);
	ASSERT_NE(NULL, self->buf);
	dev_counts(&self->before);
}

FIXTURE_TEARDOWN(large)
{
	dev_free(self->buf, LARGE);
	close(self->self);
	close(self->test);
}

/* Generous: every byte is walked by the partition, under TCG. */
TEST_F_TIMEOUT(large, share_256_mib_checksummed, 600)
{
	uint64_t handle, sum = 0, pages = 0, want;

	dev_fill(self->buf, LARGE, 256);
	want = dev_fnv(self->buf, LARGE);
	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 LARGE, self->test, FFA_DEV_MEM_READ, &handle));
	EXPECT_EQ(1, dev_counter("shares"));
	EXPECT_EQ(self->before.pinned + DEV_PAGES(LARGE),
		  dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins + DEV_PAGES(LARGE), dev_pins());
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_RELINQUISH,
				     &sum, &pages));
	EXPECT_EQ(want, sum);
	EXPECT_EQ(FFA_PAGES(LARGE), pages);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_EQ(0, dev_counter("shares"));
	EXPECT_EQ(self->before.pinned, dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins, dev_pins());
}

#define LEND	(32ULL << 20)

TEST_F_TIMEOUT(large, lend_32_mib_written_back, 600)
{
	uint64_t handle, pages = 0;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_LEND, self->buf,
				 LEND, self->test,
				 FFA_DEV_MEM_READ | FFA_DEV_MEM_WRITE, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_WRITE |
				     TP_MEM_RELINQUISH | 0x6b << 8, NULL, &pages));
	EXPECT_EQ(FFA_PAGES(LEND), pages);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_TRUE(dev_all(self->buf, LEND, 0x6b));
	EXPECT_EQ(self->before.pins, dev_pins());
}

/*
 * Exactly FFA_DEV_MEM_MAX_LENGTH (1 GiB): accepted, every page mapped
 * by the partition (not walked: TP_MEM_NO_TOUCH), nothing left pinned.
 * Its own fixture: the 256 MiB buffer would not fit beside it.
 */
FIXTURE(max) {
	int self, test;
	uint8_t *buf;
};

FIXTURE_SETUP(max)
{
	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->buf = dev_buf(FFA_DEV_MEM_MAX_LENGTH, 1);
	ASSERT_NE(NULL, self->buf);
}

FIXTURE_TEARDOWN(max)
{
	dev_free(self->buf, FFA_DEV_MEM_MAX_LENGTH);
	close(self->self);
	close(self->test);
}

TEST_F_TIMEOUT(max, share_max_length, 600)
{
	long long pins = dev_pins();
	uint64_t handle, pages = 0;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE, self->buf,
				 FFA_DEV_MEM_MAX_LENGTH, self->test,
				 FFA_DEV_MEM_READ, &handle));
	EXPECT_EQ(pins + DEV_PAGES(FFA_DEV_MEM_MAX_LENGTH), dev_pins());
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, TP_MEM_NO_TOUCH |
				     TP_MEM_RELINQUISH, NULL, &pages));
	EXPECT_EQ(FFA_PAGES(FFA_DEV_MEM_MAX_LENGTH), pages);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_EQ(pins, dev_pins());
}

/* Past the limit: E2BIG, whatever the memory. */
TEST_F(large, past_the_limit)
{
	EXPECT_EQ(-E2BIG, dev_mem_one(self->self, FFA_DEV_IOC_MEM_SHARE,
				      self->buf,
				      FFA_DEV_MEM_MAX_LENGTH + dev_page(),
				      self->test, FFA_DEV_MEM_READ, NULL));
}

TEST_HARNESS_MAIN
