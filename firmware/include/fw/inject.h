/* SPDX-License-Identifier: BSD-3-Clause */
/* Exceptions the firmware makes the EL1 guest take. */
#ifndef FW_INJECT_H
#define FW_INJECT_H

#include <stdint.h>

#include <fw/traps.h>
#include <fw/vcpu.h>

/*
 * The guest's access behind ESR_EL2 esr (a data or instruction abort
 * from a lower EL) faulted at stage 2: make it take a synchronous
 * external abort at EL1 instead, as if the memory had answered with an
 * error. f is the trap frame; the ERET from it lands at the guest's
 * vector. -1 when the access was the fetch of that vector itself: the
 * guest cannot take exceptions, and injecting again would loop.
 */
int inject_external_abort(struct trap_frame *f, uint64_t esr);

/*
 * The same for v, the partition vCPU this CPU runs, when it can take
 * the abort: NULL then, else why it cannot (its manifest asks for abort,
 * it has no vector, the fault is in its vector table, or the instruction
 * its last abort was taken from faults again) and nothing was changed.
 */
const char *inject_partition_abort(struct fw_vcpu *v, struct trap_frame *f,
				   uint64_t esr);

#endif /* FW_INJECT_H */
