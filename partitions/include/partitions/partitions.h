/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The example partitions' entry points. Each is written only against lib/
 * and runs unchanged on the host runtime and as an EL1 guest of the EL2
 * firmware. An entry never returns while the partition is healthy.
 *
 * Memory: a partition's first manifest region starts with its TX page,
 * then its RX page; the rest is its own working memory.
 */
#ifndef PARTITIONS_PARTITIONS_H
#define PARTITIONS_PARTITIONS_H

#include <libffa/env.h>

int ffa_test_partition_main(const struct ffa_env *env);
int ffa_echo_partition_main(const struct ffa_env *env);

#endif /* PARTITIONS_PARTITIONS_H */
