/*
 * IKEv1 prf (RFC 2409 section 5: the HMAC version of the negotiated hash)
 * and the pre-shared key check of Aggressive Mode, whose HASH_R travels
 * in the clear (RFC 2409 5.4).
 */
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "crypto/crypto_int.h"

int iks_crypto_v1_prf(uint16_t hash, const uint8_t *key, size_t key_len,
		      const struct iks_bytes *parts, size_t n_parts, uint8_t *out,
		      size_t out_cap, size_t *out_len)
{
	const struct iks_v1_hash_spec *h = iks_v1_hash_spec_find(hash);
	EVP_MAC *mac;
	EVP_MAC_CTX *ctx = NULL;
	OSSL_PARAM params[2];
	int ok;

	if (!h)
		return IKS_ERR_UNSUPPORTED;
	mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	params[0] = OSSL_PARAM_construct_utf8_string("digest", (char *)(uintptr_t)h->digest, 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = mac && (ctx = EVP_MAC_CTX_new(mac)) && EVP_MAC_init(ctx, key, key_len, params);
	for (size_t i = 0; ok && i < n_parts; i++)
		ok = EVP_MAC_update(ctx, parts[i].ptr, parts[i].len);
	ok = ok && EVP_MAC_final(ctx, out, out_len, out_cap);
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return ok ? IKS_OK : IKS_ERR_CRYPTO;
}

int iks_crypto_v1_check_psk(uint16_t hash, const uint8_t *psk, size_t psk_len,
			    const struct iks_v1_am_material *am)
{
	uint8_t skeyid[EVP_MAX_MD_SIZE], hash_r[EVP_MAX_MD_SIZE];
	size_t skeyid_len = 0, hash_len = 0;
	const struct iks_bytes nonces[] = { am->ni, am->nr };
	struct iks_bytes parts[] = { am->gxr, am->gxi, { am->cky_r, 8 }, { am->cky_i, 8 },
				     am->sai, am->idr };
	int rc;

	/* SKEYID = prf(pre-shared-key, Ni_b | Nr_b) */
	rc = iks_crypto_v1_prf(hash, psk, psk_len, nonces, 2, skeyid, sizeof skeyid,
			       &skeyid_len);
	/* HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b) */
	if (rc == IKS_OK)
		rc = iks_crypto_v1_prf(hash, skeyid, skeyid_len, parts, 6, hash_r,
				       sizeof hash_r, &hash_len);
	OPENSSL_cleanse(skeyid, sizeof skeyid);
	if (rc != IKS_OK)
		return rc;
	return hash_len == am->hash_r.len && !CRYPTO_memcmp(hash_r, am->hash_r.ptr, hash_len);
}
