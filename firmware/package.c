// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reading a partition package (fw/package.h). The package is checked in
 * full (fdt_check_full) before any node is read, and every partition
 * node must carry both properties; their sizes are bounded by the
 * package itself, so an entry never points outside it. What the
 * manifest and image say is judged later, by the manifest parser and
 * partition.c.
 */
#include <libfdt.h>

#include <fw/package.h>

#define PACKAGE_COMPATIBLE	"ffa,partition-package"

int package_check(const void *pkg, uint64_t max, const char **why)
{
	int err = fdt_check_full(pkg, max);

	if (err) {
		*why = fdt_strerror(err);
		return err;
	}
	if (fdt_node_check_compatible(pkg, 0, PACKAGE_COMPATIBLE)) {
		*why = "root is not compatible with \"" PACKAGE_COMPATIBLE "\"";
		return -FDT_ERR_BADVALUE;
	}
	return 0;
}

static const void *blob(const void *pkg, int node, const char *prop,
			uint32_t *size)
{
	int len;
	const void *p = fdt_getprop(pkg, node, prop, &len);

	if (!p || len <= 0)
		return NULL;
	*size = (uint32_t)len;
	return p;
}

int package_next(const void *pkg, int node, struct package_entry *e,
		 const char **why)
{
	node = node < 0 ? fdt_first_subnode(pkg, 0) :
			  fdt_next_subnode(pkg, node);
	if (node < 0)
		return node;
	e->name = fdt_get_name(pkg, node, NULL);
	e->manifest = blob(pkg, node, "manifest", &e->manifest_size);
	e->image = blob(pkg, node, "image", &e->image_size);
	if (!e->name || !e->manifest || !e->image) {
		*why = "a partition node needs \"manifest\" and \"image\"";
		return -FDT_ERR_BADVALUE;
	}
	return node;
}

bool package_drops_builtin(const void *pkg)
{
	return fdt_getprop(pkg, 0, "no-builtin-partitions", NULL) != NULL;
}
