/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one mapping from lib/'s statuses to errno values, for the worlds
 * that have errno: the kernel (our Linux driver) and host programs.
 * Freestanding builds (the firmware, partitions) have no errno and do
 * not include this header.
 *
 * The FF-A codes map as ffa-abi.md 3 lists them, which is also what
 * Linux's own driver answers, so a caller of ours sees the errno it
 * would see upstream. The lib-only codes: FFA_EPROTO (the callee broke
 * the ABI) is EPROTO; FFA_EFULL (a builder fragment is full) is a
 * signal between lib/ and its caller that must never reach a user, so
 * it maps to EPROTO too: if it escapes, it is our bug, reported as one.
 */
#ifndef LIBFFA_ERRNO_H
#define LIBFFA_ERRNO_H

#ifdef __KERNEL__
#include <linux/errno.h>
#else
#include <errno.h>
#endif
#include <libffa/status.h>

/* 0 for 0, otherwise a negative errno; never 0 for an error. */
static inline int ffa_status_to_errno(int status)
{
	switch (status) {
	case FFA_RET_SUCCESS:
		return 0;
	case FFA_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case FFA_RET_INVALID_PARAMETERS:
		return -EINVAL;
	case FFA_RET_NO_MEMORY:
		return -ENOMEM;
	case FFA_RET_BUSY:
		return -EBUSY;
	case FFA_RET_INTERRUPTED:
		return -EINTR;
	case FFA_RET_DENIED:
		return -EACCES;
	case FFA_RET_RETRY:
	case FFA_RET_NOT_READY:
		return -EAGAIN;
	case FFA_RET_ABORTED:
		return -ECANCELED;
	case FFA_RET_NO_DATA:
		return -ENODATA;
	default:
		/* FFA_EPROTO, FFA_EFULL, or no status of ours at all. */
		return -EPROTO;
	}
}

#endif /* LIBFFA_ERRNO_H */
