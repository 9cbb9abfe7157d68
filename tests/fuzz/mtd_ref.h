/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A reference validator for memory descriptors, written straight from
 * the spec tables (ffa-abi.md 9.1-9.7, 9.9; bad-input rows 1-13, 16,
 * 25, 27) and independent of lib/: no lib/ code, no include/ffa/
 * constant, every offset and value spelled out where it is read. Plain
 * and slow on purpose (the overlap check is quadratic). fuzz_mtd asserts
 * that lib/'s parsers accept exactly what this accepts, with the same
 * fields.
 *
 * Versions are the FF-A encoding: 0x10000 (v1.0), 0x10001, 0x10002.
 */
#ifndef MTD_REF_H
#define MTD_REF_H

#include <stdbool.h>
#include <stdint.h>

#define REF_MAX_ACCESS	8	/* receivers this build supports (row 2) */

enum ref_op { REF_SHARE, REF_LEND, REF_DONATE };

struct ref_access {
	uint16_t id;
	uint8_t perms;
	uint8_t flags;
	uint8_t impdef[16];	/* zero in 16-byte EMADs */
};

struct ref_range {
	uint64_t address;
	uint32_t pages;
};

/* A send descriptor (SHARE/LEND/DONATE) or a retrieve request. */
struct ref_mtd {
	uint32_t layout;	/* 0x10000, 0x10001 or 0x10002 */
	uint16_t sender;
	uint16_t attributes;
	uint32_t flags;
	uint64_t handle;
	uint64_t tag;
	uint32_t nr_access;
	struct ref_access access[REF_MAX_ACCESS];
	/* Sends only. */
	uint32_t composite_offset;
	uint32_t total_pages;
	uint32_t nr_ranges;
	struct ref_range *ranges;	/* the caller's array, cap entries */
};

struct ref_relinquish {
	uint64_t handle;
	uint32_t flags;
	uint32_t nr_ids;
	uint16_t ids[REF_MAX_ACCESS];
};

/*
 * Each returns true when the descriptor is valid, with what it says in
 * *out; false with the rule it breaks in *why.
 */
bool ref_send(uint32_t version, enum ref_op op, uint16_t caller,
	      const uint8_t *d, uint32_t len, uint32_t cap,
	      struct ref_mtd *out, const char **why);
bool ref_retrieve(uint32_t version, const uint8_t *d, uint32_t len,
		  struct ref_mtd *out, const char **why);
bool ref_relinquish(const uint8_t *d, uint32_t len,
		    struct ref_relinquish *out, const char **why);

#endif /* MTD_REF_H */
