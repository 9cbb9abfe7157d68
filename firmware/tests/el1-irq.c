// SPDX-License-Identifier: BSD-3-Clause
/*
 * Preemption from Linux's seat: our virtual timer, due while a partition
 * serves our direct request (the firmware's stand-in timer keeps its
 * deadline: firmware/vtimer.c), hands the CPU back to us with
 * FFA_INTERRUPT (w1 = the partition's target info, w2 = 0); FFA_RUN
 * resumes the partition where it was, and its response, with the right
 * answer, completes that FFA_RUN.
 *
 * But not when we call with IRQs masked: SGI 9, made Group 1 and
 * enabled at our redistributor and sent to ourselves before such a
 * request, stays pending and the request is answered. QEMU virt's
 * GICv3: distributor at 0x08000000, CPU 0's redistributor at 0x080a0000
 * and its SGI frame 64 KiB above.
 */
#include <ffa/func.h>
#include <libffa/regs.h>
#include <partitions/test_proto.h>

#include "el1-hello.h"

#define TEST_SP		0x8001
#define SGI		9
#define SPIN_STEPS	200000
#define SPIN_SEED	0x5eed
#define GICD_CTLR	0x08000000UL
#define GICD_CTLR_RWP	(1U << 31)
#define GICD_ARE_GRP1	0x12U		/* ARE, EnableGrp1 */
#define GICR_WAKER	0x080a0014UL
#define WAKER_SLEEP	(1U << 1)
#define WAKER_ASLEEP	(1U << 2)
#define GICR_SGI_BASE	0x080b0000UL
#define GICR_IGROUPR0	(GICR_SGI_BASE + 0x080)
#define GICR_ISENABLER0	(GICR_SGI_BASE + 0x100)
#define GICR_ICENABLER0	(GICR_SGI_BASE + 0x180)
#define GICR_IPRIORITYR	(GICR_SGI_BASE + 0x400)

/* ICC registers by encoding (binutils may not name them). */
#define ICC_PMR_EL1	"s3_0_c4_c6_0"
#define ICC_IAR1_EL1	"s3_0_c12_c12_0"
#define ICC_EOIR1_EL1	"s3_0_c12_c12_1"
#define ICC_HPPIR1_EL1	"s3_0_c12_c12_2"
#define ICC_SGI1R_EL1	"s3_0_c12_c11_5"
#define ICC_SRE_EL1	"s3_0_c12_c12_5"
#define ICC_IGRPEN1_EL1	"s3_0_c12_c12_7"
#define CNTV_CTL_EL0	"cntv_ctl_el0"
#define CNTV_CVAL_EL0	"cntv_cval_el0"
#define CNTVCT_EL0	"cntvct_el0"
#define CNTV_ENABLE	1U
#define CNTV_ISTATUS	4U
#define HYP_TIMER_PPI	26	/* EL2's timer: Group 1, as Linux sets it */

#define MSR(reg, v) \
	__asm__ volatile("msr " reg ", %0\n\tisb" : : "r"((uint64_t)(v)) \
			 : "memory")
#define MRS(reg) ({							\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " reg : "=r"(__v) : : "memory");	\
	__v;								\
})

static volatile uint32_t *reg(uint64_t addr)
{
	return (volatile uint32_t *)addr;
}

/* Just enough of a GIC driver for one Group 1 SGI to reach us. */
static void gic_setup(void)
{
	*reg(GICD_CTLR) |= GICD_ARE_GRP1;
	while (*reg(GICD_CTLR) & GICD_CTLR_RWP)
		;
	*reg(GICR_WAKER) &= ~WAKER_SLEEP;
	while (*reg(GICR_WAKER) & WAKER_ASLEEP)
		;
	*reg(GICR_IGROUPR0) |= 1U << SGI | 1U << HYP_TIMER_PPI;
	*(volatile uint8_t *)(GICR_IPRIORITYR + SGI) = 0x80;
	*reg(GICR_ISENABLER0) = 1U << SGI;
	MSR(ICC_SRE_EL1, MRS(ICC_SRE_EL1) | 1);
	MSR(ICC_PMR_EL1, 0xff);
	MSR(ICC_IGRPEN1_EL1, 1);
}

static void gic_teardown(void)
{
	MSR(ICC_IGRPEN1_EL1, 0);
	*reg(GICR_ICENABLER0) = 1U << SGI;
}

static void send_sgi_to_self(void)
{
	/* Aff3.Aff2.Aff1 = 0, target list bit 0: CPU 0, us. */
	MSR(ICC_SGI1R_EL1, ((uint64_t)SGI << 24) | 1);
}

static uint64_t expected_spin(void)
{
	uint64_t x = SPIN_SEED;

	for (uint32_t i = 0; i < SPIN_STEPS; i++)
		x = tp_spin_step(x);
	return x;
}

/* A SPIN request to the test partition: the registers it returns. */
static struct ffa_regs spin_request(void)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_MSG_SEND_DIRECT_REQ_32);
	r.x[1] = TEST_SP;
	r.x[3] = TP_CMD_SPIN;
	r.x[4] = SPIN_STEPS;
	r.x[5] = SPIN_SEED;
	sp_hvc(NULL, &r);
	return r;
}

static bool is_interrupt(const struct ffa_regs *r)
{
	return r->x[0] == FFA_INTERRUPT &&
	       r->x[1] == (uint64_t)TEST_SP << 16 && r->x[2] == 0;
}

/* Its response, with the right answer (truncated: a 32-bit response). */
static bool is_answer(const struct ffa_regs *r)
{
	return r->x[0] == FFA_MSG_SEND_DIRECT_RESP_32 &&
	       r->x[1] == (uint64_t)TEST_SP << 16 && r->x[3] == 0 &&
	       r->x[4] == (uint32_t)expected_spin();
}

static struct ffa_regs run_test_sp(void)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_RUN);
	r.x[1] = (uint64_t)TEST_SP << 16;
	sp_hvc(NULL, &r);
	return r;
}

/*
 * Our SGI pending while we call with IRQs masked: preempting would hand
 * us an interrupt we cannot take, and Linux's driver would FFA_RUN at
 * once, without end. The firmware holds it instead: the request is
 * answered, and the SGI is still ours to take.
 */
static void check_masked_not_preempted(void)
{
	struct ffa_regs r;
	uint64_t iar;

	send_sgi_to_self();
	check((MRS(ICC_HPPIR1_EL1) & 0xffffff) == SGI,
	      "SGI 9 is pending for us, masked by PSTATE.I",
	      MRS(ICC_HPPIR1_EL1));
	r = spin_request();
	check(is_answer(&r),
	      "called with IRQs masked, the partition is not preempted",
	      r.x[0]);
	iar = MRS(ICC_IAR1_EL1) & 0xffffff;
	check(iar == SGI, "SGI 9 still waits for us (IAR1)", iar);
	if (iar < 1020)
		MSR(ICC_EOIR1_EL1, iar);
}

/*
 * Our virtual timer, due, while the partition runs: it is not loaded
 * then (each guest has its own), but EL2's timer keeps its deadline and
 * preempts the partition. Without the timer, the same request is
 * answered straight away.
 */
static void check_timer_preemption(void)
{
	struct ffa_regs r = spin_request();
	uint64_t ctl;

	check(is_answer(&r), "with our timer off, SPIN is answered at once",
	      r.x[0]);
	MSR(CNTV_CVAL_EL0, MRS(CNTVCT_EL0));
	MSR(CNTV_CTL_EL0, CNTV_ENABLE);
	/*
	 * Our IRQs unmasked, as Linux's are when it calls: our timer's
	 * own PPI 27 is not enabled, so nothing comes to us at EL1 (that
	 * would be an unexpected exception: el1-vectors.S).
	 */
	__asm__ volatile("msr daifclr, #2" : : : "memory");
	r = spin_request();
	__asm__ volatile("msr daifset, #2" : : : "memory");
	check(is_interrupt(&r),
	      "our due timer preempts the partition: FFA_INTERRUPT, "
	      "w1 = 0x80010000", r.x[0]);
	ctl = MRS(CNTV_CTL_EL0);
	check(ctl == (CNTV_ENABLE | CNTV_ISTATUS),
	      "back with us, our timer is ours and fired", ctl);
	MSR(CNTV_CTL_EL0, 0);
	r = run_test_sp();
	check(is_answer(&r), "FFA_RUN resumes it to the right answer",
	      r.x[4]);
}

void check_preemption(void)
{
	gic_setup();
	check_masked_not_preempted();
	check_timer_preemption();
	gic_teardown();
}
