// SPDX-License-Identifier: BSD-3-Clause
/*
 * Your own program on the host runtime: assemble a system from two
 * manifests (your partition and the host), then, as the host, find the
 * partition by its UUID and ask it to add the two numbers main() gave
 * it (its endpoint's argument).
 *
 *	build/examples/hello build/examples/hello.dtb build/examples/host.dtb
 */
#include <stdio.h>

#include <ffa_host.h>
#include <libffa/client.h>
#include <libffa/status.h>

#include "hello.h"

/* The host's TX and RX buffers: the first two pages of its memory. */
static int map_buffers(const struct ffa_env *env)
{
	return ffa_rxtx_map(&env->conduit, env->mem_base,
			    env->mem_base + FFA_PAGE_SIZE, 1, true);
}

static int find_adder(const struct ffa_env *env, uint16_t *id)
{
	struct ffa_partinfo_count cnt;
	struct ffa_uuid uuid;
	const uint8_t *rx = env->ptr(env, env->mem_base + FFA_PAGE_SIZE);
	int ret;

	ffa_uuid_parse(&uuid, HELLO_UUID, FFA_UUID_STR_LEN);
	ret = ffa_partition_info_get(&env->conduit, &uuid, 0, &cnt);
	if (ret)
		return ret;
	/* The first descriptor's ID; a real driver would iterate. */
	*id = (uint16_t)(rx[0] | rx[1] << 8);
	return ffa_rx_release(&env->conduit, 0);
}

int hello_host_main(const struct ffa_env *env)
{
	/* What main() passed to ffa_host_add_file() for this endpoint. */
	const struct hello_sum *sum = ffa_host_arg(env);
	struct ffa_direct_msg m = {
		.sender = env->id, .args = { 0, sum->a, sum->b },
	};
	struct ffa_event ev;
	int ret = map_buffers(env);

	if (ret == 0)
		ret = find_adder(env, &m.receiver);
	if (ret == 0)
		ret = ffa_direct_req(&env->conduit, &m, true, &ev);
	if (ret) {
		printf("hello: %s\n", ffa_status_name(ret));
		return 1;
	}
	printf("hello: partition 0x%04x says %llu + %llu = %llu\n",
	       m.receiver, (unsigned long long)sum->a,
	       (unsigned long long)sum->b,
	       (unsigned long long)ev.direct.args[1]);
	return ev.direct.args[1] == sum->a + sum->b ? 0 : 1;
}

int main(int argc, char **argv)
{
	struct ffa_host_config cfg = { .mem_size = 64ULL << 20 };
	struct hello_sum sum = { .a = 2, .b = 3 };
	struct ffa_host *h;
	int ret;

	if (argc != 3) {
		fprintf(stderr, "usage: %s PARTITION.dtb HOST.dtb\n", argv[0]);
		return 2;
	}
	h = ffa_host_create(&cfg);
	/* The partition needs nothing; the host main gets its question. */
	if (!h || ffa_host_add_file(h, argv[1], hello_partition_main, NULL) ||
	    ffa_host_add_file(h, argv[2], hello_host_main, &sum)) {
		fprintf(stderr, "hello: cannot assemble the system\n");
		return 2;
	}
	ret = ffa_host_run(h);
	ffa_host_destroy(h);
	return ret;
}
