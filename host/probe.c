// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffa_host_probe(): touch one byte of an endpoint's window with a fault
 * handler of our own in place, on the calling context's stack, and say
 * whether the access faulted. The handler only jumps back: a signal
 * handler cannot be given arguments, hence the one file-scope pointer.
 */
#include <signal.h>
#include <string.h>
#include "host_internal.h"

static sigjmp_buf *probe_jmp;

static void probe_handler(int sig)
{
	(void)sig;
	siglongjmp(*probe_jmp, 1);
}

static void probe_touch(volatile uint8_t *p, bool write)
{
	uint8_t b = *p;

	if (write)
		*p = b;
}

static int probe_access(volatile uint8_t *p, bool write)
{
	struct sigaction sa, old_segv, old_bus;
	sigjmp_buf jb;
	volatile int ret = -1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = probe_handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
	probe_jmp = &jb;
	if (sigsetjmp(jb, 1) == 0) {
		probe_touch(p, write);
		ret = 0;
	}
	probe_jmp = NULL;
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGBUS, &old_bus, NULL);
	return ret;
}

int ffa_host_probe(const struct ffa_env *env, uint64_t addr, bool write)
{
	const struct host_vcpu *v = env->priv;
	volatile uint8_t *p = env->ptr(env, addr);
	int ret;

	if (!p)
		return -1;
	/* The runtime's code: the watchdog must not jump out of it. */
	v->ep->h->in_endpoint = 0;
	ret = probe_access(p, write);
	v->ep->h->in_endpoint = 1;
	return ret;
}
