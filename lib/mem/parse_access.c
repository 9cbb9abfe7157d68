// SPDX-License-Identifier: BSD-3-Clause
/*
 * What a send may ask for, per operation: the permissions each receiver
 * is given and the memory attributes of the region (ffa-abi.md 9.4, 9.5,
 * 10.2; bad-input rows 12 and 13); and the attributes a retrieve ends up
 * with (9.9, row 26). These are pure checks on the values; whether the
 * sender's own mapping allows them is the manager's question.
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

int ffa_mtd_check_send_perms(enum ffa_mem_op op, uint8_t perms,
			     const char **why)
{
	int ret = ffa_mtd_check_perm_bits(perms, why);

	if (ret)
		return ret;
	ret = check_data_access(op, perms & FFA_MEM_DATA_MASK, why);
	if (ret)
		return ret;
	/*
	 * No send states an instruction access (ffa-abi.md 10.2): a SHARE
	 * is never executable, and a borrower of a LEND or DONATE asks for
	 * it in its retrieve request.
	 */
	if ((perms & FFA_MEM_INSTR_MASK) != FFA_MEM_INSTR_UNSPEC)
		return ffa_mtd_reject(why, "instruction access must be unset");
	return 0;
}

static uint16_t attr_type(uint16_t attrs)
{
	return attrs & FFA_MEM_ATTR_TYPE_MASK;
}

/*
 * One attributes value on its own: 0 (nothing stated), or a memory type
 * with encodings that exist. Without a type, bits[3:0] mean nothing, so
 * a value that sets them is refused like any reserved encoding. (NS and
 * bits[15:7] are ffa_mtd_check_attr_bits()'s.)
 */
static int check_attrs_value(uint16_t attrs, const char **why)
{
	uint16_t cache = attrs & FFA_MEM_ATTR_CACHE_MASK;

	switch (attr_type(attrs)) {
	case FFA_MEM_ATTR_TYPE_UNSPEC:
		if (attrs)
			return ffa_mtd_reject(why, "attributes without a type");
		return 0;
	case FFA_MEM_ATTR_TYPE_DEVICE:
		return 0;
	case FFA_MEM_ATTR_TYPE_NORMAL:
		break;
	default:
		return ffa_mtd_reject(why, "reserved memory type");
	}
	if (cache != FFA_MEM_ATTR_NORMAL_NC && cache != FFA_MEM_ATTR_NORMAL_WB)
		return ffa_mtd_reject(why, "reserved cacheability value");
	if ((attrs & FFA_MEM_ATTR_SH_MASK) == FFA_MEM_ATTR_SH_RSVD)
		return ffa_mtd_reject(why, "reserved shareability value");
	return 0;
}

int ffa_mtd_check_send_attrs(enum ffa_mem_op op, uint32_t nr_access,
			     uint16_t attrs, const char **why)
{
	bool shared = send_is_shared(op, nr_access);

	/*
	 * DONATE and a single-borrower LEND leave the attributes to the
	 * borrower's retrieve; everything else states Normal or Device.
	 */
	if (!shared && attr_type(attrs) != FFA_MEM_ATTR_TYPE_UNSPEC)
		return ffa_mtd_reject(why, "memory type must be unset");
	if (shared && attr_type(attrs) == FFA_MEM_ATTR_TYPE_UNSPEC)
		return ffa_mtd_reject(why, "memory type must be Normal/Device");
	return check_attrs_value(attrs, why);
}

int ffa_mtd_retrieve_attrs(uint16_t in_force, uint16_t asked, uint16_t *out,
			   const char **why)
{
	int ret = check_attrs_value(asked, why);

	if (ret)
		return ret;
	if (asked == 0 || asked == in_force) {
		*out = in_force;
		return 0;
	}
	/* Nothing stated yet: the borrower's request sets them. */
	if (in_force == 0) {
		*out = asked;
		return 0;
	}
	/* Row 26: Normal asked of memory given as Device is more. */
	if (attr_type(asked) == FFA_MEM_ATTR_TYPE_NORMAL &&
	    attr_type(in_force) == FFA_MEM_ATTR_TYPE_DEVICE)
		return ffa_mtd_fail(why, FFA_RET_DENIED,
				    "Normal asked of Device memory");
	return ffa_mtd_reject(why, "memory attributes differ from the send");
}
