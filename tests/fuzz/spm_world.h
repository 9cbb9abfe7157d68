/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The world fuzz_spm runs in (spm_world.c): the host and three partitions
 * on a fake platform, booted once, every mailbox mapped, restored from a
 * snapshot before each input. Every call goes through call(), which
 * checks the manager's invariants, map_check() and its decision.
 */
#ifndef SPM_WORLD_H
#define SPM_WORLD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <libffa/regs.h>
#include <spm/spm.h>

#include "fake_platform.h"

#define MEM_BASE	FAKE_MEM_BASE
#define MEM_PAGES	512U
#define NR_EPS		4U

#define check(cond)							\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz_spm: %s:%d: %s\n",	\
				__FILE__, __LINE__, #cond);		\
			abort();					\
		}							\
	} while (0)

/* The endpoints, the host first, and their memory (in pages). */
extern const uint16_t ids[NR_EPS];
extern const uint32_t ep_first[NR_EPS];
extern const uint32_t ep_pages[NR_EPS];

extern struct spm spm;
extern struct spm_page pages[MEM_PAGES];

/* How many steps completed each stage of the memory life cycle. */
struct fuzz_stages {
	unsigned long send, frag_send, retrieve, donate_retrieve, frag_rx,
		      relinquish, reclaim;
};
extern struct fuzz_stages stages;

bool in_mem(uint64_t pa, uint64_t len);
/* Index of endpoint ep in ids[], or -1. */
int ep_slot(uint16_t ep);
uint64_t ep_base(unsigned int i);
/* The manager's record of endpoint id (which must exist). */
struct spm_endpoint *ep_rec(uint16_t id);
/* The caller's TX buffer, marked written; its RX buffer, or NULL. */
uint8_t *tx_of(uint16_t caller);
const uint8_t *rx_of(uint16_t caller);

/* Back to the booted state; *ep is the host, which runs. */
void world_restore(uint16_t *ep);
/* The checks after a decision d on a call fid by *ep, which it updates. */
void after_call(uint16_t *ep, const struct spm_decision *d, uint32_t fid);
/* One call as *ep; the decision in *d. False when nothing runs now. */
bool call(uint16_t *ep, const struct ffa_regs *r, struct spm_decision *d);
/* d resumes ep with function fid. */
bool answered(const struct spm_decision *d, uint16_t ep, uint32_t fid);
/* RX_RELEASE, as a borrower does between response fragments. */
bool rx_release(uint16_t *ep);

#endif /* SPM_WORLD_H */
