// SPDX-License-Identifier: BSD-3-Clause
/*
 * The GICv3 CPU interface at EL2. Physical IRQs and FIQs go to EL1
 * (HCR_EL2.IMO/FMO clear, el1.c), where Linux owns the distributor,
 * the redistributors and its CPU interface; EL2 keeps the system
 * register interface on for EL1 and for itself, and writes
 * ICC_SGI1R_EL1 to raise an SGI on another CPU.
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

static bool has_gicv3_sysregs(void)
{
	return id_field(read_sysreg(id_aa64pfr0_el1), 24) != 0;
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
	write_sysreg(0, ICH_HCR_EL2);	/* no virtual interrupts */
	if (cpu < FW_MAX_CPUS)
		cpu_mpidr[cpu] = mpidr | MPIDR_VALID;
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
