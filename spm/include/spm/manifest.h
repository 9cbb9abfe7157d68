/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FF-A partition manifests ("arm,ffa-manifest-1.0" device trees) turned
 * into an endpoint configuration for spm_add_endpoint().
 *
 * Properties of the root node:
 *   compatible		"arm,ffa-manifest-1.0"			mandatory
 *   ffa-version	<u32> major << 16 | minor, major 1	mandatory
 *   uuid		<u32 x 4> per service, 1..SPM_MAX_UUIDS	mandatory
 *			(the four PARTITION_INFO_GET words w1..w4); not nil,
 *			except for the host, which may also leave it out
 *			(nr_uuids 0 then)
 *   execution-ctx-count <u32> 1..SPM_MAX_VCPUS		mandatory
 *   messaging-method	<u32> bits 0-2, 9, 10 (FFA_PART_PROP_*)	mandatory
 *   id			<u32> below 0x10000, not 0x7fff		optional
 *   description	<string>, cut to fit cfg->name		optional
 *   notification-support  empty				optional
 *   boot-order		<u32>					optional
 *   load-address, entrypoint-offset  <u64> (or one <u32>)	optional
 *   exception-level	<u32> 0 (EL1) only for now		optional
 *   execution-state	<u32> 0 (AArch64) only			optional
 *   xlat-granule	<u32> 0 (4 KiB) only			optional
 *   ffa-host		empty: this endpoint is the host VM, the
 *			primary scheduler (our extension)	optional
 *   abort-on-fault	empty: a partition that touches memory it
 *			does not have is aborted, not given an
 *			external abort at its own vector (our
 *			extension; not for the host)		optional
 * and a "memory-regions" node (compatible
 * "arm,ffa-manifest-memory-regions") whose children each have
 *   base-address	<u64> (or one <u32>), 4 KiB aligned
 *   pages-count	<u32>, not 0
 *   attributes		<u32>: 0x1 read, 0x2 write, 0x4 execute
 * at most SPM_MAX_MEM_REGIONS of them. The first region is the endpoint's
 * own memory (struct ffa_env's mem_base/mem_size).
 *
 * Defaults when absent: id FFA_ID_INVALID (the caller assigns one), name
 * "" (the caller names it), boot_order SPM_MANIFEST_BOOT_LAST, entry 0,
 * no regions, abort_on_fault false (a fault is delivered to the
 * partition's own vector where the platform can: firmware/README.md).
 */
#ifndef SPM_MANIFEST_H
#define SPM_MANIFEST_H

#include "spm.h"

#define SPM_MANIFEST_COMPATIBLE		"arm,ffa-manifest-1.0"
#define SPM_MANIFEST_REGIONS_COMPATIBLE	"arm,ffa-manifest-memory-regions"
/* Boot order of a manifest that names none: after every one that does. */
#define SPM_MANIFEST_BOOT_LAST		0xffffffffU

/* Manifest values this manager accepts (anything else is rejected). */
#define SPM_MANIFEST_EL1		0U
#define SPM_MANIFEST_AARCH64		0U
#define SPM_MANIFEST_GRANULE_4K		0U

/*
 * Parse the manifest in dtb[0, size) into *cfg. 0, or INVALID_PARAMETERS
 * with *why naming the property (or the device tree check) that failed;
 * *cfg is then unspecified. The blob must be 8-byte aligned (libfdt).
 */
int spm_manifest_parse(const void *dtb, uint32_t size,
		       struct spm_endpoint_config *cfg, const char **why);

#endif /* SPM_MANIFEST_H */
