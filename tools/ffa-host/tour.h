/* SPDX-License-Identifier: BSD-3-Clause */
/* What the demo and smoke host mains share: the host's own setup. */
#ifndef FFA_HOST_TOOL_TOUR_H
#define FFA_HOST_TOOL_TOUR_H

#include <libffa/client.h>
#include <libffa/env.h>
#include <libffa/partinfo.h>

#define TOUR_MAX_PARTS	16

struct tour {
	const struct ffa_env *env;
	const struct ffa_conduit *c;
	uint16_t id;
	uint32_t version;
	uint8_t *tx;
	uint8_t *rx;
	uint32_t nr_parts;
	struct ffa_partition parts[TOUR_MAX_PARTS];
};

/*
 * Negotiate, map TX/RX at the first two pages of the host's memory and
 * list the partitions. Prints what failed; returns 0 or the status.
 */
int tour_start(struct tour *t, const struct ffa_env *env);

/* "INVALID_PARAMETERS" and friends, or the number. */
const char *tour_status(int status);

#endif /* FFA_HOST_TOOL_TOUR_H */
