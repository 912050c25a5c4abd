/*
 * Robustness of the crypto module against hostile input: key files, logs
 * and messages built from random bytes and mangled real data must give an
 * error code (never a crash, an overrun under ASan, or a bogus success).
 * Deterministic: a fixed-seed generator, so a failure replays.
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
#include "ikescope/error.h"

#define DATA IKS_TEST_DATA "/crypto/"
#define MSG_MAX 4096

/* Frame `frame` of a "<frame>\t<udp payload hex>" file (README.md). */
static size_t load_frame(const char *name, unsigned frame, uint8_t *out, size_t cap)
{
	char path[512];
	size_t n;

	snprintf(path, sizeof(path), DATA "%s", name);
	n = iks_test_load_frame(path, frame, out, cap);
	return n;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static bool is_iks_error(int rc)
{
	return rc <= 0 && rc >= IKS_ERR_LOOP - 16 &&
	       strcmp(iks_strerror(rc), "unknown error") != 0;
}

static const char *const pieces[] = {
	"191ccd371a7a1f7b", "bc123d15e4af593f", "0x", ",", ",,", "\"", "\n",
	"# c\n", " ", "\t", "\"AES-CBC-256 [RFC3602]\"", "AES-GCM-128 with 8 octet ICV",
	"\"HMAC_SHA2_256_128 [RFC4868]\"", "NONE [RFC4306]", "ikev2 ", "I ", "R ",
	"sha1:0x", "aes128:0x", "00112233445566778899aabbccddeeff", "0", "g",
	"ANY 96-bits of Authentication [No Checking]", "\r\n", ":",
};

static void test_random_key_files(void **state)
{
	size_t n_ok = 0, n_err = 0;

	(void)state;
	for (int iter = 0; iter < 3000; iter++) {
		char text[2048];
		size_t n = 0;
		struct iks_keytab kt;
		char err[IKS_ERRBUF_SIZE] = "";
		int rc, parts = (int)(rnd() % 40);

		for (int p = 0; p < parts; p++) {
			const char *s = pieces[rnd() % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t l = strlen(s);

			if (rnd() % 8 == 0 && n < sizeof(text)) {
				text[n++] = (char)rnd(); /* any byte, NUL too */
				continue;
			}
			if (n + l >= sizeof(text))
				break;
			memcpy(text + n, s, l);
			n += l;
		}
		iks_keytab_init(&kt);
		rc = iks_keytab_load_mem(&kt, "f", text, n, err, sizeof(err));
		assert_true(is_iks_error(rc));
		if (rc < 0) {
			assert_true(strncmp(err, "f:", 2) == 0);
			assert_int_equal(kt.n_v1 + kt.n_v2, 0);
			n_err++;
		} else {
			n_ok++;
		}
		iks_keytab_free(&kt);
	}
	/* the generator reaches both outcomes */
	assert_true(n_ok > 50 && n_err > 50);
}

/* Log lines from plausible parts: thread, tag, text. */
static const char *const log_threads[] = { "01[IKE] ", "02[MGR] ", "01[CFG] ",
					   "1795756862 01[IKE] ", "x " };
static const char *const log_tags[] = { "<a|1> ", "<1> ", "<b|2> ", "",
					"<a|> " };
static const char *const log_texts[] = {
	"Sk_ei secret => 16 bytes @ 0x1", "Sk_er secret => 16 bytes @ 0x1",
	"Sk_ai secret => 20 bytes @ 0x1", "Sk_ar secret => 20 bytes @ 0x1",
	"encryption key Ka => 16 bytes @ 0x1", "Sk_ei secret => 99999 bytes",
	"   0: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F  ....",
	"  16: 10 11 12 13  ....", "   0: 00 01", "  32: 00",
	"checkin IKEv2 SA a[1] with SPIs 1111111111111111_i 2222222222222222_r",
	"checkin IKEv1 SA a[1] with SPIs 1111111111111111_i 2222222222222222_r",
	"checkin IKEv2 SA a[1] with SPIs 11111111_i 2222222222222222_r",
	"selected proposal: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048",
	"selected proposal: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/ECP_256",
	"selected proposal: IKE:", "something else",
};

#define PICK(a) (a)[rnd() % (sizeof(a) / sizeof((a)[0]))]

static void test_random_logs(void **state)
{
	size_t rows = 0;

	(void)state;
	for (int iter = 0; iter < 3000; iter++) {
		char text[8192];
		size_t n = 0, v1 = 0, v2 = 0, skipped = 0;
		struct iks_keytab kt;
		char err[IKS_ERRBUF_SIZE];
		int lines = (int)(rnd() % 40);
		FILE *f;

		for (int i = 0; i < lines && n + 200 < sizeof(text); i++) {
			int w = snprintf(text + n, sizeof(text) - n, "%s%s%s\n",
					 PICK(log_threads), PICK(log_tags),
					 PICK(log_texts));

			if (rnd() % 10 == 0)
				text[n + rnd() % (size_t)w] = (char)(rnd() | 1);
			n += (size_t)w;
		}
		if (n == 0)
			continue;
		f = fmemopen(text, n, "r");
		assert_non_null(f);
		iks_keytab_init(&kt);
		assert_int_equal(iks_keylog_parse(&kt, f, "l", &v1, &v2,
						  &skipped, err, sizeof(err)),
				 0);
		assert_true(kt.n_v1 <= v1);
		assert_true(kt.n_v2 <= v2);
		rows += kt.n_v1 + kt.n_v2;
		fclose(f);
		iks_keytab_free(&kt);
	}
	/* the generator does produce complete SAs now and then */
	assert_true(rows > 0);
}

/* Real messages with random damage, random SK geometry, every row. */
static void test_mangled_messages(void **state)
{
	static const char *const files[] = {
		"ikev2-decrypt-aes256cbc.hex", "ikev2-decrypt-aes256gcm16.hex",
		"ikev2-decrypt-aes128ccm12.hex", "ikev2-decrypt-aes192ctr.hex",
		"ikev2-decrypt-3des-sha1_160.hex", "ikev2-decrypt-aes128ccm12-2.hex",
	};
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE];
	size_t ok = 0;

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(iks_keytab_load(&kt, DATA "ikev2_decryption_table.tmpl",
					 err, sizeof(err)), 0);
	for (int iter = 0; iter < 4000; iter++) {
		uint8_t msg[MSG_MAX], pt[MSG_MAX];
		size_t len = load_frame(files[rnd() % 6], 3 + rnd() % 2, msg,
					sizeof(msg));
		const struct iks_v2_keys *k = &kt.v2[rnd() % kt.n_v2];
		size_t sk_off = 28, sk_len, pt_len = 12345;
		int rc;

		assert_true(len > 32);
		sk_len = len - 28;
		switch (rnd() % 4) {
		case 0: /* random geometry */
			sk_off = rnd() % (len + 8);
			sk_len = rnd() % (len + 8);
			break;
		case 1: /* flip bytes */
			for (int i = 0; i < 3; i++)
				msg[rnd() % len] ^= (uint8_t)(1u << (rnd() % 8));
			break;
		case 2: /* truncate */
			len = 28 + rnd() % (len - 28);
			sk_len = len - 28;
			break;
		default: /* intact: only the row varies */
			break;
		}
		if (sk_off + 4 <= len) { /* keep the header length consistent sometimes */
			if (rnd() % 2) {
				msg[sk_off + 2] = (uint8_t)(sk_len >> 8);
				msg[sk_off + 3] = (uint8_t)sk_len;
			}
		}
		rc = iks_crypto_v2_decrypt(k, rnd() % 2, msg, len, sk_off,
					   sk_len, rnd() % 8 == 0, pt,
					   rnd() % 2 ? sizeof(pt) : rnd() % 64,
					   &pt_len, err, sizeof(err));
		assert_true(is_iks_error(rc));
		if (rc == 0) {
			assert_true(pt_len < sk_len);
			ok++;
		} else {
			assert_int_equal(pt_len, 0);
		}
	}
	/* the intact cases with the right row do succeed sometimes */
	assert_true(ok > 0);
	iks_keytab_free(&kt);
}

static void test_v1_random_lengths(void **state)
{
	struct iks_v1_keys row = { .key_len = 32 };
	struct iks_v1_suite s;
	struct iks_v1_ivchain c;
	uint8_t ct[256], pt[256];
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(ct); i++)
		ct[i] = (uint8_t)rnd();
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, 7, 256, 2, err,
						  sizeof(err)), 0);
	assert_int_equal(iks_crypto_v1_chain_phase1(&c, &s, ct, 64, ct + 64, 64,
						    err, sizeof(err)), 0);
	for (int iter = 0; iter < 2000; iter++) {
		size_t len = rnd() % sizeof(ct), cap = rnd() % (sizeof(pt) + 1);
		bool again;
		int rc = iks_crypto_v1_decrypt(&s, &c, ct + (sizeof(ct) - len),
					       len, pt, cap, &again, err,
					       sizeof(err));

		assert_true(is_iks_error(rc));
		if (rc == 0)
			assert_true(len % 16 == 0 && len > 0 && cap >= len);
		else
			assert_true(len % 16 != 0 || len == 0 || cap < len);
	}
	iks_crypto_v1_suite_clear(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_key_files),
		cmocka_unit_test(test_random_logs),
		cmocka_unit_test(test_mangled_messages),
		cmocka_unit_test(test_v1_random_lengths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
