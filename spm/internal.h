/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Inside the partition manager: the call context every handler gets, the
 * handlers each file provides, and the services files offer each other.
 * Not an API for anything outside spm/.
 */
#ifndef SPM_INTERNAL_H
#define SPM_INTERNAL_H

#include <spm/spm.h>

/* One FF-A call in flight (pointers first: stored in pairs). */
struct spm_ctx {
	struct spm *spm;
	struct spm_endpoint *caller;
	const struct ffa_regs *in;	/* sanitized per SMCCC */
	struct spm_decision *d;
	uint32_t cpu;
	uint16_t vcpu;
};

typedef void (*spm_handler)(struct spm_ctx *c);

/* ---- completing a call (core.c) ---- */

/* Resume the caller with FFA_SUCCESS_32(w2, w3). */
void spm_ret_success(struct spm_ctx *c, uint32_t w2, uint32_t w3);
/*
 * Where the answer's registers go: a handler may build them here and
 * pass this to spm_ret_regs or spm_switch_to, which then copy nothing.
 * Write them only once nothing can fail: they are the decision.
 */
static inline struct ffa_regs *spm_out_regs(struct spm_ctx *c)
{
	return &c->d->regs;
}
/* Resume the caller with these registers as they are. */
void spm_ret_regs(struct spm_ctx *c, const struct ffa_regs *r);
/* Resume the caller with FFA_ERROR(code); log why at debug level. */
void spm_ret_error(struct spm_ctx *c, int code, const char *why);
/* Switch this CPU to ep/vcpu with r. */
void spm_switch_to(struct spm_ctx *c, const struct spm_endpoint *ep,
		   uint16_t vcpu, const struct ffa_regs *r);
/*
 * Switch this CPU to ep/vcpu with the decision's registers as they are:
 * only for registers that follow the result rule by construction (a
 * direct message: see message_regs in direct.c), so that the rule's
 * test is not paid again. Inline: three stores.
 */
static inline void spm_switch_ready(struct spm_ctx *c,
				    const struct spm_endpoint *ep,
				    uint16_t vcpu)
{
	c->d->next = SPM_SWITCH;
	c->d->ep = ep->cfg.id;
	c->d->vcpu = vcpu;
}

/*
 * The locked bodies of the entry points: entry.c takes the manager lock
 * around each (spm.h, "Locking"); nothing else locks. spm_call's is
 * inline, in call.h.
 */
int spm_add_endpoint_locked(struct spm *spm,
			    const struct spm_endpoint_config *cfg);
void spm_boot_locked(struct spm *spm, uint32_t cpu, struct spm_decision *d);
void spm_abort_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		      uint16_t vcpu, struct spm_decision *d);
int spm_preempt_locked(struct spm *spm, uint32_t cpu, uint16_t ep,
		       uint16_t vcpu, struct spm_decision *d);
int spm_map_mailbox_locked(struct spm *spm, uint16_t id, uint64_t tx,
			   uint64_t rx, uint32_t pages);
/* The rare turns of spm_call's path (call.h), out of line in core.c. */
const struct ffa_regs *spm_call_args_sanitized(const struct ffa_regs *in,
					       uint32_t fid,
					       struct ffa_regs *copy);
void spm_call_lost(struct spm *spm, struct spm_decision *d);
void spm_call_freeze_version(struct spm_endpoint *caller, uint32_t fid);
/*
 * A line for the platform's log, if it keeps one (level 0 error .. 3
 * debug). Inline, so that every file can log without depending on
 * another (no call cycles).
 */
static inline void spm_log(struct spm *spm, int level, const char *line)
{
	if (spm->plat.ops->log)
		spm->plat.ops->log(spm->plat.ctx, level, line);
}

/* ---- the dispatch table (abi_table.c) ---- */

/*
 * spm_abi_pass() (abi.h, inline into the call path) gives the handler
 * of call fid when the caller may make it with these arguments.
 *
 * Answer a call spm_abi_pass() refused: the FF-A error (the row's role,
 * the versions, its reserved bits) and why, logged.
 */
void spm_abi_refuse(struct spm_ctx *c, uint32_t fid);
/* Recompute ep's view of the table (its roles or version changed). */
void spm_abi_view_update(struct spm_endpoint *ep);
/* ep's view is what spm_abi_view_update() would make it. */
bool spm_abi_view_current(const struct spm_endpoint *ep);
/*
 * True when the dispatch table has fid for endpoint ep: a call it may
 * make in the version it negotiated, or an answer it may get (FFA_ERROR,
 * FFA_SUCCESS, ...). FFA_FEATURES answers from this.
 */
bool spm_fid_available(const struct spm *spm, const struct spm_endpoint *ep,
		       uint32_t fid);
/* The roles an endpoint of this configuration has, as the table names them. */
uint8_t spm_abi_who_of(const struct spm_endpoint_config *cfg);

/* ---- endpoints (endpoint.c) ---- */

/* Kept in it (an invariant): a request links its waiter by index. */
static inline uint32_t spm_endpoint_index(const struct spm *spm,
					  const struct spm_endpoint *ep)
{
	(void)spm;
	return ep->index;
}
/* The scheduler (host) endpoint. */
struct spm_endpoint *spm_host(struct spm *spm);

/* ---- vCPU states (vcpu.c) ---- */

/* Endpoint ID in [31:16], vCPU index in [15:0] (FFA_RUN, FFA_YIELD w1). */
uint32_t spm_target_info(const struct spm_endpoint *ep, uint16_t vcpu);
/*
 * The caller's vCPU is RUNNING by our records (the host always is):
 * inline, every direct message asks.
 */
static inline bool spm_caller_running(const struct spm_ctx *c)
{
	/* The host runs whenever it calls; a partition only once booted. */
	return c->caller->cfg.is_host ||
	       c->caller->vcpus[c->vcpu].state == SPM_VCPU_RUNNING;
}
/*
 * ep/vcpu runs on cpu for reason, answering to peer. Inline, as the
 * next two: a few stores on every direct message.
 */
static inline void spm_vcpu_set_running(struct spm_endpoint *ep,
					uint16_t vcpu,
					enum spm_run_reason reason,
					uint16_t peer_ep, uint16_t peer_vcpu,
					uint32_t cpu)
{
	struct spm_vcpu *v = &ep->vcpus[vcpu];

	v->state = SPM_VCPU_RUNNING;
	v->reason = reason;
	v->peer_ep = peer_ep;
	v->peer_vcpu = peer_vcpu;
	v->cpu = cpu;
}

/* ep/vcpu runs on this CPU for reason, answering to the caller. */
static inline void spm_vcpu_start(struct spm_ctx *c, struct spm_endpoint *ep,
				  uint16_t vcpu, enum spm_run_reason reason)
{
	spm_vcpu_set_running(ep, vcpu, reason, c->caller->cfg.id, c->vcpu,
			     c->cpu);
}
/* The caller's vCPU waits for target/vcpu: inline, every request. */
static inline void spm_vcpu_block_caller(struct spm_ctx *c,
					 struct spm_endpoint *target,
					 uint16_t vcpu)
{
	struct spm_vcpu *v = &c->caller->vcpus[c->vcpu];
	struct spm_vcpu *t = &target->vcpus[vcpu];

	/* A host vCPU that calls runs on its own behalf, booted or not. */
	if (c->caller->cfg.is_host)
		v->reason = SPM_RUN_SELF;
	v->state = SPM_VCPU_BLOCKED;
	v->peer_ep = target->cfg.id;
	v->peer_vcpu = vcpu;
	/* The only way into BLOCKED: the target's link names its waiter. */
	t->waiter_ep = (uint8_t)(spm_endpoint_index(c->spm, c->caller) + 1);
	t->waiter_vcpu = c->vcpu;
}
/* The vCPU BLOCKED waiting for ep/vcpu (at most one), or NULL. */
struct spm_endpoint *spm_vcpu_blocked_on(struct spm *spm,
					 const struct spm_endpoint *ep,
					 uint16_t vcpu, uint16_t *out_vcpu);
/*
 * Resume the BLOCKED ep/vcpu on this CPU with r. If its endpoint aborted,
 * whoever waits for it gets FFA_ERROR(ABORTED) instead, up the chain;
 * SPM_IDLE when nobody is left.
 */
void spm_wake(struct spm_ctx *c, struct spm_endpoint *ep, uint16_t vcpu,
	      const struct ffa_regs *r);
/* The vCPU that blocked on ep/vcpu is its requester again (vcpu.c). */
void spm_vcpu_relink(struct spm *spm, struct spm_endpoint *ep,
		     uint16_t vcpu);
/*
 * spm_wake() with the decision's registers, which follow the result rule
 * (spm_switch_ready): inline for the usual case, a live BLOCKED vCPU
 * that nobody waits on in turn; anything else takes spm_wake().
 */
static inline void spm_wake_ready(struct spm_ctx *c, struct spm_endpoint *ep,
				  uint16_t vcpu)
{
	struct spm_vcpu *v;

	if (__builtin_expect(!ep || ep->aborted ||
			     ep->vcpus[vcpu].state != SPM_VCPU_BLOCKED, 0)) {
		spm_wake(c, ep, vcpu, &c->d->regs);
		return;
	}
	v = &ep->vcpus[vcpu];
	/* Its peer becomes its own requester again, if it has one. */
	if (__builtin_expect(v->waiter_ep != 0, 0))
		spm_vcpu_relink(c->spm, ep, vcpu);
	v->state = SPM_VCPU_RUNNING;
	v->cpu = c->cpu;
	spm_switch_ready(c, ep, vcpu);
}

/* ---- aborts (cpu.c, abort.c) ---- */

/*
 * The caller's vCPU ends as aborted (the endpoint with it, if it was
 * not yet): whoever waited for it gets FFA_ERROR(ABORTED).
 */
void spm_abort_caller(struct spm_ctx *c);
/*
 * Undo everything aborted endpoint ep leaves behind: memory, RX/TX,
 * notifications. Idempotent: each spm_abort() of it runs it again.
 */
void spm_abort_sweep(struct spm *spm, struct spm_endpoint *ep);
/* What spm_abort_sweep() removes is gone from every aborted endpoint. */
int spm_abort_check_invariants(struct spm *spm, const char **why);

/* ---- RX buffers (mailbox.c) ---- */

/*
 * Produce len bytes into ep's RX buffer: BUSY if the endpoint still owns
 * it, DENIED if none is mapped, NO_MEMORY if it does not fit. Zeroes the
 * unused tail and hands ownership to the endpoint.
 */
int spm_rx_produce(struct spm *spm, struct spm_endpoint *ep,
		   const void *buf, uint32_t len);
/* Copy len bytes of the caller's TX buffer into this CPU's buffer. */
int spm_tx_copy(struct spm_ctx *c, uint32_t len, const uint8_t **out);

/* ---- notifications (notify.c) ---- */

/*
 * Pend framework notification bits (e.g. FFA_FW_NOTIF_RX_BUFFER_FULL)
 * for receiver: in the SPM framework bitmap when the sender is a
 * partition, the hypervisor one when it is the host; raise the SRI on
 * cpu (the CPU the sender runs on), now or when the sender stops.
 */
void spm_notif_pend_framework(struct spm *spm, uint32_t cpu,
			      struct spm_endpoint *recv,
			      const struct spm_endpoint *sender, uint32_t bits,
			      bool delay_sri);

/* The delayed SRIs, when some endpoint may have one (notify.c). */
void spm_notif_flush_delayed_sri_all(struct spm *spm, uint32_t cpu);
/*
 * A delayed SRI (SET or MSG_SEND2 with the delay flag) fires now. Every
 * response and wait ends here: inline, one load when none is delayed.
 */
static inline void spm_notif_flush_delayed_sri(struct spm *spm, uint32_t cpu)
{
	if (__builtin_expect(spm->sri_delayed_any, 0))
		spm_notif_flush_delayed_sri_all(spm, cpu);
}

/* ---- memory (mem_*.c) ---- */

/*
 * Give an endpoint one of its manifest regions (init time): the pages
 * must be inside managed memory and nobody's yet (INVALID_PARAMETERS);
 * they become the endpoint's, mapped with r->access. unclaim undoes it.
 */
int spm_mem_claim_region(struct spm *spm, uint32_t ep_index,
			 const struct spm_mem_region *r);
void spm_mem_unclaim_region(struct spm *spm, uint32_t ep_index,
			    const struct spm_mem_region *r);
/* RX/TX pages: must be the caller's own, exclusive, not in a share. */
int spm_mem_claim_mailbox(struct spm *spm, uint32_t ep_index, uint64_t tx,
			  uint64_t rx, uint32_t pages);
void spm_mem_release_mailbox(struct spm *spm, uint32_t ep_index,
			     uint64_t tx, uint64_t rx, uint32_t pages);
int spm_mem_check_invariants(struct spm *spm, const char **why);
/*
 * Endpoint ep_index aborted: relinquish what it retrieved, drop what it
 * was sending or receiving, reclaim what it owns once nobody holds it.
 */
void spm_mem_abort_endpoint(struct spm *spm, uint32_t ep_index);
/* Nothing of the above is left: 0, or INVALID_PARAMETERS and *why. */
int spm_mem_abort_check(const struct spm *spm, const char **why);
/*
 * True while ep has a memory transaction half done: a send whose
 * fragments are still coming, or a retrieve response not yet fully
 * delivered. RXTX_UNMAP is DENIED then.
 */
bool spm_mem_endpoint_busy(struct spm *spm, uint32_t ep_index);

/* ---- handlers, one per ABI (grouped by file) ---- */

/* setup.c */
void spm_h_version(struct spm_ctx *c);
void spm_h_features(struct spm_ctx *c);
void spm_h_id_get(struct spm_ctx *c);
void spm_h_spm_id_get(struct spm_ctx *c);
void spm_h_console_log(struct spm_ctx *c);
/* mailbox.c */
void spm_h_rxtx_map(struct spm_ctx *c);
void spm_h_rxtx_unmap(struct spm_ctx *c);
void spm_h_rx_release(struct spm_ctx *c);
/* partinfo.c */
void spm_h_partition_info_get(struct spm_ctx *c);
void spm_h_partition_info_get_regs(struct spm_ctx *c);
/* cpu.c: scheduling */
void spm_h_msg_wait(struct spm_ctx *c);
void spm_h_run(struct spm_ctx *c);
void spm_h_yield(struct spm_ctx *c);
/* direct.c */
void spm_h_direct_req(struct spm_ctx *c);
void spm_h_direct_resp(struct spm_ctx *c);
/* indirect.c */
void spm_h_msg_send2(struct spm_ctx *c);
/* mem_send.c, mem_frag.c, mem_retrieve.c, mem_reclaim.c, mem_perm.c */
void spm_h_mem_send(struct spm_ctx *c);
void spm_h_mem_frag_tx(struct spm_ctx *c);
void spm_h_mem_retrieve_req(struct spm_ctx *c);
void spm_h_mem_frag_rx(struct spm_ctx *c);
void spm_h_mem_relinquish(struct spm_ctx *c);
void spm_h_mem_reclaim(struct spm_ctx *c);
void spm_h_mem_perm_get(struct spm_ctx *c);
void spm_h_mem_perm_set(struct spm_ctx *c);
/* notify.c */
void spm_h_notif_bitmap_create(struct spm_ctx *c);
void spm_h_notif_bitmap_destroy(struct spm_ctx *c);
void spm_h_notif_bind(struct spm_ctx *c);
void spm_h_notif_unbind(struct spm_ctx *c);
void spm_h_notif_set(struct spm_ctx *c);
void spm_h_notif_get(struct spm_ctx *c);
void spm_h_notif_info_get(struct spm_ctx *c);

#endif /* SPM_INTERNAL_H */
