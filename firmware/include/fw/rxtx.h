/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hypervisor-allocated RX/TX mode (docs/dt-rxtx.md): with
 * "ffa_el2.rxtx=dt" on the kernel command line the firmware gives the
 * host endpoint its RX/TX pair and describes it in Linux's DTB.
 */
#ifndef FW_RXTX_H
#define FW_RXTX_H

#include <fw/bootinfo.h>

/*
 * After manager_init(): when bi's bootargs ask for it, give the host its
 * pair (spm_map_mailbox) and describe it in the DTB. 0, or -1 (said why).
 */
int fw_rxtx_init(const struct boot_info *bi);

/* At power-off, in DT mode: whose pair the host ended with. */
void fw_rxtx_report(void);

#endif /* FW_RXTX_H */
