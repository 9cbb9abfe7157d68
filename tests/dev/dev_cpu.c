// SPDX-License-Identifier: GPL-2.0
/*
 * dev_cpu: two processes on two CPUs (sched_setaffinity) messaging at
 * once, each checking that every answer is its own, exactly: first to
 * two partitions (echo and the test partition's ECHO), then both to the
 * echo partition, which runs on one vCPU: a request that finds it busy
 * with the other CPU's is BUSY from the manager, EBUSY from the ioctl
 * (the contract's mapping), and is retried. Skipped on one CPU.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kselftest_harness.h"
#include "dev.h"

#define ROUNDS		2000
/* Retries of one request on EBUSY, at most. */
#define BUSY_TRIES	1000000

/*
 * In a child pinned to cpu: ROUNDS direct requests to path, the words
 * unique to this child and round. Exit 0 when all came back exact, 1
 * on a wrong answer, 2 on an error other than EBUSY, 3 when EBUSY never
 * ended, 4 on setup.
 */
static void child(int cpu, const char *path, int tp, unsigned long *busy)
{
	cpu_set_t set;
	uint64_t w[5], round;
	int fd, rc, tries, i;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) || sched_getcpu() != cpu)
		_exit(4);
	fd = dev_open(path, 0);
	if (fd < 0)
		_exit(4);
	for (round = 0; round < ROUNDS; round++) {
		for (i = 0; i < 5; i++)
			w[i] = (uint64_t)cpu << 56 | round << 8 | (uint64_t)i;
		if (tp)
			w[0] = TP_CMD_ECHO;
		tries = 0;
		do {
			uint64_t v[5];

			memcpy(v, w, sizeof(v));
			rc = dev_direct(fd, v);
			if (!rc) {
				if (tp && v[0] != 0)
					_exit(1);
				if (memcmp(v + 1, w + 1, 4 * sizeof(w[0])) ||
				    (!tp && v[0] != w[0]))
					_exit(1);
			}
		} while (rc == -EBUSY && ++tries < BUSY_TRIES);
		*busy += (unsigned long)tries;
		if (rc == -EBUSY)
			_exit(3);
		if (rc)
			_exit(2);
	}
	close(fd);
	_exit(0);
}

static void two_at_once(struct __test_metadata *_metadata,
			const char *path0, int tp0, const char *path1, int tp1)
{
	unsigned long *busy;	/* EBUSY retries of each child, shared */
	pid_t pid[2];
	int status, i;

	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		SKIP(return, "one CPU online");
	busy = mmap(NULL, 2 * sizeof(*busy), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, busy);
	busy[0] = 0;
	busy[1] = 0;
	pid[0] = fork();
	if (pid[0] == 0)
		child(0, path0, tp0, &busy[0]);
	pid[1] = fork();
	if (pid[1] == 0)
		child(1, path1, tp1, &busy[1]);
	for (i = 0; i < 2; i++) {
		ASSERT_LT(0, pid[i]);
		ASSERT_EQ(pid[i], waitpid(pid[i], &status, 0));
		EXPECT_TRUE(WIFEXITED(status));
		EXPECT_EQ(0, WEXITSTATUS(status)) TH_LOG("CPU %d", i);
	}
	ksft_print_msg("%d rounds on each CPU, EBUSY retried %lu and %lu times\n",
		       ROUNDS, busy[0], busy[1]);
	munmap(busy, 2 * sizeof(*busy));
}

/* Only for TEST_F_TIMEOUT: 2 x 2000 requests under TCG take a while. */
FIXTURE(cpus) {
	char unused;
};

FIXTURE_SETUP(cpus)
{
}

FIXTURE_TEARDOWN(cpus)
{
}

TEST_F_TIMEOUT(cpus, two_partitions, 300)
{
	two_at_once(_metadata, DEV_ECHO, 0, DEV_TEST, 1);
}

TEST_F_TIMEOUT(cpus, one_partition_ebusy_retried, 300)
{
	two_at_once(_metadata, DEV_ECHO, 0, DEV_ECHO, 0);
}

TEST_HARNESS_MAIN
