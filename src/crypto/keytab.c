/*
 * keytab.c - key tables: storage that is wiped when freed, the readers for
 * Wireshark's and tcpdump's key file formats, and Wireshark's writer.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/crypto.h>

#include "ikescope/consts.h"
#include "ikescope/cursor.h"
#include "crypto/crypto_int.h"

#define KEYFILE_MAX (16u << 20) /* a key file larger than this is a mistake */
#define LINE_MAX_LEN 4096
#define MAX_FIELDS 10
#define FIELD_MAX 512

void iks_crypto_wipe(void *p, size_t len)
{
	if (p && len)
		OPENSSL_cleanse(p, len);
}

void iks_keytab_init(struct iks_keytab *kt)
{
	memset(kt, 0, sizeof(*kt));
}

void iks_keytab_wipe(struct iks_keytab *kt)
{
	/* the whole capacity: replaced rows leave nothing behind either */
	if (kt->v1)
		iks_crypto_wipe(kt->v1, kt->cap_v1 * sizeof(*kt->v1));
	if (kt->v2)
		iks_crypto_wipe(kt->v2, kt->cap_v2 * sizeof(*kt->v2));
	kt->n_v1 = 0;
	kt->n_v2 = 0;
}

void iks_keytab_free(struct iks_keytab *kt)
{
	iks_keytab_wipe(kt);
	free(kt->v1);
	free(kt->v2);
	iks_keytab_init(kt);
}

/*
 * Grow an array of key rows.  Not realloc(): it may move the rows and free
 * the old copy without wiping it, leaving keys in the heap.
 */
static int grow_rows(void **rows, size_t *cap, size_t n, size_t elem)
{
	size_t ncap;
	void *nrows;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 8;
	if (ncap > SIZE_MAX / elem)
		return IKS_ERR_NOMEM;
	nrows = calloc(ncap, elem);
	if (!nrows)
		return IKS_ERR_NOMEM;
	if (*rows) {
		memcpy(nrows, *rows, n * elem);
		iks_crypto_wipe(*rows, *cap * elem);
		free(*rows);
	}
	*rows = nrows;
	*cap = ncap;
	return 0;
}

/* Row index, or n when absent: the writable twin of the lookups. */
static size_t v1_index(const struct iks_keytab *kt, const uint8_t *icookie)
{
	size_t i;

	for (i = 0; i < kt->n_v1; i++)
		if (memcmp(kt->v1[i].icookie, icookie, IKS_SPI_LEN) == 0)
			break;
	return i;
}

static size_t v2_index(const struct iks_keytab *kt, const uint8_t *spi_i,
		       const uint8_t *spi_r)
{
	size_t i;

	for (i = 0; i < kt->n_v2; i++)
		if (memcmp(kt->v2[i].spi_i, spi_i, IKS_SPI_LEN) == 0 &&
		    memcmp(kt->v2[i].spi_r, spi_r, IKS_SPI_LEN) == 0)
			break;
	return i;
}

const struct iks_v1_keys *iks_keytab_find_v1(const struct iks_keytab *kt,
					     const uint8_t icookie[IKS_SPI_LEN])
{
	size_t i = v1_index(kt, icookie);

	return i < kt->n_v1 ? &kt->v1[i] : NULL;
}

const struct iks_v2_keys *iks_keytab_find_v2(const struct iks_keytab *kt,
					     const uint8_t spi_i[IKS_SPI_LEN],
					     const uint8_t spi_r[IKS_SPI_LEN])
{
	size_t i = v2_index(kt, spi_i, spi_r);

	return i < kt->n_v2 ? &kt->v2[i] : NULL;
}

int iks_keytab_add_v1(struct iks_keytab *kt, const struct iks_v1_keys *row,
		      char *errbuf, size_t errlen)
{
	size_t at;
	int rc;

	/* RFC 2409 Appendix B: the key is the cipher's, DES's 8 bytes at
	 * the least (3DES 24, AES 16/24/32) */
	if (row->key_len < 8 || row->key_len > IKS_CRYPTO_KEY_MAX) {
		iks_errf(errbuf, errlen, "IKEv1 key has %u bytes, a cipher key has 8 to %u",
			 row->key_len, IKS_CRYPTO_KEY_MAX);
		return IKS_ERR_KEYFILE;
	}
	at = v1_index(kt, row->icookie);
	if (at < kt->n_v1) {
		kt->v1[at] = *row;
		return 0;
	}
	rc = grow_rows((void **)&kt->v1, &kt->cap_v1, kt->n_v1, sizeof(*row));
	if (rc < 0) {
		iks_errf(errbuf, errlen, "out of memory");
		return rc;
	}
	kt->v1[kt->n_v1++] = *row;
	return 0;
}

static const char *integ_label(const struct iks_integ_spec *i, char *buf,
			       size_t len)
{
	const char *n = i->ws_name ? i->ws_name : i->own_name;
	const char *br = strstr(n, " [");

	snprintf(buf, len, "%.*s", br ? (int)(br - n) : (int)strlen(n), n);
	return buf;
}

/* Length checks shared by files and programmatic rows; `field` names the
 * key in the message ("SK_ei"), so a file's error points at its column. */
static int check_enc_len(const struct iks_encr_spec *e, const char *field,
			 size_t got, char *errbuf, size_t errlen)
{
	char label[64];
	size_t need = e->bits / 8u + e->salt;

	if (got == need)
		return 0;
	iks_encr_spec_label(e, label, sizeof(label));
	if (e->salt)
		iks_errf(errbuf, errlen,
			 "%s has %zu bytes, %s needs %zu (%u key + %u salt)",
			 field, got, label, need, e->bits / 8u, e->salt);
	else
		iks_errf(errbuf, errlen, "%s has %zu bytes, %s needs %zu",
			 field, got, label, need);
	return IKS_ERR_KEYFILE;
}

static int check_auth_len(const struct iks_integ_spec *i, const char *field,
			  size_t got, char *errbuf, size_t errlen)
{
	char label[64];

	if (got > IKS_CRYPTO_KEY_MAX) {
		iks_errf(errbuf, errlen, "%s has %zu bytes, more than %u", field,
			 got, IKS_CRYPTO_KEY_MAX);
		return IKS_ERR_KEYFILE;
	}
	if (i->kind == IKS_MAC_UNCHECKED || got == i->key_len)
		return 0;
	iks_errf(errbuf, errlen, "%s has %zu bytes, %s needs %u", field, got,
		 integ_label(i, label, sizeof(label)), i->key_len);
	return IKS_ERR_KEYFILE;
}

static int check_specs(const struct iks_encr_spec *e,
		       const struct iks_integ_spec *i, char *errbuf,
		       size_t errlen)
{
	char label[64];

	if (e->icv && i->kind != IKS_MAC_NONE) {
		iks_encr_spec_label(e, label, sizeof(label));
		iks_errf(errbuf, errlen,
			 "%s is AEAD: integrity must be NONE [RFC4306]",
			 label);
		return IKS_ERR_KEYFILE;
	}
	return 0;
}

int iks_v2_keys_check(const struct iks_v2_keys *k, char *errbuf,
		      size_t errlen)
{
	const struct iks_encr_spec *e = iks_encr_spec_find(k->encr, k->encr_bits);
	const struct iks_integ_spec *i = iks_integ_spec_find(k->integ,
							     k->integ_icv);
	int rc;

	if (!e) {
		iks_errf(errbuf, errlen,
			 "encryption transform %u with %u-bit key not supported",
			 k->encr, k->encr_bits);
		return IKS_ERR_UNSUPPORTED;
	}
	if (!i) {
		iks_errf(errbuf, errlen, "integrity transform %u not supported",
			 k->integ);
		return IKS_ERR_UNSUPPORTED;
	}
	if (k->salt_len != e->salt || k->aead_icv != e->icv ||
	    k->integ_icv != i->icv) {
		iks_errf(errbuf, errlen,
			 "salt/ICV lengths do not match the algorithms");
		return IKS_ERR_INVALID;
	}
	rc = check_specs(e, i, errbuf, errlen);
	if (!rc)
		rc = check_enc_len(e, "SK_e", k->sk_e_len, errbuf, errlen);
	if (!rc)
		rc = check_auth_len(i, "SK_a", k->sk_a_len, errbuf, errlen);
	return rc;
}

int iks_keytab_add_v2(struct iks_keytab *kt, const struct iks_v2_keys *row,
		      char *errbuf, size_t errlen)
{
	size_t at;
	int rc;

	rc = iks_v2_keys_check(row, errbuf, errlen);
	if (rc < 0)
		return rc;
	at = v2_index(kt, row->spi_i, row->spi_r);
	if (at < kt->n_v2) {
		kt->v2[at] = *row;
		return 0;
	}
	rc = grow_rows((void **)&kt->v2, &kt->cap_v2, kt->n_v2, sizeof(*row));
	if (rc < 0) {
		iks_errf(errbuf, errlen, "out of memory");
		return rc;
	}
	kt->v2[kt->n_v2++] = *row;
	return 0;
}

int iks_crypto_v2_set_algs(struct iks_v2_keys *k, uint16_t encr,
			   uint16_t key_bits, uint16_t integ, char *errbuf,
			   size_t errlen)
{
	const struct iks_encr_spec *e;
	const struct iks_integ_spec *i;

	/* 3DES, NULL and ChaCha20 have one key length and no attribute. */
	if (key_bits == 0) {
		e = iks_encr_spec_find(encr, 192);
		if (!e)
			e = iks_encr_spec_find(encr, 0);
		if (!e)
			e = iks_encr_spec_find(encr, 256);
		if (e && e->family == IKS_FAM_AES && e->mode != IKS_MODE_NULL)
			e = NULL; /* AES needs its Key Length attribute */
	} else {
		e = iks_encr_spec_find(encr, key_bits);
	}
	if (!e) {
		iks_errf(errbuf, errlen,
			 "encryption transform %u with %u-bit key not supported",
			 encr, key_bits);
		return IKS_ERR_UNSUPPORTED;
	}
	i = iks_integ_spec_find(integ, 0);
	if (!i || integ == IKS_CRYPTO_INTEG_UNCHECKED) {
		iks_errf(errbuf, errlen, "integrity transform %u not supported",
			 integ);
		return IKS_ERR_UNSUPPORTED;
	}
	k->encr = e->id;
	k->encr_bits = e->bits;
	k->salt_len = e->salt;
	k->aead_icv = e->icv;
	k->integ = i->id;
	k->integ_icv = i->icv;
	if (k->sk_e_len || k->sk_a_len)
		return iks_v2_keys_check(k, errbuf, errlen);
	return 0;
}

/* ------------------------------------------------------------ reading */

/* One line split into fields; field text is copied and NUL-terminated so
 * the name lookups can use string functions. */
struct fields {
	size_t n;
	char f[MAX_FIELDS][FIELD_MAX];
};

static void wipe_fields(struct fields *fl)
{
	iks_crypto_wipe(fl, sizeof(*fl));
}

static bool is_blank(uint8_t c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Copy text [from, to) of a line into a field, trimmed. */
static int put_field(struct fields *fl, const char *line, size_t from,
		     size_t to)
{
	while (from < to && is_blank((uint8_t)line[from]))
		from++;
	while (to > from && is_blank((uint8_t)line[to - 1]))
		to--;
	if (fl->n >= MAX_FIELDS || to - from >= FIELD_MAX)
		return -1;
	memcpy(fl->f[fl->n], line + from, to - from);
	fl->f[fl->n][to - from] = '\0';
	fl->n++;
	return 0;
}

/*
 * Split a Wireshark UAT line at commas.  A field may be double-quoted
 * (Wireshark quotes strings); quotes are removed.
 */
static int split_csv(const char *line, size_t len, struct fields *fl)
{
	size_t i = 0;

	fl->n = 0;
	for (;;) {
		size_t start = i;

		while (i < len && is_blank((uint8_t)line[i]))
			i++;
		if (i < len && line[i] == '"') {
			size_t q = ++i;

			while (i < len && line[i] != '"')
				i++;
			if (i >= len)
				return -2; /* unterminated quote */
			if (put_field(fl, line, q, i) < 0)
				return -1;
			i++;
			while (i < len && is_blank((uint8_t)line[i]))
				i++;
			if (i < len && line[i] != ',')
				return -3;
		} else {
			while (i < len && line[i] != ',')
				i++;
			if (put_field(fl, line, start, i) < 0)
				return -1;
		}
		if (i >= len)
			return 0;
		i++; /* the comma */
	}
}

/* Split at blanks (tcpdump format). */
static int split_words(const char *line, size_t len, struct fields *fl)
{
	size_t i = 0;

	fl->n = 0;
	while (i < len) {
		size_t start;

		while (i < len && is_blank((uint8_t)line[i]))
			i++;
		if (i >= len)
			break;
		start = i;
		while (i < len && !is_blank((uint8_t)line[i]))
			i++;
		if (put_field(fl, line, start, i) < 0)
			return -1;
	}
	return 0;
}

struct loader {
	const char *name;
	unsigned line;
	char *errbuf;
	size_t errlen;
	struct iks_keytab tmp;
	/* tcpdump lines come in I/R halves: which halves each tmp.v2 row
	 * got (bit 0 I, bit 1 R) and the line of its first half */
	struct half {
		unsigned line;
		uint8_t mask;
	} *halves;
	size_t halves_cap;
};

static int load_err(struct loader *ld, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int mark_half(struct loader *ld, const uint8_t *spi_i,
		     const uint8_t *spi_r, uint8_t mask);

static int load_err(struct loader *ld, int rc, const char *fmt, ...)
{
	char msg[IKS_ERRBUF_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	iks_errf(ld->errbuf, ld->errlen, "%s:%u: %s", ld->name, ld->line, msg);
	return rc;
}

/* Hex field into bytes; "0x" allowed; `what` names the field. */
static int hex_field(struct loader *ld, const char *what, const char *text,
		     uint8_t *out, size_t cap, size_t *out_len)
{
	const char *why = NULL;
	size_t len = strlen(text);
	int n;

	if (len >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		text += 2;
		len -= 2;
	}
	n = iks_hex_decode(text, len, out, cap, &why);
	if (n < 0)
		return load_err(ld, IKS_ERR_KEYFILE, "%s: %s", what, why);
	*out_len = (size_t)n;
	return 0;
}

static int spi_field(struct loader *ld, const char *what, const char *text,
		     uint8_t out[IKS_SPI_LEN])
{
	uint8_t buf[IKS_CRYPTO_KEY_MAX];
	size_t n = 0;
	int rc = hex_field(ld, what, text, buf, sizeof(buf), &n);

	if (rc < 0)
		return rc;
	if (n != IKS_SPI_LEN)
		return load_err(ld, IKS_ERR_KEYFILE,
				"%s has %zu bytes, must be 8 (16 hex digits)",
				what, n);
	memcpy(out, buf, IKS_SPI_LEN);
	return 0;
}

static int line_v1(struct loader *ld, const struct fields *fl)
{
	struct iks_v1_keys row;
	size_t n = 0;
	int rc;

	memset(&row, 0, sizeof(row));
	rc = spi_field(ld, "initiator cookie", fl->f[0], row.icookie);
	if (!rc)
		rc = hex_field(ld, "encryption key", fl->f[1], row.key,
			       sizeof(row.key), &n);
	if (!rc && n == 0)
		rc = load_err(ld, IKS_ERR_KEYFILE, "encryption key is empty");
	if (!rc) {
		char msg[IKS_ERRBUF_SIZE];

		row.key_len = (uint8_t)n;
		rc = iks_keytab_add_v1(&ld->tmp, &row, msg, sizeof(msg));
		if (rc < 0)
			load_err(ld, rc, "%s", msg);
	}
	iks_crypto_wipe(&row, sizeof(row));
	return rc;
}

static void set_algs(struct iks_v2_keys *k, const struct iks_encr_spec *e,
		     const struct iks_integ_spec *i)
{
	k->encr = e->id;
	k->encr_bits = e->bits;
	k->salt_len = e->salt;
	k->aead_icv = e->icv;
	k->integ = i->id;
	k->integ_icv = i->icv;
}

/* Decode one SK_* field and check its length against the algorithm. */
static int key_field(struct loader *ld, const char *what, const char *text,
		     const struct iks_encr_spec *e,
		     const struct iks_integ_spec *i, uint8_t *out,
		     uint8_t *out_len)
{
	char msg[IKS_ERRBUF_SIZE];
	size_t n = 0;
	int rc = hex_field(ld, what, text, out, IKS_CRYPTO_KEY_MAX, &n);

	if (rc < 0)
		return rc;
	rc = e ? check_enc_len(e, what, n, msg, sizeof(msg)) :
		 check_auth_len(i, what, n, msg, sizeof(msg));
	if (rc < 0)
		return load_err(ld, rc, "%s", msg);
	*out_len = (uint8_t)n;
	return 0;
}

static int line_v2(struct loader *ld, const struct fields *fl)
{
	const struct iks_encr_spec *e = iks_encr_spec_by_name(fl->f[4]);
	const struct iks_integ_spec *i = iks_integ_spec_by_name(fl->f[7]);
	struct iks_v2_keys k;
	uint8_t len_r = 0, alen_r = 0;
	char msg[IKS_ERRBUF_SIZE];
	int rc;

	if (!e)
		return load_err(ld, IKS_ERR_UNSUPPORTED,
				"unknown encryption algorithm \"%s\"",
				fl->f[4]);
	if (!i)
		return load_err(ld, IKS_ERR_UNSUPPORTED,
				"unknown integrity algorithm \"%s\"", fl->f[7]);
	if (check_specs(e, i, msg, sizeof(msg)) < 0)
		return load_err(ld, IKS_ERR_KEYFILE, "%s", msg);
	memset(&k, 0, sizeof(k));
	set_algs(&k, e, i);
	rc = spi_field(ld, "SPIi", fl->f[0], k.spi_i);
	if (!rc)
		rc = spi_field(ld, "SPIr", fl->f[1], k.spi_r);
	if (!rc)
		rc = key_field(ld, "SK_ei", fl->f[2], e, NULL, k.sk_ei,
			       &k.sk_e_len);
	if (!rc)
		rc = key_field(ld, "SK_er", fl->f[3], e, NULL, k.sk_er, &len_r);
	if (!rc)
		rc = key_field(ld, "SK_ai", fl->f[5], NULL, i, k.sk_ai,
			       &k.sk_a_len);
	if (!rc)
		rc = key_field(ld, "SK_ar", fl->f[6], NULL, i, k.sk_ar, &alen_r);
	if (!rc && alen_r != k.sk_a_len)
		rc = load_err(ld, IKS_ERR_KEYFILE,
			      "SK_ai has %u bytes but SK_ar %u", k.sk_a_len,
			      alen_r);
	if (!rc) {
		rc = iks_keytab_add_v2(&ld->tmp, &k, msg, sizeof(msg));
		if (rc < 0)
			load_err(ld, rc, "%s", msg);
	}
	if (!rc)
		rc = mark_half(ld, k.spi_i, k.spi_r, 3);
	iks_crypto_wipe(&k, sizeof(k));
	return rc;
}

/* ---- tcpdump -E "ikev2 I|R 0xSPIi 0xSPIr alg:0xkey alg:0xkey" ---- */

struct tcpdump_alias {
	const char *name;
	uint16_t bits; /* 0: from the key length */
	const char *spec; /* our Wireshark/own name */
};

/* OpenSSL cipher names as tcpdump takes them (it strips "-cbc"), and
 * libreswan's "aes128"-style names. */
static const struct tcpdump_alias tcpdump_encr[] = {
	{ "null", 0, "NULL [RFC2410]" },
	{ "3des", 0, "3DES [RFC2451]" },
	{ "des-ede3", 0, "3DES [RFC2451]" },
	{ "aes", 0, NULL },
	{ "aes128", 0, "AES-CBC-128 [RFC3602]" },
	{ "aes-128", 0, "AES-CBC-128 [RFC3602]" },
	{ "aes192", 0, "AES-CBC-192 [RFC3602]" },
	{ "aes-192", 0, "AES-CBC-192 [RFC3602]" },
	{ "aes256", 0, "AES-CBC-256 [RFC3602]" },
	{ "aes-256", 0, "AES-CBC-256 [RFC3602]" },
};

static const struct tcpdump_alias tcpdump_integ[] = {
	{ "none", 0, "NONE [RFC4306]" },
	{ "md5", 0, "HMAC_MD5_96 [RFC2403]" },
	{ "sha1", 0, "HMAC_SHA1_96 [RFC2404]" },
	{ "sha2_256", 0, "HMAC_SHA2_256_128 [RFC4868]" },
	{ "sha256", 0, "HMAC_SHA2_256_128 [RFC4868]" },
	{ "sha2_384", 0, "HMAC_SHA2_384_192 [RFC4868]" },
	{ "sha384", 0, "HMAC_SHA2_384_192 [RFC4868]" },
	{ "sha2_512", 0, "HMAC_SHA2_512_256 [RFC4868]" },
	{ "sha512", 0, "HMAC_SHA2_512_256 [RFC4868]" },
	{ "aes_xcbc", 0, "AES-XCBC-96 [RFC3566]" },
	{ "aes_cmac", 0, "AES-CMAC-96 [RFC4494]" },
};

static void strip_suffix(char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	if (n > m && strcasecmp(s + n - m, suffix) == 0)
		s[n - m] = '\0';
}

static const struct iks_encr_spec *tcpdump_encr_spec(const char *alg,
						     size_t key_len)
{
	char n[64];

	snprintf(n, sizeof(n), "%s", alg);
	strip_suffix(n, "-hmac96");
	strip_suffix(n, "-cbc");
	for (size_t j = 0; j < sizeof(tcpdump_encr) / sizeof(tcpdump_encr[0]); j++) {
		if (strcasecmp(tcpdump_encr[j].name, n) != 0)
			continue;
		if (tcpdump_encr[j].spec)
			return iks_encr_spec_by_name(tcpdump_encr[j].spec);
		return iks_encr_spec_find(IKS_V2_ENCR_AES_CBC,
					  (uint16_t)(key_len * 8));
	}
	return NULL;
}

static const struct iks_integ_spec *tcpdump_integ_spec(const char *alg)
{
	const char *n = alg;

	if (strncasecmp(n, "hmac-", 5) == 0 || strncasecmp(n, "hmac_", 5) == 0)
		n += 5;
	for (size_t j = 0; j < sizeof(tcpdump_integ) / sizeof(tcpdump_integ[0]); j++)
		if (strcasecmp(tcpdump_integ[j].name, n) == 0)
			return iks_integ_spec_by_name(tcpdump_integ[j].spec);
	return NULL;
}

/* "alg:0xhex" -> alg (in place) and key bytes */
static int alg_key_token(struct loader *ld, char *tok, const char **alg,
			 uint8_t *key, size_t *key_len)
{
	char *colon = strchr(tok, ':');

	if (!colon)
		return load_err(ld, IKS_ERR_KEYFILE,
				"\"%s\" is not ALGORITHM:0xKEY", tok);
	*colon = '\0';
	*alg = tok;
	if (strncasecmp(colon + 1, "0x", 2) != 0)
		return load_err(ld, IKS_ERR_KEYFILE,
				"%s: key must be written 0x<hex>", tok);
	return hex_field(ld, tok, colon + 1, key, IKS_CRYPTO_KEY_MAX, key_len);
}

/* One direction's keys from a tcpdump line. */
struct tcpdump_half {
	const struct iks_encr_spec *e;
	const struct iks_integ_spec *i;
	uint8_t ekey[IKS_CRYPTO_KEY_MAX], akey[IKS_CRYPTO_KEY_MAX];
	size_t elen, alen;
};

/* tcpdump reads integrity first, libreswan's older logs wrote encryption
 * first: the two ALG:0xKEY words are told apart by name. */
static int tcpdump_algs(struct loader *ld, struct fields *fl,
			struct tcpdump_half *h, bool initiator)
{
	char msg[IKS_ERRBUF_SIZE];
	uint8_t tkey[IKS_CRYPTO_KEY_MAX];
	int rc = 0;

	for (size_t t = 4; t < 6 && !rc; t++) {
		const char *alg = "";
		size_t tlen = 0;

		rc = alg_key_token(ld, fl->f[t], &alg, tkey, &tlen);
		if (rc)
			break;
		if (!h->i && tcpdump_integ_spec(alg)) {
			h->i = tcpdump_integ_spec(alg);
			memcpy(h->akey, tkey, tlen);
			h->alen = tlen;
		} else if (!h->e && tcpdump_encr_spec(alg, tlen)) {
			h->e = tcpdump_encr_spec(alg, tlen);
			memcpy(h->ekey, tkey, tlen);
			h->elen = tlen;
		} else {
			rc = load_err(ld, IKS_ERR_UNSUPPORTED,
				      "unknown algorithm \"%s\"", alg);
		}
	}
	iks_crypto_wipe(tkey, sizeof(tkey));
	if (rc)
		return rc;
	if (!h->e || !h->i)
		return load_err(ld, IKS_ERR_KEYFILE,
				"need one encryption and one integrity key");
	if (check_enc_len(h->e, initiator ? "SK_ei" : "SK_er", h->elen, msg,
			  sizeof(msg)) < 0 ||
	    check_auth_len(h->i, initiator ? "SK_ai" : "SK_ar", h->alen, msg,
			   sizeof(msg)) < 0)
		return load_err(ld, IKS_ERR_KEYFILE, "%s", msg);
	return 0;
}

/* The first half of an SA makes its row (both directions filled with
 * this half until the other line comes); the second fills its half. */
static int tcpdump_merge(struct loader *ld, struct iks_v2_keys *k,
			 const struct tcpdump_half *h, bool initiator)
{
	size_t at = v2_index(&ld->tmp, k->spi_i, k->spi_r);
	char msg[IKS_ERRBUF_SIZE];
	struct iks_v2_keys *row;
	int rc;

	if (at >= ld->tmp.n_v2) {
		set_algs(k, h->e, h->i);
		k->sk_e_len = (uint8_t)h->elen;
		k->sk_a_len = (uint8_t)h->alen;
		memcpy(k->sk_ei, h->ekey, h->elen);
		memcpy(k->sk_er, h->ekey, h->elen);
		memcpy(k->sk_ai, h->akey, h->alen);
		memcpy(k->sk_ar, h->akey, h->alen);
		rc = iks_keytab_add_v2(&ld->tmp, k, msg, sizeof(msg));
		return rc < 0 ? load_err(ld, rc, "%s", msg) : 0;
	}
	row = &ld->tmp.v2[at];
	if (row->encr != h->e->id || row->encr_bits != h->e->bits ||
	    row->integ != h->i->id)
		return load_err(ld, IKS_ERR_KEYFILE,
				"algorithms differ from the other half of this SA");
	memcpy(initiator ? row->sk_ei : row->sk_er, h->ekey, h->elen);
	memcpy(initiator ? row->sk_ai : row->sk_ar, h->akey, h->alen);
	return 0;
}

static int line_tcpdump(struct loader *ld, struct fields *fl)
{
	struct tcpdump_half h;
	struct iks_v2_keys k;
	bool initiator;
	int rc;

	if (fl->n != 6)
		return load_err(ld, IKS_ERR_KEYFILE,
				"expected: ikev2 I|R 0xSPIi 0xSPIr ALG:0xKEY ALG:0xKEY");
	if (strcmp(fl->f[1], "I") != 0 && strcmp(fl->f[1], "R") != 0)
		return load_err(ld, IKS_ERR_KEYFILE,
				"\"%s\": second word must be I or R", fl->f[1]);
	initiator = fl->f[1][0] == 'I';
	memset(&k, 0, sizeof(k));
	memset(&h, 0, sizeof(h));
	rc = spi_field(ld, "SPIi", fl->f[2], k.spi_i);
	if (!rc)
		rc = spi_field(ld, "SPIr", fl->f[3], k.spi_r);
	if (!rc)
		rc = tcpdump_algs(ld, fl, &h, initiator);
	if (!rc)
		rc = tcpdump_merge(ld, &k, &h, initiator);
	if (!rc)
		rc = mark_half(ld, k.spi_i, k.spi_r, initiator ? 1 : 2);
	iks_crypto_wipe(&h, sizeof(h));
	iks_crypto_wipe(&k, sizeof(k));
	return rc;
}

static bool starts_with_word(const char *line, size_t len, const char *w)
{
	size_t n = strlen(w);

	return len > n && strncasecmp(line, w, n) == 0 &&
	       is_blank((uint8_t)line[n]);
}

/* Wireshark's esp_sa rows start with the address family: "IPv4",
 * "IPv6" or "Any IP". */
static bool is_esp_sa_row(const struct fields *fl)
{
	return strcmp(fl->f[0], "IPv4") == 0 || strcmp(fl->f[0], "IPv6") == 0 ||
	       strcmp(fl->f[0], "Any IP") == 0;
}

static int load_line(struct loader *ld, const char *line, size_t len)
{
	struct fields *fl;
	size_t i = 0;
	int rc;

	while (i < len && is_blank((uint8_t)line[i]))
		i++;
	if (i == len || line[i] == '#')
		return 0;
	fl = malloc(sizeof(*fl));
	if (!fl)
		return load_err(ld, IKS_ERR_NOMEM, "out of memory");
	if (starts_with_word(line + i, len - i, "ikev2")) {
		rc = split_words(line + i, len - i, fl);
		if (rc < 0)
			rc = load_err(ld, IKS_ERR_KEYFILE, "field too long");
		else
			rc = line_tcpdump(ld, fl);
		goto out;
	}
	rc = split_csv(line + i, len - i, fl);
	if (rc == -2) {
		rc = load_err(ld, IKS_ERR_KEYFILE, "unterminated quote");
	} else if (rc < 0) {
		rc = load_err(ld, IKS_ERR_KEYFILE,
			      "too many or too long fields");
	} else if (fl->n == 2) {
		rc = line_v1(ld, fl);
	} else if (fl->n == 8 && is_esp_sa_row(fl)) {
		rc = 0; /* Wireshark esp_sa (also written by save-keys): not IKE */
	} else if (fl->n == 8) {
		rc = line_v2(ld, fl);
	} else {
		rc = load_err(ld, IKS_ERR_KEYFILE,
			      "%zu fields; expected 2 (ikev1_decryption_table: "
			      "icookie,key) or 8 (ikev2_decryption_table: "
			      "SPIi,SPIr,SK_ei,SK_er,encr,SK_ai,SK_ar,integ)",
			      fl->n);
	}
out:
	wipe_fields(fl);
	free(fl);
	return rc;
}

static int mark_half(struct loader *ld, const uint8_t *spi_i,
		     const uint8_t *spi_r, uint8_t mask)
{
	const struct iks_v2_keys *row = iks_keytab_find_v2(&ld->tmp, spi_i,
							   spi_r);
	size_t idx;

	if (!row)
		return 0;
	idx = (size_t)(row - ld->tmp.v2);
	if (idx >= ld->halves_cap) {
		size_t ncap = ld->tmp.cap_v2;
		struct half *nh = realloc(ld->halves, ncap * sizeof(*nh));

		if (!nh)
			return load_err(ld, IKS_ERR_NOMEM, "out of memory");
		memset(nh + ld->halves_cap, 0,
		       (ncap - ld->halves_cap) * sizeof(*nh));
		ld->halves = nh;
		ld->halves_cap = ncap;
	}
	if (!ld->halves[idx].mask)
		ld->halves[idx].line = ld->line;
	ld->halves[idx].mask |= mask;
	return 0;
}

/* A row made from an "ikev2 I" line needs its "ikev2 R" line, or half of
 * the SA's messages would be decrypted with the wrong keys. */
static int check_halves(struct loader *ld)
{
	for (size_t i = 0; i < ld->tmp.n_v2 && i < ld->halves_cap; i++) {
		if (ld->halves[i].mask == 3)
			continue;
		ld->line = ld->halves[i].line;
		return load_err(ld, IKS_ERR_KEYFILE,
				"\"ikev2 %c\" line has no \"ikev2 %c\" line for "
				"the same SPIs", ld->halves[i].mask == 1 ? 'I' : 'R',
				ld->halves[i].mask == 1 ? 'R' : 'I');
	}
	return 0;
}

int iks_keytab_load_mem(struct iks_keytab *kt, const char *name,
			const char *text, size_t len, char *errbuf,
			size_t errlen)
{
	struct loader ld;
	struct iks_cur cur = iks_cur_make((const uint8_t *)text, len);
	int rc = 0;

	memset(&ld, 0, sizeof(ld));
	ld.name = name ? name : "keys";
	ld.errbuf = errbuf;
	ld.errlen = errlen;
	/* a UTF-8 byte order mark, as Windows editors write it */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		iks_cur_skip(&cur, 3);
	while (iks_cur_left(&cur) > 0 && rc == 0) {
		size_t start = cur.off, n = 0;
		uint8_t c = 0;

		ld.line++;
		while (iks_cur_u8(&cur, &c) && c != '\n')
			n++;
		if (n > LINE_MAX_LEN) {
			rc = load_err(&ld, IKS_ERR_KEYFILE, "line too long");
			break;
		}
		rc = load_line(&ld, text + start, n);
	}
	if (rc == 0)
		rc = check_halves(&ld);
	for (size_t i = 0; rc == 0 && i < ld.tmp.n_v1; i++)
		rc = iks_keytab_add_v1(kt, &ld.tmp.v1[i], errbuf, errlen);
	for (size_t i = 0; rc == 0 && i < ld.tmp.n_v2; i++)
		rc = iks_keytab_add_v2(kt, &ld.tmp.v2[i], errbuf, errlen);
	iks_keytab_free(&ld.tmp);
	free(ld.halves);
	return rc;
}

int iks_keytab_load(struct iks_keytab *kt, const char *path, char *errbuf,
		    size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n, cap = (size_t)64 * 1024, len = 0;
	int rc;

	if (!f) {
		iks_errf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return IKS_ERR_IO;
	}
	buf = malloc(cap);
	if (!buf) {
		fclose(f);
		iks_errf(errbuf, errlen, "out of memory");
		return IKS_ERR_NOMEM;
	}
	for (;;) {
		if (len == cap) {
			char *nbuf;

			if (cap >= KEYFILE_MAX) {
				rc = IKS_ERR_KEYFILE;
				iks_errf(errbuf, errlen,
					 "%s: larger than %u bytes", path,
					 KEYFILE_MAX);
				goto out;
			}
			/* not realloc: the old buffer holds keys */
			nbuf = malloc(cap * 2);
			if (!nbuf) {
				rc = IKS_ERR_NOMEM;
				iks_errf(errbuf, errlen, "out of memory");
				goto out;
			}
			memcpy(nbuf, buf, len);
			iks_crypto_wipe(buf, cap);
			free(buf);
			buf = nbuf;
			cap *= 2;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		rc = IKS_ERR_IO;
		iks_errf(errbuf, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	rc = iks_keytab_load_mem(kt, path, buf, len, errbuf, errlen);
out:
	iks_crypto_wipe(buf, cap);
	free(buf);
	fclose(f);
	return rc;
}

/* ------------------------------------------------------------ writing */

const char *iks_crypto_v2_encr_name(const struct iks_v2_keys *k)
{
	const struct iks_encr_spec *e = iks_encr_spec_find(k->encr, k->encr_bits);

	return e ? e->ws_name : NULL;
}

const char *iks_crypto_v2_integ_name(const struct iks_v2_keys *k)
{
	const struct iks_integ_spec *i = iks_integ_spec_find(k->integ,
							     k->integ_icv);

	if (i && !i->ws_name)
		/* Wireshark cannot check XCBC/CMAC but can strip them */
		i = iks_integ_spec_find(IKS_CRYPTO_INTEG_UNCHECKED, i->icv);
	return i ? i->ws_name : NULL;
}

static void put_hex(struct iks_wr *w, const uint8_t *p, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		iks_wr_u8(w, (uint8_t)digits[p[i] >> 4]);
		iks_wr_u8(w, (uint8_t)digits[p[i] & 15]);
	}
}

static void put_str(struct iks_wr *w, const char *s)
{
	iks_wr_bytes(w, s, strlen(s));
}

static int finish(struct iks_wr *w, char *buf, size_t len)
{
	iks_wr_u8(w, 0);
	if (w->overflow) {
		if (len)
			buf[0] = '\0';
		return IKS_ERR_OVERFLOW;
	}
	return (int)(w->len - 1);
}

int iks_keytab_format_v1(const struct iks_v1_keys *row, char *buf, size_t len)
{
	struct iks_wr w = iks_wr_make((uint8_t *)buf, len);

	put_hex(&w, row->icookie, IKS_SPI_LEN);
	iks_wr_u8(&w, ',');
	put_hex(&w, row->key, row->key_len);
	return finish(&w, buf, len);
}

int iks_keytab_format_v2(const struct iks_v2_keys *row, char *buf, size_t len)
{
	const char *en = iks_crypto_v2_encr_name(row);
	const char *in = iks_crypto_v2_integ_name(row);
	struct iks_wr w = iks_wr_make((uint8_t *)buf, len);

	if (!en || !in) {
		if (len)
			buf[0] = '\0';
		return IKS_ERR_UNSUPPORTED;
	}
	put_hex(&w, row->spi_i, IKS_SPI_LEN);
	iks_wr_u8(&w, ',');
	put_hex(&w, row->spi_r, IKS_SPI_LEN);
	iks_wr_u8(&w, ',');
	put_hex(&w, row->sk_ei, row->sk_e_len);
	iks_wr_u8(&w, ',');
	put_hex(&w, row->sk_er, row->sk_e_len);
	put_str(&w, ",\"");
	put_str(&w, en);
	put_str(&w, "\",");
	put_hex(&w, row->sk_ai, row->sk_a_len);
	iks_wr_u8(&w, ',');
	put_hex(&w, row->sk_ar, row->sk_a_len);
	put_str(&w, ",\"");
	put_str(&w, in);
	iks_wr_u8(&w, '"');
	return finish(&w, buf, len);
}

int iks_keytab_write(const struct iks_keytab *kt, enum iks_keytab_kind kind,
		     FILE *out, size_t *skipped, char *errbuf, size_t errlen)
{
	char line[2 * (4 * IKS_CRYPTO_KEY_MAX + 2 * IKS_SPI_LEN) + 256];
	size_t n = kind == IKS_KEYTAB_V1 ? kt->n_v1 : kt->n_v2;
	size_t skip = 0;
	int rc = 0;

	if (kind != IKS_KEYTAB_V1 && kind != IKS_KEYTAB_V2) {
		iks_errf(errbuf, errlen, "unknown key table kind %d", kind);
		return IKS_ERR_USAGE;
	}
	if (fputs("# This file is automatically generated, DO NOT MODIFY.\n",
		  out) == EOF)
		rc = IKS_ERR_IO;
	for (size_t i = 0; i < n && rc == 0; i++) {
		int len = kind == IKS_KEYTAB_V1 ?
			  iks_keytab_format_v1(&kt->v1[i], line, sizeof(line)) :
			  iks_keytab_format_v2(&kt->v2[i], line, sizeof(line));

		if (len == IKS_ERR_UNSUPPORTED) {
			skip++;
			continue;
		}
		if (len < 0) {
			rc = len;
			break;
		}
		if (fprintf(out, "%s\n", line) < 0)
			rc = IKS_ERR_IO;
	}
	iks_crypto_wipe(line, sizeof(line));
	if (rc == 0 && fflush(out) == EOF)
		rc = IKS_ERR_IO;
	if (rc == IKS_ERR_IO)
		iks_errf(errbuf, errlen, "write error: %s", strerror(errno));
	else if (rc < 0)
		iks_errf(errbuf, errlen, "%s", iks_strerror(rc));
	if (skipped)
		*skipped = skip;
	return rc;
}

int iks_crypto_key_format(char *buf, size_t len, const uint8_t *key,
			  size_t key_len, bool reveal)
{
	size_t shown = reveal ? key_len : (key_len < 2 ? key_len : 2);
	size_t need = 2 * shown;
	char tail[48];
	size_t o = 0;

	if (!reveal) {
		snprintf(tail, sizeof(tail), "...(%zu bytes)", key_len);
		need += strlen(tail);
	}
	for (size_t i = 0; i < shown; i++) {
		static const char digits[] = "0123456789abcdef";

		if (o + 2 < len) {
			buf[o++] = digits[key[i] >> 4];
			buf[o++] = digits[key[i] & 15];
		}
	}
	if (!reveal)
		for (size_t i = 0; tail[i] && o + 1 < len; i++)
			buf[o++] = tail[i];
	if (len)
		buf[o < len ? o : len - 1] = '\0';
	return need > INT32_MAX ? INT32_MAX : (int)need;
}
