// SPDX-License-Identifier: GPL-2.0
/*
 * dev_sigbus: a lent buffer is not ours while it is lent. The firmware
 * answers the stage-2 fault with a synchronous external abort, which
 * Linux turns into SIGBUS (BUS_OBJERR at the exact address) for the
 * process that touches it, never into a kernel oops; once reclaimed,
 * the buffer is back, intact.
 *
 * A lent range must be MADV_DONTFORK, so a forked child does not have
 * it: the buffer is a memfd, which the child maps again (the same
 * pages). The lender itself touching its buffer is the second case.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define NPAGES	2

FIXTURE(lend) {
	int self, test, memfd;
	size_t n;
	uint8_t *buf;
	uint64_t sum;
	struct dev_counts before;
};

FIXTURE_SETUP(lend)
{
	self->self = dev_open(DEV_SELF, 0);
	self->test = dev_open(DEV_TEST, 0);
	ASSERT_LE(0, self->self);
	ASSERT_LE(0, self->test);
	self->n = NPAGES * dev_page();
	self->memfd = memfd_create("dev_sigbus", MFD_CLOEXEC);
	ASSERT_LE(0, self->memfd);
	ASSERT_EQ(0, ftruncate(self->memfd, self->n));
	self->buf = mmap(NULL, self->n, PROT_READ | PROT_WRITE, MAP_SHARED,
			 self->memfd, 0);
	ASSERT_NE(MAP_FAILED, self->buf);
	ASSERT_EQ(0, madvise(self->buf, self->n, MADV_DONTFORK));
	dev_fill(self->buf, self->n, 0x1e4d);
	self->sum = dev_fnv(self->buf, self->n);
	dev_counts(&self->before);
}

FIXTURE_TEARDOWN(lend)
{
	munmap(self->buf, self->n);
	close(self->memfd);
	close(self->self);
	close(self->test);
}

/* In a child: map the memfd again and touch byte off (write or read). */
static void touch_in_child(int memfd, size_t n, size_t off, int write)
{
	volatile uint8_t *p = mmap(NULL, n, PROT_READ | PROT_WRITE,
				   MAP_SHARED, memfd, 0);

	if (p == MAP_FAILED)
		_exit(2);
	if (write)
		p[off] = 1;
	else
		(void)p[off];
	_exit(0);	/* it should not get here */
}

static int child_status(int memfd, size_t n, size_t off, int write)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0)
		touch_in_child(memfd, n, off, write);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

TEST_F(lend, child_touching_lent_memory_gets_sigbus)
{
	uint64_t handle, sum;
	int st;

	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_LEND, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ |
				 FFA_DEV_MEM_WRITE, &handle));
	/* The borrower has it meanwhile. */
	ASSERT_EQ(TP_OK, tp_retrieve(self->test, handle, 0, 0, &sum, NULL));
	EXPECT_EQ(self->sum, sum);
	st = child_status(self->memfd, self->n, 0, 0);
	EXPECT_TRUE(WIFSIGNALED(st)) TH_LOG("child status 0x%x", st);
	EXPECT_EQ(SIGBUS, WTERMSIG(st));
	st = child_status(self->memfd, self->n, self->n - 1, 1);
	EXPECT_TRUE(WIFSIGNALED(st)) TH_LOG("child status 0x%x", st);
	EXPECT_EQ(SIGBUS, WTERMSIG(st));
	ASSERT_EQ(TP_OK, tp_relinquish(self->test, handle));
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	/* Ours again: intact, and a child may touch it. */
	EXPECT_EQ(self->sum, dev_fnv(self->buf, self->n));
	EXPECT_EQ(0, child_status(self->memfd, self->n, 0, 1));
	EXPECT_EQ(self->before.pins, dev_pins());
	EXPECT_EQ(self->before.pinned, dev_counter("pinned_pages"));
}

static volatile sig_atomic_t got_code;
static void *volatile got_addr;

static sigjmp_buf jump;

static void on_sigbus_jump(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(jump, 1);
}

/* The lender itself: SIGBUS, BUS_OBJERR, at the byte it touched. */
TEST_F(lend, lender_touching_gets_bus_objerr)
{
	struct sigaction sa = { .sa_sigaction = on_sigbus_jump,
				.sa_flags = SA_SIGINFO };
	volatile uint8_t *p = self->buf;
	size_t off = self->n / 2 + 40;
	uint64_t handle;
	int caught = 0;

	ASSERT_EQ(0, sigaction(SIGBUS, &sa, NULL));
	ASSERT_EQ(0, dev_mem_one(self->self, FFA_DEV_IOC_MEM_LEND, self->buf,
				 self->n, self->test, FFA_DEV_MEM_READ, &handle));
	if (sigsetjmp(jump, 1) == 0)
		(void)p[off];
	else
		caught = 1;
	EXPECT_EQ(1, caught);
	EXPECT_EQ(BUS_OBJERR, got_code);
	EXPECT_EQ((void *)(p + off), got_addr);
	ASSERT_EQ(0, dev_reclaim(self->self, handle, 0));
	EXPECT_EQ(self->sum, dev_fnv(self->buf, self->n));
	signal(SIGBUS, SIG_DFL);
}

/*
 * A process that lends its buffer, touches it and dies of SIGBUS: its
 * death closes self, which reclaims the loan; nothing stays pinned.
 */
TEST_F(lend, lender_dies_of_sigbus_and_loan_is_reclaimed)
{
	int status;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (pid == 0) {
		int s = dev_open(DEV_SELF, 0), t = dev_open(DEV_TEST, 0);
		volatile uint8_t *p = dev_buf(self->n, 1);
		uint64_t h;

		if (s < 0 || t < 0 || !p ||
		    dev_mem_one(s, FFA_DEV_IOC_MEM_LEND, (void *)p, self->n, t,
				FFA_DEV_MEM_READ, &h))
			_exit(2);
		p[0] = 7;
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status)) TH_LOG("child status 0x%x", status);
	EXPECT_EQ(SIGBUS, WTERMSIG(status));
	EXPECT_EQ(self->before.shares, dev_counter_wait("shares",
							self->before.shares));
	EXPECT_EQ(self->before.orphans, dev_counter("orphans"));
	EXPECT_EQ(self->before.pinned, dev_counter("pinned_pages"));
	EXPECT_EQ(self->before.pins, dev_pins());
}

TEST_HARNESS_MAIN
