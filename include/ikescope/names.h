/*
 * ikescope/names.h - names for the constants of consts.h, generated from
 * the same X-macro lists, and strongSwan proposal keywords.
 *
 * Unknown values have no name (NULL); callers print them as numbers, via
 * iks_name_or_number().
 */
#ifndef IKESCOPE_NAMES_H
#define IKESCOPE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ikescope/consts.h"

/*
 * Every name table: T(enum symbol, X-macro list of consts.h, description).
 * The enum iks_table and the tables in names.c are generated from it.
 * Append only: the first four are used by the decoder by value.
 */
#define IKS_TABLE_LIST(T)                                                    \
	T(IKS_TAB_V1_PAYLOAD, IKS_V1_PAYLOAD_LIST, "IKEv1 payload type")     \
	T(IKS_TAB_V1_EXCHANGE, IKS_V1_EXCHANGE_LIST, "IKEv1 exchange type")  \
	T(IKS_TAB_V2_PAYLOAD, IKS_V2_PAYLOAD_LIST, "IKEv2 payload type")     \
	T(IKS_TAB_V2_EXCHANGE, IKS_V2_EXCHANGE_LIST, "IKEv2 exchange type")  \
	T(IKS_TAB_V1_NOTIFY, IKS_V1_NOTIFY_LIST, "IKEv1 notify message type") \
	T(IKS_TAB_V1_DOI, IKS_V1_DOI_LIST, "IKEv1 domain of interpretation") \
	T(IKS_TAB_V1_PROTO, IKS_V1_PROTO_LIST, "IKEv1 protocol id")          \
	T(IKS_TAB_V1_XF_ISAKMP, IKS_V1_XF_ISAKMP_LIST,                       \
	  "IKEv1 ISAKMP transform id")                                       \
	T(IKS_TAB_V1_ATTR, IKS_V1_ATTR_LIST, "IKEv1 phase 1 attribute")      \
	T(IKS_TAB_V1_ENCR, IKS_V1_ENCR_LIST, "IKEv1 encryption algorithm")   \
	T(IKS_TAB_V1_HASH, IKS_V1_HASH_LIST, "IKEv1 hash algorithm")         \
	T(IKS_TAB_V1_AUTH, IKS_V1_AUTH_LIST, "IKEv1 authentication method")  \
	T(IKS_TAB_V1_GROUP, IKS_V1_GROUP_LIST, "IKEv1 group description")    \
	T(IKS_TAB_V1_GROUP_TYPE, IKS_V1_GROUP_TYPE_LIST, "IKEv1 group type") \
	T(IKS_TAB_V1_LIFE_TYPE, IKS_V1_LIFE_TYPE_LIST, "IKEv1 life type")    \
	T(IKS_TAB_V1_IPSEC_ATTR, IKS_V1_IPSEC_ATTR_LIST,                     \
	  "IKEv1 IPsec SA attribute")                                        \
	T(IKS_TAB_V1_ENCAP, IKS_V1_ENCAP_LIST, "IKEv1 encapsulation mode")   \
	T(IKS_TAB_V1_AUTH_ALG, IKS_V1_AUTH_ALG_LIST,                         \
	  "IKEv1 IPsec authentication algorithm")                            \
	T(IKS_TAB_V1_AH, IKS_V1_AH_LIST, "IKEv1 AH transform id")            \
	T(IKS_TAB_V1_ESP, IKS_V1_ESP_LIST, "IKEv1 ESP transform id")         \
	T(IKS_TAB_IPCOMP, IKS_IPCOMP_LIST, "IPComp transform id")            \
	T(IKS_TAB_V1_ID, IKS_V1_ID_LIST, "IKEv1 identification type")        \
	T(IKS_TAB_V1_CERT, IKS_V1_CERT_LIST, "IKEv1 certificate encoding")   \
	T(IKS_TAB_V1_CFG_TYPE, IKS_V1_CFG_TYPE_LIST,                         \
	  "IKEv1 mode-config message type")                                  \
	T(IKS_TAB_V1_CFG_ATTR, IKS_V1_CFG_ATTR_LIST,                         \
	  "IKEv1 mode-config attribute")                                     \
	T(IKS_TAB_V1_XAUTH_TYPE, IKS_V1_XAUTH_TYPE_LIST, "IKEv1 XAUTH type") \
	T(IKS_TAB_V2_NOTIFY, IKS_V2_NOTIFY_LIST, "IKEv2 notify message type") \
	T(IKS_TAB_V2_PROTO, IKS_V2_PROTO_LIST, "IKEv2 protocol id")          \
	T(IKS_TAB_V2_TRANSFORM_TYPE, IKS_V2_TRANSFORM_TYPE_LIST,             \
	  "IKEv2 transform type")                                            \
	T(IKS_TAB_V2_ENCR, IKS_V2_ENCR_LIST, "IKEv2 encryption algorithm")   \
	T(IKS_TAB_V2_PRF, IKS_V2_PRF_LIST, "IKEv2 pseudorandom function")    \
	T(IKS_TAB_V2_INTEG, IKS_V2_INTEG_LIST, "IKEv2 integrity algorithm")  \
	T(IKS_TAB_V2_KE, IKS_V2_KE_LIST, "IKEv2 key exchange method")        \
	T(IKS_TAB_V2_ESN, IKS_V2_ESN_LIST, "IKEv2 extended sequence numbers") \
	T(IKS_TAB_V2_TRANSFORM_ATTR, IKS_V2_TRANSFORM_ATTR_LIST,             \
	  "IKEv2 transform attribute")                                       \
	T(IKS_TAB_V2_ID, IKS_V2_ID_LIST, "IKEv2 identification type")        \
	T(IKS_TAB_V2_AUTH, IKS_V2_AUTH_LIST, "IKEv2 authentication method")  \
	T(IKS_TAB_V2_CERT, IKS_V2_CERT_LIST, "IKEv2 certificate encoding")   \
	T(IKS_TAB_V2_TS, IKS_V2_TS_LIST, "IKEv2 traffic selector type")      \
	T(IKS_TAB_V2_CFG_TYPE, IKS_V2_CFG_TYPE_LIST,                         \
	  "IKEv2 configuration payload type")                                \
	T(IKS_TAB_V2_CFG_ATTR, IKS_V2_CFG_ATTR_LIST,                         \
	  "IKEv2 configuration attribute")                                   \
	T(IKS_TAB_V2_HASH, IKS_V2_HASH_LIST, "IKEv2 hash algorithm")         \
	T(IKS_TAB_EAP_CODE, IKS_EAP_CODE_LIST, "EAP code")                   \
	T(IKS_TAB_EAP_TYPE, IKS_EAP_TYPE_LIST, "EAP method type")

#define IKS_TABLE_ENUM_ENTRY(sym, list, desc) sym,
enum iks_table {
	IKS_TABLE_LIST(IKS_TABLE_ENUM_ENTRY)
	IKS_TAB_COUNT
};

/* One row of a generated table, in ascending order of value. */
struct iks_name_entry {
	uint32_t value;
	const char *name;
	const char *keyword; /* strongSwan keyword (template), or NULL */
	unsigned flags;      /* IKS_F_* */
};

/* The registry name of `value` in table t, or NULL when unknown.  A
 * binary search: cheap enough to call for every payload. */
const char *iks_name(enum iks_table t, uint32_t value);

/* The name, or the number in decimal written into buf when unknown. */
const char *iks_name_or_number(enum iks_table t, uint32_t value, char *buf,
			       size_t len);

/* Name of a payload type of the given IKE major version (1 or 2). */
const char *iks_payload_name(unsigned version, uint32_t type);

/* Name of an exchange type of the given IKE major version (1 or 2). */
const char *iks_exchange_name(unsigned version, uint32_t type);

/* The row of `value` in table t, or NULL when unknown. */
const struct iks_name_entry *iks_name_lookup(enum iks_table t, uint32_t value);

/* All rows of table t (sorted by value); *n receives their number. */
const struct iks_name_entry *iks_table_rows(enum iks_table t, size_t *n);

/* What table t lists, e.g. "IKEv2 notify message type"; NULL if t is bad. */
const char *iks_table_desc(enum iks_table t);

/* The IKS_F_* flags of `value` in table t (0 when unknown). */
unsigned iks_flags(enum iks_table t, uint32_t value);

/* True when `value` is a deprecated or weak choice in table t: RFC 8247
 * (IKE) and RFC 8221 (ESP/AH) MUST NOT / SHOULD NOT, 3DES and the other
 * 64-bit block ciphers, MD5 and SHA-1, groups below 2048-bit MODP
 * strength, and NULL encryption.  The diagnosis reports these as
 * `weak-crypto`.  Unknown values are not weak (nothing is known). */
bool iks_weak(enum iks_table t, uint32_t value);

/* RFC 2408 3.14.1 and RFC 7296 3.10.1 split notify types alike: below
 * 16384 an error (a failed request), from 16384 on a status. */
#define IKS_NOTIFY_STATUS_MIN 16384u
bool iks_notify_is_error(uint32_t type);

/* ----------------------------------------- which table names which field */

/* IKEv1 transform ids, by proposal protocol (RFC 2407 4.4): the table, or
 * IKS_TAB_COUNT when the protocol has no transform registry. */
enum iks_table iks_v1_transform_table(unsigned protocol);

/* IKEv2 transform ids, by transform type (RFC 7296 3.3.2; ADDKE1-7 use
 * the KE table); IKS_TAB_COUNT when unknown. */
enum iks_table iks_v2_transform_table(unsigned transform_type);

/* IKEv1 SA attribute values: phase 1 (protocol ISAKMP, RFC 2409 App. A)
 * or IPsec DOI (RFC 2407 4.5); IKS_TAB_COUNT when the attribute's value
 * is a number, not a registry entry (life duration, key length...). */
enum iks_table iks_v1_attr_value_table(unsigned protocol, unsigned attr_type);

/* The table of SA attribute types for a proposal: IKEv1 phase 1, IKEv1
 * IPsec DOI, or IKEv2 transform attributes. */
enum iks_table iks_attr_type_table(unsigned version, unsigned protocol);

/* Both IKE versions share the name of a field but not its registry:
 * notify types, protocol ids, ID types, certificate encodings,
 * configuration types and attributes.  `field` picks which. */
enum iks_field_kind {
	IKS_FK_NOTIFY,
	IKS_FK_PROTO,
	IKS_FK_ID,
	IKS_FK_CERT,
	IKS_FK_CFG_TYPE,
	IKS_FK_CFG_ATTR,
};
enum iks_table iks_field_table(enum iks_field_kind field, unsigned version);

/* ------------------------------------------------- strongSwan keywords */

/*
 * strongSwan proposal keywords (swanctl.conf "proposals", ipsec.conf
 * "ike=/esp="), so remedies can be printed in the syntax the user types.
 * Each writes a NUL-terminated keyword into buf and returns its length,
 * or -1 when the algorithm has no keyword (the caller prints the number)
 * or buf is too small.
 *
 * Encryption keywords take the Key Length attribute in bits where the
 * algorithm has a variable key (12 + 256 -> "aes256", 20 + 128 ->
 * "aes128gcm16"); 0 means no attribute, which gives the keyword without
 * a size ("aes", "aesgcm16": AES needs the attribute, so the caller
 * decides what that means).  Fixed-key algorithms ignore key_length_bits
 * ("3des", "chacha20poly1305").
 */
int iks_keyword_v2(unsigned transform_type, unsigned id,
		   unsigned key_length_bits, char *buf, size_t len);

/* IKEv1 phase 1 attributes: encryption (+ key length) -> "aes256",
 * "3des"; hash -> "md5", "sha1", "sha256"; group -> "modp1024"; auth
 * method -> a short word ("psk", "rsa-sig", "ecdsa256", "xauth-psk",
 * "xauth-rsa", "hybrid-rsa"). */
int iks_keyword_v1_phase1(unsigned attr_type, unsigned value,
			  unsigned key_length_bits, char *buf, size_t len);

/* IKEv1 ESP transform id (+ key length) -> "aes128", "3des", "aes256gcm16". */
int iks_keyword_v1_esp(unsigned esp_transform_id, unsigned key_length_bits,
		       char *buf, size_t len);

/* IKEv1 IPsec authentication algorithm -> "md5", "sha1", "sha256",
 * "sha384", "sha512", "aesxcbc". */
int iks_keyword_v1_auth_alg(unsigned ipsec_auth_alg, char *buf, size_t len);

/* Diffie-Hellman group / key exchange method (IKEv1 and IKEv2 number
 * them alike) -> "modp2048", "ecp256", "x25519", "mlkem768". */
int iks_keyword_dh(unsigned group, char *buf, size_t len);

/* Weakness of an IKEv2 transform (type, id), e.g. (1, 3) 3DES. */
bool iks_weak_v2_transform(unsigned transform_type, unsigned id);

/* Weakness of an IKEv1 phase 1 attribute value (encryption, hash, group). */
bool iks_weak_v1_phase1(unsigned attr_type, unsigned value);

/* ------------------------------------------------------------ vendor IDs */

/* What a vendor ID says about its sender's capabilities. */
#define IKS_VF_NATT 0x0001u       /* RFC 3947 NAT traversal */
#define IKS_VF_NATT_DRAFT 0x0002u /* a draft of RFC 3947 */
#define IKS_VF_DPD 0x0004u        /* RFC 3706 dead peer detection */
#define IKS_VF_XAUTH 0x0008u      /* draft-beaulieu-ike-xauth */
#define IKS_VF_UNITY 0x0010u      /* Cisco Unity (mode config extensions) */
#define IKS_VF_FRAG 0x0020u       /* IKEv1 fragmentation (Cisco, Windows) */
#define IKS_VF_WINDOWS 0x0040u    /* a Microsoft Windows peer */

struct iks_vendor {
	const uint8_t *id;
	uint8_t len;
	bool prefix;      /* matches any vendor ID that starts with id */
	uint16_t features; /* IKS_VF_* */
	const char *name;
};

/* The vendor a Vendor ID payload names, or NULL.  An exact match wins
 * over a prefix match, a longer prefix over a shorter one (Cisco Unity,
 * Check Point, Windows and others append version bytes). */
const struct iks_vendor *iks_vendor_lookup(const uint8_t *vid, size_t len);

/* iks_vendor_lookup()'s name, or NULL. */
const char *iks_vendor_name(const uint8_t *vid, size_t len);

/* The whole vendor table (for tests and listings). */
const struct iks_vendor *iks_vendor_table(size_t *n);

#endif
