// SPDX-License-Identifier: BSD-3-Clause
/*
 * The test image's fw_selftest(): fault on purpose, as "fwtest=<name>"
 * in the bootargs asks, to show that the EL2 vectors turn any
 * unexpected exception into a register dump and a power-off; or, for
 * "fwtest=s2", check the stage-2 table builder (selftest-s2.c). Each test
 * prints what it does first; reaching the line after the fault is a
 * failure.
 */
#include <stddef.h>

#include <libfdt_env.h>

#include <fw/fw.h>
#include <fw/printf.h>
#include <fw/psci.h>
#include <fw/selftest.h>

/* 64 GiB: inside the 39-bit VA range, mapped by nothing. */
#define UNMAPPED_VA	0x1000000000UL

static void read_unmapped(void)
{
	(void)*(volatile unsigned long *)UNMAPPED_VA;
}

static void undefined_insn(void)
{
	__asm__ volatile("udf #0");
}

static void breakpoint(void)
{
	__asm__ volatile("brk #0x42");
}

struct fault_test {
	const char *name;
	void (*run)(void);
};

static const struct fault_test tests[] = {
	{ "data-abort", read_unmapped },
	{ "undef", undefined_insn },
	{ "brk", breakpoint },
};

/* Does word (up to a space or the end) equal name? */
static int word_is(const char *word, const char *name)
{
	size_t len = strlen(name);

	return !memcmp(word, name, len) &&
	       (word[len] == ' ' || word[len] == '\0');
}

/* The value of "fwtest=" in a space-separated command line, or NULL. */
static const char *fwtest_arg(const char *cmdline)
{
	static const char key[] = "fwtest=";

	while (cmdline) {
		if (!memcmp(cmdline, key, sizeof(key) - 1))
			return cmdline + sizeof(key) - 1;
		cmdline = strchr(cmdline, ' ');
		if (cmdline)
			cmdline++;
	}
	return NULL;
}

void fw_selftest(const struct boot_info *bi)
{
	const char *want = fwtest_arg(bi->bootargs);

	if (!want)
		return;
	if (word_is(want, "s2")) {
		selftest_s2();
		psci_system_off();
	}
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (!word_is(want, tests[i].name))
			continue;
		fw_printf("fw-selftest: %s: faulting on purpose\n",
			  tests[i].name);
		tests[i].run();
		fw_printf("fw-selftest: FAIL: %s returned\n", tests[i].name);
		psci_system_off();
	}
	fw_printf("fw-selftest: FAIL: unknown test \"%s\"\n", want);
	psci_system_off();
}
