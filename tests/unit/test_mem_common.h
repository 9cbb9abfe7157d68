/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Golden memory descriptors shared by the test_mem_*.c tests, written by
 * hand as bytes from ffa-abi.md 9.1-9.7 (never produced by the code under
 * test), with the model each one stands for.
 *
 * Share A: sender 0x0001 shares two ranges with 0x8002, read-write,
 * Normal write-back inner-shareable (0x2f), tag 0x0123456789abcdef:
 *   0x88000000, 1 page; 0x100203000, 2 pages; 3 pages in all.
 */
#ifndef TEST_MEM_COMMON_H
#define TEST_MEM_COMMON_H

#include <stdlib.h>

#include <ffa/ffa.h>
#include <libffa/mem_desc.h>

#define GOLDEN static const uint8_t __attribute__((unused))
#define HELPER static inline __attribute__((unused))

#define A_SENDER	0x0001U
#define A_RECEIVER	0x8002U
#define A_TAG		0x0123456789abcdefULL
#define A_ADDR0		0x88000000ULL
#define A_ADDR1		0x100203000ULL
#define TEST_ADDR_LIMIT	FFA_MEM_ADDR_LIMIT

#define TAG_BYTES	0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01
#define ZERO4		0x00, 0x00, 0x00, 0x00
#define ZERO8		ZERO4, ZERO4
/* Share A's composite and constituents, after the EMADs in every layout. */
/* Total 3 pages, 2 ranges; 0x88000000 1 page; 0x100203000 2 pages. */
#define A_COMPOSITE_AND_RANGES					\
	0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, ZERO8,	\
	0x00, 0x00, 0x00, 0x88, 0x00, 0x00, 0x00, 0x00,		\
	0x01, 0x00, 0x00, 0x00, ZERO4,				\
	0x00, 0x30, 0x20, 0x00, 0x01, 0x00, 0x00, 0x00,		\
	0x02, 0x00, 0x00, 0x00, ZERO4

/* v1.0: 32-byte header, EMAD at 32, composite at 48: 64 + 2 * 16. */
GOLDEN golden_share_v1_0[96] = {
	0x01, 0x00,		/* sender */
	0x2f,			/* attributes (8 bits) */
	0x00,			/* reserved */
	ZERO4,			/* flags */
	ZERO8,			/* handle */
	TAG_BYTES,
	ZERO4,			/* reserved */
	0x01, 0x00, 0x00, 0x00,	/* EMAD count */
	/* EMAD 0 at 32 */
	0x02, 0x80, 0x02, 0x00,	/* receiver 0x8002, RW, flags 0 */
	0x30, 0x00, 0x00, 0x00,	/* composite at 48 */
	ZERO8,
	A_COMPOSITE_AND_RANGES,
};

/* v1.1: 48-byte header, EMAD at 48, composite at 64: 80 + 2 * 16. */
GOLDEN golden_share_v1_1[112] = {
	0x01, 0x00, 0x2f, 0x00,	/* sender, attributes (16 bits) */
	ZERO4, ZERO8, TAG_BYTES,	/* flags, handle, tag */
	0x10, 0x00, 0x00, 0x00,	/* EMAD size 16 */
	0x01, 0x00, 0x00, 0x00,	/* EMAD count */
	0x30, 0x00, 0x00, 0x00,	/* EMAD offset 48 */
	ZERO4, ZERO8,		/* reserved */
	/* EMAD 0 at 48 */
	0x02, 0x80, 0x02, 0x00, 0x40, 0x00, 0x00, 0x00, ZERO8,
	A_COMPOSITE_AND_RANGES,
};

/* v1.2: 32-byte EMAD with impdef a0..af, composite at 80: 96 + 2 * 16. */
GOLDEN golden_share_v1_2[128] = {
	0x01, 0x00, 0x2f, 0x00, ZERO4, ZERO8, TAG_BYTES,
	0x20, 0x00, 0x00, 0x00,	/* EMAD size 32 */
	0x01, 0x00, 0x00, 0x00,
	0x30, 0x00, 0x00, 0x00,
	ZERO4, ZERO8,
	/* EMAD 0 at 48 */
	0x02, 0x80, 0x02, 0x00,
	0x50, 0x00, 0x00, 0x00,	/* composite at 80 */
	0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,	/* impdef */
	0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
	ZERO8,			/* reserved */
	A_COMPOSITE_AND_RANGES,
};

/*
 * LEND v1.1 to 0x8002 (RW) and 0x8003 (RO), zero flag set, Normal WB IS
 * (several borrowers: the type must be given), tag 0x42, one range
 * 0x90000000 of 4 pages. Composite at 48 + 2 * 16 = 80.
 */
GOLDEN golden_lend2_v1_1[112] = {
	0x01, 0x00, 0x2f, 0x00,
	0x01, 0x00, 0x00, 0x00,	/* flags: zero memory */
	ZERO8,
	0x42, 0x00, 0x00, 0x00, ZERO4,	/* tag */
	0x10, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,	/* 16-byte, 2 */
	0x30, 0x00, 0x00, 0x00, ZERO4, ZERO8,
	0x02, 0x80, 0x02, 0x00, 0x50, 0x00, 0x00, 0x00, ZERO8,	/* RW */
	0x03, 0x80, 0x01, 0x00, 0x50, 0x00, 0x00, 0x00, ZERO8,	/* RO */
	0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, ZERO8,
	0x00, 0x00, 0x00, 0x90, 0x00, 0x00, 0x00, 0x00,
	0x04, 0x00, 0x00, 0x00, ZERO4,
};

#define R_HANDLE	0x0000000100000005ULL
#define HANDLE_BYTES	0x05, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00

/* Retrieve request v1.1 by 0x8002 for share A's handle, type SHARE. */
GOLDEN golden_retrieve_v1_1[64] = {
	0x01, 0x00, 0x2f, 0x00,
	0x08, 0x00, 0x00, 0x00,	/* flags: type 01 (share) in [4:3] */
	HANDLE_BYTES, TAG_BYTES,
	0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x30, 0x00, 0x00, 0x00, ZERO4, ZERO8,
	0x02, 0x80, 0x02, 0x00, ZERO4, ZERO8,	/* composite offset 0 */
};

/* Relinquish of that handle by 0x8002. */
GOLDEN golden_relinquish[18] = {
	HANDLE_BYTES,
	ZERO4,			/* flags */
	0x01, 0x00, 0x00, 0x00,	/* one endpoint */
	0x02, 0x80,
};

/* The models. */
HELPER void share_a_access(struct ffa_mem_access *a, bool impdef)
{
	unsigned int i;

	*a = (struct ffa_mem_access){
		.receiver_id = A_RECEIVER, .perms = FFA_MEM_DATA_RW,
	};
	for (i = 0; impdef && i < sizeof(a->impdef); i++)
		a->impdef[i] = (uint8_t)(0xa0 + i);
}

HELPER void share_a_ranges(struct ffa_mem_range r[2])
{
	r[0] = (struct ffa_mem_range){ .address = A_ADDR0, .page_count = 1 };
	r[1] = (struct ffa_mem_range){ .address = A_ADDR1, .page_count = 2 };
}

HELPER struct ffa_mtd_spec share_a_spec(uint32_t version,
					const struct ffa_mem_access *a)
{
	return (struct ffa_mtd_spec){
		.version = version,
		.hdr = { .sender_id = A_SENDER,
			 .attributes = FFA_MEM_ATTR_NORMAL_WB_IS,
			 .tag = A_TAG },
		.access = a, .nr_access = 1,
		.total_pages = 3, .nr_ranges = 2,
	};
}

/* A spec from a parsed model, for the layout it was parsed in. */
HELPER struct ffa_mtd_spec spec_of(const struct ffa_mtd *m, uint32_t version)
{
	return (struct ffa_mtd_spec){
		.version = version, .hdr = m->hdr,
		.access = m->access, .nr_access = m->nr_access,
		.total_pages = m->total_pages, .nr_ranges = m->nr_ranges,
	};
}

/* Build a whole descriptor in one fragment; 0 or the first error. */
HELPER int build_whole(const struct ffa_mtd_spec *spec,
		       const struct ffa_mem_range *r, void *buf,
		       uint32_t size, uint32_t *len)
{
	struct ffa_mtd_builder b = { 0 };
	uint32_t i;
	int ret = ffa_mtd_build_begin(&b, buf, size, spec);

	for (i = 0; ret == 0 && i < spec->nr_ranges; i++)
		ret = ffa_mtd_build_add(&b, r[i].address, r[i].page_count);
	if (ret == 0)
		ret = ffa_mtd_build_finish(&b);
	*len = b.frag_len;
	return ret;
}

HELPER struct ffa_mtd_ctx send_ctx(uint32_t version, enum ffa_mem_op op)
{
	return (struct ffa_mtd_ctx){
		.caller_version = version, .caller_id = A_SENDER, .op = op,
		.tx_size = 4096, .addr_limit = TEST_ADDR_LIMIT,
	};
}

#define ARRAY_LEN(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Run a table of cases, each as its own cmocka test named by the case's
 * first member (a const char *), then the extra tests. Needs <cmocka.h>
 * before this header.
 */
HELPER int run_case_table(const char *group, const void *cases, size_t n,
			  size_t size, CMUnitTestFunction fn,
			  const struct CMUnitTest *extra, size_t n_extra)
{
	struct CMUnitTest *tests = calloc(n + n_extra, sizeof(*tests));
	const char *c = cases;
	size_t i;
	int failed;

	if (!tests)
		return 1;
	for (i = 0; i < n; i++, c += size) {
		tests[i].name = *(const char *const *)c;
		tests[i].test_func = fn;
		tests[i].initial_state = (void *)c;
	}
	for (i = 0; i < n_extra; i++)
		tests[n + i] = extra[i];
	failed = _cmocka_run_group_tests(group, tests, n + n_extra, NULL,
					 NULL);
	free(tests);
	return failed;
}

#define RUN_CASE_TABLE(group, cases, fn, extra) \
	run_case_table(group, cases, ARRAY_LEN(cases), sizeof((cases)[0]), \
		       fn, extra, ARRAY_LEN(extra))

#endif /* TEST_MEM_COMMON_H */
