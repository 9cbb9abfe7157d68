/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * /dev/ffa: FF-A partitions as files (ffa.ko). docs/userspace.md is the
 * guide: the nodes, every ioctl, the errno table, the lifetime rules.
 *
 *   /dev/ffa/self           this kernel's endpoint: memory transactions
 *                           (SHARE, LEND, DONATE of a user buffer,
 *                           RECLAIM), read() of the indirect messages
 *                           sent to us, poll(), notifications received.
 *   /dev/ffa/<uuid>         one node per partition; <uuid>.<id> (the ID
 *                           in 4 hex digits) when several partitions
 *                           share the UUID: messages, notifications.
 *
 * The nodes are root's, mode 0600; /sys/class/ffa/<node>/ describes
 * each. A partition an in-kernel driver is bound to answers open() with
 * EPERM.
 *
 * Every argument starts with size (the caller sets sizeof() of the
 * struct it was built with) and flags (undefined bits must be 0). A
 * future version that grows a struct gets a new ioctl number (the size
 * is part of it) and keeps serving the old one. A size the kernel does
 * not know, or a reserved field or flag bit set, is EINVAL.
 */
#ifndef _UAPI_LINUX_FFA_DEV_H
#define _UAPI_LINUX_FFA_DEV_H

#include <linux/const.h>
#include <linux/ioctl.h>
#include <linux/types.h>

#define FFA_DEV_IOC_MAGIC	0xFA

/* ---- any node ---- */

/*
 * FFA_DEV_IOC_INFO: the partition behind the node, or for self this
 * kernel's endpoint (id: its ID, exec_ctx_count, properties and uuid 0).
 */
struct ffa_dev_info {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u16 id;		/* out: FF-A ID */
	__u16 exec_ctx_count;	/* out: execution contexts (vCPUs) */
	__u32 properties;	/* out: FF-A partition properties */
	__u8 uuid[16];		/* out: UUID, bytes in text order */
	__u32 version;		/* out: negotiated (major << 16 | minor) */
	__u32 msg_max;		/* out: largest write() payload (MSG_SEND2) */
};

/* ---- partition nodes ---- */

/*
 * FFA_DEV_IOC_DIRECT: a direct request, answered in place. w[] is
 * w3-w7 (FFA_DEV_DIRECT_32BIT: DIRECT_REQ_32, each word must fit in 32
 * bits) or x3-x7 (DIRECT_REQ_64) going out, the response's coming back.
 */
#define FFA_DEV_DIRECT_32BIT	_BITUL(0)

struct ffa_dev_direct {
	__u32 size;
	__u32 flags;		/* FFA_DEV_DIRECT_* */
	__u64 w[5];
};

/*
 * FFA_DEV_IOC_DIRECT2: FFA_MSG_SEND_DIRECT_REQ2 (FF-A v1.2): uuid (bytes
 * in text order; all zero: the Nil UUID) names the service, x[] is
 * x4-x17 going out and the response's coming back.
 */
struct ffa_dev_direct2 {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u8 uuid[16];
	__u64 x[14];
};

/*
 * FFA_DEV_IOC_NOTIF_BIND, _UNBIND: bind (unbind) the notifications of
 * bitmap from this partition to this kernel; they are then reported on
 * self (FFA_DEV_IOC_NOTIF_GET, poll()). Bindings made through a file are
 * undone when it is closed. FFA_DEV_IOC_NOTIF_SET: signal the
 * notifications of bitmap to this partition (with FFA_DEV_NOTIF_PER_VCPU,
 * to its vCPU vcpu).
 */
#define FFA_DEV_NOTIF_PER_VCPU	_BITUL(0)

struct ffa_dev_notif {
	__u32 size;
	__u32 flags;		/* FFA_DEV_NOTIF_* */
	__u64 bitmap;
	__u16 vcpu;
	__u16 reserved[3];	/* in: 0 */
};

/*
 * write() on a partition node: one indirect message (FFA_MSG_SEND2) of
 * 1 to msg_max (FFA_DEV_IOC_INFO) bytes; more is E2BIG.
 */

/* ---- self ---- */

/*
 * FFA_DEV_IOC_MEM_SHARE, _LEND, _DONATE: [addr, addr + length) of the
 * caller's memory (page aligned, length a non-zero multiple of the page
 * size, at most FFA_DEV_MEM_MAX_LENGTH) to nr_borrowers borrowers, each
 * an open partition node, none twice. The pages stay pinned until the
 * transaction is reclaimed (docs/userspace.md, "Lifetime"); handle is
 * what the borrowers retrieve.
 */
#define FFA_DEV_MEM_MAX_BORROWERS	8
#define FFA_DEV_MEM_MAX_LENGTH		_BITULL(30)

/*
 * A borrower's access: READ is required, WRITE optional; DONATE takes 0
 * (all). EXEC is refused (EINVAL): a sender may not state instruction
 * access (docs/userspace-memory.md, "Permissions").
 */
#define FFA_DEV_MEM_READ	_BITUL(0)
#define FFA_DEV_MEM_WRITE	_BITUL(1)
#define FFA_DEV_MEM_EXEC	_BITUL(2)

struct ffa_dev_mem_borrower {
	__s32 fd;		/* an open partition node */
	__u32 perms;		/* FFA_DEV_MEM_READ | _WRITE | _EXEC */
	__u32 flags;		/* in: 0 */
	__u32 reserved;		/* in: 0 */
};

/* Memory attributes: what Linux maps user memory as (the only choice). */
#define FFA_DEV_MEM_ATTR_DEFAULT	0	/* Normal, Write-Back, Inner Shareable */

/* Transaction flags. */
#define FFA_DEV_MEM_CLEAR	_BITUL(0)	/* zero it before retrieval (LEND, DONATE) */

struct ffa_dev_mem {
	__u32 size;
	__u32 flags;		/* FFA_DEV_MEM_CLEAR */
	__u64 addr;
	__u64 length;
	__u64 borrowers;	/* user pointer to ffa_dev_mem_borrower[] */
	__u32 nr_borrowers;	/* 1 to FFA_DEV_MEM_MAX_BORROWERS; DONATE: 1 */
	__u32 attrs;		/* FFA_DEV_MEM_ATTR_* */
	__u64 tag;		/* the transaction's tag, for the borrowers */
	__u64 handle;		/* out */
};

/*
 * FFA_DEV_IOC_MEM_RECLAIM: take back a transaction this file made
 * (FFA_DEV_MEM_RECLAIM_CLEAR: zeroed). The pages are unpinned on success.
 */
#define FFA_DEV_MEM_RECLAIM_CLEAR	_BITUL(0)

struct ffa_dev_reclaim {
	__u32 size;
	__u32 flags;		/* FFA_DEV_MEM_RECLAIM_* */
	__u64 handle;
};

/*
 * FFA_DEV_IOC_NOTIF_GET: the notifications received since the last call
 * (bound through any partition node), which it clears: from partitions
 * and from VMs.
 */
struct ffa_dev_notif_get {
	__u32 size;
	__u32 flags;		/* in: 0 */
	__u64 from_sp;		/* out */
	__u64 from_vm;		/* out */
};

/*
 * read() on self: one indirect message per call, this header then its
 * payload; a buffer too small for both is EMSGSIZE (the message stays).
 * poll(): EPOLLIN when a message is waiting, EPOLLPRI when notifications
 * are pending.
 */
struct ffa_dev_msg_hdr {
	__u16 sender;
	__u16 receiver;
	__u32 size;		/* of the payload that follows */
};

#define FFA_DEV_IOC_INFO	_IOWR(FFA_DEV_IOC_MAGIC, 0x00, struct ffa_dev_info)
#define FFA_DEV_IOC_DIRECT	_IOWR(FFA_DEV_IOC_MAGIC, 0x01, struct ffa_dev_direct)
#define FFA_DEV_IOC_DIRECT2	_IOWR(FFA_DEV_IOC_MAGIC, 0x02, struct ffa_dev_direct2)
#define FFA_DEV_IOC_NOTIF_BIND	_IOW(FFA_DEV_IOC_MAGIC, 0x03, struct ffa_dev_notif)
#define FFA_DEV_IOC_NOTIF_UNBIND _IOW(FFA_DEV_IOC_MAGIC, 0x04, struct ffa_dev_notif)
#define FFA_DEV_IOC_NOTIF_SET	_IOW(FFA_DEV_IOC_MAGIC, 0x05, struct ffa_dev_notif)
#define FFA_DEV_IOC_MEM_SHARE	_IOWR(FFA_DEV_IOC_MAGIC, 0x10, struct ffa_dev_mem)
#define FFA_DEV_IOC_MEM_LEND	_IOWR(FFA_DEV_IOC_MAGIC, 0x11, struct ffa_dev_mem)
#define FFA_DEV_IOC_MEM_DONATE	_IOWR(FFA_DEV_IOC_MAGIC, 0x12, struct ffa_dev_mem)
#define FFA_DEV_IOC_MEM_RECLAIM	_IOW(FFA_DEV_IOC_MAGIC, 0x13, struct ffa_dev_reclaim)
#define FFA_DEV_IOC_NOTIF_GET	_IOWR(FFA_DEV_IOC_MAGIC, 0x14, struct ffa_dev_notif_get)

#endif /* _UAPI_LINUX_FFA_DEV_H */
