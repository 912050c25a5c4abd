/*
 * v2.c - IKEv2 Encrypted payload (SK, RFC 7296 3.14) and Encrypted
 * Fragment payload (SKF, RFC 7383 2.5): integrity check and decryption.
 */
#include <limits.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ikescope/cursor.h"
#include "crypto/crypto_int.h"

#define MAC_MAX 64
#define AES_BLOCK 16

/*
 * RFC 7296 3.14 Encrypted payload, and RFC 7383 2.5 for SKF:
 *
 *   Next Payload | C | RESERVED | Payload Length      (generic header)
 *   [Fragment Number | Total Fragments]                (SKF only)
 *   Initialization Vector                              (per algorithm)
 *   Encrypted IKE Payloads | Padding | Pad Length      (ciphertext)
 *   Integrity Checksum Data                            (ICV)
 */
struct sk_layout {
	size_t aad_len;         /* IKE header .. end of SK(F) header */
	size_t mac_len;         /* bytes covered by a non-AEAD ICV */
	struct iks_bytes iv;
	struct iks_bytes ct;
	struct iks_bytes icv;
};

static const char integrity_failed[] =
	"keys given for this SA do not decrypt it: integrity check failed";

static int parse_sk(const uint8_t *msg, size_t msg_len, size_t sk_off,
		    size_t sk_len, bool fragment, size_t iv_len,
		    size_t icv_len, struct sk_layout *l, char *errbuf,
		    size_t errlen)
{
	struct iks_cur c = iks_cur_make(msg, msg_len), sk;
	uint8_t next, crit;
	uint16_t plen, frag_no, frag_total;
	size_t hdr = fragment ? 8 : 4;

	if (!iks_cur_skip(&c, sk_off) || !iks_cur_sub(&c, sk_len, &sk)) {
		iks_errf(errbuf, errlen,
			 "encrypted payload (%zu bytes at offset %zu) extends "
			 "past the %zu-byte message", sk_len, sk_off, msg_len);
		return IKS_ERR_LENGTH;
	}
	if (!iks_cur_u8(&sk, &next) || !iks_cur_u8(&sk, &crit) ||
	    !iks_cur_be16(&sk, &plen) ||
	    (fragment && (!iks_cur_be16(&sk, &frag_no) ||
			  !iks_cur_be16(&sk, &frag_total)))) {
		iks_errf(errbuf, errlen, "encrypted payload shorter than its header");
		return IKS_ERR_TRUNCATED;
	}
	if (plen != sk_len) {
		iks_errf(errbuf, errlen,
			 "encrypted payload length field says %u, caller says %zu",
			 plen, sk_len);
		return IKS_ERR_LENGTH;
	}
	l->aad_len = sk_off + hdr;
	l->mac_len = sk_off + sk_len - icv_len;
	if (iks_cur_left(&sk) < iv_len + 1 + icv_len ||
	    !iks_cur_view(&sk, iv_len, &l->iv) ||
	    !iks_cur_view(&sk, iks_cur_left(&sk) - icv_len, &l->ct) ||
	    !iks_cur_view(&sk, icv_len, &l->icv)) {
		iks_errf(errbuf, errlen,
			 "encrypted payload of %zu bytes cannot hold a %zu-byte "
			 "IV, a pad length and a %zu-byte ICV",
			 sk_len, iv_len, icv_len);
		return IKS_ERR_TRUNCATED;
	}
	return 0;
}

/* RFC 3566 AES-XCBC-MAC (full 128 bits; the caller truncates to 96). */
static int xcbc_mac(const uint8_t key[AES_BLOCK], const uint8_t *data,
		    size_t len, uint8_t mac[AES_BLOCK])
{
	static const uint8_t c1[AES_BLOCK] = { 1, 1, 1, 1, 1, 1, 1, 1,
					       1, 1, 1, 1, 1, 1, 1, 1 };
	static const uint8_t c2[AES_BLOCK] = { 2, 2, 2, 2, 2, 2, 2, 2,
					       2, 2, 2, 2, 2, 2, 2, 2 };
	static const uint8_t c3[AES_BLOCK] = { 3, 3, 3, 3, 3, 3, 3, 3,
					       3, 3, 3, 3, 3, 3, 3, 3 };
	uint8_t k1[AES_BLOCK], k2[AES_BLOCK], k3[AES_BLOCK], e[AES_BLOCK];
	uint8_t blk[AES_BLOCK];
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	struct iks_cur c = iks_cur_make(data, len);
	int ol, ok = ctx != NULL;

	ok = ok && EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);
	ok = ok && EVP_CIPHER_CTX_set_padding(ctx, 0);
	ok = ok && EVP_EncryptUpdate(ctx, k1, &ol, c1, AES_BLOCK);
	ok = ok && EVP_EncryptUpdate(ctx, k2, &ol, c2, AES_BLOCK);
	ok = ok && EVP_EncryptUpdate(ctx, k3, &ol, c3, AES_BLOCK);
	ok = ok && EVP_EncryptInit_ex(ctx, NULL, NULL, k1, NULL);
	memset(e, 0, sizeof(e));
	/* every block but the last is a plain CBC-MAC step */
	while (ok && iks_cur_left(&c) > AES_BLOCK) {
		ok = iks_cur_copy(&c, blk, AES_BLOCK);
		for (int i = 0; i < AES_BLOCK; i++)
			blk[i] ^= e[i];
		ok = ok && EVP_EncryptUpdate(ctx, e, &ol, blk, AES_BLOCK);
	}
	if (ok) {
		size_t rest = iks_cur_left(&c);
		const uint8_t *kx = rest == AES_BLOCK ? k2 : k3;

		memset(blk, 0, sizeof(blk));
		ok = iks_cur_copy(&c, blk, rest);
		if (rest < AES_BLOCK)
			blk[rest] = 0x80;
		for (int i = 0; i < AES_BLOCK; i++)
			blk[i] ^= e[i] ^ kx[i];
		ok = ok && EVP_EncryptUpdate(ctx, mac, &ol, blk, AES_BLOCK);
	}
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(k1, sizeof(k1));
	OPENSSL_cleanse(k2, sizeof(k2));
	OPENSSL_cleanse(k3, sizeof(k3));
	return ok ? 0 : IKS_ERR_CRYPTO;
}

static int compute_mac(const struct iks_integ_spec *i, const uint8_t *key,
		       size_t key_len, const uint8_t *data, size_t len,
		       uint8_t out[MAC_MAX])
{
	size_t ol = 0;

	switch (i->kind) {
	case IKS_MAC_HMAC:
		return EVP_Q_mac(NULL, "HMAC", NULL, i->digest, NULL, key,
				 key_len, data, len, out, MAC_MAX, &ol) ?
		       0 : IKS_ERR_CRYPTO;
	case IKS_MAC_CMAC:
		/* RFC 4494: AES-CMAC with a 128-bit key */
		return EVP_Q_mac(NULL, "CMAC", NULL, "AES-128-CBC", NULL, key,
				 key_len, data, len, out, MAC_MAX, &ol) ?
		       0 : IKS_ERR_CRYPTO;
	case IKS_MAC_XCBC:
		return key_len == AES_BLOCK ? xcbc_mac(key, data, len, out) :
		       IKS_ERR_CRYPTO;
	case IKS_MAC_NONE:
	case IKS_MAC_UNCHECKED:
		break;
	}
	return 0;
}

static int check_icv(const struct iks_integ_spec *i, const uint8_t *key,
		     size_t key_len, const uint8_t *msg,
		     const struct sk_layout *l, char *errbuf, size_t errlen)
{
	uint8_t mac[MAC_MAX];
	int rc;

	if (i->kind == IKS_MAC_NONE || i->kind == IKS_MAC_UNCHECKED)
		return 0;
	rc = compute_mac(i, key, key_len, msg, l->mac_len, mac);
	if (rc < 0) {
		iks_errf(errbuf, errlen, "integrity computation failed");
		return rc;
	}
	if (CRYPTO_memcmp(mac, l->icv.ptr, l->icv.len) != 0) {
		iks_errf(errbuf, errlen, "%s", integrity_failed);
		return IKS_ERR_INTEGRITY;
	}
	return 0;
}

static int cipher_decrypt(const EVP_CIPHER *ciph, const uint8_t *key,
			  const uint8_t *iv, const uint8_t *ct, size_t ct_len,
			  uint8_t *out)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0, ok = ctx != NULL;

	ok = ok && EVP_DecryptInit_ex(ctx, ciph, NULL, key, iv);
	ok = ok && EVP_CIPHER_CTX_set_padding(ctx, 0);
	ok = ok && EVP_DecryptUpdate(ctx, out, &l1, ct, (int)ct_len);
	ok = ok && EVP_DecryptFinal_ex(ctx, out + l1, &l2);
	EVP_CIPHER_CTX_free(ctx);
	return ok && (size_t)l1 + (size_t)l2 == ct_len ? 0 : IKS_ERR_CRYPTO;
}

/* AEAD open; 0, IKS_ERR_INTEGRITY (tag mismatch) or IKS_ERR_CRYPTO. */
static int aead_decrypt(const EVP_CIPHER *ciph, bool ccm, const uint8_t *key,
			const uint8_t *nonce, int nonce_len,
			const uint8_t *aad, size_t aad_len,
			const struct iks_bytes *ct, const struct iks_bytes *tag,
			uint8_t *out)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	uint8_t tagbuf[16];
	int ol = 0, ok, rc = IKS_ERR_CRYPTO;

	if (!ctx || tag->len > sizeof(tagbuf))
		goto out;
	memcpy(tagbuf, tag->ptr, tag->len);
	ok = EVP_DecryptInit_ex(ctx, ciph, NULL, NULL, NULL);
	ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN,
				       nonce_len, NULL);
	/* CCM must know the tag and the message length up front */
	if (ccm)
		ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
					       (int)tag->len, tagbuf);
	ok = ok && EVP_DecryptInit_ex(ctx, NULL, NULL, key, nonce);
	if (ccm)
		ok = ok && EVP_DecryptUpdate(ctx, NULL, &ol, NULL, (int)ct->len);
	ok = ok && EVP_DecryptUpdate(ctx, NULL, &ol, aad, (int)aad_len);
	if (!ok)
		goto out;
	if (ccm) {
		rc = EVP_DecryptUpdate(ctx, out, &ol, ct->ptr, (int)ct->len) > 0 ?
		     0 : IKS_ERR_INTEGRITY;
		goto out;
	}
	ok = EVP_DecryptUpdate(ctx, out, &ol, ct->ptr, (int)ct->len);
	ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG,
				       (int)tag->len, tagbuf);
	if (!ok)
		goto out;
	rc = EVP_DecryptFinal_ex(ctx, out + ol, &ol) > 0 ? 0 : IKS_ERR_INTEGRITY;
out:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

static int run_cipher(const struct iks_encr_spec *e, const uint8_t *key,
		      const uint8_t *msg, const struct sk_layout *l,
		      uint8_t *out)
{
	const EVP_CIPHER *ciph = iks_cipher_for(e->mode, e->family, e->bits);
	size_t klen = e->bits / 8u;
	uint8_t nonce[16];
	size_t n = 0;

	struct iks_cur ivc = iks_cur_from_bytes(l->iv);
	struct iks_cur ctc = iks_cur_from_bytes(l->ct);

	if (e->mode == IKS_MODE_NULL)
		return iks_cur_copy(&ctc, out, l->ct.len) ? 0 : IKS_ERR_CRYPTO;
	/* CTR appends a 4-byte block counter */
	if (!ciph || e->salt + l->iv.len + (e->mode == IKS_MODE_CTR ? 4u : 0u) >
		     sizeof(nonce))
		return IKS_ERR_UNSUPPORTED;
	/* salt (the tail of SK_e) then the IV from the payload */
	memcpy(nonce, key + klen, e->salt);
	n = e->salt;
	if (!iks_cur_copy(&ivc, nonce + n, l->iv.len))
		return IKS_ERR_CRYPTO;
	n += l->iv.len;
	switch (e->mode) {
	case IKS_MODE_CBC:
		return cipher_decrypt(ciph, key, l->iv.ptr, l->ct.ptr,
				      l->ct.len, out);
	case IKS_MODE_CTR:
		/* RFC 3686 4: nonce | IV | block counter starting at 1 */
		nonce[n++] = 0;
		nonce[n++] = 0;
		nonce[n++] = 0;
		nonce[n++] = 1;
		return cipher_decrypt(ciph, key, nonce, l->ct.ptr, l->ct.len,
				      out);
	case IKS_MODE_GCM:
	case IKS_MODE_CCM:
	case IKS_MODE_CHACHA:
		return aead_decrypt(ciph, e->mode == IKS_MODE_CCM, key, nonce,
				    (int)n, msg, l->aad_len, &l->ct, &l->icv,
				    out);
	case IKS_MODE_NULL:
		break;
	}
	return IKS_ERR_UNSUPPORTED;
}

int iks_crypto_v2_decrypt(const struct iks_v2_keys *k, bool from_initiator,
			  const uint8_t *msg, size_t msg_len, size_t sk_off,
			  size_t sk_len, bool fragment, uint8_t *out,
			  size_t out_cap, size_t *out_len, char *errbuf,
			  size_t errlen)
{
	const struct iks_encr_spec *e = iks_encr_spec_find(k->encr, k->encr_bits);
	const struct iks_integ_spec *i = iks_integ_spec_find(k->integ,
							     k->integ_icv);
	const uint8_t *ekey = from_initiator ? k->sk_ei : k->sk_er;
	const uint8_t *akey = from_initiator ? k->sk_ai : k->sk_ar;
	struct sk_layout l;
	size_t icv_len;
	uint8_t pad;
	int rc;

	*out_len = 0;
	rc = iks_v2_keys_check(k, errbuf, errlen);
	if (rc < 0)
		return rc;
	icv_len = e->icv ? e->icv : i->icv;
	rc = parse_sk(msg, msg_len, sk_off, sk_len, fragment, e->iv, icv_len,
		      &l, errbuf, errlen);
	if (rc < 0)
		return rc;
	if (l.ct.len % e->block) {
		iks_errf(errbuf, errlen,
			 "ciphertext of %u bytes is not a multiple of the "
			 "%u-byte block", l.ct.len, e->block);
		return IKS_ERR_LENGTH;
	}
	if (out_cap < l.ct.len) {
		iks_errf(errbuf, errlen, "plaintext buffer too small");
		return IKS_ERR_OVERFLOW;
	}
	rc = check_icv(i, akey, k->sk_a_len, msg, &l, errbuf, errlen);
	if (rc < 0)
		return rc;
	rc = run_cipher(e, ekey, msg, &l, out);
	if (rc == IKS_ERR_INTEGRITY) {
		iks_errf(errbuf, errlen, "%s", integrity_failed);
		return rc;
	}
	if (rc < 0) {
		iks_errf(errbuf, errlen, "decryption failed");
		return rc;
	}
	/* RFC 7296 3.14: the last plaintext byte counts the padding before it */
	pad = out[l.ct.len - 1];
	if ((size_t)pad + 1 > l.ct.len) {
		iks_errf(errbuf, errlen,
			 "pad length %u exceeds the %u decrypted bytes%s", pad,
			 l.ct.len,
			 i->kind == IKS_MAC_UNCHECKED || i->kind == IKS_MAC_NONE ?
			 " (wrong key?)" : "");
		OPENSSL_cleanse(out, l.ct.len);
		return IKS_ERR_LENGTH;
	}
	*out_len = l.ct.len - pad - 1;
	return 0;
}
