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

/* Decrypt the SKF payload at index skf of m into out (RFC 7383 2.5). */
int iks_track_decrypt_fragment(struct iks_nego *n, const struct iks_keytab *keys,
			       const struct iks_msg *m, int skf, uint8_t *out, size_t cap,
			       size_t *out_len);

/* IKEv2 fragment reassembly (skf.c). */
struct iks_skf_table;
struct iks_skf_table *iks_skf_new(void);
void iks_skf_free(struct iks_skf_table *t);

/*
 * Add the fragment in payload skf of m.  Returns 0 while fragments are
 * missing (the message is held), 1 when m completed the message (its
 * inner payloads are appended when every fragment decrypted), or a
 * negative iks_err for an unusable fragment (treat m as a message).
 */
int iks_skf_add(struct iks_skf_table *t, struct iks_nego *n, const struct iks_keytab *keys,
		struct iks_msg *m, int skf, uint8_t *scratch, size_t scratch_cap);

/* Aggressive Mode PSK check (psk.c). */
void iks_track_check_psk(struct iks_nego *n, const struct iks_msg *m, bool from_initiator,
			 unsigned position, const uint8_t *psk, size_t psk_len);
void iks_track_am_free(struct iks_nego *n);

/* Index of the first readable (top level, or decrypted) payload of type. */
int iks_track_find(const struct iks_msg *m, unsigned type);

#endif
