/*
 * Payload bodies other than SA: one small decoder per payload family, for
 * both IKE versions where their layouts differ only in a DOI field or in
 * reserved bytes.  Payloads not listed keep only their body.
 */
#include "ike/ike_int.h"

/* KE: RFC 2408 3.7 (data only), RFC 7296 3.4 (group, reserved, data) */
static int decode_ke(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	p->u.ke.group = 0;
	if (m->version == 2 &&
	    (!iks_cur_be16(c, &p->u.ke.group) || !iks_cur_skip(c, 2)))
		return IKS_ERR_SHORT;
	iks_cur_view(c, iks_cur_left(c), &p->u.ke.data);
	return IKS_OK;
}

/* ID: RFC 2407 4.6.2 (type, protocol, port), RFC 7296 3.5 (type,
 * reserved), RFC 3947 NAT-OA (type, reserved, address). */
static int decode_id(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c,
		     bool has_proto_port)
{
	(void)m;
	p->u.id.protocol = 0;
	p->u.id.port = 0;
	if (!iks_cur_u8(c, &p->u.id.id_type))
		return IKS_ERR_SHORT;
	if (has_proto_port) {
		if (!iks_cur_u8(c, &p->u.id.protocol) || !iks_cur_be16(c, &p->u.id.port))
			return IKS_ERR_SHORT;
	} else if (!iks_cur_skip(c, 3)) {
		return IKS_ERR_SHORT;
	}
	iks_cur_view(c, iks_cur_left(c), &p->u.id.data);
	return IKS_OK;
}

/* CERT / CERTREQ: RFC 2408 3.9-3.10, RFC 7296 3.6-3.7 */
static int decode_cert(struct iks_payload *p, struct iks_cur *c)
{
	if (!iks_cur_u8(c, &p->u.cert.encoding))
		return IKS_ERR_SHORT;
	iks_cur_view(c, iks_cur_left(c), &p->u.cert.data);
	return IKS_OK;
}

/* AUTH: RFC 7296 3.8 */
static int decode_auth(struct iks_payload *p, struct iks_cur *c)
{
	if (!iks_cur_u8(c, &p->u.auth.method) || !iks_cur_skip(c, 3))
		return IKS_ERR_SHORT;
	iks_cur_view(c, iks_cur_left(c), &p->u.auth.data);
	return IKS_OK;
}

/* N: RFC 2408 3.14 (with DOI), RFC 7296 3.10 */
static int decode_notify(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	p->u.notify.doi = 0;
	if (m->version == 1 && !iks_cur_be32(c, &p->u.notify.doi))
		return IKS_ERR_SHORT;
	if (!iks_cur_u8(c, &p->u.notify.protocol) ||
	    !iks_cur_u8(c, &p->u.notify.spi_size) ||
	    !iks_cur_be16(c, &p->u.notify.type) ||
	    !iks_cur_view(c, p->u.notify.spi_size, &p->u.notify.spi))
		return IKS_ERR_SHORT;
	iks_cur_view(c, iks_cur_left(c), &p->u.notify.data);
	return IKS_OK;
}

/* D: RFC 2408 3.15 (with DOI), RFC 7296 3.11 */
static int decode_delete(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	p->u.del.doi = 0;
	if (m->version == 1 && !iks_cur_be32(c, &p->u.del.doi))
		return IKS_ERR_SHORT;
	if (!iks_cur_u8(c, &p->u.del.protocol) ||
	    !iks_cur_u8(c, &p->u.del.spi_size) ||
	    !iks_cur_be16(c, &p->u.del.count) ||
	    !iks_cur_view(c, (size_t)p->u.del.spi_size * p->u.del.count,
			  &p->u.del.spis))
		return IKS_ERR_SHORT;
	return iks_cur_left(c) ? IKS_ERR_TRAILING : IKS_OK;
}

/* Traffic selectors: RFC 7296 3.13.1 */
#define IKS_TS_HDR_LEN 8 /* type, protocol, length, start port, end port */

static int decode_selector(struct iks_msg *m, struct iks_cur *c)
{
	struct iks_selector *s;
	struct iks_cur sel;
	uint16_t length;
	size_t alen;

	if (m->n_selectors >= IKS_MAX_SELECTORS)
		return IKS_ERR_TOO_MANY;
	s = &m->selectors[m->n_selectors];
	if (!iks_cur_u8(c, &s->type) || !iks_cur_u8(c, &s->ip_proto) ||
	    !iks_cur_be16(c, &length))
		return IKS_ERR_SHORT;
	if (length < IKS_TS_HDR_LEN)
		return IKS_ERR_PAYLOAD_LEN;
	if (!iks_cur_sub(c, length - 4u, &sel))
		return IKS_ERR_PAYLOAD_OVERRUN;
	if (!iks_cur_be16(&sel, &s->start_port) || !iks_cur_be16(&sel, &s->end_port))
		return IKS_ERR_SHORT;
	s->raw.ptr = sel.base + sel.off;
	s->raw.len = (uint32_t)iks_cur_left(&sel);
	alen = s->type == IKS_V2_TS_IPV4_ADDR_RANGE ? 4 :
	       s->type == IKS_V2_TS_IPV6_ADDR_RANGE ? 16 : 0;
	s->addr_len = (uint8_t)alen;
	if (alen) {
		if (iks_cur_left(&sel) != 2 * alen)
			return IKS_ERR_INVALID;
		iks_cur_copy(&sel, s->start, alen);
		iks_cur_copy(&sel, s->end, alen);
	}
	m->n_selectors++;
	return IKS_OK;
}

static int decode_ts(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	int err = IKS_OK;

	if (!iks_cur_u8(c, &p->u.ts.count) || !iks_cur_skip(c, 3))
		return IKS_ERR_SHORT;
	p->u.ts.sel_first = m->n_selectors;
	p->u.ts.sel_count = 0;
	for (unsigned i = 0; i < p->u.ts.count && err == IKS_OK; i++) {
		err = decode_selector(m, c);
		if (err == IKS_OK)
			p->u.ts.sel_count++;
	}
	if (err == IKS_OK && iks_cur_left(c))
		err = IKS_ERR_TRAILING;
	return err;
}

/* CP: RFC 7296 3.15 - attributes always have a length (no TV form). */
static int decode_cp(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	p->u.cfg.identifier = 0;
	p->u.cfg.attr_first = m->n_attrs;
	p->u.cfg.attr_count = 0;
	if (!iks_cur_u8(c, &p->u.cfg.cfg_type) || !iks_cur_skip(c, 3))
		return IKS_ERR_SHORT;
	while (iks_cur_left(c)) {
		uint16_t type, length;
		struct iks_attr *a;

		if (m->n_attrs >= IKS_MAX_ATTRS)
			return IKS_ERR_TOO_MANY;
		a = &m->attrs[m->n_attrs];
		if (!iks_cur_be16(c, &type) || !iks_cur_be16(c, &length) ||
		    !iks_cur_view(c, length, &a->data))
			return IKS_ERR_ATTR;
		a->type = type & 0x7fff;
		a->tv = false;
		a->value = 0;
		for (uint32_t i = 0; i < a->data.len && i < 4; i++)
			a->value = a->value << 8 | a->data.ptr[i];
		m->n_attrs++;
		p->u.cfg.attr_count++;
	}
	return IKS_OK;
}

/* IKEv1 Attributes payload: draft-ietf-ipsec-isakmp-mode-cfg-05 3.2 */
static int decode_v1_attributes(struct iks_msg *m, struct iks_payload *p,
				struct iks_cur *c)
{
	if (!iks_cur_u8(c, &p->u.cfg.cfg_type) || !iks_cur_skip(c, 1) ||
	    !iks_cur_be16(c, &p->u.cfg.identifier))
		return IKS_ERR_SHORT;
	return iks_ike_decode_attrs(m, c, &p->u.cfg.attr_first, &p->u.cfg.attr_count);
}

/* SK: RFC 7296 3.14; SKF: RFC 7383 2.5 (fragment number, total first) */
static int decode_sk(struct iks_payload *p, struct iks_cur *c, bool fragment)
{
	p->u.sk.frag_number = 0;
	p->u.sk.frag_total = 0;
	if (fragment) {
		if (!iks_cur_be16(c, &p->u.sk.frag_number) ||
		    !iks_cur_be16(c, &p->u.sk.frag_total))
			return IKS_ERR_SHORT;
		if (p->u.sk.frag_number == 0 ||
		    p->u.sk.frag_number > p->u.sk.frag_total)
			return IKS_ERR_INVALID;
	}
	iks_cur_view(c, iks_cur_left(c), &p->u.sk.data);
	return IKS_OK;
}

/* Cisco IKEv1 fragmentation payload (type 132): id, number, flags */
static int decode_v1_frag(struct iks_payload *p, struct iks_cur *c)
{
	if (!iks_cur_be16(c, &p->u.frag.id) || !iks_cur_u8(c, &p->u.frag.number) ||
	    !iks_cur_u8(c, &p->u.frag.flags))
		return IKS_ERR_SHORT;
	iks_cur_view(c, iks_cur_left(c), &p->u.frag.data);
	return IKS_OK;
}

/* EAP: RFC 3748 4 - code, identifier, length, type (requests/responses) */
static int decode_eap(struct iks_payload *p, struct iks_cur *c)
{
	p->u.eap.eap_type = 0;
	if (!iks_cur_u8(c, &p->u.eap.code) || !iks_cur_u8(c, &p->u.eap.identifier) ||
	    !iks_cur_be16(c, &p->u.eap.length))
		return IKS_ERR_SHORT;
	if (iks_cur_left(c))
		iks_cur_u8(c, &p->u.eap.eap_type);
	return IKS_OK;
}

static int decode_v1_body(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	switch (p->type) {
	case IKS_V1_PL_SA:
		return iks_ike_decode_sa(m, p, c);
	case IKS_V1_PL_KE:
		return decode_ke(m, p, c);
	case IKS_V1_PL_ID:
		return decode_id(m, p, c, true);
	case IKS_V1_PL_NATOA:
	case IKS_V1_PL_NATOA_DRAFT:
		return decode_id(m, p, c, false);
	case IKS_V1_PL_CERT:
	case IKS_V1_PL_CR:
		return decode_cert(p, c);
	case IKS_V1_PL_N:
		return decode_notify(m, p, c);
	case IKS_V1_PL_D:
		return decode_delete(m, p, c);
	case IKS_V1_PL_ATTR:
		return decode_v1_attributes(m, p, c);
	case IKS_V1_PL_FRAG:
		return decode_v1_frag(p, c);
	default:
		return IKS_OK; /* HASH, SIG, NONCE, VID, NAT-D: body only */
	}
}

static int decode_v2_body(struct iks_msg *m, struct iks_payload *p, struct iks_cur *c)
{
	switch (p->type) {
	case IKS_V2_PL_SA:
		return iks_ike_decode_sa(m, p, c);
	case IKS_V2_PL_KE:
		return decode_ke(m, p, c);
	case IKS_V2_PL_IDI:
	case IKS_V2_PL_IDR:
		return decode_id(m, p, c, false);
	case IKS_V2_PL_CERT:
	case IKS_V2_PL_CERTREQ:
		return decode_cert(p, c);
	case IKS_V2_PL_AUTH:
		return decode_auth(p, c);
	case IKS_V2_PL_N:
		return decode_notify(m, p, c);
	case IKS_V2_PL_D:
		return decode_delete(m, p, c);
	case IKS_V2_PL_TSI:
	case IKS_V2_PL_TSR:
		return decode_ts(m, p, c);
	case IKS_V2_PL_CP:
		return decode_cp(m, p, c);
	case IKS_V2_PL_SK:
		return decode_sk(p, c, false);
	case IKS_V2_PL_SKF:
		return decode_sk(p, c, true);
	case IKS_V2_PL_EAP:
		return decode_eap(p, c);
	default:
		return IKS_OK; /* NONCE, V, GSPM, PS...: body only */
	}
}

int iks_ike_decode_body(struct iks_msg *m, struct iks_payload *p, struct iks_cur *body)
{
	return m->version == 1 ? decode_v1_body(m, p, body) : decode_v2_body(m, p, body);
}
