// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMCCC v1.2 register rules, applied in one place so that no caller
 * has to remember them (ffa-abi.md 1.2):
 *
 *  - an SMC32 call only means w0-w7, so the upper halves of x0-x7 are
 *    cleared before the conduit sees them;
 *  - a 32-bit result is zero-extended and x8-x17 carry nothing, so such a
 *    result is read as w0-w7 with x8-x17 zero;
 *  - whether a result is 32- or 64-bit is decided by the function ID the
 *    callee wrote in w0, not by the one we called: a partition blocked in
 *    FFA_MSG_WAIT_32 may be resumed with FFA_MSG_SEND_DIRECT_REQ_64.
 */
#include <ffa/error.h>
#include <ffa/func.h>
#include <libffa/regs.h>
#include <libffa/status.h>

/* Registers an SMC32 call or result can carry: w0-w7. */
#define SMC32_NREGS		8

/*
 * The loops over registers are unrolled (#pragma GCC unroll): they run
 * on every call and answer, and their bounds are constants.
 */
void ffa_regs_narrow_args(struct ffa_regs *r)
{
	unsigned int i;

#pragma GCC unroll 8
	for (i = 0; i < SMC32_NREGS; i++)
		r->x[i] = (uint32_t)r->x[i];
}

void ffa_regs_init(struct ffa_regs *r, uint32_t fid)
{
	unsigned int i;

#pragma GCC unroll 18
	for (i = 1; i < FFA_NREGS; i++)
		r->x[i] = 0;
	r->x[0] = fid;
}

void ffa_regs_narrow_results(struct ffa_regs *r)
{
	unsigned int i;

	ffa_regs_narrow_args(r);
#pragma GCC unroll 10
	for (i = SMC32_NREGS; i < FFA_NREGS; i++)
		r->x[i] = 0;
}

void ffa_call(const struct ffa_conduit *c, struct ffa_regs *r)
{
	ffa_regs_sanitize_args(r);
	c->call(c->ctx, r);
	ffa_regs_sanitize_results(r);
}

int ffa_call_status(const struct ffa_conduit *c, struct ffa_regs *r)
{
	ffa_call(c, r);
	return ffa_regs_status(r);
}

int ffa_regs_status(const struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];
	int code;

	if (fid == FFA_SUCCESS_32 || fid == FFA_SUCCESS_64)
		return 0;
	if (fid != FFA_ERROR)
		return FFA_EPROTO;
	/* w2 is a 32-bit two's complement value, zero-extended in x2. */
	code = (int32_t)(uint32_t)r->x[2];
	/* A code we do not know is a protocol violation (bad input 38). */
	return ffa_status_is_ffa_error(code) ? code : FFA_EPROTO;
}

void ffa_regs_set_success(struct ffa_regs *r, uint32_t w2, uint32_t w3)
{
	ffa_regs_init(r, FFA_SUCCESS_32);
	r->x[2] = w2;
	r->x[3] = w3;
}

void ffa_regs_set_error(struct ffa_regs *r, int code)
{
	ffa_regs_init(r, FFA_ERROR);
	r->x[2] = (uint32_t)code;
}
