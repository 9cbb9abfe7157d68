/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef HELLO_H
#define HELLO_H

#include <libffa/env.h>

#define HELLO_UUID "5e110000-feed-4a11-8c0d-00000000aaaa"

/* The host main's argument (ffa_host_arg()): what to ask the partition. */
struct hello_sum {
	uint64_t a, b;
};

int hello_partition_main(const struct ffa_env *env);
int hello_host_main(const struct ffa_env *env);

#endif /* HELLO_H */
