// SPDX-License-Identifier: BSD-3-Clause
/*
 * What a send may ask for, per operation: the permissions each receiver
 * is given and the memory attributes of the region (ffa-abi.md 9.4, 9.5,
 * 10.2; bad-input rows 12 and 13). These are pure checks on the values;
 * whether the sender's own mapping allows them is the manager's question.
 */
#include <libffa/mem_desc.h>
#include "wire.h"

/* SHARE, and LEND to several borrowers, leave the memory mapped in many. */
static bool send_is_shared(enum ffa_mem_op op, uint32_t nr_access)
{
	return op == FFA_MEM_OP_SHARE ||
	       (op == FFA_MEM_OP_LEND && nr_access > 1);
}

static int check_data_access(enum ffa_mem_op op, uint8_t data,
			     const char **why)
{
	if (op == FFA_MEM_OP_DONATE) {
		if (data != FFA_MEM_DATA_UNSPEC)
			return ffa_mtd_reject(why,
					      "data access given on DONATE");
		return 0;
	}
	if (data != FFA_MEM_DATA_RO && data != FFA_MEM_DATA_RW)
		return ffa_mtd_reject(why, "data access must be RO or RW");
	return 0;
}

static int check_instr_access(enum ffa_mem_op op, uint32_t nr_access,
			      uint8_t instr, const char **why)
{
	/*
	 * Only a LEND to a single borrower may say NX or X; everything else
	 * leaves it unspecified (SHARE is never executable, DONATE hands over
	 * ownership, and several borrowers must agree).
	 */
	if (op == FFA_MEM_OP_LEND && nr_access == 1)
		return 0;
	if (instr != FFA_MEM_INSTR_UNSPEC)
		return ffa_mtd_reject(why, "instruction access must be unset");
	return 0;
}

int ffa_mtd_check_send_perms(enum ffa_mem_op op, uint32_t nr_access,
			     uint8_t perms, const char **why)
{
	int ret = ffa_mtd_check_perm_bits(perms, why);

	if (ret)
		return ret;
	ret = check_data_access(op, perms & FFA_MEM_DATA_MASK, why);
	if (ret)
		return ret;
	return check_instr_access(op, nr_access, perms & FFA_MEM_INSTR_MASK,
				  why);
}

static int check_normal_attrs(uint16_t attrs, const char **why)
{
	uint16_t cache = attrs & FFA_MEM_ATTR_CACHE_MASK;

	if (cache != FFA_MEM_ATTR_NORMAL_NC && cache != FFA_MEM_ATTR_NORMAL_WB)
		return ffa_mtd_reject(why, "reserved cacheability value");
	if ((attrs & FFA_MEM_ATTR_SH_MASK) == FFA_MEM_ATTR_SH_RSVD)
		return ffa_mtd_reject(why, "reserved shareability value");
	return 0;
}

int ffa_mtd_check_send_attrs(enum ffa_mem_op op, uint32_t nr_access,
			     uint16_t attrs, const char **why)
{
	uint16_t type = attrs & FFA_MEM_ATTR_TYPE_MASK;

	/*
	 * DONATE and a single-borrower LEND leave the type to the borrower's
	 * retrieve; only the type is judged then, the cacheability and
	 * shareability bits mean nothing without it.
	 */
	if (!send_is_shared(op, nr_access)) {
		if (type != FFA_MEM_ATTR_TYPE_UNSPEC)
			return ffa_mtd_reject(why, "memory type must be unset");
		return 0;
	}
	if (type == FFA_MEM_ATTR_TYPE_DEVICE)
		return 0;
	if (type != FFA_MEM_ATTR_TYPE_NORMAL)
		return ffa_mtd_reject(why, "memory type must be Normal/Device");
	return check_normal_attrs(attrs, why);
}
