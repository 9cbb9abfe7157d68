/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which FF-A version to speak: pure logic, no kernel and no FF-A call,
 * so that the host's unit tests (tests/unit/test_drv_version.c) compile
 * it as it is. Lib world (FF-A's version encoding).
 */
#ifndef FFA_DRV_VERSION_CHOICE_H
#define FFA_DRV_VERSION_CHOICE_H

/* A host build (the unit test) defines u32 before including this. */
#ifdef __KERNEL__
#include <linux/types.h>
#endif

/* The lowest version this driver speaks: v1.0's descriptor layouts. */
#define FFA_DRV_VERSION_MIN	FFA_VERSION_1_0
/* The highest: REQ2, v1.2's layouts. */
#define FFA_DRV_VERSION_MAX	FFA_VERSION_1_2

/*
 * The version both sides speak, given the manager's answer to
 * FFA_VERSION(FFA_DRV_VERSION_MAX): the lower of the two when the major
 * versions agree and the result is one we speak, else 0 (none: another
 * major version, or a malformed answer with bit 31 set).
 */
u32 ffa_drv_version_choose(u32 theirs);

#endif /* FFA_DRV_VERSION_CHOICE_H */
