/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small formatter: %s %c %d %u %x %p %%, the 'l' and 'll' length
 * modifiers, a field width and the '0' and '-' flags (%016lx, %-8s).
 * Nothing else: an unknown conversion is printed as is, so a typo shows
 * in the log.
 */
#ifndef FW_PRINTF_H
#define FW_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted characters go. */
struct fmt_sink {
	void (*put)(struct fmt_sink *sink, char c);
};

void fmt_vformat(struct fmt_sink *sink, const char *fmt, va_list ap);

/* To the console. */
__attribute__((format(printf, 1, 2)))
void fw_printf(const char *fmt, ...);

/* Into buf, always terminated; returns the length it would have had. */
__attribute__((format(printf, 3, 4)))
size_t fw_snprintf(char *buf, size_t size, const char *fmt, ...);

#endif /* FW_PRINTF_H */
