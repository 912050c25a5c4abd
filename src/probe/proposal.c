/*
 * proposal.c - strongSwan proposal syntax ("aes256-sha256-modp2048",
 * comma-separated lists) to algorithm sets, discovery presets, and the
 * mapping between IKEv2 and IKEv1 numbers.  Keywords come from the
 * constant tables (consts.h / names.h), not from a second list.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ikescope/consts.h"
#include "ikescope/names.h"
#include "probe/probe_int.h"

bool pp_encr_aead(uint16_t id)
{
	return (iks_flags(IKS_TAB_V2_ENCR, id) & IKS_F_AEAD) != 0;
}

void pp_kw(unsigned type, uint16_t id, uint16_t bits, char *buf, size_t len)
{
	if (iks_keyword_v2(type, id, bits, buf, len) < 0)
		snprintf(buf, len, "%u", id);
}

static bool add16(uint16_t *arr, uint8_t *n, uint16_t v)
{
	for (unsigned i = 0; i < *n; i++)
		if (arr[i] == v)
			return true;
	if (*n >= PP_MAX)
		return false;
	arr[(*n)++] = v;
	return true;
}

static bool add_encr(struct pp *p, uint16_t id, uint16_t bits)
{
	for (unsigned i = 0; i < p->n_encr; i++)
		if (p->encr[i].id == id && p->encr[i].bits == bits)
			return true;
	if (p->n_encr >= PP_MAX)
		return false;
	p->encr[p->n_encr].id = id;
	p->encr[p->n_encr++].bits = bits;
	return true;
}

/* Aliases strongSwan accepts besides the table keywords. */
static const char *alias(const char *tok, char *buf, size_t len)
{
	static const struct { const char *from, *to; } a[] = {
		{ "aes", "aes128" },           { "aesgcm16", "aes128gcm16" },
		{ "aes128gcm", "aes128gcm16" }, { "aes192gcm", "aes192gcm16" },
		{ "aes256gcm", "aes256gcm16" }, { "sha", "sha1" },
		{ "sha2_256", "sha256" },      { "sha2_384", "sha384" },
		{ "sha2_512", "sha512" },      { "prfsha", "prfsha1" },
		{ "curve25519", "x25519" },    { "curve448", "x448" },
		{ "camellia", "camellia128" }, { "chacha20poly1305_256", "chacha20poly1305" },
	};

	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++)
		if (!strcmp(tok, a[i].from)) {
			snprintf(buf, len, "%s", a[i].to);
			return buf;
		}
	return tok;
}

/* Which transform type and id a keyword names; false when none. */
static bool lookup(const char *tok, unsigned *type, uint16_t *id, uint16_t *bits)
{
	static const unsigned types[] = { IKS_V2_XFT_ENCR, IKS_V2_XFT_INTEG, IKS_V2_XFT_PRF,
					  IKS_V2_XFT_KE, IKS_V2_XFT_ESN };
	static const uint16_t sizes[] = { 0, 128, 192, 256 };
	char kw[48];

	for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
		size_t n = 0;
		const struct iks_name_entry *rows =
			iks_table_rows(iks_v2_transform_table(types[t]), &n);

		for (size_t r = 0; r < n; r++) {
			if (!rows[r].keyword)
				continue;
			for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
				bool keylen = (rows[r].flags & IKS_F_KEYLEN) != 0;

				if (types[t] != IKS_V2_XFT_ENCR && s)
					break;
				if (keylen != (sizes[s] != 0))
					continue;
				if (iks_keyword_v2(types[t], rows[r].value, sizes[s], kw,
						   sizeof kw) < 0)
					continue;
				if (!strcmp(kw, tok)) {
					*type = types[t];
					*id = (uint16_t)rows[r].value;
					*bits = sizes[s];
					return true;
				}
			}
		}
	}
	return false;
}

uint16_t pp_v2_prf_of_integ(uint16_t integ)
{
	switch (integ) {
	case IKS_V2_INTEG_HMAC_MD5_96:
	case IKS_V2_INTEG_HMAC_MD5_128:
		return IKS_V2_PRF_HMAC_MD5;
	case IKS_V2_INTEG_HMAC_SHA1_96:
	case IKS_V2_INTEG_HMAC_SHA1_160:
		return IKS_V2_PRF_HMAC_SHA1;
	case IKS_V2_INTEG_AES_XCBC_96:
		return IKS_V2_PRF_AES128_XCBC;
	case IKS_V2_INTEG_AES_CMAC_96:
		return IKS_V2_PRF_AES128_CMAC;
	case IKS_V2_INTEG_HMAC_SHA2_256_128:
		return IKS_V2_PRF_HMAC_SHA2_256;
	case IKS_V2_INTEG_HMAC_SHA2_384_192:
		return IKS_V2_PRF_HMAC_SHA2_384;
	case IKS_V2_INTEG_HMAC_SHA2_512_256:
		return IKS_V2_PRF_HMAC_SHA2_512;
	}
	return 0;
}

static int parse_one(const char *s, size_t len, bool esp, struct pp *p, char *errbuf,
		     size_t errlen)
{
	char tok[48], ab[48];
	size_t i = 0;

	memset(p, 0, sizeof *p);
	while (i < len) {
		size_t j = i, k = 0;
		unsigned type = 0;
		uint16_t id = 0, bits = 0;
		const char *t;

		while (j < len && s[j] != '-')
			j++;
		for (size_t c = i; c < j && k + 1 < sizeof tok; c++)
			if (!isspace((unsigned char)s[c]))
				tok[k++] = (char)tolower((unsigned char)s[c]);
		tok[k] = '\0';
		i = j + 1;
		if (!k)
			continue;
		t = alias(tok, ab, sizeof ab);
		if (!lookup(t, &type, &id, &bits) || (esp && type == IKS_V2_XFT_PRF) ||
		    (!esp && type == IKS_V2_XFT_ESN)) {
			iks_errf(errbuf, errlen, "unknown %s algorithm keyword '%s'",
				 esp ? "ESP" : "IKE", tok);
			return IKS_ERR_USAGE;
		}
		switch (type) {
		case IKS_V2_XFT_ENCR:
			add_encr(p, id, bits);
			break;
		case IKS_V2_XFT_INTEG:
			add16(p->integ, &p->n_integ, id);
			break;
		case IKS_V2_XFT_PRF:
			add16(p->prf, &p->n_prf, id);
			break;
		case IKS_V2_XFT_KE:
			if (id)
				add16(p->dh, &p->n_dh, id);
			break;
		case IKS_V2_XFT_ESN:
			p->esn[p->n_esn < 2 ? p->n_esn++ : 1] = id;
			break;
		}
	}
	if (!p->n_encr) {
		iks_errf(errbuf, errlen, "proposal '%.*s' has no encryption algorithm",
			 (int)len, s);
		return IKS_ERR_USAGE;
	}
	if (!esp && !p->n_dh) {
		iks_errf(errbuf, errlen, "IKE proposal '%.*s' has no key exchange group",
			 (int)len, s);
		return IKS_ERR_USAGE;
	}
	/* strongSwan: the PRFs follow the integrity algorithms when none is
	 * given; an AEAD-only IKE proposal gets the SHA-2 PRFs */
	if (!esp && !p->n_prf) {
		for (unsigned n = 0; n < p->n_integ; n++) {
			uint16_t f = pp_v2_prf_of_integ(p->integ[n]);

			if (f)
				add16(p->prf, &p->n_prf, f);
		}
		if (!p->n_prf) {
			add16(p->prf, &p->n_prf, IKS_V2_PRF_HMAC_SHA2_256);
			add16(p->prf, &p->n_prf, IKS_V2_PRF_HMAC_SHA2_384);
			add16(p->prf, &p->n_prf, IKS_V2_PRF_HMAC_SHA2_512);
		}
	}
	for (unsigned n = 0; n < p->n_encr; n++) {
		if (!pp_encr_aead(p->encr[n].id) && !p->n_integ) {
			iks_errf(errbuf, errlen,
				 "proposal '%.*s' has a non-AEAD cipher but no integrity "
				 "algorithm", (int)len, s);
			return IKS_ERR_USAGE;
		}
	}
	return IKS_OK;
}

int pp_parse(const char *text, bool esp, struct pp_list *out, char *errbuf,
	     size_t errlen)
{
	size_t i = 0, len = strlen(text);

	out->n = 0;
	while (i < len) {
		size_t j = i;
		int rc;

		while (j < len && text[j] != ',')
			j++;
		if (j > i) {
			if (out->n >= sizeof out->p / sizeof out->p[0]) {
				iks_errf(errbuf, errlen, "too many proposals (at most 8)");
				return IKS_ERR_USAGE;
			}
			rc = parse_one(text + i, j - i, esp, &out->p[out->n], errbuf, errlen);
			if (rc < 0)
				return rc;
			out->n++;
		}
		i = j + 1;
	}
	if (!out->n) {
		iks_errf(errbuf, errlen, "no proposal given");
		return IKS_ERR_USAGE;
	}
	return IKS_OK;
}

int iks_probe_check_proposals(const char *text, bool esp, char *errbuf, size_t errlen)
{
	struct pp_list l;

	return pp_parse(text, esp, &l, errbuf, errlen);
}

int pp_preset(const char *name, struct pp *out, char *errbuf, size_t errlen)
{
	static const char *const presets[][2] = {
		{ "modern", "aes128-aes256-aes128gcm16-aes256gcm16-chacha20poly1305-"
			    "sha256-sha384-sha512-prfsha256-prfsha384-prfsha512-"
			    "modp2048-modp3072-modp4096-ecp256-ecp384-ecp521-x25519" },
		{ "legacy", "des-3des-aes128-aes192-aes256-md5-sha1-sha256-prfmd5-prfsha1-"
			    "prfsha256-modp768-modp1024-modp1536-modp2048" },
		{ "all", "des-3des-aes128-aes192-aes256-aes128gcm16-aes192gcm16-aes256gcm16-"
			 "aes128gcm12-aes256gcm12-aes128gcm8-aes256gcm8-chacha20poly1305-"
			 "camellia128-camellia256-md5-sha1-aescmac-sha256-sha384-sha512-"
			 "prfmd5-prfsha1-prfaescmac-prfsha256-prfsha384-prfsha512-"
			 "modp768-modp1024-modp1536-modp2048-modp3072-modp4096-modp6144-"
			 "modp8192-ecp256-ecp384-ecp521-ecp256bp-ecp384bp-ecp512bp-x25519-x448" },
	};

	for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++)
		if (!strcmp(name, presets[i][0]))
			return parse_one(presets[i][1], strlen(presets[i][1]), false, out, errbuf,
					 errlen);
	iks_errf(errbuf, errlen, "unknown preset '%s' (modern, legacy, all)", name);
	return IKS_ERR_USAGE;
}

/* ------------------------------------------------ IKEv1 <-> IKEv2 numbers */

static const struct { uint16_t v2, v1; } encr_map[] = {
	{ IKS_V2_ENCR_DES, IKS_V1_ENCR_DES_CBC },
	{ IKS_V2_ENCR_3DES, IKS_V1_ENCR_3DES_CBC },
	{ IKS_V2_ENCR_AES_CBC, IKS_V1_ENCR_AES_CBC },
	{ IKS_V2_ENCR_CAMELLIA_CBC, IKS_V1_ENCR_CAMELLIA_CBC },
	{ IKS_V2_ENCR_BLOWFISH, IKS_V1_ENCR_BLOWFISH_CBC },
	{ IKS_V2_ENCR_CAST, IKS_V1_ENCR_CAST_CBC },
};

static const struct { uint16_t v2, v1; } hash_map[] = {
	{ IKS_V2_INTEG_HMAC_MD5_96, IKS_V1_HASH_MD5 },
	{ IKS_V2_INTEG_HMAC_SHA1_96, IKS_V1_HASH_SHA },
	{ IKS_V2_INTEG_HMAC_SHA2_256_128, IKS_V1_HASH_SHA2_256 },
	{ IKS_V2_INTEG_HMAC_SHA2_384_192, IKS_V1_HASH_SHA2_384 },
	{ IKS_V2_INTEG_HMAC_SHA2_512_256, IKS_V1_HASH_SHA2_512 },
};

uint16_t pp_v1_encr(uint16_t v2)
{
	for (size_t i = 0; i < sizeof encr_map / sizeof encr_map[0]; i++)
		if (encr_map[i].v2 == v2)
			return encr_map[i].v1;
	return 0;
}

uint16_t pp_v2_encr_of_v1(uint16_t v1)
{
	for (size_t i = 0; i < sizeof encr_map / sizeof encr_map[0]; i++)
		if (encr_map[i].v1 == v1)
			return encr_map[i].v2;
	return 0;
}

uint16_t pp_v1_hash(uint16_t v2)
{
	for (size_t i = 0; i < sizeof hash_map / sizeof hash_map[0]; i++)
		if (hash_map[i].v2 == v2)
			return hash_map[i].v1;
	return 0;
}

uint16_t pp_v2_integ_of_v1_hash(uint16_t v1)
{
	for (size_t i = 0; i < sizeof hash_map / sizeof hash_map[0]; i++)
		if (hash_map[i].v1 == v1)
			return hash_map[i].v2;
	return 0;
}

uint16_t pp_v2_prf_of_v1_hash(uint16_t v1)
{
	return pp_v2_prf_of_integ(pp_v2_integ_of_v1_hash(v1));
}

uint16_t pp_v1_esp(uint16_t v2)
{
	/* RFC 2407 4.4.4 / IANA: identical up to 20 */
	switch (v2) {
	case IKS_V2_ENCR_DES:
	case IKS_V2_ENCR_3DES:
	case IKS_V2_ENCR_NULL:
	case IKS_V2_ENCR_AES_CBC:
	case IKS_V2_ENCR_AES_CTR:
	case IKS_V2_ENCR_AES_CCM_8:
	case IKS_V2_ENCR_AES_CCM_12:
	case IKS_V2_ENCR_AES_CCM_16:
	case IKS_V2_ENCR_AES_GCM_8:
	case IKS_V2_ENCR_AES_GCM_12:
	case IKS_V2_ENCR_AES_GCM_16:
		return v2;
	case IKS_V2_ENCR_CAMELLIA_CBC:
		return IKS_V1_ESP_CAMELLIA;
	}
	return 0;
}

uint16_t pp_v1_auth_alg(uint16_t v2)
{
	switch (v2) {
	case IKS_V2_INTEG_HMAC_MD5_96:
		return IKS_V1_AUTHALG_HMAC_MD5;
	case IKS_V2_INTEG_HMAC_SHA1_96:
		return IKS_V1_AUTHALG_HMAC_SHA;
	case IKS_V2_INTEG_AES_XCBC_96:
		return IKS_V1_AUTHALG_AES_XCBC_MAC;
	case IKS_V2_INTEG_HMAC_SHA2_256_128:
		return IKS_V1_AUTHALG_HMAC_SHA2_256;
	case IKS_V2_INTEG_HMAC_SHA2_384_192:
		return IKS_V1_AUTHALG_HMAC_SHA2_384;
	case IKS_V2_INTEG_HMAC_SHA2_512_256:
		return IKS_V1_AUTHALG_HMAC_SHA2_512;
	}
	return 0;
}

void pp_combo_text(bool v1, const struct iks_probe_combo *c, char *buf, size_t len)
{
	char e[32], i[32], f[32], d[32];

	pp_kw(IKS_V2_XFT_ENCR, c->encr, c->key_bits, e, sizeof e);
	pp_kw(IKS_V2_XFT_INTEG, c->integ, 0, i, sizeof i);
	pp_kw(IKS_V2_XFT_PRF, c->prf, 0, f, sizeof f);
	pp_kw(IKS_V2_XFT_KE, c->dh, 0, d, sizeof d);
	if (v1)
		snprintf(buf, len, "%s-%s-%s", e, i, d);
	else if (!c->integ)
		snprintf(buf, len, "%s-%s-%s", e, f, d);
	else
		snprintf(buf, len, "%s-%s-%s-%s", e, i, f, d);
}
