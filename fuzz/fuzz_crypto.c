/*
 * Fuzz target: decryption with fixed keys (iks_crypto_v2_decrypt,
 * iks_crypto_v1_decrypt and their IV chains).  The keys are the fixed
 * table of fuzz_common.h; every output buffer is allocated at exactly the
 * size the contract asks for, so ASan sees any write past it.
 *
 * Input: byte 0 selects the mode (low two bits), byte 1 a key row, then
 *   mode 0  an IKEv2 message: every SK / SKF payload is decrypted with the
 *           row of its SPIs (else the selected row) and the plaintext is
 *           decoded into the message, as track does;
 *   mode 1  be16 SK offset, be16 SK length, flags (1 SKF, 2 initiator),
 *           then the message bytes: the offsets are not trusted;
 *   mode 2  IKEv1: encr u8, key bits be16, hash u8, be16 length + g^xi,
 *           be16 length + g^xr, then records (be32 Message ID, be16
 *           length, ciphertext) decrypted through the phase 1 / phase 2
 *           IV chains; each new message is decrypted twice, the second
 *           time it must be taken as a retransmission with the same
 *           plaintext;
 *   mode 3  IKEv1 with an explicit IV: encr u8, key bits be16, hash u8,
 *           16 bytes of IV, ciphertext.
 */
#include <string.h>

#include "fuzz_common.h"

enum { V1_CHAINS = 4 };

static struct iks_msg msg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	iks_fuzz_keys();
	return 0;
}

static int v2_decrypt(const struct iks_v2_keys *k, bool from_i, const uint8_t *m,
		      size_t m_len, size_t off, size_t len, bool fragment,
		      uint8_t **plain, size_t *plain_len)
{
	char err[IKS_ERRBUF_SIZE] = "";
	uint8_t *out = malloc(len ? len : 1);
	int rc;

	IKS_FUZZ_CHECK(out != NULL);
	rc = iks_crypto_v2_decrypt(k, from_i, m, m_len, off, len, fragment, out, len,
				   plain_len, err, sizeof err);
	IKS_FUZZ_CHECK(rc <= 0);
	if (rc != IKS_OK) {
		IKS_FUZZ_CHECK(strcmp(iks_strerror(rc), "unknown error") != 0);
		free(out);
		return rc;
	}
	IKS_FUZZ_CHECK(*plain_len <= len);
	*plain = out;
	return IKS_OK;
}

static void v2_message(const struct iks_keytab *kt, uint8_t sel, struct iks_cur *c)
{
	const uint8_t *data = c->base + c->off;
	size_t size = iks_cur_left(c);
	const struct iks_v2_keys *k;
	unsigned top;

	if (iks_ike_decode(data, size, &msg) != IKS_OK || msg.version != 2)
		return;
	k = iks_keytab_find_v2(kt, msg.hdr.ispi, msg.hdr.rspi);
	if (!k)
		k = &kt->v2[sel % kt->n_v2];
	top = msg.n_payloads;
	for (unsigned i = 0; i < top; i++) {
		const struct iks_payload *p = &msg.payloads[i];
		bool skf = p->type == IKS_V2_PL_SKF;
		uint8_t *plain;
		size_t len;

		if (p->parent != -1 || (p->type != IKS_V2_PL_SK && !skf))
			continue;
		if (v2_decrypt(k, (msg.hdr.flags & IKS_V2_FLAG_I) != 0, msg.raw.ptr,
			       msg.raw.len, p->offset, p->length, skf, &plain, &len) != IKS_OK)
			continue;
		iks_ike_decode_inner(&msg, (int)i, plain, len, p->next);
		iks_fuzz_check_msg(&msg);
		free(plain);
	}
}

static void v2_raw(const struct iks_keytab *kt, uint8_t sel, struct iks_cur *c)
{
	uint16_t off, len;
	uint8_t flags;
	uint8_t *plain;
	size_t plain_len;

	if (!iks_cur_be16(c, &off) || !iks_cur_be16(c, &len) || !iks_cur_u8(c, &flags))
		return;
	if (v2_decrypt(&kt->v2[sel % kt->n_v2], flags & 2, c->base + c->off,
		       iks_cur_left(c), off, len, flags & 1, &plain, &plain_len) == IKS_OK)
		free(plain);
}

static bool v1_suite(const struct iks_keytab *kt, uint8_t sel, struct iks_cur *c,
		     struct iks_v1_suite *s)
{
	uint8_t encr, hash;
	uint16_t bits;

	if (!iks_cur_u8(c, &encr) || !iks_cur_be16(c, &bits) || !iks_cur_u8(c, &hash))
		return false;
	return iks_crypto_v1_suite_init(s, &kt->v1[sel % kt->n_v1], encr, bits, hash,
					NULL, 0) == IKS_OK;
}

static void v1_decrypt_twice(const struct iks_v1_suite *s, struct iks_v1_ivchain *ch,
			     struct iks_bytes ct)
{
	uint8_t *a = malloc(ct.len ? ct.len : 1), *b = malloc(ct.len ? ct.len : 1);
	bool again;

	IKS_FUZZ_CHECK(a && b);
	if (iks_crypto_v1_decrypt(s, ch, ct.ptr, ct.len, a, ct.len, &again, NULL, 0) ==
		    IKS_OK &&
	    !again) {
		IKS_FUZZ_CHECK(iks_crypto_v1_decrypt(s, ch, ct.ptr, ct.len, b, ct.len, &again,
						     NULL, 0) == IKS_OK);
		IKS_FUZZ_CHECK(again && !memcmp(a, b, ct.len));
	}
	free(a);
	free(b);
}

static void v1_chains(const struct iks_keytab *kt, uint8_t sel, struct iks_cur *c)
{
	struct iks_v1_suite s;
	struct iks_v1_ivchain p1, p2[V1_CHAINS];
	struct iks_bytes gxi, gxr, ct;
	unsigned n_p2 = 0;
	uint16_t len;
	uint32_t msgid;

	if (!v1_suite(kt, sel, c, &s))
		return;
	if (!iks_cur_be16(c, &len) || !iks_cur_view(c, len, &gxi) ||
	    !iks_cur_be16(c, &len) || !iks_cur_view(c, len, &gxr) ||
	    iks_crypto_v1_chain_phase1(&p1, &s, gxi.ptr, gxi.len, gxr.ptr, gxr.len,
				       NULL, 0) != IKS_OK)
		goto out;
	while (iks_cur_be32(c, &msgid) && iks_cur_be16(c, &len) && iks_cur_view(c, len, &ct)) {
		struct iks_v1_ivchain *ch = NULL;

		if (msgid == 0)
			ch = &p1;
		for (unsigned i = 0; i < n_p2 && !ch; i++)
			if (p2[i].msgid == msgid)
				ch = &p2[i];
		if (!ch) {
			ch = &p2[n_p2 < V1_CHAINS ? n_p2++ : msgid % V1_CHAINS];
			if (iks_crypto_v1_chain_phase2(ch, &s, &p1, msgid, NULL, 0) != IKS_OK)
				goto out;
			IKS_FUZZ_CHECK(ch->msgid == msgid);
		}
		v1_decrypt_twice(&s, ch, ct);
	}
out:
	iks_crypto_v1_suite_clear(&s);
}

static void v1_explicit_iv(const struct iks_keytab *kt, uint8_t sel, struct iks_cur *c)
{
	struct iks_v1_suite s;
	uint8_t iv[IKS_CRYPTO_BLOCK_MAX];
	uint8_t *out;
	size_t n;

	if (!v1_suite(kt, sel, c, &s))
		return;
	if (iks_cur_copy(c, iv, sizeof iv)) {
		n = iks_cur_left(c);
		out = malloc(n ? n : 1);
		IKS_FUZZ_CHECK(out != NULL);
		iks_crypto_v1_decrypt_iv(&s, iv, c->base + c->off, n, out, n, NULL, 0);
		free(out);
	}
	iks_crypto_v1_suite_clear(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct iks_keytab *kt = iks_fuzz_keys();
	struct iks_cur c = iks_cur_make(data, size);
	uint8_t mode, sel;

	if (!iks_cur_u8(&c, &mode) || !iks_cur_u8(&c, &sel))
		return 0;
	switch (mode & 3) {
	case 0:
		v2_message(kt, sel, &c);
		break;
	case 1:
		v2_raw(kt, sel, &c);
		break;
	case 2:
		v1_chains(kt, sel, &c);
		break;
	default:
		v1_explicit_iv(kt, sel, &c);
		break;
	}
	return 0;
}
