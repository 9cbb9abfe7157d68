// SPDX-License-Identifier: BSD-3-Clause
/*
 * A tiny EL1 guest for the firmware's tests: it checks that it runs at
 * EL1 with a DTB in x0, that the firmware answers SMCCC_VERSION on both
 * conduits, PSCI_FEATURES(SMCCC_VERSION), forwards PSCI, refuses FF-A
 * for now and rejects unknown calls; it prints "el1-hello: PASS" or a
 * FAIL line per check, then powers off through the firmware.
 */
#include <stdbool.h>
#include <stdint.h>

#define UART_DR		0x09000000UL
#define UART_FR		0x09000018UL
#define UART_FR_TXFF	(1U << 5)

#define SMCCC_VERSION		0x80000000UL
#define PSCI_VERSION		0x84000000UL
#define PSCI_SYSTEM_OFF		0x84000008UL
#define PSCI_FEATURES		0x8400000AUL
#define FFA_ERROR		0x84000060UL
#define FFA_VERSION		0x84000063UL
#define FFA_ID_GET		0x84000069UL
#define SIP_CALL		0x82000000UL
#define FDT_MAGIC_LE		0xedfe0dd0U	/* 0xd00dfeed, big-endian */
#define NOT_SUPPORTED		((uint64_t)-1)

void hello_main(uint64_t dtb);

struct res {
	uint64_t x0, x1, x2, x3;
};

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

/* An SMCCC call; x4-x17 may be clobbered (SMCCC v1.2). */
#define SMCCC_CALL(insn, r, a0, a1)					\
do {									\
	register uint64_t x0 __asm__("x0") = (a0);			\
	register uint64_t x1 __asm__("x1") = (a1);			\
	register uint64_t x2 __asm__("x2") = 0;				\
	register uint64_t x3 __asm__("x3") = 0;				\
	__asm__ volatile(insn " #0"					\
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)	\
			 : : "x4", "x5", "x6", "x7", "x8", "x9", "x10",	\
			   "x11", "x12", "x13", "x14", "x15", "x16",	\
			   "x17", "memory");				\
	(r) = (struct res){ x0, x1, x2, x3 };				\
} while (0)

static struct res smc(uint64_t a0, uint64_t a1)
{
	struct res r;

	SMCCC_CALL("smc", r, a0, a1);
	return r;
}

static struct res hvc(uint64_t a0, uint64_t a1)
{
	struct res r;

	SMCCC_CALL("hvc", r, a0, a1);
	return r;
}

static unsigned int failures;

static void check(bool ok, const char *what, uint64_t got)
{
	puts_(ok ? "el1-hello: ok   " : "el1-hello: FAIL ");
	puts_(what);
	puts_(" -> ");
	puthex(got);
	puts_("\n");
	if (!ok)
		failures++;
}

static void check_calls(void)
{
	struct res r;

	r = smc(SMCCC_VERSION, 0);
	check(r.x0 == 0x10002, "smc SMCCC_VERSION is 1.2", r.x0);
	r = hvc(SMCCC_VERSION, 0);
	check(r.x0 == 0x10002, "hvc SMCCC_VERSION is 1.2", r.x0);
	r = smc(PSCI_FEATURES, SMCCC_VERSION);
	check(r.x0 == 0, "PSCI_FEATURES(SMCCC_VERSION) is 0", r.x0);
	r = smc(PSCI_VERSION, 0);
	check(r.x0 >= 0x10000 && r.x0 < 0x20000,
	      "PSCI_VERSION forwarded to QEMU is 1.x", r.x0);
	r = smc(FFA_VERSION, 0x10002);
	check(r.x0 == NOT_SUPPORTED, "FFA_VERSION is NOT_SUPPORTED", r.x0);
	r = smc(FFA_ID_GET, 0);
	check(r.x0 == FFA_ERROR && (uint32_t)r.x2 == 0xffffffffU,
	      "FFA_ID_GET is FFA_ERROR(NOT_SUPPORTED)", r.x2);
	r = smc(SIP_CALL, 0);
	check(r.x0 == NOT_SUPPORTED, "an unknown call is -1", r.x0);
}

void hello_main(uint64_t dtb)
{
	uint64_t el;

	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	puts_("el1-hello: running at EL");
	putc_('0' + ((el >> 2) & 3));
	puts_("\n");
	check(((el >> 2) & 3) == 1, "CurrentEL is EL1", el);
	check(dtb && *(volatile uint32_t *)dtb == FDT_MAGIC_LE,
	      "x0 points to a DTB", dtb);
	check_calls();
	puts_(failures ? "el1-hello: FAIL\n" : "el1-hello: PASS\n");
	smc(PSCI_SYSTEM_OFF, 0);
	puts_("el1-hello: FAIL: SYSTEM_OFF returned\n");
}
