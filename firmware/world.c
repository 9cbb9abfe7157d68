// SPDX-License-Identifier: BSD-3-Clause
/*
 * Executing the manager's decisions. Each vCPU's general registers live
 * in its own trap frame, where the vectors saved them (TPIDR_EL2 names
 * the running vCPU's): RESUME writes the answer into it; SWITCH saves
 * the EL1 system registers into the current vCPU's context, loads the
 * target's, points TPIDR_EL2 at the target's frame, and the ERET that
 * ends the trap enters the target; no general register is copied. A
 * target that never ran starts at its entry point with its boot
 * registers; one that waits in an FF-A call gets the decision's x0-x17
 * as that call's result; one that an interrupt preempted goes on where
 * it was, its registers untouched.
 */
#include <ffa/error.h>
#include <ffa/func.h>

#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/fw.h>
#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/partition.h>
#include <fw/printf.h>
#include <fw/psci.h>
#include <fw/s2_host.h>
#include <fw/vtimer.h>
#include <fw/world.h>

#define SPSR_I		BIT64(7)	/* IRQs masked */

struct fw_vcpu host_vcpus[FW_MAX_CPUS];

void world_count_calls(uint32_t *calls, uint32_t *ffa)
{
	*calls = 0;
	*ffa = 0;
	for (unsigned int n = 0; n < FW_MAX_CPUS; n++) {
		*calls += host_vcpus[n].other_calls + host_vcpus[n].ffa_calls;
		*ffa += host_vcpus[n].ffa_calls;
	}
	partition_count_calls(calls, ffa);
}

static void host_vcpu_init(unsigned int n, uint64_t entry, uint64_t arg)
{
	struct fw_vcpu *v = &host_vcpus[n];

	vcpu_init(v, fw_host_id, (uint16_t)n, &s2_host, true, entry, arg);
}

/*
 * Make v this CPU's running vCPU (nothing ran here before): the ERET
 * that follows enters it from its own frame. A partition runs on Linux's
 * vCPU n's CPU n, whose timer deadline EL2 keeps while it runs.
 */
static void run(struct fw_vcpu *v)
{
	unsigned int cpu = fw_cpu_index();

	vcpu_load(v);
	vtimer_first(v, cpu, &host_vcpus[cpu].sys);
	v->resume = VCPU_IN_CALL;
}

void world_boot(uint64_t dtb)
{
	struct spm_decision d;
	struct fw_vcpu *v;

	host_vcpu_init(0, EL1_BASE, dtb);
	spm_boot(fw_spm, 0, &d);
	v = d.next == SPM_SWITCH ? world_vcpu(d.ep, d.vcpu) : NULL;
	if (!v) {
		fw_printf("fw: the manager has nothing to run\n");
		psci_system_off();
	}
	fw_printf("fw: first to run: endpoint 0x%x vCPU %u, %lu us\n",
		  v->ep, v->idx, fw_uptime_us());
	run(v);
	trap_return(&v->frame);
}

void world_enter_host_secondary(uint64_t entry, uint64_t arg)
{
	unsigned int n = fw_cpu_index();

	host_vcpu_init(n, entry, arg);
	run(&host_vcpus[n]);
	trap_return(&host_vcpus[n].frame);
}

/*
 * FFA_VERSION fails with NOT_SUPPORTED in x0 itself, and Linux compares
 * all of x0 with -1 (qemu-bench-notes): as an SMC32 result the manager
 * gives w0 = 0xffffffff, which must reach the caller as the 64-bit -1.
 */
static void fix_version_error(struct trap_frame *f, uint32_t fid)
{
	if (fid == FFA_VERSION && f->x[0] == 0xffffffffULL)
		f->x[0] = (uint64_t)(int64_t)FFA_RET_NOT_SUPPORTED;
}

/*
 * x0-x17 two at a time, 18 instructions: GCC does not pair these loads
 * and stores itself, and a structure assignment would call memcpy. The
 * two never overlap (the decision is on the EL2 stack).
 */
#define REGS_PAIR(off)							\
	"ldp	%0, %1, [%3, #" #off "]\n\t"				\
	"stp	%0, %1, [%2, #" #off "]\n\t"

static inline void regs_move(struct ffa_regs *dst, const struct ffa_regs *src)
{
	uint64_t a, b;

	_Static_assert(FFA_NREGS == 18, "nine pairs");
	__asm__ volatile(REGS_PAIR(0) REGS_PAIR(16) REGS_PAIR(32)
			 REGS_PAIR(48) REGS_PAIR(64) REGS_PAIR(80)
			 REGS_PAIR(96) REGS_PAIR(112) REGS_PAIR(128)
			 : "=&r"(a), "=&r"(b) : "r"(dst), "r"(src)
			 : "memory");
}

/* The manager said IDLE, or named a vCPU we do not have. */
static __attribute__((noinline, noreturn))
void bad_decision(const struct spm_decision *d)
{
	if (d->next == SPM_IDLE)
		fw_printf("fw: nothing left to run on CPU %u\n",
			  fw_cpu_index());
	else
		fw_printf("fw: the manager picked unknown vCPU 0x%x/%u\n",
			  d->ep, d->vcpu);
	psci_system_off();
}

/*
 * This CPU goes from cur to next. Linux's timer deadline is kept by EL2
 * while a partition has Linux's CPU (fw/vtimer.h): armed when Linux
 * leaves (from the state just saved), off when it is back; a switch
 * between partitions leaves it as it is.
 */
static inline __attribute__((always_inline))
void switch_to(struct fw_vcpu *cur, struct fw_vcpu *next, unsigned int cpu)
{
	vcpu_switch(cur, next, cpu);
	if (next->is_host)
		vtimer_off();
	else if (cur->is_host)
		vtimer_guard(&cur->sys, cpu);
}

/*
 * Inline: on the hot path (world_ffa_call()), one call level less. cur
 * is the running vCPU, cpu this CPU.
 */
static inline __attribute__((always_inline))
void execute(struct fw_vcpu *cur, const struct spm_decision *d,
	     unsigned int cpu)
{
	struct fw_vcpu *next = cur;

	if (d->next != SPM_RESUME) {
		next = d->next == SPM_SWITCH ? world_vcpu(d->ep, d->vcpu)
					     : NULL;
		if (!next)
			bad_decision(d);
		if (next != cur) {
			switch_to(cur, next, cpu);
			if (next->resume != VCPU_IN_CALL) {
				/*
				 * Boot registers, or where an interrupt
				 * stopped it: not a result.
				 */
				next->resume = VCPU_IN_CALL;
				return;
			}
		}
	}
	regs_move(&next->frame.ffa, &d->regs);
}

void world_ffa_call(struct trap_frame *f)
{
	struct fw_vcpu *cur = world_vcpu_of(f);
	unsigned int cpu = vcpu_cpu(cur);
	struct spm_decision d;

	/* The manager copies what it validates (spm_call_locked). */
	spm_call(fw_spm, cpu, cur->ep, cur->idx, &f->ffa, &d);
	if (d.next == SPM_RESUME) {
		/*
		 * The manager only reads the frame (const), and only this
		 * CPU runs cur: x0 is still the function ID. Only such an
		 * answer can be FFA_VERSION's, off the switch path.
		 */
		uint32_t fid = (uint32_t)f->x[0];

		regs_move(&f->ffa, &d.regs);
		fix_version_error(f, fid);
		return;
	}
	execute(cur, &d, cpu);
}

void world_abort_current(struct trap_frame *f, const char *why)
{
	struct fw_vcpu *cur = world_vcpu_of(f);
	struct spm_decision d;

	fw_printf("fw: partition 0x%x vCPU %u: %s at pc 0x%lx: aborted\n",
		  cur->ep, cur->idx, why, f->elr);
	spm_abort(fw_spm, fw_cpu_index(), cur->ep, cur->idx, &d);
	execute(cur, &d, fw_cpu_index());
}

/*
 * Linux made its call with IRQs masked (PSTATE.I in the SPSR its trap
 * saved): back with FFA_INTERRUPT, it could not take the interrupt and
 * would FFA_RUN the partition at once, to be preempted again, without
 * end (6.12's driver loops on FFA_INTERRUPT).
 */
static bool host_irqs_masked(void)
{
	return host_vcpus[fw_cpu_index()].frame.spsr & SPSR_I;
}

bool world_preempt_current(struct trap_frame *f)
{
	struct fw_vcpu *cur = world_vcpu_of(f);
	struct spm_decision d;

	if (host_irqs_masked() ||
	    spm_preempt(fw_spm, fw_cpu_index(), cur->ep, cur->idx, &d))
		return false;
	cur->resume = VCPU_PREEMPTED;
	execute(cur, &d, fw_cpu_index());
	return true;
}
