/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A fake platform for spm/ unit tests: "physical memory" is a heap
 * buffer, and each endpoint's access to each page is recorded so tests
 * can assert exactly what the manager mapped. Locks check that nothing is
 * taken twice or out of rank order.
 */
#ifndef FAKE_PLATFORM_H
#define FAKE_PLATFORM_H

#include <spm/spm.h>

#define FAKE_MEM_BASE	0x40000000ULL
#define FAKE_MAX_EPS	16

struct fake_platform {
	uint8_t *mem;
	uint64_t nr_pages;
	uint16_t ep_ids[FAKE_MAX_EPS];
	uint8_t *access[FAKE_MAX_EPS];	/* per page, SPM_ACCESS_* */
	uint32_t nr_eps;
	int fail_set_access_after;	/* -1: never; else fail call N only */
	uint32_t set_access_calls;
	uint32_t locks_held;
	uint32_t held_rank;
	uint32_t sri_count;
	uint32_t sri_cpu;	/* of the last SRI */
	char last_log[256];
	char console[1024];
	uint32_t console_len;
};

/* Everything a test needs: platform, storage and the manager. */
struct spm_harness {
	struct fake_platform fp;
	struct spm_platform plat;
	struct spm_storage st;
	struct spm *spm;
};

/* nr_pages of managed memory at FAKE_MEM_BASE; range pool nr_ranges. */
void harness_init(struct spm_harness *h, uint64_t nr_pages,
		  uint32_t nr_ranges);
void harness_fini(struct spm_harness *h);

/*
 * A harness on the heap for cmocka fixtures: a setup function calls
 * harness_new() and puts it in *state; harness_teardown() is the
 * matching teardown.
 */
struct spm_harness *harness_new(uint64_t nr_pages, uint32_t nr_ranges);
int harness_teardown(void **state);

/*
 * Add an endpoint owning one region [base, base + pages * 4K) with RW
 * access. is_host marks the scheduler.
 */
int harness_add(struct spm_harness *h, uint16_t id, uint32_t props,
		uint16_t nr_vcpus, bool is_host, uint64_t base,
		uint32_t pages);

/*
 * One FF-A call; returns the decision. Every call is followed by
 * harness_check_mappings().
 */
struct spm_decision harness_call(struct spm_harness *h, uint16_t ep,
				 uint16_t vcpu, const struct ffa_regs *in);

/*
 * Fail the test unless what the fake platform has mapped for every
 * endpoint is exactly what the manager's records say (map_check.h).
 * Tests call it after entry points they make directly (spm_boot,
 * spm_abort, spm_preempt).
 */
void harness_check_mappings(const struct spm_harness *h);

/*
 * One call as ep on vCPU 0 that must resume ep with exactly *out. When
 * *out is a refusal (FFA_ERROR, or FFA_VERSION's NOT_SUPPORTED), the call
 * must also leave every state unchanged (state_snapshot.h).
 */
void harness_expect(struct spm_harness *h, uint16_t ep,
		    const struct ffa_regs *in, const struct ffa_regs *out);
/* The same, for an answer FFA_ERROR(code): nothing may change. */
void harness_expect_error(struct spm_harness *h, uint16_t ep,
			  const struct ffa_regs *in, int code);

/*
 * A conduit making FF-A calls into the manager as endpoint ep on vCPU
 * vcpu (CPU 0), for round trips through lib's client functions.
 */
struct harness_conduit {
	struct ffa_conduit conduit;
	struct spm_harness *h;
	uint16_t ep;
	uint16_t vcpu;
};
const struct ffa_conduit *harness_conduit(struct harness_conduit *hc,
					  struct spm_harness *h, uint16_t ep,
					  uint16_t vcpu);

/* What endpoint ep may do with the page at addr now. */
uint32_t fake_access(const struct fake_platform *fp, uint16_t ep,
		     uint64_t addr);
/* A pointer into physical memory. */
void *fake_ptr(const struct fake_platform *fp, uint64_t pa);

#endif /* FAKE_PLATFORM_H */
