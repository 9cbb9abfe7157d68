// SPDX-License-Identifier: BSD-3-Clause
/*
 * The rest of the platform seam: the manager lock (one thread, so it only
 * checks that it is never taken twice), the log, endpoint consoles and
 * the schedule receiver interrupt.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "host_internal.h"

struct host_ep *host_ep_by_id(struct ffa_host *h, uint16_t id)
{
	uint32_t i;

	for (i = 0; i < h->nr_eps; i++)
		if (h->eps[i].id == id)
			return &h->eps[i];
	return NULL;
}

static void host_lock(void *ctx, struct spm_lock *l)
{
	struct ffa_host *h = ctx;

	if (l->word) {
		host_logf(h, 0, "lock of rank %u taken twice", l->rank);
		abort();
	}
	l->word = 1;
}

static void host_unlock(void *ctx, struct spm_lock *l)
{
	struct ffa_host *h = ctx;

	if (!l->word) {
		host_logf(h, 0, "unlock of a free lock of rank %u", l->rank);
		abort();
	}
	l->word = 0;
}

/* The manager logs the reason of every refusal at level 3. */
#define SPM_LOG_REFUSAL	3

static void host_log(void *ctx, int level, const char *line)
{
	struct ffa_host *h = ctx;

	if (level == SPM_LOG_REFUSAL)
		host_refusal_reason(h, line);
	if (h->log)
		fprintf(stderr, "spm[%d]: %s\n", level, line);
}

void host_logf(struct ffa_host *h, int level, const char *fmt, ...)
{
	char line[HOST_ERROR_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* The runtime's own errors (level 0) show even without the log. */
	if (level == 0)
		memcpy(h->error, line, sizeof(h->error));
	if (h->log || level == 0)
		fprintf(stderr, "ffa_host[%d]: %s\n", level, line);
}

const char *ffa_host_last_error(const struct ffa_host *h)
{
	return h->error;
}

static void console_flush_ep(struct host_ep *ep)
{
	if (ep->console_len == 0)
		return;
	printf("%s: %.*s\n", ep->name, (int)ep->console_len, ep->console);
	fflush(stdout);
	ep->console_len = 0;
}

void host_console_flush(struct ffa_host *h)
{
	uint32_t i;

	for (i = 0; i < h->nr_eps; i++)
		console_flush_ep(&h->eps[i]);
}

/* A line at a time, so endpoints' output does not interleave mid-line. */
static void host_console(void *ctx, uint16_t id, const char *s, uint32_t len)
{
	struct host_ep *ep = host_ep_by_id(ctx, id);
	uint32_t i;

	if (!ep)
		return;
	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || ep->console_len == sizeof(ep->console))
			console_flush_ep(ep);
		if (s[i] != '\n')
			ep->console[ep->console_len++] = s[i];
	}
}

static void host_raise_sri(void *ctx, uint32_t cpu)
{
	struct ffa_host *h = ctx;

	h->sri_count++;
	host_logf(h, 3, "schedule receiver interrupt on cpu %u", cpu);
}

void host_platform_init(struct ffa_host *h)
{
	memset(&h->ops, 0, sizeof(h->ops));
	host_mem_ops(&h->ops);
	h->ops.lock = host_lock;
	h->ops.unlock = host_unlock;
	h->ops.log = host_log;
	h->ops.console = host_console;
	h->ops.raise_sri = host_raise_sri;
	h->plat.ops = &h->ops;
	h->plat.ctx = h;
}
