/*
 * ikescope/error.h - library error codes (append-only) and their text.
 *
 * Library functions return 0 (IKS_OK) or a negative enum iks_err value and,
 * where a caller passes one, write details into a caller-owned buffer
 * (libpcap's errbuf convention).  The numbers are part of the ABI: add new
 * codes at the end, never renumber.
 */
#ifndef IKESCOPE_ERROR_H
#define IKESCOPE_ERROR_H

#include <stddef.h>

#define IKS_ERRBUF_SIZE 256

#define IKS_ERRORS(X)                                                            \
	X(IKS_OK, 0, "success")                                                  \
	X(IKS_ERR_NOMEM, -1, "out of memory")                                    \
	X(IKS_ERR_IO, -2, "input/output error")                                  \
	X(IKS_ERR_FORMAT, -3, "not a capture file")                              \
	X(IKS_ERR_TRUNCATED, -4, "truncated")                                    \
	X(IKS_ERR_LINKTYPE, -5, "unsupported link type")                         \
	X(IKS_ERR_SHORT, -6, "shorter than its header")                          \
	X(IKS_ERR_LENGTH, -7, "length field exceeds the data")                   \
	X(IKS_ERR_PAYLOAD_LEN, -8, "payload length shorter than its header")     \
	X(IKS_ERR_PAYLOAD_OVERRUN, -9, "payload extends past the message")       \
	X(IKS_ERR_TOO_MANY, -10, "limit reached")                                \
	X(IKS_ERR_NOT_IKE, -11, "not an IKE message")                            \
	X(IKS_ERR_VERSION, -12, "unknown IKE major version")                     \
	X(IKS_ERR_INVALID, -13, "invalid value")                                 \
	X(IKS_ERR_OVERFLOW, -14, "output buffer too small")                      \
	X(IKS_ERR_TRAILING, -15, "bytes left after the last payload")            \
	X(IKS_ERR_ATTR, -16, "malformed attribute")                              \
	X(IKS_ERR_CRYPTO, -17, "cryptographic operation failed")                 \
	X(IKS_ERR_INTEGRITY, -18, "integrity check failed")                      \
	X(IKS_ERR_NOKEY, -19, "no key for this SA")                              \
	X(IKS_ERR_UNSUPPORTED, -20, "unsupported algorithm")                     \
	X(IKS_ERR_KEYFILE, -21, "malformed key file")                            \
	X(IKS_ERR_USAGE, -22, "invalid argument")                                \
	X(IKS_ERR_LOOP, -23, "payload chain makes no progress")                  \
	X(IKS_ERR_LENGTH_SHORT, -24, "length field shorter than the header")

enum iks_err {
#define IKS_ERR_ENUM(name, value, text) name = value,
	IKS_ERRORS(IKS_ERR_ENUM)
#undef IKS_ERR_ENUM
};

/* Text for an error code; never NULL ("unknown error" for others). */
const char *iks_strerror(int err);

/* Write a detail message into a caller's errbuf (either may be NULL/0). */
void iks_errf(char *errbuf, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
