// SPDX-License-Identifier: GPL-2.0
/*
 * What the world switch must keep apart or let through: our FP/SIMD
 * registers and the partition's, our timer interrupt while a partition
 * spins, and direct requests from two CPUs at once.
 */
#include "e2e.h"

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <asm/neon.h>

#include <partitions/tp_fp_regs.h>

/* ---- FP/SIMD: ours and the partition's, kept apart ----------------------- */

#define E2E_FP_SEED_US		0x1100
#define E2E_FP_SEED_US2		0x2200
#define E2E_FP_SEED_PART	0xa000

/* What a response word can carry in this device's mode. */
static u64 e2e_word(const struct e2e *t, u64 v)
{
	return t->dev->mode_32bit ? (u32)v : v;
}

/*
 * Kernel-mode NEON around the request is clean in 6.12: the section is
 * preemptible, its state switched with the task (TIF_KERNEL_FPSTATE),
 * and the driver only sleeps between FFA_YIELDs, which FP_LOAD and
 * FP_SUM never make. What must not touch our registers is the
 * partition, which loads its own.
 */
void e2e_fp(struct e2e *t)
{
	struct ffa_send_direct_data d = {
		.data0 = TP_CMD_FP_LOAD, .data1 = E2E_FP_SEED_PART,
	};
	u64 *mine, *back, want;
	bool ours_ok, ours2_ok;
	int ret, ret2;

	mine = kmalloc_array(2 * TP_FP_WORDS, sizeof(u64), GFP_KERNEL);
	if (!mine) {
		e2e_blocked(t, "FP: our NEON registers survive", "no memory");
		e2e_blocked(t, "FP: the partition loaded its own", "no memory");
		e2e_blocked(t, "FP: the partition's survive ours", "no memory");
		return;
	}
	back = mine + TP_FP_WORDS;
	tp_fp_pattern(mine, E2E_FP_SEED_PART);
	want = e2e_word(t, tp_fp_sum(mine));

	kernel_neon_begin();
	tp_fp_pattern(mine, E2E_FP_SEED_US);
	tp_fp_regs_load(mine);
	ret = e2e_call(t, &d);
	tp_fp_regs_store(back);
	kernel_neon_end();
	ours_ok = !memcmp(mine, back, TP_FP_WORDS * sizeof(u64));
	e2e_ok(t, ours_ok,
	       "FP: our NEON registers, FPCR and FPSR survive a request whose partition loads its own");
	e2e_ok(t, !ret && d.data0 == 0 && d.data1 == want,
	       "FP: the partition loaded its pattern (ret %d, status %ld, sum %#lx, want %#llx)",
	       ret, (long)d.data0, d.data1, want);

	kernel_neon_begin();
	tp_fp_pattern(mine, E2E_FP_SEED_US2);
	tp_fp_regs_load(mine);
	d = (struct ffa_send_direct_data){ .data0 = TP_CMD_FP_SUM };
	ret2 = e2e_call(t, &d);
	tp_fp_regs_store(back);
	kernel_neon_end();
	ours2_ok = !memcmp(mine, back, TP_FP_WORDS * sizeof(u64));
	e2e_ok(t, !ret2 && d.data0 == 0 && d.data1 == want && ours2_ok,
	       "FP: the partition's registers survive ours, and ours its (ret %d, sum %#lx, want %#llx, ours %s)",
	       ret2, d.data1, want, ours2_ok ? "intact" : "changed");
	kfree(mine);
}

/* ---- preemption: our timer interrupt reaches us mid-request -------------- */

#define E2E_SPIN_MAX_READS	(1ULL << 28)	/* a bound, not a duration */
#define E2E_SPIN_TIMER_MS	1

static struct e2e_spin {
	struct hrtimer timer;
	u64 *word;
	bool in_flight;
	bool fired_in_flight;
	int cpu;
} e2e_spin;

static enum hrtimer_restart e2e_spin_timer(struct hrtimer *h)
{
	struct e2e_spin *s = container_of(h, struct e2e_spin, timer);

	s->fired_in_flight = READ_ONCE(s->in_flight);
	s->cpu = smp_processor_id();
	WRITE_ONCE(*s->word, 1);
	return HRTIMER_NORESTART;
}

/*
 * The partition waits, spinning, for a word of a page we share to
 * change; only our hrtimer's callback changes it, on this CPU (we
 * stay on it: preemption off, IRQs on), while the partition holds the
 * CPU in our request. Unless the firmware preempts the partition for
 * our timer interrupt, it reads 0 until its bound and says so.
 */
void e2e_preempt(struct e2e *t)
{
	struct e2e_spin *s = &e2e_spin;
	struct ffa_send_direct_data d;
	struct page *page;
	u64 handle;
	int ret, cpu;

	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	ret = page ? e2e_send(t, false, page, PAGE_SIZE, &handle) : -ENOMEM;
	if (ret) {
		e2e_blocked(t, "our timer preempts a spinning partition",
			    "no page shared");
		e2e_blocked(t, "reclaim the page it spun on", "no share");
		if (page)
			__free_page(page);
		return;
	}
	s->word = page_address(page);
	s->fired_in_flight = false;
	s->cpu = -1;
	hrtimer_init(&s->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	s->timer.function = e2e_spin_timer;
	d = (struct ffa_send_direct_data){
		.data0 = TP_CMD_SPIN_UNTIL, .data1 = handle,
		.data2 = e2e_host_id, .data3 = 0, .data4 = E2E_SPIN_MAX_READS,
	};

	cpu = get_cpu();
	WRITE_ONCE(s->in_flight, true);
	hrtimer_start(&s->timer, ms_to_ktime(E2E_SPIN_TIMER_MS),
		      HRTIMER_MODE_REL_PINNED);
	ret = e2e_call(t, &d);
	WRITE_ONCE(s->in_flight, false);
	put_cpu();
	hrtimer_cancel(&s->timer);

	e2e_ok(t, !ret && d.data0 == 0 && d.data2 == 1 && s->fired_in_flight &&
	       s->cpu == cpu,
	       "our timer preempts a partition spinning in our request (ret %d, status %ld, word %lu after %lu reads, timer on CPU %d in flight %d, us on CPU %d)",
	       ret, (long)d.data0, d.data2, d.data1, s->cpu,
	       s->fired_in_flight, cpu);
	ret = e2e_reclaim(t, handle);
	e2e_ok(t, !ret, "reclaim the page it spun on (ret %d)", ret);
	if (!ret)
		__free_page(page);
}

/* ---- concurrent direct requests --------------------------------------- */

#define E2E_SMP_ITERS		1000
#define E2E_SMP_MAX_RETRIES	1000000	/* of one request, on -EBUSY */
#define E2E_SMP_WAIT_MS		30000

struct e2e_worker {
	struct ffa_device *dev;
	unsigned int cpu;
	atomic_t *ready;
	struct completion done;
	unsigned int ok, bad, errors;
	unsigned long retries, max_retries;
	int first_err;
	s64 us;
};

static int e2e_worker_fn(void *arg)
{
	struct e2e_worker *w = arg;
	const struct ffa_msg_ops *mops = w->dev->ops->msg_ops;
	unsigned long deadline = jiffies + HZ;
	unsigned long r;
	ktime_t t0;
	unsigned int i;
	int ret;

	/* Start together: both are bound to their CPUs. */
	atomic_inc(w->ready);
	while (atomic_read(w->ready) < 2 && time_before(jiffies, deadline))
		cpu_relax();

	t0 = ktime_get();
	for (i = 0; i < E2E_SMP_ITERS; i++) {
		u64 tag = ((u64)w->cpu << 32) | i;
		struct ffa_send_direct_data want = {
			.data0 = 0,
			.data1 = tag,
			.data2 = ~tag,
			.data3 = tag * 0x9e3779b97f4a7c15ULL,
			.data4 = smp_processor_id(),
		};
		struct ffa_send_direct_data d;

		for (r = 0;; r++) {
			d = want;
			d.data0 = TP_CMD_ECHO;
			ret = mops->sync_send_receive(w->dev, &d);
			if (ret != -EBUSY || r >= E2E_SMP_MAX_RETRIES)
				break;
			cpu_relax();
		}
		w->retries += r;
		if (r > w->max_retries)
			w->max_retries = r;
		if (ret) {
			if (!w->errors++)
				w->first_err = ret;
		} else if (memcmp(&d, &want, sizeof(d))) {
			if (!w->bad++)
				pr_info("# cpu %u call %u: got %#lx %#lx %#lx %#lx %#lx\n",
					w->cpu, i, d.data0, d.data1, d.data2,
					d.data3, d.data4);
		} else {
			w->ok++;
		}
	}
	w->us = ktime_us_delta(ktime_get(), t0);
	complete(&w->done);
	return 0;
}

void e2e_smp(struct e2e *t)
{
	struct e2e_worker *w[2] = { };
	struct task_struct *k;
	atomic_t *ready = NULL;
	unsigned int cpu[2], i, started = 0;
	bool pass = true, timeout = false;
	ktime_t t0;

	if (num_online_cpus() < 2) {
		pr_info("ok %d - concurrent ECHO from 2 CPUs # SKIP %u CPU online\n",
			++t->n, num_online_cpus());
		return;
	}
	cpu[0] = cpumask_first(cpu_online_mask);
	cpu[1] = cpumask_next(cpu[0], cpu_online_mask);

	ready = kzalloc(sizeof(*ready), GFP_KERNEL);
	for (i = 0; i < 2; i++)
		w[i] = kzalloc(sizeof(*w[i]), GFP_KERNEL);
	if (!ready || !w[0] || !w[1]) {
		e2e_ok(t, false, "concurrent ECHO from 2 CPUs: no memory");
		goto free;
	}
	t0 = ktime_get();
	for (i = 0; i < 2; i++) {
		w[i]->dev = t->dev;
		w[i]->cpu = cpu[i];
		w[i]->ready = ready;
		init_completion(&w[i]->done);
		k = kthread_create(e2e_worker_fn, w[i], "ffa-e2e/%u", cpu[i]);
		if (IS_ERR(k)) {
			pr_info("# kthread_create on cpu %u: %ld\n", cpu[i],
				PTR_ERR(k));
			pass = false;
			break;
		}
		kthread_bind(k, cpu[i]);
		wake_up_process(k);
		started++;
	}
	/* With only one started it counts itself and gives up waiting. */
	for (i = 0; i < started; i++) {
		if (!wait_for_completion_timeout(&w[i]->done,
				msecs_to_jiffies(E2E_SMP_WAIT_MS))) {
			timeout = true;
			pr_info("# cpu %u: not done after %d ms (%u ok so far)\n",
				cpu[i], E2E_SMP_WAIT_MS, w[i]->ok);
		}
	}
	if (timeout) {
		/* The thread may still use its worker: leak them. */
		e2e_ok(t, false, "concurrent ECHO from 2 CPUs: timed out");
		return;
	}
	for (i = 0; i < started; i++) {
		pr_info("# cpu %u: %u/%u ok, %u wrong, %u errors (first %d), %lu -EBUSY retries (max %lu for one call), %lld us\n",
			w[i]->cpu, w[i]->ok, E2E_SMP_ITERS, w[i]->bad,
			w[i]->errors, w[i]->first_err, w[i]->retries,
			w[i]->max_retries, w[i]->us);
		pass &= w[i]->ok == E2E_SMP_ITERS;
	}
	pass &= started == 2;
	e2e_ok(t, pass,
	       "concurrent ECHO from CPUs %u and %u, %d each: all answers right (%lu -EBUSY retries, %lld us)",
	       cpu[0], cpu[1], E2E_SMP_ITERS,
	       started == 2 ? w[0]->retries + w[1]->retries : 0UL,
	       ktime_us_delta(ktime_get(), t0));
free:
	kfree(w[0]);
	kfree(w[1]);
	kfree(ready);
}
