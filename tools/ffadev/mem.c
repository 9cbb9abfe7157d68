// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Memory transactions of user buffers through /dev/ffa/self. The kernel
 * pins the pages for the life of the transaction; LEND and DONATE also
 * need the range marked MADV_DONTFORK, or a fork would copy pages this
 * process can no longer read (the kernel answers EINVAL without it), and
 * MADV_DONTDUMP, or a core dump would make the kernel read them.
 */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "ffadev.h"

static const unsigned long give_ioctl[] = {
	[FFADEV_SHARE] = FFA_DEV_IOC_MEM_SHARE,
	[FFADEV_LEND] = FFA_DEV_IOC_MEM_LEND,
	[FFADEV_DONATE] = FFA_DEV_IOC_MEM_DONATE,
};

int ffadev_mem_give(int self_fd, enum ffadev_mem_op op, void *buf,
		    size_t len, const struct ffadev_borrower *to, unsigned int n,
		    uint32_t flags, uint64_t tag, uint64_t *handle)
{
	struct ffa_dev_mem_borrower b[FFA_DEV_MEM_MAX_BORROWERS];
	struct ffa_dev_mem m = {
		.size = sizeof(m),
		.flags = flags,
		.addr = (uintptr_t)buf,
		.length = len,
		.borrowers = (uintptr_t)b,
		.nr_borrowers = n,
		.tag = tag,
	};
	unsigned int i;

	if ((unsigned int)op > FFADEV_DONATE)
		return -EINVAL;
	/* The kernel's limit, checked here only to bound b[]. */
	if (n > FFA_DEV_MEM_MAX_BORROWERS)
		return -E2BIG;
	memset(b, 0, sizeof(b));
	for (i = 0; i < n; i++) {
		b[i].fd = to[i].fd;
		b[i].perms = to[i].perms;
	}
	/*
	 * A lent page is out of the kernel's reach too: a fork would copy
	 * it (the kernel requires DONTFORK) and a core dump would read it
	 * (a kernel abort), so neither may see the range.
	 */
	if (op != FFADEV_SHARE && (madvise(buf, len, MADV_DONTFORK) ||
				   madvise(buf, len, MADV_DONTDUMP)))
		return -errno;
	if (ioctl(self_fd, give_ioctl[op], &m) < 0)
		return -errno;
	*handle = m.handle;
	return 0;
}

int ffadev_reclaim(int self_fd, uint64_t handle, uint32_t flags)
{
	struct ffa_dev_reclaim r = {
		.size = sizeof(r),
		.flags = flags,
		.handle = handle,
	};

	return ioctl(self_fd, FFA_DEV_IOC_MEM_RECLAIM, &r) < 0 ? -errno : 0;
}

void *ffadev_buf_alloc(size_t len, size_t *alloc_len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t n;
	void *p;

	if (len == 0 || len > SIZE_MAX - page) {
		errno = EINVAL;
		return NULL;
	}
	n = (len + page - 1) / page * page;
	p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	*alloc_len = n;
	return p;
}

void ffadev_buf_free(void *buf, size_t alloc_len)
{
	if (buf)
		munmap(buf, alloc_len);
}
