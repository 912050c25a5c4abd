/*
 * Unit tests for the initiator-side crypto (src/crypto/kex.c, kdf.c,
 * encrypt.c): key exchange known answers (RFC 7748 6.1 X25519, RFC 5903
 * 8.1 ECP-256, RFC 7027 Brainpool 256/384, RFC 5114 MODP-1024-160),
 * MODP agreement, RFC 4615
 * AES-CMAC-PRF-128, HMAC known answers through the IKEv2 prf
 * (RFC 4231), prf+ structure, and round trips of what we encrypt through
 * the existing decryption functions (IKEv2 SK with CBC+HMAC, GCM and
 * 3DES; IKEv1 CBC with the IV chain).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ikescope/consts.h"
#include "ikescope/crypto.h"
#include "ikescope/error.h"
#include "testutil.h"

/* RFC 7748 6.1 */
static void test_x25519_rfc7748(void **state)
{
	uint8_t a[32], bpub[32], want_pub[32], want[32], pub[64], sec[64];
	size_t pl = 0, sl = 0;
	struct iks_kex *k = NULL;

	(void)state;
	iks_test_unhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a, 32);
	iks_test_unhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", want_pub, 32);
	iks_test_unhex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", bpub, 32);
	iks_test_unhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", want, 32);
	assert_int_equal(iks_crypto_kex_new_private(&k, 31, a, 32, NULL, 0), IKS_OK);
	assert_int_equal(iks_crypto_kex_public(k, pub, sizeof pub, &pl), IKS_OK);
	assert_int_equal(pl, 32);
	assert_memory_equal(pub, want_pub, 32);
	assert_int_equal(iks_crypto_kex_shared(k, bpub, 32, sec, sizeof sec, &sl, NULL, 0), IKS_OK);
	assert_int_equal(sl, 32);
	assert_memory_equal(sec, want, 32);
	iks_crypto_kex_free(k);
}

/* RFC 5903 8.1: 256-bit random ECP group */
static void test_ecp256_rfc5903(void **state)
{
	uint8_t i[32], gr[64], want[32], sec[64];
	size_t sl = 0;
	struct iks_kex *k = NULL;

	(void)state;
	iks_test_unhex("C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433", i, 32);
	iks_test_unhex("D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63"
	      "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB", gr, 64);
	iks_test_unhex("D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE", want, 32);
	assert_int_equal(iks_crypto_kex_new_private(&k, IKS_V2_KE_ECP256, i, 32, NULL, 0), IKS_OK);
	assert_int_equal(iks_crypto_kex_shared(k, gr, 64, sec, sizeof sec, &sl, NULL, 0), IKS_OK);
	assert_int_equal(sl, 32);
	assert_memory_equal(sec, want, 32);
	/* a point off the curve is refused */
	gr[63] ^= 1;
	assert_int_equal(iks_crypto_kex_shared(k, gr, 64, sec, sizeof sec, &sl, NULL, 0),
			 IKS_ERR_INVALID);
	iks_crypto_kex_free(k);
}

/* RFC 7027 (Brainpool in IKE) key exchange vectors: A's private value
 * with B's public value gives the shared x coordinate. */
static void test_brainpool_rfc7027(void **state)
{
	static const struct { uint16_t group; const char *priv_a, *pub_b, *shared; } v[] = {
		{ 28, "81db1ee100150ff2ea338d708271be38300cb54241d79950f77b063039804f1d",
		  "8d2d688c6cf93e1160ad04cc4429117dc2c41825e1e9fca0addd34e6f1b39f7b"
		  "990c57520812be512641e47034832106bc7d3e8dd0e4c7f1136d7006547cec6a",
		  "89afc39d41d3b327814b80940b042590f96556ec91e6ae7939bce31f3a18bf2b" },
		{ 29, "1e20f5e048a5886f1f157c74e91bde2b98c8b52d58e5003d57053fc4b0bd65d6"
		      "f15eb5d1ee1610df870795143627d042",
		  "4d44326f269a597a5b58bba565da5556ed7fd9a8a9eb76c25f46db69d19dc8ce"
		  "6ad18e404b15738b2086df37e71d1eb462d692136de56cbe93bf5fa3188ef58b"
		  "c8a3a0ec6c1e151a21038a42e9185329b5b275903d192f8d4e1f32fe9cc78c48",
		  "0bd9d3a7ea0b3d519d09d8e48d0785fb744a6b355e6304bc51c229fbbce239bb"
		  "adf6403715c35d4fb2a5444f575d4f42" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		uint8_t priv[64], pub[128], want[64], sec[64];
		size_t pl = iks_test_unhex(v[i].priv_a, priv, sizeof priv);
		size_t bl = iks_test_unhex(v[i].pub_b, pub, sizeof pub);
		size_t wl = iks_test_unhex(v[i].shared, want, sizeof want), sl = 0;
		struct iks_kex *k = NULL;

		assert_int_equal(bl, iks_crypto_kex_public_len(v[i].group));
		assert_int_equal(iks_crypto_kex_new_private(&k, v[i].group, priv, pl, NULL, 0),
				 IKS_OK);
		assert_int_equal(iks_crypto_kex_shared(k, pub, bl, sec, sizeof sec, &sl, NULL, 0),
				 IKS_OK);
		assert_int_equal(sl, wl);
		assert_memory_equal(sec, want, wl);
		iks_crypto_kex_free(k);
	}
}

/* RFC 5114 test data for the 1024-bit MODP group with 160-bit
 * prime order subgroup (IKE group 22): x_i with y_r gives Z. */
static void test_modp1024s160_rfc5114(void **state)
{
	uint8_t x[20], yr[128], want[128], sec[128];
	size_t sl = 0;
	struct iks_kex *k = NULL;

	(void)state;
	iks_test_unhex("b9a3b3ae8fefc1a2930496507086f8455d48943e", x, sizeof x);
	iks_test_unhex(
		"717a6cb053371ff4a3b932941c1e5663f861a1d6ad34ae66576dfb98f6c6cbf9"
		"ddd5a56c7833f6bcfdff095582ad868e440e8d09fd769e3ceccdc3d3b1e4cfa0"
		"57776caaf9739b6a9fee8e7411f8d6dac09d6a4edb46cc2b5d5203090eae6126"
		"311e53fd2c14b574e6a3109a3da1be41bdceaa186f5ce06716a2b6a07b3c33fe", yr, sizeof yr);
	iks_test_unhex(
		"5c804f454d30d9c4df85271f93528c91df6b48ab5f80b3b59caac1b28f8acba9"
		"cd3e39f3cb614525d9521d2e644c53b807b810f340062f257d7d6fbfe8d5e8f0"
		"72e9b6e9afda9413eafb2e8b0699b1fb5a0caceddeaead7e9cfbb36ae2b42083"
		"5bd83a19fb0b5e96bf8fa4d09e345525167ecd9155416f46f408ed31b63c6e6d", want, sizeof want);
	assert_int_equal(iks_crypto_kex_new_private(&k, 22, x, sizeof x, NULL, 0), IKS_OK);
	assert_int_equal(iks_crypto_kex_shared(k, yr, sizeof yr, sec, sizeof sec, &sl, NULL, 0),
			 IKS_OK);
	assert_int_equal(sl, 128);
	assert_memory_equal(sec, want, 128);
	iks_crypto_kex_free(k);
}

/* Both sides of every supported group agree, with IKE's lengths. */
static void test_kex_agreement(void **state)
{
	static const uint16_t gs[] = { 1, 2, 5, 14, 15, 19, 20, 21, 31, 32 };

	(void)state;
	for (size_t g = 0; g < sizeof gs / sizeof gs[0]; g++) {
		struct iks_kex *a = NULL, *b = NULL;
		uint8_t pa[IKS_CRYPTO_KEX_MAX], pb[IKS_CRYPTO_KEX_MAX];
		uint8_t sa[IKS_CRYPTO_KEX_MAX], sb[IKS_CRYPTO_KEX_MAX];
		size_t la = 0, lb = 0, xa = 0, xb = 0;

		assert_true(iks_crypto_kex_supported(gs[g]));
		assert_int_equal(iks_crypto_kex_new(&a, gs[g], NULL, 0), IKS_OK);
		assert_int_equal(iks_crypto_kex_new(&b, gs[g], NULL, 0), IKS_OK);
		assert_int_equal(iks_crypto_kex_public(a, pa, sizeof pa, &la), IKS_OK);
		assert_int_equal(iks_crypto_kex_public(b, pb, sizeof pb, &lb), IKS_OK);
		assert_int_equal(la, iks_crypto_kex_public_len(gs[g]));
		assert_int_equal(iks_crypto_kex_shared(a, pb, lb, sa, sizeof sa, &xa, NULL, 0), IKS_OK);
		assert_int_equal(iks_crypto_kex_shared(b, pa, la, sb, sizeof sb, &xb, NULL, 0), IKS_OK);
		assert_int_equal(xa, xb);
		assert_memory_equal(sa, sb, xa);
		/* wrong length is refused */
		assert_int_equal(iks_crypto_kex_shared(a, pb, lb - 1, sa, sizeof sa, &xa, NULL, 0),
				 IKS_ERR_INVALID);
		iks_crypto_kex_free(a);
		iks_crypto_kex_free(b);
	}
	assert_false(iks_crypto_kex_supported(3));
}

/* RFC 4231 test case 2 through the IKEv2 prf; prf+ T1/T2 structure. */
static void test_prf_and_prfplus(void **state)
{
	uint8_t want[32], out[64], t[160], t1[64], t2[64];
	size_t ol = 0, l1 = 0, l2 = 0;
	const uint8_t ctr1 = 1, ctr2 = 2;
	struct iks_bytes parts[] = { { (const uint8_t *)"what do ya want ", 16 },
				     { (const uint8_t *)"for nothing?", 12 } };

	(void)state;
	iks_test_unhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", want, 32);
	assert_int_equal(iks_crypto_v2_prf(IKS_V2_PRF_HMAC_SHA2_256, (const uint8_t *)"Jefe", 4,
					   parts, 2, out, sizeof out, &ol), IKS_OK);
	assert_int_equal(ol, 32);
	assert_memory_equal(out, want, 32);

	assert_int_equal(iks_crypto_v2_prfplus(IKS_V2_PRF_HMAC_SHA2_256, (const uint8_t *)"Jefe",
					       4, parts, 2, t, 40), IKS_OK);
	{
		struct iks_bytes p1[] = { parts[0], parts[1], { &ctr1, 1 } };
		struct iks_bytes p2[] = { { t1, 32 }, parts[0], parts[1], { &ctr2, 1 } };

		iks_crypto_v2_prf(IKS_V2_PRF_HMAC_SHA2_256, (const uint8_t *)"Jefe", 4, p1, 3,
				  t1, sizeof t1, &l1);
		iks_crypto_v2_prf(IKS_V2_PRF_HMAC_SHA2_256, (const uint8_t *)"Jefe", 4, p2, 4,
				  t2, sizeof t2, &l2);
	}
	assert_memory_equal(t, t1, 32);
	assert_memory_equal(t + 32, t2, 8);
	assert_int_equal(iks_crypto_v2_prf_len(IKS_V2_PRF_HMAC_SHA2_384), 48);
	assert_int_equal(iks_crypto_v2_prf_len(99), 0);
}

/* RFC 4615 4: AES-CMAC-PRF-128 with 18-, 16- and 10-byte keys (the first
 * and last are reduced with AES-CMAC under the zero key first). */
static void test_prf_aes_cmac_rfc4615(void **state)
{
	static const struct { const char *key, *want; } v[] = {
		{ "000102030405060708090a0b0c0d0e0fedcb", "84a348a4a45d235babfffc0d2b4da09a" },
		{ "000102030405060708090a0b0c0d0e0f", "980ae87b5f4c9c5214f5b6a8455e4c2d" },
		{ "00010203040506070809", "290d9e112edb09ee141fcf64c0b72f3d" },
	};
	uint8_t msg[20], key[32], want[16], out[16];
	struct iks_bytes m = { msg, sizeof msg };

	(void)state;
	iks_test_unhex("000102030405060708090a0b0c0d0e0f10111213", msg, sizeof msg);
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		size_t kl = iks_test_unhex(v[i].key, key, sizeof key), ol = 0;

		iks_test_unhex(v[i].want, want, sizeof want);
		assert_int_equal(iks_crypto_v2_prf(IKS_V2_PRF_AES128_CMAC, key, kl, &m, 1, out,
						   sizeof out, &ol), IKS_OK);
		assert_int_equal(ol, 16);
		assert_memory_equal(out, want, 16);
	}
}

/* Keys derived, a message encrypted by the initiator and by the
 * responder, both decrypted by iks_crypto_v2_decrypt. */
static void v2_roundtrip(uint16_t encr, uint16_t bits, uint16_t integ, uint16_t prf)
{
	struct iks_v2_sa_keys k;
	uint8_t ni[32], nr[32], gir[256], spi_i[8], spi_r[8];
	uint8_t msg[1024], out[1024], plain[77];
	size_t ml = 0, ol = 0;
	char err[256];

	iks_crypto_random(ni, sizeof ni);
	iks_crypto_random(nr, sizeof nr);
	iks_crypto_random(gir, sizeof gir);
	iks_crypto_random(spi_i, 8);
	iks_crypto_random(spi_r, 8);
	iks_crypto_random(plain, sizeof plain);
	assert_int_equal(iks_crypto_v2_derive(&k, prf, encr, bits, integ, ni, 32, nr, 32, gir,
					      sizeof gir, spi_i, spi_r, err, sizeof err), IKS_OK);
	for (int dir = 0; dir < 2; dir++) {
		memset(msg, 0, 28);
		memcpy(msg, spi_i, 8);
		memcpy(msg + 8, spi_r, 8);
		msg[16] = 46;
		msg[17] = 0x20;
		msg[18] = 35;
		assert_int_equal(iks_crypto_v2_encrypt(&k.k, dir == 0, msg, sizeof msg, 28, 35,
						       plain, sizeof plain, &ml, err, sizeof err),
				 IKS_OK);
		assert_int_equal(msg[27] | msg[26] << 8, ml);
		assert_int_equal(iks_crypto_v2_decrypt(&k.k, dir == 0, msg, ml, 28, ml - 28, false,
						       out, sizeof out, &ol, err, sizeof err),
				 IKS_OK);
		assert_int_equal(ol, sizeof plain);
		assert_memory_equal(out, plain, sizeof plain);
		/* the other direction's keys must not decrypt it */
		assert_int_not_equal(iks_crypto_v2_decrypt(&k.k, dir != 0, msg, ml, 28, ml - 28,
							   false, out, sizeof out, &ol, err,
							   sizeof err), IKS_OK);
	}
	iks_crypto_wipe(&k, sizeof k);
}

static void test_v2_encrypt_roundtrip(void **state)
{
	(void)state;
	v2_roundtrip(IKS_V2_ENCR_AES_CBC, 256, IKS_V2_INTEG_HMAC_SHA2_256_128,
		     IKS_V2_PRF_HMAC_SHA2_256);
	v2_roundtrip(IKS_V2_ENCR_AES_CBC, 128, IKS_V2_INTEG_HMAC_SHA1_96, IKS_V2_PRF_HMAC_SHA1);
	v2_roundtrip(IKS_V2_ENCR_AES_GCM_16, 256, 0, IKS_V2_PRF_HMAC_SHA2_384);
	v2_roundtrip(IKS_V2_ENCR_AES_GCM_8, 128, 0, IKS_V2_PRF_HMAC_SHA2_512);
	v2_roundtrip(IKS_V2_ENCR_3DES, 0, IKS_V2_INTEG_HMAC_MD5_96, IKS_V2_PRF_HMAC_MD5);
	v2_roundtrip(IKS_V2_ENCR_AES_CTR, 192, IKS_V2_INTEG_HMAC_SHA2_512_256,
		     IKS_V2_PRF_AES128_CMAC);
	v2_roundtrip(IKS_V2_ENCR_CHACHA20_POLY1305, 0, 0, IKS_V2_PRF_HMAC_SHA2_256);
}

/* IKEv1: derivation, two messages encrypted in a row with one chain, then
 * decrypted with a fresh chain; Ka expansion for 3DES with SHA-1. */
static void test_v1_encrypt_roundtrip(void **state)
{
	static const struct { uint16_t encr, bits, hash; } cases[] = {
		{ IKS_V1_ENCR_AES_CBC, 256, IKS_V1_HASH_SHA2_256 },
		{ IKS_V1_ENCR_3DES_CBC, 0, IKS_V1_HASH_SHA },
		{ IKS_V1_ENCR_AES_CBC, 128, IKS_V1_HASH_MD5 },
	};

	(void)state;
	for (size_t t = 0; t < sizeof cases / sizeof cases[0]; t++) {
		struct iks_v1_sa_keys k;
		struct iks_v1_suite s;
		struct iks_v1_ivchain enc, dec;
		uint8_t ni[20], nr[20], gxy[128], ci[8], cr[8], gxi[128], gxr[128];
		uint8_t pt[2][64], ct[2][64], out[64];
		char err[256];

		iks_crypto_random(ni, sizeof ni);
		iks_crypto_random(nr, sizeof nr);
		iks_crypto_random(gxy, sizeof gxy);
		iks_crypto_random(ci, 8);
		iks_crypto_random(cr, 8);
		iks_crypto_random(gxi, sizeof gxi);
		iks_crypto_random(gxr, sizeof gxr);
		iks_crypto_random(pt, sizeof pt);
		assert_int_equal(iks_crypto_v1_derive_psk(&k, cases[t].hash, cases[t].encr,
							  cases[t].bits, (const uint8_t *)"secret", 6,
							  ni, 20, nr, 20, gxy, sizeof gxy, ci, cr,
							  err, sizeof err), IKS_OK);
		assert_int_equal(iks_crypto_v1_suite_init(&s, &k.row, cases[t].encr, cases[t].bits,
							  cases[t].hash, err, sizeof err), IKS_OK);
		memset(&enc, 0, sizeof enc);
		memset(&dec, 0, sizeof dec);
		assert_int_equal(iks_crypto_v1_chain_phase1(&enc, &s, gxi, sizeof gxi, gxr,
							    sizeof gxr, err, sizeof err), IKS_OK);
		dec = enc;
		for (int m = 0; m < 2; m++)
			assert_int_equal(iks_crypto_v1_encrypt(&s, &enc, pt[m], 64, ct[m], 64, err,
							       sizeof err), IKS_OK);
		for (int m = 0; m < 2; m++) {
			assert_int_equal(iks_crypto_v1_decrypt(&s, &dec, ct[m], 64, out, sizeof out,
							       NULL, err, sizeof err), IKS_OK);
			assert_memory_equal(out, pt[m], 64);
		}
		assert_memory_equal(enc.iv, dec.iv, s.block);
		iks_crypto_v1_suite_clear(&s);
	}
}

/* Ka for 3DES + SHA-1: SKEYID_e is 20 bytes, Ka = K1 | K2 truncated. */
static void test_v1_key_expansion(void **state)
{
	struct iks_v1_sa_keys k;
	uint8_t ci[8] = { 1 }, cr[8] = { 2 }, k1[20], k2[20];
	const uint8_t zero = 0;
	size_t l = 0;
	struct iks_bytes z = { &zero, 1 }, kk;

	(void)state;
	assert_int_equal(iks_crypto_v1_derive_psk(&k, IKS_V1_HASH_SHA, IKS_V1_ENCR_3DES_CBC, 0,
						  (const uint8_t *)"x", 1, ci, 8, cr, 8, ci, 8,
						  ci, cr, NULL, 0), IKS_OK);
	assert_int_equal(k.row.key_len, 24);
	iks_crypto_v1_prf(IKS_V1_HASH_SHA, k.skeyid_e, 20, &z, 1, k1, sizeof k1, &l);
	kk = (struct iks_bytes){ k1, 20 };
	iks_crypto_v1_prf(IKS_V1_HASH_SHA, k.skeyid_e, 20, &kk, 1, k2, sizeof k2, &l);
	assert_memory_equal(k.row.key, k1, 20);
	assert_memory_equal(k.row.key + 20, k2, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x25519_rfc7748),
		cmocka_unit_test(test_ecp256_rfc5903),
		cmocka_unit_test(test_brainpool_rfc7027),
		cmocka_unit_test(test_modp1024s160_rfc5114),
		cmocka_unit_test(test_kex_agreement),
		cmocka_unit_test(test_prf_and_prfplus),
		cmocka_unit_test(test_prf_aes_cmac_rfc4615),
		cmocka_unit_test(test_v2_encrypt_roundtrip),
		cmocka_unit_test(test_v1_encrypt_roundtrip),
		cmocka_unit_test(test_v1_key_expansion),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
