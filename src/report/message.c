/*
 * One decoded IKE message as JSON (shared/spec/cli.md) or text.  The
 * verbose text tree is rendered from the same JSON object, so the two
 * outputs can never disagree about a field.
 */
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include "ikescope/names.h"
#include "ikescope/report.h"
#include "report/report_int.h"

char *iks_report_hex(const uint8_t *p, size_t n, char *buf, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	if (!len)
		return buf;
	for (i = 0; i < n && 2 * i + 2 < len; i++) {
		buf[2 * i] = digits[p[i] >> 4];
		buf[2 * i + 1] = digits[p[i] & 15];
	}
	buf[2 * i] = '\0';
	return buf;
}

json_t *iks_json_hex(const uint8_t *p, size_t n)
{
	char *buf = malloc(2 * n + 1);
	json_t *j;

	if (!buf)
		return NULL;
	iks_report_hex(p, n, buf, 2 * n + 1);
	j = json_string(buf);
	free(buf);
	return j;
}

const char *iks_report_payload_name(const struct iks_msg *m, const struct iks_payload *p,
				    char *buf, size_t len)
{
	const char *name;

	if (p->type == IKS_V1_PL_ENCRYPTED)
		return IKS_PAYLOAD_ENCRYPTED_NAME;
	name = iks_payload_name(m->version, p->type);
	if (name)
		return name;
	snprintf(buf, len, "%u", p->type);
	return buf;
}

static bool is_encrypted_container(const struct iks_msg *m, const struct iks_payload *p)
{
	return p->type == IKS_V1_PL_ENCRYPTED ||
	       (m->version == 2 && (p->type == IKS_V2_PL_SK || p->type == IKS_V2_PL_SKF));
}

static json_t *payload_list_json(const struct iks_msg *m, int parent, unsigned flags);

static json_t *payload_json(const struct iks_msg *m, unsigned index, unsigned flags)
{
	const struct iks_payload *p = &m->payloads[index];
	char buf[16];
	json_t *o = json_object();

	json_object_set_new(o, "type", json_integer(p->type == IKS_V1_PL_ENCRYPTED ?
							    p->next : p->type));
	json_object_set_new(o, "name", json_string(iks_report_payload_name(m, p, buf,
									   sizeof buf)));
	if (flags & IKS_REPORT_VERBOSE)
		iks_report_payload_details(m, p, o);
	if (is_encrypted_container(m, p)) {
		json_object_set_new(o, "decrypted", json_boolean(p->u.sk.decrypted));
		if (p->u.sk.decrypted)
			json_object_set_new(o, "payloads",
					    payload_list_json(m, (int)index, flags));
	}
	return o;
}

static json_t *payload_list_json(const struct iks_msg *m, int parent, unsigned flags)
{
	json_t *a = json_array();

	for (unsigned i = 0; i < m->n_payloads; i++)
		if (m->payloads[i].parent == parent)
			json_array_append_new(a, payload_json(m, i, flags));
	return a;
}

static double datagram_time(const struct iks_datagram *dg)
{
	return (double)dg->ts_sec + dg->ts_nsec / 1e9;
}

/* The datagram's own fields, first in every record. */
static json_t *datagram_json(const struct iks_datagram *dg)
{
	char addr[64];
	json_t *o = json_object();

	if (!o)
		return NULL;
	json_object_set_new(o, "frame", json_integer((json_int_t)dg->frame));
	json_object_set_new(o, "time", json_real(datagram_time(dg)));
	json_object_set_new(o, "src", json_string(iks_addr_format(&dg->src, addr, sizeof addr)));
	json_object_set_new(o, "dst", json_string(iks_addr_format(&dg->dst, addr, sizeof addr)));
	json_object_set_new(o, "sport", json_integer(dg->sport));
	json_object_set_new(o, "dport", json_integer(dg->dport));
	return o;
}

json_t *iks_report_not_ike_json(const struct iks_datagram *dg, int err)
{
	json_t *o = datagram_json(dg);

	if (!o)
		return NULL;
	json_object_set_new(o, "ike_version", json_null());
	json_object_set_new(o, "length", json_integer((json_int_t)dg->len));
	json_object_set_new(o, "payloads", json_array());
	json_object_set_new(o, "malformed", json_pack("{s:s,s:i}", "reason",
						      iks_strerror(err), "offset", 0));
	return o;
}

json_t *iks_report_message_json(const struct iks_datagram *dg,
				const struct iks_msg *m, unsigned flags)
{
	char hex[17];
	const char *exname = iks_exchange_name(m->version, m->hdr.exchange);
	json_t *o = datagram_json(dg);

	if (!o)
		return NULL;
	json_object_set_new(o, "ike_version", json_integer(m->version));
	json_object_set_new(o, "ispi", json_string(iks_report_hex(m->hdr.ispi, 8, hex, sizeof hex)));
	json_object_set_new(o, "rspi", json_string(iks_report_hex(m->hdr.rspi, 8, hex, sizeof hex)));
	json_object_set_new(o, "exchange_type", json_integer(m->hdr.exchange));
	json_object_set_new(o, "exchange", exname ? json_string(exname) : json_null());
	json_object_set_new(o, "message_id", json_integer(m->hdr.message_id));
	json_object_set_new(o, "flags", json_integer(m->hdr.flags));
	if (m->version == 2)
		json_object_set_new(o, "response",
				    json_boolean(m->hdr.flags & IKS_V2_FLAG_R));
	json_object_set_new(o, "length", json_integer(m->hdr.length));
	if (dg->ip_reassembled)
		json_object_set_new(o, "ip_fragments", json_integer(dg->ip_fragments));
	json_object_set_new(o, "payloads", payload_list_json(m, -1, flags));
	if (m->malformed != IKS_OK) {
		json_t *e = json_object();

		json_object_set_new(e, "reason", json_string(iks_strerror(m->malformed)));
		json_object_set_new(e, "offset", json_integer(m->malformed_offset));
		if (m->malformed_payload)
			json_object_set_new(e, "payload", json_integer(m->malformed_payload));
		json_object_set_new(o, "malformed", e);
	}
	return o;
}

/* ---- text ---- */

static void format_time(const struct iks_datagram *dg, char *buf, size_t len)
{
	time_t t = (time_t)dg->ts_sec;
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d.%06u", tm.tm_year + 1900,
		 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		 (unsigned)(dg->ts_nsec / 1000) % 1000000u);
}

static void print_payload_summary(FILE *out, const struct iks_msg *m, int parent)
{
	char buf[96];

	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		if (p->parent != parent)
			continue;
		fprintf(out, " %s", iks_report_payload_short(m, p, buf, sizeof buf));
		if (is_encrypted_container(m, p)) {
			if (p->u.sk.decrypted) {
				fputs(" {", out);
				print_payload_summary(out, m, (int)i);
				fputs(" }", out);
			} else {
				fputs("(encrypted)", out);
			}
		}
	}
}

/*
 * The verbose tree: every member of a payload's JSON object, one per line;
 * "x" and "x_name" shown together as "x: NAME (number)"; list items marked
 * with "- " like YAML.
 */
static void print_scalar(FILE *out, json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		fputs(json_string_value(v), out);
		break;
	case JSON_INTEGER:
		fprintf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		fprintf(out, "%.6f", json_real_value(v));
		break;
	case JSON_TRUE:
		fputs("yes", out);
		break;
	case JSON_FALSE:
		fputs("no", out);
		break;
	default:
		fputs("-", out);
		break;
	}
}

static bool is_name_key(const char *k)
{
	size_t n = strlen(k);

	return n > 5 && !strcmp(k + n - 5, "_name");
}

static void print_fields(FILE *out, json_t *obj, int indent, bool dash);

/* The prefix of one line: indentation, and "- " on a list item's first. */
static void line_start(FILE *out, int indent, bool *dash)
{
	if (*dash) {
		fprintf(out, "%*s- ", indent - 2, "");
		*dash = false;
	} else {
		fprintf(out, "%*s", indent, "");
	}
}

static void print_list(FILE *out, json_t *arr, int indent)
{
	size_t i;
	json_t *item;

	json_array_foreach(arr, i, item) {
		if (json_is_object(item)) {
			print_fields(out, item, indent + 2, true);
		} else {
			fprintf(out, "%*s- ", indent, "");
			print_scalar(out, item);
			fputc('\n', out);
		}
	}
}

static void print_fields(FILE *out, json_t *obj, int indent, bool dash)
{
	json_t *name = json_object_get(obj, "name"), *child;
	const char *k;

	/* a payload: its name is the heading, its number beside it */
	if (name && json_is_string(name)) {
		line_start(out, indent, &dash);
		fprintf(out, "%s", json_string_value(name));
		if (json_is_integer(json_object_get(obj, "type")))
			fprintf(out, " (%" JSON_INTEGER_FORMAT ")",
				json_integer_value(json_object_get(obj, "type")));
		fputc('\n', out);
		indent += 2;
	}
	json_object_foreach(obj, k, child) {
		char named[64];
		json_t *label;

		if ((name && (!strcmp(k, "name") || !strcmp(k, "type"))) || is_name_key(k))
			continue;
		line_start(out, indent, &dash);
		fprintf(out, "%s:", k);
		if (json_is_array(child)) {
			fputc('\n', out);
			print_list(out, child, indent + 2);
			continue;
		}
		if (json_is_object(child)) {
			fputc('\n', out);
			print_fields(out, child, indent + 2, false);
			continue;
		}
		snprintf(named, sizeof named, "%s_name", k);
		label = json_object_get(obj, named);
		if (json_is_string(child) && !*json_string_value(child)) {
			fputc('\n', out); /* an empty value: no trailing blank */
			continue;
		}
		fputc(' ', out);
		if (label && json_is_string(label)) {
			fprintf(out, "%s (", json_string_value(label));
			print_scalar(out, child);
			fputc(')', out);
		} else {
			print_scalar(out, child);
		}
		fputc('\n', out);
	}
}

void iks_report_not_ike_text(FILE *out, const struct iks_datagram *dg, int err)
{
	char when[64], src[64], dst[64];

	format_time(dg, when, sizeof when);
	iks_addr_format(&dg->src, src, sizeof src);
	iks_addr_format(&dg->dst, dst, sizeof dst);
	fprintf(out, "%" PRIu64 " %s %s:%u > %s:%u not IKE (%zu bytes): [malformed: %s]\n",
		dg->frame, when, src, dg->sport, dst, dg->dport, dg->len, iks_strerror(err));
}

void iks_report_message_text(FILE *out, const struct iks_datagram *dg,
			     const struct iks_msg *m, unsigned flags)
{
	char when[64], src[64], dst[64], ispi[17], rspi[17], exbuf[16];
	const char *ex = iks_exchange_name(m->version, m->hdr.exchange);

	if (!ex) {
		snprintf(exbuf, sizeof exbuf, "exchange %u", m->hdr.exchange);
		ex = exbuf;
	}
	format_time(dg, when, sizeof when);
	iks_addr_format(&dg->src, src, sizeof src);
	iks_addr_format(&dg->dst, dst, sizeof dst);
	fprintf(out, "%" PRIu64 " %s %s%s%s:%u > %s%s%s:%u IKEv%u %s mid %" PRIu32,
		dg->frame, when, dg->src.family == 6 ? "[" : "", src,
		dg->src.family == 6 ? "]" : "", dg->sport, dg->dst.family == 6 ? "[" : "",
		dst, dg->dst.family == 6 ? "]" : "", dg->dport, m->version, ex,
		m->hdr.message_id);
	if (m->version == 2)
		fprintf(out, " %s%s", m->hdr.flags & IKS_V2_FLAG_R ? "response" : "request",
			m->hdr.flags & IKS_V2_FLAG_I ? " (I)" : " (R)");
	fprintf(out, " %s/%s", iks_report_hex(m->hdr.ispi, 8, ispi, sizeof ispi),
		iks_report_hex(m->hdr.rspi, 8, rspi, sizeof rspi));
	if (dg->ip_reassembled)
		fprintf(out, " [%u IP fragments]", dg->ip_fragments);
	fputs(":", out);
	print_payload_summary(out, m, -1);
	if (m->malformed != IKS_OK)
		fprintf(out, " [malformed: %s at offset %" PRIu32 "]",
			iks_strerror(m->malformed), m->malformed_offset);
	fputc('\n', out);

	if (flags & IKS_REPORT_VERBOSE) {
		json_t *o = iks_report_message_json(dg, m, flags);
		json_t *pl = json_object_get(o, "payloads");
		size_t i;
		json_t *child;

		json_array_foreach(pl, i, child)
			print_fields(out, child, 2, false);
		json_decref(o);
	}
}
