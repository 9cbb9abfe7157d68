/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_drvlat.ko's two halves: drvlat_raw.c (lib world: FF-A's function
 * IDs, the echo partition's UUID, raw SMCs) and drvlat_main.c (Linux
 * world: <linux/arm_ffa.h>, the bus driver). Neutral: kernel types only
 * (docs/ARCHITECTURE.md, "The Linux boundary").
 */
#ifndef FFA_DRVLAT_H
#define FFA_DRVLAT_H

#include <linux/types.h>

/* The echo partition's UUID, as text (partitions/test_proto.h). */
extern const char drvlat_echo_uuid[];

/* The virtual counter and its frequency. */
u64 drvlat_counter(void);
u64 drvlat_counter_freq(void);

/* Ticks for a loop of exactly 2 instructions an iteration, n of them. */
u64 drvlat_calib(unsigned long n);

/*
 * The rows without a driver, each one call, 0 or -EIO: the null trap
 * (SMCCC_VERSION) and a raw DIRECT_REQ_64 from own to dst, which must
 * echo w3-w7 = 1..5 (an FFA_INTERRUPT on the way is resumed).
 */
int drvlat_raw_null(void);
int drvlat_raw_id(u16 *id);	/* FFA_ID_GET */
int drvlat_raw_direct(u16 own, u16 dst);

#endif /* FFA_DRVLAT_H */
