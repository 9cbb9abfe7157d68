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

/* Partition ep's vCPU idx, or NULL. */
struct fw_vcpu *partition_vcpu(uint16_t ep, uint16_t idx);

/* Adds the SMCCC calls (and FF-A calls) of every partition's vCPUs. */
void partition_count_calls(uint32_t *calls, uint32_t *ffa);

#endif /* FW_PARTITION_H */
