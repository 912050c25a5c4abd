/*
 * ikescope/consts.h - IKE protocol constants, each defined once with its
 * RFC, as X-macro lists.  enum values and the name tables (names.c) are
 * generated from these lists; nothing else in ikescope spells a protocol
 * number.  Entry shape: X(SYMBOL, value, "Name as in the RFC/IANA registry"),
 * or for algorithms X(SYMBOL, value, "Name", "strongSwan keyword", flags)
 * (see IKS_F_*).  Each list is in ascending order of value; the unit
 * tests check that, and that no value appears twice.
 */
#ifndef IKESCOPE_CONSTS_H
#define IKESCOPE_CONSTS_H

/* ---------------------------------------------------------------- IKEv1 */

/* RFC 2408 section 3.1 next payload types; RFC 3947 NAT-D/NAT-OA (20/21)
 * and their draft numbers (130/131); Cisco fragmentation (132). */
#define IKS_V1_PAYLOAD_LIST(X)                                               \
	X(IKS_V1_PL_NONE, 0, "NONE")                                         \
	X(IKS_V1_PL_SA, 1, "Security Association")                           \
	X(IKS_V1_PL_P, 2, "Proposal")                                        \
	X(IKS_V1_PL_T, 3, "Transform")                                       \
	X(IKS_V1_PL_KE, 4, "Key Exchange")                                   \
	X(IKS_V1_PL_ID, 5, "Identification")                                 \
	X(IKS_V1_PL_CERT, 6, "Certificate")                                  \
	X(IKS_V1_PL_CR, 7, "Certificate Request")                            \
	X(IKS_V1_PL_HASH, 8, "Hash")                                         \
	X(IKS_V1_PL_SIG, 9, "Signature")                                     \
	X(IKS_V1_PL_NONCE, 10, "Nonce")                                      \
	X(IKS_V1_PL_N, 11, "Notification")                                   \
	X(IKS_V1_PL_D, 12, "Delete")                                         \
	X(IKS_V1_PL_VID, 13, "Vendor ID")                                    \
	X(IKS_V1_PL_ATTR, 14, "Attributes")                                  \
	X(IKS_V1_PL_SAK, 15, "SA KEK")                                       \
	X(IKS_V1_PL_SAT, 16, "SA TEK")                                       \
	X(IKS_V1_PL_KD, 17, "Key Download")                                  \
	X(IKS_V1_PL_SEQ, 18, "Sequence Number")                              \
	X(IKS_V1_PL_POP, 19, "Proof of Possession")                          \
	X(IKS_V1_PL_NATD, 20, "NAT-D")                                       \
	X(IKS_V1_PL_NATOA, 21, "NAT-OA")                                     \
	X(IKS_V1_PL_GAP, 22, "Group Associated Policy")                      \
	X(IKS_V1_PL_NATD_DRAFT, 130, "NAT-D (draft)")                        \
	X(IKS_V1_PL_NATOA_DRAFT, 131, "NAT-OA (draft)")                      \
	X(IKS_V1_PL_FRAG, 132, "Fragment (Cisco)")

/* RFC 2408 section 3.1 exchange types; RFC 2409 Quick Mode / New Group;
 * draft-ietf-ipsec-isakmp-mode-cfg Transaction. */
#define IKS_V1_EXCHANGE_LIST(X)                                              \
	X(IKS_V1_EX_NONE, 0, "None")                                         \
	X(IKS_V1_EX_BASE, 1, "Base")                                         \
	X(IKS_V1_EX_MAIN, 2, "Identity Protection (Main Mode)")              \
	X(IKS_V1_EX_AUTH_ONLY, 3, "Authentication Only")                     \
	X(IKS_V1_EX_AGGRESSIVE, 4, "Aggressive")                             \
	X(IKS_V1_EX_INFO, 5, "Informational")                                \
	X(IKS_V1_EX_TRANSACTION, 6, "Transaction (Config Mode)")             \
	X(IKS_V1_EX_QUICK, 32, "Quick Mode")                                 \
	X(IKS_V1_EX_NEW_GROUP, 33, "New Group Mode")

/* RFC 2408 section 3.1 flags */
#define IKS_V1_FLAG_E 0x01 /* encryption */
#define IKS_V1_FLAG_C 0x02 /* commit */
#define IKS_V1_FLAG_A 0x04 /* authentication only */

/* Row flags (optional fifth column of the algorithm lists).  A row may be
 * X(SYM, value, "Name") or X(SYM, value, "Name", "keyword", flags); the
 * keyword is strongSwan's proposal keyword, where '*' stands for the key
 * length in bits ("aes*gcm16" -> "aes256gcm16"). */
#define IKS_F_WEAK 0x01u   /* deprecated or weak: RFC 8247 (IKE), 8221 (ESP) */
#define IKS_F_AEAD 0x02u   /* combined-mode cipher: no separate integrity */
#define IKS_F_KEYLEN 0x04u /* variable key size: Key Length attribute */

/* ------------------------------------------------------- IKEv1 registries */

/* RFC 2408 3.14.1 notify message types (errors 1-30, status 16384);
 * RFC 2407 4.6.3 IPsec DOI status types; RFC 3706 DPD; Cisco and Juniper
 * private values as seen on the wire (libreswan, Wireshark). */
#define IKS_V1_NOTIFY_LIST(X)                                                \
	X(IKS_V1_N_INVALID_PAYLOAD_TYPE, 1, "INVALID-PAYLOAD-TYPE")          \
	X(IKS_V1_N_DOI_NOT_SUPPORTED, 2, "DOI-NOT-SUPPORTED")                \
	X(IKS_V1_N_SITUATION_NOT_SUPPORTED, 3, "SITUATION-NOT-SUPPORTED")    \
	X(IKS_V1_N_INVALID_COOKIE, 4, "INVALID-COOKIE")                      \
	X(IKS_V1_N_INVALID_MAJOR_VERSION, 5, "INVALID-MAJOR-VERSION")        \
	X(IKS_V1_N_INVALID_MINOR_VERSION, 6, "INVALID-MINOR-VERSION")        \
	X(IKS_V1_N_INVALID_EXCHANGE_TYPE, 7, "INVALID-EXCHANGE-TYPE")        \
	X(IKS_V1_N_INVALID_FLAGS, 8, "INVALID-FLAGS")                        \
	X(IKS_V1_N_INVALID_MESSAGE_ID, 9, "INVALID-MESSAGE-ID")              \
	X(IKS_V1_N_INVALID_PROTOCOL_ID, 10, "INVALID-PROTOCOL-ID")           \
	X(IKS_V1_N_INVALID_SPI, 11, "INVALID-SPI")                           \
	X(IKS_V1_N_INVALID_TRANSFORM_ID, 12, "INVALID-TRANSFORM-ID")         \
	X(IKS_V1_N_ATTRIBUTES_NOT_SUPPORTED, 13, "ATTRIBUTES-NOT-SUPPORTED") \
	X(IKS_V1_N_NO_PROPOSAL_CHOSEN, 14, "NO-PROPOSAL-CHOSEN")             \
	X(IKS_V1_N_BAD_PROPOSAL_SYNTAX, 15, "BAD-PROPOSAL-SYNTAX")           \
	X(IKS_V1_N_PAYLOAD_MALFORMED, 16, "PAYLOAD-MALFORMED")               \
	X(IKS_V1_N_INVALID_KEY_INFORMATION, 17, "INVALID-KEY-INFORMATION")   \
	X(IKS_V1_N_INVALID_ID_INFORMATION, 18, "INVALID-ID-INFORMATION")     \
	X(IKS_V1_N_INVALID_CERT_ENCODING, 19, "INVALID-CERT-ENCODING")       \
	X(IKS_V1_N_INVALID_CERTIFICATE, 20, "INVALID-CERTIFICATE")           \
	X(IKS_V1_N_CERT_TYPE_UNSUPPORTED, 21, "CERT-TYPE-UNSUPPORTED")       \
	X(IKS_V1_N_INVALID_CERT_AUTHORITY, 22, "INVALID-CERT-AUTHORITY")     \
	X(IKS_V1_N_INVALID_HASH_INFORMATION, 23, "INVALID-HASH-INFORMATION") \
	X(IKS_V1_N_AUTHENTICATION_FAILED, 24, "AUTHENTICATION-FAILED")       \
	X(IKS_V1_N_INVALID_SIGNATURE, 25, "INVALID-SIGNATURE")               \
	X(IKS_V1_N_ADDRESS_NOTIFICATION, 26, "ADDRESS-NOTIFICATION")         \
	X(IKS_V1_N_NOTIFY_SA_LIFETIME, 27, "NOTIFY-SA-LIFETIME")             \
	X(IKS_V1_N_CERTIFICATE_UNAVAILABLE, 28, "CERTIFICATE-UNAVAILABLE")   \
	X(IKS_V1_N_UNSUPPORTED_EXCHANGE_TYPE, 29,                            \
	  "UNSUPPORTED-EXCHANGE-TYPE")                                       \
	X(IKS_V1_N_UNEQUAL_PAYLOAD_LENGTHS, 30, "UNEQUAL-PAYLOAD-LENGTHS")   \
	X(IKS_V1_N_CONNECTED, 16384, "CONNECTED")                            \
	X(IKS_V1_N_RESPONDER_LIFETIME, 24576, "RESPONDER-LIFETIME")          \
	X(IKS_V1_N_REPLAY_STATUS, 24577, "REPLAY-STATUS")                    \
	X(IKS_V1_N_INITIAL_CONTACT, 24578, "INITIAL-CONTACT")                \
	X(IKS_V1_N_CISCO_HELLO, 30000, "CISCO-HELLO (Cisco)")                \
	X(IKS_V1_N_CISCO_WWTEBR, 30001, "CISCO-WWTEBR (Cisco)")              \
	X(IKS_V1_N_CISCO_SHUT_UP, 30002, "CISCO-SHUT-UP (Cisco)")            \
	X(IKS_V1_N_IOS_KEEP_ALIVE_REQ, 32768, "IOS-KEEP-ALIVE-REQ (Cisco)")  \
	X(IKS_V1_N_IOS_KEEP_ALIVE_ACK, 32769, "IOS-KEEP-ALIVE-ACK (Cisco)")  \
	X(IKS_V1_N_R_U_THERE, 36136, "R-U-THERE")                            \
	X(IKS_V1_N_R_U_THERE_ACK, 36137, "R-U-THERE-ACK")                    \
	X(IKS_V1_N_NETSCREEN_NHTB_INFORM, 40001,                             \
	  "NHTB-INFORM (Juniper NetScreen)")                                 \
	X(IKS_V1_N_UNITY_LOAD_BALANCE, 40501, "UNITY-LOAD-BALANCE (Cisco)")  \
	X(IKS_V1_N_UNITY_40502, 40502, "UNITY-UNKNOWN (Cisco)")              \
	X(IKS_V1_N_UNITY_GROUP_HASH, 40503, "UNITY-GROUP-HASH (Cisco)")

/* RFC 2408 2.1 / RFC 2407 4.2 Domain of Interpretation; RFC 6407 GDOI. */
#define IKS_V1_DOI_LIST(X)                                                   \
	X(IKS_V1_DOI_ISAKMP, 0, "ISAKMP")                                    \
	X(IKS_V1_DOI_IPSEC, 1, "IPSEC")                                      \
	X(IKS_V1_DOI_GDOI, 2, "GDOI")

/* RFC 2407 4.4.1 security protocol identifiers; RFC 4705 (5). */
#define IKS_V1_PROTO_LIST(X)                                                 \
	X(IKS_V1_PROTO_ISAKMP, 1, "PROTO_ISAKMP")                            \
	X(IKS_V1_PROTO_IPSEC_AH, 2, "PROTO_IPSEC_AH")                        \
	X(IKS_V1_PROTO_IPSEC_ESP, 3, "PROTO_IPSEC_ESP")                      \
	X(IKS_V1_PROTO_IPCOMP, 4, "PROTO_IPCOMP")                            \
	X(IKS_V1_PROTO_GIGABEAM_RADIO, 5, "PROTO_GIGABEAM_RADIO")

/* RFC 2407 4.4.2 ISAKMP transform identifiers. */
#define IKS_V1_XF_ISAKMP_LIST(X)                                             \
	X(IKS_V1_XF_KEY_IKE, 1, "KEY_IKE")

/* RFC 2409 Appendix A phase 1 (Oakley) attribute classes; 17 and 20
 * (block size, asymmetric algorithm type, for SM4/SM2) as Wireshark.
 * Classes 6-10, 12 and 16 are variable length (B/V). */
#define IKS_V1_ATTR_LIST(X)                                                  \
	X(IKS_V1_ATTR_ENCRYPTION_ALGORITHM, 1, "Encryption Algorithm")       \
	X(IKS_V1_ATTR_HASH_ALGORITHM, 2, "Hash Algorithm")                   \
	X(IKS_V1_ATTR_AUTH_METHOD, 3, "Authentication Method")               \
	X(IKS_V1_ATTR_GROUP_DESCRIPTION, 4, "Group Description")             \
	X(IKS_V1_ATTR_GROUP_TYPE, 5, "Group Type")                           \
	X(IKS_V1_ATTR_GROUP_PRIME, 6, "Group Prime/Irreducible Polynomial")  \
	X(IKS_V1_ATTR_GROUP_GENERATOR_ONE, 7, "Group Generator One")         \
	X(IKS_V1_ATTR_GROUP_GENERATOR_TWO, 8, "Group Generator Two")         \
	X(IKS_V1_ATTR_GROUP_CURVE_A, 9, "Group Curve A")                     \
	X(IKS_V1_ATTR_GROUP_CURVE_B, 10, "Group Curve B")                    \
	X(IKS_V1_ATTR_LIFE_TYPE, 11, "Life Type")                            \
	X(IKS_V1_ATTR_LIFE_DURATION, 12, "Life Duration")                    \
	X(IKS_V1_ATTR_PRF, 13, "PRF")                                        \
	X(IKS_V1_ATTR_KEY_LENGTH, 14, "Key Length")                          \
	X(IKS_V1_ATTR_FIELD_SIZE, 15, "Field Size")                          \
	X(IKS_V1_ATTR_GROUP_ORDER, 16, "Group Order")                        \
	X(IKS_V1_ATTR_BLOCK_SIZE, 17, "Block Size")                          \
	X(IKS_V1_ATTR_ASYM_ALG_TYPE, 20,                                     \
	  "Asymmetric Cryptographic Algorithm Type")

/* RFC 2409 Appendix A encryption algorithms; IANA "IPSEC Encryption
 * Algorithm".  3DES: 64-bit block (Sweet32), deprecated by RFC 8247. */
#define IKS_V1_ENCR_LIST(X)                                                  \
	X(IKS_V1_ENCR_DES_CBC, 1, "DES-CBC", "des", IKS_F_WEAK)              \
	X(IKS_V1_ENCR_IDEA_CBC, 2, "IDEA-CBC", NULL, IKS_F_WEAK)             \
	X(IKS_V1_ENCR_BLOWFISH_CBC, 3, "Blowfish-CBC", "blowfish*",          \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ENCR_RC5_R16_B64_CBC, 4, "RC5-R16-B64-CBC", NULL,           \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ENCR_3DES_CBC, 5, "3DES-CBC", "3des", IKS_F_WEAK)           \
	X(IKS_V1_ENCR_CAST_CBC, 6, "CAST-CBC", "cast128",                    \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ENCR_AES_CBC, 7, "AES-CBC", "aes*", IKS_F_KEYLEN)           \
	X(IKS_V1_ENCR_CAMELLIA_CBC, 8, "CAMELLIA-CBC", "camellia*",          \
	  IKS_F_KEYLEN)

/* RFC 2409 Appendix A hash algorithms; RFC 4868 SHA-2.  MD5 and SHA-1
 * are the weak choices the diagnosis reports (RFC 8247 2.3). */
#define IKS_V1_HASH_LIST(X)                                                  \
	X(IKS_V1_HASH_MD5, 1, "MD5", "md5", IKS_F_WEAK)                      \
	X(IKS_V1_HASH_SHA, 2, "SHA", "sha1", IKS_F_WEAK)                     \
	X(IKS_V1_HASH_TIGER, 3, "Tiger", NULL, 0)                            \
	X(IKS_V1_HASH_SHA2_256, 4, "SHA2-256", "sha256", 0)                  \
	X(IKS_V1_HASH_SHA2_384, 5, "SHA2-384", "sha384", 0)                  \
	X(IKS_V1_HASH_SHA2_512, 6, "SHA2-512", "sha512", 0)

/* RFC 2409 Appendix A authentication methods; RFC 4754 ECDSA (9-11; 8
 * was reserved for an ECDSA draft); draft-ietf-ipsec-isakmp-hybrid-auth
 * (64221-64224) and draft-beaulieu-ike-xauth (65001-65010), both in the
 * private range.  Keywords here are short method words, not proposals. */
#define IKS_V1_AUTH_LIST(X)                                                  \
	X(IKS_V1_AUTH_PSK, 1, "Pre-shared key", "psk", 0)                    \
	X(IKS_V1_AUTH_DSS, 2, "DSS signatures", "dss", 0)                    \
	X(IKS_V1_AUTH_RSA_SIG, 3, "RSA signatures", "rsa-sig", 0)            \
	X(IKS_V1_AUTH_RSA_ENC, 4, "Encryption with RSA", "rsa-enc", 0)       \
	X(IKS_V1_AUTH_RSA_REVISED, 5, "Revised encryption with RSA",         \
	  "rsa-revised", 0)                                                  \
	X(IKS_V1_AUTH_ECDSA_256, 9, "ECDSA with SHA-256 on the P-256 curve", \
	  "ecdsa256", 0)                                                     \
	X(IKS_V1_AUTH_ECDSA_384, 10,                                         \
	  "ECDSA with SHA-384 on the P-384 curve", "ecdsa384", 0)            \
	X(IKS_V1_AUTH_ECDSA_521, 11,                                         \
	  "ECDSA with SHA-512 on the P-521 curve", "ecdsa521", 0)            \
	X(IKS_V1_AUTH_HYBRID_INIT_RSA, 64221, "HybridInitRSA", "hybrid-rsa", \
	  0)                                                                 \
	X(IKS_V1_AUTH_HYBRID_RESP_RSA, 64222, "HybridRespRSA", "hybrid-rsa", \
	  0)                                                                 \
	X(IKS_V1_AUTH_HYBRID_INIT_DSS, 64223, "HybridInitDSS", "hybrid-dss", \
	  0)                                                                 \
	X(IKS_V1_AUTH_HYBRID_RESP_DSS, 64224, "HybridRespDSS", "hybrid-dss", \
	  0)                                                                 \
	X(IKS_V1_AUTH_XAUTH_INIT_PSK, 65001, "XAUTHInitPreShared",           \
	  "xauth-psk", 0)                                                    \
	X(IKS_V1_AUTH_XAUTH_RESP_PSK, 65002, "XAUTHRespPreShared",           \
	  "xauth-psk", 0)                                                    \
	X(IKS_V1_AUTH_XAUTH_INIT_DSS, 65003, "XAUTHInitDSS", "xauth-dss", 0) \
	X(IKS_V1_AUTH_XAUTH_RESP_DSS, 65004, "XAUTHRespDSS", "xauth-dss", 0) \
	X(IKS_V1_AUTH_XAUTH_INIT_RSA, 65005, "XAUTHInitRSA", "xauth-rsa", 0) \
	X(IKS_V1_AUTH_XAUTH_RESP_RSA, 65006, "XAUTHRespRSA", "xauth-rsa", 0) \
	X(IKS_V1_AUTH_XAUTH_INIT_RSA_ENC, 65007, "XAUTHInitRSAEncryption",   \
	  "xauth-rsa-enc", 0)                                                \
	X(IKS_V1_AUTH_XAUTH_RESP_RSA_ENC, 65008, "XAUTHRespRSAEncryption",   \
	  "xauth-rsa-enc", 0)                                                \
	X(IKS_V1_AUTH_XAUTH_INIT_RSA_REV, 65009,                             \
	  "XAUTHInitRSARevisedEncryption", "xauth-rsa-revised", 0)           \
	X(IKS_V1_AUTH_XAUTH_RESP_RSA_REV, 65010,                             \
	  "XAUTHRespRSARevisedEncryption", "xauth-rsa-revised", 0)

/* RFC 2409 6 / Appendix A group descriptions, RFC 3526 (MODP 5, 14-18),
 * draft-ietf-ipsec-ike-ecc-groups (EC2N 6-13), RFC 5903 (ECP 19-21),
 * RFC 5114 (22-26), RFC 6932 (Brainpool 27-30).  Numbers coincide with
 * IKEv2 Transform Type 4 wherever both define them.  Weak: below 112-bit
 * strength, and the RFC 5114 groups RFC 8247 2.4 says SHOULD NOT. */
#define IKS_V1_GROUP_LIST(X)                                                 \
	X(IKS_V1_GRP_MODP768, 1, "768-bit MODP group", "modp768",            \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_MODP1024, 2, "1024-bit MODP group", "modp1024",         \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_EC2N_155, 3, "EC2N group on GP[2^155]", NULL,           \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_EC2N_185, 4, "EC2N group on GP[2^185]", NULL,           \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_MODP1536, 5, "1536-bit MODP group", "modp1536",         \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_EC2N_163_R, 6, "EC2N group over GF[2^163] (random)",    \
	  NULL, IKS_F_WEAK)                                                  \
	X(IKS_V1_GRP_EC2N_163_K, 7, "EC2N group over GF[2^163] (Koblitz)",   \
	  NULL, IKS_F_WEAK)                                                  \
	X(IKS_V1_GRP_EC2N_283_R, 8, "EC2N group over GF[2^283] (random)",    \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_EC2N_283_K, 9, "EC2N group over GF[2^283] (Koblitz)",   \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_EC2N_409_R, 10, "EC2N group over GF[2^409] (random)",   \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_EC2N_409_K, 11, "EC2N group over GF[2^409] (Koblitz)",  \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_EC2N_571_R, 12, "EC2N group over GF[2^571] (random)",   \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_EC2N_571_K, 13, "EC2N group over GF[2^571] (Koblitz)",  \
	  NULL, 0)                                                           \
	X(IKS_V1_GRP_MODP2048, 14, "2048-bit MODP group", "modp2048", 0)     \
	X(IKS_V1_GRP_MODP3072, 15, "3072-bit MODP group", "modp3072", 0)     \
	X(IKS_V1_GRP_MODP4096, 16, "4096-bit MODP group", "modp4096", 0)     \
	X(IKS_V1_GRP_MODP6144, 17, "6144-bit MODP group", "modp6144", 0)     \
	X(IKS_V1_GRP_MODP8192, 18, "8192-bit MODP group", "modp8192", 0)     \
	X(IKS_V1_GRP_ECP256, 19, "256-bit random ECP group", "ecp256", 0)    \
	X(IKS_V1_GRP_ECP384, 20, "384-bit random ECP group", "ecp384", 0)    \
	X(IKS_V1_GRP_ECP521, 21, "521-bit random ECP group", "ecp521", 0)    \
	X(IKS_V1_GRP_MODP1024S160, 22,                                       \
	  "1024-bit MODP group with 160-bit prime order subgroup",           \
	  "modp1024s160", IKS_F_WEAK)                                        \
	X(IKS_V1_GRP_MODP2048S224, 23,                                       \
	  "2048-bit MODP group with 224-bit prime order subgroup",           \
	  "modp2048s224", IKS_F_WEAK)                                        \
	X(IKS_V1_GRP_MODP2048S256, 24,                                       \
	  "2048-bit MODP group with 256-bit prime order subgroup",           \
	  "modp2048s256", IKS_F_WEAK)                                        \
	X(IKS_V1_GRP_ECP192, 25, "192-bit random ECP group", "ecp192",       \
	  IKS_F_WEAK)                                                        \
	X(IKS_V1_GRP_ECP224, 26, "224-bit random ECP group", "ecp224", 0)    \
	X(IKS_V1_GRP_ECP224BP, 27, "224-bit Brainpool ECP group",            \
	  "ecp224bp", 0)                                                     \
	X(IKS_V1_GRP_ECP256BP, 28, "256-bit Brainpool ECP group",            \
	  "ecp256bp", 0)                                                     \
	X(IKS_V1_GRP_ECP384BP, 29, "384-bit Brainpool ECP group",            \
	  "ecp384bp", 0)                                                     \
	X(IKS_V1_GRP_ECP512BP, 30, "512-bit Brainpool ECP group", "ecp512bp", 0)

/* RFC 2409 Appendix A group types. */
#define IKS_V1_GROUP_TYPE_LIST(X)                                            \
	X(IKS_V1_GRPTYPE_MODP, 1, "MODP")                                    \
	X(IKS_V1_GRPTYPE_ECP, 2, "ECP")                                      \
	X(IKS_V1_GRPTYPE_EC2N, 3, "EC2N")

/* RFC 2409 Appendix A life types; the same values serve the IPsec DOI
 * SA Life Type (RFC 2407 4.5). */
#define IKS_V1_LIFE_TYPE_LIST(X)                                             \
	X(IKS_V1_LIFE_SECONDS, 1, "Seconds")                                 \
	X(IKS_V1_LIFE_KILOBYTES, 2, "Kilobytes")

/* RFC 2407 4.5 IPsec DOI SA attributes; RFC 3168 (ECN), RFC 4304 (ESN),
 * RFC 4359 (12, 13), RFC 6407 (14, 15). */
#define IKS_V1_IPSEC_ATTR_LIST(X)                                            \
	X(IKS_V1_IPSEC_ATTR_SA_LIFE_TYPE, 1, "SA Life Type")                 \
	X(IKS_V1_IPSEC_ATTR_SA_LIFE_DURATION, 2, "SA Life Duration")         \
	X(IKS_V1_IPSEC_ATTR_GROUP_DESCRIPTION, 3, "Group Description")       \
	X(IKS_V1_IPSEC_ATTR_ENCAPSULATION_MODE, 4, "Encapsulation Mode")     \
	X(IKS_V1_IPSEC_ATTR_AUTH_ALGORITHM, 5, "Authentication Algorithm")   \
	X(IKS_V1_IPSEC_ATTR_KEY_LENGTH, 6, "Key Length")                     \
	X(IKS_V1_IPSEC_ATTR_KEY_ROUNDS, 7, "Key Rounds")                     \
	X(IKS_V1_IPSEC_ATTR_COMPRESS_DICT_SIZE, 8,                           \
	  "Compress Dictionary Size")                                        \
	X(IKS_V1_IPSEC_ATTR_COMPRESS_PRIVATE_ALG, 9,                         \
	  "Compress Private Algorithm")                                      \
	X(IKS_V1_IPSEC_ATTR_ECN_TUNNEL, 10, "ECN Tunnel")                    \
	X(IKS_V1_IPSEC_ATTR_EXT_SEQ_NUM, 11,                                 \
	  "Extended (64-bit) Sequence Number")                               \
	X(IKS_V1_IPSEC_ATTR_AUTH_KEY_LENGTH, 12,                             \
	  "Authentication Key Length")                                       \
	X(IKS_V1_IPSEC_ATTR_SIG_ENC_ALG, 13, "Signature Encoding Algorithm") \
	X(IKS_V1_IPSEC_ATTR_ADDR_PRESERVATION, 14, "Address Preservation")   \
	X(IKS_V1_IPSEC_ATTR_SA_DIRECTION, 15, "SA Direction")

/* RFC 2407 4.5 encapsulation modes; RFC 3947 UDP encapsulation (3, 4)
 * and the values of its drafts (61443, 61444); Check Point's 61440. */
#define IKS_V1_ENCAP_LIST(X)                                                 \
	X(IKS_V1_ENCAP_TUNNEL, 1, "Tunnel")                                  \
	X(IKS_V1_ENCAP_TRANSPORT, 2, "Transport")                            \
	X(IKS_V1_ENCAP_UDP_TUNNEL, 3, "UDP-Encapsulated-Tunnel")             \
	X(IKS_V1_ENCAP_UDP_TRANSPORT, 4, "UDP-Encapsulated-Transport")       \
	X(IKS_V1_ENCAP_CHECKPOINT_UDP, 61440,                                \
	  "Check Point UDP Encapsulation")                                   \
	X(IKS_V1_ENCAP_UDP_TUNNEL_DRAFT, 61443,                              \
	  "UDP-Encapsulated-Tunnel (draft)")                                 \
	X(IKS_V1_ENCAP_UDP_TRANSPORT_DRAFT, 61444,                           \
	  "UDP-Encapsulated-Transport (draft)")

/* RFC 2407 4.5 authentication algorithms; IANA "Authentication
 * Algorithm" (RFC 4868 SHA-2 5-7, RFC 2857, RFC 3566, RFC 4359, RFC 4543
 * GMAC 11-13).  RFC 8221: HMAC-MD5 MUST NOT, HMAC-SHA1 being phased out. */
#define IKS_V1_AUTH_ALG_LIST(X)                                              \
	X(IKS_V1_AUTHALG_HMAC_MD5, 1, "HMAC-MD5", "md5", IKS_F_WEAK)         \
	X(IKS_V1_AUTHALG_HMAC_SHA, 2, "HMAC-SHA", "sha1", IKS_F_WEAK)        \
	X(IKS_V1_AUTHALG_DES_MAC, 3, "DES-MAC", NULL, IKS_F_WEAK)            \
	X(IKS_V1_AUTHALG_KPDK, 4, "KPDK", NULL, IKS_F_WEAK)                  \
	X(IKS_V1_AUTHALG_HMAC_SHA2_256, 5, "HMAC-SHA2-256", "sha256", 0)     \
	X(IKS_V1_AUTHALG_HMAC_SHA2_384, 6, "HMAC-SHA2-384", "sha384", 0)     \
	X(IKS_V1_AUTHALG_HMAC_SHA2_512, 7, "HMAC-SHA2-512", "sha512", 0)     \
	X(IKS_V1_AUTHALG_HMAC_RIPEMD, 8, "HMAC-RIPEMD", NULL, 0)             \
	X(IKS_V1_AUTHALG_AES_XCBC_MAC, 9, "AES-XCBC-MAC", "aesxcbc", 0)      \
	X(IKS_V1_AUTHALG_SIG_RSA, 10, "SIG-RSA", NULL, 0)                    \
	X(IKS_V1_AUTHALG_AES_128_GMAC, 11, "AES-128-GMAC", NULL, 0)          \
	X(IKS_V1_AUTHALG_AES_192_GMAC, 12, "AES-192-GMAC", NULL, 0)          \
	X(IKS_V1_AUTHALG_AES_256_GMAC, 13, "AES-256-GMAC", NULL, 0)

/* RFC 2407 4.4.3 AH transform identifiers; IANA "IPSEC AH Transform
 * Identifiers" (RFC 4868 5-7, RFC 2857, RFC 3566, RFC 4359, RFC 4543). */
#define IKS_V1_AH_LIST(X)                                                    \
	X(IKS_V1_AH_MD5, 2, "AH_MD5", "md5", IKS_F_WEAK)                     \
	X(IKS_V1_AH_SHA, 3, "AH_SHA", "sha1", IKS_F_WEAK)                    \
	X(IKS_V1_AH_DES, 4, "AH_DES", NULL, IKS_F_WEAK)                      \
	X(IKS_V1_AH_SHA2_256, 5, "AH_SHA2-256", "sha256", 0)                 \
	X(IKS_V1_AH_SHA2_384, 6, "AH_SHA2-384", "sha384", 0)                 \
	X(IKS_V1_AH_SHA2_512, 7, "AH_SHA2-512", "sha512", 0)                 \
	X(IKS_V1_AH_RIPEMD, 8, "AH_RIPEMD", NULL, 0)                         \
	X(IKS_V1_AH_AES_XCBC_MAC, 9, "AH_AES-XCBC-MAC", "aesxcbc", 0)        \
	X(IKS_V1_AH_RSA, 10, "AH_RSA", NULL, 0)                              \
	X(IKS_V1_AH_AES_128_GMAC, 11, "AH_AES-128-GMAC", NULL, 0)            \
	X(IKS_V1_AH_AES_192_GMAC, 12, "AH_AES-192-GMAC", NULL, 0)            \
	X(IKS_V1_AH_AES_256_GMAC, 13, "AH_AES-256-GMAC", NULL, 0)

/* RFC 2407 4.4.4 ESP transform identifiers and IANA "IPSEC ESP Transform
 * Identifiers": RFC 3602 (12), RFC 3686 (13), RFC 4309 (14-16), RFC 4106
 * (18-20), RFC 4196 (21), RFC 4312 (22), RFC 4543 (23).  From 21 on the
 * IKEv1 numbers differ from IKEv2's.  RFC 8221: DES MUST NOT, 3DES
 * SHOULD NOT; NULL gives no confidentiality (reported as weak). */
#define IKS_V1_ESP_LIST(X)                                                   \
	X(IKS_V1_ESP_DES_IV64, 1, "ESP_DES_IV64", NULL, IKS_F_WEAK)          \
	X(IKS_V1_ESP_DES, 2, "ESP_DES", "des", IKS_F_WEAK)                   \
	X(IKS_V1_ESP_3DES, 3, "ESP_3DES", "3des", IKS_F_WEAK)                \
	X(IKS_V1_ESP_RC5, 4, "ESP_RC5", NULL, IKS_F_WEAK | IKS_F_KEYLEN)     \
	X(IKS_V1_ESP_IDEA, 5, "ESP_IDEA", NULL, IKS_F_WEAK)                  \
	X(IKS_V1_ESP_CAST, 6, "ESP_CAST", "cast128",                         \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_BLOWFISH, 7, "ESP_BLOWFISH", "blowfish*",               \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_3IDEA, 8, "ESP_3IDEA", NULL, IKS_F_WEAK)                \
	X(IKS_V1_ESP_DES_IV32, 9, "ESP_DES_IV32", NULL, IKS_F_WEAK)          \
	X(IKS_V1_ESP_RC4, 10, "ESP_RC4", NULL, IKS_F_WEAK)                   \
	X(IKS_V1_ESP_NULL, 11, "ESP_NULL", "null", IKS_F_WEAK)               \
	X(IKS_V1_ESP_AES_CBC, 12, "ESP_AES-CBC", "aes*", IKS_F_KEYLEN)       \
	X(IKS_V1_ESP_AES_CTR, 13, "ESP_AES-CTR", "aes*ctr", IKS_F_KEYLEN)    \
	X(IKS_V1_ESP_AES_CCM_8, 14, "ESP_AES-CCM_8", "aes*ccm8",             \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_AES_CCM_12, 15, "ESP_AES-CCM_12", "aes*ccm12",          \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_AES_CCM_16, 16, "ESP_AES-CCM_16", "aes*ccm16",          \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_AES_GCM_8, 18, "ESP_AES-GCM_8", "aes*gcm8",             \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_AES_GCM_12, 19, "ESP_AES-GCM_12", "aes*gcm12",          \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_AES_GCM_16, 20, "ESP_AES-GCM_16", "aes*gcm16",          \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V1_ESP_SEED_CBC, 21, "ESP_SEED_CBC", NULL, 0)                  \
	X(IKS_V1_ESP_CAMELLIA, 22, "ESP_CAMELLIA", "camellia*",              \
	  IKS_F_KEYLEN)                                                      \
	X(IKS_V1_ESP_NULL_AUTH_AES_GMAC, 23, "ESP_NULL_AUTH_AES-GMAC",       \
	  "aes*gmac", IKS_F_AEAD | IKS_F_KEYLEN)

/* RFC 2407 4.4.5 IPComp transform identifiers (also IKEv2's, RFC 7296
 * 3.10.1 IPCOMP_SUPPORTED): RFC 2394, RFC 2395, RFC 3051. */
#define IKS_IPCOMP_LIST(X)                                                   \
	X(IKS_IPCOMP_OUI, 1, "IPCOMP_OUI")                                   \
	X(IKS_IPCOMP_DEFLATE, 2, "IPCOMP_DEFLATE")                           \
	X(IKS_IPCOMP_LZS, 3, "IPCOMP_LZS")                                   \
	X(IKS_IPCOMP_LZJH, 4, "IPCOMP_LZJH")

/* RFC 2407 4.6.2.1 identification types; RFC 3554 ID_LIST (12). */
#define IKS_V1_ID_LIST(X)                                                    \
	X(IKS_V1_ID_IPV4_ADDR, 1, "ID_IPV4_ADDR")                            \
	X(IKS_V1_ID_FQDN, 2, "ID_FQDN")                                      \
	X(IKS_V1_ID_USER_FQDN, 3, "ID_USER_FQDN")                            \
	X(IKS_V1_ID_IPV4_ADDR_SUBNET, 4, "ID_IPV4_ADDR_SUBNET")              \
	X(IKS_V1_ID_IPV6_ADDR, 5, "ID_IPV6_ADDR")                            \
	X(IKS_V1_ID_IPV6_ADDR_SUBNET, 6, "ID_IPV6_ADDR_SUBNET")              \
	X(IKS_V1_ID_IPV4_ADDR_RANGE, 7, "ID_IPV4_ADDR_RANGE")                \
	X(IKS_V1_ID_IPV6_ADDR_RANGE, 8, "ID_IPV6_ADDR_RANGE")                \
	X(IKS_V1_ID_DER_ASN1_DN, 9, "ID_DER_ASN1_DN")                        \
	X(IKS_V1_ID_DER_ASN1_GN, 10, "ID_DER_ASN1_GN")                       \
	X(IKS_V1_ID_KEY_ID, 11, "ID_KEY_ID")                                 \
	X(IKS_V1_ID_LIST, 12, "ID_LIST")

/* RFC 2408 3.9 certificate encodings (CERT and CR payloads). */
#define IKS_V1_CERT_LIST(X)                                                  \
	X(IKS_V1_CERT_NONE, 0, "NONE")                                       \
	X(IKS_V1_CERT_PKCS7_X509, 1, "PKCS #7 wrapped X.509 certificate")    \
	X(IKS_V1_CERT_PGP, 2, "PGP Certificate")                             \
	X(IKS_V1_CERT_DNS_SIGNED_KEY, 3, "DNS Signed Key")                   \
	X(IKS_V1_CERT_X509_SIG, 4, "X.509 Certificate - Signature")          \
	X(IKS_V1_CERT_X509_KE, 5, "X.509 Certificate - Key Exchange")        \
	X(IKS_V1_CERT_KERBEROS, 6, "Kerberos Tokens")                        \
	X(IKS_V1_CERT_CRL, 7, "Certificate Revocation List (CRL)")           \
	X(IKS_V1_CERT_ARL, 8, "Authority Revocation List (ARL)")             \
	X(IKS_V1_CERT_SPKI, 9, "SPKI Certificate")                           \
	X(IKS_V1_CERT_X509_ATTR, 10, "X.509 Certificate - Attribute")

/* draft-ietf-ipsec-isakmp-mode-cfg-05 3.2 Attributes payload types. */
#define IKS_V1_CFG_TYPE_LIST(X)                                              \
	X(IKS_V1_CFG_REQUEST, 1, "ISAKMP_CFG_REQUEST")                       \
	X(IKS_V1_CFG_REPLY, 2, "ISAKMP_CFG_REPLY")                           \
	X(IKS_V1_CFG_SET, 3, "ISAKMP_CFG_SET")                               \
	X(IKS_V1_CFG_ACK, 4, "ISAKMP_CFG_ACK")

/* draft-ietf-ipsec-isakmp-mode-cfg-05 3.3 attributes (1-15);
 * Check Point (16387-16402); draft-beaulieu-ike-xauth-02 / -isakmp-xauth-06
 * 4.2 XAUTH (16520-16529); Microsoft (23456, 23457); Cisco Unity
 * (28672-28683).  All but the first group are private use. */
#define IKS_V1_CFG_ATTR_LIST(X)                                              \
	X(IKS_V1_CA_INTERNAL_IP4_ADDRESS, 1, "INTERNAL_IP4_ADDRESS")         \
	X(IKS_V1_CA_INTERNAL_IP4_NETMASK, 2, "INTERNAL_IP4_NETMASK")         \
	X(IKS_V1_CA_INTERNAL_IP4_DNS, 3, "INTERNAL_IP4_DNS")                 \
	X(IKS_V1_CA_INTERNAL_IP4_NBNS, 4, "INTERNAL_IP4_NBNS")               \
	X(IKS_V1_CA_INTERNAL_ADDRESS_EXPIRY, 5, "INTERNAL_ADDRESS_EXPIRY")   \
	X(IKS_V1_CA_INTERNAL_IP4_DHCP, 6, "INTERNAL_IP4_DHCP")               \
	X(IKS_V1_CA_APPLICATION_VERSION, 7, "APPLICATION_VERSION")           \
	X(IKS_V1_CA_INTERNAL_IP6_ADDRESS, 8, "INTERNAL_IP6_ADDRESS")         \
	X(IKS_V1_CA_INTERNAL_IP6_NETMASK, 9, "INTERNAL_IP6_NETMASK")         \
	X(IKS_V1_CA_INTERNAL_IP6_DNS, 10, "INTERNAL_IP6_DNS")                \
	X(IKS_V1_CA_INTERNAL_IP6_NBNS, 11, "INTERNAL_IP6_NBNS")              \
	X(IKS_V1_CA_INTERNAL_IP6_DHCP, 12, "INTERNAL_IP6_DHCP")              \
	X(IKS_V1_CA_INTERNAL_IP4_SUBNET, 13, "INTERNAL_IP4_SUBNET")          \
	X(IKS_V1_CA_SUPPORTED_ATTRIBUTES, 14, "SUPPORTED_ATTRIBUTES")        \
	X(IKS_V1_CA_INTERNAL_IP6_SUBNET, 15, "INTERNAL_IP6_SUBNET")          \
	X(IKS_V1_CA_CHKPT_DEF_DOMAIN, 16387,                                 \
	  "CHKPT_DEF_DOMAIN (Check Point)")                                  \
	X(IKS_V1_CA_CHKPT_MAC_ADDRESS, 16388,                                \
	  "CHKPT_MAC_ADDRESS (Check Point)")                                 \
	X(IKS_V1_CA_CHKPT_MARCIPAN_REASON, 16389,                            \
	  "CHKPT_MARCIPAN_REASON_CODE (Check Point)")                        \
	X(IKS_V1_CA_CHKPT_UNKNOWN1, 16400, "CHKPT_UNKNOWN1 (Check Point)")   \
	X(IKS_V1_CA_CHKPT_UNKNOWN2, 16401, "CHKPT_UNKNOWN2 (Check Point)")   \
	X(IKS_V1_CA_CHKPT_UNKNOWN3, 16402, "CHKPT_UNKNOWN3 (Check Point)")   \
	X(IKS_V1_CA_XAUTH_TYPE, 16520, "XAUTH_TYPE")                         \
	X(IKS_V1_CA_XAUTH_USER_NAME, 16521, "XAUTH_USER_NAME")               \
	X(IKS_V1_CA_XAUTH_USER_PASSWORD, 16522, "XAUTH_USER_PASSWORD")       \
	X(IKS_V1_CA_XAUTH_PASSCODE, 16523, "XAUTH_PASSCODE")                 \
	X(IKS_V1_CA_XAUTH_MESSAGE, 16524, "XAUTH_MESSAGE")                   \
	X(IKS_V1_CA_XAUTH_CHALLENGE, 16525, "XAUTH_CHALLENGE")               \
	X(IKS_V1_CA_XAUTH_DOMAIN, 16526, "XAUTH_DOMAIN")                     \
	X(IKS_V1_CA_XAUTH_STATUS, 16527, "XAUTH_STATUS")                     \
	X(IKS_V1_CA_XAUTH_NEXT_PIN, 16528, "XAUTH_NEXT_PIN")                 \
	X(IKS_V1_CA_XAUTH_ANSWER, 16529, "XAUTH_ANSWER")                     \
	X(IKS_V1_CA_MS_INTERNAL_IP4_SERVER, 23456,                           \
	  "INTERNAL_IP4_SERVER (Microsoft)")                                 \
	X(IKS_V1_CA_MS_INTERNAL_IP6_SERVER, 23457,                           \
	  "INTERNAL_IP6_SERVER (Microsoft)")                                 \
	X(IKS_V1_CA_UNITY_BANNER, 28672, "UNITY_BANNER")                     \
	X(IKS_V1_CA_UNITY_SAVE_PASSWD, 28673, "UNITY_SAVE_PASSWD")           \
	X(IKS_V1_CA_UNITY_DEF_DOMAIN, 28674, "UNITY_DEF_DOMAIN")             \
	X(IKS_V1_CA_UNITY_SPLIT_DOMAIN, 28675, "UNITY_SPLIT_DOMAIN")         \
	X(IKS_V1_CA_UNITY_SPLIT_INCLUDE, 28676, "UNITY_SPLIT_INCLUDE")       \
	X(IKS_V1_CA_UNITY_NATT_PORT, 28677, "UNITY_NATT_PORT")               \
	X(IKS_V1_CA_UNITY_SPLIT_EXCLUDE, 28678, "UNITY_SPLIT_EXCLUDE")       \
	X(IKS_V1_CA_UNITY_PFS, 28679, "UNITY_PFS")                           \
	X(IKS_V1_CA_UNITY_FW_TYPE, 28680, "UNITY_FW_TYPE")                   \
	X(IKS_V1_CA_UNITY_BACKUP_SERVERS, 28681, "UNITY_BACKUP_SERVERS")     \
	X(IKS_V1_CA_UNITY_DDNS_HOSTNAME, 28682, "UNITY_DDNS_HOSTNAME")

/* draft-ietf-ipsec-isakmp-xauth-06 4.2 XAUTH_TYPE values. */
#define IKS_V1_XAUTH_TYPE_LIST(X)                                            \
	X(IKS_V1_XAUTH_GENERIC, 0, "Generic")                                \
	X(IKS_V1_XAUTH_RADIUS_CHAP, 1, "RADIUS-CHAP")                        \
	X(IKS_V1_XAUTH_OTP, 2, "OTP")                                        \
	X(IKS_V1_XAUTH_SKEY, 3, "S/KEY")

/* ---------------------------------------------------------------- IKEv2 */

/* RFC 7296 section 3.2, RFC 7383 (SKF), IANA "IKEv2 Payload Types". */
#define IKS_V2_PAYLOAD_LIST(X)                                               \
	X(IKS_V2_PL_NONE, 0, "No Next Payload")                              \
	X(IKS_V2_PL_SA, 33, "Security Association")                          \
	X(IKS_V2_PL_KE, 34, "Key Exchange")                                  \
	X(IKS_V2_PL_IDI, 35, "Identification - Initiator")                   \
	X(IKS_V2_PL_IDR, 36, "Identification - Responder")                   \
	X(IKS_V2_PL_CERT, 37, "Certificate")                                 \
	X(IKS_V2_PL_CERTREQ, 38, "Certificate Request")                      \
	X(IKS_V2_PL_AUTH, 39, "Authentication")                              \
	X(IKS_V2_PL_NONCE, 40, "Nonce")                                      \
	X(IKS_V2_PL_N, 41, "Notify")                                         \
	X(IKS_V2_PL_D, 42, "Delete")                                         \
	X(IKS_V2_PL_V, 43, "Vendor ID")                                      \
	X(IKS_V2_PL_TSI, 44, "Traffic Selector - Initiator")                 \
	X(IKS_V2_PL_TSR, 45, "Traffic Selector - Responder")                 \
	X(IKS_V2_PL_SK, 46, "Encrypted and Authenticated")                   \
	X(IKS_V2_PL_CP, 47, "Configuration")                                 \
	X(IKS_V2_PL_EAP, 48, "Extensible Authentication")                    \
	X(IKS_V2_PL_GSPM, 49, "Generic Secure Password Method")              \
	X(IKS_V2_PL_IDG, 50, "Group Identification")                         \
	X(IKS_V2_PL_GSA, 51, "Group Security Association")                   \
	X(IKS_V2_PL_KD, 52, "Key Download")                                  \
	X(IKS_V2_PL_SKF, 53, "Encrypted and Authenticated Fragment")         \
	X(IKS_V2_PL_PS, 54, "Puzzle Solution")

/* RFC 7296 section 3.1 and IANA "IKEv2 Exchange Types". */
#define IKS_V2_EXCHANGE_LIST(X)                                              \
	X(IKS_V2_EX_IKE_SA_INIT, 34, "IKE_SA_INIT")                          \
	X(IKS_V2_EX_IKE_AUTH, 35, "IKE_AUTH")                                \
	X(IKS_V2_EX_CREATE_CHILD_SA, 36, "CREATE_CHILD_SA")                  \
	X(IKS_V2_EX_INFORMATIONAL, 37, "INFORMATIONAL")                      \
	X(IKS_V2_EX_IKE_SESSION_RESUME, 38, "IKE_SESSION_RESUME")            \
	X(IKS_V2_EX_GSA_AUTH, 39, "GSA_AUTH")                                \
	X(IKS_V2_EX_GSA_REGISTRATION, 40, "GSA_REGISTRATION")                \
	X(IKS_V2_EX_GSA_REKEY, 41, "GSA_REKEY")                              \
	X(IKS_V2_EX_GSA_INBAND_REKEY, 42, "GSA_INBAND_REKEY")                \
	X(IKS_V2_EX_IKE_INTERMEDIATE, 43, "IKE_INTERMEDIATE")                \
	X(IKS_V2_EX_IKE_FOLLOWUP_KE, 44, "IKE_FOLLOWUP_KE")

/* RFC 7296 section 3.1 flags */
#define IKS_V2_FLAG_I 0x08 /* sent by the original initiator */
#define IKS_V2_FLAG_V 0x10 /* higher version supported */
#define IKS_V2_FLAG_R 0x20 /* response */

/* RFC 7296 3.10.1 and IANA "IKEv2 Notify Message Types - Error Types"
 * (1-49) and "- Status Types" (16384-16446), with the RFC of each
 * extension; 12345 is the private error Windows sends. */
#define IKS_V2_NOTIFY_LIST(X)                                                \
	X(IKS_V2_N_UNSUPPORTED_CRITICAL_PAYLOAD, 1,                          \
	  "UNSUPPORTED_CRITICAL_PAYLOAD")                                    \
	X(IKS_V2_N_INVALID_IKE_SPI, 4, "INVALID_IKE_SPI")                    \
	X(IKS_V2_N_INVALID_MAJOR_VERSION, 5, "INVALID_MAJOR_VERSION")        \
	X(IKS_V2_N_INVALID_SYNTAX, 7, "INVALID_SYNTAX")                      \
	X(IKS_V2_N_INVALID_MESSAGE_ID, 9, "INVALID_MESSAGE_ID")              \
	X(IKS_V2_N_INVALID_SPI, 11, "INVALID_SPI")                           \
	X(IKS_V2_N_NO_PROPOSAL_CHOSEN, 14, "NO_PROPOSAL_CHOSEN")             \
	X(IKS_V2_N_INVALID_KE_PAYLOAD, 17, "INVALID_KE_PAYLOAD")             \
	X(IKS_V2_N_AUTHENTICATION_FAILED, 24, "AUTHENTICATION_FAILED")       \
	X(IKS_V2_N_SINGLE_PAIR_REQUIRED, 34, "SINGLE_PAIR_REQUIRED")         \
	X(IKS_V2_N_NO_ADDITIONAL_SAS, 35, "NO_ADDITIONAL_SAS")               \
	X(IKS_V2_N_INTERNAL_ADDRESS_FAILURE, 36, "INTERNAL_ADDRESS_FAILURE") \
	X(IKS_V2_N_FAILED_CP_REQUIRED, 37, "FAILED_CP_REQUIRED")             \
	X(IKS_V2_N_TS_UNACCEPTABLE, 38, "TS_UNACCEPTABLE")                   \
	X(IKS_V2_N_INVALID_SELECTORS, 39, "INVALID_SELECTORS")               \
	/* RFC 4555 */                                                       \
	X(IKS_V2_N_UNACCEPTABLE_ADDRESSES, 40, "UNACCEPTABLE_ADDRESSES")     \
	/* RFC 4555 */                                                       \
	X(IKS_V2_N_UNEXPECTED_NAT_DETECTED, 41, "UNEXPECTED_NAT_DETECTED")   \
	X(IKS_V2_N_USE_ASSIGNED_HOA, 42, "USE_ASSIGNED_HoA") /* RFC 5026 */  \
	X(IKS_V2_N_TEMPORARY_FAILURE, 43, "TEMPORARY_FAILURE")               \
	X(IKS_V2_N_CHILD_SA_NOT_FOUND, 44, "CHILD_SA_NOT_FOUND")             \
	X(IKS_V2_N_INVALID_GROUP_ID, 45, "INVALID_GROUP_ID") /* G-IKEv2 */   \
	/* G-IKEv2 */                                                        \
	X(IKS_V2_N_AUTHORIZATION_FAILED, 46, "AUTHORIZATION_FAILED")         \
	X(IKS_V2_N_STATE_NOT_FOUND, 47, "STATE_NOT_FOUND") /* RFC 9370 */    \
	X(IKS_V2_N_TS_MAX_QUEUE, 48, "TS_MAX_QUEUE") /* RFC 9611 */          \
	/* G-IKEv2 */                                                        \
	X(IKS_V2_N_REGISTRATION_FAILED, 49, "REGISTRATION_FAILED")           \
	X(IKS_V2_N_MS_NOTIFY_STATUS, 12345, "MS_NOTIFY_STATUS (Windows)")    \
	X(IKS_V2_N_INITIAL_CONTACT, 16384, "INITIAL_CONTACT")                \
	X(IKS_V2_N_SET_WINDOW_SIZE, 16385, "SET_WINDOW_SIZE")                \
	X(IKS_V2_N_ADDITIONAL_TS_POSSIBLE, 16386, "ADDITIONAL_TS_POSSIBLE")  \
	X(IKS_V2_N_IPCOMP_SUPPORTED, 16387, "IPCOMP_SUPPORTED")              \
	X(IKS_V2_N_NAT_DETECTION_SOURCE_IP, 16388,                           \
	  "NAT_DETECTION_SOURCE_IP")                                         \
	X(IKS_V2_N_NAT_DETECTION_DESTINATION_IP, 16389,                      \
	  "NAT_DETECTION_DESTINATION_IP")                                    \
	X(IKS_V2_N_COOKIE, 16390, "COOKIE")                                  \
	X(IKS_V2_N_USE_TRANSPORT_MODE, 16391, "USE_TRANSPORT_MODE")          \
	X(IKS_V2_N_HTTP_CERT_LOOKUP_SUPPORTED, 16392,                        \
	  "HTTP_CERT_LOOKUP_SUPPORTED")                                      \
	X(IKS_V2_N_REKEY_SA, 16393, "REKEY_SA")                              \
	X(IKS_V2_N_ESP_TFC_PADDING_NOT_SUPPORTED, 16394,                     \
	  "ESP_TFC_PADDING_NOT_SUPPORTED")                                   \
	X(IKS_V2_N_NON_FIRST_FRAGMENTS_ALSO, 16395,                          \
	  "NON_FIRST_FRAGMENTS_ALSO")                                        \
	/* RFC 4555 */                                                       \
	X(IKS_V2_N_MOBIKE_SUPPORTED, 16396, "MOBIKE_SUPPORTED")              \
	X(IKS_V2_N_ADDITIONAL_IP4_ADDRESS, 16397, "ADDITIONAL_IP4_ADDRESS")  \
	X(IKS_V2_N_ADDITIONAL_IP6_ADDRESS, 16398, "ADDITIONAL_IP6_ADDRESS")  \
	X(IKS_V2_N_NO_ADDITIONAL_ADDRESSES, 16399,                           \
	  "NO_ADDITIONAL_ADDRESSES")                                         \
	X(IKS_V2_N_UPDATE_SA_ADDRESSES, 16400, "UPDATE_SA_ADDRESSES")        \
	X(IKS_V2_N_COOKIE2, 16401, "COOKIE2")                                \
	X(IKS_V2_N_NO_NATS_ALLOWED, 16402, "NO_NATS_ALLOWED")                \
	X(IKS_V2_N_AUTH_LIFETIME, 16403, "AUTH_LIFETIME") /* RFC 4478 */     \
	X(IKS_V2_N_MULTIPLE_AUTH_SUPPORTED, 16404,                           \
	  "MULTIPLE_AUTH_SUPPORTED") /* RFC 4739 */                          \
	X(IKS_V2_N_ANOTHER_AUTH_FOLLOWS, 16405, "ANOTHER_AUTH_FOLLOWS")      \
	/* RFC 5685 */                                                       \
	X(IKS_V2_N_REDIRECT_SUPPORTED, 16406, "REDIRECT_SUPPORTED")          \
	X(IKS_V2_N_REDIRECT, 16407, "REDIRECT")                              \
	X(IKS_V2_N_REDIRECTED_FROM, 16408, "REDIRECTED_FROM")                \
	/* RFC 5723 */                                                       \
	X(IKS_V2_N_TICKET_LT_OPAQUE, 16409, "TICKET_LT_OPAQUE")              \
	X(IKS_V2_N_TICKET_REQUEST, 16410, "TICKET_REQUEST")                  \
	X(IKS_V2_N_TICKET_ACK, 16411, "TICKET_ACK")                          \
	X(IKS_V2_N_TICKET_NACK, 16412, "TICKET_NACK")                        \
	X(IKS_V2_N_TICKET_OPAQUE, 16413, "TICKET_OPAQUE")                    \
	X(IKS_V2_N_LINK_ID, 16414, "LINK_ID") /* RFC 5739 */                 \
	X(IKS_V2_N_USE_WESP_MODE, 16415, "USE_WESP_MODE") /* RFC 5840 */     \
	X(IKS_V2_N_ROHC_SUPPORTED, 16416, "ROHC_SUPPORTED") /* RFC 5857 */   \
	X(IKS_V2_N_EAP_ONLY_AUTHENTICATION, 16417,                           \
	  "EAP_ONLY_AUTHENTICATION") /* RFC 5998 */                          \
	X(IKS_V2_N_CHILDLESS_IKEV2_SUPPORTED, 16418,                         \
	  "CHILDLESS_IKEV2_SUPPORTED") /* RFC 6023 */                        \
	/* RFC 6290 */                                                       \
	X(IKS_V2_N_QUICK_CRASH_DETECTION, 16419, "QUICK_CRASH_DETECTION")    \
	X(IKS_V2_N_IKEV2_MESSAGE_ID_SYNC_SUPPORTED, 16420,                   \
	  "IKEV2_MESSAGE_ID_SYNC_SUPPORTED") /* RFC 6311 */                  \
	X(IKS_V2_N_IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED, 16421,               \
	  "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED")                             \
	X(IKS_V2_N_IKEV2_MESSAGE_ID_SYNC, 16422, "IKEV2_MESSAGE_ID_SYNC")    \
	X(IKS_V2_N_IPSEC_REPLAY_COUNTER_SYNC, 16423,                         \
	  "IPSEC_REPLAY_COUNTER_SYNC")                                       \
	X(IKS_V2_N_SECURE_PASSWORD_METHODS, 16424,                           \
	  "SECURE_PASSWORD_METHODS") /* RFC 6467 */                          \
	X(IKS_V2_N_PSK_PERSIST, 16425, "PSK_PERSIST") /* RFC 6631 */         \
	X(IKS_V2_N_PSK_CONFIRM, 16426, "PSK_CONFIRM")                        \
	X(IKS_V2_N_ERX_SUPPORTED, 16427, "ERX_SUPPORTED") /* RFC 6867 */     \
	/* 3GPP TS 24.303 */                                                 \
	X(IKS_V2_N_IFOM_CAPABILITY, 16428, "IFOM_CAPABILITY")                \
	X(IKS_V2_N_GROUP_SENDER, 16429, "GROUP_SENDER") /* G-IKEv2 */        \
	X(IKS_V2_N_IKEV2_FRAGMENTATION_SUPPORTED, 16430,                     \
	  "IKEV2_FRAGMENTATION_SUPPORTED") /* RFC 7383 */                    \
	X(IKS_V2_N_SIGNATURE_HASH_ALGORITHMS, 16431,                         \
	  "SIGNATURE_HASH_ALGORITHMS") /* RFC 7427 */                        \
	/* RFC 7791 */                                                       \
	X(IKS_V2_N_CLONE_IKE_SA_SUPPORTED, 16432, "CLONE_IKE_SA_SUPPORTED")  \
	X(IKS_V2_N_CLONE_IKE_SA, 16433, "CLONE_IKE_SA")                      \
	X(IKS_V2_N_PUZZLE, 16434, "PUZZLE") /* RFC 8019 */                   \
	X(IKS_V2_N_USE_PPK, 16435, "USE_PPK") /* RFC 8784 */                 \
	X(IKS_V2_N_PPK_IDENTITY, 16436, "PPK_IDENTITY")                      \
	X(IKS_V2_N_NO_PPK_AUTH, 16437, "NO_PPK_AUTH")                        \
	X(IKS_V2_N_INTERMEDIATE_EXCHANGE_SUPPORTED, 16438,                   \
	  "INTERMEDIATE_EXCHANGE_SUPPORTED") /* RFC 9242 */                  \
	X(IKS_V2_N_IP4_ALLOWED, 16439, "IP4_ALLOWED") /* RFC 8983 */         \
	X(IKS_V2_N_IP6_ALLOWED, 16440, "IP6_ALLOWED")                        \
	X(IKS_V2_N_ADDITIONAL_KEY_EXCHANGE, 16441,                           \
	  "ADDITIONAL_KEY_EXCHANGE") /* RFC 9370 */                          \
	X(IKS_V2_N_USE_AGGFRAG, 16442, "USE_AGGFRAG") /* RFC 9347 */         \
	/* RFC 9593 */                                                       \
	X(IKS_V2_N_SUPPORTED_AUTH_METHODS, 16443, "SUPPORTED_AUTH_METHODS")  \
	/* RFC 9611 */                                                       \
	X(IKS_V2_N_SA_RESOURCE_INFO, 16444, "SA_RESOURCE_INFO")              \
	/* draft-ietf-ipsecme-ikev2-qr-alt */                                \
	X(IKS_V2_N_USE_PPK_INT, 16445, "USE_PPK_INT")                        \
	X(IKS_V2_N_PPK_IDENTITY_KEY, 16446, "PPK_IDENTITY_KEY")

/* RFC 7296 3.3.1 security protocol identifiers; RFC 4595 (4, 5).  0 is
 * "no SPI" in Notify and Delete payloads. */
#define IKS_V2_PROTO_LIST(X)                                                 \
	X(IKS_V2_PROTO_NONE, 0, "NONE")                                      \
	X(IKS_V2_PROTO_IKE, 1, "IKE")                                        \
	X(IKS_V2_PROTO_AH, 2, "AH")                                          \
	X(IKS_V2_PROTO_ESP, 3, "ESP")                                        \
	X(IKS_V2_PROTO_FC_ESP_HEADER, 4, "FC_ESP_HEADER")                    \
	X(IKS_V2_PROTO_FC_CT_AUTHENTICATION, 5, "FC_CT_AUTHENTICATION")

/* RFC 7296 3.3.2 transform types; RFC 9370 renamed 4 (was D-H) and
 * added ADDKE1-7; 13-14 from G-IKEv2. */
#define IKS_V2_TRANSFORM_TYPE_LIST(X)                                        \
	X(IKS_V2_XFT_ENCR, 1, "Encryption Algorithm (ENCR)")                 \
	X(IKS_V2_XFT_PRF, 2, "Pseudorandom Function (PRF)")                  \
	X(IKS_V2_XFT_INTEG, 3, "Integrity Algorithm (INTEG)")                \
	X(IKS_V2_XFT_KE, 4, "Key Exchange Method (KE)")                      \
	X(IKS_V2_XFT_ESN, 5, "Extended Sequence Numbers (ESN)")              \
	X(IKS_V2_XFT_ADDKE1, 6, "Additional Key Exchange 1 (ADDKE1)")        \
	X(IKS_V2_XFT_ADDKE2, 7, "Additional Key Exchange 2 (ADDKE2)")        \
	X(IKS_V2_XFT_ADDKE3, 8, "Additional Key Exchange 3 (ADDKE3)")        \
	X(IKS_V2_XFT_ADDKE4, 9, "Additional Key Exchange 4 (ADDKE4)")        \
	X(IKS_V2_XFT_ADDKE5, 10, "Additional Key Exchange 5 (ADDKE5)")       \
	X(IKS_V2_XFT_ADDKE6, 11, "Additional Key Exchange 6 (ADDKE6)")       \
	X(IKS_V2_XFT_ADDKE7, 12, "Additional Key Exchange 7 (ADDKE7)")       \
	X(IKS_V2_XFT_KWA, 13, "Key Wrap Algorithm (KWA)")                    \
	X(IKS_V2_XFT_GCAUTH, 14,                                             \
	  "Group Controller Authentication Method (GCAUTH)")

/* RFC 7296 3.3.2 Transform Type 1 IDs, IANA: RFC 3686 (13), RFC 4309
 * (14-16), RFC 4106 (18-20), RFC 4543 (21), RFC 5529 (23-27), RFC 7634
 * (28), RFC 8750 (29-31), RFC 9227 (32-35).  Weak per RFC 8247 1.3/2.1
 * (MUST NOT, and 3DES's 64-bit block). */
#define IKS_V2_ENCR_LIST(X)                                                  \
	X(IKS_V2_ENCR_DES_IV64, 1, "ENCR_DES_IV64", NULL, IKS_F_WEAK)        \
	X(IKS_V2_ENCR_DES, 2, "ENCR_DES", "des", IKS_F_WEAK)                 \
	X(IKS_V2_ENCR_3DES, 3, "ENCR_3DES", "3des", IKS_F_WEAK)              \
	X(IKS_V2_ENCR_RC5, 4, "ENCR_RC5", NULL, IKS_F_WEAK | IKS_F_KEYLEN)   \
	X(IKS_V2_ENCR_IDEA, 5, "ENCR_IDEA", NULL, IKS_F_WEAK)                \
	X(IKS_V2_ENCR_CAST, 6, "ENCR_CAST", "cast128",                       \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_BLOWFISH, 7, "ENCR_BLOWFISH", "blowfish*",             \
	  IKS_F_WEAK | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_3IDEA, 8, "ENCR_3IDEA", NULL, IKS_F_WEAK)              \
	X(IKS_V2_ENCR_DES_IV32, 9, "ENCR_DES_IV32", NULL, IKS_F_WEAK)        \
	X(IKS_V2_ENCR_NULL, 11, "ENCR_NULL", "null", IKS_F_WEAK)             \
	X(IKS_V2_ENCR_AES_CBC, 12, "ENCR_AES_CBC", "aes*", IKS_F_KEYLEN)     \
	X(IKS_V2_ENCR_AES_CTR, 13, "ENCR_AES_CTR", "aes*ctr", IKS_F_KEYLEN)  \
	X(IKS_V2_ENCR_AES_CCM_8, 14, "ENCR_AES_CCM_8", "aes*ccm8",           \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_CCM_12, 15, "ENCR_AES_CCM_12", "aes*ccm12",        \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_CCM_16, 16, "ENCR_AES_CCM_16", "aes*ccm16",        \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_GCM_8, 18, "ENCR_AES_GCM_8", "aes*gcm8",           \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_GCM_12, 19, "ENCR_AES_GCM_12", "aes*gcm12",        \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_GCM_16, 20, "ENCR_AES_GCM_16", "aes*gcm16",        \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_NULL_AUTH_AES_GMAC, 21, "ENCR_NULL_AUTH_AES_GMAC",     \
	  "aes*gmac", IKS_F_AEAD | IKS_F_KEYLEN)                             \
	X(IKS_V2_ENCR_XTS_AES, 22, "Reserved for IEEE P1619 XTS-AES")        \
	X(IKS_V2_ENCR_CAMELLIA_CBC, 23, "ENCR_CAMELLIA_CBC", "camellia*",    \
	  IKS_F_KEYLEN)                                                      \
	X(IKS_V2_ENCR_CAMELLIA_CTR, 24, "ENCR_CAMELLIA_CTR", "camellia*ctr", \
	  IKS_F_KEYLEN)                                                      \
	X(IKS_V2_ENCR_CAMELLIA_CCM_8, 25, "ENCR_CAMELLIA_CCM_8",             \
	  "camellia*ccm8", IKS_F_AEAD | IKS_F_KEYLEN)                        \
	X(IKS_V2_ENCR_CAMELLIA_CCM_12, 26, "ENCR_CAMELLIA_CCM_12",           \
	  "camellia*ccm12", IKS_F_AEAD | IKS_F_KEYLEN)                       \
	X(IKS_V2_ENCR_CAMELLIA_CCM_16, 27, "ENCR_CAMELLIA_CCM_16",           \
	  "camellia*ccm16", IKS_F_AEAD | IKS_F_KEYLEN)                       \
	X(IKS_V2_ENCR_CHACHA20_POLY1305, 28, "ENCR_CHACHA20_POLY1305",       \
	  "chacha20poly1305", IKS_F_AEAD)                                    \
	X(IKS_V2_ENCR_AES_CCM_8_IIV, 29, "ENCR_AES_CCM_8_IIV", NULL,         \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_AES_GCM_16_IIV, 30, "ENCR_AES_GCM_16_IIV", NULL,       \
	  IKS_F_AEAD | IKS_F_KEYLEN)                                         \
	X(IKS_V2_ENCR_CHACHA20_POLY1305_IIV, 31,                             \
	  "ENCR_CHACHA20_POLY1305_IIV", NULL, IKS_F_AEAD)                    \
	X(IKS_V2_ENCR_KUZNYECHIK_MGM_KTREE, 32, "ENCR_KUZNYECHIK_MGM_KTREE", \
	  NULL, IKS_F_AEAD)                                                  \
	X(IKS_V2_ENCR_MAGMA_MGM_KTREE, 33, "ENCR_MAGMA_MGM_KTREE", NULL,     \
	  IKS_F_AEAD)                                                        \
	X(IKS_V2_ENCR_KUZNYECHIK_MGM_MAC_KTREE, 34,                          \
	  "ENCR_KUZNYECHIK_MGM_MAC_KTREE", NULL, IKS_F_AEAD)                 \
	X(IKS_V2_ENCR_MAGMA_MGM_MAC_KTREE, 35, "ENCR_MAGMA_MGM_MAC_KTREE",   \
	  NULL, IKS_F_AEAD)

/* RFC 7296 3.3.2 Transform Type 2 IDs; RFC 4434, RFC 4868, RFC 4615,
 * RFC 9385 (9).  RFC 8247 3.2: MD5 MUST NOT, SHA-1 MUST- (phased out). */
#define IKS_V2_PRF_LIST(X)                                                   \
	X(IKS_V2_PRF_HMAC_MD5, 1, "PRF_HMAC_MD5", "prfmd5", IKS_F_WEAK)      \
	X(IKS_V2_PRF_HMAC_SHA1, 2, "PRF_HMAC_SHA1", "prfsha1", IKS_F_WEAK)   \
	X(IKS_V2_PRF_HMAC_TIGER, 3, "PRF_HMAC_TIGER", NULL, 0)               \
	X(IKS_V2_PRF_AES128_XCBC, 4, "PRF_AES128_XCBC", "prfaesxcbc", 0)     \
	X(IKS_V2_PRF_HMAC_SHA2_256, 5, "PRF_HMAC_SHA2_256", "prfsha256", 0)  \
	X(IKS_V2_PRF_HMAC_SHA2_384, 6, "PRF_HMAC_SHA2_384", "prfsha384", 0)  \
	X(IKS_V2_PRF_HMAC_SHA2_512, 7, "PRF_HMAC_SHA2_512", "prfsha512", 0)  \
	X(IKS_V2_PRF_AES128_CMAC, 8, "PRF_AES128_CMAC", "prfaescmac", 0)     \
	X(IKS_V2_PRF_HMAC_STREEBOG_512, 9, "PRF_HMAC_STREEBOG_512", NULL, 0)

/* RFC 7296 3.3.2 Transform Type 3 IDs; RFC 4595 (6, 7), RFC 4494 (8),
 * RFC 4543 (9-11), RFC 4868 (12-14).  RFC 8247 3.3 / RFC 8221: MD5, DES
 * and KPDK MUST NOT; SHA-1 being phased out. */
#define IKS_V2_INTEG_LIST(X)                                                 \
	X(IKS_V2_INTEG_NONE, 0, "NONE")                                      \
	X(IKS_V2_INTEG_HMAC_MD5_96, 1, "AUTH_HMAC_MD5_96", "md5",            \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_INTEG_HMAC_SHA1_96, 2, "AUTH_HMAC_SHA1_96", "sha1",         \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_INTEG_DES_MAC, 3, "AUTH_DES_MAC", NULL, IKS_F_WEAK)         \
	X(IKS_V2_INTEG_KPDK_MD5, 4, "AUTH_KPDK_MD5", NULL, IKS_F_WEAK)       \
	X(IKS_V2_INTEG_AES_XCBC_96, 5, "AUTH_AES_XCBC_96", "aesxcbc", 0)     \
	X(IKS_V2_INTEG_HMAC_MD5_128, 6, "AUTH_HMAC_MD5_128", "md5_128",      \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_INTEG_HMAC_SHA1_160, 7, "AUTH_HMAC_SHA1_160", "sha1_160",   \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_INTEG_AES_CMAC_96, 8, "AUTH_AES_CMAC_96", "aescmac", 0)     \
	X(IKS_V2_INTEG_AES_128_GMAC, 9, "AUTH_AES_128_GMAC", NULL, 0)        \
	X(IKS_V2_INTEG_AES_192_GMAC, 10, "AUTH_AES_192_GMAC", NULL, 0)       \
	X(IKS_V2_INTEG_AES_256_GMAC, 11, "AUTH_AES_256_GMAC", NULL, 0)       \
	X(IKS_V2_INTEG_HMAC_SHA2_256_128, 12, "AUTH_HMAC_SHA2_256_128",      \
	  "sha256", 0)                                                       \
	X(IKS_V2_INTEG_HMAC_SHA2_384_192, 13, "AUTH_HMAC_SHA2_384_192",      \
	  "sha384", 0)                                                       \
	X(IKS_V2_INTEG_HMAC_SHA2_512_256, 14, "AUTH_HMAC_SHA2_512_256",      \
	  "sha512", 0)

/* RFC 7296 3.3.2 Transform Type 4 (Key Exchange Method, RFC 9370) IDs:
 * RFC 2409 (1, 2), RFC 3526 (5, 14-18), RFC 5903 (19-21), RFC 5114
 * (22-26), RFC 6954 (27-30), RFC 8031 (31, 32), RFC 9385 (33, 34),
 * draft-ietf-ipsecme-ikev2-mlkem (35-37).  Weak per RFC 8247 2.4:
 * 1 MUST NOT, 2/5/22-24 SHOULD NOT; ecp192 is below 112-bit strength. */
#define IKS_V2_KE_LIST(X)                                                    \
	X(IKS_V2_KE_NONE, 0, "NONE", "none", 0)                              \
	X(IKS_V2_KE_MODP768, 1, "768-bit MODP Group", "modp768", IKS_F_WEAK) \
	X(IKS_V2_KE_MODP1024, 2, "1024-bit MODP Group", "modp1024",          \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_KE_MODP1536, 5, "1536-bit MODP Group", "modp1536",          \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_KE_MODP2048, 14, "2048-bit MODP Group", "modp2048", 0)      \
	X(IKS_V2_KE_MODP3072, 15, "3072-bit MODP Group", "modp3072", 0)      \
	X(IKS_V2_KE_MODP4096, 16, "4096-bit MODP Group", "modp4096", 0)      \
	X(IKS_V2_KE_MODP6144, 17, "6144-bit MODP Group", "modp6144", 0)      \
	X(IKS_V2_KE_MODP8192, 18, "8192-bit MODP Group", "modp8192", 0)      \
	X(IKS_V2_KE_ECP256, 19, "256-bit random ECP group", "ecp256", 0)     \
	X(IKS_V2_KE_ECP384, 20, "384-bit random ECP group", "ecp384", 0)     \
	X(IKS_V2_KE_ECP521, 21, "521-bit random ECP group", "ecp521", 0)     \
	X(IKS_V2_KE_MODP1024S160, 22,                                        \
	  "1024-bit MODP Group with 160-bit Prime Order Subgroup",           \
	  "modp1024s160", IKS_F_WEAK)                                        \
	X(IKS_V2_KE_MODP2048S224, 23,                                        \
	  "2048-bit MODP Group with 224-bit Prime Order Subgroup",           \
	  "modp2048s224", IKS_F_WEAK)                                        \
	X(IKS_V2_KE_MODP2048S256, 24,                                        \
	  "2048-bit MODP Group with 256-bit Prime Order Subgroup",           \
	  "modp2048s256", IKS_F_WEAK)                                        \
	X(IKS_V2_KE_ECP192, 25, "192-bit Random ECP Group", "ecp192",        \
	  IKS_F_WEAK)                                                        \
	X(IKS_V2_KE_ECP224, 26, "224-bit Random ECP Group", "ecp224", 0)     \
	X(IKS_V2_KE_ECP224BP, 27, "brainpoolP224r1", "ecp224bp", 0)          \
	X(IKS_V2_KE_ECP256BP, 28, "brainpoolP256r1", "ecp256bp", 0)          \
	X(IKS_V2_KE_ECP384BP, 29, "brainpoolP384r1", "ecp384bp", 0)          \
	X(IKS_V2_KE_ECP512BP, 30, "brainpoolP512r1", "ecp512bp", 0)          \
	X(IKS_V2_KE_CURVE25519, 31, "Curve25519", "x25519", 0)               \
	X(IKS_V2_KE_CURVE448, 32, "Curve448", "x448", 0)                     \
	X(IKS_V2_KE_GOST3410_2012_256, 33, "GOST3410_2012_256", "gost256",   \
	  0)                                                                 \
	X(IKS_V2_KE_GOST3410_2012_512, 34, "GOST3410_2012_512", "gost512",   \
	  0)                                                                 \
	X(IKS_V2_KE_ML_KEM_512, 35, "ML-KEM-512", "mlkem512", 0)             \
	X(IKS_V2_KE_ML_KEM_768, 36, "ML-KEM-768", "mlkem768", 0)             \
	X(IKS_V2_KE_ML_KEM_1024, 37, "ML-KEM-1024", "mlkem1024", 0)

/* RFC 7296 3.3.2 Transform Type 5 IDs. */
#define IKS_V2_ESN_LIST(X)                                                   \
	X(IKS_V2_ESN_NO, 0, "No Extended Sequence Numbers", "noesn", 0)      \
	X(IKS_V2_ESN_YES, 1, "Extended Sequence Numbers", "esn", 0)

/* RFC 7296 3.3.5 transform attribute types. */
#define IKS_V2_TRANSFORM_ATTR_LIST(X)                                        \
	X(IKS_V2_ATTR_KEY_LENGTH, 14, "Key Length")

/* RFC 7296 3.5 identification types; RFC 4595 (12), RFC 7619 (13). */
#define IKS_V2_ID_LIST(X)                                                    \
	X(IKS_V2_ID_IPV4_ADDR, 1, "ID_IPV4_ADDR")                            \
	X(IKS_V2_ID_FQDN, 2, "ID_FQDN")                                      \
	X(IKS_V2_ID_RFC822_ADDR, 3, "ID_RFC822_ADDR")                        \
	X(IKS_V2_ID_IPV6_ADDR, 5, "ID_IPV6_ADDR")                            \
	X(IKS_V2_ID_DER_ASN1_DN, 9, "ID_DER_ASN1_DN")                        \
	X(IKS_V2_ID_DER_ASN1_GN, 10, "ID_DER_ASN1_GN")                       \
	X(IKS_V2_ID_KEY_ID, 11, "ID_KEY_ID")                                 \
	X(IKS_V2_ID_FC_NAME, 12, "ID_FC_NAME")                               \
	X(IKS_V2_ID_NULL, 13, "ID_NULL")

/* RFC 7296 3.8 authentication methods; RFC 4754 (9-11), RFC 6467 (12),
 * RFC 7619 (13), RFC 7427 (14). */
#define IKS_V2_AUTH_LIST(X)                                                  \
	X(IKS_V2_AUTH_RSA_SIG, 1, "RSA Digital Signature")                   \
	X(IKS_V2_AUTH_PSK, 2, "Shared Key Message Integrity Code")           \
	X(IKS_V2_AUTH_DSS_SIG, 3, "DSS Digital Signature")                   \
	X(IKS_V2_AUTH_ECDSA_256, 9, "ECDSA with SHA-256 on the P-256 curve") \
	X(IKS_V2_AUTH_ECDSA_384, 10,                                         \
	  "ECDSA with SHA-384 on the P-384 curve")                           \
	X(IKS_V2_AUTH_ECDSA_521, 11,                                         \
	  "ECDSA with SHA-512 on the P-521 curve")                           \
	X(IKS_V2_AUTH_GSPAM, 12,                                             \
	  "Generic Secure Password Authentication Method")                   \
	X(IKS_V2_AUTH_NULL, 13, "NULL Authentication")                       \
	X(IKS_V2_AUTH_DIGITAL_SIGNATURE, 14, "Digital Signature")

/* RFC 7296 3.6 certificate encodings; RFC 4806 (14), RFC 7670 (15). */
#define IKS_V2_CERT_LIST(X)                                                  \
	X(IKS_V2_CERT_PKCS7_X509, 1, "PKCS #7 wrapped X.509 certificate")    \
	X(IKS_V2_CERT_PGP, 2, "PGP Certificate")                             \
	X(IKS_V2_CERT_DNS_SIGNED_KEY, 3, "DNS Signed Key")                   \
	X(IKS_V2_CERT_X509_SIG, 4, "X.509 Certificate - Signature")          \
	X(IKS_V2_CERT_KERBEROS, 6, "Kerberos Token")                         \
	X(IKS_V2_CERT_CRL, 7, "Certificate Revocation List (CRL)")           \
	X(IKS_V2_CERT_ARL, 8, "Authority Revocation List (ARL)")             \
	X(IKS_V2_CERT_SPKI, 9, "SPKI Certificate")                           \
	X(IKS_V2_CERT_X509_ATTR, 10, "X.509 Certificate - Attribute")        \
	X(IKS_V2_CERT_RAW_RSA, 11, "Raw RSA Key")                            \
	X(IKS_V2_CERT_HASH_URL_X509, 12,                                     \
	  "Hash and URL of X.509 certificate")                               \
	X(IKS_V2_CERT_HASH_URL_BUNDLE, 13, "Hash and URL of X.509 bundle")   \
	X(IKS_V2_CERT_OCSP, 14, "OCSP Content")                              \
	X(IKS_V2_CERT_RAW_PUBLIC_KEY, 15, "Raw Public Key")

/* RFC 7296 3.13.1 traffic selector types; RFC 4595 (9), RFC 9478 (10). */
#define IKS_V2_TS_LIST(X)                                                    \
	X(IKS_V2_TS_IPV4_ADDR_RANGE, 7, "TS_IPV4_ADDR_RANGE")                \
	X(IKS_V2_TS_IPV6_ADDR_RANGE, 8, "TS_IPV6_ADDR_RANGE")                \
	X(IKS_V2_TS_FC_ADDR_RANGE, 9, "TS_FC_ADDR_RANGE")                    \
	X(IKS_V2_TS_SECLABEL, 10, "TS_SECLABEL")

/* RFC 7296 3.15 configuration payload types. */
#define IKS_V2_CFG_TYPE_LIST(X)                                              \
	X(IKS_V2_CFG_REQUEST, 1, "CFG_REQUEST")                              \
	X(IKS_V2_CFG_REPLY, 2, "CFG_REPLY")                                  \
	X(IKS_V2_CFG_SET, 3, "CFG_SET")                                      \
	X(IKS_V2_CFG_ACK, 4, "CFG_ACK")

/* RFC 7296 3.15.1 configuration attributes (5, 9, 11 were RFC 4306's and
 * are reserved now); RFC 5739 (16-18), 3GPP TS 24.302 (19, 22, 24),
 * RFC 7651 (20, 21), 3GPP TS 29.139 (23), RFC 8598 (25, 26). */
#define IKS_V2_CFG_ATTR_LIST(X)                                              \
	X(IKS_V2_CA_INTERNAL_IP4_ADDRESS, 1, "INTERNAL_IP4_ADDRESS")         \
	X(IKS_V2_CA_INTERNAL_IP4_NETMASK, 2, "INTERNAL_IP4_NETMASK")         \
	X(IKS_V2_CA_INTERNAL_IP4_DNS, 3, "INTERNAL_IP4_DNS")                 \
	X(IKS_V2_CA_INTERNAL_IP4_NBNS, 4, "INTERNAL_IP4_NBNS")               \
	X(IKS_V2_CA_INTERNAL_ADDRESS_EXPIRY, 5, "INTERNAL_ADDRESS_EXPIRY")   \
	X(IKS_V2_CA_INTERNAL_IP4_DHCP, 6, "INTERNAL_IP4_DHCP")               \
	X(IKS_V2_CA_APPLICATION_VERSION, 7, "APPLICATION_VERSION")           \
	X(IKS_V2_CA_INTERNAL_IP6_ADDRESS, 8, "INTERNAL_IP6_ADDRESS")         \
	X(IKS_V2_CA_INTERNAL_IP6_NETMASK, 9, "INTERNAL_IP6_NETMASK")         \
	X(IKS_V2_CA_INTERNAL_IP6_DNS, 10, "INTERNAL_IP6_DNS")                \
	X(IKS_V2_CA_INTERNAL_IP6_NBNS, 11, "INTERNAL_IP6_NBNS")              \
	X(IKS_V2_CA_INTERNAL_IP6_DHCP, 12, "INTERNAL_IP6_DHCP")              \
	X(IKS_V2_CA_INTERNAL_IP4_SUBNET, 13, "INTERNAL_IP4_SUBNET")          \
	X(IKS_V2_CA_SUPPORTED_ATTRIBUTES, 14, "SUPPORTED_ATTRIBUTES")        \
	X(IKS_V2_CA_INTERNAL_IP6_SUBNET, 15, "INTERNAL_IP6_SUBNET")          \
	X(IKS_V2_CA_MIP6_HOME_PREFIX, 16, "MIP6_HOME_PREFIX")                \
	X(IKS_V2_CA_INTERNAL_IP6_LINK, 17, "INTERNAL_IP6_LINK")              \
	X(IKS_V2_CA_INTERNAL_IP6_PREFIX, 18, "INTERNAL_IP6_PREFIX")          \
	X(IKS_V2_CA_HOME_AGENT_ADDRESS, 19, "HOME_AGENT_ADDRESS")            \
	X(IKS_V2_CA_P_CSCF_IP4_ADDRESS, 20, "P_CSCF_IP4_ADDRESS")            \
	X(IKS_V2_CA_P_CSCF_IP6_ADDRESS, 21, "P_CSCF_IP6_ADDRESS")            \
	X(IKS_V2_CA_FTT_KAT, 22, "FTT_KAT")                                  \
	X(IKS_V2_CA_EXTERNAL_SOURCE_IP4_NAT_INFO, 23,                        \
	  "EXTERNAL_SOURCE_IP4_NAT_INFO")                                    \
	X(IKS_V2_CA_TIMEOUT_PERIOD_FOR_LIVENESS_CHECK, 24,                   \
	  "TIMEOUT_PERIOD_FOR_LIVENESS_CHECK")                               \
	X(IKS_V2_CA_INTERNAL_DNS_DOMAIN, 25, "INTERNAL_DNS_DOMAIN")          \
	X(IKS_V2_CA_INTERNAL_DNSSEC_TA, 26, "INTERNAL_DNSSEC_TA")

/* RFC 7427 4 / IANA "IKEv2 Hash Algorithms" (SIGNATURE_HASH_ALGORITHMS);
 * RFC 8420 (5). */
#define IKS_V2_HASH_LIST(X)                                                  \
	X(IKS_V2_HASH_SHA1, 1, "SHA1", NULL, IKS_F_WEAK)                     \
	X(IKS_V2_HASH_SHA2_256, 2, "SHA2-256", NULL, 0)                      \
	X(IKS_V2_HASH_SHA2_384, 3, "SHA2-384", NULL, 0)                      \
	X(IKS_V2_HASH_SHA2_512, 4, "SHA2-512", NULL, 0)                      \
	X(IKS_V2_HASH_IDENTITY, 5, "Identity", NULL, 0)

/* --------------------------------------------------- EAP (RFC 7296 3.16) */

/* RFC 3748 4 codes. */
#define IKS_EAP_CODE_LIST(X)                                                 \
	X(IKS_EAP_CODE_REQUEST, 1, "Request")                                \
	X(IKS_EAP_CODE_RESPONSE, 2, "Response")                              \
	X(IKS_EAP_CODE_SUCCESS, 3, "Success")                                \
	X(IKS_EAP_CODE_FAILURE, 4, "Failure")

/* RFC 3748 5 and IANA "Method Types": RFC 5216 (13), RFC 4186 (18),
 * RFC 5281 (21), RFC 4187 (23), draft-kamath-pppext-peapv0 (25, 26),
 * RFC 4851 (43), RFC 4746 (46), RFC 4764 (47), RFC 4763 (48), RFC 5106
 * (49), RFC 9048 (50), RFC 5433 (51), RFC 5931 (52), RFC 6124 (53),
 * RFC 7171 (54), RFC 7170 (55). */
#define IKS_EAP_TYPE_LIST(X)                                                 \
	X(IKS_EAP_IDENTITY, 1, "Identity")                                   \
	X(IKS_EAP_NOTIFICATION, 2, "Notification")                           \
	X(IKS_EAP_NAK, 3, "Legacy Nak")                                      \
	X(IKS_EAP_MD5, 4, "MD5-Challenge")                                   \
	X(IKS_EAP_OTP, 5, "One-Time Password (OTP)")                         \
	X(IKS_EAP_GTC, 6, "Generic Token Card (GTC)")                        \
	X(IKS_EAP_TLS, 13, "EAP-TLS")                                        \
	X(IKS_EAP_LEAP, 17, "EAP-Cisco Wireless (LEAP)")                     \
	X(IKS_EAP_SIM, 18, "EAP-SIM")                                        \
	X(IKS_EAP_TTLS, 21, "EAP-TTLS")                                      \
	X(IKS_EAP_AKA, 23, "EAP-AKA")                                        \
	X(IKS_EAP_PEAP, 25, "PEAP")                                          \
	X(IKS_EAP_MSCHAPV2, 26, "MS-EAP-Authentication (MSCHAPv2)")          \
	X(IKS_EAP_MS_TLV, 33, "MS-Authentication-TLV")                       \
	X(IKS_EAP_TNC, 38, "EAP-TNC")                                        \
	X(IKS_EAP_FAST, 43, "EAP-FAST")                                      \
	X(IKS_EAP_PAX, 46, "EAP-PAX")                                        \
	X(IKS_EAP_PSK, 47, "EAP-PSK")                                        \
	X(IKS_EAP_SAKE, 48, "EAP-SAKE")                                      \
	X(IKS_EAP_IKEV2, 49, "EAP-IKEv2")                                    \
	X(IKS_EAP_AKA_PRIME, 50, "EAP-AKA'")                                 \
	X(IKS_EAP_GPSK, 51, "EAP-GPSK")                                      \
	X(IKS_EAP_PWD, 52, "EAP-pwd")                                        \
	X(IKS_EAP_EKE, 53, "EAP-EKE Version 1")                              \
	X(IKS_EAP_PT_EAP, 54, "PT-EAP")                                      \
	X(IKS_EAP_TEAP, 55, "TEAP")                                          \
	X(IKS_EAP_EXPANDED, 254, "Expanded Type")                            \
	X(IKS_EAP_EXPERIMENTAL, 255, "Experimental")

/* Generate `enum NAME { ... }` from a list. */
#define IKS_CONST_ENUM_ENTRY(sym, val, ...) sym = val,
#define IKS_CONST_ENUM(tag, LIST) enum tag { LIST(IKS_CONST_ENUM_ENTRY) }

IKS_CONST_ENUM(iks_v1_payload, IKS_V1_PAYLOAD_LIST);
IKS_CONST_ENUM(iks_v1_exchange, IKS_V1_EXCHANGE_LIST);
IKS_CONST_ENUM(iks_v2_payload, IKS_V2_PAYLOAD_LIST);
IKS_CONST_ENUM(iks_v2_exchange, IKS_V2_EXCHANGE_LIST);

IKS_CONST_ENUM(iks_v1_notify, IKS_V1_NOTIFY_LIST);
IKS_CONST_ENUM(iks_v1_doi, IKS_V1_DOI_LIST);
IKS_CONST_ENUM(iks_v1_proto, IKS_V1_PROTO_LIST);
IKS_CONST_ENUM(iks_v1_xf_isakmp, IKS_V1_XF_ISAKMP_LIST);
IKS_CONST_ENUM(iks_v1_attr, IKS_V1_ATTR_LIST);
IKS_CONST_ENUM(iks_v1_encr, IKS_V1_ENCR_LIST);
IKS_CONST_ENUM(iks_v1_hash, IKS_V1_HASH_LIST);
IKS_CONST_ENUM(iks_v1_auth, IKS_V1_AUTH_LIST);
IKS_CONST_ENUM(iks_v1_group, IKS_V1_GROUP_LIST);
IKS_CONST_ENUM(iks_v1_group_type, IKS_V1_GROUP_TYPE_LIST);
IKS_CONST_ENUM(iks_v1_life_type, IKS_V1_LIFE_TYPE_LIST);
IKS_CONST_ENUM(iks_v1_ipsec_attr, IKS_V1_IPSEC_ATTR_LIST);
IKS_CONST_ENUM(iks_v1_encap, IKS_V1_ENCAP_LIST);
IKS_CONST_ENUM(iks_v1_auth_alg, IKS_V1_AUTH_ALG_LIST);
IKS_CONST_ENUM(iks_v1_ah, IKS_V1_AH_LIST);
IKS_CONST_ENUM(iks_v1_esp, IKS_V1_ESP_LIST);
IKS_CONST_ENUM(iks_ipcomp, IKS_IPCOMP_LIST);
IKS_CONST_ENUM(iks_v1_id, IKS_V1_ID_LIST);
IKS_CONST_ENUM(iks_v1_cert, IKS_V1_CERT_LIST);
IKS_CONST_ENUM(iks_v1_cfg_type, IKS_V1_CFG_TYPE_LIST);
IKS_CONST_ENUM(iks_v1_cfg_attr, IKS_V1_CFG_ATTR_LIST);
IKS_CONST_ENUM(iks_v1_xauth_type, IKS_V1_XAUTH_TYPE_LIST);
IKS_CONST_ENUM(iks_v2_notify, IKS_V2_NOTIFY_LIST);
IKS_CONST_ENUM(iks_v2_proto, IKS_V2_PROTO_LIST);
IKS_CONST_ENUM(iks_v2_transform_type, IKS_V2_TRANSFORM_TYPE_LIST);
IKS_CONST_ENUM(iks_v2_encr, IKS_V2_ENCR_LIST);
IKS_CONST_ENUM(iks_v2_prf, IKS_V2_PRF_LIST);
IKS_CONST_ENUM(iks_v2_integ, IKS_V2_INTEG_LIST);
IKS_CONST_ENUM(iks_v2_ke, IKS_V2_KE_LIST);
IKS_CONST_ENUM(iks_v2_esn, IKS_V2_ESN_LIST);
IKS_CONST_ENUM(iks_v2_transform_attr, IKS_V2_TRANSFORM_ATTR_LIST);
IKS_CONST_ENUM(iks_v2_id, IKS_V2_ID_LIST);
IKS_CONST_ENUM(iks_v2_auth, IKS_V2_AUTH_LIST);
IKS_CONST_ENUM(iks_v2_cert, IKS_V2_CERT_LIST);
IKS_CONST_ENUM(iks_v2_ts, IKS_V2_TS_LIST);
IKS_CONST_ENUM(iks_v2_cfg_type, IKS_V2_CFG_TYPE_LIST);
IKS_CONST_ENUM(iks_v2_cfg_attr, IKS_V2_CFG_ATTR_LIST);
IKS_CONST_ENUM(iks_v2_hash, IKS_V2_HASH_LIST);
IKS_CONST_ENUM(iks_eap_code, IKS_EAP_CODE_LIST);
IKS_CONST_ENUM(iks_eap_type, IKS_EAP_TYPE_LIST);

#endif
