/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FF-A error codes, carried as a 32-bit two's complement value in w2 of
 * FFA_ERROR. A caller must compare (int32_t)w2: an SMC32 result is
 * zero-extended, so -2 reads back as x2 = 0x00000000FFFFFFFE.
 */
#ifndef FFA_ERROR_H
#define FFA_ERROR_H

#define FFA_RET_SUCCESS			0
#define FFA_RET_NOT_SUPPORTED		(-1)
#define FFA_RET_INVALID_PARAMETERS	(-2)
#define FFA_RET_NO_MEMORY		(-3)
#define FFA_RET_BUSY			(-4)
#define FFA_RET_INTERRUPTED		(-5)
#define FFA_RET_DENIED			(-6)
#define FFA_RET_RETRY			(-7)
#define FFA_RET_ABORTED			(-8)
#define FFA_RET_NO_DATA			(-9)	/* v1.1 */
#define FFA_RET_NOT_READY		(-10)	/* v1.2 */

#define FFA_RET_MIN			FFA_RET_NOT_READY

#endif /* FFA_ERROR_H */
