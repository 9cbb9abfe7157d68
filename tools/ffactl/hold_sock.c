// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * The hold socket: a share/lend --hold process listens on a UNIX stream
 * socket named after its handle, so that `ffactl reclaim HANDLE`, which
 * cannot reclaim a transaction itself (only the /dev/ffa/self file that
 * made it may), can ask the holder to. One request and one answer per
 * connection (hold_proto.c).
 */
#define _GNU_SOURCE	/* accept4() */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>
#include "mem.h"

/* A peer that connects and says nothing must not stall the holder. */
#define HOLD_PEER_TIMEOUT_S	2

static int sock_addr(struct sockaddr_un *sa, uint64_t handle)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	return hold_sock_path(sa->sun_path, sizeof(sa->sun_path), handle);
}

int hold_sock_listen(uint64_t handle, char *path, size_t cap)
{
	struct sockaddr_un sa;
	mode_t old;
	int fd, ret;

	ret = sock_addr(&sa, handle);
	if (ret || strlen(sa.sun_path) >= cap)
		return -ENAMETOOLONG;
	strcpy(path, sa.sun_path);
	if (mkdir(HOLD_SOCK_DIR, 0700) && errno != EEXIST)
		return -errno;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	/*
	 * A live transaction's handle is unique, so a socket by that name
	 * is a dead holder's (SIGKILL leaves it behind).
	 */
	unlink(sa.sun_path);
	old = umask(0177);
	ret = bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	umask(old);
	if (!ret)
		ret = listen(fd, 4);
	if (ret) {
		ret = -errno;
		close(fd);
		return ret;
	}
	return fd;
}

void hold_sock_close(int fd, const char *path)
{
	if (fd < 0)
		return;
	unlink(path);
	close(fd);
}

/* One line, up to '\n' (kept) or EOF: its length, or -errno. */
static ssize_t read_line(int fd, char *buf, size_t cap)
{
	size_t len = 0;
	ssize_t n;

	while (len < cap && (!len || buf[len - 1] != '\n')) {
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (!n)
			break;
		len += (size_t)n;
	}
	return (ssize_t)len;
}

static void set_timeout(int fd)
{
	struct timeval tv = { .tv_sec = HOLD_PEER_TIMEOUT_S };

	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
}

int hold_sock_answer(int conn, int err)
{
	char line[HOLD_LINE_MAX];
	int n = hold_ans_format(line, sizeof(line), err);

	if (n > 0 && send(conn, line, (size_t)n, MSG_NOSIGNAL) != n)
		n = -EPIPE;
	close(conn);
	return n < 0 ? n : 0;
}

int hold_sock_accept(int lfd, uint32_t *flags)
{
	char line[HOLD_LINE_MAX];
	ssize_t len;
	int conn;

	conn = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	if (conn < 0)
		return -errno;
	set_timeout(conn);
	len = read_line(conn, line, sizeof(line));
	if (len < 0 || hold_req_parse(line, (size_t)len, flags)) {
		hold_sock_answer(conn, -EINVAL);
		return -EAGAIN;
	}
	return conn;
}

int hold_sock_ask(uint64_t handle, uint32_t flags, int *answer)
{
	char line[HOLD_LINE_MAX];
	struct sockaddr_un sa;
	ssize_t len;
	int fd, n, ret;

	ret = sock_addr(&sa, handle);
	n = hold_req_format(line, sizeof(line), flags);
	if (ret || n < 0)
		return -EINVAL;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		ret = errno == ECONNREFUSED ? -ENOENT : -errno;
		goto out;
	}
	if (send(fd, line, (size_t)n, MSG_NOSIGNAL) != n) {
		ret = -EPIPE;
		goto out;
	}
	len = read_line(fd, line, sizeof(line));
	ret = len < 0 ? (int)len : 0;
	if (!ret && hold_ans_parse(line, (size_t)len, answer))
		ret = -EPROTO;
out:
	close(fd);
	return ret;
}
