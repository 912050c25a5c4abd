/*
 * The classic pcap reader of our own (src/capture/pcapfile.c) against
 * libpcap's (opts.libpcap_reader): the same datagrams (kind, frame, time,
 * bytes), statistics, return codes and error messages
 *  - on every capture of the corpus,
 *  - on files written in every variant of the format: both byte orders,
 *    micro- and nanoseconds, the Kuznetzov record header, version 2.2
 *    (lengths interchanged) and 2.3 (maybe interchanged), records longer
 *    than the snapshot length (cut), longer than libpcap's maximum (an
 *    error), a zero snapshot length,
 *  - and on each of them cut at every byte, plain and gzip-compressed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "ikescope/capture.h"

/* Everything a reader yields, folded into a hash and a transcript. */
struct outcome {
	int rc;                  /* the final iks_capture_next() */
	int open_rc;
	char err[IKS_ERRBUF_SIZE];
	size_t n;
	uint64_t hash;
	struct iks_capture_stats st;
};

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
	return h * 0xbf58476d1ce4e5b9ull;
}

static void read_with(const char *path, bool libpcap, struct outcome *o)
{
	struct iks_capture_opts opts = { .libpcap_reader = libpcap, .keep_truncated = true };
	struct iks_capture *cap;
	struct iks_datagram dg;

	memset(o, 0, sizeof *o);
	o->open_rc = iks_capture_open_file(&cap, path, &opts, o->err, sizeof o->err);
	if (o->open_rc < 0)
		return;
	while ((o->rc = iks_capture_next(cap, &dg, o->err, sizeof o->err)) == 1) {
		o->n++;
		o->hash = mix(o->hash, dg.kind);
		o->hash = mix(o->hash, dg.frame);
		o->hash = mix(o->hash, (uint64_t)dg.ts_sec);
		o->hash = mix(o->hash, dg.ts_nsec);
		o->hash = mix(o->hash, dg.len);
		o->hash = mix(o->hash, dg.wire_len);
		o->hash = mix(o->hash, (uint64_t)dg.sport << 16 | dg.dport);
		for (size_t i = 0; i < dg.len; i++)
			o->hash = mix(o->hash, dg.data[i]);
	}
	iks_capture_get_stats(cap, &o->st);
	iks_capture_close(cap);
}

static size_t compared;

static void same(const char *path)
{
	struct outcome a, b;

	read_with(path, false, &a);
	read_with(path, true, &b);
	if (a.open_rc != b.open_rc || a.rc != b.rc || strcmp(a.err, b.err) || a.n != b.n ||
	    a.hash != b.hash || memcmp(&a.st, &b.st, sizeof a.st))
		fail_msg("%s: ours: open %d, rc %d, %zu datagrams, '%s', %llu frames; libpcap: "
			 "open %d, rc %d, %zu datagrams, '%s', %llu frames",
			 path, a.open_rc, a.rc, a.n, a.err, (unsigned long long)a.st.frames,
			 b.open_rc, b.rc, b.n, b.err, (unsigned long long)b.st.frames);
	compared++;
}

static void test_corpus(void **state)
{
	static const char *const pats[] = { "/lab/*.pcap", "/wireshark/*.pcap*" };
	glob_t g;

	(void)state;
	for (unsigned k = 0; k < 2; k++) {
		char pat[4096];

		snprintf(pat, sizeof pat, "%s%s", IKS_CORPUS, pats[k]);
		if (glob(pat, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++)
			same(g.gl_pathv[i]);
		globfree(&g);
	}
	assert_true(compared > 20);
}

/* ---- files in every variant of the format ---- */

struct variant {
	const char *name;
	bool big_endian, nsec, kuznetzov;
	uint16_t major, minor;
	bool swap_lengths;  /* write caplen and len the other way round */
	uint32_t snaplen;
	uint32_t huge_caplen; /* a record claiming this length, 0 = none */
};

static void put16(uint8_t *p, uint16_t v, bool be)
{
	p[be ? 1 : 0] = (uint8_t)v;
	p[be ? 0 : 1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v, bool be)
{
	for (int i = 0; i < 4; i++)
		p[be ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}

/* An Ethernet/IPv4/UDP 500 frame carrying an IKE-like payload of n bytes. */
static size_t frame(uint8_t *f, size_t n, uint8_t seed)
{
	size_t udp = 8 + n, ip = 20 + udp;

	memset(f, 0, 14 + ip);
	f[12] = 0x08;
	f[14] = 0x45;
	f[16] = (uint8_t)(ip >> 8), f[17] = (uint8_t)ip;
	f[22] = 64, f[23] = 17;
	f[26] = 192, f[27] = 0, f[28] = 2, f[29] = 1;
	f[30] = 192, f[31] = 0, f[32] = 2, f[33] = 2;
	f[34] = 0x01, f[35] = 0xf4, f[36] = 0x01, f[37] = 0xf4;
	f[38] = (uint8_t)(udp >> 8), f[39] = (uint8_t)udp;
	for (size_t i = 0; i < n; i++)
		f[42 + i] = (uint8_t)(seed + i * 7);
	f[42 + 17] = 0x20; /* IKEv2 */
	f[42 + 24] = 0, f[42 + 25] = 0, f[42 + 26] = (uint8_t)(n >> 8), f[42 + 27] = (uint8_t)n;
	return 14 + ip;
}

static size_t build(const struct variant *v, uint8_t *out)
{
	static const size_t sizes[] = { 60, 200, 90, 1400 };
	uint32_t magic = v->kuznetzov ? 0xa1b2cd34u : v->nsec ? 0xa1b23c4du : 0xa1b2c3d4u;
	size_t o = 24;

	put32(out, magic, v->big_endian);
	put16(out + 4, v->major, v->big_endian);
	put16(out + 6, v->minor, v->big_endian);
	put32(out + 8, 0, v->big_endian);
	put32(out + 12, 0, v->big_endian);
	put32(out + 16, v->snaplen, v->big_endian);
	put32(out + 20, 1, v->big_endian);
	for (unsigned i = 0; i < 4; i++) {
		uint8_t f[2000];
		size_t len = frame(f, sizes[i], (uint8_t)i);
		uint32_t caplen = (uint32_t)len, wire = (uint32_t)len + 4;
		size_t hdr = v->kuznetzov ? 24 : 16;

		if (i == 2 && v->huge_caplen)
			caplen = v->huge_caplen;
		put32(out + o, 1767225600u + i, v->big_endian);
		put32(out + o + 4, v->nsec ? 123456789u : 123456u + i, v->big_endian);
		put32(out + o + 8, v->swap_lengths ? wire : caplen, v->big_endian);
		put32(out + o + 12, v->swap_lengths ? caplen : wire, v->big_endian);
		memset(out + o + 16, 0xee, hdr - 16);
		memcpy(out + o + hdr, f, len);
		o += hdr + len;
		if (i == 2 && v->huge_caplen)
			break; /* the rest of the file is its "data" */
	}
	return o;
}

/* A fresh directory per test (removed at its end). */
static char dir[64];

static const char *tmpdir(void)
{
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/iks-pcapfile.XXXXXX");
		assert_non_null(mkdtemp(dir));
	}
	return dir;
}

static void rm_tmpdir(void)
{
	if (dir[0])
		rmdir(dir);
	dir[0] = '\0';
}

static void write_file(const char *path, const uint8_t *b, size_t n, bool gz)
{
	if (gz) {
		gzFile g = gzopen(path, "wb");

		assert_non_null(g);
		if (n)
			assert_int_equal(gzwrite(g, b, (unsigned)n), (int)n);
		assert_int_equal(gzclose(g), Z_OK);
	} else {
		FILE *f = fopen(path, "wb");

		assert_non_null(f);
		assert_int_equal(fwrite(b, 1, n, f), n);
		assert_int_equal(fclose(f), 0);
	}
}

static void test_variants_cut_everywhere(void **state)
{
	static const struct variant vs[] = {
		{ "le-us", false, false, false, 2, 4, false, 65535, 0 },
		{ "be-us", true, false, false, 2, 4, false, 65535, 0 },
		{ "le-ns", false, true, false, 2, 4, false, 262144, 0 },
		{ "be-ns", true, true, false, 2, 4, false, 262144, 0 },
		{ "kuznetzov", false, false, true, 2, 4, false, 65535, 0 },
		{ "kuznetzov-be", true, false, true, 2, 4, false, 65535, 0 },
		{ "v2.2", false, false, false, 2, 2, true, 65535, 0 },
		{ "v2.3-swapped", false, false, false, 2, 3, true, 65535, 0 },
		{ "v2.3", false, false, false, 2, 3, false, 65535, 0 },
		{ "snaplen-cut", false, false, false, 2, 4, false, 100, 0 },
		{ "snaplen-cut-be", true, false, false, 2, 4, false, 100, 0 },
		{ "snaplen-0", false, false, false, 2, 4, false, 0, 0 },
		{ "huge-caplen", false, false, false, 2, 4, false, 65535, 300000 },
		{ "huge-caplen-small-snaplen", false, false, false, 2, 4, false, 100, 300000 },
		{ "caplen-over-snaplen", false, false, false, 2, 4, false, 262144, 262200 },
		{ "v3.0", false, false, false, 3, 0, false, 65535, 0 },
		{ "v1.0", false, false, false, 1, 0, false, 65535, 0 },
	};
	static uint8_t buf[8192];
	char path[256];
	size_t before = compared;

	(void)state;
	for (size_t k = 0; k < sizeof vs / sizeof vs[0]; k++) {
		size_t n = build(&vs[k], buf);

		assert_true(n < sizeof buf);
		for (size_t cut = 0; cut <= n; cut++) {
			bool gz = cut % 7 == 3; /* a sample compressed */

			snprintf(path, sizeof path, "%s/%s-%zu.pcap%s", tmpdir(), vs[k].name, cut,
				 gz ? ".gz" : "");
			write_file(path, buf, cut, gz);
			same(path);
			unlink(path);
		}
	}
	print_message("%zu files compared\n", compared - before);
	assert_true(compared - before > 10000);
	rm_tmpdir();
}

/* A pipe: records arrive in pieces smaller than a record. */
static void test_stdin_pipe(void **state)
{
	static const struct variant v = { "le-us", false, false, false, 2, 4, false, 65535, 0 };
	static uint8_t buf[8192];
	struct outcome a, b;
	size_t n = build(&v, buf);
	char path[256];

	(void)state;
	snprintf(path, sizeof path, "%s/whole.pcap", tmpdir());
	write_file(path, buf, n, false);
	read_with(path, true, &b);
	for (unsigned mode = 0; mode < 2; mode++) {
		int fds[2], saved = dup(0);
		pid_t pid;

		assert_int_equal(pipe(fds), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fds[0]);
			for (size_t i = 0; i < n; i += mode ? 1 : 13) {
				size_t k = mode ? 1 : (n - i < 13 ? n - i : 13);

				if (write(fds[1], buf + i, k) != (ssize_t)k)
					_exit(1);
				if (i % 97 == 0)
					usleep(1000);
			}
			_exit(0);
		}
		close(fds[1]);
		dup2(fds[0], 0);
		close(fds[0]);
		read_with("-", false, &a);
		dup2(saved, 0);
		close(saved);
		assert_int_equal(a.rc, 0);
		assert_int_equal(a.n, b.n);
		assert_true(a.hash == b.hash);
		assert_int_equal(a.st.frames, 4);
	}
	unlink(path);
	rm_tmpdir();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_variants_cut_everywhere),
		cmocka_unit_test(test_stdin_pipe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
