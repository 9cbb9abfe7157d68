/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What endpoint code (a partition's main, the host VM's main) gets from
 * whatever runs it: its conduit, who it is, and how to turn the addresses
 * it uses in FF-A calls into pointers. The host runtime and the EL2
 * firmware each fill one in; code written against it runs in both.
 */
#ifndef LIBFFA_ENV_H
#define LIBFFA_ENV_H

#include <ffa/types.h>
#include "regs.h"

struct ffa_env {
	struct ffa_conduit conduit;
	uint16_t id;		/* as the manifest says; FFA_ID_GET agrees */
	uint16_t vcpu;
	/* The endpoint's own memory (its first manifest region). */
	uint64_t mem_base;
	uint64_t mem_size;
	/* Address used in FF-A (IPA) -> pointer, and back. */
	void *(*ptr)(const struct ffa_env *env, uint64_t addr);
	uint64_t (*addr)(const struct ffa_env *env, const void *p);
	void *priv;		/* the runtime's */
};

/* An endpoint's entry point; a partition's never returns. */
typedef int (*ffa_entry_fn)(const struct ffa_env *env);

#endif /* LIBFFA_ENV_H */
