/*
 * ikescope/track.h - stage 3: decoded messages in, negotiations out.
 *
 * The tracker decodes each IKE datagram (ike), decrypts it when keys are
 * known (crypto), and files it under the IKE SA negotiation it belongs to:
 * keyed by the initiator's SPI/cookie and the two peers, the responder SPI
 * learned from the first answer, retransmissions recognised (same bytes,
 * same direction) and counted rather than treated as new messages, and an
 * IKEv2 retry after INVALID_KE_PAYLOAD or COOKIE linked to the attempt it
 * retries.  Each negotiation is plain data (struct iks_nego) that the
 * diagnosis reads; its outcome changes only through one function that
 * checks the transition and keeps the first reason (DESIGN.md practice 4).
 */
#ifndef IKESCOPE_TRACK_H
#define IKESCOPE_TRACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/capture.h"
#include "ikescope/crypto.h"
#include "ikescope/ike.h"

enum iks_status {
	IKS_STATUS_INCOMPLETE, /* capture ended mid-way, no sign of failure */
	IKS_STATUS_ESTABLISHED,
	IKS_STATUS_FAILED,
};

const char *iks_status_name(enum iks_status s); /* "incomplete", ... */

/* Limits of one negotiation's record (beyond them: counted, not kept). */
enum {
	IKS_NEGO_MAX_PROPS = 16,
	IKS_PROP_MAX_ALGS = 8,
	IKS_MSG_MAX_NOTIFY = 8,
	IKS_CHILD_MAX_TS = 4,
	IKS_NEGO_MAX_MSGS = 1024, /* a long-lived IKE SA's DPDs stop here */
	IKS_NEGO_MAX_CHILDREN = 256,
};

/*
 * A proposal reduced to what an administrator configures, in either IKE
 * version: the algorithms by transform type (RFC 7296 3.3.2 numbering;
 * IKEv1 phase 1 attributes and IPsec DOI transforms mapped onto it:
 * encryption, hash/integrity, group), plus IKEv1's authentication method
 * and lifetime.  IDs keep their own version's numbering (`version`).
 */
struct iks_alg {
	uint16_t id;
	uint16_t key_length; /* bits; encryption only, 0 if none */
};

struct iks_prop {
	uint8_t version;
	uint8_t protocol; /* 1 IKE/ISAKMP, 2 AH, 3 ESP */
	uint8_t number;
	uint8_t n_encr, n_integ, n_prf, n_dh, n_esn;
	struct iks_alg encr[IKS_PROP_MAX_ALGS];
	uint16_t integ[IKS_PROP_MAX_ALGS]; /* IKEv1: phase 1 hash, or ESP auth alg */
	uint16_t prf[IKS_PROP_MAX_ALGS];
	uint16_t dh[IKS_PROP_MAX_ALGS];    /* IKEv1: group description / PFS */
	uint16_t esn[2];
	uint16_t auth_method;              /* IKEv1 phase 1 only */
	uint32_t lifetime_s;               /* IKEv1, 0 if not given */
	uint16_t encap_mode;               /* IKEv1 IPsec DOI, 0 if not given */
	uint8_t spi_len;
	uint8_t spi[8];
};

/* A traffic selector (RFC 7296 3.13.1), or an IKEv1 Quick Mode ID
 * (RFC 2407 4.6.2) turned into an address range. */
struct iks_ts {
	uint8_t family; /* 4 or 6 */
	uint8_t ip_proto;
	uint16_t start_port, end_port;
	uint8_t start[16], end[16];
};

/* One message of a negotiation, as seen on the wire. */
struct iks_nmsg {
	uint64_t frame;
	double time;
	bool from_initiator;
	bool response;         /* IKEv2 R flag; IKEv1: from the responder */
	uint8_t exchange;
	uint32_t message_id;
	uint32_t length;
	uint16_t sport, dport;
	uint16_t retransmits;  /* identical copies seen after this one */
	uint64_t last_frame;   /* frame of the last copy */
	bool encrypted;
	bool decrypted;
	bool malformed;
	uint16_t ip_fragments; /* > 0 when it came in IP fragments */
	uint8_t n_notify;
	uint16_t notify[IKS_MSG_MAX_NOTIFY]; /* readable notify types */
	uint32_t payloads;     /* bit set of readable payload kinds, IKS_PK_* */
	uint16_t ke_group;     /* KE payload group (IKEv2), 0 if none */
	uint16_t ke_len;       /* KE data length */
	uint16_t auth_method;  /* IKEv2 AUTH method, 0 if none/unreadable */
	uint16_t first_payload;/* first payload type (inner one if read) */
	uint64_t digest;       /* hash of the bytes: retransmission check */
};

/* Payload kinds for iks_nmsg.payloads, version-independent. */
enum iks_payload_kind {
	IKS_PK_SA = 1u << 0,
	IKS_PK_KE = 1u << 1,
	IKS_PK_NONCE = 1u << 2,
	IKS_PK_ID = 1u << 3,
	IKS_PK_CERT = 1u << 4,
	IKS_PK_CERTREQ = 1u << 5,
	IKS_PK_AUTH = 1u << 6,  /* IKEv2 AUTH; IKEv1 HASH or SIG */
	IKS_PK_NOTIFY = 1u << 7,
	IKS_PK_DELETE = 1u << 8,
	IKS_PK_VID = 1u << 9,
	IKS_PK_TS = 1u << 10,   /* IKEv2 TSi/TSr; IKEv1 QM IDci/IDcr */
	IKS_PK_NATD = 1u << 11,
	IKS_PK_CP = 1u << 12,
	IKS_PK_EAP = 1u << 13,
	IKS_PK_FRAG = 1u << 14, /* IKEv2 SKF, IKEv1 Cisco fragment */
	IKS_PK_SK = 1u << 15,   /* encrypted (SK payload or IKEv1 E flag) */
};

/* A phase 2 negotiation: IKEv1 Quick Mode, IKEv2 CHILD_SA (in IKE_AUTH
 * or CREATE_CHILD_SA). */
struct iks_child {
	uint32_t message_id;
	uint8_t exchange;
	enum iks_status status;
	bool decrypted;        /* we read its contents */
	bool rekey;            /* CREATE_CHILD_SA with REKEY_SA */
	bool ike_rekey;        /* CREATE_CHILD_SA that rekeyed the IKE SA itself
				* (RFC 7296 1.3.2): not a phase 2 */
	uint8_t n_offered;
	struct iks_prop *offered; /* n_offered of them (at most IKS_NEGO_MAX_PROPS) */
	bool has_chosen;
	struct iks_prop chosen;
	uint16_t pfs_group;    /* KE group in the request; 0 none */
	bool pfs_known;        /* whether pfs_group is known (read) */
	uint16_t resp_ke_group;
	uint8_t n_ts_i, n_ts_r;
	bool ts_known;
	struct iks_ts ts_i[IKS_CHILD_MAX_TS], ts_r[IKS_CHILD_MAX_TS];
	uint8_t n_ts_i_resp, n_ts_r_resp;
	struct iks_ts ts_i_resp[IKS_CHILD_MAX_TS], ts_r_resp[IKS_CHILD_MAX_TS];
	uint16_t error_notify; /* the refusal, if read */
	uint32_t request_len;  /* size of the first request message */
	unsigned first_msg, last_msg; /* indexes into the nego's messages */
	uint32_t spi_i, spi_r; /* ESP/AH SPIs (inbound of each side) */
	uint64_t esp_packets_i, esp_packets_r; /* ESP seen per direction */
};

/* The decryption state of one negotiation (private to track). */
struct iks_nego_crypto;

struct iks_nego {
	unsigned id;             /* 1-based, in order of first message */
	uint8_t version;
	uint8_t exchange;        /* IKEv1 2/4, IKEv2 34 */
	struct iks_addr init_addr, resp_addr;
	uint16_t init_port, resp_port; /* as first seen */
	uint8_t spi_i[8], spi_r[8];
	bool have_spi_r;
	double start, end;
	enum iks_status status;
	char reason[160];        /* first reason for the status */

	/* phase 1 */
	uint8_t n_offered;
	struct iks_prop *offered; /* n_offered of them (at most IKS_NEGO_MAX_PROPS):
				   * allocated to their number, as most offer one */
	bool has_chosen;
	struct iks_prop chosen;
	uint16_t ke_group_i, ke_group_r; /* IKEv2 KE groups sent */
	uint16_t auth_method_i;  /* IKEv2 AUTH methods read, 0 unknown */
	uint16_t auth_method_r;
	bool nat_t;              /* NAT-D / float to 4500 seen */
	bool floated;            /* moved to UDP 4500 */
	bool ike_fragmentation;  /* IKEv2 SKF or IKEv1 Cisco fragments used */

	/* IKE SA rekeys (RFC 7296 1.3.2): the new SA's messages are filed
	 * here too, under its new SPIs */
	unsigned ike_rekeys;

	/* retries (IKEv2 INVALID_KE_PAYLOAD / COOKIE) */
	unsigned retries;
	uint16_t retry_notify;   /* what caused the last retry */
	uint16_t retry_group;    /* INVALID_KE_PAYLOAD's wanted group */
	uint8_t first_spi_i[8];

	/* messages in wire order (retransmissions folded in); at most
	 * IKS_NEGO_MAX_MSGS are kept, later ones only counted */
	struct iks_nmsg *msgs;
	unsigned n_msgs, cap_msgs;
	unsigned msgs_dropped;
	struct iks_child *children;
	unsigned n_children, cap_children;

	/* decryption */
	bool have_keys;
	bool decrypt_failed;
	char decrypt_error[128];

	/* --psk: did the given key reproduce Aggressive Mode's HASH_R? */
	bool psk_checked;
	bool psk_matches;

	struct iks_nego_crypto *crypto;
	struct iks_nego_am *am;  /* private: Aggressive Mode message 1 parts */
};

/*
 * Called once for each negotiation when it concludes (streaming mode, see
 * iks_track_opts.on_concluded): the end-of-capture rules have run on it,
 * and it is freed when the callback returns.
 */
typedef void (*iks_track_concluded_fn)(void *ctx, const struct iks_nego *n);

#define IKS_TRACK_IDLE_DEFAULT 180.0 /* seconds of capture time */
#define IKS_TRACK_MAX_OPEN_DEFAULT 1000000
#define IKS_TRACK_MAX_MEMORY_DEFAULT ((size_t)512 << 20)

struct iks_track_opts {
	const struct iks_keytab *keys; /* may be NULL */
	/* Without on_concluded: negotiations tracked in all (more are not
	 * filed; 0 = 1 000 000).  With it: open at once (0 = default
	 * IKS_TRACK_MAX_OPEN_DEFAULT); at the limit the least recently
	 * active one is concluded early (counted in stats.evicted). */
	size_t max_negotiations;
	const uint8_t *psk;            /* --psk to check against HASH_R, or NULL */
	size_t psk_len;
	/*
	 * Streaming mode, for captures of any size and live interfaces: when
	 * set, a negotiation concludes once no IKE message of it was seen for
	 * idle_timeout seconds of capture time (0 = IKS_TRACK_IDLE_DEFAULT),
	 * at the open limit, or at iks_track_finish(); it is then handed to
	 * on_concluded and freed, so memory follows the open negotiations.
	 * ESP traffic does not keep a negotiation open (its packets are
	 * counted while it is).  Negotiations concluding at the same moment
	 * come in order of their first message (by id); iks_track_finish()
	 * concludes all that remain in that order.  Without on_concluded,
	 * every negotiation is kept until iks_track_free() and read with
	 * iks_track_count()/iks_track_get().
	 */
	iks_track_concluded_fn on_concluded;
	void *ctx;
	double idle_timeout;
	/* Streaming: bytes of negotiation records (messages, children) held
	 * at most (0 = IKS_TRACK_MAX_MEMORY_DEFAULT); over it, the least
	 * recently active negotiations conclude early (stats.evicted). */
	size_t max_memory;
};

struct iks_track_stats {
	uint64_t negotiations; /* created */
	uint64_t open;         /* open now */
	uint64_t open_peak;
	uint64_t concluded;    /* handed to on_concluded */
	uint64_t idle;         /* of those, concluded by the idle timeout */
	uint64_t evicted;      /* concluded early at the open or memory limit */
	uint64_t not_tracked;  /* messages not filed: limit of negotiations */
	uint64_t msgs_dropped; /* messages beyond IKS_NEGO_MAX_MSGS */
	uint64_t frags_dropped;/* IKEv1 fragments given up at the table limit */
	uint64_t memory;       /* bytes of negotiation records held now */
	uint64_t memory_peak;
};

struct iks_tracker;

int iks_track_new(struct iks_tracker **out, const struct iks_track_opts *opts);
void iks_track_free(struct iks_tracker *t);

/*
 * Streaming mode: conclude the negotiations idle at time `now` (seconds
 * since the epoch), e.g. from a live capture's clock when no traffic
 * comes.  Datagrams do this themselves with their own timestamps.
 */
void iks_track_expire(struct iks_tracker *t, double now);

void iks_track_get_stats(const struct iks_tracker *t, struct iks_track_stats *st);

/*
 * Feed one datagram.  For an IKE message, returns the decoded message
 * (decrypted payloads appended when keys allowed), valid until the next
 * call, or NULL when the datagram completed nothing (a fragment held for
 * reassembly, not IKE).  ESP datagrams are counted against the SAs.
 */
const struct iks_msg *iks_track_datagram(struct iks_tracker *t,
					 const struct iks_datagram *dg);

/* After iks_track_datagram() returned NULL for an IKE datagram: the
 * reason it is not an IKE message (IKS_ERR_SHORT, IKS_ERR_VERSION), or
 * IKS_OK when it was a fragment held for reassembly. */
int iks_track_last_error(const struct iks_tracker *t);

/* End of input: every open negotiation is concluded (and, in streaming
 * mode, handed out and freed). */
void iks_track_finish(struct iks_tracker *t);

/* The negotiations, in order of their first message (none in streaming
 * mode: those are handed to on_concluded). */
size_t iks_track_count(const struct iks_tracker *t);
const struct iks_nego *iks_track_get(const struct iks_tracker *t, size_t i);

/* Render a proposal in strongSwan proposal syntax ("aes256-sha256-modp2048");
 * returns buf. */
const char *iks_prop_format(const struct iks_prop *p, char *buf, size_t len);

/* Does the message list of n contain a readable notify `type`?  Returns
 * the index of the first such message, or -1. */
int iks_nego_find_notify(const struct iks_nego *n, uint16_t type);

#endif
