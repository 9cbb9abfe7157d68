// SPDX-License-Identifier: BSD-3-Clause
/*
 * ffactl's JSON: string escaping (every class of byte) and the writer's
 * separators and nesting, byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ffactl.h"

static char *text;
static size_t text_len;

static FILE *open_text(void)
{
	FILE *f = open_memstream(&text, &text_len);

	assert_non_null(f);
	return f;
}

static void close_text(FILE *f, const char *want)
{
	fclose(f);
	assert_string_equal(text, want);
	free(text);
	text = NULL;
}

static void escapes(void **state)
{
	static const char in[] = "a\"b\\c\n\r\t\x01\x1f\x7f\xc3\xa9/ ~";
	FILE *f = open_text();

	(void)state;
	json_escape(f, in, sizeof(in) - 1);
	close_text(f, "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\\u007f"
		   "\\u00c3\\u00a9/ ~\"");
}

static void escapes_nul(void **state)
{
	FILE *f = open_text();

	(void)state;
	/* A payload may hold NUL bytes: the length says where it ends. */
	json_escape(f, "a\0b", 3);
	close_text(f, "\"a\\u0000b\"");
}

static void writer(void **state)
{
	FILE *f = open_text();
	struct jw w;

	(void)state;
	jw_init(&w, f);
	jw_num(&w, "id", 32769);
	jw_str(&w, "name", "x\"y");
	jw_hex(&w, "handle", 0xffffffffffffffffULL);
	jw_bool(&w, "ok", 1);
	jw_arr(&w, "list");
	jw_obj(&w, NULL);
	jw_num(&w, "a", 0);
	jw_end_obj(&w);
	jw_obj(&w, NULL);
	jw_end_obj(&w);
	jw_hex(&w, NULL, 0);
	jw_end_arr(&w);
	jw_obj(&w, "o");
	jw_bool(&w, "f", 0);
	jw_end_obj(&w);
	close_text(f, "\"id\":32769,\"name\":\"x\\\"y\","
		   "\"handle\":\"0xffffffffffffffff\",\"ok\":true,"
		   "\"list\":[{\"a\":0},{},\"0x0\"],\"o\":{\"f\":false}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes),
		cmocka_unit_test(escapes_nul),
		cmocka_unit_test(writer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
