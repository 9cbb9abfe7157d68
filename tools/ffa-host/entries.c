// SPDX-License-Identifier: BSD-3-Clause
#include <stdio.h>
#include <string.h>

#include <partitions/partitions.h>
#include "entries.h"

static const struct entry entries[] = {
	{ "test-partition", ffa_test_partition_main,
	  "the test partition (command protocol of test_proto.h)" },
	{ "echo", ffa_echo_partition_main, "the echo service" },
	{ "demo", demo_host_main,
	  "host main: the guided tour that make demo shows" },
	{ "smoke", smoke_host_main,
	  "host main: discover, then message every partition once" },
};

const struct entry *entry_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(entries) / sizeof(entries[0]); i++)
		if (strcmp(entries[i].name, name) == 0)
			return &entries[i];
	return NULL;
}

void entry_list(void)
{
	size_t i;

	for (i = 0; i < sizeof(entries) / sizeof(entries[0]); i++)
		printf("  %-15s %s\n", entries[i].name, entries[i].what);
}
