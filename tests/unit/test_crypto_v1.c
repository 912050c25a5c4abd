/*
 * Unit tests for the IKEv1 part of ikescope/crypto.h: IV chains per
 * Message ID and CBC decryption, against the Wireshark IKEv1 captures
 * (tests/data/crypto/README.md).
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
#define HDR 28

/* RFC 2409 Appendix A values used by the captures */
#define V1_3DES 5
#define V1_AES 7
#define V1_MD5 1
#define V1_SHA256 4
#define PL_KE 4
#define PL_HASH 8
#define PL_CERT 6

struct msg {
	uint8_t b[MSG_MAX];
	size_t len;
};

static void load_frame(const char *file, unsigned frame, struct msg *m)
{
	char path[512], *line = NULL;
	size_t lcap = 0;
	FILE *f;

	m->len = 0;
	snprintf(path, sizeof(path), DATA "%s", file);
	f = fopen(path, "r");
	assert_non_null(f);
	while (getline(&line, &lcap, f) > 0) {
		char *tab = strchr(line, '\t');

		if (tab && (unsigned)atoi(line) == frame) {
			m->len = iks_test_unhex(tab + 1, m->b, sizeof(m->b));
			break;
		}
	}
	free(line);
	fclose(f);
	assert_true(m->len > HDR);
}

/*
 * Walk an IKEv1 payload chain (RFC 2408 3.2) in buf starting with type np;
 * return the body of the first payload of type want.  `end` gets the
 * offset after the last payload, so callers can check that the chain
 * fits the plaintext.
 */
static bool find_v1(const uint8_t *buf, size_t len, uint8_t np, uint8_t want,
		    struct iks_bytes *body, size_t *end)
{
	struct iks_cur c = iks_cur_make(buf, len);
	bool found = false;

	while (np != 0) {
		uint8_t next, res;
		uint16_t plen;
		struct iks_bytes b;

		if (!iks_cur_u8(&c, &next) || !iks_cur_u8(&c, &res) ||
		    !iks_cur_be16(&c, &plen) || plen < 4 ||
		    !iks_cur_view(&c, plen - 4u, &b))
			return false;
		if (np == want && !found) {
			*body = b;
			found = true;
		}
		np = next;
	}
	if (end)
		*end = c.off;
	return found;
}

static const struct iks_v1_keys *row_for(struct iks_keytab *kt,
					 const struct msg *m)
{
	char err[IKS_ERRBUF_SIZE] = "";

	if (kt->n_v1 == 0 &&
	    iks_keytab_load(kt, DATA "ikev1_decryption_table.tmpl", err,
			    sizeof(err)) != 0)
		fail_msg("%s", err);
	return iks_keytab_find_v1(kt, m->b);
}

/* KE payload data of a (cleartext) message */
static struct iks_bytes ke_of(const struct msg *m)
{
	struct iks_bytes ke = { NULL, 0 };

	assert_true(find_v1(m->b + HDR, m->len - HDR, m->b[16], PL_KE, &ke,
			    NULL));
	return ke;
}

struct session {
	struct iks_keytab kt;
	struct iks_v1_suite suite;
	struct iks_v1_ivchain p1;
};

static void session_start(struct session *s, const char *file,
			  unsigned ke_i, unsigned ke_r, uint16_t encr,
			  uint16_t bits, uint16_t hash)
{
	struct msg mi, mr;
	struct iks_bytes gxi, gxr;
	const struct iks_v1_keys *row;
	char err[IKS_ERRBUF_SIZE] = "";

	iks_keytab_init(&s->kt);
	load_frame(file, ke_i, &mi);
	load_frame(file, ke_r, &mr);
	row = row_for(&s->kt, &mi);
	assert_non_null(row);
	if (iks_crypto_v1_suite_init(&s->suite, row, encr, bits, hash, err,
				     sizeof(err)) != 0)
		fail_msg("%s", err);
	gxi = ke_of(&mi);
	gxr = ke_of(&mr);
	assert_int_equal(gxi.len, 128); /* MODP 1024 in all three */
	assert_int_equal(iks_crypto_v1_chain_phase1(&s->p1, &s->suite, gxi.ptr,
						    gxi.len, gxr.ptr, gxr.len,
						    err, sizeof(err)), 0);
}

static void session_end(struct session *s)
{
	iks_crypto_v1_suite_clear(&s->suite);
	iks_keytab_free(&s->kt);
}

/* Decrypt a frame's body with chain c; check the payload chain fits. */
static void decrypt(struct session *s, struct iks_v1_ivchain *c,
		    const char *file, unsigned frame, uint8_t *pt,
		    size_t *pt_len, bool *again)
{
	struct msg m;
	char err[IKS_ERRBUF_SIZE] = "";
	struct iks_bytes any;
	size_t end = 0;

	load_frame(file, frame, &m);
	assert_true(m.b[19] & 0x01); /* E flag */
	if (iks_crypto_v1_decrypt(&s->suite, c, m.b + HDR, m.len - HDR, pt,
				  MSG_MAX, again, err, sizeof(err)) != 0)
		fail_msg("%s frame %u: %s", file, frame, err);
	*pt_len = m.len - HDR;
	/* the chain is well formed and only padding (< 1 block) follows...
	 * implementations pad up to one block, some a block more */
	if (!find_v1(pt, *pt_len, m.b[16], m.b[16], &any, &end))
		fail_msg("%s frame %u: decrypted payload chain broken", file,
			 frame);
	assert_true(end <= *pt_len);
	assert_true(*pt_len - end < 2u * s->suite.block + 1);
}

static bool contains(const uint8_t *p, size_t n, const char *s)
{
	size_t m = strlen(s);

	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(p + i, s, m) == 0)
			return true;
	return false;
}

static void assert_hash_prefix(const uint8_t *pt, size_t len, uint8_t np,
			       const char *hex)
{
	struct iks_bytes h;
	uint8_t want[16];

	assert_int_equal(iks_test_unhex(hex, want, sizeof(want)), 16);
	assert_true(find_v1(pt, len, np, PL_HASH, &h, NULL));
	assert_int_equal(h.len, 32); /* SHA2-256 */
	assert_memory_equal(h.ptr, want, 16);
}

/* ------------------------------------------------------------- tests */

/* Main Mode with certificates; Quick Mode with a retransmitted message. */
static void test_certs_main_and_quick_mode(void **state)
{
	static const char f[] = "ikev1-certs.hex";
	struct session s;
	struct iks_v1_ivchain qm;
	uint8_t pt5[MSG_MAX], pt6[MSG_MAX], pt7[MSG_MAX], pt8[MSG_MAX];
	uint8_t pt[MSG_MAX], wrong[MSG_MAX];
	size_t n5, n6, n7, n8, n;
	bool again = true;
	char err[IKS_ERRBUF_SIZE];
	struct msg m8;

	(void)state;
	session_start(&s, f, 3, 4, V1_3DES, 0, V1_MD5);
	assert_int_equal(s.suite.block, 8);
	decrypt(&s, &s.p1, f, 5, pt5, &n5, &again);
	assert_false(again);
	decrypt(&s, &s.p1, f, 6, pt6, &n6, &again);
	/* the initiator's certificate names OpenSwan; the responder sends
	 * a certificate too */
	assert_true(contains(pt5, n5, "OpenSwan"));
	{
		struct msg m6;
		struct iks_bytes cert;

		load_frame(f, 6, &m6);
		assert_true(find_v1(pt6, n6, m6.b[16], PL_CERT, &cert, NULL));
		assert_true(cert.len > 500);
	}

	assert_int_equal(iks_crypto_v1_chain_phase2(&qm, &s.suite, &s.p1,
						    0xf2cfe203, err,
						    sizeof(err)), 0);
	decrypt(&s, &qm, f, 7, pt7, &n7, &again);
	assert_false(again);
	/* frame 8 is frame 7 sent again: the first copy's IV is used */
	load_frame(f, 8, &m8);
	assert_int_equal(iks_crypto_v1_decrypt_iv(&s.suite, qm.iv, m8.b + HDR,
						  m8.len - HDR, wrong,
						  sizeof(wrong), err,
						  sizeof(err)), 0);
	assert_memory_not_equal(wrong, pt7, 8); /* what tshark 4.0 shows */
	decrypt(&s, &qm, f, 8, pt8, &n8, &again);
	assert_true(again);
	assert_int_equal(n8, n7);
	assert_memory_equal(pt8, pt7, n7);
	/* the chain did not move: the responder's answer still decrypts */
	decrypt(&s, &qm, f, 9, pt, &n, &again);
	assert_false(again);
	decrypt(&s, &qm, f, 10, pt, &n, &again);
	assert_false(again);
	session_end(&s);
}

/* A retransmission that arrives after the peer's answer (the chain has
 * moved on twice) still finds the IV its first copy used. */
static void test_retransmit_after_reply(void **state)
{
	static const char f[] = "ikev1-certs.hex";
	struct session s;
	struct iks_v1_ivchain qm;
	uint8_t pt7[MSG_MAX], pt[MSG_MAX];
	size_t n7, n;
	bool again = false;
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	session_start(&s, f, 3, 4, V1_3DES, 0, V1_MD5);
	decrypt(&s, &s.p1, f, 5, pt, &n, &again);
	decrypt(&s, &s.p1, f, 6, pt, &n, &again);
	assert_int_equal(iks_crypto_v1_chain_phase2(&qm, &s.suite, &s.p1,
						    0xf2cfe203, err,
						    sizeof(err)), 0);
	decrypt(&s, &qm, f, 7, pt7, &n7, &again);
	decrypt(&s, &qm, f, 9, pt, &n, &again);
	assert_false(again);
	decrypt(&s, &qm, f, 8, pt, &n, &again);
	assert_true(again);
	assert_memory_equal(pt, pt7, n7);
	/* and the chain still continues from frame 9 */
	decrypt(&s, &qm, f, 10, pt, &n, &again);
	assert_false(again);
	/* a phase 1 message retransmitted after phase 2 began */
	decrypt(&s, &s.p1, f, 6, pt, &n, &again);
	assert_true(again);
	session_end(&s);
}

/* Interleaved XAUTH / Mode-Config / Informational exchanges. */
static void test_12610_interleaved_msgids(void **state)
{
	static const char f[] = "ikev1-bug-12610.hex";
	static const struct {
		unsigned frame;
		uint32_t msgid;
	} order[] = {
		{ 7, 0x248fb011 }, { 8, 0x83e1ee0b }, { 9, 0x248fb011 },
		{ 10, 0xe1971702 }, { 11, 0xe1971702 }, { 12, 0xc214c33f },
		{ 13, 0xc214c33f }, { 14, 0xb1167ba3 }, { 15, 0xb1167ba3 },
		{ 16, 0xb1167ba3 },
	};
	struct iks_v1_ivchain chains[8];
	size_t n_chains = 0;
	struct session s;
	uint8_t pt[MSG_MAX];
	size_t n;
	bool again;
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	session_start(&s, f, 3, 4, V1_AES, 256, V1_SHA256);
	decrypt(&s, &s.p1, f, 5, pt, &n, &again);
	decrypt(&s, &s.p1, f, 6, pt, &n, &again);
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		struct iks_v1_ivchain *c = NULL;
		struct msg m;

		for (size_t j = 0; j < n_chains; j++)
			if (chains[j].msgid == order[i].msgid)
				c = &chains[j];
		if (!c) {
			c = &chains[n_chains++];
			assert_int_equal(iks_crypto_v1_chain_phase2(
						 c, &s.suite, &s.p1,
						 order[i].msgid, err,
						 sizeof(err)), 0);
		}
		decrypt(&s, c, f, order[i].frame, pt, &n, &again);
		assert_false(again);
		load_frame(f, order[i].frame, &m);
		if (order[i].frame == 9)
			assert_hash_prefix(pt, n, m.b[16],
					   "b52521f774967402c9f6cee95fd17e5b");
	}
	session_end(&s);
}

/* Aggressive Mode whose last message is not encrypted: phase 2 IVs start
 * from the initial phase 1 IV. */
static void test_12620_unencrypted_phase1_end(void **state)
{
	static const char f[] = "ikev1-bug-12620.hex";
	struct session s;
	struct iks_v1_ivchain info, x1;
	uint8_t pt[MSG_MAX];
	size_t n;
	bool again;
	char err[IKS_ERRBUF_SIZE];
	struct msg m;

	(void)state;
	session_start(&s, f, 1, 2, V1_AES, 256, V1_SHA256);
	assert_int_equal(iks_crypto_v1_chain_phase2(&info, &s.suite, &s.p1,
						    0xae247590, err,
						    sizeof(err)), 0);
	decrypt(&s, &info, f, 4, pt, &n, &again);
	load_frame(f, 4, &m);
	assert_hash_prefix(pt, n, m.b[16], "40043b640f4373250d5ac3a1fb63153c");
	assert_int_equal(iks_crypto_v1_chain_phase2(&x1, &s.suite, &s.p1,
						    0xaac8c79e, err,
						    sizeof(err)), 0);
	decrypt(&s, &x1, f, 5, pt, &n, &again);
	decrypt(&s, &x1, f, 6, pt, &n, &again);
	session_end(&s);
}

/* A wrong key decrypts to garbage: the payload chain does not parse. */
static void test_wrong_key_gives_garbage(void **state)
{
	static const char f[] = "ikev1-bug-12620.hex";
	struct session s;
	struct iks_v1_ivchain info;
	uint8_t pt[MSG_MAX];
	struct iks_bytes h;
	char err[IKS_ERRBUF_SIZE];
	struct msg m;
	size_t end;

	(void)state;
	session_start(&s, f, 1, 2, V1_AES, 256, V1_SHA256);
	s.suite.key[0] ^= 0x80;
	assert_int_equal(iks_crypto_v1_chain_phase2(&info, &s.suite, &s.p1,
						    0xae247590, err,
						    sizeof(err)), 0);
	load_frame(f, 4, &m);
	assert_int_equal(iks_crypto_v1_decrypt(&s.suite, &info, m.b + HDR,
					       m.len - HDR, pt, sizeof(pt),
					       NULL, err, sizeof(err)), 0);
	assert_false(find_v1(pt, m.len - HDR, m.b[16], PL_HASH, &h, &end) &&
		     h.len == 32);
	session_end(&s);
}

static void test_bad_inputs(void **state)
{
	struct iks_v1_keys row = { .key_len = 16 };
	struct iks_v1_suite s;
	struct iks_v1_ivchain c;
	uint8_t ct[40] = { 0 }, pt[40];
	char err[IKS_ERRBUF_SIZE];

	(void)state;
	/* unsupported algorithms */
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, 2 /* IDEA */, 0,
						  V1_MD5, err, sizeof(err)),
			 IKS_ERR_UNSUPPORTED);
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, V1_AES, 128,
						  3 /* Tiger */, err,
						  sizeof(err)),
			 IKS_ERR_UNSUPPORTED);
	/* a key shorter than the cipher needs */
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, V1_3DES, 0, V1_MD5,
						  err, sizeof(err)),
			 IKS_ERR_KEYFILE);
	assert_string_equal(err, "IKEv1 key has 16 bytes, 3DES-CBC needs 24");
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, V1_AES, 256, V1_MD5,
						  err, sizeof(err)),
			 IKS_ERR_KEYFILE);
	/* AES without Key Length: the row decides */
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, V1_AES, 0, V1_MD5,
						  err, sizeof(err)), 0);
	assert_int_equal(s.key_len, 16);
	/* MD5 (16 bytes) is long enough for an AES IV */
	assert_int_equal(iks_crypto_v1_chain_phase1(&c, &s, ct, 8, ct, 8, err,
						    sizeof(err)), 0);
	/* not a whole number of blocks */
	assert_int_equal(iks_crypto_v1_decrypt(&s, &c, ct, 17, pt, sizeof(pt),
					       NULL, err, sizeof(err)),
			 IKS_ERR_LENGTH);
	assert_int_equal(iks_crypto_v1_decrypt(&s, &c, ct, 8, pt, sizeof(pt),
					       NULL, err, sizeof(err)),
			 IKS_ERR_LENGTH);
	assert_int_equal(iks_crypto_v1_decrypt(&s, &c, ct, 32, pt, 16, NULL,
					       err, sizeof(err)),
			 IKS_ERR_OVERFLOW);
	/* missing KE data */
	assert_int_equal(iks_crypto_v1_chain_phase1(&c, &s, ct, 0, ct, 8, err,
						    sizeof(err)),
			 IKS_ERR_INVALID);
	/* an uninitialised chain */
	memset(&c, 0, sizeof(c));
	assert_int_equal(iks_crypto_v1_decrypt(&s, &c, ct, 32, pt, sizeof(pt),
					       NULL, err, sizeof(err)),
			 IKS_ERR_USAGE);
	iks_crypto_v1_suite_clear(&s);
	assert_int_equal(s.key_len, 0);
}

/* DES (run as 3DES with the key repeated) against a known answer. */
static void test_des_cbc(void **state)
{
	/* FIPS 81 CBC example: key 0123456789abcdef, IV 1234567890abcdef,
	 * "Now is the time for all " */
	struct iks_v1_keys row = { .key_len = 8,
				   .key = { 0x01, 0x23, 0x45, 0x67, 0x89,
					    0xab, 0xcd, 0xef } };
	const uint8_t iv[8] = { 0x12, 0x34, 0x56, 0x78, 0x90, 0xab, 0xcd, 0xef };
	const uint8_t ct[24] = { 0xe5, 0xc7, 0xcd, 0xde, 0x87, 0x2b, 0xf2, 0x7c,
				 0x43, 0xe9, 0x34, 0x00, 0x8c, 0x38, 0x9c, 0x0f,
				 0x68, 0x37, 0x88, 0x49, 0x9a, 0x7c, 0x05, 0xf6 };
	struct iks_v1_suite s;
	uint8_t pt[24];
	char err[IKS_ERRBUF_SIZE] = "";

	(void)state;
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, 1 /* DES */, 0,
						  V1_MD5, err, sizeof(err)), 0);
	if (iks_crypto_v1_decrypt_iv(&s, iv, ct, sizeof(ct), pt, sizeof(pt),
				     err, sizeof(err)) != 0)
		fail_msg("%s", err);
	assert_memory_equal(pt, "Now is the time for all ", 24);
	iks_crypto_v1_suite_clear(&s);
}

/* Camellia (RFC 3713 Appendix A, 128-bit key): one CBC block with a zero
 * IV is the ECB vector. */
static void test_camellia_cbc(void **state)
{
	struct iks_v1_keys row = { .key_len = 16 };
	const uint8_t iv[16] = { 0 };
	uint8_t ct[16], pt[16], want[16];
	struct iks_v1_suite s;
	char err[IKS_ERRBUF_SIZE] = "";

	(void)state;
	iks_test_unhex("0123456789abcdeffedcba9876543210", row.key, 16);
	iks_test_unhex("0123456789abcdeffedcba9876543210", want, 16);
	iks_test_unhex("67673138549669730857065648eabe43", ct, 16);
	assert_int_equal(iks_crypto_v1_suite_init(&s, &row, 8 /* Camellia */,
						  128, V1_SHA256, err,
						  sizeof(err)), 0);
	assert_int_equal(s.block, 16);
	if (iks_crypto_v1_decrypt_iv(&s, iv, ct, sizeof(ct), pt, sizeof(pt),
				     err, sizeof(err)) != 0)
		fail_msg("%s", err);
	assert_memory_equal(pt, want, 16);
	iks_crypto_v1_suite_clear(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_certs_main_and_quick_mode),
		cmocka_unit_test(test_retransmit_after_reply),
		cmocka_unit_test(test_12610_interleaved_msgids),
		cmocka_unit_test(test_12620_unencrypted_phase1_end),
		cmocka_unit_test(test_wrong_key_gives_garbage),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_des_cbc),
		cmocka_unit_test(test_camellia_cbc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
