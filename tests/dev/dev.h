/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/dev: what the in-guest programs share. Each program is one area
 * of /dev/ffa (info, msg, notif, mem, errno, life, large, claim), built
 * on the kernel's kselftest harness, talking to the raw UAPI
 * (<linux/ffa_dev.h>) so that every errno is the kernel's own.
 *
 * Helpers return 0 (or a count) or a negative errno, so that a test
 * reads ASSERT_EQ(-EINVAL, dev_mem_send(...)).
 */
#ifndef TESTS_DEV_H
#define TESTS_DEV_H

#include <stddef.h>
#include <stdint.h>

#include <linux/ffa_dev.h>
#include <partitions/test_proto.h>

/* The bench's partitions (partitions/manifests/) and their nodes. */
#define ID_TEST		0x8001
#define ID_ECHO		0x8002
#define ID_TWIN_A	0x8003
#define ID_TWIN_B	0x8004

#define DEV_DIR		"/dev/ffa"
#define DEV_SELF	DEV_DIR "/self"
#define DEV_TEST	DEV_DIR "/" TP_UUID_TEST
#define DEV_ECHO	DEV_DIR "/" TP_UUID_ECHO
#define DEV_TWIN_A	DEV_DIR "/" TP_UUID_TWIN ".8003"
#define DEV_TWIN_B	DEV_DIR "/" TP_UUID_TWIN ".8004"
#define SYS_CLASS	"/sys/class/ffa"

/* The version the bench's v1.2 manager and our driver settle on. */
#define DEV_VERSION_1_2	0x10002U

/* A partition's FF-A status (w[0] of the test partition's answers). */
#define TP_OK		0
#define TP_DENIED	(-6)

/* How long a test waits for something the kernel does later. */
#define DEV_WAIT_MS	10000

/* open(path, O_RDWR | O_CLOEXEC | extra): the fd or -errno. */
int dev_open(const char *path, int extra);
/* An ioctl: 0 (or its non-negative result) or -errno. */
int dev_ioctl(int fd, unsigned long cmd, void *arg);
/* FFA_DEV_IOC_INFO into *info: 0 or -errno. */
int dev_info(int fd, struct ffa_dev_info *info);
/*
 * This kernel's FF-A ID (0 is valid: the bench's host), from self's INFO;
 * -errno when self cannot be read.
 */
int dev_self_id(void);

/* Text UUID to its 16 bytes (text order): 0 or -EINVAL. */
int dev_uuid_parse(const char *text, uint8_t uuid[16]);

/* FNV-1a 64 of n bytes, as the test partition computes it. */
uint64_t dev_fnv(const void *p, size_t n);
/* Fill n bytes with a pattern that depends on seed and the offset. */
void dev_fill(void *p, size_t n, uint64_t seed);
/* True when all n bytes are b. */
int dev_all(const void *p, size_t n, uint8_t b);

/* The kernel's page size. */
size_t dev_page(void);
/*
 * n bytes of fresh anonymous memory, page aligned, written (so present),
 * MADV_DONTFORK when dontfork (LEND and DONATE require it); NULL on
 * failure. dev_free() unmaps it.
 */
void *dev_buf(size_t n, int dontfork);
void dev_free(void *p, size_t n);
/* The address of a page that is not mapped (NULL on failure). */
void *dev_hole(void);

/*
 * A direct request (64-bit) to the partition behind fd: w[] in, its
 * answer out. 0 or the ioctl's -errno; w[0] is then the partition's
 * status for the test partition's protocol.
 */
int dev_direct(int fd, uint64_t w[5]);
/*
 * The test partition's command w[0] with w[1..4]: its status (w[0] of
 * the answer, the results in w[1..4]), or TP_IOCTL_FAILED - errno when
 * the ioctl itself failed (no FF-A status is that low).
 */
#define TP_IOCTL_FAILED	(-1000)
int64_t tp_cmd(int fd, uint64_t w[5]);

/*
 * TP_CMD_MEM_RETRIEVE of handle (owner: this kernel) by the partition
 * behind fd, with TP_MEM_* flags: its status; *sum and *pages (4 KiB
 * pages) when not NULL.
 */
int64_t tp_retrieve(int fd, uint64_t handle, uint64_t tag, uint32_t flags,
		    uint64_t *sum, uint64_t *pages);
int64_t tp_relinquish(int fd, uint64_t handle);

/*
 * A memory transaction (cmd FFA_DEV_IOC_MEM_SHARE, _LEND, _DONATE) of
 * [p, p + n) to nr borrowers: 0 and *handle, or -errno.
 */
int dev_mem_send(int self, unsigned long cmd, const void *p, size_t n,
		 const struct ffa_dev_mem_borrower *b, uint32_t nr,
		 uint64_t tag, uint64_t *handle);
/* The same to one borrower fd with perms. */
int dev_mem_one(int self, unsigned long cmd, const void *p, size_t n,
		int fd, uint32_t perms, uint64_t *handle);
int dev_reclaim(int self, uint64_t handle, uint32_t flags);

/* A number from a sysfs file (decimal or 0x hex): the value or -errno. */
long long dev_sysfs_num(const char *path);
/* A text sysfs file, its last newline removed: 0 or -errno. */
int dev_sysfs_text(const char *path, char *buf, size_t len);
/* Self's counter name (/sys/class/ffa/self/NAME). */
long long dev_counter(const char *name);
/* Wait until counter name equals want (DEV_WAIT_MS at most): its value. */
long long dev_counter_wait(const char *name, long long want);
/*
 * Pages pinned system-wide: nr_foll_pin_acquired - _released, after
 * folding every CPU's pending deltas into them (/proc/sys/vm/stat_refresh:
 * /proc/vmstat alone lags by up to a per-CPU threshold).
 */
long long dev_pins(void);
/* Wait until dev_pins() equals want (DEV_WAIT_MS at most): its value. */
long long dev_pins_wait(long long want);

/* Kernel pages in n bytes. */
#define DEV_PAGES(n)	((long long)((n) / dev_page()))
/* FF-A (4 KiB) pages in n bytes. */
#define FFA_PAGES(n)	((uint64_t)(n) / 4096U)

/* A snapshot of what /dev/ffa and the mm hold, to compare after. */
struct dev_counts {
	long long shares, orphans, pinned, donated, pins;
};

void dev_counts(struct dev_counts *c);

#endif /* TESTS_DEV_H */
