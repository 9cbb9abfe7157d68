// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * share/lend's buffer and its end: filled from a file or a pattern,
 * checksummed as the test partition does, and reclaimed at once or when
 * the hold ends (hold.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <partitions/test_proto.h>
#include "mem.h"

static int read_file(int fd, uint8_t *p, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = read(fd, p + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return 0;
}

static int fill_file(struct ctl *c, const char *file, struct mem_buf *m)
{
	struct stat st;
	int fd = open(file, O_RDONLY | O_CLOEXEC), ret;

	if (fd < 0 || fstat(fd, &st)) {
		ret = -errno;
		if (fd >= 0)
			close(fd);
		return ctl_fail(c, exit_for_open(ret), ret, "%s: %s", file,
				strerror(-ret));
	}
	if (st.st_size <= 0) {
		close(fd);
		return ctl_usage(c, "%s: empty, or not a regular file", file);
	}
	m->buf = ffadev_buf_alloc((size_t)st.st_size, &m->len);
	ret = m->buf ? read_file(fd, m->buf, (size_t)st.st_size) : -errno;
	close(fd);
	if (ret)
		return ctl_fail(c, EXIT_FAILED, ret, "%s: %s", file,
				strerror(-ret));
	return 0;
}

int mem_fill(struct ctl *c, const struct mem_args *a, struct mem_buf *m)
{
	uint8_t *p;
	size_t i;
	int ret;

	if (a->file) {
		ret = fill_file(c, a->file, m);
		if (ret)
			return ret;
	} else {
		if (a->size > SIZE_MAX)
			return ctl_usage(c, "size too large");
		m->buf = ffadev_buf_alloc((size_t)a->size, &m->len);
		if (!m->buf)
			return ctl_fail(c, EXIT_FAILED, -errno, "buffer: %s",
					strerror(errno));
		/* A prime period, so no two pages of a share look alike. */
		p = m->buf;
		for (i = 0; i < m->len; i++)
			p[i] = (uint8_t)(i % 251);
	}
	m->fnv = tp_fnv(TP_FNV_OFFSET, m->buf, m->len);
	return 0;
}

int mem_end(struct ctl *c, int self, uint64_t handle, int hold_it)
{
	int ret = hold_it ? mem_hold(c, self, handle) :
		ffadev_reclaim(self, handle, 0);

	jw_bool(&c->w, "reclaimed", !ret);
	if (!ret) {
		ctl_say(c, "reclaimed%s\n", hold_it ? "" :
			" at once (use --hold to keep it)");
		return EXIT_OK;
	}
	return ctl_fail(c, EXIT_FAILED, ret, "reclaim: %s%s",
			ffadev_strerror(ret), ret == -EACCES ?
			"; the kernel reclaims it once the borrower relinquishes" :
			"");
}
