// SPDX-License-Identifier: GPL-2.0
/*
 * The transport: lib/'s conduit (x0-x17 in, x0-x17 out) over the
 * kernel's arm_smccc_1_2_smc/hvc. lib/'s struct ffa_regs and the
 * kernel's struct arm_smccc_1_2_regs are the same 18 registers in the
 * same order, so a call passes the set through without copying it.
 */
#define pr_fmt(fmt) "ffa: " fmt

#include <linux/arm-smccc.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/stddef.h>

#include "transport.h"

static_assert(sizeof(struct ffa_regs) == sizeof(struct arm_smccc_1_2_regs));
static_assert(offsetof(struct arm_smccc_1_2_regs, a17) ==
	      offsetof(struct ffa_regs, x[17]));

static void transport_smc(void *ctx, struct ffa_regs *regs)
{
	struct arm_smccc_1_2_regs *r = (struct arm_smccc_1_2_regs *)regs;

	arm_smccc_1_2_smc(r, r);
}

static void transport_hvc(void *ctx, struct ffa_regs *regs)
{
	struct arm_smccc_1_2_regs *r = (struct arm_smccc_1_2_regs *)regs;

	arm_smccc_1_2_hvc(r, r);
}

int ffa_transport_init(struct ffa_conduit *c)
{
	u32 version = arm_smccc_get_version();

	if (version < ARM_SMCCC_VERSION_1_2) {
		pr_info("SMCCC v%u.%u is older than 1.2: no FF-A\n",
			version >> 16, version & 0xffff);
		return -ENODEV;
	}
	c->ctx = NULL;
	switch (arm_smccc_1_1_get_conduit()) {
	case SMCCC_CONDUIT_SMC:
		c->call = transport_smc;
		return 0;
	case SMCCC_CONDUIT_HVC:
		c->call = transport_hvc;
		return 0;
	default:
		pr_info("no SMCCC conduit (no PSCI): no FF-A\n");
		return -ENODEV;
	}
}
