/*
 * The diagnosis rules: each a small function from one tracked negotiation
 * to findings (shared/spec/findings.md).  The knowledge behind them is in
 * docs/failures.md: what real peers put on the wire for each cause.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ikescope/diagnose.h"
#include "ikescope/names.h"


/* What an undecrypted IKEv1 Quick Mode message 1 weighs without a KE
 * payload, at most: HASH, a modest SA, nonce and two IDs, padding.  A KE
 * of modp1024 or more pushes it beyond. */
#define IKS_V1_QM1_NO_KE_MAX 300

const char *iks_severity_name(enum iks_severity s)
{
	switch (s) {
	case IKS_SEV_ERROR: return "error";
	case IKS_SEV_WARNING: return "warning";
	default: return "info";
	}
}

const char *iks_confidence_name(enum iks_confidence c)
{
	return c == IKS_CONF_CERTAIN ? "certain" : "likely";
}

static struct iks_finding *add(struct iks_findings *out, const char *code,
			       enum iks_severity sev, enum iks_confidence conf,
			       unsigned phase)
{
	struct iks_finding *f;

	for (unsigned i = 0; i < out->n; i++)
		if (!strcmp(out->f[i].code, code) && out->f[i].phase == phase)
			return NULL; /* one finding per code and phase */
	if (out->n >= IKS_MAX_FINDINGS)
		return NULL;
	f = &out->f[out->n++];
	memset(f, 0, sizeof *f);
	f->code = code;
	f->severity = sev;
	f->confidence = conf;
	f->phase = (uint8_t)phase;
	return f;
}

static bool has_finding(const struct iks_findings *out, const char *code)
{
	for (unsigned i = 0; i < out->n; i++)
		if (!strcmp(out->f[i].code, code))
			return true;
	return false;
}

static void say(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

static void evidence(struct iks_finding *f, uint64_t frame)
{
	if (!f || !frame)
		return;
	for (unsigned i = 0; i < f->n_evidence; i++)
		if (f->evidence[i] == frame)
			return;
	if (f->n_evidence < IKS_FINDING_MAX_EVIDENCE)
		f->evidence[f->n_evidence++] = frame;
}

static void evidence_msg(struct iks_finding *f, const struct iks_nmsg *m)
{
	evidence(f, m->frame);
	if (m->retransmits)
		evidence(f, m->last_frame);
}

static bool msg_has_notify(const struct iks_nmsg *m, uint16_t type)
{
	for (unsigned i = 0; i < m->n_notify; i++)
		if (m->notify[i] == type)
			return true;
	return false;
}

/* The first message carrying notify `type` (any of v1/v2 numbers). */
static const struct iks_nmsg *notify_msg(const struct iks_nego *n, uint16_t v1, uint16_t v2)
{
	uint16_t type = n->version == 1 ? v1 : v2;

	for (unsigned i = 0; i < n->n_msgs; i++)
		if (msg_has_notify(&n->msgs[i], type))
			return &n->msgs[i];
	return NULL;
}

static unsigned count_from(const struct iks_nego *n, bool from_initiator)
{
	unsigned k = 0;

	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].from_initiator == from_initiator)
			k++;
	return k;
}

static const char *side_addr(const struct iks_nego *n, bool initiator, char *buf, size_t len)
{
	return iks_addr_format(initiator ? &n->init_addr : &n->resp_addr, buf, len);
}

/* The offered proposals for a sentence: the first few, then how many more
 * (a scanner offers dozens). */
#define IKS_LIST_PROPOSALS 4

static void offered_list(const struct iks_prop *props, unsigned n, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < n && i < IKS_LIST_PROPOSALS && used + 2 < len; i++) {
		char one[128];

		iks_prop_format(&props[i], one, sizeof one);
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", one);
	}
	if (n > IKS_LIST_PROPOSALS && used + 2 < len)
		snprintf(buf + used, len - used, " and %u more", n - IKS_LIST_PROPOSALS);
}

/* ---- phase 1 ---- */

static bool fragmented_unanswered(const struct iks_nmsg *m)
{
	return m->ip_fragments > 0 && m->retransmits > 0;
}

static void rule_no_response(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *first, *last;
	struct iks_finding *f;
	char r[64];

	if (!n->n_msgs || count_from(n, false) || n->status == IKS_STATUS_ESTABLISHED)
		return;
	first = &n->msgs[0];
	last = &n->msgs[n->n_msgs - 1];
	if (!last->retransmits && n->n_msgs < 2)
		return; /* one message, never repeated: the capture may simply end */
	side_addr(n, false, r, sizeof r);
	if (fragmented_unanswered(first)) {
		f = add(out, "fragmentation-loss", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
		if (f) {
			say(f->summary, sizeof f->summary,
			    "The first IKE message was sent in %u IP fragments and %s never "
			    "answered it; fragments were probably dropped on the way (or the "
			    "responder is not reachable at all).", first->ip_fragments, r);
			say(f->remedy, sizeof f->remedy,
			    "Enable IKE fragmentation on both peers (strongSwan: fragmentation = "
			    "yes) or lower the path MTU; check that firewalls pass IP fragments.");
			evidence_msg(f, first);
		}
		return;
	}
	f = add(out, "no-response", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
	if (!f)
		return;
	say(f->summary, sizeof f->summary,
	    "%s never answered: the first message was sent %u time%s and nothing came "
	    "back. The responder is down, unreachable, filtered (UDP 500/4500), or it "
	    "silently drops this IKE version or mode.",
	    r, 1u + first->retransmits, first->retransmits ? "s" : "");
	say(f->remedy, sizeof f->remedy,
	    "Check that %s runs an IKE daemon listening on UDP 500 and 4500, that "
	    "firewalls on the path allow it, and that it has a connection for this "
	    "initiator (IKE version, address).", r);
	evidence_msg(f, first);
}

/* The move to 4500 (RFC 3947 / RFC 7296 2.23) went unanswered after the
 * exchange on 500 worked. */
static void rule_nat_t_blocked(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *last;
	bool answered_500 = false;
	struct iks_finding *f;

	if (!n->n_msgs || n->status == IKS_STATUS_ESTABLISHED)
		return;
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (!n->msgs[i].from_initiator && n->msgs[i].sport == IKS_PORT_IKE)
			answered_500 = true;
	last = &n->msgs[n->n_msgs - 1];
	if (!answered_500 || !last->from_initiator || last->dport != IKS_PORT_NATT ||
	    !last->retransmits)
		return;
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (!n->msgs[i].from_initiator && n->msgs[i].sport == IKS_PORT_NATT)
			return;
	if (fragmented_unanswered(last))
		return; /* rule_fragmentation names that */
	f = add(out, "nat-t-blocked", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
	if (!f)
		return;
	say(f->summary, sizeof f->summary,
	    "The peers talked on UDP 500, then the initiator moved to UDP 4500 and was "
	    "never answered there: UDP 4500 is probably blocked (or the message was "
	    "lost for another reason, such as a wrong pre-shared key).");
	say(f->remedy, sizeof f->remedy,
	    "Allow UDP 4500 in both directions between the peers (firewalls, NAT "
	    "devices, cloud security groups).");
	evidence_msg(f, last);
}

static void rule_fragmentation(const struct iks_nego *n, struct iks_findings *out)
{
	struct iks_finding *f;

	for (unsigned i = 1; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];
		bool answered = false;

		if (!fragmented_unanswered(m))
			continue;
		for (unsigned j = i + 1; j < n->n_msgs; j++)
			if (n->msgs[j].from_initiator != m->from_initiator)
				answered = true;
		if (answered)
			continue;
		f = add(out, "fragmentation-loss", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "A %u-byte IKE message went out in %u IP fragments, was retransmitted "
		    "and never answered: the fragments were probably dropped on the path "
		    "(it may also have been rejected for another reason).",
		    m->length, m->ip_fragments);
		say(f->remedy, sizeof f->remedy,
		    "Enable IKE fragmentation on both peers (strongSwan: fragmentation = yes, "
		    "RFC 7383) so no IP fragmentation is needed, or make the path pass IP "
		    "fragments; smaller certificate chains help too.");
		evidence_msg(f, m);
		return;
	}
}

static void rule_proposal_refused(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m = notify_msg(n, IKS_V1_N_NO_PROPOSAL_CHOSEN,
					      IKS_V2_N_NO_PROPOSAL_CHOSEN);
	char offered[300], r[64];
	struct iks_finding *f;

	/* phase 1 only: the refusal answers the first exchange */
	if (!m || m->exchange == IKS_V1_EX_QUICK || m->exchange == IKS_V2_EX_IKE_AUTH ||
	    m->exchange == IKS_V2_EX_CREATE_CHILD_SA || n->has_chosen)
		return;
	if (n->version == 1 && m->exchange == IKS_V1_EX_INFO && m->encrypted && !m->decrypted)
		return;
	f = add(out, "ike-proposal-mismatch", IKS_SEV_ERROR, IKS_CONF_CERTAIN, 1);
	if (!f)
		return;
	offered_list(n->offered, n->n_offered, offered, sizeof offered);
	side_addr(n, false, r, sizeof r);
	say(f->summary, sizeof f->summary,
	    "%s accepted none of the IKE proposals offered (%s) and answered "
	    "NO_PROPOSAL_CHOSEN: the peers differ in encryption, integrity/hash, PRF%s or "
	    "DH group%s.",
	    r, offered[0] ? offered : "not readable",
	    n->version == 1 ? ", authentication method, lifetime" : "",
	    n->version == 1 ? " (a responder configured for IKEv2 only answers IKEv1 "
			      "the same way)" : "");
	say(f->remedy, sizeof f->remedy,
	    "Make both sides share one IKE proposal: add `%s` to the responder's IKE "
	    "proposals, or configure the initiator with one the responder allows.",
	    n->n_offered ? iks_prop_format(&n->offered[0], offered, sizeof offered) : "...");
	evidence(f, n->msgs[0].frame);
	evidence_msg(f, m);
}

static void rule_dh_group(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m;
	struct iks_finding *f;
	char want[32] = "?", sent[32] = "?";

	if (n->version != 2 || !(m = notify_msg(n, 0, IKS_V2_N_INVALID_KE_PAYLOAD)) ||
	    m->exchange != IKS_V2_EX_IKE_SA_INIT)
		return;
	if (n->retry_group)
		iks_keyword_dh(n->retry_group, want, sizeof want);
	if (n->msgs[0].ke_group)
		iks_keyword_dh(n->msgs[0].ke_group, sent, sizeof sent);
	/* the retry's IKE_SA_INIT was accepted (an SA came back), whatever
	 * happened later: the group question is settled */
	if (n->retries && n->has_chosen) {
		f = add(out, "dh-group-retry", IKS_SEV_INFO, IKS_CONF_CERTAIN, 1);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "The initiator's first key exchange used %s; the responder asked for "
		    "%s with INVALID_KE_PAYLOAD and the retry succeeded: one round trip lost.",
		    sent, want);
		say(f->remedy, sizeof f->remedy,
		    "Put %s first in the initiator's IKE proposals to save the round trip.", want);
	} else {
		f = add(out, "dh-group-mismatch", IKS_SEV_ERROR, IKS_CONF_CERTAIN, 1);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "The responder refused the initiator's Diffie-Hellman group %s and asked "
		    "for %s (INVALID_KE_PAYLOAD)%s.", sent, want,
		    n->retries ? ", but the retry did not succeed" :
				 ", and no retry with that group followed");
		say(f->remedy, sizeof f->remedy,
		    "Add %s to the initiator's IKE proposals (e.g. `aes256-sha256-%s`), or "
		    "add %s to the responder's.", want, want, sent);
	}
	evidence_msg(f, &n->msgs[0]);
	evidence_msg(f, m);
}

static bool uses_psk(const struct iks_nego *n)
{
	if (n->version == 2)
		return n->auth_method_i == IKS_V2_AUTH_PSK || n->auth_method_r == IKS_V2_AUTH_PSK;
	uint16_t a = n->has_chosen ? n->chosen.auth_method :
		     n->n_offered ? n->offered[0].auth_method : 0;
	return a == IKS_V1_AUTH_PSK || a == IKS_V1_AUTH_XAUTH_INIT_PSK || a == IKS_V1_AUTH_XAUTH_RESP_PSK;
}

/* Was a certificate asked for or sent in the clear part (IKEv2
 * IKE_SA_INIT CERTREQ): then authentication is likely not by PSK. */
static bool certificates_in_play(const struct iks_nego *n)
{
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].payloads & (IKS_PK_CERT | IKS_PK_CERTREQ))
			return true;
	return false;
}

static void auth_finding(const struct iks_nego *n, struct iks_findings *out,
			 enum iks_confidence conf, const struct iks_nmsg *ev,
			 const char *what)
{
	bool psk = uses_psk(n) || (!certificates_in_play(n) && conf == IKS_CONF_LIKELY);
	struct iks_finding *f;

	if (psk) {
		f = add(out, "psk-mismatch", IKS_SEV_ERROR, conf, 1);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "Authentication failed: %s. The pre-shared keys of the two peers %s.",
		    what, conf == IKS_CONF_LIKELY ?
				  "most likely differ (a mismatch of the peer identities the "
				  "keys are bound to gives the same picture)" : "differ");
		say(f->remedy, sizeof f->remedy,
		    "Set the same pre-shared key on both peers, for the identities they "
		    "actually use (swanctl.conf secrets: ike { secret = ... id = ... }).");
	} else {
		f = add(out, "auth-failed", IKS_SEV_ERROR, conf, 1);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "Authentication failed: %s (certificates, signatures or EAP; not known "
		    "to be a pre-shared key mismatch).", what);
		say(f->remedy, sizeof f->remedy,
		    "Check the certificates (trusted CA, validity, identities in the "
		    "subject/SAN matching the configured ids) or the EAP credentials.");
	}
	if (ev)
		evidence_msg(f, ev);
}

static const struct iks_nmsg *last_msg(const struct iks_nego *n, uint8_t exchange,
				       bool response)
{
	for (unsigned i = n->n_msgs; i-- > 0;)
		if (n->msgs[i].exchange == exchange && n->msgs[i].response == response)
			return &n->msgs[i];
	return NULL;
}

static unsigned phase1_count(const struct iks_nego *n)
{
	unsigned k = 0;

	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].exchange == n->exchange)
			k++;
	return k;
}

static void rule_auth_v2(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m = notify_msg(n, 0, IKS_V2_N_AUTHENTICATION_FAILED);
	const struct iks_nmsg *resp;

	/*
	 * AUTHENTICATION_FAILED says authentication failed, not why: a wrong
	 * PSK and an identity the responder has no configuration for put the
	 * same notification on the wire (docs/failures.md, v2-id-mismatch),
	 * so which of them is an inference.
	 */
	if (m) {
		auth_finding(n, out, IKS_CONF_LIKELY, m,
			     m->from_initiator ? "the initiator rejected the responder's AUTH "
						 "(AUTHENTICATION_FAILED)" :
						 "the responder answered IKE_AUTH with "
						 "AUTHENTICATION_FAILED");
		return;
	}
	resp = last_msg(n, IKS_V2_EX_IKE_AUTH, true);
	if (n->status == IKS_STATUS_FAILED && resp && resp->encrypted && !resp->decrypted)
		auth_finding(n, out, IKS_CONF_LIKELY, resp,
			     "the encrypted IKE_AUTH response is too small to hold the "
			     "responder's identity and AUTH, so it carries only an error");
}

/*
 * An Aggressive Mode first message answered, before any key exists, by an
 * error notification instead of message 2: the responder refuses
 * Aggressive Mode for this peer (strongSwan answers AUTHENTICATION_FAILED
 * when it has no aggressive policy, docs/failures.md).
 */
static bool rule_mode_v1(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *ans = NULL;
	struct iks_finding *f;

	if (n->version != 1 || n->exchange != IKS_V1_EX_AGGRESSIVE || phase1_count(n) != 1)
		return false;
	for (unsigned i = 1; i < n->n_msgs && !ans; i++)
		if (!n->msgs[i].from_initiator && n->msgs[i].exchange == IKS_V1_EX_INFO &&
		    !n->msgs[i].encrypted && n->msgs[i].n_notify)
			ans = &n->msgs[i];
	if (!ans)
		return false;
	f = add(out, "mode-mismatch", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
	if (!f)
		return true;
	say(f->summary, sizeof f->summary,
	    "The responder refused Aggressive Mode at once, before any key existed "
	    "(%s): it most likely allows Main Mode only for this peer (or has no "
	    "connection for it at all).",
	    iks_name(IKS_TAB_V1_NOTIFY, ans->notify[0]) ? iks_name(IKS_TAB_V1_NOTIFY, ans->notify[0]) :
							   "an error notification");
	say(f->remedy, sizeof f->remedy,
	    "Use Main Mode on the initiator (aggressive = no), or allow Aggressive Mode "
	    "on the responder (strongSwan: aggressive = yes and, for PSK, "
	    "charon.i_dont_care_about_security_and_use_aggressive_mode_psk).");
	evidence(f, n->msgs[0].frame);
	evidence_msg(f, ans);
	return true;
}

/* RFC 2408 INVALID_KEY_INFORMATION in phase 1: the responder has no key
 * for this peer (no PSK: it expects certificates, or the secret is
 * missing) - authentication cannot even start. */
static bool rule_no_key_v1(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m = notify_msg(n, IKS_V1_N_INVALID_KEY_INFORMATION, 0);
	struct iks_finding *f;

	if (!m || m->exchange == IKS_V1_EX_QUICK || n->status == IKS_STATUS_ESTABLISHED)
		return false;
	f = add(out, "auth-failed", IKS_SEV_ERROR, IKS_CONF_LIKELY, 1);
	if (!f)
		return true;
	say(f->summary, sizeof f->summary,
	    "The responder answered INVALID_KEY_INFORMATION during phase 1: it has no "
	    "pre-shared key for this peer, most likely because it authenticates with "
	    "certificates (or the secret for this peer's address/identity is missing).");
	say(f->remedy, sizeof f->remedy,
	    "Use the same authentication method on both peers (auth = psk or pubkey), "
	    "and give the responder a secret for the initiator's identity.");
	evidence_msg(f, m);
	return true;
}

/* The responder's encrypted phase 1 refusal decrypted with the same keys
 * as the initiator's messages: both derived the same keys, so the
 * pre-shared keys agree and the refusal is about the identity. */
static bool refusal_shares_keys(const struct iks_nego *n, const struct iks_nmsg *m)
{
	return n->version == 1 && m->encrypted && m->decrypted && !m->from_initiator;
}

static void rule_auth_v1(const struct iks_nego *n, struct iks_findings *out)
{
	/* A hash that does not verify is said outright (HASH_I covers the
	 * received ID, so only SKEYID, i.e. the PSK, can make it differ); a
	 * payload the responder could not parse is what a wrong key's
	 * garbage looks like. */
	static const struct {
		uint16_t type;
		enum iks_confidence conf;
	} said[] = {
		{ IKS_V1_N_INVALID_HASH_INFORMATION, IKS_CONF_CERTAIN },
		/* strongSwan answers an unknown identity with it too */
		{ IKS_V1_N_AUTHENTICATION_FAILED, IKS_CONF_LIKELY },
		{ IKS_V1_N_INVALID_PAYLOAD_TYPE, IKS_CONF_LIKELY },
		{ IKS_V1_N_PAYLOAD_MALFORMED, IKS_CONF_LIKELY },
	};
	unsigned pos = phase1_count(n);

	if (rule_mode_v1(n, out) || rule_no_key_v1(n, out))
		return;
	for (unsigned i = 0; i < sizeof said / sizeof said[0]; i++) {
		const struct iks_nmsg *m = notify_msg(n, said[i].type, 0);
		const char *name = iks_name(IKS_TAB_V1_NOTIFY, said[i].type);
		char what[128];

		if (!m || m->exchange == IKS_V1_EX_QUICK || n->status == IKS_STATUS_ESTABLISHED)
			continue;
		if (refusal_shares_keys(n, m)) {
			struct iks_finding *f = add(out, "id-mismatch", IKS_SEV_ERROR,
						    IKS_CONF_LIKELY, 1);

			if (!f)
				return;
			say(f->summary, sizeof f->summary,
			    "The responder answered the initiator's identity with %s, "
			    "encrypted with the same keys as the initiator's messages, so the "
			    "pre-shared keys agree: the responder most likely has no "
			    "configuration for the identity the initiator presented (or "
			    "rejects it).", name ? name : "an error");
			say(f->remedy, sizeof f->remedy,
			    "Make the initiator's local id match the remote id the responder "
			    "expects for it (swanctl.conf local.id / remote.id), and the reverse.");
			evidence_msg(f, m);
			return;
		}
		say(what, sizeof what, "a peer answered with %s during phase 1",
		    name ? name : "an error");
		auth_finding(n, out, said[i].conf, m, what);
		return;
	}
	/* a message lost on the path explains the silence already */
	if (n->status != IKS_STATUS_FAILED || has_finding(out, "fragmentation-loss") ||
	    has_finding(out, "nat-t-blocked"))
		return;
	if (n->exchange == IKS_V1_EX_MAIN && pos == 5) {
		const struct iks_nmsg *m5 = last_msg(n, IKS_V1_EX_MAIN, false);
		const struct iks_nmsg *info = NULL;

		for (unsigned i = 0; i < n->n_msgs; i++)
			if (!n->msgs[i].from_initiator && n->msgs[i].exchange == IKS_V1_EX_INFO &&
			    n->msgs[i].encrypted && !n->msgs[i].decrypted) {
				info = &n->msgs[i];
				break;
			}
		if (info && n->have_keys)
			auth_finding(n, out, IKS_CONF_LIKELY, info,
				     "the responder answered Main Mode message 5 with encrypted "
				     "notifications that the initiator's keys do not decrypt, so "
				     "the two peers derived different keys");
		else if (info)
			auth_finding(n, out, IKS_CONF_LIKELY, info,
				     "the responder answered Main Mode message 5 (the initiator's "
				     "encrypted identity and hash) with encrypted notifications "
				     "instead of message 6");
		else
			auth_finding(n, out, IKS_CONF_LIKELY, m5,
				     "Main Mode message 5 (the initiator's encrypted identity and "
				     "hash) was never answered, which is what a responder does when "
				     "it cannot decrypt or verify it");
		if (m5)
			evidence_msg(&out->f[out->n - 1], m5);
	} else if (n->exchange == IKS_V1_EX_AGGRESSIVE && n->psk_checked && !n->psk_matches) {
		const struct iks_nmsg *m2 = last_msg(n, IKS_V1_EX_AGGRESSIVE, true);

		auth_finding(n, out, IKS_CONF_CERTAIN, m2,
			     "the responder's HASH_R in Aggressive Mode message 2 does not "
			     "verify with the pre-shared key given (--psk), so the responder "
			     "uses a different key");
	} else if (n->exchange == IKS_V1_EX_AGGRESSIVE && pos == 2) {
		const struct iks_nmsg *m2 = last_msg(n, IKS_V1_EX_AGGRESSIVE, true);

		auth_finding(n, out, IKS_CONF_LIKELY, m2,
			     "the initiator never sent Aggressive Mode message 3 after the "
			     "responder's message 2, which is what it does when the "
			     "responder's hash does not verify");
	}
}

static void rule_id(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m = notify_msg(n, IKS_V1_N_INVALID_ID_INFORMATION, 0);
	struct iks_finding *f;

	if (n->version != 1 || !m || m->exchange == IKS_V1_EX_QUICK ||
	    n->status == IKS_STATUS_ESTABLISHED)
		return;
	f = add(out, "id-mismatch", IKS_SEV_ERROR, IKS_CONF_CERTAIN, 1);
	if (!f)
		return;
	say(f->summary, sizeof f->summary,
	    "The peer did not accept the identity presented in phase 1 "
	    "(INVALID_ID_INFORMATION).");
	say(f->remedy, sizeof f->remedy,
	    "Make the initiator's local id match the id the responder expects for it "
	    "(swanctl.conf local.id / remote.id), and the reverse.");
	evidence_msg(f, m);
}

static void rule_aggressive_psk(const struct iks_nego *n, struct iks_findings *out)
{
	struct iks_finding *f;

	if (n->version != 1 || n->exchange != IKS_V1_EX_AGGRESSIVE || !uses_psk(n))
		return;
	f = add(out, "aggressive-mode-psk", IKS_SEV_WARNING, IKS_CONF_CERTAIN, 1);
	if (!f)
		return;
	say(f->summary, sizeof f->summary,
	    "Aggressive Mode with a pre-shared key sends the responder's hash in the "
	    "clear: anyone who captured it can try to crack the key offline.");
	say(f->remedy, sizeof f->remedy,
	    "Use Main Mode (aggressive = no) or IKEv2, or certificates; if Aggressive "
	    "Mode must stay, use a long random pre-shared key.");
	evidence(f, n->msgs[0].frame);
}

/* ---- phase 2 ---- */

static void child_evidence(struct iks_finding *f, const struct iks_nego *n,
			   const struct iks_child *c)
{
	for (unsigned i = c->first_msg; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];

		if (m->message_id == c->message_id ||
		    (c->error_notify && msg_has_notify(m, c->error_notify)))
			evidence_msg(f, m);
	}
}

static void ts_text(const struct iks_ts *ts, unsigned n, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < n && used + 2 < len; i++) {
		struct iks_addr a = { ts[i].family, { 0 } }, b = a;
		char sa[64], sb[64];

		memcpy(a.a, ts[i].start, 16);
		memcpy(b.a, ts[i].end, 16);
		iks_addr_format(&a, sa, sizeof sa);
		iks_addr_format(&b, sb, sizeof sb);
		used += (size_t)snprintf(buf + used, len - used, "%s%s-%s", i ? ", " : "", sa, sb);
	}
}

static void ts_finding(const struct iks_nego *n, const struct iks_child *c,
		       struct iks_findings *out, const char *said)
{
	struct iks_finding *f = add(out, "ts-mismatch", IKS_SEV_ERROR, IKS_CONF_CERTAIN, 2);
	char li[160], lr[160];

	if (!f)
		return;
	ts_text(c->ts_i, c->n_ts_i, li, sizeof li);
	ts_text(c->ts_r, c->n_ts_r, lr, sizeof lr);
	if (c->ts_known)
		say(f->summary, sizeof f->summary,
		    "The responder refused the traffic selectors (%s): the initiator proposed "
		    "local %s, remote %s, which the responder's configuration does not cover.",
		    said, li, lr);
	else
		say(f->summary, sizeof f->summary,
		    "The responder refused the traffic selectors (%s): the local/remote "
		    "networks of the two peers do not match.", said);
	say(f->remedy, sizeof f->remedy,
	    "Make the initiator's local_ts/remote_ts the mirror image of the responder's "
	    "remote_ts/local_ts (same subnets, protocols and ports), or narrow the "
	    "initiator's to what the responder allows.");
	child_evidence(f, n, c);
}

static void proposal_child_finding(const struct iks_nego *n, const struct iks_child *c,
				   struct iks_findings *out)
{
	bool pfs = c->pfs_known && c->pfs_group;
	bool ike_auth_child = n->version == 2 && c->exchange == IKS_V2_EX_IKE_AUTH;
	char offered[300], g[32] = "";
	struct iks_finding *f;

	offered_list(c->offered, c->n_offered, offered, sizeof offered);
	if (pfs)
		iks_keyword_dh(c->pfs_group, g, sizeof g);
	if (pfs && !ike_auth_child) {
		f = add(out, "pfs-mismatch", IKS_SEV_ERROR, IKS_CONF_LIKELY, 2);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "The responder refused the phase 2 proposal (NO_PROPOSAL_CHOSEN). The "
		    "initiator asked for PFS with %s; the responder most likely runs "
		    "without PFS or with another group (or the ESP algorithms %s differ).",
		    g, offered[0] ? offered : "offered");
		say(f->remedy, sizeof f->remedy,
		    "Configure the same PFS setting on both sides: add %s to the "
		    "responder's esp_proposals, or remove it from the initiator's.", g);
	} else {
		/* IKE_AUTH children never carry KE (RFC 7296 1.2), so there the
		 * refusal is about the ESP/AH algorithms alone */
		f = add(out, "esp-proposal-mismatch", IKS_SEV_ERROR,
			ike_auth_child || (n->version == 2 && !pfs) ? IKS_CONF_CERTAIN :
								       IKS_CONF_LIKELY, 2);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "The responder accepted none of the ESP/AH proposals (%s) and answered "
		    "NO_PROPOSAL_CHOSEN%s.", offered[0] ? offered : "not readable",
		    ike_auth_child || n->version == 2 ? "" :
			    "; a responder that requires PFS refuses in the same way");
		say(f->remedy, sizeof f->remedy,
		    "Make both sides share one ESP proposal: add `%s` to the responder's "
		    "esp_proposals, or configure the initiator with one the responder allows%s.",
		    c->n_offered ? iks_prop_format(&c->offered[0], offered, sizeof offered) :
				   "...",
		    ike_auth_child || n->version == 2 ? "" :
			    "; if the responder requires PFS, add a DH group to the "
			    "initiator's esp_proposals (e.g. `...-modp2048`)");
	}
	child_evidence(f, n, c);
}

static void rejected_unreadable(const struct iks_nego *n, const struct iks_child *c,
				struct iks_findings *out)
{
	struct iks_finding *f = add(out, "phase2-rejected", IKS_SEV_ERROR, IKS_CONF_LIKELY, 2);
	const struct iks_nmsg *req = &n->msgs[c->first_msg];

	if (!f)
		return;
	if (n->version == 1 && req->length > IKS_V1_QM1_NO_KE_MAX)
		say(f->summary, sizeof f->summary,
		    "Phase 2 was refused with an encrypted notification; without keys the "
		    "reason cannot be read. Quick Mode message 1 is %u bytes, large enough "
		    "to carry a KE payload: the initiator probably asked for PFS, so a PFS "
		    "mismatch is a likely cause (traffic selectors or ESP algorithms are "
		    "the others).", req->length);
	else
		say(f->summary, sizeof f->summary,
		    "Phase 2 was refused with an encrypted notification; without keys the "
		    "reason (traffic selectors, ESP proposal or PFS) cannot be read.");
	say(f->remedy, sizeof f->remedy,
	    "Run again with the SA keys (--keys, e.g. from `ikescope keys` on a "
	    "strongSwan log at ike=4) to read the refusal, or compare the local/remote "
	    "networks, esp_proposals and PFS groups of both peers.");
	child_evidence(f, n, c);
}

static void rule_children(const struct iks_nego *n, struct iks_findings *out)
{
	for (unsigned i = 0; i < n->n_children; i++) {
		const struct iks_child *c = &n->children[i];
		uint16_t e = c->error_notify;

		if (c->status != IKS_STATUS_FAILED)
			continue;
		/* the CHILD_SA of IKE_AUTH falls with the IKE SA: not a
		 * phase 2 problem of its own */
		if (n->status == IKS_STATUS_FAILED && !e)
			continue;
		if (n->version == 1) {
			if (e == IKS_V1_N_INVALID_ID_INFORMATION)
				ts_finding(n, c, out, "INVALID_ID_INFORMATION");
			else if (e == IKS_V1_N_NO_PROPOSAL_CHOSEN)
				proposal_child_finding(n, c, out);
			else if (!e)
				rejected_unreadable(n, c, out);
			continue;
		}
		if (e == IKS_V2_N_TS_UNACCEPTABLE)
			ts_finding(n, c, out, "TS_UNACCEPTABLE");
		else if (e == IKS_V2_N_NO_PROPOSAL_CHOSEN)
			proposal_child_finding(n, c, out);
		else if (e == IKS_V2_N_INVALID_KE_PAYLOAD) {
			struct iks_finding *f = add(out, "pfs-mismatch", IKS_SEV_ERROR,
						    IKS_CONF_CERTAIN, 2);
			char g[32] = "none";

			if (!f)
				continue;
			if (c->pfs_group)
				iks_keyword_dh(c->pfs_group, g, sizeof g);
			say(f->summary, sizeof f->summary,
			    "The responder refused the CREATE_CHILD_SA key exchange (%s) with "
			    "INVALID_KE_PAYLOAD: the PFS groups of the two peers differ.", g);
			say(f->remedy, sizeof f->remedy,
			    "Use the same PFS group in esp_proposals on both sides.");
			child_evidence(f, n, c);
		} else if (!e && !c->decrypted)
			rejected_unreadable(n, c, out);
	}
}

/* QM refusals come as Informational notifies we could not read. */
static void rule_v1_qm_unanswered(const struct iks_nego *n, struct iks_findings *out)
{
	if (n->version != 1)
		return;
	for (unsigned i = 0; i < n->n_children; i++) {
		const struct iks_child *c = &n->children[i];

		if (c->status == IKS_STATUS_INCOMPLETE && !c->has_chosen) {
			bool info_after = false;

			for (unsigned j = c->first_msg; j < n->n_msgs; j++)
				if (n->msgs[j].exchange == IKS_V1_EX_INFO &&
				    n->msgs[j].from_initiator == false && !n->msgs[j].decrypted)
					info_after = true;
			if (info_after)
				rejected_unreadable(n, c, out);
		}
	}
}

/* ---- both ---- */

static void rule_invalid_spi(const struct iks_nego *n, struct iks_findings *out)
{
	const struct iks_nmsg *m = notify_msg(n, IKS_V1_N_INVALID_SPI, IKS_V2_N_INVALID_SPI);
	struct iks_finding *f;

	if (!m && n->version == 1)
		m = notify_msg(n, IKS_V1_N_INVALID_COOKIE, 0);
	if (!m)
		return;
	f = add(out, "invalid-spi", IKS_SEV_WARNING, IKS_CONF_CERTAIN,
		m->exchange == IKS_V1_EX_QUICK || m->exchange == IKS_V2_EX_CREATE_CHILD_SA ? 2 : 1);
	if (!f)
		return;
	say(f->summary, sizeof f->summary,
	    "A peer referred to an SA the other no longer has (INVALID_SPI / "
	    "INVALID_COOKIE): one side restarted or deleted it.");
	say(f->remedy, sizeof f->remedy,
	    "Enable dead peer detection (dpd_delay) so stale SAs are cleaned up, and "
	    "check for restarts of either peer.");
	evidence_msg(f, m);
}

/* Did the other peer send anything after message i?  Unanswered repeats
 * are the evidence of no-response / fragmentation-loss, not a finding of
 * their own. */
static bool answered_later(const struct iks_nego *n, unsigned i)
{
	for (unsigned j = i + 1; j < n->n_msgs; j++)
		if (n->msgs[j].from_initiator != n->msgs[i].from_initiator)
			return true;
	return false;
}

static void rule_retransmission(const struct iks_nego *n, struct iks_findings *out)
{
	struct iks_finding *f = NULL;
	unsigned total = 0, copies = 0;

	for (unsigned i = 0; i < n->n_msgs; i++)
		if (answered_later(n, i) && n->msgs[i].retransmits) {
			total++;
			copies += n->msgs[i].retransmits;
		}
	if (!total)
		return;
	for (unsigned i = 0; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];
		bool phase2 = m->exchange == IKS_V1_EX_QUICK ||
			      (n->version == 2 && m->exchange == IKS_V2_EX_CREATE_CHILD_SA);

		if (!m->retransmits || !answered_later(n, i))
			continue;
		if (!f) {
			f = add(out, "retransmission", IKS_SEV_WARNING, IKS_CONF_CERTAIN,
				phase2 ? 2 : 1);
			if (!f)
				return;
			say(f->summary, sizeof f->summary,
			    "%u message%s retransmitted (%u identical cop%s seen): packets "
			    "were lost or a peer was slow to answer.", total,
			    total == 1 ? " was" : "s were", copies, copies == 1 ? "y" : "ies");
			say(f->remedy, sizeof f->remedy,
			    "If the negotiation still failed, look at the message that was "
			    "repeated: its answer never arrived.");
		}
		evidence_msg(f, m);
	}
}

static bool weak_prop(const struct iks_prop *p, char *what, size_t len)
{
	bool weak = false;
	size_t used = 0;
	char w[32];

	what[0] = '\0';
#define NOTE(cond, kw)                                                           \
	do {                                                                     \
		if ((cond) && used + 2 < len) {                                  \
			used += (size_t)snprintf(what + used, len - used, "%s%s",\
						 weak ? ", " : "", kw);          \
			weak = true;                                             \
		}                                                                \
	} while (0)
	for (unsigned i = 0; i < p->n_encr; i++) {
		bool bad = p->version == 2 ? iks_weak_v2_transform(IKS_V2_XFT_ENCR, p->encr[i].id) :
			   p->protocol == IKS_V1_PROTO_ISAKMP ? iks_weak_v1_phase1(IKS_V1_ATTR_ENCRYPTION_ALGORITHM, p->encr[i].id) :
					      iks_weak(IKS_TAB_V1_ESP, p->encr[i].id);
		if (bad && (p->version == 2 ?
			    iks_keyword_v2(IKS_V2_XFT_ENCR, p->encr[i].id, p->encr[i].key_length, w, sizeof w) :
			    p->protocol == IKS_V1_PROTO_ISAKMP ?
			    iks_keyword_v1_phase1(IKS_V1_ATTR_ENCRYPTION_ALGORITHM, p->encr[i].id, p->encr[i].key_length, w, sizeof w) :
			    iks_keyword_v1_esp(p->encr[i].id, p->encr[i].key_length, w, sizeof w)) < 0)
			snprintf(w, sizeof w, "encr%u", p->encr[i].id);
		NOTE(bad, w);
	}
	for (unsigned i = 0; i < p->n_integ; i++) {
		bool bad = p->version == 2 ? iks_weak_v2_transform(IKS_V2_XFT_INTEG, p->integ[i]) :
			   p->protocol == IKS_V1_PROTO_ISAKMP ? iks_weak_v1_phase1(IKS_V1_ATTR_HASH_ALGORITHM, p->integ[i]) :
					      iks_weak(IKS_TAB_V1_AUTH_ALG, p->integ[i]);
		if (bad && (p->version == 2 ? iks_keyword_v2(IKS_V2_XFT_INTEG, p->integ[i], 0, w, sizeof w) :
			    p->protocol == IKS_V1_PROTO_ISAKMP ? iks_keyword_v1_phase1(IKS_V1_ATTR_HASH_ALGORITHM, p->integ[i], 0, w, sizeof w) :
			    iks_keyword_v1_auth_alg(p->integ[i], w, sizeof w)) < 0)
			snprintf(w, sizeof w, "integ%u", p->integ[i]);
		NOTE(bad, w);
	}
	for (unsigned i = 0; i < p->n_prf; i++) {
		bool bad = iks_weak_v2_transform(IKS_V2_XFT_PRF, p->prf[i]);

		if (bad && iks_keyword_v2(IKS_V2_XFT_PRF, p->prf[i], 0, w, sizeof w) < 0)
			snprintf(w, sizeof w, "prf%u", p->prf[i]);
		NOTE(bad, w);
	}
	for (unsigned i = 0; i < p->n_dh; i++) {
		bool bad = p->dh[i] && (p->version == 2 ? iks_weak_v2_transform(IKS_V2_XFT_KE, p->dh[i]) :
					 iks_weak_v1_phase1(IKS_V1_ATTR_GROUP_DESCRIPTION, p->dh[i]));

		if (bad && iks_keyword_dh(p->dh[i], w, sizeof w) < 0)
			snprintf(w, sizeof w, "dh%u", p->dh[i]);
		NOTE(bad, w);
	}
#undef NOTE
	return weak;
}

static void rule_weak_crypto(const struct iks_nego *n, struct iks_findings *out)
{
	char what[200], one[128];
	struct iks_finding *f;
	const struct iks_prop *p = n->has_chosen ? &n->chosen :
				   n->n_offered ? &n->offered[0] : NULL;

	if (p && weak_prop(p, what, sizeof what)) {
		f = add(out, "weak-crypto", IKS_SEV_WARNING, IKS_CONF_CERTAIN, 1);
		if (f) {
			say(f->summary, sizeof f->summary,
			    "The IKE SA %s deprecated algorithms: %s (RFC 8247).",
			    n->has_chosen ? "uses" : "was offered with", what);
			say(f->remedy, sizeof f->remedy,
			    "Move both peers to modern proposals, e.g. "
			    "`aes256gcm16-prfsha384-ecp384` or `aes256-sha256-modp3072`"
			    " (was `%s`).", iks_prop_format(p, one, sizeof one));
			evidence(f, n->msgs[0].frame);
		}
	}
	for (unsigned i = 0; i < n->n_children; i++) {
		const struct iks_child *c = &n->children[i];

		p = c->has_chosen ? &c->chosen : c->n_offered ? &c->offered[0] : NULL;
		if (!p || !weak_prop(p, what, sizeof what))
			continue;
		f = add(out, "weak-crypto", IKS_SEV_WARNING, IKS_CONF_CERTAIN, 2);
		if (!f)
			return;
		say(f->summary, sizeof f->summary,
		    "The ESP/AH SA %s deprecated algorithms: %s (RFC 8221).",
		    c->has_chosen ? "uses" : "was offered with", what);
		say(f->remedy, sizeof f->remedy,
		    "Move both peers to modern ESP proposals, e.g. `aes256gcm16` or "
		    "`aes256-sha256` (was `%s`).", iks_prop_format(p, one, sizeof one));
		child_evidence(f, n, c);
		return;
	}
}

typedef void (*iks_rule_fn)(const struct iks_nego *n, struct iks_findings *out);

/* Most specific first: a finding per code and phase is kept once. */
static const struct {
	const char *name;
	iks_rule_fn fn;
} rules[] = {
	{ "dh-group", rule_dh_group },
	{ "proposal-refused", rule_proposal_refused },
	{ "id", rule_id },
	{ "nat-t-blocked", rule_nat_t_blocked },
	{ "fragmentation", rule_fragmentation },
	{ "auth-v2", rule_auth_v2 },
	{ "auth-v1", rule_auth_v1 },
	{ "no-response", rule_no_response },
	{ "children", rule_children },
	{ "v1-qm-unanswered", rule_v1_qm_unanswered },
	{ "invalid-spi", rule_invalid_spi },
	{ "aggressive-psk", rule_aggressive_psk },
	{ "retransmission", rule_retransmission },
	{ "weak-crypto", rule_weak_crypto },
};

/* Evidence reads in frame order. */
static void sort_evidence(struct iks_finding *f)
{
	for (unsigned i = 1; i < f->n_evidence; i++)
		for (unsigned j = i; j > 0 && f->evidence[j - 1] > f->evidence[j]; j--) {
			uint64_t t = f->evidence[j];

			f->evidence[j] = f->evidence[j - 1];
			f->evidence[j - 1] = t;
		}
}

void iks_diagnose(const struct iks_nego *n, struct iks_findings *out)
{
	out->n = 0;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		if (n->version == 2 && rules[i].fn == rule_auth_v1)
			continue;
		if (n->version == 1 && rules[i].fn == rule_auth_v2)
			continue;
		rules[i].fn(n, out);
	}
	for (unsigned i = 0; i < out->n; i++)
		sort_evidence(&out->f[i]);
}
