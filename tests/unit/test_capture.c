/*
 * Unit tests for the capture stage (ikescope/capture.h).
 *
 * The captures are built here, byte by byte, with a tiny pcap / pcapng
 * writer, into a temporary directory; the real Wireshark captures under
 * tests/captures/wireshark are read as they are.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "ikescope/capture.h"
#include "ikescope/cursor.h"
#include "ikescope/error.h"

/* ---- fixture: a temporary directory ---- */

static char tmpdir[64];

static int setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/iks-capture-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int rm_entry(const char *path, const struct stat *sb, int flag,
		    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int teardown_dir(void **state)
{
	(void)state;
	if (getenv("IKS_TEST_KEEP")) /* to look at the files with tshark */
		return 0;
	return nftw(tmpdir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static const char *tmp_path(const char *name)
{
	static char path[4][256];
	static unsigned which;
	char *p = path[which++ % 4];

	snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
	return p;
}

/* ---- packets ---- */

#define LT_NULL 0
#define LT_EN10MB 1
#define LT_RAW12 12
#define LT_RAW 101
#define LT_80211 105
#define LT_LOOP 108
#define LT_SLL 113
#define LT_IPV4 228
#define LT_IPV6 229
#define LT_SLL2 276

struct pkt {
	uint8_t b[8192];
	size_t len;
	uint32_t ts_sec, ts_frac; /* frac: usec or nsec, as the file says */
};

static const uint8_t A4[4] = { 192, 0, 2, 1 }, B4[4] = { 198, 51, 100, 7 };
static const uint8_t A6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
static const uint8_t B6[16] = { 0x20, 0x01, 0x0d, 0xb8, [14] = 0xbe, 0xef };

/* A stand-in for an IKE message: a 28-byte header with a non-zero SPIi
 * (RFC 7296 section 3.1), then `extra` bytes of a recognisable pattern. */
static size_t ike_msg(uint8_t *buf, size_t extra, uint8_t tag)
{
	struct iks_wr w = iks_wr_make(buf, 28 + extra);
	size_t i;

	iks_wr_be32(&w, 0x11223344);
	iks_wr_be32(&w, tag);
	iks_wr_zero(&w, 8);
	iks_wr_u8(&w, 33); /* SA */
	iks_wr_u8(&w, 0x20);
	iks_wr_u8(&w, 34);
	iks_wr_u8(&w, 0x08);
	iks_wr_be32(&w, 0);
	iks_wr_be32(&w, (uint32_t)(28 + extra));
	for (i = 0; i < extra; i++)
		iks_wr_u8(&w, (uint8_t)(i * 7 + tag));
	assert_false(w.overflow);
	return w.len;
}

struct link_opts {
	int vlan_tags;     /* Ethernet: how many tags, S-tag outermost */
	bool pppoe;        /* Ethernet: a PPPoE session header after the tags */
	bool big_endian;   /* DLT_NULL written by a big-endian host */
	uint32_t af6;      /* BSD AF_INET6 value */
};

static void link_hdr(struct iks_wr *w, int lt, int version,
		     const struct link_opts *lo)
{
	uint16_t et = version == 4 ? 0x0800 : 0x86dd;
	uint32_t af = version == 4 ? 2 : (lo && lo->af6 ? lo->af6 : 24);
	int i;

	switch (lt) {
	case LT_EN10MB:
		iks_wr_bytes(w, "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb", 12);
		for (i = 0; lo && i < lo->vlan_tags; i++) {
			iks_wr_be16(w, i == 0 && lo->vlan_tags > 1 ? 0x88a8 : 0x8100);
			iks_wr_be16(w, (uint16_t)(100 + i));
		}
		if (lo && lo->pppoe) {
			/* RFC 2516; udp_pkt() patches the length */
			iks_wr_be16(w, 0x8864);
			iks_wr_u8(w, 0x11);
			iks_wr_u8(w, 0);
			iks_wr_be16(w, 0x1234);
			iks_wr_be16(w, 0);
			iks_wr_be16(w, version == 4 ? 0x0021 : 0x0057);
			break;
		}
		iks_wr_be16(w, et);
		break;
	case LT_SLL:
		iks_wr_be16(w, 0);   /* to us */
		iks_wr_be16(w, 1);   /* ARPHRD_ETHER */
		iks_wr_be16(w, 6);
		iks_wr_bytes(w, "\x00\x11\x22\x33\x44\x55\x00\x00", 8);
		iks_wr_be16(w, et);
		break;
	case LT_SLL2:
		iks_wr_be16(w, et);
		iks_wr_be16(w, 0);
		iks_wr_be32(w, 3);   /* ifindex */
		iks_wr_be16(w, 1);
		iks_wr_u8(w, 4);     /* outgoing */
		iks_wr_u8(w, 6);
		iks_wr_bytes(w, "\x00\x11\x22\x33\x44\x55\x00\x00", 8);
		break;
	case LT_NULL:
		if (lo && lo->big_endian)
			iks_wr_be32(w, af);
		else
			iks_wr_bytes(w, (uint8_t[]){ (uint8_t)af, 0, 0, 0 }, 4);
		break;
	case LT_LOOP:
		iks_wr_be32(w, af);
		break;
	default: /* raw */
		break;
	}
}

static void ipv4_hdr(struct iks_wr *w, uint8_t proto, uint16_t id,
		     uint16_t offlg, size_t payload)
{
	iks_wr_u8(w, 0x45);
	iks_wr_u8(w, 0);
	iks_wr_be16(w, (uint16_t)(20 + payload));
	iks_wr_be16(w, id);
	iks_wr_be16(w, offlg);
	iks_wr_u8(w, 64);
	iks_wr_u8(w, proto);
	iks_wr_be16(w, 0);
	iks_wr_bytes(w, A4, 4);
	iks_wr_bytes(w, B4, 4);
}

static void ipv6_hdr(struct iks_wr *w, uint8_t nh, size_t payload)
{
	iks_wr_be32(w, 0x60000000);
	iks_wr_be16(w, (uint16_t)payload);
	iks_wr_u8(w, nh);
	iks_wr_u8(w, 64);
	iks_wr_bytes(w, A6, 16);
	iks_wr_bytes(w, B6, 16);
}

static void udp_hdr(struct iks_wr *w, uint16_t sport, uint16_t dport,
		    size_t payload)
{
	iks_wr_be16(w, sport);
	iks_wr_be16(w, dport);
	iks_wr_be16(w, (uint16_t)(8 + payload));
	iks_wr_be16(w, 0);
}

/* A whole UDP datagram over IPv4 or IPv6 behind link type lt. */
static void udp_pkt(struct pkt *p, int lt, const struct link_opts *lo,
		    int version, uint16_t sport, uint16_t dport,
		    const uint8_t *data, size_t len)
{
	struct iks_wr w = iks_wr_make(p->b, sizeof p->b);

	link_hdr(&w, lt, version, lo);
	if (version == 4)
		ipv4_hdr(&w, 17, 1, 0, 8 + len);
	else
		ipv6_hdr(&w, 17, 8 + len);
	udp_hdr(&w, sport, dport, len);
	iks_wr_bytes(&w, data, len);
	if (lt == LT_EN10MB && lo && lo->pppoe) {
		/* the PPPoE length counts what follows its 6-byte header */
		size_t at = 12 + 4 * (size_t)lo->vlan_tags + 2 + 4;

		iks_wr_patch_be16(&w, at, (uint16_t)(w.len - at - 2));
	}
	assert_false(w.overflow);
	p->len = w.len;
}

static void ike_pkt(struct pkt *p, int lt, const struct link_opts *lo,
		    int version, uint8_t tag)
{
	uint8_t msg[64];
	size_t n = ike_msg(msg, 8, tag);

	udp_pkt(p, lt, lo, version, 500, 500, msg, n);
}

/* ---- capture files ---- */

static void put_le16(FILE *f, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	assert_int_equal(fwrite(b, 1, 2, f), 2);
}

static void put_le32(FILE *f, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16),
			 (uint8_t)(v >> 24) };

	assert_int_equal(fwrite(b, 1, 4, f), 4);
}

/* libpcap "File Format": a 24-byte header, then 16-byte record headers. */
static void write_pcap_hdr(FILE *f, int lt, bool nsec)
{
	put_le32(f, nsec ? 0xa1b23c4d : 0xa1b2c3d4);
	put_le16(f, 2);
	put_le16(f, 4);
	put_le32(f, 0);
	put_le32(f, 0);
	put_le32(f, 65535);
	put_le32(f, (uint32_t)lt);
}

static void write_pcap_rec(FILE *f, const struct pkt *p)
{
	put_le32(f, p->ts_sec);
	put_le32(f, p->ts_frac);
	put_le32(f, (uint32_t)p->len);
	put_le32(f, (uint32_t)p->len);
	assert_int_equal(fwrite(p->b, 1, p->len, f), p->len);
}

/* Each capture gets a file of its own, numbered, for a look with tshark. */
static const char *numbered_path(const char *name)
{
	static unsigned seq;
	char numbered[128];

	snprintf(numbered, sizeof numbered, "%03u-%s", ++seq, name);
	return tmp_path(numbered);
}

static const char *write_pcap(const char *name, int lt, bool nsec,
			      const struct pkt *pk, size_t n)
{
	const char *path = numbered_path(name);
	FILE *f = fopen(path, "wb");
	size_t i;

	assert_non_null(f);
	write_pcap_hdr(f, lt, nsec);
	for (i = 0; i < n; i++)
		write_pcap_rec(f, &pk[i]);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* pcapng (draft-ietf-opsawg-pcapng): SHB, one IDB, EPBs.  Timestamps in
 * microseconds, or nanoseconds with an if_tsresol option of 9. */
static const char *write_pcapng_res(const char *name, int lt, bool nsec,
				    const struct pkt *pk, size_t n)
{
	const char *path = numbered_path(name);
	FILE *f = fopen(path, "wb");
	uint32_t idb_len = nsec ? 32 : 20;
	size_t i;

	assert_non_null(f);
	put_le32(f, 0x0a0d0d0a);
	put_le32(f, 28);
	put_le32(f, 0x1a2b3c4d);
	put_le16(f, 1);
	put_le16(f, 0);
	put_le32(f, 0xffffffff);
	put_le32(f, 0xffffffff);
	put_le32(f, 28);

	put_le32(f, 1);
	put_le32(f, idb_len);
	put_le16(f, (uint16_t)lt);
	put_le16(f, 0);
	put_le32(f, 65535);
	if (nsec) {
		put_le16(f, 9); /* if_tsresol */
		put_le16(f, 1);
		assert_int_equal(fwrite("\x09\0\0\0", 1, 4, f), 4);
		put_le32(f, 0); /* opt_endofopt */
	}
	put_le32(f, idb_len);

	for (i = 0; i < n; i++) {
		uint64_t ts = (uint64_t)pk[i].ts_sec * (nsec ? 1000000000 : 1000000) +
			      pk[i].ts_frac;
		size_t pad = (4 - pk[i].len % 4) % 4;
		uint32_t blen = (uint32_t)(32 + pk[i].len + pad);

		put_le32(f, 6);
		put_le32(f, blen);
		put_le32(f, 0);
		put_le32(f, (uint32_t)(ts >> 32));
		put_le32(f, (uint32_t)ts);
		put_le32(f, (uint32_t)pk[i].len);
		put_le32(f, (uint32_t)pk[i].len);
		assert_int_equal(fwrite(pk[i].b, 1, pk[i].len, f), pk[i].len);
		assert_int_equal(fwrite("\0\0\0", 1, pad, f), pad);
		put_le32(f, blen);
	}
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char *write_pcapng(const char *name, int lt,
				const struct pkt *pk, size_t n)
{
	return write_pcapng_res(name, lt, false, pk, n);
}

static const char *write_bytes(const char *name, const void *b, size_t n)
{
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(b, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char *gzip_file(const char *src, const char *name)
{
	const char *path = tmp_path(name);
	char buf[4096];
	FILE *in = fopen(src, "rb");
	gzFile out = gzopen(path, "wb");
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(gzwrite(out, buf, (unsigned)n), (int)n);
	fclose(in);
	assert_int_equal(gzclose(out), Z_OK);
	return path;
}

/* ---- reading ---- */

#define MAX_DG 64

struct result {
	int rc;               /* IKS_OK, or the open / last next() error */
	char err[IKS_ERRBUF_SIZE];
	size_t n;
	struct iks_datagram dg[MAX_DG];
	uint8_t data[MAX_DG][4096]; /* copies: dg.data dies with the next call */
	struct iks_capture_stats st;
	char linktype[32];
	bool compressed;
};

static struct result res;

static int read_all_opts(const char *path, const struct iks_capture_opts *o)
{
	struct iks_capture *cap;
	int rc;

	memset(&res, 0, sizeof res);
	rc = iks_capture_open_file(&cap, path, o, res.err, sizeof res.err);
	if (rc < 0) {
		assert_null(cap);
		return res.rc = rc;
	}
	snprintf(res.linktype, sizeof res.linktype, "%s",
		 iks_capture_linktype_name(cap));
	res.compressed = iks_capture_compressed(cap);
	for (;;) {
		struct iks_datagram dg;

		rc = iks_capture_next(cap, &dg, res.err, sizeof res.err);
		if (rc <= 0)
			break;
		assert_true(res.n < MAX_DG);
		if (dg.kind == IKS_DG_IKE) {
			assert_true(dg.len <= sizeof res.data[0]);
			memcpy(res.data[res.n], dg.data, dg.len);
			dg.data = res.data[res.n];
		}
		res.dg[res.n++] = dg;
	}
	res.rc = rc;
	/* after the end or an error, the capture stays at its end */
	if (rc < 0) {
		struct iks_datagram dg;
		char e2[IKS_ERRBUF_SIZE];

		assert_int_equal(iks_capture_next(cap, &dg, e2, sizeof e2), 0);
	}
	iks_capture_get_stats(cap, &res.st);
	iks_capture_close(cap);
	return rc;
}

static int read_all(const char *path)
{
	return read_all_opts(path, NULL);
}

static size_t count_kind(enum iks_dg_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < res.n; i++)
		n += res.dg[i].kind == k;
	return n;
}

/* One IKE message tagged `tag`, from A to B on 500/500. */
static void assert_ike(const struct iks_datagram *dg, int version, uint8_t tag)
{
	uint8_t want[64];
	size_t n = ike_msg(want, 8, tag);

	assert_int_equal(dg->kind, IKS_DG_IKE);
	assert_int_equal(dg->src.family, version);
	assert_int_equal(dg->dst.family, version);
	if (version == 4) {
		assert_memory_equal(dg->src.a, A4, 4);
		assert_memory_equal(dg->dst.a, B4, 4);
	} else {
		assert_memory_equal(dg->src.a, A6, 16);
		assert_memory_equal(dg->dst.a, B6, 16);
	}
	assert_int_equal(dg->transport, IKS_TR_UDP);
	assert_int_equal(dg->len, n);
	assert_memory_equal(dg->data, want, n);
}

/* ---- link types ---- */

static void one_ike_over(int lt, const struct link_opts *lo, int version,
			 const char *name)
{
	struct pkt p[1];

	memset(p, 0, sizeof p);
	ike_pkt(&p[0], lt, lo, version, 9);
	assert_int_equal(read_all(write_pcap("link.pcap", lt, false, p, 1)), 0);
	assert_int_equal(res.n, 1);
	assert_ike(&res.dg[0], version, 9);
	assert_int_equal(res.dg[0].frame, 1);
	assert_int_equal(res.st.ike, 1);
	assert_string_equal(res.linktype, name);
}

static void test_ethernet(void **state)
{
	struct pkt p[4];
	uint8_t dns[12] = { 0 };
	struct iks_wr w;

	(void)state;
	memset(p, 0, sizeof p);
	udp_pkt(&p[0], LT_EN10MB, NULL, 4, 5353, 53, dns, sizeof dns);
	ike_pkt(&p[1], LT_EN10MB, NULL, 4, 1);
	p[1].ts_sec = 1700000000;
	p[1].ts_frac = 123456;
	/* an ARP frame: not IP */
	w = iks_wr_make(p[2].b, sizeof p[2].b);
	iks_wr_bytes(&w, "\xff\xff\xff\xff\xff\xff\x00\x11\x22\x33\x44\x55", 12);
	iks_wr_be16(&w, 0x0806);
	iks_wr_zero(&w, 28);
	p[2].len = w.len;
	ike_pkt(&p[3], LT_EN10MB, NULL, 6, 2);

	assert_int_equal(read_all(write_pcap("eth.pcap", LT_EN10MB, false, p, 4)),
			 0);
	assert_string_equal(res.linktype, "EN10MB");
	assert_false(res.compressed);
	assert_int_equal(res.n, 2);
	assert_ike(&res.dg[0], 4, 1);
	assert_int_equal(res.dg[0].frame, 2);
	assert_int_equal(res.dg[0].sport, 500);
	assert_int_equal(res.dg[0].dport, 500);
	assert_false(res.dg[0].non_esp_marker);
	assert_int_equal(res.dg[0].ts_sec, 1700000000);
	assert_int_equal(res.dg[0].ts_nsec, 123456000); /* usec file */
	assert_ike(&res.dg[1], 6, 2);
	assert_int_equal(res.dg[1].frame, 4);
	assert_int_equal(res.st.frames, 4);
	assert_int_equal(res.st.non_ip, 1);
	assert_int_equal(res.st.ike, 2);
	assert_int_equal(res.st.bytes, p[0].len + p[1].len + p[2].len + p[3].len);
}

static void test_nanosecond_timestamps(void **state)
{
	struct pkt p[1];

	(void)state;
	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_EN10MB, NULL, 4, 1);
	p[0].ts_sec = 1600000000;
	p[0].ts_frac = 987654321;
	assert_int_equal(read_all(write_pcap("ns.pcap", LT_EN10MB, true, p, 1)), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].ts_sec, 1600000000);
	assert_int_equal(res.dg[0].ts_nsec, 987654321);
}

static void test_vlan_and_qinq(void **state)
{
	struct link_opts one = { .vlan_tags = 1 }, two = { .vlan_tags = 2 };
	struct link_opts deep = { .vlan_tags = 5 }, silly = { .vlan_tags = 9 };
	struct pkt p[4];

	(void)state;
	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_EN10MB, &one, 4, 1);
	ike_pkt(&p[1], LT_EN10MB, &two, 6, 2);
	ike_pkt(&p[2], LT_EN10MB, &deep, 4, 3);
	ike_pkt(&p[3], LT_EN10MB, &silly, 4, 4); /* past the bound: dropped */
	assert_int_equal(read_all(write_pcap("vlan.pcap", LT_EN10MB, false, p, 4)),
			 0);
	assert_int_equal(res.n, 3);
	assert_ike(&res.dg[0], 4, 1);
	assert_ike(&res.dg[1], 6, 2);
	assert_ike(&res.dg[2], 4, 3);
	assert_int_equal(res.st.non_ip, 1);
}

static void test_pppoe(void **state)
{
	struct link_opts pppoe = { .pppoe = true };
	struct link_opts tagged = { .pppoe = true, .vlan_tags = 1 };

	(void)state;
	one_ike_over(LT_EN10MB, &pppoe, 4, "EN10MB");
	one_ike_over(LT_EN10MB, &pppoe, 6, "EN10MB");
	one_ike_over(LT_EN10MB, &tagged, 4, "EN10MB");
}

static void test_linux_cooked(void **state)
{
	(void)state;
	one_ike_over(LT_SLL, NULL, 4, "LINUX_SLL");
	one_ike_over(LT_SLL, NULL, 6, "LINUX_SLL");
	one_ike_over(LT_SLL2, NULL, 4, "LINUX_SLL2");
	one_ike_over(LT_SLL2, NULL, 6, "LINUX_SLL2");
}

static void test_raw_ip(void **state)
{
	(void)state;
	one_ike_over(LT_RAW, NULL, 4, "RAW");
	one_ike_over(LT_RAW, NULL, 6, "RAW");
	one_ike_over(LT_RAW12, NULL, 6, "RAW");
	one_ike_over(LT_IPV4, NULL, 4, "IPV4");
	one_ike_over(LT_IPV6, NULL, 6, "IPV6");
}

static void test_bsd_loopback(void **state)
{
	struct link_opts be = { .big_endian = true };
	struct link_opts fbsd = { .af6 = 28 }, darwin = { .af6 = 30, .big_endian = true };

	(void)state;
	one_ike_over(LT_NULL, NULL, 4, "NULL");
	one_ike_over(LT_NULL, &be, 4, "NULL");
	one_ike_over(LT_NULL, NULL, 6, "NULL");
	one_ike_over(LT_NULL, &fbsd, 6, "NULL");
	one_ike_over(LT_NULL, &darwin, 6, "NULL");
	one_ike_over(LT_LOOP, NULL, 4, "LOOP");
	one_ike_over(LT_LOOP, &fbsd, 6, "LOOP");
}

static void test_ip_version_must_match_link(void **state)
{
	struct pkt p[1];

	(void)state;
	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_IPV6, NULL, 4, 1); /* IPv4 in an IPv6-only file */
	assert_int_equal(read_all(write_pcap("v.pcap", LT_IPV6, false, p, 1)), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.non_ip, 1);
}

/* ---- IP ---- */

static void test_ipv4_options_and_padding(void **state)
{
	struct pkt p[1];
	uint8_t msg[64];
	size_t n = ike_msg(msg, 8, 5);
	struct iks_wr w;

	(void)state;
	memset(p, 0, sizeof p);
	w = iks_wr_make(p[0].b, sizeof p[0].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	iks_wr_u8(&w, 0x46); /* IHL 6: one 4-byte option */
	iks_wr_u8(&w, 0);
	iks_wr_be16(&w, (uint16_t)(24 + 8 + n));
	iks_wr_be32(&w, 0);
	iks_wr_u8(&w, 64);
	iks_wr_u8(&w, 17);
	iks_wr_be16(&w, 0);
	iks_wr_bytes(&w, A4, 4);
	iks_wr_bytes(&w, B4, 4);
	iks_wr_bytes(&w, "\x01\x01\x01\x00", 4); /* NOPs, EOL */
	udp_hdr(&w, 500, 500, n);
	iks_wr_bytes(&w, msg, n);
	iks_wr_zero(&w, 6); /* Ethernet trailer: not part of IP */
	p[0].len = w.len;
	assert_int_equal(read_all(write_pcap("opt.pcap", LT_EN10MB, false, p, 1)), 0);
	assert_int_equal(res.n, 1);
	assert_ike(&res.dg[0], 4, 5);
}

static void test_ipv6_extension_headers(void **state)
{
	struct pkt p[3];
	uint8_t msg[64];
	size_t n = ike_msg(msg, 8, 6);
	struct iks_wr w;

	(void)state;
	memset(p, 0, sizeof p);
	/* hop-by-hop (8), routing (24), destination options (16), AH (24) */
	w = iks_wr_make(p[0].b, sizeof p[0].b);
	link_hdr(&w, LT_EN10MB, 6, NULL);
	ipv6_hdr(&w, 0, 8 + 24 + 16 + 24 + 8 + n);
	iks_wr_u8(&w, 43);
	iks_wr_u8(&w, 0);
	iks_wr_zero(&w, 6);
	iks_wr_u8(&w, 60);
	iks_wr_u8(&w, 2);
	iks_wr_zero(&w, 22);
	iks_wr_u8(&w, 51);
	iks_wr_u8(&w, 1);
	iks_wr_zero(&w, 14);
	iks_wr_u8(&w, 17);
	iks_wr_u8(&w, 4); /* (4 + 2) * 4 = 24 bytes */
	iks_wr_zero(&w, 22);
	udp_hdr(&w, 500, 500, n);
	iks_wr_bytes(&w, msg, n);
	p[0].len = w.len;

	/* a destination options header that claims more than there is */
	w = iks_wr_make(p[1].b, sizeof p[1].b);
	link_hdr(&w, LT_EN10MB, 6, NULL);
	ipv6_hdr(&w, 60, 16);
	iks_wr_u8(&w, 17);
	iks_wr_u8(&w, 200);
	iks_wr_zero(&w, 14);
	p[1].len = w.len;

	/* a chain of 20 destination options headers: past the bound */
	w = iks_wr_make(p[2].b, sizeof p[2].b);
	link_hdr(&w, LT_EN10MB, 6, NULL);
	ipv6_hdr(&w, 60, 20 * 8 + 8 + n);
	for (int i = 0; i < 20; i++) {
		iks_wr_u8(&w, i == 19 ? 17 : 60);
		iks_wr_u8(&w, 0);
		iks_wr_zero(&w, 6);
	}
	udp_hdr(&w, 500, 500, n);
	iks_wr_bytes(&w, msg, n);
	p[2].len = w.len;

	assert_int_equal(read_all(write_pcap("ext.pcap", LT_EN10MB, false, p, 3)), 0);
	assert_int_equal(res.n, 1);
	assert_ike(&res.dg[0], 6, 6);
	assert_int_equal(res.dg[0].frame, 1);
	assert_int_equal(res.st.truncated, 1);
}

static void test_snaplen_cut_is_counted(void **state)
{
	struct pkt p[1];

	(void)state;
	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_EN10MB, NULL, 4, 1);
	p[0].len -= 10; /* as if the snap length cut it */
	assert_int_equal(read_all(write_pcap("cut.pcap", LT_EN10MB, false, p, 1)), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.truncated, 1);
}

static void test_keep_truncated(void **state)
{
	struct iks_capture_opts o = { .keep_truncated = true };
	struct pkt p[4];
	uint8_t buf[128], msg[64];
	size_t n = ike_msg(msg, 8, 7);

	(void)state;
	memset(p, 0, sizeof p);
	memset(buf, 0, 4);
	memcpy(buf + 4, msg, n);
	ike_pkt(&p[0], LT_EN10MB, NULL, 4, 7);
	p[0].len -= 6;
	udp_pkt(&p[1], LT_EN10MB, NULL, 6, 4500, 4500, buf, n + 4);
	p[1].len -= 8;
	/* a cut keepalive-looking byte is not a keepalive */
	udp_pkt(&p[2], LT_EN10MB, NULL, 4, 4500, 4500,
		(const uint8_t *)"\xff\x00", 2);
	p[2].len -= 1;
	ike_pkt(&p[3], LT_EN10MB, NULL, 4, 8); /* whole */
	assert_int_equal(read_all_opts(write_pcap("keep.pcap", LT_EN10MB, false,
						  p, 4), &o), 0);
	assert_int_equal(res.n, 3);
	assert_int_equal(res.dg[0].kind, IKS_DG_IKE);
	assert_true(res.dg[0].truncated);
	assert_int_equal(res.dg[0].len, n - 6);
	assert_int_equal(res.dg[0].wire_len, n);
	assert_memory_equal(res.dg[0].data, msg, n - 6);
	assert_true(res.dg[1].truncated);
	assert_true(res.dg[1].non_esp_marker);
	assert_int_equal(res.dg[1].len, n - 8);
	assert_int_equal(res.dg[1].wire_len, n);
	assert_ike(&res.dg[2], 4, 8);
	assert_false(res.dg[2].truncated);
	assert_int_equal(res.dg[2].wire_len, n);
	assert_int_equal(res.st.truncated, 3);
	assert_int_equal(res.st.keepalives, 0);
}

/* ---- UDP 4500, ESP, other ports ---- */

static void test_natt_port_4500(void **state)
{
	struct pkt p[8];
	uint8_t buf[128], msg[64];
	size_t n = ike_msg(msg, 8, 7);

	(void)state;
	memset(p, 0, sizeof p);
	memset(buf, 0, 4);
	memcpy(buf + 4, msg, n);
	udp_pkt(&p[0], LT_EN10MB, NULL, 4, 4500, 4500, buf, n + 4);
	udp_pkt(&p[1], LT_EN10MB, NULL, 4, 4500, 4500,
		(const uint8_t *)"\xff", 1);
	udp_pkt(&p[2], LT_EN10MB, NULL, 6, 4500, 4500,
		(const uint8_t *)"\xc0\x01\x02\x03\x00\x00\x00\x2a"
				 "payload!", 16);
	/* IKE without the marker on 4500 is ESP by RFC 3948's rule */
	udp_pkt(&p[3], LT_EN10MB, NULL, 4, 31000, 4500, msg, n);
	/* two bytes: neither keepalive nor ESP */
	udp_pkt(&p[4], LT_EN10MB, NULL, 4, 4500, 4500,
		(const uint8_t *)"\xff\xff", 2);
	udp_pkt(&p[5], LT_EN10MB, NULL, 4, 4500, 4500, buf, n + 4);
	/* a bare marker, an empty datagram on 500: no message in either */
	udp_pkt(&p[6], LT_EN10MB, NULL, 4, 4500, 4500, buf, 4);
	udp_pkt(&p[7], LT_EN10MB, NULL, 4, 500, 500, buf, 0);
	assert_int_equal(read_all(write_pcap("natt.pcap", LT_EN10MB, false, p, 8)),
			 0);
	assert_int_equal(res.n, 5);
	assert_ike(&res.dg[0], 4, 7);
	assert_true(res.dg[0].non_esp_marker);
	assert_int_equal(res.dg[0].sport, 4500);
	assert_int_equal(res.dg[1].kind, IKS_DG_KEEPALIVE);
	assert_int_equal(res.dg[1].frame, 2);
	assert_int_equal(res.dg[2].kind, IKS_DG_ESP);
	assert_int_equal(res.dg[2].transport, IKS_TR_UDP);
	assert_int_equal(res.dg[2].esp_spi, 0xc0010203);
	assert_int_equal(res.dg[2].esp_seq, 42);
	assert_int_equal(res.dg[2].src.family, 6);
	assert_int_equal(res.dg[3].kind, IKS_DG_ESP);
	assert_int_equal(res.dg[3].esp_spi, 0x11223344);
	assert_int_equal(res.dg[3].sport, 31000);
	assert_int_equal(res.dg[4].frame, 6);
	assert_int_equal(res.st.ike, 2);
	assert_int_equal(res.st.esp, 2);
	assert_int_equal(res.st.keepalives, 1);
}

static void test_plain_esp_and_tcp(void **state)
{
	struct pkt p[4];
	struct iks_wr w;

	(void)state;
	memset(p, 0, sizeof p);
	w = iks_wr_make(p[0].b, sizeof p[0].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 50, 1, 0, 24);
	iks_wr_be32(&w, 0xdeadbeef);
	iks_wr_be32(&w, 7);
	iks_wr_zero(&w, 16);
	p[0].len = w.len;

	w = iks_wr_make(p[1].b, sizeof p[1].b);
	link_hdr(&w, LT_EN10MB, 6, NULL);
	ipv6_hdr(&w, 50, 24);
	iks_wr_be32(&w, 0x01020304);
	iks_wr_be32(&w, 0xffffffff);
	iks_wr_zero(&w, 16);
	p[1].len = w.len;

	/* ESP too short for its sequence number */
	w = iks_wr_make(p[2].b, sizeof p[2].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 50, 1, 0, 6);
	iks_wr_zero(&w, 6);
	p[2].len = w.len;

	/* TCP to 4500 (RFC 8229): counted, not decoded */
	w = iks_wr_make(p[3].b, sizeof p[3].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 6, 1, 0, 20);
	iks_wr_be16(&w, 40000);
	iks_wr_be16(&w, 4500);
	iks_wr_zero(&w, 16);
	p[3].len = w.len;

	assert_int_equal(read_all(write_pcap("esp.pcap", LT_EN10MB, false, p, 4)), 0);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.dg[0].kind, IKS_DG_ESP);
	assert_int_equal(res.dg[0].transport, IKS_TR_ESP);
	assert_int_equal(res.dg[0].esp_spi, 0xdeadbeef);
	assert_int_equal(res.dg[0].esp_seq, 7);
	assert_int_equal(res.dg[0].sport, 0);
	assert_int_equal(res.dg[1].esp_spi, 0x01020304);
	assert_int_equal(res.dg[1].esp_seq, 0xffffffff);
	assert_int_equal(res.dg[1].src.family, 6);
	assert_int_equal(res.st.esp, 2);
	assert_int_equal(res.st.truncated, 1);
	assert_int_equal(res.st.tcp_natt, 1);
}

static void test_extra_ike_ports(void **state)
{
	struct iks_capture_opts o = { .ike_ports = { 7500 }, .n_ike_ports = 1 };
	struct pkt p[3];
	uint8_t buf[128], msg[64];
	size_t n = ike_msg(msg, 8, 3);

	(void)state;
	memset(p, 0, sizeof p);
	memset(buf, 0, 4);
	memcpy(buf + 4, msg, n);
	udp_pkt(&p[0], LT_EN10MB, NULL, 4, 7500, 7500, msg, n);
	udp_pkt(&p[1], LT_EN10MB, NULL, 4, 7500, 7500, buf, n + 4);
	udp_pkt(&p[2], LT_EN10MB, NULL, 4, 7501, 7501, msg, n);
	assert_int_equal(read_all_opts(write_pcap("ports.pcap", LT_EN10MB, false,
						  p, 3), &o), 0);
	assert_int_equal(res.n, 2);
	assert_ike(&res.dg[0], 4, 3);
	assert_false(res.dg[0].non_esp_marker);
	assert_ike(&res.dg[1], 4, 3);
	assert_true(res.dg[1].non_esp_marker);
	/* without the option, port 7500 is nothing */
	assert_int_equal(read_all(write_pcap("ports.pcap", LT_EN10MB, false, p, 3)),
			 0);
	assert_int_equal(res.n, 0);
}

/* ---- fragments ---- */

#define BIG_EXTRA 2972 /* 28 + 2972 = 3000-byte IKE message, 3008 with UDP */

struct frag_spec {
	uint32_t off, len;   /* bytes of the IP payload (UDP header included) */
	bool more;
	uint32_t ts;
	bool scribble;       /* fill with 0xEE instead of the real bytes */
};

/* The IP payload (UDP header + IKE message) every fragment test cuts up. */
static size_t big_udp(uint8_t *buf, size_t cap, uint16_t port, uint8_t tag)
{
	uint8_t msg[4096];
	size_t n = ike_msg(msg, BIG_EXTRA, tag);
	struct iks_wr w = iks_wr_make(buf, cap);

	udp_hdr(&w, port, port, n);
	iks_wr_bytes(&w, msg, n);
	assert_false(w.overflow);
	return w.len;
}

static void frag_pkt(struct pkt *p, int version, uint32_t id,
		     const uint8_t *whole, const struct frag_spec *fs)
{
	struct iks_wr w = iks_wr_make(p->b, sizeof p->b);

	memset(p, 0, sizeof *p);
	link_hdr(&w, LT_EN10MB, version, NULL);
	if (version == 4) {
		ipv4_hdr(&w, 17, (uint16_t)id,
			 (uint16_t)((fs->more ? 0x2000 : 0) | fs->off / 8),
			 fs->len);
	} else {
		/* RFC 8200 section 4.5 fragment header */
		ipv6_hdr(&w, 44, 8 + fs->len);
		iks_wr_u8(&w, 17);
		iks_wr_u8(&w, 0);
		iks_wr_be16(&w, (uint16_t)(fs->off | (fs->more ? 1 : 0)));
		iks_wr_be32(&w, id);
	}
	if (fs->scribble) {
		for (uint32_t i = 0; i < fs->len; i++)
			iks_wr_u8(&w, 0xee);
	} else {
		iks_wr_bytes(&w, whole + fs->off, fs->len);
	}
	assert_false(w.overflow);
	p->len = w.len;
	p->ts_sec = fs->ts;
}

static const char *frag_file(int version, const struct frag_spec *fs,
			     size_t n, uint16_t port)
{
	static struct pkt p[16];
	uint8_t whole[4096];
	size_t i;

	assert_true(n <= 16);
	assert_int_equal(big_udp(whole, sizeof whole, port, 0x42), 3008);
	for (i = 0; i < n; i++)
		frag_pkt(&p[i], version, 0x1234, whole, &fs[i]);
	return write_pcap("frag.pcap", LT_EN10MB, false, p, n);
}

static void assert_big_ike(const struct iks_datagram *dg, int version)
{
	uint8_t want[4096];
	size_t n = ike_msg(want, BIG_EXTRA, 0x42);

	assert_int_equal(dg->kind, IKS_DG_IKE);
	assert_int_equal(dg->src.family, version);
	assert_true(dg->ip_reassembled);
	assert_int_equal(dg->len, n);
	assert_memory_equal(dg->data, want, n);
}

static void fragments_in_order(int version)
{
	const struct frag_spec fs[] = {
		{ 0, 1000, true, 1, false },
		{ 1000, 1000, true, 1, false },
		{ 2000, 1008, false, 1, false },
	};

	assert_int_equal(read_all(frag_file(version, fs, 3, 500)), 0);
	assert_int_equal(res.n, 1);
	assert_big_ike(&res.dg[0], version);
	assert_int_equal(res.dg[0].frame, 3);
	assert_int_equal(res.dg[0].ip_fragments, 3);
	assert_int_equal(res.dg[0].sport, 500);
	assert_int_equal(res.st.ip_fragments, 3);
	assert_int_equal(res.st.ip_frag_nonfirst, 2);
	assert_int_equal(res.st.ip_reassembled, 1);
	assert_int_equal(res.st.ip_incomplete, 0);
}

static void test_port_filtered_capture(void **state)
{
	/* What `tcpdump udp port 500` keeps of two fragmented messages:
	 * their first fragments only. */
	const struct frag_spec fs[] = {
		{ 0, 1000, true, 1, false },
	};

	(void)state;
	assert_int_equal(read_all(frag_file(4, fs, 1, 500)), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[0].ip_fragments, 1);
	assert_true(res.dg[0].frag_have_first);
	assert_int_equal(res.st.ip_fragments, 1);
	assert_int_equal(res.st.ip_frag_nonfirst, 0);
}

static void test_fragments_in_order(void **state)
{
	(void)state;
	fragments_in_order(4);
	fragments_in_order(6);
}

static void fragments_out_of_order_and_duplicated(int version)
{
	const struct frag_spec fs[] = {
		{ 2000, 1008, false, 1, false },
		{ 1000, 1000, true, 1, false },
		{ 2000, 1008, false, 1, false }, /* duplicate */
		{ 0, 1000, true, 2, false },
		{ 0, 1000, true, 2, false },     /* after completion: new, lost */
	};

	assert_int_equal(read_all(frag_file(version, fs, 5, 500)), 0);
	assert_int_equal(res.n, 2);
	assert_big_ike(&res.dg[0], version);
	assert_int_equal(res.dg[0].frame, 4);
	assert_int_equal(res.dg[0].ip_fragments, 4);
	assert_int_equal(res.dg[0].ts_sec, 2);
	assert_int_equal(res.dg[1].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[1].frame, 5);
	assert_int_equal(res.dg[1].frag_reason, IKS_FRAG_END);
	assert_int_equal(res.st.ip_fragments, 5);
	assert_int_equal(res.st.ip_reassembled, 1);
	assert_int_equal(res.st.ip_incomplete, 1);
}

static void test_fragments_out_of_order_and_duplicated(void **state)
{
	(void)state;
	fragments_out_of_order_and_duplicated(4);
	fragments_out_of_order_and_duplicated(6);
}

static void test_fragments_overlapping(void **state)
{
	/* The third fragment overlaps both neighbours with garbage and
	 * fills the gap; the bytes that arrived first are kept. */
	const struct frag_spec fs[] = {
		{ 0, 1008, true, 1, false },
		{ 2000, 1008, false, 1, false },
		{ 992, 1016, true, 1, true },
	};
	const struct frag_spec fs2[] = {
		{ 0, 1008, true, 1, false },
		{ 1000, 1000, true, 1, false },
		{ 1600, 1408, false, 1, false },
	};

	(void)state;
	assert_int_equal(read_all(frag_file(4, fs, 3, 500)), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_IKE);
	assert_int_equal(res.dg[0].frame, 3); /* the overlap filled the gap */
	assert_int_equal(res.dg[0].len, 3000);
	/* bytes 1008..1999 of the payload came from the scribbled fragment */
	assert_int_equal(res.dg[0].data[1008 - 8], 0xee);
	assert_int_not_equal(res.dg[0].data[1007 - 8], 0xee);
	assert_int_not_equal(res.dg[0].data[2000 - 8], 0xee);
	assert_int_equal(res.st.ip_incomplete, 0);

	assert_int_equal(read_all(frag_file(6, fs2, 3, 500)), 0);
	assert_int_equal(res.n, 1);
	assert_big_ike(&res.dg[0], 6);
}

static void fragment_missing(int version)
{
	const struct frag_spec fs[] = {
		{ 0, 1000, true, 1, false },
		{ 2000, 1008, false, 1, false },
	};

	assert_int_equal(read_all(frag_file(version, fs, 2, 4500)), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[0].frag_reason, IKS_FRAG_END);
	assert_true(res.dg[0].frag_have_first);
	assert_int_equal(res.dg[0].sport, 4500);
	assert_int_equal(res.dg[0].dport, 4500);
	assert_int_equal(res.dg[0].transport, IKS_TR_UDP);
	assert_int_equal(res.dg[0].frame, 2);
	assert_int_equal(res.dg[0].frag_first_frame, 1);
	assert_int_equal(res.dg[0].ip_fragments, 2);
	assert_int_equal(res.dg[0].frag_bytes, 2008);
	assert_int_equal(res.dg[0].frag_id, 0x1234);
	assert_int_equal(res.dg[0].src.family, version);
	assert_int_equal(res.st.ip_incomplete, 1);
	assert_int_equal(res.st.ip_reassembled, 0);
}

static void test_fragment_missing(void **state)
{
	(void)state;
	fragment_missing(4);
	fragment_missing(6);
}

static void test_fragment_timeout(void **state)
{
	struct iks_capture_opts o = { .frag_timeout_s = 10 };
	struct pkt p[4];
	uint8_t whole[4096];
	const struct frag_spec fs[] = {
		{ 1000, 1000, true, 100, false }, /* first fragment never comes */
		{ 2000, 1008, false, 101, false },
	};

	(void)state;
	big_udp(whole, sizeof whole, 500, 0x42);
	frag_pkt(&p[0], 4, 77, whole, &fs[0]);
	frag_pkt(&p[1], 4, 77, whole, &fs[1]);
	memset(&p[2], 0, sizeof p[2]);
	ike_pkt(&p[2], LT_EN10MB, NULL, 4, 1);
	p[2].ts_sec = 110; /* not yet 10 s after the first fragment */
	memset(&p[3], 0, sizeof p[3]);
	ike_pkt(&p[3], LT_EN10MB, NULL, 4, 2);
	p[3].ts_sec = 111;
	assert_int_equal(read_all_opts(write_pcap("to.pcap", LT_EN10MB, false, p, 4),
				       &o), 0);
	assert_int_equal(res.n, 3);
	assert_ike(&res.dg[0], 4, 1);
	assert_ike(&res.dg[1], 4, 2);
	assert_int_equal(res.dg[2].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[2].frag_reason, IKS_FRAG_TIMEOUT);
	assert_false(res.dg[2].frag_have_first);
	assert_int_equal(res.dg[2].sport, 0);
	assert_int_equal(res.dg[2].frame, 2);
	assert_int_equal(res.dg[2].ts_sec, 101);
	assert_int_equal(res.dg[2].frag_first_frame, 1);
	assert_int_equal(res.st.ip_incomplete, 1);
}

static void test_fragment_memory_limit(void **state)
{
	/* Room for the bookkeeping but not for a 3008-byte buffer. */
	struct iks_capture_opts o = { .frag_mem_limit = 2600 };
	const struct frag_spec fs[] = {
		{ 0, 1000, true, 1, false },
		{ 1000, 1000, true, 1, false },
		{ 2000, 1008, false, 1, false },
	};

	(void)state;
	assert_int_equal(read_all_opts(frag_file(4, fs, 3, 500), &o), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[0].frag_reason, IKS_FRAG_MEMORY);
	assert_true(res.st.ip_frag_dropped >= 1);
	assert_int_equal(res.st.ip_reassembled, 0);
	assert_int_equal(res.st.ip_incomplete, 1);

	/* With too little for even the bookkeeping, every fragment drops. */
	o.frag_mem_limit = 16;
	assert_int_equal(read_all_opts(frag_file(6, fs, 3, 500), &o), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.ip_frag_dropped, 3);
	assert_int_equal(res.st.ip_incomplete, 0);
}

static void test_fragments_not_ike_are_ignored(void **state)
{
	const struct frag_spec fs[] = {
		{ 1000, 1000, true, 1, false },
		{ 0, 1000, true, 1, false },  /* reveals port 53 */
		{ 2000, 1008, false, 1, false },
	};
	const struct frag_spec lost[] = {
		{ 0, 1000, true, 1, false },
	};

	(void)state;
	assert_int_equal(read_all(frag_file(4, fs, 3, 53)), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.ip_fragments, 3);
	assert_int_equal(res.st.ip_reassembled, 0);
	assert_int_equal(res.st.ip_incomplete, 0);
	/* an incomplete one is not reported either */
	assert_int_equal(read_all(frag_file(6, lost, 1, 53)), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.ip_incomplete, 0);
}

static void test_fragments_malformed(void **state)
{
	/* two "last" fragments disagreeing on the length */
	const struct frag_spec fs[] = {
		{ 0, 1000, true, 1, false },
		{ 2000, 1008, false, 1, false },
		{ 1000, 1008, false, 1, false },
		{ 1000, 1004, true, 1, false }, /* not a multiple of 8 */
	};

	(void)state;
	assert_int_equal(read_all(frag_file(4, fs, 4, 500)), 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[0].frag_reason, IKS_FRAG_MALFORMED);
	assert_int_equal(res.st.ip_frag_dropped, 2);
}

static void test_fragmented_esp(void **state)
{
	struct pkt p[3];
	struct iks_wr w;

	(void)state;
	memset(p, 0, sizeof p);
	w = iks_wr_make(p[0].b, sizeof p[0].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 50, 9, 0x2000, 16);
	iks_wr_be32(&w, 0xabcdef01);
	iks_wr_be32(&w, 5);
	iks_wr_zero(&w, 8);
	p[0].len = w.len;
	w = iks_wr_make(p[1].b, sizeof p[1].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 50, 9, 2, 8);
	iks_wr_zero(&w, 8);
	p[1].len = w.len;
	/* a lone middle fragment of another ESP packet: nothing to report */
	w = iks_wr_make(p[2].b, sizeof p[2].b);
	link_hdr(&w, LT_EN10MB, 4, NULL);
	ipv4_hdr(&w, 50, 10, 0x2000 | 2, 8);
	iks_wr_zero(&w, 8);
	p[2].len = w.len;
	assert_int_equal(read_all(write_pcap("fesp.pcap", LT_EN10MB, false, p, 3)),
			 0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.dg[0].kind, IKS_DG_ESP);
	assert_int_equal(res.dg[0].esp_spi, 0xabcdef01);
	assert_int_equal(res.dg[0].esp_seq, 5);
	assert_int_equal(res.dg[0].frame, 1);
	assert_int_equal(res.st.ip_fragments, 3);
	assert_int_equal(res.st.ip_incomplete, 0);
	assert_int_equal(res.st.ip_reassembled, 0);
}

/* Fragments the Linux kernel made (tests/data/capture/README.md). */
static void assert_kernel_ike(const struct iks_datagram *dg, size_t extra,
			      uint8_t tag)
{
	static uint8_t want[4096];
	size_t n = ike_msg(want, extra, tag);

	assert_int_equal(dg->kind, IKS_DG_IKE);
	assert_int_equal(dg->len, n);
	assert_memory_equal(dg->data, want, n);
}

static void test_kernel_fragments(void **state)
{
	(void)state;
	assert_int_equal(read_all(IKS_TEST_DATA "/capture/kernel-frags.pcap"), 0);
	assert_int_equal(res.n, 5);
	assert_kernel_ike(&res.dg[0], 3000, 1);
	assert_int_equal(res.dg[0].frame, 3);
	assert_true(res.dg[0].ip_reassembled);
	assert_int_equal(res.dg[0].ip_fragments, 3);
	assert_int_equal(res.dg[0].src.family, 4);
	assert_kernel_ike(&res.dg[1], 2500, 2);
	assert_int_equal(res.dg[1].frame, 6);
	assert_true(res.dg[1].non_esp_marker);
	assert_int_equal(res.dg[1].dport, 4500);
	assert_int_equal(res.dg[2].kind, IKS_DG_KEEPALIVE);
	assert_int_equal(res.dg[2].frame, 7);
	assert_kernel_ike(&res.dg[3], 4000, 3);
	assert_int_equal(res.dg[3].frame, 11);
	assert_int_equal(res.dg[3].ip_fragments, 4);
	assert_int_equal(res.dg[3].src.family, 6);
	assert_kernel_ike(&res.dg[4], 100, 4);
	assert_int_equal(res.dg[4].frame, 12);
	assert_false(res.dg[4].ip_reassembled);
	assert_int_equal(res.st.frames, 12);
	assert_int_equal(res.st.ip_fragments, 10);
	assert_int_equal(res.st.ip_reassembled, 3);
	assert_int_equal(res.st.ip_incomplete, 0);

	/* frames 2 and 9 removed: two datagrams lose a middle fragment */
	assert_int_equal(read_all(IKS_TEST_DATA
				  "/capture/kernel-frags-lost.pcapng"), 0);
	assert_int_equal(res.n, 5);
	assert_kernel_ike(&res.dg[0], 2500, 2);
	assert_int_equal(res.dg[0].frame, 5);
	assert_int_equal(res.dg[1].kind, IKS_DG_KEEPALIVE);
	assert_kernel_ike(&res.dg[2], 100, 4);
	assert_int_equal(res.dg[2].frame, 10);

	assert_int_equal(res.dg[3].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[3].frag_reason, IKS_FRAG_END);
	assert_int_equal(res.dg[3].src.family, 4);
	assert_int_equal(res.dg[3].frag_id, 0x08c3);
	assert_true(res.dg[3].frag_have_first);
	assert_int_equal(res.dg[3].sport, 500);
	assert_int_equal(res.dg[3].frag_first_frame, 1);
	assert_int_equal(res.dg[3].frame, 2);
	assert_int_equal(res.dg[3].ip_fragments, 2);
	assert_int_equal(res.dg[3].frag_bytes, 1256 + 524);

	assert_int_equal(res.dg[4].kind, IKS_DG_FRAG_LOST);
	assert_int_equal(res.dg[4].src.family, 6);
	assert_int_equal(res.dg[4].frag_id, 0x7e97eb9d);
	assert_int_equal(res.dg[4].frag_first_frame, 7);
	assert_int_equal(res.dg[4].frame, 9);
	assert_int_equal(res.dg[4].ip_fragments, 3);
	assert_int_equal(res.dg[4].frag_bytes, 1232 + 1232 + 340);
	assert_int_equal(res.st.ip_incomplete, 2);
	assert_int_equal(res.st.ip_reassembled, 1);
}

/* ---- file formats and inputs ---- */

static void read_via_stdin(const char *path);

static const char *three_frames(const char *name)
{
	static struct pkt p[3];

	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_EN10MB, NULL, 4, 1);
	ike_pkt(&p[1], LT_EN10MB, NULL, 6, 2);
	ike_pkt(&p[2], LT_EN10MB, NULL, 4, 3);
	p[2].ts_sec = 5;
	p[2].ts_frac = 250000;
	return write_pcap(name, LT_EN10MB, false, p, 3);
}

static void assert_three_frames(void)
{
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.n, 3);
	assert_ike(&res.dg[0], 4, 1);
	assert_ike(&res.dg[1], 6, 2);
	assert_ike(&res.dg[2], 4, 3);
	assert_int_equal(res.dg[2].frame, 3);
	assert_int_equal(res.dg[2].ts_sec, 5);
	assert_int_equal(res.dg[2].ts_nsec, 250000000);
}

static void test_pcapng(void **state)
{
	struct pkt p[2];

	(void)state;
	memset(p, 0, sizeof p);
	ike_pkt(&p[0], LT_SLL2, NULL, 4, 1);
	ike_pkt(&p[1], LT_SLL2, NULL, 6, 2);
	p[1].len++; /* odd length: the block is padded */
	p[1].ts_sec = 3;
	p[1].ts_frac = 7;
	assert_int_equal(read_all(write_pcapng("x.pcapng", LT_SLL2, p, 2)), 0);
	assert_int_equal(res.n, 2);
	assert_ike(&res.dg[0], 4, 1);
	assert_ike(&res.dg[1], 6, 2);
	assert_int_equal(res.dg[1].ts_sec, 3);
	assert_int_equal(res.dg[1].ts_nsec, 7000);
	assert_string_equal(res.linktype, "LINUX_SLL2");

	p[1].ts_frac = 999999999;
	assert_int_equal(read_all(write_pcapng_res("ns.pcapng", LT_RAW, true,
						   p, 0)), 0);
	assert_int_equal(res.n, 0);
	ike_pkt(&p[0], LT_RAW, NULL, 6, 1);
	ike_pkt(&p[1], LT_RAW, NULL, 4, 2);
	assert_int_equal(read_all(write_pcapng_res("ns.pcapng", LT_RAW, true,
						   p, 2)), 0);
	assert_int_equal(res.n, 2);
	assert_ike(&res.dg[0], 6, 1);
	assert_ike(&res.dg[1], 4, 2);
	assert_int_equal(res.dg[1].ts_sec, 3);
	assert_int_equal(res.dg[1].ts_nsec, 999999999);
}

static void test_header_only(void **state)
{
	(void)state;
	assert_int_equal(read_all(write_pcap("hdr.pcap", LT_EN10MB, false, NULL,
					     0)), 0);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.st.frames, 0);
	read_via_stdin(write_pcap("hdr.pcap", LT_EN10MB, true, NULL, 0));
	assert_int_equal(res.rc, 0);
	assert_int_equal(res.n, 0);
}

static void test_gzip_file(void **state)
{
	(void)state;
	/* named .pcap on purpose: detection is by magic, not by name */
	read_all(gzip_file(three_frames("plain.pcap"), "compressed.pcap"));
	assert_three_frames();
	assert_true(res.compressed);
}

/* Reads `path` through a pipe on standard input, as `ikescope -`. */
static void read_via_stdin(const char *path)
{
	int pfd[2], saved, fd;
	pid_t pid;
	int status;

	assert_int_equal(pipe(pfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char buf[512];
		ssize_t n;

		close(pfd[0]);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			_exit(1);
		/* dribble it out, to exercise short reads */
		while ((n = read(fd, buf, sizeof buf)) > 0)
			if (write(pfd[1], buf, (size_t)n) != n)
				_exit(1);
		_exit(0);
	}
	close(pfd[1]);
	saved = dup(STDIN_FILENO);
	assert_true(saved >= 0);
	assert_int_equal(dup2(pfd[0], STDIN_FILENO), STDIN_FILENO);
	close(pfd[0]);
	read_all("-");
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_stdin_plain_and_gzip(void **state)
{
	const char *plain = three_frames("plain.pcap");

	(void)state;
	read_via_stdin(plain);
	assert_three_frames();
	assert_false(res.compressed);
	read_via_stdin(gzip_file(plain, "stdin.pcap.gz"));
	assert_three_frames();
	assert_true(res.compressed);
}

/* ---- errors ---- */

static void test_error_missing_file_and_directory(void **state)
{
	(void)state;
	assert_int_equal(read_all(tmp_path("no-such.pcap")), IKS_ERR_IO);
	assert_string_equal(res.err, "No such file or directory");
	assert_int_equal(read_all(tmpdir), IKS_ERR_IO);
	assert_string_equal(res.err, "is a directory");
}

static void test_error_not_a_capture(void **state)
{
	const char text[] = "hello, this is not a capture file at all\n";

	(void)state;
	assert_int_equal(read_all(write_bytes("t.txt", text, sizeof text - 1)),
			 IKS_ERR_FORMAT);
	assert_string_equal(res.err, "not a pcap or pcapng file");
	assert_int_equal(read_all(write_bytes("t2", "ab", 2)), IKS_ERR_FORMAT);
	assert_string_equal(res.err, "not a pcap or pcapng file");
	assert_int_equal(read_all(gzip_file(write_bytes("t3", text, sizeof text - 1),
					    "t3.gz")), IKS_ERR_FORMAT);
	assert_string_equal(res.err, "not a pcap or pcapng file");
	/* other compressions are named, not mistaken for garbage */
	assert_int_equal(read_all(write_bytes("x.pcap.xz",
					      "\xfd" "7zXZ\0\0\0\0", 10)),
			 IKS_ERR_FORMAT);
	assert_string_equal(res.err, "not a pcap or pcapng file "
				     "(xz-compressed; decompress it first)");
	assert_int_equal(read_all(write_bytes("x.pcap.zst",
					      "\x28\xb5\x2f\xfd\0\0", 6)),
			 IKS_ERR_FORMAT);
	assert_non_null(strstr(res.err, "zstd"));
}

static void test_error_empty(void **state)
{
	(void)state;
	assert_int_equal(read_all(write_bytes("empty.pcap", "", 0)), IKS_ERR_FORMAT);
	assert_string_equal(res.err, "empty file");
	read_via_stdin(tmp_path("empty.pcap"));
	assert_int_equal(res.rc, IKS_ERR_FORMAT);
	assert_string_equal(res.err, "empty file");
}

static void test_error_truncated_header(void **state)
{
	const uint8_t hdr[10] = { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0 };
	const uint8_t ng[12] = { 0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0,
				 0x4d, 0x3c, 0x2b, 0x1a };

	(void)state;
	assert_int_equal(read_all(write_bytes("th.pcap", hdr, sizeof hdr)),
			 IKS_ERR_TRUNCATED);
	assert_string_equal(res.err, "truncated file header (10 bytes)");
	assert_int_equal(read_all(write_bytes("th.pcapng", ng, sizeof ng)),
			 IKS_ERR_TRUNCATED);
}

static void truncate_file(const char *path, off_t by)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(truncate(path, sb.st_size - by), 0);
}

static void test_error_truncated_last_record(void **state)
{
	const char *path = three_frames("trunc.pcap");

	(void)state;
	truncate_file(path, 20); /* into the last frame's data */
	assert_int_equal(read_all(path), IKS_ERR_TRUNCATED);
	assert_int_equal(res.n, 2); /* what was read is reported first */
	assert_ike(&res.dg[1], 6, 2);
	assert_non_null(strstr(res.err, "truncated last record (frame 3)"));
	assert_int_equal(res.st.frames, 2);

	/* cut inside the record header */
	path = three_frames("trunc2.pcap");
	/* the last frame: 14 + 20 + 8 + 36 = 78 bytes; keep 8 of its
	 * 16-byte record header */
	truncate_file(path, 78 + 8);
	assert_int_equal(read_all(path), IKS_ERR_TRUNCATED);
	assert_int_equal(res.n, 2);

	/* and the same, compressed: the gzip stream is whole */
	read_all(gzip_file(path, "trunc2.gz"));
	assert_int_equal(res.rc, IKS_ERR_TRUNCATED);
	assert_int_equal(res.n, 2);
}

static void test_error_truncated_gzip_stream(void **state)
{
	const char *gz = gzip_file(three_frames("g.pcap"), "g.pcap.gz");

	(void)state;
	truncate_file(gz, 30); /* lose the end of the deflate stream */
	read_all(gz);
	assert_int_equal(res.rc, IKS_ERR_TRUNCATED);
	assert_true(res.n < 3);
	assert_non_null(strstr(res.err, "compressed stream ends early"));
}

static void test_error_corrupt_gzip(void **state)
{
	const char *gz = gzip_file(three_frames("c.pcap"), "c.pcap.gz");
	FILE *f = fopen(gz, "r+b");

	(void)state;
	assert_non_null(f);
	/* garble the deflate data after the 10-byte gzip header */
	assert_int_equal(fseek(f, 12, SEEK_SET), 0);
	assert_int_equal(fwrite("\xff\xff\xff\xff\xff\xff", 1, 6, f), 6);
	assert_int_equal(fclose(f), 0);
	read_all(gz);
	assert_true(res.rc == IKS_ERR_FORMAT || res.rc == IKS_ERR_TRUNCATED);
	assert_true(res.rc < 0);
}

static void test_error_unsupported_linktype(void **state)
{
	struct pkt p[1];

	(void)state;
	memset(p, 0, sizeof p);
	p[0].len = 30;
	assert_int_equal(read_all(write_pcap("wifi.pcap", LT_80211, false, p, 1)),
			 IKS_ERR_LINKTYPE);
	assert_string_equal(res.err, "unsupported link type IEEE802_11 (105)");
	assert_int_equal(read_all(write_pcapng("wifi.pcapng", LT_80211, p, 1)),
			 IKS_ERR_LINKTYPE);
	assert_string_equal(res.err, "unsupported link type IEEE802_11 (105)");
}

/* ---- live capture and break ---- */

static struct iks_capture *live_cap;

static void on_alarm(int sig)
{
	(void)sig;
	if (live_cap)
		iks_capture_break(live_cap); /* never hang the test run */
}

static void send_udp_lo(uint16_t port, const uint8_t *data, size_t len)
{
	struct sockaddr_in to = { .sin_family = AF_INET,
				  .sin_port = htons(port),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int s = socket(AF_INET, SOCK_DGRAM, 0);

	assert_true(s >= 0);
	assert_int_equal(sendto(s, data, len, 0, (struct sockaddr *)&to,
				sizeof to), (ssize_t)len);
	close(s);
}

static void test_live_loopback(void **state)
{
	struct sigaction sa = { .sa_handler = on_alarm }, old;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE];
	uint8_t msg[64], marked[68] = { 0 };
	size_t n = ike_msg(msg, 8, 0x5a);
	int rc, seen = 0;

	(void)state;
	rc = iks_capture_open_live(&live_cap, "lo", NULL, err, sizeof err);
	if (rc == IKS_ERR_IO) {
		print_message("live capture not possible here: %s\n", err);
		skip();
	}
	assert_int_equal(rc, 0);
	assert_string_equal(iks_capture_linktype_name(live_cap), "EN10MB");
	memcpy(marked + 4, msg, n);
	send_udp_lo(500, msg, n);
	send_udp_lo(4500, marked, n + 4);
	sigaction(SIGALRM, &sa, &old);
	alarm(10);
	while (seen < 2 &&
	       (rc = iks_capture_next(live_cap, &dg, err, sizeof err)) > 0) {
		/* other traffic may share the loopback: look for ours */
		if (dg.kind != IKS_DG_IKE || dg.len != n ||
		    memcmp(dg.data, msg, n) != 0)
			continue;
		assert_int_equal(dg.src.family, 4);
		assert_int_equal(dg.dst.a[0], 127);
		assert_true(dg.ts_sec > 1600000000);
		if (dg.dport == 4500)
			assert_true(dg.non_esp_marker);
		seen++;
	}
	alarm(0);
	assert_int_equal(seen, 2);
	/* a break ends it, from outside as from a signal handler */
	iks_capture_break(live_cap);
	assert_int_equal(iks_capture_next(live_cap, &dg, err, sizeof err), 0);
	sigaction(SIGALRM, &old, NULL);
	iks_capture_close(live_cap);
	live_cap = NULL;

	assert_int_equal(iks_capture_open_live(&live_cap, "no-such-if0", NULL,
					       err, sizeof err), IKS_ERR_IO);
	assert_null(live_cap);
	assert_true(err[0] != '\0');
}

static void test_break_file(void **state)
{
	struct iks_capture *cap;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE];
	const struct frag_spec first = { 0, 1000, true, 1, false };
	struct pkt p[3];
	uint8_t whole[4096];

	(void)state;
	big_udp(whole, sizeof whole, 500, 0x42);
	frag_pkt(&p[0], 4, 5, whole, &first);
	memset(&p[1], 0, sizeof p[1]);
	ike_pkt(&p[1], LT_EN10MB, NULL, 4, 1);
	memset(&p[2], 0, sizeof p[2]);
	ike_pkt(&p[2], LT_EN10MB, NULL, 4, 2);
	assert_int_equal(iks_capture_open_file(&cap, write_pcap("brk.pcap",
				LT_EN10MB, false, p, 3), NULL, err, sizeof err), 0);
	assert_int_equal(iks_capture_next(cap, &dg, err, sizeof err), 1);
	assert_int_equal(dg.frame, 2);
	iks_capture_break(cap);
	/* the pending fragment is reported, then the end; frame 3 is not read */
	assert_int_equal(iks_capture_next(cap, &dg, err, sizeof err), 1);
	assert_int_equal(dg.kind, IKS_DG_FRAG_LOST);
	assert_int_equal(dg.frag_reason, IKS_FRAG_END);
	assert_int_equal(iks_capture_next(cap, &dg, err, sizeof err), 0);
	iks_capture_close(cap);
}

/* ---- addresses ---- */

static void test_addr_format_and_equal(void **state)
{
	struct iks_addr a = { .family = 4, .a = { 192, 0, 2, 1 } };
	struct iks_addr b = { .family = 6 }, c = a, none = { 0 };
	char buf[64];

	(void)state;
	memcpy(b.a, A6, 16);
	assert_string_equal(iks_addr_format(&a, buf, sizeof buf), "192.0.2.1");
	assert_string_equal(iks_addr_format(&b, buf, sizeof buf), "2001:db8::1");
	assert_string_equal(iks_addr_format(&none, buf, sizeof buf), "-");
	assert_true(iks_addr_equal(&a, &c));
	c.a[3] = 2;
	assert_false(iks_addr_equal(&a, &c));
	assert_false(iks_addr_equal(&a, &b));
	/* bytes past an IPv4 address do not matter */
	c = a;
	c.a[8] = 1;
	assert_true(iks_addr_equal(&a, &c));
}

/* ---- the Wireshark corpus ---- */

/*
 * Expected IKE datagram counts, obtained once with tshark 4.0.17:
 *   cd tests/captures/wireshark
 *   for f in ikev1-certs.pcap ...; do tshark -r $f -Y isakmp | wc -l; done
 * (and `-Y esp` for the ESP count of esp-bug-12671).
 */
static const struct {
	const char *file;
	unsigned ike, esp;
	bool gz;
} corpus[] = {
	{ "esp-bug-12671.pcapng.gz", 0, 6, true },
	{ "ikev1-bug-12610.pcapng.gz", 16, 0, true },
	{ "ikev1-bug-12620.pcapng.gz", 10, 0, true },
	{ "ikev1-certs.pcap", 10, 0, false },
	{ "ikev2-decrypt-3des-sha1_160.pcap", 6, 0, false },
	{ "ikev2-decrypt-aes128ccm12-2.pcap", 6, 0, false },
	{ "ikev2-decrypt-aes128ccm12.pcap", 6, 0, false },
	{ "ikev2-decrypt-aes192ctr.pcap", 6, 0, false },
	{ "ikev2-decrypt-aes256cbc.pcapng", 4, 0, false },
	{ "ikev2-decrypt-aes256ccm16.pcapng", 4, 0, false },
	{ "ikev2-decrypt-aes256gcm16.pcap", 6, 0, false },
	{ "ikev2-decrypt-aes256gcm8.pcap", 6, 0, false },
};

static void test_wireshark_corpus(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
		char path[512];

		snprintf(path, sizeof path, "%s/wireshark/%s", IKS_CORPUS,
			 corpus[i].file);
		print_message("%s\n", corpus[i].file);
		assert_int_equal(read_all(path), 0);
		assert_int_equal(count_kind(IKS_DG_IKE), corpus[i].ike);
		assert_int_equal(count_kind(IKS_DG_ESP), corpus[i].esp);
		assert_int_equal(res.compressed, corpus[i].gz);
		assert_string_equal(res.linktype, "EN10MB");
		for (j = 0; j < res.n; j++) {
			/* every IKE message starts with its 28-byte header
			 * and says its own length in it */
			if (res.dg[j].kind != IKS_DG_IKE)
				continue;
			struct iks_cur c = iks_cur_make(res.dg[j].data,
							res.dg[j].len);
			uint32_t len;

			assert_true(iks_cur_skip(&c, 24));
			assert_true(iks_cur_be32(&c, &len));
			assert_int_equal(len, res.dg[j].len);
			assert_int_equal(res.dg[j].frame, j + 1);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ethernet),
		cmocka_unit_test(test_nanosecond_timestamps),
		cmocka_unit_test(test_vlan_and_qinq),
		cmocka_unit_test(test_pppoe),
		cmocka_unit_test(test_linux_cooked),
		cmocka_unit_test(test_raw_ip),
		cmocka_unit_test(test_bsd_loopback),
		cmocka_unit_test(test_ip_version_must_match_link),
		cmocka_unit_test(test_ipv4_options_and_padding),
		cmocka_unit_test(test_ipv6_extension_headers),
		cmocka_unit_test(test_snaplen_cut_is_counted),
		cmocka_unit_test(test_keep_truncated),
		cmocka_unit_test(test_natt_port_4500),
		cmocka_unit_test(test_plain_esp_and_tcp),
		cmocka_unit_test(test_extra_ike_ports),
		cmocka_unit_test(test_fragments_in_order),
		cmocka_unit_test(test_fragments_out_of_order_and_duplicated),
		cmocka_unit_test(test_fragments_overlapping),
		cmocka_unit_test(test_fragment_missing),
		cmocka_unit_test(test_port_filtered_capture),
		cmocka_unit_test(test_fragment_timeout),
		cmocka_unit_test(test_fragment_memory_limit),
		cmocka_unit_test(test_fragments_not_ike_are_ignored),
		cmocka_unit_test(test_fragments_malformed),
		cmocka_unit_test(test_fragmented_esp),
		cmocka_unit_test(test_kernel_fragments),
		cmocka_unit_test(test_pcapng),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_gzip_file),
		cmocka_unit_test(test_stdin_plain_and_gzip),
		cmocka_unit_test(test_error_missing_file_and_directory),
		cmocka_unit_test(test_error_not_a_capture),
		cmocka_unit_test(test_error_empty),
		cmocka_unit_test(test_error_truncated_header),
		cmocka_unit_test(test_error_truncated_last_record),
		cmocka_unit_test(test_error_truncated_gzip_stream),
		cmocka_unit_test(test_error_corrupt_gzip),
		cmocka_unit_test(test_error_unsupported_linktype),
		cmocka_unit_test(test_live_loopback),
		cmocka_unit_test(test_break_file),
		cmocka_unit_test(test_addr_format_and_equal),
		cmocka_unit_test(test_wireshark_corpus),
	};

	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
