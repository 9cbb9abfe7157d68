// SPDX-License-Identifier: BSD-3-Clause
/*
 * Setup and discovery ABIs of an endpoint (ffa-abi.md 2.2, 4, 5, 13.2).
 * Every call starts from a zeroed register set, so registers an ABI does
 * not define (x8-x17 included) reach the callee as zero, as v1.2 wants.
 */
#include <ffa/ffa.h>
#include <libffa/client.h>
#include <libffa/partinfo.h>

/* The largest value an SMC32 argument register can carry. */
#define W_MAX	0xffffffffULL

/* Call fid with one argument in x1 and decode the plain completion. */
static int call_x1(const struct ffa_conduit *c, uint32_t fid, uint64_t x1,
		   struct ffa_regs *r)
{
	ffa_regs_init(r, fid);
	r->x[1] = x1;
	return ffa_call_status(c, r);
}

int ffa_version(const struct ffa_conduit *c, uint32_t requested,
		uint32_t *version)
{
	struct ffa_regs r;
	uint32_t w0;

	if (requested & FFA_VERSION_MBZ)
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_init(&r, FFA_VERSION);
	r.x[1] = requested;
	ffa_call(c, &r);
	/* The one ABI answering with a raw value, not SUCCESS/ERROR. */
	w0 = (uint32_t)r.x[0];
	if (w0 == FFA_VERSION_NOT_SUPPORTED)
		return FFA_RET_NOT_SUPPORTED;
	if (w0 & FFA_VERSION_MBZ)
		return FFA_EPROTO;
	*version = w0;
	return 0;
}

int ffa_features(const struct ffa_conduit *c, uint32_t id, uint32_t props,
		 struct ffa_features *out)
{
	struct ffa_regs r;
	int rc;

	ffa_regs_init(&r, FFA_FEATURES);
	r.x[1] = id;
	r.x[2] = props;
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	out->w2 = (uint32_t)r.x[2];
	out->w3 = (uint32_t)r.x[3];
	return 0;
}

/* FFA_ID_GET and FFA_SPM_ID_GET: the ID is in w2[15:0]. */
static int get_id(const struct ffa_conduit *c, uint32_t fid, uint16_t *id)
{
	struct ffa_regs r;
	int rc = call_x1(c, fid, 0, &r);

	if (rc)
		return rc;
	*id = (uint16_t)r.x[2];
	return 0;
}

int ffa_id_get(const struct ffa_conduit *c, uint16_t *id)
{
	return get_id(c, FFA_ID_GET, id);
}

int ffa_spm_id_get(const struct ffa_conduit *c, uint16_t *id)
{
	return get_id(c, FFA_SPM_ID_GET, id);
}

int ffa_rxtx_map(const struct ffa_conduit *c, uint64_t tx, uint64_t rx,
		 uint32_t pages, bool smc64)
{
	struct ffa_regs r;

	/* w3[5:0] holds the count; 0 pages is no buffer at all. */
	if (pages == 0 || pages > FFA_RXTX_MAX_PAGES)
		return FFA_RET_INVALID_PARAMETERS;
	/* Truncating an address would map the wrong pages: refuse. */
	if (!smc64 && (tx > W_MAX || rx > W_MAX))
		return FFA_RET_INVALID_PARAMETERS;
	ffa_regs_init(&r, smc64 ? FFA_RXTX_MAP_64 : FFA_RXTX_MAP_32);
	r.x[1] = tx;
	r.x[2] = rx;
	r.x[3] = pages;
	return ffa_call_status(c, &r);
}

int ffa_rxtx_unmap(const struct ffa_conduit *c, uint16_t id)
{
	struct ffa_regs r;

	return call_x1(c, FFA_RXTX_UNMAP, FFA_RXTX_UNMAP_W1(id), &r);
}

int ffa_rx_release(const struct ffa_conduit *c, uint16_t vm_id)
{
	struct ffa_regs r;

	return call_x1(c, FFA_RX_RELEASE, vm_id, &r);
}

int ffa_rx_acquire(const struct ffa_conduit *c, uint16_t vm_id)
{
	struct ffa_regs r;

	return call_x1(c, FFA_RX_ACQUIRE, vm_id, &r);
}

int ffa_partition_info_get(const struct ffa_conduit *c,
			   const struct ffa_uuid *uuid, uint32_t flags,
			   struct ffa_partinfo_count *out)
{
	uint32_t w[4] = { 0, 0, 0, 0 };
	struct ffa_regs r;
	unsigned int i;
	int rc;

	if (uuid)
		ffa_uuid_to_w4(uuid, w);
	ffa_regs_init(&r, FFA_PARTITION_INFO_GET);
	for (i = 0; i < 4; i++)
		r.x[1 + i] = w[i];
	r.x[5] = flags;
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	/* Checked against the RX buffer by ffa_partinfo_iter_init(). */
	out->count = (uint32_t)r.x[2];
	out->desc_size = (uint32_t)r.x[3];
	return 0;
}

int ffa_partition_info_get_regs(const struct ffa_conduit *c,
				const struct ffa_uuid *uuid, uint16_t start,
				uint16_t tag, struct ffa_partinfo_regs *out)
{
	struct ffa_regs r;
	int rc;

	ffa_regs_init(&r, FFA_PARTITION_INFO_GET_REGS);
	if (uuid)
		ffa_uuid_to_x2(uuid, &r.x[1]);
	r.x[3] = ((uint64_t)start << FFA_PIGR_START_SHIFT) |
		 ((uint64_t)tag << FFA_PIGR_TAG_SHIFT);
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	/*
	 * An FFA_SUCCESS_32 answer has lost x2[63:32] and x8-x17 in
	 * ffa_call(), so its descriptor size reads 0 and decoding refuses it.
	 */
	return ffa_partinfo_regs_decode(&r, start, out);
}

int ffa_secondary_ep_register(const struct ffa_conduit *c, uint64_t entry)
{
	struct ffa_regs r;

	return call_x1(c, FFA_SECONDARY_EP_REGISTER_64, entry, &r);
}

/* Characters one FFA_CONSOLE_LOG call carries for this form and version. */
static size_t console_log_max(uint32_t version, bool smc64)
{
	if (!smc64)
		return FFA_CONSOLE_LOG_MAX_32;
	if (version < FFA_VERSION_1_2)
		return FFA_CONSOLE_LOG_MAX_64_V1_1;
	return FFA_CONSOLE_LOG_MAX_64;
}

/* One call: n characters packed little-endian from bits[7:0] of x2. */
static int console_log_chunk(const struct ffa_conduit *c, bool smc64,
			     const char *s, size_t n)
{
	unsigned int per_reg = smc64 ? 8 : 4;
	struct ffa_regs r;
	size_t i;

	ffa_regs_init(&r, smc64 ? FFA_CONSOLE_LOG_64 : FFA_CONSOLE_LOG_32);
	r.x[1] = n;
	for (i = 0; i < n; i++)
		r.x[2 + i / per_reg] |= (uint64_t)(uint8_t)s[i] <<
					(8 * (i % per_reg));
	return ffa_call_status(c, &r);
}

int ffa_console_log(const struct ffa_conduit *c, uint32_t version,
		    bool smc64, const char *s, size_t len)
{
	size_t max = console_log_max(version, smc64);
	size_t n;
	int rc;

	/* Each round consumes at least one character, so this ends. */
	while (len > 0) {
		n = len < max ? len : max;
		rc = console_log_chunk(c, smc64, s, n);
		if (rc)
			return rc;
		s += n;
		len -= n;
	}
	return 0;
}
