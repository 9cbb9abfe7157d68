// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * raw_share: /dev/ffa with nothing but the UAPI header. Shares one page
 * with the bench's test partition, asks it (a direct request) to
 * retrieve the page, checksum it and give it back, then reclaims it.
 * Run as root: cc -Ilinux/include/uapi raw_share.c && ./a.out
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/ffa_dev.h>

#define TEST_PARTITION "/dev/ffa/d1a7f2a0-54b4-4d3c-9b7e-5f3f0e1a2b01"
#define TP_CMD_MEM_RETRIEVE 3	/* partitions/include/partitions/test_proto.h */
#define TP_MEM_RELINQUISH 0x2

static int fail(const char *what)
{
	/* EACCES: not root (or FF-A DENIED); EPERM: a kernel driver holds it */
	fprintf(stderr, "raw_share: %s: %s\n", what, strerror(errno));
	return 1;
}

int main(void)
{
	long page = sysconf(_SC_PAGESIZE);
	struct ffa_dev_info me = { .size = sizeof(me) };
	struct ffa_dev_mem_borrower to = { .perms = FFA_DEV_MEM_READ };
	struct ffa_dev_mem mem = { .size = sizeof(mem) };
	struct ffa_dev_direct req = { .size = sizeof(req) };
	struct ffa_dev_reclaim rec = { .size = sizeof(rec) };
	int self = open("/dev/ffa/self", O_RDWR);
	int part = open(TEST_PARTITION, O_RDWR);
	char *buf;

	if (self < 0 || part < 0)
		return fail("open");
	if (ioctl(self, FFA_DEV_IOC_INFO, &me))
		return fail("FFA_DEV_IOC_INFO");
	buf = mmap(NULL, page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		return fail("mmap");
	strcpy(buf, "hello, partition");

	/* The borrower is named by its open node; the page stays pinned. */
	to.fd = part;
	mem.addr = (uintptr_t)buf;
	mem.length = page;
	mem.borrowers = (uintptr_t)&to;
	mem.nr_borrowers = 1;
	if (ioctl(self, FFA_DEV_IOC_MEM_SHARE, &mem))
		return fail("FFA_DEV_IOC_MEM_SHARE");

	/* Retrieve (owner: us, tag 0), checksum, relinquish. */
	req.w[0] = TP_CMD_MEM_RETRIEVE;
	req.w[1] = mem.handle;
	req.w[2] = me.id;
	req.w[4] = TP_MEM_RELINQUISH;
	if (ioctl(part, FFA_DEV_IOC_DIRECT, &req))
		return fail("FFA_DEV_IOC_DIRECT");
	printf("handle 0x%llx: status %lld, checksum 0x%016llx\n",
	       (unsigned long long)mem.handle, (long long)req.w[0],
	       (unsigned long long)req.w[1]);

	/* EACCES here would mean the partition still holds the page. */
	rec.handle = mem.handle;
	if (ioctl(self, FFA_DEV_IOC_MEM_RECLAIM, &rec))
		return fail("FFA_DEV_IOC_MEM_RECLAIM");
	puts("reclaimed");
	return req.w[0] != 0;
}
