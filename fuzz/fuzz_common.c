/* Helpers shared by the fuzz targets: see fuzz_common.h. */
#include <glob.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"

const char *iks_fuzz_file(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	size_t off = 0;

	if (fd < 0) {
		fd = memfd_create("iks-fuzz", 0);
		IKS_FUZZ_CHECK(fd >= 0);
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	IKS_FUZZ_CHECK(ftruncate(fd, 0) == 0);
	while (off < size) {
		ssize_t n = pwrite(fd, data + off, size - off, (off_t)off);

		IKS_FUZZ_CHECK(n > 0);
		off += (size_t)n;
	}
	return path;
}

FILE *iks_fuzz_null(void)
{
	static FILE *f;

	if (!f) {
		f = fopen("/dev/null", "w");
		IKS_FUZZ_CHECK(f != NULL);
	}
	return f;
}

static void load_glob(struct iks_keytab *kt, const char *pattern, bool logs)
{
	char err[IKS_ERRBUF_SIZE];
	glob_t g;

	IKS_FUZZ_CHECK(glob(pattern, 0, NULL, &g) == 0);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		int rc;

		if (logs) {
			FILE *f = fopen(g.gl_pathv[i], "r");

			IKS_FUZZ_CHECK(f != NULL);
			rc = iks_keylog_parse(kt, f, g.gl_pathv[i], NULL, NULL, NULL,
					      err, sizeof err);
			fclose(f);
		} else {
			rc = iks_keytab_load(kt, g.gl_pathv[i], err, sizeof err);
		}
		if (rc != IKS_OK) {
			fprintf(stderr, "fuzz keys: %s\n", err);
			abort();
		}
	}
	globfree(&g);
}

const struct iks_keytab *iks_fuzz_keys(void)
{
	static struct iks_keytab kt;
	static bool loaded;

	if (!loaded) {
		iks_keytab_init(&kt);
		load_glob(&kt, IKS_SOURCE_DIR "/tests/data/crypto/*.tmpl", false);
		load_glob(&kt, IKS_SOURCE_DIR "/tests/captures/lab/*_decryption_table", false);
		load_glob(&kt, IKS_SOURCE_DIR "/tests/data/crypto/lab/*.log", true);
		IKS_FUZZ_CHECK(kt.n_v1 > 0 && kt.n_v2 > 0);
		loaded = true;
	}
	return &kt;
}

void iks_fuzz_keytab_round_trip(const struct iks_keytab *kt)
{
	struct iks_keytab back;
	char err[IKS_ERRBUF_SIZE] = "";
	size_t skipped1 = 0, skipped2 = 0, len = 0;
	char *text = NULL;
	FILE *f = open_memstream(&text, &len);

	IKS_FUZZ_CHECK(f != NULL);
	IKS_FUZZ_CHECK(iks_keytab_write(kt, IKS_KEYTAB_V1, f, &skipped1, err, sizeof err) == IKS_OK);
	IKS_FUZZ_CHECK(iks_keytab_write(kt, IKS_KEYTAB_V2, f, &skipped2, err, sizeof err) == IKS_OK);
	IKS_FUZZ_CHECK(fclose(f) == 0);
	IKS_FUZZ_CHECK(skipped1 == 0 && skipped2 <= kt->n_v2);

	iks_keytab_init(&back);
	if (iks_keytab_load_mem(&back, "written", text, len, err, sizeof err) != IKS_OK) {
		fprintf(stderr, "written table does not load: %s\n", err);
		abort();
	}
	IKS_FUZZ_CHECK(back.n_v1 == kt->n_v1);
	IKS_FUZZ_CHECK(back.n_v2 == kt->n_v2 - skipped2);
	for (size_t i = 0; i < back.n_v1; i++) {
		const struct iks_v1_keys *a = &back.v1[i];
		const struct iks_v1_keys *b = iks_keytab_find_v1(kt, a->icookie);

		IKS_FUZZ_CHECK(b != NULL && a->key_len == b->key_len &&
			       !memcmp(a->key, b->key, a->key_len));
	}
	for (size_t i = 0; i < back.n_v2; i++) {
		const struct iks_v2_keys *a = &back.v2[i];
		const struct iks_v2_keys *b = iks_keytab_find_v2(kt, a->spi_i, a->spi_r);

		IKS_FUZZ_CHECK(b != NULL && a->encr == b->encr &&
			       a->encr_bits == b->encr_bits &&
			       a->sk_e_len == b->sk_e_len &&
			       !memcmp(a->sk_ei, b->sk_ei, a->sk_e_len) &&
			       !memcmp(a->sk_er, b->sk_er, a->sk_e_len));
	}
	iks_keytab_free(&back);
	free(text);
}

/* A view [ptr, ptr+len) inside the payload's body. */
static bool inside(const struct iks_bytes *v, const struct iks_payload *p)
{
	if (v->len == 0)
		return true;
	return v->ptr >= p->body.ptr &&
	       (size_t)(v->ptr - p->body.ptr) + v->len <= p->body.len;
}

static void check_attrs(const struct iks_msg *m, uint16_t first, uint16_t count)
{
	IKS_FUZZ_CHECK((unsigned)first + count <= m->n_attrs);
}

static void check_sa(const struct iks_msg *m, const struct iks_payload *p)
{
	IKS_FUZZ_CHECK((unsigned)p->u.sa.prop_first + p->u.sa.prop_count <= m->n_proposals);
	for (unsigned i = 0; i < p->u.sa.prop_count; i++) {
		const struct iks_proposal *pr = iks_sa_proposal(m, p, i);

		IKS_FUZZ_CHECK((unsigned)pr->xf_first + pr->xf_count <= m->n_transforms);
		IKS_FUZZ_CHECK(inside(&pr->spi, p));
		for (unsigned j = 0; j < pr->xf_count; j++) {
			const struct iks_transform *t = iks_proposal_transform(m, pr, j);

			check_attrs(m, t->attr_first, t->attr_count);
		}
	}
}

static void check_payload(const struct iks_msg *m, unsigned i)
{
	const struct iks_payload *p = &m->payloads[i];
	bool v1 = m->version == 1;

	IKS_FUZZ_CHECK(p->parent == -1 || (p->parent >= 0 && (unsigned)p->parent < i));
	if (p->type == IKS_V1_PL_ENCRYPTED) {
		IKS_FUZZ_CHECK(v1 && p->parent == -1 && p->body.len == p->length);
		return;
	}
	IKS_FUZZ_CHECK(p->length >= IKS_IKE_GENERIC_LEN &&
		       p->body.len + IKS_IKE_GENERIC_LEN == p->length);
	switch (v1 ? p->type | 0x1000u : p->type) {
	case IKS_V1_PL_SA | 0x1000u:
	case IKS_V2_PL_SA:
		check_sa(m, p);
		break;
	case IKS_V1_PL_KE | 0x1000u:
	case IKS_V2_PL_KE:
		IKS_FUZZ_CHECK(inside(&p->u.ke.data, p));
		break;
	case IKS_V1_PL_N | 0x1000u:
	case IKS_V2_PL_N:
		IKS_FUZZ_CHECK(inside(&p->u.notify.spi, p) && inside(&p->u.notify.data, p));
		break;
	case IKS_V1_PL_D | 0x1000u:
	case IKS_V2_PL_D:
		IKS_FUZZ_CHECK(inside(&p->u.del.spis, p));
		break;
	case IKS_V1_PL_ATTR | 0x1000u:
	case IKS_V2_PL_CP:
		check_attrs(m, p->u.cfg.attr_first, p->u.cfg.attr_count);
		break;
	case IKS_V2_PL_TSI:
	case IKS_V2_PL_TSR:
		IKS_FUZZ_CHECK((unsigned)p->u.ts.sel_first + p->u.ts.sel_count <=
			       m->n_selectors);
		break;
	case IKS_V2_PL_SK:
	case IKS_V2_PL_SKF:
		IKS_FUZZ_CHECK(inside(&p->u.sk.data, p));
		break;
	case IKS_V1_PL_FRAG | 0x1000u:
		IKS_FUZZ_CHECK(inside(&p->u.frag.data, p));
		break;
	default:
		break;
	}
}

void iks_fuzz_check_msg(const struct iks_msg *m)
{
	IKS_FUZZ_CHECK(m->version == 1 || m->version == 2);
	IKS_FUZZ_CHECK(m->n_payloads <= IKS_MAX_PAYLOADS);
	IKS_FUZZ_CHECK(m->n_proposals <= IKS_MAX_PROPOSALS);
	IKS_FUZZ_CHECK(m->n_transforms <= IKS_MAX_TRANSFORMS);
	IKS_FUZZ_CHECK(m->n_attrs <= IKS_MAX_ATTRS);
	IKS_FUZZ_CHECK(m->n_selectors <= IKS_MAX_SELECTORS);
	IKS_FUZZ_CHECK(m->malformed <= 0 &&
		       strcmp(iks_strerror(m->malformed), "unknown error") != 0);
	for (unsigned i = 0; i < m->n_payloads; i++)
		check_payload(m, i);
}
