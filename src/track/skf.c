/*
 * IKEv2 fragmentation (RFC 7383): a message too large for the path is
 * sent as several messages, each with one Encrypted and Authenticated
 * Fragment payload encrypted on its own.  Fragments are grouped by SPIs,
 * Message ID and direction; each is decrypted when it arrives (the keys
 * check its ICV), and when all have arrived their plaintexts, in fragment
 * order, form the inner payload chain of the message, which is decoded
 * into the message that completed it (RFC 7383 2.6).  Without keys the
 * fragments are still counted and the message reported once.
 */
#include <stdlib.h>
#include <string.h>

#include "track/track_int.h"

enum {
	SKF_MAX_PENDING = 32,
	SKF_MAX_FRAGS = 64, /* RFC 7383 allows more; real peers send a few */
};

struct skf_pending {
	bool used;
	uint64_t age;
	uint8_t spis[16];
	uint32_t msgid;
	bool response;
	uint16_t total;
	uint16_t n_have;
	uint8_t first_next;      /* Next Payload of fragment 1 (RFC 7383 2.5) */
	bool undecryptable;      /* a fragment could not be decrypted */
	bool have[SKF_MAX_FRAGS];
	uint8_t *plain[SKF_MAX_FRAGS];
	size_t plain_len[SKF_MAX_FRAGS];
};

struct iks_skf_table {
	struct skf_pending p[SKF_MAX_PENDING];
	uint64_t counter;
	uint64_t dropped;
	uint8_t *joined;
};

static void clear(struct skf_pending *p)
{
	for (unsigned i = 0; i < SKF_MAX_FRAGS; i++)
		if (p->plain[i]) {
			iks_crypto_wipe(p->plain[i], p->plain_len[i]);
			free(p->plain[i]);
		}
	memset(p, 0, sizeof *p);
}

struct iks_skf_table *iks_skf_new(void)
{
	return calloc(1, sizeof(struct iks_skf_table));
}

void iks_skf_free(struct iks_skf_table *t)
{
	if (!t)
		return;
	for (unsigned i = 0; i < SKF_MAX_PENDING; i++)
		clear(&t->p[i]);
	free(t->joined);
	free(t);
}

static struct skf_pending *slot(struct iks_skf_table *t, const struct iks_msg *m)
{
	struct skf_pending *free_slot = NULL, *oldest = NULL;
	bool response = (m->hdr.flags & IKS_V2_FLAG_R) != 0;

	for (unsigned i = 0; i < SKF_MAX_PENDING; i++) {
		struct skf_pending *p = &t->p[i];

		if (!p->used) {
			if (!free_slot)
				free_slot = p;
			continue;
		}
		if (p->msgid == m->hdr.message_id && p->response == response &&
		    !memcmp(p->spis, m->hdr.ispi, 8) && !memcmp(p->spis + 8, m->hdr.rspi, 8))
			return p;
		if (!oldest || p->age < oldest->age)
			oldest = p;
	}
	if (!free_slot) {
		clear(oldest);
		t->dropped++;
		free_slot = oldest;
	}
	free_slot->used = true;
	free_slot->age = ++t->counter;
	memcpy(free_slot->spis, m->hdr.ispi, 8);
	memcpy(free_slot->spis + 8, m->hdr.rspi, 8);
	free_slot->msgid = m->hdr.message_id;
	free_slot->response = response;
	return free_slot;
}

/* Decode the joined plaintext into m under its SKF payload. */
static void decode_joined(struct iks_skf_table *t, struct skf_pending *p, struct iks_msg *m,
			  int skf, struct iks_nego *n)
{
	size_t total = 0, off = 0;
	uint16_t top = m->n_payloads;

	for (unsigned i = 0; i < p->total; i++)
		total += p->plain_len[i];
	free(t->joined);
	t->joined = malloc(total ? total : 1);
	if (!t->joined)
		return;
	for (unsigned i = 0; i < p->total; i++) {
		if (p->plain_len[i])
			memcpy(t->joined + off, p->plain[i], p->plain_len[i]);
		off += p->plain_len[i];
	}
	if (iks_ike_decode_inner(m, skf, t->joined, total, p->first_next) != IKS_OK &&
	    m->n_payloads == top)
		return;
	m->payloads[skf].u.sk.decrypted = true;
	(void)n;
}

int iks_skf_add(struct iks_skf_table *t, struct iks_nego *n, const struct iks_keytab *keys,
		struct iks_msg *m, int skf, uint8_t *scratch, size_t scratch_cap)
{
	struct iks_payload *pl = &m->payloads[skf];
	unsigned num = pl->u.sk.frag_number, total = pl->u.sk.frag_total;
	struct skf_pending *p;
	size_t len = 0;

	if (num == 0 || num > total || total > SKF_MAX_FRAGS)
		return IKS_ERR_INVALID;
	p = slot(t, m);
	if (p->total && p->total != total) {
		/* a sender may refragment with another total (RFC 7383 2.6) */
		clear(p);
		p = slot(t, m);
	}
	p->total = (uint16_t)total;
	if (p->have[num - 1])
		return 0; /* retransmitted fragment */
	p->have[num - 1] = true;
	p->n_have++;
	if (num == 1)
		p->first_next = pl->next;
	if (keys && iks_track_decrypt_fragment(n, keys, m, skf, scratch, scratch_cap, &len) == IKS_OK) {
		p->plain[num - 1] = malloc(len ? len : 1);
		if (!p->plain[num - 1]) {
			p->undecryptable = true;
		} else {
			memcpy(p->plain[num - 1], scratch, len);
			p->plain_len[num - 1] = len;
		}
	} else {
		p->undecryptable = true;
	}
	if (p->n_have < p->total)
		return 0;
	if (!p->undecryptable)
		decode_joined(t, p, m, skf, n);
	clear(p);
	return 1;
}
