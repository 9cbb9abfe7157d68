/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The register set of an SMCCC v1.2 call and the conduit that performs it.
 *
 * A conduit is whatever carries x0-x17 to the callee and back: an SMC or
 * HVC instruction, the host runtime's loopback into the manager, or a
 * scripted conduit in a test.
 */
#ifndef LIBFFA_REGS_H
#define LIBFFA_REGS_H

#include <ffa/func.h>
#include <ffa/types.h>

#define FFA_NREGS	18

struct ffa_regs {
	uint64_t x[FFA_NREGS];
};

/* Perform the call in place: arguments in, results out. */
typedef void (*ffa_conduit_fn)(void *ctx, struct ffa_regs *regs);

struct ffa_conduit {
	ffa_conduit_fn call;
	void *ctx;
};

/*
 * Issue a call with the SMCCC v1.2 register rules applied on both sides:
 * for an SMC32 function ID the upper halves of x0-x7 are cleared before
 * the call; after it, a result whose x0 is not an SMC64 FF-A function ID
 * is read as w0-w7 (upper halves cleared) and x8-x17 read as 0.
 */
void ffa_call(const struct ffa_conduit *c, struct ffa_regs *r);
/*
 * ffa_call(), then ffa_regs_status(): for ABIs that complete with plain
 * FFA_SUCCESS/FFA_ERROR. *r keeps the results for the values SUCCESS
 * carries.
 */
int ffa_call_status(const struct ffa_conduit *c, struct ffa_regs *r);

/*
 * Copy all of a register set. Inline and unrolled (LDP/STP pairs): the
 * trap and switch path copies whole sets, where a memcpy call spent
 * more on its loop than on the 144 bytes. dst and src do not overlap.
 */
static inline void ffa_regs_copy(struct ffa_regs *dst,
				 const struct ffa_regs *src)
{
	unsigned int i;

#pragma GCC unroll 18
	for (i = 0; i < FFA_NREGS; i++)
		dst->x[i] = src->x[i];
}

/* Clear all registers and set x0 to fid. */
void ffa_regs_init(struct ffa_regs *r, uint32_t fid);

/* Clear the upper halves of x0-x7 (out of line). */
void ffa_regs_narrow_args(struct ffa_regs *r);

/*
 * Callee side: the upper halves of x0-x7 of an SMC32 call mean nothing;
 * clear them. Inline: an SMC64 call costs the test and no call.
 */
static inline void ffa_regs_sanitize_args(struct ffa_regs *r)
{
	if (!FFA_FID_IS_64((uint32_t)r->x[0]))
		ffa_regs_narrow_args(r);
}
/*
 * True when ffa_regs_sanitize_args() would change nothing: an SMC64
 * call, or an SMC32 call whose x0-x7 have clear upper halves. A callee
 * may then read the registers as they are, without a sanitized copy.
 * Inline: every call the manager takes asks it, and an SMC64 one is
 * answered by one bit.
 */
static inline bool ffa_regs_args_clean(const struct ffa_regs *r)
{
	uint64_t upper = 0;
	unsigned int i;

	if (FFA_FID_IS_64((uint32_t)r->x[0]))
		return true;
#pragma GCC unroll 8
	for (i = 0; i < 8; i++)	/* w0-w7: what an SMC32 call carries */
		upper |= r->x[i] >> 32;
	return upper == 0;
}

/* True when fid is an SMC64 FF-A function ID that may carry x8-x17. */
static inline bool ffa_fid_is_wide(uint32_t fid)
{
	/* Everything but the function number (and the SVE hint) is fixed. */
	uint32_t fixed = fid & ~(SMCCC_FUNC_NUM_MASK | SMCCC_SVE_HINT);
	uint32_t num = FFA_FID_NUM(fid);

	if (fixed != FFA_FID64(0))
		return false;
	return num >= FFA_NUM_FIRST && num <= FFA_NUM_RANGE_LAST;
}

/* The result rule for a result that is not wide (out of line). */
void ffa_regs_narrow_results(struct ffa_regs *r);

/*
 * Either side: apply the result rule described at ffa_call(). Inline,
 * so that a wide result (every SMC64 answer on the hot path) costs the
 * test and no call.
 */
static inline void ffa_regs_sanitize_results(struct ffa_regs *r)
{
	if (!ffa_fid_is_wide((uint32_t)r->x[0]))
		ffa_regs_narrow_results(r);
}

/*
 * Decode a plain completion: 0 for FFA_SUCCESS_32/64, the error code for
 * FFA_ERROR (FFA_EPROTO when outside the known range), FFA_EPROTO for any
 * other function ID.
 */
int ffa_regs_status(const struct ffa_regs *r);

/* Callee side: compose FFA_SUCCESS_32 (w2, w3) or FFA_ERROR (code). */
void ffa_regs_set_success(struct ffa_regs *r, uint32_t w2, uint32_t w3);
void ffa_regs_set_error(struct ffa_regs *r, int code);

#endif /* LIBFFA_REGS_H */
