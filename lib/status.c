// SPDX-License-Identifier: BSD-3-Clause
#include <libffa/status.h>

const char *ffa_status_name(int status)
{
	switch (status) {
	case FFA_RET_SUCCESS:
		return "SUCCESS";
	case FFA_RET_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case FFA_RET_INVALID_PARAMETERS:
		return "INVALID_PARAMETERS";
	case FFA_RET_NO_MEMORY:
		return "NO_MEMORY";
	case FFA_RET_BUSY:
		return "BUSY";
	case FFA_RET_INTERRUPTED:
		return "INTERRUPTED";
	case FFA_RET_DENIED:
		return "DENIED";
	case FFA_RET_RETRY:
		return "RETRY";
	case FFA_RET_ABORTED:
		return "ABORTED";
	case FFA_RET_NO_DATA:
		return "NO_DATA";
	case FFA_RET_NOT_READY:
		return "NOT_READY";
	case FFA_EPROTO:
		return "EPROTO";
	case FFA_EFULL:
		return "EFULL";
	default:
		return "UNKNOWN";
	}
}
