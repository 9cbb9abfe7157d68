/* SPDX-License-Identifier: BSD-3-Clause */
/* Edits to the DTB that the EL1 guest will read. */
#ifndef FW_DTB_H
#define FW_DTB_H

#include <stdint.h>

/*
 * Add /reserved-memory/<name>@<base> with no-map for [base, base + size),
 * creating /reserved-memory if needed. 0, or a negative libfdt error.
 */
int dtb_reserve(void *fdt, const char *name, uint64_t base, uint64_t size);

/*
 * Describe the host's RX/TX pair the firmware gave it (docs/dt-rxtx.md):
 * /reserved-memory/ffa-rxtx@<tx>, compatible FW_RXTX_COMPATIBLE, reg =
 * TX then RX (size bytes each), reg-names "tx", "rx", no-map.
 */
#define FW_RXTX_COMPATIBLE	"ffa-stack,hyp-rxtx"
int dtb_describe_rxtx(void *fdt, uint64_t tx, uint64_t rx, uint64_t size);

/* Reserve the firmware's and the manager's memory (fw/memmap.h). */
int dtb_reserve_firmware(void *fdt);

#endif /* FW_DTB_H */
