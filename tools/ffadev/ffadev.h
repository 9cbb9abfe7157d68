/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/*
 * libffadev: a small C library over /dev/ffa (<linux/ffa_dev.h>), the
 * FF-A partitions of this machine as files. docs/ffactl.md is the guide;
 * docs/userspace.md describes the nodes and the ioctls underneath.
 *
 * Every function that can fail returns 0 (or a count, or a file
 * descriptor) on success and a negative errno on failure; errno itself
 * is left as the failing call set it. ffadev_strerror() explains an
 * error in /dev/ffa's terms.
 */
#ifndef FFADEV_H
#define FFADEV_H

#include <stddef.h>
#include <stdint.h>
#include <linux/ffa_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FFADEV_DEV_DIR		"/dev/ffa"
#define FFADEV_SYSFS_DIR	"/sys/class/ffa"
#define FFADEV_SELF		"self"

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" and its NUL. */
#define FFADEV_UUID_STR_LEN	37
/* A node name: a UUID, a dot and four hex digits, and the NUL. */
#define FFADEV_NAME_LEN		(FFADEV_UUID_STR_LEN + 5)

struct ffadev_uuid {
	uint8_t b[16];		/* in text order, as the UAPI has it */
};

/* 0, or -EINVAL when s is not exactly a UUID (either case of hex). */
int ffadev_uuid_parse(const char *s, struct ffadev_uuid *out);
/* Lowercase text, FFADEV_UUID_STR_LEN bytes with the NUL. */
void ffadev_uuid_format(const struct ffadev_uuid *u, char *buf);
int ffadev_uuid_is_nil(const struct ffadev_uuid *u);

/* ---- listing: /sys/class/ffa ---- */

/* Who holds a partition (its claimed_by attribute). */
enum ffadev_claim {
	FFADEV_CLAIM_NONE,	/* "none": free */
	FFADEV_CLAIM_DEV,	/* "dev": /dev/ffa has it open */
	FFADEV_CLAIM_BUS,	/* "bus": a kernel driver is bound (EPERM) */
	FFADEV_CLAIM_UNKNOWN,	/* anything else */
};

struct ffadev_part {
	char name[FFADEV_NAME_LEN];	/* node name under /dev/ffa */
	uint16_t id;
	uint16_t exec_ctx_count;
	uint32_t properties;
	struct ffadev_uuid uuid;
	enum ffadev_claim claimed_by;
};

/* The self node's attributes. */
struct ffadev_self {
	uint16_t id;
	uint32_t version;		/* major << 16 | minor */
	uint64_t shares;
	uint64_t orphans;
	uint64_t pinned_pages;
	uint64_t donated_pages;
	uint64_t msgs_dropped;
};

/*
 * The partitions (self excluded), sorted by ID, into parts[max]. Returns
 * how many exist (which may exceed max: only max are written), or
 * -ENOENT when /sys/class/ffa does not exist (ffa.ko not loaded).
 * sysfs_dir NULL means FFADEV_SYSFS_DIR (another root serves tests).
 */
int ffadev_list(const char *sysfs_dir, struct ffadev_part *parts, int max);
int ffadev_self_attrs(const char *sysfs_dir, struct ffadev_self *out);
const char *ffadev_claim_name(enum ffadev_claim c);

/*
 * Find the node of a partition: by UUID (id < 0; -ENOTUNIQ when several
 * partitions share it), by UUID and ID, or by ID alone (uuid NULL).
 * -ENOENT when none matches.
 */
int ffadev_find(const char *sysfs_dir, const struct ffadev_uuid *uuid,
		int id, struct ffadev_part *out);

/* ---- opening: every function returns a file descriptor or -errno ---- */

/* /dev/ffa/self, opened O_NONBLOCK (ffadev_recv() waits in poll()). */
int ffadev_open_self(void);
int ffadev_open_path(const char *path);
int ffadev_open_uuid(const struct ffadev_uuid *uuid);
int ffadev_open_uuid_id(const struct ffadev_uuid *uuid, uint16_t id);
int ffadev_open_id(uint16_t id);
/*
 * PART as a command line names it: a UUID, UUID.ID (ID in hex, as the
 * node names have it), an ID (0x8001, or decimal) or a path (starting
 * with '/'). ffadev_spec_parse() is the pure half: 0 or -EINVAL.
 */
enum ffadev_spec_kind {
	FFADEV_SPEC_UUID,
	FFADEV_SPEC_UUID_ID,
	FFADEV_SPEC_ID,
	FFADEV_SPEC_PATH,
};

struct ffadev_spec {
	enum ffadev_spec_kind kind;
	struct ffadev_uuid uuid;	/* UUID, UUID_ID */
	uint16_t id;			/* UUID_ID, ID */
	const char *path;		/* PATH: the string given */
};

int ffadev_spec_parse(const char *s, struct ffadev_spec *out);
int ffadev_open_spec(const char *spec);
int ffadev_close(int fd);

/* ---- any node ---- */

int ffadev_info(int fd, struct ffa_dev_info *out);

/* ---- partition nodes: messages and notifications ---- */

/* w[5]: w3-w7 (is32: DIRECT_REQ_32) out, the response's back. */
int ffadev_direct(int fd, int is32, uint64_t w[5]);
/* x[14]: x4-x17 out and back; uuid NULL is the Nil UUID. */
int ffadev_direct2(int fd, const struct ffadev_uuid *uuid, uint64_t x[14]);
/* One indirect message (MSG_SEND2) of len bytes. */
int ffadev_send(int fd, const void *buf, size_t len);
int ffadev_notif_bind(int fd, uint64_t bitmap);
int ffadev_notif_unbind(int fd, uint64_t bitmap);
int ffadev_notif_set(int fd, uint64_t bitmap);
/* The same, to the partition's vCPU vcpu (FFA_DEV_NOTIF_PER_VCPU). */
int ffadev_notif_set_vcpu(int fd, uint64_t bitmap, uint16_t vcpu);

/* ---- self: messages, notifications received ---- */

/*
 * Wait up to timeout_ms (< 0: for ever, 0: not at all) for one indirect
 * message addressed to us and read it: header into *hdr, payload into
 * buf[cap]. Returns the payload size, -ETIMEDOUT when none came,
 * -EMSGSIZE when cap is too small (the message stays queued).
 */
int ffadev_recv(int self_fd, struct ffa_dev_msg_hdr *hdr, void *buf,
		size_t cap, int timeout_ms);
/*
 * Wait up to timeout_ms (< 0: for ever) for events (POLLIN: a message,
 * POLLPRI: notifications pending) on fd: the events that came, or
 * -ETIMEDOUT. Signals do not end the wait early.
 */
int ffadev_wait(int fd, short events, int timeout_ms);
/* The notifications pending (cleared by the call). */
int ffadev_notif_get(int self_fd, uint64_t *from_sp, uint64_t *from_vm);

/* ---- self: memory ---- */

enum ffadev_mem_op {
	FFADEV_SHARE,
	FFADEV_LEND,
	FFADEV_DONATE,
};

struct ffadev_borrower {
	int fd;			/* an open partition node */
	uint32_t perms;		/* FFA_DEV_MEM_READ | _WRITE | _EXEC */
};

/*
 * Give [buf, buf + len) (page aligned, len a multiple of the page size)
 * to n borrowers. For LEND and DONATE the range is first marked
 * MADV_DONTFORK, which the kernel requires (a fork must not copy pages
 * the process can no longer read), and MADV_DONTDUMP (a core dump must
 * not make the kernel read them); both marks stay after the reclaim.
 * flags: FFA_DEV_MEM_CLEAR. The
 * transaction lives until ffadev_reclaim() or the close of self_fd.
 */
int ffadev_mem_give(int self_fd, enum ffadev_mem_op op, void *buf,
		    size_t len, const struct ffadev_borrower *to, unsigned int n,
		    uint32_t flags, uint64_t tag, uint64_t *handle);
int ffadev_reclaim(int self_fd, uint64_t handle, uint32_t flags);

/*
 * A page-aligned, zeroed anonymous buffer of at least len bytes (rounded
 * up to the page size, stored in *alloc_len), or NULL with errno set.
 */
void *ffadev_buf_alloc(size_t len, size_t *alloc_len);
void ffadev_buf_free(void *buf, size_t alloc_len);

/* ---- errors ---- */

/* A sentence for -err (or err) in /dev/ffa's terms; never NULL. */
const char *ffadev_strerror(int err);
/* "EINVAL" for -EINVAL, or "E?" */
const char *ffadev_errname(int err);

#ifdef __cplusplus
}
#endif

#endif /* FFADEV_H */
