/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Partition information as a caller sees it, whatever descriptor size the
 * manager used. Iteration steps by the size the manager reported, after
 * checking that count x size fits in the buffer.
 */
#ifndef LIBFFA_PARTINFO_H
#define LIBFFA_PARTINFO_H

#include <ffa/types.h>
#include "regs.h"
#include "uuid.h"

struct ffa_partition {
	uint16_t id;
	uint16_t exec_ctx_count;
	uint32_t properties;
	struct ffa_uuid uuid;	/* Nil for v1.0 descriptors */
};

/* Descriptors sitting in an RX buffer after FFA_PARTITION_INFO_GET. */
struct ffa_partinfo_iter {
	const uint8_t *buf;
	uint32_t count;
	uint32_t desc_size;
	uint32_t next;
};

/*
 * Check the manager's count and descriptor size against the buffer:
 * desc_size must be at least 8 (v1.0 caller) or 24 (v1.1+ caller), and
 * count x desc_size must fit in buf_size. Returns 0 or FFA_EPROTO.
 */
int ffa_partinfo_iter_init(struct ffa_partinfo_iter *it, const void *buf,
			   size_t buf_size, uint32_t count, uint32_t desc_size,
			   uint32_t caller_version);
/* Next descriptor: true while one was produced. */
bool ffa_partinfo_next(struct ffa_partinfo_iter *it, struct ffa_partition *p);

/* Manager side: write one descriptor in the layout of caller_version. */
uint32_t ffa_partinfo_desc_size(uint32_t caller_version);
void ffa_partinfo_write(void *dst, const struct ffa_partition *p,
			uint32_t caller_version, bool with_uuid);

/* FFA_PARTITION_INFO_GET_REGS results (x2 and x3..x17). */
struct ffa_partinfo_regs {
	uint16_t last_index;
	uint16_t current_index;
	uint16_t tag;
	uint16_t desc_size;
	uint64_t x[15];
};

/* Decode the result registers; checks the index fields (FFA_EPROTO). */
int ffa_partinfo_regs_decode(const struct ffa_regs *r, uint16_t start,
			     struct ffa_partinfo_regs *out);
/* Entries in this reply: current_index - start + 1. */
uint32_t ffa_partinfo_regs_count(const struct ffa_partinfo_regs *pr,
				 uint16_t start);
void ffa_partinfo_regs_entry(const struct ffa_partinfo_regs *pr, uint32_t i,
			     struct ffa_partition *p);
/* Manager side: pack entry i (0..4) into x[3+3i .. 5+3i]. */
void ffa_partinfo_regs_pack(struct ffa_regs *r, uint32_t i,
			    const struct ffa_partition *p);

#endif /* LIBFFA_PARTINFO_H */
