/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "An error changes nothing", checked on everything: a snapshot holds a
 * copy of the whole manager (struct spm), the storage handed to
 * spm_init() (page states, range pool) and the fake platform (memory,
 * every endpoint's mappings, raised interrupts, console output).
 *
 * After a call refused with an FF-A error, everything must be
 * byte-identical to the snapshot except the few things an error may
 * legitimately change; state_snapshot.c lists them and says why.
 * harness_expect() and harness_expect_error() check this by default for
 * every answer that is an error, and the expect_refused()/
 * expect_rejected() helpers of test_spm_mem_common.h and
 * test_spm_msg_common.h use it too.
 */
#ifndef STATE_SNAPSHOT_H
#define STATE_SNAPSHOT_H

#include "fake_platform.h"

struct harness_snapshot;

/* Copy everything the manager and the platform hold now. */
struct harness_snapshot *harness_snapshot(const struct spm_harness *h);

/*
 * Fail the test unless nothing changed since s was taken, but what the
 * refused FF-A call in by endpoint caller may change. in NULL: no call
 * was made (around spm_boot() or spm_preempt(), say), nothing at all may
 * change. Frees s.
 */
void harness_expect_unchanged(const struct spm_harness *h,
			      struct harness_snapshot *s, uint16_t caller,
			      const struct ffa_regs *in);

/* Free a snapshot without comparing. */
void harness_snapshot_free(struct harness_snapshot *s);

/*
 * True when out is how the manager refuses in: FFA_ERROR, or (for
 * FFA_VERSION, which has no FFA_ERROR form) NOT_SUPPORTED in w0.
 */
bool harness_is_refusal(const struct ffa_regs *in, const struct ffa_regs *out);

#endif /* STATE_SNAPSHOT_H */
