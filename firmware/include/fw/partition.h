/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Partitions as EL1 guests: each embedded (manifest, image) pair becomes
 * an endpoint of the manager with its own stage-2 and vCPU contexts,
 * its image copied to its load address.
 */
#ifndef FW_PARTITION_H
#define FW_PARTITION_H

#include <spm/spm.h>

#include <fw/vcpu.h>

/* Add every embedded partition to spm: 0, or an FF-A error. */
int partitions_load(struct spm *spm);

#define FW_SP_MAX_VCPUS		1
/* The ID index: a power of two, at least twice the partitions. */
#define FW_SP_SLOTS		32

_Static_assert((FW_SP_SLOTS & (FW_SP_SLOTS - 1)) == 0, "FW_SP_SLOTS");

struct fw_sp {
	uint16_t id;
	uint16_t nr_vcpus;
	struct s2_table s2;
	struct fw_vcpu vcpus[FW_SP_MAX_VCPUS];
};

/* Partitions by ID, open addressing (partition.c). */
extern struct fw_sp *fw_sp_slot[FW_SP_SLOTS];

/* The whole probe, past the home slot (partition.c). */
struct fw_vcpu *partition_vcpu_probe(uint16_t ep, uint16_t idx);

/*
 * Partition ep's vCPU idx, or NULL. The home slot inline: with the
 * index at most half full, that is where a partition almost always is,
 * and an empty home slot means no such partition.
 */
static inline struct fw_vcpu *partition_vcpu(uint16_t ep, uint16_t idx)
{
	struct fw_sp *sp = fw_sp_slot[ep % FW_SP_SLOTS];

	if (!sp)
		return NULL;
	if (sp->id == ep)
		return idx < sp->nr_vcpus ? &sp->vcpus[idx] : NULL;
	return partition_vcpu_probe(ep, idx);
}

/* Adds the SMCCC calls (and FF-A calls) of every partition's vCPUs. */
void partition_count_calls(uint32_t *calls, uint32_t *ffa);

#endif /* FW_PARTITION_H */
