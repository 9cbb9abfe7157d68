// SPDX-License-Identifier: BSD-3-Clause
/*
 * The schedule receiver interrupt from the scheduler's seat: after we
 * set a notification for twin-a (which bound it to us), the manager
 * raises the SRI on this CPU and the firmware sends SGI 8 to it. We do
 * not take interrupts; the SGI's pending bit in this CPU's redistributor
 * shows that it arrived. QEMU virt's GICv3: CPU 0's redistributor at
 * 0x080a0000, its SGI frame 64 KiB above. SGI1R sends Group 1 SGIs,
 * which only pend if the SGI is configured Group 1 (as Linux does).
 */
#include <libffa/client.h>
#include <partitions/test_proto.h>

#include "el1-hello.h"

#define SELF		0
#define TWIN_A		0x8003
#define SRI_INTID	8
#define GICR_SGI_BASE	0x080b0000UL
#define GICR_IGROUPR0	(GICR_SGI_BASE + 0x080)
#define GICR_ISPENDR0	(GICR_SGI_BASE + 0x200)
#define GICR_ICPENDR0	(GICR_SGI_BASE + 0x280)

static const struct ffa_conduit hvc = { .call = sp_hvc };

static volatile uint32_t *reg(uint64_t addr)
{
	return (volatile uint32_t *)addr;
}

static bool sri_pending(void)
{
	return *reg(GICR_ISPENDR0) & (1U << SRI_INTID);
}

/* A test-protocol command to twin-a; its status word, args in out. */
static uint64_t twin_cmd(uint64_t cmd, uint64_t a1, uint64_t a2,
			 uint64_t *out)
{
	struct ffa_direct_msg m = { SELF, TWIN_A, 0, { cmd, a1, a2 } };
	struct ffa_event ev;
	int ret = ffa_direct_req(&hvc, &m, false, &ev);

	if (ret || ev.type != FFA_EV_DIRECT_RESP)
		return (uint64_t)-1;
	for (unsigned int i = 0; out && i < FFA_DIRECT_ARGS; i++)
		out[i] = ev.direct.args[i];
	return ev.direct.args[0];
}

void check_sri(void)
{
	uint64_t got[FFA_DIRECT_ARGS] = { 0 };
	int ret;

	*reg(GICR_IGROUPR0) |= 1U << SRI_INTID;
	*reg(GICR_ICPENDR0) = 1U << SRI_INTID;
	check(!sri_pending(), "SGI 8 is not pending before", 0);
	check(twin_cmd(TP_CMD_NOTIF_BIND, SELF, 1, NULL) == 0,
	      "twin-a binds notification 0 to us", 0);
	ret = ffa_notification_set(&hvc, SELF, TWIN_A, 0, 1);
	check(!ret, "FFA_NOTIFICATION_SET for twin-a", ret);
	check(sri_pending(), "the SRI (SGI 8) is pending on this CPU",
	      *reg(GICR_ISPENDR0));
	*reg(GICR_ICPENDR0) = 1U << SRI_INTID;
	check(twin_cmd(TP_CMD_NOTIF_GET, 0, 0, got) == 0 && got[2] == 1,
	      "twin-a gets the notification from us", got[2]);
}
