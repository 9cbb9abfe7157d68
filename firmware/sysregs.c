// SPDX-License-Identifier: BSD-3-Clause
/*
 * The EL1 system registers a guest owns, saved and restored around a
 * world switch: translation (a partition runs with its MMU off, Linux
 * with its own tables), exception state and vectors, thread IDs, the
 * stack pointers, the few controls Linux sets once (CPACR, CNTKCTL,
 * MDSCR), and the EL1 virtual timer: without FEAT_ECV, EL2 cannot trap
 * EL1's access to it, so each guest has its own. Linux's is not loaded
 * while a partition runs: EL2's own timer stands in for it then
 * (vtimer.c), and it fires for real when Linux is back. (The EL1
 * physical timer and counter are trapped for partitions instead: el1.c.)
 */
#include <fw/arch.h>
#include <fw/vcpu.h>

void el1_sysregs_save(struct el1_sysregs *s)
{
	s->sctlr = read_sysreg(sctlr_el1);
	s->cpacr = read_sysreg(cpacr_el1);
	s->ttbr0 = read_sysreg(ttbr0_el1);
	s->ttbr1 = read_sysreg(ttbr1_el1);
	s->tcr = read_sysreg(tcr_el1);
	s->mair = read_sysreg(mair_el1);
	s->amair = read_sysreg(amair_el1);
	s->vbar = read_sysreg(vbar_el1);
	s->contextidr = read_sysreg(contextidr_el1);
	s->tpidr_el1 = read_sysreg(tpidr_el1);
	s->tpidr_el0 = read_sysreg(tpidr_el0);
	s->tpidrro_el0 = read_sysreg(tpidrro_el0);
	s->sp_el0 = read_sysreg(sp_el0);
	s->sp_el1 = read_sysreg(sp_el1);
	s->elr = read_sysreg(elr_el1);
	s->spsr = read_sysreg(spsr_el1);
	s->esr = read_sysreg(esr_el1);
	s->far = read_sysreg(far_el1);
	s->afsr0 = read_sysreg(afsr0_el1);
	s->afsr1 = read_sysreg(afsr1_el1);
	s->par = read_sysreg(par_el1);
	s->csselr = read_sysreg(csselr_el1);
	s->cntkctl = read_sysreg(cntkctl_el1);
	s->mdscr = read_sysreg(mdscr_el1);
	s->cntv_ctl = read_sysreg(cntv_ctl_el0);
	s->cntv_cval = read_sysreg(cntv_cval_el0);
}

void el1_sysregs_restore(const struct el1_sysregs *s)
{
	write_sysreg(s->sctlr, sctlr_el1);
	write_sysreg(s->cpacr, cpacr_el1);
	write_sysreg(s->ttbr0, ttbr0_el1);
	write_sysreg(s->ttbr1, ttbr1_el1);
	write_sysreg(s->tcr, tcr_el1);
	write_sysreg(s->mair, mair_el1);
	write_sysreg(s->amair, amair_el1);
	write_sysreg(s->vbar, vbar_el1);
	write_sysreg(s->contextidr, contextidr_el1);
	write_sysreg(s->tpidr_el1, tpidr_el1);
	write_sysreg(s->tpidr_el0, tpidr_el0);
	write_sysreg(s->tpidrro_el0, tpidrro_el0);
	write_sysreg(s->sp_el0, sp_el0);
	write_sysreg(s->sp_el1, sp_el1);
	write_sysreg(s->elr, elr_el1);
	write_sysreg(s->spsr, spsr_el1);
	write_sysreg(s->esr, esr_el1);
	write_sysreg(s->far, far_el1);
	write_sysreg(s->afsr0, afsr0_el1);
	write_sysreg(s->afsr1, afsr1_el1);
	write_sysreg(s->par, par_el1);
	write_sysreg(s->csselr, csselr_el1);
	write_sysreg(s->cntkctl, cntkctl_el1);
	write_sysreg(s->mdscr, mdscr_el1);
	write_sysreg(s->cntv_cval, cntv_cval_el0);
	write_sysreg(s->cntv_ctl, cntv_ctl_el0);
	isb();
}
