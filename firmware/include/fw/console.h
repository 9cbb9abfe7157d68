/* SPDX-License-Identifier: BSD-3-Clause */
/* The firmware's console: QEMU virt's PL011, polled, no interrupts. */
#ifndef FW_CONSOLE_H
#define FW_CONSOLE_H

void console_putc(char c);
void console_puts(const char *s);

#endif /* FW_CONSOLE_H */
