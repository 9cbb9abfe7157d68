/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The schedule receiver interrupt (SRI), an SGI the manager raises on a
 * CPU of ours when notifications are pending. Neutral: kernel types
 * only; the core (core_notif.c) asks the manager for the SGI number and
 * hands it here.
 */
#ifndef FFA_DRV_NOTIF_IRQ_H
#define FFA_DRV_NOTIF_IRQ_H

#include <linux/types.h>

/* Take SGI intid on every CPU and call work() from a workqueue. */
int ffa_sri_init(u32 intid, void (*work)(void));
void ffa_sri_exit(void);

#endif /* FFA_DRV_NOTIF_IRQ_H */
