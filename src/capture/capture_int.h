/*
 * capture_int.h - private to src/capture: the reader's state and the
 * functions the layer files (link.c, ip.c, reasm.c) share.
 */
#ifndef IKS_CAPTURE_INT_H
#define IKS_CAPTURE_INT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/capture.h"
#include "ikescope/cursor.h"

/* Link layers we walk; chosen once at open from the DLT. */
enum iks_link {
	IKS_LINK_ETHERNET,
	IKS_LINK_SLL,
	IKS_LINK_SLL2,
	IKS_LINK_RAW,  /* version nibble decides */
	IKS_LINK_IPV4,
	IKS_LINK_IPV6,
	IKS_LINK_NULL, /* BSD loopback: AF in the capturing host's order */
	IKS_LINK_LOOP, /* OpenBSD loopback: AF in network order */
};

/* Where and when a frame was captured. */
struct iks_frame_meta {
	uint64_t frame;
	int64_t ts_sec;
	uint32_t ts_nsec;
};

/* RFC 791 section 3.2 / RFC 8200 section 4.5: a datagram's fragments
 * share source, destination, identification and protocol. */
struct iks_frag_key {
	struct iks_addr src, dst;
	uint32_t id;
	uint8_t proto;
};

/* What the offset-0 fragment told about the whole datagram. */
enum iks_frag_interest {
	IKS_FRAG_UNKNOWN, /* not the first fragment, or too short to tell */
	IKS_FRAG_WANT,    /* UDP on an IKE port */
	IKS_FRAG_IGNORE,  /* anything else: absorb its fragments, keep no data */
};

struct iks_frag_in {
	struct iks_frag_key key;
	uint32_t off;            /* byte offset of this fragment */
	bool more;               /* more fragments follow */
	struct iks_cur data;     /* the fragment's payload */
	enum iks_frag_interest interest;
	uint16_t sport, dport;   /* with IKS_FRAG_WANT */
};

#define IKS_FRAG_BUCKETS 256

struct iks_frag;

struct iks_reasm {
	struct iks_frag *buckets[IKS_FRAG_BUCKETS];
	struct iks_frag *oldest, *newest;   /* pending, in order of arrival */
	struct iks_frag *lost, *lost_tail;  /* given up, not yet reported */
	struct iks_frag *done;              /* backs the last datagram yielded */
	size_t mem_used, mem_limit;
	unsigned timeout_s;
};

struct iks_capture {
	void *pcap;               /* pcap_t, kept opaque to the layer files */
	void *gz;                 /* gzFile: gzip or passed through by zlib */
	void *fp;                 /* FILE from fopencookie, read by libpcap */
	char *iobuf;              /* fp's buffer */
	struct iks_pcapfile *file;/* classic pcap: our record reader (pcapfile.c) */
	int live_fd;              /* live, non-blocking: what to poll(); else -1 */
	int64_t last_tick_ms;     /* live: monotonic time of the last IKS_DG_IDLE */
	uint8_t peek[32];         /* the first bytes, read to check the magic */
	size_t peek_len, peek_off;
	bool compressed;
	bool gz_truncated;        /* zlib saw the compressed stream end early */
	int gz_errnum;            /* zlib error behind a failed read, or 0 */
	char gz_msg[128];

	int dlt;
	enum iks_link link;
	uint32_t ts_nsec_mul;     /* 1, or 1000 if libpcap gives microseconds */
	struct iks_capture_opts opts;
	struct iks_capture_stats st;
	struct iks_reasm reasm;

	volatile sig_atomic_t stop; /* iks_capture_break() was called */
	bool frame_cut;           /* this frame is already counted truncated */
	int state;                /* enum in capture.c */
	int pending_err;
	char pending_msg[IKS_ERRBUF_SIZE];
};

/* Live: the read timeout, and how often IKS_DG_IDLE comes (opts.idle_ticks). */
#define IKS_LIVE_TICK_MS 250

/* One record of a capture file. */
struct iks_record {
	int64_t ts_sec;
	uint32_t ts_nsec;
	uint32_t caplen;
	const uint8_t *data;
};

/*
 * pcapfile.c: read a classic pcap file ourselves (cap->gz open, its first
 * bytes in cap->peek).  Returns IKS_OK (cap->file set, link type checked),
 * 1 when libpcap should read it (pcapng, or a header libpcap refuses: it
 * says why), or a negative iks_err with errbuf set.
 */
int iks_pcapfile_open(struct iks_capture *cap, char *errbuf, size_t errlen);
/* 1 with *r (valid until the next call), 0 at the end, -1 when the file
 * is damaged or cut (libpcap's words in msg; zlib's details in cap). */
int iks_pcapfile_next(struct iks_capture *cap, struct iks_record *r, char *msg,
		      size_t msglen);
void iks_pcapfile_free(struct iks_capture *cap);

/* capture.c: a reader with its options applied, and no input yet. */
struct iks_capture *iks_capture_new(const struct iks_capture_opts *opts);
/* Takes an opened pcap_t and checks its link type; on failure the caller
 * still closes cap, which closes the pcap_t. */
int iks_capture_use_pcap(struct iks_capture *cap, void *pcap, char *errbuf,
			 size_t errlen);

/* link.c: skip the link header; returns 4 or 6 for IP, 0 for anything else. */
int iks_capture_link(enum iks_link link, struct iks_cur *c);

/* ip.c: one IP packet (cursor at its header).  Returns 1 with *dg filled. */
int iks_capture_ip(struct iks_capture *cap, int version, struct iks_cur *c,
		   const struct iks_frame_meta *m, struct iks_datagram *dg);

bool iks_capture_is_ike_port(const struct iks_capture *cap, uint16_t port);

/* Counts the current frame as truncated, once however many layers notice. */
static inline void iks_capture_note_cut(struct iks_capture *cap)
{
	if (!cap->frame_cut)
		cap->st.truncated++;
	cap->frame_cut = true;
}

/* reasm.c */
void iks_capture_reasm_init(struct iks_reasm *r, size_t mem_limit,
			    unsigned timeout_s);
void iks_capture_reasm_free(struct iks_reasm *r);
/* Frees the buffer behind the previous reassembled datagram. */
void iks_capture_reasm_release(struct iks_reasm *r);
/* Gives up datagrams older than the timeout at capture time `now`. */
void iks_capture_reasm_expire(struct iks_reasm *r, int64_t now,
			      struct iks_capture_stats *st);
/* Gives up everything pending (end of capture). */
void iks_capture_reasm_flush(struct iks_reasm *r, struct iks_capture_stats *st);
/* Takes the next given-up datagram as an IKS_DG_FRAG_LOST; 0 if none. */
int iks_capture_reasm_pop_lost(struct iks_reasm *r, struct iks_datagram *dg);
/*
 * Adds a fragment.  Returns 1 when it completed its datagram: *out covers
 * the reassembled payload (valid until the next release) and *nfrags says
 * from how many fragments; 0 otherwise.
 */
int iks_capture_reasm_add(struct iks_reasm *r, const struct iks_frag_in *in,
			  const struct iks_frame_meta *m,
			  struct iks_capture_stats *st, struct iks_cur *out,
			  uint16_t *nfrags);

/* After gzread() failed / returned 0: remember zlib's error (without its
 * "<fd:N>: " prefix) / whether the stream was cut short. */
void iks_capture_note_gz_error(struct iks_capture *cap);
void iks_capture_note_gz_end(struct iks_capture *cap);

#endif
