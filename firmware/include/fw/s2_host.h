/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux's stage-2: devices, and its manifest's RAM, which excludes the
 * firmware's and the manager's memory (fw/memmap.h), so the no-map
 * reservations in the DTB are enforced rather than only promised.
 */
#ifndef FW_S2_HOST_H
#define FW_S2_HOST_H

#include <fw/s2.h>

#define S2_HOST_VMID	1

extern struct s2_table s2_host;

/* An empty table with only the device region mapped: 0 or an FF-A error. */
int s2_host_init(void);

#endif /* FW_S2_HOST_H */
