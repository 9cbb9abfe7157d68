/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The core's RX/TX pair (core_rxtx.c), in its two modes: mapped by us
 * with FFA_RXTX_MAP, or given by the hypervisor and described in the DT
 * (docs/dt-rxtx.md). Neutral: kernel types only.
 */
#ifndef FFA_DRV_CORE_RXTX_H
#define FFA_DRV_CORE_RXTX_H

/* What the hypervisor's DT node says it is compatible with. */
#define FFA_RXTX_DT_COMPATIBLE	"ffa-stack,hyp-rxtx"

/*
 * Set ffa_core.rx, .tx and .buf_size up: the DT's pair when there is an
 * available node, else our own, mapped. 0 or a negative errno, with a
 * log line; nothing is left allocated or mapped on failure.
 */
int ffa_core_rxtx_init(void);

/*
 * Let go of the pair: ours is unmapped (FFA_RXTX_UNMAP) and freed, or
 * leaked with a log line if the manager refuses; the DT's is only
 * unmapped from the kernel: the hypervisor owns it.
 */
void ffa_core_rxtx_exit(void);

#endif /* FFA_DRV_CORE_RXTX_H */
