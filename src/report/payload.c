/*
 * Decoded payload fields as JSON members (the verbose view of dissect) and
 * the short payload labels of the one-line summary.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "ikescope/names.h"
#include "report/report_int.h"


static void set_named(json_t *o, const char *key, uint32_t value, const char *name)
{
	json_object_set_new(o, key, json_integer(value));
	if (name) {
		char k[64];

		snprintf(k, sizeof k, "%s_name", key);
		json_object_set_new(o, k, json_string(name));
	}
}

static void set_field(json_t *o, const char *key, enum iks_field f, unsigned version,
		      uint32_t value)
{
	set_named(o, key, value, iks_report_field_name(f, version, value));
}

static json_t *addr_string(int family, const uint8_t *a)
{
	char buf[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, a, buf, sizeof buf))
		return json_null();
	return json_string(buf);
}

/* A printable string for FQDN / RFC822 identities, else hex. */
static json_t *text_or_hex(struct iks_bytes b)
{
	char buf[256];

	if (b.len >= sizeof buf)
		return iks_json_hex(b.ptr, b.len);
	for (uint32_t i = 0; i < b.len; i++)
		if (b.ptr[i] < 0x20 || b.ptr[i] > 0x7e)
			return iks_json_hex(b.ptr, b.len);
	if (b.len) /* an ID payload cut short has no data, ptr NULL */
		memcpy(buf, b.ptr, b.len);
	buf[b.len] = '\0';
	return json_string(buf);
}

/* The identity value, typed: address, subnet, range or string.  IKEv2
 * numbers the types both versions have alike (RFC 7296 3.5). */
static json_t *id_value(unsigned version, uint8_t type, struct iks_bytes d)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN], buf[2 * INET6_ADDRSTRLEN + 2];
	unsigned alen = 0;
	char sep = 0;

	switch (type) {
	case IKS_V1_ID_IPV4_ADDR:
		return d.len == 4 ? addr_string(AF_INET, d.ptr) : iks_json_hex(d.ptr, d.len);
	case IKS_V1_ID_IPV6_ADDR:
		return d.len == 16 ? addr_string(AF_INET6, d.ptr) : iks_json_hex(d.ptr, d.len);
	case IKS_V1_ID_FQDN:
	case IKS_V1_ID_USER_FQDN:
	case IKS_V1_ID_KEY_ID:
		return text_or_hex(d);
	default:
		break;
	}
	if (version == 1) {
		if (type == IKS_V1_ID_IPV4_ADDR_SUBNET || type == IKS_V1_ID_IPV4_ADDR_RANGE)
			alen = 4;
		else if (type == IKS_V1_ID_IPV6_ADDR_SUBNET || type == IKS_V1_ID_IPV6_ADDR_RANGE)
			alen = 16;
		sep = (type == IKS_V1_ID_IPV4_ADDR_SUBNET || type == IKS_V1_ID_IPV6_ADDR_SUBNET) ? '/' : '-';
	}
	if (!alen || d.len != 2 * alen)
		return iks_json_hex(d.ptr, d.len);
	inet_ntop(alen == 4 ? AF_INET : AF_INET6, d.ptr, a, sizeof a);
	inet_ntop(alen == 4 ? AF_INET : AF_INET6, d.ptr + alen, b, sizeof b);
	snprintf(buf, sizeof buf, "%s%c%s", a, sep, b);
	return json_string(buf);
}

static json_t *attrs_json(const struct iks_msg *m, unsigned protocol, uint16_t first,
			  uint16_t count, bool cfg)
{
	json_t *arr = json_array();

	for (unsigned i = 0; i < count; i++) {
		const struct iks_attr *a = &m->attrs[first + i];
		json_t *o = json_object();
		const char *tn, *vn = NULL;

		if (cfg) {
			tn = iks_report_field_name(IKS_FIELD_CFG_ATTR, m->version, a->type);
		} else {
			tn = iks_report_attr_name(m->version, protocol, a->type);
			vn = iks_report_attr_value_name(m->version, protocol, a->type,
							a->value);
		}
		set_named(o, "type", a->type, tn);
		if (a->tv || (!cfg && a->data.len <= 4)) {
			set_named(o, "value", a->value, vn);
		} else {
			json_object_set_new(o, "length", json_integer(a->data.len));
			json_object_set_new(o, "data", iks_json_hex(a->data.ptr, a->data.len));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static void sa_details(const struct iks_msg *m, const struct iks_payload *p, json_t *o)
{
	json_t *props = json_array();

	if (m->version == 1) {
		json_object_set_new(o, "doi", json_integer(p->u.sa.doi));
		json_object_set_new(o, "situation", json_integer(p->u.sa.situation));
	}
	for (unsigned i = 0; i < p->u.sa.prop_count; i++) {
		const struct iks_proposal *pr = iks_sa_proposal(m, p, i);
		json_t *po = json_object(), *xfs = json_array();

		json_object_set_new(po, "number", json_integer(pr->number));
		set_field(po, "protocol", IKS_FIELD_PROTOCOL, m->version, pr->protocol);
		if (pr->spi.len)
			json_object_set_new(po, "spi", iks_json_hex(pr->spi.ptr, pr->spi.len));
		for (unsigned j = 0; j < pr->xf_count; j++) {
			const struct iks_transform *t = iks_proposal_transform(m, pr, j);
			json_t *to = json_object();

			if (m->version == 1)
				json_object_set_new(to, "number", json_integer(t->number));
			else
				set_field(to, "transform_type", IKS_FIELD_TRANSFORM_TYPE,
					  2, t->type);
			set_named(to, "id", t->id,
				  iks_report_transform_name(m->version, pr->protocol,
							    t->type, t->id));
			if (t->key_length)
				json_object_set_new(to, "key_length",
						    json_integer(t->key_length));
			if (t->attr_count)
				json_object_set_new(to, "attributes",
						    attrs_json(m, pr->protocol, t->attr_first,
							       t->attr_count, false));
			json_array_append_new(xfs, to);
		}
		json_object_set_new(po, "transforms", xfs);
		json_array_append_new(props, po);
	}
	json_object_set_new(o, "proposals", props);
}

static json_t *selector_json(const struct iks_selector *s)
{
	json_t *o = json_object();

	set_field(o, "ts_type", IKS_FIELD_TS_TYPE, 2, s->type);
	json_object_set_new(o, "ip_protocol", json_integer(s->ip_proto));
	json_object_set_new(o, "start_port", json_integer(s->start_port));
	json_object_set_new(o, "end_port", json_integer(s->end_port));
	if (s->addr_len) {
		int af = s->addr_len == 4 ? AF_INET : AF_INET6;

		json_object_set_new(o, "start_address", addr_string(af, s->start));
		json_object_set_new(o, "end_address", addr_string(af, s->end));
	} else {
		json_object_set_new(o, "data", iks_json_hex(s->raw.ptr, s->raw.len));
	}
	return o;
}

/* INVALID_KE_PAYLOAD (RFC 7296 3.10.1, type 17) carries the wanted group. */

static void notify_details(const struct iks_msg *m, const struct iks_payload *p, json_t *o)
{
	if (m->version == 1)
		json_object_set_new(o, "doi", json_integer(p->u.notify.doi));
	set_field(o, "protocol", IKS_FIELD_PROTOCOL, m->version, p->u.notify.protocol);
	set_field(o, "notify_type", IKS_FIELD_NOTIFY, m->version, p->u.notify.type);
	if (p->u.notify.spi.len)
		json_object_set_new(o, "spi", iks_json_hex(p->u.notify.spi.ptr,
							   p->u.notify.spi.len));
	if (p->u.notify.data.len)
		json_object_set_new(o, "data", iks_json_hex(p->u.notify.data.ptr,
							    p->u.notify.data.len));
	if (m->version == 2 && p->u.notify.type == IKS_V2_N_INVALID_KE_PAYLOAD &&
	    p->u.notify.data.len == 2) {
		uint32_t g = (uint32_t)p->u.notify.data.ptr[0] << 8 | p->u.notify.data.ptr[1];

		set_field(o, "accepted_group", IKS_FIELD_KE_GROUP, 2, g);
	}
}

static void bytes_member(json_t *o, const char *key, struct iks_bytes b)
{
	json_object_set_new(o, key, iks_json_hex(b.ptr, b.len));
}

static void v1_details(const struct iks_msg *m, const struct iks_payload *p, json_t *o)
{
	switch (p->type) {
	case IKS_V1_PL_KE:
		json_object_set_new(o, "key_exchange_length", json_integer(p->u.ke.data.len));
		bytes_member(o, "key_exchange_data", p->u.ke.data);
		break;
	case IKS_V1_PL_ID:
	case IKS_V1_PL_NATOA:
	case IKS_V1_PL_NATOA_DRAFT:
		set_field(o, "id_type", IKS_FIELD_ID_TYPE, 1, p->u.id.id_type);
		json_object_set_new(o, "protocol", json_integer(p->u.id.protocol));
		json_object_set_new(o, "port", json_integer(p->u.id.port));
		json_object_set_new(o, "id", id_value(1, p->u.id.id_type, p->u.id.data));
		break;
	case IKS_V1_PL_CERT:
	case IKS_V1_PL_CR:
		set_field(o, "encoding", IKS_FIELD_CERT_ENCODING, 1, p->u.cert.encoding);
		json_object_set_new(o, "data_length", json_integer(p->u.cert.data.len));
		bytes_member(o, "data", p->u.cert.data);
		break;
	case IKS_V1_PL_HASH:
		bytes_member(o, "hash", p->body);
		break;
	case IKS_V1_PL_SIG:
		bytes_member(o, "signature", p->body);
		break;
	case IKS_V1_PL_NONCE:
		json_object_set_new(o, "nonce_length", json_integer(p->body.len));
		bytes_member(o, "nonce", p->body);
		break;
	case IKS_V1_PL_NATD:
	case IKS_V1_PL_NATD_DRAFT:
		bytes_member(o, "hash", p->body);
		break;
	case IKS_V1_PL_D:
		json_object_set_new(o, "doi", json_integer(p->u.del.doi));
		set_field(o, "protocol", IKS_FIELD_PROTOCOL, 1, p->u.del.protocol);
		json_object_set_new(o, "spi_count", json_integer(p->u.del.count));
		bytes_member(o, "spis", p->u.del.spis);
		break;
	case IKS_V1_PL_ATTR:
		set_field(o, "cfg_type", IKS_FIELD_CFG_TYPE, 1, p->u.cfg.cfg_type);
		json_object_set_new(o, "identifier", json_integer(p->u.cfg.identifier));
		json_object_set_new(o, "attributes", attrs_json(m, 0, p->u.cfg.attr_first,
								p->u.cfg.attr_count, true));
		break;
	case IKS_V1_PL_FRAG:
		json_object_set_new(o, "fragment_id", json_integer(p->u.frag.id));
		json_object_set_new(o, "fragment_number", json_integer(p->u.frag.number));
		json_object_set_new(o, "last", json_boolean(p->u.frag.flags & 1));
		json_object_set_new(o, "data_length", json_integer(p->u.frag.data.len));
		break;
	default:
		break;
	}
}

static void v2_details(const struct iks_msg *m, const struct iks_payload *p, json_t *o)
{
	switch (p->type) {
	case IKS_V2_PL_KE:
		set_field(o, "group", IKS_FIELD_KE_GROUP, 2, p->u.ke.group);
		json_object_set_new(o, "key_exchange_length", json_integer(p->u.ke.data.len));
		bytes_member(o, "key_exchange_data", p->u.ke.data);
		break;
	case IKS_V2_PL_IDI:
	case IKS_V2_PL_IDR:
		set_field(o, "id_type", IKS_FIELD_ID_TYPE, 2, p->u.id.id_type);
		json_object_set_new(o, "id", id_value(2, p->u.id.id_type, p->u.id.data));
		break;
	case IKS_V2_PL_CERT:
	case IKS_V2_PL_CERTREQ:
		set_field(o, "encoding", IKS_FIELD_CERT_ENCODING, 2, p->u.cert.encoding);
		json_object_set_new(o, "data_length", json_integer(p->u.cert.data.len));
		bytes_member(o, "data", p->u.cert.data);
		break;
	case IKS_V2_PL_AUTH:
		set_field(o, "method", IKS_FIELD_AUTH_METHOD, 2, p->u.auth.method);
		bytes_member(o, "auth_data", p->u.auth.data);
		break;
	case IKS_V2_PL_NONCE:
		json_object_set_new(o, "nonce_length", json_integer(p->body.len));
		bytes_member(o, "nonce", p->body);
		break;
	case IKS_V2_PL_D:
		set_field(o, "protocol", IKS_FIELD_PROTOCOL, 2, p->u.del.protocol);
		json_object_set_new(o, "spi_count", json_integer(p->u.del.count));
		bytes_member(o, "spis", p->u.del.spis);
		break;
	case IKS_V2_PL_TSI:
	case IKS_V2_PL_TSR: {
		json_t *a = json_array();

		for (unsigned i = 0; i < p->u.ts.sel_count; i++)
			json_array_append_new(a, selector_json(&m->selectors[p->u.ts.sel_first + i]));
		json_object_set_new(o, "selectors", a);
		break;
	}
	case IKS_V2_PL_CP:
		set_field(o, "cfg_type", IKS_FIELD_CFG_TYPE, 2, p->u.cfg.cfg_type);
		json_object_set_new(o, "attributes", attrs_json(m, 0, p->u.cfg.attr_first,
								p->u.cfg.attr_count, true));
		break;
	case IKS_V2_PL_SK:
	case IKS_V2_PL_SKF:
		if (p->type == IKS_V2_PL_SKF) {
			json_object_set_new(o, "fragment_number", json_integer(p->u.sk.frag_number));
			json_object_set_new(o, "total_fragments", json_integer(p->u.sk.frag_total));
		}
		json_object_set_new(o, "data_length", json_integer(p->u.sk.data.len));
		break;
	case IKS_V2_PL_EAP:
		set_field(o, "code", IKS_FIELD_EAP_CODE, 2, p->u.eap.code);
		json_object_set_new(o, "identifier", json_integer(p->u.eap.identifier));
		if (p->u.eap.eap_type)
			set_field(o, "eap_type", IKS_FIELD_EAP_TYPE, 2, p->u.eap.eap_type);
		break;
	default:
		break;
	}
}

void iks_report_payload_details(const struct iks_msg *m, const struct iks_payload *p,
				json_t *o)
{
	json_object_set_new(o, "length", json_integer(p->length));
	if (p->critical)
		json_object_set_new(o, "critical", json_true());
	if (p->type == IKS_V1_PL_ENCRYPTED) {
		json_object_set_new(o, "data_length", json_integer(p->body.len));
		return;
	}
	if ((m->version == 1 && p->type == IKS_V1_PL_SA) ||
	    (m->version == 2 && p->type == IKS_V2_PL_SA)) {
		sa_details(m, p, o);
		return;
	}
	if ((m->version == 1 && p->type == IKS_V1_PL_N) ||
	    (m->version == 2 && p->type == IKS_V2_PL_N)) {
		notify_details(m, p, o);
		return;
	}
	if ((m->version == 1 && p->type == IKS_V1_PL_VID) ||
	    (m->version == 2 && p->type == IKS_V2_PL_V)) {
		const char *vn = iks_report_vendor_name(p->body.ptr, p->body.len);

		bytes_member(o, "vendor_id", p->body);
		if (vn)
			json_object_set_new(o, "vendor", json_string(vn));
		return;
	}
	if (m->version == 1)
		v1_details(m, p, o);
	else
		v2_details(m, p, o);
}

/* Summary labels: short forms of the payload names (presentation only). */
static const char *short_label(const struct iks_msg *m, unsigned type)
{
	if (m->version == 1) {
		switch (type) {
		case IKS_V1_PL_SA: return "SA";
		case IKS_V1_PL_KE: return "KE";
		case IKS_V1_PL_ID: return "ID";
		case IKS_V1_PL_CERT: return "CERT";
		case IKS_V1_PL_CR: return "CR";
		case IKS_V1_PL_HASH: return "HASH";
		case IKS_V1_PL_SIG: return "SIG";
		case IKS_V1_PL_NONCE: return "Nonce";
		case IKS_V1_PL_N: return "N";
		case IKS_V1_PL_D: return "D";
		case IKS_V1_PL_VID: return "VID";
		case IKS_V1_PL_ATTR: return "ATTR";
		case IKS_V1_PL_NATD: case IKS_V1_PL_NATD_DRAFT: return "NAT-D";
		case IKS_V1_PL_NATOA: case IKS_V1_PL_NATOA_DRAFT: return "NAT-OA";
		case IKS_V1_PL_FRAG: return "FRAG";
		case IKS_V1_PL_ENCRYPTED: return "E";
		default: return NULL;
		}
	}
	switch (type) {
	case IKS_V2_PL_SA: return "SA";
	case IKS_V2_PL_KE: return "KE";
	case IKS_V2_PL_IDI: return "IDi";
	case IKS_V2_PL_IDR: return "IDr";
	case IKS_V2_PL_CERT: return "CERT";
	case IKS_V2_PL_CERTREQ: return "CERTREQ";
	case IKS_V2_PL_AUTH: return "AUTH";
	case IKS_V2_PL_NONCE: return "Nonce";
	case IKS_V2_PL_N: return "N";
	case IKS_V2_PL_D: return "D";
	case IKS_V2_PL_V: return "V";
	case IKS_V2_PL_TSI: return "TSi";
	case IKS_V2_PL_TSR: return "TSr";
	case IKS_V2_PL_SK: return "SK";
	case IKS_V2_PL_SKF: return "SKF";
	case IKS_V2_PL_CP: return "CP";
	case IKS_V2_PL_EAP: return "EAP";
	default: return NULL;
	}
}

const char *iks_report_payload_short(const struct iks_msg *m, const struct iks_payload *p,
				     char *buf, size_t len)
{
	const char *label = short_label(m, p->type);
	bool notify = (m->version == 1 && p->type == IKS_V1_PL_N) ||
		      (m->version == 2 && p->type == IKS_V2_PL_N);

	if (notify) {
		const char *n = iks_report_field_name(IKS_FIELD_NOTIFY, m->version,
						      p->u.notify.type);
		if (n)
			snprintf(buf, len, "N(%s)", n);
		else
			snprintf(buf, len, "N(%u)", p->u.notify.type);
		return buf;
	}
	if (p->type == IKS_V2_PL_SKF && m->version == 2) {
		snprintf(buf, len, "SKF(%u/%u)", p->u.sk.frag_number, p->u.sk.frag_total);
		return buf;
	}
	if (label)
		return label;
	snprintf(buf, len, "#%u", p->type);
	return buf;
}
