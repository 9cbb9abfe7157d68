// SPDX-License-Identifier: GPL-2.0
/*
 * dev_abort: FF-A ABORTED is ECANCELED. Twin-b (the test partition's
 * code) is made to read a system register it must not
 * (TP_BAD_READ_SYSREG): the firmware aborts it, and the request that
 * made it misbehave, and every later one, is ECANCELED. Memory may
 * still name it (the manager does not refuse a send to an aborted
 * borrower) and is reclaimed. Run last: twin-b is gone for the boot.
 */
#include <errno.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

TEST(aborted_partition_is_ecanceled)
{
	uint64_t w[5] = { TP_CMD_MISBEHAVE, TP_BAD_READ_SYSREG,
			  TP_SYSREG_PAUTH_KEY };
	struct ffa_dev_info info;
	size_t n = dev_page();
	uint8_t *buf = dev_buf(n, 1);
	int fd = dev_open(DEV_TWIN_B, 0), self = dev_open(DEV_SELF, 0);
	uint64_t handle;

	ASSERT_LE(0, fd);
	ASSERT_LE(0, self);
	ASSERT_NE(NULL, buf);
	EXPECT_EQ(-ECANCELED, dev_direct(fd, w));
	w[0] = TP_CMD_ECHO;
	EXPECT_EQ(-ECANCELED, dev_direct(fd, w));
	/* The node and what it says stay. */
	ASSERT_EQ(0, dev_info(fd, &info));
	EXPECT_EQ(ID_TWIN_B, info.id);
	ASSERT_EQ(0, dev_mem_one(self, FFA_DEV_IOC_MEM_LEND, buf, n, fd,
				 FFA_DEV_MEM_READ, &handle));
	EXPECT_EQ(0, dev_reclaim(self, handle, 0));
	/* The others are not affected. */
	close(fd);
	fd = dev_open(DEV_TWIN_A, 0);
	ASSERT_LE(0, fd);
	w[0] = TP_CMD_ECHO;
	w[1] = 77;
	EXPECT_EQ(TP_OK, tp_cmd(fd, w));
	EXPECT_EQ(77, w[1]);
	close(fd);
	close(self);
	dev_free(buf, n);
}

TEST_HARNESS_MAIN
