/* SPDX-License-Identifier: BSD-3-Clause */
/* What every example partition does the same way. */
#ifndef PARTITIONS_COMMON_H
#define PARTITIONS_COMMON_H

#include <libffa/client.h>
#include <libffa/env.h>

/* A partition's view of itself, kept on its own stack. */
struct pt_self {
	const struct ffa_env *env;
	const struct ffa_conduit *c;
	uint32_t version;	/* negotiated */
	uint16_t id;
	uint16_t spm_id;
	uint64_t tx_addr;	/* first page of its memory */
	uint64_t rx_addr;	/* second page */
	uint8_t *tx;
	uint8_t *rx;
};

#define PT_MAILBOX_PAGES	1U
#define PT_MAILBOX_SIZE		(PT_MAILBOX_PAGES * FFA_PAGE_SIZE)
/* Working memory starts after TX and RX. */
#define PT_WORK_OFFSET		(2U * PT_MAILBOX_SIZE)

/*
 * Negotiate the version, learn the IDs and map TX/RX at the start of the
 * partition's memory. Returns 0 or the failing call's status.
 */
int pt_init(struct pt_self *self, const struct ffa_env *env);

/* A response skeleton for req: from self back to its sender. */
void pt_resp_init(const struct pt_self *self, const struct ffa_direct_msg *req,
		  struct ffa_direct_msg *resp);

/*
 * Answer req with resp (direct or REQ2 as the event was) and wait for the
 * next message, which lands in *ev. An SMC32 request gets each result
 * word's low 32 bits.
 */
void pt_answer(const struct pt_self *self, struct ffa_event *ev,
	       struct ffa_direct_msg *resp);

/*
 * Wait for the next message. false when even waiting is refused: the
 * partition is lost and its entry should return (the runtime then stops
 * it and its callers get ABORTED).
 */
bool pt_wait(const struct pt_self *self, struct ffa_event *ev);

#endif /* PARTITIONS_COMMON_H */
