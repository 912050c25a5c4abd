/*
 * ikescope/capture.h - stage 1: frames in, IKE datagrams and ESP sightings out.
 *
 * Reads pcap / pcapng (plain or gzip-compressed, from a file or stdin) or a
 * live interface through libpcap, walks the link and IP layers (Ethernet,
 * 802.1Q/QinQ, Linux cooked v1/v2, raw IP, BSD null/loopback; IPv4 and IPv6
 * with extension headers), reassembles IP fragments, and yields:
 *   - IKE messages on UDP 500, UDP 4500 (after the non-ESP marker) and any
 *     extra ports configured,
 *   - ESP packets (IP protocol 50, or ESP-in-UDP on 4500) as SPI sightings,
 *   - NAT-T keepalives.
 * Everything else is counted and dropped without allocating.
 *
 * A datagram's `data` points into the reader's buffers and is valid only
 * until the next call of iks_capture_next().
 */
#ifndef IKESCOPE_CAPTURE_H
#define IKESCOPE_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/error.h"

#define IKS_PORT_IKE 500   /* RFC 2408 section 2.5.1 / RFC 7296 section 2 */
#define IKS_PORT_NATT 4500 /* RFC 3947, RFC 3948 */

/* An IP address as seen on the wire. */
struct iks_addr {
	uint8_t family; /* 4 or 6; 0 = none */
	uint8_t a[16];  /* IPv4 in the first 4 bytes */
};

enum iks_dg_kind {
	IKS_DG_IKE,       /* an IKE message (data/len) */
	IKS_DG_ESP,       /* an ESP packet: esp_spi / esp_seq set, no data */
	IKS_DG_KEEPALIVE, /* a NAT-T keepalive (RFC 3948 section 2.3) */
	/*
	 * An IP datagram whose fragments never all arrived (timed out in
	 * capture time, memory limit, or still pending at the end).  No data.
	 * frame/ts are those of the last fragment seen, src/dst/transport
	 * those of the IP header; sport/dport are set only if frag_have_first
	 * (the offset-0 fragment was seen; then it was UDP on an IKE port).
	 * Reported for UDP datagrams whose first fragment is missing or on an
	 * IKE port: lost certificates show up here.  A timeout is noticed
	 * when a later frame's time passes it, and reported right after that
	 * frame's own datagram, if any.  Callers count these per flow.
	 */
	IKS_DG_FRAG_LOST,
	/*
	 * Live captures with opts.idle_ticks: a clock tick, about 4 a second
	 * (also while frames come that yield nothing).  No data; ts is the
	 * wall clock, so a consumer can expire state and report progress
	 * while the interface is quiet.
	 */
	IKS_DG_IDLE,
};

/* Why an IKS_DG_FRAG_LOST datagram was given up. */
enum iks_frag_loss {
	IKS_FRAG_TIMEOUT = 1, /* opts->frag_timeout_s passed in capture time */
	IKS_FRAG_END,         /* still incomplete at the end of the capture */
	IKS_FRAG_MEMORY,      /* a fragment was dropped at frag_mem_limit */
	IKS_FRAG_MALFORMED,   /* fragments disagreed on the datagram's length */
};

enum iks_transport {
	IKS_TR_UDP = 17,
	IKS_TR_ESP = 50,
};

struct iks_datagram {
	enum iks_dg_kind kind;
	uint64_t frame;     /* 1-based number of the frame that completed it */
	int64_t ts_sec;     /* capture timestamp */
	uint32_t ts_nsec;
	struct iks_addr src, dst;
	uint16_t sport, dport; /* 0 for plain ESP */
	uint8_t transport;     /* enum iks_transport */
	bool non_esp_marker;   /* IKE on 4500 behind the 4-byte zero marker */
	bool ip_reassembled;   /* completed from IP fragments */
	uint16_t ip_fragments; /* number of IP fragments if reassembled */
	uint32_t esp_spi;      /* IKS_DG_ESP */
	uint32_t esp_seq;
	const uint8_t *data;   /* IKS_DG_IKE: the IKE message, from its header */
	size_t len;
	/* IKS_DG_IKE: the message's length on the wire; more than len only
	 * if `truncated` (cut by the snap length, opts->keep_truncated) */
	size_t wire_len;
	bool truncated;
	/* IKS_DG_FRAG_LOST (ip_fragments = fragments that did arrive) */
	uint64_t frag_first_frame; /* frame of the first fragment that arrived */
	uint32_t frag_bytes;       /* fragment payload bytes that arrived */
	uint32_t frag_id;          /* IPv4 identification / IPv6 fragment id */
	uint8_t frag_reason;       /* enum iks_frag_loss */
	bool frag_have_first;      /* offset-0 fragment seen: ports valid */
};

struct iks_capture_opts {
	/* Additional UDP ports to decode as IKE (0 terminates early). */
	uint16_t ike_ports[8];
	unsigned n_ike_ports;
	/* IP reassembly: seconds before an incomplete datagram is given up
	 * (capture time, not wall time), and bytes of fragment data held at
	 * most.  0 selects the defaults below. */
	unsigned frag_timeout_s;
	size_t frag_mem_limit;
	/* Also yield IKE messages cut short by the capture's snap length
	 * (dg->truncated): with `tcpdump -s 96` and the like, the IKE header
	 * (SPIs, exchange, message ID) is often all there is.  Off: such
	 * frames are only counted in stats.truncated. */
	bool keep_truncated;
	/* Live: yield an IKS_DG_IDLE about 4 times a second, traffic or
	 * not, so a consumer can expire state and report progress. */
	bool idle_ticks;
	/* Files: read classic pcap through libpcap as pcapng is, instead of
	 * the faster reader of our own (the same results, for comparison). */
	bool libpcap_reader;
};

#define IKS_FRAG_TIMEOUT_DEFAULT 30
#define IKS_FRAG_MEM_DEFAULT (4u << 20)

struct iks_capture_stats {
	uint64_t frames;         /* every frame read */
	uint64_t bytes;          /* captured bytes */
	uint64_t non_ip;         /* link payload not IPv4/IPv6 */
	uint64_t truncated;      /* frames cut short by the snap length or lying headers */
	uint64_t ike;            /* IKE datagrams yielded */
	uint64_t esp;            /* ESP packets yielded */
	uint64_t keepalives;
	uint64_t ip_fragments;   /* IP fragments seen */
	uint64_t ip_reassembled; /* datagrams completed from fragments */
	uint64_t ip_incomplete;  /* datagrams given up: timeout or end of capture
				  * (those reported as IKS_DG_FRAG_LOST; fragments
				  * of other traffic are only counted as seen) */
	uint64_t ip_frag_dropped;/* fragments dropped at the memory limit or malformed */
	uint64_t tcp_natt;       /* TCP segments to/from port 4500 (RFC 8229, not decoded) */
	/* IP fragments at an offset above 0.  None at all while datagrams
	 * were lost suggests a capture filter on ports (`udp port 500`),
	 * which can only match first fragments, not a loss on the wire. */
	uint64_t ip_frag_nonfirst;
};

struct iks_capture;

/*
 * Open a capture file; path "-" is standard input.  gzip is detected by its
 * magic bytes, not by name, and decompressed as a stream.  On failure
 * returns a negative iks_err and writes "what is wrong" into errbuf (the
 * caller prefixes the file name).
 */
int iks_capture_open_file(struct iks_capture **out, const char *path,
			  const struct iks_capture_opts *opts, char *errbuf,
			  size_t errlen);

/*
 * Capture live on a network interface (needs CAP_NET_RAW).  A kernel
 * filter passes only what the parser can use (UDP on the IKE ports, ESP,
 * IP fragments, IPv6 with extension headers), so frame numbers count the
 * frames that passed it.  iks_capture_next() waits for traffic until
 * iks_capture_break() is called.
 */
int iks_capture_open_live(struct iks_capture **out, const char *ifname,
			  const struct iks_capture_opts *opts, char *errbuf,
			  size_t errlen);

/*
 * Live captures: what the kernel reported (pcap_stats): packets that
 * passed the filter, dropped for lack of buffer space, and dropped by
 * the interface.  Returns false for files or when the platform cannot
 * tell.
 */
struct iks_capture_live_stats {
	uint64_t received, dropped, if_dropped;
};
bool iks_capture_live_stats(struct iks_capture *cap, struct iks_capture_live_stats *ls);

/*
 * Ends the capture: iks_capture_next() returns what is pending (lost
 * fragments) and then 0.  Safe to call from a signal handler, for files
 * as well as interfaces.
 */
void iks_capture_break(struct iks_capture *cap);

/*
 * Next datagram: returns 1 with *dg filled, 0 at the end of the capture, or
 * a negative iks_err (e.g. IKS_ERR_TRUNCATED for a file cut in the middle of
 * a record) with errbuf set; after an error the capture is at its end, and
 * everything read before it stays valid.  Fragments still pending at the end
 * are counted as incomplete.
 */
int iks_capture_next(struct iks_capture *cap, struct iks_datagram *dg,
		     char *errbuf, size_t errlen);

/* libpcap's name for the capture's link type, e.g. "EN10MB". */
const char *iks_capture_linktype_name(const struct iks_capture *cap);

/* The capture's link type as a libpcap DLT_ value. */
int iks_capture_linktype(const struct iks_capture *cap);

/* Whether the input was gzip-compressed. */
bool iks_capture_compressed(const struct iks_capture *cap);

void iks_capture_get_stats(const struct iks_capture *cap,
			   struct iks_capture_stats *st);

void iks_capture_close(struct iks_capture *cap);

/* Format an address ("192.0.2.1", "2001:db8::1") into buf (>= 46 bytes). */
const char *iks_addr_format(const struct iks_addr *a, char *buf, size_t len);

bool iks_addr_equal(const struct iks_addr *a, const struct iks_addr *b);

#endif
