/*
 * Unit tests for iks_keylog_parse() and, through the keys it finds, the
 * IKEv2 algorithms the Wireshark corpus lacks (ChaCha20-Poly1305, Camellia,
 * AES-XCBC/CMAC, CCM-8, GCM-12, HMAC-MD5-96/128, SHA1-96/160, SHA2-512)
 * and SKF fragments: real strongSwan 5.9.8 peers from tests/lab
 * (tests/data/crypto/README.md, lab/make-fixtures.sh).
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

#define LAB IKS_TEST_DATA "/crypto/lab/"
#define MSG_MAX 4096

/* Frame `frame` of a "<frame>\t<udp payload hex>" file (README.md). */
static size_t load_frame(const char *name, unsigned frame, uint8_t *out, size_t cap)
{
	char path[512];
	size_t n;

	snprintf(path, sizeof(path), LAB "%s.hex", name);
	n = iks_test_load_frame(path, frame, out, cap);
	assert_true(n >= 28);
	return n;
}

static void parse_log(struct iks_keytab *kt, const char *file, size_t want_v1,
		      size_t want_v2, size_t want_skipped)
{
	char path[512], err[IKS_ERRBUF_SIZE] = "";
	size_t v1 = 99, v2 = 99, skipped = 99;
	FILE *f;

	snprintf(path, sizeof(path), LAB "%s", file);
	f = fopen(path, "r");
	assert_non_null(f);
	if (iks_keylog_parse(kt, f, file, &v1, &v2, &skipped, err,
			     sizeof(err)) != 0)
		fail_msg("%s: %s", file, err);
	fclose(f);
	if (v1 != want_v1 || v2 != want_v2 || skipped != want_skipped)
		fail_msg("%s: v1 %zu v2 %zu skipped %zu", file, v1, v2, skipped);
}

/* Decrypt the SK/SKF payload of a frame and return its plaintext. */
static int decrypt_frame(const struct iks_keytab *kt, const char *name,
			 unsigned frame, uint8_t *pt, size_t *pt_len,
			 uint8_t *first_np)
{
	uint8_t msg[MSG_MAX];
	size_t len = load_frame(name, frame, msg, sizeof(msg));
	const struct iks_v2_keys *k = iks_keytab_find_v2(kt, msg, msg + 8);
	size_t sk_off = 0, sk_len = 0;
	bool skf = msg[16] == 53;
	char err[IKS_ERRBUF_SIZE] = "";
	int rc;

	assert_non_null(k);
	assert_true(iks_test_find_payload(msg, len, 28, msg[16], skf ? 53 : 46, &sk_off,
				 &sk_len, first_np));
	rc = iks_crypto_v2_decrypt(k, (msg[19] & 0x08) != 0, msg, len, sk_off,
				   sk_len, skf, pt, MSG_MAX, pt_len, err,
				   sizeof(err));
	if (rc != 0 && rc != IKS_ERR_INTEGRITY)
		print_error("%s frame %u: %s\n", name, frame, err);
	return rc;
}

struct lab_case {
	const char *name;
	uint16_t encr, bits, integ;
	bool wireshark_can;   /* iks_keytab_write() has names for it */
};

static const struct lab_case lab_cases[] = {
	{ "c-chacha", 28, 256, 0, false },
	{ "c-camellia", 23, 256, 13, false },
	{ "c-xcbc", 12, 128, 5, true },
	{ "c-cmac", 12, 128, 8, true },
	{ "c-ccm8", 14, 192, 0, true },
	{ "c-gcm12", 19, 128, 0, true },
	{ "c-3desmd5", 3, 192, 1, true },
	{ "c-ctrsha1", 13, 256, 2, true },
	{ "c-md5128", 12, 128, 6, true },
	{ "c-sha1160", 12, 128, 7, true },
	{ "c-sha512", 12, 256, 14, true },
};

/* Both peers' logs give the same row; every encrypted message of the
 * capture decrypts with it, integrity checked. */
static void test_lab_algorithms(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(lab_cases) / sizeof(lab_cases[0]); i++) {
		const struct lab_case *tc = &lab_cases[i];
		struct iks_keytab kt;
		struct iks_v2_keys from_a;
		char file[128], err[IKS_ERRBUF_SIZE];
		size_t skipped = 99;
		FILE *devnull;

		iks_keytab_init(&kt);
		snprintf(file, sizeof(file), "%s.a.log", tc->name);
		parse_log(&kt, file, 0, 1, 0);
		assert_int_equal(kt.n_v2, 1);
		from_a = kt.v2[0];
		snprintf(file, sizeof(file), "%s.b.log", tc->name);
		parse_log(&kt, file, 0, 1, 0);
		assert_int_equal(kt.n_v2, 1); /* same SPIs: replaced */
		assert_memory_equal(&from_a, &kt.v2[0], sizeof(from_a));
		if (kt.v2[0].encr != tc->encr || kt.v2[0].encr_bits != tc->bits ||
		    kt.v2[0].integ != tc->integ)
			fail_msg("%s: encr %u/%u integ %u", tc->name,
				 kt.v2[0].encr, kt.v2[0].encr_bits,
				 kt.v2[0].integ);
		for (unsigned frame = 3; frame <= 6; frame++) {
			uint8_t pt[MSG_MAX], np = 0;
			size_t pt_len = 0, off, len;

			if (decrypt_frame(&kt, tc->name, frame, pt, &pt_len,
					  &np) != 0)
				fail_msg("%s frame %u", tc->name, frame);
			/* IKE_AUTH: IDi / IDr first, AUTH inside */
			if (frame == 3 || frame == 4) {
				assert_int_equal(np, frame == 3 ? 35 : 36);
				assert_true(iks_test_find_payload(pt, pt_len, 0, np, 39,
							 &off, &len, NULL));
			}
			if (frame == 5)
				assert_true(iks_test_find_payload(pt, pt_len, 0, np, 42,
							 &off, &len, NULL));
		}
		devnull = fopen("/dev/null", "w");
		assert_non_null(devnull);
		assert_int_equal(iks_keytab_write(&kt, IKS_KEYTAB_V2, devnull,
						  &skipped, err, sizeof(err)), 0);
		fclose(devnull);
		assert_int_equal(skipped, tc->wireshark_can ? 0 : 1);
		iks_keytab_free(&kt);
	}
}

/* The plaintext buffer may be exactly as long as the ciphertext: no mode
 * writes past it (a heap buffer of that size, checked under ASan). */
static void test_exact_output_buffer(void **state)
{
	(void)state;
	for (size_t c = 0; c < sizeof(lab_cases) / sizeof(lab_cases[0]); c++) {
		struct iks_keytab kt;
		uint8_t msg[MSG_MAX];
		size_t len, sk_off = 0, sk_len = 0, cap, smallest = 0;
		const struct iks_v2_keys *k;
		char file[128], err[IKS_ERRBUF_SIZE];

		iks_keytab_init(&kt);
		snprintf(file, sizeof(file), "%s.a.log", lab_cases[c].name);
		parse_log(&kt, file, 0, 1, 0);
		len = load_frame(lab_cases[c].name, 3, msg, sizeof(msg));
		k = iks_keytab_find_v2(&kt, msg, msg + 8);
		assert_non_null(k);
		assert_true(iks_test_find_payload(msg, len, 28, msg[16], 46, &sk_off,
					 &sk_len, NULL));
		for (cap = sk_len; cap > 0; cap--) {
			uint8_t *out = malloc(cap);
			size_t pt_len = 0;
			int rc;

			assert_non_null(out);
			rc = iks_crypto_v2_decrypt(k, true, msg, len, sk_off,
						   sk_len, false, out, cap,
						   &pt_len, err, sizeof(err));
			free(out);
			if (rc == IKS_ERR_OVERFLOW)
				break;
			assert_int_equal(rc, 0);
			smallest = cap;
		}
		/* the smallest buffer that works holds the padded plaintext */
		assert_true(smallest > 0 && smallest < sk_len);
		iks_keytab_free(&kt);
	}
}

/* A wrong XCBC / CMAC / Poly1305 key is caught. */
static void test_lab_wrong_keys(void **state)
{
	static const char *const names[] = { "c-xcbc", "c-cmac", "c-chacha",
					     "c-camellia", "c-ccm8" };

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct iks_keytab kt;
		char file[128];
		uint8_t pt[MSG_MAX], np;
		size_t pt_len;

		iks_keytab_init(&kt);
		snprintf(file, sizeof(file), "%s.a.log", names[i]);
		parse_log(&kt, file, 0, 1, 0);
		if (kt.v2[0].sk_a_len)
			kt.v2[0].sk_ai[3] ^= 0x10;
		else
			kt.v2[0].sk_ei[3] ^= 0x10;
		assert_int_equal(decrypt_frame(&kt, names[i], 3, pt, &pt_len,
					       &np), IKS_ERR_INTEGRITY);
		assert_int_equal(decrypt_frame(&kt, names[i], 4, pt, &pt_len,
					       &np), 0);
		iks_keytab_free(&kt);
	}
}

/* An IKE SA rekeyed with CREATE_CHILD_SA: the initiator logs the new
 * keys under the old SA's tag, the responder under the new one; both logs
 * give both SAs, and the new SA's INFORMATIONAL decrypts with its keys. */
static void test_lab_ike_rekey(void **state)
{
	static const char name[] = "c-rekey";
	struct iks_keytab ka, kb;

	(void)state;
	iks_keytab_init(&ka);
	iks_keytab_init(&kb);
	parse_log(&ka, "c-rekey.a.log", 0, 2, 0);
	parse_log(&kb, "c-rekey.b.log", 0, 2, 0);
	assert_int_equal(ka.n_v2, 2);
	assert_int_equal(kb.n_v2, 2);
	assert_memory_equal(ka.v2, kb.v2, 2 * sizeof(ka.v2[0]));
	assert_memory_not_equal(ka.v2[0].sk_ei, ka.v2[1].sk_ei, 16);
	for (unsigned frame = 3; frame <= 10; frame++) {
		uint8_t pt[MSG_MAX], np = 0;
		size_t pt_len = 0;

		if (decrypt_frame(&ka, name, frame, pt, &pt_len, &np) != 0)
			fail_msg("frame %u", frame);
	}
	iks_keytab_free(&ka);
	iks_keytab_free(&kb);
}

/* RFC 7383: each SKF fragment verifies and decrypts on its own; the
 * fragments' plaintexts joined are the inner payloads. */
static void test_lab_skf_fragments(void **state)
{
	static const char name[] = "v2-cert-ikefrag";
	struct iks_keytab kt;
	uint8_t joined[2 * MSG_MAX];
	size_t joined_len = 0, off, len;
	uint8_t first_np = 0;

	(void)state;
	iks_keytab_init(&kt);
	parse_log(&kt, "v2-cert-ikefrag.a.log", 0, 1, 0);
	for (unsigned frame = 3; frame <= 4; frame++) {
		uint8_t pt[MSG_MAX], np = 0;
		size_t pt_len = 0;

		assert_int_equal(decrypt_frame(&kt, name, frame, pt, &pt_len,
					       &np), 0);
		if (frame == 3)
			first_np = np;
		else
			assert_int_equal(np, 0); /* only fragment 1 names it */
		memcpy(joined + joined_len, pt, pt_len);
		joined_len += pt_len;
	}
	assert_int_equal(first_np, 35);
	assert_true(iks_test_find_payload(joined, joined_len, 0, first_np, 37, &off,
				 &len, NULL)); /* CERT */
	assert_true(len > 500);
	assert_true(iks_test_find_payload(joined, joined_len, 0, first_np, 39, &off,
				 &len, NULL)); /* AUTH */
	/* an SKF taken for an SK leaves the fragment fields out of the
	 * associated data / ICV input and the layout shifts: refused */
	{
		uint8_t msg[MSG_MAX], pt[MSG_MAX];
		size_t mlen = load_frame(name, 3, msg, sizeof(msg)), pt_len;
		char err[IKS_ERRBUF_SIZE];
		const struct iks_v2_keys *k = iks_keytab_find_v2(&kt, msg,
								 msg + 8);

		assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, mlen, 28,
						       mlen - 28, false, pt,
						       sizeof(pt), &pt_len,
						       err, sizeof(err)),
				 IKS_ERR_INTEGRITY);
	}
	iks_keytab_free(&kt);
}

/* IKEv1 Main Mode over NAT-T port 4500: Ka from the log decrypts it. */
static void test_lab_ikev1(void **state)
{
	struct iks_keytab kt;
	const struct iks_v1_keys *row;
	struct iks_v1_suite s;
	struct iks_v1_ivchain p1, qm;
	uint8_t m3[MSG_MAX], m4[MSG_MAX], msg[MSG_MAX], pt[MSG_MAX];
	size_t l3, l4, len, off = 0, plen = 0;
	char err[IKS_ERRBUF_SIZE] = "";
	uint8_t want_key[32];

	(void)state;
	iks_keytab_init(&kt);
	parse_log(&kt, "v1-mm-psk.a.log", 1, 0, 0);
	parse_log(&kt, "v1-mm-psk.b.log", 1, 0, 0);
	assert_int_equal(kt.n_v1, 1);
	l3 = load_frame("v1-mm-psk", 3, m3, sizeof(m3));
	l4 = load_frame("v1-mm-psk", 4, m4, sizeof(m4));
	row = iks_keytab_find_v1(&kt, m3);
	assert_non_null(row);
	/* what the lab's own extractor (tests/lab/charon-keys) found */
	iks_test_unhex("ac99aa22977d3921e743cebeb6a24edefc1eb47e3b4c8cd2a3feb9da3346bb04",
	      want_key, sizeof(want_key));
	assert_int_equal(row->key_len, 32);
	assert_memory_equal(row->key, want_key, 32);
	/* IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048 */
	assert_int_equal(iks_crypto_v1_suite_init(&s, row, 7, 256, 4, err,
						  sizeof(err)), 0);
	/* KE is the first payload of MM3 / MM4 */
	assert_int_equal(m3[16], 4);
	assert_true(iks_test_find_payload(m3, l3, 28, 4, 4, &off, &plen, NULL));
	{
		size_t o4 = 0, p4 = 0;

		assert_true(iks_test_find_payload(m4, l4, 28, 4, 4, &o4, &p4, NULL));
		assert_int_equal(iks_crypto_v1_chain_phase1(
					 &p1, &s, m3 + off + 4, plen - 4,
					 m4 + o4 + 4, p4 - 4, err, sizeof(err)),
				 0);
	}
	for (unsigned frame = 5; frame <= 6; frame++) {
		len = load_frame("v1-mm-psk", frame, msg, sizeof(msg));
		assert_int_equal(iks_crypto_v1_decrypt(&s, &p1, msg + 28,
						       len - 28, pt, sizeof(pt),
						       NULL, err, sizeof(err)),
				 0);
		assert_int_equal(msg[16], 5); /* ID first */
		assert_true(iks_test_find_payload(pt, len - 28, 0, 5, 8, &off, &plen,
					 NULL));
		assert_int_equal(plen, 4 + 32); /* HASH_I/R, SHA2-256 */
	}
	len = load_frame("v1-mm-psk", 7, msg, sizeof(msg));
	assert_int_equal(iks_crypto_v1_chain_phase2(
				 &qm, &s, &p1,
				 (uint32_t)msg[20] << 24 | (uint32_t)msg[21] << 16 |
				 (uint32_t)msg[22] << 8 | msg[23],
				 err, sizeof(err)), 0);
	for (unsigned frame = 7; frame <= 9; frame++) {
		len = load_frame("v1-mm-psk", frame, msg, sizeof(msg));
		assert_int_equal(iks_crypto_v1_decrypt(&s, &qm, msg + 28,
						       len - 28, pt, sizeof(pt),
						       NULL, err, sizeof(err)),
				 0);
		assert_true(iks_test_find_payload(pt, len - 28, 0, 8, 8, &off, &plen,
					 NULL));
		assert_int_equal(plen, 36);
	}
	iks_crypto_v1_suite_clear(&s);
	iks_keytab_free(&kt);
}

/* The same logs as charon writes them with ike_name = no (its default):
 * the "<conn|id> " tags removed.  The rows must not change. */
static void test_logs_without_tags(void **state)
{
	static const char *const files[] = {
		"c-xcbc.a.log", "c-xcbc.b.log", "c-rekey.a.log", "c-rekey.b.log",
		"v1-mm-psk.a.log", "v1-mm-psk.b.log", "c-gcm12.b.log",
		"v2-cert-ikefrag.b.log",
		/* three peers negotiating at once, IKEv1 and IKEv2 */
		"multi-3peers.a.log", "multi-3peers.b.log", "multi-3peers.c.log",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct iks_keytab tagged, bare;
		char path[512], err[IKS_ERRBUF_SIZE], *line = NULL, *text = NULL;
		size_t lcap = 0, tlen = 0, v1, v2, sk;
		FILE *in, *out;

		iks_keytab_init(&tagged);
		iks_keytab_init(&bare);
		snprintf(path, sizeof(path), LAB "%s", files[i]);
		in = fopen(path, "r");
		assert_non_null(in);
		assert_int_equal(iks_keylog_parse(&tagged, in, files[i], &v1, &v2,
						  &sk, err, sizeof(err)), 0);
		rewind(in);
		out = open_memstream(&text, &tlen);
		assert_non_null(in);
		assert_non_null(out);
		while (getline(&line, &lcap, in) > 0) {
			char *open_tag = strstr(line, "] <");
			char *close_tag = open_tag ? strstr(open_tag, "> ") : NULL;

			if (close_tag) {
				fwrite(line, 1, (size_t)(open_tag - line) + 2, out);
				fputs(close_tag + 2, out);
			} else {
				fputs(line, out);
			}
		}
		free(line);
		fclose(in);
		fclose(out);
		assert_null(strstr(text, "|1>"));
		in = fmemopen(text, tlen, "r");
		assert_int_equal(iks_keylog_parse(&bare, in, "bare", &v1, &v2, &sk,
						  err, sizeof(err)), 0);
		fclose(in);
		free(text);
		assert_true(tagged.n_v1 + tagged.n_v2 > 0);
		assert_int_equal(bare.n_v1, tagged.n_v1);
		assert_int_equal(bare.n_v2, tagged.n_v2);
		if (tagged.n_v1)
			assert_memory_equal(bare.v1, tagged.v1,
					    tagged.n_v1 * sizeof(tagged.v1[0]));
		if (tagged.n_v2)
			assert_memory_equal(bare.v2, tagged.v2,
					    tagged.n_v2 * sizeof(tagged.v2[0]));
		iks_keytab_free(&tagged);
		iks_keytab_free(&bare);
	}
}

/* Three peers at once (a-b IKEv2 PSK, a-c IKEv2 AES-GCM, c-b IKEv1):
 * their three logs give three SAs and every IKEv2 message decrypts. */
static void test_lab_three_peers(void **state)
{
	struct iks_keytab kt;
	unsigned done = 0;

	(void)state;
	iks_keytab_init(&kt);
	parse_log(&kt, "multi-3peers.a.log", 0, 2, 0);
	parse_log(&kt, "multi-3peers.b.log", 1, 1, 0);
	parse_log(&kt, "multi-3peers.c.log", 1, 0, 0);
	assert_int_equal(kt.n_v1, 1);
	assert_int_equal(kt.n_v2, 2);
	for (unsigned frame = 1; frame <= 27; frame++) {
		uint8_t msg[MSG_MAX], pt[MSG_MAX], np;
		size_t len = load_frame("multi-3peers", frame, msg, sizeof(msg));
		size_t pt_len;

		if (msg[17] != 0x20 || msg[16] != 46)
			continue;
		if (decrypt_frame(&kt, "multi-3peers", frame, pt, &pt_len, &np) != 0)
			fail_msg("frame %u", frame);
		assert_true(len > pt_len);
		done++;
	}
	assert_int_equal(done, 8); /* frames 6, 9, 16-21 */
	iks_keytab_free(&kt);
}

/* ------------------------------------------------ synthetic log lines */

static int parse_text(struct iks_keytab *kt, const char *text, size_t *v1,
		      size_t *v2, size_t *skipped)
{
	FILE *f = fmemopen((void *)(uintptr_t)text, strlen(text), "r");
	char err[IKS_ERRBUF_SIZE];
	int rc;

	assert_non_null(f);
	rc = iks_keylog_parse(kt, f, "t", v1, v2, skipped, err, sizeof(err));
	fclose(f);
	return rc;
}

/* Two threads' dumps interleave, the time format differs (syslog style
 * and none), and an AEAD SA has no Sk_a. */
static void test_interleaved_and_formats(void **state)
{
	const char text[] =
		"Nov 27 05:14:00 gw charon: 05[CFG] <x|7> selected proposal: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/ECP_256\n"
		"06[CFG] <y|8> selected proposal: IKE:AES_CBC_128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7> Sk_ei secret => 20 bytes @ 0x1\n"
		"06[IKE] <y|8> Sk_ai secret => 20 bytes @ 0x2\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7>    0: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F  ................\n"
		"06[IKE] <y|8>    0: A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF  ................\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7>   16: 10 11 12 13                                      ....\n"
		"06[IKE] <y|8>   16: B0 B1 B2 B3                                      ....\n"
		"06[IKE] <y|8> Sk_ar secret => 20 bytes @ 0x2\n"
		"06[IKE] <y|8>    0: A0 A1 A2 A3 A4 A5 A6 A7 A8 A9 AA AB AC AD AE AF  ................\n"
		"06[IKE] <y|8>   16: B0 B1 B2 B3                                      ....\n"
		"06[IKE] <y|8> Sk_ei secret => 16 bytes @ 0x2\n"
		"06[IKE] <y|8>    0: C0 C1 C2 C3 C4 C5 C6 C7 C8 C9 CA CB CC CD CE CF  ................\n"
		"06[IKE] <y|8> Sk_er secret => 16 bytes @ 0x2\n"
		"06[IKE] <y|8>    0: D0 D1 D2 D3 D4 D5 D6 D7 D8 D9 DA DB DC DD DE DF  ................\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7> Sk_er secret => 20 bytes @ 0x1\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7>    0: 20 21 22 23 24 25 26 27 28 29 2A 2B 2C 2D 2E 2F  ................\n"
		"Nov 27 05:14:00 gw charon: 05[IKE] <x|7>   16: 30 31 32 33                                      ....\n"
		"06[MGR] <y|8> checkin IKEv2 SA y[8] with SPIs 1111111111111111_i 2222222222222222_r\n"
		"Nov 27 05:14:01 gw charon: 05[MGR] <x|7> checkin IKEv2 SA x[7] with SPIs 3333333333333333_i 0000000000000000_r\n"
		"Nov 27 05:14:01 gw charon: 05[MGR] <x|7> checkin IKEv2 SA x[7] with SPIs 3333333333333333_i 4444444444444444_r\n";
	const uint8_t s1[8] = { 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11 };
	const uint8_t s2[8] = { 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22, 0x22 };
	const uint8_t s3[8] = { 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33, 0x33 };
	const uint8_t s4[8] = { 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44, 0x44 };
	struct iks_keytab kt;
	const struct iks_v2_keys *k;
	size_t v1, v2, skipped;

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(parse_text(&kt, text, &v1, &v2, &skipped), 0);
	assert_int_equal(v2, 2);
	assert_int_equal(skipped, 0);
	k = iks_keytab_find_v2(&kt, s1, s2);
	assert_non_null(k);
	assert_int_equal(k->integ, 2);
	assert_int_equal(k->sk_a_len, 20);
	assert_int_equal(k->sk_ai[19], 0xb3);
	assert_int_equal(k->sk_er[15], 0xdf);
	k = iks_keytab_find_v2(&kt, s3, s4);
	assert_non_null(k);
	assert_int_equal(k->encr, 20);
	assert_int_equal(k->sk_e_len, 20);
	assert_int_equal(k->sk_ei[19], 0x13);
	assert_int_equal(k->sk_er[0], 0x20);
	assert_int_equal(k->sk_a_len, 0);
	iks_keytab_free(&kt);
}

/* A dump cut short, an unknown proposal and an overlong line. */
static void test_incomplete_and_unknown(void **state)
{
	char *text;
	size_t v1, v2, skipped, n = 0, cap = 16384;
	struct iks_keytab kt;

	(void)state;
	text = malloc(cap);
	assert_non_null(text);
	n += (size_t)snprintf(text + n, cap - n, "%s",
		/* SA 1: Sk_er dump interrupted: no row */
		"01[CFG] <a|1> selected proposal: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/ECP_256\n"
		"01[IKE] <a|1> Sk_ei secret => 20 bytes @ 0x1\n"
		"01[IKE] <a|1>    0: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F  ................\n"
		"01[IKE] <a|1>   16: 10 11 12 13                                      ....\n"
		"01[IKE] <a|1> Sk_er secret => 20 bytes @ 0x1\n"
		"01[IKE] <a|1>    0: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F  ................\n"
		"01[IKE] <a|1> something else\n"
		"01[MGR] <a|1> checkin IKEv2 SA a[1] with SPIs 1111111111111111_i 2222222222222222_r\n"
		/* SA 2: an algorithm we do not decrypt */
		"02[CFG] <b|2> selected proposal: IKE:SERPENT_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048\n"
		"02[IKE] <b|2> Sk_ai secret => 4 bytes @ 0x1\n"
		"02[IKE] <b|2>    0: 00 01 02 03                                      ....\n"
		"02[IKE] <b|2> Sk_ar secret => 4 bytes @ 0x1\n"
		"02[IKE] <b|2>    0: 00 01 02 03                                      ....\n"
		"02[IKE] <b|2> Sk_ei secret => 4 bytes @ 0x1\n"
		"02[IKE] <b|2>    0: 00 01 02 03                                      ....\n"
		"02[IKE] <b|2> Sk_er secret => 4 bytes @ 0x1\n"
		"02[IKE] <b|2>    0: 00 01 02 03                                      ....\n"
		"02[MGR] <b|2> checkin IKEv2 SA b[2] with SPIs 3333333333333333_i 4444444444444444_r\n");
	/* an overlong line between an IKEv1 key header and its dump: the
	 * line is dropped whole and does not end the dump */
	n += (size_t)snprintf(text + n, cap - n, "%s",
		"03[IKE] <c|3> encryption key Ka => 16 bytes @ 0x1\n"
		"03[IKE] <c|3> ");
	memset(text + n, 'x', 5000);
	n += 5000;
	n += (size_t)snprintf(text + n, cap - n, "%s",
		"\n03[IKE] <c|3>    0: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F  ................\n"
		"03[MGR] <c|3> checkin IKEv1 SA c[3] with SPIs 5555555555555555_i 6666666666666666_r\n"
		"no thread here at all\n");
	iks_keytab_init(&kt);
	assert_int_equal(parse_text(&kt, text, &v1, &v2, &skipped), 0);
	assert_int_equal(v2, 0);
	assert_int_equal(skipped, 1);
	assert_int_equal(v1, 1);
	assert_int_equal(kt.v1[0].key_len, 16);
	assert_int_equal(kt.v1[0].key[15], 0x0f);
	free(text);
	iks_keytab_free(&kt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lab_algorithms),
		cmocka_unit_test(test_exact_output_buffer),
		cmocka_unit_test(test_lab_wrong_keys),
		cmocka_unit_test(test_lab_ike_rekey),
		cmocka_unit_test(test_lab_skf_fragments),
		cmocka_unit_test(test_lab_ikev1),
		cmocka_unit_test(test_lab_three_peers),
		cmocka_unit_test(test_logs_without_tags),
		cmocka_unit_test(test_interleaved_and_formats),
		cmocka_unit_test(test_incomplete_and_unknown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
