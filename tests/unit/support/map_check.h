/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The manager's records against what the platform really mapped.
 *
 * spm/ records, per page, its owner, the owner's own access, whether it
 * is an RX/TX page and which share holds it; per share, the operation
 * and what each borrower was granted when it retrieved. From these
 * alone, the access every endpoint must have to every page follows:
 *
 *   - nobody's page: nobody has access;
 *   - a page in no share: its owner has the access it recorded;
 *   - a page in a live share: its owner keeps it for a SHARE and has
 *     none for a LEND or DONATE; each borrower that retrieved has what
 *     it was granted; nobody else has any;
 *   - RX/TX pages: exactly the pages of the endpoints' mapped pairs,
 *     their owner's, read-write and in no share.
 *
 * map_check() derives that and compares it with the fake platform's
 * per-endpoint page maps (every set_access the manager made). It does
 * not use cmocka, so a fuzzer can link it; it only reads.
 */
#ifndef MAP_CHECK_H
#define MAP_CHECK_H

#include <stddef.h>

#include <spm/spm.h>

#include "fake_platform.h"

/*
 * 0 when every endpoint's mapping of every managed page is what the
 * manager's records say; else -1 with the first difference described
 * in why (n bytes, always terminated).
 */
int map_check(const struct spm *spm, const struct fake_platform *fp,
	      char *why, size_t n);

#endif /* MAP_CHECK_H */
