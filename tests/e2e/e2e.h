/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_e2e's shared parts: the TAP helpers (e2e_main.c) and the tests,
 * one file per concern: messages (e2e_msg.c), memory (e2e_mem.c), a
 * partition's stage-2 fault (e2e_fault.c), notifications (e2e_notify.c), and what the world switch must keep
 * apart or let through: FP/SIMD, preemption, two CPUs (e2e_cpu.c).
 * Include it first: it sets pr_fmt.
 */
#ifndef FFA_E2E_H
#define FFA_E2E_H

#define pr_fmt(fmt) "ffa-e2e: " fmt

#include <linux/arm_ffa.h>
#include <linux/printk.h>
#include <linux/types.h>

#include <partitions/test_proto.h>

#define E2E_PART_ID		0x8001
#define E2E_PART_VERSION	0x10002	/* firmware/manifests/test-partition.dts */

/* The host's own FF-A ID (module parameter host_id; 0 on our stack). */
extern ushort e2e_host_id;

struct e2e {
	struct ffa_device *dev;
	int n;
	int failed;
};

/* One TAP line: "ok N - ..." or "not ok N - ..."; returns ok. */
__printf(3, 4) bool e2e_ok(struct e2e *t, bool ok, const char *fmt, ...);
/* count tests that do not apply under the negotiated version. */
void e2e_skip(struct e2e *t, int count, const char *what, const char *why);
/* A test that cannot run because an earlier step failed. */
void e2e_blocked(struct e2e *t, const char *what, const char *why);

/* The driver negotiated v1.0: no notifications, no MSG_SEND2. */
static inline bool e2e_v1_0(const struct e2e *t)
{
	return t->dev->ops->info_ops->api_version_get() == FFA_VERSION_1_0;
}

static inline int e2e_call(struct e2e *t, struct ffa_send_direct_data *d)
{
	return t->dev->ops->msg_ops->sync_send_receive(t->dev, d);
}

/* Memory the tests share or lend, and take back (e2e_mem.c). */
int e2e_send(struct e2e *t, bool lend, struct page *pages, size_t size,
	     u64 *handle);
int e2e_reclaim(struct e2e *t, u64 handle);

/* The tests, in the order probe runs them. */
void e2e_echo(struct e2e *t);
void e2e_whoami(struct e2e *t);
void e2e_share(struct e2e *t);
void e2e_lend(struct e2e *t);
void e2e_fault(struct e2e *t);
void e2e_notify_to_host(struct e2e *t);
void e2e_notify_to_part(struct e2e *t);
void e2e_indirect(struct e2e *t);
void e2e_smp(struct e2e *t);
void e2e_fp(struct e2e *t);
void e2e_preempt(struct e2e *t);

#endif /* FFA_E2E_H */
