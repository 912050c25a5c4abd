/*
 * bench/gen - deterministic benchmark captures for ikescope (issue 6).
 *
 *   gen mixed [--size BYTES[K|M|G]] [--ike-ratio R] [--seed N] LABDIR
 *   gen dense [--negotiations N] [--rate PER_S] [--seed N] LABDIR
 *
 * Writes a pcap (Ethernet, microseconds) to stdout, or to -o FILE.
 *
 * Both replay the real strongSwan negotiations of the lab captures
 * (LABDIR/ *.pcap, in name order, round robin), each replay ("instance")
 * with its own addresses (10.0.0.0/8 and 2001:db8:ff00::/64, a block per
 * instance) and its own SPIs (the IKE cookies/SPIs and ESP SPIs XORed
 * with per-instance values; zero SPIs stay zero), keeping the frames'
 * relative timing (retransmissions included).
 *
 * mixed: filler traffic of realistic sizes (TCP ACKs, full-size segments,
 * medium TCP, DNS-like and QUIC-like UDP, some IPv6) at 20 000 frames/s,
 * with instances started whenever the IKE frames fall below the wanted
 * ratio of all frames (default 0.001).  Stops after --size bytes (default
 * 1G), then lets the running instances finish.  Meant to be fast enough
 * to feed a pipe with 10 GB.
 *
 * dense: only the lab's frames, a new instance every 1/rate seconds
 * (default 1000/s) until --negotiations instances (default 220 000).
 *
 * Deterministic: the same arguments and lab captures give the same bytes.
 * IPv4 header checksums are recomputed; UDP checksums are zeroed over
 * IPv4 and left as they were over IPv6 (nothing here checks them).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ADDRS 16
#define BASE_SEC 1767225600 /* 2026-01-01T00:00:00Z */

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "gen: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(2);
}

/* ---- deterministic PRNG (xorshift64*) ---- */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static uint32_t rnd_below(uint32_t n)
{
	return (uint32_t)(((rnd() >> 32) * n) >> 32);
}

/* ---- output ---- */
static int out_fd = 1;
static uint8_t *obuf;
static size_t olen;
#define OBUF_SIZE (1u << 20)
static uint64_t out_bytes, out_frames, out_ike_frames;

static void flush_out(void)
{
	size_t off = 0;

	while (off < olen) {
		ssize_t w = write(out_fd, obuf + off, olen - off);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(0);
			die("write: %s", strerror(errno));
		}
		off += (size_t)w;
	}
	olen = 0;
}

static uint8_t *out_reserve(size_t n)
{
	if (olen + n > OBUF_SIZE)
		flush_out();
	return obuf + olen;
}

static void put32le(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

static void put16be(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint16_t get16be(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void write_file_header(void)
{
	uint8_t *p = out_reserve(24);

	put32le(p, 0xa1b2c3d4u);
	p[4] = 2, p[5] = 0, p[6] = 4, p[7] = 0; /* version 2.4 */
	memset(p + 8, 0, 8);
	put32le(p + 16, 262144);
	put32le(p + 20, 1); /* LINKTYPE_ETHERNET */
	olen += 24;
	out_bytes += 24;
}

/* Reserves a record of caplen bytes at time t (microseconds since
 * BASE_SEC) and returns where the frame goes. */
static uint8_t *begin_record(uint64_t t_us, uint32_t caplen, uint32_t origlen)
{
	uint8_t *p = out_reserve(16 + (size_t)caplen);

	put32le(p, (uint32_t)(BASE_SEC + t_us / 1000000));
	put32le(p + 4, (uint32_t)(t_us % 1000000));
	put32le(p + 8, caplen);
	put32le(p + 12, origlen);
	olen += 16 + caplen;
	out_bytes += 16 + caplen;
	out_frames++;
	return p + 16;
}

static uint16_t ip_checksum(const uint8_t *h, size_t len)
{
	uint32_t s = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		s += (uint32_t)(h[i] << 8 | h[i + 1]);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

/* ---- lab templates ---- */
struct tframe {
	uint8_t *data;
	uint32_t caplen, origlen;
	uint64_t t_us;       /* relative to the template's first frame */
	int ip_off;          /* -1: not IP, copied as is */
	uint8_t version;
	uint8_t addr_idx[2]; /* src, dst in the template's address table */
	int ike_off;         /* IKE header (ispi at +0, rspi at +8), or -1 */
	int inner_off;       /* IKEv1 fragment 1: the original header inside */
	int esp_off;         /* ESP SPI, or -1 */
	int udp_csum_off;    /* IPv4 UDP checksum to zero, or -1 */
	bool ike;            /* counts as an IKE frame (UDP 500/4500, ESP) */
};

struct template {
	char name[128];
	struct tframe *f;
	size_t n;
	uint8_t n_addr;
	uint8_t addr_ver[MAX_ADDRS];
	uint8_t addr[MAX_ADDRS][16];
};

static struct template *tpl;
static size_t n_tpl;

static uint32_t rd32(const uint8_t *p, bool swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static uint8_t addr_index(struct template *t, uint8_t ver, const uint8_t *a)
{
	size_t len = ver == 4 ? 4 : 16;

	for (uint8_t i = 0; i < t->n_addr; i++)
		if (t->addr_ver[i] == ver && !memcmp(t->addr[i], a, len))
			return i;
	if (t->n_addr >= MAX_ADDRS)
		die("%s: too many addresses", t->name);
	t->addr_ver[t->n_addr] = ver;
	memcpy(t->addr[t->n_addr], a, len);
	return t->n_addr++;
}

/* Where the rewritable parts of a frame are. */
static void classify(struct template *t, struct tframe *f)
{
	const uint8_t *p = f->data;
	size_t n = f->caplen, off = 14, ip_end;
	uint16_t type;
	uint8_t proto;
	bool first = true;
	size_t l4;

	f->ip_off = f->ike_off = f->inner_off = f->esp_off = f->udp_csum_off = -1;
	if (n < 14)
		return;
	type = get16be(p + 12);
	while ((type == 0x8100 || type == 0x88a8) && off + 4 <= n) {
		type = get16be(p + off + 2);
		off += 4;
	}
	if (type == 0x0800 && off + 20 <= n) {
		size_t hl = (size_t)(p[off] & 15) * 4;
		uint16_t fo = get16be(p + off + 6);

		f->ip_off = (int)off;
		f->version = 4;
		f->addr_idx[0] = addr_index(t, 4, p + off + 12);
		f->addr_idx[1] = addr_index(t, 4, p + off + 16);
		proto = p[off + 9];
		first = (fo & 0x1fff) == 0;
		ip_end = off + get16be(p + off + 2);
		l4 = off + hl;
	} else if (type == 0x86dd && off + 40 <= n) {
		f->ip_off = (int)off;
		f->version = 6;
		f->addr_idx[0] = addr_index(t, 6, p + off + 8);
		f->addr_idx[1] = addr_index(t, 6, p + off + 24);
		proto = p[off + 6];
		ip_end = off + 40 + get16be(p + off + 4);
		l4 = off + 40;
		if (proto == 44 && l4 + 8 <= n) { /* fragment header */
			first = (get16be(p + l4 + 2) & 0xfff8) == 0;
			proto = p[l4];
			l4 += 8;
		}
	} else {
		return;
	}
	if (ip_end > n)
		ip_end = n;
	if (proto == 50) {
		f->ike = true;
		if (first && l4 + 4 <= n)
			f->esp_off = (int)l4;
		return;
	}
	if (proto != 17)
		return;
	if (!first) {
		f->ike = true; /* a later fragment of an IKE datagram */
		return;
	}
	if (l4 + 8 > n)
		return;
	{
		uint16_t sp = get16be(p + l4), dp = get16be(p + l4 + 2);
		size_t pl = l4 + 8;

		if (sp != 500 && sp != 4500 && dp != 500 && dp != 4500)
			return;
		f->ike = true;
		if (f->version == 4)
			f->udp_csum_off = (int)l4 + 6;
		if (sp == 4500 || dp == 4500) {
			if (pl + 4 > ip_end)
				return; /* keepalive */
			if (!memcmp(p + pl, "\0\0\0\0", 4))
				pl += 4;
			else {
				f->esp_off = (int)pl;
				return;
			}
		}
		if (pl + 16 <= n)
			f->ike_off = (int)pl;
		/* IKEv1 fragmentation (payload 132): fragment 1 starts with the
		 * original message's header, whose SPIs must match */
		if (pl + 28 + 8 + 16 <= n && p[pl + 16] == 132 && p[pl + 17] >> 4 == 1 &&
		    p[pl + 28 + 6] == 1)
			f->inner_off = (int)(pl + 28 + 8);
	}
}

static void load_template(const char *path, const char *name)
{
	FILE *fp = fopen(path, "rb");
	uint8_t hdr[24], rh[16];
	struct template t;
	bool swap, nano;
	uint32_t magic;
	uint64_t t0 = 0;
	size_t cap = 0;

	if (!fp)
		die("cannot open %s", path);
	memset(&t, 0, sizeof t);
	snprintf(t.name, sizeof t.name, "%s", name);
	if (fread(hdr, 1, 24, fp) != 24)
		die("%s: short header", path);
	memcpy(&magic, hdr, 4);
	swap = magic == 0xd4c3b2a1u || magic == 0x4d3cb2a1u;
	magic = rd32(hdr, swap);
	if (magic != 0xa1b2c3d4u && magic != 0xa1b23c4du)
		die("%s: not a pcap file", path);
	nano = magic == 0xa1b23c4du;
	if (rd32(hdr + 20, swap) != 1)
		die("%s: not Ethernet", path);
	while (fread(rh, 1, 16, fp) == 16) {
		uint64_t ts = (uint64_t)rd32(rh, swap) * 1000000 +
			      (nano ? rd32(rh + 4, swap) / 1000 : rd32(rh + 4, swap));
		struct tframe *f;

		if (t.n == cap) {
			cap = cap ? cap * 2 : 16;
			t.f = realloc(t.f, cap * sizeof *t.f);
			if (!t.f)
				die("%s", "out of memory");
		}
		f = &t.f[t.n];
		memset(f, 0, sizeof *f);
		f->caplen = rd32(rh + 8, swap);
		f->origlen = rd32(rh + 12, swap);
		if (f->caplen > 262144 || !(f->data = malloc(f->caplen ? f->caplen : 1)))
			die("%s: bad record", path);
		if (fread(f->data, 1, f->caplen, fp) != f->caplen)
			die("%s: truncated", path);
		if (!t.n)
			t0 = ts;
		f->t_us = ts >= t0 ? ts - t0 : 0;
		classify(&t, f);
		t.n++;
	}
	fclose(fp);
	if (!t.n)
		return;
	tpl = realloc(tpl, (n_tpl + 1) * sizeof *tpl);
	if (!tpl)
		die("%s", "out of memory");
	tpl[n_tpl++] = t;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_lab(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!d)
		die("cannot open directory %s", dir);
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if (l > 5 && !strcmp(e->d_name + l - 5, ".pcap")) {
			names = realloc(names, (n + 1) * sizeof *names);
			if (!names || !(names[n] = strdup(e->d_name)))
				die("%s", "out of memory");
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_names);
	for (size_t i = 0; i < n; i++) {
		char path[4096];

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		load_template(path, names[i]);
		free(names[i]);
	}
	free(names);
	if (!n_tpl)
		die("no .pcap files in %s", dir);
}

/* ---- instances ---- */
struct instance {
	uint64_t start_us;
	uint64_t next_us; /* time of its next frame */
	uint32_t k;       /* instance number */
	uint32_t tpl;
	uint32_t pos;     /* next frame */
	uint64_t spi_mask;
	uint32_t esp_mask;
};

static struct instance *heap;
static size_t heap_n, heap_cap;

static bool heap_less(const struct instance *a, const struct instance *b)
{
	return a->next_us < b->next_us || (a->next_us == b->next_us && a->k < b->k);
}

static void heap_push(struct instance in)
{
	size_t i;

	if (heap_n == heap_cap) {
		heap_cap = heap_cap ? heap_cap * 2 : 64;
		heap = realloc(heap, heap_cap * sizeof *heap);
		if (!heap)
			die("%s", "out of memory");
	}
	i = heap_n++;
	while (i && heap_less(&in, &heap[(i - 1) / 2])) {
		heap[i] = heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	heap[i] = in;
}

static void heap_sift_down(void)
{
	size_t i = 0;
	struct instance x = heap[0];

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= heap_n)
			break;
		if (c + 1 < heap_n && heap_less(&heap[c + 1], &heap[c]))
			c++;
		if (!heap_less(&heap[c], &x))
			break;
		heap[i] = heap[c];
		i = c;
	}
	heap[i] = x;
}

static uint64_t ike_pending; /* IKE frames still to come from running instances */
static uint32_t next_k;

static void start_instance(uint64_t t_us)
{
	struct instance in = { 0 };
	const struct template *t;

	in.k = next_k++;
	in.tpl = in.k % (uint32_t)n_tpl;
	in.start_us = t_us;
	in.next_us = t_us;
	do
		in.spi_mask = rnd();
	while (!in.spi_mask);
	do
		in.esp_mask = (uint32_t)rnd();
	while (!in.esp_mask);
	t = &tpl[in.tpl];
	for (size_t i = 0; i < t->n; i++)
		ike_pending += t->f[i].ike;
	heap_push(in);
}

static void map_addr(const struct template *t, uint8_t idx, uint32_t k, uint8_t *dst)
{
	uint64_t v = ((uint64_t)k + 1) * MAX_ADDRS + idx + 1; /* no .0 */

	if (t->addr_ver[idx] == 4) {
		dst[0] = 10;
		dst[1] = (uint8_t)(v >> 16);
		dst[2] = (uint8_t)(v >> 8);
		dst[3] = (uint8_t)v;
	} else {
		static const uint8_t prefix[8] = { 0x20, 0x01, 0x0d, 0xb8, 0xff, 0x00, 0, 0 };

		memcpy(dst, prefix, 8);
		for (int i = 0; i < 8; i++)
			dst[8 + i] = (uint8_t)(v >> (56 - 8 * i));
	}
}

static void xor_spi(uint8_t *p, uint64_t mask)
{
	static const uint8_t zero[8];

	if (!memcmp(p, zero, 8))
		return;
	for (int i = 0; i < 8; i++)
		p[i] ^= (uint8_t)(mask >> (56 - 8 * i));
	if (!memcmp(p, zero, 8))
		p[7] = 1;
}

/* Emits the instance's next frame; returns false when it has no more. */
static bool emit_instance_frame(struct instance *in)
{
	const struct template *t = &tpl[in->tpl];
	const struct tframe *f = &t->f[in->pos];
	uint8_t *p = begin_record(in->next_us, f->caplen, f->origlen);

	memcpy(p, f->data, f->caplen);
	if (f->ip_off >= 0) {
		uint8_t *ip = p + f->ip_off;

		if (f->version == 4) {
			map_addr(t, f->addr_idx[0], in->k, ip + 12);
			map_addr(t, f->addr_idx[1], in->k, ip + 16);
			ip[10] = ip[11] = 0;
			put16be(ip + 10, ip_checksum(ip, (size_t)(ip[0] & 15) * 4));
		} else {
			map_addr(t, f->addr_idx[0], in->k, ip + 8);
			map_addr(t, f->addr_idx[1], in->k, ip + 24);
		}
		if (f->udp_csum_off >= 0 && (uint32_t)f->udp_csum_off + 2 <= f->caplen)
			p[f->udp_csum_off] = p[f->udp_csum_off + 1] = 0;
		if (f->ike_off >= 0) {
			xor_spi(p + f->ike_off, in->spi_mask);
			xor_spi(p + f->ike_off + 8, in->spi_mask);
		}
		if (f->inner_off >= 0) {
			xor_spi(p + f->inner_off, in->spi_mask);
			xor_spi(p + f->inner_off + 8, in->spi_mask);
		}
		if (f->esp_off >= 0) {
			uint32_t spi = (uint32_t)get16be(p + f->esp_off) << 16 |
				       get16be(p + f->esp_off + 2);

			if (spi > 255) {
				spi ^= in->esp_mask;
				if (spi <= 255)
					spi |= 0x100;
			}
			put16be(p + f->esp_off, (uint16_t)(spi >> 16));
			put16be(p + f->esp_off + 2, (uint16_t)spi);
		}
	}
	if (f->ike) {
		out_ike_frames++;
		ike_pending--;
	}
	if (++in->pos >= t->n)
		return false;
	in->next_us = in->start_us + t->f[in->pos].t_us;
	return true;
}

/* Emits every instance frame due at or before t_us. */
static void emit_due(uint64_t t_us)
{
	while (heap_n && heap[0].next_us <= t_us) {
		if (emit_instance_frame(&heap[0])) {
			heap_sift_down();
		} else {
			heap[0] = heap[--heap_n];
			if (heap_n)
				heap_sift_down();
		}
	}
}

/* ---- filler traffic ---- */
#define POOL_SIZE (1u << 16)
#define N_FLOWS 4096
static uint8_t pool[POOL_SIZE + 2048];

struct flow {
	uint8_t src[4], dst[4];
	uint16_t sport, dport;
};
static struct flow flows[N_FLOWS];

static uint16_t filler_port(void)
{
	uint16_t p;

	do
		p = (uint16_t)(1024 + rnd_below(64000));
	while (p == 500 || p == 4500);
	return p;
}

static void init_filler(void)
{
	static const uint16_t services[] = { 443, 443, 443, 80, 22, 3389, 8443, 993 };

	for (size_t i = 0; i < sizeof pool; i += 8) {
		uint64_t v = rnd();

		memcpy(pool + i, &v, 8);
	}
	for (int i = 0; i < N_FLOWS; i++) {
		uint32_t a = 0xac100000u | rnd_below(1u << 20); /* 172.16/12 */
		uint32_t b = 0xc0a80000u | rnd_below(1u << 16); /* 192.168/16 */

		for (int j = 0; j < 4; j++) {
			flows[i].src[j] = (uint8_t)(a >> (24 - 8 * j));
			flows[i].dst[j] = (uint8_t)(b >> (24 - 8 * j));
		}
		flows[i].sport = filler_port();
		flows[i].dport = services[rnd_below(8)];
	}
}

static void eth_header(uint8_t *p, uint16_t type, const struct flow *fl)
{
	static const uint8_t mac_a[6] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01 };
	static const uint8_t mac_b[6] = { 0x02, 0x00, 0x5e, 0x10, 0x00, 0x02 };

	memcpy(p, mac_a, 6);
	memcpy(p + 6, mac_b, 6);
	p[5] = fl->dst[3];
	p[11] = fl->src[3];
	put16be(p + 12, type);
}

/* One filler frame of total length len (Ethernet included). */
static void emit_filler(uint64_t t_us)
{
	uint32_t r = rnd_below(1000), len;
	const struct flow *fl = &flows[rnd_below(N_FLOWS)];
	bool udp = false, v6 = false, reverse = rnd() & 1;
	uint16_t dport = fl->dport;
	uint8_t *p, *ip, *l4;
	size_t l4len;

	if (r < 350) {
		len = 66;                        /* TCP ACK with timestamps */
	} else if (r < 650) {
		len = 1514;                      /* full-size segment */
	} else if (r < 800) {
		len = 100 + rnd_below(1414);     /* medium TCP */
	} else if (r < 900) {
		len = 70 + rnd_below(230);       /* DNS-like */
		udp = true;
		dport = 53;
	} else if (r < 950) {
		len = 1250 + rnd_below(142);     /* QUIC-like */
		udp = true;
		dport = 443;
	} else {
		len = 86 + rnd_below(1428);      /* IPv6 TCP */
		v6 = true;
	}
	p = begin_record(t_us, len, len);
	eth_header(p, v6 ? 0x86dd : 0x0800, fl);
	ip = p + 14;
	if (v6) {
		ip[0] = 0x60, ip[1] = ip[2] = ip[3] = 0;
		put16be(ip + 4, (uint16_t)(len - 54));
		ip[6] = 6, ip[7] = 64;
		memset(ip + 8, 0, 32);
		ip[8] = 0xfd, ip[9] = 0x10, ip[24] = 0xfd, ip[25] = 0x20;
		memcpy(ip + 20, fl->src, 4);
		memcpy(ip + 36, fl->dst, 4);
		l4 = ip + 40;
	} else {
		ip[0] = 0x45, ip[1] = 0;
		put16be(ip + 2, (uint16_t)(len - 14));
		put16be(ip + 4, (uint16_t)out_frames);
		put16be(ip + 6, 0x4000);
		ip[8] = 64, ip[9] = udp ? 17 : 6;
		ip[10] = ip[11] = 0;
		memcpy(ip + 12, reverse ? fl->dst : fl->src, 4);
		memcpy(ip + 16, reverse ? fl->src : fl->dst, 4);
		put16be(ip + 10, ip_checksum(ip, 20));
		l4 = ip + 20;
	}
	l4len = len - (size_t)(l4 - p);
	put16be(l4, reverse ? dport : fl->sport);
	put16be(l4 + 2, reverse ? fl->sport : dport);
	if (udp) {
		put16be(l4 + 4, (uint16_t)l4len);
		l4[6] = l4[7] = 0;
		memcpy(l4 + 8, pool + rnd_below(POOL_SIZE), l4len - 8);
	} else {
		memcpy(l4 + 4, pool + rnd_below(POOL_SIZE), 8); /* seq, ack */
		l4[12] = 0x80, l4[13] = 0x10;                   /* 32 bytes, ACK */
		put16be(l4 + 14, (uint16_t)(1024 + rnd_below(60000)));
		l4[16] = l4[17] = l4[18] = l4[19] = 0;          /* checksum, urgent */
		l4[20] = 1, l4[21] = 1, l4[22] = 8, l4[23] = 10; /* NOP NOP TS */
		memcpy(l4 + 24, pool + rnd_below(POOL_SIZE), l4len - 24);
	}
}

static uint64_t parse_size(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || v < 0)
		die("bad size: %s", s);
	switch (*end) {
	case 'k': case 'K': v *= 1024; break;
	case 'm': case 'M': v *= 1024 * 1024; break;
	case 'g': case 'G': v *= 1024.0 * 1024 * 1024; break;
	case 0: break;
	default: die("bad size: %s", s);
	}
	return (uint64_t)v;
}

static void usage(void)
{
	fputs("usage: gen mixed [--size BYTES[K|M|G]] [--ike-ratio R] [--seed N] [-o FILE] LABDIR\n"
	      "       gen dense [--negotiations N] [--rate PER_S] [--seed N] [-o FILE] LABDIR\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	uint64_t size = 1ull << 30, n_neg = 220000, seed = 1;
	double ratio = 0.001, rate = 1000, fps = 20000;
	const char *mode, *lab = NULL, *outpath = NULL;
	bool mixed;

	if (argc < 2)
		usage();
	mode = argv[1];
	if (!strcmp(mode, "mixed"))
		mixed = true;
	else if (!strcmp(mode, "dense"))
		mixed = false;
	else
		usage();
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (i + 1 < argc && !strcmp(a, "--size"))
			size = parse_size(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "--ike-ratio"))
			ratio = strtod(argv[++i], NULL);
		else if (i + 1 < argc && !strcmp(a, "--negotiations"))
			n_neg = strtoull(argv[++i], NULL, 10);
		else if (i + 1 < argc && !strcmp(a, "--rate"))
			rate = strtod(argv[++i], NULL);
		else if (i + 1 < argc && !strcmp(a, "--seed"))
			seed = strtoull(argv[++i], NULL, 10);
		else if (i + 1 < argc && !strcmp(a, "-o"))
			outpath = argv[++i];
		else if (a[0] != '-' && !lab)
			lab = a;
		else
			usage();
	}
	if (!lab || rate <= 0 || ratio < 0 || ratio >= 1)
		usage();
	rng_state ^= seed * 0xd1b54a32d192ed03ull;
	if (!rng_state)
		rng_state = 1;
	load_lab(lab);
	if (outpath) {
		FILE *fp = fopen(outpath, "wb");

		if (!fp)
			die("cannot create %s", outpath);
		out_fd = dup(fileno(fp));
		fclose(fp);
	}
	obuf = malloc(OBUF_SIZE);
	if (!obuf)
		die("%s", "out of memory");
	write_file_header();
	if (mixed) {
		uint64_t i = 0, t = 0;

		init_filler();
		while (out_bytes < size) {
			t = (uint64_t)((double)i * 1e6 / fps);
			/* keep IKE at the wanted share of all frames */
			if ((double)(out_ike_frames + ike_pending) <
			    ratio * (double)(out_frames + 1))
				start_instance(t);
			emit_due(t);
			emit_filler(t);
			i++;
		}
		emit_due(UINT64_MAX);
	} else {
		double step = 1e6 / rate;

		for (uint64_t i = 0; i < n_neg; i++) {
			uint64_t t = (uint64_t)((double)i * step);

			emit_due(t);
			start_instance(t);
		}
		emit_due(UINT64_MAX);
	}
	flush_out();
	if (outpath)
		close(out_fd);
	fprintf(stderr, "gen: %s: %llu frames, %llu bytes, %llu IKE/ESP frames, %u instances\n",
		mode, (unsigned long long)out_frames, (unsigned long long)out_bytes,
		(unsigned long long)out_ike_frames, next_k);
	return 0;
}
