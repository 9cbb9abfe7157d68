/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Status values returned by lib/: 0, a negative FF-A error code
 * (FFA_RET_*, which may travel on the wire) or one of the lib-only codes
 * below, which never do.
 */
#ifndef LIBFFA_STATUS_H
#define LIBFFA_STATUS_H

#include <ffa/error.h>

/* The callee's answer broke the ABI (unknown function ID, error code). */
#define FFA_EPROTO	(-100)
/* The builder's current fragment is full: send it, then continue. */
#define FFA_EFULL	(-101)

/* A short upper-case name for a status, e.g. "INVALID_PARAMETERS". */
const char *ffa_status_name(int status);

/* True for the codes FFA_ERROR may carry (-1 .. FFA_RET_MIN). */
static inline int ffa_status_is_ffa_error(int status)
{
	return status < 0 && status >= FFA_RET_MIN;
}

#endif /* LIBFFA_STATUS_H */
