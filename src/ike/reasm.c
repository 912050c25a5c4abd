/*
 * IKEv1 fragment reassembly (Cisco fragmentation payload, type 132; the
 * format strongSwan and Windows use too): fragments are keyed by both
 * cookies and the fragment id, numbered from 1, the last one flagged.
 */
#include <stdlib.h>
#include <string.h>

#include "ikescope/ike.h"

#define IKS_V1_FRAG_LAST 0x01
#define IKS_REASM_MAX_BYTES 65535

struct pending {
	bool used;
	uint64_t age;            /* insertion counter, for eviction */
	uint8_t spis[16];
	uint16_t id;
	uint8_t last;            /* number of the last fragment, 0 = unknown */
	uint32_t have;           /* bit n-1 set when fragment n arrived */
	uint8_t *data[IKS_REASM_MAX_FRAGS];
	uint16_t len[IKS_REASM_MAX_FRAGS];
};

struct iks_ike_reasm {
	struct pending p[IKS_REASM_MAX_PENDING];
	uint64_t counter;
	uint64_t dropped;
	uint8_t *out;            /* the last completed message */
};

int iks_ike_reasm_new(struct iks_ike_reasm **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? IKS_OK : IKS_ERR_NOMEM;
}

static void clear(struct pending *p)
{
	for (unsigned i = 0; i < IKS_REASM_MAX_FRAGS; i++)
		free(p->data[i]);
	memset(p, 0, sizeof *p);
}

void iks_ike_reasm_free(struct iks_ike_reasm *r)
{
	if (!r)
		return;
	for (unsigned i = 0; i < IKS_REASM_MAX_PENDING; i++)
		clear(&r->p[i]);
	free(r->out);
	free(r);
}

uint64_t iks_ike_reasm_dropped(const struct iks_ike_reasm *r)
{
	return r->dropped;
}

static struct pending *slot_for(struct iks_ike_reasm *r, const uint8_t spis[16], uint16_t id)
{
	struct pending *free_slot = NULL, *oldest = NULL;

	for (unsigned i = 0; i < IKS_REASM_MAX_PENDING; i++) {
		struct pending *p = &r->p[i];

		if (!p->used) {
			if (!free_slot)
				free_slot = p;
			continue;
		}
		if (p->id == id && !memcmp(p->spis, spis, 16))
			return p;
		if (!oldest || p->age < oldest->age)
			oldest = p;
	}
	if (!free_slot) {
		clear(oldest);
		r->dropped++;
		free_slot = oldest;
	}
	free_slot->used = true;
	free_slot->age = ++r->counter;
	memcpy(free_slot->spis, spis, 16);
	free_slot->id = id;
	return free_slot;
}

static bool complete(const struct pending *p)
{
	return p->last && p->have == (p->last == 32 ? 0xffffffffu : (1u << p->last) - 1);
}

/* Concatenate the fragments into r->out. */
static int join(struct iks_ike_reasm *r, struct pending *p, const uint8_t **out,
		size_t *out_len)
{
	size_t total = 0, off = 0;
	uint8_t *buf;

	for (unsigned i = 0; i < p->last; i++)
		total += p->len[i];
	if (total > IKS_REASM_MAX_BYTES || !(buf = malloc(total ? total : 1))) {
		clear(p);
		r->dropped++;
		return total > IKS_REASM_MAX_BYTES ? IKS_ERR_TOO_MANY : IKS_ERR_NOMEM;
	}
	for (unsigned i = 0; i < p->last; i++) {
		memcpy(buf + off, p->data[i], p->len[i]);
		off += p->len[i];
	}
	clear(p);
	free(r->out);
	r->out = buf;
	*out = buf;
	*out_len = total;
	return 1;
}

int iks_ike_reasm_add(struct iks_ike_reasm *r, const struct iks_msg *m,
		      const struct iks_payload *pl, const uint8_t **out, size_t *out_len)
{
	uint8_t spis[16];
	unsigned n = pl->u.frag.number;
	struct pending *p;

	if (n == 0 || n > IKS_REASM_MAX_FRAGS || pl->u.frag.data.len == 0)
		return IKS_ERR_INVALID;
	memcpy(spis, m->hdr.ispi, 8);
	memcpy(spis + 8, m->hdr.rspi, 8);
	p = slot_for(r, spis, pl->u.frag.id);
	if (p->have & (1u << (n - 1)))
		return 0; /* a retransmitted fragment */
	if (!(p->data[n - 1] = malloc(pl->u.frag.data.len)))
		return IKS_ERR_NOMEM;
	memcpy(p->data[n - 1], pl->u.frag.data.ptr, pl->u.frag.data.len);
	p->len[n - 1] = (uint16_t)pl->u.frag.data.len;
	p->have |= 1u << (n - 1);
	if (pl->u.frag.flags & IKS_V1_FRAG_LAST)
		p->last = (uint8_t)n;
	if (p->last && p->last < 32 && (p->have >> p->last)) {
		/* numbers beyond the one flagged last: not a valid set */
		clear(p);
		r->dropped++;
		return IKS_ERR_INVALID;
	}
	return complete(p) ? join(r, p, out, out_len) : 0;
}
