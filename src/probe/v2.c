/*
 * v2.c - IKEv2 from the initiator's side (RFC 7296): IKE_SA_INIT with our
 * proposals (answering COOKIE and INVALID_KE_PAYLOAD, 1.2 and 2.6),
 * discovery by narrowing, and the test negotiation: IKE_AUTH with PSK and
 * a CHILD_SA, an optional CREATE_CHILD_SA with PFS, then an INFORMATIONAL
 * Delete of the IKE SA.
 *
 * Discovery leaves half-open IKE SAs behind (an IKE_SA_INIT that was
 * answered with a proposal): IKEv2 has no way to delete an SA before
 * IKE_AUTH, so the probe sends nothing more and the responder drops them
 * after its own timeout (strongSwan: 30 s, half_open_timeout).
 */
#include <stdlib.h>
#include <string.h>

#include "ikescope/consts.h"
#include "ikescope/names.h"
#include "probe/probe_int.h"

#define NONCE_LEN 32

/* ------------------------------------------------------ SA payloads */

static void put_encr(struct bld *b, struct iks_proposal *pr, const struct pp_encr *e)
{
	struct iks_transform *t = bld_transform(b, pr, IKS_V2_XFT_ENCR, e->id);

	if (t && e->bits) {
		bld_attr_tv(b, t, IKS_V2_ATTR_KEY_LENGTH, e->bits);
		t->key_length = e->bits;
	}
}

/*
 * One pp as IKEv2 proposals: non-AEAD ciphers with integrity in one, AEAD
 * ciphers without in another (RFC 5282 8).  `box`: discovery, where an
 * integrity id 0 in the set means "AEAD allowed".  `dh` overrides the
 * groups (CREATE_CHILD_SA PFS); for ESP without it no KE transform.
 */
static void v2_props(struct bld *b, struct iks_payload *sa, const struct pp *pp,
		     uint8_t proto, const uint8_t *spi, uint8_t spi_size, bool box,
		     uint16_t pfs, unsigned *num)
{
	bool has_nonaead = false, has_aead = false, aead_ok = !box, has_integ = false;

	for (unsigned i = 0; i < pp->n_integ; i++) {
		if (pp->integ[i])
			has_integ = true;
		else
			aead_ok = true;
	}
	for (unsigned i = 0; i < pp->n_encr; i++) {
		if (pp_encr_aead(pp->encr[i].id))
			has_aead = true;
		else
			has_nonaead = true;
	}
	for (int pass = 0; pass < 2; pass++) {
		bool aead = pass == 1;
		struct iks_proposal *pr;

		if (aead ? !(has_aead && aead_ok) : !(has_nonaead && has_integ))
			continue;
		if (proto == IKS_V2_PROTO_IKE && (!pp->n_prf || !pp->n_dh))
			continue;
		pr = bld_proposal(b, sa, (uint8_t)++*num, proto, spi, spi_size);
		if (!pr)
			return;
		for (unsigned i = 0; i < pp->n_encr; i++)
			if (pp_encr_aead(pp->encr[i].id) == aead)
				put_encr(b, pr, &pp->encr[i]);
		if (proto == IKS_V2_PROTO_IKE)
			for (unsigned i = 0; i < pp->n_prf; i++)
				bld_transform(b, pr, IKS_V2_XFT_PRF, pp->prf[i]);
		if (!aead)
			for (unsigned i = 0; i < pp->n_integ; i++)
				if (pp->integ[i])
					bld_transform(b, pr, IKS_V2_XFT_INTEG, pp->integ[i]);
		if (proto == IKS_V2_PROTO_IKE) {
			for (unsigned i = 0; i < pp->n_dh; i++)
				bld_transform(b, pr, IKS_V2_XFT_KE, pp->dh[i]);
		} else {
			if (pfs)
				bld_transform(b, pr, IKS_V2_XFT_KE, pfs);
			if (!pp->n_esn)
				bld_transform(b, pr, IKS_V2_XFT_ESN, IKS_V2_ESN_NO);
			for (unsigned i = 0; i < pp->n_esn; i++)
				bld_transform(b, pr, IKS_V2_XFT_ESN, pp->esn[i]);
		}
	}
}

/* The single proposal of an answer's SA payload (parent as given). */
static bool v2_chosen(const struct iks_msg *m, int parent, struct iks_probe_combo *c,
		      uint8_t *spi, uint8_t *spi_len)
{
	int i = iks_msg_find(m, IKS_V2_PL_SA, parent);
	const struct iks_payload *sa;
	const struct iks_proposal *pr;

	memset(c, 0, sizeof *c);
	if (i < 0)
		return false;
	sa = &m->payloads[i];
	if (!sa->u.sa.prop_count)
		return false;
	pr = iks_sa_proposal(m, sa, 0);
	if (spi && spi_len) {
		size_t l = 0;

		*spi_len = pb_copy(pr->spi, spi, 8, &l) ? (uint8_t)l : 0;
	}
	for (unsigned k = 0; k < pr->xf_count; k++) {
		const struct iks_transform *t = iks_proposal_transform(m, pr, k);

		switch (t->type) {
		case IKS_V2_XFT_ENCR:
			c->encr = t->id;
			c->key_bits = t->key_length;
			break;
		case IKS_V2_XFT_PRF:
			c->prf = t->id;
			break;
		case IKS_V2_XFT_INTEG:
			c->integ = t->id;
			break;
		case IKS_V2_XFT_KE:
			c->dh = t->id;
			break;
		}
	}
	return c->encr != 0;
}

/* ------------------------------------------------------ IKE_SA_INIT */

struct v2init {
	uint8_t spi_i[8];
	uint16_t group;
	struct iks_kex *kex;
	uint8_t ke[IKS_CRYPTO_KEX_MAX];
	size_t ke_len;
	uint8_t ni[NONCE_LEN];
	uint8_t cookie[256];
	size_t cookie_len;
};

static int v2init_group(struct v2init *st, uint16_t group)
{
	iks_crypto_kex_free(st->kex);
	st->kex = NULL;
	st->group = group;
	if (iks_crypto_kex_new(&st->kex, group, NULL, 0) < 0)
		return IKS_ERR_UNSUPPORTED;
	return iks_crypto_kex_public(st->kex, st->ke, sizeof st->ke, &st->ke_len);
}

static int v2init_build(struct iks_probe *p, struct v2init *st, const struct pp *pps,
			unsigned npp, bool box, struct xchg *x)
{
	static const uint8_t zero[8];
	struct bld *b = bld_new(2, st->spi_i, zero, IKS_V2_EX_IKE_SA_INIT, IKS_V2_FLAG_I, 0);
	struct iks_payload *sa, *ke;
	uint8_t h[64];
	size_t hl = 0;
	unsigned num = 0;
	int rc;

	if (!b)
		return IKS_ERR_NOMEM;
	if (st->cookie_len)
		bld_notify(b, IKS_V2_N_COOKIE, 0, NULL, 0, st->cookie, st->cookie_len);
	sa = bld_add(b, IKS_V2_PL_SA);
	for (unsigned i = 0; sa && i < npp; i++)
		v2_props(b, sa, &pps[i], IKS_V2_PROTO_IKE, NULL, 0, box, 0, &num);
	ke = bld_add(b, IKS_V2_PL_KE);
	if (ke) {
		ke->u.ke.group = st->group;
		ke->u.ke.data.ptr = bld_keep(b, st->ke, st->ke_len);
		ke->u.ke.data.len = (uint32_t)st->ke_len;
	}
	bld_bytes(b, IKS_V2_PL_NONCE, st->ni, NONCE_LEN);
	/* RFC 7296 2.23 */
	probe_natd(0, st->spi_i, zero, &p->laddr, p->lport500, h, &hl);
	bld_notify(b, IKS_V2_N_NAT_DETECTION_SOURCE_IP, 0, NULL, 0, h, hl);
	probe_natd(0, st->spi_i, zero, &p->raddr, p->rport, h, &hl);
	bld_notify(b, IKS_V2_N_NAT_DETECTION_DESTINATION_IP, 0, NULL, 0, h, hl);
	rc = bld_encode(b, x->req, sizeof x->req, &x->req_len);
	bld_free(b);
	memcpy(x->spi_i, st->spi_i, 8);
	x->msgid = 0;
	x->version = 2;
	x->natt = false;
	return rc;
}

/* ------------------------------------------------------ discovery */

struct box {
	struct pp set;
	struct v2init st;
	unsigned tries;
	bool first;
	bool stalled;
};

static bool box_has(const struct pp *s, struct box *bx, bool v1)
{
	bool nonaead = false, aead = false, integ = false, none = false;

	(void)bx;
	for (unsigned i = 0; i < s->n_integ; i++) {
		if (s->integ[i])
			integ = true;
		else
			none = true;
	}
	for (unsigned i = 0; i < s->n_encr; i++) {
		if (pp_encr_aead(s->encr[i].id))
			aead = true;
		else
			nonaead = true;
	}
	if (!s->n_dh || (!v1 && !s->n_prf))
		return false;
	return (nonaead && integ) || (!v1 && aead && none);
}

/* The candidate set without combination c, as disjoint boxes. */
static unsigned split(const struct pp *s, const struct iks_probe_combo *c, struct pp out[4],
		      bool v1)
{
	unsigned n = 0;
	struct pp e1 = *s;

	/* 1. other ciphers, anything else */
	out[n] = *s;
	out[n].n_encr = 0;
	for (unsigned i = 0; i < s->n_encr; i++)
		if (s->encr[i].id != c->encr || s->encr[i].bits != c->key_bits)
			out[n].encr[out[n].n_encr++] = s->encr[i];
	n++;
	/* the cipher fixed */
	e1.n_encr = 1;
	e1.encr[0].id = c->encr;
	e1.encr[0].bits = c->key_bits;
	/* 2. other integrity */
	out[n] = e1;
	out[n].n_integ = 0;
	for (unsigned i = 0; i < s->n_integ; i++)
		if (s->integ[i] != c->integ)
			out[n].integ[out[n].n_integ++] = s->integ[i];
	n++;
	e1.n_integ = 1;
	e1.integ[0] = c->integ;
	/* 3. other prf (IKEv2 only) */
	if (!v1) {
		out[n] = e1;
		out[n].n_prf = 0;
		for (unsigned i = 0; i < s->n_prf; i++)
			if (s->prf[i] != c->prf)
				out[n].prf[out[n].n_prf++] = s->prf[i];
		n++;
		e1.n_prf = 1;
		e1.prf[0] = c->prf;
	}
	/* 4. other groups */
	out[n] = e1;
	out[n].n_dh = 0;
	for (unsigned i = 0; i < s->n_dh; i++)
		if (s->dh[i] != c->dh)
			out[n].dh[out[n].n_dh++] = s->dh[i];
	n++;
	return n;
}

static bool has_group(const struct pp *s, uint16_t g)
{
	for (unsigned i = 0; i < s->n_dh; i++)
		if (s->dh[i] == g)
			return true;
	return false;
}

static void add_combo(struct iks_probe_discovery *d, const struct iks_probe_combo *c,
		      bool v1)
{
	for (unsigned i = 0; i < d->n_combos; i++) {
		const struct iks_probe_combo *o = &d->combos[i];

		if (o->encr == c->encr && o->key_bits == c->key_bits && o->integ == c->integ &&
		    o->prf == c->prf && o->dh == c->dh && o->v1_auth == c->v1_auth)
			return;
	}
	if (d->n_combos >= IKS_PROBE_MAX_COMBOS)
		return;
	d->combos[d->n_combos] = *c;
	pp_combo_text(v1, c, d->combos[d->n_combos].text, sizeof c->text);
	d->n_combos++;
}

/* Drop groups we cannot compute a KE for (needed in IKE_SA_INIT). */
static void supported_groups_only(struct pp *s)
{
	unsigned n = 0;

	for (unsigned i = 0; i < s->n_dh; i++)
		if (iks_crypto_kex_supported(s->dh[i]))
			s->dh[n++] = s->dh[i];
	s->n_dh = (uint8_t)n;
}

static int candidate_set(struct iks_probe *p, struct pp *set)
{
	struct pp_list l;
	int rc;

	if (p->o.ike) {
		rc = pp_parse(p->o.ike, false, &l, NULL, 0);
		if (rc < 0)
			return rc;
		/* a list is swept as the union of its algorithms */
		*set = l.p[0];
		for (unsigned k = 1; k < l.n; k++) {
			for (unsigned i = 0; i < l.p[k].n_encr && set->n_encr < PP_MAX; i++) {
				bool dup = false;

				for (unsigned j = 0; j < set->n_encr; j++)
					dup |= set->encr[j].id == l.p[k].encr[i].id &&
					       set->encr[j].bits == l.p[k].encr[i].bits;
				if (!dup)
					set->encr[set->n_encr++] = l.p[k].encr[i];
			}
#define MERGE(f, nf)                                                              \
	for (unsigned i = 0; i < l.p[k].nf && set->nf < PP_MAX; i++) {           \
		bool dup = false;                                                 \
		for (unsigned j = 0; j < set->nf; j++)                            \
			dup |= set->f[j] == l.p[k].f[i];                          \
		if (!dup)                                                         \
			set->f[set->nf++] = l.p[k].f[i];                          \
	}
			MERGE(integ, n_integ)
			MERGE(prf, n_prf)
			MERGE(dh, n_dh)
#undef MERGE
		}
		return IKS_OK;
	}
	return pp_preset(p->o.preset ? p->o.preset : "all", set, NULL, 0);
}

int probe_discover_v2(struct iks_probe *p)
{
	struct iks_probe_discovery *d = &p->disc[p->n_disc++];
	struct box *q;
	size_t nq = 0, capq = 512;
	bool first_done = false;
	int rc;

	memset(d, 0, sizeof *d);
	d->version = 2;
	d->tried = true;
	d->preferred = -1;
	q = calloc(capq, sizeof *q);
	if (!q)
		return IKS_ERR_NOMEM;
	rc = candidate_set(p, &q[0].set);
	if (rc < 0) {
		free(q);
		return rc;
	}
	supported_groups_only(&q[0].set);
	/* AEAD ciphers are offered without integrity: "none" is a member */
	if (q[0].set.n_integ < PP_MAX)
		q[0].set.integ[q[0].set.n_integ++] = 0;
	q[0].first = true;
	d->candidates = q[0].set.n_encr * q[0].set.n_integ * q[0].set.n_prf * q[0].set.n_dh;
	nq = 1;
	while (nq && !p->cut) {
		size_t nb = nq < 2 * p->o.inflight ? nq : 2 * p->o.inflight;
		struct box *batch = calloc(nb, sizeof *batch);
		struct xchg *xs = calloc(nb, sizeof *xs);
		struct xchg **xp = calloc(nb, sizeof *xp);

		if (!batch || !xs || !xp) {
			free(batch);
			free(xs);
			free(xp);
			free(q);
			return IKS_ERR_NOMEM;
		}
		/* the first box alone: it tells the preference and whether
		 * anybody answers at all */
		if (!first_done)
			nb = 1;
		nb = probe_pace(p, (unsigned)nb);
		memcpy(batch, q + nq - nb, nb * sizeof *batch);
		nq -= nb;
		for (size_t i = 0; i < nb; i++) {
			struct box *bx = &batch[i];
			uint16_t g = bx->st.group;

			if (!bx->st.kex) {
				probe_spi(bx->st.spi_i);
				iks_crypto_random(bx->st.ni, NONCE_LEN);
				/* a group already seen accepted is the best guess */
				g = bx->set.dh[0];
				for (unsigned c = 0; c < d->n_combos; c++)
					if (has_group(&bx->set, d->combos[c].dh)) {
						g = d->combos[c].dh;
						break;
					}
				if (v2init_group(&bx->st, g) < 0)
					continue;
			}
			v2init_build(p, &bx->st, &bx->set, 1, true, &xs[i]);
			xp[i] = &xs[i];
			d->exchanges++;
		}
		{
			/* only the requests that were built */
			struct xchg **live = calloc(nb ? nb : 1, sizeof *live);
			size_t nl = 0;

			for (size_t i = 0; live && i < nb; i++)
				if (xp[i])
					live[nl++] = xp[i];
			if (live)
				probe_transact(p, live, nl);
			free(live);
		}
		for (size_t i = 0; i < nb; i++) {
			struct box *bx = &batch[i];
			struct rmsg *r;
			struct iks_probe_combo c;
			int ni;

			if (!xp[i])
				continue;
			if (!xs[i].answered) {
				if (bx->first) {
					/* nobody answers: stop here */
					if (!p->cut)
						d->unanswered++;
					iks_crypto_kex_free(bx->st.kex);
					nq = 0;
					continue;
				}
				/* answered before, silent now: a half-open limit?
				 * once more after the gateway's timeout */
				if (!p->cut && !bx->stalled && nq < capq) {
					bx->stalled = true;
					probe_pace_stall(p);
					q[nq++] = *bx;
					continue;
				}
				if (!p->cut)
					d->unanswered++;
				iks_crypto_kex_free(bx->st.kex);
				continue;
			}
			d->answered = true;
			r = rmsg_decode(xs[i].resp, xs[i].resp_len);
			if (!r) {
				iks_crypto_kex_free(bx->st.kex);
				continue;
			}
			probe_collect_vids(d, &r->m);
			if ((ni = rmsg_notify(&r->m, IKS_V2_N_COOKIE, -1)) >= 0 && bx->tries < 3) {
				const struct iks_payload *n = &r->m.payloads[ni];

				if (!pb_copy(n->u.notify.data, bx->st.cookie, sizeof bx->st.cookie,
					     &bx->st.cookie_len))
					bx->st.cookie_len = 0;
				bx->tries++;
				d->cookies++;
				if (nq < capq)
					q[nq++] = *bx;
				free(r);
				continue;
			}
			if ((ni = rmsg_notify(&r->m, IKS_V2_N_INVALID_KE_PAYLOAD, -1)) >= 0 &&
			    bx->tries < 3) {
				const struct iks_payload *n = &r->m.payloads[ni];
				uint16_t g = pb_be16(n->u.notify.data);

				if (g && has_group(&bx->set, g) && v2init_group(&bx->st, g) == 0) {
					bx->tries++;
					d->retries_ke++;
					if (nq < capq)
						q[nq++] = *bx;
					free(r);
					continue;
				}
			}
			if (v2_chosen(&r->m, -1, &c, NULL, NULL)) {
				struct pp parts[4];
				unsigned np = split(&bx->set, &c, parts, false);

				probe_pace_opened(p);
				add_combo(d, &c, false);
				if (bx->first)
					d->preferred = (int)d->n_combos - 1;
				for (unsigned k = 0; k < np; k++) {
					if (!box_has(&parts[k], NULL, false) || nq >= capq)
						continue;
					memset(&q[nq], 0, sizeof q[nq]);
					q[nq++].set = parts[k];
				}
			} else if (!d->refusal) {
				d->refusal = rmsg_error(&r->m, -1);
			}
			iks_crypto_kex_free(bx->st.kex);
			free(r);
		}
		first_done = true;
		free(batch);
		free(xs);
		free(xp);
	}
	for (size_t i = 0; i < nq; i++)
		iks_crypto_kex_free(q[i].st.kex);
	d->complete = !p->cut && nq == 0 && d->answered;
	d->port_unreachable = !d->answered && p->refused;
	free(q);
	return IKS_OK;
}

/* ------------------------------------------------------ negotiation */

struct v2sa {
	struct v2init st;
	uint8_t spi_r[8];
	uint8_t init_req[8192], init_resp[8192];
	size_t init_req_len, init_resp_len;
	uint8_t nr[256];
	size_t nr_len;
	struct iks_v2_sa_keys keys;
	struct iks_probe_combo ike;
	bool natt;
	uint32_t msgid;
};

/* Build an encrypted request: inner payloads of b (a version-2 builder
 * used only for its payloads). */
static int v2_seal(struct iks_probe *p, struct v2sa *sa, uint8_t exchange, struct bld *inner,
		   struct xchg *x, char *errbuf, size_t errlen)
{
	uint8_t plain[8192], first = 0;
	size_t plen = 0;
	int rc = bld_encode_body(inner, plain, sizeof plain, &plen, &first);

	if (rc < 0)
		return rc;
	memset(x->req, 0, IKS_IKE_HDR_LEN);
	memcpy(x->req, sa->st.spi_i, 8);
	memcpy(x->req + 8, sa->spi_r, 8);
	x->req[16] = IKS_V2_PL_SK;
	x->req[17] = 0x20;
	x->req[18] = exchange;
	x->req[19] = IKS_V2_FLAG_I;
	x->req[20] = (uint8_t)(sa->msgid >> 24);
	x->req[21] = (uint8_t)(sa->msgid >> 16);
	x->req[22] = (uint8_t)(sa->msgid >> 8);
	x->req[23] = (uint8_t)sa->msgid;
	rc = iks_crypto_v2_encrypt(&sa->keys.k, true, x->req, sizeof x->req, IKS_IKE_HDR_LEN,
				   first, plain, plen, &x->req_len, errbuf, errlen);
	iks_crypto_wipe(plain, sizeof plain);
	memcpy(x->spi_i, sa->st.spi_i, 8);
	x->msgid = sa->msgid;
	x->version = 2;
	x->natt = sa->natt;
	(void)p;
	return rc;
}

/* Decrypt an answer in place: its inner payloads are appended to r->m.
 * Returns the SK payload's index or a negative error. */
static int v2_open(struct v2sa *sa, struct rmsg *r)
{
	int sk = iks_msg_find(&r->m, IKS_V2_PL_SK, -1);
	const struct iks_payload *p;
	int rc;

	if (sk < 0)
		return IKS_ERR_NOKEY;
	p = &r->m.payloads[sk];
	rc = iks_crypto_v2_decrypt(&sa->keys.k, false, r->data, r->len, p->offset, p->length,
				   false, r->plain, sizeof r->plain, &r->plain_len, NULL, 0);
	if (rc < 0)
		return rc;
	rc = iks_ike_decode_inner(&r->m, sk, r->plain, r->plain_len, p->next);
	return rc < 0 ? rc : sk;
}

static void add_ts(struct bld *b, uint16_t type, const struct cidr *c)
{
	struct iks_payload *ts = bld_add(b, type);
	struct iks_selector *s;
	struct iks_msg *m = b->m;
	size_t al = c->family == 6 ? 16 : 4;

	if (!ts || m->n_selectors >= IKS_MAX_SELECTORS)
		return;
	ts->u.ts.count = 1;
	ts->u.ts.sel_first = m->n_selectors;
	ts->u.ts.sel_count = 1;
	s = &m->selectors[m->n_selectors++];
	memset(s, 0, sizeof *s);
	s->type = c->family == 6 ? IKS_V2_TS_IPV6_ADDR_RANGE : IKS_V2_TS_IPV4_ADDR_RANGE;
	s->ip_proto = 0;
	s->start_port = 0;
	s->end_port = 65535;
	s->addr_len = (uint8_t)al;
	memcpy(s->start, c->start, al);
	memcpy(s->end, c->end, al);
	s->raw.ptr = s->start;
	s->raw.len = (uint32_t)(2 * al);
}

static void v2_esp_props(struct bld *b, struct iks_payload *sa, const struct pp_list *esp,
			 const uint8_t spi[4], uint16_t pfs)
{
	unsigned num = 0;

	for (unsigned i = 0; i < esp->n; i++)
		v2_props(b, sa, &esp->p[i], IKS_V2_PROTO_ESP, spi, 4, false, pfs, &num);
}

static void chosen_text(const struct iks_probe_combo *c, bool esp, char *buf, size_t len)
{
	char e[32], i[32], f[32], d[32];

	pp_kw(IKS_V2_XFT_ENCR, c->encr, c->key_bits, e, sizeof e);
	pp_kw(IKS_V2_XFT_INTEG, c->integ, 0, i, sizeof i);
	pp_kw(IKS_V2_XFT_PRF, c->prf, 0, f, sizeof f);
	pp_kw(IKS_V2_XFT_KE, c->dh, 0, d, sizeof d);
	snprintf(buf, len, "%s%s%s%s%s%s%s", e, c->integ ? "-" : "", c->integ ? i : "",
		 esp ? "" : "-", esp ? "" : f, c->dh ? "-" : "", c->dh ? d : "");
}

/* Every group the probe can compute, for the follow-up offer. */
static const uint16_t all_groups[] = { 14, 15, 16, 17, 18, 19, 20, 21, 31, 32, 28, 29, 30,
				       5, 2, 1, 22, 23, 24 };

/*
 * After NO_PROPOSAL_CHOSEN: offer the same algorithms with every group.
 * An answer that accepts (or asks for another KE with INVALID_KE_PAYLOAD)
 * names the group the responder wants: the DH group was the only
 * disagreement.  The exchange is auxiliary (not reported) and left
 * half-open like a discovery one.
 */
static void v2_group_followup(struct iks_probe *p, const struct pp_list *ike)
{
	struct pp alt[8];
	struct v2init st;
	struct xchg *x = calloc(1, sizeof *x);
	struct rmsg *r = NULL;
	struct iks_probe_combo c;
	unsigned n = ike->n;
	int ni;

	if (!x || p->cut || p->n_aux >= 4)
		goto out;
	memset(&st, 0, sizeof st);
	for (unsigned k = 0; k < n; k++) {
		alt[k] = ike->p[k];
		alt[k].n_dh = 0;
		for (size_t g = 0; g < sizeof all_groups / sizeof all_groups[0]; g++)
			alt[k].dh[alt[k].n_dh++] = all_groups[g];
	}
	probe_spi(st.spi_i);
	memcpy(p->aux_spi[p->n_aux++], st.spi_i, 8);
	iks_crypto_random(st.ni, NONCE_LEN);
	if (v2init_group(&st, ike->p[0].dh[0]) < 0)
		goto out;
	for (int tries = 0; tries < 3; tries++) {
		v2init_build(p, &st, alt, n, false, x);
		probe_transact(p, &x, 1);
		free(r);
		r = NULL;
		if (!x->answered || !(r = rmsg_decode(x->resp, x->resp_len)))
			goto out;
		ni = rmsg_notify(&r->m, IKS_V2_N_COOKIE, -1);
		if (ni < 0 || !pb_copy(r->m.payloads[ni].u.notify.data, st.cookie, sizeof st.cookie,
				       &st.cookie_len))
			break;
	}
	if ((ni = rmsg_notify(&r->m, IKS_V2_N_INVALID_KE_PAYLOAD, -1)) >= 0 &&
	    pb_be16(r->m.payloads[ni].u.notify.data))
		p->out.dh_wanted = pb_be16(r->m.payloads[ni].u.notify.data);
	else if (v2_chosen(&r->m, -1, &c, NULL, NULL))
		p->out.dh_wanted = c.dh;
	if (p->out.dh_wanted) {
		char g[32];

		pp_kw(IKS_V2_XFT_KE, p->out.dh_wanted, 0, g, sizeof g);
		snprintf(p->out.note, sizeof p->out.note,
			 "IKE_SA_INIT refused (NO_PROPOSAL_CHOSEN); the responder accepts the "
			 "algorithms only with DH group %s", g);
	}
out:
	iks_crypto_kex_free(st.kex);
	free(r);
	free(x);
}

int probe_negotiate_v2(struct iks_probe *p, char *errbuf, size_t errlen)
{
	struct iks_probe_outcome *o = &p->out;
	struct pp_list ike, esp;
	struct v2sa *sa = calloc(1, sizeof *sa);
	struct xchg *x = calloc(1, sizeof *x);
	struct rmsg *r = NULL;
	struct cidr lts, rts;
	uint8_t gir[IKS_CRYPTO_KEX_MAX], my_spi[4];
	size_t gl = 0;
	int rc = IKS_OK, sk;
	unsigned tries = 0;

	if (!sa || !x) {
		free(sa);
		free(x);
		return IKS_ERR_NOMEM;
	}
	rc = pp_parse(p->o.ike ? p->o.ike :
		      "aes128-aes192-aes256-sha256-sha384-sha512-ecp256-ecp384-ecp521-"
		      "x25519-modp2048-modp3072-modp4096,aes128gcm16-aes256gcm16-"
		      "chacha20poly1305-prfsha256-prfsha384-prfsha512-ecp256-ecp384-ecp521-"
		      "x25519-modp2048-modp3072-modp4096",
		      false, &ike, errbuf, errlen);
	if (rc == IKS_OK)
		rc = pp_parse(p->o.esp ? p->o.esp :
			      "aes128-aes192-aes256-sha256-sha384-sha512,"
			      "aes128gcm16-aes256gcm16-chacha20poly1305", true,
			      &esp, errbuf, errlen);
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
	probe_spi(sa->st.spi_i);
	iks_crypto_random(sa->st.ni, NONCE_LEN);
	if (v2init_group(&sa->st, ike.p[0].dh[0]) < 0) {
		iks_errf(errbuf, errlen, "cannot do key exchange %u", ike.p[0].dh[0]);
		rc = IKS_ERR_UNSUPPORTED;
		goto out;
	}

	/* IKE_SA_INIT, answering COOKIE and INVALID_KE_PAYLOAD */
	for (;;) {
		int ni;

		v2init_build(p, &sa->st, ike.p, ike.n, false, x);
		probe_transact(p, &x, 1);
		if (!x->answered) {
			snprintf(o->note, sizeof o->note, "no answer to IKE_SA_INIT%s",
				 p->refused ? " (ICMP port unreachable: nothing listens there)" : "");
			goto done;
		}
		o->answered = true;
		free(r);
		r = rmsg_decode(x->resp, x->resp_len);
		if (!r) {
			snprintf(o->note, sizeof o->note, "undecodable answer to IKE_SA_INIT");
			goto done;
		}
		if (tries++ >= 3)
			break;
		if ((ni = rmsg_notify(&r->m, IKS_V2_N_COOKIE, -1)) >= 0) {
			const struct iks_payload *n = &r->m.payloads[ni];

			if (!pb_copy(n->u.notify.data, sa->st.cookie, sizeof sa->st.cookie,
				     &sa->st.cookie_len))
				sa->st.cookie_len = 0;
			continue;
		}
		if ((ni = rmsg_notify(&r->m, IKS_V2_N_INVALID_KE_PAYLOAD, -1)) >= 0) {
			const struct iks_payload *n = &r->m.payloads[ni];
			uint16_t g = pb_be16(n->u.notify.data);
			bool ours = false;

			for (unsigned k = 0; k < ike.n; k++)
				ours |= has_group(&ike.p[k], g);
			if (ours && v2init_group(&sa->st, g) == 0)
				continue;
			o->error_notify = IKS_V2_N_INVALID_KE_PAYLOAD;
			snprintf(o->note, sizeof o->note,
				 "the responder wants key exchange group %u, not in our proposals", g);
			goto done;
		}
		break;
	}
	if (!v2_chosen(&r->m, -1, &sa->ike, NULL, NULL)) {
		o->error_notify = rmsg_error(&r->m, -1);
		snprintf(o->note, sizeof o->note, "IKE_SA_INIT refused (%s)",
			 o->error_notify ? iks_name(IKS_TAB_V2_NOTIFY, o->error_notify) : "no SA");
		if (o->error_notify == IKS_V2_N_NO_PROPOSAL_CHOSEN)
			v2_group_followup(p, &ike);
		goto done;
	}
	chosen_text(&sa->ike, false, o->chosen_ike, sizeof o->chosen_ike);
	memcpy(sa->spi_r, r->m.hdr.rspi, 8);
	memcpy(sa->init_req, x->req, x->req_len);
	sa->init_req_len = x->req_len;
	memcpy(sa->init_resp, x->resp, x->resp_len);
	sa->init_resp_len = x->resp_len;
	{
		int ke = iks_msg_find(&r->m, IKS_V2_PL_KE, -1);
		int nn = iks_msg_find(&r->m, IKS_V2_PL_NONCE, -1);

		uint8_t gr[IKS_CRYPTO_KEX_MAX];
		size_t grl = 0;

		if (ke < 0 || nn < 0 ||
		    !pb_copy(r->m.payloads[nn].body, sa->nr, sizeof sa->nr, &sa->nr_len) ||
		    !pb_copy(r->m.payloads[ke].u.ke.data, gr, sizeof gr, &grl)) {
			snprintf(o->note, sizeof o->note, "IKE_SA_INIT answer without KE or nonce");
			goto done;
		}
		rc = iks_crypto_kex_shared(sa->st.kex, gr, grl, gir, sizeof gir, &gl,
					   o->note, sizeof o->note);
		if (rc < 0) {
			rc = IKS_OK;
			goto done;
		}
	}
	rc = iks_crypto_v2_derive(&sa->keys, sa->ike.prf, sa->ike.encr, sa->ike.key_bits,
				  sa->ike.integ, sa->st.ni, NONCE_LEN, sa->nr, sa->nr_len, gir, gl,
				  sa->st.spi_i, sa->spi_r, o->note, sizeof o->note);
	iks_crypto_wipe(gir, sizeof gir);
	if (rc < 0) {
		rc = IKS_OK;
		goto done;
	}
	iks_keytab_add_v2(&p->keys, &sa->keys.k, NULL, 0);
	/* NAT detection (RFC 7296 2.23): move to 4500 when a hash differs */
	{
		uint8_t h[64];
		size_t hl = 0;
		int s = rmsg_notify(&r->m, IKS_V2_N_NAT_DETECTION_SOURCE_IP, -1);
		int dd = rmsg_notify(&r->m, IKS_V2_N_NAT_DETECTION_DESTINATION_IP, -1);

		if (s >= 0 && dd >= 0) {
			probe_natd(0, sa->st.spi_i, sa->spi_r, &p->raddr, p->rport, h, &hl);
			if (!pb_equal(r->m.payloads[s].u.notify.data, h, hl))
				sa->natt = true;
			probe_natd(0, sa->st.spi_i, sa->spi_r, &p->laddr, p->lport500, h, &hl);
			if (!pb_equal(r->m.payloads[dd].u.notify.data, h, hl))
				sa->natt = true;
		}
		if (sa->natt && (p->rport != IKS_PORT_IKE || probe_net_open4500(p) < 0))
			sa->natt = false;
		o->floated = sa->natt;
	}

	/* IKE_AUTH: IDi [IDr] AUTH SA TSi TSr */
	{
		struct bld *b = bld_new(2, sa->st.spi_i, sa->spi_r, 0, 0, 0);
		struct iks_payload *pl;
		uint8_t idd[256], idbody[260], auth[64];
		size_t idl = 0, al = 0;
		uint8_t idt = 0;

		if (!b) {
			rc = IKS_ERR_NOMEM;
			goto out;
		}
		if (probe_identity(p->o.id, &p->laddr, &idt, idd, sizeof idd, &idl) < 0) {
			bld_free(b);
			iks_errf(errbuf, errlen, "bad --id");
			rc = IKS_ERR_USAGE;
			goto out;
		}
		pl = bld_add(b, IKS_V2_PL_IDI);
		pl->u.id.id_type = idt;
		pl->u.id.data.ptr = bld_keep(b, idd, idl);
		pl->u.id.data.len = (uint32_t)idl;
		idbody[0] = idt;
		memset(idbody + 1, 0, 3);
		memcpy(idbody + 4, idd, idl);
		if (p->o.remote_id) {
			uint8_t rid[256], rt = 0;
			size_t rl = 0;

			if (probe_identity(p->o.remote_id, &p->raddr, &rt, rid, sizeof rid, &rl) == 0) {
				pl = bld_add(b, IKS_V2_PL_IDR);
				pl->u.id.id_type = rt;
				pl->u.id.data.ptr = bld_keep(b, rid, rl);
				pl->u.id.data.len = (uint32_t)rl;
			}
		}
		iks_crypto_v2_auth_psk(sa->ike.prf, p->o.psk, p->o.psk_len, sa->keys.sk_pi,
				       sa->keys.prf_len, sa->init_req, sa->init_req_len, sa->nr,
				       sa->nr_len, idbody, idl + 4, auth, sizeof auth, &al);
		pl = bld_add(b, IKS_V2_PL_AUTH);
		pl->u.auth.method = IKS_V2_AUTH_PSK;
		pl->u.auth.data.ptr = bld_keep(b, auth, al);
		pl->u.auth.data.len = (uint32_t)al;
		iks_crypto_random(my_spi, 4);
		pl = bld_add(b, IKS_V2_PL_SA);
		v2_esp_props(b, pl, &esp, my_spi, 0);
		add_ts(b, IKS_V2_PL_TSI, &lts);
		add_ts(b, IKS_V2_PL_TSR, &rts);
		sa->msgid = 1;
		rc = v2_seal(p, sa, IKS_V2_EX_IKE_AUTH, b, x, errbuf, errlen);
		bld_free(b);
		iks_crypto_wipe(auth, sizeof auth);
		if (rc < 0)
			goto out;
	}
	probe_transact(p, &x, 1);
	if (!x->answered) {
		snprintf(o->note, sizeof o->note, "no answer to IKE_AUTH");
		goto done;
	}
	free(r);
	r = rmsg_decode(x->resp, x->resp_len);
	if (!r || (sk = v2_open(sa, r)) < 0) {
		snprintf(o->note, sizeof o->note, "IKE_AUTH answer does not decrypt");
		goto done;
	}
	{
		int ai = iks_msg_find(&r->m, IKS_V2_PL_AUTH, sk);
		int ri = iks_msg_find(&r->m, IKS_V2_PL_IDR, sk);
		struct iks_probe_combo c;

		o->error_notify = rmsg_error(&r->m, sk);
		if (ai < 0 || ri < 0) {
			snprintf(o->note, sizeof o->note, "IKE_AUTH refused (%s)",
				 o->error_notify ? iks_name(IKS_TAB_V2_NOTIFY, o->error_notify) :
						   "no AUTH");
			goto done;
		}
		o->ike_established = true;
		{
			uint8_t want[64], idr[260];
			size_t wl = 0, il = 0;
			const struct iks_payload *ap = &r->m.payloads[ai], *rp = &r->m.payloads[ri];

			if (pb_copy(rp->body, idr, sizeof idr, &il))
				iks_crypto_v2_auth_psk(sa->ike.prf, p->o.psk, p->o.psk_len,
						       sa->keys.sk_pr, sa->keys.prf_len, sa->init_resp,
						       sa->init_resp_len, sa->st.ni, NONCE_LEN, idr, il,
						       want, sizeof want, &wl);
			o->responder_auth_ok = ap->u.auth.method == IKS_V2_AUTH_PSK && wl &&
					       pb_equal(ap->u.auth.data, want, wl);
		}
		if (v2_chosen(&r->m, sk, &c, NULL, NULL)) {
			o->child_established = true;
			chosen_text(&c, true, o->chosen_esp, sizeof o->chosen_esp);
			snprintf(o->note, sizeof o->note, "IKE SA and CHILD_SA established");
		} else {
			snprintf(o->note, sizeof o->note, "IKE SA established, CHILD_SA refused (%s)",
				 o->error_notify ? iks_name(IKS_TAB_V2_NOTIFY, o->error_notify) :
						   "no SA");
		}
	}

	/* PFS: a second CHILD_SA with a KE payload (RFC 7296 1.3.1) */
	if (p->o.pfs_group && o->child_established && !p->cut) {
		struct bld *b = bld_new(2, sa->st.spi_i, sa->spi_r, 0, 0, 0);
		struct iks_kex *kx = NULL;
		uint8_t ke[IKS_CRYPTO_KEX_MAX], n2[NONCE_LEN], spi2[4];
		size_t kl = 0;
		struct iks_payload *pl;
		struct iks_probe_combo c;

		if (!b || iks_crypto_kex_new(&kx, p->o.pfs_group, NULL, 0) < 0 ||
		    iks_crypto_kex_public(kx, ke, sizeof ke, &kl) < 0) {
			bld_free(b);
			iks_crypto_kex_free(kx);
			iks_errf(errbuf, errlen, "cannot do PFS group %u", p->o.pfs_group);
			rc = IKS_ERR_UNSUPPORTED;
			goto delete;
		}
		iks_crypto_random(spi2, 4);
		iks_crypto_random(n2, sizeof n2);
		pl = bld_add(b, IKS_V2_PL_SA);
		v2_esp_props(b, pl, &esp, spi2, p->o.pfs_group);
		bld_bytes(b, IKS_V2_PL_NONCE, n2, sizeof n2);
		pl = bld_add(b, IKS_V2_PL_KE);
		pl->u.ke.group = p->o.pfs_group;
		pl->u.ke.data.ptr = bld_keep(b, ke, kl);
		pl->u.ke.data.len = (uint32_t)kl;
		add_ts(b, IKS_V2_PL_TSI, &lts);
		add_ts(b, IKS_V2_PL_TSR, &rts);
		sa->msgid = 2;
		rc = v2_seal(p, sa, IKS_V2_EX_CREATE_CHILD_SA, b, x, errbuf, errlen);
		bld_free(b);
		iks_crypto_kex_free(kx);
		if (rc < 0)
			goto out;
		o->pfs_tested = true;
		probe_transact(p, &x, 1);
		if (x->answered) {
			free(r);
			r = rmsg_decode(x->resp, x->resp_len);
			if (r && (sk = v2_open(sa, r)) >= 0) {
				if (v2_chosen(&r->m, sk, &c, NULL, NULL) &&
				    iks_msg_find(&r->m, IKS_V2_PL_KE, sk) >= 0) {
					o->pfs_established = true;
					snprintf(o->note, sizeof o->note,
						 "IKE SA and CHILD_SA established, PFS CHILD_SA too");
				} else {
					o->error_notify = rmsg_error(&r->m, sk);
					snprintf(o->note, sizeof o->note,
						 "IKE SA and CHILD_SA established; the CHILD_SA "
						 "with PFS was refused (%s)",
						 o->error_notify ?
						 iks_name(IKS_TAB_V2_NOTIFY, o->error_notify) : "no SA");
				}
			}
		}
	}

delete:
	/* INFORMATIONAL Delete of the IKE SA (its CHILD_SAs go with it) */
	if (o->ike_established && !p->cut) {
		struct bld *b = bld_new(2, sa->st.spi_i, sa->spi_r, 0, 0, 0);
		struct iks_payload *pl = b ? bld_add(b, IKS_V2_PL_D) : NULL;
		int rc2;

		if (pl) {
			pl->u.del.protocol = IKS_V2_PROTO_IKE;
			sa->msgid++;
			rc2 = v2_seal(p, sa, IKS_V2_EX_INFORMATIONAL, b, x, NULL, 0);
			if (rc2 == IKS_OK) {
				probe_transact(p, &x, 1);
				o->deleted = x->answered;
			}
		}
		bld_free(b);
	}
done:
	probe_linger(p, 200);
out:
	iks_crypto_kex_free(sa->st.kex);
	iks_crypto_wipe(sa, sizeof *sa);
	free(sa);
	free(x);
	free(r);
	return rc;
}
