/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the host runtime's API tests share. Endpoint mains run on their
 * own stacks inside the runtime, where cmocka's asserts (a longjmp) must
 * not be used: a main records its first failed check and returns its
 * line, and the test asserts after ffa_host_run() returns.
 */
#ifndef TEST_HOST_CHECK_H
#define TEST_HOST_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static char check_failure[256];

/* Record the first failed check of a main; true when it failed. */
static inline bool check_failed(int line, const char *what, long long a,
				long long b)
{
	if (a == b)
		return false;
	if (!check_failure[0])
		snprintf(check_failure, sizeof(check_failure),
			 "line %d: %s is %#llx, not %#llx", line, what, a, b);
	return true;
}

static inline bool check_str_failed(int line, const char *what,
				    const char *a, const char *b)
{
	if (a && b && strcmp(a, b) == 0)
		return false;
	if (!check_failure[0])
		snprintf(check_failure, sizeof(check_failure),
			 "line %d: %s is \"%s\", not \"%s\"", line, what,
			 a ? a : "(null)", b ? b : "(null)");
	return true;
}

#define CHECK_EQ(a, b)							\
	do {								\
		if (check_failed(__LINE__, #a, (long long)(a),		\
				 (long long)(b)))			\
			return __LINE__;				\
	} while (0)

#define CHECK_STR(a, b)							\
	do {								\
		if (check_str_failed(__LINE__, #a, (a), (b)))		\
			return __LINE__;				\
	} while (0)

#endif /* TEST_HOST_CHECK_H */
