/*
 * IKE message encoder: the decoder's mirror (RFC 2408 3, RFC 7296 3).
 * It writes each payload from its decoded fields, not from its body, so
 * that decode(encode(x)) == x tests both directions; the probe builds its
 * messages with it.  Lengths are written as placeholders and patched.
 */
#include "ike/ike_int.h"

#define IKS_ATTR_AF 0x8000

void iks_ike_encode_attrs(const struct iks_msg *m, uint16_t first,
			  uint16_t count, struct iks_wr *w)
{
	for (unsigned i = 0; i < count; i++) {
		const struct iks_attr *a = &m->attrs[first + i];

		if (a->tv) {
			iks_wr_be16(w, (uint16_t)(a->type | IKS_ATTR_AF));
			iks_wr_be16(w, (uint16_t)a->value);
		} else {
			iks_wr_be16(w, a->type);
			iks_wr_be16(w, (uint16_t)a->data.len);
			iks_wr_bytes(w, a->data.ptr, a->data.len);
		}
	}
}

static void encode_cp_attrs(const struct iks_msg *m, const struct iks_payload *p,
			    struct iks_wr *w)
{
	for (unsigned i = 0; i < p->u.cfg.attr_count; i++) {
		const struct iks_attr *a = &m->attrs[p->u.cfg.attr_first + i];

		iks_wr_be16(w, a->type);
		iks_wr_be16(w, (uint16_t)a->data.len);
		iks_wr_bytes(w, a->data.ptr, a->data.len);
	}
}

static void encode_transform(const struct iks_msg *m, const struct iks_transform *t,
			     bool last, struct iks_wr *w)
{
	size_t start = w->len;

	iks_wr_u8(w, last ? 0 : 3);
	iks_wr_u8(w, 0);
	iks_wr_be16(w, 0);
	if (m->version == 1) {
		iks_wr_u8(w, t->number);
		iks_wr_u8(w, (uint8_t)t->id);
		iks_wr_be16(w, 0);
	} else {
		iks_wr_u8(w, t->type);
		iks_wr_u8(w, 0);
		iks_wr_be16(w, t->id);
	}
	iks_ike_encode_attrs(m, t->attr_first, t->attr_count, w);
	iks_wr_patch_be16(w, start + 2, (uint16_t)(w->len - start));
}

static void encode_sa(const struct iks_msg *m, const struct iks_payload *p,
		      struct iks_wr *w)
{
	if (m->version == 1) {
		iks_wr_be32(w, p->u.sa.doi);
		iks_wr_be32(w, p->u.sa.situation);
		if (p->u.sa.prop_count == 0) {
			/* a DOI we do not decode: its body after DOI/situation */
			if (p->body.len > 8)
				iks_wr_bytes(w, p->body.ptr + 8, p->body.len - 8);
			return;
		}
	}
	for (unsigned i = 0; i < p->u.sa.prop_count; i++) {
		const struct iks_proposal *pr = iks_sa_proposal(m, p, i);
		size_t start = w->len;

		iks_wr_u8(w, i + 1 == p->u.sa.prop_count ? 0 : 2);
		iks_wr_u8(w, 0);
		iks_wr_be16(w, 0);
		iks_wr_u8(w, pr->number);
		iks_wr_u8(w, pr->protocol);
		iks_wr_u8(w, pr->spi_size);
		iks_wr_u8(w, pr->n_transforms);
		iks_wr_bytes(w, pr->spi.ptr, pr->spi.len);
		for (unsigned j = 0; j < pr->xf_count; j++)
			encode_transform(m, iks_proposal_transform(m, pr, j),
					 j + 1 == pr->xf_count, w);
		iks_wr_patch_be16(w, start + 2, (uint16_t)(w->len - start));
	}
}

static void encode_ts(const struct iks_msg *m, const struct iks_payload *p,
		      struct iks_wr *w)
{
	iks_wr_u8(w, p->u.ts.count);
	iks_wr_zero(w, 3);
	for (unsigned i = 0; i < p->u.ts.sel_count; i++) {
		const struct iks_selector *s = &m->selectors[p->u.ts.sel_first + i];

		iks_wr_u8(w, s->type);
		iks_wr_u8(w, s->ip_proto);
		iks_wr_be16(w, (uint16_t)(8 + s->raw.len));
		iks_wr_be16(w, s->start_port);
		iks_wr_be16(w, s->end_port);
		if (s->addr_len) {
			iks_wr_bytes(w, s->start, s->addr_len);
			iks_wr_bytes(w, s->end, s->addr_len);
		} else {
			iks_wr_bytes(w, s->raw.ptr, s->raw.len);
		}
	}
}

static void encode_id(const struct iks_msg *m, const struct iks_payload *p,
		      bool has_proto_port, struct iks_wr *w)
{
	(void)m;
	iks_wr_u8(w, p->u.id.id_type);
	if (has_proto_port) {
		iks_wr_u8(w, p->u.id.protocol);
		iks_wr_be16(w, p->u.id.port);
	} else {
		iks_wr_zero(w, 3);
	}
	iks_wr_bytes(w, p->u.id.data.ptr, p->u.id.data.len);
}

static void encode_notify(const struct iks_msg *m, const struct iks_payload *p,
			  struct iks_wr *w)
{
	if (m->version == 1)
		iks_wr_be32(w, p->u.notify.doi);
	iks_wr_u8(w, p->u.notify.protocol);
	iks_wr_u8(w, p->u.notify.spi_size);
	iks_wr_be16(w, p->u.notify.type);
	iks_wr_bytes(w, p->u.notify.spi.ptr, p->u.notify.spi.len);
	iks_wr_bytes(w, p->u.notify.data.ptr, p->u.notify.data.len);
}

static void encode_delete(const struct iks_msg *m, const struct iks_payload *p,
			  struct iks_wr *w)
{
	if (m->version == 1)
		iks_wr_be32(w, p->u.del.doi);
	iks_wr_u8(w, p->u.del.protocol);
	iks_wr_u8(w, p->u.del.spi_size);
	iks_wr_be16(w, p->u.del.count);
	iks_wr_bytes(w, p->u.del.spis.ptr, p->u.del.spis.len);
}

/* Typed contents of p; false when p has only a body. */
static bool encode_v1_typed(const struct iks_msg *m, const struct iks_payload *p,
			    struct iks_wr *w)
{
	switch (p->type) {
	case IKS_V1_PL_SA:
		encode_sa(m, p, w);
		return true;
	case IKS_V1_PL_ID:
		encode_id(m, p, true, w);
		return true;
	case IKS_V1_PL_NATOA:
	case IKS_V1_PL_NATOA_DRAFT:
		encode_id(m, p, false, w);
		return true;
	case IKS_V1_PL_CERT:
	case IKS_V1_PL_CR:
		iks_wr_u8(w, p->u.cert.encoding);
		iks_wr_bytes(w, p->u.cert.data.ptr, p->u.cert.data.len);
		return true;
	case IKS_V1_PL_KE:
		iks_wr_bytes(w, p->u.ke.data.ptr, p->u.ke.data.len);
		return true;
	case IKS_V1_PL_N:
		encode_notify(m, p, w);
		return true;
	case IKS_V1_PL_D:
		encode_delete(m, p, w);
		return true;
	case IKS_V1_PL_ATTR:
		iks_wr_u8(w, p->u.cfg.cfg_type);
		iks_wr_u8(w, 0);
		iks_wr_be16(w, p->u.cfg.identifier);
		iks_ike_encode_attrs(m, p->u.cfg.attr_first, p->u.cfg.attr_count, w);
		return true;
	case IKS_V1_PL_FRAG:
		iks_wr_be16(w, p->u.frag.id);
		iks_wr_u8(w, p->u.frag.number);
		iks_wr_u8(w, p->u.frag.flags);
		iks_wr_bytes(w, p->u.frag.data.ptr, p->u.frag.data.len);
		return true;
	default:
		return false;
	}
}

static bool encode_v2_typed(const struct iks_msg *m, const struct iks_payload *p,
			    struct iks_wr *w)
{
	switch (p->type) {
	case IKS_V2_PL_SA:
		encode_sa(m, p, w);
		return true;
	case IKS_V2_PL_KE:
		iks_wr_be16(w, p->u.ke.group);
		iks_wr_be16(w, 0);
		iks_wr_bytes(w, p->u.ke.data.ptr, p->u.ke.data.len);
		return true;
	case IKS_V2_PL_IDI:
	case IKS_V2_PL_IDR:
		encode_id(m, p, false, w);
		return true;
	case IKS_V2_PL_CERT:
	case IKS_V2_PL_CERTREQ:
		iks_wr_u8(w, p->u.cert.encoding);
		iks_wr_bytes(w, p->u.cert.data.ptr, p->u.cert.data.len);
		return true;
	case IKS_V2_PL_AUTH:
		iks_wr_u8(w, p->u.auth.method);
		iks_wr_zero(w, 3);
		iks_wr_bytes(w, p->u.auth.data.ptr, p->u.auth.data.len);
		return true;
	case IKS_V2_PL_N:
		encode_notify(m, p, w);
		return true;
	case IKS_V2_PL_D:
		encode_delete(m, p, w);
		return true;
	case IKS_V2_PL_TSI:
	case IKS_V2_PL_TSR:
		encode_ts(m, p, w);
		return true;
	case IKS_V2_PL_CP:
		iks_wr_u8(w, p->u.cfg.cfg_type);
		iks_wr_zero(w, 3);
		encode_cp_attrs(m, p, w);
		return true;
	case IKS_V2_PL_SK:
		iks_wr_bytes(w, p->u.sk.data.ptr, p->u.sk.data.len);
		return true;
	case IKS_V2_PL_SKF:
		iks_wr_be16(w, p->u.sk.frag_number);
		iks_wr_be16(w, p->u.sk.frag_total);
		iks_wr_bytes(w, p->u.sk.data.ptr, p->u.sk.data.len);
		return true;
	default:
		return false;
	}
}

static void encode_payload(const struct iks_msg *m, const struct iks_payload *p,
			   struct iks_wr *w)
{
	size_t start = w->len;
	bool typed;

	iks_wr_u8(w, p->next);
	iks_wr_u8(w, p->critical ? 0x80 : 0);
	iks_wr_be16(w, 0);
	typed = m->version == 1 ? encode_v1_typed(m, p, w) : encode_v2_typed(m, p, w);
	if (!typed)
		iks_wr_bytes(w, p->body.ptr, p->body.len);
	iks_wr_patch_be16(w, start + 2, (uint16_t)(w->len - start));
}

int iks_ike_encode(const struct iks_msg *m, struct iks_wr *w)
{
	const struct iks_ike_hdr *h = &m->hdr;
	size_t start = w->len;

	iks_wr_bytes(w, h->ispi, 8);
	iks_wr_bytes(w, h->rspi, 8);
	iks_wr_u8(w, h->next_payload);
	iks_wr_u8(w, (uint8_t)(h->major << 4 | (h->minor & 0x0f)));
	iks_wr_u8(w, h->exchange);
	iks_wr_u8(w, h->flags);
	iks_wr_be32(w, h->message_id);
	iks_wr_be32(w, 0);
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		if (p->parent != -1)
			continue;
		if (p->type == IKS_V1_PL_ENCRYPTED)
			iks_wr_bytes(w, p->body.ptr, p->body.len);
		else
			encode_payload(m, p, w);
	}
	iks_wr_patch_be32(w, start + 24, (uint32_t)(w->len - start));
	return w->overflow ? IKS_ERR_OVERFLOW : IKS_OK;
}
