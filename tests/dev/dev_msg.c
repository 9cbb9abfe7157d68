// SPDX-License-Identifier: GPL-2.0
/*
 * dev_msg: messages through partition nodes. DIRECT (32- and 64-bit)
 * and DIRECT2 (REQ2, 14 words) with the exact words back, their bad
 * arguments, and the FF-A refusals REQ2 meets (DENIED -> EACCES,
 * INVALID_PARAMETERS -> EINVAL); write() of indirect messages to the
 * test partition, read back by it (TP_CMD_READ_RX), and write()'s own
 * errnos. Messages *to* us (read() and poll() on self) are in
 * dev_recv.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

FIXTURE(part) {
	int echo, test;
};

FIXTURE_SETUP(part)
{
	self->echo = dev_open(DEV_ECHO, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->echo);
	ASSERT_LE(0, self->test);
}

FIXTURE_TEARDOWN(part)
{
	close(self->echo);
	close(self->test);
}

TEST_F(part, direct64_exact_words)
{
	static const uint64_t want[5] = {
		0x0123456789abcdefULL, ~0ULL, 1ULL << 63, 1, 0,
	};
	struct ffa_dev_direct d = { .size = sizeof(d) };

	memcpy(d.w, want, sizeof(want));
	ASSERT_EQ(0, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	EXPECT_EQ(0, memcmp(want, d.w, sizeof(want)));
	EXPECT_EQ(sizeof(d), d.size);
}

TEST_F(part, direct32_exact_words)
{
	static const uint64_t want[5] = {
		0xffffffffULL, 0x80000000ULL, 1, 0x12345678ULL, 0,
	};
	struct ffa_dev_direct d = {
		.size = sizeof(d), .flags = FFA_DEV_DIRECT_32BIT,
	};

	memcpy(d.w, want, sizeof(want));
	ASSERT_EQ(0, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	EXPECT_EQ(0, memcmp(want, d.w, sizeof(want)));
}

TEST_F(part, direct32_word_above_32_bits)
{
	struct ffa_dev_direct d;
	int i;

	for (i = 0; i < 5; i++) {
		memset(&d, 0, sizeof(d));
		d.size = sizeof(d);
		d.flags = FFA_DEV_DIRECT_32BIT;
		d.w[i] = 1ULL << 32;
		EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d))
			TH_LOG("word %d", i);
	}
}

/* The test partition's protocol in both forms: ECHO, WHOAMI. */
TEST_F(part, test_partition_commands)
{
	struct ffa_dev_direct d = {
		.size = sizeof(d), .flags = FFA_DEV_DIRECT_32BIT,
		.w = { TP_CMD_ECHO, 0xdeadbeef, 2, 3, 0xffffffff },
	};
	uint64_t w[5] = { TP_CMD_WHOAMI };

	ASSERT_EQ(0, dev_ioctl(self->test, FFA_DEV_IOC_DIRECT, &d));
	EXPECT_EQ(0, d.w[0]);
	EXPECT_EQ(0xdeadbeef, d.w[1]);
	EXPECT_EQ(2, d.w[2]);
	EXPECT_EQ(3, d.w[3]);
	EXPECT_EQ(0xffffffff, d.w[4]);
	ASSERT_EQ(TP_OK, tp_cmd(self->test, w));
	EXPECT_EQ(ID_TEST, w[1]);
	EXPECT_EQ(DEV_VERSION_1_2, w[2]);
}

static void req2_echo(struct __test_metadata *_metadata, int fd,
		      const char *uuid)
{
	struct ffa_dev_direct2 d = { .size = sizeof(d) };
	uint64_t want[14];
	int i;

	for (i = 0; i < 14; i++)
		want[i] = 0x1111111111111111ULL * (uint64_t)(i + 1) ^
			  (uint64_t)i << 60;
	if (uuid)
		ASSERT_EQ(0, dev_uuid_parse(uuid, d.uuid));
	memcpy(d.x, want, sizeof(want));
	ASSERT_EQ(0, dev_ioctl(fd, FFA_DEV_IOC_DIRECT2, &d));
	for (i = 0; i < 14; i++)
		EXPECT_EQ(want[i], d.x[i]) TH_LOG("x%d", i + 4);
}

TEST_F(part, req2_14_words_echoed)
{
	req2_echo(_metadata, self->echo, TP_UUID_ECHO);
	req2_echo(_metadata, self->echo, NULL);	/* the Nil UUID */
	req2_echo(_metadata, self->test, TP_UUID_TEST);
}

/*
 * The manager's refusals, mapped: a UUID the receiver does not offer is
 * INVALID_PARAMETERS (EINVAL); REQ2 to a v1.1 partition that does not
 * take it is DENIED (EACCES).
 */
TEST_F(part, req2_refusals_mapped)
{
	struct ffa_dev_direct2 d = { .size = sizeof(d) };
	int twin = dev_open(DEV_TWIN_A, 0);

	ASSERT_EQ(0, dev_uuid_parse(TP_UUID_TEST, d.uuid));
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT2, &d));
	ASSERT_LE(0, twin);
	memset(d.uuid, 0, sizeof(d.uuid));
	EXPECT_EQ(-EACCES, dev_ioctl(twin, FFA_DEV_IOC_DIRECT2, &d));
	close(twin);
}

TEST_F(part, direct_bad_arguments)
{
	struct ffa_dev_direct d = { .size = sizeof(d) };
	struct ffa_dev_direct2 d2 = { .size = sizeof(d2) };

	d.size = 0;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	d.size = sizeof(d) + 8;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	d.size = sizeof(d);
	d.flags = 1U << 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	d.flags = 1U << 31;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, &d));
	EXPECT_EQ(-EFAULT, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT, NULL));
	d2.size = sizeof(d2) - 8;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT2, &d2));
	d2.size = sizeof(d2);
	d2.flags = 1;
	EXPECT_EQ(-EINVAL, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT2, &d2));
	EXPECT_EQ(-EFAULT, dev_ioctl(self->echo, FFA_DEV_IOC_DIRECT2, NULL));
}

/* What the test partition finds in its RX after our write(). */
static void check_rx(struct __test_metadata *_metadata, int fd,
		     uint64_t word, uint64_t size)
{
	uint64_t w[5] = { TP_CMD_READ_RX };

	ASSERT_EQ(TP_OK, tp_cmd(fd, w));
	EXPECT_EQ(dev_self_id(), w[1]);
	EXPECT_EQ(word, w[2]);
	EXPECT_EQ(size, w[3]);
}

TEST_F(part, write_indirect_to_partition)
{
	uint64_t buf[16];

	buf[0] = 0x5eed0001c0ffee00ULL;
	ASSERT_EQ(8, write(self->test, buf, 8));
	check_rx(_metadata, self->test, buf[0], 8);
	dev_fill(buf, sizeof(buf), 7);
	ASSERT_EQ(100, write(self->test, buf, 100));
	check_rx(_metadata, self->test, buf[0], 100);
	/* One byte: the partition reads no whole word. */
	ASSERT_EQ(1, write(self->test, buf, 1));
	check_rx(_metadata, self->test, 0, 1);
}

TEST_F(part, write_msg_max)
{
	struct ffa_dev_info info;
	uint8_t *buf;

	ASSERT_EQ(0, dev_info(self->test, &info));
	buf = malloc(info.msg_max + 1);
	ASSERT_NE(NULL, buf);
	dev_fill(buf, info.msg_max & ~7U, 9);
	EXPECT_EQ((ssize_t)info.msg_max, write(self->test, buf, info.msg_max))
		TH_LOG("msg_max %u: %s", info.msg_max, strerror(errno));
	check_rx(_metadata, self->test, *(uint64_t *)buf, info.msg_max);
	EXPECT_EQ(-1, write(self->test, buf, info.msg_max + 1));
	EXPECT_EQ(E2BIG, errno);
	free(buf);
}

TEST_F(part, write_bad_buffers)
{
	size_t pg = dev_page();
	uint8_t *two;

	EXPECT_EQ(-1, write(self->test, "", 0));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(-1, syscall(SYS_write, self->test, NULL, 8));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, write(self->test, dev_hole(), 8));
	EXPECT_EQ(EFAULT, errno);
	two = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, two);
	ASSERT_EQ(0, munmap(two + pg, pg));
	/* 8 bytes mapped, 8 past the end of the mapping. */
	EXPECT_EQ(-1, write(self->test, two + pg - 8, 16));
	EXPECT_EQ(EFAULT, errno);
	munmap(two, pg);
	/* Nothing was sent: the next message is the one the partition reads. */
	ASSERT_EQ(8, write(self->test, "12345678", 8));
	check_rx(_metadata, self->test, 0x3837363534333231ULL, 8);
}

TEST_HARNESS_MAIN
