/* SPDX-License-Identifier: BSD-3-Clause */
/* Exceptions taken to EL2: the saved frame and the C handlers. */
#ifndef FW_TRAPS_H
#define FW_TRAPS_H

#include <stddef.h>
#include <stdint.h>

#include <libffa/regs.h>

/*
 * What vectors.S saves: a guest's registers in its vCPU's frame, EL2's
 * on the EL2 stack. Offsets are used by vectors.S: x[n] at 8 * n, sp at
 * 248, elr at 256, spsr at 264; 16-byte multiple. x0-x17 are also an
 * FF-A call's struct ffa_regs, which the manager reads in place.
 */
struct trap_frame {
	union {
		uint64_t x[31];
		struct ffa_regs ffa;	/* x0-x17 */
	};
	uint64_t sp;		/* the interrupted SP (current EL only) */
	uint64_t elr;
	uint64_t spsr;
};

_Static_assert(sizeof(struct trap_frame) == 272, "vectors.S frame size");
_Static_assert(offsetof(struct trap_frame, ffa.x[FFA_NREGS - 1]) ==
	       offsetof(struct trap_frame, x[FFA_NREGS - 1]),
	       "ffa is x0-x17");

/* Vector slots: 4 origins (EL2 SP0, EL2 SPx, EL1 A64, EL1 A32) x 4. */
enum trap_kind { TRAP_SYNC, TRAP_IRQ, TRAP_FIQ, TRAP_SERROR };

/* Anything the firmware did not expect: print it all, power off. */
__attribute__((noreturn))
void trap_fatal(struct trap_frame *f, unsigned int slot);

/* A synchronous exception from AArch64 EL1; returns to the guest. */
void trap_lower_sync(struct trap_frame *f);

/* An IRQ or FIQ (vector slot) from AArch64 EL1; returns to the guest. */
void trap_lower_irq(struct trap_frame *f, unsigned int slot);

/* ESR_EL2 exception classes we handle. */
#define ESR_EC_SHIFT		26
#define ESR_EC_FP		0x07	/* CPTR_EL2.TFP */
#define ESR_EC_PAC		0x09	/* HCR_EL2.API clear */
#define ESR_EC_SYSREG		0x18	/* MSR/MRS trap */
#define ESR_EC_SVE		0x19	/* CPTR_EL2.TZ */
#define ESR_EC_SME		0x1d	/* CPTR_EL2.TSM */
#define ESR_EC_HVC64		0x16
#define ESR_EC_SMC64		0x17
#define ESR_EC_IABT_LOW		0x20
/*
 * The fault status code of an abort: a translation fault at level 0-3
 * (0b0001LL), or at level -1 (0b101011, FEAT_LPA2's extra level, which
 * QEMU's "max" CPU reports for a stage-2 walk that fails during a
 * stage-1 table walk: seen in a break-before-make window).
 */
#define ESR_FSC_MASK		0x3fUL
#define ESR_FSC_TYPE_MASK	0x3cUL
#define ESR_FSC_TRANSLATION	0x04UL
#define ESR_FSC_TRANSLATION_LM1	0x2bUL
#define ESR_EC_DABT_LOW		0x24

#endif /* FW_TRAPS_H */
