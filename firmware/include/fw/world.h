/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which vCPU each physical CPU runs, and executing the manager's
 * decisions: resume the caller, or switch this CPU to another vCPU.
 */
#ifndef FW_WORLD_H
#define FW_WORLD_H

#include <spm/spm.h>

#include <fw/arch.h>
#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/partition.h>
#include <fw/traps.h>
#include <fw/vcpu.h>

/* Linux's vCPUs: vCPU n runs on CPU n. */
extern struct fw_vcpu host_vcpus[];

/*
 * The vCPU running on this CPU (NULL before any ran here). TPIDR_EL2
 * names its frame, which is its first member (fw/vcpu.h): one MRS, no
 * per-CPU table. boot.S zeroes it.
 */
static inline struct fw_vcpu *world_current(void)
{
	return (struct fw_vcpu *)read_sysreg(tpidr_el2);
}

/*
 * The vCPU whose frame a trap from a guest saved into (vectors.S):
 * the running one, found without reading TPIDR_EL2 again.
 */
static inline struct fw_vcpu *world_vcpu_of(struct trap_frame *f)
{
	return (struct fw_vcpu *)f;
}

/* Linux's vCPU runs here, or nothing yet (Linux is about to). */
static inline bool world_current_is_host(void)
{
	struct fw_vcpu *v = world_current();

	return !v || v->is_host;
}

/* The SMCCC calls every vCPU made, and how many of them were FF-A. */
void world_count_calls(uint32_t *calls, uint32_t *ffa);

/*
 * The vCPU for (endpoint, index), or NULL: Linux's vCPU n directly, a
 * partition's by its ID's home slot (fw/partition.h). Inline: the world
 * switch looks its target up on every SWITCH.
 */
static inline struct fw_vcpu *world_vcpu(uint16_t ep, uint16_t idx)
{
	if (ep == fw_host_id)
		return idx < FW_MAX_CPUS ? &host_vcpus[idx] : NULL;
	return partition_vcpu(ep, idx);
}

/*
 * Boot CPU: ask the manager whom to run first (a partition in boot
 * order, or Linux), and enter it. dtb is Linux's x0.
 */
__attribute__((noreturn)) void world_boot(uint64_t dtb);

/* Secondary CPU n enters Linux's vCPU n at entry with x0 = arg. */
__attribute__((noreturn)) void world_enter_host_secondary(uint64_t entry,
							   uint64_t arg);

/* An FF-A call by the current vCPU (registers in f): run the manager. */
void world_ffa_call(struct trap_frame *f);

/* The current partition vCPU faulted: stop the partition. */
void world_abort_current(struct trap_frame *f, const char *why);

/*
 * One of Linux's interrupts arrived while the current partition vCPU
 * runs: if the manager preempts it (it runs for Linux), switch to the
 * waiting Linux vCPU with FFA_INTERRUPT and return true; the interrupt
 * stays pending for Linux. False when it cannot be preempted now, or
 * when Linux made its call with IRQs masked and could not take it.
 */
bool world_preempt_current(struct trap_frame *f);

/* ERET from frame f (vectors.S), the running vCPU's. */
__attribute__((noreturn)) void trap_return(struct trap_frame *f);

#endif /* FW_WORLD_H */
