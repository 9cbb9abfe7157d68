// SPDX-License-Identifier: GPL-2.0
/*
 * Concurrent users on every CPU: one kthread bound to each online CPU,
 * all started together, each alternating REQ2 to the echo partition and
 * DIRECT_REQ_64 ECHO to the test partition with words of its own, so
 * that an answer delivered to the wrong caller shows. A partition busy
 * with another CPU's request answers BUSY: retried. Every tenth round
 * also shares a page of its own and reclaims it, so that the users
 * contend for TX (the core's buffer lock) and the manager's share table
 * while the others' messages go on.
 */
#include "drv.h"

#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/ffa_more.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include <partitions/test_proto.h>

#define CPU_ROUNDS	200
#define CPU_MAX_RETRIES	1000000

struct cpu_run {
	struct completion go, done;
	unsigned int cpu;
	bool started;
	bool on_cpu;		/* it ran where it was bound */
	struct page *page;	/* shared and reclaimed every tenth round */
	unsigned int ok, wrong, errors, shares;
	int first_err;
	unsigned long busy;
};

static int cpu_call(struct cpu_run *c, bool req2, u64 *w)
{
	unsigned long tries = 0;
	int rc;

	do {
		rc = req2 ? ffa_more_direct_req2(DRV_ECHO, NULL, w) :
			    ffa_more_direct_req(DRV_TEST, false, w);
	} while (rc == -EBUSY && ++tries < CPU_MAX_RETRIES);
	c->busy += tries;
	return rc;
}

static void cpu_round(struct cpu_run *c, unsigned int i)
{
	u64 w[FFA_MORE_REQ2_WORDS], want[FFA_MORE_REQ2_WORDS];
	bool req2 = i & 1;
	int k, rc, n = req2 ? FFA_MORE_REQ2_WORDS : FFA_MORE_REQ_WORDS;

	for (k = 0; k < n; k++)
		want[k] = ((u64)c->cpu << 56) | ((u64)i << 16) | k;
	if (!req2)
		want[0] = TP_CMD_ECHO;
	memcpy(w, want, sizeof(w));
	rc = cpu_call(c, req2, w);
	if (!req2)
		want[0] = 0;	/* the status */
	if (rc) {
		if (!c->errors++)
			c->first_err = rc;
	} else if (memcmp(w, want, n * sizeof(u64))) {
		c->wrong++;
	} else {
		c->ok++;
	}
}

/* Share c's page with the test partition and reclaim it at once. */
static void cpu_share(struct cpu_run *c)
{
	struct ffa_more_borrower to = {
		.id = DRV_TEST, .perms = FFA_MORE_DATA_RW,
	};
	struct ffa_more_mem m = {
		.op = FFA_MORE_MEM_SHARE, .tag = c->cpu,
		.borrowers = &to, .nr_borrowers = 1,
	};
	u64 handle;
	int rc = ffa_more_mem_send_pages(&m, &c->page, 1, &handle);

	if (!rc)
		rc = ffa_more_mem_reclaim(handle);
	if (!rc)
		c->shares++;
	else if (!c->errors++)
		c->first_err = rc;
}

static int cpu_thread(void *data)
{
	struct cpu_run *c = data;
	unsigned int i;

	wait_for_completion(&c->go);
	c->on_cpu = raw_smp_processor_id() == c->cpu;
	for (i = 0; i < CPU_ROUNDS; i++) {
		cpu_round(c, i);
		if (i % 10 == 0 && c->page)
			cpu_share(c);
	}
	complete(&c->done);
	return 0;
}

void drv_cpus(struct drv *t)
{
	unsigned int cpu, n = 0, good = 0, started = 0;
	struct cpu_run *runs;
	struct task_struct *k;
	unsigned long busy = 0;

	runs = kcalloc(nr_cpu_ids, sizeof(*runs), GFP_KERNEL);
	if (!runs) {
		drv_ok(t, false, "concurrent users on every CPU (no memory)");
		return;
	}
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		struct cpu_run *c = &runs[cpu];

		init_completion(&c->go);
		init_completion(&c->done);
		c->cpu = cpu;
		c->page = alloc_page(GFP_KERNEL);
		k = kthread_create_on_cpu(cpu_thread, c, cpu, "ffa-drv/%u");
		if (IS_ERR(k))
			continue;
		c->started = true;
		wake_up_process(k);
		started++;
	}
	n = num_online_cpus();
	cpus_read_unlock();
	/* All at once: each waits on its go before its first call. */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (runs[cpu].started)
			complete(&runs[cpu].go);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		struct cpu_run *c = &runs[cpu];

		if (!c->started)
			continue;
		wait_for_completion(&c->done);
		pr_info("# cpu %u: %u/%u right, %u wrong, %u/%u shares reclaimed, %u errors (first %d), %lu -EBUSY retries, on its CPU: %s\n",
			cpu, c->ok, CPU_ROUNDS, c->wrong, c->shares,
			CPU_ROUNDS / 10, c->errors, c->first_err, c->busy,
			c->on_cpu ? "yes" : "NO");
		good += c->ok == CPU_ROUNDS && c->on_cpu &&
			c->shares == CPU_ROUNDS / 10 && !c->errors;
		busy += c->busy;
	}
	drv_ok(t, started == n && good == n,
	       "%u CPUs at once, %d REQ2 and DIRECT_REQ and %d share-reclaim each: all right on %u of %u (%lu -EBUSY retries)",
	       n, CPU_ROUNDS, CPU_ROUNDS / 10, good, n, busy);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (runs[cpu].page && runs[cpu].shares == CPU_ROUNDS / 10)
			__free_page(runs[cpu].page);	/* else maybe shared */
	kfree(runs);
}
