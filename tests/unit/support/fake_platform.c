// SPDX-License-Identifier: BSD-3-Clause
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake_platform.h"
#include "map_check.h"
#include "state_snapshot.h"

static int ep_slot(struct fake_platform *fp, uint16_t ep)
{
	uint32_t i;

	for (i = 0; i < fp->nr_eps; i++)
		if (fp->ep_ids[i] == ep)
			return (int)i;
	if (fp->nr_eps >= FAKE_MAX_EPS)
		fail_msg("fake platform: too many endpoints");
	fp->ep_ids[fp->nr_eps] = ep;
	fp->access[fp->nr_eps] = calloc(fp->nr_pages, 1);
	assert_non_null(fp->access[fp->nr_eps]);
	return (int)fp->nr_eps++;
}

static bool range_ok(const struct fake_platform *fp, uint64_t pa,
		     uint64_t len)
{
	uint64_t size = fp->nr_pages * FFA_PAGE_SIZE;

	return pa >= FAKE_MEM_BASE && len <= size &&
	       pa - FAKE_MEM_BASE <= size - len;
}

static int fake_set_access(void *ctx, uint16_t ep, uint64_t addr,
			   uint64_t pages, uint32_t access)
{
	struct fake_platform *fp = ctx;
	int slot = ep_slot(fp, ep);

	if (addr % FFA_PAGE_SIZE || !range_ok(fp, addr, pages * FFA_PAGE_SIZE))
		fail_msg("set_access outside memory: ep %#x addr %#llx pages %llu",
			 ep, (unsigned long long)addr,
			 (unsigned long long)pages);
	if (fp->fail_set_access_after >= 0 &&
	    fp->set_access_calls++ == (uint32_t)fp->fail_set_access_after)
		return FFA_RET_NO_MEMORY;
	memset(fp->access[slot] + (addr - FAKE_MEM_BASE) / FFA_PAGE_SIZE,
	       (int)access, pages);
	return 0;
}

static int fake_read(void *ctx, void *dst, uint64_t pa, uint32_t len)
{
	struct fake_platform *fp = ctx;

	if (!range_ok(fp, pa, len))
		return FFA_RET_ABORTED;
	memcpy(dst, fp->mem + (pa - FAKE_MEM_BASE), len);
	return 0;
}

static int fake_write(void *ctx, uint64_t pa, const void *src, uint32_t len)
{
	struct fake_platform *fp = ctx;

	if (!range_ok(fp, pa, len))
		return FFA_RET_ABORTED;
	memcpy(fp->mem + (pa - FAKE_MEM_BASE), src, len);
	return 0;
}

static int fake_zero(void *ctx, uint64_t pa, uint64_t pages)
{
	struct fake_platform *fp = ctx;

	if (!range_ok(fp, pa, pages * FFA_PAGE_SIZE))
		return FFA_RET_ABORTED;
	memset(fp->mem + (pa - FAKE_MEM_BASE), 0, pages * FFA_PAGE_SIZE);
	return 0;
}

static void fake_lock(void *ctx, struct spm_lock *l)
{
	struct fake_platform *fp = ctx;

	if (l->word)
		fail_msg("lock of rank %u taken twice", l->rank);
	if (fp->locks_held && l->rank <= fp->held_rank)
		fail_msg("lock order: rank %u taken while holding %u",
			 l->rank, fp->held_rank);
	l->word = 1;
	fp->locks_held++;
	fp->held_rank = l->rank;
}

static void fake_unlock(void *ctx, struct spm_lock *l)
{
	struct fake_platform *fp = ctx;

	if (!l->word)
		fail_msg("unlock of a free lock of rank %u", l->rank);
	l->word = 0;
	fp->locks_held--;
	fp->held_rank = 0;
}

static void fake_log(void *ctx, int level, const char *line)
{
	struct fake_platform *fp = ctx;

	snprintf(fp->last_log, sizeof(fp->last_log), "%s", line);
	if (getenv("SPM_TEST_LOG"))
		fprintf(stderr, "spm[%d]: %s\n", level, line);
}

static void fake_console(void *ctx, uint16_t ep, const char *s, uint32_t len)
{
	struct fake_platform *fp = ctx;
	uint32_t room = sizeof(fp->console) - fp->console_len;

	(void)ep;
	if (len > room)
		len = room;
	memcpy(fp->console + fp->console_len, s, len);
	fp->console_len += len;
}

static void fake_raise_sri(void *ctx, uint32_t cpu)
{
	struct fake_platform *fp = ctx;

	fp->sri_cpu = cpu;
	fp->sri_count++;
}

static const struct spm_platform_ops fake_ops = {
	.set_access = fake_set_access,
	.read = fake_read,
	.write = fake_write,
	.zero = fake_zero,
	.lock = fake_lock,
	.unlock = fake_unlock,
	.log = fake_log,
	.console = fake_console,
	.raise_sri = fake_raise_sri,
};

void harness_init(struct spm_harness *h, uint64_t nr_pages,
		  uint32_t nr_ranges)
{
	memset(h, 0, sizeof(*h));
	h->fp.nr_pages = nr_pages;
	h->fp.mem = calloc(nr_pages, FFA_PAGE_SIZE);
	h->fp.fail_set_access_after = -1;
	h->plat.ops = &fake_ops;
	h->plat.ctx = &h->fp;
	h->st.mem_base = FAKE_MEM_BASE;
	h->st.nr_pages = nr_pages;
	h->st.pages = calloc(nr_pages, sizeof(*h->st.pages));
	h->st.ranges = calloc(nr_ranges, sizeof(*h->st.ranges));
	h->st.scratch = calloc(nr_ranges, sizeof(*h->st.scratch));
	h->st.nr_ranges = nr_ranges;
	h->spm = calloc(1, sizeof(*h->spm));
	assert_non_null(h->fp.mem);
	assert_non_null(h->st.pages);
	assert_non_null(h->spm);
	assert_int_equal(spm_init(h->spm, &h->plat, &h->st, 2), 0);
}

void harness_fini(struct spm_harness *h)
{
	uint32_t i;

	for (i = 0; i < h->fp.nr_eps; i++)
		free(h->fp.access[i]);
	free(h->fp.mem);
	free(h->st.pages);
	free(h->st.ranges);
	free(h->st.scratch);
	free(h->spm);
}

struct spm_harness *harness_new(uint64_t nr_pages, uint32_t nr_ranges)
{
	struct spm_harness *h = calloc(1, sizeof(*h));

	assert_non_null(h);
	harness_init(h, nr_pages, nr_ranges);
	return h;
}

int harness_teardown(void **state)
{
	harness_fini(*state);
	free(*state);
	return 0;
}

int harness_add(struct spm_harness *h, uint16_t id, uint32_t props,
		uint16_t nr_vcpus, bool is_host, uint64_t base,
		uint32_t pages)
{
	struct spm_endpoint_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	snprintf(cfg.name, sizeof(cfg.name), "ep-%04x", id);
	cfg.id = id;
	cfg.nr_vcpus = nr_vcpus;
	cfg.ffa_version = FFA_VERSION_1_2;
	cfg.properties = props;
	cfg.is_host = is_host;
	cfg.nr_regions = pages ? 1 : 0;
	cfg.regions[0].base = base;
	cfg.regions[0].pages = pages;
	cfg.regions[0].access = SPM_ACCESS_RW;
	return spm_add_endpoint(h->spm, &cfg);
}

struct spm_decision harness_call(struct spm_harness *h, uint16_t ep,
				 uint16_t vcpu, const struct ffa_regs *in)
{
	struct spm_decision d;

	memset(&d, 0xa5, sizeof(d));
	spm_call(h->spm, 0, ep, vcpu, in, &d);
	assert_int_equal(h->fp.locks_held, 0);
	harness_check_mappings(h);
	return d;
}

void harness_check_mappings(const struct spm_harness *h)
{
	char why[256];

	if (map_check(h->spm, &h->fp, why, sizeof(why)))
		fail_msg("the platform's mappings differ from the manager's records: %s",
			 why);
}

void harness_expect(struct spm_harness *h, uint16_t ep,
		    const struct ffa_regs *in, const struct ffa_regs *out)
{
	struct harness_snapshot *s = harness_is_refusal(in, out) ?
				     harness_snapshot(h) : NULL;
	struct spm_decision d = harness_call(h, ep, 0, in);
	unsigned int i;

	assert_int_equal(d.next, SPM_RESUME);
	assert_int_equal(d.ep, ep);
	assert_int_equal(d.vcpu, 0);
	for (i = 0; i < FFA_NREGS; i++)
		if (d.regs.x[i] != out->x[i])
			fail_msg("call %#llx: x%u = %#llx, expected %#llx",
				 (unsigned long long)in->x[0], i,
				 (unsigned long long)d.regs.x[i],
				 (unsigned long long)out->x[i]);
	/* A refusal changes nothing (state_snapshot.h). */
	if (s)
		harness_expect_unchanged(h, s, ep, in);
}

void harness_expect_error(struct spm_harness *h, uint16_t ep,
			  const struct ffa_regs *in, int code)
{
	/* FFA_ERROR, the code as a 32-bit value in w2 (ffa-abi.md 1.3). */
	struct ffa_regs out = { .x = { 0x84000060, 0, (uint32_t)code } };

	harness_expect(h, ep, in, &out);
}

/* Every refused call through lib's client changes nothing, too. */
static void harness_conduit_call(void *ctx, struct ffa_regs *regs)
{
	struct harness_conduit *hc = ctx;
	struct harness_snapshot *s = harness_snapshot(hc->h);
	struct spm_decision d = harness_call(hc->h, hc->ep, hc->vcpu, regs);

	assert_int_equal(d.next, SPM_RESUME);
	assert_int_equal(d.ep, hc->ep);
	if (harness_is_refusal(regs, &d.regs))
		harness_expect_unchanged(hc->h, s, hc->ep, regs);
	else
		harness_snapshot_free(s);
	*regs = d.regs;
}

const struct ffa_conduit *harness_conduit(struct harness_conduit *hc,
					  struct spm_harness *h, uint16_t ep,
					  uint16_t vcpu)
{
	hc->conduit.call = harness_conduit_call;
	hc->conduit.ctx = hc;
	hc->h = h;
	hc->ep = ep;
	hc->vcpu = vcpu;
	return &hc->conduit;
}

uint32_t fake_access(const struct fake_platform *fp, uint16_t ep,
		     uint64_t addr)
{
	uint32_t i;

	for (i = 0; i < fp->nr_eps; i++)
		if (fp->ep_ids[i] == ep)
			return fp->access[i][(addr - FAKE_MEM_BASE) /
					     FFA_PAGE_SIZE];
	return SPM_ACCESS_NONE;
}

void *fake_ptr(const struct fake_platform *fp, uint64_t pa)
{
	return fp->mem + (pa - FAKE_MEM_BASE);
}
