/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host runtime: the partition manager (spm/) and real endpoints in one
 * Linux process, on one OS thread.
 *
 * Memory. "Physical memory" is one memfd of mem_size bytes that the
 * endpoints address from phys_base (IPA == PA, as on the firmware). The
 * manager reaches it through its own read-write mapping. Each endpoint
 * has its own window: a mapping of the whole memfd, PROT_NONE except
 * where the manager gave it access, so a forbidden access really faults.
 * env->ptr() turns an endpoint address into a pointer in that window.
 * Each discontiguous protection range costs a kernel mapping: a window
 * holds at most about vm.max_map_count (65530 by default) of them, and a
 * change that needs more fails with FFA_RET_NO_MEMORY, mapping unchanged.
 * Execute permission is recorded but not applied: endpoint code runs from
 * this binary, never from its window.
 *
 * Execution. Every endpoint vCPU is an execution context with its own
 * stack (and a guard page), prepared when ffa_host_run() starts, so it
 * begins with that caller's FP control state and signal mask. Each
 * switch saves only what a call preserves (ctx_<arch>.S; x86-64 adds
 * MXCSR and the x87 control word), or uses swapcontext(). Its entry
 * function (the endpoint's main) gets its struct ffa_env
 * and calls FF-A through env->conduit, a loopback into spm_call(): the
 * manager's decision either returns the registers at once (resume) or
 * suspends the caller inside its call and switches to another vCPU, until
 * some later decision resumes it with registers. The boot runs every
 * partition until its first FFA_MSG_WAIT, then the host VM's main (the
 * manifest with the ffa-host property); when that main returns,
 * ffa_host_run() returns its value. A partition main that returns, or
 * faults on memory it may not touch, is aborted (spm_abort()).
 *
 * Notifications. A partition manifest's notification-support gives that
 * partition a notification bitmap from the start: it can bind senders,
 * be signalled and get its bits, and PARTITION_INFO_GET reports
 * FFA_PART_PROP_NOTIFICATIONS; without the property, a BIND to it is
 * NOT_SUPPORTED. It binds nothing: a sender's SET is DENIED until the
 * receiver has bound that sender to those bits. It delivers no
 * interrupt: the schedule receiver interrupt a SET raises is only
 * counted (ffa_host_sri_count()), no notification pending interrupt is
 * injected, so a receiver learns of its bits when it calls
 * FFA_NOTIFICATION_GET (the host main: FFA_NOTIFICATION_INFO_GET). On
 * the host's own manifest it does nothing: the host has no bitmap until
 * it calls FFA_NOTIFICATION_BITMAP_CREATE. Per-vCPU notifications are
 * not supported (INVALID_PARAMETERS).
 *
 * Environment variables: FFA_HOST_LOG=1 prints the manager's log on
 * stderr; FFA_HOST_CTX=asm|ucontext picks the context switch when the
 * configuration leaves it to FFA_HOST_CTX_DEFAULT; FFA_HOST_WATCHDOG=
 * SECONDS (0 or "off": none) sets the watchdog when the configuration
 * leaves watchdog_ms 0. An unknown value of either makes
 * ffa_host_create() fail. Endpoint CONSOLE_LOG output goes to stdout, a
 * line at a time, prefixed by the endpoint name.
 *
 * Not thread-safe: one ffa_host runs on the thread that calls
 * ffa_host_run(), and only one ffa_host runs at a time.
 */
#ifndef FFA_HOST_H
#define FFA_HOST_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libffa/env.h>

struct spm;
struct ffa_host;

enum ffa_host_ctx_kind {
	FFA_HOST_CTX_DEFAULT,	/* FFA_HOST_CTX, else the assembly switch */
	FFA_HOST_CTX_ASM,	/* callee-saved registers only (ctx_*.S) */
	FFA_HOST_CTX_UCONTEXT,	/* swapcontext(): a syscall per switch */
};

struct ffa_host_config {
	uint64_t mem_size;	/* bytes, 4 KiB multiple; 0: 16 MiB */
	uint64_t phys_base;	/* 4 KiB aligned; 0: 0x40000000 */
	uint32_t nr_ranges;	/* manager's share range pool; 0: 4096 */
	size_t stack_size;	/* per vCPU; 0: 256 KiB */
	enum ffa_host_ctx_kind ctx;
	/* ffa_host_run()'s limit; 0: FFA_HOST_WATCHDOG, else 60 s. */
	uint32_t watchdog_ms;
};

#define FFA_HOST_DEFAULT_MEM_SIZE	(16ULL << 20)
#define FFA_HOST_DEFAULT_PHYS_BASE	0x40000000ULL
#define FFA_HOST_DEFAULT_RANGES		4096U
#define FFA_HOST_DEFAULT_STACK		(256U << 10)
#define FFA_HOST_DEFAULT_WATCHDOG_MS	60000U
/* watchdog_ms for a run with no time limit (e.g. a benchmark). */
#define FFA_HOST_WATCHDOG_OFF		UINT32_MAX

/* ffa_host_run() when the host main never finished (see there). */
#define FFA_HOST_RUN_FAILED		INT_MIN
/* ffa_host_run() when the watchdog stopped the run. */
#define FFA_HOST_RUN_TIMEOUT		(INT_MIN + 1)

/* A runtime with no endpoint yet; NULL on a bad config or no memory. */
struct ffa_host *ffa_host_create(const struct ffa_host_config *cfg);

/*
 * Add an endpoint from its FF-A manifest (spm/include/spm/manifest.h).
 * entry is its main, run on each vCPU; arg is what that main gets from
 * ffa_host_arg() (NULL if it needs nothing), so one main can serve
 * several endpoints, each with its own state. A manifest without an id
 * gets one: 0 for the host (as a kernel without a hypervisor sees
 * itself), else the first free from 0x8001; without a description it is
 * named "ep-<id>". Returns 0, or the FF-A error of the manifest parser or
 * spm_add_endpoint() (the reason goes to the log).
 */
int ffa_host_add(struct ffa_host *h, const void *dtb, uint32_t size,
		 ffa_entry_fn entry, void *arg);
/* The same, from a DTB file. */
int ffa_host_add_file(struct ffa_host *h, const char *path,
		      ffa_entry_fn entry, void *arg);

/*
 * From an endpoint main: the arg its endpoint was added with, and the
 * runtime that runs it (e.g. for ffa_host_last_refusal()). The main keeps
 * the ffa_entry_fn type it shares with the EL2 firmware (partitions/);
 * only host-aware code asks. NULL when env is not one of a runtime's.
 */
void *ffa_host_arg(const struct ffa_env *env);
struct ffa_host *ffa_host_of(const struct ffa_env *env);

/*
 * Boot and run until the host main returns: its return value;
 * FFA_HOST_RUN_FAILED when the boot failed, no host was added, or nothing
 * was left to run while the host main was blocked (every vCPU waits in a
 * call: a deadlock the manager sees at once); FFA_HOST_RUN_TIMEOUT when
 * the watchdog stopped the run. Call it once. In the last two cases
 * ffa_host_last_error() (also printed on stderr) names the vCPU that
 * was running and the call each other live vCPU waits in.
 *
 * The watchdog: a run still going watchdog_ms after it started (its
 * endpoints loop, or wait on each other while calling FF-A, e.g. yield
 * and run each other in turn) is stopped at the next FF-A call of the
 * running vCPU or, if that vCPU stays in its own code, within 100 ms
 * more by jumping out of that code, wherever it is (from libc's middle,
 * e.g. printf or malloc, libc may be left inconsistent: end the process
 * soon). The manager is left consistent (spm_check_invariants() holds);
 * the suspended vCPUs are dropped with the runtime. It counts wall-clock
 * time with a POSIX timer that signals SIGALRM to the calling thread:
 * while ffa_host_run() runs, the runtime's SIGALRM handler replaces any
 * other.
 */
int ffa_host_run(struct ffa_host *h);

/* Free everything; suspended vCPUs are dropped with their stacks. */
void ffa_host_destroy(struct ffa_host *h);

/*
 * Whether the calling endpoint can read (write: write) the byte at addr
 * right now: 0, or -1 when the access faults. Writing stores the byte it
 * read back. Only from an endpoint context, while ffa_host_run() runs.
 */
int ffa_host_probe(const struct ffa_env *env, uint64_t addr, bool write);

/* The manager inside, e.g. for spm_check_invariants() in tests. */
struct spm *ffa_host_spm(struct ffa_host *h);

/* Schedule receiver interrupts the manager raised so far. */
uint32_t ffa_host_sri_count(const struct ffa_host *h);

/* An endpoint's last failed FF-A call. */
struct ffa_host_refusal {
	uint32_t func;		/* its function ID, x0 as called */
	int status;		/* the FFA_RET_* error it returned */
	const char *reason;	/* the manager's words; "" if none */
};

/*
 * The last call of endpoint id that returned FFA_ERROR: 0 and *out (out
 * may be NULL), or -1 when none has (or no endpoint has that id). The
 * reason is the line the manager logs when it refuses a call (level 3 of
 * FFA_HOST_LOG=1), e.g. "rxtx_map: already mapped"; it is "" for errors
 * the manager gives no reason for (an unknown function; ABORTED because
 * the partition serving the call was aborted). Later successful calls
 * leave it; out->reason stays valid until that endpoint's next failed
 * call or ffa_host_destroy(). From an endpoint main:
 * ffa_host_last_refusal(ffa_host_of(env), env->id, &r).
 */
int ffa_host_last_refusal(const struct ffa_host *h, uint16_t id,
			  struct ffa_host_refusal *out);

/*
 * The runtime's own last error (what it prints on stderr as
 * "ffa_host[0]: ..."): why an endpoint was not added, why the run did not
 * finish. "" when there was none.
 */
const char *ffa_host_last_error(const struct ffa_host *h);

#endif /* FFA_HOST_H */
