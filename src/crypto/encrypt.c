/*
 * encrypt.c - the sending side of the IKEv2 Encrypted payload (RFC 7296
 * 3.14, RFC 5282 for AEAD, RFC 5930 for CTR) and of IKEv1 message bodies
 * (RFC 2409 Appendix B), so that what the probe sends decrypts with
 * v2.c / v1.c and with the peer.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ikescope/consts.h"
#include "crypto/crypto_int.h"

#define MAC_MAX 64

static int cipher_run(const EVP_CIPHER *c, const uint8_t *key, const uint8_t *iv,
		      const uint8_t *in, size_t len, uint8_t *out)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0, ok = ctx != NULL && len <= INT32_MAX;

	ok = ok && EVP_EncryptInit_ex(ctx, c, NULL, key, iv);
	ok = ok && EVP_CIPHER_CTX_set_padding(ctx, 0);
	ok = ok && EVP_EncryptUpdate(ctx, out, &l1, in, (int)len);
	ok = ok && EVP_EncryptFinal_ex(ctx, out + l1, &l2);
	EVP_CIPHER_CTX_free(ctx);
	return ok && (size_t)l1 + (size_t)l2 == len ? IKS_OK : IKS_ERR_CRYPTO;
}

static int aead_seal(const EVP_CIPHER *c, bool ccm, const uint8_t *key,
		     const uint8_t *nonce, int nonce_len, const uint8_t *aad,
		     size_t aad_len, const uint8_t *in, size_t len, uint8_t *out,
		     uint8_t *tag, int tag_len)
{
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int ol = 0, ok = ctx != NULL && len <= INT32_MAX && aad_len <= INT32_MAX;

	ok = ok && EVP_EncryptInit_ex(ctx, c, NULL, NULL, NULL);
	ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, nonce_len, NULL);
	if (ccm)
		ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tag_len, NULL);
	ok = ok && EVP_EncryptInit_ex(ctx, NULL, NULL, key, nonce);
	if (ccm)
		ok = ok && EVP_EncryptUpdate(ctx, NULL, &ol, NULL, (int)len);
	ok = ok && EVP_EncryptUpdate(ctx, NULL, &ol, aad, (int)aad_len);
	ok = ok && EVP_EncryptUpdate(ctx, out, &ol, in, (int)len);
	ok = ok && EVP_EncryptFinal_ex(ctx, out + ol, &ol);
	ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, tag_len, tag);
	EVP_CIPHER_CTX_free(ctx);
	return ok ? IKS_OK : IKS_ERR_CRYPTO;
}

static int integ_mac(const struct iks_integ_spec *i, const uint8_t *key, size_t key_len,
		     const uint8_t *data, size_t len, uint8_t out[MAC_MAX])
{
	size_t ol = 0;

	switch (i->kind) {
	case IKS_MAC_HMAC:
		return EVP_Q_mac(NULL, "HMAC", NULL, i->digest, NULL, key, key_len, data,
				 len, out, MAC_MAX, &ol) ? IKS_OK : IKS_ERR_CRYPTO;
	case IKS_MAC_CMAC:
		return EVP_Q_mac(NULL, "CMAC", NULL, "AES-128-CBC", NULL, key, key_len,
				 data, len, out, MAC_MAX, &ol) ? IKS_OK : IKS_ERR_CRYPTO;
	default:
		return IKS_ERR_UNSUPPORTED;
	}
}

int iks_crypto_v2_encrypt(const struct iks_v2_keys *k, bool from_initiator,
			  uint8_t *msg, size_t cap, size_t sk_off,
			  uint8_t first_inner, const uint8_t *plain,
			  size_t plain_len, size_t *msg_len, char *errbuf,
			  size_t errlen)
{
	const struct iks_encr_spec *e = iks_encr_spec_find(k->encr, k->encr_bits);
	const struct iks_integ_spec *i = iks_integ_spec_find(k->integ, k->integ_icv);
	const uint8_t *ekey = from_initiator ? k->sk_ei : k->sk_er;
	const uint8_t *akey = from_initiator ? k->sk_ai : k->sk_ar;
	const EVP_CIPHER *c;
	size_t icv, pad, ct_len, sk_len, total, ivo, cto;
	uint8_t buf[65536], nonce[16], mac[MAC_MAX];
	size_t n = 0;
	int rc;

	*msg_len = 0;
	rc = iks_v2_keys_check(k, errbuf, errlen);
	if (rc < 0)
		return rc;
	if (e->mode != IKS_MODE_NULL && !e->icv && i->kind != IKS_MAC_HMAC &&
	    i->kind != IKS_MAC_CMAC) {
		iks_errf(errbuf, errlen, "integrity transform %u cannot be computed here",
			 k->integ);
		return IKS_ERR_UNSUPPORTED;
	}
	c = iks_cipher_for(e->mode, e->family, e->bits);
	if (e->mode != IKS_MODE_NULL && !c) {
		iks_errf(errbuf, errlen, "cipher not available");
		return IKS_ERR_UNSUPPORTED;
	}
	icv = e->icv ? e->icv : i->icv;
	/* padding: plain | pad | pad length fills whole cipher blocks */
	pad = (e->block - (plain_len + 1) % e->block) % e->block;
	ct_len = plain_len + pad + 1;
	sk_len = 4 + e->iv + ct_len + icv;
	total = sk_off + sk_len;
	if (sk_off < 28 || total > cap || ct_len > sizeof buf || sk_len > 0xffff) {
		iks_errf(errbuf, errlen, "encrypted message does not fit its buffer");
		return IKS_ERR_OVERFLOW;
	}
	memcpy(buf, plain, plain_len);
	memset(buf + plain_len, 0, pad);
	buf[plain_len + pad] = (uint8_t)pad;

	msg[sk_off] = first_inner;
	msg[sk_off + 1] = 0;
	msg[sk_off + 2] = (uint8_t)(sk_len >> 8);
	msg[sk_off + 3] = (uint8_t)sk_len;
	msg[24] = (uint8_t)(total >> 24);
	msg[25] = (uint8_t)(total >> 16);
	msg[26] = (uint8_t)(total >> 8);
	msg[27] = (uint8_t)total;
	ivo = sk_off + 4;
	cto = ivo + e->iv;
	rc = iks_crypto_random(msg + ivo, e->iv);
	if (rc < 0)
		goto out;
	memcpy(nonce, ekey + e->bits / 8u, e->salt);
	n = e->salt;
	memcpy(nonce + n, msg + ivo, e->iv);
	n += e->iv;
	switch (e->mode) {
	case IKS_MODE_NULL:
		memcpy(msg + cto, buf, ct_len);
		break;
	case IKS_MODE_CBC:
		rc = cipher_run(c, ekey, msg + ivo, buf, ct_len, msg + cto);
		break;
	case IKS_MODE_CTR:
		/* RFC 3686 4: nonce | IV | counter from 1 */
		nonce[n++] = 0;
		nonce[n++] = 0;
		nonce[n++] = 0;
		nonce[n++] = 1;
		rc = cipher_run(c, ekey, nonce, buf, ct_len, msg + cto);
		break;
	case IKS_MODE_GCM:
	case IKS_MODE_CCM:
	case IKS_MODE_CHACHA:
		/* RFC 5282 5.1: associated data = IKE header .. SK header */
		rc = aead_seal(c, e->mode == IKS_MODE_CCM, ekey, nonce, (int)n, msg,
			       sk_off + 4, buf, ct_len, msg + cto, msg + cto + ct_len,
			       (int)icv);
		break;
	}
	if (rc == IKS_OK && !e->icv && icv) {
		rc = integ_mac(i, akey, k->sk_a_len, msg, total - icv, mac);
		if (rc == IKS_OK)
			memcpy(msg + total - icv, mac, icv);
	}
	if (rc == IKS_OK)
		*msg_len = total;
	else
		iks_errf(errbuf, errlen, "encryption failed");
out:
	OPENSSL_cleanse(buf, ct_len);
	OPENSSL_cleanse(nonce, sizeof nonce);
	return rc;
}

int iks_crypto_v1_encrypt(const struct iks_v1_suite *s,
			  struct iks_v1_ivchain *c, const uint8_t *pt,
			  size_t len, uint8_t *out, size_t out_cap,
			  char *errbuf, size_t errlen)
{
	const EVP_CIPHER *ciph = NULL;
	int rc;

	switch (s->encr) {
	case IKS_V1_ENCR_DES_CBC:
	case IKS_V1_ENCR_3DES_CBC:
		ciph = iks_cipher_for(IKS_MODE_CBC, IKS_FAM_3DES, 192);
		break;
	case IKS_V1_ENCR_AES_CBC:
		ciph = iks_cipher_for(IKS_MODE_CBC, IKS_FAM_AES, s->key_len * 8u);
		break;
	case IKS_V1_ENCR_CAMELLIA_CBC:
		ciph = iks_cipher_for(IKS_MODE_CBC, IKS_FAM_CAMELLIA, s->key_len * 8u);
		break;
	}
	if (!ciph || !c->block || c->block != s->block) {
		iks_errf(errbuf, errlen, "IKEv1 cipher or IV chain not ready");
		return IKS_ERR_UNSUPPORTED;
	}
	if (!len || len % s->block || out_cap < len) {
		iks_errf(errbuf, errlen, "IKEv1 body of %zu bytes is not whole blocks", len);
		return IKS_ERR_LENGTH;
	}
	rc = cipher_run(ciph, s->key, c->iv, pt, len, out);
	if (rc < 0) {
		iks_errf(errbuf, errlen, "IKEv1 encryption failed");
		return rc;
	}
	memcpy(c->iv, out + len - s->block, s->block);
	return IKS_OK;
}
