// SPDX-License-Identifier: BSD-3-Clause
/*
 * The watchdog: a run whose endpoints loop, or wait on each other for
 * ever, ends with FFA_HOST_RUN_TIMEOUT instead of hanging the process.
 *
 * A POSIX timer on the monotonic clock signals SIGALRM to the thread
 * that runs ffa_host_run(), once after the configured time, then every
 * tick. The first signal only marks the run expired: the next FF-A call
 * of the running vCPU stops it there (vcpu.c), where the manager is
 * between calls. A vCPU still in its own code at a later tick never
 * calls again, so the handler jumps out of that code to its vCPU's first
 * frame (as a fault does, fault.c), which stops the run. Either way the
 * running vCPU switches to ffa_host_run()'s context and never runs again.
 *
 * A signal handler cannot be given arguments, hence the one file-scope
 * pointer to the running runtime (one runs at a time, see ffa_host.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "host_internal.h"

/* Older C libraries name the target thread of SIGEV_THREAD_ID only so. */
#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id	_sigev_un._tid
#endif

/* After the time is up, how often a vCPU in its own code is looked at. */
#define WATCHDOG_TICK_MS	100U
#define WATCHDOG_ENV_MAX_S	(UINT32_MAX / 1000U - 1U)

static struct ffa_host *wd_host;
static struct sigaction wd_old;

/* FFA_HOST_WATCHDOG: whole seconds, 0 or "off" for none. */
static int watchdog_from_env(const char *env, uint32_t *ms)
{
	unsigned long long s;
	char *end;

	if (strcmp(env, "off") == 0) {
		*ms = 0;
		return 0;
	}
	errno = 0;
	s = strtoull(env, &end, 10);
	if (errno || end == env || *end != '\0' || env[0] == '-' ||
	    s > WATCHDOG_ENV_MAX_S)
		return -1;
	*ms = (uint32_t)(s * 1000U);
	return 0;
}

int host_watchdog_configure(struct ffa_host *h)
{
	const char *env = getenv("FFA_HOST_WATCHDOG");

	if (h->cfg.watchdog_ms == FFA_HOST_WATCHDOG_OFF) {
		h->watchdog_ms = 0;
		return 0;
	}
	if (h->cfg.watchdog_ms) {
		h->watchdog_ms = h->cfg.watchdog_ms;
		return 0;
	}
	h->watchdog_ms = FFA_HOST_DEFAULT_WATCHDOG_MS;
	if (env && *env)
		return watchdog_from_env(env, &h->watchdog_ms);
	return 0;
}

static void watchdog_handler(int sig, siginfo_t *si, void *uc)
{
	struct ffa_host *h = wd_host;
	struct host_vcpu *v;

	(void)sig;
	(void)uc;
	/* Only our timer's signal: a stray SIGALRM does nothing. */
	if (!h || si->si_code != SI_TIMER || si->si_value.sival_ptr != h)
		return;
	if (!h->expired) {
		h->expired = 1;
		return;
	}
	v = h->current;
	if (v && h->in_endpoint)
		siglongjmp(v->fault, HOST_JMP_WATCHDOG);
}

static struct timespec ms_to_ts(uint32_t ms)
{
	struct timespec ts = {
		.tv_sec = ms / 1000U,
		.tv_nsec = (long)(ms % 1000U) * 1000000L,
	};

	return ts;
}

int host_watchdog_arm(struct ffa_host *h)
{
	struct sigevent sev;
	struct itimerspec its = {
		.it_value = ms_to_ts(h->watchdog_ms),
		.it_interval = ms_to_ts(WATCHDOG_TICK_MS),
	};
	struct sigaction sa;

	if (!h->watchdog_ms)
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = watchdog_handler;
	/* The runtime's own system calls must not fail with EINTR. */
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIGALRM;
	sev.sigev_value.sival_ptr = h;
	sev.sigev_notify_thread_id = gettid();
	if (sigaction(SIGALRM, &sa, &wd_old) != 0)
		return -1;
	wd_host = h;
	if (timer_create(CLOCK_MONOTONIC, &sev, &h->watchdog_timer) != 0) {
		host_watchdog_disarm(h);
		return -1;
	}
	h->watchdog_armed = true;
	if (timer_settime(h->watchdog_timer, 0, &its, NULL) != 0) {
		host_watchdog_disarm(h);
		return -1;
	}
	return 0;
}

void host_watchdog_disarm(struct ffa_host *h)
{
	if (wd_host != h)
		return;
	/* Deleting the timer also drops a signal of it still pending. */
	if (h->watchdog_armed)
		timer_delete(h->watchdog_timer);
	h->watchdog_armed = false;
	sigaction(SIGALRM, &wd_old, NULL);
	wd_host = NULL;
}

/* Append to buf[*len, size), cut at the end. */
static void describe_add(char *buf, size_t size, size_t *len,
			 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void describe_add(char *buf, size_t size, size_t *len,
			 const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len += (size_t)n < size - *len ? (size_t)n : size - *len;
}

void host_describe_vcpus(struct ffa_host *h, const struct host_vcpu *running,
			 bool own_code, char *buf, size_t size)
{
	const char *sep = "; waiting in a call:";
	size_t len = strnlen(buf, size);
	const struct host_vcpu *v;
	uint32_t i, j;

	if (running)
		describe_add(buf, size, &len, "; running: %s (0x%04x) vCPU %u, ",
			     running->ep->name, running->ep->id,
			     running->index);
	if (running && !own_code)
		describe_add(buf, size, &len, "calling 0x%08x",
			     running->call_fid);
	else if (running && running->call_fid)
		describe_add(buf, size, &len, "in its own code since its call "
			     "0x%08x", running->call_fid);
	else if (running)
		describe_add(buf, size, &len, "in its own code, no call yet");
	for (i = 0; i < h->nr_eps; i++)
		for (j = 0; j < h->eps[i].nr_vcpus; j++) {
			v = &h->eps[i].vcpus[j];
			if (v == running || !v->started || v->dead ||
			    !v->in_call)
				continue;
			describe_add(buf, size, &len, "%s %s (0x%04x) vCPU %u "
				     "in 0x%08x", sep, v->ep->name, v->ep->id,
				     v->index, v->call_fid);
			sep = ",";
		}
}

void host_watchdog_stop(struct ffa_host *h, struct host_vcpu *v,
			bool own_code)
{
	char msg[HOST_ERROR_MAX];

	snprintf(msg, sizeof(msg), "watchdog: the run did not end in %u ms",
		 h->watchdog_ms);
	host_describe_vcpus(h, v, own_code, msg, sizeof(msg));
	host_logf(h, 0, "%s", msg);
	h->timed_out = true;
	host_switch(h, v, NULL);
	host_logf(h, 0, "a vCPU the watchdog stopped was resumed");
	abort();
}
