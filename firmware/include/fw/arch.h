/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System register access and barriers. Registers are named as the
 * assembler knows them, or by their encoding (s3_<op1>_c<n>_c<m>_<op2>)
 * for those binutils may not know.
 */
#ifndef FW_ARCH_H
#define FW_ARCH_H

#include <stdint.h>

#define __read_sysreg(r) ({						\
	uint64_t __v;							\
	__asm__ volatile("mrs %0, " #r : "=r"(__v));			\
	__v;								\
})

#define __write_sysreg(v, r)						\
	__asm__ volatile("msr " #r ", %0" : : "r"((uint64_t)(v)))

/* One more level, so a register named by a macro is expanded first. */
#define read_sysreg(r)		__read_sysreg(r)
#define write_sysreg(v, r)	__write_sysreg(v, r)

#define isb()		__asm__ volatile("isb" : : : "memory")
#define dsb(opt)	__asm__ volatile("dsb " #opt : : : "memory")

#define BIT64(n)	(1ULL << (n))

/* Field [lo + 3 : lo] of an ID register: its 4-bit feature value. */
static inline unsigned int id_field(uint64_t reg, unsigned int lo)
{
	return (reg >> lo) & 0xf;
}

static inline unsigned int current_el(void)
{
	return (read_sysreg(CurrentEL) >> 2) & 3;
}

/*
 * A linear CPU index from MPIDR_EL1. QEMU virt with GICv3 puts 16 CPUs
 * in each Aff1 cluster; callers check the result against FW_MAX_CPUS.
 */
static inline unsigned int mpidr_to_index(uint64_t mpidr)
{
	return (mpidr & 0xff) + ((mpidr >> 8) & 0xff) * 16;
}

static inline unsigned int fw_cpu_index(void)
{
	return mpidr_to_index(read_sysreg(mpidr_el1));
}

/* Cache maintenance by VA over [start, start + len), to the PoC. */
void dcache_inval_range(uintptr_t start, uintptr_t len);
void dcache_clean_range(uintptr_t start, uintptr_t len);

#endif /* FW_ARCH_H */
