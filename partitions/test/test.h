/* SPDX-License-Identifier: BSD-3-Clause */
/* Inside the test partition. */
#ifndef PARTITIONS_TEST_H
#define PARTITIONS_TEST_H

#include <partitions/test_proto.h>
#include "../common/common.h"
#include "fault.h"

struct tp {
	struct pt_self self;
	bool respond_again;	/* TP_BAD_RESPOND_TWICE is armed */
	uint16_t last_requester;
	int last_status;	/* of the deferred misbehaviour */
	struct tp_fault fault;	/* aborts taken at EL1 (fault.c) */
};

/* One command; args are the request's, results go in resp->args. */
void tp_mem_retrieve(struct tp *t, const uint64_t *args,
		     struct ffa_direct_msg *resp);
void tp_mem_relinquish(struct tp *t, const uint64_t *args,
		       struct ffa_direct_msg *resp);
void tp_mem_perm(struct tp *t, const uint64_t *args,
		 struct ffa_direct_msg *resp);
void tp_spin_until(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp);
void tp_notify(struct tp *t, const uint64_t *args,
	       struct ffa_direct_msg *resp);
void tp_notif_bind(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp);
void tp_notif_get(struct tp *t, const uint64_t *args,
		  struct ffa_direct_msg *resp);
void tp_send2(struct tp *t, const uint64_t *args,
	      struct ffa_direct_msg *resp);
void tp_read_rx(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp);
void tp_misbehave(struct tp *t, const struct ffa_direct_msg *req,
		  struct ffa_direct_msg *resp);
/* FP/SIMD and system registers (cmd_fp.c). */
void tp_fp_load(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp);
void tp_fp_sum_cmd(struct tp *t, const uint64_t *args,
		   struct ffa_direct_msg *resp);
void tp_read_sysreg(struct tp *t, const uint64_t *args,
		    struct ffa_direct_msg *resp);
/* Faults (fault.c) and the lender's side (mem_send.c). */
void tp_vectors(struct tp *t, const uint64_t *args,
		struct ffa_direct_msg *resp);
void tp_touch(struct tp *t, const uint64_t *args,
	      struct ffa_direct_msg *resp);
void tp_mem_send(struct tp *t, const uint64_t *args,
		 struct ffa_direct_msg *resp);
void tp_mem_reclaim(struct tp *t, const uint64_t *args,
		    struct ffa_direct_msg *resp);
/* Given cycles by FFA_RUN: carry out a deferred misbehaviour. */
void tp_on_run(struct tp *t);

/* Retrieve a handle (used by tp_mem_retrieve and tp_misbehave). */
struct tp_walk {
	uint64_t handle;
	uint16_t owner;
	uint64_t tag;
	uint32_t flags;		/* TP_MEM_* */
	uint8_t pattern;
	uint64_t checksum;
	uint64_t pages;
	uint32_t ranges;
	uint32_t frags;
	uint64_t first_addr;	/* of the first page */
};

int tp_retrieve(struct tp *t, struct tp_walk *w);
int tp_relinquish(struct tp *t, uint64_t handle);

/* Status as a response word. */
static inline uint64_t tp_status(int status)
{
	return (uint64_t)(int64_t)status;
}

#endif /* PARTITIONS_TEST_H */
