// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * share/lend --hold: keep the transaction until a line on stdin (a
 * denied reclaim waits for the next), EOF, SIGINT, SIGTERM, or a
 * request on the hold FIFO from ffactl reclaim (hold_fifo.c) that
 * reclaims it (a refused one is answered and the hold goes on). One
 * poll() over stdin, the FIFO and a self-pipe the signal handler
 * writes to.
 */
#define _GNU_SOURCE	/* pipe2() */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "mem.h"

/* SIGINT/SIGTERM, written by the handler, read by the hold's poll(). */
static int sig_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
	char b = (char)sig;
	int saved = errno;
	/* A full pipe already has a signal waiting: nothing is lost. */
	ssize_t n = write(sig_pipe[1], &b, 1);

	(void)n;
	errno = saved;
}

static int catch_signals(void)
{
	struct sigaction sa;

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK))
		return -errno;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* An asker that gave up early must not kill the holder. */
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

static void release_signals(void)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
}

enum hold_end { HOLD_LINE, HOLD_EOF, HOLD_SIGNAL, HOLD_SOCKET };

static const char *const end_names[] = {
	[HOLD_LINE] = "line", [HOLD_EOF] = "eof",
	[HOLD_SIGNAL] = "signal", [HOLD_SOCKET] = "reclaim",
};

struct hold {
	struct ctl *c;
	int self;
	uint64_t handle;
	struct pollfd p[3];	/* stdin, the FIFO, the signal pipe */
	enum hold_end end;
};

static void say_denied(struct hold *h, int ret, const char *retry)
{
	if (ret == -EACCES)
		fprintf(stderr, "ffactl %s: reclaim refused: a borrower still "
			"holds it; %s\n", h->c->cmd, retry);
	else
		fprintf(stderr, "ffactl %s: reclaim: %s; %s\n", h->c->cmd,
			ffadev_strerror(ret), retry);
}

/* A request on the FIFO: 1 when it reclaimed (the hold ends). */
static int serve(struct hold *h, int *ret)
{
	uint32_t flags;
	int conn = hold_fifo_accept(h->p[1].fd, h->handle, &flags);

	if (conn < 0)
		return 0;
	*ret = ffadev_reclaim(h->self, h->handle, flags);
	hold_fifo_answer(conn, *ret);
	if (*ret)
		say_denied(h, *ret, "still holding");
	return !*ret;
}

/* Input on stdin: 1 when the hold ends (EOF, or a line that did it). */
static int on_stdin(struct hold *h, int *ret)
{
	char buf[256];
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0) {
		h->end = HOLD_EOF;
		*ret = ffadev_reclaim(h->self, h->handle, 0);
		return 1;
	}
	if (!memchr(buf, '\n', (size_t)n))
		return 0;
	h->end = HOLD_LINE;
	*ret = ffadev_reclaim(h->self, h->handle, 0);
	if (*ret != -EACCES)
		return 1;
	say_denied(h, *ret, "Enter retries");
	return 0;
}

/* The next event: 1 when the hold ends, the reclaim's result in *ret. */
static int hold_step(struct hold *h, int *ret)
{
	if (poll(h->p, 3, -1) < 0)
		return 0;	/* EINTR: a signal, which the pipe has */
	if (h->p[2].revents) {
		h->end = HOLD_SIGNAL;
		*ret = ffadev_reclaim(h->self, h->handle, 0);
		return 1;
	}
	if (h->p[1].revents & POLLIN && serve(h, ret)) {
		h->end = HOLD_SOCKET;
		return 1;
	}
	if (h->p[0].revents)
		return on_stdin(h, ret);
	return 0;
}

int mem_hold(struct ctl *c, int self, uint64_t handle)
{
	struct hold h = { .c = c, .self = self, .handle = handle };
	char path[108] = "";
	int lfd, ret = catch_signals();

	if (ret)
		return ret;
	lfd = hold_fifo_listen(handle, path, sizeof(path));
	if (lfd < 0)
		fprintf(stderr, "ffactl %s: listen %s: %s (no ffactl reclaim)\n",
			c->cmd, path, strerror(-lfd));
	else
		jw_str(&c->w, "fifo", path);
	h.p[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
	h.p[1] = (struct pollfd){ .fd = lfd, .events = POLLIN };
	h.p[2] = (struct pollfd){ .fd = sig_pipe[0], .events = POLLIN };
	/* What was said so far must reach a pipe before the wait. */
	fflush(stdout);
	fprintf(stderr, "ffactl %s: holding handle=0x%llx (Enter: reclaim; "
		"EOF, SIGINT, SIGTERM, ffactl reclaim 0x%llx: reclaim and "
		"exit)\n", c->cmd, (unsigned long long)handle,
		(unsigned long long)handle);
	fflush(stderr);
	while (!hold_step(&h, &ret))
		;
	hold_fifo_close(lfd, path);
	release_signals();
	jw_str(&c->w, "ended_by", end_names[h.end]);
	return ret;
}
