/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Linux world's own declarations (main.c, bus.c, ops.c): what the
 * bus and the ops give each other. Includes <linux/arm_ffa.h>, so never
 * from a file that includes lib/'s headers.
 */
#ifndef FFA_DRV_DRV_H
#define FFA_DRV_DRV_H

#include <linux/arm_ffa.h>

#include "core.h"

/* The ops every device gets (ops.c, ops_notif.c). */
extern const struct ffa_ops ffa_drv_ops;
extern const struct ffa_notifier_ops ffa_drv_notifier_ops;
/* How the core reports pending notifications to the ops (ops_notif.c). */
extern const struct ffa_core_notif_hooks ffa_drv_notif_hooks;

/* Register and unregister ffa_bus_type (bus.c). */
int ffa_drv_bus_init(void);
void ffa_drv_bus_exit(void);

#endif /* FFA_DRV_DRV_H */
