/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test partition's record of the external aborts it takes at EL1,
 * shared by its vector table (vectors.S, which finds it through
 * TPIDR_EL1) and its C code (fault.c). Offsets for the assembler.
 */
#ifndef PARTITIONS_TEST_FAULT_H
#define PARTITIONS_TEST_FAULT_H

#define TP_FAULT_MODE		0	/* enum tp_vectors */
#define TP_FAULT_COUNT		8	/* aborts taken */
#define TP_FAULT_ESR		16	/* of the last one */
#define TP_FAULT_FAR		24
#define TP_FAULT_ELR		32

/* enum tp_vectors, for the assembler (fault.c checks they agree). */
#define TP_FAULT_SKIP		1
#define TP_FAULT_FAULT		2
#define TP_FAULT_RETRY		3

/*
 * Built for the bench firmware, as an EL1 guest (firmware.mk defines
 * it): the partition owns its EL1 system registers and vectors.
 */
#ifndef PARTITION_EL1
#define PARTITION_EL1		0
#endif

#ifndef __ASSEMBLY__
#include <ffa/types.h>

struct tp_fault {
	uint64_t mode;
	uint64_t count;
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};
#endif

#endif /* PARTITIONS_TEST_FAULT_H */
