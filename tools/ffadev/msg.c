// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * Messages and notifications: thin wrappers that fill size and flags the
 * way the UAPI wants them, and turn -1/errno into -errno.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "ffadev.h"

static int do_ioctl(int fd, unsigned long req, void *arg)
{
	int ret;

	do {
		ret = ioctl(fd, req, arg);
	} while (ret < 0 && errno == EINTR);
	return ret < 0 ? -errno : 0;
}

int ffadev_info(int fd, struct ffa_dev_info *out)
{
	memset(out, 0, sizeof(*out));
	out->size = sizeof(*out);
	return do_ioctl(fd, FFA_DEV_IOC_INFO, out);
}

int ffadev_direct(int fd, int is32, uint64_t w[5])
{
	struct ffa_dev_direct d = {
		.size = sizeof(d),
		.flags = is32 ? FFA_DEV_DIRECT_32BIT : 0,
	};
	int ret;

	memcpy(d.w, w, sizeof(d.w));
	ret = do_ioctl(fd, FFA_DEV_IOC_DIRECT, &d);
	if (!ret)
		memcpy(w, d.w, sizeof(d.w));
	return ret;
}

int ffadev_direct2(int fd, const struct ffadev_uuid *uuid, uint64_t x[14])
{
	struct ffa_dev_direct2 d = { .size = sizeof(d) };
	int ret;

	if (uuid)
		memcpy(d.uuid, uuid->b, sizeof(d.uuid));
	memcpy(d.x, x, sizeof(d.x));
	ret = do_ioctl(fd, FFA_DEV_IOC_DIRECT2, &d);
	if (!ret)
		memcpy(x, d.x, sizeof(d.x));
	return ret;
}

int ffadev_send(int fd, const void *buf, size_t len)
{
	ssize_t n = write(fd, buf, len);

	if (n < 0)
		return -errno;
	/* One message per write(): it goes whole or not at all. */
	return (size_t)n == len ? 0 : -EPROTO;
}

static int notif(int fd, unsigned long req, uint64_t bitmap)
{
	struct ffa_dev_notif n = { .size = sizeof(n), .bitmap = bitmap };

	return do_ioctl(fd, req, &n);
}

int ffadev_notif_set_vcpu(int fd, uint64_t bitmap, uint16_t vcpu)
{
	struct ffa_dev_notif n = {
		.size = sizeof(n),
		.flags = FFA_DEV_NOTIF_PER_VCPU,
		.bitmap = bitmap,
		.vcpu = vcpu,
	};

	return do_ioctl(fd, FFA_DEV_IOC_NOTIF_SET, &n);
}

int ffadev_notif_bind(int fd, uint64_t bitmap)
{
	return notif(fd, FFA_DEV_IOC_NOTIF_BIND, bitmap);
}

int ffadev_notif_unbind(int fd, uint64_t bitmap)
{
	return notif(fd, FFA_DEV_IOC_NOTIF_UNBIND, bitmap);
}

int ffadev_notif_set(int fd, uint64_t bitmap)
{
	return notif(fd, FFA_DEV_IOC_NOTIF_SET, bitmap);
}

int ffadev_notif_get(int self_fd, uint64_t *from_sp, uint64_t *from_vm)
{
	struct ffa_dev_notif_get g = { .size = sizeof(g) };
	int ret = do_ioctl(self_fd, FFA_DEV_IOC_NOTIF_GET, &g);

	if (ret)
		return ret;
	*from_sp = g.from_sp;
	*from_vm = g.from_vm;
	return 0;
}

int ffadev_wait(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };
	int ret;

	do {
		ret = poll(&p, 1, timeout_ms);
	} while (ret < 0 && errno == EINTR);
	if (ret < 0)
		return -errno;
	return ret == 0 ? -ETIMEDOUT : p.revents;
}

/* The bounce buffer holds the header and the payload, as read() gives them. */
static int read_one(int self_fd, struct ffa_dev_msg_hdr *hdr, void *buf,
		    size_t cap, int timeout_ms)
{
	size_t room = sizeof(*hdr) + cap;
	uint8_t *tmp = malloc(room);
	ssize_t n;
	int ret;

	if (!tmp)
		return -ENOMEM;
	for (;;) {
		ret = ffadev_wait(self_fd, POLLIN, timeout_ms);
		if (ret < 0)
			goto out;
		n = read(self_fd, tmp, room);
		if (n >= 0)
			break;
		/* Another reader took it first: wait again. */
		if (errno != EAGAIN && errno != EINTR) {
			ret = -errno;
			goto out;
		}
	}
	memcpy(hdr, tmp, (size_t)n < sizeof(*hdr) ? (size_t)n : sizeof(*hdr));
	if ((size_t)n < sizeof(*hdr) || (size_t)n - sizeof(*hdr) != hdr->size) {
		ret = -EPROTO;
		goto out;
	}
	memcpy(buf, tmp + sizeof(*hdr), hdr->size);
	ret = (int)hdr->size;
out:
	free(tmp);
	return ret;
}

int ffadev_recv(int self_fd, struct ffa_dev_msg_hdr *hdr, void *buf,
		size_t cap, int timeout_ms)
{
	return read_one(self_fd, hdr, buf, cap, timeout_ms);
}
