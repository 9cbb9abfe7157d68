/* SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause */
/* share/lend's parts: the arguments, the buffer, the end of the hold. */
#ifndef FFACTL_MEM_H
#define FFACTL_MEM_H

#include <stddef.h>
#include <stdint.h>
#include <ffadev.h>
#include "ffactl.h"

struct mem_args {
	enum ffadev_mem_op op;
	const char *file;
	uint64_t size;
	uint64_t tag;
	uint32_t flags;
	int hold;
	int nr_to;
	char to[FFA_DEV_MEM_MAX_BORROWERS][256];
	uint32_t perms[FFA_DEV_MEM_MAX_BORROWERS];
};

struct mem_buf {
	void *buf;
	size_t len;		/* whole pages */
	uint64_t fnv;		/* tp_fnv() of all len bytes */
};

/* The buffer: the file's bytes or the pattern, and its checksum. */
int mem_fill(struct ctl *c, const struct mem_args *a, struct mem_buf *m);
/* Reclaim now, or hold until stdin, a signal or ffactl reclaim says so. */
int mem_end(struct ctl *c, int self, uint64_t handle, int hold);
/* The hold (hold.c): the result of the reclaim that ended it. */
int mem_hold(struct ctl *c, int self, uint64_t handle);

/* ---- the hold FIFOs (hold_fifo.c) ---- */

/* Listen for handle's requests: the fd, its path in path; or -errno. */
int hold_fifo_listen(uint64_t handle, char *path, size_t cap);
/* Stop listening and remove the FIFO (fd < 0: nothing to close). */
void hold_fifo_close(int fd, const char *path);
/*
 * Read one request: the asker's reply FIFO, to answer with
 * hold_fifo_answer(); -EAGAIN when the request was bad or its asker
 * gone (dropped; the asker times out); or -errno.
 */
int hold_fifo_accept(int lfd, uint64_t handle, uint32_t *flags);
/* Answer err (0 or -errno) and close the reply FIFO. */
int hold_fifo_answer(int conn, int err);
/*
 * Ask handle's holder to reclaim with flags: 0 and its answer (0 or
 * -errno) in *answer; -ENOENT when nobody holds it; -EPROTO for an
 * answer that is not one; -ETIMEDOUT; or the FIFOs' -errno.
 */
int hold_fifo_ask(uint64_t handle, uint32_t flags, int *answer);

#endif /* FFACTL_MEM_H */
