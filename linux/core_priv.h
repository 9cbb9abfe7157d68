/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core's state, shared by its files (core.c: bring-up and RX/TX,
 * core_part.c: discovery, core_msg.c: messages). Lib world: users include
 * core.h only and never see the buffers or the conduit.
 */
#ifndef FFA_DRV_CORE_PRIV_H
#define FFA_DRV_CORE_PRIV_H

#include <linux/mutex.h>
#include <linux/types.h>

#include <libffa/client.h>
#include <libffa/regs.h>

#include "core.h"

struct ffa_core {
	struct ffa_conduit conduit;
	u32 version;		/* negotiated */
	u16 own_id;
	/*
	 * buf_lock owns rx and tx: held from writing TX or calling an ABI
	 * that fills RX until the answer is read and RX released.
	 */
	struct mutex buf_lock;
	void *rx;
	void *tx;
	u32 buf_size;		/* bytes in each, a multiple of PAGE_SIZE */
};

/* The one instance: FF-A gives a kernel one ID and one RX/TX pair. */
extern struct ffa_core ffa_core;

/*
 * Send req with nr_ranges constituents (total_pages 4 KiB pages) taken
 * from src (core_mem.c): the scatterlist's and the page array's send.
 */
int ffa_core_mem_send_src(const struct ffa_core_mem_req *req,
			  ffa_range_source src, void *ctx, u32 nr_ranges,
			  u32 total_pages, u64 *handle);

/*
 * Framework notifications this kernel fetched (FFA_NOTIFICATION_GET's
 * SPM and hypervisor bitmaps): RX full means an indirect message waits
 * in RX (core_rx.c). Called from the SRI's work.
 */
void ffa_core_rx_fw_notified(u32 fw_bits);

/* Reclaim the shares and lends users left (core_mem.c), at unload. */
void ffa_core_mem_exit(void);

#endif /* FFA_DRV_CORE_PRIV_H */
