/*
 * Unit tests for ikescope/crypto.h: key tables and IKEv2 SK decryption,
 * against the Wireshark corpus (tests/data/crypto/README.md says where the
 * message bytes and the expected values come from).
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

//* Frame `frame` of a "<frame>\t<udp payload hex>" file (README.md). */
static size_t load_frame(const char *name, unsigned frame, uint8_t *out, size_t cap)
{
	char path[512];
	size_t n;

	snprintf(path, sizeof(path), DATA "%s", name);
	n = iks_test_load_frame(path, frame, out, cap);
	assert_true(n >= 28);
	return n;
}

static void tohex(const uint8_t *p, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = '\0';
}

static void load_table(struct iks_keytab *kt, const char *file)
{
	char path[512], err[IKS_ERRBUF_SIZE] = "";
	int rc;

	snprintf(path, sizeof(path), DATA "%s", file);
	rc = iks_keytab_load(kt, path, err, sizeof(err));
	if (rc != 0)
		fail_msg("%s", err);
}

/* Decrypt the SK payload of one frame; returns the IKS code. */
static int decrypt_frame(const struct iks_keytab *kt, const char *file,
			 unsigned frame, uint8_t *pt, size_t *pt_len,
			 uint8_t *first_np, char *err)
{
	uint8_t msg[MSG_MAX];
	size_t len = load_frame(file, frame, msg, sizeof(msg));
	const struct iks_v2_keys *k = iks_keytab_find_v2(kt, msg, msg + 8);
	size_t sk_off = 0, sk_len = 0;

	assert_non_null(k);
	assert_true(iks_test_find_payload(msg, len, 28, msg[16], 46, &sk_off, &sk_len,
				 first_np));
	return iks_crypto_v2_decrypt(k, (msg[19] & 0x08) != 0, msg, len,
				     sk_off, sk_len, false, pt, MSG_MAX,
				     pt_len, err, IKS_ERRBUF_SIZE);
}

/* ---------------------------------------------------- corpus: IKEv2 */

struct auth_case {
	const char *file;
	unsigned frame;
	const char *auth_hex; /* AUTH payload data */
};

/*
 * Frame 3 is the initiator's IKE_AUTH (SK_ei/SK_ai), frame 4 the
 * responder's (SK_er/SK_ar).  One value per capture is what Wireshark's
 * test_decryption.py asserts; the other is what tshark 4.0.17 shows.
 */
static const struct auth_case auth_cases[] = {
	{ "ikev2-decrypt-3des-sha1_160.hex", 3,
	  "02f7a0d5f1fdc8ea81039818c65bb9bd09af9b8917319b887ff9ba3046c344c7" },
	{ "ikev2-decrypt-3des-sha1_160.hex", 4,
	  "f6bbc7b60d1502191f1c6bed6fd8dcda8c4c0f879ff5ae544b66086392959641" },
	{ "ikev2-decrypt-aes128ccm12.hex", 4,
	  "c2104394299e1ffe7908ea720ad5d13717a0d454e4fa0a2128ea689411f479c4" },
	{ "ikev2-decrypt-aes128ccm12.hex", 3,
	  "c335abf2598a6730a4c3ff3a9e3281c24f3899e1d02027f47dc065bc2c1eedca" },
	{ "ikev2-decrypt-aes128ccm12-2.hex", 3,
	  "aaa281c87b4a19046c57271d557488ca413b57228cb951f5fa9640992a0285b9" },
	{ "ikev2-decrypt-aes128ccm12-2.hex", 4,
	  "ca9504df5c91a0ee5216148cf70759f4621edaa32ce1a2498ae56d8dba9be460" },
	{ "ikev2-decrypt-aes192ctr.hex", 3,
	  "3ec23dcf9348485638407c754547aeb3085290082c49f583fdbae59263a20b4a" },
	{ "ikev2-decrypt-aes192ctr.hex", 4,
	  "37cc3de8ba560cec4ed39aae24f19e5c94cc55654c060a322ecd1e72f7f791a2" },
	{ "ikev2-decrypt-aes256cbc.hex", 3,
	  "e1a8d550064201a7ec024a85758d0673c61c5c510ac13bcd225d6327f50da3d3" },
	{ "ikev2-decrypt-aes256cbc.hex", 4,
	  "ebbc48efe986d5058f0d52a71f34986d1ab78f63c0fdde69164cd57638b1b048" },
	{ "ikev2-decrypt-aes256ccm16.hex", 3,
	  "fa2e74bdc01e30fb0b3ddc9723c9449095969da51f69e560209d2c2b7940210a" },
	{ "ikev2-decrypt-aes256ccm16.hex", 4,
	  "bf368b0105a598390eeb6b230ff279cd21ba70481370b19f0d7c739c69b97999" },
	{ "ikev2-decrypt-aes256gcm16.hex", 4,
	  "9ab71f14ab553cad873a1aa70b99df155dee77cdcf3694b3b7527acbb9712ded" },
	{ "ikev2-decrypt-aes256gcm16.hex", 3,
	  "bc404a4c66a36c59a0b3fd700bbc5597176ad2c5e5df5bba82c4a6b6b4ef8b31" },
	{ "ikev2-decrypt-aes256gcm8.hex", 3,
	  "4a66d822d0afbc22ad9a92a2cf4287c920ad8ac3b069a4a7e75fe0a5d499f914" },
	{ "ikev2-decrypt-aes256gcm8.hex", 4,
	  "fba50353f2535dab9804ca772fc7b2d19e85ffb48da87918a9a54bbd9975a078" },
};

static void test_corpus_auth_payloads(void **state)
{
	struct iks_keytab kt;

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	assert_int_equal(kt.n_v2, 9);
	for (size_t i = 0; i < sizeof(auth_cases) / sizeof(auth_cases[0]); i++) {
		const struct auth_case *tc = &auth_cases[i];
		uint8_t pt[MSG_MAX], np = 0;
		size_t pt_len = 0, a_off = 0, a_len = 0;
		char err[IKS_ERRBUF_SIZE] = "", hex[2 * MSG_MAX + 1];
		int rc = decrypt_frame(&kt, tc->file, tc->frame, pt, &pt_len,
				       &np, err);

		if (rc != 0)
			fail_msg("%s frame %u: %s", tc->file, tc->frame, err);
		assert_true(iks_test_find_payload(pt, pt_len, 0, np, 39, &a_off, &a_len,
					 NULL));
		/* AUTH: generic header, method, 3 reserved, data */
		assert_true(a_len > 8);
		tohex(pt + a_off + 8, a_len - 8, hex);
		if (strcmp(hex, tc->auth_hex) != 0)
			fail_msg("%s frame %u: AUTH %s", tc->file, tc->frame, hex);
	}
	iks_keytab_free(&kt);
}

/* The INFORMATIONAL exchanges decrypt too (Delete, both directions). */
static void test_corpus_informational(void **state)
{
	static const char *const files[] = {
		"ikev2-decrypt-3des-sha1_160.hex",
		"ikev2-decrypt-aes128ccm12.hex",
		"ikev2-decrypt-aes128ccm12-2.hex",
		"ikev2-decrypt-aes192ctr.hex",
		"ikev2-decrypt-aes256gcm16.hex",
		"ikev2-decrypt-aes256gcm8.hex",
	};
	struct iks_keytab kt;

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		for (unsigned frame = 5; frame <= 6; frame++) {
			uint8_t pt[MSG_MAX], np = 0;
			size_t pt_len = 0, off, len;
			char err[IKS_ERRBUF_SIZE] = "";
			int rc = decrypt_frame(&kt, files[i], frame, pt,
					       &pt_len, &np, err);

			if (rc != 0)
				fail_msg("%s frame %u: %s", files[i], frame, err);
			/* a request carries Delete (42), the answer nothing */
			if (pt_len)
				assert_true(iks_test_find_payload(pt, pt_len, 0, np, 42,
							 &off, &len, NULL));
			else
				assert_int_equal(np, 0);
		}
	}
	iks_keytab_free(&kt);
}

/* ----------------------------------------------------- negative tests */

static const char row_cbc[] =
	"191ccd371a7a1f7b,bc123d15e4af593f,"
	"9096ddd2933620e8f48122c53a3f562cb0222c1cf97ce41fcc874ea2582a89ac,"
	"6718c6b2bbef2f234eac4c13832f885d87b574afd2af0111161e99b5dc61b4d4,"
	"\"AES-CBC-256 [RFC3602]\","
	"12d532c3e83c757906af548dfe1ccf223ca5507af77898454e2d55c8ace57a17,"
	"30c4ead18c93024b58a86c1e3db60f550221801026853170b4cb0248d3a95329,"
	"\"HMAC_SHA2_256_128 [RFC4868]\"\n";

static void test_wrong_integrity_key(void **state)
{
	struct iks_keytab kt;
	char text[1024], err[IKS_ERRBUF_SIZE] = "";
	uint8_t pt[MSG_MAX], np;
	size_t pt_len = 99;
	char *p;

	(void)state;
	iks_keytab_init(&kt);
	snprintf(text, sizeof(text), "%s", row_cbc);
	/* flip one hex digit of SK_ai */
	p = strstr(text, "12d532c3");
	assert_non_null(p);
	p[0] = '2';
	assert_int_equal(iks_keytab_load_mem(&kt, "t", text, strlen(text), err,
					     sizeof(err)), 0);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256cbc.hex", 3,
				       pt, &pt_len, &np, err),
			 IKS_ERR_INTEGRITY);
	assert_int_equal(pt_len, 0);
	assert_non_null(strstr(err, "integrity check failed"));
	/* the responder's direction still works: only SK_ai was wrong */
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256cbc.hex", 4,
				       pt, &pt_len, &np, err), 0);
	iks_keytab_free(&kt);
}

static void test_wrong_aead_key(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	const char text[] =
		"0158b8fb90b7623d,13514610cea16160,"
		"747075bf167447a1c8683e8dbe4794b4cfe73799cc6bec34905441159ce13705c8dfb3a9,"
		"15c9eae6f94631d63068bf44bb69999abc07b3d15e915fd8f0ed99ad481efd75deb02a5e,"
		"AES-GCM-256 with 16 octet ICV [RFC5282],,,NONE [RFC4306]\n";
	uint8_t pt[MSG_MAX], np;
	size_t pt_len;

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(iks_keytab_load_mem(&kt, "t", text, strlen(text), err,
					     sizeof(err)), 0);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256gcm16.hex", 3,
				       pt, &pt_len, &np, err),
			 IKS_ERR_INTEGRITY);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256gcm16.hex", 4,
				       pt, &pt_len, &np, err), 0);
	iks_keytab_free(&kt);
}

/* One flipped ciphertext bit: every checked mode refuses it. */
static void test_corrupted_ciphertext(void **state)
{
	static const char *const files[] = {
		"ikev2-decrypt-3des-sha1_160.hex",
		"ikev2-decrypt-aes128ccm12.hex",
		"ikev2-decrypt-aes192ctr.hex",
		"ikev2-decrypt-aes256cbc.hex",
		"ikev2-decrypt-aes256ccm16.hex",
		"ikev2-decrypt-aes256gcm8.hex",
	};
	struct iks_keytab kt;

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		uint8_t msg[MSG_MAX], pt[MSG_MAX];
		size_t len = load_frame(files[i], 3, msg, sizeof(msg));
		const struct iks_v2_keys *k = iks_keytab_find_v2(&kt, msg,
								 msg + 8);
		size_t sk_off = 0, sk_len = 0, pt_len = 0;
		char err[IKS_ERRBUF_SIZE];

		assert_non_null(k);
		assert_true(iks_test_find_payload(msg, len, 28, msg[16], 46, &sk_off,
					 &sk_len, NULL));
		msg[sk_off + sk_len / 2] ^= 0x01;
		assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len, sk_off,
						       sk_len, false, pt,
						       sizeof(pt), &pt_len,
						       err, sizeof(err)),
				 IKS_ERR_INTEGRITY);
		/* and the header is authenticated too */
		msg[sk_off + sk_len / 2] ^= 0x01;
		msg[20] ^= 0x01; /* message id */
		assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len, sk_off,
						       sk_len, false, pt,
						       sizeof(pt), &pt_len,
						       err, sizeof(err)),
				 IKS_ERR_INTEGRITY);
	}
	iks_keytab_free(&kt);
}

static void test_bad_sk_geometry(void **state)
{
	struct iks_keytab kt;
	uint8_t msg[MSG_MAX], pt[MSG_MAX];
	size_t len, sk_off = 0, sk_len = 0, pt_len;
	const struct iks_v2_keys *k;
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	len = load_frame("ikev2-decrypt-aes256cbc.hex", 3, msg, sizeof(msg));
	k = iks_keytab_find_v2(&kt, msg, msg + 8);
	assert_non_null(k);
	assert_true(iks_test_find_payload(msg, len, 28, msg[16], 46, &sk_off, &sk_len,
				 NULL));
	/* SK running past the message */
	assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len - 1, sk_off,
					       sk_len, false, pt, sizeof(pt),
					       &pt_len, err, sizeof(err)),
			 IKS_ERR_LENGTH);
	/* caller's length disagrees with the header */
	assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len, sk_off,
					       sk_len - 16, false, pt,
					       sizeof(pt), &pt_len, err,
					       sizeof(err)),
			 IKS_ERR_LENGTH);
	/* output buffer too small */
	assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len, sk_off,
					       sk_len, false, pt, 16, &pt_len,
					       err, sizeof(err)),
			 IKS_ERR_OVERFLOW);
	/* an SK too short for IV + ICV */
	msg[sk_off + 2] = 0;
	msg[sk_off + 3] = 20;
	assert_int_equal(iks_crypto_v2_decrypt(k, true, msg, len, sk_off, 20,
					       false, pt, sizeof(pt), &pt_len,
					       err, sizeof(err)),
			 IKS_ERR_TRUNCATED);
	iks_keytab_free(&kt);
}

static void test_key_for_other_sa(void **state)
{
	struct iks_keytab kt;
	uint8_t msg[MSG_MAX];
	uint8_t spi_r[8];

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	load_frame("ikev2-decrypt-aes256cbc.hex", 3, msg, sizeof(msg));
	assert_non_null(iks_keytab_find_v2(&kt, msg, msg + 8));
	memcpy(spi_r, msg + 8, 8);
	spi_r[7] ^= 1;
	assert_null(iks_keytab_find_v2(&kt, msg, spi_r));
	/* SPIs swapped are another SA */
	assert_null(iks_keytab_find_v2(&kt, msg + 8, msg));
	/* a v1 lookup with an IKEv2 SPI finds nothing */
	assert_null(iks_keytab_find_v1(&kt, msg));
	iks_keytab_free(&kt);
}

/* ---------------------------------------------------- key table files */

static int load_text(struct iks_keytab *kt, const char *text, char *err)
{
	return iks_keytab_load_mem(kt, "keys.txt", text, strlen(text), err,
				   IKS_ERRBUF_SIZE);
}

static void test_truncated_key_names_line(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	const char text[] =
		"# keys\n"
		"\n"
		"191ccd371a7a1f7b,bc123d15e4af593f,"
		"9096ddd2933620e8f48122c53a3f562cb0222c1c,"
		"6718c6b2bbef2f234eac4c13832f885d87b574afd2af0111161e99b5dc61b4d4,"
		"\"AES-CBC-256 [RFC3602]\",,,\"ANY 96-bits of Authentication [No Checking]\"\n";

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(load_text(&kt, text, err), IKS_ERR_KEYFILE);
	assert_string_equal(err,
			    "keys.txt:3: SK_ei has 20 bytes, AES-CBC-256 needs 32");
	assert_int_equal(kt.n_v2, 0);
	iks_keytab_free(&kt);
}

static void test_malformed_rows(void **state)
{
	static const struct {
		const char *text;
		int rc;
		const char *msg;
	} cases[] = {
		{ "1234567890123456,0987654321098765,,,\"ROT13\",,,\"NONE [RFC4306]\"\n",
		  IKS_ERR_UNSUPPORTED,
		  "keys.txt:1: unknown encryption algorithm \"ROT13\"" },
		{ "1234567890123456,0987654321098765,,,\"NULL [RFC2410]\",,,\"HMAC_FOO\"\n",
		  IKS_ERR_UNSUPPORTED,
		  "keys.txt:1: unknown integrity algorithm \"HMAC_FOO\"" },
		{ "fafaeb49382a763c,735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa24\n",
		  IKS_ERR_KEYFILE,
		  "keys.txt:1: encryption key: odd number of hex digits" },
		{ "fafaeb49382a76,735be0cb62f82675\n", IKS_ERR_KEYFILE,
		  "keys.txt:1: initiator cookie has 7 bytes, must be 8 (16 hex digits)" },
		{ "# c\n12345678901234567,0987654321098765,,,NULL [RFC2410],,,NONE [RFC4306]\n",
		  IKS_ERR_KEYFILE, "keys.txt:2: SPIi: odd number of hex digits" },
		{ "fafaeb49382a763c,735be0cb62f8267g\n", IKS_ERR_KEYFILE,
		  "keys.txt:1: encryption key: not a hex digit" },
		{ "a,b,c\n", IKS_ERR_KEYFILE, NULL },
		{ "1234567890123456,0987654321098765,,,\"NULL [RFC2410],,,NONE\n",
		  IKS_ERR_KEYFILE, "keys.txt:1: unterminated quote" },
		{ "ea684d21597afd36,d9fe2ab22dac23ac,"
		  "be83fe15f6a9976941870830fe26c014b863b3,"
		  "79e0f4476861a76e64329e787b1c4ff38d732f,"
		  "\"AES-CCM-128 with 12 octet ICV [RFC5282]\",00,00,"
		  "\"HMAC_SHA1_96 [RFC2404]\"\n",
		  IKS_ERR_KEYFILE, NULL },
		{ "ikev2 X 0x1234567890123456 0x0987654321098765 sha1:0x00 aes128:0x00\n",
		  IKS_ERR_KEYFILE, NULL },
		{ "ikev2 I 0x1234567890123456 0x0987654321098765 "
		  "sha1:0x0001020304050607080910111213141516171819 "
		  "aes128:0x00010203040506070809101112131415\n",
		  IKS_ERR_KEYFILE,
		  "keys.txt:1: \"ikev2 I\" line has no \"ikev2 R\" line for the same SPIs" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct iks_keytab kt;
		char err[IKS_ERRBUF_SIZE] = "";

		iks_keytab_init(&kt);
		assert_int_equal(load_text(&kt, cases[i].text, err), cases[i].rc);
		assert_true(strncmp(err, "keys.txt:", 9) == 0);
		if (cases[i].msg)
			assert_string_equal(err, cases[i].msg);
		assert_int_equal(kt.n_v1 + kt.n_v2, 0);
		iks_keytab_free(&kt);
	}
}

static void test_unreadable_files(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(iks_keytab_load(&kt, DATA "no-such-file", err,
					 sizeof(err)), IKS_ERR_IO);
	assert_non_null(strstr(err, "no-such-file: No such file"));
	assert_int_equal(iks_keytab_load(&kt, DATA, err, sizeof(err)),
			 IKS_ERR_IO);
	assert_non_null(strstr(err, "Is a directory"));
	iks_keytab_free(&kt);
}

/* A bad row rejects the whole file but keeps what earlier files loaded. */
static void test_bad_file_keeps_table(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev1_decryption_table.tmpl");
	assert_int_equal(kt.n_v1, 3);
	assert_int_equal(load_text(&kt,
				   "0000000000000001,00112233\nbad\n", err),
			 IKS_ERR_KEYFILE);
	assert_int_equal(kt.n_v1, 3);
	iks_keytab_free(&kt);
}

static void test_quoting_and_comments(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	const char text[] =
		"\xef\xbb\xbf# strongSwan save-keys style, quoted\r\n"
		"   # indented comment\n"
		"\n"
		"191ccd371a7a1f7b,bc123d15e4af593f,"
		"9096ddd2933620e8f48122c53a3f562cb0222c1cf97ce41fcc874ea2582a89ac,"
		"6718c6b2bbef2f234eac4c13832f885d87b574afd2af0111161e99b5dc61b4d4,"
		"\"AES-CBC-256 [RFC3602]\","
		"12d532c3e83c757906af548dfe1ccf223ca5507af77898454e2d55c8ace57a17,"
		"30c4ead18c93024b58a86c1e3db60f550221801026853170b4cb0248d3a95329,"
		"\"HMAC_SHA2_256_128 [RFC4868]\"\r\n"
		/* unquoted, spaces around fields, upper-case hex */
		"0158B8FB90B7623D , 13514610CEA16160 ,"
		"647075bf167447a1c8683e8dbe4794b4cfe73799cc6bec34905441159ce13705c8dfb3a9,"
		"15c9eae6f94631d63068bf44bb69999abc07b3d15e915fd8f0ed99ad481efd75deb02a5e,"
		" AES-GCM-256 with 16 octet ICV [RFC5282] ,,, NONE [RFC4306]\n"
		/* typed by hand: no RFC reference */
		"a2926ae833c6f138,5464c57d0dc5e272,"
		"5daf82e6fd7e57d5fbf76cd5af73fd46035db0bc,"
		"68848f4a7602b20c7d033cc998b0c097032ac38a,"
		"aes-ctr-128,,,ANY 96-bits of Authentication\n"
		/* IKEv1 row in the same file, 0x prefix; no final newline */
		"fafaeb49382a763c,0x735be0cb62f82675c4f7bf8fbab9b56834ba76d6ab4fa240";
	const uint8_t gcm_spi[8] = { 0x01, 0x58, 0xb8, 0xfb, 0x90, 0xb7, 0x62, 0x3d };
	const uint8_t gcm_spr[8] = { 0x13, 0x51, 0x46, 0x10, 0xce, 0xa1, 0x61, 0x60 };
	const struct iks_v2_keys *k;
	uint8_t pt[MSG_MAX], np;
	size_t pt_len;

	(void)state;
	iks_keytab_init(&kt);
	if (load_text(&kt, text, err) != 0)
		fail_msg("%s", err);
	assert_int_equal(kt.n_v2, 3);
	assert_int_equal(kt.n_v1, 1);
	assert_int_equal(kt.v1[0].key_len, 24);
	k = iks_keytab_find_v2(&kt, gcm_spi, gcm_spr);
	assert_non_null(k);
	assert_int_equal(k->encr, 20);
	assert_int_equal(k->encr_bits, 256);
	assert_int_equal(k->aead_icv, 16);
	assert_int_equal(k->sk_e_len, 36);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256cbc.hex", 3,
				       pt, &pt_len, &np, err), 0);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256gcm16.hex", 4,
				       pt, &pt_len, &np, err), 0);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes128ccm12-2.hex", 3,
				       pt, &pt_len, &np, err), 0);
	iks_keytab_free(&kt);
}

/* save-keys writes esp_sa next to the IKE tables; passing it is no error
 * but gives no IKE rows. */
static void test_esp_sa_rows_ignored(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	const char text[] =
		"\"IPv4\",\"192.168.0.1\",\"192.168.0.100\",\"0x070883c2\","
		"\"AES-CBC [RFC3602]\",\"0x5de1a4c2c72662c9fda7a7c78cd25623\","
		"\"HMAC-SHA-1-96 [RFC2404]\","
		"\"0x51c9213c18232f8f26c70c4dee6e0e6d56e31e8a\"\n"
		"\"IPv6\",\"::1\",\"::2\",\"0x1\",\"NULL\",\"\",\"NULL\",\"\"\n";

	(void)state;
	iks_keytab_init(&kt);
	assert_int_equal(load_text(&kt, text, err), 0);
	assert_int_equal(kt.n_v1 + kt.n_v2, 0);
	iks_keytab_free(&kt);
}

/* ENCR_NULL: no IV, no encryption; padding still removed, and an
 * unchecked ICV still stripped. */
static void test_null_encryption(void **state)
{
	static const uint8_t inner[] = { 0, 0, 0, 8, 1, 2, 3, 4 }; /* a payload */
	struct iks_v2_keys k;
	uint8_t msg[128], pt[128];
	size_t n = 0, pt_len = 0, sk_off;
	char err[IKS_ERRBUF_SIZE] = "";

	(void)state;
	memset(&k, 0, sizeof(k));
	assert_int_equal(iks_crypto_v2_set_algs(&k, 11 /* NULL */, 0, 0, err,
						sizeof(err)), 0);
	memset(msg, 0, 28); /* IKE header; contents do not matter here */
	msg[16] = 46;
	n = 28;
	sk_off = n;
	msg[n++] = 43; /* inner first payload */
	msg[n++] = 0;
	msg[n++] = 0;
	msg[n++] = (uint8_t)(4 + sizeof(inner) + 3);
	memcpy(msg + n, inner, sizeof(inner));
	n += sizeof(inner);
	msg[n++] = 0xee; /* padding */
	msg[n++] = 0xee;
	msg[n++] = 2;    /* pad length */
	assert_int_equal(iks_crypto_v2_decrypt(&k, true, msg, n, sk_off,
					       n - sk_off, false, pt,
					       sizeof(pt), &pt_len, err,
					       sizeof(err)), 0);
	assert_int_equal(pt_len, sizeof(inner));
	assert_memory_equal(pt, inner, sizeof(inner));
	/* with "ANY 64-bits": the last 8 bytes are the ICV, unchecked */
	k.integ = IKS_CRYPTO_INTEG_UNCHECKED;
	k.integ_icv = 8;
	memset(msg + n, 0x55, 8);
	n += 8;
	msg[sk_off + 3] = (uint8_t)(msg[sk_off + 3] + 8);
	assert_int_equal(iks_crypto_v2_decrypt(&k, false, msg, n, sk_off,
					       n - sk_off, false, pt,
					       sizeof(pt), &pt_len, err,
					       sizeof(err)), 0);
	assert_int_equal(pt_len, sizeof(inner));
	/* a pad length longer than the data */
	msg[n - 9] = 40;
	assert_int_equal(iks_crypto_v2_decrypt(&k, false, msg, n, sk_off,
					       n - sk_off, false, pt,
					       sizeof(pt), &pt_len, err,
					       sizeof(err)), IKS_ERR_LENGTH);
	assert_non_null(strstr(err, "wrong key?"));
}

/* A later file replaces a row with the same SPIs (repeated --keys). */
static void test_later_file_wins(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE];
	const uint8_t ck[8] = { 0xfa, 0xfa, 0xeb, 0x49, 0x38, 0x2a, 0x76, 0x3c };

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev1_decryption_table.tmpl");
	assert_int_equal(load_text(&kt, "fafaeb49382a763c,0011223344556677\n", err), 0);
	assert_int_equal(kt.n_v1, 3);
	assert_int_equal(iks_keytab_find_v1(&kt, ck)->key_len, 8);
	/* shorter than any cipher's key (DES: 8 bytes): refused, row kept */
	assert_int_not_equal(load_text(&kt, "fafaeb49382a763c,00112233\n", err), 0);
	assert_int_equal(iks_keytab_find_v1(&kt, ck)->key_len, 8);
	iks_keytab_free(&kt);
}

/* tcpdump -E / libreswan lines, in either algorithm order. */
static void test_tcpdump_lines(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	const char text[] =
		"ikev2 I 0x191ccd371a7a1f7b 0xbc123d15e4af593f "
		"sha2_256:0x12d532c3e83c757906af548dfe1ccf223ca5507af77898454e2d55c8ace57a17 "
		"aes256:0x9096ddd2933620e8f48122c53a3f562cb0222c1cf97ce41fcc874ea2582a89ac\n"
		"ikev2 R 0x191ccd371a7a1f7b 0xbc123d15e4af593f "
		"aes-256-cbc:0x6718c6b2bbef2f234eac4c13832f885d87b574afd2af0111161e99b5dc61b4d4 "
		"hmac-sha2_256:0x30c4ead18c93024b58a86c1e3db60f550221801026853170b4cb0248d3a95329\n";
	uint8_t pt[MSG_MAX], np;
	size_t pt_len;

	(void)state;
	iks_keytab_init(&kt);
	if (load_text(&kt, text, err) != 0)
		fail_msg("%s", err);
	assert_int_equal(kt.n_v2, 1);
	assert_int_equal(kt.v2[0].integ, 12);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256cbc.hex", 3,
				       pt, &pt_len, &np, err), 0);
	assert_int_equal(decrypt_frame(&kt, "ikev2-decrypt-aes256cbc.hex", 4,
				       pt, &pt_len, &np, err), 0);
	iks_keytab_free(&kt);
}

/* Algorithms from negotiated transforms (as track/probe know them). */
static void test_set_algs(void **state)
{
	struct iks_v2_keys k;
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	memset(&k, 0, sizeof(k));
	assert_int_equal(iks_crypto_v2_set_algs(&k, 20 /* AES-GCM-16 */, 256,
						0, err, sizeof(err)), 0);
	assert_int_equal(k.salt_len, 4);
	assert_int_equal(k.aead_icv, 16);
	assert_string_equal(iks_crypto_v2_encr_name(&k),
			    "AES-GCM-256 with 16 octet ICV [RFC5282]");
	assert_int_equal(iks_crypto_v2_set_algs(&k, 3 /* 3DES */, 0,
						2 /* HMAC-SHA1-96 */, err,
						sizeof(err)), 0);
	assert_int_equal(k.encr_bits, 192);
	assert_int_equal(k.integ_icv, 12);
	assert_string_equal(iks_crypto_v2_integ_name(&k),
			    "HMAC_SHA1_96 [RFC2404]");
	assert_int_equal(iks_crypto_v2_set_algs(&k, 28 /* ChaCha20 */, 0, 0,
						err, sizeof(err)), 0);
	assert_int_equal(k.encr_bits, 256);
	assert_null(iks_crypto_v2_encr_name(&k)); /* Wireshark has none */
	assert_int_equal(iks_crypto_v2_set_algs(&k, 5 /* IDEA */, 0, 5, err,
						sizeof(err)),
			 IKS_ERR_UNSUPPORTED);
	/* AES needs its Key Length attribute */
	assert_int_equal(iks_crypto_v2_set_algs(&k, 12, 0, 12, err,
						sizeof(err)),
			 IKS_ERR_UNSUPPORTED);
	/* with keys present, their lengths are checked too */
	k.sk_e_len = 16;
	k.sk_a_len = 32;
	assert_int_equal(iks_crypto_v2_set_algs(&k, 12, 128, 12, err,
						sizeof(err)), 0);
	assert_int_equal(iks_crypto_v2_set_algs(&k, 12, 256, 12, err,
						sizeof(err)),
			 IKS_ERR_KEYFILE);
	assert_string_equal(err, "SK_e has 16 bytes, AES-CBC-256 needs 32");
	/* and XCBC/CMAC are written for Wireshark as unchecked 96 bits */
	k.sk_a_len = 16;
	assert_int_equal(iks_crypto_v2_set_algs(&k, 12, 128, 5, err,
						sizeof(err)), 0);
	assert_string_equal(iks_crypto_v2_integ_name(&k),
			    "ANY 96-bits of Authentication [No Checking]");
}

/* ------------------------------------------------ writing and masking */

static void test_write_roundtrip(void **state)
{
	struct iks_keytab kt, back;
	char err[IKS_ERRBUF_SIZE] = "", *buf = NULL, path[512];
	size_t len = 0, skipped = 99;
	FILE *f;

	(void)state;
	iks_keytab_init(&kt);
	iks_keytab_init(&back);
	load_table(&kt, "ikev2_decryption_table.tmpl");
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(iks_keytab_write(&kt, IKS_KEYTAB_V2, f, &skipped, err,
					  sizeof(err)), 0);
	fclose(f);
	assert_int_equal(skipped, 0);
	/* byte-identical to what Wireshark wrote */
	snprintf(path, sizeof(path), DATA "ikev2_decryption_table.tmpl");
	{
		FILE *o = fopen(path, "r");
		char orig[4096];
		size_t n;

		assert_non_null(o);
		n = fread(orig, 1, sizeof(orig), o);
		fclose(o);
		assert_int_equal(n, len);
		assert_memory_equal(orig, buf, n);
	}
	assert_int_equal(load_text(&back, buf, err), 0);
	assert_int_equal(back.n_v2, kt.n_v2);
	assert_memory_equal(back.v2, kt.v2, kt.n_v2 * sizeof(kt.v2[0]));
	free(buf);
	iks_keytab_free(&back);
	iks_keytab_free(&kt);
}

static void test_write_v1(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "", *buf = NULL, path[512], orig[1024];
	size_t len = 0, n;
	FILE *f;

	(void)state;
	iks_keytab_init(&kt);
	load_table(&kt, "ikev1_decryption_table.tmpl");
	f = open_memstream(&buf, &len);
	assert_int_equal(iks_keytab_write(&kt, IKS_KEYTAB_V1, f, NULL, err,
					  sizeof(err)), 0);
	fclose(f);
	snprintf(path, sizeof(path), DATA "ikev1_decryption_table.tmpl");
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(orig, 1, sizeof(orig), f);
	fclose(f);
	assert_int_equal(n, len);
	assert_memory_equal(orig, buf, n);
	free(buf);
	iks_keytab_free(&kt);
}

static void test_key_masking(void **state)
{
	const uint8_t key[24] = { 0x2e, 0x0e, 0x19, 0x40 };
	char buf[128];
	int n;

	(void)state;
	n = iks_crypto_key_format(buf, sizeof(buf), key, sizeof(key), false);
	assert_string_equal(buf, "2e0e...(24 bytes)");
	assert_int_equal(n, (int)strlen(buf));
	n = iks_crypto_key_format(buf, sizeof(buf), key, sizeof(key), true);
	assert_int_equal(n, 48);
	assert_string_equal(buf, "2e0e194000000000000000000000000000000000000000"
				 "00");
	/* truncation keeps the terminator and reports the full length */
	n = iks_crypto_key_format(buf, 5, key, sizeof(key), false);
	assert_int_equal(n, 17);
	assert_int_equal(strlen(buf), 4);
}

/*
 * Keys are wiped before their memory is released.  Freed memory cannot be
 * inspected (ASan rightly objects), so this checks the wipe step that
 * iks_keytab_free() runs before free(): every byte of the row arrays,
 * including capacity beyond the rows in use, is zero afterwards.
 */
static void test_keys_wiped_on_free(void **state)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE];
	struct iks_v1_keys row = { .key_len = 16 };
	const unsigned char *mem, *mem2;
	size_t bytes, bytes2;

	(void)state;
	iks_keytab_init(&kt);
	memset(row.key, 0xa5, sizeof(row.key));
	for (int i = 0; i < 20; i++) { /* forces the array to grow twice */
		row.icookie[0] = (uint8_t)i;
		assert_int_equal(iks_keytab_add_v1(&kt, &row, err, sizeof(err)), 0);
	}
	load_table(&kt, "ikev2_decryption_table.tmpl");
	mem = (const unsigned char *)kt.v1;
	bytes = kt.cap_v1 * sizeof(*kt.v1);
	mem2 = (const unsigned char *)kt.v2;
	bytes2 = kt.cap_v2 * sizeof(*kt.v2);
	assert_int_equal(kt.v1[19].key[0], 0xa5);
	iks_keytab_wipe(&kt);
	assert_int_equal(kt.n_v1 + kt.n_v2, 0);
	for (size_t i = 0; i < bytes; i++)
		if (mem[i] != 0)
			fail_msg("v1 byte %zu not wiped", i);
	for (size_t i = 0; i < bytes2; i++)
		if (mem2[i] != 0)
			fail_msg("v2 byte %zu not wiped", i);
	iks_keytab_free(&kt);
	assert_null(kt.v1);
	assert_null(kt.v2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_auth_payloads),
		cmocka_unit_test(test_corpus_informational),
		cmocka_unit_test(test_wrong_integrity_key),
		cmocka_unit_test(test_wrong_aead_key),
		cmocka_unit_test(test_corrupted_ciphertext),
		cmocka_unit_test(test_bad_sk_geometry),
		cmocka_unit_test(test_key_for_other_sa),
		cmocka_unit_test(test_truncated_key_names_line),
		cmocka_unit_test(test_malformed_rows),
		cmocka_unit_test(test_unreadable_files),
		cmocka_unit_test(test_bad_file_keeps_table),
		cmocka_unit_test(test_quoting_and_comments),
		cmocka_unit_test(test_esp_sa_rows_ignored),
		cmocka_unit_test(test_null_encryption),
		cmocka_unit_test(test_later_file_wins),
		cmocka_unit_test(test_tcpdump_lines),
		cmocka_unit_test(test_set_algs),
		cmocka_unit_test(test_write_roundtrip),
		cmocka_unit_test(test_write_v1),
		cmocka_unit_test(test_key_masking),
		cmocka_unit_test(test_keys_wiped_on_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
