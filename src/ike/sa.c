/*
 * SA payloads: proposals, transforms and their attributes.
 * IKEv1: RFC 2408 3.4-3.6 with the IPsec DOI (RFC 2407 4.6.1);
 * IKEv2: RFC 7296 3.3.  Both nest proposal and transform substructures
 * behind a generic-header-like "last/more, reserved, length" triplet.
 */
#include <string.h>

#include "ike/ike_int.h"

#define IKS_SA_SUB_HDR_LEN 4       /* last/more, reserved, length */
#define IKS_ATTR_AF 0x8000         /* RFC 2408 3.3: TV form */

int iks_ike_decode_attrs(struct iks_msg *m, struct iks_cur *c,
			 uint16_t *first, uint16_t *count)
{
	*first = m->n_attrs;
	*count = 0;
	while (iks_cur_left(c)) {
		uint16_t type, lv;
		struct iks_attr *a;

		if (m->n_attrs >= IKS_MAX_ATTRS)
			return IKS_ERR_TOO_MANY;
		if (!iks_cur_be16(c, &type) || !iks_cur_be16(c, &lv))
			return IKS_ERR_ATTR;
		a = &m->attrs[m->n_attrs];
		a->type = type & (uint16_t)~IKS_ATTR_AF;
		a->tv = (type & IKS_ATTR_AF) != 0;
		a->value = 0;
		a->data.ptr = NULL;
		a->data.len = 0;
		if (a->tv) {
			a->value = lv;
		} else {
			if (!iks_cur_view(c, lv, &a->data))
				return IKS_ERR_ATTR;
			for (uint32_t i = 0; i < a->data.len && i < 4; i++)
				a->value = a->value << 8 | a->data.ptr[i];
		}
		m->n_attrs++;
		(*count)++;
	}
	return IKS_OK;
}

/* Key Length lives in a different attribute per version and protocol. */
static uint16_t key_length_attr(const struct iks_msg *m, uint8_t protocol)
{
	if (m->version == 2)
		return IKS_V2_ATTR_KEY_LENGTH;
	return protocol == IKS_V1_PROTO_ISAKMP ? IKS_V1_ATTR_KEY_LENGTH :
					      IKS_V1_IPSEC_ATTR_KEY_LENGTH;
}

static void find_key_length(const struct iks_msg *m, struct iks_transform *t,
			    uint8_t protocol)
{
	uint16_t want = key_length_attr(m, protocol);

	for (unsigned i = 0; i < t->attr_count; i++) {
		const struct iks_attr *a = &m->attrs[t->attr_first + i];

		if (a->type == want)
			t->key_length = (uint16_t)a->value;
	}
}

/* RFC 2408 3.6 (number, id, reserved) / RFC 7296 3.3.2 (type, reserved, id) */
static int decode_transform(struct iks_msg *m, struct iks_cur *c,
			    uint8_t protocol)
{
	struct iks_transform *t;
	uint8_t a, b;
	uint16_t id;

	if (m->n_transforms >= IKS_MAX_TRANSFORMS)
		return IKS_ERR_TOO_MANY;
	t = &m->transforms[m->n_transforms];
	if (m->version == 1) {
		if (!iks_cur_u8(c, &a) || !iks_cur_u8(c, &b) || !iks_cur_skip(c, 2))
			return IKS_ERR_SHORT;
		t->number = a;
		t->type = 0;
		t->id = b;
	} else {
		if (!iks_cur_u8(c, &a) || !iks_cur_skip(c, 1) || !iks_cur_be16(c, &id))
			return IKS_ERR_SHORT;
		t->number = 0;
		t->type = a;
		t->id = id;
	}
	t->key_length = 0;
	m->n_transforms++;
	int err = iks_ike_decode_attrs(m, c, &t->attr_first, &t->attr_count);
	find_key_length(m, t, protocol);
	return err;
}

/* Split off one "last/more, reserved, length" substructure. */
static int next_substructure(struct iks_cur *c, uint8_t *more, struct iks_cur *sub)
{
	uint16_t length;

	if (!iks_cur_u8(c, more) || !iks_cur_skip(c, 1) || !iks_cur_be16(c, &length))
		return IKS_ERR_SHORT;
	if (length < IKS_SA_SUB_HDR_LEN)
		return IKS_ERR_PAYLOAD_LEN;
	if (!iks_cur_sub(c, length - IKS_SA_SUB_HDR_LEN, sub))
		return IKS_ERR_PAYLOAD_OVERRUN;
	return IKS_OK;
}

static int decode_proposal(struct iks_msg *m, struct iks_cur *c)
{
	struct iks_proposal *pr;
	int err = IKS_OK;

	if (m->n_proposals >= IKS_MAX_PROPOSALS)
		return IKS_ERR_TOO_MANY;
	/* a proposal cut short keeps no field of an earlier message */
	pr = &m->proposals[m->n_proposals++];
	memset(pr, 0, sizeof *pr);
	pr->xf_first = m->n_transforms;
	if (!iks_cur_u8(c, &pr->number) || !iks_cur_u8(c, &pr->protocol) ||
	    !iks_cur_u8(c, &pr->spi_size) || !iks_cur_u8(c, &pr->n_transforms) ||
	    !iks_cur_view(c, pr->spi_size, &pr->spi))
		return IKS_ERR_SHORT;
	while (iks_cur_left(c) && err == IKS_OK) {
		struct iks_cur sub;
		uint8_t more = 0;

		err = next_substructure(c, &more, &sub);
		if (err == IKS_OK) {
			err = decode_transform(m, &sub, pr->protocol);
			/* only transforms that made it into the pool */
			pr->xf_count = (uint16_t)(m->n_transforms - pr->xf_first);
		}
		if (more == 0)
			break;
	}
	return err;
}

int iks_ike_decode_sa(struct iks_msg *m, struct iks_payload *p,
		      struct iks_cur *body)
{
	int err = IKS_OK;

	p->u.sa.prop_first = m->n_proposals;
	p->u.sa.prop_count = 0;
	if (m->version == 1) {
		if (!iks_cur_be32(body, &p->u.sa.doi) ||
		    !iks_cur_be32(body, &p->u.sa.situation))
			return IKS_ERR_SHORT;
		/* Only the IPsec DOI's 4-byte situation is understood;
		 * ISAKMP's and GDOI's keep their body undecoded, and any
		 * other DOI is not one IKE uses (RFC 2408 3.4, IANA). */
		if (p->u.sa.doi == IKS_V1_DOI_ISAKMP || p->u.sa.doi == IKS_V1_DOI_GDOI)
			return IKS_OK;
		if (p->u.sa.doi != IKS_V1_DOI_IPSEC)
			return IKS_ERR_INVALID;
	}
	while (iks_cur_left(body) && err == IKS_OK) {
		struct iks_cur sub;
		uint8_t more = 0;

		err = next_substructure(body, &more, &sub);
		if (err == IKS_OK) {
			err = decode_proposal(m, &sub);
			/* only proposals that made it into the pool */
			p->u.sa.prop_count = (uint16_t)(m->n_proposals - p->u.sa.prop_first);
		}
		if (more == 0)
			break;
	}
	return err;
}
