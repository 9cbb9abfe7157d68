// SPDX-License-Identifier: GPL-2.0 OR BSD-3-Clause
/*
 * A minimal JSON writer: objects, arrays, strings, numbers. Enough for
 * one object per run with stable keys; no reader, no pretty-printing.
 */
#include <inttypes.h>
#include <string.h>
#include "ffactl.h"

/*
 * RFC 8259 escaping. Bytes above 0x7e are written as \u00XX, so any
 * input (a message payload need not be UTF-8) gives valid JSON; the
 * exact bytes are in the "_hex" members beside such strings.
 */
void json_escape(FILE *f, const char *s, size_t len)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		switch (ch) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (ch < 0x20 || ch > 0x7e)
				fprintf(f, "\\u%04x", ch);
			else
				fputc(ch, f);
		}
	}
	fputc('"', f);
}

void jw_init(struct jw *w, FILE *f)
{
	w->f = f;
	w->depth = 0;
	w->count[0] = 0;
}

/* The separator and the key of the next member. */
static void member(struct jw *w, const char *key)
{
	if (w->count[w->depth]++)
		fputc(',', w->f);
	if (key) {
		json_escape(w->f, key, strlen(key));
		fputc(':', w->f);
	}
}

static void open_level(struct jw *w, const char *key, char ch)
{
	member(w, key);
	fputc(ch, w->f);
	if (w->depth < JW_DEPTH - 1)
		w->depth++;
	w->count[w->depth] = 0;
}

static void close_level(struct jw *w, char ch)
{
	fputc(ch, w->f);
	if (w->depth > 0)
		w->depth--;
}

void jw_obj(struct jw *w, const char *key)
{
	open_level(w, key, '{');
}

void jw_arr(struct jw *w, const char *key)
{
	open_level(w, key, '[');
}

void jw_end_obj(struct jw *w)
{
	close_level(w, '}');
}

void jw_end_arr(struct jw *w)
{
	close_level(w, ']');
}

void jw_strn(struct jw *w, const char *key, const char *v, size_t len)
{
	member(w, key);
	json_escape(w->f, v, len);
}

void jw_str(struct jw *w, const char *key, const char *v)
{
	jw_strn(w, key, v, strlen(v));
}

void jw_num(struct jw *w, const char *key, uint64_t v)
{
	member(w, key);
	fprintf(w->f, "%" PRIu64, v);
}

void jw_bool(struct jw *w, const char *key, int v)
{
	member(w, key);
	fputs(v ? "true" : "false", w->f);
}

void jw_hex(struct jw *w, const char *key, uint64_t v)
{
	member(w, key);
	fprintf(w->f, "\"0x%" PRIx64 "\"", v);
}
