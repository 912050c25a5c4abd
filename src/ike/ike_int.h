/* Private interface between the files of the ike module. */
#ifndef IKS_IKE_INT_H
#define IKS_IKE_INT_H

#include "ikescope/ike.h"

void iks_ike_mark_malformed(struct iks_msg *m, int err, size_t offset,
			    unsigned payload_type);

int iks_ike_decode_chain(struct iks_msg *m, struct iks_cur *c, uint8_t first,
			 int parent, bool padded);

/* Decode the body of p (after the generic header) into p->u.  Returns
 * IKS_OK or the problem; `body` is left where the problem was found. */
int iks_ike_decode_body(struct iks_msg *m, struct iks_payload *p,
			struct iks_cur *body);

/* SA payload (sa.c) */
int iks_ike_decode_sa(struct iks_msg *m, struct iks_payload *p,
		      struct iks_cur *body);

/* Data attributes in ISAKMP form (RFC 2408 3.3), appended to m->attrs. */
int iks_ike_decode_attrs(struct iks_msg *m, struct iks_cur *c,
			 uint16_t *first, uint16_t *count);

/* Encoders (encode.c) */
void iks_ike_encode_attrs(const struct iks_msg *m, uint16_t first,
			  uint16_t count, struct iks_wr *w);

#endif
