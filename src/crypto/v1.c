/*
 * v1.c - IKEv1 (RFC 2409) message decryption: the phase 1 cipher, the CBC
 * IV chains of RFC 2409 Appendix B, and CBC decryption of message bodies.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ikescope/consts.h"
#include "ikescope/cursor.h"
#include "crypto/crypto_int.h"


int iks_crypto_v1_suite_init(struct iks_v1_suite *s,
			     const struct iks_v1_keys *row, uint16_t encr,
			     uint16_t key_bits, uint16_t hash, char *errbuf,
			     size_t errlen)
{
	const struct iks_v1_encr_spec *e = iks_v1_encr_spec_find(encr);
	const struct iks_v1_hash_spec *h = iks_v1_hash_spec_find(hash);
	size_t need;

	memset(s, 0, sizeof(*s));
	if (!e) {
		iks_errf(errbuf, errlen,
			 "IKEv1 encryption algorithm %u not supported", encr);
		return IKS_ERR_UNSUPPORTED;
	}
	if (!h) {
		iks_errf(errbuf, errlen, "IKEv1 hash algorithm %u not supported",
			 hash);
		return IKS_ERR_UNSUPPORTED;
	}
	switch (encr) {
	case IKS_V1_ENCR_DES_CBC:
		need = 8;
		break;
	case IKS_V1_ENCR_3DES_CBC:
		need = 24;
		break;
	default:
		/* AES/Camellia: the Key Length attribute, else the row's */
		need = key_bits ? key_bits / 8u : row->key_len;
		if (need != 16 && need != 24 && need != 32) {
			iks_errf(errbuf, errlen,
				 "%s key length %zu bits is not 128/192/256",
				 e->label, need * 8);
			return IKS_ERR_INVALID;
		}
		break;
	}
	if (row->key_len < need) {
		iks_errf(errbuf, errlen,
			 "IKEv1 key has %u bytes, %s needs %zu", row->key_len,
			 e->label, need);
		return IKS_ERR_KEYFILE;
	}
	if (h->out_len < e->block) {
		iks_errf(errbuf, errlen, "hash too short for the IV");
		return IKS_ERR_INVALID;
	}
	s->encr = encr;
	s->hash = hash;
	s->block = e->block;
	if (encr == IKS_V1_ENCR_DES_CBC) {
		/* 3DES with K1 = K2 = K3 is DES, and stays in OpenSSL's
		 * default provider */
		for (size_t i = 0; i < 3; i++)
			memcpy(s->key + 8 * i, row->key, 8);
		s->key_len = 24;
	} else {
		memcpy(s->key, row->key, need);
		s->key_len = (uint8_t)need;
	}
	return 0;
}

void iks_crypto_v1_suite_clear(struct iks_v1_suite *s)
{
	OPENSSL_cleanse(s, sizeof(*s));
}

static const EVP_CIPHER *v1_cipher(const struct iks_v1_suite *s)
{
	switch (s->encr) {
	case IKS_V1_ENCR_DES_CBC:
	case IKS_V1_ENCR_3DES_CBC:
		return iks_cipher_for(IKS_MODE_CBC, IKS_FAM_3DES, 192);
	case IKS_V1_ENCR_AES_CBC:
		return iks_cipher_for(IKS_MODE_CBC, IKS_FAM_AES, s->key_len * 8u);
	case IKS_V1_ENCR_CAMELLIA_CBC:
		return iks_cipher_for(IKS_MODE_CBC, IKS_FAM_CAMELLIA,
				      s->key_len * 8u);
	}
	return NULL;
}

/* hash(a | b) truncated to the block size into iv. */
static int hash_iv(const struct iks_v1_suite *s, const uint8_t *a,
		   size_t a_len, const uint8_t *b, size_t b_len, uint8_t *iv)
{
	const struct iks_v1_hash_spec *h = iks_v1_hash_spec_find(s->hash);
	EVP_MD *md = h ? EVP_MD_fetch(NULL, h->digest, NULL) : NULL;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	uint8_t out[EVP_MAX_MD_SIZE];
	unsigned ol = 0;
	int ok = md && ctx;

	ok = ok && EVP_DigestInit_ex(ctx, md, NULL);
	ok = ok && EVP_DigestUpdate(ctx, a, a_len);
	ok = ok && EVP_DigestUpdate(ctx, b, b_len);
	ok = ok && EVP_DigestFinal_ex(ctx, out, &ol);
	ok = ok && ol >= s->block;
	if (ok)
		memcpy(iv, out, s->block);
	EVP_MD_CTX_free(ctx);
	EVP_MD_free(md);
	return ok ? 0 : IKS_ERR_CRYPTO;
}

static int check_suite(const struct iks_v1_suite *s, char *errbuf,
		       size_t errlen)
{
	if (!s->block || s->block > IKS_CRYPTO_BLOCK_MAX || !v1_cipher(s)) {
		iks_errf(errbuf, errlen, "IKEv1 cipher not initialised");
		return IKS_ERR_USAGE;
	}
	return 0;
}

int iks_crypto_v1_chain_phase1(struct iks_v1_ivchain *c,
			       const struct iks_v1_suite *s,
			       const uint8_t *gxi, size_t gxi_len,
			       const uint8_t *gxr, size_t gxr_len,
			       char *errbuf, size_t errlen)
{
	int rc = check_suite(s, errbuf, errlen);

	memset(c, 0, sizeof(*c));
	if (rc < 0)
		return rc;
	if (!gxi_len || !gxr_len) {
		iks_errf(errbuf, errlen,
			 "phase 1 IV needs both KE payloads (g^xi and g^xr)");
		return IKS_ERR_INVALID;
	}
	/* RFC 2409 Appendix B: IV = hash(g^xi | g^xr) */
	rc = hash_iv(s, gxi, gxi_len, gxr, gxr_len, c->iv);
	if (rc < 0) {
		iks_errf(errbuf, errlen, "phase 1 IV hash failed");
		return rc;
	}
	c->block = s->block;
	return 0;
}

int iks_crypto_v1_chain_phase2(struct iks_v1_ivchain *c,
			       const struct iks_v1_suite *s,
			       const struct iks_v1_ivchain *phase1,
			       uint32_t msgid, char *errbuf, size_t errlen)
{
	uint8_t mid[4] = { (uint8_t)(msgid >> 24), (uint8_t)(msgid >> 16),
			   (uint8_t)(msgid >> 8), (uint8_t)msgid };
	int rc = check_suite(s, errbuf, errlen);

	memset(c, 0, sizeof(*c));
	if (rc < 0)
		return rc;
	if (phase1->block != s->block) {
		iks_errf(errbuf, errlen, "phase 1 IV chain not initialised");
		return IKS_ERR_USAGE;
	}
	/* RFC 2409 Appendix B: hash(last phase 1 CBC output | M-ID) */
	rc = hash_iv(s, phase1->iv, s->block, mid, sizeof(mid), c->iv);
	if (rc < 0) {
		iks_errf(errbuf, errlen, "phase 2 IV hash failed");
		return rc;
	}
	c->msgid = msgid;
	c->block = s->block;
	return 0;
}

int iks_crypto_v1_decrypt_iv(const struct iks_v1_suite *s, const uint8_t *iv,
			     const uint8_t *ct, size_t ct_len, uint8_t *out,
			     size_t out_cap, char *errbuf, size_t errlen)
{
	EVP_CIPHER_CTX *ctx;
	int l1 = 0, l2 = 0, ok;
	int rc = check_suite(s, errbuf, errlen);

	if (rc < 0)
		return rc;
	if (ct_len == 0 || ct_len % s->block || ct_len > INT32_MAX) {
		iks_errf(errbuf, errlen,
			 "encrypted body of %zu bytes is not a whole number of "
			 "%u-byte blocks", ct_len, s->block);
		return IKS_ERR_LENGTH;
	}
	if (out_cap < ct_len) {
		iks_errf(errbuf, errlen, "plaintext buffer too small");
		return IKS_ERR_OVERFLOW;
	}
	ctx = EVP_CIPHER_CTX_new();
	ok = ctx != NULL;
	ok = ok && EVP_DecryptInit_ex(ctx, v1_cipher(s), NULL, s->key, iv);
	ok = ok && EVP_CIPHER_CTX_set_padding(ctx, 0);
	ok = ok && EVP_DecryptUpdate(ctx, out, &l1, ct, (int)ct_len);
	ok = ok && EVP_DecryptFinal_ex(ctx, out + l1, &l2);
	EVP_CIPHER_CTX_free(ctx);
	if (!ok || (size_t)l1 + (size_t)l2 != ct_len) {
		iks_errf(errbuf, errlen, "decryption failed");
		return IKS_ERR_CRYPTO;
	}
	return 0;
}

int iks_crypto_v1_decrypt(const struct iks_v1_suite *s,
			  struct iks_v1_ivchain *c, const uint8_t *ct,
			  size_t ct_len, uint8_t *out, size_t out_cap,
			  bool *retransmit, char *errbuf, size_t errlen)
{
	struct iks_cur cur = iks_cur_make(ct, ct_len);
	uint8_t tail[IKS_CRYPTO_BLOCK_MAX];
	const struct iks_v1_seen *seen = NULL;
	int rc;

	if (retransmit)
		*retransmit = false;
	if (c->block != s->block || !s->block) {
		iks_errf(errbuf, errlen, "IV chain not initialised");
		return IKS_ERR_USAGE;
	}
	if (ct_len < s->block || !iks_cur_skip(&cur, ct_len - s->block) ||
	    !iks_cur_copy(&cur, tail, s->block)) {
		iks_errf(errbuf, errlen,
			 "encrypted body of %zu bytes is shorter than a block",
			 ct_len);
		return IKS_ERR_LENGTH;
	}
	/* Same length and same last block as a recent message: a
	 * retransmission (CBC makes a different message end differently). */
	for (unsigned i = 0; i < c->n_seen && i < IKS_V1_IV_HISTORY; i++)
		if (c->seen[i].len == ct_len &&
		    memcmp(c->seen[i].tail, tail, s->block) == 0)
			seen = &c->seen[i];
	rc = iks_crypto_v1_decrypt_iv(s, seen ? seen->iv : c->iv, ct, ct_len,
				      out, out_cap, errbuf, errlen);
	if (rc < 0)
		return rc;
	if (retransmit)
		*retransmit = seen != NULL;
	if (!seen) {
		struct iks_v1_seen *slot = &c->seen[c->seen_next % IKS_V1_IV_HISTORY];

		slot->len = (uint32_t)ct_len;
		memcpy(slot->iv, c->iv, s->block);
		memcpy(slot->tail, tail, s->block);
		c->seen_next = (uint8_t)((c->seen_next + 1) % IKS_V1_IV_HISTORY);
		if (c->n_seen < IKS_V1_IV_HISTORY)
			c->n_seen++;
		/* RFC 2409 Appendix B: the next IV is this last block */
		memcpy(c->iv, tail, s->block);
	}
	return 0;
}
