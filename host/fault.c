// SPDX-License-Identifier: BSD-3-Clause
/*
 * Faults of endpoint code. While ffa_host_run() runs, a SIGSEGV or SIGBUS
 * on an address in the running endpoint's own window is an access the
 * manager did not allow: the vCPU's main is left (siglongjmp to its
 * first frame) and the vCPU ends as aborted. Any other fault is a bug of
 * the program: the previous action is put back and the fault repeats.
 *
 * A signal handler cannot be given arguments, hence the one file-scope
 * pointer to the running runtime (one runs at a time, see ffa_host.h).
 */
#include <signal.h>
#include <string.h>
#include "host_internal.h"

static struct ffa_host *fault_host;
static struct sigaction fault_old_segv, fault_old_bus;

static bool in_window(const struct host_vcpu *v, const void *addr)
{
	const uint8_t *a = addr, *w = v->ep->window;
	uint64_t size = v->ep->h->nr_pages * FFA_PAGE_SIZE;

	return w && a >= w && (uint64_t)(a - w) < size;
}

static void fault_handler(int sig, siginfo_t *si, void *uc)
{
	struct host_vcpu *v = fault_host ? fault_host->current : NULL;

	(void)uc;
	if (v && in_window(v, si->si_addr))
		siglongjmp(v->fault, 1);
	sigaction(sig, sig == SIGSEGV ? &fault_old_segv : &fault_old_bus,
		  NULL);
}

int host_fault_install(struct ffa_host *h)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &fault_old_segv) != 0)
		return -1;
	if (sigaction(SIGBUS, &sa, &fault_old_bus) != 0) {
		sigaction(SIGSEGV, &fault_old_segv, NULL);
		return -1;
	}
	fault_host = h;
	return 0;
}

void host_fault_remove(void)
{
	fault_host = NULL;
	sigaction(SIGSEGV, &fault_old_segv, NULL);
	sigaction(SIGBUS, &fault_old_bus, NULL);
}
