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

/* Reclaim the shares and lends users left (core_mem.c), at unload. */
void ffa_core_mem_exit(void);

#endif /* FFA_DRV_CORE_PRIV_H */
