/* Private interface between the files of the track module. */
#ifndef IKS_TRACK_INT_H
#define IKS_TRACK_INT_H

#include "ikescope/track.h"

/* Fill the version-independent summary of a decoded message: readable
 * notify types, payload kinds, KE group, AUTH method. */
void iks_track_summarize(const struct iks_msg *m, struct iks_nmsg *nm);

/* The proposals of the SA payload at index sa (any parent) into props;
 * returns how many were kept. */
unsigned iks_track_props(const struct iks_msg *m, int sa, struct iks_prop *props,
			 unsigned max);

/* Traffic selectors of a TS payload (IKEv2) or an IKEv1 ID payload of
 * Quick Mode; returns how many were kept. */
unsigned iks_track_selectors(const struct iks_msg *m, int payload,
			     struct iks_ts *ts, unsigned max);

/* Per-negotiation decryption state (decrypt.c). */
void iks_track_crypto_free(struct iks_nego *n);

/* Decrypt the encrypted payload of m (filed under n) if keys allow,
 * appending the inner payloads to m.  The plaintext lives in `plain`
 * (at least m->raw.len bytes) until the next message. */
void iks_track_decrypt(struct iks_nego *n, const struct iks_keytab *keys,
		       struct iks_msg *m, bool from_initiator, uint8_t *plain,
		       size_t plain_cap);

/* Index of the first readable (top level, or decrypted) payload of type. */
int iks_track_find(const struct iks_msg *m, unsigned type);

#endif
