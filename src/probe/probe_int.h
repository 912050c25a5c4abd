/*
 * probe_int.h - private to src/probe: proposals, the network engine, the
 * message builder and the state shared by discovery and negotiation.
 */
#ifndef IKS_PROBE_INT_H
#define IKS_PROBE_INT_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "ikescope/capture.h"
#include "ikescope/crypto.h"
#include "ikescope/ike.h"
#include "ikescope/probe.h"
#include "ikescope/track.h"

/* ---------------------------------------------------------- proposals */

enum { PP_MAX = 24 };

struct pp_encr {
	uint16_t id;   /* IKEv2 ENCR id */
	uint16_t bits; /* key length attribute, 0 none */
};

/* One proposal in IKEv2 numbering (IKEv1 maps onto it). */
struct pp {
	uint8_t n_encr, n_integ, n_prf, n_dh, n_esn;
	struct pp_encr encr[PP_MAX];
	uint16_t integ[PP_MAX];
	uint16_t prf[PP_MAX];
	uint16_t dh[PP_MAX];
	uint16_t esn[2];
};

struct pp_list {
	unsigned n;
	struct pp p[8];
};

/* Parse "aes256-sha256-modp2048, aes128gcm16-prfsha256-ecp256". */
int pp_parse(const char *text, bool esp, struct pp_list *out, char *errbuf,
	     size_t errlen);
/* Preset candidate sets for discovery (one proposal each holding every
 * algorithm of the preset). */
int pp_preset(const char *name, struct pp *out, char *errbuf, size_t errlen);
bool pp_encr_aead(uint16_t id);
/* strongSwan keyword for one algorithm, or the number. */
void pp_kw(unsigned type, uint16_t id, uint16_t bits, char *buf, size_t len);
/* "aes256-sha256-prfsha256-modp2048" of one combination. */
void pp_combo_text(bool v1, const struct iks_probe_combo *c, char *buf, size_t len);

/* IKEv1 numbering of IKEv2 algorithms (0 when IKEv1 has none). */
uint16_t pp_v1_encr(uint16_t v2_encr);         /* phase 1 encryption */
uint16_t pp_v1_hash(uint16_t v2_integ);        /* phase 1 hash */
uint16_t pp_v2_encr_of_v1(uint16_t v1_encr);
uint16_t pp_v2_integ_of_v1_hash(uint16_t v1_hash);
uint16_t pp_v2_prf_of_v1_hash(uint16_t v1_hash);
uint16_t pp_v1_esp(uint16_t v2_encr);          /* ESP transform id */
uint16_t pp_v1_auth_alg(uint16_t v2_integ);    /* IPsec auth algorithm */
uint16_t pp_v2_prf_of_integ(uint16_t v2_integ);

/* --------------------------------------------------------- the engine */

/* One datagram sent or received, in order. */
struct rec {
	double t;
	bool sent;
	bool natt;       /* UDP 4500 with the non-ESP marker */
	uint16_t lport, rport;
	uint8_t *data;   /* the IKE message (no marker) */
	size_t len;
};

/* One request waiting for its answer. */
struct xchg {
	uint8_t req[8192];
	size_t req_len;
	bool natt;
	uint8_t spi_i[8];
	uint32_t msgid;
	uint8_t version;
	bool want_any;   /* IKEv1: any message with our cookie answers */
	/* state */
	unsigned sends;
	double next_at;
	bool started, done, answered;
	uint8_t resp[65536];  /* answers with certificate chains are large */
	size_t resp_len;
	int tag;         /* caller's */
};

struct iks_probe {
	struct iks_probe_opts o;
	struct sockaddr_storage peer;
	socklen_t peer_len;
	int family;                 /* AF_INET / AF_INET6 */
	int fd500, fd4500;
	struct iks_addr laddr, raddr;
	uint16_t lport500, lport4500, rport;
	double t0, deadline;
	double base_real, base_mono;   /* the clock (probe_now) */
	double last_start;          /* rate limit */
	bool cut;                   /* max_time reached */
	bool ran;                   /* discover/negotiate called */

	struct rec *recs;
	size_t n_recs, cap_recs;
	uint8_t (*spis)[8];         /* initiator SPIs the probe used */
	unsigned refused;           /* ICMP port unreachable reports */
	size_t n_spis, cap_spis;

	struct iks_keytab keys;
	struct iks_tracker *tracker;
	bool tracked;

	double opened[64];          /* when accepted offers were answered */
	unsigned n_opened;
	double pause_until;

	uint8_t aux_spi[4][8];      /* auxiliary exchanges (not reported) */
	unsigned n_aux;

	struct iks_probe_discovery disc[3];
	size_t n_disc;
	struct iks_probe_outcome out;
};

/* Wall-clock time of the probe's clock: the real time at creation,
 * advanced with the monotonic clock so the schedule never jumps. */
double probe_now(const struct iks_probe *p);
double probe_mono(void);
int probe_net_open(struct iks_probe *p, char *errbuf, size_t errlen);
int probe_net_open4500(struct iks_probe *p);
void probe_net_close(struct iks_probe *p);
/* Run the exchanges (up to p->o.inflight at once, rate-limited) until each
 * is answered or given up.  Unmatched datagrams are recorded too. */
int probe_transact(struct iks_probe *p, struct xchg **x, size_t n);
/* Send once, no answer expected (IKEv1 Informational). */
int probe_send_once(struct iks_probe *p, const uint8_t *msg, size_t len, bool natt);
/* Discovery pacing: how many new offers may start now (waiting, bounded
 * by the deadline, until at least one may); note an accepted offer. */
unsigned probe_pace(struct iks_probe *p, unsigned want);
void probe_pace_opened(struct iks_probe *p);
void probe_pace_stall(struct iks_probe *p);

/* Listen for stray datagrams for ms milliseconds (recorded). */
void probe_linger(struct iks_probe *p, unsigned ms);

/* --------------------------------------------------------- the builder */

/* A message under construction (an iks_msg and the storage its views
 * point into). */
struct bld {
	struct iks_msg *m;
	uint8_t store[16384];
	size_t used;
};

struct bld *bld_new(uint8_t version, const uint8_t spi_i[8],
		    const uint8_t spi_r[8], uint8_t exchange, uint8_t flags,
		    uint32_t msgid);
void bld_free(struct bld *b);
const uint8_t *bld_keep(struct bld *b, const void *data, size_t len);
struct iks_payload *bld_add(struct bld *b, uint16_t type);
/* SA payload helpers */
struct iks_proposal *bld_proposal(struct bld *b, struct iks_payload *sa,
				  uint8_t number, uint8_t protocol,
				  const uint8_t *spi, uint8_t spi_size);
struct iks_transform *bld_transform(struct bld *b, struct iks_proposal *pr,
				    uint8_t type_or_number, uint16_t id);
void bld_attr_tv(struct bld *b, struct iks_transform *t, uint16_t type, uint16_t v);
void bld_attr_tlv32(struct bld *b, struct iks_transform *t, uint16_t type, uint32_t v);
void bld_notify(struct bld *b, uint16_t type, uint8_t proto, const uint8_t *spi,
		uint8_t spi_size, const void *data, size_t len);
struct iks_payload *bld_bytes(struct bld *b, uint16_t type, const void *data,
			      size_t len);
/* Encode: header and payloads (next fields set in order). */
int bld_encode(struct bld *b, uint8_t *out, size_t cap, size_t *len);
/* The payload bytes only (no header): for encrypted bodies. */
int bld_encode_body(struct bld *b, uint8_t *out, size_t cap, size_t *len,
		    uint8_t *first);

/* ------------------------------------------------------------- shared */

/* Received bytes (views into a decoded answer) read through a cursor:
 * copy a whole view, compare it, its first 16 bits (0 if shorter). */
bool pb_copy(struct iks_bytes b, void *out, size_t cap, size_t *len);
bool pb_equal(struct iks_bytes b, const uint8_t *x, size_t len);
uint16_t pb_be16(struct iks_bytes b);

/* Random SPI / cookie (never zero). */
void probe_spi(uint8_t spi[8]);
/* Identity (text) -> ID type + data for IKEv2 or IKEv1. */
int probe_identity(const char *text, const struct iks_addr *fallback, uint8_t *type,
		   uint8_t *data, size_t cap, size_t *len);
/* A subnet for traffic selectors / Quick Mode IDs: "203.0.113.0/28",
 * "2001:db8::/64" or an address (a host); NULL text: the fallback host. */
struct cidr {
	uint8_t family;  /* 4 or 6 */
	uint8_t prefix;
	uint8_t addr[16], start[16], end[16];
};
int probe_cidr(const char *text, const struct iks_addr *fallback, struct cidr *out);

/* NAT detection hash (RFC 7296 2.23 SHA-1; RFC 3947 the negotiated hash). */
int probe_natd(uint16_t v1_hash, const uint8_t spi_i[8], const uint8_t spi_r[8],
	       const struct iks_addr *a, uint16_t port, uint8_t *out, size_t *len);

int probe_discover_v2(struct iks_probe *p);
int probe_discover_v1(struct iks_probe *p, bool aggressive);
int probe_negotiate_v2(struct iks_probe *p, char *errbuf, size_t errlen);
int probe_negotiate_v1(struct iks_probe *p, char *errbuf, size_t errlen);

/* A decoded datagram (allocated; msg views into data). */
struct rmsg {
	struct iks_msg m;
	uint8_t data[65536];
	size_t len;
	uint8_t plain[65536];
	size_t plain_len;
};

struct rmsg *rmsg_decode(const uint8_t *data, size_t len);
/* The first notify of type >= 1 and < 16384 (an error) or 0. */
uint16_t rmsg_error(const struct iks_msg *m, int parent);
int rmsg_notify(const struct iks_msg *m, uint16_t type, int parent);
void probe_collect_vids(struct iks_probe_discovery *d, const struct iks_msg *m);

#endif
