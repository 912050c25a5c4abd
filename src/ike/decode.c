/*
 * IKE message decoder: header and payload chain (RFC 2408 3.1-3.2,
 * RFC 7296 3.1-3.2).  Payload bodies are decoded by the per-family
 * functions in payload.c and sa.c.
 */
#include <string.h>

#include "ike/ike_int.h"

bool iks_ike_looks_like(const uint8_t *buf, size_t len)
{
	struct iks_cur c = iks_cur_make(buf, len);
	uint8_t version;
	uint32_t length;

	if (!iks_cur_skip(&c, 17) || !iks_cur_u8(&c, &version) ||
	    !iks_cur_skip(&c, 6) || !iks_cur_be32(&c, &length))
		return false;
	version >>= 4;
	return (version == 1 || version == 2) && length >= IKS_IKE_HDR_LEN;
}

/* First problem wins: later ones are consequences of it. */
void iks_ike_mark_malformed(struct iks_msg *m, int err, size_t offset,
			    unsigned payload_type)
{
	if (m->malformed != IKS_OK)
		return;
	m->malformed = err;
	m->malformed_offset = (uint32_t)offset;
	m->malformed_payload = (uint16_t)payload_type;
}

static bool decode_header(struct iks_cur *c, struct iks_ike_hdr *h)
{
	uint8_t version;

	if (!iks_cur_copy(c, h->ispi, 8) || !iks_cur_copy(c, h->rspi, 8) ||
	    !iks_cur_u8(c, &h->next_payload) || !iks_cur_u8(c, &version) ||
	    !iks_cur_u8(c, &h->exchange) || !iks_cur_u8(c, &h->flags) ||
	    !iks_cur_be32(c, &h->message_id) || !iks_cur_be32(c, &h->length))
		return false;
	h->major = version >> 4;
	h->minor = version & 0x0f;
	return true;
}

/*
 * In IKEv2 the SK and SKF payloads are always last; the "next payload" of
 * an SK payload names the first payload inside it (RFC 7296 3.14).
 */
static bool ends_chain(const struct iks_msg *m, uint8_t type)
{
	return m->version == 2 && (type == IKS_V2_PL_SK || type == IKS_V2_PL_SKF);
}

static struct iks_payload *new_payload(struct iks_msg *m, size_t offset)
{
	struct iks_payload *p;

	if (m->n_payloads >= IKS_MAX_PAYLOADS) {
		iks_ike_mark_malformed(m, IKS_ERR_TOO_MANY, offset, 0);
		return NULL;
	}
	p = &m->payloads[m->n_payloads++];
	memset(p, 0, sizeof *p);
	return p;
}

/*
 * Walk a chain of generic payload headers starting with type `first`.
 * Every iteration consumes at least the 4-byte generic header, so the loop
 * ends; a length that is too short or too long stops the walk.  `padded`:
 * an IKEv1 plaintext ends in cipher padding after the last payload.
 */
int iks_ike_decode_chain(struct iks_msg *m, struct iks_cur *c, uint8_t first,
			 int parent, bool padded)
{
	uint8_t type = first;

	while (type != 0) {
		size_t start = c->off;
		uint8_t next, flags;
		uint16_t length;
		struct iks_cur body;
		struct iks_payload *p;
		int err;

		if (!iks_cur_u8(c, &next) || !iks_cur_u8(c, &flags) ||
		    !iks_cur_be16(c, &length)) {
			iks_ike_mark_malformed(m, IKS_ERR_SHORT, start, type);
			return m->malformed;
		}
		if (length < IKS_IKE_GENERIC_LEN) {
			iks_ike_mark_malformed(m, IKS_ERR_PAYLOAD_LEN, start, type);
			return m->malformed;
		}
		if (!iks_cur_sub(c, length - IKS_IKE_GENERIC_LEN, &body)) {
			iks_ike_mark_malformed(m, IKS_ERR_PAYLOAD_OVERRUN, start, type);
			return m->malformed;
		}
		p = new_payload(m, start);
		if (!p)
			return m->malformed;
		p->type = type;
		p->next = next;
		p->critical = m->version == 2 && (flags & 0x80);
		p->parent = (int16_t)parent;
		p->offset = (uint32_t)start;
		p->length = length;
		p->body.ptr = body.base;
		p->body.len = (uint32_t)body.len;
		err = iks_ike_decode_body(m, p, &body);
		if (err != IKS_OK)
			iks_ike_mark_malformed(m, err, start + IKS_IKE_GENERIC_LEN +
						       body.off, type);
		if (ends_chain(m, type))
			break;
		type = next;
	}
	if (iks_cur_left(c) && !padded)
		iks_ike_mark_malformed(m, IKS_ERR_TRAILING, c->off, 0);
	return m->malformed;
}

int iks_ike_decode(const uint8_t *buf, size_t len, struct iks_msg *m)
{
	struct iks_cur c = iks_cur_make(buf, len);
	size_t extent;

	m->n_payloads = m->n_proposals = m->n_transforms = 0;
	m->n_attrs = m->n_selectors = 0;
	m->malformed = IKS_OK;
	m->malformed_offset = 0;
	m->malformed_payload = 0;

	if (!decode_header(&c, &m->hdr))
		return IKS_ERR_SHORT;
	if (m->hdr.major != 1 && m->hdr.major != 2)
		return IKS_ERR_VERSION;
	m->version = m->hdr.major;

	/* The header's length bounds the message; a datagram may carry
	 * bytes after it, and a lying length must not reach past the data. */
	extent = len;
	if (m->hdr.length < IKS_IKE_HDR_LEN) {
		iks_ike_mark_malformed(m, IKS_ERR_LENGTH_SHORT, 24, 0);
	} else if (m->hdr.length > len) {
		iks_ike_mark_malformed(m, IKS_ERR_LENGTH, 24, 0);
	} else {
		extent = m->hdr.length;
	}
	m->raw.ptr = buf;
	m->raw.len = (uint32_t)extent;
	c.len = extent;

	if (m->version == 1 && (m->hdr.flags & IKS_V1_FLAG_E)) {
		struct iks_payload *p = new_payload(m, c.off);

		p->type = IKS_V1_PL_ENCRYPTED;
		p->next = m->hdr.next_payload;
		p->parent = -1;
		p->offset = (uint32_t)c.off;
		p->length = (uint32_t)iks_cur_left(&c);
		iks_cur_view(&c, iks_cur_left(&c), &p->body);
		p->u.sk.data = p->body;
		return IKS_OK;
	}
	iks_ike_decode_chain(m, &c, m->hdr.next_payload, -1, false);
	return IKS_OK;
}

int iks_ike_decode_inner(struct iks_msg *m, int parent_index,
			 const uint8_t *plain, size_t len, uint8_t first)
{
	struct iks_cur c = iks_cur_make(plain, len);

	return iks_ike_decode_chain(m, &c, first, parent_index, m->version == 1);
}

int iks_msg_find(const struct iks_msg *m, unsigned type, int parent)
{
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		if (p->type == type &&
		    (parent == -2 || p->parent == parent))
			return (int)i;
	}
	return -1;
}
