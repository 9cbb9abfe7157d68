/* SPDX-License-Identifier: BSD-3-Clause */
/* Build-time capacities of the partition manager: no allocation at run time. */
#ifndef SPM_LIMITS_H
#define SPM_LIMITS_H

#define SPM_MAX_ENDPOINTS	16U
/*
 * The endpoint index by ID: a power of two, at least twice the
 * endpoints, so a lookup probes one or two slots on average.
 */
#define SPM_EP_SLOTS		(2 * SPM_MAX_ENDPOINTS)
#define SPM_MAX_VCPUS		8U	/* per endpoint */
#define SPM_MAX_CPUS		8U	/* physical CPUs */
#define SPM_MAX_UUIDS		4U	/* services per endpoint */
#define SPM_MAX_MEM_REGIONS	8U	/* manifest regions per endpoint */
#define SPM_MAX_SHARES		64U	/* share-state table slots */
#define SPM_MAX_RXTX_PAGES	16U	/* largest RX/TX buffer we map */
#define SPM_MAX_FRAGMENTS	4096U	/* fragments of one transaction */

/*
 * Outstanding retrievals of one transaction by one borrower, as
 * FFA_FEATURES(FFA_MEM_RETRIEVE_REQ) w3[7:0] reports it: n, meaning
 * 2^(n + 1) - 1 retrievals (ffa-abi.md 5.2), each undone by its own
 * relinquish.
 */
#define SPM_RETRIEVALS_N	1U
#define SPM_MAX_RETRIEVALS	((2U << SPM_RETRIEVALS_N) - 1U)

/*
 * Interrupt IDs FFA_FEATURES reports, and that a platform must raise:
 * the schedule receiver interrupt is SGI 8 (as Hafnium); the
 * notification pending interrupt the next SGI.
 */
#define SPM_SRI_INTID		8U
#define SPM_NPI_INTID		9U

#endif /* SPM_LIMITS_H */
