/*
 * build.c - the probe's messages as struct iks_msg, written by the ike
 * encoder (iks_ike_encode), and the small helpers every exchange needs:
 * SPIs, identities, NAT detection hashes, decoding of answers.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ikescope/consts.h"
#include "ikescope/names.h"
#include "probe/probe_int.h"

struct bld *bld_new(uint8_t version, const uint8_t spi_i[8], const uint8_t spi_r[8],
		    uint8_t exchange, uint8_t flags, uint32_t msgid)
{
	struct bld *b = calloc(1, sizeof *b);

	if (!b)
		return NULL;
	b->m = calloc(1, sizeof *b->m);
	if (!b->m) {
		free(b);
		return NULL;
	}
	b->m->version = version;
	memcpy(b->m->hdr.ispi, spi_i, 8);
	if (spi_r)
		memcpy(b->m->hdr.rspi, spi_r, 8);
	b->m->hdr.major = version == 2 ? 2 : 1;
	b->m->hdr.minor = 0;
	b->m->hdr.exchange = exchange;
	b->m->hdr.flags = flags;
	b->m->hdr.message_id = msgid;
	return b;
}

void bld_free(struct bld *b)
{
	if (!b)
		return;
	iks_crypto_wipe(b->store, sizeof b->store);
	free(b->m);
	free(b);
}

const uint8_t *bld_keep(struct bld *b, const void *data, size_t len)
{
	uint8_t *p;

	if (len > sizeof b->store - b->used)
		return NULL;
	p = b->store + b->used;
	if (len)
		memcpy(p, data, len);
	b->used += len;
	return p;
}

struct iks_payload *bld_add(struct bld *b, uint16_t type)
{
	struct iks_payload *p;

	if (b->m->n_payloads >= IKS_MAX_PAYLOADS)
		return NULL;
	p = &b->m->payloads[b->m->n_payloads++];
	memset(p, 0, sizeof *p);
	p->type = type;
	p->parent = -1;
	return p;
}

struct iks_payload *bld_bytes(struct bld *b, uint16_t type, const void *data, size_t len)
{
	struct iks_payload *p = bld_add(b, type);
	const uint8_t *d = bld_keep(b, data, len);

	if (!p || (len && !d))
		return NULL;
	p->body.ptr = d;
	p->body.len = (uint32_t)len;
	/* typed payloads the encoder writes from their fields */
	if (type == IKS_V1_PL_KE && b->m->version == 1) {
		p->u.ke.data = p->body;
	}
	return p;
}

struct iks_proposal *bld_proposal(struct bld *b, struct iks_payload *sa, uint8_t number,
				  uint8_t protocol, const uint8_t *spi, uint8_t spi_size)
{
	struct iks_msg *m = b->m;
	struct iks_proposal *pr;

	if (m->n_proposals >= IKS_MAX_PROPOSALS)
		return NULL;
	if (sa->u.sa.prop_count == 0)
		sa->u.sa.prop_first = m->n_proposals;
	pr = &m->proposals[m->n_proposals++];
	sa->u.sa.prop_count++;
	memset(pr, 0, sizeof *pr);
	pr->number = number;
	pr->protocol = protocol;
	pr->spi_size = spi_size;
	pr->spi.ptr = spi_size ? bld_keep(b, spi, spi_size) : NULL;
	pr->spi.len = spi_size;
	pr->xf_first = m->n_transforms;
	return pr;
}

struct iks_transform *bld_transform(struct bld *b, struct iks_proposal *pr,
				    uint8_t type_or_number, uint16_t id)
{
	struct iks_msg *m = b->m;
	struct iks_transform *t;

	if (m->n_transforms >= IKS_MAX_TRANSFORMS)
		return NULL;
	t = &m->transforms[m->n_transforms++];
	memset(t, 0, sizeof *t);
	if (m->version == 1)
		t->number = type_or_number;
	else
		t->type = type_or_number;
	t->id = id;
	t->attr_first = m->n_attrs;
	pr->xf_count++;
	pr->n_transforms++;
	return t;
}

void bld_attr_tv(struct bld *b, struct iks_transform *t, uint16_t type, uint16_t v)
{
	struct iks_attr *a;

	if (!t || b->m->n_attrs >= IKS_MAX_ATTRS)
		return;
	a = &b->m->attrs[b->m->n_attrs++];
	memset(a, 0, sizeof *a);
	a->type = type;
	a->tv = true;
	a->value = v;
	t->attr_count++;
}

void bld_attr_tlv32(struct bld *b, struct iks_transform *t, uint16_t type, uint32_t v)
{
	uint8_t be[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
			  (uint8_t)v };
	struct iks_attr *a;

	if (!t || b->m->n_attrs >= IKS_MAX_ATTRS)
		return;
	a = &b->m->attrs[b->m->n_attrs++];
	memset(a, 0, sizeof *a);
	a->type = type;
	a->tv = false;
	a->value = v;
	a->data.ptr = bld_keep(b, be, 4);
	a->data.len = 4;
	t->attr_count++;
}

void bld_notify(struct bld *b, uint16_t type, uint8_t proto, const uint8_t *spi,
		uint8_t spi_size, const void *data, size_t len)
{
	struct iks_payload *p = bld_add(b, b->m->version == 2 ? IKS_V2_PL_N : IKS_V1_PL_N);

	if (!p)
		return;
	p->u.notify.doi = IKS_V1_DOI_IPSEC;
	p->u.notify.protocol = proto;
	p->u.notify.spi_size = spi_size;
	p->u.notify.type = type;
	p->u.notify.spi.ptr = spi_size ? bld_keep(b, spi, spi_size) : NULL;
	p->u.notify.spi.len = spi_size;
	p->u.notify.data.ptr = len ? bld_keep(b, data, len) : NULL;
	p->u.notify.data.len = (uint32_t)len;
}

static void link_payloads(struct iks_msg *m)
{
	for (unsigned i = 0; i < m->n_payloads; i++)
		m->payloads[i].next = i + 1 < m->n_payloads ?
				      (uint8_t)m->payloads[i + 1].type : 0;
	m->hdr.next_payload = m->n_payloads ? (uint8_t)m->payloads[0].type : 0;
}

int bld_encode(struct bld *b, uint8_t *out, size_t cap, size_t *len)
{
	struct iks_wr w = iks_wr_make(out, cap);
	int rc;

	link_payloads(b->m);
	rc = iks_ike_encode(b->m, &w);
	*len = w.len;
	return rc;
}

int bld_encode_body(struct bld *b, uint8_t *out, size_t cap, size_t *len, uint8_t *first)
{
	uint8_t tmp[16384];
	size_t n = 0;
	int rc = bld_encode(b, tmp, sizeof tmp, &n);

	*len = 0;
	if (rc < 0 || n < IKS_IKE_HDR_LEN || n - IKS_IKE_HDR_LEN > cap)
		return rc < 0 ? rc : IKS_ERR_OVERFLOW;
	memcpy(out, tmp + IKS_IKE_HDR_LEN, n - IKS_IKE_HDR_LEN);
	*len = n - IKS_IKE_HDR_LEN;
	*first = b->m->hdr.next_payload;
	return IKS_OK;
}

/* ------------------------------------------------------------- shared */

void probe_spi(uint8_t spi[8])
{
	static const uint8_t zero[8];

	do
		iks_crypto_random(spi, 8);
	while (!memcmp(spi, zero, 8));
}

/* IKEv1 and IKEv2 share ID types 1 (IPv4), 2 (FQDN), 3 (user FQDN /
 * RFC 822), 5 (IPv6), 11 (key id).  strongSwan's rules: an address is an
 * address, "user@host" an RFC 822 name, "@name" an FQDN without the @,
 * "@#hex" a key id, anything else an FQDN. */
int probe_identity(const char *text, const struct iks_addr *fallback, uint8_t *type,
		   uint8_t *data, size_t cap, size_t *len)
{
	uint8_t a[16];
	size_t n;

	if (!text) {
		*type = fallback->family == 6 ? IKS_V2_ID_IPV6_ADDR : IKS_V2_ID_IPV4_ADDR;
		n = fallback->family == 6 ? 16 : 4;
		memcpy(data, fallback->a, n);
		*len = n;
		return IKS_OK;
	}
	if (inet_pton(AF_INET, text, a) == 1) {
		*type = IKS_V2_ID_IPV4_ADDR;
		memcpy(data, a, 4);
		*len = 4;
		return IKS_OK;
	}
	if (inet_pton(AF_INET6, text, a) == 1) {
		*type = IKS_V2_ID_IPV6_ADDR;
		memcpy(data, a, 16);
		*len = 16;
		return IKS_OK;
	}
	if (!strncmp(text, "@#", 2)) {
		const char *h = text + 2;

		*type = IKS_V2_ID_KEY_ID;
		for (n = 0; h[0] && h[1] && n < cap; h += 2) {
			unsigned v;

			if (sscanf(h, "%2x", &v) != 1)
				return IKS_ERR_USAGE;
			data[n++] = (uint8_t)v;
		}
		*len = n;
		return IKS_OK;
	}
	if (text[0] == '@') {
		text++;
		*type = IKS_V2_ID_FQDN;
	} else {
		*type = strchr(text, '@') ? IKS_V2_ID_RFC822_ADDR : IKS_V2_ID_FQDN;
	}
	n = strlen(text);
	if (n > cap || n == 0)
		return IKS_ERR_USAGE;
	memcpy(data, text, n);
	*len = n;
	return IKS_OK;
}

int probe_natd(uint16_t v1_hash, const uint8_t spi_i[8], const uint8_t spi_r[8],
	       const struct iks_addr *a, uint16_t port, uint8_t *out, size_t *len)
{
	/* RFC 7296 2.23: SHA1(SPIi | SPIr | IP | Port); RFC 3947 3.2:
	 * HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash */
	uint8_t pb[2] = { (uint8_t)(port >> 8), (uint8_t)port };
	struct iks_bytes parts[4] = { { spi_i, 8 }, { spi_r, 8 },
				      { a->a, a->family == 6 ? 16u : 4u }, { pb, 2 } };

	return iks_crypto_digest(v1_hash, parts, 4, out, 64, len);
}

bool pb_copy(struct iks_bytes b, void *out, size_t cap, size_t *len)
{
	struct iks_cur c = iks_cur_from_bytes(b);

	if (b.len > cap || !iks_cur_copy(&c, out, b.len))
		return false;
	if (len)
		*len = b.len;
	return true;
}

bool pb_equal(struct iks_bytes b, const uint8_t *x, size_t len)
{
	uint8_t tmp[256];

	return len <= sizeof tmp && b.len == len && pb_copy(b, tmp, sizeof tmp, NULL) &&
	       !memcmp(tmp, x, len);
}

uint16_t pb_be16(struct iks_bytes b)
{
	struct iks_cur c = iks_cur_from_bytes(b);
	uint16_t v = 0;

	return iks_cur_be16(&c, &v) ? v : 0;
}

struct rmsg *rmsg_decode(const uint8_t *data, size_t len)
{
	struct rmsg *r;

	if (len > sizeof r->data)
		return NULL;
	r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	{
		struct iks_cur c = iks_cur_make(data, len);

		iks_cur_copy(&c, r->data, len);
	}
	r->len = len;
	if (iks_ike_decode(r->data, r->len, &r->m) != IKS_OK) {
		free(r);
		return NULL;
	}
	return r;
}

int rmsg_notify(const struct iks_msg *m, uint16_t type, int parent)
{
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		if ((p->type == IKS_V2_PL_N || (m->version == 1 && p->type == IKS_V1_PL_N)) &&
		    (parent == -2 || p->parent == parent) && p->u.notify.type == type)
			return (int)i;
	}
	return -1;
}

uint16_t rmsg_error(const struct iks_msg *m, int parent)
{
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		if ((p->type == IKS_V2_PL_N || (m->version == 1 && p->type == IKS_V1_PL_N)) &&
		    (parent == -2 || p->parent == parent) && p->u.notify.type &&
		    iks_notify_is_error(p->u.notify.type))
			return p->u.notify.type;
	}
	return 0;
}

void probe_collect_vids(struct iks_probe_discovery *d, const struct iks_msg *m)
{
	uint16_t vt = m->version == 2 ? IKS_V2_PL_V : IKS_V1_PL_VID;

	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];
		const char *name;
		char buf[80];

		if (p->type != vt)
			continue;
		name = iks_vendor_name(p->body.ptr, p->body.len);
		if (name) {
			snprintf(buf, sizeof buf, "%s", name);
		} else {
			struct iks_cur c = iks_cur_from_bytes(p->body);
			size_t n = 0;
			uint8_t v;

			buf[0] = '\0';
			while (n + 3 < sizeof buf && iks_cur_u8(&c, &v))
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%02x", v);
		}
		for (unsigned k = 0; k < d->n_vids; k++)
			if (!strcmp(d->vids[k], buf))
				goto next;
		if (d->n_vids < IKS_PROBE_MAX_VIDS)
			snprintf(d->vids[d->n_vids++], sizeof d->vids[0], "%s", buf);
next:;
	}
}

int probe_cidr(const char *text, const struct iks_addr *fallback, struct cidr *out)
{
	char buf[64];
	const char *slash;
	unsigned prefix, alen;

	memset(out, 0, sizeof *out);
	if (!text) {
		out->family = fallback->family;
		memcpy(out->addr, fallback->a, 16);
		out->prefix = fallback->family == 6 ? 128 : 32;
	} else {
		slash = strchr(text, '/');
		snprintf(buf, sizeof buf, "%.*s", slash ? (int)(slash - text) : (int)strlen(text),
			 text);
		if (inet_pton(AF_INET, buf, out->addr) == 1)
			out->family = 4;
		else if (inet_pton(AF_INET6, buf, out->addr) == 1)
			out->family = 6;
		else
			return IKS_ERR_USAGE;
		alen = out->family == 6 ? 128 : 32;
		prefix = alen;
		if (slash) {
			char *end;
			unsigned long v = strtoul(slash + 1, &end, 10);

			if (*end || end == slash + 1 || v > alen)
				return IKS_ERR_USAGE;
			prefix = (unsigned)v;
		}
		out->prefix = (uint8_t)prefix;
	}
	alen = out->family == 6 ? 16 : 4;
	for (unsigned i = 0; i < alen; i++) {
		unsigned bits = out->prefix > i * 8 ? out->prefix - i * 8 : 0;
		uint8_t mask = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));

		out->start[i] = out->addr[i] & mask;
		out->end[i] = (uint8_t)(out->addr[i] | (uint8_t)~mask);
	}
	return IKS_OK;
}
