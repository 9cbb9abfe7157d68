// SPDX-License-Identifier: BSD-3-Clause
/*
 * FP/SIMD switching and the partitions' traps, from Linux's seat.
 *
 * We fill our FP/SIMD registers (with SVE, all of Z0-Z31 at the largest
 * vector length, so that a partition's V writes would show as zeroed
 * upper bits), FPCR and FPSR; twin-a loads its own pattern
 * (TP_CMD_FP_LOAD), and ours must be intact. twin-b loads another, we
 * load a new one of ours, and twin-a's and twin-b's registers must still
 * be theirs (TP_CMD_FP_SUM). Then each twin reads a register of our CPU
 * state a partition must not reach (a pointer-auth key, the GIC's
 * priority mask): it is aborted, we get ABORTED.
 *
 * This file is built with -mgeneral-regs-only: between the loads and
 * the checks, nothing of ours touches the FP/SIMD registers.
 */
#include <ffa/error.h>
#include <libffa/client.h>
#include <partitions/test_client.h>
#include <partitions/tp_fp_regs.h>

#include "el1-hello.h"

#define SELF		0
#define TWIN_A		0x8003
#define TWIN_B		0x8004
#define SEED_US		0x1100
#define SEED_US2	0x2200
#define SEED_A		0xa000
#define SEED_B		0xb000
#define CPACR_FPEN	(3ULL << 20)
#define CPACR_ZEN	(3ULL << 16)
#define ZCR_LEN_MAX	0xfULL
#define Z_MAX		(32 * 256)	/* Z0-Z31 at 2048 bits */

static const struct ffa_conduit hvc = { .call = sp_hvc };
static uint64_t words[TP_FP_WORDS];
static uint8_t z_mine[Z_MAX] __attribute__((aligned(16)));
static uint8_t z_back[Z_MAX] __attribute__((aligned(16)));
static uint64_t vl;		/* SVE vector length in bytes, or 0 */

static bool has_sve(void)
{
	uint64_t pfr0;

	__asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
	return ((pfr0 >> 32) & 0xf) != 0;
}

static void fp_enable(void)
{
	uint64_t cpacr;

	__asm__ volatile("mrs %0, cpacr_el1" : "=r"(cpacr));
	cpacr |= CPACR_FPEN | (has_sve() ? CPACR_ZEN : 0);
	__asm__ volatile("msr cpacr_el1, %0\n\tisb" : : "r"(cpacr));
	if (!has_sve())
		return;
	__asm__ volatile("msr s3_0_c1_c2_0, %0\n\tisb"	/* ZCR_EL1 */
			 : : "r"(ZCR_LEN_MAX));
	__asm__ volatile(".arch_extension sve\n\trdvl %0, #1" : "=r"(vl));
	if (vl > Z_MAX / 32)
		vl = 0;
}

#define Z_ALL(op)							\
	".arch_extension sve\n\t"					\
	".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"	\
	"21,22,23,24,25,26,27,28,29,30,31\n\t"				\
	op " z\\n, [%0, #\\n, mul vl]\n\t"				\
	".endr"

/* Ours: Z0-Z31 (or V0-V31), FPCR and FPSR, from seed. */
static void load_ours(uint64_t seed)
{
	tp_fp_pattern(words, seed);
	tp_fp_regs_load(words);
	if (!vl)
		return;
	for (uint64_t i = 0; i < 32 * vl; i++)
		z_mine[i] = (uint8_t)(tp_fp_word(seed, i % 64) >> (i % 7));
	__asm__ volatile(Z_ALL("ldr") : : "r"(z_mine) : "memory");
}

/* Are they still what load_ours(seed) put there? */
static bool ours_intact(uint64_t seed)
{
	uint64_t back[TP_FP_WORDS];

	if (vl)
		__asm__ volatile(Z_ALL("str") : : "r"(z_back) : "memory");
	tp_fp_regs_store(back);
	for (uint64_t i = 0; vl && i < 32 * vl; i++)
		if (z_back[i] != z_mine[i])
			return false;
	for (unsigned int i = 0; i < TP_FP_WORDS; i++) {
		/* With SVE, Vn is the low end of Zn, loaded last. */
		if (vl && i < 64)
			continue;
		if (back[i] != tp_fp_word(seed, i))
			return false;
	}
	return true;
}

static uint64_t expected_sum(uint64_t seed)
{
	uint64_t w[TP_FP_WORDS];

	tp_fp_pattern(w, seed);
	return tp_fp_sum(w);
}

static int cmd(uint16_t dst, uint64_t c, uint64_t a1, uint64_t a2,
	       uint64_t out[5])
{
	const uint64_t args[5] = { c, a1, a2 };

	return tp_call(&hvc, SELF, dst, args, out);
}

void check_fp(void)
{
	uint64_t out[5] = { 0 };
	int ret;

	fp_enable();
	check(true, vl ? "FP: SVE, vector length (bytes)" :
			 "FP: no SVE, V registers only", vl);
	load_ours(SEED_US);
	ret = cmd(TWIN_A, TP_CMD_FP_LOAD, SEED_A, 0, out);
	check(ours_intact(SEED_US),
	      "FP: our registers survive twin-a loading its own", 0);
	check(!ret && out[0] == 0 && out[1] == expected_sum(SEED_A),
	      "FP: twin-a loaded its pattern", out[1]);
	ret = cmd(TWIN_B, TP_CMD_FP_LOAD, SEED_B, 0, out);
	check(!ret && out[0] == 0 && out[1] == expected_sum(SEED_B),
	      "FP: twin-b loaded its pattern", out[1]);
	load_ours(SEED_US2);
	ret = cmd(TWIN_A, TP_CMD_FP_SUM, 0, 0, out);
	check(!ret && out[0] == 0 && out[1] == expected_sum(SEED_A),
	      "FP: twin-a's registers survive us and twin-b", out[1]);
	ret = cmd(TWIN_B, TP_CMD_FP_SUM, 0, 0, out);
	check(!ret && out[0] == 0 && out[1] == expected_sum(SEED_B),
	      "FP: twin-b's registers survive us and twin-a", out[1]);
	check(ours_intact(SEED_US2), "FP: ours survive both twins", 0);
}

/* The partition reads what it must not: aborted, we get ABORTED. */
static void check_one_trap(uint16_t dst, uint64_t which, const char *what)
{
	uint64_t out[5] = { 0 };
	int ret = cmd(dst, TP_CMD_MISBEHAVE, TP_BAD_READ_SYSREG, which, out);

	check(ret == FFA_RET_ABORTED, what, ret ? (uint64_t)ret : out[1]);
}

void check_sysreg_traps(void)
{
	check_one_trap(TWIN_A, TP_SYSREG_PAUTH_KEY,
		       "twin-a reading a pointer-auth key is aborted");
	check_one_trap(TWIN_B, TP_SYSREG_GIC_PMR,
		       "twin-b reading ICC_PMR_EL1 is aborted");
}
