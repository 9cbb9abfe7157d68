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

#endif /* PARTITIONS_TEST_CLIENT_H */
