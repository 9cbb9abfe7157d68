/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The transport: lib/'s struct ffa_conduit over the kernel's SMCCC v1.2
 * calls. Lib world (it hands out a struct ffa_conduit); only the core
 * includes it.
 */
#ifndef FFA_DRV_TRANSPORT_H
#define FFA_DRV_TRANSPORT_H

#include <libffa/regs.h>

/*
 * Fill c with the conduit the kernel uses for PSCI (SMC or HVC). -ENODEV,
 * with one log line, when there is none or SMCCC is older than 1.2
 * (FF-A needs x0-x17).
 */
int ffa_transport_init(struct ffa_conduit *c);

#endif /* FFA_DRV_TRANSPORT_H */
