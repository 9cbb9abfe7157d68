// SPDX-License-Identifier: BSD-3-Clause
/*
 * The dispatch table: every interface the manager implements, one row
 * each, found in O(1) by [SMC64][function number]. A row says who may
 * call the ABI, since which FF-A version, which handler serves it, and
 * which bits of its arguments are reserved (MBZ).
 *
 * It is the one source of what the manager implements and of these
 * three rules: spm_call (call.h) dispatches through spm_abi_pass(),
 * which refuses a caller the row does not allow, a version that does
 * not have it and a reserved bit set, before any handler runs (and
 * spm_abi_refuse() says which); and
 * FFA_FEATURES (setup.c) answers from spm_fid_available(), so what is
 * reported and what is served cannot drift. Handlers judge only what
 * the table does not: values, fields reserved in some cases only, state.
 */
#include <libffa/status.h>
#include "abi.h"

/* ---- reserved bits, per ABI (ffa-abi.md 2.2-2.6, 8, 11, 12.3, 13) ---- */

#define RSVD		0xffffffffU	/* the whole register */
#define W(i)		FFA_BIT(i)	/* xi is 64-bit wide */

/* Each: w1, w2, w3, w4, w5, w6, w7, wide. */

/* Nothing reserved: FFA_VERSION (w2 carries flags from v1.3 on). */
#define MBZ_NONE	0, 0, 0, 0, 0, 0, 0, 0

/* No arguments at all. */
#define MBZ_NO_ARGS	RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/* w1 function or feature ID, w2 input properties: judged by the handler. */
#define MBZ_FEATURES	0, 0, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/* w1[7:0] character count; the characters from x2 on. */
#define MBZ_CONSOLE	~FFA_CONSOLE_LOG_COUNT_MASK, 0, 0, 0, 0, 0, 0,	\
			W(2) | W(3) | W(4) | W(5) | W(6) | W(7)

/* x1 TX, x2 RX addresses; w3[5:0] page count. */
#define MBZ_RXTX_MAP	0, 0, FFA_RXTX_W3_MBZ, RSVD, RSVD, RSVD, RSVD,	\
			W(1) | W(2)

/* w1[31:16] the ID whose pair to unmap. */
#define MBZ_RXTX_UNMAP	0x0000ffffU, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/* w1[15:0] a VM ID (the hypervisor's form). */
#define MBZ_RX_RELEASE	0xffff0000U, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/* w1..w4 UUID, w5 flags: bit 0 count only (v1.1+). */
#define MBZ_PART_INFO	0, 0, 0, 0, FFA_PART_INFO_FLAGS_MBZ, RSVD, RSVD, 0
#define MBZ_PART_INFO_V1_0	0, 0, 0, 0, RSVD, RSVD, RSVD, 0

/* x1/x2 UUID, x3[15:0] start index, x3[31:16] tag. */
#define MBZ_PART_INFO_REGS	0, 0, 0, RSVD, RSVD, RSVD, RSVD, W(1) | W(2)

/* w2 flags: bit 0 retain RX (v1.2; MBZ before). */
#define MBZ_MSG_WAIT	RSVD, FFA_MSG_WAIT_FLAGS_MBZ, RSVD, RSVD, RSVD, RSVD, \
			RSVD, 0
#define MBZ_MSG_WAIT_V1_1	MBZ_NO_ARGS

/* w2/w3 timeout (v1.1+; MBZ in v1.0). */
#define MBZ_YIELD	RSVD, 0, 0, RSVD, RSVD, RSVD, RSVD, 0
#define MBZ_YIELD_V1_0	MBZ_NO_ARGS

/* w1 endpoint ID[31:16] | vCPU[15:0]. */
#define MBZ_RUN		0, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/*
 * w1 sender | receiver, w2 flags, w3..w7 payload. Framework messages are
 * not supported (docs/ARCHITECTURE.md), so the whole of w2 is MBZ.
 */
#define MBZ_DIRECT	0, RSVD, 0, 0, 0, 0, 0,				\
			W(3) | W(4) | W(5) | W(6) | W(7)

/* x1 sender | receiver, x2/x3 UUID, x4..x17 payload. */
#define MBZ_DIRECT_REQ2	0, 0, 0, 0, 0, 0, 0,				\
			W(2) | W(3) | W(4) | W(5) | W(6) | W(7)

/* x1 responder | requester, x2/x3 MBZ, x4..x17 payload. */
#define MBZ_DIRECT_RESP2	0, RSVD, RSVD, 0, 0, 0, 0,		\
				W(4) | W(5) | W(6) | W(7)

/* w1[31:16] a forwarded sender's ID, w2 flags: bit 1 delay SRI. */
#define MBZ_MSG_SEND2	FFA_MSG_SEND2_W1_MBZ, FFA_MSG_SEND2_FLAGS_MBZ,	\
			RSVD, RSVD, RSVD, RSVD, RSVD, 0

/* SHARE/LEND/DONATE, RETRIEVE_REQ: w1/w2 lengths, x3 address, w4 pages. */
#define MBZ_MEM_TXN	0, 0, 0, 0, RSVD, RSVD, RSVD, W(3)

/* FRAG_TX/RX: w1/w2 handle, w3 length or offset, w4[31:16] an ID. */
#define MBZ_MEM_FRAG	0, 0, 0, FFA_FRAG_W4_MBZ, RSVD, RSVD, RSVD, 0

/* w1/w2 handle, w3 flags: bit 0 zero memory, bit 1 time slicing. */
#define MBZ_MEM_RECLAIM	0, 0, FFA_RECLAIM_FLAGS_MBZ, RSVD, RSVD, RSVD, RSVD, 0

/* x1 base address; w2 MBZ up to v1.2 (v1.3: page count - 1). */
#define MBZ_MEM_PERM_GET	0, RSVD, RSVD, RSVD, RSVD, RSVD, RSVD, W(1)

/* x1 base address, w2 page count, w3 permissions. */
#define MBZ_MEM_PERM_SET	0, 0, FFA_MEM_PERM_MBZ, RSVD, RSVD, RSVD, \
				RSVD, W(1)

/* w1[15:0] VM ID, w2 vCPU count. */
#define MBZ_NOTIF_BITMAP_CREATE	FFA_NOTIF_BITMAP_W1_MBZ, 0, RSVD, RSVD, \
				RSVD, RSVD, RSVD, 0

/* w1[15:0] VM ID. */
#define MBZ_NOTIF_BITMAP_DESTROY	FFA_NOTIF_BITMAP_W1_MBZ, RSVD, RSVD, \
					RSVD, RSVD, RSVD, RSVD, 0

/* w1 sender | receiver, w2 flags: bit 0 per-vCPU, w3/w4 bitmap. */
#define MBZ_NOTIF_BIND	0, FFA_NOTIF_BIND_FLAGS_MBZ, 0, 0, RSVD, RSVD, RSVD, 0

/* As BIND, without flags. */
#define MBZ_NOTIF_UNBIND	0, RSVD, 0, 0, RSVD, RSVD, RSVD, 0

/*
 * w2 flags: bit 0 per-vCPU, bit 1 delay SRI, [31:16] vCPU (MBZ unless
 * bit 0: the handler judges that pair).
 */
#define MBZ_NOTIF_SET	0, FFA_NOTIF_SET_FLAGS_MBZ, 0, 0, RSVD, RSVD, RSVD, 0

/*
 * w1 vCPU | receiver, w2 which bitmaps. Flag bits [31:4] are ignored,
 * not refused: SBZ in the crate, MBZ in Hafnium, "send zeros, accept
 * both" (ffa-abi.md 11), so a caller of either school works here.
 */
#define MBZ_NOTIF_GET	0, 0, RSVD, RSVD, RSVD, RSVD, RSVD, 0

/*
 * The masks of fid's x1..x7 from one of the lists above: the field's
 * reserved bits, and in an SMC64 call the upper half unless wide.
 */
#define MBZ_UPPER(f, wide, i)						\
	((FFA_FID_IS_64(f) && !((wide) & FFA_BIT(i))) ?			\
	 0xffffffff00000000ULL : 0ULL)
#define MBZ_REG(f, w, wide, i)	((uint64_t)(uint32_t)(w) | MBZ_UPPER(f, wide, i))
#define MBZ_MASKS_(f, w1, w2, w3, w4, w5, w6, w7, wide)			\
	{ { MBZ_REG(f, w1, wide, 1), MBZ_REG(f, w2, wide, 2),		\
	    MBZ_REG(f, w3, wide, 3), MBZ_REG(f, w4, wide, 4),		\
	    MBZ_REG(f, w5, wide, 5), MBZ_REG(f, w6, wide, 6),		\
	    MBZ_REG(f, w7, wide, 7) } }
#define MBZ_MASKS(f, ...)	MBZ_MASKS_(f, __VA_ARGS__)


/* ---- the dispatch table ---- */

/* Short names for the "since" column (ffa-abi.md 2.1). */
#define V1_0	FFA_VERSION_1_0
#define V1_1	FFA_VERSION_1_1
#define V1_2	FFA_VERSION_1_2
#define ANY	SPM_WHO_ANY
#define HOST	SPM_WHO_HOST
#define PART	SPM_WHO_PARTITION
#define NOTIF	SPM_WHO_NOTIF_RECEIVER

/* One row, at [SMC64][function number]: found without a search. */
#define ABI(f, v, w, fl, h, m)						\
	[SPM_ABI_ROW(f)] = {						\
		.fid = (f), .since = (v), .who = (w), .flags = (fl),	\
		.handler = (h), .mbz = MBZ_MASKS(f, m),			\
	}
/* A row whose callers older than `below` have fewer defined fields. */
#define ABI_OLD(f, v, w, h, m, below, o)				\
	[SPM_ABI_ROW(f)] = {						\
		.fid = (f), .since = (v), .who = (w), .handler = (h),	\
		.mbz = MBZ_MASKS(f, m),					\
		.old = &(const struct spm_mbz)MBZ_MASKS(f, o),		\
		.old_below = (below),					\
	}
/* An interface the manager only answers with: reported, never called. */
#define ANSWER(f, w)	ABI(f, V1_0, w, 0, NULL, MBZ_NONE)

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
const struct spm_abi spm_abis[SPM_ABI_ROWS] = {
	ANSWER(FFA_ERROR, ANY),
	ANSWER(FFA_SUCCESS_32, ANY),
	ANSWER(FFA_SUCCESS_64, ANY),
	/* Only the scheduler is ever preempted with it (spm_preempt()). */
	ANSWER(FFA_INTERRUPT, HOST),
	ANSWER(FFA_MEM_RETRIEVE_RESP, ANY),

	/* FFA_VERSION answers in w0 alone: it has no INVALID_PARAMETERS. */
	ABI(FFA_VERSION, V1_0, ANY, SPM_ABI_HIGH_ARGS, spm_h_version,
	    MBZ_NONE),
	ABI(FFA_FEATURES, V1_0, ANY, SPM_ABI_RSVD_NOT_SUPPORTED,
	    spm_h_features, MBZ_FEATURES),
	ABI(FFA_ID_GET, V1_0, ANY, 0, spm_h_id_get, MBZ_NO_ARGS),
	ABI(FFA_SPM_ID_GET, V1_1, ANY, 0, spm_h_spm_id_get, MBZ_NO_ARGS),
	ABI(FFA_CONSOLE_LOG_32, V1_2, ANY, 0, spm_h_console_log,
	    MBZ_CONSOLE),
	ABI(FFA_CONSOLE_LOG_64, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_console_log, MBZ_CONSOLE),

	ABI(FFA_RXTX_MAP_32, V1_0, ANY, 0, spm_h_rxtx_map, MBZ_RXTX_MAP),
	ABI(FFA_RXTX_MAP_64, V1_0, ANY, 0, spm_h_rxtx_map, MBZ_RXTX_MAP),
	ABI(FFA_RXTX_UNMAP, V1_0, ANY, 0, spm_h_rxtx_unmap,
	    MBZ_RXTX_UNMAP),
	ABI(FFA_RX_RELEASE, V1_0, ANY, 0, spm_h_rx_release,
	    MBZ_RX_RELEASE),
	ABI_OLD(FFA_PARTITION_INFO_GET, V1_0, ANY, spm_h_partition_info_get,
		MBZ_PART_INFO, V1_1, MBZ_PART_INFO_V1_0),
	ABI(FFA_PARTITION_INFO_GET_REGS, V1_2, ANY, 0,
	    spm_h_partition_info_get_regs, MBZ_PART_INFO_REGS),

	ABI_OLD(FFA_MSG_WAIT, V1_0, ANY, spm_h_msg_wait, MBZ_MSG_WAIT,
		V1_2, MBZ_MSG_WAIT_V1_1),
	ABI(FFA_RUN, V1_0, ANY, 0, spm_h_run, MBZ_RUN),
	ABI_OLD(FFA_YIELD, V1_0, PART, spm_h_yield, MBZ_YIELD,
		V1_1, MBZ_YIELD_V1_0),

	ABI(FFA_MSG_SEND_DIRECT_REQ_32, V1_0, ANY, 0, spm_h_direct_req,
	    MBZ_DIRECT),
	ABI(FFA_MSG_SEND_DIRECT_REQ_64, V1_0, ANY, 0, spm_h_direct_req,
	    MBZ_DIRECT),
	ABI(FFA_MSG_SEND_DIRECT_REQ2, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_direct_req, MBZ_DIRECT_REQ2),
	ABI(FFA_MSG_SEND_DIRECT_RESP_32, V1_0, ANY, 0, spm_h_direct_resp,
	    MBZ_DIRECT),
	ABI(FFA_MSG_SEND_DIRECT_RESP_64, V1_0, ANY, 0, spm_h_direct_resp,
	    MBZ_DIRECT),
	ABI(FFA_MSG_SEND_DIRECT_RESP2, V1_2, ANY, SPM_ABI_HIGH_ARGS,
	    spm_h_direct_resp, MBZ_DIRECT_RESP2),
	ABI(FFA_MSG_SEND2, V1_1, ANY, 0, spm_h_msg_send2, MBZ_MSG_SEND2),

	ABI(FFA_MEM_SHARE_32, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_SHARE_64, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_LEND_32, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_LEND_64, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_DONATE_32, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_DONATE_64, V1_0, ANY, 0, spm_h_mem_send, MBZ_MEM_TXN),
	ABI(FFA_MEM_FRAG_TX, V1_0, ANY, 0, spm_h_mem_frag_tx,
	    MBZ_MEM_FRAG),
	ABI(FFA_MEM_RETRIEVE_REQ_32, V1_0, ANY, 0, spm_h_mem_retrieve_req,
	    MBZ_MEM_TXN),
	ABI(FFA_MEM_RETRIEVE_REQ_64, V1_0, ANY, 0, spm_h_mem_retrieve_req,
	    MBZ_MEM_TXN),
	ABI(FFA_MEM_FRAG_RX, V1_0, ANY, 0, spm_h_mem_frag_rx,
	    MBZ_MEM_FRAG),
	ABI(FFA_MEM_RELINQUISH, V1_0, ANY, 0, spm_h_mem_relinquish,
	    MBZ_NO_ARGS),
	ABI(FFA_MEM_RECLAIM, V1_0, ANY, 0, spm_h_mem_reclaim,
	    MBZ_MEM_RECLAIM),
	/* Partitions only: the host has its own page tables (mem_perm.c). */
	ABI(FFA_MEM_PERM_GET_32, V1_1, PART, 0, spm_h_mem_perm_get,
	    MBZ_MEM_PERM_GET),
	ABI(FFA_MEM_PERM_GET_64, V1_1, PART, 0, spm_h_mem_perm_get,
	    MBZ_MEM_PERM_GET),
	ABI(FFA_MEM_PERM_SET_32, V1_1, PART, 0, spm_h_mem_perm_set,
	    MBZ_MEM_PERM_SET),
	ABI(FFA_MEM_PERM_SET_64, V1_1, PART, 0, spm_h_mem_perm_set,
	    MBZ_MEM_PERM_SET),

	/* The scheduler's bitmap and its view of who has something. */
	ABI(FFA_NOTIFICATION_BITMAP_CREATE, V1_1, HOST, 0,
	    spm_h_notif_bitmap_create, MBZ_NOTIF_BITMAP_CREATE),
	ABI(FFA_NOTIFICATION_BITMAP_DESTROY, V1_1, HOST, 0,
	    spm_h_notif_bitmap_destroy, MBZ_NOTIF_BITMAP_DESTROY),
	ABI(FFA_NOTIFICATION_INFO_GET_32, V1_1, HOST, 0,
	    spm_h_notif_info_get, MBZ_NO_ARGS),
	ABI(FFA_NOTIFICATION_INFO_GET_64, V1_1, HOST, 0,
	    spm_h_notif_info_get, MBZ_NO_ARGS),
	/*
	 * Binding is the receiver's: a partition without notifications has
	 * nothing to bind. Anyone may set (the receiver decides), and GET
	 * also reads the framework bitmaps an indirect message fills.
	 */
	ABI(FFA_NOTIFICATION_BIND, V1_1, NOTIF, 0, spm_h_notif_bind,
	    MBZ_NOTIF_BIND),
	ABI(FFA_NOTIFICATION_UNBIND, V1_1, NOTIF, 0, spm_h_notif_unbind,
	    MBZ_NOTIF_UNBIND),
	ABI(FFA_NOTIFICATION_SET, V1_1, ANY, 0, spm_h_notif_set,
	    MBZ_NOTIF_SET),
	ABI(FFA_NOTIFICATION_GET, V1_1, ANY, 0, spm_h_notif_get,
	    MBZ_NOTIF_GET),
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
	a = &spm_abis[SPM_ABI_ROW(fid)];
	/* The whole ID must match: call type, OEN, bits[23:17]. */
	return a->fid == fid ? a : NULL;
}

/*
 * The SPM_WHO_* bits ep answers to, from its configuration, which never
 * changes: set once when it is added (endpoint.c), so that a row's role
 * is judged with one AND.
 */
uint8_t spm_abi_who_of(const struct spm_endpoint_config *cfg)
{
	uint8_t who = FFA_BIT(SPM_WHO_ANY);

	who |= cfg->is_host ? FFA_BIT(SPM_WHO_HOST) :
			      FFA_BIT(SPM_WHO_PARTITION);
	if (cfg->is_host || (cfg->properties & FFA_PART_PROP_NOTIFICATIONS))
		who |= FFA_BIT(SPM_WHO_NOTIF_RECEIVER);
	return who;
}

static bool spm_who_allows(const struct spm_endpoint *ep, uint8_t who)
{
	return (ep->abi_who & FFA_BIT(who)) != 0;
}

/*
 * The row as ep sees it: NULL when ep may not use it. An ABI newer than
 * the version ep negotiated does not exist for it (ffa-abi.md 4: the
 * callee behaves as the caller's version), nor one newer than ours,
 * which that version never exceeds (endpoint.c, spm_h_version; checked
 * by spm_check_invariants).
 */
static const struct spm_abi *spm_abi_for(const struct spm_endpoint *ep,
					 uint32_t fid)
{
	const struct spm_abi *a = spm_abi_of(fid);

	if (!a || a->since > ep->version || !spm_who_allows(ep, a->who))
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
	(void)spm;
	return spm_abi_for(ep, fid) != NULL;
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
				  a->old : &a->mbz;
	const uint64_t *x = c->in->x;
	uint64_t set = 0;
	uint32_t i;

	/* Every register is looked at, unrolled: no branch per register. */
#pragma GCC unroll 7
	for (i = 1; i < 8; i++)
		set |= x[i] & m->m[i - 1];
	if (set)
		return false;
	if ((a->flags & SPM_ABI_HIGH_ARGS) ||
	    c->caller->version < FFA_VERSION_1_2)
		return true;
#pragma GCC unroll 10
	for (i = 8; i < FFA_NREGS; i++)
		set |= x[i];
	return set == 0;
}

/*
 * Why the call is refused: the same judgement as spm_abi_pass(), with
 * its error code and why. Nothing has changed when this refuses.
 */
static int spm_abi_judge(const struct spm_ctx *c, uint32_t fid,
			 const char **why)
{
	const struct spm_abi *a = spm_abi_for(c->caller, fid);

	if (!a || !a->handler) {
		*why = spm_abi_refusal(c->spm, c->caller, spm_abi_of(fid));
		return FFA_RET_NOT_SUPPORTED;
	}
	if (!spm_reserved_clear(c, a)) {
		*why = "reserved register or bit set";
		return (a->flags & SPM_ABI_RSVD_NOT_SUPPORTED) ?
		       FFA_RET_NOT_SUPPORTED : FFA_RET_INVALID_PARAMETERS;
	}
	/* spm_abi_pass() refused a call this allows: a stale view. */
	*why = "dispatch view out of date";
	return FFA_RET_NOT_SUPPORTED;
}

__attribute__((noinline, cold)) void spm_abi_refuse(struct spm_ctx *c,
						    uint32_t fid)
{
	const char *why;
	int ret = spm_abi_judge(c, fid, &why);

	spm_ret_error(c, ret, why);
}

/*
 * What spm_abi_pass() reads instead of the row's who, since and flags
 * and the caller's roles and version: one byte per row, SPM_VIEW_*.
 */
static uint8_t spm_abi_view_of(const struct spm_endpoint *ep, uint32_t row)
{
	const struct spm_abi *a = &spm_abis[row];
	uint8_t v = 0;

	if (a->fid == 0)
		return 0;
	if (a->handler && spm_abi_for(ep, a->fid) == a)
		v |= SPM_VIEW_CALL;
	if (ep->version < a->old_below)
		v |= SPM_VIEW_OLD_MBZ;
	if (!(a->flags & SPM_ABI_HIGH_ARGS) &&
	    ep->version >= FFA_VERSION_1_2)
		v |= SPM_VIEW_HIGH_MBZ;
	return v;
}

void spm_abi_view_update(struct spm_endpoint *ep)
{
	uint32_t i;

	for (i = 0; i < SPM_ABI_ROWS; i++)
		ep->abi_view[i] = spm_abi_view_of(ep, i);
}

bool spm_abi_view_current(const struct spm_endpoint *ep)
{
	uint32_t i;

	for (i = 0; i < SPM_ABI_ROWS; i++)
		if (ep->abi_view[i] != spm_abi_view_of(ep, i))
			return false;
	return true;
}
