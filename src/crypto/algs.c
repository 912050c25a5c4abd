/*
 * algs.c - the one private table of algorithm numbers, key lengths and
 * names used by src/crypto.
 *
 * The transform numbers are the IANA symbols of include/ikescope/consts.h
 * (RFC 7296 3.3.2; RFC 2409 Appendix A for IKEv1).  The names are the exact
 * strings of Wireshark's IKEv2 decryption table (packet-isakmp.c), which
 * files written by Wireshark and strongSwan's save-keys plugin contain,
 * plus the strongSwan proposal keywords its logs print.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ikescope/consts.h"
#include "crypto/crypto_int.h"

#define AES3(id, mode, salt, iv, block, icv, ws, ss)                          \
	{ id, 128, salt, iv, block, icv, mode, IKS_FAM_AES, ws("128"), NULL, ss("128") }, \
	{ id, 192, salt, iv, block, icv, mode, IKS_FAM_AES, ws("192"), NULL, ss("192") }, \
	{ id, 256, salt, iv, block, icv, mode, IKS_FAM_AES, ws("256"), NULL, ss("256") }

#define WS_CBC(b) "AES-CBC-" b " [RFC3602]"
#define SS_CBC(b) "AES_CBC_" b
#define WS_CTR(b) "AES-CTR-" b " [RFC5930]"
#define SS_CTR(b) "AES_CTR_" b
#define WS_GCM8(b) "AES-GCM-" b " with 8 octet ICV [RFC5282]"
#define WS_GCM12(b) "AES-GCM-" b " with 12 octet ICV [RFC5282]"
#define WS_GCM16(b) "AES-GCM-" b " with 16 octet ICV [RFC5282]"
#define SS_GCM8(b) "AES_GCM_8_" b
#define SS_GCM12(b) "AES_GCM_12_" b
#define SS_GCM16(b) "AES_GCM_16_" b
#define WS_CCM8(b) "AES-CCM-" b " with 8 octet ICV [RFC5282]"
#define WS_CCM12(b) "AES-CCM-" b " with 12 octet ICV [RFC5282]"
#define WS_CCM16(b) "AES-CCM-" b " with 16 octet ICV [RFC5282]"
#define SS_CCM8(b) "AES_CCM_8_" b
#define SS_CCM12(b) "AES_CCM_12_" b
#define SS_CCM16(b) "AES_CCM_16_" b

static const struct iks_encr_spec encr_specs[] = {
	{ IKS_V2_ENCR_NULL, 0, 0, 0, 1, 0, IKS_MODE_NULL, IKS_FAM_AES, "NULL [RFC2410]",
	  NULL, "NULL" },
	{ IKS_V2_ENCR_3DES, 192, 0, 8, 8, 0, IKS_MODE_CBC, IKS_FAM_3DES, "3DES [RFC2451]",
	  NULL, "3DES_CBC" },
	AES3(IKS_V2_ENCR_AES_CBC, IKS_MODE_CBC, 0, 16, 16, 0, WS_CBC, SS_CBC),
	/* RFC 5930 2: 4-byte nonce (salt) from the keying material */
	AES3(IKS_V2_ENCR_AES_CTR, IKS_MODE_CTR, 4, 8, 1, 0, WS_CTR, SS_CTR),
	/* RFC 5282 7.1: GCM salt 4 bytes, CCM salt 3 bytes */
	AES3(IKS_V2_ENCR_AES_GCM_8, IKS_MODE_GCM, 4, 8, 1, 8, WS_GCM8, SS_GCM8),
	AES3(IKS_V2_ENCR_AES_GCM_12, IKS_MODE_GCM, 4, 8, 1, 12, WS_GCM12, SS_GCM12),
	AES3(IKS_V2_ENCR_AES_GCM_16, IKS_MODE_GCM, 4, 8, 1, 16, WS_GCM16, SS_GCM16),
	AES3(IKS_V2_ENCR_AES_CCM_8, IKS_MODE_CCM, 3, 8, 1, 8, WS_CCM8, SS_CCM8),
	AES3(IKS_V2_ENCR_AES_CCM_12, IKS_MODE_CCM, 3, 8, 1, 12, WS_CCM12, SS_CCM12),
	AES3(IKS_V2_ENCR_AES_CCM_16, IKS_MODE_CCM, 3, 8, 1, 16, WS_CCM16, SS_CCM16),
	{ IKS_V2_ENCR_CAMELLIA_CBC, 128, 0, 16, 16, 0, IKS_MODE_CBC, IKS_FAM_CAMELLIA, NULL,
	  "CAMELLIA-CBC-128 [RFC5529]", "CAMELLIA_CBC_128" },
	{ IKS_V2_ENCR_CAMELLIA_CBC, 192, 0, 16, 16, 0, IKS_MODE_CBC, IKS_FAM_CAMELLIA, NULL,
	  "CAMELLIA-CBC-192 [RFC5529]", "CAMELLIA_CBC_192" },
	{ IKS_V2_ENCR_CAMELLIA_CBC, 256, 0, 16, 16, 0, IKS_MODE_CBC, IKS_FAM_CAMELLIA, NULL,
	  "CAMELLIA-CBC-256 [RFC5529]", "CAMELLIA_CBC_256" },
	/* RFC 7634 2: 256-bit key, 4-byte salt, 8-byte IV, 16-byte tag */
	{ IKS_V2_ENCR_CHACHA20_POLY1305, 256, 4, 8, 1, 16, IKS_MODE_CHACHA, IKS_FAM_CHACHA,
	  NULL, "CHACHA20-POLY1305 [RFC7634]", "CHACHA20_POLY1305" },
};

static const struct iks_integ_spec integ_specs[] = {
	{ IKS_V2_INTEG_NONE, 0, 0, IKS_MAC_NONE, NULL, "NONE [RFC4306]", NULL, NULL },
	{ IKS_V2_INTEG_HMAC_MD5_96, 16, 12, IKS_MAC_HMAC, "MD5",
	  "HMAC_MD5_96 [RFC2403]", NULL, "HMAC_MD5_96" },
	{ IKS_V2_INTEG_HMAC_SHA1_96, 20, 12, IKS_MAC_HMAC, "SHA1",
	  "HMAC_SHA1_96 [RFC2404]", NULL, "HMAC_SHA1_96" },
	{ IKS_V2_INTEG_HMAC_MD5_128, 16, 16, IKS_MAC_HMAC, "MD5",
	  "HMAC_MD5_128 [RFC4595]", NULL, "HMAC_MD5_128" },
	{ IKS_V2_INTEG_HMAC_SHA1_160, 20, 20, IKS_MAC_HMAC, "SHA1",
	  "HMAC_SHA1_160 [RFC4595]", NULL, "HMAC_SHA1_160" },
	{ IKS_CRYPTO_INTEG_HMAC_SHA2_256_96, 32, 12, IKS_MAC_HMAC, "SHA256",
	  "HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]", NULL,
	  "HMAC_SHA2_256_96" },
	{ IKS_V2_INTEG_HMAC_SHA2_256_128, 32, 16, IKS_MAC_HMAC, "SHA256",
	  "HMAC_SHA2_256_128 [RFC4868]", NULL, "HMAC_SHA2_256_128" },
	{ IKS_V2_INTEG_HMAC_SHA2_384_192, 48, 24, IKS_MAC_HMAC, "SHA384",
	  "HMAC_SHA2_384_192 [RFC4868]", NULL, "HMAC_SHA2_384_192" },
	{ IKS_V2_INTEG_HMAC_SHA2_512_256, 64, 32, IKS_MAC_HMAC, "SHA512",
	  "HMAC_SHA2_512_256 [RFC4868]", NULL, "HMAC_SHA2_512_256" },
	{ IKS_V2_INTEG_AES_XCBC_96, 16, 12, IKS_MAC_XCBC, NULL, NULL,
	  "AES-XCBC-96 [RFC3566]", "AES_XCBC_96" },
	{ IKS_V2_INTEG_AES_CMAC_96, 16, 12, IKS_MAC_CMAC, NULL, NULL,
	  "AES-CMAC-96 [RFC4494]", "AES_CMAC_96" },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 8, IKS_MAC_UNCHECKED, NULL,
	  "ANY 64-bits of Authentication [No Checking]", NULL, NULL },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 12, IKS_MAC_UNCHECKED, NULL,
	  "ANY 96-bits of Authentication [No Checking]", NULL, NULL },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 16, IKS_MAC_UNCHECKED, NULL,
	  "ANY 128-bits of Authentication [No Checking]", NULL, NULL },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 20, IKS_MAC_UNCHECKED, NULL,
	  "ANY 160-bits of Authentication [No Checking]", NULL, NULL },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 24, IKS_MAC_UNCHECKED, NULL,
	  "ANY 192-bits of Authentication [No Checking]", NULL, NULL },
	{ IKS_CRYPTO_INTEG_UNCHECKED, 0, 32, IKS_MAC_UNCHECKED, NULL,
	  "ANY 256-bits of Authentication [No Checking]", NULL, NULL },
};

static const struct iks_v1_encr_spec v1_encr_specs[] = {
	{ IKS_V1_ENCR_DES_CBC, 8, "DES-CBC" },
	{ IKS_V1_ENCR_3DES_CBC, 8, "3DES-CBC" },
	{ IKS_V1_ENCR_AES_CBC, 16, "AES-CBC" },
	{ IKS_V1_ENCR_CAMELLIA_CBC, 16, "Camellia-CBC" },
};

static const struct iks_v1_hash_spec v1_hash_specs[] = {
	{ IKS_V1_HASH_MD5, "MD5", 16 },
	{ IKS_V1_HASH_SHA, "SHA1", 20 },
	{ IKS_V1_HASH_SHA2_256, "SHA256", 32 },
	{ IKS_V1_HASH_SHA2_384, "SHA384", 48 },
	{ IKS_V1_HASH_SHA2_512, "SHA512", 64 },
};

#define N_ELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Names from key files are compared without case, and a name given
 * without its " [RFC...]" reference matches the full one: people type
 * "AES-CBC-256" by hand.
 */
static bool name_matches(const char *table_name, const char *given)
{
	size_t n;
	const char *br;

	if (!table_name)
		return false;
	if (strcasecmp(table_name, given) == 0)
		return true;
	if (strchr(given, '['))
		return false;
	br = strstr(table_name, " [");
	if (!br)
		return false;
	n = (size_t)(br - table_name);
	return strlen(given) == n && strncasecmp(table_name, given, n) == 0;
}

const struct iks_encr_spec *iks_encr_spec_find(uint16_t id, uint16_t bits)
{
	for (size_t i = 0; i < N_ELEM(encr_specs); i++)
		if (encr_specs[i].id == id && encr_specs[i].bits == bits)
			return &encr_specs[i];
	return NULL;
}

const struct iks_encr_spec *iks_encr_spec_by_name(const char *name)
{
	for (size_t i = 0; i < N_ELEM(encr_specs); i++)
		if (name_matches(encr_specs[i].ws_name, name) ||
		    name_matches(encr_specs[i].own_name, name))
			return &encr_specs[i];
	return NULL;
}

/* strongSwan writes "CHACHA20_POLY1305" with or without "_256". */
const struct iks_encr_spec *iks_encr_spec_by_ss_name(const char *name)
{
	if (strcmp(name, "CHACHA20_POLY1305_256") == 0)
		name = "CHACHA20_POLY1305";
	for (size_t i = 0; i < N_ELEM(encr_specs); i++)
		if (encr_specs[i].ss_name &&
		    strcmp(encr_specs[i].ss_name, name) == 0)
			return &encr_specs[i];
	return NULL;
}

const struct iks_integ_spec *iks_integ_spec_find(uint16_t id, uint8_t icv)
{
	for (size_t i = 0; i < N_ELEM(integ_specs); i++)
		if (integ_specs[i].id == id &&
		    (id != IKS_CRYPTO_INTEG_UNCHECKED || integ_specs[i].icv == icv))
			return &integ_specs[i];
	return NULL;
}

const struct iks_integ_spec *iks_integ_spec_by_name(const char *name)
{
	for (size_t i = 0; i < N_ELEM(integ_specs); i++)
		if (name_matches(integ_specs[i].ws_name, name) ||
		    name_matches(integ_specs[i].own_name, name))
			return &integ_specs[i];
	return NULL;
}

const struct iks_integ_spec *iks_integ_spec_by_ss_name(const char *name)
{
	for (size_t i = 0; i < N_ELEM(integ_specs); i++)
		if (integ_specs[i].ss_name &&
		    strcmp(integ_specs[i].ss_name, name) == 0)
			return &integ_specs[i];
	return NULL;
}

void iks_encr_spec_label(const struct iks_encr_spec *e, char *buf, size_t len)
{
	const char *n = e->ws_name ? e->ws_name : e->own_name;
	const char *br = strstr(n, " [");
	int w = br ? (int)(br - n) : (int)strlen(n);

	snprintf(buf, len, "%.*s", w, n);
}

const struct iks_v1_encr_spec *iks_v1_encr_spec_find(uint16_t id)
{
	for (size_t i = 0; i < N_ELEM(v1_encr_specs); i++)
		if (v1_encr_specs[i].id == id)
			return &v1_encr_specs[i];
	return NULL;
}

const struct iks_v1_hash_spec *iks_v1_hash_spec_find(uint16_t id)
{
	for (size_t i = 0; i < N_ELEM(v1_hash_specs); i++)
		if (v1_hash_specs[i].id == id)
			return &v1_hash_specs[i];
	return NULL;
}

const EVP_CIPHER *iks_cipher_for(enum iks_encr_mode mode,
				 enum iks_cipher_family fam, unsigned bits)
{
	if (fam == IKS_FAM_3DES)
		return mode == IKS_MODE_CBC && bits == 192 ? EVP_des_ede3_cbc() :
		       NULL;
	if (fam == IKS_FAM_CAMELLIA)
		return mode != IKS_MODE_CBC ? NULL :
		       bits == 128 ? EVP_camellia_128_cbc() :
		       bits == 192 ? EVP_camellia_192_cbc() :
		       bits == 256 ? EVP_camellia_256_cbc() : NULL;
	if (fam == IKS_FAM_CHACHA)
		return mode == IKS_MODE_CHACHA && bits == 256 ?
		       EVP_chacha20_poly1305() : NULL;
	switch (mode) {
	case IKS_MODE_CBC:
		return bits == 128 ? EVP_aes_128_cbc() :
		       bits == 192 ? EVP_aes_192_cbc() :
		       bits == 256 ? EVP_aes_256_cbc() : NULL;
	case IKS_MODE_CTR:
		return bits == 128 ? EVP_aes_128_ctr() :
		       bits == 192 ? EVP_aes_192_ctr() :
		       bits == 256 ? EVP_aes_256_ctr() : NULL;
	case IKS_MODE_GCM:
		return bits == 128 ? EVP_aes_128_gcm() :
		       bits == 192 ? EVP_aes_192_gcm() :
		       bits == 256 ? EVP_aes_256_gcm() : NULL;
	case IKS_MODE_CCM:
		return bits == 128 ? EVP_aes_128_ccm() :
		       bits == 192 ? EVP_aes_192_ccm() :
		       bits == 256 ? EVP_aes_256_ccm() : NULL;
	case IKS_MODE_CHACHA:
	case IKS_MODE_NULL:
		break;
	}
	return NULL;
}

int iks_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int iks_hex_decode(const char *hex, size_t len, uint8_t *out, size_t cap,
		   const char **why)
{
	if (len % 2) {
		*why = "odd number of hex digits";
		return -1;
	}
	if (len / 2 > cap) {
		*why = "too long";
		return -1;
	}
	for (size_t i = 0; i < len; i += 2) {
		int hi = iks_hex_digit(hex[i]), lo = iks_hex_digit(hex[i + 1]);

		if (hi < 0 || lo < 0) {
			*why = "not a hex digit";
			return -1;
		}
		out[i / 2] = (uint8_t)(hi << 4 | lo);
	}
	return (int)(len / 2);
}
