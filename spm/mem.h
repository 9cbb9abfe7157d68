/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the memory-sharing files (spm/mem_*.c) share among themselves:
 * page ownership (mem_pages.c), the share table and its range pool
 * (mem_table.c), and the steps a send and its fragments have in common
 * (mem_send.c).
 */
#ifndef SPM_MEM_H
#define SPM_MEM_H

#include <libffa/mem_desc.h>
#include <libffa/status.h>
#include "internal.h"

/* Addresses we accept in constituents. */
#define SPM_MEM_ADDR_LIMIT	FFA_MEM_ADDR_LIMIT

/*
 * Not an access: "what the owner had", i.e. the SPM_ACCESS_* each page
 * records for its owner (spm.h, SPM_PAGE_ACCESS_*).
 */
#define SPM_MEM_OWNER_ACCESS	0x100U

/* ---- pages (mem_pages.c) ---- */

/* Index of the page at addr, when [addr, + pages * 4K) is managed. */
bool spm_mem_pages_of(const struct spm *spm, uint64_t addr, uint64_t pages,
		      uint64_t *first);
uint32_t spm_page_access(const struct spm_page *p);
void spm_page_set_access(struct spm_page *p, uint32_t access);

/*
 * Give ep_id `access` (or SPM_MEM_OWNER_ACCESS) to every range; all or
 * nothing: on a platform failure the ranges already done get `undo` and
 * the platform's error (NO_MEMORY) comes back.
 */
int spm_mem_set_ranges(struct spm *spm, uint16_t ep_id,
		       const struct ffa_mem_range *r, uint32_t n,
		       uint32_t access, uint32_t undo);
/* Zero every page of every range (the ranges were checked managed). */
int spm_mem_zero_ranges(struct spm *spm, const struct ffa_mem_range *r,
			uint32_t n);

/* Mark the pages of r as in share `slot`, or (in_share false) not. */
void spm_mem_mark_ranges(struct spm *spm, const struct ffa_mem_range *r,
			 uint32_t n, uint32_t slot, bool in_share);
/* Donation done: the pages leave the share and become ep_index's. */
void spm_mem_give_ranges(struct spm *spm, const struct ffa_mem_range *r,
			 uint32_t n, uint32_t ep_index, uint32_t access);
/*
 * Whether the owner's own access to every page of r includes `access`
 * (SPM_ACCESS_W for a reclaim that clears, SPM_ACCESS_X for a retrieve
 * that asks to execute).
 */
bool spm_mem_ranges_allow(const struct spm *spm,
			  const struct ffa_mem_range *r, uint32_t n,
			  uint32_t access);

/* ---- share table and range pool (mem_table.c) ---- */

/* A fresh slot with an extent of mtd->nr_ranges: NO_MEMORY when full. */
int spm_share_alloc(struct spm *spm, uint32_t owner,
		    const struct ffa_mtd *mtd, enum ffa_mem_op op,
		    struct spm_share **out);
/* Back to FREE; its handle never names anything again. */
void spm_share_free(struct spm *spm, struct spm_share *s);
/*
 * Back to FREE as if never allocated: for a send refused in its first
 * call, whose handle nobody saw (so the table is exactly as before).
 */
void spm_share_unalloc(struct spm *spm, struct spm_share *s);
/* The live (not FREE) share a handle names; NULL when unknown/stale. */
struct spm_share *spm_share_find(struct spm *spm, uint64_t handle);
uint32_t spm_share_slot(const struct spm *spm, const struct spm_share *s);
struct ffa_mem_range *spm_share_ranges(const struct spm *spm,
				       const struct spm_share *s);
struct spm_endpoint *spm_share_owner(struct spm *spm,
				     const struct spm_share *s);
/* Index in s->mtd.access of receiver id, or -1. */
int spm_share_borrower(const struct spm_share *s, uint16_t id);
/* The handle a slot with this generation hands out. */
uint64_t spm_share_make_handle(uint32_t slot, uint32_t generation);
/* Whether the extents of live shares overlap or leave the pool. */
bool spm_mem_extents_overlap(const struct spm *spm);
/* SHARE, or LEND to several: the memory stays mapped in many places. */
bool spm_share_is_shared(const struct spm_share *s);

/* ---- send (mem_send.c), continued by FRAG_TX (mem_frag.c) ---- */

/* The send context of the caller (version, ID, op, TX size, PA limit). */
void spm_mem_send_ctx(const struct spm_ctx *c, enum ffa_mem_op op,
		      struct ffa_mtd_ctx *ctx);
/* Take len bytes of constituents into s's extent. */
int spm_mem_take_ranges(struct spm *spm, struct spm_share *s,
			const uint8_t *bytes, uint32_t len, const char **why);
/*
 * After a fragment arrived: either ask for the next one (FRAG_RX), or
 * judge the constituents, commit the share and answer its handle. On an
 * error the transaction is dropped and the error answered.
 */
void spm_mem_send_progress(struct spm_ctx *c, struct spm_share *s);

/* ---- retrieve (mem_retrieve_check.c, mem_retrieve.c) ---- */

/* A retrieve request that passed every check: what to grant whom. */
struct spm_retrieve {
	struct spm_share *s;
	int idx;		/* the caller in s->mtd.access */
	uint32_t access;	/* SPM_ACCESS_* mapped for it */
	uint16_t attrs;		/* memory attributes in force */
	bool zero_before;	/* clear the memory before mapping it */
	bool zero_after;	/* clear it once the borrower lets go */
};

/* Read, copy and judge the caller's request; changes nothing. */
int spm_mem_judge_retrieve(struct spm_ctx *c, struct spm_retrieve *out,
			   const char **why);
/* FFA_RETRIEVE_TYPE_* of a transaction. */
uint32_t spm_mem_retrieve_type(const struct spm_share *s);

/* ---- what an aborted endpoint leaves behind (mem_abort.c) ---- */

/*
 * Undo every outstanding retrieval of borrower idx of s, as its
 * relinquish would (unmap, clear if its retrieve asked to): 0, or
 * NO_MEMORY when the platform fails, the retrievals undone so far staying
 * undone (the next spm_abort() of the endpoint retries the rest).
 */
int spm_mem_relinquish_all(struct spm *spm, struct spm_share *s, int idx);
/*
 * Reclaim s for its owner if the owner aborted and no borrower holds it
 * any more (after every relinquish).
 */
void spm_mem_abort_settle(struct spm *spm, struct spm_share *s);

/* ---- relinquish (mem_reclaim.c) ---- */

/*
 * Undo one retrieval of borrower idx of s (a complete SHARE or LEND; a
 * DONATE is never undone): FFA_MEM_RELINQUISH, and the clean-up after a
 * borrower is aborted, which calls it once per outstanding retrieval.
 * zero adds a request to clear the memory (the relinquish's flag) to the
 * ones the borrower's retrievals made. While other retrievals of this
 * borrower remain, only the count drops; with the last one the borrower
 * loses its mapping, the memory is cleared if any request asked, and its
 * record (including a retrieve response still being delivered) is
 * reset. 0, or NO_MEMORY when the platform fails, with nothing changed
 * (memory partly cleared excepted).
 */
int spm_mem_undo_retrieval(struct spm *spm, struct spm_share *s, uint32_t idx,
			   bool zero);

/* The handle in w1 (lo) / w2 (hi) of FRAG_TX, FRAG_RX and RECLAIM. */
static inline uint64_t spm_mem_handle_arg(const struct ffa_regs *in)
{
	return FFA_HANDLE_MAKE(in->x[1], in->x[2]);
}

#endif /* SPM_MEM_H */
