/*
 * pcapfile.c - our own reader of classic pcap records (libpcap "File
 * Format", the format tcpdump writes), chosen on numbers: on a 1 GiB
 * capture in the page cache, libpcap's offline reader alone (a fread() of
 * each record header and each record into its buffer) takes 1.8 times as
 * long as cat, this reader 1.05 times (docs/performance.md, bench/).
 *
 * The file header still goes through libpcap (on the bytes we peeked), so
 * header checks, link-type mapping, snapshot length and their messages
 * are libpcap's.  Records are read in blocks of 256 KiB through zlib (plain
 * files pass through it, straight into our buffer) and handed out where
 * they lie.  Each record is checked as libpcap 1.10 checks it, with
 * libpcap's words for what is wrong: old versions' swapped lengths, a
 * captured length above the maximum (an error) or above the snapshot
 * length (cut to it), a file ending inside a record.  pcapng and live
 * captures stay with libpcap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcap/pcap.h>
#include <zlib.h>

#include "capture/capture_int.h"

#define MAGIC_US 0xa1b2c3d4u
#define MAGIC_NS 0xa1b23c4du
#define MAGIC_KUZ 0xa1b2cd34u
#define FILE_HDR_LEN 24
#define REC_HDR_LEN 16
#define REC_HDR_LEN_KUZ 24 /* + ifindex, protocol, pkt_type, pad */
#define MAX_CAPLEN 262144  /* libpcap's MAXIMUM_SNAPLEN */
#ifndef READ_BLOCK
#define READ_BLOCK (256u << 10)
#endif
#define RBUF_SIZE (READ_BLOCK + REC_HDR_LEN_KUZ + MAX_CAPLEN)

enum lengths { LEN_AS_IS, LEN_SWAPPED, LEN_MAYBE_SWAPPED };

struct iks_pcapfile {
	uint8_t *buf;
	size_t len, off;      /* bytes in buf, parse position */
	bool eof;
	bool swapped;         /* header fields in the other byte order */
	bool nsec;            /* nanosecond time stamps */
	size_t hdr_len;
	uint32_t snapshot;
	enum lengths lengths;
};

static inline uint32_t rd32(const uint8_t *p, bool swapped)
{
	uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		     (uint32_t)p[3] << 24;

	return swapped ? (v >> 24 | (v >> 8 & 0xff00u) | (v << 8 & 0xff0000u) | v << 24) : v;
}

int iks_pcapfile_open(struct iks_capture *cap, char *errbuf, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	struct iks_pcapfile *f;
	uint32_t magic;
	pcap_t *p;
	FILE *hf;
	int major, minor, rc;

	if (cap->peek_len < FILE_HDR_LEN)
		return 1;
	magic = rd32(cap->peek, false);
	f = calloc(1, sizeof *f);
	if (!f)
		return 1;
	if (magic != MAGIC_US && magic != MAGIC_NS && magic != MAGIC_KUZ) {
		f->swapped = true;
		magic = rd32(cap->peek, true);
		if (magic != MAGIC_US && magic != MAGIC_NS && magic != MAGIC_KUZ) {
			free(f);
			return 1; /* pcapng: libpcap's */
		}
	}
	/* libpcap judges the header; anything it refuses goes its way too,
	 * so the messages stay its own */
	hf = fmemopen(cap->peek, FILE_HDR_LEN, "r");
	if (!hf) {
		free(f);
		return 1;
	}
	p = pcap_fopen_offline_with_tstamp_precision(hf, PCAP_TSTAMP_PRECISION_NANO, perr);
	if (!p) {
		fclose(hf);
		free(f);
		return 1;
	}
	f->snapshot = (uint32_t)pcap_snapshot(p);
	major = pcap_major_version(p);
	minor = pcap_minor_version(p);
	rc = iks_capture_use_pcap(cap, p, errbuf, errlen);
	pcap_close(p); /* closes hf */
	cap->pcap = NULL;
	if (rc < 0) {
		free(f);
		return rc;
	}
	f->nsec = magic == MAGIC_NS;
	f->hdr_len = magic == MAGIC_KUZ ? REC_HDR_LEN_KUZ : REC_HDR_LEN;
	/* as libpcap: the lengths were interchanged at version 2.3 */
	if ((major == 2 && minor < 3) || major == 543)
		f->lengths = LEN_SWAPPED;
	else if (major == 2 && minor == 3)
		f->lengths = LEN_MAYBE_SWAPPED;
	f->buf = malloc(RBUF_SIZE);
	if (!f->buf) {
		free(f);
		snprintf(errbuf, errlen, "out of memory");
		return IKS_ERR_NOMEM;
	}
	/* the bytes peeked after the file header start the first record */
	f->len = cap->peek_len - FILE_HDR_LEN;
	memcpy(f->buf, cap->peek + FILE_HDR_LEN, f->len);
	cap->file = f;
	return IKS_OK;
}

void iks_pcapfile_free(struct iks_capture *cap)
{
	if (cap->file) {
		free(cap->file->buf);
		free(cap->file);
		cap->file = NULL;
	}
}

/* At least `need` bytes from the parse position, unless the input ends
 * first; -1 on a read error (the zlib details kept in cap). */
static int fill(struct iks_capture *cap, size_t need)
{
	struct iks_pcapfile *f = cap->file;

	if (f->len - f->off >= need || f->eof)
		return 0;
	memmove(f->buf, f->buf + f->off, f->len - f->off);
	f->len -= f->off;
	f->off = 0;
	while (f->len < need) {
		size_t room = RBUF_SIZE - f->len;
		int got = gzread(cap->gz, f->buf + f->len,
					 (unsigned)(room > READ_BLOCK ? READ_BLOCK : room));

		if (got < 0) {
			iks_capture_note_gz_error(cap);
			return -1;
		}
		if (got == 0) {
			iks_capture_note_gz_end(cap);
			f->eof = true;
			break;
		}
		f->len += (size_t)got;
	}
	return 0;
}

int iks_pcapfile_next(struct iks_capture *cap, struct iks_record *r, char *msg, size_t msglen)
{
	struct iks_pcapfile *f = cap->file;
	const uint8_t *h;
	uint32_t caplen, len, usec, take;
	size_t have;

	if (fill(cap, f->hdr_len) < 0)
		return -1;
	have = f->len - f->off;
	if (have == 0)
		return 0;
	if (have < f->hdr_len) {
		snprintf(msg, msglen, "truncated dump file; tried to read %zu header bytes, "
			 "only got %zu", f->hdr_len, have);
		return -1;
	}
	h = f->buf + f->off;
	r->ts_sec = rd32(h, f->swapped);
	usec = rd32(h + 4, f->swapped);
	caplen = rd32(h + 8, f->swapped);
	len = rd32(h + 12, f->swapped);
	r->ts_nsec = f->nsec ? usec : usec * 1000u;
	if (f->lengths == LEN_SWAPPED || (f->lengths == LEN_MAYBE_SWAPPED && caplen > len)) {
		uint32_t t = caplen;

		caplen = len;
		len = t;
	}
	if (caplen > MAX_CAPLEN) {
		if (caplen > f->snapshot)
			snprintf(msg, msglen, "invalid packet capture length %u, bigger than "
				 "snaplen of %d", caplen, (int)f->snapshot);
		else
			snprintf(msg, msglen, "invalid packet capture length %u, bigger than "
				 "maximum of %u", caplen, MAX_CAPLEN);
		return -1;
	}
	/* longer than the file's snapshot length: cut to it, as libpcap */
	take = caplen > f->snapshot ? f->snapshot : caplen;
	if (fill(cap, f->hdr_len + caplen) < 0)
		return -1;
	have = f->len - f->off - f->hdr_len;
	if (have < caplen) {
		snprintf(msg, msglen, "truncated dump file; tried to read %u captured bytes, "
			 "only got %zu", have < take ? take : caplen, have);
		return -1;
	}
	r->caplen = take;
	r->data = f->buf + f->off + f->hdr_len;
	f->off += f->hdr_len + caplen;
	return 1;
}
