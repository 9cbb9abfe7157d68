/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The partition manager (spm/) inside the firmware: one instance, its
 * storage in the manager's reserved memory, the host endpoint (Linux)
 * and the partitions from the manifests embedded in the image.
 */
#ifndef FW_MANAGER_H
#define FW_MANAGER_H

#include <spm/spm.h>

#include <fw/bootinfo.h>

extern struct spm *fw_spm;
extern uint16_t fw_host_id;

/* Set the manager up with the host endpoint: 0, or it says why not. */
int manager_init(const struct boot_info *bi);

/* Add the host endpoint from its manifest (host.c). */
int manager_add_host(struct spm *spm, const struct boot_info *bi);

/* The embedded manifests (manifests.S). */
extern const char fw_manifest_host[];
extern const uint64_t fw_manifest_host_size;

#endif /* FW_MANAGER_H */
