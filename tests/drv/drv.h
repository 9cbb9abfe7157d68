/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ffa_drv's shared parts, neutral (neither <linux/arm_ffa.h> nor lib's
 * headers; drv_main.c binds through the bus, the tests use
 * <linux/ffa_more.h> and the test partition's protocol). Include it
 * first: it sets pr_fmt.
 */
#ifndef FFA_DRV_TEST_H
#define FFA_DRV_TEST_H

#define pr_fmt(fmt) "ffa-drv: " fmt

#include <linux/printk.h>
#include <linux/types.h>

/* The bench's partitions (firmware/manifests/). */
#define DRV_TEST	0x8001
#define DRV_ECHO	0x8002
#define DRV_TWIN_A	0x8003
#define DRV_TWIN_B	0x8004

struct drv {
	int n;
	int failed;
};

/* One TAP line: "ok N - ..." or "not ok N - ..."; returns ok. */
__printf(3, 4) bool drv_ok(struct drv *t, bool ok, const char *fmt, ...);
/* count tests that cannot run because an earlier step failed. */
void drv_blocked(struct drv *t, int count, const char *what, int err);

/* A test partition command (DIRECT_REQ_64): its status word, or errno. */
int drv_tp(u16 dst, u64 w[5]);

/* The tests, in the order the probe runs them, and how many each has. */
void drv_version(struct drv *t);		/* 1 */
/* then drv_run (drv_main.c): cpu_ops->run of the bound partition, 1 */
void drv_req2(struct drv *t);			/* 2 */
void drv_indirect(struct drv *t);		/* 3 */
void drv_donate(struct drv *t);			/* 3 */
void drv_borrowers(struct drv *t);		/* 5 */
void drv_large(struct drv *t);			/* 7 */
void drv_cpus(struct drv *t);			/* 1 */
void drv_leave_share(struct drv *t);		/* 1 */
#define DRV_NTESTS	26

#endif /* FFA_DRV_TEST_H */
