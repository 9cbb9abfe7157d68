/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The endpoint (client) API: one function per FF-A ABI an endpoint calls.
 *
 * Every function returns 0 on success, the negative FF-A error code the
 * callee answered with, or FFA_EPROTO when the answer broke the ABI.
 * Results come back through typed out-parameters. Calls that give away
 * CPU cycles (MSG_WAIT, RUN, YIELD, direct messages) return the event that
 * ended them; the status is then ffa_event_status(ev).
 *
 * IDs travel in different register halves per ABI (see include/ffa/ids.h);
 * callers pass plain IDs and this layer places them.
 */
#ifndef LIBFFA_CLIENT_H
#define LIBFFA_CLIENT_H

#include <ffa/ffa.h>
#include "event.h"
#include "regs.h"
#include "status.h"
#include "uuid.h"

/* ---- setup and discovery (client/setup.c) ---- */

/* FFA_VERSION: *version = the callee's version. NOT_SUPPORTED on -1. */
int ffa_version(const struct ffa_conduit *c, uint32_t requested,
		uint32_t *version);

struct ffa_features {
	uint32_t w2;	/* properties or INTID */
	uint32_t w3;
};
/* FFA_FEATURES for a function ID (bit 31 set) or a feature ID. */
int ffa_features(const struct ffa_conduit *c, uint32_t id, uint32_t props,
		 struct ffa_features *out);

int ffa_id_get(const struct ffa_conduit *c, uint16_t *id);
int ffa_spm_id_get(const struct ffa_conduit *c, uint16_t *id);

/*
 * FFA_RXTX_MAP_32/_64: pages is the size of each buffer in 4 KiB pages.
 * 0 or more than 63 pages, or an address above 4 GiB for the _32 form,
 * is INVALID_PARAMETERS without a call.
 */
int ffa_rxtx_map(const struct ffa_conduit *c, uint64_t tx, uint64_t rx,
		 uint32_t pages, bool smc64);
/* FFA_RXTX_UNMAP: id is placed in w1[31:16] (0 at a virtual instance). */
int ffa_rxtx_unmap(const struct ffa_conduit *c, uint16_t id);
/* FFA_RX_RELEASE / FFA_RX_ACQUIRE: vm_id in w1[15:0]. */
int ffa_rx_release(const struct ffa_conduit *c, uint16_t vm_id);
int ffa_rx_acquire(const struct ffa_conduit *c, uint16_t vm_id);

struct ffa_partinfo_count {
	uint32_t count;
	uint32_t desc_size;	/* 0 for count-only and v1.0 answers */
};
/* FFA_PARTITION_INFO_GET; uuid may be NULL for Nil. Fills the RX buffer. */
int ffa_partition_info_get(const struct ffa_conduit *c,
			   const struct ffa_uuid *uuid, uint32_t flags,
			   struct ffa_partinfo_count *out);
/* FFA_PARTITION_INFO_GET_REGS: decode with libffa/partinfo.h. */
struct ffa_partinfo_regs;
int ffa_partition_info_get_regs(const struct ffa_conduit *c,
				const struct ffa_uuid *uuid, uint16_t start,
				uint16_t tag, struct ffa_partinfo_regs *out);

/* FFA_SECONDARY_EP_REGISTER_64. */
int ffa_secondary_ep_register(const struct ffa_conduit *c, uint64_t entry);

/*
 * FFA_CONSOLE_LOG: writes all len characters, in as many calls as the
 * register width allows for the caller's version (24, 48 or 128 each).
 */
int ffa_console_log(const struct ffa_conduit *c, uint32_t version,
		    bool smc64, const char *s, size_t len);

/* ---- CPU cycles and direct messaging (client/msg.c) ---- */

int ffa_msg_wait(const struct ffa_conduit *c, uint32_t flags,
		 struct ffa_event *ev);
int ffa_run(const struct ffa_conduit *c, uint16_t id, uint16_t vcpu,
	    struct ffa_event *ev);
int ffa_yield(const struct ffa_conduit *c, uint64_t timeout,
	      struct ffa_event *ev);
/*
 * The _32 forms carry 32-bit payload words: a word with upper bits set is
 * INVALID_PARAMETERS without a call (truncating would change the message).
 */
int ffa_direct_req(const struct ffa_conduit *c,
		   const struct ffa_direct_msg *m, bool smc64,
		   struct ffa_event *ev);
/* A response also waits for the next message, which lands in *ev. */
int ffa_direct_resp(const struct ffa_conduit *c,
		    const struct ffa_direct_msg *m, bool smc64,
		    struct ffa_event *ev);
/*
 * Answer the DIRECT_REQ or REQ2 that ev holds (as decoded) with its own
 * registers: the payload is ev->regs.x[3..7] (x[4..17] for REQ2) as it
 * stands, so a partition that changes a word changes it there, and one
 * that echoes changes nothing. Like ffa_direct_resp(), it waits for the
 * next message, decoded into ev in place (ffa_event_decode_next). ev not
 * a request, or a _32 payload word with upper bits set:
 * INVALID_PARAMETERS without a call, ev unchanged.
 */
int ffa_direct_answer(const struct ffa_conduit *c, struct ffa_event *ev);
/*
 * The same on registers, for a server that works on them in place: r
 * holds a DIRECT_REQ_32/64 or REQ2 as it arrived, its payload as the
 * caller left it; answered, r holds the next event's registers as they
 * arrived (sanitized like ffa_call()'s result, not decoded:
 * ffa_regs_is_direct_req() tells whether it is another request). r not
 * a request, or a _32 payload word with upper bits set:
 * INVALID_PARAMETERS without a call, r unchanged.
 */
int ffa_direct_answer_regs(const struct ffa_conduit *c, struct ffa_regs *r);

/* True when r holds a DIRECT_REQ_32/64 or REQ2 (by its function ID). */
static inline bool ffa_regs_is_direct_req(const struct ffa_regs *r)
{
	uint32_t fid = (uint32_t)r->x[0];

	return fid == FFA_MSG_SEND_DIRECT_REQ_64 ||
	       fid == FFA_MSG_SEND_DIRECT_REQ_32 ||
	       fid == FFA_MSG_SEND_DIRECT_REQ2;
}
int ffa_direct_req2(const struct ffa_conduit *c,
		    const struct ffa_direct_msg2 *m, struct ffa_event *ev);
int ffa_direct_resp2(const struct ffa_conduit *c,
		     const struct ffa_direct_msg2 *m, struct ffa_event *ev);

/* ---- indirect messaging (client/msg.c) ---- */

struct ffa_send2 {
	uint16_t sender;
	uint16_t receiver;
	struct ffa_uuid uuid;	/* v1.2 header only */
	const void *payload;
	uint32_t size;
};
/*
 * Write the partition message header (20 or 40 bytes, by version) and the
 * payload into a TX buffer. INVALID_PARAMETERS when it does not fit.
 */
int ffa_msg_send2_compose(void *tx, size_t tx_size, uint32_t version,
			  const struct ffa_send2 *m);
/*
 * The largest payload ffa_msg_send2_compose() fits in tx_size bytes for
 * version (the header and payload stay within FF-A's one 4 KiB page); 0
 * before v1.1, or when not even the header fits.
 */
uint32_t ffa_msg_send2_max_payload(size_t tx_size, uint32_t version);
/* FFA_MSG_SEND2: sender_vm is 0 unless a hypervisor forwards. */
int ffa_msg_send2(const struct ffa_conduit *c, uint16_t sender_vm,
		  uint32_t flags);

/* ---- memory management (client/mem.c) ---- */

enum ffa_mem_xfer_state {
	FFA_XFER_DONE,		/* FFA_SUCCESS: .handle */
	FFA_XFER_MORE,		/* FFA_MEM_FRAG_RX: send from .offset */
	FFA_XFER_PAUSED,	/* FFA_MEM_OP_PAUSE: resume .handle */
};

struct ffa_mem_xfer {
	enum ffa_mem_xfer_state state;
	uint64_t handle;
	uint32_t offset;	/* bytes received so far (MORE) */
	uint16_t sender_id;	/* w4[31:16] of FRAG_RX */
};

/*
 * FFA_MEM_SHARE/LEND/DONATE: fid is one of the six function IDs; the
 * descriptor is in the TX buffer (no caller-allocated buffer).
 */
int ffa_mem_send(const struct ffa_conduit *c, uint32_t fid,
		 uint32_t total_len, uint32_t frag_len,
		 struct ffa_mem_xfer *out);
int ffa_mem_frag_tx(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t frag_len, uint16_t sender_id,
		    struct ffa_mem_xfer *out);
int ffa_mem_op_resume(const struct ffa_conduit *c, uint64_t handle,
		      struct ffa_mem_xfer *out);

/* Range i of a transaction being sent: its address and 4 KiB pages. */
typedef void (*ffa_range_source)(void *ctx, uint32_t i, uint64_t *addr,
				 uint32_t *pages);
struct ffa_mtd_spec;
/*
 * Build and send a whole transaction (lib/client/mem_stream.c): the
 * descriptor of spec, with spec->nr_ranges constituents taken from src,
 * streamed through the TX buffer [tx, tx + tx_size) fragment by fragment
 * (MEM_SHARE/LEND/DONATE = fid, then FRAG_TX). *handle on success. A
 * relayer that asks for another offset than what was sent, answers with
 * another handle or pauses is FFA_EPROTO.
 */
int ffa_mem_send_stream(const struct ffa_conduit *c, uint32_t fid,
			void *tx, uint32_t tx_size,
			const struct ffa_mtd_spec *spec, ffa_range_source src,
			void *ctx, uint64_t *handle);

struct ffa_mem_retrieved {
	uint32_t total_len;	/* whole response; 0 from FRAG_RX */
	uint32_t frag_len;	/* bytes now in the RX buffer */
	uint64_t handle;	/* FRAG_TX continuation only */
	uint16_t sender_id;	/* FRAG_TX continuation only */
};
int ffa_mem_retrieve_req(const struct ffa_conduit *c, uint32_t total_len,
			 uint32_t frag_len, bool smc64,
			 struct ffa_mem_retrieved *out);
/* FFA_MEM_FRAG_RX: ask for the next fragment of a retrieve response. */
int ffa_mem_frag_rx(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t offset, uint16_t endpoint_id,
		    struct ffa_mem_retrieved *out);
/*
 * The borrower's side of a retrieve, of any size
 * (lib/client/mem_retrieve_stream.c): build the request for hdr and
 * access in TX, send it, then walk the response in RX fragment by
 * fragment (FFA_RX_RELEASE, FFA_MEM_FRAG_RX), calling sink once per
 * constituent, in order, each checked against addr_limit. A non-zero
 * return from sink stops the walk and is returned. *out gets the
 * response's fixed part and how many fragments it came in. RX is
 * released at the end whatever happened.
 * A relayer whose numbers do not add up (offsets, lengths, handle, the
 * composite's counts) is FFA_EPROTO.
 */
struct ffa_mem_header;
struct ffa_mem_access;
struct ffa_mem_range;
struct ffa_mem_retrieve_out;
typedef int (*ffa_range_sink)(void *ctx, const struct ffa_mem_range *r);
struct ffa_mem_retrieve_io {
	const struct ffa_conduit *c;
	uint32_t version;		/* negotiated: the layouts used */
	void *tx;
	uint32_t tx_size;
	const uint8_t *rx;
	uint32_t rx_size;
	uint64_t addr_limit;		/* e.g. FFA_MEM_ADDR_LIMIT */
};
int ffa_mem_retrieve_stream(const struct ffa_mem_retrieve_io *io,
			    const struct ffa_mem_header *hdr,
			    const struct ffa_mem_access *access,
			    uint32_t nr_access, ffa_range_sink sink, void *ctx,
			    struct ffa_mem_retrieve_out *out);
/* FFA_MEM_RELINQUISH: the relinquish descriptor is in TX. */
int ffa_mem_relinquish(const struct ffa_conduit *c);
int ffa_mem_reclaim(const struct ffa_conduit *c, uint64_t handle,
		    uint32_t flags);
int ffa_mem_perm_get(const struct ffa_conduit *c, uint64_t va, bool smc64,
		     uint32_t *perms);
int ffa_mem_perm_set(const struct ffa_conduit *c, uint64_t va,
		     uint32_t pages, uint32_t perms, bool smc64);

/* ---- notifications (client/notify.c) ---- */

int ffa_notification_bitmap_create(const struct ffa_conduit *c,
				   uint16_t vm_id, uint32_t vcpu_count);
int ffa_notification_bitmap_destroy(const struct ffa_conduit *c,
				    uint16_t vm_id);
int ffa_notification_bind(const struct ffa_conduit *c, uint16_t sender,
			  uint16_t receiver, uint32_t flags, uint64_t bitmap);
int ffa_notification_unbind(const struct ffa_conduit *c, uint16_t sender,
			    uint16_t receiver, uint64_t bitmap);
/* flags carry the per-vCPU bit, the delay-SRI bit and the vCPU field. */
int ffa_notification_set(const struct ffa_conduit *c, uint16_t sender,
			 uint16_t receiver, uint32_t flags, uint64_t bitmap);

struct ffa_notif_bitmaps {
	uint64_t from_sp;
	uint64_t from_vm;
	uint32_t spm_fw;
	uint32_t hyp_fw;
};
int ffa_notification_get(const struct ffa_conduit *c, uint16_t receiver,
			 uint16_t vcpu, uint32_t flags,
			 struct ffa_notif_bitmaps *out);

/* One list of FFA_NOTIFICATION_INFO_GET: an endpoint and 0-3 vCPUs. */
struct ffa_notif_info_list {
	uint16_t id;
	uint8_t nr_vcpus;
	uint16_t vcpus[3];
};
struct ffa_notif_info {
	bool more_pending;
	uint32_t nr_lists;
	struct ffa_notif_info_list lists[FFA_NOTIF_INFO_MAX_LISTS_64];
};
/*
 * FFA_NOTIFICATION_INFO_GET_32/_64. The list counts and the IDs they name
 * are checked against what the registers can hold (FFA_EPROTO if not).
 */
int ffa_notification_info_get(const struct ffa_conduit *c, bool smc64,
			      struct ffa_notif_info *out);

#endif /* LIBFFA_CLIENT_H */
