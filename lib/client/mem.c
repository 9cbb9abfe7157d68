// SPDX-License-Identifier: BSD-3-Clause
/*
 * Memory management ABIs of an endpoint (ffa-abi.md 2.5, 9.8, 9.10, 13.1).
 * Descriptors travel in the RX/TX buffers and are built and parsed
 * elsewhere (libffa/mem_desc.h); here only the registers are handled.
 *
 * Handles travel as 32-bit halves: (w2 lo, w3 hi) in FFA_SUCCESS and
 * (w1 lo, w2 hi) everywhere else. The relayer's answers are checked for
 * the fields a caller would otherwise trust blindly: lengths and offsets
 * that cannot be right, and a handle other than the one being worked on.
 */
#include <ffa/ffa.h>
#include <libffa/client.h>

/* The largest value an SMC32 argument register can carry. */
#define W_MAX	0xffffffffULL

static const uint32_t mem_send_fids[] = {
	FFA_MEM_DONATE_32, FFA_MEM_DONATE_64,
	FFA_MEM_LEND_32, FFA_MEM_LEND_64,
	FFA_MEM_SHARE_32, FFA_MEM_SHARE_64,
};

static bool is_mem_send_fid(uint32_t fid)
{
	size_t i;

	for (i = 0; i < sizeof(mem_send_fids) / sizeof(mem_send_fids[0]); i++)
		if (mem_send_fids[i] == fid)
			return true;
	return false;
}

static void set_handle_w1w2(struct ffa_regs *r, uint64_t handle)
{
	r->x[1] = FFA_HANDLE_LO(handle);
	r->x[2] = FFA_HANDLE_HI(handle);
}

static uint64_t handle_w1w2(const struct ffa_regs *r)
{
	return FFA_HANDLE_MAKE(r->x[1], r->x[2]);
}

/* An answer that is not the ABI's completion: its error, or EPROTO. */
static int answer_error(const struct ffa_regs *r)
{
	int rc = ffa_regs_status(r);

	return rc ? rc : FFA_EPROTO;
}

/*
 * How one step of a send ended. total is the descriptor length when this
 * caller knows it (the first call), else 0: a relayer asking for more
 * from offset 0, or from the end, is not making progress.
 */
static int xfer_decode(const struct ffa_regs *r, uint32_t total,
		       struct ffa_mem_xfer *x)
{
	x->offset = 0;
	x->sender_id = 0;
	switch ((uint32_t)r->x[0]) {
	case FFA_SUCCESS_32:
	case FFA_SUCCESS_64:
		x->state = FFA_XFER_DONE;
		x->handle = FFA_HANDLE_MAKE(r->x[2], r->x[3]);
		return 0;
	case FFA_MEM_FRAG_RX:
		x->state = FFA_XFER_MORE;
		x->handle = handle_w1w2(r);
		x->offset = (uint32_t)r->x[3];
		x->sender_id = FFA_FWD_SENDER_ID(r->x[4]);
		if (x->offset == 0 || (total != 0 && x->offset >= total))
			return FFA_EPROTO;
		return 0;
	case FFA_MEM_OP_PAUSE:
		x->state = FFA_XFER_PAUSED;
		x->handle = handle_w1w2(r);
		return 0;
	default:
		return answer_error(r);
	}
}

/* Call, then decode; a continuation must stay on the same handle. */
static int xfer_call(const struct ffa_conduit *c, struct ffa_regs *r,
		     uint32_t total, const uint64_t *handle,
		     struct ffa_mem_xfer *out)
{
	struct ffa_mem_xfer x;
	int rc;

	ffa_call(c, r);
	rc = xfer_decode(r, total, &x);
	if (rc)
		return rc;
	if (handle && x.handle != *handle)
		return FFA_EPROTO;
	*out = x;
	return 0;
}

int ffa_mem_send(const struct ffa_conduit *c, uint32_t fid,
		 uint32_t total_len, uint32_t frag_len,
		 struct ffa_mem_xfer *out)
{
	struct ffa_regs r;

	if (!is_mem_send_fid(fid))
		return FFA_RET_INVALID_PARAMETERS;
	/* x3 = 0 and w4 = 0: the descriptor is in the TX buffer. */
	ffa_regs_init(&r, fid);
	r.x[1] = total_len;
	r.x[2] = frag_len;
	return xfer_call(c, &r, total_len, NULL, out);
}

int ffa_mem_frag_tx(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t frag_len, uint16_t sender_id,
		    struct ffa_mem_xfer *out)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MEM_FRAG_TX);
	set_handle_w1w2(&r, handle);
	r.x[3] = frag_len;
	r.x[4] = FFA_FWD_SENDER_W(sender_id);
	return xfer_call(c, &r, 0, &handle, out);
}

int ffa_mem_op_resume(const struct ffa_conduit *c, uint64_t handle,
		      struct ffa_mem_xfer *out)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MEM_OP_RESUME);
	set_handle_w1w2(&r, handle);
	return xfer_call(c, &r, 0, &handle, out);
}

int ffa_mem_retrieve_req(const struct ffa_conduit *c, uint32_t total_len,
			 uint32_t frag_len, bool smc64,
			 struct ffa_mem_retrieved *out)
{
	struct ffa_regs r;
	uint32_t total, frag;

	ffa_regs_init(&r, smc64 ? FFA_MEM_RETRIEVE_REQ_64 :
		      FFA_MEM_RETRIEVE_REQ_32);
	r.x[1] = total_len;
	r.x[2] = frag_len;
	ffa_call(c, &r);
	if ((uint32_t)r.x[0] != FFA_MEM_RETRIEVE_RESP)
		return answer_error(&r);
	total = (uint32_t)r.x[1];
	frag = (uint32_t)r.x[2];
	if (frag == 0 || frag > total)
		return FFA_EPROTO;
	out->total_len = total;
	out->frag_len = frag;
	out->handle = 0;
	out->sender_id = 0;
	return 0;
}

int ffa_mem_frag_rx(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t offset, uint16_t endpoint_id,
		    struct ffa_mem_retrieved *out)
{
	struct ffa_regs r;
	uint32_t frag;

	ffa_regs_init(&r, FFA_MEM_FRAG_RX);
	set_handle_w1w2(&r, handle);
	r.x[3] = offset;
	r.x[4] = FFA_FWD_SENDER_W(endpoint_id);
	ffa_call(c, &r);
	if ((uint32_t)r.x[0] != FFA_MEM_FRAG_TX)
		return answer_error(&r);
	frag = (uint32_t)r.x[3];
	if (frag == 0 || handle_w1w2(&r) != handle)
		return FFA_EPROTO;
	/* FRAG_TX does not repeat the total: the caller has it already. */
	out->total_len = 0;
	out->frag_len = frag;
	out->handle = handle;
	out->sender_id = FFA_FWD_SENDER_ID(r.x[4]);
	return 0;
}

int ffa_mem_relinquish(const struct ffa_conduit *c)
{
	struct ffa_regs r;

	/* Every register is MBZ: the descriptor is in the TX buffer. */
	ffa_regs_init(&r, FFA_MEM_RELINQUISH);
	return ffa_call_status(c, &r);
}

int ffa_mem_reclaim(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t flags)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MEM_RECLAIM);
	set_handle_w1w2(&r, handle);
	r.x[3] = flags;
	return ffa_call_status(c, &r);
}

int ffa_mem_perm_get(const struct ffa_conduit *c, uint64_t va, bool smc64,
		     uint32_t *perms)
{
	struct ffa_regs r;
	int rc;

	if (!smc64 && va > W_MAX)
		return FFA_RET_INVALID_PARAMETERS;
	/* w2 = 0: one page (v1.3 reads it as page count - 1, same thing). */
	ffa_regs_init(&r, smc64 ? FFA_MEM_PERM_GET_64 : FFA_MEM_PERM_GET_32);
	r.x[1] = va;
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	*perms = (uint32_t)r.x[2];
	return 0;
}

int ffa_mem_perm_set(const struct ffa_conduit *c, uint64_t va,
		     uint32_t pages, uint32_t perms, bool smc64)
{
	struct ffa_regs r;

	if (!smc64 && va > W_MAX)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_init(&r, smc64 ? FFA_MEM_PERM_SET_64 : FFA_MEM_PERM_SET_32);
	r.x[1] = va;
	r.x[2] = pages;
	r.x[3] = perms;
	return ffa_call_status(c, &r);
}
