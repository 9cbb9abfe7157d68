// SPDX-License-Identifier: BSD-3-Clause
/*
 * Which wire layout a version uses. The layout follows the negotiated
 * version of whoever writes or reads the descriptor (ffa-abi.md 4): v1.0
 * has a 32-byte header with the EMADs right after it, v1.1 a 48-byte
 * header that says where its 16-byte EMADs are, v1.2 and later minors the
 * same header with 32-byte EMADs.
 */
#include <ffa/version.h>
#include <libffa/mem_desc.h>
#include "wire.h"
#include <libffa/status.h>

int ffa_mem_layout_of(uint32_t version, struct ffa_mem_layout *out)
{
	uint32_t minor = FFA_VERSION_MINOR(version);

	if ((version & FFA_VERSION_MBZ) || FFA_VERSION_MAJOR(version) != 1)
		return FFA_RET_NOT_SUPPORTED;
	if (minor == 0) {
		out->hdr_size = FFA_MTD_HDR_SIZE_V1_0;
		out->emad_size = FFA_EMAD_SIZE_V1_0;
		out->emad_offset = FFA_MTD_HDR_SIZE_V1_0;
		return 0;
	}
	out->hdr_size = FFA_MTD_HDR_SIZE_V1_1;
	out->emad_size = minor == 1 ? FFA_EMAD_SIZE_V1_0 : FFA_EMAD_SIZE_V1_2;
	out->emad_offset = FFA_MTD_HDR_SIZE_V1_1;
	return 0;
}

uint32_t ffa_mtd_layout_version(const struct ffa_mem_layout *l)
{
	if (ffa_mtd_layout_is_v1_0(l))
		return FFA_VERSION_1_0;
	if (l->emad_size == FFA_EMAD_SIZE_V1_0)
		return FFA_VERSION_1_1;
	return FFA_VERSION_1_2;
}
