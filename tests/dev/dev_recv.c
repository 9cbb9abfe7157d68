// SPDX-License-Identifier: GPL-2.0
/*
 * dev_recv: indirect messages sent to us (the test partition's
 * TP_CMD_SEND2), read() and poll() on self: the exact header and
 * payload, EPOLLIN, EAGAIN, EMSGSIZE (the message stays), a blocking
 * read, the order of the queue, and its bound (64: the newest dropped,
 * msgs_dropped counts it).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define QUEUE_MAX	64
/* SEND2 answered BUSY while our RX is still full: tries at most. */
#define SEND_TRIES	100000

struct msg {
	struct ffa_dev_msg_hdr hdr;
	uint64_t word;
};

FIXTURE(recv) {
	int self, test;
	int me;
};

FIXTURE_SETUP(recv)
{
	self->self = dev_open(DEV_SELF, O_NONBLOCK);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->me = dev_self_id();
	ASSERT_LE(0, self->me);
}

FIXTURE_TEARDOWN(recv)
{
	close(self->self);
	close(self->test);
}

/* The test partition sends us word (retried while our RX is busy). */
static int64_t send2(int test, uint16_t me, uint64_t word)
{
	uint64_t w[5];
	int64_t st;
	int i = 0;

	do {
		memset(w, 0, sizeof(w));
		w[0] = TP_CMD_SEND2;
		w[1] = me;
		w[2] = word;
		st = tp_cmd(test, w);
	} while (st == -4 /* BUSY */ && ++i < SEND_TRIES);
	return st;
}

static short wait_for(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	if (poll(&p, 1, DEV_WAIT_MS) != 1)
		return 0;
	return p.revents;
}

static void check_msg(struct __test_metadata *_metadata, const struct msg *m,
		      uint16_t me, uint64_t word)
{
	EXPECT_EQ(ID_TEST, m->hdr.sender);
	EXPECT_EQ(me, m->hdr.receiver);
	EXPECT_EQ(8, m->hdr.size);
	EXPECT_EQ(word, m->word);
}

TEST_F(recv, read_and_poll_one_message)
{
	struct pollfd p = { .fd = self->self, .events = POLLIN | POLLPRI };
	struct {
		struct msg m;
		uint8_t room[64];	/* a buffer larger than the message */
	} big;
	struct msg m;

	ASSERT_EQ(0, poll(&p, 1, 0));
	ASSERT_EQ(TP_OK, send2(self->test, self->me, 0x0123456789abcdefULL));
	ASSERT_EQ(POLLIN | POLLRDNORM,
		  wait_for(self->self, POLLIN | POLLRDNORM | POLLPRI));
	memset(&big, 0, sizeof(big));
	ASSERT_EQ((ssize_t)sizeof(m), read(self->self, &big, sizeof(big)));
	check_msg(_metadata, &big.m, self->me, 0x0123456789abcdefULL);
	EXPECT_EQ(0, poll(&p, 1, 0));
	EXPECT_EQ(-1, read(self->self, &m, sizeof(m)));
	EXPECT_EQ(EAGAIN, errno);
}

TEST_F(recv, too_small_is_emsgsize_and_keeps_it)
{
	struct msg m;

	ASSERT_EQ(TP_OK, send2(self->test, self->me, 42));
	ASSERT_NE(0, wait_for(self->self, POLLIN) & POLLIN);
	EXPECT_EQ(-1, read(self->self, &m, sizeof(m) - 1));
	EXPECT_EQ(EMSGSIZE, errno);
	EXPECT_EQ(-1, read(self->self, &m, sizeof(m.hdr)));
	EXPECT_EQ(EMSGSIZE, errno);
	EXPECT_EQ(-1, read(self->self, &m, 0));
	EXPECT_EQ(EMSGSIZE, errno);
	ASSERT_EQ((ssize_t)sizeof(m), read(self->self, &m, sizeof(m)));
	check_msg(_metadata, &m, self->me, 42);
}

TEST_F(recv, read_to_bad_buffer_is_efault_and_keeps_it)
{
	struct msg m;

	ASSERT_EQ(TP_OK, send2(self->test, self->me, 43));
	ASSERT_NE(0, wait_for(self->self, POLLIN) & POLLIN);
	EXPECT_EQ(-1, read(self->self, dev_hole(), sizeof(m)));
	EXPECT_EQ(EFAULT, errno);
	ASSERT_EQ((ssize_t)sizeof(m), read(self->self, &m, sizeof(m)));
	check_msg(_metadata, &m, self->me, 43);
}

/* A blocking read waits for the message a child has the partition send. */
TEST_F(recv, blocking_read)
{
	int fd = dev_open(DEV_SELF, 0), status;
	struct msg m;
	pid_t pid;

	ASSERT_LE(0, fd);
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		_exit(send2(self->test, self->me, 0xb10cULL) == TP_OK ? 0 : 1);
	ASSERT_EQ((ssize_t)sizeof(m), read(fd, &m, sizeof(m)));
	check_msg(_metadata, &m, self->me, 0xb10cULL);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, status);
	close(fd);
}

/* One device-wide queue: a message is read once, by any reader of self. */
TEST_F(recv, any_reader_takes_it_once)
{
	int other = dev_open(DEV_SELF, O_NONBLOCK);
	struct msg m;

	ASSERT_LE(0, other);
	ASSERT_EQ(TP_OK, send2(self->test, self->me, 77));
	ASSERT_NE(0, wait_for(other, POLLIN) & POLLIN);
	EXPECT_NE(0, wait_for(self->self, POLLIN) & POLLIN);
	ASSERT_EQ((ssize_t)sizeof(m), read(other, &m, sizeof(m)));
	check_msg(_metadata, &m, self->me, 77);
	EXPECT_EQ(-1, read(self->self, &m, sizeof(m)));
	EXPECT_EQ(EAGAIN, errno);
	close(other);
}

/*
 * 65 messages: the first 64 queued, in order; the 65th dropped and
 * counted. Each SEND2 is retried while our RX still holds the previous.
 */
TEST_F(recv, queue_order_and_overflow)
{
	long long dropped = dev_counter("msgs_dropped");
	struct msg m;
	uint64_t i;

	ASSERT_LE(0, dropped);
	for (i = 0; i <= QUEUE_MAX; i++)
		ASSERT_EQ(TP_OK, send2(self->test, self->me, 0x9000 + i))
			TH_LOG("message %llu", (unsigned long long)i);
	EXPECT_EQ(dropped + 1, dev_counter_wait("msgs_dropped", dropped + 1));
	for (i = 0; i < QUEUE_MAX; i++) {
		ASSERT_EQ((ssize_t)sizeof(m), read(self->self, &m, sizeof(m)))
			TH_LOG("message %llu: %s", (unsigned long long)i,
			       strerror(errno));
		check_msg(_metadata, &m, self->me, 0x9000 + i);
	}
	EXPECT_EQ(-1, read(self->self, &m, sizeof(m)));
	EXPECT_EQ(EAGAIN, errno);
}

TEST_HARNESS_MAIN
