// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * ffa_hello: /dev/ffa from a program, with libffadev. Run as root in the
 * QEMU bench guest (ffa.ko loaded). Build it against an installed
 * libffadev:
 *
 *	cc -o ffa_hello ffa_hello.c $(pkg-config --cflags --libs ffadev)
 *
 * It does three things:
 *  1. lists the partitions, as /sys/class/ffa describes them;
 *  2. sends a direct request to the echo partition, which answers with
 *     the same five words;
 *  3. shares a page with the test partition, asks it (by a direct
 *     request) to retrieve the page, checksum it and relinquish it, then
 *     reclaims the page.
 * Every libffadev call returns a negative errno on failure;
 * ffadev_strerror() says what it means for /dev/ffa.
 */
#include <stdio.h>
#include <string.h>
#include <ffadev.h>

/* The bench's partitions (their manifests name these UUIDs). */
#define ECHO_UUID	"e3c0b9f4-1d2a-4f51-8a6e-0c9d7b5a4e02"
#define TEST_UUID	"d1a7f2a0-54b4-4d3c-9b7e-5f3f0e1a2b01"

/*
 * The test partition's protocol (partitions/include/partitions/
 * test_proto.h in the ffa tree): word 0 is the command; for RETRIEVE,
 * words 1-4 are the handle, the owner's ID, the tag and flags (2:
 * relinquish when done); the answer's word 0 is 0 or an FF-A error,
 * word 1 the FNV-1a 64 checksum of the memory it read.
 */
#define TP_CMD_MEM_RETRIEVE	3
#define TP_MEM_RELINQUISH	0x2
#define HELLO_TAG		0x4e110

static int fail(const char *what, int err)
{
	fprintf(stderr, "ffa_hello: %s: %s (%s)\n", what, ffadev_strerror(err),
		ffadev_errname(err));
	return 1;
}

/* 1. What is there: every partition's ID, node name and holder. */
static int list(void)
{
	struct ffadev_part parts[32];
	int n, i;

	n = ffadev_list(NULL, parts, 32);
	if (n < 0)
		return fail("list", n);
	for (i = 0; i < n && i < 32; i++)
		printf("partition 0x%04x %s (held by %s)\n", parts[i].id,
		       parts[i].name, ffadev_claim_name(parts[i].claimed_by));
	return 0;
}

/* 2. A direct request: five 64-bit words out, the answer's five back. */
static int ask_echo(void)
{
	struct ffadev_uuid uuid;
	uint64_t w[5] = { 1, 0x11, 0x22, 0x33, 0x44 };
	int fd, ret;

	ffadev_uuid_parse(ECHO_UUID, &uuid);
	/* Opening the node claims the partition for /dev/ffa. */
	fd = ffadev_open_uuid(&uuid);
	if (fd < 0)
		return fail("open echo", fd);
	ret = ffadev_direct(fd, 0, w);
	ffadev_close(fd);
	if (ret)
		return fail("direct request", ret);
	printf("echo answered 0x%llx 0x%llx 0x%llx 0x%llx 0x%llx\n",
	       (unsigned long long)w[0], (unsigned long long)w[1],
	       (unsigned long long)w[2], (unsigned long long)w[3],
	       (unsigned long long)w[4]);
	return 0;
}

/* Ask the test partition to retrieve, checksum and relinquish handle. */
static int ask_retrieve(int test, uint16_t self_id, uint64_t handle)
{
	uint64_t w[5] = { TP_CMD_MEM_RETRIEVE, handle, self_id, HELLO_TAG,
			  TP_MEM_RELINQUISH };
	int ret = ffadev_direct(test, 0, w);

	if (ret)
		return fail("retrieve request", ret);
	if (w[0] != 0) {
		fprintf(stderr, "ffa_hello: retrieve: FF-A error %lld\n",
			(long long)w[0]);
		return 1;
	}
	printf("test partition read the page: checksum 0x%016llx\n",
	       (unsigned long long)w[1]);
	return 0;
}

/* 3. Share one page, have it read, take it back. */
static int share(void)
{
	struct ffa_dev_info me;
	struct ffadev_borrower to;
	struct ffadev_uuid uuid;
	uint64_t handle;
	size_t len;
	char *buf;
	int self, ret = 1;

	/* Page aligned, whole pages: what the kernel can pin and share. */
	buf = ffadev_buf_alloc(1, &len);
	if (!buf)
		return fail("buffer", -1);
	memcpy(buf, "hello, partition", 17);
	self = ffadev_open_self();
	ffadev_uuid_parse(TEST_UUID, &uuid);
	to.fd = ffadev_open_uuid(&uuid);
	to.perms = FFA_DEV_MEM_READ;
	if (self < 0 || to.fd < 0) {
		fail("open", self < 0 ? self : to.fd);
		goto out;
	}
	ret = ffadev_info(self, &me);
	if (ret) {
		ret = fail("info", ret);
		goto out;
	}
	/* The borrower is named by its open node; the handle comes back. */
	ret = ffadev_mem_give(self, FFADEV_SHARE, buf, len, &to, 1, 0,
			      HELLO_TAG, &handle);
	if (ret) {
		ret = fail("share", ret);
		goto out;
	}
	printf("shared %zu bytes: handle 0x%llx\n", len,
	       (unsigned long long)handle);
	ret = ask_retrieve(to.fd, me.id, handle);
	/*
	 * Reclaim: the pages are unpinned. Had the partition not
	 * relinquished, this would be EACCES (FF-A DENIED), and closing self
	 * would leave the kernel to reclaim it later.
	 */
	if (ffadev_reclaim(self, handle, 0) == 0)
		printf("reclaimed\n");
	else
		ret = 1;
out:
	if (to.fd >= 0)
		ffadev_close(to.fd);
	if (self >= 0)
		ffadev_close(self);
	ffadev_buf_free(buf, len);
	return ret;
}

int main(void)
{
	if (list() || ask_echo() || share())
		return 1;
	return 0;
}
