/*
 * ikescope/crypto.h - key tables and the decryption primitives that track
 * calls.  OpenSSL lives behind this header only (src/crypto); nothing here
 * depends on the decoder's structures: functions take bytes and keys and
 * give plaintext back.
 *
 * Four parts:
 *
 *  1. Key tables (struct iks_keytab): IKEv1 rows (initiator cookie ->
 *     final encryption key) and IKEv2 rows (SPIi, SPIr -> SK_e*, SK_a* and
 *     the algorithms), loaded from the files administrators already have:
 *     Wireshark's ikev1_decryption_table / ikev2_decryption_table (also
 *     written by strongSwan's save-keys plugin) and tcpdump's/libreswan's
 *     "ikev2 I|R 0xSPIi 0xSPIr alg:0xkey alg:0xkey" secrets.  Key bytes live
 *     in memory that is wiped when the table is freed.
 *
 *  2. IKEv2: verify and decrypt one SK or SKF payload (RFC 7296 3.14,
 *     RFC 5282, RFC 7383).
 *
 *  3. IKEv1: CBC IV chains per Message ID (RFC 2409 Appendix B), the
 *     decryption of a message body, the prf and the Aggressive Mode
 *     pre-shared key check (RFC 2409 5.4).
 *
 *  4. strongSwan charon logs (ike = 4) -> key table rows, and a writer for
 *     Wireshark's table formats.
 *
 * Every function returns 0 (IKS_OK) or a negative enum iks_err and writes a
 * sentence into the caller's errbuf (may be NULL) on failure.
 */
#ifndef IKESCOPE_CRYPTO_H
#define IKESCOPE_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ikescope/cursor.h"
#include "ikescope/error.h"

#define IKS_SPI_LEN 8           /* RFC 7296 3.1 IKE SPI, RFC 2408 cookie */
#define IKS_CRYPTO_KEY_MAX 64   /* longest SK_e+salt / SK_a / IKEv1 key */
#define IKS_CRYPTO_BLOCK_MAX 16 /* largest CBC block (AES, Camellia) */

/*
 * Pseudo integrity ids for Wireshark table entries that have no IANA
 * number.  They lie in the IANA private-use range (RFC 7296 3.3.2:
 * 1024-65535) so they never collide with a negotiated transform.
 */
#define IKS_CRYPTO_INTEG_UNCHECKED 0xff00       /* "ANY n-bits [No Checking]" */
#define IKS_CRYPTO_INTEG_HMAC_SHA2_256_96 0xff01 /* draft-ietf-ipsec-ciph-sha-256-00 */

/* One IKEv1 row: the final phase 1 encryption key (RFC 2409 Appendix B,
 * "Ka" in strongSwan), already expanded to at least the cipher key length.
 * It is neither the PSK nor SKEYID. */
struct iks_v1_keys {
	uint8_t icookie[IKS_SPI_LEN];
	uint8_t key[IKS_CRYPTO_KEY_MAX];
	uint8_t key_len;
};

/*
 * One IKEv2 IKE SA.  Algorithms are IANA IKEv2 transform ids (RFC 7296
 * 3.3.2, IANA "Transform Type 1/3"), so track can compare them with what
 * was negotiated.  sk_e* hold the cipher key with its salt appended (4
 * bytes for CTR, GCM and ChaCha20-Poly1305, 3 for CCM), exactly as RFC 5282
 * / 5930 / 7634 derive them and as Wireshark's table carries them.
 */
struct iks_v2_keys {
	uint8_t spi_i[IKS_SPI_LEN];
	uint8_t spi_r[IKS_SPI_LEN];
	uint16_t encr;      /* ENCR id: 3 3DES, 11 NULL, 12 AES-CBC, 13 AES-CTR,
			     * 14-16 AES-CCM, 18-20 AES-GCM, 23 Camellia-CBC,
			     * 28 ChaCha20-Poly1305 */
	uint16_t encr_bits; /* cipher key length in bits, without salt */
	uint8_t salt_len;   /* bytes of salt at the end of sk_e* */
	uint8_t aead_icv;   /* AEAD: ICV bytes (8, 12, 16); else 0 */
	uint16_t integ;     /* INTEG id, 0 NONE, or IKS_CRYPTO_INTEG_* above */
	uint8_t integ_icv;  /* non-AEAD: ICV bytes at the end of SK */
	uint8_t sk_e_len;   /* bytes in each of sk_ei, sk_er (key + salt) */
	uint8_t sk_a_len;   /* bytes in each of sk_ai, sk_ar */
	uint8_t sk_ei[IKS_CRYPTO_KEY_MAX];
	uint8_t sk_er[IKS_CRYPTO_KEY_MAX];
	uint8_t sk_ai[IKS_CRYPTO_KEY_MAX];
	uint8_t sk_ar[IKS_CRYPTO_KEY_MAX];
};

/* All rows of all loaded files.  Zero-initialise or iks_keytab_init(). */
struct iks_keytab {
	struct iks_v1_keys *v1;
	size_t n_v1, cap_v1;
	struct iks_v2_keys *v2;
	size_t n_v2, cap_v2;
};

void iks_keytab_init(struct iks_keytab *kt);

/* Wipe every key byte (OPENSSL_cleanse) and release the rows. */
void iks_keytab_free(struct iks_keytab *kt);

/* Wipe every row in place and empty the table, keeping its memory for
 * reuse (iks_keytab_free() is this plus the release). */
void iks_keytab_wipe(struct iks_keytab *kt);

/*
 * Add the rows of a key file.  The format is recognised per line, so one
 * file may mix them:
 *   - Wireshark ikev1_decryption_table:  icookie,key        (hex)
 *   - Wireshark ikev2_decryption_table:
 *       SPIi,SPIr,SK_ei,SK_er,"<encr name>",SK_ai,SK_ar,"<integ name>"
 *     names as Wireshark spells them, quoted or not;
 *   - tcpdump -E / libreswan:  ikev2 I|R 0xSPIi 0xSPIr alg:0xkey alg:0xkey
 *     (I carries SK_ei/SK_ai, R carries SK_er/SK_ar; CBC ciphers only);
 *   - blank lines, lines starting with '#', and Wireshark esp_sa rows
 *     ("IPv4",...: ESP keys, which ikescope does not use; a caller that
 *     wants to say "no IKE keys in FILE" compares the row counts).
 * A row with the SPIs (cookie) of an earlier row replaces it, so a file
 * loaded later (repeated --keys) wins.  On the first bad row nothing of
 * this file is kept, the table holds what it held before, and errbuf says
 * "FILE:LINE: what" (e.g. "keys.txt:3: SK_ei has 20 bytes, AES-CBC-256
 * needs 32").  Returns IKS_ERR_IO (cannot read), IKS_ERR_KEYFILE (bad row),
 * IKS_ERR_UNSUPPORTED (unknown algorithm name), IKS_ERR_NOMEM.
 */
int iks_keytab_load(struct iks_keytab *kt, const char *path, char *errbuf,
		    size_t errlen);

/* The same from memory; `name` is used in messages in place of a path. */
int iks_keytab_load_mem(struct iks_keytab *kt, const char *name,
			const char *text, size_t len, char *errbuf,
			size_t errlen);

/* Add or replace one row (copied).  The v2 row is validated like a loaded
 * one (key lengths against algorithms). */
int iks_keytab_add_v1(struct iks_keytab *kt, const struct iks_v1_keys *row,
		      char *errbuf, size_t errlen);
int iks_keytab_add_v2(struct iks_keytab *kt, const struct iks_v2_keys *row,
		      char *errbuf, size_t errlen);

/* Lookups; NULL when no row matches.  The pointer is valid until the table
 * is changed or freed. */
const struct iks_v1_keys *iks_keytab_find_v1(const struct iks_keytab *kt,
					     const uint8_t icookie[IKS_SPI_LEN]);
const struct iks_v2_keys *iks_keytab_find_v2(const struct iks_keytab *kt,
					     const uint8_t spi_i[IKS_SPI_LEN],
					     const uint8_t spi_r[IKS_SPI_LEN]);

/* Which rows iks_keytab_write() emits. */
enum iks_keytab_kind {
	IKS_KEYTAB_V1 = 1, /* Wireshark ikev1_decryption_table */
	IKS_KEYTAB_V2 = 2, /* Wireshark ikev2_decryption_table */
};

/*
 * Write the rows of one kind in Wireshark's format (a header comment, then
 * one row per SA) to a stream the caller opened.  Rows whose algorithms
 * Wireshark has no name for (ChaCha20, Camellia, XCBC/CMAC) are written
 * with the nearest Wireshark can use when one exists (integrity as
 * "ANY n-bits [No Checking]") and skipped otherwise; *skipped (may be NULL)
 * counts them.  Returns IKS_ERR_IO when the stream fails.
 */
int iks_keytab_write(const struct iks_keytab *kt, enum iks_keytab_kind kind,
		     FILE *out, size_t *skipped, char *errbuf, size_t errlen);

/* Format one row in Wireshark's format (no newline) into buf.  Returns the
 * length, or a negative error (IKS_ERR_OVERFLOW, IKS_ERR_UNSUPPORTED). */
int iks_keytab_format_v1(const struct iks_v1_keys *row, char *buf, size_t len);
int iks_keytab_format_v2(const struct iks_v2_keys *row, char *buf, size_t len);

/* Wireshark's names ("AES-CBC-256 [RFC3602]", "HMAC_SHA2_256_128 [RFC4868]",
 * "ANY 96-bits of Authentication [No Checking]"); NULL if it has none. */
const char *iks_crypto_v2_encr_name(const struct iks_v2_keys *k);
const char *iks_crypto_v2_integ_name(const struct iks_v2_keys *k);

/*
 * Show a key for humans: masked (default) as the first 2 bytes in hex and
 * the length, "2e0e...(24 bytes)"; the whole key in hex if `reveal`.
 * Always NUL-terminates (truncating) when len > 0; returns the length the
 * full text needs, like snprintf.
 */
int iks_crypto_key_format(char *buf, size_t len, const uint8_t *key,
			  size_t key_len, bool reveal);

/* Overwrite secrets the caller holds (OPENSSL_cleanse: not optimised out). */
void iks_crypto_wipe(void *p, size_t len);

/* ------------------------------------------------------------- IKEv2 */

/*
 * Verify and decrypt one Encrypted payload.
 *
 *   msg, msg_len  the whole IKE message from the first byte of the IKE
 *                 header (without a UDP 4500 non-ESP marker or a TCP
 *                 length prefix);
 *   sk_off        offset in msg of the SK (46) or SKF (53) payload's
 *                 generic header; sk_len its Payload Length;
 *   fragment      true for SKF (RFC 7383 2.5: Fragment Number and Total
 *                 Fragments follow the generic header and belong to the
 *                 associated data);
 *   from_initiator  the message was sent by the original initiator (IKE
 *                 header I flag): selects SK_ei/SK_ai, else SK_er/SK_ar.
 *
 * Integrity: HMAC-MD5-96/128, HMAC-SHA1-96/160, HMAC-SHA2-256-96/128,
 * -384-192, -512-256, AES-XCBC-96, AES-CMAC-96 over msg[0, end of SK minus
 * ICV) (RFC 7296 3.14); "ANY n-bits" strips the ICV unchecked.  AEAD
 * (AES-GCM, AES-CCM, ChaCha20-Poly1305): associated data is msg[0, end of
 * the SK header (+ SKF fields)) (RFC 5282 5.1, RFC 7383 2.5).
 *
 * On success out[0, *out_len) holds the inner payloads, padding and pad
 * length removed; out needs sk_len bytes.  Errors: IKS_ERR_INTEGRITY (ICV
 * does not match: the keys are not this SA's, or the message was
 * altered), IKS_ERR_LENGTH (SK does not fit the message, ciphertext not a
 * whole number of blocks, pad length too large), IKS_ERR_TRUNCATED,
 * IKS_ERR_OVERFLOW, IKS_ERR_UNSUPPORTED, IKS_ERR_CRYPTO.
 */
int iks_crypto_v2_decrypt(const struct iks_v2_keys *k, bool from_initiator,
			  const uint8_t *msg, size_t msg_len, size_t sk_off,
			  size_t sk_len, bool fragment, uint8_t *out,
			  size_t out_cap, size_t *out_len, char *errbuf,
			  size_t errlen);

/*
 * Set the algorithm fields of k from negotiated IANA transforms (ENCR id
 * and its Key Length attribute in bits, 0 if absent; INTEG id, 0 for
 * none) and check them against sk_e_len / sk_a_len when those are set.
 */
int iks_crypto_v2_set_algs(struct iks_v2_keys *k, uint16_t encr,
			   uint16_t key_bits, uint16_t integ, char *errbuf,
			   size_t errlen);

/* ------------------------------------------------------------- IKEv1 */

/*
 * The cipher of one ISAKMP SA, from its table row and the phase 1 SA
 * attributes (RFC 2409 Appendix A): Encryption Algorithm (1 DES-CBC,
 * 5 3DES-CBC, 7 AES-CBC, 8 Camellia-CBC), Key Length in bits (0 if absent:
 * AES then takes the row's key length), Hash Algorithm (1 MD5, 2 SHA,
 * 4 SHA2-256, 5 SHA2-384, 6 SHA2-512).  Holds a copy of the key: wipe it
 * with iks_crypto_v1_suite_clear().
 */
struct iks_v1_suite {
	uint16_t encr;
	uint16_t hash;
	uint8_t block;   /* cipher block = IV length */
	uint8_t key_len;
	uint8_t key[IKS_CRYPTO_KEY_MAX];
};

int iks_crypto_v1_suite_init(struct iks_v1_suite *s,
			     const struct iks_v1_keys *row, uint16_t encr,
			     uint16_t key_bits, uint16_t hash, char *errbuf,
			     size_t errlen);
void iks_crypto_v1_suite_clear(struct iks_v1_suite *s);

/*
 * The CBC IV state of one IKEv1 exchange (one Message ID; Message ID 0 is
 * phase 1).  Track keeps one per Message ID so interleaved exchanges do not
 * disturb each other.  Each message is decrypted with `iv` and `iv` then
 * becomes its last ciphertext block (RFC 2409 Appendix B).  The last few
 * messages' IVs and last blocks are remembered so that a byte-identical
 * retransmission, even one sent after the peer's reply, decrypts with the
 * IV its first copy used instead of the advanced one.
 */
#define IKS_V1_IV_HISTORY 4

struct iks_v1_seen {
	uint32_t len;                       /* ciphertext length */
	uint8_t iv[IKS_CRYPTO_BLOCK_MAX];   /* IV it was decrypted with */
	uint8_t tail[IKS_CRYPTO_BLOCK_MAX]; /* its last ciphertext block */
};

struct iks_v1_ivchain {
	uint32_t msgid;
	uint8_t block;                    /* 0: not initialised */
	uint8_t iv[IKS_CRYPTO_BLOCK_MAX]; /* for the next new message */
	uint8_t n_seen, seen_next;        /* ring of recent messages */
	struct iks_v1_seen seen[IKS_V1_IV_HISTORY];
};

/* Phase 1 chain: IV = hash(g^xi | g^xr) truncated to the block size
 * (the KE payload data of the initiator and the responder). */
int iks_crypto_v1_chain_phase1(struct iks_v1_ivchain *c,
			       const struct iks_v1_suite *s,
			       const uint8_t *gxi, size_t gxi_len,
			       const uint8_t *gxr, size_t gxr_len,
			       char *errbuf, size_t errlen);

/* Chain of a phase 2 / Informational / Transaction exchange:
 * IV = hash(current phase 1 IV | Message ID) truncated (RFC 2409 App. B).
 * The phase 1 IV is the last CBC block of the last encrypted phase 1
 * message, or the initial phase 1 IV if none was encrypted. */
int iks_crypto_v1_chain_phase2(struct iks_v1_ivchain *c,
			       const struct iks_v1_suite *s,
			       const struct iks_v1_ivchain *phase1,
			       uint32_t msgid, char *errbuf, size_t errlen);

/*
 * Decrypt the body of an encrypted IKEv1 message (everything after the
 * 28-byte ISAKMP header) with chain c, advancing it.  A retransmission of
 * one of the last IKS_V1_IV_HISTORY messages (same length, same last
 * block) reuses that message's IV and leaves the chain as it is;
 * *retransmit (may be NULL) tells which happened.  out[0, ct_len)
 * receives the whole plaintext: IKEv1 padding is not self-describing, the
 * decoder stops after the last payload.  IKS_ERR_LENGTH if ct_len is not a positive multiple of the
 * block size.  No integrity check exists in IKEv1 encryption; a wrong key
 * yields garbage the decoder will reject.
 */
int iks_crypto_v1_decrypt(const struct iks_v1_suite *s,
			  struct iks_v1_ivchain *c, const uint8_t *ct,
			  size_t ct_len, uint8_t *out, size_t out_cap,
			  bool *retransmit, char *errbuf, size_t errlen);

/* Decrypt with an explicit IV (iv_len = s->block); no chain is touched. */
int iks_crypto_v1_decrypt_iv(const struct iks_v1_suite *s, const uint8_t *iv,
			     const uint8_t *ct, size_t ct_len, uint8_t *out,
			     size_t out_cap, char *errbuf, size_t errlen);

/*
 * The IKEv1 prf: HMAC with the negotiated hash (RFC 2409 5; 1 MD5, 2 SHA,
 * 4-6 SHA2-256/384/512) over the concatenation of parts.
 */
int iks_crypto_v1_prf(uint16_t hash, const uint8_t *key, size_t key_len,
		      const struct iks_bytes *parts, size_t n_parts, uint8_t *out,
		      size_t out_cap, size_t *out_len);

/* What Aggressive Mode messages 1 and 2 show in the clear, all bodies
 * without their generic payload headers (RFC 2409 5.4). */
struct iks_v1_am_material {
	struct iks_bytes gxi, gxr;  /* KE data */
	struct iks_bytes ni, nr;    /* nonce data */
	uint8_t cky_i[8], cky_r[8];
	struct iks_bytes sai;       /* the initiator's SA payload body */
	struct iks_bytes idr;       /* the responder's ID payload body */
	struct iks_bytes hash_r;    /* the responder's HASH payload data */
};

/* Does psk reproduce HASH_R?  1 yes, 0 no (not the responder's key), or a
 * negative iks_err. */
int iks_crypto_v1_check_psk(uint16_t hash, const uint8_t *psk, size_t psk_len,
			    const struct iks_v1_am_material *am);

/* --------------------------------------------------- strongSwan logs */

/*
 * Extract IKE SA keys from a strongSwan charon file log written with
 * `ike = 4` (key hex dumps), `mgr = 2` (the "checkin IKEvN SA ... with SPIs
 * X_i Y_r" lines that name the SPIs) and `cfg = 1` or more ("selected
 * proposal: IKE:..." for the IKEv2 algorithms), best with `ike_name = yes`
 * (the "<conn|id>" tag that ties the lines of one IKE SA together;
 * without it, strongSwan's default, keys are tied to SPIs by thread and
 * IKEv2 algorithms are those of the proposal selected last: right when
 * negotiations do not overlap).  Any time_format, and syslog prefixes,
 * work.  The stream is read line by line; lines longer than
 * 4096 bytes are skipped and the number of SAs tracked at once is bounded.
 *
 * IKEv1 SAs give rows (initiator cookie, "encryption key Ka"); IKEv2 SAs
 * give rows with Sk_ei/Sk_er/Sk_ai/Sk_ar and the algorithms of the selected
 * proposal, including IKE SAs created by rekeying.  Rows are added to kt
 * (a row already there is replaced: both peers' logs may be given);
 * *n_v1 / *n_v2 (may be NULL) count rows found.  `name` is used in
 * messages.  An SA whose proposal has no decryption support here is
 * skipped and counted in *n_skipped (may be NULL).  Lines from other
 * daemons are ignored; IKEv2 keys are only complete with
 * `cfg` logging (the proposal tells whether Sk_a exists and which
 * algorithms to name).  Returns IKS_ERR_IO on a read error.
 *
 * For `ikescope keys`: parse every log into one table, then
 * iks_keytab_write(kt, IKS_KEYTAB_V1, ...) and (..., IKS_KEYTAB_V2, ...).
 */
int iks_keylog_parse(struct iks_keytab *kt, FILE *log, const char *name,
		     size_t *n_v1, size_t *n_v2, size_t *n_skipped,
		     char *errbuf, size_t errlen);

/* ------------------------------------------ initiator side (probe) */

/*
 * What `ikescope probe` needs to negotiate itself: key exchange, the
 * IKEv2 prf / prf+ and key derivation (RFC 7296 2.13-2.15), the IKEv1
 * SKEYID family (RFC 2409 5, Appendix B), encryption of SK payloads and
 * IKEv1 bodies, and the authentication hashes.  Nothing here keeps global
 * state; secrets live in caller-owned structures (wipe them with
 * iks_crypto_wipe) or in struct iks_kex (wiped by iks_crypto_kex_free).
 */

/* Cryptographically strong random bytes (OpenSSL's DRBG). */
int iks_crypto_random(void *buf, size_t len);

/*
 * One Diffie-Hellman / key exchange method (IANA Transform Type 4; IKEv1
 * groups use the same numbers): MODP 1, 2, 5, 14-18 (RFC 2409 6, RFC
 * 3526), 22-24 (RFC 5114), ECP 19-21 (RFC 5903), Brainpool 27-30 (RFC
 * 6954), Curve25519 31 and Curve448 32 (RFC 8031).  Public values are as
 * IKE carries them: MODP big-endian padded to the prime's length, ECP x|y
 * without the 0x04 prefix, X25519/X448 raw.  The shared secret likewise:
 * MODP padded to the prime's length (RFC 7296 2.14), ECP the x coordinate.
 */
struct iks_kex;

bool iks_crypto_kex_supported(uint16_t group);
size_t iks_crypto_kex_public_len(uint16_t group); /* 0 when unsupported */
int iks_crypto_kex_new(struct iks_kex **out, uint16_t group, char *errbuf,
		       size_t errlen);
/* From a known private value (test vectors): big-endian for MODP and ECP,
 * raw for X25519/X448. */
int iks_crypto_kex_new_private(struct iks_kex **out, uint16_t group,
			       const uint8_t *priv, size_t priv_len,
			       char *errbuf, size_t errlen);
uint16_t iks_crypto_kex_group(const struct iks_kex *k);
int iks_crypto_kex_public(const struct iks_kex *k, uint8_t *out, size_t cap,
			  size_t *len);
/* IKS_ERR_INVALID when the peer's value has the wrong length or is not
 * on the curve / in the group. */
int iks_crypto_kex_shared(const struct iks_kex *k, const uint8_t *peer,
			  size_t peer_len, uint8_t *out, size_t cap,
			  size_t *len, char *errbuf, size_t errlen);
void iks_crypto_kex_free(struct iks_kex *k);

/* A plain hash over parts, for NAT detection: SHA-1 when v1_hash is 0
 * (RFC 7296 2.23), else the IKEv1 hash algorithm (RFC 3947 3.2). */
int iks_crypto_digest(uint16_t v1_hash, const struct iks_bytes *parts, size_t n_parts,
		      uint8_t *out, size_t out_cap, size_t *out_len);

/* Largest public value / shared secret (MODP 8192). */
#define IKS_CRYPTO_KEX_MAX 1024

/*
 * IKEv2 prf (Transform Type 2): HMAC-MD5, -SHA1, -SHA2-256/384/512
 * (RFC 2104, RFC 4868) and AES128-XCBC / AES128-CMAC (RFC 4434, RFC 4615:
 * keys other than 16 bytes are first run through the prf with a zero key).
 * Output length: iks_crypto_v2_prf_len() (0 when unsupported).
 */
size_t iks_crypto_v2_prf_len(uint16_t prf);
int iks_crypto_v2_prf(uint16_t prf, const uint8_t *key, size_t key_len,
		      const struct iks_bytes *parts, size_t n_parts,
		      uint8_t *out, size_t out_cap, size_t *out_len);
/* prf+ (RFC 7296 2.13): out_len bytes of T1 | T2 | ... (at most 255
 * blocks). */
int iks_crypto_v2_prfplus(uint16_t prf, const uint8_t *key, size_t key_len,
			  const struct iks_bytes *parts, size_t n_parts,
			  uint8_t *out, size_t out_len);

/* The keys of one IKEv2 IKE SA, from both sides' view. */
struct iks_v2_sa_keys {
	struct iks_v2_keys k; /* SPIs, algorithms, SK_e*, SK_a* (a key table row) */
	uint16_t prf;
	uint8_t prf_len;
	uint8_t sk_d[IKS_CRYPTO_KEY_MAX];
	uint8_t sk_pi[IKS_CRYPTO_KEY_MAX];
	uint8_t sk_pr[IKS_CRYPTO_KEY_MAX];
};

/*
 * SKEYSEED = prf(Ni | Nr, g^ir) and {SK_d, SK_ai, SK_ar, SK_ei, SK_er,
 * SK_pi, SK_pr} = prf+(SKEYSEED, Ni | Nr | SPIi | SPIr) (RFC 7296 2.14;
 * AEAD ciphers take their salt with SK_e, RFC 5282 7.1).  encr/key_bits/
 * integ as iks_crypto_v2_set_algs().
 */
int iks_crypto_v2_derive(struct iks_v2_sa_keys *out, uint16_t prf,
			 uint16_t encr, uint16_t key_bits, uint16_t integ,
			 const uint8_t *ni, size_t ni_len, const uint8_t *nr,
			 size_t nr_len, const uint8_t *gir, size_t gir_len,
			 const uint8_t spi_i[IKS_SPI_LEN],
			 const uint8_t spi_r[IKS_SPI_LEN], char *errbuf,
			 size_t errlen);

/*
 * PSK authentication data (RFC 7296 2.15):
 *   AUTH = prf(prf(PSK, "Key Pad for IKEv2"), <SignedOctets>)
 *   SignedOctets = RealMessage | Nonce of the peer | prf(SK_p, RestOfIDPayload)
 * msg is the sender's IKE_SA_INIT message, nonce the other side's nonce
 * data, id the ID payload body (ID type, reserved bytes, data), sk_p the
 * sender's SK_pi or SK_pr.
 */
int iks_crypto_v2_auth_psk(uint16_t prf, const uint8_t *psk, size_t psk_len,
			   const uint8_t *sk_p, size_t sk_p_len,
			   const uint8_t *msg, size_t msg_len,
			   const uint8_t *nonce, size_t nonce_len,
			   const uint8_t *id, size_t id_len, uint8_t *out,
			   size_t out_cap, size_t *out_len);

/*
 * Build an Encrypted payload (RFC 7296 3.14): msg[0, sk_off) already holds
 * the IKE header and any payloads before SK (their last Next Payload field
 * must say 46).  Writes at sk_off the SK generic header (Next Payload =
 * first_inner), a random IV, plain | padding | pad length encrypted, and
 * the ICV (or the AEAD tag, RFC 5282), and patches the IKE header's
 * Length.  *msg_len receives the total length.  Keys: SK_ei/SK_ai when
 * from_initiator, else SK_er/SK_ar.
 */
int iks_crypto_v2_encrypt(const struct iks_v2_keys *k, bool from_initiator,
			  uint8_t *msg, size_t cap, size_t sk_off,
			  uint8_t first_inner, const uint8_t *plain,
			  size_t plain_len, size_t *msg_len, char *errbuf,
			  size_t errlen);

/* The keys of one IKEv1 ISAKMP SA (RFC 2409 5). */
struct iks_v1_sa_keys {
	uint16_t hash;
	uint8_t prf_len;
	uint8_t skeyid[IKS_CRYPTO_KEY_MAX];
	uint8_t skeyid_d[IKS_CRYPTO_KEY_MAX];
	uint8_t skeyid_a[IKS_CRYPTO_KEY_MAX];
	uint8_t skeyid_e[IKS_CRYPTO_KEY_MAX];
	struct iks_v1_keys row; /* initiator cookie and Ka (a key table row) */
};

/*
 * Pre-shared key authentication (RFC 2409 5.4):
 *   SKEYID   = prf(pre-shared-key, Ni_b | Nr_b)
 *   SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 *   SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 *   SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 * and Ka, SKEYID_e expanded to the cipher's key length when shorter
 * (Appendix B: K1 = prf(SKEYID_e, 0), K2 = prf(SKEYID_e, K1), ...).
 * key_bits as the phase 1 Key Length attribute (0 for 3DES/DES).
 */
int iks_crypto_v1_derive_psk(struct iks_v1_sa_keys *out, uint16_t hash,
			     uint16_t encr, uint16_t key_bits,
			     const uint8_t *psk, size_t psk_len,
			     const uint8_t *ni, size_t ni_len,
			     const uint8_t *nr, size_t nr_len,
			     const uint8_t *gxy, size_t gxy_len,
			     const uint8_t cky_i[IKS_SPI_LEN],
			     const uint8_t cky_r[IKS_SPI_LEN], char *errbuf,
			     size_t errlen);

/*
 * HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b)
 * HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b)
 * (RFC 2409 5).  `initiator` picks which; gxi/gxr are always the
 * initiator's / responder's KE data, sai the initiator's SA body, id the
 * body of the sender's ID payload.
 */
int iks_crypto_v1_hash_phase1(const struct iks_v1_sa_keys *k, bool initiator,
			      const uint8_t *gxi, size_t gxi_len,
			      const uint8_t *gxr, size_t gxr_len,
			      const uint8_t cky_i[IKS_SPI_LEN],
			      const uint8_t cky_r[IKS_SPI_LEN],
			      const uint8_t *sai, size_t sai_len,
			      const uint8_t *id, size_t id_len, uint8_t *out,
			      size_t out_cap, size_t *out_len);

/*
 * Quick Mode (RFC 2409 5.5) and Informational (RFC 2409 5.7) hashes:
 *   1: prf(SKEYID_a, M-ID | rest)           (rest = payloads after HASH)
 *   2: prf(SKEYID_a, M-ID | Ni_b | rest)
 *   3: prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b)
 * Unused arguments may be NULL/0.
 */
int iks_crypto_v1_hash_qm(const struct iks_v1_sa_keys *k, int which,
			  uint32_t msgid, const uint8_t *ni, size_t ni_len,
			  const uint8_t *nr, size_t nr_len, const uint8_t *rest,
			  size_t rest_len, uint8_t *out, size_t out_cap,
			  size_t *out_len);

/*
 * CBC-encrypt an IKEv1 body (a whole number of blocks: the caller pads)
 * with chain c's IV, then advance c to the last ciphertext block (RFC
 * 2409 Appendix B), so the decryption side and this one stay in step.
 */
int iks_crypto_v1_encrypt(const struct iks_v1_suite *s,
			  struct iks_v1_ivchain *c, const uint8_t *pt,
			  size_t len, uint8_t *out, size_t out_cap,
			  char *errbuf, size_t errlen);

#endif
