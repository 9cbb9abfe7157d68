// SPDX-License-Identifier: BSD-3-Clause
/*
 * include/ffa against ffa-abi.md: every function ID, error code, version
 * and bit position written out as the literal the reference gives. The
 * layout sizes and offsets are checked at compile time in the headers;
 * here the same facts are checked again from literals, so that a wrong
 * FFA_CHECK_OFFSET in a header cannot hide a wrong layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ffa/ffa.h>

struct fid_row {
	const char *name;
	uint32_t value;
	uint32_t expected;
};

#define ROW(name, lit) { #name, name, lit }

/* ffa-abi.md section 2.1, row by row. */
static const struct fid_row fids[] = {
	ROW(FFA_ERROR, 0x84000060),
	ROW(FFA_SUCCESS_32, 0x84000061),
	ROW(FFA_SUCCESS_64, 0xC4000061),
	ROW(FFA_INTERRUPT, 0x84000062),
	ROW(FFA_VERSION, 0x84000063),
	ROW(FFA_FEATURES, 0x84000064),
	ROW(FFA_RX_RELEASE, 0x84000065),
	ROW(FFA_RXTX_MAP_32, 0x84000066),
	ROW(FFA_RXTX_MAP_64, 0xC4000066),
	ROW(FFA_RXTX_UNMAP, 0x84000067),
	ROW(FFA_PARTITION_INFO_GET, 0x84000068),
	ROW(FFA_ID_GET, 0x84000069),
	ROW(FFA_MSG_POLL, 0x8400006A),
	ROW(FFA_MSG_WAIT, 0x8400006B),
	ROW(FFA_YIELD, 0x8400006C),
	ROW(FFA_RUN, 0x8400006D),
	ROW(FFA_MSG_SEND, 0x8400006E),
	ROW(FFA_MSG_SEND_DIRECT_REQ_32, 0x8400006F),
	ROW(FFA_MSG_SEND_DIRECT_REQ_64, 0xC400006F),
	ROW(FFA_MSG_SEND_DIRECT_RESP_32, 0x84000070),
	ROW(FFA_MSG_SEND_DIRECT_RESP_64, 0xC4000070),
	ROW(FFA_MEM_DONATE_32, 0x84000071),
	ROW(FFA_MEM_DONATE_64, 0xC4000071),
	ROW(FFA_MEM_LEND_32, 0x84000072),
	ROW(FFA_MEM_LEND_64, 0xC4000072),
	ROW(FFA_MEM_SHARE_32, 0x84000073),
	ROW(FFA_MEM_SHARE_64, 0xC4000073),
	ROW(FFA_MEM_RETRIEVE_REQ_32, 0x84000074),
	ROW(FFA_MEM_RETRIEVE_REQ_64, 0xC4000074),
	ROW(FFA_MEM_RETRIEVE_RESP, 0x84000075),
	ROW(FFA_MEM_RELINQUISH, 0x84000076),
	ROW(FFA_MEM_RECLAIM, 0x84000077),
	ROW(FFA_MEM_OP_PAUSE, 0x84000078),
	ROW(FFA_MEM_OP_RESUME, 0x84000079),
	ROW(FFA_MEM_FRAG_RX, 0x8400007A),
	ROW(FFA_MEM_FRAG_TX, 0x8400007B),
	ROW(FFA_NORMAL_WORLD_RESUME, 0x8400007C),
	ROW(FFA_NOTIFICATION_BITMAP_CREATE, 0x8400007D),
	ROW(FFA_NOTIFICATION_BITMAP_DESTROY, 0x8400007E),
	ROW(FFA_NOTIFICATION_BIND, 0x8400007F),
	ROW(FFA_NOTIFICATION_UNBIND, 0x84000080),
	ROW(FFA_NOTIFICATION_SET, 0x84000081),
	ROW(FFA_NOTIFICATION_GET, 0x84000082),
	ROW(FFA_NOTIFICATION_INFO_GET_32, 0x84000083),
	ROW(FFA_NOTIFICATION_INFO_GET_64, 0xC4000083),
	ROW(FFA_RX_ACQUIRE, 0x84000084),
	ROW(FFA_SPM_ID_GET, 0x84000085),
	ROW(FFA_MSG_SEND2, 0x84000086),
	ROW(FFA_SECONDARY_EP_REGISTER_32, 0x84000087),
	ROW(FFA_SECONDARY_EP_REGISTER_64, 0xC4000087),
	ROW(FFA_MEM_PERM_GET_32, 0x84000088),
	ROW(FFA_MEM_PERM_GET_64, 0xC4000088),
	ROW(FFA_MEM_PERM_SET_32, 0x84000089),
	ROW(FFA_MEM_PERM_SET_64, 0xC4000089),
	ROW(FFA_CONSOLE_LOG_32, 0x8400008A),
	ROW(FFA_CONSOLE_LOG_64, 0xC400008A),
	ROW(FFA_PARTITION_INFO_GET_REGS, 0xC400008B),
	ROW(FFA_EL3_INTR_HANDLE, 0x8400008C),
	ROW(FFA_MSG_SEND_DIRECT_REQ2, 0xC400008D),
	ROW(FFA_MSG_SEND_DIRECT_RESP2, 0xC400008E),
};

static void test_function_ids(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		if (fids[i].value != fids[i].expected)
			fail_msg("%s = 0x%08x, ffa-abi.md says 0x%08x",
				 fids[i].name, fids[i].value,
				 fids[i].expected);
	}
	assert_int_equal(sizeof(fids) / sizeof(fids[0]), 60);
}

/* SMCCC fields of a function ID (ffa-abi.md 1.1). */
static void test_fid_fields(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint32_t f = fids[i].value;

		assert_true(f & SMCCC_FAST_CALL);
		assert_int_equal((f >> SMCCC_OEN_SHIFT) & SMCCC_OEN_MASK, 4);
		assert_int_equal(f & SMCCC_MBZ_MASK, 0);
		assert_true(FFA_FID_NUM(f) >= 0x60 && FFA_FID_NUM(f) <= 0x8E);
	}
	assert_true(FFA_FID_IS_64(0xC4000073));
	assert_false(FFA_FID_IS_64(0x84000073));
	assert_int_equal(SMCCC_VERSION_FID, 0x80000000);
	assert_int_equal(SMCCC_VERSION_1_2, 0x10002);
}

static void test_error_codes(void **state)
{
	(void)state;
	assert_int_equal(FFA_RET_NOT_SUPPORTED, -1);
	assert_int_equal(FFA_RET_INVALID_PARAMETERS, -2);
	assert_int_equal(FFA_RET_NO_MEMORY, -3);
	assert_int_equal(FFA_RET_BUSY, -4);
	assert_int_equal(FFA_RET_INTERRUPTED, -5);
	assert_int_equal(FFA_RET_DENIED, -6);
	assert_int_equal(FFA_RET_RETRY, -7);
	assert_int_equal(FFA_RET_ABORTED, -8);
	assert_int_equal(FFA_RET_NO_DATA, -9);
	assert_int_equal(FFA_RET_NOT_READY, -10);
	/* As a zero-extended w2 they read back like this. */
	assert_int_equal((uint32_t)FFA_RET_INVALID_PARAMETERS, 0xFFFFFFFE);
}

static void test_versions(void **state)
{
	(void)state;
	assert_int_equal(FFA_VERSION_1_0, 0x00010000);
	assert_int_equal(FFA_VERSION_1_1, 0x00010001);
	assert_int_equal(FFA_VERSION_1_2, 0x00010002);
	assert_int_equal(FFA_VERSION_MAJOR(0x00030007), 3);
	assert_int_equal(FFA_VERSION_MINOR(0x00030007), 7);
	assert_int_equal(FFA_VERSION_MAJOR(0x7fff0000), 0x7fff);
	assert_int_equal(FFA_VERSION_MBZ, 0x80000000);
	assert_int_equal(FFA_VERSION_NOT_SUPPORTED, 0xFFFFFFFF);
}

static void test_id_packing(void **state)
{
	(void)state;
	assert_int_equal(FFA_TARGET_INFO(0x8001, 3), 0x80010003);
	assert_int_equal(FFA_TARGET_INFO_ID(0x80010003), 0x8001);
	assert_int_equal(FFA_TARGET_INFO_VCPU(0x80010003), 3);
	assert_int_equal(FFA_SENDER_RECEIVER(0x0000, 0x8002), 0x00008002);
	assert_int_equal(FFA_RXTX_UNMAP_W1(0x0005), 0x00050000);
	assert_int_equal(FFA_RX_ID(0xabcd0005), 0x0005);
	assert_int_equal(FFA_NOTIF_GET_W1(2, 0x8001), 0x00028001);
	assert_int_equal(FFA_FWD_SENDER_W(0x0007), 0x00070000);
	assert_int_equal(FFA_ID_SPMC, 0x8000);
	assert_true(FFA_ID_IS_SECURE(0x8001));
	assert_false(FFA_ID_IS_SECURE(0x7ffe));
}

static void test_partition_props(void **state)
{
	(void)state;
	assert_int_equal(FFA_PART_PROP_DIRECT_REQ_RECV, 1u << 0);
	assert_int_equal(FFA_PART_PROP_DIRECT_REQ_SEND, 1u << 1);
	assert_int_equal(FFA_PART_PROP_INDIRECT_MSG, 1u << 2);
	assert_int_equal(FFA_PART_PROP_NOTIFICATIONS, 1u << 3);
	assert_int_equal(FFA_PART_PROP_ID_TYPE_MASK, 0x30);
	assert_int_equal(FFA_PART_PROP_VM_CREATED, 1u << 6);
	assert_int_equal(FFA_PART_PROP_VM_DESTROYED, 1u << 7);
	assert_int_equal(FFA_PART_PROP_AARCH64, 1u << 8);
	assert_int_equal(FFA_PART_PROP_DIRECT_REQ2_RECV, 1u << 9);
	assert_int_equal(FFA_PART_PROP_DIRECT_REQ2_SEND, 1u << 10);
	assert_int_equal(FFA_PART_INFO_FLAG_COUNT_ONLY, 1);
	assert_int_equal(sizeof(struct ffa_partition_info_v1_0), 8);
	assert_int_equal(sizeof(struct ffa_partition_info_v1_1), 24);
	assert_int_equal(offsetof(struct ffa_partition_info_v1_1, uuid), 8);
}

static void test_mem_layouts(void **state)
{
	(void)state;
	assert_int_equal(sizeof(struct ffa_mtd_v1_0), 32);
	assert_int_equal(offsetof(struct ffa_mtd_v1_0, emad_count), 28);
	assert_int_equal(sizeof(struct ffa_mtd_v1_1), 48);
	assert_int_equal(offsetof(struct ffa_mtd_v1_1, emad_size), 24);
	assert_int_equal(offsetof(struct ffa_mtd_v1_1, emad_offset), 32);
	assert_int_equal(sizeof(struct ffa_emad_v1_0), 16);
	assert_int_equal(offsetof(struct ffa_emad_v1_0, composite_offset), 4);
	assert_int_equal(sizeof(struct ffa_emad_v1_2), 32);
	assert_int_equal(offsetof(struct ffa_emad_v1_2, reserved), 24);
	assert_int_equal(sizeof(struct ffa_composite_desc), 16);
	assert_int_equal(sizeof(struct ffa_mem_range), 16);
	assert_int_equal(offsetof(struct ffa_mem_range, page_count), 8);
	assert_int_equal(sizeof(struct ffa_mem_relinquish), 16);
	assert_int_equal(offsetof(struct ffa_mem_relinquish, endpoint_count),
			 12);
	assert_int_equal(sizeof(struct ffa_msg_send2_hdr), 40);
	assert_int_equal(offsetof(struct ffa_msg_send2_hdr, receiver), 12);
	assert_int_equal(offsetof(struct ffa_msg_send2_hdr, sender), 14);
	assert_int_equal(offsetof(struct ffa_msg_send2_hdr, uuid), 24);
}

static void test_mem_encodings(void **state)
{
	(void)state;
	/* Normal write-back inner-shareable, as Linux sends for SHARE. */
	assert_int_equal(FFA_MEM_ATTR_NORMAL_WB_IS, 0x2F);
	assert_int_equal(FFA_MEM_ATTR_NS, 0x40);
	assert_int_equal(FFA_MEM_DATA_RO, 0x1);
	assert_int_equal(FFA_MEM_DATA_RW, 0x2);
	assert_int_equal(FFA_MEM_INSTR_NX, 0x4);
	assert_int_equal(FFA_MEM_INSTR_X, 0x8);
	assert_int_equal(FFA_RETRIEVE_TYPE_MASK, 0x18);
	assert_int_equal(FFA_RETRIEVE_ALIGN_VALID, 1u << 9);
	assert_int_equal(FFA_RETRIEVE_BYPASS_BORROWERS, 1u << 10);
	assert_int_equal(FFA_HANDLE_MAKE(0x11223344, 0x55667788),
			 0x5566778811223344ULL);
	assert_int_equal(FFA_HANDLE_LO(0x5566778811223344ULL), 0x11223344);
	assert_int_equal(FFA_HANDLE_HI(0x5566778811223344ULL), 0x55667788);
	assert_true(FFA_HANDLE_HYP == (1ULL << 63));
	/* MEM_PERM_GET/SET words differ from the sharing permission byte. */
	assert_int_equal(FFA_MEM_PERM_RO, 0x7);
	assert_int_equal(FFA_MEM_PERM_RW, 0x5);
	assert_int_equal(FFA_MEM_PERM_RX, 0x3);
}

static void test_features_and_notifications(void **state)
{
	(void)state;
	assert_int_equal(FFA_FEATURE_NPI, 1);
	assert_int_equal(FFA_FEATURE_SRI, 2);
	assert_int_equal(FFA_FEATURE_MEI, 3);
	assert_int_equal(FFA_RXTX_MIN_64K, 1);
	assert_int_equal(FFA_RXTX_MIN_16K, 2);
	assert_int_equal(FFA_NOTIF_GET_SP | FFA_NOTIF_GET_VM |
			 FFA_NOTIF_GET_SPM_FW | FFA_NOTIF_GET_HYP_FW, 0xf);
	assert_int_equal(FFA_NOTIF_INFO_LISTS_SHIFT, 7);
	assert_int_equal(FFA_NOTIF_INFO_LIST_SHIFT, 12);
	assert_int_equal(FFA_MSG_SEND2_HDR_SIZE_V1_1, 20);
	assert_int_equal(FFA_MSG_SEND2_HDR_SIZE_V1_2, 40);
	assert_int_equal(FFA_CONSOLE_LOG_MAX_64, 128);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_function_ids),
		cmocka_unit_test(test_fid_fields),
		cmocka_unit_test(test_error_codes),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_id_packing),
		cmocka_unit_test(test_partition_props),
		cmocka_unit_test(test_mem_layouts),
		cmocka_unit_test(test_mem_encodings),
		cmocka_unit_test(test_features_and_notifications),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
