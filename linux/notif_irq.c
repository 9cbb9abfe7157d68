// SPDX-License-Identifier: GPL-2.0
/*
 * The SRI: a per-CPU interrupt (an SGI, mapped through the GICv3 node of
 * the device tree), enabled on each CPU as it comes online. Its handler
 * only queues work: asking the manager what is pending takes FF-A calls,
 * which do not belong in hard interrupt context.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/cpuhotplug.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/percpu.h>
#include <linux/workqueue.h>

#include "notif_irq.h"

static struct {
	unsigned int irq;
	int cpuhp;
	void (*work_fn)(void);
	struct work_struct work;
	int __percpu *cookie;	/* request_percpu_irq() wants a percpu id */
} sri;

static void sri_work(struct work_struct *work)
{
	sri.work_fn();
}

static irqreturn_t sri_handler(int irq, void *cookie)
{
	queue_work(system_highpri_wq, &sri.work);
	return IRQ_HANDLED;
}

static int sri_cpu_online(unsigned int cpu)
{
	enable_percpu_irq(sri.irq, IRQ_TYPE_NONE);
	return 0;
}

static int sri_cpu_offline(unsigned int cpu)
{
	disable_percpu_irq(sri.irq);
	return 0;
}

/* The Linux IRQ of SGI intid: only GICv3 device trees are known. */
static int sri_map(u32 intid)
{
	struct of_phandle_args spec = { .args_count = 1, .args = { intid } };
	int irq;

	spec.np = of_find_compatible_node(NULL, NULL, "arm,gic-v3");
	if (!spec.np)
		return -ENXIO;
	irq = irq_create_of_mapping(&spec);
	of_node_put(spec.np);
	return irq > 0 ? irq : -ENXIO;
}

int ffa_sri_init(u32 intid, void (*work)(void))
{
	int rc = sri_map(intid);

	if (rc < 0)
		return rc;
	sri.irq = rc;
	sri.work_fn = work;
	INIT_WORK(&sri.work, sri_work);
	sri.cookie = alloc_percpu(int);
	if (!sri.cookie) {
		rc = -ENOMEM;
		goto unmap;
	}
	rc = request_percpu_irq(sri.irq, sri_handler, "ffa-sri", sri.cookie);
	if (rc)
		goto free;
	rc = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "ffa/sri:online",
			       sri_cpu_online, sri_cpu_offline);
	if (rc < 0)
		goto release;
	sri.cpuhp = rc;
	return 0;
release:
	free_percpu_irq(sri.irq, sri.cookie);
free:
	free_percpu(sri.cookie);
unmap:
	irq_dispose_mapping(sri.irq);
	sri.irq = 0;
	return rc;
}

void ffa_sri_exit(void)
{
	if (!sri.irq)
		return;
	cpuhp_remove_state(sri.cpuhp);
	free_percpu_irq(sri.irq, sri.cookie);
	free_percpu(sri.cookie);
	irq_dispose_mapping(sri.irq);
	cancel_work_sync(&sri.work);
	sri.irq = 0;
}
