/*
 * ikescope/consts.h - IKE protocol constants, each defined once with its
 * RFC, as X-macro lists.  enum values and the name tables (names.c) are
 * generated from these lists; nothing else in ikescope spells a protocol
 * number.  Entry shape: X(SYMBOL, value, "Name as in the RFC/IANA registry")
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

/* Generate `enum NAME { ... }` from a list. */
#define IKS_CONST_ENUM_ENTRY(sym, val, ...) sym = val,
#define IKS_CONST_ENUM(tag, LIST) enum tag { LIST(IKS_CONST_ENUM_ENTRY) }

IKS_CONST_ENUM(iks_v1_payload, IKS_V1_PAYLOAD_LIST);
IKS_CONST_ENUM(iks_v1_exchange, IKS_V1_EXCHANGE_LIST);
IKS_CONST_ENUM(iks_v2_payload, IKS_V2_PAYLOAD_LIST);
IKS_CONST_ENUM(iks_v2_exchange, IKS_V2_EXCHANGE_LIST);

#endif
