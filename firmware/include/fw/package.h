/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A partition package: a flattened device tree (built by dtc, see
 * scripts/bench/make-package) whose root is compatible with
 * "ffa,partition-package" and has one subnode per partition, in load
 * order, each with two byte-string properties:
 *
 *	manifest	the partition's FF-A manifest (a DTB)
 *	image		its raw image, copied to the manifest's load-address
 *
 * The firmware carries the built-in partitions as such a package, and
 * the bench may load another one at PKG_BASE (memmap.h). A root property
 * "no-builtin-partitions" in the loaded package leaves the built-in ones
 * out.
 */
#ifndef FW_PACKAGE_H
#define FW_PACKAGE_H

#include <stdbool.h>
#include <stdint.h>

/* One partition of a package: pointers into the package. */
struct package_entry {
	const char *name;		/* the subnode's name */
	const void *manifest;
	uint32_t manifest_size;
	const void *image;
	uint32_t image_size;
};

/*
 * Check that pkg (at most max bytes) is a well-formed package: 0, or a
 * negative libfdt error with *why saying what is wrong.
 */
int package_check(const void *pkg, uint64_t max, const char **why);

/*
 * The package's first (node < 0) or next partition: its node;
 * -FDT_ERR_NOTFOUND after the last; another negative libfdt error, with
 * *why, for a malformed node.
 */
int package_next(const void *pkg, int node, struct package_entry *e,
		 const char **why);

/* The loaded package wants the built-in partitions left out. */
bool package_drops_builtin(const void *pkg);

#endif /* FW_PACKAGE_H */
