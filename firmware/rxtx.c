// SPDX-License-Identifier: BSD-3-Clause
/*
 * The hypervisor-allocated RX/TX mode (docs/dt-rxtx.md). A boot-time
 * option rather than a second image: the bench passes "ffa_el2.rxtx=dt"
 * on the kernel command line, which Linux ignores (a dotted parameter of
 * no loaded module), and the same firmware then gives the host endpoint
 * its pair from the top of the boot stub's RAM (fw/memmap.h), before
 * Linux runs, and describes it in the DTB as reserved no-map memory.
 */
#include <stdbool.h>
#include <stddef.h>

#include <libfdt.h>

#include <ffa/error.h>
#include <libffa/status.h>

#include <fw/dtb.h>
#include <fw/manager.h>
#include <fw/memmap.h>
#include <fw/printf.h>
#include <fw/rxtx.h>

#define RXTX_OPTION	"ffa_el2.rxtx=dt"

static bool dt_mode;

/* opt as a whole word of args (words are separated by spaces). */
static bool has_word(const char *args, const char *opt)
{
	const char *a, *o;

	while (*args) {
		for (a = args, o = opt; *o && *a == *o; a++, o++)
			;
		if (!*o && (*a == ' ' || !*a))
			return true;
		while (*args && *args != ' ')
			args++;
		while (*args == ' ')
			args++;
	}
	return false;
}

/*
 * Read from the DTB again, not bi->bootargs: the firmware's own edits
 * (dtb_reserve_firmware) move the property's bytes.
 */
static bool wanted(const void *fdt)
{
	int chosen = fdt_path_offset(fdt, "/chosen");
	const char *args = NULL;

	if (chosen >= 0)
		args = fdt_getprop(fdt, chosen, "bootargs", NULL);
	return args && has_word(args, RXTX_OPTION);
}

int fw_rxtx_init(const struct boot_info *bi)
{
	uint32_t pages = HOST_RXTX_SIZE / FFA_PAGE_SIZE;
	int ret, err;

	if (!wanted((const void *)bi->dtb))
		return 0;
	ret = spm_map_mailbox(fw_spm, fw_host_id, HOST_RXTX_TX, HOST_RXTX_RX,
			      pages);
	if (ret) {
		fw_printf("fw: dt-rxtx: the manager refused the host's pair: "
			  "%s\n", ffa_status_name(ret));
		return -1;
	}
	err = dtb_describe_rxtx((void *)bi->dtb, HOST_RXTX_TX, HOST_RXTX_RX,
				HOST_RXTX_SIZE);
	if (err) {
		fw_printf("fw: dt-rxtx: cannot describe the pair in the DTB: "
			  "%s\n", fdt_strerror(err));
		return -1;
	}
	dt_mode = true;
	fw_printf("fw: dt-rxtx: host 0x%x's RX/TX pair given: TX 0x%lx, "
		  "RX 0x%lx, %u pages each, in the DTB as %s\n", fw_host_id,
		  HOST_RXTX_TX, HOST_RXTX_RX, pages, FW_RXTX_COMPATIBLE);
	return 0;
}

/*
 * Read without the manager's lock: a diagnostic at power-off, when the
 * host has stopped calling. Still the given pair means the host never
 * replaced it with an FFA_RXTX_MAP of its own (spm_map_mailbox).
 */
void fw_rxtx_report(void)
{
	const struct spm_mailbox *m = NULL;

	if (!dt_mode)
		return;
	for (uint32_t e = 0; e < fw_spm->nr_endpoints; e++)
		if (fw_spm->endpoints[e].cfg.id == fw_host_id)
			m = &fw_spm->endpoints[e].mbox;
	if (!m || !m->pages)
		fw_printf("fw: dt-rxtx: at power-off the host has no pair\n");
	else if (m->given)
		fw_printf("fw: dt-rxtx: at power-off the host's pair is still "
			  "the given one (TX 0x%lx): no RXTX_MAP\n", m->tx);
	else
		fw_printf("fw: dt-rxtx: at power-off the host's pair is its "
			  "own (RXTX_MAP): TX 0x%lx, RX 0x%lx\n", m->tx, m->rx);
}
