// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffactl's hold FIFO protocol (hold_proto.c): the socket's path for a
 * handle, the reply FIFO's, the request and answer lines as formatted, byte for byte, and
 * every malformed line refused.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "ffactl.h"

/* The parsers take a length: a whole C string's. */
static int req_parse(const char *s, uint32_t *flags, uint32_t *pid)
{
	return hold_req_parse(s, strlen(s), flags, pid);
}

static int ans_parse(const char *s, int *err)
{
	return hold_ans_parse(s, strlen(s), err);
}

static void paths(void **state)
{
	char p[108];

	(void)state;
	assert_int_equal(hold_fifo_path(p, sizeof(p), 0x200000000ULL), 0);
	assert_string_equal(p, "/run/ffactl/0x200000000.fifo");
	assert_int_equal(hold_fifo_path(p, sizeof(p), 0), 0);
	assert_string_equal(p, "/run/ffactl/0x0.fifo");
	assert_int_equal(hold_fifo_path(p, sizeof(p), UINT64_MAX), 0);
	assert_string_equal(p, "/run/ffactl/0xffffffffffffffff.fifo");
	assert_int_equal(hold_reply_path(p, sizeof(p), 0x200000000ULL, 77), 0);
	assert_string_equal(p, "/run/ffactl/0x200000000.77.reply");
	/* Exactly the length plus its NUL fits; one byte less does not. */
	assert_int_equal(hold_fifo_path(p, sizeof("/run/ffactl/0x1.fifo"), 1),
			 0);
	assert_int_equal(hold_fifo_path(p, sizeof("/run/ffactl/0x1.fifo") - 1,
					1), -ENAMETOOLONG);
}

static void requests(void **state)
{
	char line[HOLD_LINE_MAX];
	uint32_t flags = 77, pid = 78;

	(void)state;
	assert_int_equal(hold_req_format(line, sizeof(line), 0, 42), 13);
	assert_string_equal(line, "reclaim 0 42\n");
	assert_int_equal(hold_req_format(line, sizeof(line), 1, 42), 13);
	assert_string_equal(line, "reclaim 1 42\n");
	assert_int_equal(hold_req_format(line, sizeof(line), UINT32_MAX,
					 2147483647), 30);
	assert_string_equal(line, "reclaim 4294967295 2147483647\n");
	assert_int_equal(hold_req_format(line, 13, 1, 42), -ENOSPC);

	assert_int_equal(req_parse("reclaim 0 42\n", &flags, &pid), 0);
	assert_int_equal(flags, 0);
	assert_int_equal(pid, 42);
	assert_int_equal(req_parse("reclaim 1 7\n", &flags, &pid), 0);
	assert_int_equal(flags, 1);
	assert_int_equal(pid, 7);
	assert_int_equal(req_parse("reclaim 4294967295 2147483647\n",
					&flags, &pid), 0);
	assert_int_equal(flags, UINT32_MAX);
	assert_int_equal(pid, 2147483647);
	flags = 77;
	pid = 78;
	assert_int_equal(req_parse("reclaim 4294967296 1\n", &flags,
					&pid), -EINVAL);
	assert_int_equal(req_parse("reclaim 1 2147483648\n", &flags,
					&pid), -EINVAL);
	assert_int_equal(req_parse("reclaim 1 0\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 1\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 1 2", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim  1 2\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 1  2\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 1 2 3\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim -1 2\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 0x1 2\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim 1 2\n\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("Reclaim 1 2\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(req_parse("reclaim\n", &flags, &pid),
			 -EINVAL);
	assert_int_equal(hold_req_parse("", 0, &flags, &pid), -EINVAL);
	/* A refused line leaves the outputs alone. */
	assert_int_equal(flags, 77);
	assert_int_equal(pid, 78);
}

static void answers(void **state)
{
	char line[HOLD_LINE_MAX];
	int err = 77;

	(void)state;
	assert_int_equal(hold_ans_format(line, sizeof(line), 0), 2);
	assert_string_equal(line, "0\n");
	assert_int_equal(hold_ans_format(line, sizeof(line), -EACCES), 4);
	assert_string_equal(line, "-13\n");
	assert_int_equal(hold_ans_format(line, sizeof(line), -4095), 6);
	assert_string_equal(line, "-4095\n");
	assert_int_equal(hold_ans_format(line, sizeof(line), 1), -EINVAL);
	assert_int_equal(hold_ans_format(line, sizeof(line), -4096), -EINVAL);
	assert_int_equal(hold_ans_format(line, 4, -EACCES), -ENOSPC);

	assert_int_equal(ans_parse("0\n", &err), 0);
	assert_int_equal(err, 0);
	assert_int_equal(ans_parse("-13\n", &err), 0);
	assert_int_equal(err, -EACCES);
	assert_int_equal(ans_parse("-4095\n", &err), 0);
	assert_int_equal(err, -4095);
	err = 77;
	assert_int_equal(ans_parse("-4096\n", &err), -EINVAL);
	assert_int_equal(ans_parse("13\n", &err), -EINVAL);
	assert_int_equal(ans_parse("-0\n", &err), -EINVAL);
	assert_int_equal(ans_parse("-13", &err), -EINVAL);
	assert_int_equal(ans_parse("-\n", &err), -EINVAL);
	assert_int_equal(ans_parse("-1-3\n", &err), -EINVAL);
	assert_int_equal(ans_parse("--13\n", &err), -EINVAL);
	assert_int_equal(ans_parse("\n", &err), -EINVAL);
	assert_int_equal(hold_ans_parse("", 0, &err), -EINVAL);
	assert_int_equal(err, 77);
}

/* What one side formats, the other parses back to the same value. */
static void round_trip(void **state)
{
	static const int errs[] = { 0, -EACCES, -EINVAL, -ENOENT, -EPROTO };
	char line[HOLD_LINE_MAX];
	uint32_t flags, pid;
	unsigned int i;
	int err, n;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		n = hold_ans_format(line, sizeof(line), errs[i]);
		assert_true(n > 0);
		assert_int_equal(hold_ans_parse(line, (size_t)n, &err), 0);
		assert_int_equal(err, errs[i]);
	}
	n = hold_req_format(line, sizeof(line), 1, 1234);
	assert_int_equal(hold_req_parse(line, (size_t)n, &flags, &pid), 0);
	assert_int_equal(flags, 1);
	assert_int_equal(pid, 1234);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paths),
		cmocka_unit_test(requests),
		cmocka_unit_test(answers),
		cmocka_unit_test(round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
