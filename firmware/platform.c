// SPDX-License-Identifier: BSD-3-Clause
/*
 * spm/'s platform seam on the EL2 firmware. Every endpoint has its own
 * stage-2 table, so set_access is a map or unmap in that table (the
 * table builder does the TLB maintenance). The manager reads and writes
 * endpoint memory through the EL2 identity map, which covers all of
 * RAM with cacheable attributes, the same as the guests use: no cache
 * maintenance is needed for a coherent guest.
 */
#include <stddef.h>

#include <ffa/error.h>
#include <libfdt_env.h>
#include <spm/limits.h>

#include <fw/console.h>
#include <fw/gic.h>
#include <fw/mmu.h>
#include <fw/platform.h>
#include <fw/printf.h>

/* Messages of the manager up to this level reach the console. */
#define FW_SPM_LOG_LEVEL	1

struct ep_s2 {
	uint16_t id;
	struct s2_table *s2;
};

static struct {
	uint64_t mem_base, mem_end;
	unsigned int nr_eps;
	struct ep_s2 eps[SPM_MAX_ENDPOINTS];
} fwp;

int fw_platform_add_s2(uint16_t id, struct s2_table *t)
{
	if (fwp.nr_eps == SPM_MAX_ENDPOINTS)
		return FFA_RET_NO_MEMORY;
	fwp.eps[fwp.nr_eps++] = (struct ep_s2){ .id = id, .s2 = t };
	return 0;
}

static struct s2_table *s2_of(uint16_t id)
{
	for (unsigned int i = 0; i < fwp.nr_eps; i++)
		if (fwp.eps[i].id == id)
			return fwp.eps[i].s2;
	return NULL;
}

static uint32_t s2_perm(uint32_t access)
{
	return (access & SPM_ACCESS_R ? S2_R : 0) |
	       (access & SPM_ACCESS_W ? S2_W : 0) |
	       (access & SPM_ACCESS_X ? S2_X : 0);
}

static int fw_set_access(void *ctx, uint16_t ep, uint64_t addr,
			 uint64_t pages, uint32_t access)
{
	struct s2_table *t = s2_of(ep);

	(void)ctx;
	if (!t || pages > (1ULL << S2_IPA_BITS) / S2_PAGE_SIZE)
		return FFA_RET_INVALID_PARAMETERS;
	return s2_map(t, addr, pages * S2_PAGE_SIZE, s2_perm(access));
}

/* Is [pa, pa + len) inside managed memory? */
static bool managed(uint64_t pa, uint64_t len)
{
	return pa >= fwp.mem_base && pa <= fwp.mem_end &&
	       len <= fwp.mem_end - pa;
}

static int fw_read(void *ctx, void *dst, uint64_t pa, uint32_t len)
{
	(void)ctx;
	if (!managed(pa, len))
		return FFA_RET_ABORTED;
	memcpy(dst, (const void *)(uintptr_t)pa, len);
	return 0;
}

static int fw_write(void *ctx, uint64_t pa, const void *src, uint32_t len)
{
	(void)ctx;
	if (!managed(pa, len))
		return FFA_RET_ABORTED;
	memcpy((void *)(uintptr_t)pa, src, len);
	return 0;
}

static int fw_zero(void *ctx, uint64_t pa, uint64_t pages)
{
	(void)ctx;
	if (pages > (fwp.mem_end - fwp.mem_base) / S2_PAGE_SIZE ||
	    !managed(pa, pages * S2_PAGE_SIZE))
		return FFA_RET_ABORTED;
	mmu_zero_ram(pa, pages * S2_PAGE_SIZE);
	return 0;
}

/*
 * A test-and-test-and-set spinlock on l->word: load-acquire exclusive,
 * store-exclusive 1 if it was free. Taken at once, that is all (the
 * manager's lock, twice a round trip); while it is taken, WFE, out of
 * line: the load armed this CPU's exclusive monitor, so the owner's
 * store-release to the word is the event that wakes us.
 */
static void fw_lock(void *ctx, struct spm_lock *l)
{
	uint32_t val, fail;

	(void)ctx;
	__asm__ volatile("1:	ldaxr	%w0, [%2]\n"
			 "	cbnz	%w0, 3f\n"
			 "	stxr	%w1, %w3, [%2]\n"
			 "	cbnz	%w1, 1b\n"
			 "	.pushsection .text.fw_lock_wait, \"ax\"\n"
			 "3:	wfe\n"
			 "	b	1b\n"
			 "	.popsection\n"
			 : "=&r"(val), "=&r"(fail)
			 : "r"(&l->word), "r"(1U)
			 : "memory");
}

static void fw_unlock(void *ctx, struct spm_lock *l)
{
	(void)ctx;
	__asm__ volatile("stlr wzr, [%0]" : : "r"(&l->word) : "memory");
}

static void fw_log(void *ctx, int level, const char *line)
{
	(void)ctx;
	if (level <= FW_SPM_LOG_LEVEL)
		fw_printf("spm[%d]: %s\n", level, line);
}

static void fw_console(void *ctx, uint16_t ep, const char *s, uint32_t len)
{
	(void)ctx;
	fw_printf("ep 0x%x: ", ep);
	for (uint32_t i = 0; i < len; i++)
		console_putc(s[i]);
	if (len && s[len - 1] != '\n')
		console_putc('\n');
}

/*
 * The SRI tells the scheduler (Linux's arm_ffa driver, which took
 * FW_SRI_INTID as a per-CPU interrupt) to ask FFA_NOTIFICATION_INFO_GET
 * on that CPU. A CPU that is not up has no scheduler to tell.
 */
static void fw_raise_sri(void *ctx, uint32_t cpu)
{
	(void)ctx;
	if (!gic_send_sgi(cpu, FW_SRI_INTID))
		fw_printf("spm: no schedule receiver interrupt for CPU %u\n",
			  cpu);
}

static const struct spm_platform_ops fw_ops = {
	.set_access = fw_set_access,
	.read = fw_read,
	.write = fw_write,
	.zero = fw_zero,
	.lock = fw_lock,
	.unlock = fw_unlock,
	.log = fw_log,
	.console = fw_console,
	.raise_sri = fw_raise_sri,
};

void fw_platform_init(struct spm_platform *plat, uint64_t mem_base,
		      uint64_t mem_size)
{
	fwp.mem_base = mem_base;
	fwp.mem_end = mem_base + mem_size;
	plat->ops = &fw_ops;
	plat->ctx = NULL;
}
