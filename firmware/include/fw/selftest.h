/* SPDX-License-Identifier: BSD-3-Clause */
/* Checks the test image (ffa-el2-test.bin) runs at boot when asked. */
#ifndef FW_SELFTEST_H
#define FW_SELFTEST_H

/* "fwtest=s2": the stage-2 table builder; prints PASS or FAIL. */
void selftest_s2(void);

#endif /* FW_SELFTEST_H */
