/*
 * One negotiation and its findings as a JSON record (shared/spec/
 * findings.md) and as text for a person who never read an RFC.
 */
#include <stdio.h>
#include <string.h>

#include "ikescope/names.h"
#include "report/report_int.h"


static json_t *peer_json(const struct iks_addr *a, uint16_t port)
{
	char buf[64];
	json_t *o = json_object();

	json_object_set_new(o, "ip", json_string(iks_addr_format(a, buf, sizeof buf)));
	json_object_set_new(o, "port", json_integer(port));
	return o;
}

static const char *exchange_word(const struct iks_nego *n)
{
	if (n->version == 2)
		return "ike_sa_init";
	return n->exchange == IKS_V1_EX_AGGRESSIVE ? "aggressive" : "main";
}

static json_t *kw_or_null(int rc, const char *w)
{
	return rc < 0 ? json_null() : json_string(w);
}

static json_t *alg_list_or_one(json_t *arr)
{
	if (json_array_size(arr) == 1) {
		json_t *one = json_incref(json_array_get(arr, 0));

		json_decref(arr);
		return one;
	}
	if (json_array_size(arr) == 0) {
		json_decref(arr);
		return json_null();
	}
	return arr;
}

/* A proposal in strongSwan keyword style (findings.md "A proposal"). */
static json_t *prop_json(const struct iks_prop *p)
{
	json_t *o = json_object(), *enc = json_array(), *integ = json_array(),
	       *prf = json_array(), *dh = json_array();
	char w[32], full[200];
	bool ike = p->protocol == IKS_V2_PROTO_IKE; /* = ISAKMP's 1 in IKEv1 */

	for (unsigned i = 0; i < p->n_encr; i++) {
		int rc = p->version == 2 ?
			iks_keyword_v2(IKS_V2_XFT_ENCR, p->encr[i].id, p->encr[i].key_length, w, sizeof w) :
			ike ? iks_keyword_v1_phase1(IKS_V1_ATTR_ENCRYPTION_ALGORITHM, p->encr[i].id, p->encr[i].key_length, w, sizeof w) :
			      iks_keyword_v1_esp(p->encr[i].id, p->encr[i].key_length, w, sizeof w);
		json_array_append_new(enc, kw_or_null(rc, w));
	}
	for (unsigned i = 0; i < p->n_integ; i++) {
		int rc = p->version == 2 ? iks_keyword_v2(IKS_V2_XFT_INTEG, p->integ[i], 0, w, sizeof w) :
			 ike ? iks_keyword_v1_phase1(IKS_V1_ATTR_HASH_ALGORITHM, p->integ[i], 0, w, sizeof w) :
			       iks_keyword_v1_auth_alg(p->integ[i], w, sizeof w);
		json_array_append_new(integ, kw_or_null(rc, w));
	}
	for (unsigned i = 0; i < p->n_prf; i++)
		json_array_append_new(prf, kw_or_null(iks_keyword_v2(IKS_V2_XFT_PRF, p->prf[i], 0, w, sizeof w), w));
	for (unsigned i = 0; i < p->n_dh; i++)
		if (p->dh[i])
			json_array_append_new(dh, kw_or_null(iks_keyword_dh(p->dh[i], w, sizeof w), w));

	json_object_set_new(o, "protocol", json_string(p->protocol == IKS_V2_PROTO_IKE ? "ike" :
						       p->protocol == IKS_V2_PROTO_AH ? "ah" : "esp"));
	json_object_set_new(o, "enc", alg_list_or_one(enc));
	if (p->version == 1 && ike)
		json_object_set_new(o, "hash", alg_list_or_one(integ));
	else
		json_object_set_new(o, "integ", alg_list_or_one(integ));
	if (p->version == 2 && ike)
		json_object_set_new(o, "prf", alg_list_or_one(prf));
	else
		json_decref(prf);
	json_object_set_new(o, "dh", alg_list_or_one(dh));
	if (p->version == 1 && ike) {
		json_object_set_new(o, "auth", kw_or_null(iks_keyword_v1_phase1(IKS_V1_ATTR_AUTH_METHOD, p->auth_method, 0,
										 w, sizeof w), w));
		json_object_set_new(o, "lifetime", p->lifetime_s ? json_integer(p->lifetime_s) :
								     json_null());
	} else if (p->version == 1 && p->lifetime_s) {
		json_object_set_new(o, "lifetime", json_integer(p->lifetime_s));
	}
	json_object_set_new(o, "proposal", json_string(iks_prop_format(p, full, sizeof full)));
	return o;
}

static json_t *props_json(const struct iks_prop *p, unsigned n)
{
	json_t *a = json_array();

	for (unsigned i = 0; i < n; i++)
		json_array_append_new(a, prop_json(&p[i]));
	return a;
}

/* IKEv2 AUTH method (RFC 7296 3.8) / IKEv1 auth method as findings.md words. */
static json_t *auth_word(const struct iks_nego *n)
{
	char w[32];

	if (n->version == 1) {
		const struct iks_prop *p = n->has_chosen ? &n->chosen :
					   n->n_offered ? &n->offered[0] : NULL;

		if (!p || iks_keyword_v1_phase1(IKS_V1_ATTR_AUTH_METHOD, p->auth_method, 0, w, sizeof w) < 0)
			return json_null();
		return json_string(w);
	}
	switch (n->auth_method_i ? n->auth_method_i : n->auth_method_r) {
	case IKS_V2_AUTH_RSA_SIG: return json_string("rsa-sig");
	case IKS_V2_AUTH_PSK: return json_string("psk");
	case IKS_V2_AUTH_DSS_SIG: return json_string("dss");
	case IKS_V2_AUTH_DIGITAL_SIGNATURE: return json_string("signature");
	default: break;
	}
	if (iks_name(IKS_TAB_V2_AUTH, n->auth_method_i ? n->auth_method_i : n->auth_method_r) &&
	    strstr(iks_name(IKS_TAB_V2_AUTH, n->auth_method_i ? n->auth_method_i : n->auth_method_r),
		   "ECDSA"))
		return json_string("ecdsa");
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].payloads & IKS_PK_EAP)
			return json_string("eap");
	return json_null();
}

static json_t *ts_json(const struct iks_ts *ts, unsigned n, bool known)
{
	json_t *a;

	if (!known)
		return json_null();
	a = json_array();
	for (unsigned i = 0; i < n; i++) {
		struct iks_addr s = { ts[i].family, { 0 } }, e = s;
		char bs[64], be[64], buf[200];

		memcpy(s.a, ts[i].start, 16);
		memcpy(e.a, ts[i].end, 16);
		iks_addr_format(&s, bs, sizeof bs);
		iks_addr_format(&e, be, sizeof be);
		json_t *o = json_object();
		snprintf(buf, sizeof buf, "%s-%s", bs, be);
		json_object_set_new(o, "range", json_string(buf));
		json_object_set_new(o, "protocol", json_integer(ts[i].ip_proto));
		json_object_set_new(o, "ports", json_pack("[ii]", ts[i].start_port, ts[i].end_port));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *child_json(const struct iks_nego *n, const struct iks_child *c)
{
	json_t *o = json_object();
	char w[32];

	(void)n;
	json_object_set_new(o, "message_id", json_integer(c->message_id));
	json_object_set_new(o, "exchange", json_string(
		iks_exchange_name(n->version, c->exchange) ? iks_exchange_name(n->version, c->exchange) : "?"));
	json_object_set_new(o, "status", json_string(iks_status_name(c->status)));
	json_object_set_new(o, "offered", c->n_offered ? props_json(c->offered, c->n_offered) :
							  json_null());
	json_object_set_new(o, "chosen", c->has_chosen ? prop_json(&c->chosen) : json_null());
	if (c->pfs_known && c->pfs_group && iks_keyword_dh(c->pfs_group, w, sizeof w) >= 0)
		json_object_set_new(o, "pfs_group", json_string(w));
	else
		json_object_set_new(o, "pfs_group", json_null());
	json_object_set_new(o, "ts_i", ts_json(c->ts_i, c->n_ts_i, c->ts_known));
	json_object_set_new(o, "ts_r", ts_json(c->ts_r, c->n_ts_r, c->ts_known));
	/* what the responder answered with (narrowed, or its own view) */
	if (c->n_ts_i_resp || c->n_ts_r_resp) {
		json_object_set_new(o, "ts_i_response", ts_json(c->ts_i_resp, c->n_ts_i_resp, true));
		json_object_set_new(o, "ts_r_response", ts_json(c->ts_r_resp, c->n_ts_r_resp, true));
	}
	json_object_set_new(o, "decrypted", json_boolean(c->decrypted));
	if (c->rekey)
		json_object_set_new(o, "rekey", json_true());
	if (c->error_notify) {
		const char *nm = iks_name(n->version == 1 ? IKS_TAB_V1_NOTIFY : IKS_TAB_V2_NOTIFY,
					  c->error_notify);
		json_object_set_new(o, "error", nm ? json_string(nm) : json_integer(c->error_notify));
	}
	json_object_set_new(o, "esp_packets", json_pack("{s:I,s:I}",
		"initiator_to_responder", (json_int_t)c->esp_packets_i,
		"responder_to_initiator", (json_int_t)c->esp_packets_r));
	return o;
}

static json_t *finding_json(const struct iks_finding *f)
{
	json_t *o = json_object(), *ev = json_array();

	for (unsigned i = 0; i < f->n_evidence; i++)
		json_array_append_new(ev, json_integer((json_int_t)f->evidence[i]));
	json_object_set_new(o, "code", json_string(f->code));
	json_object_set_new(o, "severity", json_string(iks_severity_name(f->severity)));
	json_object_set_new(o, "confidence", json_string(iks_confidence_name(f->confidence)));
	json_object_set_new(o, "phase", json_integer(f->phase));
	json_object_set_new(o, "summary", json_string(f->summary));
	json_object_set_new(o, "evidence", ev);
	json_object_set_new(o, "remedy", json_string(f->remedy));
	return o;
}

json_t *iks_report_nego_json(const struct iks_nego *n, const struct iks_findings *fs)
{
	json_t *o = json_object(), *p1 = json_object(), *p2 = json_array(), *fa = json_array();
	char hex[17];

	json_object_set_new(o, "type", json_string("ike_sa"));
	json_object_set_new(o, "ike_version", json_integer(n->version));
	json_object_set_new(o, "exchange", json_string(exchange_word(n)));
	json_object_set_new(o, "initiator", peer_json(&n->init_addr, n->init_port));
	json_object_set_new(o, "responder", peer_json(&n->resp_addr, n->resp_port));
	json_object_set_new(o, "spi_i", json_string(iks_report_hex(n->spi_i, 8, hex, sizeof hex)));
	json_object_set_new(o, "spi_r", n->have_spi_r ?
		json_string(iks_report_hex(n->spi_r, 8, hex, sizeof hex)) : json_null());
	json_object_set_new(o, "start", json_real(n->start));
	json_object_set_new(o, "end", json_real(n->end));
	json_object_set_new(o, "status", json_string(iks_status_name(n->status)));
	json_object_set_new(o, "reason", json_string(n->reason));
	json_object_set_new(o, "messages", json_integer(n->n_msgs));
	if (n->ike_rekeys)
		json_object_set_new(o, "ike_rekeys", json_integer(n->ike_rekeys));
	if (n->retries) {
		const char *why = iks_name(IKS_TAB_V2_NOTIFY, n->retry_notify);
		json_t *r = json_object();

		json_object_set_new(r, "count", json_integer(n->retries));
		json_object_set_new(r, "reason", why ? json_string(why) : json_null());
		json_object_set_new(r, "first_spi_i",
				    json_string(iks_report_hex(n->first_spi_i, 8, hex, sizeof hex)));
		json_object_set_new(o, "retried", r);
	}

	json_object_set_new(p1, "offered", props_json(n->offered, n->n_offered));
	json_object_set_new(p1, "chosen", n->has_chosen ? prop_json(&n->chosen) : json_null());
	json_object_set_new(p1, "auth", auth_word(n));
	json_object_set_new(p1, "nat_t", json_boolean(n->nat_t));
	if (n->psk_checked)
		json_object_set_new(p1, "psk_check", json_string(n->psk_matches ? "match" : "mismatch"));
	json_object_set_new(o, "phase1", p1);

	for (unsigned i = 0; i < n->n_children; i++)
		if (iks_report_child_shown(n, &n->children[i]))
			json_array_append_new(p2, child_json(n, &n->children[i]));
	json_object_set_new(o, "phase2", p2);
	if (n->have_keys || n->decrypt_failed) {
		json_t *d = json_object();

		json_object_set_new(d, "keys", json_boolean(n->have_keys));
		json_object_set_new(d, "error", n->decrypt_failed ? json_string(n->decrypt_error) :
								    json_null());
		json_object_set_new(o, "decryption", d);
	}
	for (unsigned i = 0; i < fs->n; i++)
		json_array_append_new(fa, finding_json(&fs->f[i]));
	json_object_set_new(o, "findings", fa);
	return o;
}

/*
 * The CHILD_SA requested inside IKE_AUTH of an IKE SA that failed was
 * never negotiated: phase 2 did not start, so it is not listed as one.
 */
bool iks_report_child_shown(const struct iks_nego *n, const struct iks_child *c)
{
	if (c->ike_rekey)
		return false; /* a new IKE SA, not a phase 2 */
	return !(n->status == IKS_STATUS_FAILED && n->version == 2 &&
		 c->exchange == IKS_V2_EX_IKE_AUTH);
}

/* ---- text ---- */

static const char *colour(unsigned flags, const char *code)
{
	return (flags & IKS_REPORT_COLOR) ? code : "";
}

/* Selectors as "a-b, c-d" (via their JSON form, one formatting). */
static void ts_line(char *buf, size_t len, const struct iks_ts *ts, unsigned n)
{
	json_t *a = ts_json(ts, n, true), *v;
	size_t k, used = 0;

	buf[0] = '\0';
	json_array_foreach(a, k, v)
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", k ? ", " : "",
						 json_string_value(json_object_get(v, "range")));
	if (!n)
		snprintf(buf, len, "-");
	json_decref(a);
}

static void text_props(FILE *out, const char *label, const struct iks_prop *p, unsigned n)
{
	char buf[200];

	fprintf(out, "    %-9s", label);
	if (!n)
		fputs(" -", out);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%s%s", i ? ", " : " ", iks_prop_format(&p[i], buf, sizeof buf));
	fputc('\n', out);
}

void iks_report_nego_text(FILE *out, const struct iks_nego *n, const struct iks_findings *fs,
			  unsigned flags)
{
	char a[64], b[64], hex[17], buf[200];
	const char *st_col = n->status == IKS_STATUS_ESTABLISHED ? "\033[32m" :
			     n->status == IKS_STATUS_FAILED ? "\033[31m" : "\033[33m";
	json_t *auth = auth_word(n);

	iks_addr_format(&n->init_addr, a, sizeof a);
	iks_addr_format(&n->resp_addr, b, sizeof b);
	fprintf(out, "IKE SA #%u  %s%s%s:%u -> %s%s%s:%u  IKEv%u%s  %s%s%s",
		n->id, n->init_addr.family == 6 ? "[" : "", a, n->init_addr.family == 6 ? "]" : "",
		n->init_port, n->resp_addr.family == 6 ? "[" : "", b,
		n->resp_addr.family == 6 ? "]" : "", n->resp_port, n->version,
		n->version == 2 ? "" : (n->exchange == IKS_V1_EX_AGGRESSIVE ? " Aggressive Mode" :
								  " Main Mode"),
		colour(flags, st_col), iks_status_name(n->status), colour(flags, "\033[0m"));
	if (n->n_msgs)
		fprintf(out, "  (%.3f s, %u message%s)", n->end - n->start, n->n_msgs,
			n->n_msgs == 1 ? "" : "s");
	fputc('\n', out);
	fprintf(out, "  SPIs %s/%s", iks_report_hex(n->spi_i, 8, hex, sizeof hex),
		n->have_spi_r ? iks_report_hex(n->spi_r, 8, buf, sizeof buf) : "(none)");
	if (n->reason[0])
		fprintf(out, "  - %s", n->reason);
	fputc('\n', out);
	if (n->ike_rekeys)
		fprintf(out, "  IKE SA rekeyed %u time%s (messages under the new SPIs follow)\n",
			n->ike_rekeys, n->ike_rekeys > 1 ? "s" : "");
	if (n->retries)
		fprintf(out, "  retried %u time%s after %s\n", n->retries, n->retries > 1 ? "s" : "",
			iks_name(IKS_TAB_V2_NOTIFY, n->retry_notify) ?
				iks_name(IKS_TAB_V2_NOTIFY, n->retry_notify) : "?");
	fputs("  Phase 1\n", out);
	text_props(out, "offered", n->offered, n->n_offered);
	text_props(out, "chosen", &n->chosen, n->has_chosen ? 1 : 0);
	fprintf(out, "    auth      %s\n    NAT-T     %s\n",
		json_is_string(auth) ? json_string_value(auth) : "unknown",
		n->nat_t ? "yes" : "no");
	json_decref(auth);
	if (n->psk_checked)
		fprintf(out, "    PSK check the given key %s the responder's (its HASH_R %s)\n",
			n->psk_matches ? "is" : "is NOT",
			n->psk_matches ? "verifies" : "does not verify");
	for (unsigned i = 0; i < n->n_children; i++) {
		const struct iks_child *c = &n->children[i];
		char ti[160] = "", tr[160] = "";

		if (!iks_report_child_shown(n, c))
			continue;
		fprintf(out, "  Phase 2 (%s, message id %u): %s%s%s\n",
			iks_exchange_name(n->version, c->exchange) ?
				iks_exchange_name(n->version, c->exchange) : "?",
			c->message_id, colour(flags, c->status == IKS_STATUS_ESTABLISHED ?
						      "\033[32m" : "\033[31m"),
			iks_status_name(c->status), colour(flags, "\033[0m"));
		if (c->decrypted || c->n_offered) {
			text_props(out, "offered", c->offered, c->n_offered);
			text_props(out, "chosen", &c->chosen, c->has_chosen ? 1 : 0);
		} else {
			fputs("    proposals (encrypted: give --keys to read them)\n", out);
		}
		if (c->pfs_known)
			fprintf(out, "    PFS       %s\n",
				c->pfs_group && iks_keyword_dh(c->pfs_group, buf, sizeof buf) >= 0 ?
					buf : "none");
		if (c->ts_known) {
			ts_line(ti, sizeof ti, c->ts_i, c->n_ts_i);
			ts_line(tr, sizeof tr, c->ts_r, c->n_ts_r);
			fprintf(out, "    TSi       %s\n    TSr       %s\n", ti, tr);
			if (c->n_ts_i_resp || c->n_ts_r_resp) {
				ts_line(ti, sizeof ti, c->ts_i_resp, c->n_ts_i_resp);
				ts_line(tr, sizeof tr, c->ts_r_resp, c->n_ts_r_resp);
				fprintf(out, "    answered  TSi %s, TSr %s\n", ti, tr);
			}
		} else {
			fputs("    selectors (encrypted)\n", out);
		}
		if (c->esp_packets_i || c->esp_packets_r)
			fprintf(out, "    ESP       %llu packets i->r, %llu r->i\n",
				(unsigned long long)c->esp_packets_i,
				(unsigned long long)c->esp_packets_r);
	}
	if (n->decrypt_failed)
		fprintf(out, "  Decryption: %s\n", n->decrypt_error);
	for (unsigned i = 0; i < fs->n; i++) {
		const struct iks_finding *f = &fs->f[i];
		const char *sev_col = f->severity == IKS_SEV_ERROR ? "\033[31m" :
				      f->severity == IKS_SEV_WARNING ? "\033[33m" : "\033[36m";

		fprintf(out, "  %s%s%s %s (%s, phase %u)\n    %s\n",
			colour(flags, sev_col), iks_severity_name(f->severity),
			colour(flags, "\033[0m"), f->code, iks_confidence_name(f->confidence),
			f->phase, f->summary);
		fputs("    evidence: frame", out);
		for (unsigned k = 0; k < f->n_evidence; k++)
			fprintf(out, "%s%llu", k ? ", " : " ", (unsigned long long)f->evidence[k]);
		fprintf(out, "\n    remedy: %s\n", f->remedy);
	}
	fputc('\n', out);
}

/* ---- ladder ---- */

static const char *ladder_exchange(const struct iks_nego *n, uint8_t ex)
{
	if (n->version == 2) {
		switch (ex) {
		case IKS_V2_EX_IKE_SA_INIT: return "IKE_SA_INIT";
		case IKS_V2_EX_IKE_AUTH: return "IKE_AUTH";
		case IKS_V2_EX_CREATE_CHILD_SA: return "CREATE_CHILD_SA";
		case IKS_V2_EX_INFORMATIONAL: return "INFORMATIONAL";
		default: break;
		}
	} else {
		switch (ex) {
		case IKS_V1_EX_MAIN: return "Main Mode";
		case IKS_V1_EX_AGGRESSIVE: return "Aggressive";
		case IKS_V1_EX_QUICK: return "Quick Mode";
		case IKS_V1_EX_INFO: return "Informational";
		case IKS_V1_EX_TRANSACTION: return "Transaction";
		default: break;
		}
	}
	return iks_exchange_name(n->version, ex) ? iks_exchange_name(n->version, ex) : "?";
}

/* The label on one arrow: exchange, and what a reader needs to see of its
 * contents (notifications by name; encrypted when unreadable). */
static void ladder_label(const struct iks_nego *n, const struct iks_nmsg *m, char *buf,
			 size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "%s%s", ladder_exchange(n, m->exchange),
				       n->version == 2 ? (m->response ? " resp" : " req") : "");

	if (m->encrypted && !m->decrypted && used < len)
		used += (size_t)snprintf(buf + used, len - used, " [encrypted]");
	if (m->ip_fragments && used < len)
		used += (size_t)snprintf(buf + used, len - used, " [%u IP fragments]",
					 m->ip_fragments);
	for (unsigned i = 0; i < m->n_notify && used < len; i++) {
		const char *nm = iks_name(n->version == 1 ? IKS_TAB_V1_NOTIFY : IKS_TAB_V2_NOTIFY,
					  m->notify[i]);

		/* status notifies (NAT detection, ...) would drown the errors */
		if (!iks_notify_is_error(m->notify[i]))
			continue;
		if (nm)
			used += (size_t)snprintf(buf + used, len - used, " %s", nm);
		else
			used += (size_t)snprintf(buf + used, len - used, " N(%u)", m->notify[i]);
	}
	if (m->retransmits && used < len)
		snprintf(buf + used, len - used, " (x%u)", 1u + m->retransmits);
}

void iks_report_ladder_text(FILE *out, const struct iks_nego *n)
{
	enum { WIDTH = 52 };
	char a[64], b[64], label[160];

	iks_addr_format(&n->init_addr, a, sizeof a);
	iks_addr_format(&n->resp_addr, b, sizeof b);
	fprintf(out, "  %-*s%s\n", WIDTH + 4, a, b);
	for (unsigned i = 0; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];
		char arrow[WIDTH + 1];
		size_t ll;

		ladder_label(n, m, label, sizeof label);
		ll = strlen(label);
		if (ll > WIDTH - 6)
			ll = WIDTH - 6;
		memset(arrow, '-', WIDTH);
		arrow[WIDTH] = '\0';
		memcpy(arrow + 3, " ", 1);
		memcpy(arrow + 4, label, ll);
		arrow[4 + ll] = ' ';
		if (m->from_initiator)
			arrow[WIDTH - 1] = '>';
		else
			arrow[0] = '<';
		fprintf(out, "  |%s|  frame %llu  +%.3f s\n", arrow,
			(unsigned long long)m->frame, m->time - n->start);
	}
	fputc('\n', out);
}
