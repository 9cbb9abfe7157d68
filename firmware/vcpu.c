// SPDX-License-Identifier: BSD-3-Clause
/*
 * vCPU contexts. A vCPU's general registers live in its own frame,
 * where the vectors save them and the ERET takes them from (TPIDR_EL2
 * names the running vCPU's frame), so loading and saving a context
 * moves only its system and FP/SIMD registers. A context is held by at
 * most one physical CPU: the
 * manager hands a vCPU to a CPU under its lock, but the CPU that ran it
 * saves its registers after that lock is released, so a CPU about to
 * load a context first waits until the previous holder has let go
 * (on_cpu, with acquire/release ordering). A partition's FP/SIMD
 * registers are saved before that (fp.c), so they travel with it.
 */
#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/fp.h>
#include <fw/gic.h>
#include <fw/vcpu.h>

#define SPSR_EL1H_DAIF		0x3c5ULL
/* SCTLR_EL1 RES1 bits: MMU and caches off. */
#define SCTLR_EL1_RES1		0x30d00800ULL

void vcpu_init(struct fw_vcpu *v, uint16_t ep, uint16_t idx,
	       struct s2_table *s2, bool host, uint64_t entry, uint64_t arg)
{
	*v = (struct fw_vcpu){
		.frame = { .elr = entry, .spsr = SPSR_EL1H_DAIF },
		.sys = { .sctlr = SCTLR_EL1_RES1 },
		.s2 = s2,
		.ep = ep,
		.idx = idx,
		.is_host = host,
		.resume = VCPU_AT_BOOT,
	};
	v->frame.x[0] = arg;
	el1_guest_config(&v->el2, host, s2);
}

/*
 * Its EL2 configuration, precomputed, as one block (vcpu_switch_regs()
 * does the same in sysregs.S). VTCR_EL2 is the same for every guest
 * (written when the CPU is set up: el1_setup_el2()).
 */
static inline void el2_config_load(const struct el2_config *c)
{
	write_sysreg(c->hcr, hcr_el2);
	write_sysreg(c->cptr, cptr_el2);
	write_sysreg(c->mdcr, mdcr_el2);
	write_sysreg(c->cnthctl, cnthctl_el2);
	write_sysreg(c->vttbr, vttbr_el2);
	if (c->ich_hcr != EL2_NO_ICH_HCR)
		gic_write_ich_hcr(c->ich_hcr);
}

static inline void load_on(struct fw_vcpu *v, unsigned int cpu)
{
	/*
	 * The exclusive load arms this CPU's monitor: the previous
	 * holder's store-release of on_cpu clears it, which is the event
	 * that ends the WFE (no SEV needed on the other side).
	 */
	while (__atomic_load_n(&v->on_cpu, __ATOMIC_ACQUIRE)) {
		uint32_t busy;

		__asm__ volatile("ldaxr	%w0, [%1]\n\t"
				 "cbz	%w0, 1f\n\t"
				 "wfe\n"
				 "1:"
				 : "=&r"(busy) : "r"(&v->on_cpu) : "memory");
	}
	v->on_cpu = cpu + 1;
	/* The ERET restores its general registers from v->frame. */
	write_sysreg((uintptr_t)&v->frame, tpidr_el2);
	el1_sysregs_restore(&v->sys);
	el2_config_load(&v->el2);
	/* Interrupts held for Linux are looked at again by whoever is next. */
	gic_irqs_restore(cpu);
	/*
	 * What the guest sees takes effect at the ERET, a context
	 * synchronization event; EL2 itself needs an ISB only before it
	 * loads FP registers under the new CPTR_EL2, so only then. A
	 * partition's FP state is loaded when it first uses it (fp_trap()).
	 */
	if (v->is_host && fp_owner[cpu] != v) {
		isb();
		fp_host_load(v, cpu);
	}
}

void vcpu_load(struct fw_vcpu *v)
{
	load_on(v, fw_cpu_index());
}
