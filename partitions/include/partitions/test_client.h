/* SPDX-License-Identifier: BSD-3-Clause */
/* Talking to the test partition from another endpoint (host side). */
#ifndef PARTITIONS_TEST_CLIENT_H
#define PARTITIONS_TEST_CLIENT_H

#include <libffa/regs.h>
#include "test_proto.h"

/*
 * One command as a 64-bit direct request from self to dst: args[0] is
 * the command, out[0..4] the response words (out[0] its status). Returns
 * the call's status, or FFA_EPROTO when the answer is not dst's response.
 */
int tp_call(const struct ffa_conduit *c, uint16_t self, uint16_t dst,
	    const uint64_t args[5], uint64_t out[5]);

/*
 * V0-V31, FPCR and FPSR from / into TP_FP_WORDS words (test_proto.h's
 * layout), from inline assembly: only for AArch64 code built with
 * -mgeneral-regs-only, whose compiler never uses them; no-ops elsewhere
 * (partitions/test/cmd_fp.c).
 */
void tp_fp_regs_load(const uint64_t *w);
void tp_fp_regs_store(uint64_t *w);

#endif /* PARTITIONS_TEST_CLIENT_H */
