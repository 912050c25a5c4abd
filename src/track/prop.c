/*
 * Proposals in strongSwan's proposal syntax ("aes256-sha256-modp2048"),
 * the words an administrator pastes into swanctl.conf.  Algorithms with
 * no strongSwan keyword are written as their kind and number.
 */
#include <stdio.h>
#include <string.h>

#include "ikescope/names.h"
#include "ikescope/track.h"


struct out {
	char *buf;
	size_t len, used;
};

static void put_word(struct out *o, int rc, const char *word, const char *kind,
		     unsigned id)
{
	char tmp[32];
	int n;

	if (rc < 0) {
		snprintf(tmp, sizeof tmp, "%s%u", kind, id);
		word = tmp;
	}
	n = snprintf(o->buf + o->used, o->len - o->used, "%s%s", o->used ? "-" : "", word);
	if (n > 0 && (size_t)n < o->len - o->used)
		o->used += (size_t)n;
}

static void encr_words(const struct iks_prop *p, struct out *o)
{
	char w[32];

	for (unsigned i = 0; i < p->n_encr; i++) {
		const struct iks_alg *a = &p->encr[i];
		int rc;

		if (p->version == 2)
			rc = iks_keyword_v2(IKS_V2_XFT_ENCR, a->id, a->key_length, w, sizeof w);
		else if (p->protocol == IKS_V1_PROTO_ISAKMP)
			rc = iks_keyword_v1_phase1(IKS_V1_ATTR_ENCRYPTION_ALGORITHM, a->id, a->key_length, w, sizeof w);
		else
			rc = iks_keyword_v1_esp(a->id, a->key_length, w, sizeof w);
		put_word(o, rc, w, "encr", a->id);
	}
}

static void integ_words(const struct iks_prop *p, struct out *o)
{
	char w[32];

	for (unsigned i = 0; i < p->n_integ; i++) {
		uint16_t id = p->integ[i];
		int rc;

		if (p->version == 2)
			rc = iks_keyword_v2(IKS_V2_XFT_INTEG, id, 0, w, sizeof w);
		else if (p->protocol == IKS_V1_PROTO_ISAKMP)
			rc = iks_keyword_v1_phase1(IKS_V1_ATTR_HASH_ALGORITHM, id, 0, w, sizeof w);
		else
			rc = iks_keyword_v1_auth_alg(id, w, sizeof w);
		put_word(o, rc, w, "integ", id);
	}
	for (unsigned i = 0; i < p->n_prf; i++) {
		int rc = iks_keyword_v2(IKS_V2_XFT_PRF, p->prf[i], 0, w, sizeof w);

		put_word(o, rc, w, "prf", p->prf[i]);
	}
}

const char *iks_prop_format(const struct iks_prop *p, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	char w[32];

	if (!len)
		return buf;
	buf[0] = '\0';
	encr_words(p, &o);
	integ_words(p, &o);
	for (unsigned i = 0; i < p->n_dh; i++) {
		if (p->dh[i] == 0)
			continue; /* IKEv2 "NONE" key exchange: no PFS */
		put_word(&o, iks_keyword_dh(p->dh[i], w, sizeof w), w, "dh", p->dh[i]);
	}
	return buf;
}
