/*
 * ip.c - IPv4, IPv6 and its extension headers, then UDP 500/4500 and ESP.
 *
 * The hot path: a frame that is not IKE or ESP leaves here after a few
 * header reads, with no allocation and no formatting.  Only fragments of
 * UDP or ESP go to reassembly.
 */
#include <string.h>

#include "capture/capture_int.h"

#define IPPROTO_NUM_HOPOPTS 0
#define IPPROTO_NUM_TCP 6
#define IPPROTO_NUM_UDP 17
#define IPPROTO_NUM_ROUTING 43
#define IPPROTO_NUM_FRAGMENT 44
#define IPPROTO_NUM_ESP 50
#define IPPROTO_NUM_AH 51
#define IPPROTO_NUM_NONE 59
#define IPPROTO_NUM_DSTOPTS 60

/* A chain longer than this is an attack or garbage, not IKE. */
#define MAX_EXT_HEADERS 16

/* RFC 3948 section 2.3: a NAT-keepalive is one 0xFF byte. */
#define NATT_KEEPALIVE 0xff

/* The fragment header of RFC 8200 section 4.5, or IPv4's equivalent. */
struct frag_info {
	bool present;
	uint32_t id;
	uint32_t off;
	bool more;
	uint8_t proto; /* the header after the fragment header */
};

enum walk_result {
	WALK_UPPER,    /* *proto is an upper layer (or ESP); cursor at it */
	WALK_FRAGMENT, /* a fragment header; cursor after it */
	WALK_STOP,     /* no next header, or a chain we do not follow */
	WALK_SHORT,    /* a header runs past the packet */
};

bool iks_capture_is_ike_port(const struct iks_capture *cap, uint16_t port)
{
	unsigned i;

	if (port == IKS_PORT_IKE || port == IKS_PORT_NATT)
		return true;
	for (i = 0; i < cap->opts.n_ike_ports; i++)
		if (cap->opts.ike_ports[i] && cap->opts.ike_ports[i] == port)
			return true;
	return false;
}

/*
 * Walks IPv6 extension headers (RFC 8200 section 4) and AH (RFC 4302
 * section 2: its length is in 4-byte units, minus 2) from *proto.  For
 * IPv4 only AH can follow the header.  Stops at a fragment header unless
 * fragments are not allowed (inside a reassembled datagram), where one is
 * a reason to stop.
 */
static enum walk_result walk_headers(struct iks_cur *c, int version,
				     uint8_t *proto, bool allow_frag,
				     struct frag_info *fi)
{
	unsigned n;

	for (n = 0; n < MAX_EXT_HEADERS; n++) {
		uint8_t next, len, u8;
		uint16_t offlg;
		uint32_t id;

		switch (*proto) {
		case IPPROTO_NUM_HOPOPTS:
		case IPPROTO_NUM_ROUTING:
		case IPPROTO_NUM_DSTOPTS:
			if (version != 6)
				return WALK_UPPER;
			/* length in 8-byte units, not counting the first 8 */
			if (!iks_cur_peek8(c, 0, &next) ||
			    !iks_cur_peek8(c, 1, &len) ||
			    !iks_cur_skip(c, ((size_t)len + 1) * 8))
				return WALK_SHORT;
			*proto = next;
			break;
		case IPPROTO_NUM_AH:
			if (!iks_cur_peek8(c, 0, &next) ||
			    !iks_cur_peek8(c, 1, &len) ||
			    !iks_cur_skip(c, ((size_t)len + 2) * 4))
				return WALK_SHORT;
			*proto = next;
			break;
		case IPPROTO_NUM_FRAGMENT:
			if (version != 6)
				return WALK_UPPER;
			if (!allow_frag)
				return WALK_STOP;
			if (!iks_cur_u8(c, &next) || !iks_cur_u8(c, &u8) ||
			    !iks_cur_be16(c, &offlg) || !iks_cur_be32(c, &id))
				return WALK_SHORT;
			/* RFC 6946: offset 0 without M is an atomic fragment,
			 * a whole datagram; go on past it. */
			if ((offlg & 0xfff8) == 0 && !(offlg & 1)) {
				*proto = next;
				break;
			}
			fi->present = true;
			fi->id = id;
			fi->off = offlg & 0xfff8;
			fi->more = offlg & 1;
			fi->proto = next;
			return WALK_FRAGMENT;
		case IPPROTO_NUM_NONE:
			return WALK_STOP;
		default:
			return WALK_UPPER;
		}
	}
	return WALK_STOP;
}

static void fill_common(struct iks_datagram *dg, const struct iks_frame_meta *m,
			const struct iks_addr *src, const struct iks_addr *dst)
{
	memset(dg, 0, sizeof *dg);
	dg->frame = m->frame;
	dg->ts_sec = m->ts_sec;
	dg->ts_nsec = m->ts_nsec;
	dg->src = *src;
	dg->dst = *dst;
}

/* RFC 4303 section 2: SPI and sequence number open every ESP packet. */
static int esp_sighting(struct iks_capture *cap, struct iks_cur *c,
			struct iks_datagram *dg)
{
	if (!iks_cur_be32(c, &dg->esp_spi) || !iks_cur_be32(c, &dg->esp_seq)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	dg->kind = IKS_DG_ESP;
	cap->st.esp++;
	return 1;
}

/* The rest of the UDP payload is the IKE message; the ike stage judges it.
 * Nothing at all is no message. */
static int ike_message(struct iks_capture *cap, struct iks_cur *c,
		       struct iks_datagram *dg)
{
	struct iks_bytes b;

	if (!iks_cur_left(c) || !iks_cur_view(c, iks_cur_left(c), &b))
		return 0;
	dg->kind = IKS_DG_IKE;
	dg->data = b.ptr;
	dg->len = b.len;
	if (!dg->truncated)
		dg->wire_len = b.len;
	cap->st.ike++;
	return 1;
}

/*
 * RFC 3948 section 2.2: on port 4500 a payload that starts with four zero
 * bytes (the non-ESP marker, where an ESP SPI can never be 0) is IKE, one
 * 0xFF byte is a keepalive, anything else is ESP.
 */
static int natt_payload(struct iks_capture *cap, struct iks_cur *c,
			struct iks_datagram *dg)
{
	uint32_t marker;
	uint8_t b;

	if (!dg->truncated && iks_cur_left(c) == 1 &&
	    iks_cur_peek8(c, 0, &b) && b == NATT_KEEPALIVE) {
		dg->kind = IKS_DG_KEEPALIVE;
		cap->st.keepalives++;
		return 1;
	}
	if (iks_cur_left(c) < 4)
		return 0;
	{
		struct iks_cur peek = *c;

		iks_cur_be32(&peek, &marker);
	}
	if (marker != 0)
		return esp_sighting(cap, c, dg);
	iks_cur_skip(c, 4);
	dg->non_esp_marker = true;
	dg->wire_len -= 4;
	return ike_message(cap, c, dg);
}

/* RFC 768.  The length field bounds the payload (frames can be padded). */
static int udp(struct iks_capture *cap, struct iks_cur *c,
	       struct iks_datagram *dg)
{
	uint16_t sport, dport, ulen;
	struct iks_cur pl;

	if (!iks_cur_be16(c, &sport) || !iks_cur_be16(c, &dport)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	if (!iks_capture_is_ike_port(cap, sport) &&
	    !iks_capture_is_ike_port(cap, dport))
		return 0;
	if (!iks_cur_be16(c, &ulen) || !iks_cur_skip(c, 2)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	/* A length below the header (0 for jumbograms) tells nothing:
	 * take what the IP layer gave. */
	if (ulen < 8)
		ulen = (uint16_t)(iks_cur_left(c) > 0xfff7 ? 0xfff7 :
				  iks_cur_left(c)) + 8;
	dg->wire_len = (size_t)ulen - 8;
	if (!iks_cur_sub(c, dg->wire_len, &pl)) {
		iks_capture_note_cut(cap);
		if (!cap->opts.keep_truncated)
			return 0;
		/* cut by the snap length: the IKE header may still be there */
		pl = *c;
		dg->truncated = true;
	}
	dg->transport = IKS_TR_UDP;
	dg->sport = sport;
	dg->dport = dport;
	if (sport == IKS_PORT_NATT || dport == IKS_PORT_NATT)
		return natt_payload(cap, &pl, dg);
	/* Extra ports may carry NAT-T framing too; an IKE SPI is never 0,
	 * so four zero bytes can only be the marker. */
	if (sport != IKS_PORT_IKE && dport != IKS_PORT_IKE) {
		uint32_t marker = 1;
		struct iks_cur peek = pl;

		if (iks_cur_be32(&peek, &marker) && marker == 0) {
			iks_cur_skip(&pl, 4);
			dg->non_esp_marker = true;
			dg->wire_len -= 4;
		}
	}
	return ike_message(cap, &pl, dg);
}

static void count_tcp(struct iks_capture *cap, struct iks_cur *c)
{
	uint16_t sport, dport;

	if (iks_cur_be16(c, &sport) && iks_cur_be16(c, &dport) &&
	    (sport == IKS_PORT_NATT || dport == IKS_PORT_NATT))
		cap->st.tcp_natt++;
}

/* The upper layer of an unfragmented (or reassembled) datagram. */
static int upper(struct iks_capture *cap, uint8_t proto, struct iks_cur *c,
		 struct iks_datagram *dg)
{
	switch (proto) {
	case IPPROTO_NUM_UDP:
		return udp(cap, c, dg);
	case IPPROTO_NUM_ESP:
		dg->transport = IKS_TR_ESP;
		return esp_sighting(cap, c, dg);
	case IPPROTO_NUM_TCP:
		count_tcp(cap, c);
		return 0;
	}
	return 0;
}

/*
 * Looks into an offset-0 fragment to decide whether the datagram is worth
 * keeping: UDP on an IKE port is, ESP is reported at once from this
 * fragment, anything else is not.
 */
static enum iks_frag_interest first_fragment(struct iks_capture *cap,
					     int version, uint8_t proto,
					     struct iks_cur c,
					     struct iks_frag_in *in, bool *esp)
{
	struct frag_info fi = { 0 };
	uint16_t sport, dport;

	switch (walk_headers(&c, version, &proto, false, &fi)) {
	case WALK_UPPER:
		break;
	case WALK_SHORT:
		return IKS_FRAG_UNKNOWN;
	default:
		return IKS_FRAG_IGNORE;
	}
	if (proto == IPPROTO_NUM_ESP) {
		*esp = true;
		return IKS_FRAG_IGNORE;
	}
	if (proto != IPPROTO_NUM_UDP)
		return IKS_FRAG_IGNORE;
	if (!iks_cur_be16(&c, &sport) || !iks_cur_be16(&c, &dport))
		return IKS_FRAG_UNKNOWN;
	if (!iks_capture_is_ike_port(cap, sport) &&
	    !iks_capture_is_ike_port(cap, dport))
		return IKS_FRAG_IGNORE;
	in->sport = sport;
	in->dport = dport;
	return IKS_FRAG_WANT;
}

/* Only datagrams that can carry IKE are worth reassembling. */
static bool reassembly_wanted(int version, uint8_t proto)
{
	switch (proto) {
	case IPPROTO_NUM_UDP:
	case IPPROTO_NUM_AH:
		return true;
	case IPPROTO_NUM_DSTOPTS:
	case IPPROTO_NUM_ROUTING:
		return version == 6;
	}
	return false;
}

static int fragment(struct iks_capture *cap, int version,
		    const struct frag_info *fi, struct iks_cur *c, bool cut,
		    const struct iks_addr *src, const struct iks_addr *dst,
		    const struct iks_frame_meta *m, struct iks_datagram *dg)
{
	struct iks_frag_in in = { 0 };
	struct frag_info none = { 0 };
	struct iks_cur whole;
	uint16_t nfrags;
	uint8_t proto;
	bool esp = false;

	cap->st.ip_fragments++;
	if (fi->off != 0)
		cap->st.ip_frag_nonfirst++;
	if (fi->proto == IPPROTO_NUM_ESP) {
		/* ESP says all we want (SPI, sequence) in its first bytes:
		 * report it from the first fragment, hold nothing. */
		if (fi->off != 0)
			return 0;
		fill_common(dg, m, src, dst);
		dg->transport = IKS_TR_ESP;
		return esp_sighting(cap, c, dg);
	}
	if (!reassembly_wanted(version, fi->proto))
		return 0;
	if (cut) {
		/* a fragment cut by the snap length can never fit */
		cap->st.ip_frag_dropped++;
		return 0;
	}
	in.key.src = *src;
	in.key.dst = *dst;
	in.key.id = fi->id;
	in.key.proto = fi->proto;
	in.off = fi->off;
	in.more = fi->more;
	in.data = *c;
	if (fi->off == 0)
		in.interest = first_fragment(cap, version, fi->proto, *c, &in,
					     &esp);
	if (iks_capture_reasm_add(&cap->reasm, &in, m, &cap->st, &whole,
				  &nfrags) != 1) {
		if (!esp)
			return 0;
		/* ESP behind extension headers or AH: as above */
		whole = *c;
		nfrags = 0;
	}
	proto = fi->proto;
	if (walk_headers(&whole, version, &proto, false, &none) != WALK_UPPER)
		return 0;
	fill_common(dg, m, src, dst);
	dg->ip_reassembled = nfrags > 0;
	dg->ip_fragments = nfrags;
	return upper(cap, proto, &whole, dg);
}

/* RFC 791 section 3.1. */
static int ipv4(struct iks_capture *cap, struct iks_cur *c,
		const struct iks_frame_meta *m, struct iks_datagram *dg)
{
	struct iks_addr src = { .family = 4 }, dst = { .family = 4 };
	struct frag_info fi = { 0 };
	uint8_t vihl, proto;
	uint16_t total, id, offlg;
	size_t hlen;
	struct iks_cur pl;
	bool cut = false;

	if (!iks_cur_u8(c, &vihl) || !iks_cur_skip(c, 1) ||
	    !iks_cur_be16(c, &total) || !iks_cur_be16(c, &id) ||
	    !iks_cur_be16(c, &offlg) || !iks_cur_skip(c, 1) ||
	    !iks_cur_u8(c, &proto) || !iks_cur_skip(c, 2) ||
	    !iks_cur_copy(c, src.a, 4) || !iks_cur_copy(c, dst.a, 4)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	hlen = (size_t)(vihl & 0x0f) * 4;
	if (hlen < 20 || !iks_cur_skip(c, hlen - 20)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	/* Total length 0 appears in captures of TCP segmentation offload;
	 * then the captured bytes are all there is. */
	if (total == 0) {
		pl = *c;
	} else if (total < hlen) {
		iks_capture_note_cut(cap);
		return 0;
	} else if (!iks_cur_sub(c, total - hlen, &pl)) {
		/* cut by the snap length: parse what is there */
		iks_capture_note_cut(cap);
		pl = *c;
		cut = true;
	}
	if ((offlg & 0x2000) || (offlg & 0x1fff)) {
		fi.present = true;
		fi.id = id;
		fi.off = (uint32_t)(offlg & 0x1fff) * 8;
		fi.more = offlg & 0x2000;
		fi.proto = proto;
		return fragment(cap, 4, &fi, &pl, cut, &src, &dst, m, dg);
	}
	/* The hot path: most traffic is neither UDP nor ESP. */
	if (proto != IPPROTO_NUM_UDP && proto != IPPROTO_NUM_ESP &&
	    proto != IPPROTO_NUM_AH && proto != IPPROTO_NUM_TCP)
		return 0;
	if (walk_headers(&pl, 4, &proto, false, &fi) != WALK_UPPER)
		return 0;
	fill_common(dg, m, &src, &dst);
	return upper(cap, proto, &pl, dg);
}

/* RFC 8200 section 3. */
static int ipv6(struct iks_capture *cap, struct iks_cur *c,
		const struct iks_frame_meta *m, struct iks_datagram *dg)
{
	struct iks_addr src = { .family = 6 }, dst = { .family = 6 };
	struct frag_info fi = { 0 };
	uint16_t plen;
	uint8_t proto;
	struct iks_cur pl;
	bool cut = false;

	if (!iks_cur_skip(c, 4) || !iks_cur_be16(c, &plen) ||
	    !iks_cur_u8(c, &proto) || !iks_cur_skip(c, 1) ||
	    !iks_cur_copy(c, src.a, 16) || !iks_cur_copy(c, dst.a, 16)) {
		iks_capture_note_cut(cap);
		return 0;
	}
	/* Payload length 0: a jumbogram or segmentation offload. */
	if (plen == 0) {
		pl = *c;
	} else if (!iks_cur_sub(c, plen, &pl)) {
		iks_capture_note_cut(cap);
		pl = *c;
		cut = true;
	}
	switch (walk_headers(&pl, 6, &proto, true, &fi)) {
	case WALK_UPPER:
		break;
	case WALK_FRAGMENT:
		return fragment(cap, 6, &fi, &pl, cut, &src, &dst, m, dg);
	case WALK_SHORT:
		iks_capture_note_cut(cap);
		return 0;
	case WALK_STOP:
		return 0;
	}
	if (proto != IPPROTO_NUM_UDP && proto != IPPROTO_NUM_ESP &&
	    proto != IPPROTO_NUM_TCP)
		return 0;
	fill_common(dg, m, &src, &dst);
	return upper(cap, proto, &pl, dg);
}

int iks_capture_ip(struct iks_capture *cap, int version, struct iks_cur *c,
		   const struct iks_frame_meta *m, struct iks_datagram *dg)
{
	if (version == 4)
		return ipv4(cap, c, m, dg);
	return ipv6(cap, c, m, dg);
}
