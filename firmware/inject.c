// SPDX-License-Identifier: BSD-3-Clause
/*
 * Delivering a synchronous external abort to EL1, the way the CPU would
 * have taken it there: ESR_EL1, FAR_EL1, ELR_EL1 and SPSR_EL1 as for an
 * exception taken to EL1, then PSTATE and the PC set to the EL1 vector.
 * A guest touching memory it was never given, or no longer has, sees a
 * bus error, the firmware keeps running. Linux always takes it; a
 * partition takes it when it can, and is aborted when it cannot
 * (inject_partition_abort(): the rule is in firmware/README.md).
 */
#include <stdbool.h>
#include <stddef.h>

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
/* The whole table: 16 vectors of 0x80 bytes. */
#define VEC_TABLE_SIZE		0x800
/* VBAR_EL1 of a partition vCPU that never set it (vcpu.c). */
#define VBAR_UNSET		0

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

/*
 * Why partition vCPU v cannot take the abort of the fault at f->elr, or
 * NULL. Its vector table is the 2 KiB at VBAR_EL1: a fault in there is
 * its handler faulting before it could keep what the first abort left
 * in ELR_EL1 and SPSR_EL1 (or the vector cannot even be fetched), and
 * would be sent back to where it happened. A fault at the very PC of
 * the last abort, with ELR_EL1 still holding that PC, is its handler
 * returning to the access it cannot fix (or faulting in the same place
 * again): injecting it again would loop for ever.
 */
static const char *partition_refusal(const struct fw_vcpu *v,
				     const struct trap_frame *f)
{
	uint64_t vbar = read_sysreg(vbar_el1);

	if (v->fault_aborts)
		return "stage-2 fault; its manifest asks for abort-on-fault";
	if (vbar == VBAR_UNSET)
		return "stage-2 fault; no exception vector (VBAR_EL1 0)";
	if (f->elr - vbar < VEC_TABLE_SIZE)
		return "stage-2 fault in its exception vectors";
	if (v->sea_taken && f->elr == v->sea_pc &&
	    read_sysreg(elr_el1) == f->elr)
		return "stage-2 fault again where its last abort was taken";
	return NULL;
}

const char *inject_partition_abort(struct fw_vcpu *v, struct trap_frame *f,
				   uint64_t esr)
{
	const char *why = partition_refusal(v, f);
	uint64_t pc = f->elr;

	if (why)
		return why;
	/* Cannot fail: the vector is outside the table the PC is not in. */
	inject_external_abort(f, esr);
	v->sea_taken = true;
	v->sea_pc = pc;
	return NULL;
}
