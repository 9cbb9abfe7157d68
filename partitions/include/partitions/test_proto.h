/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test partition's command protocol, carried in direct requests.
 *
 * Request:  args[0] = command, args[1..4] = its parameters.
 * Response: args[0] = status (0 or a negative FF-A error code, as a
 *           two's complement 64-bit value), args[1..4] = results.
 * The same words travel in DIRECT_REQ_32 (values must then fit 32 bits),
 * DIRECT_REQ_64 and, for ECHO, DIRECT_REQ2 (all 14 words echoed).
 */
#ifndef PARTITIONS_TEST_PROTO_H
#define PARTITIONS_TEST_PROTO_H

#include <ffa/types.h>

/* UUIDs (text form; see lib/include/libffa/uuid.h for the encodings). */
#define TP_UUID_TEST	"d1a7f2a0-54b4-4d3c-9b7e-5f3f0e1a2b01"
#define TP_UUID_ECHO	"e3c0b9f4-1d2a-4f51-8a6e-0c9d7b5a4e02"
#define TP_UUID_TWIN	"7a11f00d-c0de-4b1e-a5e5-0d1e2c3b4a03"

enum tp_cmd {
	/* args[1..4] come back unchanged. */
	TP_CMD_ECHO = 1,
	/* -> [1] FFA_ID_GET, [2] negotiated version, [3] FFA_SPM_ID_GET. */
	TP_CMD_WHOAMI = 2,
	/*
	 * Retrieve a handle and walk it. [1] handle, [2] owner ID,
	 * [3] tag, [4] TP_MEM_* flags | pattern byte << 8.
	 * -> [1] FNV-1a 64 checksum of the memory as retrieved (before any
	 * write), [2] pages, [3] constituents, [4] fragments of the response.
	 */
	TP_CMD_MEM_RETRIEVE = 3,
	/* Relinquish a handle retrieved earlier. [1] handle. */
	TP_CMD_MEM_RELINQUISH = 4,
	/*
	 * FFA_MEM_PERM_GET, then SET when [2] is not 0, then GET again, on
	 * the page at offset [1] of the partition's own memory.
	 * -> [1] permissions before, [2] after.
	 */
	TP_CMD_MEM_PERM = 5,
	/* FFA_NOTIFICATION_SET of bitmap [2] for receiver [1]. */
	TP_CMD_NOTIFY = 6,
	/* FFA_MSG_SEND2 to receiver [1] of the 8-byte payload [2]. */
	TP_CMD_SEND2 = 7,
	/* Misbehave in way [1] (enum tp_misbehave). -> [1], [2] statuses. */
	TP_CMD_MISBEHAVE = 8,
	/* FFA_NOTIFICATION_BIND of bitmap [2] from sender [1]. */
	TP_CMD_NOTIF_BIND = 9,
	/* FFA_NOTIFICATION_GET (all). -> [1] from SPs, [2] from VMs. */
	TP_CMD_NOTIF_GET = 10,
	/* Read and release the RX buffer (an indirect message). ->
	 * [1] sender, [2] first payload word, [3] payload size. */
	TP_CMD_READ_RX = 11,
	/* The status the last deferred misbehaviour got. -> [1]. */
	TP_CMD_LAST_STATUS = 12,
	/*
	 * Load V0-V31, FPCR and FPSR with the pattern of seed [1]
	 * (tp_fp_word()) and leave them there.
	 * -> [1] tp_fp_sum() of the registers read back.
	 * NOT_SUPPORTED where the partition's code may not use FP/SIMD
	 * itself (any build but AArch64 -mgeneral-regs-only, e.g. the host
	 * runtime, whose compiler owns the registers).
	 */
	TP_CMD_FP_LOAD = 13,
	/* -> [1] tp_fp_sum() of V0-V31, FPCR and FPSR as they are now. */
	TP_CMD_FP_SUM = 14,
	/*
	 * Busy for a while: [1] steps of tp_spin_step() from [2], with no
	 * FF-A call, so that an interrupt can preempt it on the way.
	 * -> [1] the last value.
	 */
	TP_CMD_SPIN = 15,
	/*
	 * Retrieve handle [1] (owner [2], tag [3]), read the first 64-bit
	 * word of its memory until it is not 0, at most [4] times, and
	 * relinquish: a partition that waits for its caller to do
	 * something, which only an interrupt of the caller's can let it do.
	 * -> [1] reads done, [2] the word read (0: it never changed).
	 */
	TP_CMD_SPIN_UNTIL = 16,
	/*
	 * Install an EL1 exception vector table whose handler takes the
	 * synchronous external abort the bench firmware delivers for a
	 * stage-2 fault (firmware/README.md), or remove it. [1] what the
	 * handler does (enum tp_vectors). -> [1] aborts taken so far.
	 * NOT_SUPPORTED where the partition does not run at EL1 (the host
	 * runtime, where such a fault is a SIGSEGV that aborts it).
	 */
	TP_CMD_VECTORS = 17,
	/*
	 * Access the byte at address [1] (one the partition may have lost:
	 * a page it retrieved, relinquished or sent away) the way [2] says
	 * (enum tp_touch). -> [1] aborts its handler took meanwhile (0 or
	 * 1), and the last abort's [2] ESR_EL1, [3] FAR_EL1, [4] ELR_EL1
	 * (0 when none was taken).
	 */
	TP_CMD_TOUCH = 18,
	/*
	 * Send the page at offset [1] of its own memory (page aligned, past
	 * TX and RX) to endpoint [2] with [3] (enum tp_send): a SHARE or
	 * LEND read-write, a DONATE. -> [1] the handle, [2] the page's
	 * address.
	 */
	TP_CMD_MEM_SEND = 19,
	/* FFA_MEM_RECLAIM of handle [1], sent earlier with TP_CMD_MEM_SEND. */
	TP_CMD_MEM_RECLAIM = 20,
};

/* TP_CMD_VECTORS: what the handler does with an external abort. */
enum tp_vectors {
	TP_VEC_NONE = 0,	/* no vector table (VBAR_EL1 = 0) */
	/*
	 * Record it and go on: after the load or store; back to the caller
	 * (x30) when it was the branch into lost memory (TP_TOUCH_EXEC).
	 */
	TP_VEC_SKIP = 1,
	TP_VEC_FAULT = 2,	/* record it, then read FAR_EL1's byte */
	TP_VEC_RETRY = 3,	/* record it, return to the access itself */
};

/* TP_CMD_TOUCH: how the byte is accessed. */
enum tp_touch {
	TP_TOUCH_READ = 0,	/* load it */
	TP_TOUCH_WRITE = 1,	/* store 0 to it */
	TP_TOUCH_EXEC = 2,	/* branch to it (EL1 only) */
};

/* TP_CMD_MEM_SEND: which transaction. */
enum tp_send {
	TP_SEND_SHARE = 1,
	TP_SEND_LEND = 2,
	TP_SEND_DONATE = 3,
};

/* TP_CMD_MEM_RETRIEVE flags (args[4] bits[7:0]). */
#define TP_MEM_WRITE		0x1U	/* fill every page with pattern */
#define TP_MEM_RELINQUISH	0x2U	/* relinquish when done */
#define TP_MEM_NO_TOUCH		0x4U	/* do not read the memory */
/* Name only ourselves in the request (v1.2 bypass flag): a share with
 * several borrowers otherwise wants them all listed. */
#define TP_MEM_BYPASS		0x8U

enum tp_misbehave {
	/* Answer a requester other than the one waiting: INVALID. */
	TP_BAD_RESP_WRONG_REQUESTER = 1,
	/* MSG_WAIT while serving this request: DENIED. */
	TP_BAD_WAIT_IN_REQUEST = 2,
	/*
	 * Retrieve handle [2] (owner [3]) until refused (16 tries at
	 * most), then relinquish each retrieval: [1] how many succeeded,
	 * [2] the refusal (DENIED past the manager's limit).
	 */
	TP_BAD_RETRIEVE_OVER_LIMIT = 3,
	/* A direct request claiming another sender: INVALID. */
	TP_BAD_SPOOF_SENDER = 4,
	/*
	 * Answer this request, and answer again the next time the
	 * partition is given cycles with FFA_RUN, when no request is
	 * pending: DENIED, reported by TP_CMD_LAST_STATUS.
	 */
	TP_BAD_RESPOND_TWICE = 5,
	/*
	 * Read system register [2] (enum tp_sysreg), a piece of Linux's
	 * CPU state partitions must not reach: on the firmware the read
	 * traps and the partition is aborted (its caller gets ABORTED);
	 * should it not trap, -> [1] the value read. NOT_SUPPORTED where
	 * the partition is not at EL1 (the host runtime).
	 */
	TP_BAD_READ_SYSREG = 6,
};

enum tp_sysreg {
	TP_SYSREG_PAUTH_KEY = 1,	/* APIAKeyLo_EL1 */
	TP_SYSREG_PHYS_TIMER = 2,	/* CNTP_CTL_EL0 */
	TP_SYSREG_GIC_PMR = 3,		/* ICC_PMR_EL1 */
	TP_SYSREG_PMU = 4,		/* PMCCNTR_EL0 */
	TP_SYSREG_DEBUG = 5,		/* DBGBVR0_EL1 */
	TP_SYSREG_SVE = 6,		/* ZCR_EL1 */
};

/* One step of TP_CMD_SPIN: a 64-bit LCG (Knuth's MMIX constants). */
static inline uint64_t tp_spin_step(uint64_t x)
{
	return x * 6364136223846793005ULL + 1442695040888963407ULL;
}

/*
 * TP_CMD_FP_LOAD's pattern: 64 words for V0-V31 (Vn = words 2n, 2n+1,
 * low half first), then FPCR and FPSR, each limited to bits every
 * implementation keeps (AHP, DN, FZ, RMode; QC and the cumulative
 * exception flags).
 */
#define TP_FP_WORDS	66
#define TP_FP_FPCR	64
#define TP_FP_FPSR	65
#define TP_FPCR_BITS	0x07c00000ULL
#define TP_FPSR_BITS	0x0800009fULL

/* The checksum TP_CMD_MEM_RETRIEVE reports: FNV-1a 64 over the bytes. */
#define TP_FNV_OFFSET	0xcbf29ce484222325ULL
#define TP_FNV_PRIME	0x100000001b3ULL

static inline uint64_t tp_fnv(uint64_t h, const uint8_t *p, uint64_t n)
{
	uint64_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * TP_FNV_PRIME;
	return h;
}

static inline uint64_t tp_fp_word(uint64_t seed, unsigned int i)
{
	uint64_t w = (seed + i + 1) * 0x9e3779b97f4a7c15ULL;

	if (i == TP_FP_FPCR)
		return w & TP_FPCR_BITS;
	if (i == TP_FP_FPSR)
		return w & TP_FPSR_BITS;
	return w;
}

/* TP_CMD_FP_LOAD's words for seed. */
static inline void tp_fp_pattern(uint64_t w[TP_FP_WORDS], uint64_t seed)
{
	unsigned int i;

	for (i = 0; i < TP_FP_WORDS; i++)
		w[i] = tp_fp_word(seed, i);
}

/* FNV-1a 64 over the words' bytes, little-endian. */
static inline uint64_t tp_fp_sum(const uint64_t w[TP_FP_WORDS])
{
	uint64_t h = TP_FNV_OFFSET;
	unsigned int i, b;

	for (i = 0; i < TP_FP_WORDS; i++)
		for (b = 0; b < 8; b++)
			h = (h ^ ((w[i] >> (8 * b)) & 0xff)) * TP_FNV_PRIME;
	return h;
}

#endif /* PARTITIONS_TEST_PROTO_H */
