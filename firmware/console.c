// SPDX-License-Identifier: BSD-3-Clause
/*
 * PL011 output. QEMU's PL011 works without being programmed (no baud
 * rate, always enabled), and Linux reprograms it anyway, so we only poll
 * the TX FIFO and write.
 */
#include <stdint.h>

#include <fw/console.h>
#include <fw/memmap.h>

#define UART_DR		0x00
#define UART_FR		0x18
#define UART_FR_TXFF	(1U << 5)	/* transmit FIFO full */

static volatile uint32_t *uart_reg(unsigned int off)
{
	return (volatile uint32_t *)(UART_BASE + off);
}

static void uart_tx(char c)
{
	while (*uart_reg(UART_FR) & UART_FR_TXFF)
		;
	*uart_reg(UART_DR) = (uint8_t)c;
}

void console_putc(char c)
{
	/* Terminals want CR LF; every log line ends in '\n'. */
	if (c == '\n')
		uart_tx('\r');
	uart_tx(c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}
