// SPDX-License-Identifier: BSD-3-Clause
/*
 * Partition information, read and written by descriptor size. A manager
 * may hand back descriptors larger than the caller's version implies
 * (v1.3 adds fields), so readers step by the size reported and take only
 * the fields they know; numbers from the manager are checked before use.
 */
#include <ffa/partition.h>
#include <ffa/version.h>
#include <libffa/bytes.h>
#include <libffa/partinfo.h>
#include <libffa/status.h>

/* A sane upper bound on a descriptor (v1.3 uses 48). */
#define PARTINFO_DESC_MAX	256U

static bool version_is_1_0(uint32_t version)
{
	return FFA_VERSION_MINOR(version) == 0;
}

uint32_t ffa_partinfo_desc_size(uint32_t caller_version)
{
	if (version_is_1_0(caller_version))
		return sizeof(struct ffa_partition_info_v1_0);
	return sizeof(struct ffa_partition_info_v1_1);
}

int ffa_partinfo_iter_init(struct ffa_partinfo_iter *it, const void *buf,
			   size_t buf_size, uint32_t count, uint32_t desc_size,
			   uint32_t caller_version)
{
	uint32_t min = ffa_partinfo_desc_size(caller_version);
	uint64_t bytes;

	/* A v1.0 answer carries no size: its descriptors are 8 bytes. */
	if (desc_size == 0 && version_is_1_0(caller_version))
		desc_size = min;
	if (desc_size < min || desc_size > PARTINFO_DESC_MAX)
		return FFA_EPROTO;
	bytes = (uint64_t)count * desc_size;
	if (bytes > buf_size)
		return FFA_EPROTO;
	it->buf = buf;
	it->count = count;
	it->desc_size = desc_size;
	it->next = 0;
	return 0;
}

static void partinfo_read(const uint8_t *d, uint32_t desc_size,
			  struct ffa_partition *p)
{
	p->id = ffa_ld16(d + FFA_OFFSETOF(struct ffa_partition_info_v1_1, id));
	p->exec_ctx_count = ffa_ld16(d +
		FFA_OFFSETOF(struct ffa_partition_info_v1_1, exec_ctx_count));
	p->properties = ffa_ld32(d +
		FFA_OFFSETOF(struct ffa_partition_info_v1_1, properties));
	ffa_bytes_zero(&p->uuid, sizeof(p->uuid));
	if (desc_size >= sizeof(struct ffa_partition_info_v1_1))
		ffa_bytes_copy(p->uuid.b, d +
			FFA_OFFSETOF(struct ffa_partition_info_v1_1, uuid),
			sizeof(p->uuid.b));
}

bool ffa_partinfo_next(struct ffa_partinfo_iter *it, struct ffa_partition *p)
{
	if (it->next >= it->count)
		return false;
	partinfo_read(it->buf + (size_t)it->next * it->desc_size,
		      it->desc_size, p);
	it->next++;
	return true;
}

void ffa_partinfo_write(void *dst, const struct ffa_partition *p,
			uint32_t caller_version, bool with_uuid)
{
	uint8_t *d = dst;
	uint32_t props = p->properties;

	/* v1.0 defines only bits[2:0]; clear the rest for such callers. */
	if (version_is_1_0(caller_version))
		props &= FFA_PART_PROP_V1_0_MASK;
	ffa_bytes_zero(d, ffa_partinfo_desc_size(caller_version));
	ffa_st16(d + FFA_OFFSETOF(struct ffa_partition_info_v1_1, id), p->id);
	ffa_st16(d + FFA_OFFSETOF(struct ffa_partition_info_v1_1,
				  exec_ctx_count), p->exec_ctx_count);
	ffa_st32(d + FFA_OFFSETOF(struct ffa_partition_info_v1_1, properties),
		 props);
	if (!version_is_1_0(caller_version) && with_uuid)
		ffa_bytes_copy(d + FFA_OFFSETOF(struct ffa_partition_info_v1_1,
						uuid), p->uuid.b,
			       sizeof(p->uuid.b));
}

static uint16_t pigr_field(uint64_t x2, unsigned int shift)
{
	return (uint16_t)((x2 >> shift) & FFA_PIGR_FIELD_MASK);
}

int ffa_partinfo_regs_decode(const struct ffa_regs *r, uint16_t start,
			     struct ffa_partinfo_regs *out)
{
	uint64_t x2 = r->x[2];
	uint32_t regs_per_desc, n;

	out->last_index = pigr_field(x2, FFA_PIGR_LAST_SHIFT);
	out->current_index = pigr_field(x2, FFA_PIGR_CURRENT_SHIFT);
	out->tag = pigr_field(x2, FFA_PIGR_OUT_TAG_SHIFT);
	out->desc_size = pigr_field(x2, FFA_PIGR_DESC_SIZE_SHIFT);
	ffa_bytes_copy(out->x, &r->x[3], sizeof(out->x));

	if (out->desc_size < sizeof(struct ffa_partition_info_v1_1) ||
	    out->desc_size % 8 != 0)
		return FFA_EPROTO;
	regs_per_desc = out->desc_size / 8U;
	if (out->current_index < start ||
	    out->current_index > out->last_index)
		return FFA_EPROTO;
	n = (uint32_t)out->current_index - start + 1U;
	if ((uint64_t)n * regs_per_desc > 15U)
		return FFA_EPROTO;
	return 0;
}

uint32_t ffa_partinfo_regs_count(const struct ffa_partinfo_regs *pr,
				 uint16_t start)
{
	return (uint32_t)pr->current_index - start + 1U;
}

void ffa_partinfo_regs_entry(const struct ffa_partinfo_regs *pr, uint32_t i,
			     struct ffa_partition *p)
{
	const uint64_t *e = &pr->x[i * (pr->desc_size / 8U)];
	uint64_t uuid[2] = { e[1], e[2] };

	p->id = (uint16_t)e[0];
	p->exec_ctx_count = (uint16_t)(e[0] >> FFA_PIGR_EXEC_CTX_SHIFT);
	p->properties = (uint32_t)(e[0] >> FFA_PIGR_PROPS_SHIFT);
	ffa_uuid_from_x2(&p->uuid, uuid);
}

void ffa_partinfo_regs_pack(struct ffa_regs *r, uint32_t i,
			    const struct ffa_partition *p)
{
	uint64_t *e = &r->x[3 + i * FFA_PIGR_REGS_PER_DESC];
	uint64_t uuid[2];

	ffa_uuid_to_x2(&p->uuid, uuid);
	e[0] = (uint64_t)p->id |
	       ((uint64_t)p->exec_ctx_count << FFA_PIGR_EXEC_CTX_SHIFT) |
	       ((uint64_t)p->properties << FFA_PIGR_PROPS_SHIFT);
	e[1] = uuid[0];
	e[2] = uuid[1];
}
