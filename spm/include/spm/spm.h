/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The partition manager: one instance (struct spm, owned by the platform;
 * no globals), endpoints configured from FF-A manifests, and one entry
 * point for every FF-A call.
 *
 * spm_call() validates the call, acts, and returns a decision: resume the
 * caller with these registers, or switch this physical CPU to another
 * endpoint's vCPU with these registers (the caller then stays blocked
 * until some later decision resumes it). The platform executes decisions.
 */
#ifndef SPM_SPM_H
#define SPM_SPM_H

#include <ffa/ffa.h>
#include <libffa/mem_desc.h>
#include <libffa/regs.h>
#include <libffa/uuid.h>
#include "limits.h"
#include "platform.h"

/* ---- configuration (from manifests) ---- */

struct spm_mem_region {
	uint64_t base;		/* 4 KiB aligned */
	uint32_t pages;		/* 4 KiB pages */
	uint32_t access;	/* SPM_ACCESS_* */
};

struct spm_endpoint_config {
	char name[32];
	uint16_t id;
	uint16_t nr_vcpus;		/* execution-ctx-count */
	uint32_t ffa_version;		/* what the manifest says it speaks */
	uint32_t properties;		/* FFA_PART_PROP_* messaging bits */
	bool is_host;			/* the primary scheduler (host VM) */
	bool abort_on_fault;		/* a stage-2 fault aborts it, never
					 * reaches its own vector */
	uint32_t boot_order;
	uint64_t load;			/* load-address: the image's first byte */
	uint64_t entry;			/* load address + entrypoint offset */
	uint32_t nr_uuids;
	/* 8-aligned: REQ2 compares them as words (ffa_uuid_equal) */
	struct ffa_uuid uuids[SPM_MAX_UUIDS] __attribute__((aligned(8)));
	uint32_t nr_regions;
	struct spm_mem_region regions[SPM_MAX_MEM_REGIONS];
};

/* ---- run-time state ---- */

enum spm_vcpu_state {
	SPM_VCPU_OFF,		/* not booted yet */
	SPM_VCPU_RUNNING,	/* on a physical CPU now */
	SPM_VCPU_WAITING,	/* in FFA_MSG_WAIT: can take a message */
	SPM_VCPU_BLOCKED,	/* sent a direct request, awaits the answer */
	SPM_VCPU_PREEMPTED,	/* yielded: resumes on FFA_RUN */
	SPM_VCPU_ABORTED,	/* faulted: never runs again */
};

/* Why a running vCPU runs, i.e. whom it answers to. */
enum spm_run_reason {
	SPM_RUN_BOOT,		/* booting: MSG_WAIT ends its init */
	SPM_RUN_DIRECT,		/* serving a direct request */
	SPM_RUN_DIRECT2,	/* serving a REQ2 */
	SPM_RUN_SCHED,		/* given cycles by FFA_RUN */
	SPM_RUN_SELF,		/* the host's own vCPU: answers to nobody */
};

struct spm_vcpu {
	enum spm_vcpu_state state;
	enum spm_run_reason reason;
	uint16_t peer_ep;	/* requester / RUN caller / request target */
	uint16_t peer_vcpu;
	bool req_64;		/* the pending direct request was SMC64 */
	uint32_t cpu;		/* physical CPU while RUNNING */
	/*
	 * The last vCPU that blocked on this one (endpoint index + 1, 0:
	 * none), for spm_vcpu_blocked_on; valid only while that vCPU is
	 * still BLOCKED on this one, which is checked.
	 */
	uint8_t waiter_ep;
	uint16_t waiter_vcpu;
};

enum spm_rx_state {
	SPM_RX_EMPTY,		/* the manager (producer) owns it */
	SPM_RX_FULL,		/* the endpoint owns it until RX_RELEASE */
};

struct spm_mailbox {
	uint64_t tx;		/* 0: no pair mapped */
	uint64_t rx;
	uint32_t pages;
	enum spm_rx_state rx_state;
	/*
	 * Given by the platform (spm_map_mailbox), not mapped by the
	 * endpoint: its first FFA_RXTX_MAP may replace the pair.
	 */
	bool given;
};

struct spm_notifications {
	bool enabled;			/* bitmap created / manifest says so */
	uint16_t bound[FFA_NOTIFICATION_COUNT];	/* sender, or FFA_ID_INVALID */
	uint64_t pending_from_sp;	/* global notifications only */
	uint64_t pending_from_vm;
	uint32_t spm_fw;		/* framework bitmaps */
	uint32_t hyp_fw;
	bool info_pending;		/* not yet reported by INFO_GET */
	bool sri_delayed;		/* raise the SRI when the sender stops */
};

/*
 * The dispatch table's rows (spm/abi_table.c), one per function number
 * of FF-A v1.2 for SMC32 and for SMC64: SPM_ABI_ROW(fid).
 */
#define SPM_ABI_NUMS	(FFA_NUM_LAST_V1_2 - FFA_NUM_FIRST + 1)
#define SPM_ABI_ROWS	(2 * SPM_ABI_NUMS)
#define SPM_ABI_ROW(fid)						\
	((FFA_FID_IS_64(fid) ? SPM_ABI_NUMS : 0) +			\
	 FFA_FID_NUM(fid) - FFA_NUM_FIRST)
/* An endpoint's view of a row (abi_view): */
#define SPM_VIEW_CALL		FFA_BIT(0)	/* it may call it */
#define SPM_VIEW_OLD_MBZ	FFA_BIT(1)	/* its version's masks: old */
#define SPM_VIEW_HIGH_MBZ	FFA_BIT(2)	/* x8-x17 are MBZ */

/*
 * 1 KiB (about 970 bytes used): endpoints[i] is one shift of i, and
 * spm_endpoint_by_id keeps one pointer for the compare and the answer,
 * on every call for its caller and most for a peer.
 */
#define SPM_ENDPOINT_SPAN	1024U

struct spm_endpoint {
	union {
		struct {
			struct spm_endpoint_config cfg;
			uint32_t version;		/* negotiated; selects layouts */
			bool version_frozen;		/* another ABI was used */
			uint8_t abi_who;		/* roles it has: spm_abi_who_of(cfg) */
			uint8_t index;			/* in spm->endpoints[], never changes */
			/* per row, from abi_who and version: spm_abi_view_update() */
			uint8_t abi_view[SPM_ABI_ROWS];
			/* cfg.uuids as REQ2 carries them in x2/x3 (ffa_uuid_to_x2) */
			uint64_t uuid_regs[SPM_MAX_UUIDS][2];
			struct spm_mailbox mbox;
			struct spm_vcpu vcpus[SPM_MAX_VCPUS];
			struct spm_notifications notif;
			bool aborted;
			uint32_t console_len;
			char console[FFA_CONSOLE_LOG_MAX_64];
		};
		uint8_t span[SPM_ENDPOINT_SPAN];
	};
};
_Static_assert(sizeof(struct spm_endpoint) == SPM_ENDPOINT_SPAN,
	       "an endpoint outgrew its span: raise SPM_ENDPOINT_SPAN");

/* One 4 KiB page of managed memory. */
struct spm_page {
	uint8_t owner;		/* endpoint index + 1; 0 = nobody's */
	uint8_t flags;		/* SPM_PAGE_* */
	uint16_t share;		/* share slot while SPM_PAGE_IN_SHARE */
};
#define SPM_PAGE_MAILBOX	FFA_BIT(0)	/* an RX/TX page */
#define SPM_PAGE_IN_SHARE	FFA_BIT(1)	/* shared, lent or donated */
/* bits[4:2]: the owner's own SPM_ACCESS_* to the page (mem_pages.c). */
#define SPM_PAGE_ACCESS_SHIFT	2
#define SPM_PAGE_ACCESS_MASK	(0x7U << SPM_PAGE_ACCESS_SHIFT)

enum spm_share_state {
	SPM_SHARE_FREE,
	SPM_SHARE_SENDING,	/* fragments still to come */
	SPM_SHARE_READY,	/* complete: can be retrieved */
};

/*
 * One borrower of a share. Its retrievals (up to SPM_MAX_RETRIEVALS at
 * once) share one mapping, with the access and attributes of the first;
 * each is undone by its own relinquish, and the mapping goes with the
 * last. Zero when nothing is retrieved.
 */
struct spm_borrower {
	uint16_t retrieved;	/* outstanding retrievals */
	uint8_t granted;	/* SPM_ACCESS_* mapped while retrieved */
	uint16_t attrs;		/* attributes in force (0: unstated) */
	uint32_t resp_sent;	/* latest response: bytes delivered */
	uint32_t resp_total;
	bool zero_after;	/* clear the pages once unmapped */
};

struct spm_share {
	enum spm_share_state state;
	enum ffa_mem_op op;
	uint32_t generation;	/* bumps on every reuse of the slot */
	uint64_t handle;
	uint8_t owner;		/* endpoint index */
	struct ffa_mtd mtd;	/* header and receivers, validated */
	uint32_t first_range;	/* in the range pool */
	uint32_t bytes_received;
	uint32_t fragments;	/* received so far */
	uint32_t range_count;	/* constituents accumulated so far */
	uint64_t page_sum;	/* and their pages */
	bool donated;		/* ownership moved: lives on only to
				 * finish the retrieve response */
	struct spm_borrower borrowers[FFA_MEM_MAX_ACCESS];
};

/* Large arrays the platform provides at init (no allocation in spm/). */
struct spm_storage {
	uint64_t mem_base;		/* first managed physical address */
	uint64_t nr_pages;		/* managed memory, 4 KiB pages */
	struct spm_page *pages;		/* nr_pages entries */
	struct ffa_mem_range *ranges;	/* range pool for all shares */
	struct ffa_mem_range *scratch;	/* overlap check, same size */
	uint32_t nr_ranges;
};

/* Per physical CPU: where descriptors are copied before validation. */
struct spm_cpu {
	uint8_t buf[SPM_MAX_RXTX_PAGES * FFA_PAGE_SIZE];
};

struct spm {
	struct spm_platform plat;
	struct spm_storage st;
	uint16_t spm_id;
	uint32_t version;		/* highest version we implement */
	uint32_t nr_cpus;
	uint32_t nr_endpoints;
	uint32_t boot_next;		/* index in boot order */
	struct spm_endpoint endpoints[SPM_MAX_ENDPOINTS];
	/*
	 * Some endpoint's notif.sri_delayed may be set (set with it; only
	 * spm_notif_flush_delayed_sri clears it, after looking at them all).
	 */
	bool sri_delayed_any;
	/* endpoints[] index + 1 by hashed ID, 0 free (endpoint.c) */
	uint8_t ep_slot[SPM_EP_SLOTS];
	struct spm_share shares[SPM_MAX_SHARES];
	/* Bit i set: shares[i] is not FREE (mem_table.c; an invariant). */
	uint64_t shares_used;
	struct spm_cpu cpus[SPM_MAX_CPUS];
	struct spm_lock lock;		/* the manager lock: see below */
};

/*
 * Locking: one manager lock, taken by spm_call(), spm_boot(),
 * spm_abort() and spm_preempt() around the whole call, so handlers
 * never lock. It is the only lock (rank 1); docs/ARCHITECTURE.md keeps
 * the order for the finer locks to come. Calls are short except memory operations, whose cost is
 * linear in their page count.
 */
#define SPM_LOCK_RANK_MANAGER	1U

/* ---- the decision ---- */

enum spm_next {
	SPM_RESUME,	/* resume the caller with .regs */
	SPM_SWITCH,	/* run .ep/.vcpu on this CPU with .regs */
	SPM_IDLE,	/* nothing runnable on this CPU (host gone) */
};

struct spm_decision {
	/* First: 16-byte aligned, copied in LDP/STP pairs on every call. */
	struct ffa_regs regs __attribute__((aligned(16)));
	enum spm_next next;
	uint16_t ep;
	uint16_t vcpu;
};

/* ---- entry points ---- */

/* 0, or INVALID_PARAMETERS for storage that cannot work. */
int spm_init(struct spm *spm, const struct spm_platform *plat,
	     const struct spm_storage *st, uint32_t nr_cpus);

/*
 * The highest FF-A version the manager speaks (FFA_VERSION_1_2 after
 * spm_init): FFA_VERSION answers with it and agrees on at most it, and
 * ABIs introduced after it are NOT_SUPPORTED (and not advertised by
 * FFA_FEATURES). Only 1.0, 1.1 and 1.2: INVALID_PARAMETERS otherwise;
 * DENIED once an endpoint was added.
 */
int spm_set_version(struct spm *spm, uint32_t version);

/*
 * Add an endpoint: checks the configuration (unique ID and name, regions
 * inside managed memory and not overlapping another endpoint's), takes
 * ownership of its regions and maps them for it.
 */
int spm_add_endpoint(struct spm *spm, const struct spm_endpoint_config *cfg);

/*
 * Give endpoint id the RX/TX pair tx, rx (pages 4 KiB pages each) as if
 * it had called FFA_RXTX_MAP, with the same checks and answers: the
 * hypervisor-allocated mode, in which the platform tells the endpoint
 * where its pair is (docs/dt-rxtx.md). INVALID_PARAMETERS for an unknown
 * id. Unlike a pair the endpoint mapped, a given pair that is idle (RX
 * empty, no transaction in flight) is replaced by the endpoint's own
 * first FFA_RXTX_MAP, so that a driver that does not know the platform's
 * description still works; a second FFA_RXTX_MAP is DENIED as usual.
 */
int spm_map_mailbox(struct spm *spm, uint16_t id, uint64_t tx, uint64_t rx,
		    uint32_t pages);

/*
 * Start or continue the boot: the next partition vCPU to boot, in boot
 * order, then the host's vCPU 0 (SPM_SWITCH in both cases).
 */
void spm_boot(struct spm *spm, uint32_t cpu, struct spm_decision *d);

/* An FF-A call by endpoint ep on its vCPU vcpu, running on cpu. */
void spm_call(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
	      const struct ffa_regs *in, struct spm_decision *d);

/*
 * Endpoint ep's vCPU faulted: stop the endpoint; whoever waited on it
 * gets FFA_ERROR(ABORTED). What it leaves behind is cleared so the
 * others can finish or undo what they had with it: the memory it
 * retrieved is relinquished for it (cleared if its retrieve asked), what
 * it sent is reclaimed for it once no borrower holds it, a transaction
 * it was sending is dropped, its RX/TX pair unmapped, its notifications
 * as a receiver dropped. Call it for each of its vCPUs still running (a
 * call such a vCPU makes first ends it the same way); each call retries
 * what the platform refused before. d says what this CPU runs next.
 */
void spm_abort(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
	       struct spm_decision *d);

/*
 * An interrupt for the host arrived while endpoint ep's vCPU runs on
 * cpu. If it runs there for the host (a direct request, FFA_RUN), it is
 * preempted (resumed by the host's FFA_RUN, like after FFA_YIELD) and d
 * switches to the waiting host vCPU with FFA_INTERRUPT (w1 = target
 * info of the preempted vCPU, w2 = 0); returns 0. Otherwise (booting,
 * serving a partition, not running there) nothing changes, d is not
 * written, and the return is DENIED (INVALID_PARAMETERS for an unknown
 * endpoint, vCPU or CPU): the platform keeps the interrupt pending.
 * The platform must resume a preempted vCPU where it was interrupted,
 * not with the registers of the decision that runs it again.
 */
int spm_preempt(struct spm *spm, uint32_t cpu, uint16_t ep, uint16_t vcpu,
		struct spm_decision *d);

/*
 * The slot an ID's probe starts at in spm->ep_slot: Fibonacci hashing,
 * the top 5 bits of the product (endpoint.c checks SPM_EP_SLOTS == 32).
 */
static inline uint32_t spm_ep_hash(uint16_t id)
{
	return ((uint32_t)id * 0x9e3779b1U) >> 27;
}

/* The whole probe from spm_ep_hash(id) (endpoint.c); NULL when unknown. */
struct spm_endpoint *spm_endpoint_probe(struct spm *spm, uint16_t id);

/*
 * Lookup by ID; NULL when unknown. Every call looks up its caller and
 * most a peer: the usual case, an ID in its home slot, is inline; a
 * collision or an unknown ID takes the whole probe.
 */
static inline struct spm_endpoint *spm_endpoint_by_id(struct spm *spm,
						      uint16_t id)
{
	uint32_t s = spm->ep_slot[spm_ep_hash(id)];

	if (s != 0 && spm->endpoints[s - 1].cfg.id == id)
		return &spm->endpoints[s - 1];
	return spm_endpoint_probe(spm, id);
}

/*
 * Check every invariant (see spm/invariants.c): 0, or INVALID_PARAMETERS
 * with *why naming the first one broken. Tests and fuzzers call it after
 * every call.
 */
int spm_check_invariants(struct spm *spm, const char **why);

#endif /* SPM_SPM_H */
