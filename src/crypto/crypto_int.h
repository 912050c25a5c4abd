/*
 * crypto_int.h - private to src/crypto: the algorithm table and helpers
 * shared by the key table, the IKEv2/IKEv1 decryption and the log parser.
 */
#ifndef IKS_CRYPTO_INT_H
#define IKS_CRYPTO_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <openssl/evp.h>

#include "ikescope/crypto.h"

/* How an IKEv2 encryption transform is run. */
enum iks_encr_mode {
	IKS_MODE_NULL,
	IKS_MODE_CBC,
	IKS_MODE_CTR,
	IKS_MODE_GCM,
	IKS_MODE_CCM,
	IKS_MODE_CHACHA,
};

/* Block cipher behind a mode. */
enum iks_cipher_family {
	IKS_FAM_AES,
	IKS_FAM_3DES,
	IKS_FAM_CAMELLIA,
	IKS_FAM_CHACHA,
};

/* One IKEv2 encryption transform at one key length. */
struct iks_encr_spec {
	uint16_t id;          /* IANA ENCR id */
	uint16_t bits;        /* cipher key bits */
	uint8_t salt;         /* salt bytes appended to SK_e */
	uint8_t iv;           /* IV bytes on the wire */
	uint8_t block;        /* padding block (1 for stream/AEAD) */
	uint8_t icv;          /* AEAD ICV bytes, 0 otherwise */
	enum iks_encr_mode mode;
	enum iks_cipher_family family;
	const char *ws_name;  /* Wireshark's name, or NULL */
	const char *own_name; /* name ikescope accepts when Wireshark has none */
	const char *ss_name;  /* strongSwan's proposal keyword */
};

/* How an IKEv2 integrity transform is computed. */
enum iks_mac_kind {
	IKS_MAC_NONE,
	IKS_MAC_HMAC,
	IKS_MAC_XCBC,
	IKS_MAC_CMAC,
	IKS_MAC_UNCHECKED,
};

struct iks_integ_spec {
	uint16_t id;          /* IANA INTEG id or IKS_CRYPTO_INTEG_* */
	uint8_t key_len;      /* 0: any (unchecked) */
	uint8_t icv;
	enum iks_mac_kind kind;
	const char *digest;   /* OpenSSL digest name for HMAC */
	const char *ws_name;
	const char *own_name;
	const char *ss_name;
};

const struct iks_encr_spec *iks_encr_spec_find(uint16_t id, uint16_t bits);
const struct iks_encr_spec *iks_encr_spec_by_name(const char *name);
const struct iks_encr_spec *iks_encr_spec_by_ss_name(const char *name);
const struct iks_integ_spec *iks_integ_spec_find(uint16_t id, uint8_t icv);
const struct iks_integ_spec *iks_integ_spec_by_name(const char *name);
const struct iks_integ_spec *iks_integ_spec_by_ss_name(const char *name);

/* An encryption spec as a short human name ("AES-CBC-256"). */
void iks_encr_spec_label(const struct iks_encr_spec *e, char *buf, size_t len);

/* IKEv1 phase 1 algorithms (RFC 2409 Appendix A). */
struct iks_v1_encr_spec {
	uint16_t id;
	uint8_t block;
	const char *label;
};
struct iks_v1_hash_spec {
	uint16_t id;
	const char *digest;
	uint8_t out_len;
};
const struct iks_v1_encr_spec *iks_v1_encr_spec_find(uint16_t id);
const struct iks_v1_hash_spec *iks_v1_hash_spec_find(uint16_t id);

/* OpenSSL cipher for a mode and key length; NULL when unsupported.
 * Single DES is not offered: OpenSSL 3 moved it to the legacy provider,
 * so IKEv1 DES-CBC runs as 3DES with the key repeated (EDE with K1=K2=K3
 * is DES). */
const EVP_CIPHER *iks_cipher_for(enum iks_encr_mode mode,
				 enum iks_cipher_family fam, unsigned bits);

/* The value of a hex digit, or -1. */
int iks_hex_digit(char c);

/* Parse hex text of exactly `len` chars (no prefix) into out.  Returns the
 * number of bytes, or -1 with a reason in why. */
int iks_hex_decode(const char *hex, size_t len, uint8_t *out, size_t cap,
		   const char **why);

/* The same validation as iks_keytab_add_v2(), with a row label. */
int iks_v2_keys_check(const struct iks_v2_keys *k, char *errbuf,
		      size_t errlen);

#endif
