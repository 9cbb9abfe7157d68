/* SPDX-License-Identifier: BSD-3-Clause */
/* The endpoint mains ffa-host knows by name. */
#ifndef FFA_HOST_TOOL_ENTRIES_H
#define FFA_HOST_TOOL_ENTRIES_H

#include <libffa/env.h>

struct entry {
	const char *name;
	ffa_entry_fn fn;
	const char *what;
};

/* NULL when name is unknown. */
const struct entry *entry_find(const char *name);
void entry_list(void);

/* Host mains (demo.c, smoke.c). */
int demo_host_main(const struct ffa_env *env);
int smoke_host_main(const struct ffa_env *env);

#endif /* FFA_HOST_TOOL_ENTRIES_H */
