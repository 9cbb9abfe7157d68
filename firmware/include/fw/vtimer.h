/* SPDX-License-Identifier: BSD-3-Clause */
/* Linux's virtual timer deadline kept while a partition runs (vtimer.c). */
#ifndef FW_VTIMER_H
#define FW_VTIMER_H

#include <fw/vcpu.h>

/*
 * A vCPU was just loaded on this CPU. For a partition, host is the
 * saved state of Linux's vCPU of this CPU: if its virtual timer is
 * armed, EL2's timer fires at the same deadline. For Linux (NULL),
 * EL2's timer is off.
 */
void vtimer_guard(const struct el1_sysregs *host);

#endif /* FW_VTIMER_H */
