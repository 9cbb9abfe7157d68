// SPDX-License-Identifier: BSD-3-Clause
/* Choosing the context switch: configuration, then FFA_HOST_CTX. */
#include <stdlib.h>
#include <string.h>
#include "host_internal.h"

const struct host_ctx_ops *host_ctx_pick(enum ffa_host_ctx_kind kind)
{
	const char *env;

	if (kind == FFA_HOST_CTX_ASM)
		return &host_ctx_asm;
	if (kind == FFA_HOST_CTX_UCONTEXT)
		return &host_ctx_ucontext;
	if (kind != FFA_HOST_CTX_DEFAULT)
		return NULL;
	env = getenv("FFA_HOST_CTX");
	if (!env || !*env || strcmp(env, "asm") == 0)
		return &host_ctx_asm;
	if (strcmp(env, "ucontext") == 0)
		return &host_ctx_ucontext;
	return NULL;
}
