// SPDX-License-Identifier: GPL-2.0
/*
 * tests/dev: the helpers every program links (dev.h): nodes, the test
 * partition's protocol over FFA_DEV_IOC_DIRECT, memory transactions,
 * the counters of /sys/class/ffa/self and /proc/vmstat.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dev.h"

int dev_open(const char *path, int extra)
{
	int fd = open(path, O_RDWR | O_CLOEXEC | extra);

	return fd < 0 ? -errno : fd;
}

int dev_ioctl(int fd, unsigned long cmd, void *arg)
{
	int rc = ioctl(fd, cmd, arg);

	return rc < 0 ? -errno : rc;
}

int dev_info(int fd, struct ffa_dev_info *info)
{
	memset(info, 0, sizeof(*info));
	info->size = sizeof(*info);
	return dev_ioctl(fd, FFA_DEV_IOC_INFO, info);
}

int dev_self_id(void)
{
	struct ffa_dev_info info;
	int fd = dev_open(DEV_SELF, 0);
	int rc;

	if (fd < 0)
		return fd;
	rc = dev_info(fd, &info);
	close(fd);
	return rc ? rc : info.id;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int dev_uuid_parse(const char *text, uint8_t uuid[16])
{
	int i = 0, hi, lo;

	if (strlen(text) != 36)
		return -EINVAL;
	while (*text && i < 16) {
		if (*text == '-') {
			text++;
			continue;
		}
		hi = hex_digit(text[0]);
		lo = hex_digit(text[1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		uuid[i++] = (uint8_t)(hi << 4 | lo);
		text += 2;
	}
	return i == 16 && !*text ? 0 : -EINVAL;
}

uint64_t dev_fnv(const void *p, size_t n)
{
	return tp_fnv(TP_FNV_OFFSET, p, n);
}

void dev_fill(void *p, size_t n, uint64_t seed)
{
	uint64_t *w = p, x = seed * 0x9e3779b97f4a7c15ULL + 1;
	size_t i;

	/* Words of an LCG; n is a multiple of 8 for every caller. */
	for (i = 0; i < n / 8; i++) {
		x = tp_spin_step(x);
		w[i] = x ^ (x >> 29);
	}
}

int dev_all(const void *p, size_t n, uint8_t b)
{
	const uint8_t *c = p;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i] != b)
			return 0;
	return 1;
}

size_t dev_page(void)
{
	return (size_t)sysconf(_SC_PAGESIZE);
}

void *dev_buf(size_t n, int dontfork)
{
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (dontfork && madvise(p, n, MADV_DONTFORK)) {
		munmap(p, n);
		return NULL;
	}
	memset(p, 0xa5, n);
	return p;
}

void dev_free(void *p, size_t n)
{
	if (p)
		munmap(p, n);
}

void *dev_hole(void)
{
	void *p = mmap(NULL, dev_page(), PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	munmap(p, dev_page());
	return p;
}

int dev_direct(int fd, uint64_t w[5])
{
	struct ffa_dev_direct d = { .size = sizeof(d) };
	int rc;

	memcpy(d.w, w, sizeof(d.w));
	rc = dev_ioctl(fd, FFA_DEV_IOC_DIRECT, &d);
	if (!rc)
		memcpy(w, d.w, sizeof(d.w));
	return rc;
}

int64_t tp_cmd(int fd, uint64_t w[5])
{
	int rc = dev_direct(fd, w);

	return rc ? TP_IOCTL_FAILED + rc : (int64_t)w[0];
}

int64_t tp_retrieve(int fd, uint64_t handle, uint64_t tag, uint32_t flags,
		    uint64_t *sum, uint64_t *pages)
{
	uint64_t w[5] = { TP_CMD_MEM_RETRIEVE, handle,
			  (uint64_t)dev_self_id(), tag, flags };
	int64_t st = tp_cmd(fd, w);

	if (sum)
		*sum = w[1];
	if (pages)
		*pages = w[2];
	return st;
}

int64_t tp_relinquish(int fd, uint64_t handle)
{
	uint64_t w[5] = { TP_CMD_MEM_RELINQUISH, handle };

	return tp_cmd(fd, w);
}

int dev_mem_send(int self, unsigned long cmd, const void *p, size_t n,
		 const struct ffa_dev_mem_borrower *b, uint32_t nr,
		 uint64_t tag, uint64_t *handle)
{
	struct ffa_dev_mem m = {
		.size = sizeof(m), .addr = (uintptr_t)p, .length = n,
		.borrowers = (uintptr_t)b, .nr_borrowers = nr, .tag = tag,
	};
	int rc = dev_ioctl(self, cmd, &m);

	if (!rc && handle)
		*handle = m.handle;
	return rc;
}

int dev_mem_one(int self, unsigned long cmd, const void *p, size_t n,
		int fd, uint32_t perms, uint64_t *handle)
{
	struct ffa_dev_mem_borrower b = { .fd = fd, .perms = perms };

	return dev_mem_send(self, cmd, p, n, &b, 1, 0, handle);
}

int dev_reclaim(int self, uint64_t handle, uint32_t flags)
{
	struct ffa_dev_reclaim r = {
		.size = sizeof(r), .flags = flags, .handle = handle,
	};

	return dev_ioctl(self, FFA_DEV_IOC_MEM_RECLAIM, &r);
}

int dev_sysfs_text(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n < 0)
		return (int)n;
	buf[n] = 0;
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = 0;
	return 0;
}

long long dev_sysfs_num(const char *path)
{
	char buf[64], *end;
	long long v;
	int rc = dev_sysfs_text(path, buf, sizeof(buf));

	if (rc)
		return rc;
	errno = 0;
	v = strtoll(buf, &end, 0);
	if (errno || end == buf || *end)
		return -EINVAL;
	return v;
}

long long dev_counter(const char *name)
{
	char path[128];

	snprintf(path, sizeof(path), SYS_CLASS "/self/%s", name);
	return dev_sysfs_num(path);
}

/* Check every 20 ms; the orphans' retry period is about a second. */
#define DEV_WAIT_STEP_MS	20

long long dev_counter_wait(const char *name, long long want)
{
	long long v = dev_counter(name);
	int ms;

	for (ms = 0; v != want && ms < DEV_WAIT_MS; ms += DEV_WAIT_STEP_MS) {
		poll(NULL, 0, DEV_WAIT_STEP_MS);
		v = dev_counter(name);
	}
	return v;
}

static long long vmstat(const char *name)
{
	char line[128];
	size_t len = strlen(name);
	long long v = -ENOENT;
	FILE *f = fopen("/proc/vmstat", "re");

	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, name, len) && line[len] == ' ') {
			v = strtoll(line + len + 1, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

long long dev_pins(void)
{
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	if (write(fd, "1", 1) != 1) {
		close(fd);
		return -EIO;
	}
	close(fd);
	return vmstat("nr_foll_pin_acquired") - vmstat("nr_foll_pin_released");
}

long long dev_pins_wait(long long want)
{
	long long v = dev_pins();
	int ms;

	for (ms = 0; v != want && ms < DEV_WAIT_MS; ms += DEV_WAIT_STEP_MS) {
		poll(NULL, 0, DEV_WAIT_STEP_MS);
		v = dev_pins();
	}
	return v;
}

void dev_counts(struct dev_counts *c)
{
	c->shares = dev_counter("shares");
	c->orphans = dev_counter("orphans");
	c->pinned = dev_counter("pinned_pages");
	c->donated = dev_counter("donated_pages");
	c->pins = dev_pins();
}
