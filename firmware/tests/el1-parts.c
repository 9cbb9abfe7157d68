// SPDX-License-Identifier: BSD-3-Clause
/*
 * The four partitions the firmware boots, seen from Linux's seat through
 * lib/'s client calls: discovery finds all four and, by UUID, the two
 * twins that share one; the echo service (a separate image from the
 * test partition's) answers a direct request and a REQ2 addressed to its
 * UUID.
 */
#include <ffa/partition.h>
#include <libffa/bytes.h>
#include <libffa/client.h>
#include <libffa/uuid.h>
#include <partitions/test_proto.h>

#include "el1-hello.h"

#define SELF		0
#define ECHO_SP		0x8002
#define TWIN_A		0x8003
#define TWIN_B		0x8004
#define NR_SPS		4

static const struct ffa_conduit hvc = { .call = sp_hvc };
static uint8_t tx[4096] __attribute__((aligned(4096)));
static uint8_t rx[4096] __attribute__((aligned(4096)));

static struct ffa_uuid uuid_of(const char *s)
{
	struct ffa_uuid u = { 0 };

	ffa_uuid_parse(&u, s, FFA_UUID_STR_LEN);
	return u;
}

static const struct ffa_partition_info_v1_1 *desc(uint32_t i)
{
	return (const struct ffa_partition_info_v1_1 *)rx + i;
}

/* The partitions whose UUID is u in the descriptors in RX. */
static uint32_t nr_with_uuid(uint32_t count, const struct ffa_uuid *u)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < count; i++) {
		struct ffa_uuid d;

		ffa_bytes_copy(&d, desc(i)->uuid, sizeof(d));
		n += ffa_uuid_equal(&d, u);
	}
	return n;
}

static void check_discovery(void)
{
	struct ffa_uuid twin = uuid_of(TP_UUID_TWIN);
	struct ffa_partinfo_count pc = { 0 };
	int ret;

	ret = ffa_partition_info_get(&hvc, NULL, 0, &pc);
	check(!ret && pc.count == NR_SPS && pc.desc_size == sizeof(*desc(0)),
	      "PARTITION_INFO_GET finds 4 partitions", pc.count);
	check(!ret && nr_with_uuid(pc.count, &twin) == 2,
	      "two of them have the twin UUID", pc.count);
	if (!ret)
		ffa_rx_release(&hvc, SELF);
	pc = (struct ffa_partinfo_count){ 0 };
	ret = ffa_partition_info_get(&hvc, &twin, 0, &pc);
	check(!ret && pc.count == 2 && desc(0)->id == TWIN_A &&
	      desc(1)->id == TWIN_B,
	      "PARTITION_INFO_GET(twin UUID): 0x8003 and 0x8004", pc.count);
	if (!ret)
		ffa_rx_release(&hvc, SELF);
}

static void check_echo(void)
{
	struct ffa_direct_msg m = { SELF, ECHO_SP, 0, { 11, 22, 33, 44, 55 } };
	struct ffa_event ev;
	int ret = ffa_direct_req(&hvc, &m, false, &ev);

	check(!ret && ev.type == FFA_EV_DIRECT_RESP &&
	      ev.direct.sender == ECHO_SP && ev.direct.args[0] == 11 &&
	      ev.direct.args[4] == 55,
	      "direct request to the echo service 0x8002 is echoed", ret);
}

static void check_echo_req2(void)
{
	struct ffa_direct_msg2 m = { .sender = SELF, .receiver = ECHO_SP,
				     .uuid = uuid_of(TP_UUID_ECHO) };
	struct ffa_event ev;
	bool same = true;
	int ret;

	for (unsigned int i = 0; i < FFA_DIRECT2_ARGS; i++)
		m.args[i] = 0x1111ULL * (i + 1);
	ret = ffa_direct_req2(&hvc, &m, &ev);
	for (unsigned int i = 0; i < FFA_DIRECT2_ARGS; i++)
		same = same && ev.direct2.args[i] == m.args[i];
	check(!ret && ev.type == FFA_EV_DIRECT_RESP2 &&
	      ev.direct2.sender == ECHO_SP && same,
	      "REQ2 to 0x8002 with its UUID: 14 words echoed", ret);
}

void check_partitions(void)
{
	int ret = ffa_rxtx_map(&hvc, (uintptr_t)tx, (uintptr_t)rx, 1, true);

	check(!ret, "FFA_RXTX_MAP for discovery", ret);
	if (ret)
		return;
	check_discovery();
	check_echo();
	check_echo_req2();
	ret = ffa_rxtx_unmap(&hvc, SELF);
	check(!ret, "FFA_RXTX_UNMAP after discovery", ret);
}
