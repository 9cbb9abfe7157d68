/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/ffa_more.h>: what our FF-A driver (ffa.ko, the ffa project's
 * linux/) offers beyond Linux 6.12's <linux/arm_ffa.h>, for kernel
 * drivers that want more than the drop-in API:
 *
 *  - DIRECT_REQ2 (FF-A v1.2, when the manager speaks it: 14 words and a
 *    service UUID);
 *  - memory transactions of any size (SHARE, LEND, DONATE), with up to
 *    FFA_MORE_MAX_BORROWERS borrowers each, from a scatterlist or from
 *    an array of pages; the descriptor is streamed through the TX buffer
 *    fragment by fragment, nothing is copied or allocated per page;
 *  - receiving indirect messages (a partition's FFA_MSG_SEND2 to this
 *    kernel), delivered to a callback registered per sender.
 *
 * Neutral on purpose (kernel types only, neither <linux/arm_ffa.h> nor
 * the ffa project's <ffa/...> headers), so that a driver of either world
 * may include it (docs/ARCHITECTURE.md, "The Linux boundary"). The name
 * cannot collide with the project's own include/ffa/. Build against it
 * with -I<repo>/linux/include; the symbols are ffa.ko's, GPL only.
 *
 * Every function returns 0 (or a count) or a negative errno; the FF-A
 * statuses map to errnos as: NOT_SUPPORTED -EOPNOTSUPP,
 * INVALID_PARAMETERS -EINVAL, NO_MEMORY -ENOMEM, BUSY -EBUSY, DENIED
 * -EACCES, ABORTED -ECANCELED, NO_DATA -ENODATA, anything else -EPROTO.
 */
#ifndef LINUX_FFA_MORE_H
#define LINUX_FFA_MORE_H

#include <linux/types.h>
#include <linux/uuid.h>

struct page;
struct scatterlist;

/* FF-A's version encoding (major << 16 | minor). */
#define FFA_MORE_VERSION_1_2	0x10002U

/* The version ffa.ko negotiated, and this kernel's FF-A ID. */
u32 ffa_more_version(void);
u16 ffa_more_own_id(void);

/* ---- messages ---- */

#define FFA_MORE_REQ_WORDS	5	/* DIRECT_REQ: x3-x7 */
#define FFA_MORE_REQ2_WORDS	14	/* DIRECT_REQ2: x4-x17 */

/*
 * A direct request to partition dst, the answer in place of data.
 * mode_32bit: DIRECT_REQ_32 (each word must fit, else -EINVAL), else
 * _64. Safe from any CPU at once; a partition busy with another CPU's
 * request answers -EBUSY (retry).
 */
int ffa_more_direct_req(u16 dst, bool mode_32bit,
			u64 data[FFA_MORE_REQ_WORDS]);
/* DIRECT_REQ2 for the service uuid (NULL: the Nil UUID); v1.2 only, else -EOPNOTSUPP. */
int ffa_more_direct_req2(u16 dst, const uuid_t *uuid,
			 u64 data[FFA_MORE_REQ2_WORDS]);

/* FFA_MSG_SEND2 of size bytes to dst (v1.1+, else -EOPNOTSUPP). */
int ffa_more_msg_send(u16 dst, const void *buf, size_t size);

/*
 * Receiving indirect messages: cb is called for each message sender
 * sends this kernel, with the payload (valid during the call only),
 * from a workqueue (it may sleep and make FF-A calls, but must not
 * register or unregister a callback). A message from a sender without
 * a callback is dropped with a log line: its RX buffer is released
 * either way. -EBUSY when sender has a callback already, -ENOSPC when
 * 16 senders have one; -EOPNOTSUPP below v1.1 (no MSG_SEND2). Messages
 * come only if the manager raises the schedule receiver interrupt.
 */
typedef void (*ffa_more_msg_cb)(u16 sender, const void *payload, size_t size,
				void *data);
int ffa_more_msg_register(u16 sender, ffa_more_msg_cb cb, void *data);
/* After it returns, cb is not running and will not be called again. */
void ffa_more_msg_unregister(u16 sender);

/* ---- memory ---- */

enum ffa_more_mem_op {
	FFA_MORE_MEM_SHARE,
	FFA_MORE_MEM_LEND,
	FFA_MORE_MEM_DONATE,
};

#define FFA_MORE_MAX_BORROWERS	8

/* A borrower's permissions: FF-A's bits (a DONATE leaves them 0). */
#define FFA_MORE_DATA_RO	0x1
#define FFA_MORE_DATA_RW	0x2
#define FFA_MORE_INSTR_NX	0x4
#define FFA_MORE_INSTR_X	0x8

struct ffa_more_borrower {
	u16 id;
	u8 perms;		/* FFA_MORE_DATA_* | FFA_MORE_INSTR_* */
	u8 flags;		/* FF-A's access flags, usually 0 */
};

/* Descriptor flags (FF-A's): clear the memory, time slicing... */
#define FFA_MORE_MEM_CLEAR	0x1

struct ffa_more_mem {
	enum ffa_more_mem_op op;
	u32 flags;		/* FFA_MORE_MEM_* */
	u64 tag;
	const struct ffa_more_borrower *borrowers;
	u32 nr_borrowers;	/* 1 to FFA_MORE_MAX_BORROWERS */
};

/*
 * Send memory from a scatterlist: each entry 4 KiB aligned and a
 * multiple of 4 KiB long, one constituent each (sg_phys() is sent; no
 * DMA mapping is involved). *handle names the transaction for the
 * borrowers and for ffa_more_mem_reclaim().
 */
int ffa_more_mem_send_sg(const struct ffa_more_mem *m, struct scatterlist *sg,
			 u64 *handle);
/*
 * Send count pages from an array: physically contiguous runs of the
 * array become one constituent each, found in one pass as the
 * descriptor is streamed (no copy, no allocation, whatever count).
 */
int ffa_more_mem_send_pages(const struct ffa_more_mem *m, struct page **pages,
			    size_t count, u64 *handle);
/*
 * Take back a SHARE or LEND. Shares and lends not reclaimed when ffa.ko
 * unloads are reclaimed then (a user cannot outlive ffa.ko: it uses its
 * symbols). A DONATE is not the sender's any more: never reclaimable.
 */
int ffa_more_mem_reclaim(u64 handle);

#endif /* LINUX_FFA_MORE_H */
