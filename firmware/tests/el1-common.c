// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the EL1 test payloads (el1-hello, el1-fault) share: the console
 * (QEMU virt's PL011, polled), one line per check, the vector table that
 * records an expected fault (el1-vectors.S), and the end: PASS or FAIL,
 * then a power-off through the firmware.
 */
#include <stdbool.h>
#include <stdint.h>

#include "el1-hello.h"

#define UART_DR		0x09000000UL
#define UART_FR		0x09000018UL
#define UART_FR_TXFF	(1U << 5)
#define PSCI_SYSTEM_OFF	0x84000008UL

void hello_unexpected(uint64_t slot, uint64_t esr, uint64_t elr);

struct exc hello_exc;
extern char el1_vectors[];

static const char *test_name = "el1-test";
static unsigned int failures;

static void putc_(char c)
{
	while (*(volatile uint32_t *)UART_FR & UART_FR_TXFF)
		;
	*(volatile uint32_t *)UART_DR = (uint8_t)c;
}

static void puts_(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			putc_('\r');
		putc_(*s);
	}
}

static void puthex(uint64_t v)
{
	puts_("0x");
	for (int shift = 60; shift >= 0; shift -= 4)
		putc_("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void system_off(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_OFF;

	__asm__ volatile("smc #0" : "+r"(x0) : : "x1", "x2", "x3", "x4",
			 "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12",
			 "x13", "x14", "x15", "x16", "x17", "memory");
}

void check(bool ok, const char *what, uint64_t got)
{
	puts_(test_name);
	puts_(ok ? ": ok   " : ": FAIL ");
	puts_(what);
	puts_(" -> ");
	puthex(got);
	puts_("\n");
	if (!ok)
		failures++;
}

void probe(uint64_t addr, bool write)
{
	uint64_t v = 0x5a;

	hello_exc = (struct exc){ 0 };
	if (write)
		__asm__ volatile("strb %w0, [%1]" : : "r"(v), "r"(addr)
				 : "memory");
	else
		__asm__ volatile("ldrb %w0, [%1]" : "+r"(v) : "r"(addr)
				 : "memory");
}

void hello_unexpected(uint64_t slot, uint64_t esr, uint64_t elr)
{
	puts_(test_name);
	puts_(": FAIL: unexpected exception, vector ");
	puthex(slot);
	puts_(" ESR ");
	puthex(esr);
	puts_(" ELR ");
	puthex(elr);
	puts_("\n");
	system_off();
	for (;;)
		;
}

void el1_test_start(const char *name)
{
	uint64_t el;

	test_name = name;
	/* Faults are part of the test: take them from the start. */
	__asm__ volatile("msr vbar_el1, %0\n\tisb"
			 : : "r"(el1_vectors) : "memory");
	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	puts_(test_name);
	puts_(": running at EL");
	putc_('0' + ((el >> 2) & 3));
	puts_("\n");
}

void el1_test_end(void)
{
	puts_(test_name);
	puts_(failures ? ": FAIL\n" : ": PASS\n");
	system_off();
	puts_(test_name);
	puts_(": FAIL: SYSTEM_OFF returned\n");
}
