// SPDX-License-Identifier: BSD-3-Clause
/*
 * Snapshots of the whole manager and fake platform (state_snapshot.h).
 *
 * What a refused call may change, and nothing else:
 * - the caller's version_frozen: the negotiation phase ends at the first
 *   call other than FFA_VERSION, refused or not (ffa-abi.md 4);
 * - spm->cpus[].buf: the per-CPU copy of a descriptor, taken before it is
 *   validated (copy-then-validate); nothing reads it across calls;
 * - st.scratch: the overlap check's work area, likewise;
 * - st.ranges outside the extents of live shares: free pool space, where
 *   a refused send may have gathered its constituents before the check
 *   that refused it (the extents themselves are in the compared shares);
 * - fp.last_log: the manager may log why it refused;
 * - fp.set_access_calls: a count of platform calls, not a mapping; a
 *   call that mapped and then rolled back leaves the mappings (compared)
 *   as they were.
 * The decision's registers are the call's answer, checked by the caller.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "state_snapshot.h"

struct harness_snapshot {
	struct spm spm;
	struct fake_platform fp;
	struct spm_page *pages;		/* st.nr_pages */
	struct ffa_mem_range *ranges;	/* st.nr_ranges */
	uint8_t *mem;			/* fp.nr_pages pages */
	uint8_t *access[FAKE_MAX_EPS];	/* fp.nr_pages each */
	char what[64];			/* names the call in failures */
};

#define snap_fail(s, fmt, ...) \
	fail_msg("%s: " fmt, (s)->what, __VA_ARGS__)

static void *dup_or_fail(const void *p, size_t len)
{
	void *q = malloc(len ? len : 1);

	assert_non_null(q);
	memcpy(q, p, len);
	return q;
}

struct harness_snapshot *harness_snapshot(const struct spm_harness *h)
{
	struct harness_snapshot *s = calloc(1, sizeof(*s));
	uint32_t i;

	assert_non_null(s);
	memcpy(&s->spm, h->spm, sizeof(s->spm));
	memcpy(&s->fp, &h->fp, sizeof(s->fp));
	s->pages = dup_or_fail(h->st.pages,
			       h->st.nr_pages * sizeof(*s->pages));
	s->ranges = dup_or_fail(h->st.ranges,
				h->st.nr_ranges * sizeof(*s->ranges));
	s->mem = dup_or_fail(h->fp.mem, h->fp.nr_pages * FFA_PAGE_SIZE);
	for (i = 0; i < h->fp.nr_eps; i++)
		s->access[i] = dup_or_fail(h->fp.access[i], h->fp.nr_pages);
	return s;
}

void harness_snapshot_free(struct harness_snapshot *s)
{
	uint32_t i;

	for (i = 0; i < FAKE_MAX_EPS; i++)
		free(s->access[i]);
	free(s->mem);
	free(s->ranges);
	free(s->pages);
	free(s);
}

bool harness_is_refusal(const struct ffa_regs *in, const struct ffa_regs *out)
{
	if (out->x[0] == FFA_ERROR)
		return true;
	return (uint32_t)in->x[0] == FFA_VERSION &&
	       (uint32_t)out->x[0] == (uint32_t)FFA_RET_NOT_SUPPORTED;
}

/* ---- naming the first difference ---- */

struct field {
	const char *name;
	size_t off;
	size_t size;
};

#define FIELD(type, m)	{ #m, offsetof(type, m), sizeof(((type *)0)->m) }

static const struct field spm_fields[] = {
	FIELD(struct spm, plat),
	FIELD(struct spm, st),
	FIELD(struct spm, spm_id),
	FIELD(struct spm, version),
	FIELD(struct spm, nr_cpus),
	FIELD(struct spm, nr_endpoints),
	FIELD(struct spm, boot_next),
	FIELD(struct spm, endpoints),
	FIELD(struct spm, shares),
	FIELD(struct spm, cpus),
	FIELD(struct spm, lock),
};

static const struct field ep_fields[] = {
	FIELD(struct spm_endpoint, cfg),
	FIELD(struct spm_endpoint, version),
	FIELD(struct spm_endpoint, version_frozen),
	FIELD(struct spm_endpoint, mbox),
	FIELD(struct spm_endpoint, vcpus),
	FIELD(struct spm_endpoint, notif),
	FIELD(struct spm_endpoint, aborted),
	FIELD(struct spm_endpoint, console_len),
	FIELD(struct spm_endpoint, console),
};

#define COUNT(a)	(sizeof(a) / sizeof((a)[0]))

static size_t first_diff(const void *a, const void *b, size_t len)
{
	const uint8_t *p = a, *q = b;
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != q[i])
			return i;
	return len;
}

/* The field of t[] holding byte off. */
static const char *field_at(const struct field *t, size_t n, size_t off)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (off >= t[i].off && off - t[i].off < t[i].size)
			return t[i].name;
	return "(padding, or a field not named here)";
}

static void fail_spm_diff(const struct harness_snapshot *s,
			  const struct spm *now)
{
	size_t off = first_diff(&s->spm, now, sizeof(*now));
	size_t eps = offsetof(struct spm, endpoints);
	size_t shares = offsetof(struct spm, shares);
	size_t i;

	if (off >= eps && off - eps < sizeof(now->endpoints)) {
		i = (off - eps) / sizeof(now->endpoints[0]);
		snap_fail(s, "endpoint %#x: %s changed",
			  now->endpoints[i].cfg.id,
			  field_at(ep_fields, COUNT(ep_fields),
				   off - eps - i * sizeof(now->endpoints[0])));
	}
	if (off >= shares && off - shares < sizeof(now->shares)) {
		i = (off - shares) / sizeof(now->shares[0]);
		snap_fail(s, "share slot %zu (handle %#llx) changed", i,
			  (unsigned long long)now->shares[i].handle);
	}
	snap_fail(s, "manager: %s changed (byte %zu of struct spm)",
		  field_at(spm_fields, COUNT(spm_fields), off), off);
}

/* ---- the comparison ---- */

static void expect_spm(const struct spm_harness *h,
		       struct harness_snapshot *s, uint16_t caller,
		       const struct ffa_regs *in)
{
	struct spm_endpoint *ep = NULL;
	uint32_t i;

	if (in)
		ep = spm_endpoint_by_id(h->spm, caller);
	if (ep)
		s->spm.endpoints[ep - h->spm->endpoints].version_frozen =
			ep->version_frozen;
	for (i = 0; i < SPM_MAX_CPUS; i++)
		memcpy(s->spm.cpus[i].buf, h->spm->cpus[i].buf,
		       sizeof(s->spm.cpus[i].buf));
	if (memcmp(&s->spm, h->spm, sizeof(s->spm)))
		fail_spm_diff(s, h->spm);
}

static void expect_storage(const struct spm_harness *h,
			   const struct harness_snapshot *s)
{
	size_t off;
	uint32_t i;

	off = first_diff(s->pages, h->st.pages,
			 h->st.nr_pages * sizeof(*s->pages));
	if (off < h->st.nr_pages * sizeof(*s->pages))
		snap_fail(s, "state of page %#llx changed",
			  (unsigned long long)(h->st.mem_base + off /
					       sizeof(*s->pages) *
					       FFA_PAGE_SIZE));
	for (i = 0; i < SPM_MAX_SHARES; i++) {
		const struct spm_share *sh = &h->spm->shares[i];
		uint64_t first = sh->first_range, n = sh->mtd.nr_ranges;

		if (sh->state == SPM_SHARE_FREE || first > h->st.nr_ranges ||
		    n > h->st.nr_ranges - first)
			continue;	/* the invariant checker's business */
		if (memcmp(s->ranges + first, h->st.ranges + first,
			   n * sizeof(*s->ranges)))
			snap_fail(s, "ranges of share slot %u changed", i);
	}
}

static void expect_platform(const struct spm_harness *h,
			    struct harness_snapshot *s)
{
	const struct fake_platform *fp = &h->fp;
	size_t len = fp->nr_pages * FFA_PAGE_SIZE, off;
	uint32_t i;

	memcpy(s->fp.last_log, fp->last_log, sizeof(s->fp.last_log));
	s->fp.set_access_calls = fp->set_access_calls;
	if (s->fp.nr_eps != fp->nr_eps)
		snap_fail(s, "%s", "a new endpoint was given mappings");
	for (i = 0; i < fp->nr_eps; i++) {
		off = first_diff(s->access[i], fp->access[i], fp->nr_pages);
		if (off < fp->nr_pages)
			snap_fail(s, "mapping of page %#llx for %#x changed",
				  (unsigned long long)(FAKE_MEM_BASE +
						       off * FFA_PAGE_SIZE),
				  fp->ep_ids[i]);
	}
	off = first_diff(s->mem, fp->mem, len);
	if (off < len)
		snap_fail(s, "memory at %#llx changed",
			  (unsigned long long)(FAKE_MEM_BASE + off));
	if (s->fp.sri_count != fp->sri_count || s->fp.sri_cpu != fp->sri_cpu)
		snap_fail(s, "%s", "schedule receiver interrupt raised");
	if (s->fp.console_len != fp->console_len ||
	    memcmp(s->fp.console, fp->console, sizeof(fp->console)))
		snap_fail(s, "%s", "console output changed");
	if (memcmp(&s->fp, fp, sizeof(*fp)))
		snap_fail(s, "fake platform changed (byte %zu)",
			  first_diff(&s->fp, fp, sizeof(*fp)));
}

void harness_expect_unchanged(const struct spm_harness *h,
			      struct harness_snapshot *s, uint16_t caller,
			      const struct ffa_regs *in)
{
	if (in)
		snprintf(s->what, sizeof(s->what),
			 "refused call %#llx (x1 %#llx) by %#x",
			 (unsigned long long)in->x[0],
			 (unsigned long long)in->x[1], caller);
	else
		snprintf(s->what, sizeof(s->what), "no call");
	expect_spm(h, s, caller, in);
	expect_storage(h, s);
	expect_platform(h, s);
	harness_snapshot_free(s);
}
