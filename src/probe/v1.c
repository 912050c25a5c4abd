/*
 * v1.c - IKEv1 from the initiator's side (RFC 2409): Main Mode and
 * Aggressive Mode message 1 sweeps for discovery, and the test
 * negotiation: Main Mode (or Aggressive Mode) with a pre-shared key, NAT
 * traversal (RFC 3947), Quick Mode with optional PFS, then Informational
 * Deletes of the IPsec SA and the ISAKMP SA (RFC 2408 3.15, RFC 2409 5.7).
 *
 * Discovery leaves half-open ISAKMP SAs behind when message 2 accepted a
 * transform: the probe sends one unencrypted Informational Delete for each
 * (no keys exist yet, so it cannot be protected; strongSwan ignores it and
 * drops the SA after its own timeout, others may honour it).
 */
#include <stdlib.h>
#include <string.h>

#include "ikescope/consts.h"
#include "ikescope/names.h"
#include "probe/probe_int.h"

#define NONCE_LEN 32
#define V1_LIFE_P1 28800
#define V1_LIFE_P2 3600
#define V1_MAX_XF 64 /* transforms in one offer: about 2.4 KB */

static const uint8_t *vendor_id(const char *name, size_t *len)
{
	size_t n = 0;
	const struct iks_vendor *v = iks_vendor_table(&n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name)) {
			*len = v[i].len;
			return v[i].id;
		}
	return NULL;
}

static void add_vids(struct bld *b)
{
	static const char *const names[] = { "RFC 3947 NAT-T",
					     "RFC 3706 DPD (Dead Peer Detection)" };

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t l = 0;
		const uint8_t *id = vendor_id(names[i], &l);

		if (id)
			bld_bytes(b, IKS_V1_PL_VID, id, l);
	}
}

/* One phase 1 transform (RFC 2409 Appendix A attributes). */
struct p1xf {
	uint16_t encr, bits, hash, auth, group; /* IKEv1 numbers */
};

static struct iks_payload *sa_payload(struct bld *b)
{
	struct iks_payload *sa = bld_add(b, IKS_V1_PL_SA);

	if (sa) {
		sa->u.sa.doi = IKS_V1_DOI_IPSEC;
		sa->u.sa.situation = 1; /* SIT_IDENTITY_ONLY, RFC 2407 4.2 */
	}
	return sa;
}

static void p1_sa(struct bld *b, const struct p1xf *xf, size_t n)
{
	struct iks_payload *sa = sa_payload(b);
	struct iks_proposal *pr = sa ? bld_proposal(b, sa, 1, IKS_V1_PROTO_ISAKMP, NULL, 0) : NULL;

	for (size_t i = 0; pr && i < n; i++) {
		struct iks_transform *t = bld_transform(b, pr, (uint8_t)(i + 1), IKS_V1_XF_KEY_IKE);

		bld_attr_tv(b, t, IKS_V1_ATTR_ENCRYPTION_ALGORITHM, xf[i].encr);
		if (xf[i].bits)
			bld_attr_tv(b, t, IKS_V1_ATTR_KEY_LENGTH, xf[i].bits);
		bld_attr_tv(b, t, IKS_V1_ATTR_HASH_ALGORITHM, xf[i].hash);
		bld_attr_tv(b, t, IKS_V1_ATTR_AUTH_METHOD, xf[i].auth);
		bld_attr_tv(b, t, IKS_V1_ATTR_GROUP_DESCRIPTION, xf[i].group);
		bld_attr_tv(b, t, IKS_V1_ATTR_LIFE_TYPE, IKS_V1_LIFE_SECONDS);
		bld_attr_tv(b, t, IKS_V1_ATTR_LIFE_DURATION, V1_LIFE_P1);
	}
}

/* The transform of an answer's SA payload. */
static bool p1_chosen(const struct iks_msg *m, int parent, struct p1xf *x)
{
	int i = iks_msg_find(m, IKS_V1_PL_SA, parent);
	const struct iks_proposal *pr;
	const struct iks_transform *t;

	memset(x, 0, sizeof *x);
	if (i < 0 || !m->payloads[i].u.sa.prop_count)
		return false;
	pr = iks_sa_proposal(m, &m->payloads[i], 0);
	if (!pr->xf_count)
		return false;
	t = iks_proposal_transform(m, pr, 0);
	for (unsigned k = 0; k < t->attr_count; k++) {
		const struct iks_attr *a = &m->attrs[t->attr_first + k];

		switch (a->type) {
		case IKS_V1_ATTR_ENCRYPTION_ALGORITHM:
			x->encr = (uint16_t)a->value;
			break;
		case IKS_V1_ATTR_KEY_LENGTH:
			x->bits = (uint16_t)a->value;
			break;
		case IKS_V1_ATTR_HASH_ALGORITHM:
			x->hash = (uint16_t)a->value;
			break;
		case IKS_V1_ATTR_AUTH_METHOD:
			x->auth = (uint16_t)a->value;
			break;
		case IKS_V1_ATTR_GROUP_DESCRIPTION:
			x->group = (uint16_t)a->value;
			break;
		}
	}
	return x->encr && x->hash && x->group;
}

static void combo_of(const struct p1xf *x, struct iks_probe_combo *c)
{
	memset(c, 0, sizeof *c);
	c->encr = pp_v2_encr_of_v1(x->encr);
	c->key_bits = x->bits;
	c->integ = pp_v2_integ_of_v1_hash(x->hash);
	c->prf = pp_v2_prf_of_v1_hash(x->hash);
	c->dh = x->group;
	c->v1_auth = x->auth;
}

static int id_payload(struct bld *b, const char *text, const struct iks_addr *fallback,
		      uint8_t *body, size_t *body_len)
{
	uint8_t d[256], t = 0;
	size_t l = 0;
	struct iks_payload *p;

	if (probe_identity(text, fallback, &t, d, sizeof d, &l) < 0)
		return IKS_ERR_USAGE;
	p = bld_add(b, IKS_V1_PL_ID);
	if (!p)
		return IKS_ERR_OVERFLOW;
	p->u.id.id_type = t; /* RFC 2407 4.6.2: protocol and port 0 in phase 1 */
	p->u.id.data.ptr = bld_keep(b, d, l);
	p->u.id.data.len = (uint32_t)l;
	if (body) {
		body[0] = t;
		body[1] = body[2] = body[3] = 0;
		memcpy(body + 4, d, l);
		*body_len = l + 4;
	}
	return IKS_OK;
}

/* --------------------------------------------------------- discovery */

static const struct { const char *kw; uint16_t v; } auth_words[] = {
	{ "psk", IKS_V1_AUTH_PSK },
	{ "rsa-sig", IKS_V1_AUTH_RSA_SIG },
	{ "rsa", IKS_V1_AUTH_RSA_SIG },
	{ "dss", IKS_V1_AUTH_DSS },
	{ "ecdsa256", IKS_V1_AUTH_ECDSA_256 },
	{ "ecdsa384", IKS_V1_AUTH_ECDSA_384 },
	{ "ecdsa521", IKS_V1_AUTH_ECDSA_521 },
	{ "xauth-psk", IKS_V1_AUTH_XAUTH_INIT_PSK },
	{ "xauth-rsa", IKS_V1_AUTH_XAUTH_INIT_RSA },
	{ "hybrid-rsa", IKS_V1_AUTH_HYBRID_INIT_RSA },
};

static int parse_auths(const char *text, uint16_t *out, uint8_t *n)
{
	char buf[256];
	char *save = NULL, *tok;

	*n = 0;
	snprintf(buf, sizeof buf, "%s", text ? text : "psk,rsa-sig");
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool found = false;

		for (size_t i = 0; i < sizeof auth_words / sizeof auth_words[0]; i++)
			if (!strcmp(tok, auth_words[i].kw) && *n < PP_MAX) {
				out[(*n)++] = auth_words[i].v;
				found = true;
				break;
			}
		if (!found)
			return IKS_ERR_USAGE;
	}
	return *n ? IKS_OK : IKS_ERR_USAGE;
}

/* The sweep's boxes hold IKEv2 numbers: encr, integ (the hash), dh, and
 * the IKEv1 auth methods in the `prf` slots. */
static size_t box_size(const struct pp *s)
{
	return (size_t)s->n_encr * s->n_integ * s->n_prf * s->n_dh;
}

static size_t box_xfs(const struct pp *s, struct p1xf *xf, size_t cap)
{
	size_t n = 0;

	for (unsigned g = 0; g < s->n_dh; g++)
		for (unsigned e = 0; e < s->n_encr; e++)
			for (unsigned h = 0; h < s->n_integ; h++)
				for (unsigned a = 0; a < s->n_prf && n < cap; a++) {
					xf[n].encr = pp_v1_encr(s->encr[e].id);
					xf[n].bits = s->encr[e].bits;
					xf[n].hash = pp_v1_hash(s->integ[h]);
					xf[n].auth = s->prf[a];
					xf[n].group = s->dh[g];
					n++;
				}
	return n;
}

/* Halve the largest dimension. */
static void halve(const struct pp *s, struct pp *a, struct pp *b)
{
	unsigned dims[4] = { s->n_encr, s->n_integ, s->n_prf, s->n_dh }, big = 0;

	for (unsigned i = 1; i < 4; i++)
		if (dims[i] > dims[big])
			big = i;
	*a = *s;
	*b = *s;
	switch (big) {
	case 0:
		a->n_encr = (uint8_t)(s->n_encr / 2);
		b->n_encr = (uint8_t)(s->n_encr - a->n_encr);
		memmove(b->encr, s->encr + a->n_encr, b->n_encr * sizeof s->encr[0]);
		break;
	case 1:
		a->n_integ = (uint8_t)(s->n_integ / 2);
		b->n_integ = (uint8_t)(s->n_integ - a->n_integ);
		memmove(b->integ, s->integ + a->n_integ, b->n_integ * sizeof s->integ[0]);
		break;
	case 2:
		a->n_prf = (uint8_t)(s->n_prf / 2);
		b->n_prf = (uint8_t)(s->n_prf - a->n_prf);
		memmove(b->prf, s->prf + a->n_prf, b->n_prf * sizeof s->prf[0]);
		break;
	default:
		a->n_dh = (uint8_t)(s->n_dh / 2);
		b->n_dh = (uint8_t)(s->n_dh - a->n_dh);
		memmove(b->dh, s->dh + a->n_dh, b->n_dh * sizeof s->dh[0]);
		break;
	}
}

struct v1box {
	struct pp set;
	bool first;
	struct iks_kex *kex; /* aggressive mode */
	uint8_t cky[8];
	bool stalled;
};

static bool v1_box_ok(const struct pp *s)
{
	return s->n_encr && s->n_integ && s->n_prf && s->n_dh;
}

/* Split `s` minus combination c (IKEv2 numbers, auth in c->prf). */
static unsigned v1_split(const struct pp *s, uint16_t encr, uint16_t bits, uint16_t integ,
			 uint16_t auth, uint16_t dh, struct pp out[4])
{
	struct pp fix = *s;
	unsigned n = 0;

#define KEEP_NOT(arr, cnt, cond)                                           \
	do {                                                               \
		unsigned k_ = 0;                                           \
		for (unsigned i_ = 0; i_ < fix.cnt; i_++)                  \
			if (!(cond))                                       \
				out[n].arr[k_++] = fix.arr[i_];            \
		out[n].cnt = (uint8_t)k_;                                  \
	} while (0)
	out[n] = fix;
	KEEP_NOT(encr, n_encr, fix.encr[i_].id == encr && fix.encr[i_].bits == bits);
	n++;
	fix.n_encr = 1;
	fix.encr[0].id = encr;
	fix.encr[0].bits = bits;
	out[n] = fix;
	KEEP_NOT(integ, n_integ, fix.integ[i_] == integ);
	n++;
	fix.n_integ = 1;
	fix.integ[0] = integ;
	out[n] = fix;
	KEEP_NOT(prf, n_prf, fix.prf[i_] == auth);
	n++;
	fix.n_prf = 1;
	fix.prf[0] = auth;
	out[n] = fix;
	KEEP_NOT(dh, n_dh, fix.dh[i_] == dh);
	n++;
#undef KEEP_NOT
	return n;
}

static void send_unprotected_delete(struct iks_probe *p, const uint8_t cky_i[8],
				    const uint8_t cky_r[8])
{
	struct bld *b = bld_new(1, cky_i, cky_r, IKS_V1_EX_INFO, 0, 0);
	struct iks_payload *d = b ? bld_add(b, IKS_V1_PL_D) : NULL;
	uint8_t spis[16], msg[256];
	size_t len = 0;
	uint32_t mid;

	if (!d) {
		bld_free(b);
		return;
	}
	iks_crypto_random(&mid, sizeof mid);
	b->m->hdr.message_id = mid | 1;
	memcpy(spis, cky_i, 8);
	memcpy(spis + 8, cky_r, 8);
	d->u.del.doi = IKS_V1_DOI_IPSEC;
	d->u.del.protocol = IKS_V1_PROTO_ISAKMP;
	d->u.del.spi_size = 16;
	d->u.del.count = 1;
	d->u.del.spis.ptr = bld_keep(b, spis, 16);
	d->u.del.spis.len = 16;
	if (bld_encode(b, msg, sizeof msg, &len) == IKS_OK)
		probe_send_once(p, msg, len, false);
	bld_free(b);
}

static int v1_candidates(struct iks_probe *p, struct pp *set)
{
	struct pp all;
	struct pp_list l;
	int rc;

	if (p->o.ike) {
		rc = pp_parse(p->o.ike, false, &l, NULL, 0);
		if (rc < 0)
			return rc;
		all = l.p[0];
		for (unsigned k = 1; k < l.n; k++) {
			for (unsigned i = 0; i < l.p[k].n_encr && all.n_encr < PP_MAX; i++)
				all.encr[all.n_encr++] = l.p[k].encr[i];
			for (unsigned i = 0; i < l.p[k].n_integ && all.n_integ < PP_MAX; i++)
				all.integ[all.n_integ++] = l.p[k].integ[i];
			for (unsigned i = 0; i < l.p[k].n_dh && all.n_dh < PP_MAX; i++)
				all.dh[all.n_dh++] = l.p[k].dh[i];
		}
	} else {
		rc = pp_preset(p->o.preset ? p->o.preset : "all", &all, NULL, 0);
		if (rc < 0)
			return rc;
	}
	/* keep what IKEv1 can express, without duplicates */
	memset(set, 0, sizeof *set);
	for (unsigned i = 0; i < all.n_encr; i++) {
		bool dup = false;

		for (unsigned k = 0; k < set->n_encr; k++)
			dup |= set->encr[k].id == all.encr[i].id &&
			       set->encr[k].bits == all.encr[i].bits;
		if (!dup && pp_v1_encr(all.encr[i].id) && !pp_encr_aead(all.encr[i].id))
			set->encr[set->n_encr++] = all.encr[i];
	}
	for (unsigned i = 0; i < all.n_integ; i++) {
		bool dup = false;

		for (unsigned k = 0; k < set->n_integ; k++)
			dup |= set->integ[k] == all.integ[i];
		if (!dup && pp_v1_hash(all.integ[i]))
			set->integ[set->n_integ++] = all.integ[i];
	}
	for (unsigned i = 0; i < all.n_dh; i++) {
		bool dup = false;

		for (unsigned k = 0; k < set->n_dh; k++)
			dup |= set->dh[k] == all.dh[i];
		if (!dup && all.dh[i] && all.dh[i] < 31) /* IKEv1 has no 31/32 */
			set->dh[set->n_dh++] = all.dh[i];
	}
	if (parse_auths(p->o.v1_auth, set->prf, &set->n_prf) < 0)
		return IKS_ERR_USAGE;
	return IKS_OK;
}

int probe_discover_v1(struct iks_probe *p, bool aggressive)
{
	struct iks_probe_discovery *d = &p->disc[p->n_disc++];
	struct v1box *q;
	size_t nq = 0, capq = 1024;
	bool first_done = false;
	int rc;

	memset(d, 0, sizeof *d);
	d->version = 1;
	d->aggressive = aggressive;
	d->tried = true;
	d->preferred = -1;
	q = calloc(capq, sizeof *q);
	if (!q)
		return IKS_ERR_NOMEM;
	rc = v1_candidates(p, &q[0].set);
	if (rc < 0) {
		free(q);
		return rc;
	}
	d->candidates = (unsigned)box_size(&q[0].set);
	q[0].first = true;
	nq = 1;
	while (nq && !p->cut) {
		size_t nb = 0, cap = 2 * p->o.inflight;
		struct v1box *batch = calloc(cap, sizeof *batch);
		struct xchg *xs = calloc(cap, sizeof *xs);
		struct xchg **xp = calloc(cap, sizeof *xp);

		if (!batch || !xs || !xp) {
			free(batch);
			free(xs);
			free(xp);
			free(q);
			return IKS_ERR_NOMEM;
		}
		/* take boxes; too big ones (or, in aggressive mode, boxes with
		 * several groups: one KE per message) are halved first */
		cap = probe_pace(p, (unsigned)cap);
		while (nq && nb < (first_done ? cap : 1)) {
			struct v1box bx = q[--nq];

			if (box_size(&bx.set) > V1_MAX_XF || (aggressive && bx.set.n_dh > 1)) {
				struct pp a, b2;

				if (aggressive && bx.set.n_dh > 1) {
					a = bx.set;
					b2 = bx.set;
					a.n_dh = 1;
					b2.n_dh = (uint8_t)(bx.set.n_dh - 1);
					memmove(b2.dh, bx.set.dh + 1, b2.n_dh * sizeof b2.dh[0]);
				} else {
					halve(&bx.set, &a, &b2);
				}
				if (nq + 2 <= capq) {
					memset(&q[nq], 0, 2 * sizeof q[0]);
					q[nq].set = b2;
					q[nq + 1].set = a;
					q[nq + 1].first = bx.first;
					nq += 2;
				}
				continue;
			}
			batch[nb++] = bx;
		}
		for (size_t i = 0; i < nb; i++) {
			struct v1box *bx = &batch[i];
			struct bld *b;
			struct p1xf xf[V1_MAX_XF];
			size_t nx = box_xfs(&bx->set, xf, V1_MAX_XF);
			uint8_t ni[NONCE_LEN], ke[IKS_CRYPTO_KEX_MAX];
			size_t kl = 0;

			probe_spi(bx->cky);
			b = bld_new(1, bx->cky, NULL,
				    aggressive ? IKS_V1_EX_AGGRESSIVE : IKS_V1_EX_MAIN, 0, 0);
			if (!b)
				continue;
			p1_sa(b, xf, nx);
			if (aggressive) {
				if (iks_crypto_kex_new(&bx->kex, bx->set.dh[0], NULL, 0) < 0 ||
				    iks_crypto_kex_public(bx->kex, ke, sizeof ke, &kl) < 0) {
					bld_free(b);
					continue;
				}
				bld_bytes(b, IKS_V1_PL_KE, ke, kl);
				iks_crypto_random(ni, sizeof ni);
				bld_bytes(b, IKS_V1_PL_NONCE, ni, sizeof ni);
				id_payload(b, p->o.id, &p->laddr, NULL, NULL);
			}
			add_vids(b);
			if (bld_encode(b, xs[i].req, sizeof xs[i].req, &xs[i].req_len) == IKS_OK) {
				memcpy(xs[i].spi_i, bx->cky, 8);
				xs[i].version = 1;
				xs[i].want_any = true;
				xp[i] = &xs[i];
				d->exchanges++;
			}
			bld_free(b);
		}
		{
			/* compact: transact only the built ones */
			struct xchg *live[64];
			size_t nl = 0;

			for (size_t i = 0; i < nb; i++)
				if (xp[i] && nl < 64)
					live[nl++] = xp[i];
			probe_transact(p, live, nl);
		}
		for (size_t i = 0; i < nb; i++) {
			struct v1box *bx = &batch[i];
			struct rmsg *r;
			struct p1xf x;

			if (!xp[i])
				continue;
			iks_crypto_kex_free(bx->kex);
			bx->kex = NULL;
			if (!xs[i].answered) {
				if (bx->first) {
					if (!p->cut)
						d->unanswered++;
					nq = 0;
					continue;
				}
				if (!p->cut && !bx->stalled && nq < capq) {
					bx->stalled = true;
					probe_pace_stall(p);
					q[nq++] = *bx;
					continue;
				}
				if (!p->cut)
					d->unanswered++;
				continue;
			}
			d->answered = true;
			r = rmsg_decode(xs[i].resp, xs[i].resp_len);
			if (!r)
				continue;
			probe_collect_vids(d, &r->m);
			if (r->m.hdr.exchange != IKS_V1_EX_INFO && p1_chosen(&r->m, -1, &x)) {
				struct iks_probe_combo c;
				struct pp parts[4];
				unsigned np;

				probe_pace_opened(p);
				combo_of(&x, &c);
				pp_combo_text(true, &c, c.text, sizeof c.text);
				{
					bool dup = false;

					for (unsigned k = 0; k < d->n_combos; k++)
						dup |= !memcmp(&d->combos[k], &c, sizeof c);
					if (!dup && d->n_combos < IKS_PROBE_MAX_COMBOS)
						d->combos[d->n_combos++] = c;
				}
				if (bx->first && d->preferred < 0)
					d->preferred = (int)d->n_combos - 1;
				np = v1_split(&bx->set, c.encr, c.key_bits, c.integ, x.auth, c.dh,
					      parts);
				for (unsigned k = 0; k < np; k++)
					if (v1_box_ok(&parts[k]) && nq < capq) {
						memset(&q[nq], 0, sizeof q[nq]);
						q[nq++].set = parts[k];
					}
				send_unprotected_delete(p, bx->cky, r->m.hdr.rspi);
			} else if (!d->refusal) {
				d->refusal = rmsg_error(&r->m, -1);
			}
			free(r);
		}
		first_done = true;
		free(batch);
		free(xs);
		free(xp);
	}
	d->complete = !p->cut && nq == 0 && d->answered;
	d->port_unreachable = !d->answered && p->refused;
	free(q);
	/* the preference: offer every accepted combination at once (in the
	 * order found) and see which one the responder picks */
	if (d->n_combos == 1)
		d->preferred = 0;
	if (d->n_combos > 1 && !p->cut) {
		struct p1xf xf[V1_MAX_XF];
		struct xchg *x = calloc(1, sizeof *x);
		struct bld *b;
		size_t nx = 0;
		uint8_t cky[8];

		for (unsigned i = 0; i < d->n_combos && nx < V1_MAX_XF; i++) {
			/* aggressive mode: one KE, so the first combination's group */
			if (aggressive && d->combos[i].dh != d->combos[0].dh)
				continue;
			xf[nx].encr = pp_v1_encr(d->combos[i].encr);
			xf[nx].bits = d->combos[i].key_bits;
			xf[nx].hash = pp_v1_hash(d->combos[i].integ);
			xf[nx].auth = d->combos[i].v1_auth;
			xf[nx].group = d->combos[i].dh;
			nx++;
		}
		probe_spi(cky);
		b = x ? bld_new(1, cky, NULL, IKS_V1_EX_MAIN, 0, 0) : NULL;
		if (b) {
			struct iks_kex *kx = NULL;
			uint8_t ni[NONCE_LEN], ke[IKS_CRYPTO_KEX_MAX];
			size_t kl = 0;

			b->m->hdr.exchange = aggressive ? IKS_V1_EX_AGGRESSIVE : IKS_V1_EX_MAIN;
			p1_sa(b, xf, nx);
			if (aggressive && iks_crypto_kex_new(&kx, xf[0].group, NULL, 0) == 0 &&
			    iks_crypto_kex_public(kx, ke, sizeof ke, &kl) == 0) {
				bld_bytes(b, IKS_V1_PL_KE, ke, kl);
				iks_crypto_random(ni, sizeof ni);
				bld_bytes(b, IKS_V1_PL_NONCE, ni, sizeof ni);
				id_payload(b, p->o.id, &p->laddr, NULL, NULL);
			}
			iks_crypto_kex_free(kx);
			add_vids(b);
			if (bld_encode(b, x->req, sizeof x->req, &x->req_len) == IKS_OK) {
				struct p1xf c;
				struct rmsg *r;

				memcpy(x->spi_i, cky, 8);
				x->version = 1;
				x->want_any = true;
				d->exchanges++;
				probe_transact(p, &x, 1);
				r = x->answered ? rmsg_decode(x->resp, x->resp_len) : NULL;
				if (r && r->m.hdr.exchange != IKS_V1_EX_INFO && p1_chosen(&r->m, -1, &c)) {
					struct iks_probe_combo cc;

					combo_of(&c, &cc);
					for (unsigned i = 0; i < d->n_combos; i++)
						if (d->combos[i].encr == cc.encr &&
						    d->combos[i].key_bits == cc.key_bits &&
						    d->combos[i].integ == cc.integ &&
						    d->combos[i].dh == cc.dh &&
						    d->combos[i].v1_auth == cc.v1_auth)
							d->preferred = (int)i;
					send_unprotected_delete(p, cky, r->m.hdr.rspi);
				}
				free(r);
			}
		}
		bld_free(b);
		free(x);
	}
	probe_linger(p, 200);
	return IKS_OK;
}

/* ------------------------------------------------------- negotiation */

struct v1sa {
	uint8_t cky_i[8], cky_r[8];
	struct p1xf xf;
	uint8_t sai[4096];
	size_t sai_len;
	struct iks_kex *kex;
	uint8_t gxi[IKS_CRYPTO_KEX_MAX], gxr[IKS_CRYPTO_KEX_MAX];
	size_t gxi_len, gxr_len;
	uint8_t ni[NONCE_LEN], nr[256];
	size_t nr_len;
	uint8_t idi[260];
	size_t idi_len;
	struct iks_v1_sa_keys keys;
	struct iks_v1_suite suite;
	struct iks_v1_ivchain p1;
	bool natt, natt_ok;
	uint32_t spi_in;
};

/* Pad and encrypt body (payload bytes) into x->req after a header. */
static int v1_seal(struct iks_probe *p, struct v1sa *sa, struct iks_v1_ivchain *c,
		   uint8_t exchange, uint32_t msgid, uint8_t first, const uint8_t *body,
		   size_t len, uint8_t *out, size_t cap, size_t *out_len)
{
	uint8_t pt[8192];
	size_t padded = (len + sa->suite.block - 1) / sa->suite.block * sa->suite.block;
	int rc;

	(void)p;
	if (!padded)
		padded = sa->suite.block;
	if (padded > sizeof pt || IKS_IKE_HDR_LEN + padded > cap)
		return IKS_ERR_OVERFLOW;
	memcpy(pt, body, len);
	memset(pt + len, 0, padded - len);
	memcpy(out, sa->cky_i, 8);
	memcpy(out + 8, sa->cky_r, 8);
	out[16] = first;
	out[17] = 0x10;
	out[18] = exchange;
	out[19] = IKS_V1_FLAG_E;
	out[20] = (uint8_t)(msgid >> 24);
	out[21] = (uint8_t)(msgid >> 16);
	out[22] = (uint8_t)(msgid >> 8);
	out[23] = (uint8_t)msgid;
	out[24] = (uint8_t)((IKS_IKE_HDR_LEN + padded) >> 24);
	out[25] = (uint8_t)((IKS_IKE_HDR_LEN + padded) >> 16);
	out[26] = (uint8_t)((IKS_IKE_HDR_LEN + padded) >> 8);
	out[27] = (uint8_t)(IKS_IKE_HDR_LEN + padded);
	rc = iks_crypto_v1_encrypt(&sa->suite, c, pt, padded, out + IKS_IKE_HDR_LEN,
				   cap - IKS_IKE_HDR_LEN, NULL, 0);
	iks_crypto_wipe(pt, sizeof pt);
	*out_len = IKS_IKE_HDR_LEN + padded;
	return rc;
}

/* Decrypt an encrypted answer: with chain c when its Message ID is
 * c's, else with a fresh phase 2 chain for its own Message ID
 * (Informational).  The inner payloads are appended; returns the index of
 * the encrypted pseudo payload or a negative error. */
static int v1_open(struct v1sa *sa, struct iks_v1_ivchain *c, struct rmsg *r)
{
	int e = iks_msg_find(&r->m, IKS_V1_PL_ENCRYPTED, -1);
	struct iks_v1_ivchain tmp, *use = c;
	const struct iks_payload *p;
	int rc;

	if (e < 0)
		return IKS_ERR_NOKEY;
	p = &r->m.payloads[e];
	if (r->m.hdr.message_id != c->msgid) {
		rc = iks_crypto_v1_chain_phase2(&tmp, &sa->suite, &sa->p1, r->m.hdr.message_id,
						NULL, 0);
		if (rc < 0)
			return rc;
		use = &tmp;
	}
	rc = iks_crypto_v1_decrypt(&sa->suite, use, p->body.ptr, p->body.len, r->plain,
				   sizeof r->plain, NULL, NULL, 0);
	if (rc < 0)
		return rc;
	r->plain_len = p->body.len;
	rc = iks_ike_decode_inner(&r->m, e, r->plain, r->plain_len, r->m.hdr.next_payload);
	return rc < 0 ? rc : e;
}

/* Build payloads `b`, put HASH(n) first computed over the rest, encrypt. */
static int v1_hashed(struct iks_probe *p, struct v1sa *sa, struct iks_v1_ivchain *c,
		     uint8_t exchange, uint32_t msgid, struct bld *b, int which,
		     const uint8_t *nr, size_t nr_len, uint8_t *out, size_t cap, size_t *out_len)
{
	uint8_t body[8192], first = 0, h[64];
	size_t len = 0, hl = 0, plen = sa->keys.prf_len;
	int rc = bld_encode_body(b, body + 4 + plen, sizeof body - 4 - plen, &len, &first);

	if (rc < 0)
		return rc;
	if (which == 1)
		rc = iks_crypto_v1_hash_qm(&sa->keys, 1, msgid, NULL, 0, NULL, 0, body + 4 + plen,
					   len, h, sizeof h, &hl);
	else
		rc = iks_crypto_v1_hash_qm(&sa->keys, 3, msgid, sa->ni, NONCE_LEN, nr, nr_len,
					   NULL, 0, h, sizeof h, &hl);
	if (rc < 0)
		return rc;
	body[0] = which == 3 ? 0 : first;
	body[1] = 0;
	body[2] = (uint8_t)((4 + hl) >> 8);
	body[3] = (uint8_t)(4 + hl);
	memcpy(body + 4, h, hl);
	return v1_seal(p, sa, c, exchange, msgid, IKS_V1_PL_HASH, body,
		       4 + hl + (which == 3 ? 0 : len), out, cap, out_len);
}

static void qm_id(struct bld *b, const struct cidr *c)
{
	struct iks_payload *p = bld_add(b, IKS_V1_PL_ID);
	uint8_t d[32];
	size_t al = c->family == 6 ? 16 : 4, l;
	bool host = c->prefix == (c->family == 6 ? 128 : 32);

	if (!p)
		return;
	memcpy(d, c->start, al);
	l = al;
	if (!host) {
		/* RFC 2407 4.6.2.5: address and mask */
		for (size_t i = 0; i < al; i++) {
			unsigned bits = c->prefix > i * 8 ? c->prefix - i * 8 : 0;

			d[al + i] = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));
		}
		l = 2 * al;
	}
	p->u.id.id_type = c->family == 6 ? (host ? IKS_V1_ID_IPV6_ADDR : IKS_V1_ID_IPV6_ADDR_SUBNET)
					 : (host ? IKS_V1_ID_IPV4_ADDR : IKS_V1_ID_IPV4_ADDR_SUBNET);
	p->u.id.data.ptr = bld_keep(b, d, l);
	p->u.id.data.len = (uint32_t)l;
}

static void qm_sa(struct bld *b, const struct pp_list *esp, uint32_t spi, uint16_t pfs,
		  bool natt)
{
	struct iks_payload *sa = sa_payload(b);
	uint8_t s[4] = { (uint8_t)(spi >> 24), (uint8_t)(spi >> 16), (uint8_t)(spi >> 8),
			 (uint8_t)spi };
	struct iks_proposal *pr = sa ? bld_proposal(b, sa, 1, IKS_V1_PROTO_IPSEC_ESP, s, 4) : NULL;
	unsigned num = 0;

	for (unsigned k = 0; pr && k < esp->n; k++) {
		const struct pp *pp = &esp->p[k];

		for (unsigned e = 0; e < pp->n_encr; e++) {
			bool aead = pp_encr_aead(pp->encr[e].id);
			unsigned ni = aead ? 1 : pp->n_integ;

			for (unsigned i = 0; i < ni && num < 60; i++) {
				struct iks_transform *t;
				uint16_t tid = pp_v1_esp(pp->encr[e].id);
				uint16_t aa = aead ? 0 : pp_v1_auth_alg(pp->integ[i]);

				if (!tid || (!aead && !aa))
					continue;
				t = bld_transform(b, pr, (uint8_t)++num, tid);
				bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_SA_LIFE_TYPE, IKS_V1_LIFE_SECONDS);
				bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_SA_LIFE_DURATION, V1_LIFE_P2);
				if (pfs)
					bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_GROUP_DESCRIPTION, pfs);
				bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_ENCAPSULATION_MODE,
					    natt ? IKS_V1_ENCAP_UDP_TUNNEL : IKS_V1_ENCAP_TUNNEL);
				if (aa)
					bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_AUTH_ALGORITHM, aa);
				if (pp->encr[e].bits)
					bld_attr_tv(b, t, IKS_V1_IPSEC_ATTR_KEY_LENGTH,
						    pp->encr[e].bits);
			}
		}
	}
}

static void esp_chosen_text(const struct iks_msg *m, int parent, char *buf, size_t len)
{
	int i = iks_msg_find(m, IKS_V1_PL_SA, parent);
	const struct iks_proposal *pr;
	const struct iks_transform *t;
	uint16_t bits = 0, aa = 0, grp = 0;
	char e[32] = "?", a[32] = "", g[32] = "";

	buf[0] = '\0';
	if (i < 0 || !m->payloads[i].u.sa.prop_count)
		return;
	pr = iks_sa_proposal(m, &m->payloads[i], 0);
	if (!pr->xf_count)
		return;
	t = iks_proposal_transform(m, pr, 0);
	for (unsigned k = 0; k < t->attr_count; k++) {
		const struct iks_attr *at = &m->attrs[t->attr_first + k];

		if (at->type == IKS_V1_IPSEC_ATTR_KEY_LENGTH)
			bits = (uint16_t)at->value;
		else if (at->type == IKS_V1_IPSEC_ATTR_AUTH_ALGORITHM)
			aa = (uint16_t)at->value;
		else if (at->type == IKS_V1_IPSEC_ATTR_GROUP_DESCRIPTION)
			grp = (uint16_t)at->value;
	}
	iks_keyword_v1_esp(t->id, bits, e, sizeof e);
	if (aa)
		iks_keyword_v1_auth_alg(aa, a, sizeof a);
	if (grp)
		iks_keyword_dh(grp, g, sizeof g);
	snprintf(buf, len, "%s%s%s%s%s", e, aa ? "-" : "", a, grp ? "-" : "", g);
}

static void info_send(struct iks_probe *p, struct v1sa *sa, struct bld *b)
{
	struct iks_v1_ivchain c;
	uint8_t out[2048];
	size_t ol = 0;
	uint32_t mid;

	iks_crypto_random(&mid, sizeof mid);
	mid |= 1;
	if (iks_crypto_v1_chain_phase2(&c, &sa->suite, &sa->p1, mid, NULL, 0) < 0)
		return;
	if (v1_hashed(p, sa, &c, IKS_V1_EX_INFO, mid, b, 1, NULL, 0, out, sizeof out, &ol) == 0)
		probe_send_once(p, out, ol, sa->natt);
}

static void natd_check(struct iks_probe *p, struct v1sa *sa, const struct iks_msg *m, int parent)
{
	uint8_t h[64];
	size_t hl = 0;
	int seen = 0;

	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *pl = &m->payloads[i];

		if (pl->type != IKS_V1_PL_NATD || pl->parent != parent)
			continue;
		/* RFC 3947 3.2: the first is the receiver's (our) address,
		 * the others the sender's */
		if (seen == 0)
			probe_natd(sa->xf.hash, sa->cky_i, sa->cky_r, &p->laddr, p->lport500, h, &hl);
		else
			probe_natd(sa->xf.hash, sa->cky_i, sa->cky_r, &p->raddr, p->rport, h, &hl);
		if (!pb_equal(pl->body, h, hl))
			sa->natt = true;
		seen++;
	}
	if (!sa->natt_ok || p->rport != IKS_PORT_IKE || (sa->natt && probe_net_open4500(p) < 0))
		sa->natt = false;
}

static void natd_payloads(struct iks_probe *p, struct v1sa *sa, struct bld *b)
{
	uint8_t h[64];
	size_t hl = 0;

	probe_natd(sa->xf.hash, sa->cky_i, sa->cky_r, &p->raddr, p->rport, h, &hl);
	bld_bytes(b, IKS_V1_PL_NATD, h, hl);
	probe_natd(sa->xf.hash, sa->cky_i, sa->cky_r, &p->laddr, p->lport500, h, &hl);
	bld_bytes(b, IKS_V1_PL_NATD, h, hl);
}

static bool has_vid(const struct iks_msg *m, const char *name)
{
	size_t l = 0;
	const uint8_t *id = vendor_id(name, &l);

	for (unsigned i = 0; id && i < m->n_payloads; i++)
		if (m->payloads[i].type == IKS_V1_PL_VID && pb_equal(m->payloads[i].body, id, l))
			return true;
	return false;
}

static int derive(struct iks_probe *p, struct v1sa *sa, struct iks_probe_outcome *o)
{
	uint8_t gxy[IKS_CRYPTO_KEX_MAX];
	size_t gl = 0;
	int rc;

	rc = iks_crypto_kex_shared(sa->kex, sa->gxr, sa->gxr_len, gxy, sizeof gxy, &gl, o->note,
				   sizeof o->note);
	if (rc == 0)
		rc = iks_crypto_v1_derive_psk(&sa->keys, sa->xf.hash, sa->xf.encr, sa->xf.bits,
					      p->o.psk, p->o.psk_len, sa->ni, NONCE_LEN, sa->nr,
					      sa->nr_len, gxy, gl, sa->cky_i, sa->cky_r, o->note,
					      sizeof o->note);
	iks_crypto_wipe(gxy, sizeof gxy);
	if (rc == 0)
		rc = iks_crypto_v1_suite_init(&sa->suite, &sa->keys.row, sa->xf.encr, sa->xf.bits,
					      sa->xf.hash, o->note, sizeof o->note);
	if (rc == 0)
		rc = iks_crypto_v1_chain_phase1(&sa->p1, &sa->suite, sa->gxi, sa->gxi_len, sa->gxr,
						sa->gxr_len, o->note, sizeof o->note);
	if (rc == 0)
		iks_keytab_add_v1(&p->keys, &sa->keys.row, NULL, 0);
	return rc;
}

/* Copy a payload body of the answer. */
static bool take(const struct iks_msg *m, unsigned type, int parent, uint8_t *out, size_t cap,
		 size_t *len)
{
	int i = iks_msg_find(m, type, parent);

	return i >= 0 && pb_copy(m->payloads[i].body, out, cap, len);
}

static bool hash_r_ok(struct v1sa *sa, const struct iks_msg *m, int parent)
{
	int hi = iks_msg_find(m, IKS_V1_PL_HASH, parent), ii = iks_msg_find(m, IKS_V1_PL_ID, parent);
	uint8_t h[64], id[260];
	size_t hl = 0, il = 0;

	if (hi < 0 || ii < 0 || !pb_copy(m->payloads[ii].body, id, sizeof id, &il))
		return false;
	if (iks_crypto_v1_hash_phase1(&sa->keys, false, sa->gxi, sa->gxi_len, sa->gxr, sa->gxr_len,
				      sa->cky_i, sa->cky_r, sa->sai, sa->sai_len, id, il, h,
				      sizeof h, &hl) < 0)
		return false;
	return pb_equal(m->payloads[hi].body, h, hl);
}

/* After NO-PROPOSAL-CHOSEN in Main Mode: the same encryption/hash pairs
 * with every IKEv1 group; an accepting MM2 names the group the responder
 * wants (see v2.c).  Auxiliary, deleted like a discovery exchange. */
static void v1_group_followup(struct iks_probe *p, const struct p1xf *xf, size_t nx)
{
	static const uint16_t groups[] = { 14, 15, 16, 17, 18, 19, 20, 21, 5, 2, 1, 28, 29, 30 };
	struct p1xf alt[V1_MAX_XF];
	struct xchg *x = calloc(1, sizeof *x);
	struct bld *b = NULL;
	struct rmsg *r = NULL;
	size_t na = 0;
	uint8_t cky[8];
	struct p1xf c;

	if (!x || p->cut || p->n_aux >= 4)
		goto out;
	for (size_t i = 0; i < nx; i++) {
		bool dup = false;

		for (size_t k = 0; k < i; k++)
			dup |= xf[k].encr == xf[i].encr && xf[k].bits == xf[i].bits &&
			       xf[k].hash == xf[i].hash;
		for (size_t g = 0; !dup && g < sizeof groups / sizeof groups[0] && na < V1_MAX_XF;
		     g++) {
			alt[na] = xf[i];
			alt[na++].group = groups[g];
		}
	}
	probe_spi(cky);
	memcpy(p->aux_spi[p->n_aux++], cky, 8);
	b = bld_new(1, cky, NULL, IKS_V1_EX_MAIN, 0, 0);
	if (!b)
		goto out;
	p1_sa(b, alt, na);
	add_vids(b);
	if (bld_encode(b, x->req, sizeof x->req, &x->req_len) < 0)
		goto out;
	memcpy(x->spi_i, cky, 8);
	x->version = 1;
	x->want_any = true;
	probe_transact(p, &x, 1);
	if (!x->answered || !(r = rmsg_decode(x->resp, x->resp_len)))
		goto out;
	if (r->m.hdr.exchange != IKS_V1_EX_INFO && p1_chosen(&r->m, -1, &c)) {
		char g[32];

		p->out.dh_wanted = c.group;
		send_unprotected_delete(p, cky, r->m.hdr.rspi);
		if (iks_keyword_dh(c.group, g, sizeof g) < 0)
			snprintf(g, sizeof g, "%u", c.group);
		snprintf(p->out.note, sizeof p->out.note,
			 "MM message 1 refused (NO-PROPOSAL-CHOSEN); the responder accepts the "
			 "algorithms only with DH group %s", g);
	}
out:
	bld_free(b);
	free(r);
	free(x);
}

int probe_negotiate_v1(struct iks_probe *p, char *errbuf, size_t errlen)
{
	struct iks_probe_outcome *o = &p->out;
	bool am = p->o.aggressive;
	struct pp_list ike, esp;
	struct v1sa *sa = calloc(1, sizeof *sa);
	struct xchg *x = calloc(1, sizeof *x);
	struct rmsg *r = NULL;
	struct cidr lts, rts;
	struct p1xf xf[V1_MAX_XF];
	size_t nx = 0;
	int rc, e;

	if (!sa || !x) {
		free(sa);
		free(x);
		return IKS_ERR_NOMEM;
	}
	rc = pp_parse(p->o.ike ? p->o.ike :
		      "aes128-aes256-sha256-sha1-modp2048-modp3072-ecp256-ecp384-modp1024,"
		      "3des-sha1-md5-modp1024-modp2048",
		      false, &ike, errbuf, errlen);
	if (rc == IKS_OK)
		rc = pp_parse(p->o.esp ? p->o.esp : "aes128-aes256-sha256-sha1,3des-sha1-md5",
			      true, &esp, errbuf, errlen);
	if (rc == IKS_OK && (probe_cidr(p->o.local_ts, &p->laddr, &lts) < 0 ||
			     probe_cidr(p->o.remote_ts, &p->raddr, &rts) < 0)) {
		iks_errf(errbuf, errlen, "bad traffic selector (want ADDR or ADDR/PREFIX)");
		rc = IKS_ERR_USAGE;
	}
	if (rc < 0)
		goto out;
	/* strongSwan syntax: a group in the ESP proposals means PFS */
	for (unsigned k = 0; !p->o.pfs_group && k < esp.n; k++)
		if (esp.p[k].n_dh && iks_crypto_kex_supported(esp.p[k].dh[0]))
			p->o.pfs_group = esp.p[k].dh[0];
	/* the phase 1 transforms: every combination of each proposal; in
	 * aggressive mode only those of the first group (one KE) */
	for (unsigned k = 0; k < ike.n; k++) {
		const struct pp *pp = &ike.p[k];

		for (unsigned g = 0; g < pp->n_dh; g++)
			for (unsigned en = 0; en < pp->n_encr; en++)
				for (unsigned h = 0; h < pp->n_integ && nx < V1_MAX_XF; h++) {
					uint16_t ve = pp_v1_encr(pp->encr[en].id);
					uint16_t vh = pp_v1_hash(pp->integ[h]);

					if (!ve || !vh || (am && pp->dh[g] != ike.p[0].dh[0]))
						continue;
					xf[nx].encr = ve;
					xf[nx].bits = pp->encr[en].bits;
					xf[nx].hash = vh;
					xf[nx].auth = IKS_V1_AUTH_PSK;
					xf[nx].group = pp->dh[g];
					nx++;
				}
	}
	if (!nx) {
		iks_errf(errbuf, errlen, "no IKEv1 phase 1 transform in --ike");
		rc = IKS_ERR_USAGE;
		goto out;
	}
	probe_spi(sa->cky_i);
	iks_crypto_random(sa->ni, NONCE_LEN);

	/* ---- message 1 (MM1 / AM1) */
	{
		struct bld *b = bld_new(1, sa->cky_i, NULL, am ? IKS_V1_EX_AGGRESSIVE : IKS_V1_EX_MAIN,
					0, 0);
		struct rmsg *mine;
		int si;

		if (!b) {
			rc = IKS_ERR_NOMEM;
			goto out;
		}
		p1_sa(b, xf, nx);
		if (am) {
			if (iks_crypto_kex_new(&sa->kex, xf[0].group, errbuf, errlen) < 0 ||
			    iks_crypto_kex_public(sa->kex, sa->gxi, sizeof sa->gxi, &sa->gxi_len) < 0) {
				bld_free(b);
				rc = IKS_ERR_UNSUPPORTED;
				goto out;
			}
			bld_bytes(b, IKS_V1_PL_KE, sa->gxi, sa->gxi_len);
			bld_bytes(b, IKS_V1_PL_NONCE, sa->ni, NONCE_LEN);
			if (id_payload(b, p->o.id, &p->laddr, sa->idi, &sa->idi_len) < 0) {
				bld_free(b);
				iks_errf(errbuf, errlen, "bad --id");
				rc = IKS_ERR_USAGE;
				goto out;
			}
		}
		add_vids(b);
		rc = bld_encode(b, x->req, sizeof x->req, &x->req_len);
		bld_free(b);
		if (rc < 0)
			goto out;
		mine = rmsg_decode(x->req, x->req_len);
		si = mine ? iks_msg_find(&mine->m, IKS_V1_PL_SA, -1) : -1;
		if (si >= 0 && !pb_copy(mine->m.payloads[si].body, sa->sai, sizeof sa->sai,
					&sa->sai_len))
			sa->sai_len = 0;
		free(mine);
	}
	memcpy(x->spi_i, sa->cky_i, 8);
	x->version = 1;
	x->want_any = true;
	probe_transact(p, &x, 1);
	if (!x->answered) {
		snprintf(o->note, sizeof o->note, "no answer to %s message 1%s", am ? "AM" : "MM",
			 p->refused ? " (ICMP port unreachable: nothing listens there)" : "");
		goto done;
	}
	o->answered = true;
	r = rmsg_decode(x->resp, x->resp_len);
	if (!r || r->m.hdr.exchange == IKS_V1_EX_INFO || !p1_chosen(&r->m, -1, &sa->xf)) {
		o->error_notify = r ? rmsg_error(&r->m, -1) : 0;
		snprintf(o->note, sizeof o->note, "%s message 1 refused (%s)", am ? "AM" : "MM",
			 o->error_notify ? iks_name(IKS_TAB_V1_NOTIFY, o->error_notify) : "no SA");
		if (o->error_notify == IKS_V1_N_NO_PROPOSAL_CHOSEN && !am)
			v1_group_followup(p, xf, nx);
		goto done;
	}
	memcpy(sa->cky_r, r->m.hdr.rspi, 8);
	sa->natt_ok = has_vid(&r->m, "RFC 3947 NAT-T");
	{
		struct iks_probe_combo c;

		combo_of(&sa->xf, &c);
		pp_combo_text(true, &c, o->chosen_ike, sizeof o->chosen_ike);
	}

	if (!am) {
		/* ---- MM3: KE Ni NAT-D NAT-D; MM4 */
		struct bld *b = bld_new(1, sa->cky_i, sa->cky_r, IKS_V1_EX_MAIN, 0, 0);

		if (!b || iks_crypto_kex_new(&sa->kex, sa->xf.group, o->note, sizeof o->note) < 0 ||
		    iks_crypto_kex_public(sa->kex, sa->gxi, sizeof sa->gxi, &sa->gxi_len) < 0) {
			bld_free(b);
			goto done;
		}
		bld_bytes(b, IKS_V1_PL_KE, sa->gxi, sa->gxi_len);
		bld_bytes(b, IKS_V1_PL_NONCE, sa->ni, NONCE_LEN);
		if (sa->natt_ok)
			natd_payloads(p, sa, b);
		rc = bld_encode(b, x->req, sizeof x->req, &x->req_len);
		bld_free(b);
		if (rc < 0)
			goto out;
		probe_transact(p, &x, 1);
		if (!x->answered) {
			snprintf(o->note, sizeof o->note, "no answer to MM3");
			goto done;
		}
		free(r);
		r = rmsg_decode(x->resp, x->resp_len);
		if (!r || r->m.hdr.exchange == IKS_V1_EX_INFO ||
		    !take(&r->m, IKS_V1_PL_KE, -1, sa->gxr, sizeof sa->gxr, &sa->gxr_len) ||
		    !take(&r->m, IKS_V1_PL_NONCE, -1, sa->nr, sizeof sa->nr, &sa->nr_len)) {
			o->error_notify = r ? rmsg_error(&r->m, -1) : 0;
			snprintf(o->note, sizeof o->note, "MM3 refused (%s)",
				 o->error_notify ? iks_name(IKS_TAB_V1_NOTIFY, o->error_notify) :
						   "no KE");
			goto done;
		}
		if (derive(p, sa, o) < 0)
			goto done;
		natd_check(p, sa, &r->m, -1);
		o->floated = sa->natt;

		/* ---- MM5: IDii HASH_I, encrypted */
		b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
		if (!b) {
			rc = IKS_ERR_NOMEM;
			goto out;
		}
		if (id_payload(b, p->o.id, &p->laddr, sa->idi, &sa->idi_len) < 0) {
			bld_free(b);
			iks_errf(errbuf, errlen, "bad --id");
			rc = IKS_ERR_USAGE;
			goto out;
		}
		{
			uint8_t h[64], body[1024], first = 0;
			size_t hl = 0, bl = 0;

			iks_crypto_v1_hash_phase1(&sa->keys, true, sa->gxi, sa->gxi_len, sa->gxr,
						  sa->gxr_len, sa->cky_i, sa->cky_r, sa->sai,
						  sa->sai_len, sa->idi, sa->idi_len, h, sizeof h, &hl);
			bld_bytes(b, IKS_V1_PL_HASH, h, hl);
			rc = bld_encode_body(b, body, sizeof body, &bl, &first);
			bld_free(b);
			if (rc == 0)
				rc = v1_seal(p, sa, &sa->p1, IKS_V1_EX_MAIN, 0, first, body, bl,
					     x->req, sizeof x->req, &x->req_len);
			if (rc < 0)
				goto out;
		}
		x->natt = sa->natt;
		probe_transact(p, &x, 1);
		if (!x->answered) {
			snprintf(o->note, sizeof o->note, "no answer to MM5 (PSK or identity?)");
			goto done;
		}
		free(r);
		r = rmsg_decode(x->resp, x->resp_len);
		e = r ? v1_open(sa, &sa->p1, r) : -1;
		if (e < 0 || r->m.malformed) {
			snprintf(o->note, sizeof o->note,
				 "the answer to MM5 does not decrypt with our keys: the pre-shared "
				 "keys differ");
			goto done;
		}
		if (r->m.hdr.exchange == IKS_V1_EX_INFO || !hash_r_ok(sa, &r->m, e)) {
			o->error_notify = rmsg_error(&r->m, e);
			snprintf(o->note, sizeof o->note, "MM5 refused (%s)",
				 o->error_notify ? iks_name(IKS_TAB_V1_NOTIFY, o->error_notify) :
						   "HASH_R does not verify");
			goto done;
		}
		o->responder_auth_ok = true;
	} else {
		/* ---- AM2: SA KE Nr IDir HASH_R [NAT-D]; AM3: HASH_I */
		struct bld *b;
		uint8_t h[64], body[1024], first = 0;
		size_t hl = 0, bl = 0;

		if (!take(&r->m, IKS_V1_PL_KE, -1, sa->gxr, sizeof sa->gxr, &sa->gxr_len) ||
		    !take(&r->m, IKS_V1_PL_NONCE, -1, sa->nr, sizeof sa->nr, &sa->nr_len)) {
			snprintf(o->note, sizeof o->note, "AM2 without KE or nonce");
			goto done;
		}
		if (derive(p, sa, o) < 0)
			goto done;
		natd_check(p, sa, &r->m, -1);
		o->floated = sa->natt;
		if (!hash_r_ok(sa, &r->m, -1)) {
			/* tell the responder, as strongSwan does, encrypted */
			b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
			if (b) {
				uint8_t spis[16];

				memcpy(spis, sa->cky_i, 8);
				memcpy(spis + 8, sa->cky_r, 8);
				bld_notify(b, IKS_V1_N_AUTHENTICATION_FAILED, IKS_V1_PROTO_ISAKMP,
					   spis, 16, NULL, 0);
				info_send(p, sa, b);
				bld_free(b);
			}
			snprintf(o->note, sizeof o->note,
				 "HASH_R of AM2 does not verify: the pre-shared keys differ");
			goto done;
		}
		o->responder_auth_ok = true;
		b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
		if (!b) {
			rc = IKS_ERR_NOMEM;
			goto out;
		}
		iks_crypto_v1_hash_phase1(&sa->keys, true, sa->gxi, sa->gxi_len, sa->gxr,
					  sa->gxr_len, sa->cky_i, sa->cky_r, sa->sai, sa->sai_len,
					  sa->idi, sa->idi_len, h, sizeof h, &hl);
		bld_bytes(b, IKS_V1_PL_HASH, h, hl);
		if (sa->natt_ok)
			natd_payloads(p, sa, b);
		rc = bld_encode_body(b, body, sizeof body, &bl, &first);
		bld_free(b);
		if (rc == 0)
			rc = v1_seal(p, sa, &sa->p1, IKS_V1_EX_AGGRESSIVE, 0, first, body, bl,
				     x->req, sizeof x->req, &x->req_len);
		if (rc < 0)
			goto out;
		/* AM3 expects no answer */
		probe_send_once(p, x->req, x->req_len, sa->natt);
	}
	o->ike_established = true;

	/* ---- Quick Mode */
	{
		struct iks_v1_ivchain qm;
		struct bld *b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
		struct iks_kex *pk = NULL;
		uint8_t ni2[NONCE_LEN], nr2[256], ke[IKS_CRYPTO_KEX_MAX];
		size_t nr2_len = 0, kl = 0;
		uint32_t mid;

		if (!b) {
			rc = IKS_ERR_NOMEM;
			goto out;
		}
		iks_crypto_random(&mid, sizeof mid);
		mid |= 1;
		iks_crypto_random(&sa->spi_in, sizeof sa->spi_in);
		sa->spi_in |= 0x100;
		iks_crypto_random(ni2, sizeof ni2);
		qm_sa(b, &esp, sa->spi_in, p->o.pfs_group, sa->natt);
		bld_bytes(b, IKS_V1_PL_NONCE, ni2, sizeof ni2);
		if (p->o.pfs_group) {
			if (iks_crypto_kex_new(&pk, p->o.pfs_group, NULL, 0) < 0 ||
			    iks_crypto_kex_public(pk, ke, sizeof ke, &kl) < 0) {
				bld_free(b);
				iks_crypto_kex_free(pk);
				iks_errf(errbuf, errlen, "cannot do PFS group %u", p->o.pfs_group);
				rc = IKS_ERR_UNSUPPORTED;
				goto out;
			}
			bld_bytes(b, IKS_V1_PL_KE, ke, kl);
			iks_crypto_kex_free(pk);
		}
		qm_id(b, &lts);
		qm_id(b, &rts);
		rc = iks_crypto_v1_chain_phase2(&qm, &sa->suite, &sa->p1, mid, NULL, 0);
		memcpy(sa->ni, ni2, sizeof ni2); /* HASH(3) uses the QM nonces */
		if (rc == 0)
			rc = v1_hashed(p, sa, &qm, IKS_V1_EX_QUICK, mid, b, 1, NULL, 0, x->req,
				       sizeof x->req, &x->req_len);
		bld_free(b);
		if (rc < 0)
			goto out;
		x->msgid = mid;
		x->want_any = false;
		x->natt = sa->natt;
		probe_transact(p, &x, 1);
		if (!x->answered) {
			snprintf(o->note, sizeof o->note,
				 "phase 1 established, no answer to Quick Mode message 1");
			goto delete;
		}
		free(r);
		r = rmsg_decode(x->resp, x->resp_len);
		e = r ? v1_open(sa, &qm, r) : -1;
		if (e < 0) {
			snprintf(o->note, sizeof o->note,
				 "phase 1 established, the Quick Mode answer does not decrypt");
			goto delete;
		}
		if (r->m.hdr.exchange != IKS_V1_EX_QUICK ||
		    iks_msg_find(&r->m, IKS_V1_PL_SA, e) < 0 ||
		    !take(&r->m, IKS_V1_PL_NONCE, e, nr2, sizeof nr2, &nr2_len)) {
			o->error_notify = rmsg_error(&r->m, e);
			snprintf(o->note, sizeof o->note, "phase 1 established, Quick Mode refused (%s)",
				 o->error_notify ? iks_name(IKS_TAB_V1_NOTIFY, o->error_notify) :
						   "no SA");
			goto delete;
		}
		esp_chosen_text(&r->m, e, o->chosen_esp, sizeof o->chosen_esp);
		/* QM3: HASH(3) */
		b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
		if (b && v1_hashed(p, sa, &qm, IKS_V1_EX_QUICK, mid, b, 3, nr2, nr2_len, x->req,
				   sizeof x->req, &x->req_len) == 0)
			probe_send_once(p, x->req, x->req_len, sa->natt);
		bld_free(b);
		o->child_established = true;
		if (p->o.pfs_group) {
			o->pfs_tested = true;
			o->pfs_established = iks_msg_find(&r->m, IKS_V1_PL_KE, e) >= 0;
		}
		snprintf(o->note, sizeof o->note, "phase 1 and Quick Mode established");
		probe_linger(p, 300);
	}

delete:
	/* Informational Deletes: the IPsec SA (our inbound SPI), then the
	 * ISAKMP SA; IKEv1 Informationals are not acknowledged */
	if (o->ike_established && !p->cut) {
		struct bld *b;
		uint8_t spis[16];

		if (o->child_established) {
			uint8_t s4[4] = { (uint8_t)(sa->spi_in >> 24), (uint8_t)(sa->spi_in >> 16),
					  (uint8_t)(sa->spi_in >> 8), (uint8_t)sa->spi_in };
			struct iks_payload *d;

			b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
			d = b ? bld_add(b, IKS_V1_PL_D) : NULL;
			if (d) {
				d->u.del.doi = IKS_V1_DOI_IPSEC;
				d->u.del.protocol = IKS_V1_PROTO_IPSEC_ESP;
				d->u.del.spi_size = 4;
				d->u.del.count = 1;
				d->u.del.spis.ptr = bld_keep(b, s4, 4);
				d->u.del.spis.len = 4;
				info_send(p, sa, b);
			}
			bld_free(b);
		}
		b = bld_new(1, sa->cky_i, sa->cky_r, 0, 0, 0);
		if (b) {
			struct iks_payload *d = bld_add(b, IKS_V1_PL_D);

			memcpy(spis, sa->cky_i, 8);
			memcpy(spis + 8, sa->cky_r, 8);
			if (d) {
				d->u.del.doi = IKS_V1_DOI_IPSEC;
				d->u.del.protocol = IKS_V1_PROTO_ISAKMP;
				d->u.del.spi_size = 16;
				d->u.del.count = 1;
				d->u.del.spis.ptr = bld_keep(b, spis, 16);
				d->u.del.spis.len = 16;
				info_send(p, sa, b);
				o->deleted = true;
			}
			bld_free(b);
		}
	}
done:
	rc = IKS_OK;
	probe_linger(p, 300);
out:
	iks_crypto_kex_free(sa->kex);
	iks_crypto_v1_suite_clear(&sa->suite);
	iks_crypto_wipe(sa, sizeof *sa);
	free(sa);
	free(x);
	free(r);
	return rc;
}
