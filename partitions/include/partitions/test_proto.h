/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The test partition's command protocol, carried in direct requests.
 *
 * Request:  args[0] = command, args[1..4] = its parameters.
 * Response: args[0] = status (0 or a negative FF-A error code, as a
 *           two's complement 64-bit value), args[1..4] = results.
 * The same words travel in DIRECT_REQ_32 (values must then fit 32 bits),
 * DIRECT_REQ_64 and, for ECHO, DIRECT_REQ2 (all 14 words echoed).
 */
#ifndef PARTITIONS_TEST_PROTO_H
#define PARTITIONS_TEST_PROTO_H

#include <ffa/types.h>

/* UUIDs (text form; see lib/include/libffa/uuid.h for the encodings). */
#define TP_UUID_TEST	"d1a7f2a0-54b4-4d3c-9b7e-5f3f0e1a2b01"
#define TP_UUID_ECHO	"e3c0b9f4-1d2a-4f51-8a6e-0c9d7b5a4e02"
#define TP_UUID_TWIN	"7a11f00d-c0de-4b1e-a5e5-0d1e2c3b4a03"

enum tp_cmd {
	/* args[1..4] come back unchanged. */
	TP_CMD_ECHO = 1,
	/* -> [1] FFA_ID_GET, [2] negotiated version, [3] FFA_SPM_ID_GET. */
	TP_CMD_WHOAMI = 2,
	/*
	 * Retrieve a handle and walk it. [1] handle, [2] owner ID,
	 * [3] tag, [4] TP_MEM_* flags | pattern byte << 8.
	 * -> [1] FNV-1a 64 checksum of the memory as retrieved (before any
	 * write), [2] pages, [3] constituents, [4] fragments of the response.
	 */
	TP_CMD_MEM_RETRIEVE = 3,
	/* Relinquish a handle retrieved earlier. [1] handle. */
	TP_CMD_MEM_RELINQUISH = 4,
	/*
	 * FFA_MEM_PERM_GET, then SET when [2] is not 0, then GET again, on
	 * the page at offset [1] of the partition's own memory.
	 * -> [1] permissions before, [2] after.
	 */
	TP_CMD_MEM_PERM = 5,
	/* FFA_NOTIFICATION_SET of bitmap [2] for receiver [1]. */
	TP_CMD_NOTIFY = 6,
	/* FFA_MSG_SEND2 to receiver [1] of the 8-byte payload [2]. */
	TP_CMD_SEND2 = 7,
	/* Misbehave in way [1] (enum tp_misbehave). -> [1], [2] statuses. */
	TP_CMD_MISBEHAVE = 8,
	/* FFA_NOTIFICATION_BIND of bitmap [2] from sender [1]. */
	TP_CMD_NOTIF_BIND = 9,
	/* FFA_NOTIFICATION_GET (all). -> [1] from SPs, [2] from VMs. */
	TP_CMD_NOTIF_GET = 10,
	/* Read and release the RX buffer (an indirect message). ->
	 * [1] sender, [2] first payload word, [3] payload size. */
	TP_CMD_READ_RX = 11,
	/* The status the last deferred misbehaviour got. -> [1]. */
	TP_CMD_LAST_STATUS = 12,
};

/* TP_CMD_MEM_RETRIEVE flags (args[4] bits[7:0]). */
#define TP_MEM_WRITE		0x1U	/* fill every page with pattern */
#define TP_MEM_RELINQUISH	0x2U	/* relinquish when done */
#define TP_MEM_NO_TOUCH		0x4U	/* do not read the memory */
/* Name only ourselves in the request (v1.2 bypass flag): a share with
 * several borrowers otherwise wants them all listed. */
#define TP_MEM_BYPASS		0x8U

enum tp_misbehave {
	/* Answer a requester other than the one waiting: INVALID. */
	TP_BAD_RESP_WRONG_REQUESTER = 1,
	/* MSG_WAIT while serving this request: DENIED. */
	TP_BAD_WAIT_IN_REQUEST = 2,
	/* Retrieve handle [2] (owner [3]) twice: [1] 0, [2] DENIED. */
	TP_BAD_RETRIEVE_TWICE = 3,
	/* A direct request claiming another sender: INVALID. */
	TP_BAD_SPOOF_SENDER = 4,
	/*
	 * Answer this request, and answer again the next time the
	 * partition is given cycles with FFA_RUN, when no request is
	 * pending: DENIED, reported by TP_CMD_LAST_STATUS.
	 */
	TP_BAD_RESPOND_TWICE = 5,
};

/* The checksum TP_CMD_MEM_RETRIEVE reports: FNV-1a 64 over the bytes. */
#define TP_FNV_OFFSET	0xcbf29ce484222325ULL
#define TP_FNV_PRIME	0x100000001b3ULL

static inline uint64_t tp_fnv(uint64_t h, const uint8_t *p, uint64_t n)
{
	uint64_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * TP_FNV_PRIME;
	return h;
}

#endif /* PARTITIONS_TEST_PROTO_H */
