// SPDX-License-Identifier: BSD-3-Clause
/*
 * A tiny EL1 guest for the firmware's tests: it checks that it runs at
 * EL1 with a DTB in x0, that the firmware answers SMCCC_VERSION on both
 * conduits, PSCI_FEATURES(SMCCC_VERSION), forwards PSCI and rejects
 * unknown calls; that the partition manager answers the host's setup
 * calls (FFA_VERSION, ID_GET, FEATURES, RXTX_MAP_64, PARTITION_INFO_GET,
 * RX_RELEASE, RXTX_UNMAP), finds the four partitions (EL1 guests of the
 * firmware: the test partition, the echo service and the twins; see
 * el1-parts.c), talks to the test partition with direct requests,
 * sees the schedule receiver interrupt arrive (el1-sri.c),
 * lends it a page (which we then cannot touch until we reclaim it);
 * that our FP/SIMD (and SVE) registers and the partitions' survive each
 * other, and a partition reading our CPU state is aborted (el1-fp.c);
 * that our interrupt preempts a partition serving us (el1-irq.c);
 * and that the firmware's and the
 * manager's memory are behind stage-2: touching them is a synchronous
 * external abort taken at EL1. It prints "el1-hello: PASS" or a FAIL
 * line per check, then powers off through the firmware.
 */
#include <stdbool.h>
#include <stdint.h>

#include <ffa/func.h>
#include <ffa/partition.h>
#include <partitions/test_proto.h>

#include "el1-hello.h"

#define SMCCC_VERSION		0x80000000UL
#define PSCI_VERSION		0x84000000UL
#define PSCI_FEATURES		0x8400000AUL
#define SIP_CALL		0x82000000UL
#define FDT_MAGIC_LE		0xedfe0dd0U	/* 0xd00dfeed, big-endian */
#define NOT_SUPPORTED		((uint64_t)-1)

/* Memory the guest must not reach (firmware/include/fw/memmap.h). */
#define FW_MEM			0x40200000UL
#define SPM_MEM			0x44000000UL
#define ESR_EC(esr)		(((esr) >> 26) & 0x3f)
#define EC_DABT_CUR		0x25
#define ESR_WNR			(1U << 6)
#define FSC_SEA			0x10

void hello_main(uint64_t dtb);

/* The RX/TX pair this guest maps, in its own RAM (BSS). */
static uint8_t mailbox[2][4096] __attribute__((aligned(4096)));

struct res {
	uint64_t x0, x1, x2, x3;
};

/* An SMCCC call; x4-x17 may be clobbered (SMCCC v1.2). */
#define SMCCC_CALL(insn, r, a0, a1)					\
do {									\
	register uint64_t x0 __asm__("x0") = (a0);			\
	register uint64_t x1 __asm__("x1") = (a1);			\
	register uint64_t x2 __asm__("x2") = 0;				\
	register uint64_t x3 __asm__("x3") = 0;				\
	__asm__ volatile(insn " #0"					\
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)	\
			 : : "x4", "x5", "x6", "x7", "x8", "x9", "x10",	\
			   "x11", "x12", "x13", "x14", "x15", "x16",	\
			   "x17", "memory");				\
	(r) = (struct res){ x0, x1, x2, x3 };				\
} while (0)

static struct res smc(uint64_t a0, uint64_t a1)
{
	struct res r;

	SMCCC_CALL("smc", r, a0, a1);
	return r;
}

static struct res hvc(uint64_t a0, uint64_t a1)
{
	struct res r;

	SMCCC_CALL("hvc", r, a0, a1);
	return r;
}

struct regs8 {
	uint64_t x[8];
};

/*
 * An SMC with x0-x7 in and out (FF-A's registers in this test) and
 * x8-x17 zero, as SMCCC v1.2 asks of registers a call does not use.
 */
static struct regs8 smc8(struct regs8 r)
{
	register uint64_t x0 __asm__("x0") = r.x[0];
	register uint64_t x1 __asm__("x1") = r.x[1];
	register uint64_t x2 __asm__("x2") = r.x[2];
	register uint64_t x3 __asm__("x3") = r.x[3];
	register uint64_t x4 __asm__("x4") = r.x[4];
	register uint64_t x5 __asm__("x5") = r.x[5];
	register uint64_t x6 __asm__("x6") = r.x[6];
	register uint64_t x7 __asm__("x7") = r.x[7];

	__asm__ volatile("mov x8, xzr\n\tmov x9, xzr\n\t"
			 "mov x10, xzr\n\tmov x11, xzr\n\t"
			 "mov x12, xzr\n\tmov x13, xzr\n\t"
			 "mov x14, xzr\n\tmov x15, xzr\n\t"
			 "mov x16, xzr\n\tmov x17, xzr\n\t"
			 "smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4),
			   "+r"(x5), "+r"(x6), "+r"(x7)
			 : : "x8", "x9", "x10", "x11", "x12", "x13", "x14",
			   "x15", "x16", "x17", "memory");
	return (struct regs8){ { x0, x1, x2, x3, x4, x5, x6, x7 } };
}

static void check_calls(void)
{
	struct res r;

	r = smc(SMCCC_VERSION, 0);
	check(r.x0 == 0x10002, "smc SMCCC_VERSION is 1.2", r.x0);
	r = hvc(SMCCC_VERSION, 0);
	check(r.x0 == 0x10002, "hvc SMCCC_VERSION is 1.2", r.x0);
	r = smc(PSCI_FEATURES, SMCCC_VERSION);
	check(r.x0 == 0, "PSCI_FEATURES(SMCCC_VERSION) is 0", r.x0);
	r = smc(PSCI_VERSION, 0);
	check(r.x0 >= 0x10000 && r.x0 < 0x20000,
	      "PSCI_VERSION forwarded to QEMU is 1.x", r.x0);
	r = smc(SIP_CALL, 0);
	check(r.x0 == NOT_SUPPORTED, "an unknown call is -1", r.x0);
}

static void check_abort(uint64_t addr, bool write, const char *what)
{
	uint64_t esr;

	probe(addr, write);
	esr = hello_exc.esr;
	check(ESR_EC(esr) == EC_DABT_CUR && (esr & 0x3f) == FSC_SEA &&
	      !!(esr & ESR_WNR) == write && hello_exc.far == addr, what,
	      esr);
}

static bool success(const struct regs8 *r)
{
	return r->x[0] == FFA_SUCCESS_32 || r->x[0] == FFA_SUCCESS_64;
}

static struct regs8 ffa(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return smc8((struct regs8){ { fid, a1, a2, a3 } });
}

static void check_ffa_discovery(void)
{
	struct regs8 r;

	r = ffa(FFA_VERSION, 0x10002, 0, 0);
	check(r.x[0] == 0x10002, "FFA_VERSION(1.2) is 1.2", r.x[0]);
	r = ffa(FFA_VERSION, 0x20000, 0, 0);
	check(r.x[0] == NOT_SUPPORTED,
	      "FFA_VERSION(2.0) is the 64-bit NOT_SUPPORTED", r.x[0]);
	r = ffa(FFA_ID_GET, 0, 0, 0);
	check(success(&r) && r.x[2] == 0, "FFA_ID_GET is 0", r.x[2]);
	r = ffa(FFA_FEATURES, FFA_RXTX_MAP_64, 0, 0);
	check(success(&r), "FFA_FEATURES(RXTX_MAP_64) is SUCCESS", r.x[0]);
	r = ffa(FFA_FEATURES, 0x84000000, 0, 0);
	check(r.x[0] == FFA_ERROR && (uint32_t)r.x[2] == 0xffffffffU,
	      "FFA_FEATURES(not FF-A) is NOT_SUPPORTED", r.x[2]);
}

#define TEST_SP_ID		0x8001
#define PART_DESC_SIZE_V1_1	24

static void check_ffa_mailbox(void)
{
	struct regs8 r;

	r = ffa(FFA_RXTX_MAP_64, (uintptr_t)mailbox[0],
		(uintptr_t)mailbox[1], 1);
	check(success(&r), "FFA_RXTX_MAP_64 of two pages of our RAM",
	      r.x[0] == FFA_ERROR ? r.x[2] : r.x[0]);
	r = smc8((struct regs8){ { FFA_PARTITION_INFO_GET, 0, 0, 0, 0,
				   FFA_PART_INFO_FLAG_COUNT_ONLY } });
	check(success(&r) && r.x[2] == 4,
	      "FFA_PARTITION_INFO_GET count-only: 4 partitions", r.x[2]);
	r = ffa(FFA_PARTITION_INFO_GET, 0, 0, 0);
	check(success(&r) && r.x[2] == 4 && r.x[3] == PART_DESC_SIZE_V1_1,
	      "FFA_PARTITION_INFO_GET: 4 partitions, 24-byte descriptors",
	      r.x[2]);
	if (success(&r)) {
		r = ffa(FFA_RX_RELEASE, 0, 0, 0);
		check(success(&r), "FFA_RX_RELEASE", r.x[0]);
	}
	r = ffa(FFA_RXTX_UNMAP, 0, 0, 0);
	check(success(&r), "FFA_RXTX_UNMAP", r.x[0]);
	r = ffa(FFA_RXTX_MAP_64, 0x40200000, 0x40201000, 1);
	check(r.x[0] == FFA_ERROR,
	      "FFA_RXTX_MAP_64 of firmware memory is refused", r.x[2]);
}

/* A DIRECT_REQ_32 of the test partition's protocol from us (ID 0). */
static struct regs8 tp_req(uint64_t cmd, uint64_t a1, uint64_t a2)
{
	return smc8((struct regs8){ { FFA_MSG_SEND_DIRECT_REQ_32,
				      TEST_SP_ID, 0, cmd, a1, a2 } });
}

static bool is_resp(const struct regs8 *r)
{
	return r->x[0] == FFA_MSG_SEND_DIRECT_RESP_32 &&
	       r->x[1] == (uint64_t)TEST_SP_ID << 16 && r->x[3] == 0;
}

static void check_partition(void)
{
	struct regs8 r;

	r = tp_req(TP_CMD_ECHO, 0x1234, 0xcafe);
	check(is_resp(&r) && r.x[4] == 0x1234 && r.x[5] == 0xcafe,
	      "direct request ECHO to the test partition", r.x[0]);
	r = tp_req(TP_CMD_WHOAMI, 0, 0);
	check(is_resp(&r) && r.x[4] == TEST_SP_ID && r.x[5] == 0x10002,
	      "WHOAMI: the partition is 0x8001 and speaks v1.2", r.x[4]);
	r = smc8((struct regs8){ { FFA_MSG_SEND_DIRECT_REQ_32, 0x7777, 0,
				   TP_CMD_ECHO } });
	check(r.x[0] == FFA_ERROR && (uint32_t)r.x[2] == 0xfffffffeU,
	      "direct request to no one is INVALID_PARAMETERS", r.x[2]);
}

static void check_stage2(void)
{
	check_abort(FW_MEM, false,
		    "reading firmware memory is an external abort");
	check_abort(FW_MEM + 0x1000, true,
		    "writing firmware memory is an external abort");
	check_abort(SPM_MEM + 0x123, false,
		    "reading manager memory is an external abort");
	probe((uint64_t)&hello_exc + sizeof(hello_exc), false);
	check(hello_exc.esr == 0, "reading own memory does not fault",
	      hello_exc.esr);
}

void hello_main(uint64_t dtb)
{
	uint64_t el;

	el1_test_start("el1-hello");
	__asm__ volatile("mrs %0, CurrentEL" : "=r"(el));
	check(((el >> 2) & 3) == 1, "CurrentEL is EL1", el);
	check(dtb && *(volatile uint32_t *)dtb == FDT_MAGIC_LE,
	      "x0 points to a DTB", dtb);
	check_calls();
	check_ffa_discovery();
	check_ffa_mailbox();
	check_partition();
	check_partitions();
	check_sri();
	check_lend();
	check_fp();
	check_sysreg_traps();
	check_preemption();
	check_partition_abort();
	check_stage2();
	el1_test_end();
}
