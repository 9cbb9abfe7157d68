// SPDX-License-Identifier: BSD-3-Clause
/*
 * The dispatch table: every interface the manager implements, one row
 * each, found in O(1) by [SMC64][function number]. A row says who may
 * call the ABI, since which FF-A version, which handler serves it, and
 * which bits of its arguments are reserved (MBZ).
 *
 * It is the one source of what the manager implements and of these
 * three rules: spm_call (core.c) dispatches through spm_abi_judge(),
 * which refuses a caller the row does not allow, a version that does
 * not have it and a reserved bit set, before any handler runs; and
 * FFA_FEATURES (setup.c) answers from spm_fid_available(), so what is
 * reported and what is served cannot drift. Handlers judge only what
 * the table does not: values, fields reserved in some cases only, state.
 */
#include <libffa/status.h>
#include "internal.h"

/*
 * Reserved (MBZ) bits of one ABI's arguments: w[i] for register i (1..7)
 * as a 32-bit field. In an SMC64 call each register is a 32-bit field
 * too, its upper half reserved, unless `wide` names it (an address, a
 * UUID half, a 64-bit payload word). "Unless stated, every register not
 * listed is MBZ on input" (ffa-abi.md 2.2).
 */
struct spm_mbz {
	uint32_t w[8];
	uint8_t wide;
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

struct spm_abi {
	uint32_t fid;		/* 0: no such ABI here */
	uint32_t since;		/* the FF-A version that introduced it */
	enum spm_who who;
	uint32_t flags;		/* SPM_ABI_* */
	spm_handler handler;	/* NULL: only an answer, never called */
	const struct spm_mbz *mbz;
	/* callers older than old_below use `old` (fewer defined fields) */
	const struct spm_mbz *old;
	uint32_t old_below;
};

/* ---- reserved bits, per ABI (ffa-abi.md 2.2-2.6, 8, 11, 12.3, 13) ---- */

#define RSVD		0xffffffffU	/* the whole register */
#define WIDE(i)		((uint8_t)FFA_BIT(i))

/* Nothing reserved: FFA_VERSION (w2 carries flags from v1.3 on). */
static const struct spm_mbz mbz_none;

/* No arguments at all. */
static const struct spm_mbz mbz_no_args = {
	.w = { [1] = RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w1 function or feature ID, w2 input properties: judged by the handler. */
static const struct spm_mbz mbz_features = {
	.w = { [3] = RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w1[7:0] character count; the characters from x2 on. */
static const struct spm_mbz mbz_console = {
	.w = { [1] = ~FFA_CONSOLE_LOG_COUNT_MASK },
	.wide = WIDE(2) | WIDE(3) | WIDE(4) | WIDE(5) | WIDE(6) | WIDE(7),
};

/* x1 TX, x2 RX addresses; w3[5:0] page count. */
static const struct spm_mbz mbz_rxtx_map = {
	.w = { [3] = FFA_RXTX_W3_MBZ, RSVD, RSVD, RSVD, RSVD },
	.wide = WIDE(1) | WIDE(2),
};

/* w1[31:16] the ID whose pair to unmap. */
static const struct spm_mbz mbz_rxtx_unmap = {
	.w = { [1] = 0x0000ffffU, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w1[15:0] a VM ID (the hypervisor's form). */
static const struct spm_mbz mbz_rx_release = {
	.w = { [1] = 0xffff0000U, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w1..w4 UUID, w5 flags: bit 0 count only (v1.1+). */
static const struct spm_mbz mbz_part_info = {
	.w = { [5] = FFA_PART_INFO_FLAGS_MBZ, RSVD, RSVD },
};
static const struct spm_mbz mbz_part_info_v1_0 = {
	.w = { [5] = RSVD, RSVD, RSVD },
};

/* x1/x2 UUID, x3[15:0] start index, x3[31:16] tag. */
static const struct spm_mbz mbz_part_info_regs = {
	.w = { [4] = RSVD, RSVD, RSVD, RSVD },
	.wide = WIDE(1) | WIDE(2),
};

/* w2 flags: bit 0 retain RX (v1.2; MBZ before). */
static const struct spm_mbz mbz_msg_wait = {
	.w = { [1] = RSVD, FFA_MSG_WAIT_FLAGS_MBZ, RSVD, RSVD, RSVD, RSVD,
	       RSVD },
};
static const struct spm_mbz mbz_msg_wait_v1_1 = {
	.w = { [1] = RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w2/w3 timeout (v1.1+; MBZ in v1.0). */
static const struct spm_mbz mbz_yield = {
	.w = { [1] = RSVD, [4] = RSVD, RSVD, RSVD, RSVD },
};
static const struct spm_mbz mbz_yield_v1_0 = {
	.w = { [1] = RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/* w1 endpoint ID[31:16] | vCPU[15:0]. */
static const struct spm_mbz mbz_run = {
	.w = { [2] = RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
};

/*
 * w1 sender | receiver, w2 flags, w3..w7 payload. Framework messages are
 * not supported (docs/ARCHITECTURE.md), so the whole of w2 is MBZ.
 */
static const struct spm_mbz mbz_direct = {
	.w = { [2] = RSVD },
	.wide = WIDE(3) | WIDE(4) | WIDE(5) | WIDE(6) | WIDE(7),
};

/* x1 sender | receiver, x2/x3 UUID, x4..x17 payload. */
static const struct spm_mbz mbz_direct_req2 = {
	.wide = WIDE(2) | WIDE(3) | WIDE(4) | WIDE(5) | WIDE(6) | WIDE(7),
};

/* x1 responder | requester, x2/x3 MBZ, x4..x17 payload. */
static const struct spm_mbz mbz_direct_resp2 = {
	.w = { [2] = RSVD, RSVD },
	.wide = WIDE(4) | WIDE(5) | WIDE(6) | WIDE(7),
};

/* w1[31:16] a forwarded sender's ID, w2 flags: bit 1 delay SRI. */
static const struct spm_mbz mbz_msg_send2 = {
	.w = { [1] = FFA_MSG_SEND2_W1_MBZ, FFA_MSG_SEND2_FLAGS_MBZ, RSVD,
	       RSVD, RSVD, RSVD, RSVD },
};

/* SHARE/LEND/DONATE, RETRIEVE_REQ: w1/w2 lengths, x3 address, w4 pages. */
static const struct spm_mbz mbz_mem_txn = {
	.w = { [5] = RSVD, RSVD, RSVD },
	.wide = WIDE(3),
};

/* FRAG_TX/RX: w1/w2 handle, w3 length or offset, w4[31:16] an ID. */
static const struct spm_mbz mbz_mem_frag = {
	.w = { [4] = FFA_FRAG_W4_MBZ, RSVD, RSVD, RSVD },
};

/* w1/w2 handle, w3 flags: bit 0 zero memory, bit 1 time slicing. */
static const struct spm_mbz mbz_mem_reclaim = {
	.w = { [3] = FFA_RECLAIM_FLAGS_MBZ, RSVD, RSVD, RSVD, RSVD },
};

/* x1 base address; w2 MBZ up to v1.2 (v1.3: page count - 1). */
static const struct spm_mbz mbz_mem_perm_get = {
	.w = { [2] = RSVD, RSVD, RSVD, RSVD, RSVD, RSVD },
	.wide = WIDE(1),
};

/* x1 base address, w2 page count, w3 permissions. */
static const struct spm_mbz mbz_mem_perm_set = {
	.w = { [3] = FFA_MEM_PERM_MBZ, RSVD, RSVD, RSVD, RSVD },
	.wide = WIDE(1),
};

/* w1[15:0] VM ID, w2 vCPU count. */
static const struct spm_mbz mbz_notif_bitmap_create = {
	.w = { [1] = FFA_NOTIF_BITMAP_W1_MBZ, [3] = RSVD, RSVD, RSVD, RSVD,
	       RSVD },
};

/* w1[15:0] VM ID. */
static const struct spm_mbz mbz_notif_bitmap_destroy = {
	.w = { [1] = FFA_NOTIF_BITMAP_W1_MBZ, RSVD, RSVD, RSVD, RSVD, RSVD,
	       RSVD },
};

/* w1 sender | receiver, w2 flags: bit 0 per-vCPU, w3/w4 bitmap. */
static const struct spm_mbz mbz_notif_bind = {
	.w = { [2] = FFA_NOTIF_BIND_FLAGS_MBZ, [5] = RSVD, RSVD, RSVD },
};

/* As BIND, without flags. */
static const struct spm_mbz mbz_notif_unbind = {
	.w = { [2] = RSVD, [5] = RSVD, RSVD, RSVD },
};

/*
 * w2 flags: bit 0 per-vCPU, bit 1 delay SRI, [31:16] vCPU (MBZ unless
 * bit 0: the handler judges that pair).
 */
static const struct spm_mbz mbz_notif_set = {
	.w = { [2] = FFA_NOTIF_SET_FLAGS_MBZ, [5] = RSVD, RSVD, RSVD },
};

/*
 * w1 vCPU | receiver, w2 which bitmaps. Flag bits [31:4] are ignored,
 * not refused: SBZ in the crate, MBZ in Hafnium, "send zeros, accept
 * both" (ffa-abi.md 11), so a caller of either school works here.
 */
static const struct spm_mbz mbz_notif_get = {
	.w = { [3] = RSVD, RSVD, RSVD, RSVD, RSVD },
};

#undef RSVD
#undef WIDE

/* ---- the dispatch table ---- */

/* Short names for the "since" column (ffa-abi.md 2.1). */
#define V1_0	FFA_VERSION_1_0
#define V1_1	FFA_VERSION_1_1
#define V1_2	FFA_VERSION_1_2
#define ANY	SPM_WHO_ANY
#define HOST	SPM_WHO_HOST
#define PART	SPM_WHO_PARTITION
#define NOTIF	SPM_WHO_NOTIF_RECEIVER

#define SPM_NR_NUMS	(FFA_NUM_LAST_V1_2 - FFA_NUM_FIRST + 1)

/* One row, at [SMC64][function number]: found without a search. */
#define ABI(f, v, w, fl, h, m)						\
	[FFA_FID_IS_64(f)][FFA_FID_NUM(f) - FFA_NUM_FIRST] = {		\
		.fid = (f), .since = (v), .who = (w), .flags = (fl),	\
		.handler = (h), .mbz = (m),				\
	}
/* A row whose callers older than `below` have fewer defined fields. */
#define ABI_OLD(f, v, w, h, m, below, o)				\
	[FFA_FID_IS_64(f)][FFA_FID_NUM(f) - FFA_NUM_FIRST] = {		\
		.fid = (f), .since = (v), .who = (w), .handler = (h),	\
		.mbz = (m), .old = (o), .old_below = (below),		\
	}
/* An interface the manager only answers with: reported, never called. */
#define ANSWER(f, w)	ABI(f, V1_0, w, 0, NULL, &mbz_none)

/*
 * Every interface the manager implements. A row is served, and reported
 * by FFA_FEATURES, only to a caller allowed by `who` whose negotiated
 * version (never above the manager's, spm_set_version) has it.
 *
 * Absent on purpose: FFA_RX_ACQUIRE (how a hypervisor takes a VM's RX
 * back from an SPMC; here one manager owns every RX), FFA_MSG_POLL and
 * FFA_MSG_SEND (deprecated in v1.1), FFA_MEM_OP_PAUSE/RESUME (we never
 * time-slice), FFA_SECONDARY_EP_REGISTER, and the SPMC <-> SPMD ones.
 */
static const struct spm_abi spm_abis[2][SPM_NR_NUMS] = {
	ANSWER(FFA_ERROR, ANY),
	ANSWER(FFA_SUCCESS_32, ANY),
	ANSWER(FFA_SUCCESS_64, ANY),
	/* Only the scheduler is ever preempted with it (spm_preempt()). */
	ANSWER(FFA_INTERRUPT, HOST),
	ANSWER(FFA_MEM_RETRIEVE_RESP, ANY),

	/* FFA_VERSION answers in w0 alone: it has no INVALID_PARAMETERS. */
	ABI(FFA_VERSION, V1_0, ANY, SPM_ABI_HIGH_ARGS, spm_h_version,
	    &mbz_none),
	ABI(FFA_FEATURES, V1_0, ANY, SPM_ABI_RSVD_NOT_SUPPORTED,
	    spm_h_features, &mbz_features),
	ABI(FFA_ID_GET, V1_0, ANY, 0, spm_h_id_get, &mbz_no_args),
	ABI(FFA_SPM_ID_GET, V1_1, ANY, 0, spm_h_spm_id_get, &mbz_no_args),
	ABI(FFA_CONSOLE_LOG_32, V1_2, ANY, 0, spm_h_console_log,
	    &mbz_console),
	ABI(FFA_CONSOLE_LOG_64, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_console_log, &mbz_console),

	ABI(FFA_RXTX_MAP_32, V1_0, ANY, 0, spm_h_rxtx_map, &mbz_rxtx_map),
	ABI(FFA_RXTX_MAP_64, V1_0, ANY, 0, spm_h_rxtx_map, &mbz_rxtx_map),
	ABI(FFA_RXTX_UNMAP, V1_0, ANY, 0, spm_h_rxtx_unmap,
	    &mbz_rxtx_unmap),
	ABI(FFA_RX_RELEASE, V1_0, ANY, 0, spm_h_rx_release,
	    &mbz_rx_release),
	ABI_OLD(FFA_PARTITION_INFO_GET, V1_0, ANY, spm_h_partition_info_get,
		&mbz_part_info, V1_1, &mbz_part_info_v1_0),
	ABI(FFA_PARTITION_INFO_GET_REGS, V1_2, ANY, 0,
	    spm_h_partition_info_get_regs, &mbz_part_info_regs),

	ABI_OLD(FFA_MSG_WAIT, V1_0, ANY, spm_h_msg_wait, &mbz_msg_wait,
		V1_2, &mbz_msg_wait_v1_1),
	ABI(FFA_RUN, V1_0, ANY, 0, spm_h_run, &mbz_run),
	ABI_OLD(FFA_YIELD, V1_0, PART, spm_h_yield, &mbz_yield,
		V1_1, &mbz_yield_v1_0),

	ABI(FFA_MSG_SEND_DIRECT_REQ_32, V1_0, ANY, 0, spm_h_direct_req,
	    &mbz_direct),
	ABI(FFA_MSG_SEND_DIRECT_REQ_64, V1_0, ANY, 0, spm_h_direct_req,
	    &mbz_direct),
	ABI(FFA_MSG_SEND_DIRECT_REQ2, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_direct_req, &mbz_direct_req2),
	ABI(FFA_MSG_SEND_DIRECT_RESP_32, V1_0, ANY, 0, spm_h_direct_resp,
	    &mbz_direct),
	ABI(FFA_MSG_SEND_DIRECT_RESP_64, V1_0, ANY, 0, spm_h_direct_resp,
	    &mbz_direct),
	ABI(FFA_MSG_SEND_DIRECT_RESP2, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_direct_resp, &mbz_direct_resp2),
	ABI(FFA_MSG_SEND2, V1_1, ANY, 0, spm_h_msg_send2, &mbz_msg_send2),

	ABI(FFA_MEM_SHARE_32, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_SHARE_64, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_LEND_32, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_LEND_64, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_DONATE_32, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_DONATE_64, V1_0, ANY, 0, spm_h_mem_send, &mbz_mem_txn),
	ABI(FFA_MEM_FRAG_TX, V1_0, ANY, 0, spm_h_mem_frag_tx,
	    &mbz_mem_frag),
	ABI(FFA_MEM_RETRIEVE_REQ_32, V1_0, ANY, 0, spm_h_mem_retrieve_req,
	    &mbz_mem_txn),
	ABI(FFA_MEM_RETRIEVE_REQ_64, V1_0, ANY, 0, spm_h_mem_retrieve_req,
	    &mbz_mem_txn),
	ABI(FFA_MEM_FRAG_RX, V1_0, ANY, 0, spm_h_mem_frag_rx,
	    &mbz_mem_frag),
	ABI(FFA_MEM_RELINQUISH, V1_0, ANY, 0, spm_h_mem_relinquish,
	    &mbz_no_args),
	ABI(FFA_MEM_RECLAIM, V1_0, ANY, 0, spm_h_mem_reclaim,
	    &mbz_mem_reclaim),
	/* Partitions only: the host has its own page tables (mem_perm.c). */
	ABI(FFA_MEM_PERM_GET_32, V1_1, PART, 0, spm_h_mem_perm_get,
	    &mbz_mem_perm_get),
	ABI(FFA_MEM_PERM_GET_64, V1_1, PART, 0, spm_h_mem_perm_get,
	    &mbz_mem_perm_get),
	ABI(FFA_MEM_PERM_SET_32, V1_1, PART, 0, spm_h_mem_perm_set,
	    &mbz_mem_perm_set),
	ABI(FFA_MEM_PERM_SET_64, V1_1, PART, 0, spm_h_mem_perm_set,
	    &mbz_mem_perm_set),

	/* The scheduler's bitmap and its view of who has something. */
	ABI(FFA_NOTIFICATION_BITMAP_CREATE, V1_1, HOST, 0,
	    spm_h_notif_bitmap_create, &mbz_notif_bitmap_create),
	ABI(FFA_NOTIFICATION_BITMAP_DESTROY, V1_1, HOST, 0,
	    spm_h_notif_bitmap_destroy, &mbz_notif_bitmap_destroy),
	ABI(FFA_NOTIFICATION_INFO_GET_32, V1_1, HOST, 0,
	    spm_h_notif_info_get, &mbz_no_args),
	ABI(FFA_NOTIFICATION_INFO_GET_64, V1_1, HOST, 0,
	    spm_h_notif_info_get, &mbz_no_args),
	/*
	 * Binding is the receiver's: a partition without notifications has
	 * nothing to bind. Anyone may set (the receiver decides), and GET
	 * also reads the framework bitmaps an indirect message fills.
	 */
	ABI(FFA_NOTIFICATION_BIND, V1_1, NOTIF, 0, spm_h_notif_bind,
	    &mbz_notif_bind),
	ABI(FFA_NOTIFICATION_UNBIND, V1_1, NOTIF, 0, spm_h_notif_unbind,
	    &mbz_notif_unbind),
	ABI(FFA_NOTIFICATION_SET, V1_1, ANY, 0, spm_h_notif_set,
	    &mbz_notif_set),
	ABI(FFA_NOTIFICATION_GET, V1_1, ANY, 0, spm_h_notif_get,
	    &mbz_notif_get),
};

#undef ABI
#undef ABI_OLD
#undef ANSWER
#undef V1_0
#undef V1_1
#undef V1_2
#undef ANY
#undef HOST
#undef PART
#undef NOTIF

/* The row of fid (SVE hint already stripped), or NULL: O(1). */
static const struct spm_abi *spm_abi_of(uint32_t fid)
{
	uint32_t num = FFA_FID_NUM(fid);
	const struct spm_abi *a;

	if (num < FFA_NUM_FIRST || num > FFA_NUM_LAST_V1_2)
		return NULL;
	a = &spm_abis[FFA_FID_IS_64(fid)][num - FFA_NUM_FIRST];
	/* The whole ID must match: call type, OEN, bits[23:17]. */
	return a->fid == fid ? a : NULL;
}

static bool spm_who_allows(const struct spm_endpoint *ep, enum spm_who who)
{
	switch (who) {
	case SPM_WHO_HOST:
		return ep->cfg.is_host;
	case SPM_WHO_PARTITION:
		return !ep->cfg.is_host;
	case SPM_WHO_NOTIF_RECEIVER:
		return ep->cfg.is_host ||
		       (ep->cfg.properties & FFA_PART_PROP_NOTIFICATIONS);
	default:
		return true;
	}
}

/*
 * The row as ep sees it: NULL when ep may not use it. An ABI newer than
 * the version ep negotiated does not exist for it (ffa-abi.md 4: the
 * callee behaves as the caller's version), nor one newer than ours.
 */
static const struct spm_abi *spm_abi_for(const struct spm *spm,
					 const struct spm_endpoint *ep,
					 uint32_t fid)
{
	const struct spm_abi *a = spm_abi_of(fid);

	if (!a || a->since > spm->version || a->since > ep->version ||
	    !spm_who_allows(ep, a->who))
		return NULL;
	return a;
}

/*
 * Why a row is refused to ep, for the log and ffa_host_last_refusal():
 * the same judgement as spm_abi_for(). NULL for a function ID that is
 * no ABI of ours at all.
 */
static const char *spm_abi_refusal(const struct spm *spm,
				   const struct spm_endpoint *ep,
				   const struct spm_abi *a)
{
	static const char *const not_yours[] = {
		[SPM_WHO_ANY] = NULL,
		[SPM_WHO_HOST] = "not supported: for the scheduler only",
		[SPM_WHO_PARTITION] = "not supported: for partitions only",
		[SPM_WHO_NOTIF_RECEIVER] =
			"not supported: the caller has no notification support",
	};

	if (!a)
		return NULL;
	if (a->since > spm->version)
		return "not supported: newer than this manager's FF-A version";
	if (a->since > ep->version)
		return "not supported: newer than the caller's FF-A version";
	if (!spm_who_allows(ep, a->who))
		return not_yours[a->who];
	return "not supported: an answer, never a call";
}

bool spm_fid_available(const struct spm *spm, const struct spm_endpoint *ep,
		       uint32_t fid)
{
	return spm_abi_for(spm, ep, fid) != NULL;
}

/*
 * Every reserved bit of the call is zero. x8..x17 are MBZ for a v1.2
 * caller of an ABI that does not define them: "v1.2 callers must put
 * zero in x8-x17 for ABIs that do not define them" (ffa-abi.md 1.2),
 * whatever the convention (Hafnium checks them on SMC32 FFA_RUN and
 * FFA_MSG_WAIT too). Older callers never had that rule: not checked.
 */
static bool spm_reserved_clear(const struct spm_ctx *c,
			       const struct spm_abi *a)
{
	const struct spm_mbz *m = c->caller->version < a->old_below ?
				  a->old : a->mbz;
	/* An SMC64 call's registers: upper halves reserved unless wide. */
	uint64_t upper = FFA_FID_IS_64(a->fid) ? 0xffffffff00000000ULL : 0;
	uint64_t set = 0;
	uint32_t i;

	/* Every register is looked at, unrolled: no branch per register. */
#pragma GCC unroll 7
	for (i = 1; i < 8; i++)
		set |= c->in->x[i] &
		       (m->w[i] | (m->wide & FFA_BIT(i) ? 0 : upper));
	if (set)
		return false;
	if ((a->flags & SPM_ABI_HIGH_ARGS) ||
	    c->caller->version < FFA_VERSION_1_2)
		return true;
#pragma GCC unroll 10
	for (i = 8; i < FFA_NREGS; i++)
		set |= c->in->x[i];
	return set == 0;
}

/*
 * The one judgement before any handler: the row ep may use (its role,
 * its version, ours), then its reserved bits. Nothing has changed when
 * this refuses.
 */
int spm_abi_judge(const struct spm_ctx *c, uint32_t fid, spm_handler *h,
		  const char **why)
{
	const struct spm_abi *a = spm_abi_for(c->spm, c->caller, fid);

	if (!a || !a->handler) {
		*why = spm_abi_refusal(c->spm, c->caller, spm_abi_of(fid));
		return FFA_RET_NOT_SUPPORTED;
	}
	if (!spm_reserved_clear(c, a)) {
		*why = "reserved register or bit set";
		return (a->flags & SPM_ABI_RSVD_NOT_SUPPORTED) ?
		       FFA_RET_NOT_SUPPORTED : FFA_RET_INVALID_PARAMETERS;
	}
	*h = a->handler;
	return 0;
}
