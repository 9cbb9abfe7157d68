/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core of our FF-A driver, as its users see it: a neutral header
 * (kernel types and errno values only, neither lib/'s FF-A headers nor
 * <linux/arm_ffa.h>), so that both worlds include it (docs/ARCHITECTURE.md,
 * "The Linux boundary").
 *
 * The core is the one owner of what FF-A gives a kernel once: the
 * conduit, the negotiated version, this kernel's ID and the RX/TX buffer
 * pair. Users (the bus, whose struct ffa_ops serves drivers written for
 * <linux/arm_ffa.h>; /dev/ffa's open files next) hold no buffer and no
 * conduit: they call the functions below, which take the buffer lock
 * themselves and release RX before returning, on every path. No user can
 * therefore leave RX held or see another user's data in TX.
 *
 * Every function returns 0 or a count, or a negative errno; FF-A
 * statuses are turned into errnos by the core (libffa/errno.h).
 */
#ifndef FFA_DRV_CORE_H
#define FFA_DRV_CORE_H

#include <linux/types.h>
#include <linux/uuid.h>

struct page;
struct scatterlist;

/* Words of a direct message: w3-w7/x3-x7, and x4-x17 for REQ2. */
#define FFA_CORE_DIRECT_WORDS	5
#define FFA_CORE_DIRECT2_WORDS	14

/* A partition as the manager describes it. */
struct ffa_core_part {
	u16 id;
	u16 exec_ctx_count;
	u32 properties;		/* FF-A partition properties, as reported */
	uuid_t uuid;		/* Nil in a v1.0 manager's answer */
};

/*
 * A user of the core that may claim partitions: one per component (the
 * bus) or per open file (/dev/ffa). Its address is its identity; name
 * is for logs.
 */
struct ffa_core_user {
	const char *name;
};

/*
 * Bring FF-A up: the conduit (SMCCC >= 1.2), the version, the RX/TX
 * pair, this kernel's ID. -ENODEV, with one log line, when there is no
 * FF-A to talk to. ffa_core_exit() unmaps and frees the pair.
 */
int ffa_core_init(void);
void ffa_core_exit(void);

/*
 * The highest version ffa_core_init() asks for, in FF-A's encoding; 0
 * (the default): the driver's highest. main.c's max_version parameter
 * sets it, to test the v1.0 and v1.1 paths against a v1.2 manager.
 */
extern u32 ffa_core_max_version;

/* The negotiated version, in FF-A's encoding (major << 16 | minor). */
u32 ffa_core_version(void);
/* This kernel's FF-A ID (FFA_ID_GET). */
u16 ffa_core_own_id(void);

/*
 * FFA_PARTITION_INFO_GET for uuid (NULL or Nil: every partition): a
 * kmalloc'ed array in *parts, which the caller kfree()s, and its length
 * as the result (0: no such partition, *parts NULL).
 */
int ffa_core_partitions(const uuid_t *uuid, struct ffa_core_part **parts);

/*
 * Claiming: a partition is driven by one user at a time. The bus claims
 * a partition for the driver it binds to it, and releases it when the
 * driver unbinds; /dev/ffa will claim the partition an open file talks
 * to. A second claim by another user is -EBUSY; claiming again as the
 * owner is a no-op. Claims are advisory for the calls below (upstream's
 * API has none, and a driver may talk to partitions it is not bound
 * to), and exclusive between users.
 */
int ffa_core_claim(u16 id, struct ffa_core_user *user);
void ffa_core_unclaim(u16 id, struct ffa_core_user *user);
/* The user holding id, NULL when unclaimed. */
struct ffa_core_user *ffa_core_claimant(u16 id);

/*
 * A direct request to dst, answered in place: DIRECT_REQ_32 (each word
 * must fit in 32 bits, else -EINVAL) or _64, and REQ2 (v1.2 only, else
 * -EOPNOTSUPP) carrying uuid. An FFA_INTERRUPT or FFA_YIELD on the way
 * is resumed with FFA_RUN until the answer comes.
 */
int ffa_core_direct_req(u16 dst, bool mode_32bit,
			u64 data[FFA_CORE_DIRECT_WORDS]);
int ffa_core_direct_req2(u16 dst, const uuid_t *uuid,
			 u64 data[FFA_CORE_DIRECT2_WORDS]);

/* FFA_MSG_SEND2 of size bytes through TX (v1.1+, else -EOPNOTSUPP). */
int ffa_core_indirect_send(u16 dst, const void *buf, size_t size);
/*
 * The largest size ffa_core_indirect_send() takes: TX (at most FF-A's
 * 4 KiB message) less the negotiated version's header; 0 below v1.1.
 */
u32 ffa_core_indirect_max(void);

/* FFA_RUN of dst's vCPU, resumed through interrupts until it yields. */
int ffa_core_run(u16 dst, u16 vcpu);

/* ---- memory (core_mem.c) ---- */

enum ffa_core_mem_op {
	FFA_CORE_MEM_SHARE,
	FFA_CORE_MEM_LEND,
	FFA_CORE_MEM_DONATE,
};

/* Most borrowers one transaction may name. */
#define FFA_CORE_MEM_MAX_ACCESS	8

/* One borrower: FF-A's memory access permissions descriptor. */
struct ffa_core_mem_access {
	u16 receiver;
	u8 perms;		/* FF-A's bits: data [1:0], instruction [3:2] */
	u8 flags;
	u8 impdef[16];		/* v1.2 only; must be zero below */
};

/*
 * A transaction: the borrowers and the memory, a scatterlist whose
 * entries are 4 KiB aligned and a multiple of 4 KiB long (each entry one
 * constituent; DMA mapping is not involved, sg_phys() is what is sent).
 * Any size: the descriptor is streamed through TX fragment by fragment.
 */
struct ffa_core_mem_req {
	enum ffa_core_mem_op op;
	u32 flags;		/* the descriptor's flags (e.g. zero memory) */
	u64 tag;
	const struct ffa_core_mem_access *access;
	u32 nr_access;
	struct scatterlist *sg;
};

/* Send req; *handle identifies the transaction for the borrowers. */
int ffa_core_mem_send(const struct ffa_core_mem_req *req, u64 *handle);
/*
 * Send req (its sg unused) from count pages: each physically contiguous
 * run one constituent, found as the descriptor is streamed (core_pages.c).
 */
int ffa_core_mem_send_pages(const struct ffa_core_mem_req *req,
			    struct page **pages, size_t count, u64 *handle);
/* FFA_MEM_RECLAIM of handle (flags: FF-A's reclaim flags). */
int ffa_core_mem_reclaim(u64 handle, u32 flags);

/* ---- indirect messages received (core_rx.c) ---- */

/*
 * cb gets each message sender sends this kernel (payload valid during
 * the call), from the SRI's work; one callback per sender (-EBUSY).
 * After unregister returns, cb is not running and is never called.
 */
typedef void (*ffa_core_msg_cb)(u16 sender, const void *payload,
				size_t size, void *data);
int ffa_core_msg_register(u16 sender, ffa_core_msg_cb cb, void *data);
void ffa_core_msg_unregister(u16 sender);
/*
 * The catch-all receiver (/dev/ffa's): cb gets every message whose sender
 * has no callback of its own. One at a time (-EBUSY); unregister, like
 * ffa_core_msg_unregister(), returns once cb is not running.
 */
int ffa_core_msg_register_any(ffa_core_msg_cb cb, void *data);
void ffa_core_msg_unregister_any(void);

/* ---- notifications (core_notif.c, notif_irq.c) ---- */

/*
 * What the core reports when the schedule receiver interrupt says that
 * notifications are pending: a partition to schedule (its vCPU when
 * per_vcpu), or this kernel's own notifications, fetched with
 * FFA_NOTIFICATION_GET (bitmaps from partitions and from VMs). Called
 * from a workqueue; one set of hooks, the bus's.
 */
struct ffa_core_notif_hooks {
	void (*schedule)(u16 part, u16 vcpu, bool per_vcpu);
	void (*notified)(u64 from_sp, u64 from_vm);
};

/*
 * Set up the receive side: the bitmap if the manager wants one, and the
 * SRI. 0 also when the manager has no notifications (none will come);
 * ffa_core_notif_exit() undoes it.
 */
int ffa_core_notif_init(const struct ffa_core_notif_hooks *hooks);
void ffa_core_notif_exit(void);

/* Bind or unbind notifications bitmap from sender to this kernel. */
int ffa_core_notif_bind(u16 sender, u64 bitmap, bool per_vcpu);
int ffa_core_notif_unbind(u16 sender, u64 bitmap);
/* Set notifications bitmap of receiver (its vCPU vcpu when per_vcpu). */
int ffa_core_notif_set(u16 receiver, u64 bitmap, bool per_vcpu, u16 vcpu);

#endif /* FFA_DRV_CORE_H */
