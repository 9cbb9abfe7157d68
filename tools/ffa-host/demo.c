// SPDX-License-Identifier: BSD-3-Clause
/*
 * The guided tour `make demo` shows: discover the partitions, message
 * one, share a buffer with two borrowers, lend a page and watch the
 * lender fault, reclaim. Every line says what went over FF-A.
 */
#include <stdio.h>
#include <string.h>

#include <ffa_host.h>
#include <libffa/mem_desc.h>
#include <partitions/test_client.h>
#include "entries.h"
#include "tour.h"

/* Working pages of the host, after its TX and RX. */
#define BUF_OFFSET	0x100000ULL

static const struct ffa_partition *find(const struct tour *t,
					const char *uuid, uint32_t skip)
{
	struct ffa_uuid u;
	uint32_t i;

	ffa_uuid_parse(&u, uuid, FFA_UUID_STR_LEN);
	for (i = 0; i < t->nr_parts; i++)
		if (ffa_uuid_equal(&t->parts[i].uuid, &u) && skip-- == 0)
			return &t->parts[i];
	return NULL;
}

static void show_partitions(const struct tour *t)
{
	char text[FFA_UUID_STR_LEN + 1];
	uint32_t i;

	printf("[discover] FF-A v%u.%u, host ID 0x%04x, %u partitions:\n",
	       FFA_VERSION_MAJOR(t->version), FFA_VERSION_MINOR(t->version),
	       t->id, t->nr_parts);
	for (i = 0; i < t->nr_parts; i++) {
		ffa_uuid_format(&t->parts[i].uuid, text);
		printf("           0x%04x  %s  %u vCPU  properties 0x%03x\n",
		       t->parts[i].id, text, t->parts[i].exec_ctx_count,
		       t->parts[i].properties);
	}
}

static int say_echo(struct tour *t, uint16_t to)
{
	const uint64_t args[5] = { TP_CMD_ECHO, 10, 20, 30, 40 };
	uint64_t out[5];
	int ret = tp_call(t->c, t->id, to, args, out);

	if (ret)
		return ret;
	printf("[message]  host -> 0x%04x ECHO(10, 20, 30, 40) -> "
	       "(%llu, %llu, %llu, %llu)\n", to, (unsigned long long)out[1],
	       (unsigned long long)out[2], (unsigned long long)out[3],
	       (unsigned long long)out[4]);
	return 0;
}

static void one_range(void *ctx, uint32_t i, uint64_t *addr, uint32_t *pages)
{
	const uint64_t *base = ctx;

	*addr = *base + (uint64_t)i * 2 * FFA_PAGE_SIZE;
	*pages = 1;
}

/* Send nr discontiguous pages (every other page from base). */
static int send_pages(struct tour *t, uint32_t fid, uint64_t base,
		      uint32_t nr, const struct ffa_mem_access *to,
		      uint32_t nr_to, uint64_t *handle)
{
	const struct ffa_mtd_spec spec = {
		.version = t->version,
		.hdr = { .sender_id = t->id, .tag = 0x7a9,
			 .attributes = fid == FFA_MEM_SHARE_64 ?
				       FFA_MEM_ATTR_NORMAL_WB_IS : 0 },
		.access = to, .nr_access = nr_to,
		.total_pages = nr, .nr_ranges = nr,
	};

	return ffa_mem_send_stream(t->c, fid, t->tx, FFA_PAGE_SIZE, &spec,
				   one_range, &base, handle);
}

static int borrow(struct tour *t, uint16_t who, uint64_t handle,
		  uint64_t flags, uint64_t out[5])
{
	const uint64_t args[5] = {
		TP_CMD_MEM_RETRIEVE, handle, t->id, 0x7a9, flags,
	};
	int ret = tp_call(t->c, t->id, who, args, out);

	return ret ? ret : (int)(int64_t)out[0];
}

static int share_two(struct tour *t, uint16_t a, uint16_t b)
{
	const struct ffa_mem_access to[2] = {
		{ .receiver_id = a, .perms = FFA_MEM_DATA_RW },
		{ .receiver_id = b, .perms = FFA_MEM_DATA_RO },
	};
	uint64_t base = t->env->mem_base + BUF_OFFSET, handle, out[5];
	uint8_t *p = t->env->ptr(t->env, base);
	int ret;

	memset(p, 'A', 3 * FFA_PAGE_SIZE);
	ret = send_pages(t, FFA_MEM_SHARE_64, base, 2, to, 2, &handle);
	if (ret)
		return ret;
	printf("[share]    2 pages shared with 0x%04x (RW) and 0x%04x (RO): "
	       "handle 0x%016llx\n", a, b, (unsigned long long)handle);
	ret = borrow(t, a, handle, TP_MEM_RELINQUISH | TP_MEM_BYPASS, out);
	if (ret == 0)
		printf("           0x%04x retrieved %llu pages, checksum "
		       "0x%016llx, relinquished\n", a,
		       (unsigned long long)out[2], (unsigned long long)out[1]);
	if (ret == 0)
		ret = borrow(t, b, handle, TP_MEM_RELINQUISH | TP_MEM_BYPASS,
			     out);
	if (ret == 0)
		printf("           0x%04x retrieved %llu pages, checksum "
		       "0x%016llx, relinquished\n", b,
		       (unsigned long long)out[2], (unsigned long long)out[1]);
	if (ret == 0)
		ret = ffa_mem_reclaim(t->c, handle, 0);
	if (ret == 0)
		printf("           reclaimed\n");
	return ret;
}

static int lend_one(struct tour *t, uint16_t who)
{
	const struct ffa_mem_access to = {
		.receiver_id = who, .perms = FFA_MEM_DATA_RW,
	};
	uint64_t base = t->env->mem_base + BUF_OFFSET, handle, out[5];
	uint8_t *p = t->env->ptr(t->env, base);
	int ret = send_pages(t, FFA_MEM_LEND_64, base, 1, &to, 1, &handle);

	if (ret)
		return ret;
	printf("[lend]     1 page lent to 0x%04x: host read %s\n", who,
	       ffa_host_probe(t->env, base, false) ? "FAULTS" : "works (?!)");
	ret = borrow(t, who, handle,
		     TP_MEM_WRITE | TP_MEM_RELINQUISH | (0x5aU << 8), out);
	if (ret)
		return ret;
	printf("           0x%04x wrote 0x5a over it and relinquished; "
	       "host read still %s\n", who,
	       ffa_host_probe(t->env, base, false) ? "faults" : "works (?!)");
	ret = ffa_mem_reclaim(t->c, handle, 0);
	if (ret)
		return ret;
	printf("[reclaim]  host read works again: first byte 0x%02x\n", p[0]);
	return p[0] == 0x5a ? 0 : FFA_EPROTO;
}

int demo_host_main(const struct ffa_env *env)
{
	const struct ffa_partition *test, *twin;
	struct tour t;
	int ret = tour_start(&t, env);

	if (ret)
		return 1;
	show_partitions(&t);
	test = find(&t, TP_UUID_TEST, 0);
	twin = find(&t, TP_UUID_TWIN, 0);
	if (!test || !twin) {
		printf("the demo needs the test partition and a twin\n");
		return 1;
	}
	ret = say_echo(&t, test->id);
	if (ret == 0)
		ret = share_two(&t, test->id, twin->id);
	if (ret == 0)
		ret = lend_one(&t, test->id);
	printf("[done]     %s\n", ret ? tour_status(ret) : "all went through");
	return ret ? 1 : 0;
}
