// SPDX-License-Identifier: BSD-3-Clause
/*
 * Delivering a synchronous external abort to EL1, the way the CPU would
 * have taken it there: ESR_EL1, FAR_EL1, ELR_EL1 and SPSR_EL1 as for an
 * exception taken to EL1, then PSTATE and the PC set to the EL1 vector.
 * A guest touching memory it was never given sees a bus error, the
 * firmware keeps running.
 */
#include <stdbool.h>

#include <fw/arch.h>
#include <fw/inject.h>

#define ESR_IL			BIT64(25)	/* 32-bit instruction */
#define ESR_ISS_WNR		BIT64(6)	/* data aborts: a write */
#define ESR_ISS_FNV		BIT64(10)	/* FAR not valid */
#define FSC_SEA			0x10	/* external abort, not a walk */
#define EC_IABT_LOW		0x20
#define EC_IABT_CUR		0x21
#define EC_DABT_LOW		0x24
#define EC_DABT_CUR		0x25

/* SPSR / PSTATE fields. */
#define SPSR_M_MASK		0x1fULL
#define SPSR_M_EL0T		0x0ULL
#define SPSR_M_EL1T		0x4ULL
#define SPSR_M_EL1H		0x5ULL
#define SPSR_DAIF		(0xfULL << 6)
#define SPSR_SSBS		BIT64(12)
#define SPSR_PAN		BIT64(22)

#define SCTLR_SPAN		BIT64(23)	/* 0: set PAN on entry */
#define SCTLR_DSSBS		BIT64(44)	/* SSBS value on entry */

/* VBAR offsets: current EL with SP_EL0, with SP_ELx, lower EL AArch64. */
#define VEC_CUR_SP0		0x000
#define VEC_CUR_SPX		0x200
#define VEC_LOW_A64		0x400

static bool has_pan(void)
{
	return id_field(read_sysreg(id_aa64mmfr1_el1), 20) != 0;
}

static uint64_t vector_offset(uint64_t spsr)
{
	switch (spsr & SPSR_M_MASK) {
	case SPSR_M_EL1T:
		return VEC_CUR_SP0;
	case SPSR_M_EL1H:
		return VEC_CUR_SPX;
	default:
		return VEC_LOW_A64;
	}
}

/* ESR_EL1 for the abort: same kind (data/instruction), from where. */
static uint64_t guest_esr(uint64_t esr, bool from_el0)
{
	unsigned int ec = (esr >> ESR_EC_SHIFT) & 0x3f;
	uint64_t iss = FSC_SEA;

	if (ec == EC_DABT_LOW) {
		ec = from_el0 ? EC_DABT_LOW : EC_DABT_CUR;
		iss |= esr & ESR_ISS_WNR;
	} else {
		ec = from_el0 ? EC_IABT_LOW : EC_IABT_CUR;
	}
	return ((uint64_t)ec << ESR_EC_SHIFT) | ESR_IL | iss;
}

/* PSTATE on entry to EL1h, as the architecture sets it. */
static uint64_t entry_pstate(uint64_t old)
{
	uint64_t sctlr = read_sysreg(sctlr_el1);
	uint64_t p = SPSR_M_EL1H | SPSR_DAIF;

	if (has_pan() && ((old & SPSR_PAN) || !(sctlr & SCTLR_SPAN)))
		p |= SPSR_PAN;
	if (sctlr & SCTLR_DSSBS)
		p |= SPSR_SSBS;
	return p;
}

int inject_external_abort(struct trap_frame *f, uint64_t esr)
{
	bool from_el0 = (f->spsr & SPSR_M_MASK) == SPSR_M_EL0T;
	bool far_ok = !(esr & ESR_ISS_FNV);
	uint64_t vector = read_sysreg(vbar_el1) + vector_offset(f->spsr);

	/*
	 * The fault is at the very vector we would send it to (no vectors
	 * mapped yet): injecting again would loop forever.
	 */
	if (f->elr == vector)
		return -1;
	write_sysreg(guest_esr(esr, from_el0), esr_el1);
	write_sysreg(far_ok ? read_sysreg(far_el2) : 0, far_el1);
	write_sysreg(f->elr, elr_el1);
	write_sysreg(f->spsr, spsr_el1);
	f->elr = vector;
	f->spsr = entry_pstate(f->spsr);
	return 0;
}
