// SPDX-License-Identifier: GPL-2.0
/*
 * ffa_drv_hold.ko: holds this kernel's RX/TX pair with raw SMCs
 * (FFA_VERSION 1.2, then RXTX_MAP_64 of one page each), so that the
 * manager answers a second RXTX_MAP with DENIED (ffa-abi.md 6.1). With
 * it loaded, tests/drv/run checks that linux/ffa.ko refuses to load
 * cleanly: its log line, no device, and a normal load once this module
 * has unmapped the pair on unload.
 */
#include <linux/arm-smccc.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/module.h>

#include <ffa/func.h>
#include <ffa/ids.h>
#include <ffa/version.h>

static unsigned long tx, rx;

static void hold_smc(struct arm_smccc_1_2_regs *r)
{
	arm_smccc_1_2_smc(r, r);
}

static int __init hold_init(void)
{
	struct arm_smccc_1_2_regs r = {
		.a0 = FFA_VERSION, .a1 = FFA_VERSION_1_2,
	};

	hold_smc(&r);
	tx = __get_free_page(GFP_KERNEL | __GFP_ZERO);
	rx = __get_free_page(GFP_KERNEL | __GFP_ZERO);
	if (!tx || !rx)
		goto fail;
	r = (struct arm_smccc_1_2_regs){
		.a0 = FFA_RXTX_MAP_64, .a1 = virt_to_phys((void *)tx),
		.a2 = virt_to_phys((void *)rx), .a3 = 1,
	};
	hold_smc(&r);
	if (r.a0 != FFA_SUCCESS_32 && r.a0 != FFA_SUCCESS_64) {
		pr_err("ffa-drv-hold: RXTX_MAP_64 answered 0x%lx 0x%lx\n",
		       r.a0, r.a2);
		goto fail;
	}
	pr_info("ffa-drv-hold: holding this kernel's RX/TX pair\n");
	return 0;
fail:
	free_page(rx);
	free_page(tx);
	return -EIO;
}

static void __exit hold_exit(void)
{
	struct arm_smccc_1_2_regs r = {
		.a0 = FFA_RXTX_UNMAP, .a1 = FFA_TARGET_INFO(0, 0),
	};

	hold_smc(&r);
	free_page(rx);
	free_page(tx);
	pr_info("ffa-drv-hold: released the pair\n");
}

module_init(hold_init);
module_exit(hold_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ffa tests: hold the RX/TX pair so that ffa.ko's map is denied");
