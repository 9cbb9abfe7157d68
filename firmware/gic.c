// SPDX-License-Identifier: BSD-3-Clause
/*
 * The GICv3 CPU interface at EL2. While Linux runs, physical IRQs and
 * FIQs go to EL1 (HCR_EL2.IMO/FMO clear, el1.c), where Linux owns the
 * distributor, the redistributors and its CPU interface; EL2 keeps the
 * system register interface on for EL1 and for itself, and writes
 * ICC_SGI1R_EL1 to raise an SGI on another CPU.
 *
 * Partitions run with IMO/FMO set: their ICC_* accesses go to the
 * virtual interface, which stays disabled (ICH_HCR_EL2.En = 0) and
 * traps every one of them to EL2 (TC, TALL0, TALL1), where they abort
 * the partition; they never see or change Linux's priority mask, group
 * enables or active priorities, nor acknowledge its interrupts. One of
 * Linux's interrupts arriving meanwhile comes to EL2, which may mask this
 * CPU's interface (ICC_PMR_EL1 = 0, Linux's value kept) and returns to
 * the partition, and Linux finds the interrupt pending, with its own
 * mask, when it runs again (gic_irqs_restore()). That is only when the
 * partition cannot be preempted (world.c): while booting, or serving
 * another partition.
 *
 * An SGI is addressed by affinity, not by our CPU index: each CPU
 * records its MPIDR here when it is set up, so a CPU that never came up
 * is never targeted.
 */
#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/memmap.h>

#define ICC_SRE_SRE		BIT64(0)
#define ICC_SRE_ENABLE		BIT64(3)	/* EL1 may use ICC_SRE_EL1 */
#define ICC_SRE_EL2		s3_4_c12_c9_5
#define ICH_HCR_EL2		s3_4_c12_c11_0
#define ICH_HCR_TC		BIT64(10)	/* PMR, CTLR, DIR, SGIs... */
#define ICH_HCR_TALL0		BIT64(11)	/* every group 0 register */
#define ICH_HCR_TALL1		BIT64(12)	/* every group 1 register */
#define ICC_PMR_EL1		s3_0_c4_c6_0
#define ICC_SGI1R_EL1		s3_0_c12_c11_5

/* ICC_SGI1R_EL1 fields. */
#define SGI1R_TARGETS_SHIFT	0	/* Aff0 % 16 as one bit of 16 */
#define SGI1R_AFF1_SHIFT	16
#define SGI1R_INTID_SHIFT	24
#define SGI1R_AFF2_SHIFT	32
#define SGI1R_RS_SHIFT		44	/* Aff0 / 16: which 16 */
#define SGI1R_AFF3_SHIFT	48

#define MPIDR_AFF(m, n)		(((m) >> ((n) == 3 ? 32 : 8 * (n))) & 0xff)
#define MPIDR_VALID		BIT64(63)	/* never set in an affinity */

static uint64_t cpu_mpidr[FW_MAX_CPUS];

/*
 * Redistributors: QEMU virt's first region (memmap.h: the GIC at
 * 0x08000000), one 128 KiB frame pair per CPU (256 KiB with VLPIs),
 * found by affinity. PPI enables are in the second (SGI) frame.
 */
#define GICR_BASE		0x080a0000UL
#define GICR_TYPER		0x8
#define GICR_TYPER_VLPIS	BIT64(1)
#define GICR_TYPER_LAST		BIT64(4)
#define GICR_SGI_FRAME		0x10000UL
#define GICR_ISENABLER0		(GICR_SGI_FRAME + 0x100)
#define GICR_MAX_FRAMES		(FW_MAX_CPUS * 4)

static uint32_t no_gicr;
volatile uint32_t *gic_ppi_enabler[FW_MAX_CPUS] = {
	[0 ... FW_MAX_CPUS - 1] = &no_gicr,
};

struct gic_held gic_held[FW_MAX_CPUS];

static bool has_gicv3_sysregs(void)
{
	return gic_has_sysregs();
}

static uintptr_t find_gicr(uint64_t mpidr)
{
	uint32_t aff = (uint32_t)(MPIDR_AFF(mpidr, 3) << 24 |
				  MPIDR_AFF(mpidr, 2) << 16 |
				  MPIDR_AFF(mpidr, 1) << 8 |
				  MPIDR_AFF(mpidr, 0));
	uintptr_t gicr = GICR_BASE;

	for (unsigned int n = 0; n < GICR_MAX_FRAMES; n++) {
		uint64_t typer = *(volatile uint64_t *)(gicr + GICR_TYPER);

		if ((uint32_t)(typer >> 32) == aff)
			return gicr;
		if (typer & GICR_TYPER_LAST)
			break;
		gicr += typer & GICR_TYPER_VLPIS ? 0x40000 : 0x20000;
	}
	return 0;
}

void gic_cpu_init(void)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	unsigned int cpu = mpidr_to_index(mpidr);

	if (!has_gicv3_sysregs())
		return;
	write_sysreg(read_sysreg(ICC_SRE_EL2) | ICC_SRE_SRE | ICC_SRE_ENABLE,
		     ICC_SRE_EL2);
	isb();
	write_sysreg(gic_ich_hcr(true), ICH_HCR_EL2);
	if (cpu < FW_MAX_CPUS) {
		uintptr_t gicr = find_gicr(mpidr);

		cpu_mpidr[cpu] = mpidr | MPIDR_VALID;
		if (gicr)
			gic_ppi_enabler[cpu] =
				(volatile uint32_t *)(gicr + GICR_ISENABLER0);
	}
}

static uint64_t sgi1r(uint64_t mpidr, unsigned int intid)
{
	uint64_t aff0 = MPIDR_AFF(mpidr, 0);

	return BIT64(SGI1R_TARGETS_SHIFT + aff0 % 16) |
	       MPIDR_AFF(mpidr, 1) << SGI1R_AFF1_SHIFT |
	       (uint64_t)intid << SGI1R_INTID_SHIFT |
	       MPIDR_AFF(mpidr, 2) << SGI1R_AFF2_SHIFT |
	       (aff0 / 16) << SGI1R_RS_SHIFT |
	       MPIDR_AFF(mpidr, 3) << SGI1R_AFF3_SHIFT;
}

bool gic_send_sgi(unsigned int cpu, unsigned int intid)
{
	if (cpu >= FW_MAX_CPUS || intid > 15 || !has_gicv3_sysregs() ||
	    !(cpu_mpidr[cpu] & MPIDR_VALID))
		return false;
	/*
	 * What the SGI announces (the manager's state) must be visible
	 * to the target before the SGI can be taken there.
	 */
	dsb(ishst);
	write_sysreg(sgi1r(cpu_mpidr[cpu], intid), ICC_SGI1R_EL1);
	isb();
	return true;
}

/*
 * No virtual interrupts (En = 0) either way. The traps are only for
 * partitions: QEMU applies TC to EL1's ICC_* accesses even without
 * IMO/FMO, so Linux must run without them.
 */
uint64_t gic_ich_hcr(bool host)
{
	return host ? 0 : ICH_HCR_TC | ICH_HCR_TALL0 | ICH_HCR_TALL1;
}

void gic_irqs_hold(void)
{
	struct gic_held *h = &gic_held[fw_cpu_index()];

	if (!has_gicv3_sysregs() || h->held)
		return;
	h->pmr = read_sysreg(ICC_PMR_EL1);
	h->held = true;
	write_sysreg(0, ICC_PMR_EL1);
	isb();
}

void gic_irqs_release(unsigned int cpu)
{
	struct gic_held *h = &gic_held[cpu];

	write_sysreg(h->pmr, ICC_PMR_EL1);
	h->held = false;
	isb();
}
