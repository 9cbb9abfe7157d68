/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FP/SIMD switching between the guests of one CPU (fp.c).
 *
 * Linux's FP state (and, with SVE, its whole Z registers) stays in the
 * registers while partitions run, until one of them touches FP: they
 * run with CPTR_EL2.TFP set, and that first access traps to EL2, which
 * saves Linux's state and loads the partition's. A partition's state
 * is saved when it is switched out, so it never stays in another CPU's
 * registers (a partition vCPU may run on any CPU next), and Linux's is
 * loaded back before Linux runs again: Linux never traps.
 */
#ifndef FW_FP_H
#define FW_FP_H

#include <stdint.h>

/* fpsimd.S's layout: keep the offsets there in step. */
struct fp_regs {
	uint64_t v[32][2];
	uint64_t fpsr;
	uint64_t fpcr;
};

_Static_assert(sizeof(struct fp_regs) == 528, "fpsimd.S offsets");

struct fw_vcpu;

/*
 * Per CPU, the vCPU whose FP state its registers hold, or NULL. vcpu.c
 * tests it on a switch and calls fp.c only when state has to move.
 */
extern struct fw_vcpu *fp_owner[];

/* Linux's vCPU v is about to run on CPU cpu, its registers not loaded. */
void fp_host_load(struct fw_vcpu *v, unsigned int cpu);

/* Partition vCPU v, whose state CPU cpu holds, stops running there. */
void fp_partition_save(struct fw_vcpu *v, unsigned int cpu);

/*
 * The running partition vCPU v touched FP/SIMD (CPTR_EL2.TFP trap):
 * give it its registers. NULL, or why it cannot have them (then it is
 * to be aborted, and no guest's state has changed).
 */
const char *fp_trap(struct fw_vcpu *v);

/* fpsimd.S. */
void fp_save_v(struct fp_regs *r);
void fp_load_v(const struct fp_regs *r);
void fp_save_z(struct fp_regs *r, void *z);
void fp_load_z(const struct fp_regs *r, const void *z);
uint64_t fp_vl_bytes(void);

#endif /* FW_FP_H */
