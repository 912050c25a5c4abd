/*
 * kdf.c - key derivation and authentication hashes for the initiator side:
 * IKEv2 prf, prf+, SKEYSEED and SK_* (RFC 7296 2.13-2.15), IKEv1 SKEYID,
 * SKEYID_d/a/e, Ka (RFC 2409 5, Appendix B), HASH_I/HASH_R and the Quick
 * Mode / Informational hashes (RFC 2409 5.5, 5.7).
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ikescope/consts.h"
#include "crypto/crypto_int.h"

#define PRF_MAX 64

static const char *v2_prf_digest(uint16_t prf)
{
	switch (prf) {
	case IKS_V2_PRF_HMAC_MD5:
		return "MD5";
	case IKS_V2_PRF_HMAC_SHA1:
		return "SHA1";
	case IKS_V2_PRF_HMAC_SHA2_256:
		return "SHA256";
	case IKS_V2_PRF_HMAC_SHA2_384:
		return "SHA384";
	case IKS_V2_PRF_HMAC_SHA2_512:
		return "SHA512";
	default:
		return NULL;
	}
}

size_t iks_crypto_v2_prf_len(uint16_t prf)
{
	switch (prf) {
	case IKS_V2_PRF_HMAC_MD5:
		return 16;
	case IKS_V2_PRF_HMAC_SHA1:
		return 20;
	case IKS_V2_PRF_HMAC_SHA2_256:
		return 32;
	case IKS_V2_PRF_HMAC_SHA2_384:
		return 48;
	case IKS_V2_PRF_HMAC_SHA2_512:
		return 64;
	case IKS_V2_PRF_AES128_CMAC:
		return 16;
	default:
		return 0;
	}
}

/* One MAC over parts with an EVP_MAC ("HMAC" + digest, or "CMAC" + cipher). */
static int mac_parts(const char *mac_name, const char *param, const char *alg,
		     const uint8_t *key, size_t key_len, const struct iks_bytes *parts,
		     size_t n_parts, uint8_t *out, size_t cap, size_t *out_len)
{
	EVP_MAC *mac = EVP_MAC_fetch(NULL, mac_name, NULL);
	EVP_MAC_CTX *ctx = NULL;
	OSSL_PARAM params[2];
	int ok;

	params[0] = OSSL_PARAM_construct_utf8_string(param, (char *)(uintptr_t)alg, 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = mac && (ctx = EVP_MAC_CTX_new(mac)) && EVP_MAC_init(ctx, key, key_len, params);
	for (size_t i = 0; ok && i < n_parts; i++)
		ok = parts[i].len == 0 || EVP_MAC_update(ctx, parts[i].ptr, parts[i].len);
	ok = ok && EVP_MAC_final(ctx, out, out_len, cap);
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
	return ok ? IKS_OK : IKS_ERR_CRYPTO;
}

int iks_crypto_v2_prf(uint16_t prf, const uint8_t *key, size_t key_len,
		      const struct iks_bytes *parts, size_t n_parts,
		      uint8_t *out, size_t out_cap, size_t *out_len)
{
	const char *d = v2_prf_digest(prf);

	*out_len = 0;
	if (d)
		return mac_parts("HMAC", "digest", d, key, key_len, parts, n_parts, out,
				 out_cap, out_len);
	if (prf == IKS_V2_PRF_AES128_CMAC) {
		/* RFC 4615 3: a key of another length is first reduced with
		 * AES-CMAC under the all-zero key */
		static const uint8_t zero[16];
		uint8_t k16[16];
		size_t kl = 0;
		struct iks_bytes kp = { key, (uint32_t)key_len };
		int rc;

		if (key_len == 16) {
			memcpy(k16, key, 16);
		} else {
			rc = mac_parts("CMAC", "cipher", "AES-128-CBC", zero, 16, &kp, 1, k16,
				       sizeof k16, &kl);
			if (rc < 0)
				return rc;
		}
		rc = mac_parts("CMAC", "cipher", "AES-128-CBC", k16, 16, parts, n_parts, out,
			       out_cap, out_len);
		OPENSSL_cleanse(k16, sizeof k16);
		return rc;
	}
	return IKS_ERR_UNSUPPORTED;
}

int iks_crypto_v2_prfplus(uint16_t prf, const uint8_t *key, size_t key_len,
			  const struct iks_bytes *parts, size_t n_parts,
			  uint8_t *out, size_t out_len)
{
	size_t plen = iks_crypto_v2_prf_len(prf), done = 0;
	uint8_t t[PRF_MAX];
	size_t tl = 0;
	struct iks_bytes in[8];
	uint8_t ctr;
	int rc = IKS_OK;

	if (!plen)
		return IKS_ERR_UNSUPPORTED;
	if (n_parts + 2 > sizeof in / sizeof in[0] || out_len > 255 * plen)
		return IKS_ERR_INVALID;
	/* T1 = prf(K, S | 0x01), Tn = prf(K, Tn-1 | S | n) */
	for (ctr = 1; done < out_len; ctr++) {
		size_t n = 0, take;

		if (tl)
			in[n++] = (struct iks_bytes){ t, (uint32_t)tl };
		for (size_t i = 0; i < n_parts; i++)
			in[n++] = parts[i];
		in[n++] = (struct iks_bytes){ &ctr, 1 };
		rc = iks_crypto_v2_prf(prf, key, key_len, in, n, t, sizeof t, &tl);
		if (rc < 0)
			break;
		take = out_len - done < tl ? out_len - done : tl;
		memcpy(out + done, t, take);
		done += take;
	}
	OPENSSL_cleanse(t, sizeof t);
	return rc;
}

int iks_crypto_v2_derive(struct iks_v2_sa_keys *out, uint16_t prf,
			 uint16_t encr, uint16_t key_bits, uint16_t integ,
			 const uint8_t *ni, size_t ni_len, const uint8_t *nr,
			 size_t nr_len, const uint8_t *gir, size_t gir_len,
			 const uint8_t spi_i[IKS_SPI_LEN],
			 const uint8_t spi_r[IKS_SPI_LEN], char *errbuf,
			 size_t errlen)
{
	const struct iks_encr_spec *e;
	const struct iks_integ_spec *ig;
	size_t plen = iks_crypto_v2_prf_len(prf), sl = 0, elen, alen, total, off = 0;
	uint8_t skeyseed[PRF_MAX], km[7 * IKS_CRYPTO_KEY_MAX], fixed[16];
	struct iks_bytes seed_key, parts[4];
	struct iks_bytes g = { gir, (uint32_t)gir_len };
	int rc;

	memset(out, 0, sizeof *out);
	if (!plen) {
		iks_errf(errbuf, errlen, "PRF %u not supported", prf);
		return IKS_ERR_UNSUPPORTED;
	}
	rc = iks_crypto_v2_set_algs(&out->k, encr, key_bits, integ, errbuf, errlen);
	if (rc < 0)
		return rc;
	e = iks_encr_spec_find(out->k.encr, out->k.encr_bits);
	ig = iks_integ_spec_find(out->k.integ, out->k.integ_icv);
	if (!e || !ig)
		return IKS_ERR_UNSUPPORTED;
	elen = e->bits / 8u + e->salt;
	alen = ig->key_len;
	out->prf = prf;
	out->prf_len = (uint8_t)plen;
	memcpy(out->k.spi_i, spi_i, IKS_SPI_LEN);
	memcpy(out->k.spi_r, spi_r, IKS_SPI_LEN);
	out->k.sk_e_len = (uint8_t)elen;
	out->k.sk_a_len = (uint8_t)alen;

	/* SKEYSEED = prf(Ni | Nr, g^ir); a fixed-key prf takes the first
	 * half of its key from each nonce (RFC 7296 2.14) */
	if (prf == IKS_V2_PRF_AES128_CMAC) {
		if (ni_len < 8 || nr_len < 8)
			return IKS_ERR_INVALID;
		memcpy(fixed, ni, 8);
		memcpy(fixed + 8, nr, 8);
		rc = iks_crypto_v2_prf(prf, fixed, 16, &g, 1, skeyseed, sizeof skeyseed, &sl);
	} else {
		uint8_t nn[512];

		if (ni_len + nr_len > sizeof nn)
			return IKS_ERR_INVALID;
		memcpy(nn, ni, ni_len);
		memcpy(nn + ni_len, nr, nr_len);
		seed_key = (struct iks_bytes){ nn, (uint32_t)(ni_len + nr_len) };
		rc = iks_crypto_v2_prf(prf, seed_key.ptr, seed_key.len, &g, 1, skeyseed,
				       sizeof skeyseed, &sl);
	}
	if (rc < 0) {
		iks_errf(errbuf, errlen, "SKEYSEED computation failed");
		return rc;
	}
	/* {SK_d | SK_ai | SK_ar | SK_ei | SK_er | SK_pi | SK_pr}
	 *   = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr) */
	total = plen + 2 * alen + 2 * elen + 2 * plen;
	parts[0] = (struct iks_bytes){ ni, (uint32_t)ni_len };
	parts[1] = (struct iks_bytes){ nr, (uint32_t)nr_len };
	parts[2] = (struct iks_bytes){ spi_i, IKS_SPI_LEN };
	parts[3] = (struct iks_bytes){ spi_r, IKS_SPI_LEN };
	rc = iks_crypto_v2_prfplus(prf, skeyseed, sl, parts, 4, km, total);
	OPENSSL_cleanse(skeyseed, sizeof skeyseed);
	if (rc < 0) {
		iks_errf(errbuf, errlen, "prf+ failed");
		return rc;
	}
	memcpy(out->sk_d, km + off, plen), off += plen;
	memcpy(out->k.sk_ai, km + off, alen), off += alen;
	memcpy(out->k.sk_ar, km + off, alen), off += alen;
	memcpy(out->k.sk_ei, km + off, elen), off += elen;
	memcpy(out->k.sk_er, km + off, elen), off += elen;
	memcpy(out->sk_pi, km + off, plen), off += plen;
	memcpy(out->sk_pr, km + off, plen);
	OPENSSL_cleanse(km, sizeof km);
	return IKS_OK;
}

int iks_crypto_v2_auth_psk(uint16_t prf, const uint8_t *psk, size_t psk_len,
			   const uint8_t *sk_p, size_t sk_p_len,
			   const uint8_t *msg, size_t msg_len,
			   const uint8_t *nonce, size_t nonce_len,
			   const uint8_t *id, size_t id_len, uint8_t *out,
			   size_t out_cap, size_t *out_len)
{
	static const char pad[] = "Key Pad for IKEv2"; /* 17 octets, no NUL */
	uint8_t inner[PRF_MAX], maced[PRF_MAX];
	size_t il = 0, ml = 0;
	struct iks_bytes p = { (const uint8_t *)pad, sizeof pad - 1 };
	struct iks_bytes idp = { id, (uint32_t)id_len };
	struct iks_bytes so[3];
	int rc;

	rc = iks_crypto_v2_prf(prf, psk, psk_len, &p, 1, inner, sizeof inner, &il);
	if (rc == IKS_OK)
		rc = iks_crypto_v2_prf(prf, sk_p, sk_p_len, &idp, 1, maced, sizeof maced, &ml);
	if (rc == IKS_OK) {
		so[0] = (struct iks_bytes){ msg, (uint32_t)msg_len };
		so[1] = (struct iks_bytes){ nonce, (uint32_t)nonce_len };
		so[2] = (struct iks_bytes){ maced, (uint32_t)ml };
		rc = iks_crypto_v2_prf(prf, inner, il, so, 3, out, out_cap, out_len);
	}
	OPENSSL_cleanse(inner, sizeof inner);
	return rc;
}

int iks_crypto_digest(uint16_t v1_hash, const struct iks_bytes *parts, size_t n_parts,
		      uint8_t *out, size_t out_cap, size_t *out_len)
{
	const struct iks_v1_hash_spec *h = iks_v1_hash_spec_find(v1_hash ? v1_hash :
								 IKS_V1_HASH_SHA);
	EVP_MD *md = h ? EVP_MD_fetch(NULL, h->digest, NULL) : NULL;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	unsigned ol = 0;
	int ok = md && ctx && out_cap >= (size_t)EVP_MD_get_size(md);

	*out_len = 0;
	ok = ok && EVP_DigestInit_ex(ctx, md, NULL);
	for (size_t i = 0; ok && i < n_parts; i++)
		ok = EVP_DigestUpdate(ctx, parts[i].ptr, parts[i].len);
	ok = ok && EVP_DigestFinal_ex(ctx, out, &ol);
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	if (!h)
		return IKS_ERR_UNSUPPORTED;
	if (!ok)
		return IKS_ERR_CRYPTO;
	*out_len = ol;
	return IKS_OK;
}

/* ------------------------------------------------------------- IKEv1 */

static size_t v1_key_need(uint16_t encr, uint16_t key_bits)
{
	switch (encr) {
	case IKS_V1_ENCR_DES_CBC:
		return 8;
	case IKS_V1_ENCR_3DES_CBC:
		return 24;
	case IKS_V1_ENCR_AES_CBC:
	case IKS_V1_ENCR_CAMELLIA_CBC:
		return key_bits ? key_bits / 8u : 16;
	default:
		return 0;
	}
}

int iks_crypto_v1_derive_psk(struct iks_v1_sa_keys *out, uint16_t hash,
			     uint16_t encr, uint16_t key_bits,
			     const uint8_t *psk, size_t psk_len,
			     const uint8_t *ni, size_t ni_len,
			     const uint8_t *nr, size_t nr_len,
			     const uint8_t *gxy, size_t gxy_len,
			     const uint8_t cky_i[IKS_SPI_LEN],
			     const uint8_t cky_r[IKS_SPI_LEN], char *errbuf,
			     size_t errlen)
{
	const uint8_t b0 = 0, b1 = 1, b2 = 2;
	struct iks_bytes nonces[2] = { { ni, (uint32_t)ni_len }, { nr, (uint32_t)nr_len } };
	struct iks_bytes g = { gxy, (uint32_t)gxy_len };
	struct iks_bytes ci = { cky_i, IKS_SPI_LEN }, cr = { cky_r, IKS_SPI_LEN };
	size_t need = v1_key_need(encr, key_bits), l = 0, sl = 0, have;
	uint8_t kbuf[PRF_MAX];
	int rc;

	memset(out, 0, sizeof *out);
	if (!need || need > IKS_CRYPTO_KEY_MAX || !iks_v1_hash_spec_find(hash)) {
		iks_errf(errbuf, errlen, "IKEv1 algorithms %u/%u not supported", encr, hash);
		return IKS_ERR_UNSUPPORTED;
	}
	out->hash = hash;
	rc = iks_crypto_v1_prf(hash, psk, psk_len, nonces, 2, out->skeyid,
			       sizeof out->skeyid, &sl);
	if (rc == IKS_OK) {
		struct iks_bytes d[] = { g, ci, cr, { &b0, 1 } };

		rc = iks_crypto_v1_prf(hash, out->skeyid, sl, d, 4, out->skeyid_d,
				       sizeof out->skeyid_d, &l);
	}
	if (rc == IKS_OK) {
		struct iks_bytes a[] = { { out->skeyid_d, (uint32_t)l }, g, ci, cr, { &b1, 1 } };

		rc = iks_crypto_v1_prf(hash, out->skeyid, sl, a, 5, out->skeyid_a,
				       sizeof out->skeyid_a, &l);
	}
	if (rc == IKS_OK) {
		struct iks_bytes e[] = { { out->skeyid_a, (uint32_t)l }, g, ci, cr, { &b2, 1 } };

		rc = iks_crypto_v1_prf(hash, out->skeyid, sl, e, 5, out->skeyid_e,
				       sizeof out->skeyid_e, &l);
	}
	if (rc < 0) {
		iks_errf(errbuf, errlen, "SKEYID computation failed");
		return rc;
	}
	out->prf_len = (uint8_t)sl;
	memcpy(out->row.icookie, cky_i, IKS_SPI_LEN);
	if (l >= need) {
		memcpy(out->row.key, out->skeyid_e, need);
	} else {
		/* Appendix B: Ka = K1 | K2 | ..., K1 = prf(SKEYID_e, 0),
		 * Kn = prf(SKEYID_e, Kn-1) */
		size_t kl = 0;
		struct iks_bytes in = { &b0, 1 };

		for (have = 0; have < need;) {
			rc = iks_crypto_v1_prf(hash, out->skeyid_e, l, &in, 1, kbuf,
					       sizeof kbuf, &kl);
			if (rc < 0)
				return rc;
			memcpy(out->row.key + have, kbuf,
			       need - have < kl ? need - have : kl);
			have += kl;
			in = (struct iks_bytes){ out->row.key + have - kl, (uint32_t)kl };
			if (have > need) /* last block only partly kept */
				break;
		}
		OPENSSL_cleanse(kbuf, sizeof kbuf);
	}
	out->row.key_len = (uint8_t)need;
	return IKS_OK;
}

int iks_crypto_v1_hash_phase1(const struct iks_v1_sa_keys *k, bool initiator,
			      const uint8_t *gxi, size_t gxi_len,
			      const uint8_t *gxr, size_t gxr_len,
			      const uint8_t cky_i[IKS_SPI_LEN],
			      const uint8_t cky_r[IKS_SPI_LEN],
			      const uint8_t *sai, size_t sai_len,
			      const uint8_t *id, size_t id_len, uint8_t *out,
			      size_t out_cap, size_t *out_len)
{
	struct iks_bytes xi = { gxi, (uint32_t)gxi_len }, xr = { gxr, (uint32_t)gxr_len };
	struct iks_bytes ci = { cky_i, IKS_SPI_LEN }, cr = { cky_r, IKS_SPI_LEN };
	struct iks_bytes sa = { sai, (uint32_t)sai_len }, idb = { id, (uint32_t)id_len };
	struct iks_bytes pi[] = { xi, xr, ci, cr, sa, idb };
	struct iks_bytes pr[] = { xr, xi, cr, ci, sa, idb };

	return iks_crypto_v1_prf(k->hash, k->skeyid, k->prf_len, initiator ? pi : pr, 6,
				 out, out_cap, out_len);
}

int iks_crypto_v1_hash_qm(const struct iks_v1_sa_keys *k, int which,
			  uint32_t msgid, const uint8_t *ni, size_t ni_len,
			  const uint8_t *nr, size_t nr_len, const uint8_t *rest,
			  size_t rest_len, uint8_t *out, size_t out_cap,
			  size_t *out_len)
{
	const uint8_t zero = 0;
	uint8_t mid[4] = { (uint8_t)(msgid >> 24), (uint8_t)(msgid >> 16),
			   (uint8_t)(msgid >> 8), (uint8_t)msgid };
	struct iks_bytes m = { mid, 4 }, nib = { ni, (uint32_t)ni_len },
			 nrb = { nr, (uint32_t)nr_len }, r = { rest, (uint32_t)rest_len };
	struct iks_bytes p[4];
	size_t n = 0;

	switch (which) {
	case 1:
		p[n++] = m;
		p[n++] = r;
		break;
	case 2:
		p[n++] = m;
		p[n++] = nib;
		p[n++] = r;
		break;
	case 3:
		p[n++] = (struct iks_bytes){ &zero, 1 };
		p[n++] = m;
		p[n++] = nib;
		p[n++] = nrb;
		break;
	default:
		return IKS_ERR_INVALID;
	}
	return iks_crypto_v1_prf(k->hash, k->skeyid_a, k->prf_len, p, n, out, out_cap,
				 out_len);
}
