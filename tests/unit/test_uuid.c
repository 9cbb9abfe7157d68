// SPDX-License-Identifier: BSD-3-Clause
/* The UUID helper against the worked examples of ffa-abi.md 7.3. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libffa/status.h>
#include <libffa/uuid.h>

static const char optee_text[] = "486178e0-e7f8-11e3-bc5e-0002a5d5c51b";
static const uint8_t optee_bytes[16] = {
	0x48, 0x61, 0x78, 0xe0, 0xe7, 0xf8, 0x11, 0xe3,
	0xbc, 0x5e, 0x00, 0x02, 0xa5, 0xd5, 0xc5, 0x1b,
};

static struct ffa_uuid optee(void)
{
	struct ffa_uuid u;

	memcpy(u.b, optee_bytes, sizeof(u.b));
	return u;
}

static void test_parse_is_printed_byte_order(void **state)
{
	struct ffa_uuid u;

	(void)state;
	assert_int_equal(ffa_uuid_parse(&u, optee_text, strlen(optee_text)), 0);
	assert_memory_equal(u.b, optee_bytes, 16);
}

/* TF-A's SP manifest writes this UUID as these four words. */
static void test_words_match_manifest_form(void **state)
{
	struct ffa_uuid u = optee(), back;
	uint32_t w[4];

	(void)state;
	ffa_uuid_to_w4(&u, w);
	assert_int_equal(w[0], 0xe0786148);
	assert_int_equal(w[1], 0xe311f8e7);
	assert_int_equal(w[2], 0x02005ebc);
	assert_int_equal(w[3], 0x1bc5d5a5);
	ffa_uuid_from_w4(&back, w);
	assert_memory_equal(back.b, optee_bytes, 16);
}

static void test_symbolic_example(void **state)
{
	static const char text[] = "a1a2a3a4-b1b2-c1c2-d1d2-d3d4d5d6d7d8";
	struct ffa_uuid u, back;
	uint32_t w[4];
	uint64_t x[2];

	(void)state;
	assert_int_equal(ffa_uuid_parse(&u, text, strlen(text)), 0);
	ffa_uuid_to_w4(&u, w);
	assert_int_equal(w[0], 0xa4a3a2a1);
	assert_int_equal(w[1], 0xc2c1b2b1);
	assert_int_equal(w[2], 0xd4d3d2d1);
	assert_int_equal(w[3], 0xd8d7d6d5);
	ffa_uuid_to_x2(&u, x);
	assert_true(x[0] == 0xc2c1b2b1a4a3a2a1ULL);
	assert_true(x[1] == 0xd8d7d6d5d4d3d2d1ULL);
	ffa_uuid_from_x2(&back, x);
	assert_true(ffa_uuid_equal(&u, &back));
}

static void test_format_round_trip(void **state)
{
	struct ffa_uuid u = optee(), v;
	char s[FFA_UUID_STR_LEN + 1];

	(void)state;
	ffa_uuid_format(&u, s);
	assert_string_equal(s, optee_text);
	assert_int_equal(ffa_uuid_parse(&v, "486178E0-E7F8-11E3-BC5E-0002A5D5C51B",
					 FFA_UUID_STR_LEN), 0);
	assert_true(ffa_uuid_equal(&u, &v));
}

static void test_parse_rejects_malformed(void **state)
{
	static const char *const bad[] = {
		"486178e0-e7f8-11e3-bc5e-0002a5d5c51",	/* short */
		"486178e0-e7f8-11e3-bc5e-0002a5d5c51bb",	/* long */
		"486178e0e7f8-11e3-bc5e-0002a5d5c51b0",	/* hyphen moved */
		"486178e0-e7f8-11e3-bc5e-0002a5d5c51g",	/* not hex */
		"486178e0-e7f8-11e3+bc5e-0002a5d5c51b",	/* wrong separator */
	};
	struct ffa_uuid u = optee();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(ffa_uuid_parse(&u, bad[i], strlen(bad[i])),
				 FFA_RET_INVALID_PARAMETERS);
	/* A failed parse leaves the output untouched. */
	assert_memory_equal(u.b, optee_bytes, 16);
}

static void test_nil_and_equal(void **state)
{
	struct ffa_uuid nil = { { 0 } }, u = optee(), v = optee();

	(void)state;
	assert_true(ffa_uuid_is_nil(&nil));
	assert_false(ffa_uuid_is_nil(&u));
	assert_true(ffa_uuid_equal(&u, &v));
	v.b[15] ^= 1;
	assert_false(ffa_uuid_equal(&u, &v));
}

/*
 * Equal at every alignment of either side (word compares when both are
 * 8-byte aligned, bytes otherwise), and any one differing bit of any
 * byte makes them unequal.
 */
static void test_equal_every_alignment(void **state)
{
	_Alignas(16) uint8_t x[32], y[32];

	(void)state;
	for (unsigned int i = 0; i < 32; i++)
		x[i] = y[i] = (uint8_t)(i * 29 + 3);
	for (unsigned int ax = 0; ax < 16; ax++)
		for (unsigned int ay = 0; ay < 16; ay++) {
			struct ffa_uuid *a = (struct ffa_uuid *)(x + ax);
			struct ffa_uuid *b = (struct ffa_uuid *)(y + ay);

			memcpy(b, a, sizeof(*b));
			assert_true(ffa_uuid_equal(a, b));
			for (unsigned int k = 0; k < 16; k++)
				for (unsigned int bit = 0; bit < 8; bit++) {
					b->b[k] ^= (uint8_t)(1U << bit);
					assert_false(ffa_uuid_equal(a, b));
					b->b[k] ^= (uint8_t)(1U << bit);
				}
			assert_true(ffa_uuid_equal(a, b));
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_is_printed_byte_order),
		cmocka_unit_test(test_words_match_manifest_form),
		cmocka_unit_test(test_symbolic_example),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_parse_rejects_malformed),
		cmocka_unit_test(test_nil_and_equal),
		cmocka_unit_test(test_equal_every_alignment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
