// SPDX-License-Identifier: BSD-3-Clause
/*
 * EL2 configuration for a guest at EL1 and the ERET into it. Linux is
 * entered the way its arm64 boot protocol asks of a bootloader: MMU off,
 * interrupts masked, x0 = DTB. It finds itself at EL1 and runs without
 * KVM; what it would have set up at EL2 had it booted there (timer
 * access, GICv3 system registers, vector lengths, IDs) is done here.
 */
#include <stdbool.h>

#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/gic.h>
#include <fw/memmap.h>
#include <fw/printf.h>
#include <fw/s2_host.h>
#include <fw/vcpu.h>

/* arm64 Image header fields (Linux Documentation/arch/arm64/booting). */
#define IMAGE_SIZE_OFF	16
#define IMAGE_MAGIC_OFF	56
#define IMAGE_MAGIC	0x644d5241U	/* "ARM\x64" */

#define HCR_VM		BIT64(0)	/* stage-2 translation on */
#define HCR_FMO		BIT64(3)	/* FIQs to EL2, ICC_* virtual */
#define HCR_IMO		BIT64(4)	/* IRQs to EL2, ICC_* virtual */
#define HCR_DC		BIT64(12)	/* default cacheable, MMU off */
#define HCR_TSC		BIT64(19)	/* trap SMC to EL2 */
#define HCR_TACR	BIT64(21)	/* trap ACTLR_EL1 */
#define HCR_TSW		BIT64(22)	/* trap DC by set/way */
#define HCR_RW		BIT64(31)	/* EL1 is AArch64 */
#define HCR_TLOR	BIT64(35)	/* trap LORegion registers */
#define HCR_TERR	BIT64(36)	/* trap RAS error records */
#define HCR_APK		BIT64(40)	/* no trap of pointer-auth keys */
#define HCR_API		BIT64(41)	/* ... nor of pointer-auth insns */

#define CNTHCTL_EL1PCTEN	BIT64(0)	/* EL1 reads the counter */
#define CNTHCTL_EL1PCEN		BIT64(1)	/* EL1 uses the phys timer */

/* MDCR_EL2: HPMN in [4:0]; the traps partitions run with. */
#define MDCR_TPMCR	BIT64(5)	/* PMCR_EL0 */
#define MDCR_TPM	BIT64(6)	/* every PMU register */
#define MDCR_TDA	BIT64(9)	/* debug registers, MDSCR... */
#define MDCR_TDOSA	BIT64(10)	/* OS lock, power-down */
#define MDCR_TDRA	BIT64(11)	/* debug ROM address */

/*
 * CPTR_EL2 (E2H = 0): bits 13, 9 and 7:0 are RES1; so are TZ and TSM
 * when SVE and SME are absent. TFP (bit 10) is fp.c's.
 */
#define CPTR_RES1	0x32ffULL
#define CPTR_TZ		BIT64(8)
#define CPTR_TSM	BIT64(12)
#define CPTR_TTA	BIT64(20)	/* trace registers */
#define CPTR_TAM	BIT64(30)	/* activity monitors */

/* SCTLR_EL1 RES1 bits: MMU and caches off, little-endian. */
#define SCTLR_EL1_RES1	0x30d00800ULL
#define SPSR_EL1H_DAIF	0x3c5ULL	/* EL1h, D A I F masked */
#define VL_MAX		0xfULL		/* ZCR/SMCR LEN: the largest */

/* Registers binutils may not name: by their encoding. */
#define ZCR_EL2		s3_4_c1_c2_0
#define SMCR_EL2	s3_4_c1_c2_6
#define ID_AA64ISAR2	s3_0_c0_c6_2

static uint32_t read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

uint64_t el1_payload_size(void)
{
	uint64_t size;

	if (read32(EL1_BASE + IMAGE_MAGIC_OFF) != IMAGE_MAGIC)
		return 0;
	size = *(volatile uint64_t *)(EL1_BASE + IMAGE_SIZE_OFF);
	if (size > EL1_SIZE) {
		fw_printf("fw: EL1 payload needs 0x%lx bytes, slot has 0x%lx\n",
			  size, EL1_SIZE);
		return 0;
	}
	/* Old kernels leave image_size 0: assume the whole slot. */
	return size ? size : EL1_SIZE;
}

bool el1_has_sve(void)
{
	return id_field(read_sysreg(id_aa64pfr0_el1), 32) != 0;
}

bool el1_has_sme(void)
{
	return id_field(read_sysreg(id_aa64pfr1_el1), 24) != 0;
}

static bool has_amu(void)
{
	return id_field(read_sysreg(id_aa64pfr0_el1), 44) != 0;
}

static bool has_lor(void)
{
	return id_field(read_sysreg(id_aa64mmfr1_el1), 16) != 0;
}

static bool has_ras(void)
{
	return id_field(read_sysreg(id_aa64pfr0_el1), 28) != 0;
}

/* Any of address (APA, API, APA3) or generic (GPA, GPI, GPA3) auth. */
static bool has_pauth(void)
{
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1);
	uint64_t isar2 = read_sysreg(ID_AA64ISAR2);

	return id_field(isar1, 4) || id_field(isar1, 8) ||
	       id_field(isar1, 24) || id_field(isar1, 28) ||
	       id_field(isar2, 12) || id_field(isar2, 8);
}

/* A PMUv3 lets EL1 use all its counters: MDCR_EL2.HPMN = PMCR_EL0.N. */
static uint64_t mdcr_value(void)
{
	unsigned int pmuver = id_field(read_sysreg(id_aa64dfr0_el1), 8);

	if (pmuver == 0 || pmuver == 0xf)
		return 0;
	return (read_sysreg(pmcr_el0) >> 11) & 0x1f;
}

/*
 * Linux gets FP, SVE and SME (those the CPU has); a partition only
 * FP/SIMD, and fp.c adds TFP until it has its registers.
 */
uint64_t el1_cptr(bool host)
{
	uint64_t cptr = CPTR_RES1 | CPTR_TZ | CPTR_TSM;

	if (!host)
		return cptr | CPTR_TTA | (has_amu() ? CPTR_TAM : 0);
	if (el1_has_sve())
		cptr &= ~CPTR_TZ;
	if (el1_has_sme())
		cptr &= ~CPTR_TSM;
	return cptr;
}

static void setup_fp_sve_sme(void)
{
	write_sysreg(el1_cptr(true), cptr_el2);
	isb();
	/* EL1 gets every vector length the CPU has. */
	if (el1_has_sve())
		write_sysreg(VL_MAX, ZCR_EL2);
	if (el1_has_sme())
		write_sysreg(VL_MAX, SMCR_EL2);
}

/*
 * Linux: no IMO/FMO/AMO, physical interrupts are taken at EL1 (Linux
 * owns the GIC), and the SRI EL2 sends (gic.c) reaches Linux directly.
 */
uint64_t el1_hcr(void)
{
	uint64_t hcr = HCR_VM | HCR_RW | HCR_TSC;

	if (has_pauth())
		hcr |= HCR_API | HCR_APK;
	return hcr;
}

/*
 * A partition: IMO/FMO, so that its ICC_* accesses reach the (disabled)
 * virtual CPU interface, where ICH_HCR_EL2 traps them (gic.c), and
 * Linux's interrupts come to EL2 while it runs; pointer-auth keys and
 * instructions, ACTLR, set/way maintenance, LORegions and RAS records
 * trapped. Any such trap aborts the partition (traps.c). DC: with their
 * MMU off, their accesses are cacheable like the manager's
 * (partition.c).
 */
uint64_t el1_sp_hcr(void)
{
	uint64_t hcr = HCR_VM | HCR_RW | HCR_TSC | HCR_IMO | HCR_FMO |
		       HCR_TACR | HCR_TSW | HCR_DC;

	if (has_lor())
		hcr |= HCR_TLOR;
	if (has_ras())
		hcr |= HCR_TERR;
	return hcr;
}

/*
 * How EL2 runs a guest, computed once per vCPU: Linux gets the EL1
 * physical timer and counter and the PMU; a partition has them trapped
 * (and debug registers, OS lock, debug ROM), its FP/SIMD trapped until
 * it first uses it (fp.c), and ICC_* trapped (gic.c).
 */
void el1_guest_config(struct el2_config *c, bool host,
		      const struct s2_table *s2)
{
	uint64_t mdcr = mdcr_value();

	c->vttbr = s2_vttbr(s2);
	c->ich_hcr = gic_has_sysregs() ? gic_ich_hcr(host) : EL2_NO_ICH_HCR;
	if (host) {
		c->hcr = el1_hcr();
		c->cptr = el1_cptr(true);
		c->mdcr = mdcr;
		c->cnthctl = CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN;
		return;
	}
	c->hcr = el1_sp_hcr();
	c->cptr = el1_cptr(false) | CPTR_TFP;
	c->mdcr = mdcr | MDCR_TPMCR | MDCR_TPM | MDCR_TDA | MDCR_TDOSA |
		  MDCR_TDRA;
	c->cnthctl = 0;
}

void el1_setup_el2(void)
{
	struct el2_config host;

	el1_guest_config(&host, true, &s2_host);
	write_sysreg(host.hcr, hcr_el2);
	write_sysreg(host.mdcr, mdcr_el2);
	write_sysreg(host.cnthctl, cnthctl_el2);
	write_sysreg(0, cntvoff_el2);
	/* EL1 reads the real IDs, not reset values. */
	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
	write_sysreg(read_sysreg(mpidr_el1), vmpidr_el2);
	write_sysreg(0, hstr_el2);
	/* Linux runs in its own IPA space: RAM minus ours (s2_host.c). */
	s2_install(&s2_host);
	setup_fp_sve_sme();
	gic_cpu_init();
	write_sysreg(SCTLR_EL1_RES1, sctlr_el1);
	isb();
}

void el1_enter(uint64_t entry, uint64_t arg)
{
	register uint64_t x0 __asm__("x0") = arg;

	write_sysreg(entry, elr_el2);
	write_sysreg(SPSR_EL1H_DAIF, spsr_el2);
	__asm__ volatile("mov x1, xzr\n\t"
			 "mov x2, xzr\n\t"
			 "mov x3, xzr\n\t"
			 "eret" : : "r"(x0) : "x1", "x2", "x3", "memory");
	__builtin_unreachable();
}
