/*
 * From decoded messages to the plain summaries of track.h: which payloads
 * and notifications a message carried, the proposals of an SA payload in
 * administrator terms, and traffic selectors.
 */
#include <string.h>

#include "ikescope/consts.h"
#include "track/track_int.h"

/* RFC 2409 Appendix A: phase 1 SA attribute types */
/* RFC 2407 4.5: IPsec DOI SA attribute types */
/* RFC 7296 3.3.2 transform types */
/* RFC 2407 4.6.2.1 identification types used as Quick Mode selectors */

static uint32_t v1_kind(const struct iks_msg *m, unsigned type)
{
	switch (type) {
	case IKS_V1_PL_SA: return IKS_PK_SA;
	case IKS_V1_PL_KE: return IKS_PK_KE;
	case IKS_V1_PL_NONCE: return IKS_PK_NONCE;
	case IKS_V1_PL_ID:
		return m->hdr.exchange == IKS_V1_EX_QUICK ? IKS_PK_TS : IKS_PK_ID;
	case IKS_V1_PL_CERT: return IKS_PK_CERT;
	case IKS_V1_PL_CR: return IKS_PK_CERTREQ;
	case IKS_V1_PL_HASH:
	case IKS_V1_PL_SIG: return IKS_PK_AUTH;
	case IKS_V1_PL_N: return IKS_PK_NOTIFY;
	case IKS_V1_PL_D: return IKS_PK_DELETE;
	case IKS_V1_PL_VID: return IKS_PK_VID;
	case IKS_V1_PL_NATD:
	case IKS_V1_PL_NATD_DRAFT: return IKS_PK_NATD;
	case IKS_V1_PL_ATTR: return IKS_PK_CP;
	case IKS_V1_PL_FRAG: return IKS_PK_FRAG;
	case IKS_V1_PL_ENCRYPTED: return IKS_PK_SK;
	default: return 0;
	}
}

static uint32_t v2_kind(unsigned type)
{
	switch (type) {
	case IKS_V2_PL_SA: return IKS_PK_SA;
	case IKS_V2_PL_KE: return IKS_PK_KE;
	case IKS_V2_PL_NONCE: return IKS_PK_NONCE;
	case IKS_V2_PL_IDI:
	case IKS_V2_PL_IDR: return IKS_PK_ID;
	case IKS_V2_PL_CERT: return IKS_PK_CERT;
	case IKS_V2_PL_CERTREQ: return IKS_PK_CERTREQ;
	case IKS_V2_PL_AUTH: return IKS_PK_AUTH;
	case IKS_V2_PL_N: return IKS_PK_NOTIFY;
	case IKS_V2_PL_D: return IKS_PK_DELETE;
	case IKS_V2_PL_V: return IKS_PK_VID;
	case IKS_V2_PL_TSI:
	case IKS_V2_PL_TSR: return IKS_PK_TS;
	case IKS_V2_PL_CP: return IKS_PK_CP;
	case IKS_V2_PL_EAP: return IKS_PK_EAP;
	case IKS_V2_PL_SK: return IKS_PK_SK;
	case IKS_V2_PL_SKF: return IKS_PK_SK | IKS_PK_FRAG;
	default: return 0;
	}
}

static bool is_notify(const struct iks_msg *m, const struct iks_payload *p)
{
	return p->type == (m->version == 1 ? IKS_V1_PL_N : IKS_V2_PL_N);
}

void iks_track_summarize(const struct iks_msg *m, struct iks_nmsg *nm)
{
	nm->n_notify = 0;
	nm->payloads = 0;
	nm->ke_group = 0;
	nm->ke_len = 0;
	nm->auth_method = 0;
	nm->first_payload = m->hdr.next_payload;
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		nm->payloads |= m->version == 1 ? v1_kind(m, p->type) : v2_kind(p->type);
		if (p->parent >= 0 && i == (unsigned)p->parent + 1)
			nm->first_payload = p->type;
		if (is_notify(m, p) && nm->n_notify < IKS_MSG_MAX_NOTIFY)
			nm->notify[nm->n_notify++] = p->u.notify.type;
		if (p->type == (m->version == 1 ? IKS_V1_PL_KE : IKS_V2_PL_KE)) {
			nm->ke_group = p->u.ke.group;
			nm->ke_len = (uint16_t)p->u.ke.data.len;
		}
		if (m->version == 2 && p->type == IKS_V2_PL_AUTH)
			nm->auth_method = p->u.auth.method;
	}
}

int iks_track_find(const struct iks_msg *m, unsigned type)
{
	return iks_msg_find(m, type, -2);
}

static void add_alg16(uint16_t *arr, uint8_t *n, uint16_t v)
{
	for (unsigned i = 0; i < *n; i++)
		if (arr[i] == v)
			return;
	if (*n < IKS_PROP_MAX_ALGS)
		arr[(*n)++] = v;
}

static void add_encr(struct iks_prop *p, uint16_t id, uint16_t key_length)
{
	for (unsigned i = 0; i < p->n_encr; i++)
		if (p->encr[i].id == id && p->encr[i].key_length == key_length)
			return;
	if (p->n_encr < IKS_PROP_MAX_ALGS) {
		p->encr[p->n_encr].id = id;
		p->encr[p->n_encr].key_length = key_length;
		p->n_encr++;
	}
}

static void prop_header(const struct iks_msg *m, const struct iks_proposal *pr,
			struct iks_prop *p)
{
	memset(p, 0, sizeof *p);
	p->version = m->version;
	p->protocol = pr->protocol;
	p->number = pr->number;
	p->spi_len = (uint8_t)(pr->spi.len <= sizeof p->spi ? pr->spi.len : 0);
	if (p->spi_len)
		memcpy(p->spi, pr->spi.ptr, p->spi_len);
}

/* IKEv2: one proposal, its transforms grouped by type (RFC 7296 3.3). */
static void v2_prop(const struct iks_msg *m, const struct iks_proposal *pr,
		    struct iks_prop *p)
{
	prop_header(m, pr, p);
	for (unsigned i = 0; i < pr->xf_count; i++) {
		const struct iks_transform *t = iks_proposal_transform(m, pr, i);

		switch (t->type) {
		case IKS_V2_XFT_ENCR: add_encr(p, t->id, t->key_length); break;
		case IKS_V2_XFT_PRF: add_alg16(p->prf, &p->n_prf, t->id); break;
		case IKS_V2_XFT_INTEG: add_alg16(p->integ, &p->n_integ, t->id); break;
		case IKS_V2_XFT_KE: add_alg16(p->dh, &p->n_dh, t->id); break;
		case IKS_V2_XFT_ESN:
			if (p->n_esn < 2)
				p->esn[p->n_esn++] = t->id;
			break;
		default: break;
		}
	}
}

/* IKEv1: each transform is one alternative, described by attributes
 * (RFC 2409 Appendix A for ISAKMP, RFC 2407 4.5 for ESP/AH). */
static void v1_transform_prop(const struct iks_msg *m, const struct iks_proposal *pr,
			      const struct iks_transform *t, struct iks_prop *p)
{
	bool isakmp = pr->protocol == IKS_V1_PROTO_ISAKMP;
	uint32_t life_type = 0;

	prop_header(m, pr, p);
	p->number = t->number;
	if (!isakmp) {
		if (pr->protocol == IKS_V1_PROTO_IPSEC_AH)
			add_alg16(p->integ, &p->n_integ, t->id);
		else
			add_encr(p, t->id, t->key_length);
	}
	for (unsigned i = 0; i < t->attr_count; i++) {
		const struct iks_attr *a = &m->attrs[t->attr_first + i];
		uint16_t v = (uint16_t)a->value;

		if (isakmp) {
			switch (a->type) {
			case IKS_V1_ATTR_ENCRYPTION_ALGORITHM: add_encr(p, v, t->key_length); break;
			case IKS_V1_ATTR_HASH_ALGORITHM: add_alg16(p->integ, &p->n_integ, v); break;
			case IKS_V1_ATTR_AUTH_METHOD: p->auth_method = v; break;
			case IKS_V1_ATTR_GROUP_DESCRIPTION: add_alg16(p->dh, &p->n_dh, v); break;
			case IKS_V1_ATTR_LIFE_TYPE: life_type = a->value; break;
			case IKS_V1_ATTR_LIFE_DURATION:
				if (life_type == IKS_V1_LIFE_SECONDS)
					p->lifetime_s = a->value;
				break;
			default: break;
			}
		} else {
			switch (a->type) {
			case IKS_V1_IPSEC_ATTR_GROUP_DESCRIPTION: add_alg16(p->dh, &p->n_dh, v); break;
			case IKS_V1_IPSEC_ATTR_ENCAPSULATION_MODE: p->encap_mode = v; break;
			case IKS_V1_IPSEC_ATTR_AUTH_ALGORITHM:
				if (pr->protocol != IKS_V1_PROTO_IPSEC_AH)
					add_alg16(p->integ, &p->n_integ, v);
				break;
			case IKS_V1_IPSEC_ATTR_SA_LIFE_TYPE: life_type = a->value; break;
			case IKS_V1_IPSEC_ATTR_SA_LIFE_DURATION:
				if (life_type == IKS_V1_LIFE_SECONDS)
					p->lifetime_s = a->value;
				break;
			default: break;
			}
		}
	}
}

unsigned iks_track_props(const struct iks_msg *m, int sa, struct iks_prop *props,
			 unsigned max)
{
	const struct iks_payload *p = &m->payloads[sa];
	unsigned n = 0;

	for (unsigned i = 0; i < p->u.sa.prop_count && n < max; i++) {
		const struct iks_proposal *pr = iks_sa_proposal(m, p, i);

		if (m->version == 2) {
			v2_prop(m, pr, &props[n++]);
			continue;
		}
		for (unsigned j = 0; j < pr->xf_count && n < max; j++)
			v1_transform_prop(m, pr, iks_proposal_transform(m, pr, j), &props[n++]);
	}
	return n;
}

static void fill_prefix(uint8_t *end, const uint8_t *start, const uint8_t *mask,
			unsigned alen)
{
	for (unsigned i = 0; i < alen; i++)
		end[i] = (uint8_t)(start[i] | (uint8_t)~mask[i]);
}

/* RFC 2407 4.6.2: a Quick Mode identity as an address range. */
static unsigned v1_id_selector(const struct iks_payload *p, struct iks_ts *ts)
{
	const uint8_t *d = p->u.id.data.ptr;
	uint32_t len = p->u.id.data.len;
	unsigned alen;

	memset(ts, 0, sizeof *ts);
	ts->ip_proto = p->u.id.protocol;
	ts->start_port = p->u.id.port;
	ts->end_port = p->u.id.port ? p->u.id.port : 0xffff;
	switch (p->u.id.id_type) {
	case IKS_V1_ID_IPV4_ADDR: case IKS_V1_ID_IPV4_ADDR_SUBNET: case IKS_V1_ID_IPV4_ADDR_RANGE: alen = 4; break;
	case IKS_V1_ID_IPV6_ADDR: case IKS_V1_ID_IPV6_ADDR_SUBNET: case IKS_V1_ID_IPV6_ADDR_RANGE: alen = 16; break;
	default: return 0;
	}
	ts->family = alen == 4 ? 4 : 6;
	if (p->u.id.id_type == IKS_V1_ID_IPV4_ADDR || p->u.id.id_type == IKS_V1_ID_IPV6_ADDR) {
		if (len != alen)
			return 0;
		memcpy(ts->start, d, alen);
		memcpy(ts->end, d, alen);
		return 1;
	}
	if (len != 2 * alen)
		return 0;
	memcpy(ts->start, d, alen);
	if (p->u.id.id_type == IKS_V1_ID_IPV4_ADDR_SUBNET || p->u.id.id_type == IKS_V1_ID_IPV6_ADDR_SUBNET)
		fill_prefix(ts->end, d, d + alen, alen);
	else
		memcpy(ts->end, d + alen, alen);
	return 1;
}

unsigned iks_track_selectors(const struct iks_msg *m, int payload, struct iks_ts *ts,
			     unsigned max)
{
	const struct iks_payload *p = &m->payloads[payload];
	unsigned n = 0;

	if (m->version == 1)
		return max ? v1_id_selector(p, ts) : 0;
	for (unsigned i = 0; i < p->u.ts.sel_count && n < max; i++) {
		const struct iks_selector *s = &m->selectors[p->u.ts.sel_first + i];

		if (!s->addr_len)
			continue;
		memset(&ts[n], 0, sizeof ts[n]);
		ts[n].family = s->type == IKS_V2_TS_IPV4_ADDR_RANGE ? 4 : 6;
		ts[n].ip_proto = s->ip_proto;
		ts[n].start_port = s->start_port;
		ts[n].end_port = s->end_port;
		memcpy(ts[n].start, s->start, s->addr_len);
		memcpy(ts[n].end, s->end, s->addr_len);
		n++;
	}
	return n;
}
