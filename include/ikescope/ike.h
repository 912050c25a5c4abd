/*
 * ikescope/ike.h - stage 2: IKE message decoder (and encoder).
 *
 * Decodes one IKEv1 (RFC 2408/2409) or IKEv2 (RFC 7296) message into plain
 * data: a header and a flat array of payloads in wire order.  Payloads of
 * an encrypted payload that was decrypted later (by track, through crypto)
 * are appended with `parent` naming the encrypted payload, so the tree is
 * kept without allocation.  Variable parts (proposals, transforms,
 * attributes, traffic selectors) live in fixed pools inside the message;
 * byte fields are views into the caller's buffers (the datagram, or a
 * decrypted plaintext the caller keeps alive as long as the message).
 *
 * A message whose payload chain is broken is still returned, with what was
 * decoded before the break and `malformed` set to the reason and offset;
 * the caller carries on with the next datagram.
 */
#ifndef IKESCOPE_IKE_H
#define IKESCOPE_IKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/consts.h"
#include "ikescope/cursor.h"
#include "ikescope/error.h"

#define IKS_IKE_HDR_LEN 28   /* RFC 2408 3.1, RFC 7296 3.1 */
#define IKS_IKE_GENERIC_LEN 4 /* generic payload header */

/* Limits: a message beyond them is marked malformed (IKS_ERR_TOO_MANY). */
enum {
	IKS_MAX_PAYLOADS = 96,
	IKS_MAX_PROPOSALS = 64,
	IKS_MAX_TRANSFORMS = 256,
	IKS_MAX_ATTRS = 512,
	IKS_MAX_SELECTORS = 64,
};

/* RFC 2408 3.1 / RFC 7296 3.1 header. */
struct iks_ike_hdr {
	uint8_t ispi[8];
	uint8_t rspi[8];
	uint8_t next_payload;
	uint8_t major, minor;
	uint8_t exchange;
	uint8_t flags;
	uint32_t message_id;
	uint32_t length;
};

/* A data attribute: RFC 2408 3.3 (IKEv1 SA, Attributes payload), RFC 7296
 * 3.3.5 (transform attributes) and 3.15.1 (configuration attributes). */
struct iks_attr {
	uint16_t type;       /* without the AF bit */
	bool tv;             /* short form (AF=1): value in `value` */
	uint32_t value;      /* TV value, or a TLV value of 1..4 bytes */
	struct iks_bytes data; /* TLV value bytes (empty for TV) */
};

/* RFC 2408 3.6 / RFC 7296 3.3.2 */
struct iks_transform {
	uint8_t number;     /* IKEv1 transform number; IKEv2: 0 */
	uint8_t type;       /* IKEv2 transform type; IKEv1: 0 */
	uint16_t id;        /* IKEv1 transform id / IKEv2 transform id */
	uint16_t key_length;/* Key Length attribute, 0 if absent */
	uint16_t attr_first, attr_count;
};

/* RFC 2408 3.5 / RFC 7296 3.3.1 */
struct iks_proposal {
	uint8_t number;
	uint8_t protocol;   /* RFC 2407 4.4.1 / RFC 7296 3.3.1 */
	uint8_t spi_size;
	uint8_t n_transforms; /* as announced on the wire */
	struct iks_bytes spi;
	uint16_t xf_first, xf_count;
};

/* RFC 7296 3.13.1 */
struct iks_selector {
	uint8_t type;       /* 7 = IPv4 range, 8 = IPv6 range */
	uint8_t ip_proto;
	uint16_t start_port, end_port;
	uint8_t addr_len;   /* 4 or 16; 0 for types with no address */
	uint8_t start[16], end[16];
	struct iks_bytes raw; /* the selector body for unknown types */
};

struct iks_payload {
	uint16_t type;      /* payload type as on the wire, or
			     * IKS_V1_PL_ENCRYPTED */
	uint8_t next;       /* next payload field */
	bool critical;      /* IKEv2 critical bit */
	int16_t parent;     /* index of the encrypted payload it was inside; -1 */
	uint32_t offset;    /* offset of the generic header in its buffer */
	uint32_t length;    /* payload length including the generic header */
	struct iks_bytes body; /* bytes after the generic header */
	union {
		/* SA: RFC 2408 3.4 (doi, situation), RFC 7296 3.3 */
		struct {
			uint32_t doi, situation;
			uint16_t prop_first, prop_count;
		} sa;
		/* KE: IKEv2 carries its group (RFC 7296 3.4); IKEv1 not */
		struct {
			uint16_t group;
			struct iks_bytes data;
		} ke;
		/* ID: RFC 2407 4.6.2 (protocol, port), RFC 7296 3.5 */
		struct {
			uint8_t id_type;
			uint8_t protocol;
			uint16_t port;
			struct iks_bytes data;
		} id;
		/* CERT / CERTREQ: RFC 2408 3.9/3.10, RFC 7296 3.6/3.7 */
		struct {
			uint8_t encoding;
			struct iks_bytes data;
		} cert;
		/* AUTH: RFC 7296 3.8 */
		struct {
			uint8_t method;
			struct iks_bytes data;
		} auth;
		/* N: RFC 2408 3.14, RFC 7296 3.10 */
		struct {
			uint32_t doi;  /* IKEv1 only */
			uint8_t protocol;
			uint8_t spi_size;
			uint16_t type;
			struct iks_bytes spi;
			struct iks_bytes data;
		} notify;
		/* D: RFC 2408 3.15, RFC 7296 3.11 */
		struct {
			uint32_t doi;  /* IKEv1 only */
			uint8_t protocol;
			uint8_t spi_size;
			uint16_t count;
			struct iks_bytes spis;
		} del;
		/* TSi / TSr: RFC 7296 3.13 */
		struct {
			uint8_t count; /* as announced */
			uint16_t sel_first, sel_count;
		} ts;
		/* CP (IKEv2, RFC 7296 3.15) and IKEv1 Attributes payload
		 * (draft-ietf-ipsec-isakmp-mode-cfg 3.2) */
		struct {
			uint8_t cfg_type;
			uint16_t identifier; /* IKEv1 only */
			uint16_t attr_first, attr_count;
		} cfg;
		/* SK (RFC 7296 3.14) and SKF (RFC 7383 2.5): `body` holds
		 * IV | ciphertext | ICV for SK; for SKF the data after the
		 * fragment number/total.  `next` is the first inner payload. */
		struct {
			uint16_t frag_number, frag_total; /* SKF only */
			struct iks_bytes data;
			bool decrypted;
			uint8_t decrypt_error; /* -iks_err when decryption failed */
		} sk;
		/* Cisco IKEv1 fragment (payload 132) */
		struct {
			uint16_t id;
			uint8_t number;
			uint8_t flags; /* 1 = last fragment */
			struct iks_bytes data;
		} frag;
		/* EAP: RFC 3748 4 */
		struct {
			uint8_t code, identifier;
			uint16_t length;
			uint8_t eap_type; /* 0 when absent (success/failure) */
		} eap;
	} u;
};

/*
 * An IKEv1 message with the E flag has an encrypted body: it is described
 * by one pseudo payload of this type, whose `next` is the header's next
 * payload and whose body is the ciphertext; its plaintext payloads, once
 * decrypted, are appended with `parent` pointing to it.
 */
#define IKS_V1_PL_ENCRYPTED 0x100u
#define IKS_PAYLOAD_ENCRYPTED_NAME "Encrypted"

struct iks_msg {
	struct iks_ike_hdr hdr;
	uint8_t version;      /* 1 or 2 (the major version) */
	struct iks_bytes raw; /* the whole message as received */

	uint16_t n_payloads;
	uint16_t n_proposals, n_transforms, n_attrs, n_selectors;
	struct iks_payload payloads[IKS_MAX_PAYLOADS];
	struct iks_proposal proposals[IKS_MAX_PROPOSALS];
	struct iks_transform transforms[IKS_MAX_TRANSFORMS];
	struct iks_attr attrs[IKS_MAX_ATTRS];
	struct iks_selector selectors[IKS_MAX_SELECTORS];

	/* First problem found; IKS_OK when the message is well formed. */
	int malformed;          /* enum iks_err */
	uint32_t malformed_offset; /* byte offset in the message (or plaintext) */
	uint16_t malformed_payload; /* payload type being decoded, or 0 */
};

/*
 * Is this plausibly an IKE message?  Checks the header only: length >= 28,
 * major version 1 or 2.  Cheap; used to skip garbage on IKE ports.
 */
bool iks_ike_looks_like(const uint8_t *buf, size_t len);

/*
 * Decode one message.  Returns IKS_OK when the header was decoded (even if
 * the payloads are malformed: see msg->malformed), or a negative iks_err
 * when the bytes are not an IKE message at all (too short for a header,
 * unknown major version).  `buf` must stay alive while msg is used.
 */
int iks_ike_decode(const uint8_t *buf, size_t len, struct iks_msg *msg);

/*
 * Decode a chain of payloads from decrypted bytes (RFC 7296 3.14 inner
 * payloads, or an IKEv1 plaintext body) and append them to msg with
 * parent = parent_index.  `first` is the type of the first payload.  For
 * IKEv1 bodies trailing padding after the last payload is accepted.
 * Returns IKS_OK or the malformation (also recorded in msg).
 */
int iks_ike_decode_inner(struct iks_msg *msg, int parent_index,
			 const uint8_t *plain, size_t len, uint8_t first);

/*
 * Encode msg into w from its decoded fields (not from raw): header, then
 * the top-level payloads in order.  Lengths are computed.  Encrypted
 * payloads are written with their `body` as is.  Returns IKS_OK or
 * IKS_ERR_OVERFLOW.  decode(encode(x)) == x is a unit test.
 */
int iks_ike_encode(const struct iks_msg *msg, struct iks_wr *w);

/*
 * IKEv1 fragmentation (Cisco's payload 132, also strongSwan's and
 * Windows'): the fragments' data, concatenated in fragment-number order,
 * is the original IKE message with its header.  Fragments are grouped by
 * cookie pair and fragment id (not by one fixed id).  Memory is bounded:
 * IKS_REASM_MAX_PENDING messages of IKS_REASM_MAX_FRAGS fragments and at
 * most 64 KiB each; the oldest pending message is dropped first.
 */
enum {
	IKS_REASM_MAX_PENDING = 64,
	IKS_REASM_MAX_FRAGS = 32,
};

struct iks_ike_reasm;

int iks_ike_reasm_new(struct iks_ike_reasm **out);
void iks_ike_reasm_free(struct iks_ike_reasm *r);

/*
 * Add the fragment payload p of message m.  Returns 1 when it completed a
 * message (*out / *out_len, valid until the next call), 0 when it is held
 * waiting for others, or a negative iks_err when it cannot be used
 * (duplicate numbers are ignored and return 0).  *dropped counts pending
 * messages given up to make room.
 */
int iks_ike_reasm_add(struct iks_ike_reasm *r, const struct iks_msg *m,
		      const struct iks_payload *p, const uint8_t **out,
		      size_t *out_len);

/* Messages given up (evicted, or over a limit) since creation. */
uint64_t iks_ike_reasm_dropped(const struct iks_ike_reasm *r);

/* Helpers for readers of a decoded message. */
static inline const struct iks_proposal *
iks_sa_proposal(const struct iks_msg *m, const struct iks_payload *p, unsigned i)
{
	return &m->proposals[p->u.sa.prop_first + i];
}

static inline const struct iks_transform *
iks_proposal_transform(const struct iks_msg *m, const struct iks_proposal *pr,
		       unsigned i)
{
	return &m->transforms[pr->xf_first + i];
}

/* Index of the first payload of `type` (with the given parent, or any
 * parent when parent == -2), or -1. */
int iks_msg_find(const struct iks_msg *m, unsigned type, int parent);

/* Is the message a response?  IKEv2: R flag.  IKEv1 has no flag: -1. */
static inline int iks_msg_is_response(const struct iks_msg *m)
{
	if (m->version != 2)
		return -1;
	return (m->hdr.flags & IKS_V2_FLAG_R) != 0;
}

#endif
