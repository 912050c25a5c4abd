/*
 * Unit tests for the IKEv1 prf and the Aggressive Mode pre-shared key
 * check (src/crypto/prf.c): HMAC known answers (RFC 2202, RFC 4231) and a
 * real strongSwan Aggressive Mode exchange from the lab whose PSK is in
 * its scenario file (tests/data/crypto/README.md).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"

#include "ikescope/crypto.h"
#include "ikescope/cursor.h"
#include "ikescope/error.h"

#define DATA IKS_TEST_DATA "/crypto/"
#define MSG_MAX 4096

/* RFC 2202 / RFC 4231 test case 2: key "Jefe", the message given in two
 * parts to check that parts are concatenated. */
static void test_prf_known_answers(void **state)
{
	static const struct {
		uint16_t hash;
		const char *mac;
	} cases[] = {
		{ 1, "750c783e6ab0b503eaa86e310a5db738" },
		{ 2, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
		{ 4, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
		{ 5, "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec373632244"
		     "5e8e2240ca5e69e2c78b3239ecfab21649" },
		{ 6, "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505"
		     "549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
	};
	const struct iks_bytes parts[] = {
		{ (const uint8_t *)"what do ya ", 11 },
		{ (const uint8_t *)"want for nothing?", 17 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint8_t out[64], want[64];
		size_t out_len = 0, n = iks_test_unhex(cases[i].mac, want, sizeof(want));

		assert_int_equal(iks_crypto_v1_prf(cases[i].hash,
						   (const uint8_t *)"Jefe", 4,
						   parts, 2, out, sizeof(out),
						   &out_len), 0);
		assert_int_equal(out_len, n);
		assert_memory_equal(out, want, n);
	}
	{
		uint8_t out[64];
		size_t out_len;

		/* Tiger (3) is not offered; a too small buffer fails */
		assert_int_equal(iks_crypto_v1_prf(3, (const uint8_t *)"k", 1,
						   parts, 2, out, sizeof(out),
						   &out_len), IKS_ERR_UNSUPPORTED);
		assert_int_equal(iks_crypto_v1_prf(4, (const uint8_t *)"k", 1,
						   parts, 2, out, 16, &out_len),
				 IKS_ERR_CRYPTO);
	}
}

static size_t load_frame(unsigned frame, uint8_t *out, size_t cap)
{
	char *line = NULL;
	size_t lcap = 0, n = 0;
	FILE *f = fopen(DATA "v1-am-psk.hex", "r");

	assert_non_null(f);
	while (getline(&line, &lcap, f) > 0)
		if ((unsigned)atoi(line) == frame && strchr(line, '\t')) {
			n = iks_test_unhex(strchr(line, '\t') + 1, out, cap);
			break;
		}
	free(line);
	fclose(f);
	assert_true(n > 28);
	return n;
}

/* Body (without generic header) of the first payload of a type in an
 * IKEv1 message (RFC 2408 3.2). */
static struct iks_bytes body_of(const uint8_t *msg, size_t len, uint8_t want)
{
	struct iks_cur c = iks_cur_make(msg, len);
	struct iks_bytes b = { NULL, 0 };
	uint8_t np = msg[16];

	assert_true(iks_cur_skip(&c, 28));
	while (np != 0) {
		uint8_t next = 0, res;
		uint16_t plen = 0;

		if (!iks_cur_u8(&c, &next) || !iks_cur_u8(&c, &res) ||
		    !iks_cur_be16(&c, &plen) || plen < 4 ||
		    !iks_cur_view(&c, plen - 4u, &b))
			fail_msg("payload chain broken");
		if (np == want)
			return b;
		np = next;
	}
	fail_msg("payload %u not found", want);
	return b;
}

/* aes192-sha384-modp2048, secret "aggressive psk" (tests/lab/scenarios/
 * v1-am-psk.scn); SHA2-384 is hash 5. */
static void test_check_psk_lab(void **state)
{
	uint8_t m1[MSG_MAX], m2[MSG_MAX];
	size_t l1 = load_frame(1, m1, sizeof(m1)), l2 = load_frame(2, m2, sizeof(m2));
	struct iks_v1_am_material am;
	const char psk[] = "aggressive psk";

	(void)state;
	memset(&am, 0, sizeof(am));
	am.gxi = body_of(m1, l1, 4);
	am.gxr = body_of(m2, l2, 4);
	am.ni = body_of(m1, l1, 10);
	am.nr = body_of(m2, l2, 10);
	memcpy(am.cky_i, m2, 8);
	memcpy(am.cky_r, m2 + 8, 8);
	am.sai = body_of(m1, l1, 1);
	am.idr = body_of(m2, l2, 5);
	am.hash_r = body_of(m2, l2, 8);
	assert_int_equal(am.hash_r.len, 48);
	assert_int_equal(iks_crypto_v1_check_psk(5, (const uint8_t *)psk,
						 strlen(psk), &am), 1);
	/* one character off, or the wrong hash: no */
	assert_int_equal(iks_crypto_v1_check_psk(5, (const uint8_t *)"aggressive psK",
						 strlen(psk), &am), 0);
	assert_int_equal(iks_crypto_v1_check_psk(4, (const uint8_t *)psk,
						 strlen(psk), &am), 0);
	assert_true(iks_crypto_v1_check_psk(3, (const uint8_t *)psk,
					    strlen(psk), &am) < 0);
	/* one bit of the SA the hash covers changed: no */
	{
		uint8_t sa[MSG_MAX];

		memcpy(sa, am.sai.ptr, am.sai.len);
		sa[am.sai.len - 1] ^= 1;
		am.sai.ptr = sa;
		assert_int_equal(iks_crypto_v1_check_psk(5, (const uint8_t *)psk,
							 strlen(psk), &am), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prf_known_answers),
		cmocka_unit_test(test_check_psk_lab),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
