/*
 * --psk: does a given pre-shared key reproduce the responder's HASH_R of
 * an IKEv1 Aggressive Mode exchange?  Everything HASH_R covers is in the
 * clear in messages 1 and 2 (RFC 2409 5.4), so the check needs no keys
 * table: message 1's parts are kept until message 2 arrives.
 */
#include <stdlib.h>
#include <string.h>

#include "track/track_int.h"

struct iks_nego_am {
	uint8_t *buf;       /* g^xi | Ni | SAi body */
	struct iks_bytes gxi, ni, sai;
};

void iks_track_am_free(struct iks_nego *n)
{
	if (!n->am)
		return;
	free(n->am->buf);
	free(n->am);
	n->am = NULL;
}

static bool body_of(const struct iks_msg *m, unsigned type, struct iks_bytes *out)
{
	int i = iks_msg_find(m, type, -1);

	if (i < 0)
		return false;
	*out = m->payloads[i].body;
	return true;
}

static void keep_message1(struct iks_nego *n, const struct iks_msg *m)
{
	struct iks_bytes ke, ni, sa;
	struct iks_nego_am *am;
	size_t total;

	if (!body_of(m, IKS_V1_PL_KE, &ke) || !body_of(m, IKS_V1_PL_NONCE, &ni) ||
	    !body_of(m, IKS_V1_PL_SA, &sa) || !(am = calloc(1, sizeof *am)))
		return;
	total = (size_t)ke.len + ni.len + sa.len;
	if (!(am->buf = malloc(total ? total : 1))) {
		free(am);
		return;
	}
	memcpy(am->buf, ke.ptr, ke.len);
	memcpy(am->buf + ke.len, ni.ptr, ni.len);
	memcpy(am->buf + ke.len + ni.len, sa.ptr, sa.len);
	am->gxi = (struct iks_bytes){ am->buf, ke.len };
	am->ni = (struct iks_bytes){ am->buf + ke.len, ni.len };
	am->sai = (struct iks_bytes){ am->buf + ke.len + ni.len, sa.len };
	iks_track_am_free(n);
	n->am = am;
}

static void check_message2(struct iks_nego *n, const struct iks_msg *m,
			   const uint8_t *psk, size_t psk_len)
{
	struct iks_v1_am_material mat = { 0 };
	int rc;

	if (!n->am || !n->has_chosen || !n->chosen.n_integ ||
	    !body_of(m, IKS_V1_PL_KE, &mat.gxr) || !body_of(m, IKS_V1_PL_NONCE, &mat.nr) ||
	    !body_of(m, IKS_V1_PL_ID, &mat.idr) || !body_of(m, IKS_V1_PL_HASH, &mat.hash_r))
		return;
	mat.gxi = n->am->gxi;
	mat.ni = n->am->ni;
	mat.sai = n->am->sai;
	memcpy(mat.cky_i, m->hdr.ispi, 8);
	memcpy(mat.cky_r, m->hdr.rspi, 8);
	rc = iks_crypto_v1_check_psk(n->chosen.integ[0], psk, psk_len, &mat);
	if (rc >= 0) {
		n->psk_checked = true;
		n->psk_matches = rc == 1;
	}
	iks_track_am_free(n);
}

void iks_track_check_psk(struct iks_nego *n, const struct iks_msg *m, bool from_initiator,
			 unsigned position, const uint8_t *psk, size_t psk_len)
{
	if (!psk || n->version != 1 || n->exchange != IKS_V1_EX_AGGRESSIVE ||
	    m->hdr.exchange != IKS_V1_EX_AGGRESSIVE)
		return;
	if (position == 1 && from_initiator)
		keep_message1(n, m);
	else if (position == 2 && !from_initiator)
		check_message2(n, m, psk, psk_len);
}
