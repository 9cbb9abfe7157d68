/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the two worlds of the spm tests share (test_spm_mem_common.h for
 * memory, test_spm_msg_common.h for messaging and scheduling): endpoint
 * IDs, registers written as literals, exact decisions, and the refusal
 * check that snapshots the whole manager and platform
 * (support/state_snapshot.h).
 */
#ifndef TEST_SPM_COMMON_H
#define TEST_SPM_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ffa/ffa.h>
#include <spm/spm.h>

#include "fake_platform.h"
#include "state_snapshot.h"

#define HELPER static inline __attribute__((unused))

#define HOST	0x0001U
#define P1	0x8001U
#define P2	0x8002U
#define P3	0x8003U

/* All 18 registers of a call or a decision; unnamed ones are zero. */
#define X(...)	((const uint64_t[FFA_NREGS]){ __VA_ARGS__ })

HELPER struct spm_endpoint *spm_ep(struct spm_harness *h, uint16_t id)
{
	struct spm_endpoint *ep = spm_endpoint_by_id(h->spm, id);

	assert_non_null(ep);
	return ep;
}

/* Exactly this decision: next, who runs, all 18 registers. */
HELPER void expect_decision(const struct spm_decision *d, enum spm_next next,
			    uint16_t ep, uint16_t vcpu, const uint64_t *x)
{
	uint32_t i;

	assert_int_equal(d->next, next);
	assert_int_equal(d->ep, ep);
	assert_int_equal(d->vcpu, vcpu);
	for (i = 0; i < FFA_NREGS; i++)
		if (d->regs.x[i] != x[i])
			fail_msg("x%u = %#llx, expected %#llx", i,
				 (unsigned long long)d->regs.x[i],
				 (unsigned long long)x[i]);
}

/*
 * The call x by ep on vCPU vcpu is answered FFA_ERROR(code), and nothing
 * else changes: not the manager, its storage, nor the platform.
 */
HELPER void expect_call_refused(struct spm_harness *h, uint16_t ep,
				uint16_t vcpu, const uint64_t *x,
				uint32_t code)
{
	struct harness_snapshot *s = harness_snapshot(h);
	struct spm_decision d;
	struct ffa_regs in;

	memcpy(in.x, x, sizeof(in.x));
	d = harness_call(h, ep, vcpu, &in);
	expect_decision(&d, SPM_RESUME, ep, vcpu, X(0x84000060, 0, code));
	harness_expect_unchanged(h, s, ep, &in);
}

#endif /* TEST_SPM_COMMON_H */
