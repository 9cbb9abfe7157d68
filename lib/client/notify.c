// SPDX-License-Identifier: BSD-3-Clause
/*
 * Notification ABIs of an endpoint and of the scheduler (ffa-abi.md 11).
 * 64-bit bitmaps travel as two 32-bit halves, low half first.
 */
#include <ffa/ffa.h>
#include <libffa/bytes.h>
#include <libffa/client.h>

/* What one form of FFA_NOTIFICATION_INFO_GET's answer can hold. */
struct info_form {
	bool wide;			/* 64-bit registers */
	unsigned int ids_per_reg;	/* 16-bit IDs in each of x3..x7 */
	unsigned int max_ids;
	unsigned int max_lists;
};

static const struct info_form info_form_64 = {
	true, 4, FFA_NOTIF_INFO_MAX_IDS_64, FFA_NOTIF_INFO_MAX_LISTS_64,
};
static const struct info_form info_form_32 = {
	false, 2, FFA_NOTIF_INFO_MAX_IDS_32, FFA_NOTIF_INFO_MAX_LISTS_32,
};

int ffa_notification_bitmap_create(const struct ffa_conduit *c,
				   uint16_t vm_id, uint32_t vcpu_count)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_NOTIFICATION_BITMAP_CREATE);
	r.x[1] = vm_id;
	r.x[2] = vcpu_count;
	return ffa_call_status(c, &r);
}

int ffa_notification_bitmap_destroy(const struct ffa_conduit *c,
				    uint16_t vm_id)
{
	struct ffa_regs r;

	ffa_regs_init(&r, FFA_NOTIFICATION_BITMAP_DESTROY);
	r.x[1] = vm_id;
	return ffa_call_status(c, &r);
}

/* BIND, UNBIND and SET: sender|receiver in w1, flags w2, bitmap w3/w4. */
static int bitmap_call(const struct ffa_conduit *c, uint32_t fid,
		       uint16_t sender, uint16_t receiver, uint32_t flags,
		       uint64_t bitmap)
{
	struct ffa_regs r;

	ffa_regs_init(&r, fid);
	r.x[1] = FFA_SENDER_RECEIVER(sender, receiver);
	r.x[2] = flags;
	r.x[3] = (uint32_t)bitmap;
	r.x[4] = (uint32_t)(bitmap >> 32);
	return ffa_call_status(c, &r);
}

int ffa_notification_bind(const struct ffa_conduit *c, uint16_t sender,
			  uint16_t receiver, uint32_t flags, uint64_t bitmap)
{
	return bitmap_call(c, FFA_NOTIFICATION_BIND, sender, receiver, flags,
			   bitmap);
}

int ffa_notification_unbind(const struct ffa_conduit *c, uint16_t sender,
			    uint16_t receiver, uint64_t bitmap)
{
	return bitmap_call(c, FFA_NOTIFICATION_UNBIND, sender, receiver, 0,
			   bitmap);
}

int ffa_notification_set(const struct ffa_conduit *c, uint16_t sender,
			 uint16_t receiver, uint32_t flags, uint64_t bitmap)
{
	return bitmap_call(c, FFA_NOTIFICATION_SET, sender, receiver, flags,
			   bitmap);
}

static uint64_t halves(uint64_t lo, uint64_t hi)
{
	return (uint64_t)(uint32_t)lo | ((uint64_t)(uint32_t)hi << 32);
}

int ffa_notification_get(const struct ffa_conduit *c, uint16_t receiver,
			 uint16_t vcpu, uint32_t flags,
			 struct ffa_notif_bitmaps *out)
{
	struct ffa_regs r;
	int rc;

	ffa_regs_init(&r, FFA_NOTIFICATION_GET);
	r.x[1] = FFA_NOTIF_GET_W1(vcpu, receiver);
	r.x[2] = flags;
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	out->from_sp = halves(r.x[2], r.x[3]);
	out->from_vm = halves(r.x[4], r.x[5]);
	out->spm_fw = (uint32_t)r.x[6];
	out->hyp_fw = (uint32_t)r.x[7];
	return 0;
}

/* The k-th 16-bit ID of the array packed from x3 bit 0 upward. */
static uint16_t info_id(const struct ffa_regs *r, const struct info_form *f,
			unsigned int k)
{
	uint64_t reg = r->x[3 + k / f->ids_per_reg];

	return (uint16_t)(reg >> (16 * (k % f->ids_per_reg)));
}

/* vCPU ID count of list i, two bits each from x2 bit 12. */
static unsigned int info_list_vcpus(uint64_t x2, unsigned int i)
{
	unsigned int shift = FFA_NOTIF_INFO_LIST_SHIFT +
			     FFA_NOTIF_INFO_LIST_BITS * i;

	return (x2 >> shift) & FFA_NOTIF_INFO_LIST_MASK;
}

/*
 * Decode the lists, refusing counts the registers cannot back (bad input
 * 38): every list takes one endpoint ID plus its vCPU IDs.
 */
static int info_decode(const struct ffa_regs *r, const struct info_form *f,
		       struct ffa_notif_info *out)
{
	uint64_t x2 = f->wide ? r->x[2] : (uint32_t)r->x[2];
	unsigned int nr_lists = (x2 >> FFA_NOTIF_INFO_LISTS_SHIFT) &
				FFA_NOTIF_INFO_LISTS_MASK;
	unsigned int i, j, next = 0;
	struct ffa_notif_info_list *l;

	if (nr_lists > f->max_lists)
		return FFA_EPROTO;
	ffa_bytes_zero(out, sizeof(*out));
	out->more_pending = (x2 & FFA_NOTIF_INFO_MORE_PENDING) != 0;
	out->nr_lists = nr_lists;
	for (i = 0; i < nr_lists; i++) {
		l = &out->lists[i];
		l->nr_vcpus = (uint8_t)info_list_vcpus(x2, i);
		if (next + 1 + l->nr_vcpus > f->max_ids)
			return FFA_EPROTO;
		l->id = info_id(r, f, next++);
		for (j = 0; j < l->nr_vcpus; j++)
			l->vcpus[j] = info_id(r, f, next++);
	}
	return 0;
}

int ffa_notification_info_get(const struct ffa_conduit *c, bool smc64,
			      struct ffa_notif_info *out)
{
	struct ffa_notif_info info;
	const struct info_form *f;
	struct ffa_regs r;
	int rc;

	ffa_regs_init(&r, smc64 ? FFA_NOTIFICATION_INFO_GET_64 :
		      FFA_NOTIFICATION_INFO_GET_32);
	rc = ffa_call_status(c, &r);
	if (rc)
		return rc;
	/* Either success form is accepted; a 32-bit one carries w3-w7. */
	f = smc64 && (uint32_t)r.x[0] == FFA_SUCCESS_64 ?
	    &info_form_64 : &info_form_32;
	rc = info_decode(&r, f, &info);
	if (rc)
		return rc;
	*out = info;
	return 0;
}
