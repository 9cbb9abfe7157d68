/* SPDX-License-Identifier: BSD-3-Clause */
/* Inside the host runtime: its state and what its files give each other. */
#ifndef FFA_HOST_INTERNAL_H
#define FFA_HOST_INTERNAL_H

#include <setjmp.h>
#include <signal.h>
#include <time.h>
#include <ucontext.h>
#include <ffa_host.h>
#include <spm/spm.h>

/* ---- execution contexts (ctx.c, ctx_asm.c, ctx_ucontext.c) ---- */

typedef void (*host_ctx_fn)(void *arg);

struct host_ctx {
	void *sp;		/* the assembly switch's saved stack pointer */
	host_ctx_fn fn;		/* the ucontext switch's first call */
	void *arg;
	ucontext_t uc;		/* the ucontext switch's state */
};

struct host_ctx_ops {
	const char *name;
	/* Make c start fn(arg) on [stack, stack + size) at its first switch. */
	void (*prepare)(struct host_ctx *c, void *stack, size_t size,
			host_ctx_fn fn, void *arg);
	/* Save the running context into from and continue in to. */
	void (*swap)(struct host_ctx *from, struct host_ctx *to);
};

extern const struct host_ctx_ops host_ctx_asm;
extern const struct host_ctx_ops host_ctx_ucontext;

/* The configured kind, or FFA_HOST_CTX then the assembly switch. */
const struct host_ctx_ops *host_ctx_pick(enum ffa_host_ctx_kind kind);

/* ---- endpoints and their vCPUs ---- */

#define HOST_CONSOLE_LINE	256
/* The manager's reason for a refusal; longer ones are cut. */
#define HOST_REASON_MAX		128
/* The runtime's last error line (ffa_host_last_error()). */
#define HOST_ERROR_MAX		512

/* Why a vCPU's main was left through its sigjmp_buf (vcpu_main()). */
enum host_jmp {
	HOST_JMP_FAULT = 1,	/* it touched memory it may not */
	HOST_JMP_WATCHDOG,	/* the watchdog stopped the run */
};

struct host_ep;

struct host_vcpu {
	struct host_ep *ep;
	uint16_t index;
	bool started;
	bool dead;		/* its main returned or it faulted */
	bool in_call;		/* suspended in (or making) an FF-A call */
	uint32_t call_fid;	/* x0 of its latest FF-A call; 0: none */
	struct host_ctx ctx;
	void *stack;		/* mmap'ed, guard page at the bottom */
	size_t stack_size;
	struct ffa_regs regs;	/* what its pending call returns */
	sigjmp_buf fault;	/* where a fault or the watchdog lands */
	struct ffa_env env;
};

struct host_ep {
	struct ffa_host *h;
	uint16_t id;
	bool is_host;
	char name[32];
	ffa_entry_fn entry;
	void *arg;		/* ffa_host_arg() */
	uint16_t nr_vcpus;
	uint8_t *window;	/* this endpoint's view of memory */
	uint8_t *access;	/* per page, SPM_ACCESS_*: what is applied */
	struct host_vcpu vcpus[SPM_MAX_VCPUS];
	uint32_t console_len;
	char console[HOST_CONSOLE_LINE];
	/* Its last failed call (ffa_host_last_refusal()). */
	bool refused;
	struct ffa_host_refusal refusal;
	char reason[HOST_REASON_MAX];
};

struct ffa_host {
	struct ffa_host_config cfg;
	const struct host_ctx_ops *ctx_ops;
	bool log;
	int memfd;
	uint8_t *mem;		/* the manager's read-write mapping */
	uint64_t nr_pages;
	struct spm *spm;
	struct spm_platform_ops ops;
	struct spm_platform plat;
	struct spm_storage st;
	struct host_ep eps[SPM_MAX_ENDPOINTS];
	uint32_t nr_eps;
	struct host_ctx main_ctx;	/* ffa_host_run()'s own */
	struct host_vcpu *current;	/* NULL while main_ctx runs */
	bool ran;		/* ffa_host_run() was called */
	bool host_done;
	int host_ret;
	uint32_t sri_count;
	/* The manager's refusal reason during its current entry, if any. */
	bool reason_pending;
	char reason[HOST_REASON_MAX];
	char error[HOST_ERROR_MAX];	/* ffa_host_last_error() */
	/* The watchdog (watchdog.c); the signal handler reads these. */
	uint32_t watchdog_ms;		/* 0: none */
	bool watchdog_armed;
	timer_t watchdog_timer;
	volatile sig_atomic_t expired;	/* the time is up */
	volatile sig_atomic_t in_endpoint; /* current runs endpoint code */
	bool timed_out;			/* the watchdog ended the run */
};

/* ---- memory (mem.c) ---- */

int host_mem_init(struct ffa_host *h);
void host_mem_fini(struct ffa_host *h);
/* The endpoint's window, all PROT_NONE; 0 or FFA_RET_NO_MEMORY. */
int host_window_map(struct ffa_host *h, struct host_ep *ep);
void host_window_unmap(struct ffa_host *h, struct host_ep *ep);
/* Pointer in a window for [addr, addr + 1), or NULL outside memory. */
void *host_window_ptr(const struct host_ep *ep, uint64_t addr);

/* The memory operations of the platform seam. */
void host_mem_ops(struct spm_platform_ops *ops);

/* ---- the platform seam (platform.c) ---- */

void host_platform_init(struct ffa_host *h);
struct host_ep *host_ep_by_id(struct ffa_host *h, uint16_t id);
void host_logf(struct ffa_host *h, int level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Print what is left of every endpoint's console line. */
void host_console_flush(struct ffa_host *h);

/* ---- vCPUs and decisions (vcpu.c) ---- */

int host_vcpus_init(struct ffa_host *h, struct host_ep *ep,
		    const struct spm_endpoint_config *cfg);
void host_vcpus_fini(struct host_ep *ep);
/* Give every vCPU its first frame; from the runtime's own context. */
void host_vcpus_prepare(struct ffa_host *h);
/*
 * Carry out d from the running context (from; NULL for main_ctx): return
 * at once when d resumes from itself, else switch away and return when
 * some later decision switches back to from.
 */
void host_execute(struct ffa_host *h, struct host_vcpu *from,
		  const struct spm_decision *d);
/* Save from (NULL: main_ctx) and continue in to (NULL: main_ctx). */
void host_switch(struct ffa_host *h, struct host_vcpu *from,
		 struct host_vcpu *to);

/* ---- refusals (refusal.c) ---- */

/* The manager refused a call with this reason (its level-3 log line). */
void host_refusal_reason(struct ffa_host *h, const char *line);
/* Registers r go to vCPU to: remember a failed call, drop the reason. */
void host_refusal_note(struct ffa_host *h, struct host_vcpu *to,
		       const struct ffa_regs *r);

/* ---- the watchdog (watchdog.c) ---- */

/* The configured time: cfg, else FFA_HOST_WATCHDOG, else the default. */
int host_watchdog_configure(struct ffa_host *h);
/* Start counting when ffa_host_run() starts; stop when it ends. */
int host_watchdog_arm(struct ffa_host *h);
void host_watchdog_disarm(struct ffa_host *h);
/*
 * The time is up and vCPU v (running, at a call or in its own code) is
 * where the runtime can stop: say what every vCPU was doing and go back
 * to ffa_host_run(). Never returns.
 */
void host_watchdog_stop(struct ffa_host *h, struct host_vcpu *v,
			bool own_code) __attribute__((noreturn));
/* Append what every live vCPU is doing to buf (for error messages). */
void host_describe_vcpus(struct ffa_host *h, const struct host_vcpu *running,
			 bool own_code, char *buf, size_t size);

/* ---- faults (fault.c) ---- */

/* Turn faults of endpoint code into aborts while ffa_host_run() runs. */
int host_fault_install(struct ffa_host *h);
void host_fault_remove(void);

#endif /* FFA_HOST_INTERNAL_H */
