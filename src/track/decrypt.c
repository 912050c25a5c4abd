/*
 * Decryption glue between track and crypto: finds the keys of a
 * negotiation, keeps its IKEv1 IV chains (one per Message ID, RFC 2409
 * Appendix B), and decodes the plaintext into the message.
 */
#include <stdlib.h>
#include <string.h>

#include "ikescope/consts.h"
#include "track/track_int.h"

#define IKS_V1_MAX_KE 1024    /* MODP 8192: the largest IKEv1 KE value */
#define IKS_V1_MAX_CHAINS 16  /* exchanges in flight under one ISAKMP SA */

struct iks_nego_crypto {
	bool v1_ready;        /* suite initialised */
	bool v1_phase1_ready; /* phase 1 chain initialised */
	struct iks_v1_suite suite;
	struct iks_v1_keys row;
	uint8_t gxi[IKS_V1_MAX_KE], gxr[IKS_V1_MAX_KE];
	uint16_t gxi_len, gxr_len;
	struct iks_v1_ivchain phase1;
	struct iks_v1_ivchain chains[IKS_V1_MAX_CHAINS];
	unsigned n_chains;
	bool have_v1_row;
};

void iks_track_crypto_free(struct iks_nego *n)
{
	if (!n->crypto)
		return;
	iks_crypto_v1_suite_clear(&n->crypto->suite);
	iks_crypto_wipe(n->crypto, sizeof *n->crypto);
	free(n->crypto);
	n->crypto = NULL;
}

static void record_failure(struct iks_nego *n, const char *what)
{
	if (n->decrypt_failed)
		return;
	n->decrypt_failed = true;
	snprintf(n->decrypt_error, sizeof n->decrypt_error, "%s", what);
}

/* crypto's messages already say "keys given for this SA do not decrypt
 * it: ..."; only a bare error code needs the sentence around it. */
static void record_crypto_failure(struct iks_nego *n, int rc, const char *err)
{
	char what[128];

	if (err[0]) {
		record_failure(n, err);
		return;
	}
	snprintf(what, sizeof what, "keys given for this SA do not decrypt it: %s",
		 iks_strerror(rc));
	record_failure(n, what);
}

/* Drop payloads appended from a plaintext that did not decode: with a
 * wrong key, garbage must not be shown as payloads. */
static void drop_inner(struct iks_msg *m, uint16_t keep)
{
	m->n_payloads = keep;
	m->malformed = IKS_OK;
	m->malformed_offset = 0;
	m->malformed_payload = 0;
}

static void decrypt_v2(struct iks_nego *n, const struct iks_keytab *keys,
		       struct iks_msg *m, uint8_t *plain, size_t cap)
{
	const struct iks_v2_keys *k = iks_keytab_find_v2(keys, m->hdr.ispi, m->hdr.rspi);
	bool from_orig_initiator = (m->hdr.flags & IKS_V2_FLAG_I) != 0;
	uint16_t top = m->n_payloads;

	if (!k)
		return;
	n->have_keys = true;
	for (unsigned i = 0; i < top; i++) {
		struct iks_payload *p = &m->payloads[i];
		char err[IKS_ERRBUF_SIZE] = "";
		size_t len = 0;
		int rc;

		/* a fragment holds a piece of the inner chain: reassembly
		 * comes before decoding (RFC 7383 2.6) */
		if (p->type != IKS_V2_PL_SK)
			continue;
		rc = iks_crypto_v2_decrypt(k, from_orig_initiator, m->raw.ptr, m->raw.len,
					   p->offset, p->length, false, plain, cap, &len,
					   err, sizeof err);
		if (rc != IKS_OK) {
			record_crypto_failure(n, rc, err);
			p->u.sk.decrypt_error = (uint8_t)-rc;
			continue;
		}
		if (iks_ike_decode_inner(m, (int)i, plain, len, p->next) != IKS_OK &&
		    m->n_payloads == top) {
			drop_inner(m, top);
			record_failure(n, "decrypted payloads do not decode");
			continue;
		}
		p->u.sk.decrypted = true;
	}
}

int iks_track_decrypt_fragment(struct iks_nego *n, const struct iks_keytab *keys,
			       const struct iks_msg *m, int skf, uint8_t *out, size_t cap,
			       size_t *out_len)
{
	const struct iks_v2_keys *k = iks_keytab_find_v2(keys, m->hdr.ispi, m->hdr.rspi);
	const struct iks_payload *p = &m->payloads[skf];
	char err[IKS_ERRBUF_SIZE] = "";
	int rc;

	if (!k)
		return IKS_ERR_NOKEY;
	n->have_keys = true;
	rc = iks_crypto_v2_decrypt(k, (m->hdr.flags & IKS_V2_FLAG_I) != 0, m->raw.ptr,
				   m->raw.len, p->offset, p->length, true, out, cap, out_len,
				   err, sizeof err);
	if (rc != IKS_OK)
		record_crypto_failure(n, rc, err);
	return rc;
}

static struct iks_nego_crypto *crypto_of(struct iks_nego *n)
{
	if (!n->crypto)
		n->crypto = calloc(1, sizeof *n->crypto);
	return n->crypto;
}

/* RFC 2409 Appendix B: the phase 1 IV needs both KE values, which pass
 * in the clear before encryption starts. */
static void keep_ke(struct iks_nego_crypto *c, const struct iks_msg *m, bool from_i)
{
	int ke = iks_msg_find(m, IKS_V1_PL_KE, -1);

	if (ke < 0 || m->hdr.message_id != 0)
		return;
	const struct iks_bytes *d = &m->payloads[ke].u.ke.data;
	if (d->len > IKS_V1_MAX_KE)
		return;
	if (from_i) {
		memcpy(c->gxi, d->ptr, d->len);
		c->gxi_len = (uint16_t)d->len;
	} else {
		memcpy(c->gxr, d->ptr, d->len);
		c->gxr_len = (uint16_t)d->len;
	}
}

static bool v1_suite_ready(struct iks_nego *n, struct iks_nego_crypto *c)
{
	char err[IKS_ERRBUF_SIZE] = "";

	if (c->v1_ready)
		return true;
	if (!n->has_chosen || !n->chosen.n_encr || !n->chosen.n_integ)
		return false;
	if (iks_crypto_v1_suite_init(&c->suite, &c->row, n->chosen.encr[0].id,
				     n->chosen.encr[0].key_length, n->chosen.integ[0],
				     err, sizeof err) != IKS_OK) {
		record_failure(n, err[0] ? err : "unsupported IKEv1 cipher");
		return false;
	}
	c->v1_ready = true;
	return true;
}

static struct iks_v1_ivchain *v1_chain(struct iks_nego *n, struct iks_nego_crypto *c,
				       uint32_t msgid)
{
	char err[IKS_ERRBUF_SIZE] = "";

	if (!c->v1_phase1_ready) {
		if (!c->gxi_len || !c->gxr_len ||
		    iks_crypto_v1_chain_phase1(&c->phase1, &c->suite, c->gxi, c->gxi_len,
					       c->gxr, c->gxr_len, err, sizeof err) != IKS_OK) {
			record_failure(n, "phase 1 IV unknown: the KE payloads were not seen");
			return NULL;
		}
		c->v1_phase1_ready = true;
	}
	if (msgid == 0)
		return &c->phase1;
	for (unsigned i = 0; i < c->n_chains; i++)
		if (c->chains[i].msgid == msgid)
			return &c->chains[i];
	if (c->n_chains >= IKS_V1_MAX_CHAINS) {
		/* reuse the oldest: exchanges long finished */
		memmove(c->chains, c->chains + 1, (IKS_V1_MAX_CHAINS - 1) * sizeof c->chains[0]);
		c->n_chains--;
	}
	struct iks_v1_ivchain *ch = &c->chains[c->n_chains];
	if (iks_crypto_v1_chain_phase2(ch, &c->suite, &c->phase1, msgid, err,
				       sizeof err) != IKS_OK) {
		record_failure(n, err[0] ? err : "phase 2 IV could not be derived");
		return NULL;
	}
	c->n_chains++;
	return ch;
}

static void decrypt_v1(struct iks_nego *n, const struct iks_keytab *keys,
		       struct iks_msg *m, bool from_i, uint8_t *plain, size_t cap)
{
	struct iks_nego_crypto *c = n->crypto;
	struct iks_payload *p;
	struct iks_v1_ivchain *ch;
	char err[IKS_ERRBUF_SIZE] = "";
	uint16_t top = m->n_payloads;

	if (!c) {
		const struct iks_v1_keys *row = iks_keytab_find_v1(keys, m->hdr.ispi);

		if (!row || !(c = crypto_of(n)))
			return;
		c->row = *row;
		c->have_v1_row = true;
		n->have_keys = true;
	}
	if (!(m->hdr.flags & IKS_V1_FLAG_E)) {
		keep_ke(c, m, from_i);
		return;
	}
	if (!v1_suite_ready(n, c) || !(ch = v1_chain(n, c, m->hdr.message_id)))
		return;
	p = &m->payloads[0];
	if (iks_crypto_v1_decrypt(&c->suite, ch, p->body.ptr, p->body.len, plain, cap, NULL,
				  err, sizeof err) != IKS_OK) {
		record_failure(n, err[0] ? err : "IKEv1 decryption failed");
		return;
	}
	if (iks_ike_decode_inner(m, 0, plain, p->body.len, p->next) != IKS_OK) {
		drop_inner(m, top);
		record_failure(n, "keys given for this SA do not decrypt it: "
				  "the plaintext is not a valid payload chain");
		return;
	}
	p->u.sk.decrypted = true;
}

void iks_track_decrypt(struct iks_nego *n, const struct iks_keytab *keys,
		       struct iks_msg *m, bool from_initiator, uint8_t *plain,
		       size_t plain_cap)
{
	if (!keys)
		return;
	if (m->version == 2)
		decrypt_v2(n, keys, m, plain, plain_cap);
	else
		decrypt_v1(n, keys, m, from_initiator, plain, plain_cap);
}
