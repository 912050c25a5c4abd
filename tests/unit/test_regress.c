/*
 * Replays every file of tests/data/regress (inputs the fuzz targets found
 * to crash, hang or break an invariant; docs/robustness.md) through the
 * entry point its name prefix names, and checks that the result is sane:
 *
 *   ike-*      one IKE message: iks_ike_decode, the encoder round trip,
 *              iks_ike_decode_inner on encrypted payloads, the JSON report;
 *   reasm-*    "be16 length, IKE message" records: the IKEv1 reassembler;
 *   capture-*  a capture file: capture -> track -> diagnose -> report,
 *              without keys and with the test key tables;
 *   keytab-*   a key file: iks_keytab_load_mem;
 *   keylog-*   a charon log: iks_keylog_parse;
 *   crypto-*   fuzz_crypto's input: a mode byte, a key row, the rest.
 *
 * "Sane" is what the readers of each stage rely on: counts within the
 * pools and ranges within the counts, views inside their payload, error
 * codes that exist, a JSON record for every message and negotiation.  A
 * few files also have their exact expected outcome below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ikescope/capture.h"
#include "ikescope/crypto.h"
#include "ikescope/diagnose.h"
#include "ikescope/ike.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

#define REGRESS IKS_TEST_DATA "/regress"

static struct iks_msg msg, again;
static uint8_t enc[1u << 17];

static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static bool is_error_code(int rc)
{
	return rc <= 0 && strcmp(iks_strerror(rc), "unknown error") != 0;
}

/* Run fn on every regression file whose name starts with prefix; returns
 * how many there were. */
static unsigned each_file(const char *prefix,
			  void (*fn)(const char *path, const uint8_t *data, size_t len))
{
	DIR *d = opendir(REGRESS);
	struct dirent *e;
	unsigned n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		uint8_t *data;
		size_t len;

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", REGRESS, e->d_name);
		data = slurp(path, &len);
		print_message("regress: %s\n", e->d_name);
		fn(path, data, len);
		free(data);
		n++;
	}
	closedir(d);
	return n;
}

/* ---- decoded messages ---- */

static bool view_inside(const struct iks_bytes *v, const struct iks_payload *p)
{
	return v->len == 0 ||
	       (v->ptr >= p->body.ptr &&
		(size_t)(v->ptr - p->body.ptr) + v->len <= p->body.len);
}

static void check_sa(const struct iks_msg *m, const struct iks_payload *p)
{
	assert_true(p->u.sa.prop_first + p->u.sa.prop_count <= m->n_proposals);
	for (unsigned i = 0; i < p->u.sa.prop_count; i++) {
		const struct iks_proposal *pr = iks_sa_proposal(m, p, i);

		assert_true(pr->xf_first + pr->xf_count <= m->n_transforms);
		assert_true(view_inside(&pr->spi, p));
		for (unsigned j = 0; j < pr->xf_count; j++) {
			const struct iks_transform *t = iks_proposal_transform(m, pr, j);

			assert_true(t->attr_first + t->attr_count <= m->n_attrs);
		}
	}
}

static void check_msg(const struct iks_msg *m)
{
	assert_true(m->n_payloads <= IKS_MAX_PAYLOADS);
	assert_true(m->n_proposals <= IKS_MAX_PROPOSALS);
	assert_true(m->n_transforms <= IKS_MAX_TRANSFORMS);
	assert_true(m->n_attrs <= IKS_MAX_ATTRS);
	assert_true(m->n_selectors <= IKS_MAX_SELECTORS);
	assert_true(is_error_code(m->malformed));
	for (unsigned i = 0; i < m->n_payloads; i++) {
		const struct iks_payload *p = &m->payloads[i];

		assert_true(p->parent == -1 || (p->parent >= 0 && (unsigned)p->parent < i));
		if (p->type == IKS_V1_PL_ENCRYPTED)
			continue;
		if (p->type == (m->version == 1 ? IKS_V1_PL_SA : IKS_V2_PL_SA))
			check_sa(m, p);
		if (m->version == 2 && (p->type == IKS_V2_PL_TSI || p->type == IKS_V2_PL_TSR))
			assert_true(p->u.ts.sel_first + p->u.ts.sel_count <= m->n_selectors);
		if (p->type == (m->version == 1 ? IKS_V1_PL_ATTR : IKS_V2_PL_CP))
			assert_true(p->u.cfg.attr_first + p->u.cfg.attr_count <= m->n_attrs);
		if (p->type == (m->version == 1 ? IKS_V1_PL_N : IKS_V2_PL_N))
			assert_true(view_inside(&p->u.notify.spi, p) &&
				    view_inside(&p->u.notify.data, p));
	}
}

static void report_json(const struct iks_datagram *dg, const struct iks_msg *m)
{
	json_t *j = iks_report_message_json(dg, m, IKS_REPORT_VERBOSE);
	char *s;

	assert_non_null(j);
	s = json_dumps(j, JSON_COMPACT);
	assert_non_null(s);
	free(s);
	json_decref(j);
}

static void replay_ike(const char *path, const uint8_t *data, size_t len)
{
	struct iks_datagram dg = { .kind = IKS_DG_IKE, .frame = 1, .data = data, .len = len };
	unsigned top;

	(void)path;
	/* a pattern in what the decoder should overwrite: a field it leaves
	 * from an earlier message shows up as a broken view */
	memset(&msg, 0xa5, sizeof msg);
	if (iks_ike_decode(data, len, &msg) != IKS_OK) {
		assert_false(iks_ike_looks_like(data, len));
		return;
	}
	check_msg(&msg);
	if (msg.malformed == IKS_OK) {
		struct iks_wr w = iks_wr_make(enc, sizeof enc);

		assert_int_equal(iks_ike_encode(&msg, &w), IKS_OK);
		assert_int_equal(iks_ike_decode(enc, w.len, &again), IKS_OK);
		assert_int_equal(again.malformed, IKS_OK);
		assert_int_equal(again.n_payloads, msg.n_payloads);
	}
	top = msg.n_payloads;
	for (unsigned i = 0; i < top; i++) {
		const struct iks_payload *p = &msg.payloads[i];

		if (p->type == IKS_V1_PL_ENCRYPTED ||
		    (msg.version == 2 && (p->type == IKS_V2_PL_SK || p->type == IKS_V2_PL_SKF)))
			iks_ike_decode_inner(&msg, (int)i, p->u.sk.data.ptr, p->u.sk.data.len,
					     p->next);
	}
	check_msg(&msg);
	report_json(&dg, &msg);
}

/* ---- the IKEv1 reassembler ---- */

static void replay_reasm(const char *path, const uint8_t *data, size_t len)
{
	struct iks_cur c = iks_cur_make(data, len);
	struct iks_ike_reasm *r;
	uint16_t n;

	(void)path;
	assert_int_equal(iks_ike_reasm_new(&r), IKS_OK);
	while (iks_cur_be16(&c, &n)) {
		struct iks_bytes m;

		if (!iks_cur_view(&c, n, &m))
			break;
		if (iks_ike_decode(m.ptr, m.len, &msg) != IKS_OK || msg.version != 1)
			continue;
		for (unsigned i = 0; i < msg.n_payloads; i++) {
			const uint8_t *out = NULL;
			size_t out_len = 0;
			int rc;

			if (msg.payloads[i].type != IKS_V1_PL_FRAG)
				continue;
			rc = iks_ike_reasm_add(r, &msg, &msg.payloads[i], &out, &out_len);
			assert_true(rc == 1 || rc == 0 || is_error_code(rc));
			if (rc == 1) {
				assert_true(out_len > 0 && out_len <= 65535);
				if (iks_ike_decode(out, out_len, &again) == IKS_OK)
					check_msg(&again);
			}
		}
	}
	iks_ike_reasm_free(r);
}

/* ---- whole captures ---- */

static struct iks_keytab keys;

static void load_keys(void)
{
	static const char *const tables[] = {
		IKS_TEST_DATA "/crypto/*.tmpl",
		IKS_CORPUS "/lab/*_decryption_table",
	};
	char err[IKS_ERRBUF_SIZE];
	glob_t g;

	iks_keytab_init(&keys);
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		assert_int_equal(glob(tables[t], 0, NULL, &g), 0);
		for (size_t i = 0; i < g.gl_pathc; i++)
			assert_int_equal(iks_keytab_load(&keys, g.gl_pathv[i], err, sizeof err),
					 IKS_OK);
		globfree(&g);
	}
	assert_int_equal(glob(IKS_TEST_DATA "/crypto/lab/*.log", 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		FILE *f = fopen(g.gl_pathv[i], "r");

		assert_non_null(f);
		assert_int_equal(iks_keylog_parse(&keys, f, g.gl_pathv[i], NULL, NULL, NULL,
						  err, sizeof err),
				 IKS_OK);
		fclose(f);
	}
	globfree(&g);
	assert_true(keys.n_v1 > 0 && keys.n_v2 > 0);
}

static void pipeline(const char *path, const struct iks_keytab *kt)
{
	struct iks_capture_opts opts = { .n_ike_ports = 0 };
	struct iks_track_opts topts = { .keys = kt, .max_negotiations = 8 };
	struct iks_capture_stats st;
	struct iks_capture *cap;
	struct iks_tracker *t;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE] = "";
	uint64_t n_ike = 0;
	int rc;

	rc = iks_capture_open_file(&cap, path, &opts, err, sizeof err);
	if (rc != IKS_OK) {
		assert_true(rc < 0 && is_error_code(rc) && err[0]);
		return;
	}
	assert_int_equal(iks_track_new(&t, &topts), IKS_OK);
	while ((rc = iks_capture_next(cap, &dg, err, sizeof err)) == 1) {
		const struct iks_msg *m;

		if (dg.kind == IKS_DG_IKE)
			n_ike++;
		m = iks_track_datagram(t, &dg);
		if (m) {
			check_msg(m);
			report_json(&dg, m);
		}
	}
	assert_true(rc == 0 || (is_error_code(rc) && err[0]));
	iks_capture_get_stats(cap, &st);
	assert_int_equal(st.ike, n_ike);
	iks_capture_close(cap);
	iks_track_finish(t);
	assert_true(iks_track_count(t) <= 8);
	for (size_t i = 0; i < iks_track_count(t); i++) {
		const struct iks_nego *n = iks_track_get(t, i);
		struct iks_findings fs;
		json_t *j;

		assert_int_equal(n->id, i + 1);
		iks_diagnose(n, &fs);
		assert_true(fs.n <= IKS_MAX_FINDINGS);
		j = iks_report_nego_json(n, &fs);
		assert_non_null(j);
		json_decref(j);
	}
	iks_track_free(t);
}

static void replay_capture(const char *path, const uint8_t *data, size_t len)
{
	(void)data;
	(void)len;
	pipeline(path, NULL);
	pipeline(path, &keys);
}

/* ---- key files, logs, decryption ---- */

static void replay_keytab(const char *path, const uint8_t *data, size_t len)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	int rc;

	(void)path;
	iks_keytab_init(&kt);
	rc = iks_keytab_load_mem(&kt, "regress", (const char *)data, len, err, sizeof err);
	assert_true(is_error_code(rc));
	if (rc < 0) {
		assert_true(strncmp(err, "regress:", 8) == 0);
		assert_int_equal(kt.n_v1 + kt.n_v2, 0);
	}
	iks_keytab_free(&kt);
}

static void replay_keylog(const char *path, const uint8_t *data, size_t len)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	FILE *f = fopen(path, "r");

	(void)data;
	(void)len;
	assert_non_null(f);
	iks_keytab_init(&kt);
	assert_int_equal(iks_keylog_parse(&kt, f, "regress", NULL, NULL, NULL, err, sizeof err),
			 IKS_OK);
	fclose(f);
	iks_keytab_free(&kt);
}

static void replay_crypto(const char *path, const uint8_t *data, size_t len)
{
	struct iks_cur c = iks_cur_make(data, len);
	uint8_t mode, sel;

	(void)path;
	if (!iks_cur_u8(&c, &mode) || !iks_cur_u8(&c, &sel))
		return;
	if ((mode & 3) == 0 &&
	    iks_ike_decode(c.base + c.off, iks_cur_left(&c), &msg) == IKS_OK) {
		const struct iks_v2_keys *k = iks_keytab_find_v2(&keys, msg.hdr.ispi,
								 msg.hdr.rspi);

		if (!k)
			k = &keys.v2[sel % keys.n_v2];
		for (unsigned i = 0; i < msg.n_payloads; i++) {
			const struct iks_payload *p = &msg.payloads[i];
			uint8_t *out = malloc(p->length ? p->length : 1);
			size_t out_len = 0;
			int rc;

			assert_non_null(out);
			if (p->type == IKS_V2_PL_SK || p->type == IKS_V2_PL_SKF) {
				rc = iks_crypto_v2_decrypt(k, msg.hdr.flags & IKS_V2_FLAG_I,
							   msg.raw.ptr, msg.raw.len, p->offset,
							   p->length, p->type == IKS_V2_PL_SKF,
							   out, p->length, &out_len, NULL, 0);
				assert_true(is_error_code(rc));
				assert_true(rc != IKS_OK || out_len <= p->length);
			}
			free(out);
		}
	}
}

/* ---- the tests ---- */

static void test_names(void **state)
{
	static const char *const prefixes[] = { "ike-", "reasm-", "capture-", "keytab-",
						"keylog-", "crypto-" };
	DIR *d = opendir(REGRESS);
	struct dirent *e;
	unsigned n = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		bool known = false;

		if (e->d_name[0] == '.')
			continue;
		for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
			known |= strncmp(e->d_name, prefixes[i], strlen(prefixes[i])) == 0;
		if (!known)
			fail_msg("tests/data/regress/%s: no replay for this prefix", e->d_name);
		if (!strncmp(e->d_name, "capture-", 8))
			assert_non_null(strstr(e->d_name, ".pcap"));
		n++;
	}
	closedir(d);
	assert_true(n > 0);
}

static void test_ike(void **state)
{
	(void)state;
	assert_true(each_file("ike-", replay_ike) > 0);
}

static void test_reasm(void **state)
{
	(void)state;
	if (!each_file("reasm-", replay_reasm))
		skip();
}

static void test_capture(void **state)
{
	(void)state;
	if (!each_file("capture-", replay_capture))
		skip();
}

static void test_keytab(void **state)
{
	(void)state;
	if (!each_file("keytab-", replay_keytab))
		skip();
}

static void test_keylog(void **state)
{
	(void)state;
	if (!each_file("keylog-", replay_keylog))
		skip();
}

static void test_crypto(void **state)
{
	(void)state;
	if (!each_file("crypto-", replay_crypto))
		skip();
}

/* Exact outcomes of the SA payload cases (src/ike/sa.c): a proposal or
 * transform cut short, or one past the pool, is not counted. */
static void decode_file(const char *name)
{
	char path[4096];
	uint8_t *data;
	size_t len;

	snprintf(path, sizeof path, "%s/%s", REGRESS, name);
	data = slurp(path, &len);
	memset(&msg, 0xa5, sizeof msg);
	assert_int_equal(iks_ike_decode(data, len, &msg), IKS_OK);
	check_msg(&msg);
	free(data);
}

static void test_sa_limits(void **state)
{
	const struct iks_payload *p;

	(void)state;
	decode_file("ike-sa-proposal-cut-short.bin");
	p = &msg.payloads[0];
	assert_int_equal(p->u.sa.prop_count, 1);
	assert_int_equal(iks_sa_proposal(&msg, p, 0)->spi.len, 0);
	assert_int_equal(iks_sa_proposal(&msg, p, 0)->xf_count, 0);

	decode_file("ike-sa-transform-cut-short.bin");
	assert_int_equal(msg.malformed, IKS_ERR_SHORT);
	assert_int_equal(msg.n_transforms, 0);
	assert_int_equal(iks_sa_proposal(&msg, &msg.payloads[0], 0)->xf_count, 0);

	decode_file("ike-sa-proposals-over-limit.bin");
	assert_int_equal(msg.malformed, IKS_ERR_TOO_MANY);
	assert_int_equal(msg.payloads[0].u.sa.prop_count, IKS_MAX_PROPOSALS);

	decode_file("ike-sa-transforms-over-limit.bin");
	assert_int_equal(msg.malformed, IKS_ERR_TOO_MANY);
	assert_int_equal(iks_sa_proposal(&msg, &msg.payloads[0], 0)->xf_count,
			 IKS_MAX_TRANSFORMS);
}

static int setup_keys(void **state)
{
	(void)state;
	load_keys();
	return 0;
}

static int teardown_keys(void **state)
{
	(void)state;
	iks_keytab_free(&keys);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_ike),
		cmocka_unit_test(test_sa_limits),
		cmocka_unit_test(test_reasm),
		cmocka_unit_test(test_capture),
		cmocka_unit_test(test_keytab),
		cmocka_unit_test(test_keylog),
		cmocka_unit_test(test_crypto),
	};

	return cmocka_run_group_tests(tests, setup_keys, teardown_keys);
}
