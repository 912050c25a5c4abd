/*
 * kex.c - Diffie-Hellman / key exchange for the initiator side (probe):
 * key pair generation, the public value in IKE's wire form, and the
 * shared secret (RFC 7296 3.4 and 2.14, RFC 2409 5, RFC 5903, RFC 8031).
 * Random bytes too, since every exchange needs them.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include "ikescope/consts.h"
#include "crypto/crypto_int.h"

enum kex_kind { KEX_MODP, KEX_FFC_NAMED, KEX_ECP, KEX_ECX };

/* One group: how OpenSSL builds it and the wire length of its values. */
struct kex_group {
	uint16_t id;
	enum kex_kind kind;
	const char *name;   /* OpenSSL group / algorithm name */
	uint16_t pub_len;   /* KE data bytes */
	uint16_t secret_len;
	BIGNUM *(*prime)(BIGNUM *); /* KEX_MODP: RFC 2409 / RFC 3526 prime */
};

static const struct kex_group groups[] = {
	{ IKS_V2_KE_MODP768, KEX_MODP, NULL, 96, 96, BN_get_rfc2409_prime_768 },
	{ IKS_V2_KE_MODP1024, KEX_MODP, NULL, 128, 128, BN_get_rfc2409_prime_1024 },
	{ IKS_V2_KE_MODP1536, KEX_MODP, NULL, 192, 192, BN_get_rfc3526_prime_1536 },
	{ IKS_V2_KE_MODP2048, KEX_MODP, NULL, 256, 256, BN_get_rfc3526_prime_2048 },
	{ IKS_V2_KE_MODP3072, KEX_MODP, NULL, 384, 384, BN_get_rfc3526_prime_3072 },
	{ IKS_V2_KE_MODP4096, KEX_MODP, NULL, 512, 512, BN_get_rfc3526_prime_4096 },
	{ IKS_V2_KE_MODP6144, KEX_MODP, NULL, 768, 768, BN_get_rfc3526_prime_6144 },
	{ IKS_V2_KE_MODP8192, KEX_MODP, NULL, 1024, 1024, BN_get_rfc3526_prime_8192 },
	{ IKS_V2_KE_ECP256, KEX_ECP, "P-256", 64, 32, NULL },
	{ IKS_V2_KE_ECP384, KEX_ECP, "P-384", 96, 48, NULL },
	{ IKS_V2_KE_ECP521, KEX_ECP, "P-521", 132, 66, NULL },
	{ IKS_V2_KE_MODP1024S160, KEX_FFC_NAMED, "dh_1024_160", 128, 128, NULL },
	{ IKS_V2_KE_MODP2048S224, KEX_FFC_NAMED, "dh_2048_224", 256, 256, NULL },
	{ IKS_V2_KE_MODP2048S256, KEX_FFC_NAMED, "dh_2048_256", 256, 256, NULL },
	{ IKS_V2_KE_ECP224BP, KEX_ECP, "brainpoolP224r1", 56, 28, NULL },
	{ 28, KEX_ECP, "brainpoolP256r1", 64, 32, NULL },
	{ 29, KEX_ECP, "brainpoolP384r1", 96, 48, NULL },
	{ 30, KEX_ECP, "brainpoolP512r1", 128, 64, NULL },
	{ 31, KEX_ECX, "X25519", 32, 32, NULL },
	{ 32, KEX_ECX, "X448", 56, 56, NULL },
};

struct iks_kex {
	const struct kex_group *g;
	EVP_PKEY *pkey;
};

int iks_crypto_random(void *buf, size_t len)
{
	if (len > INT32_MAX)
		return IKS_ERR_INVALID;
	return RAND_bytes(buf, (int)len) == 1 ? IKS_OK : IKS_ERR_CRYPTO;
}

static const struct kex_group *find_group(uint16_t id)
{
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
		if (groups[i].id == id)
			return &groups[i];
	return NULL;
}

bool iks_crypto_kex_supported(uint16_t group)
{
	return find_group(group) != NULL;
}

size_t iks_crypto_kex_public_len(uint16_t group)
{
	const struct kex_group *g = find_group(group);

	return g ? g->pub_len : 0;
}

uint16_t iks_crypto_kex_group(const struct iks_kex *k)
{
	return k->g->id;
}

/*
 * Parameters (and optionally a private or public value) as an EVP_PKEY.
 * priv / pub are big-endian numbers (MODP) or, for ECP, pub is the
 * uncompressed point and priv big-endian; X25519/X448 are not built here.
 */
static EVP_PKEY *ffc_ec_fromdata(const struct kex_group *g, const uint8_t *priv,
				 size_t priv_len, const uint8_t *pub,
				 size_t pub_len)
{
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pkey = NULL;
	BIGNUM *p = NULL, *gen = NULL, *bpriv = NULL, *bpub = NULL;
	int sel = EVP_PKEY_KEY_PARAMETERS;
	int ok = bld != NULL;

	if (g->kind == KEX_MODP) {
		p = g->prime(NULL);
		gen = BN_new();
		ok = ok && p && gen && BN_set_word(gen, 2);
		ok = ok && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, p);
		ok = ok && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, gen);
	} else {
		ok = ok && OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
							   g->name, 0);
	}
	if (priv) {
		bpriv = BN_bin2bn(priv, (int)priv_len, NULL);
		ok = ok && bpriv && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, bpriv);
		sel = EVP_PKEY_KEYPAIR;
	}
	if (pub) {
		if (g->kind == KEX_ECP) {
			ok = ok && OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY,
								    pub, pub_len);
		} else {
			bpub = BN_bin2bn(pub, (int)pub_len, NULL);
			ok = ok && bpub &&
			     OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PUB_KEY, bpub);
		}
		sel = EVP_PKEY_PUBLIC_KEY;
	}
	ok = ok && (params = OSSL_PARAM_BLD_to_param(bld)) != NULL;
	ok = ok && (ctx = EVP_PKEY_CTX_new_from_name(NULL, g->kind == KEX_ECP ? "EC" : "DH",
						     NULL)) != NULL;
	ok = ok && EVP_PKEY_fromdata_init(ctx) > 0;
	ok = ok && EVP_PKEY_fromdata(ctx, &pkey, sel, params) > 0;
	if (!ok) {
		EVP_PKEY_free(pkey);
		pkey = NULL;
	}
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(p);
	BN_free(gen);
	BN_clear_free(bpriv);
	BN_free(bpub);
	return pkey;
}

int iks_crypto_kex_new(struct iks_kex **out, uint16_t group, char *errbuf,
		       size_t errlen)
{
	const struct kex_group *g = find_group(group);
	EVP_PKEY *params = NULL, *pkey = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	struct iks_kex *k;

	*out = NULL;
	if (!g) {
		iks_errf(errbuf, errlen, "key exchange method %u not supported", group);
		return IKS_ERR_UNSUPPORTED;
	}
	if (g->kind == KEX_ECX) {
		pkey = EVP_PKEY_Q_keygen(NULL, NULL, g->name);
	} else {
		params = ffc_ec_fromdata(g, NULL, 0, NULL, 0);
		ctx = params ? EVP_PKEY_CTX_new_from_pkey(NULL, params, NULL) : NULL;
		if (!ctx || EVP_PKEY_keygen_init(ctx) <= 0 ||
		    EVP_PKEY_keygen(ctx, &pkey) <= 0)
			pkey = NULL;
		EVP_PKEY_CTX_free(ctx);
		EVP_PKEY_free(params);
	}
	if (!pkey) {
		iks_errf(errbuf, errlen, "cannot generate a key for group %u", group);
		return IKS_ERR_CRYPTO;
	}
	k = calloc(1, sizeof *k);
	if (!k) {
		EVP_PKEY_free(pkey);
		return IKS_ERR_NOMEM;
	}
	k->g = g;
	k->pkey = pkey;
	*out = k;
	return IKS_OK;
}

int iks_crypto_kex_new_private(struct iks_kex **out, uint16_t group,
			       const uint8_t *priv, size_t priv_len,
			       char *errbuf, size_t errlen)
{
	const struct kex_group *g = find_group(group);
	EVP_PKEY *pkey;
	struct iks_kex *k;

	*out = NULL;
	if (!g) {
		iks_errf(errbuf, errlen, "key exchange method %u not supported", group);
		return IKS_ERR_UNSUPPORTED;
	}
	if (g->kind == KEX_ECX)
		pkey = EVP_PKEY_new_raw_private_key_ex(NULL, g->name, NULL, priv, priv_len);
	else
		pkey = ffc_ec_fromdata(g, priv, priv_len, NULL, 0);
	if (!pkey) {
		iks_errf(errbuf, errlen, "private value not usable for group %u", group);
		return IKS_ERR_INVALID;
	}
	k = calloc(1, sizeof *k);
	if (!k) {
		EVP_PKEY_free(pkey);
		return IKS_ERR_NOMEM;
	}
	k->g = g;
	k->pkey = pkey;
	*out = k;
	return IKS_OK;
}

int iks_crypto_kex_public(const struct iks_kex *k, uint8_t *out, size_t cap,
			  size_t *len)
{
	const struct kex_group *g = k->g;
	uint8_t pt[1 + 2 * 66];
	size_t n = 0;
	BIGNUM *pub = NULL;
	int rc = IKS_ERR_CRYPTO;

	*len = 0;
	if (cap < g->pub_len)
		return IKS_ERR_OVERFLOW;
	switch (g->kind) {
	case KEX_ECX:
		n = cap;
		if (EVP_PKEY_get_raw_public_key(k->pkey, out, &n) == 1 && n == g->pub_len)
			rc = IKS_OK;
		break;
	case KEX_ECP:
		/* RFC 5903 7: x | y, without SEC1's 0x04 */
		if (EVP_PKEY_get_octet_string_param(k->pkey, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
						    pt, sizeof pt, &n) == 1 &&
		    n == 1u + g->pub_len && pt[0] == 0x04) {
			memcpy(out, pt + 1, g->pub_len);
			rc = IKS_OK;
		}
		break;
	case KEX_MODP:
	case KEX_FFC_NAMED:
		/* RFC 7296 3.4 / RFC 2409 5: padded to the prime's length */
		if (EVP_PKEY_get_bn_param(k->pkey, OSSL_PKEY_PARAM_PUB_KEY, &pub) == 1 &&
		    BN_bn2binpad(pub, out, g->pub_len) == g->pub_len)
			rc = IKS_OK;
		BN_free(pub);
		break;
	}
	if (rc == IKS_OK)
		*len = g->pub_len;
	return rc;
}

int iks_crypto_kex_shared(const struct iks_kex *k, const uint8_t *peer,
			  size_t peer_len, uint8_t *out, size_t cap,
			  size_t *len, char *errbuf, size_t errlen)
{
	const struct kex_group *g = k->g;
	EVP_PKEY *pp = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	uint8_t pt[1 + 2 * 66];
	size_t n = cap;
	int rc = IKS_ERR_CRYPTO;

	*len = 0;
	if (peer_len != g->pub_len) {
		iks_errf(errbuf, errlen,
			 "peer's key exchange data has %zu bytes, group %u needs %u",
			 peer_len, g->id, g->pub_len);
		return IKS_ERR_INVALID;
	}
	if (cap < g->secret_len)
		return IKS_ERR_OVERFLOW;
	switch (g->kind) {
	case KEX_ECX:
		pp = EVP_PKEY_new_raw_public_key_ex(NULL, g->name, NULL, peer, peer_len);
		break;
	case KEX_ECP:
		pt[0] = 0x04;
		memcpy(pt + 1, peer, peer_len);
		pp = ffc_ec_fromdata(g, NULL, 0, pt, peer_len + 1);
		break;
	case KEX_MODP:
	case KEX_FFC_NAMED:
		pp = ffc_ec_fromdata(g, NULL, 0, peer, peer_len);
		break;
	}
	if (!pp) {
		iks_errf(errbuf, errlen, "peer's key exchange data is not a valid value "
			 "of group %u", g->id);
		return IKS_ERR_INVALID;
	}
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, k->pkey, NULL);
	if (ctx && EVP_PKEY_derive_init(ctx) > 0 &&
	    (g->kind == KEX_ECX || g->kind == KEX_ECP || EVP_PKEY_CTX_set_dh_pad(ctx, 1) > 0) &&
	    EVP_PKEY_derive_set_peer(ctx, pp) > 0 &&
	    EVP_PKEY_derive(ctx, out, &n) > 0 && n == g->secret_len) {
		*len = n;
		rc = IKS_OK;
	} else {
		iks_errf(errbuf, errlen, "key exchange with the peer's value failed "
			 "(group %u)", g->id);
		rc = IKS_ERR_INVALID;
	}
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(pp);
	return rc;
}

void iks_crypto_kex_free(struct iks_kex *k)
{
	if (!k)
		return;
	EVP_PKEY_free(k->pkey); /* OpenSSL clears private key material */
	free(k);
}
