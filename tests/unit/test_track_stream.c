/*
 * The tracker's streaming mode (iks_track_opts.on_concluded): negotiations
 * handed out as they conclude, then freed.
 *
 *  - On every capture of the corpus (lab captures with their key tables,
 *    Wireshark's), streaming with the default idle timeout gives the same
 *    negotiations as keeping everything: same order, ids, status, reason,
 *    messages, children and their ESP counts (the ESP SPI hash against
 *    the former scan of every child).
 *  - A capture replayed twice, 1000 s apart: the first copy's
 *    negotiations conclude on the idle timeout when the second copy
 *    starts, before any of the second copy's, and the second copy gives
 *    the same outcomes again (its SPIs were forgotten with the first).
 *  - At the open limit the least recently active negotiation concludes
 *    early: never more open than the limit, each handed out once; the
 *    same at the memory limit, and memory returns to 0.
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

#include "ikescope/capture.h"
#include "ikescope/crypto.h"
#include "ikescope/track.h"

/* What a test compares of one negotiation. */
struct seen {
	unsigned id;
	enum iks_status status;
	char reason[160];
	unsigned n_msgs, n_children, retries, ike_rekeys;
	uint8_t spi_i[8], spi_r[8];
	double start, end;
	enum iks_status child_status[8];
	uint64_t esp[8];
	uint64_t open_then; /* open negotiations when it was handed out */
};

struct run {
	struct seen *v;
	size_t n, cap;
	struct iks_tracker *t;
};

static void keep(struct run *r, const struct iks_nego *n)
{
	struct seen *s;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = realloc(r->v, r->cap * sizeof *r->v);
		assert_non_null(r->v);
	}
	s = &r->v[r->n++];
	memset(s, 0, sizeof *s);
	s->id = n->id;
	s->status = n->status;
	snprintf(s->reason, sizeof s->reason, "%s", n->reason);
	s->n_msgs = n->n_msgs;
	s->n_children = n->n_children;
	s->retries = n->retries;
	s->ike_rekeys = n->ike_rekeys;
	memcpy(s->spi_i, n->spi_i, 8);
	memcpy(s->spi_r, n->spi_r, 8);
	s->start = n->start;
	s->end = n->end;
	for (unsigned i = 0; i < n->n_children && i < 8; i++) {
		s->child_status[i] = n->children[i].status;
		s->esp[i] = n->children[i].esp_packets_i << 32 | n->children[i].esp_packets_r;
	}
	if (r->t) {
		struct iks_track_stats st;

		iks_track_get_stats(r->t, &st);
		s->open_then = st.open;
	}
}

static void on_concluded(void *ctx, const struct iks_nego *n)
{
	keep(ctx, n);
}

/* A capture's datagrams, copied, to be fed more than once. */
struct dgs {
	struct iks_datagram *d;
	size_t n;
};

static void load(const char *path, struct dgs *out)
{
	struct iks_capture *cap;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE];
	size_t cap_n = 0;

	memset(out, 0, sizeof *out);
	assert_int_equal(iks_capture_open_file(&cap, path, NULL, err, sizeof err), IKS_OK);
	while (iks_capture_next(cap, &dg, err, sizeof err) == 1) {
		if (out->n == cap_n) {
			cap_n = cap_n ? cap_n * 2 : 64;
			out->d = realloc(out->d, cap_n * sizeof *out->d);
			assert_non_null(out->d);
		}
		if (dg.data) {
			uint8_t *copy = malloc(dg.len ? dg.len : 1);

			assert_non_null(copy);
			memcpy(copy, dg.data, dg.len);
			dg.data = copy;
		}
		out->d[out->n++] = dg;
	}
	iks_capture_close(cap);
}

static void unload(struct dgs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free((void *)(uintptr_t)d->d[i].data);
	free(d->d);
}

/* Feed d (times shifted by shift_s) `copies` times, 1000 s apart. */
static void feed(struct iks_tracker *t, const struct dgs *d, unsigned copies)
{
	for (unsigned c = 0; c < copies; c++)
		for (size_t i = 0; i < d->n; i++) {
			struct iks_datagram dg = d->d[i];

			dg.ts_sec += (int64_t)c * 1000;
			iks_track_datagram(t, &dg);
		}
}

static void load_keys(const char *pcap, struct iks_keytab *kt)
{
	static const char *const ext[] = { "ikev1_decryption_table", "ikev2_decryption_table" };
	char path[4096], err[IKS_ERRBUF_SIZE];
	size_t base = strlen(pcap) - strlen("pcap");

	iks_keytab_init(kt);
	for (unsigned i = 0; i < 2; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%.*s%s", (int)base, pcap, ext[i]);
		if (!(f = fopen(path, "r")))
			continue;
		fclose(f);
		assert_int_equal(iks_keytab_load(kt, path, err, sizeof err), IKS_OK);
	}
}

static void assert_same(const struct seen *a, const struct seen *b, const char *path)
{
	if (a->id != b->id || a->status != b->status || strcmp(a->reason, b->reason) ||
	    a->n_msgs != b->n_msgs || a->n_children != b->n_children ||
	    a->retries != b->retries || a->ike_rekeys != b->ike_rekeys ||
	    memcmp(a->spi_i, b->spi_i, 8) || memcmp(a->spi_r, b->spi_r, 8) ||
	    a->start != b->start || a->end != b->end ||
	    memcmp(a->child_status, b->child_status, sizeof a->child_status) ||
	    memcmp(a->esp, b->esp, sizeof a->esp))
		fail_msg("%s: negotiation %u differs (status %d/%d, '%s'/'%s', %u/%u messages)", path,
			 a->id, a->status, b->status, a->reason, b->reason, a->n_msgs, b->n_msgs);
}

static void each_capture(void (*fn)(const char *path))
{
	glob_t g;
	size_t done = 0;

	for (unsigned k = 0; k < 2; k++) {
		char pat[4096];

		snprintf(pat, sizeof pat, "%s/%s/*.pcap*", IKS_CORPUS, k ? "wireshark" : "lab");
		if (glob(pat, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			fn(g.gl_pathv[i]);
			done++;
		}
		globfree(&g);
	}
	assert_true(done > 10);
}

static size_t esp_counted; /* ESP packets counted over the corpus */

/*
 * ESP counts as the tracker's first version found them, by scanning every
 * child of every negotiation, newest negotiation first, for each packet
 * (with the children's final SPIs: in the corpus no ESP comes before its
 * SPIs are known).
 */
static void reference_esp(struct iks_tracker *t, const struct dgs *d, struct run *all)
{
	size_t n = iks_track_count(t);

	for (size_t i = 0; i < d->n; i++) {
		bool done = false;

		if (d->d[i].kind != IKS_DG_ESP)
			continue;
		for (size_t k = n; k-- > 0 && !done;) {
			const struct iks_nego *ng = iks_track_get(t, k);

			for (unsigned j = 0; j < ng->n_children && j < 8 && !done; j++) {
				const struct iks_child *c = &ng->children[j];

				if (c->spi_i && c->spi_i == d->d[i].esp_spi) {
					all->v[k].esp[j] -= 1; /* the responder's count */
					done = true;
				} else if (c->spi_r && c->spi_r == d->d[i].esp_spi) {
					all->v[k].esp[j] -= 1ull << 32;
					done = true;
				}
			}
		}
	}
	/* every count was taken back: the tracker counted the same */
	for (size_t k = 0; k < all->n; k++)
		for (unsigned j = 0; j < 8; j++)
			if (all->v[k].esp[j])
				fail_msg("negotiation %zu child %u: ESP counts differ from the scan", k + 1, j);
}

static void same_as_keep_all(const char *path)
{
	struct iks_keytab kt;
	struct iks_track_opts o = { 0 };
	struct run all = { 0 }, streamed = { 0 };
	struct iks_tracker *t;
	struct dgs d;

	load(path, &d);
	load_keys(path, &kt);
	o.keys = &kt;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	feed(t, &d, 1);
	iks_track_finish(t);
	for (size_t i = 0; i < iks_track_count(t); i++)
		keep(&all, iks_track_get(t, i));
	for (size_t i = 0; i < all.n; i++)
		for (unsigned j = 0; j < 8; j++)
			esp_counted += (all.v[i].esp[j] >> 32) + (all.v[i].esp[j] & 0xffffffffu);
	{
		struct run ref = all;

		ref.v = malloc(all.n * sizeof *all.v + 1);
		assert_non_null(ref.v);
		if (all.n)
			memcpy(ref.v, all.v, all.n * sizeof *all.v);
		reference_esp(t, &d, &ref);
		free(ref.v);
	}
	iks_track_free(t);

	o.on_concluded = on_concluded;
	o.ctx = &streamed;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	feed(t, &d, 1);
	iks_track_finish(t);
	assert_int_equal(iks_track_count(t), 0);
	iks_track_free(t);

	if (streamed.n != all.n)
		fail_msg("%s: %zu negotiations streamed, %zu kept", path, streamed.n, all.n);
	for (size_t i = 0; i < all.n; i++)
		assert_same(&streamed.v[i], &all.v[i], path);
	free(all.v);
	free(streamed.v);
	iks_keytab_free(&kt);
	unload(&d);
}

static void test_stream_same_as_keep_all(void **state)
{
	(void)state;
	each_capture(same_as_keep_all);
	assert_true(esp_counted > 0); /* the ESP comparison compared something */
}

static void idle_between_copies(const char *path)
{
	struct iks_track_opts o = { 0 };
	struct run once = { 0 }, twice = { 0 };
	struct iks_track_stats st;
	struct iks_tracker *t;
	struct dgs d;

	load(path, &d);
	o.on_concluded = on_concluded;
	o.ctx = &once;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	feed(t, &d, 1);
	iks_track_finish(t);
	iks_track_free(t);

	o.ctx = &twice;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	twice.t = t;
	feed(t, &d, 2);
	iks_track_get_stats(t, &st);
	iks_track_finish(t);
	iks_track_free(t);

	/* the first copy concluded on the idle timeout, in order, before the
	 * second began; then the second, identical but for ids and times */
	assert_int_equal(st.idle, once.n);
	assert_int_equal(twice.n, 2 * once.n);
	for (size_t i = 0; i < twice.n; i++) {
		struct seen want = once.v[i % once.n];

		assert_int_equal(twice.v[i].id, i + 1);
		want.id = (unsigned)i + 1;
		if (i >= once.n) {
			want.start += 1000;
			want.end += 1000;
		}
		assert_same(&twice.v[i], &want, path);
	}
	free(once.v);
	free(twice.v);
	unload(&d);
}

static void test_idle_timeout(void **state)
{
	(void)state;
	each_capture(idle_between_copies);
}

static void test_open_limit(void **state)
{
	char path[4096];
	struct iks_track_opts o = { .max_negotiations = 1 };
	struct run r = { 0 };
	struct iks_track_stats st;
	struct iks_tracker *t;
	struct dgs d;

	(void)state;
	snprintf(path, sizeof path, "%s/lab/multi-3peers.pcap", IKS_CORPUS);
	load(path, &d);
	o.on_concluded = on_concluded;
	o.ctx = &r;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	r.t = t;
	feed(t, &d, 1);
	iks_track_finish(t);
	iks_track_get_stats(t, &st);
	iks_track_free(t);
	assert_true(r.n >= 3);
	assert_int_equal(st.concluded, r.n);
	assert_int_equal(st.negotiations, r.n);
	assert_int_equal(st.open_peak, 1);
	assert_true(st.evicted >= 2);
	assert_int_equal(st.evicted + st.idle + 1, r.n); /* the last at the end */
	for (size_t i = 0; i < r.n; i++) {
		assert_true(r.v[i].open_then <= 1);
		assert_int_equal(r.v[i].id, i + 1); /* one at a time, in order */
	}
	free(r.v);
	unload(&d);
}

/* A memory budget smaller than one negotiation: each datagram starts by
 * concluding what is open, so at most one is held at a time. */
static void test_memory_limit(void **state)
{
	char path[4096];
	struct iks_track_opts o = { .max_memory = 1 };
	struct run r = { 0 };
	struct iks_track_stats st;
	struct iks_tracker *t;
	struct dgs d;

	(void)state;
	snprintf(path, sizeof path, "%s/lab/v1-cert-ikefrag.pcap", IKS_CORPUS);
	load(path, &d);
	o.on_concluded = on_concluded;
	o.ctx = &r;
	assert_int_equal(iks_track_new(&t, &o), IKS_OK);
	r.t = t;
	feed(t, &d, 1);
	iks_track_get_stats(t, &st);
	iks_track_finish(t);
	assert_int_equal(st.open_peak, 1);
	assert_true(st.evicted >= 2);
	assert_true(st.memory_peak > 0 && st.memory_peak < 64 * 1024);
	assert_int_equal(st.negotiations, r.n);
	iks_track_get_stats(t, &st);
	assert_int_equal(st.memory, 0); /* everything handed out and freed */
	assert_int_equal(st.open, 0);
	iks_track_free(t);
	free(r.v);
	unload(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_same_as_keep_all),
		cmocka_unit_test(test_idle_timeout),
		cmocka_unit_test(test_open_limit),
		cmocka_unit_test(test_memory_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
