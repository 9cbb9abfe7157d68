// SPDX-License-Identifier: GPL-2.0
/*
 * dev_v1_0: /dev/ffa when ffa.ko negotiated FF-A v1.0 (tests/dev/run's
 * last boot loads it with max_version=1.0). v1.0's partition
 * information has no UUIDs: every partition is Nil, so every node has
 * its ID suffix. REQ2 (v1.2) and indirect messages (v1.1) are
 * EOPNOTSUPP; direct requests and memory sharing (v1.0 descriptors)
 * work.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define NIL		"00000000-0000-0000-0000-000000000000"
#define V10_TEST	DEV_DIR "/" NIL ".8001"
#define V10_ECHO	DEV_DIR "/" NIL ".8002"
#define VERSION_1_0	0x10000U

TEST(nodes_all_nil_with_ids)
{
	static const char *const want[] = {
		"self", NIL ".8001", NIL ".8002", NIL ".8003", NIL ".8004",
	};
	unsigned int n = 0, i;
	struct dirent *e;
	DIR *d = opendir(DEV_DIR);

	ASSERT_NE(NULL, d);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		n++;
		for (i = 0; i < 5; i++)
			if (!strcmp(e->d_name, want[i]))
				break;
		EXPECT_LT(i, 5) TH_LOG("unexpected node %s", e->d_name);
	}
	closedir(d);
	EXPECT_EQ(5, n);
}

TEST(info_says_1_0)
{
	static const uint8_t nil[16];
	struct ffa_dev_info info;
	int fd = dev_open(V10_TEST, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, dev_info(fd, &info));
	EXPECT_EQ(ID_TEST, info.id);
	EXPECT_EQ(VERSION_1_0, info.version);
	EXPECT_EQ(0, memcmp(nil, info.uuid, 16));
	close(fd);
	fd = dev_open(DEV_SELF, 0);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, dev_info(fd, &info));
	EXPECT_EQ(VERSION_1_0, info.version);
	close(fd);
}

TEST(req2_and_write_unsupported)
{
	struct ffa_dev_direct2 d2 = { .size = sizeof(d2) };
	int fd = dev_open(V10_ECHO, 0);

	ASSERT_LE(0, fd);
	EXPECT_EQ(-EOPNOTSUPP, dev_ioctl(fd, FFA_DEV_IOC_DIRECT2, &d2));
	EXPECT_EQ(-1, write(fd, "12345678", 8));
	EXPECT_EQ(EOPNOTSUPP, errno);
	close(fd);
}

TEST(direct_still_works)
{
	uint64_t w[5] = { 5, 4, 3, 2, 1ULL << 40 };
	int fd = dev_open(V10_ECHO, 0);

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, dev_direct(fd, w));
	EXPECT_EQ(5, w[0]);
	EXPECT_EQ(1ULL << 40, w[4]);
	close(fd);
}

/* A SHARE in v1.0's descriptor layout, retrieved and checksummed. */
TEST(share_in_v1_0_layout)
{
	size_t n = 2 * dev_page();
	uint8_t *buf = dev_buf(n, 1);
	int self = dev_open(DEV_SELF, 0), test = dev_open(V10_TEST, 0);
	uint64_t handle, sum = 0, pages = 0;
	long long pins = dev_pins();

	ASSERT_NE(NULL, buf);
	ASSERT_LE(0, self);
	ASSERT_LE(0, test);
	dev_fill(buf, n, 10);
	ASSERT_EQ(0, dev_mem_one(self, FFA_DEV_IOC_MEM_SHARE, buf, n, test,
				 FFA_DEV_MEM_READ, &handle));
	ASSERT_EQ(TP_OK, tp_retrieve(test, handle, 0, TP_MEM_RELINQUISH, &sum,
				     &pages));
	EXPECT_EQ(dev_fnv(buf, n), sum);
	EXPECT_EQ(FFA_PAGES(n), pages);
	ASSERT_EQ(0, dev_reclaim(self, handle, 0));
	EXPECT_EQ(pins, dev_pins());
	close(self);
	close(test);
	dev_free(buf, n);
}

TEST_HARNESS_MAIN
