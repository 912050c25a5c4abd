/*
 * ikescope/probe.h - speak IKE to a gateway: discover which proposals it
 * accepts, or run a complete test negotiation (phase 1 + phase 2) and
 * delete what was created.
 *
 * The probe builds its messages with the ike encoder, computes with crypto
 * (initiator side), and keeps every datagram it sent and received.  Those
 * datagrams, with a key table of the SAs it created, are then fed through
 * track and diagnose exactly like a capture, so a probe's result reads
 * like `analyze`'s (iks_probe_tracker()), and they can be written as a
 * pcap with the key tables next to it (iks_probe_write_pcap()).
 *
 * Network behaviour (also in docs/probe.md):
 *   - UDP to port 500 (or opts.port), from local port 500 when it can be
 *     bound, else an ephemeral port; after NAT detection shows a NAT (or
 *     the responder fakes one, as strongSwan with kernel-libipsec does) the
 *     exchange moves to port 4500 with the non-ESP marker (RFC 3947/3948,
 *     RFC 7296 2.23).
 *   - every request is retransmitted unchanged after timeout_ms, then
 *     twice the previous wait, `retries` times; the exchange is given up
 *     after the last wait: with the defaults (1000 ms, 3 retries) sends at
 *     0, 1, 3, 7 s and no-response at 15 s.
 *   - at most `inflight` exchanges wait for an answer at once, and new
 *     requests start at most `rate` per second (retransmissions are not
 *     delayed by the rate limit).
 *   - discovery keeps at most `half_open` accepted offers (SAs the gateway
 *     holds half-open until its own timeout) younger than
 *     half_open_wait_ms, and waits before offering more: gateways limit
 *     half-open SAs per source (strongSwan: block_threshold 5) and drop
 *     the excess silently; an offer that goes unanswered after others were
 *     answered is offered once more after such a wait.
 *   - the whole run stops at max_time_ms whatever happens.
 *   - only the target address is ever sent to.
 *
 * The library prints nothing; all results are in the structures below.
 */
#ifndef IKESCOPE_PROBE_H
#define IKESCOPE_PROBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ikescope/crypto.h"
#include "ikescope/diagnose.h"
#include "ikescope/track.h"

#define IKS_PROBE_TIMEOUT_MS 1000
#define IKS_PROBE_RETRIES 3
#define IKS_PROBE_MAX_TIME_MS 300000
#define IKS_PROBE_RATE 20
#define IKS_PROBE_INFLIGHT 4
#define IKS_PROBE_HALF_OPEN 4          /* strongSwan block_threshold is 5 */
#define IKS_PROBE_HALF_OPEN_WAIT_MS 31000 /* strongSwan half_open_timeout 30 s */

struct iks_probe_opts {
	const char *host;        /* numeric IPv4/IPv6 address or a name */
	uint16_t port;           /* 0: 500 */
	const char *local_addr;  /* bind to this address (NULL: any) */
	uint16_t local_port;     /* 0: 500 if free, else ephemeral */
	uint8_t version;         /* 1 or 2; 0: discovery both, negotiation 2 */
	bool aggressive;         /* IKEv1 Aggressive Mode */
	const char *ike;         /* IKE proposals, strongSwan syntax, comma list */
	const char *esp;         /* ESP proposals (negotiation) */
	const char *preset;      /* discovery: "modern", "legacy", "all" */
	const char *v1_auth;     /* IKEv1 auth methods to sweep ("psk,rsa-sig") */
	const uint8_t *psk;
	size_t psk_len;
	const char *id;          /* our identity (IDi / IDii) */
	const char *remote_id;   /* the identity we expect (IDr) */
	uint16_t pfs_group;      /* PFS group for phase 2, 0 none */
	const char *local_ts;    /* CIDR, e.g. 203.0.113.0/28; NULL: our address */
	const char *remote_ts;   /* CIDR; NULL: the target's address */
	unsigned timeout_ms;     /* first retransmission timeout; 0 default */
	unsigned retries;        /* retransmissions per request; 0 default,
				  * use retries_set for an explicit 0 */
	bool retries_set;
	unsigned max_time_ms;    /* hard limit for the whole run; 0 default */
	unsigned rate;           /* new requests per second; 0 default */
	unsigned inflight;       /* exchanges waiting at once; 0 default, at most 32 */
	/* discovery pacing: at most half_open accepted (hence half-open on
	 * the gateway) SAs younger than half_open_wait_ms; 0 defaults;
	 * half_open_set with 0 = unlimited */
	unsigned half_open;
	bool half_open_set;
	unsigned half_open_wait_ms;
};

/* One accepted combination, in IKEv2 numbering for both versions (IKEv1
 * phase 1 attributes are mapped: encryption to ENCR, hash to INTEG, the
 * prf is the hash's HMAC); v1_auth is IKEv1's authentication method. */
struct iks_probe_combo {
	uint16_t encr, key_bits, integ, prf, dh;
	uint16_t v1_auth;
	char text[160];          /* strongSwan syntax, e.g. "aes256-sha256-modp2048" */
};

enum { IKS_PROBE_MAX_COMBOS = 128, IKS_PROBE_MAX_VIDS = 16 };

/* Discovery of one IKE version (and mode). */
struct iks_probe_discovery {
	uint8_t version;
	bool aggressive;
	bool tried;
	bool answered;           /* anything came back */
	bool port_unreachable;   /* no answer, but ICMP port unreachable */
	bool complete;           /* the sweep finished (not cut by max_time) */
	unsigned exchanges;      /* requests started (without retransmissions) */
	unsigned retries_ke;     /* INVALID_KE_PAYLOAD answered by a retry */
	unsigned cookies;        /* COOKIE answered by a retry */
	unsigned unanswered;     /* requests given up */
	uint16_t refusal;        /* a notify seen refusing everything, or 0 */
	unsigned n_combos;
	struct iks_probe_combo combos[IKS_PROBE_MAX_COMBOS];
	int preferred;           /* index of the combination the gateway chose
				  * when offered everything, -1 if none */
	unsigned n_vids;
	char vids[IKS_PROBE_MAX_VIDS][80]; /* vendor names, or hex */
	unsigned candidates;     /* combinations the sweep covered */
};

/* What a test negotiation ended with (the findings say why). */
struct iks_probe_outcome {
	bool answered;
	bool ike_established;    /* phase 1 / IKE SA */
	bool child_established;  /* phase 2 / CHILD_SA */
	bool pfs_tested, pfs_established; /* IKEv2 --pfs: CREATE_CHILD_SA */
	bool deleted;            /* what was created was deleted */
	bool floated;            /* moved to UDP 4500 */
	bool responder_auth_ok;  /* the responder's AUTH / HASH_R verified */
	uint16_t error_notify;   /* the refusal read, 0 if none */
	uint16_t dh_wanted;      /* a second offer with every group showed the
				  * responder accepts our algorithms only with
				  * this group (dh-group-mismatch), or 0 */
	char chosen_ike[160], chosen_esp[160];
	char note[200];          /* one sentence: what happened */
};

struct iks_probe;

int iks_probe_new(struct iks_probe **out, const struct iks_probe_opts *opts,
		  char *errbuf, size_t errlen);
void iks_probe_free(struct iks_probe *p);

/* One of these per probe object (a second call: IKS_ERR_USAGE).
 * Sweep proposals (opts.version 0 = IKEv2 then IKEv1). */
int iks_probe_discover(struct iks_probe *p, char *errbuf, size_t errlen);
/* Full test negotiation, then delete. */
int iks_probe_negotiate(struct iks_probe *p, char *errbuf, size_t errlen);

/* Results. */
size_t iks_probe_discovery_count(const struct iks_probe *p);
const struct iks_probe_discovery *iks_probe_discovery_get(const struct iks_probe *p,
							  size_t i);
const struct iks_probe_outcome *iks_probe_outcome(const struct iks_probe *p);

/* The probe's datagrams run through track (once, after the run; the key
 * table holds the SAs the probe created). */
const struct iks_tracker *iks_probe_tracker(struct iks_probe *p);
const struct iks_keytab *iks_probe_keys(const struct iks_probe *p);
size_t iks_probe_datagrams(const struct iks_probe *p);

/*
 * The probe's diagnosis of one of its negotiations: iks_diagnose() plus
 * what the probe established itself.  When the gateway refused every IKE
 * proposal, the probe offers the same algorithms once more with every
 * group it knows; if that is accepted, the disagreement is the DH group
 * alone and ike-proposal-mismatch becomes dh-group-mismatch (certain).
 */
void iks_probe_diagnose(const struct iks_probe *p, const struct iks_nego *n,
			struct iks_findings *out);

/* False for the probe's auxiliary exchanges (that second offer), which a
 * report leaves out. */
bool iks_probe_nego_is_main(const struct iks_probe *p, const struct iks_nego *n);

/* The exchange as a pcap (LINKTYPE_RAW, IPv4/IPv6 + UDP headers built). */
int iks_probe_write_pcap(const struct iks_probe *p, FILE *out, char *errbuf,
			 size_t errlen);

/* Proposal keywords (strongSwan syntax) -> the algorithms, for the CLI's
 * checks; exported for tests.  Returns 0, or IKS_ERR_USAGE with the bad
 * keyword in errbuf. */
int iks_probe_check_proposals(const char *text, bool esp, char *errbuf,
			      size_t errlen);

#endif
