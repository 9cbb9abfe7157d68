/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform seam: everything the partition manager needs from the
 * machine it runs on. The host runtime implements it with a memfd and
 * mprotect; the EL2 firmware with stage-2 tables. spm/ never touches a
 * page table, a register or a device itself.
 *
 * Addresses: every endpoint sees memory at the same addresses as the
 * manager (IPA == PA). An address in a descriptor, a mailbox or a manifest
 * is therefore both what the endpoint uses and what the manager tracks.
 */
#ifndef SPM_PLATFORM_H
#define SPM_PLATFORM_H

#include <ffa/types.h>

/* Access an endpoint has to a range (stage-2 permissions). */
#define SPM_ACCESS_NONE		0U
#define SPM_ACCESS_R		FFA_BIT(0)
#define SPM_ACCESS_W		FFA_BIT(1)
#define SPM_ACCESS_X		FFA_BIT(2)
#define SPM_ACCESS_RW		(SPM_ACCESS_R | SPM_ACCESS_W)
#define SPM_ACCESS_RWX		(SPM_ACCESS_RW | SPM_ACCESS_X)

/*
 * A lock as the platform implements it. rank is the lock's place in the
 * order of docs/ARCHITECTURE.md ("Lock order"); a platform may check it.
 */
struct spm_lock {
	uint32_t rank;
	uint32_t word;		/* the platform's own state */
};

struct spm_platform_ops {
	/*
	 * Give endpoint ep `access` (SPM_ACCESS_*; NONE unmaps) to
	 * [addr, addr + pages * 4 KiB). All or nothing: 0, or NO_MEMORY
	 * with the previous mapping intact. TLB maintenance is the
	 * platform's business.
	 */
	int (*set_access)(void *ctx, uint16_t ep, uint64_t addr,
			  uint64_t pages, uint32_t access);
	/*
	 * Copy between manager memory and physical memory. These never fault
	 * the manager: a range outside managed memory fails with ABORTED.
	 */
	int (*read)(void *ctx, void *dst, uint64_t pa, uint32_t len);
	int (*write)(void *ctx, uint64_t pa, const void *src, uint32_t len);
	int (*zero)(void *ctx, uint64_t pa, uint64_t pages);
	void (*lock)(void *ctx, struct spm_lock *l);
	void (*unlock)(void *ctx, struct spm_lock *l);
	/* One line for the log, no newline; level 0 error .. 3 debug. */
	void (*log)(void *ctx, int level, const char *line);
	/* CONSOLE_LOG output of endpoint ep. */
	void (*console)(void *ctx, uint16_t ep, const char *s, uint32_t len);
	/* Pend the schedule receiver interrupt on the scheduler's CPU. */
	void (*raise_sri)(void *ctx, uint32_t cpu);
};

struct spm_platform {
	const struct spm_platform_ops *ops;
	void *ctx;
};

#endif /* SPM_PLATFORM_H */
