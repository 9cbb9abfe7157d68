/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The dispatch table's rows (abi_table.c) and the judgement every call
 * passes, inline into the call path (call.h): the table is the one
 * source of what the manager implements, abi_table.c its only writer.
 */
#ifndef SPM_ABI_H
#define SPM_ABI_H

#include "internal.h"

/*
 * Reserved (MBZ) bits of one ABI's x1..x7 (m[i - 1] for xi), as 64-bit
 * masks computed when the table is compiled (MBZ_MASKS in abi_table.c),
 * so the check is one AND per register. Written as w1..w7, each a
 * 32-bit field, and `wide`, the registers that are 64-bit (an address,
 * a UUID half, a 64-bit payload word): in an SMC64 call the upper half
 * of every other register is reserved too. "Unless stated, every
 * register not listed is MBZ on input" (ffa-abi.md 2.2).
 */
struct spm_mbz {
	uint64_t m[7];
};

/* Who may call an ABI. */
enum spm_who {
	SPM_WHO_ANY,
	SPM_WHO_HOST,		/* the scheduler only */
	SPM_WHO_PARTITION,	/* partitions only */
	/* the host, or a partition whose manifest enables notifications */
	SPM_WHO_NOTIF_RECEIVER,
};

/* x8..x17 are not MBZ: arguments (REQ2, CONSOLE_LOG_64) or ignored. */
#define SPM_ABI_HIGH_ARGS		FFA_BIT(0)
/* A reserved bit makes a malformed query: NOT_SUPPORTED (FFA_FEATURES). */
#define SPM_ABI_RSVD_NOT_SUPPORTED	FFA_BIT(1)

/*
 * 128 bytes (92 used): a row's address is one shift of its index, and
 * the masks are at that address, for the ID, masks and handler alike.
 */
struct __attribute__((aligned(128))) spm_abi {
	struct spm_mbz mbz;	/* first: at the row's own address */
	uint32_t fid;		/* 0: no such ABI here */
	uint32_t since;		/* the FF-A version that introduced it */
	uint8_t who;		/* enum spm_who */
	uint8_t flags;		/* SPM_ABI_* */
	spm_handler handler;	/* NULL: only an answer, never called */
	/* callers older than old_below use `old` (fewer defined fields) */
	const struct spm_mbz *old;
	uint32_t old_below;
};

extern const struct spm_abi spm_abis[SPM_ABI_ROWS];
_Static_assert(sizeof(struct spm_abi) == 128, "a row is one shift away");

/*
 * The one judgement before any handler, on every call: the caller's
 * view of the row says in one byte whether it may call it (its role,
 * its version, ours, a handler), which masks apply and whether x8-x17
 * are MBZ; then every reserved bit in one OR, tested once. The
 * handler when the call passes, else NULL and nothing has changed:
 * spm_abi_refuse() then says why.
 */
static inline __attribute__((always_inline)) spm_handler
spm_abi_pass(const struct spm_endpoint *ep, const struct ffa_regs *in,
	     uint32_t fid)
{
	uint32_t row = FFA_FID_NUM(fid) - FFA_NUM_FIRST;
	const struct spm_abi *a;
	const struct spm_mbz *m;
	const uint64_t *x = in->x;
	uint64_t set = 0;
	uint32_t i;
	uint8_t view;

	if (row >= SPM_ABI_NUMS)
		return NULL;
	row += FFA_FID_IS_64(fid) ? SPM_ABI_NUMS : 0;
	view = ep->abi_view[row];
	a = &spm_abis[row];
	/* The whole ID must match: call type, OEN, bits[23:17]. */
	if (!(view & SPM_VIEW_CALL) || a->fid != fid)
		return NULL;
	m = (view & SPM_VIEW_OLD_MBZ) ? a->old : &a->mbz;
#pragma GCC unroll 7
	for (i = 1; i < 8; i++)
		set |= x[i] & m->m[i - 1];
	if (view & SPM_VIEW_HIGH_MBZ) {
#pragma GCC unroll 10
		for (i = 8; i < FFA_NREGS; i++)
			set |= x[i];
	}
	return set ? NULL : a->handler;
}

#endif /* SPM_ABI_H */
