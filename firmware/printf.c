// SPDX-License-Identifier: BSD-3-Clause
/*
 * The formatter behind fw_printf and fw_snprintf (see fw/printf.h for
 * what it accepts). Numbers are converted right to left into a small
 * buffer, then padded to the field width.
 */
#include <stdbool.h>
#include <stdint.h>

#include <fw/console.h>
#include <fw/printf.h>

struct spec {
	unsigned int width;
	bool left;		/* '-': pad on the right */
	bool zero;		/* '0': pad with '0' instead of ' ' */
	int longs;		/* number of 'l' modifiers */
};

static void put_padded(struct fmt_sink *sink, const struct spec *sp,
		       const char *s, unsigned int len)
{
	char pad = sp->zero && !sp->left ? '0' : ' ';
	unsigned int fill = len < sp->width ? sp->width - len : 0;

	while (!sp->left && fill--)
		sink->put(sink, pad);
	while (len--)
		sink->put(sink, *s++);
	while (sp->left && fill--)
		sink->put(sink, pad);
}

static void put_number(struct fmt_sink *sink, const struct spec *sp,
		       uint64_t v, unsigned int base, bool negative)
{
	char buf[24];		/* 2^64 in decimal is 20 digits, plus '-' */
	unsigned int i = sizeof(buf);

	do {
		buf[--i] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (negative)
		buf[--i] = '-';
	put_padded(sink, sp, &buf[i], sizeof(buf) - i);
}

static uint64_t arg_unsigned(va_list *ap, int longs)
{
	if (longs)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned int);
}

static int64_t arg_signed(va_list *ap, int longs)
{
	if (longs)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

static void put_signed(struct fmt_sink *sink, const struct spec *sp,
		       int64_t v)
{
	/* Negate in unsigned arithmetic: INT64_MIN has no positive twin. */
	uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;

	put_number(sink, sp, mag, 10, v < 0);
}

static void put_string(struct fmt_sink *sink, const struct spec *sp,
		       const char *s)
{
	unsigned int len = 0;

	if (!s)
		s = "(null)";
	while (s[len])
		len++;
	put_padded(sink, sp, s, len);
}

/* One conversion at *fmt (just after '%'); returns what follows it. */
static const char *convert(struct fmt_sink *sink, const char *fmt,
			   va_list *ap)
{
	struct spec sp = { 0 };

	for (;; fmt++) {
		if (*fmt == '-')
			sp.left = true;
		else if (*fmt == '0')
			sp.zero = true;
		else
			break;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp.width = sp.width * 10 + (unsigned int)(*fmt++ - '0');
	while (*fmt == 'l') {
		sp.longs++;
		fmt++;
	}
	switch (*fmt) {
	case 'd':
		put_signed(sink, &sp, arg_signed(ap, sp.longs));
		break;
	case 'u':
		put_number(sink, &sp, arg_unsigned(ap, sp.longs), 10, false);
		break;
	case 'x':
		put_number(sink, &sp, arg_unsigned(ap, sp.longs), 16, false);
		break;
	case 'p':
		sink->put(sink, '0');
		sink->put(sink, 'x');
		put_number(sink, &sp, (uintptr_t)va_arg(*ap, void *), 16,
			   false);
		break;
	case 's':
		put_string(sink, &sp, va_arg(*ap, const char *));
		break;
	case 'c':
		sink->put(sink, (char)va_arg(*ap, int));
		break;
	case '\0':
		return fmt;	/* a lone '%' at the end */
	default:
		sink->put(sink, *fmt);	/* "%%" and unknown conversions */
		break;
	}
	return fmt + 1;
}

void fmt_vformat(struct fmt_sink *sink, const char *fmt, va_list ap)
{
	va_list args;

	/* A copy, so convert() can take it by pointer portably. */
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%')
			sink->put(sink, *fmt++);
		else
			fmt = convert(sink, fmt + 1, &args);
	}
	va_end(args);
}

static void console_sink_put(struct fmt_sink *sink, char c)
{
	(void)sink;
	console_putc(c);
}

void fw_printf(const char *fmt, ...)
{
	struct fmt_sink sink = { .put = console_sink_put };
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(&sink, fmt, ap);
	va_end(ap);
}

struct buf_sink {
	struct fmt_sink sink;	/* first: the callback gets this pointer */
	char *buf;
	size_t size;
	size_t len;
};

static void buf_sink_put(struct fmt_sink *sink, char c)
{
	struct buf_sink *b = (struct buf_sink *)sink;

	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

size_t fw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	struct buf_sink b = {
		.sink.put = buf_sink_put, .buf = buf, .size = size,
	};
	va_list ap;

	va_start(ap, fmt);
	fmt_vformat(&b.sink, fmt, ap);
	va_end(ap);
	if (size)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return b.len;
}
