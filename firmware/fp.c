// SPDX-License-Identifier: BSD-3-Clause
/*
 * Lazy FP/SIMD switching (see fw/fp.h for the scheme).
 *
 * fp_owner[cpu] is the vCPU whose FP state this CPU's registers hold,
 * or NULL when they hold nothing anyone needs (a partition's, already
 * saved). Only Linux's vCPU n is ever left there while another vCPU
 * runs, and it runs on CPU n alone, so no state is ever live on a CPU
 * other than the one that would load it.
 *
 * Partitions never get SVE or SME (CPTR_EL2.TZ/TSM, el1.c), but a write
 * to a V register zeroes the rest of its Z register: on a CPU with SVE,
 * Linux's state is all of Z0-Z31 (P0-P15 and FFR cannot be touched by a
 * partition). SME's streaming mode and ZA are not saved: a partition
 * that wants FP while Linux has them live is refused (aborted) rather
 * than allowed to destroy them.
 */
#include <stdbool.h>
#include <stddef.h>

#include <fw/arch.h>
#include <fw/el1.h>
#include <fw/fp.h>
#include <fw/memmap.h>
#include <fw/vcpu.h>

#define SVE_VL_MAX	256		/* bytes: 2048-bit vectors */
#define SVCR		s3_3_c4_c2_2
#define SVCR_SM_ZA	0x3ULL

struct fw_vcpu *fp_owner[FW_MAX_CPUS];
/* Linux's Z0-Z31 per vCPU (= per CPU), at EL2's vector length. */
static uint8_t host_z[FW_MAX_CPUS][32 * SVE_VL_MAX]
	__attribute__((aligned(16)));

static bool use_z(void)
{
	return el1_has_sve() && fp_vl_bytes() <= SVE_VL_MAX;
}

static void set_cptr(uint64_t cptr)
{
	write_sysreg(cptr, cptr_el2);
	isb();
}

/* EL2 must be allowed FP (and SVE) by CPTR_EL2 for both. */
static void save(struct fw_vcpu *v)
{
	if (v->is_host && use_z())
		fp_save_z(&v->fp, host_z[v->idx]);
	else
		fp_save_v(&v->fp);
}

static void load(const struct fw_vcpu *v)
{
	if (v->is_host && use_z())
		fp_load_z(&v->fp, host_z[v->idx]);
	else
		fp_load_v(&v->fp);
}

/*
 * CPTR_EL2 is loaded already, with the rest of v's EL2 configuration
 * (vcpu.c): a partition's has TFP, its state was saved when it last
 * stopped and is loaded on demand; Linux's lets EL2 load its registers.
 * vcpu.c calls these only when there is something to move.
 */
void fp_host_load(struct fw_vcpu *v, unsigned int cpu)
{
	load(v);
	fp_owner[cpu] = v;
}

/* A partition that used FP: TFP is clear, EL2 may save. */
void fp_partition_save(struct fw_vcpu *v, unsigned int cpu)
{
	save(v);
	fp_owner[cpu] = NULL;
}

/* Streaming mode or ZA enabled: state we do not save, a V write spoils. */
static bool sme_live(void)
{
	return el1_has_sme() && (read_sysreg(SVCR) & SVCR_SM_ZA);
}

const char *fp_trap(struct fw_vcpu *v)
{
	struct fw_vcpu **owner = &fp_owner[fw_cpu_index()];
	uint64_t cptr = v->el2.cptr & ~CPTR_TFP;

	if (*owner == v) {		/* cannot happen: TFP was clear */
		set_cptr(cptr);
		return NULL;
	}
	/* Everything on for EL2 while it saves and loads. */
	set_cptr(el1_cptr(true));
	if (*owner && sme_live()) {
		set_cptr(v->el2.cptr);
		return "FP/SIMD while Linux's SME state is live";
	}
	if (*owner)
		save(*owner);
	load(v);
	*owner = v;
	set_cptr(cptr);
	return NULL;
}
