// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_e2e: an end-to-end test of the FF-A stack from Linux.
 *
 * An ffa_driver bound to the test partition (partitions/test, ID 0x8001)
 * that uses only the upstream in-kernel FF-A API (Linux 6.12,
 * <linux/arm_ffa.h>): direct requests with msg_ops->sync_send_receive,
 * memory with mem_ops->memory_share / memory_lend / memory_reclaim
 * (and a partition that faults on a page it gave back takes the abort
 * at its own vector and goes on answering),
 * notifications with notifier_ops (both directions), indirect messages
 * with msg_ops->indirect_send (Linux to partition only: 6.12 has no API to
 * receive one), and concurrent direct requests from two CPUs; and that
 * the world switch keeps our NEON registers and the partition's apart
 * (kernel_neon_begin/end), and that our timer interrupt preempts a
 * partition that spins in a direct request. Its
 * probe drives the partition's command protocol
 * (partitions/include/partitions/test_proto.h) and prints TAP to the
 * kernel log:
 *
 *   ffa-e2e: 1..N
 *   ffa-e2e: ok 1 - ...         or  ffa-e2e: not ok 1 - ...
 *   ffa-e2e: PASS               or  ffa-e2e: FAIL
 */
#include "e2e.h"

#include <linux/module.h>
#include <linux/uuid.h>

#define E2E_NTESTS		34

ushort e2e_host_id;
module_param_named(host_id, e2e_host_id, ushort, 0444);
MODULE_PARM_DESC(host_id, "FF-A ID of this kernel (owner of the memory)");

bool e2e_ok(struct e2e *t, bool ok, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_info("%s %d - %pV\n", ok ? "ok" : "not ok", ++t->n, &vaf);
	va_end(args);
	if (!ok)
		t->failed++;
	return ok;
}

/*
 * Tests that do not apply under the negotiated version: they still
 * count, so the plan stays the same.
 */
void e2e_skip(struct e2e *t, int count, const char *what,
		     const char *why)
{
	int i;

	for (i = 0; i < count; i++)
		pr_info("ok %d - %s (%d of %d) # SKIP %s\n", ++t->n, what,
			i + 1, count, why);
}

/* A test that cannot run because an earlier step failed. */
void e2e_blocked(struct e2e *t, const char *what, const char *why)
{
	e2e_ok(t, false, "%s (not run: %s)", what, why);
}

static int ffa_e2e_probe(struct ffa_device *dev)
{
	struct e2e t = { .dev = dev };

	pr_info("# bound to partition 0x%x (%pUb), FF-A API 0x%x, host ID 0x%x\n",
		dev->vm_id, &dev->uuid, dev->ops->info_ops->api_version_get(),
		e2e_host_id);
	pr_info("1..%d\n", E2E_NTESTS);
	e2e_echo(&t);
	e2e_whoami(&t);
	e2e_share(&t);
	e2e_lend(&t);
	e2e_fault(&t);
	if (e2e_v1_0(&t)) {
		e2e_skip(&t, 4, "notifications partition -> Linux", "v1.0");
		e2e_skip(&t, 5, "notifications Linux -> partition", "v1.0");
		e2e_skip(&t, 2, "indirect message Linux -> partition", "v1.0");
	} else {
		e2e_notify_to_host(&t);
		e2e_notify_to_part(&t);
		e2e_indirect(&t);
	}
	e2e_smp(&t);
	e2e_fp(&t);
	e2e_preempt(&t);

	if (t.n != E2E_NTESTS)
		pr_info("# ran %d tests, planned %d\n", t.n, E2E_NTESTS);
	if (t.failed || t.n != E2E_NTESTS)
		pr_info("FAIL (%d of %d failed)\n", t.failed, t.n);
	else
		pr_info("PASS\n");
	return 0;
}

static void ffa_e2e_remove(struct ffa_device *dev)
{
}

static const struct ffa_device_id ffa_e2e_ids[] = {
	/* TP_UUID_TEST */
	{ UUID_INIT(0xd1a7f2a0, 0x54b4, 0x4d3c,
		    0x9b, 0x7e, 0x5f, 0x3f, 0x0e, 0x1a, 0x2b, 0x01) },
	{}
};
MODULE_DEVICE_TABLE(arm_ffa, ffa_e2e_ids);

static struct ffa_driver ffa_e2e_driver = {
	.name = "ffa-e2e",
	.probe = ffa_e2e_probe,
	.remove = ffa_e2e_remove,
	.id_table = ffa_e2e_ids,
};
module_ffa_driver(ffa_e2e_driver);

MODULE_DESCRIPTION("FF-A end-to-end test against the ffa test partition");
MODULE_LICENSE("GPL");
