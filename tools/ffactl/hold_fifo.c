// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The hold FIFOs: a share/lend --hold process listens on a FIFO named
 * after its handle, so that `ffactl reclaim HANDLE`, which cannot
 * reclaim a transaction itself (only the /dev/ffa/self file that made
 * it may), can ask the holder to. FIFOs, not a UNIX socket: the bench
 * kernel, like other small ones, is built without CONFIG_NET. A request
 * is one line, below PIPE_BUF, so concurrent askers' lines never mix;
 * each asker makes its own reply FIFO, named in the request
 * (hold_proto.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mem.h"

/* An asker waits this long for a holder that took its request. */
#define HOLD_ANSWER_TIMEOUT_MS	10000

/* The holder's own writer: no EOF (and no POLLHUP) between askers. */
static int keep_fd = -1;

int hold_fifo_listen(uint64_t handle, char *path, size_t cap)
{
	int fd, ret;

	if (hold_fifo_path(path, cap, handle))
		return -ENAMETOOLONG;
	if (mkdir(HOLD_SOCK_DIR, 0700) && errno != EEXIST)
		return -errno;
	/*
	 * A live transaction's handle is unique, so a FIFO by that name
	 * is a dead holder's (SIGKILL leaves it behind).
	 */
	unlink(path);
	if (mkfifo(path, 0600))
		return -errno;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0)
		keep_fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0 || keep_fd < 0) {
		ret = -errno;
		hold_fifo_close(fd, path);
		return ret;
	}
	return fd;
}

void hold_fifo_close(int fd, const char *path)
{
	unlink(path);
	if (fd >= 0)
		close(fd);
	if (keep_fd >= 0)
		close(keep_fd);
	keep_fd = -1;
}

/* One line, up to '\n' (kept) or EOF: its length, or -errno. */
static ssize_t read_line(int fd, char *buf, size_t cap)
{
	size_t len = 0;
	ssize_t n;

	while (len < cap && (!len || buf[len - 1] != '\n')) {
		n = read(fd, buf + len, 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return len ? (ssize_t)len : -errno;
		if (!n)
			break;
		len += (size_t)n;
	}
	return (ssize_t)len;
}

int hold_fifo_answer(int conn, int err)
{
	char line[HOLD_LINE_MAX];
	int n = hold_ans_format(line, sizeof(line), err);

	if (n > 0 && write(conn, line, (size_t)n) != n)
		n = -EPIPE;
	close(conn);
	return n < 0 ? n : 0;
}

int hold_fifo_accept(int lfd, uint64_t handle, uint32_t *flags)
{
	char line[HOLD_LINE_MAX], reply[108];
	uint32_t pid;
	ssize_t len;
	int conn;

	len = read_line(lfd, line, sizeof(line));
	if (len < 0)
		return (int)len;
	if (hold_req_parse(line, (size_t)len, flags, &pid) ||
	    hold_reply_path(reply, sizeof(reply), handle, pid))
		return -EAGAIN;
	/* The asker has it open for reading; if not, it gave up. */
	conn = open(reply, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	return conn < 0 ? -EAGAIN : conn;
}

static int wait_answer(int fd, int *answer)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char line[HOLD_LINE_MAX];
	ssize_t len;
	int ret;

	do
		ret = poll(&p, 1, HOLD_ANSWER_TIMEOUT_MS);
	while (ret < 0 && errno == EINTR);
	if (ret <= 0)
		return ret ? -errno : -ETIMEDOUT;
	len = read_line(fd, line, sizeof(line));
	if (len < 0)
		return (int)len;
	return hold_ans_parse(line, (size_t)len, answer) ? -EPROTO : 0;
}

int hold_fifo_ask(uint64_t handle, uint32_t flags, int *answer)
{
	char line[HOLD_LINE_MAX], req[108], reply[108];
	uint32_t pid = (uint32_t)getpid();
	int n, rfd, wfd, ret;

	n = hold_req_format(line, sizeof(line), flags, pid);
	if (n < 0 || hold_fifo_path(req, sizeof(req), handle) ||
	    hold_reply_path(reply, sizeof(reply), handle, pid))
		return -EINVAL;
	/* No reader (ENXIO): a holder's leftover; none at all: ENOENT. */
	wfd = open(req, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (wfd < 0)
		return errno == ENXIO ? -ENOENT : -errno;
	unlink(reply);
	if (mkfifo(reply, 0600)) {
		ret = -errno;
		close(wfd);
		return ret;
	}
	rfd = open(reply, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (rfd < 0)
		ret = -errno;
	else if (write(wfd, line, (size_t)n) != n)
		ret = -EPIPE;
	else
		ret = wait_answer(rfd, answer);
	if (rfd >= 0)
		close(rfd);
	close(wfd);
	unlink(reply);
	return ret;
}
