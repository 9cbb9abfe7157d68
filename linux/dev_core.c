// SPDX-License-Identifier: GPL-2.0
/*
 * What /dev/ffa reads of the core's own state: the lib world's side
 * (core_priv.h), so that /dev/ffa's other files stay neutral.
 */
#include <linux/minmax.h>

#include <ffa/msg.h>
#include <ffa/version.h>

#include "core_priv.h"
#include "dev.h"

u32 ffa_dev_msg_max(void)
{
	u32 total = min(ffa_core.buf_size, FFA_MSG_SEND2_MAX_TOTAL);

	if (ffa_core.version < FFA_VERSION_1_1)
		return 0;
	if (ffa_core.version == FFA_VERSION_1_1)
		return total - FFA_MSG_SEND2_HDR_SIZE_V1_1;
	return total - FFA_MSG_SEND2_HDR_SIZE_V1_2;
}
