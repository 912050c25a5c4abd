/*
 * reasm.c - IPv4 and IPv6 fragment reassembly, bounded in memory and time.
 *
 * A pending datagram keeps a buffer as long as the highest fragment end
 * seen and a sorted list of the byte ranges received.  Overlapping and
 * duplicated fragments are safe: bytes already received are kept (first
 * wins) and only the gaps are filled.  Every byte of memory (entries and
 * buffers) counts against the limit; a fragment that would pass it is
 * dropped and its datagram will be reported lost.  Time is capture time.
 */
#include <stdlib.h>
#include <string.h>

#include "capture/capture_int.h"

/* RFC 791 / RFC 8200: offset + length of the reassembled payload fits in
 * the 16-bit length fields (jumbograms are not fragmented). */
#define FRAG_MAX_DATAGRAM 65535u
#define FRAG_BUF_STEP 2048u
/* Distinct holes we track; a real sender needs a handful. */
#define FRAG_MAX_RANGES 64

struct frag_range {
	uint32_t start, end;
};

struct iks_frag {
	struct iks_frag *hnext;         /* hash chain */
	struct iks_frag *older, *newer; /* age list; the lost list uses newer */
	struct iks_frag_key key;
	uint8_t *buf;
	uint32_t buf_cap;
	uint32_t total;                 /* valid with have_last */
	uint32_t bytes;                 /* bytes covered by ranges */
	bool have_last, have_first, ignore;
	uint8_t reason;                 /* enum iks_frag_loss; first one wins */
	uint16_t sport, dport;
	uint16_t nfrags;
	uint16_t nranges;
	struct frag_range r[FRAG_MAX_RANGES];
	uint64_t first_frame, last_frame;
	int64_t first_ts;
	int64_t last_ts_sec;
	uint32_t last_ts_nsec;
};

void iks_capture_reasm_init(struct iks_reasm *r, size_t mem_limit,
			    unsigned timeout_s)
{
	memset(r, 0, sizeof *r);
	r->mem_limit = mem_limit;
	r->timeout_s = timeout_s;
}

/* FNV-1a over the key fields. */
static unsigned key_hash(const struct iks_frag_key *k)
{
	uint32_t h = 2166136261u;
	unsigned i;

	for (i = 0; i < 16; i++) {
		h = (h ^ k->src.a[i]) * 16777619u;
		h = (h ^ k->dst.a[i]) * 16777619u;
	}
	for (i = 0; i < 4; i++)
		h = (h ^ ((k->id >> (8 * i)) & 0xff)) * 16777619u;
	h = (h ^ k->proto) * 16777619u;
	return h % IKS_FRAG_BUCKETS;
}

static bool key_equal(const struct iks_frag_key *a, const struct iks_frag_key *b)
{
	return a->id == b->id && a->proto == b->proto &&
	       iks_addr_equal(&a->src, &b->src) &&
	       iks_addr_equal(&a->dst, &b->dst);
}

static struct iks_frag *lookup(struct iks_reasm *r, const struct iks_frag_key *k)
{
	struct iks_frag *f;

	for (f = r->buckets[key_hash(k)]; f; f = f->hnext)
		if (key_equal(&f->key, k))
			return f;
	return NULL;
}

static struct iks_frag *new_entry(struct iks_reasm *r,
				  const struct iks_frag_key *k,
				  const struct iks_frame_meta *m)
{
	unsigned b = key_hash(k);
	struct iks_frag *f;

	if (r->mem_used + sizeof *f > r->mem_limit)
		return NULL;
	f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	r->mem_used += sizeof *f;
	f->key = *k;
	f->first_frame = m->frame;
	f->first_ts = m->ts_sec;
	f->hnext = r->buckets[b];
	r->buckets[b] = f;
	f->older = r->newest;
	if (r->newest)
		r->newest->newer = f;
	else
		r->oldest = f;
	r->newest = f;
	return f;
}

static void drop_buffer(struct iks_reasm *r, struct iks_frag *f)
{
	r->mem_used -= f->buf_cap;
	free(f->buf);
	f->buf = NULL;
	f->buf_cap = 0;
}

static void free_entry(struct iks_reasm *r, struct iks_frag *f)
{
	drop_buffer(r, f);
	r->mem_used -= sizeof *f;
	free(f);
}

/* Takes a pending entry out of the hash table and the age list. */
static void unlink_pending(struct iks_reasm *r, struct iks_frag *f)
{
	struct iks_frag **pp = &r->buckets[key_hash(&f->key)];

	while (*pp && *pp != f)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = f->hnext;
	if (f->older)
		f->older->newer = f->newer;
	else
		r->oldest = f->newer;
	if (f->newer)
		f->newer->older = f->older;
	else
		r->newest = f->older;
	f->hnext = f->older = f->newer = NULL;
}

static void give_up(struct iks_reasm *r, struct iks_frag *f, uint8_t reason,
		    struct iks_capture_stats *st)
{
	unlink_pending(r, f);
	if (f->ignore) {
		free_entry(r, f);
		return;
	}
	st->ip_incomplete++;
	if (!f->reason)
		f->reason = reason;
	drop_buffer(r, f); /* the report needs only the bookkeeping */
	if (r->lost_tail)
		r->lost_tail->newer = f;
	else
		r->lost = f;
	r->lost_tail = f;
}

void iks_capture_reasm_expire(struct iks_reasm *r, int64_t now,
			      struct iks_capture_stats *st)
{
	while (r->oldest && now - r->oldest->first_ts > (int64_t)r->timeout_s)
		give_up(r, r->oldest, IKS_FRAG_TIMEOUT, st);
}

void iks_capture_reasm_flush(struct iks_reasm *r, struct iks_capture_stats *st)
{
	while (r->oldest)
		give_up(r, r->oldest, IKS_FRAG_END, st);
}

int iks_capture_reasm_pop_lost(struct iks_reasm *r, struct iks_datagram *dg)
{
	struct iks_frag *f = r->lost;

	if (!f)
		return 0;
	r->lost = f->newer;
	if (!r->lost)
		r->lost_tail = NULL;
	memset(dg, 0, sizeof *dg);
	dg->kind = IKS_DG_FRAG_LOST;
	dg->frame = f->last_frame;
	dg->ts_sec = f->last_ts_sec;
	dg->ts_nsec = f->last_ts_nsec;
	dg->src = f->key.src;
	dg->dst = f->key.dst;
	dg->transport = f->key.proto;
	if (f->have_first) {
		dg->sport = f->sport;
		dg->dport = f->dport;
	}
	dg->ip_fragments = f->nfrags;
	dg->frag_first_frame = f->first_frame;
	dg->frag_bytes = f->bytes;
	dg->frag_id = f->key.id;
	dg->frag_reason = f->reason;
	dg->frag_have_first = f->have_first;
	free_entry(r, f);
	return 1;
}

void iks_capture_reasm_release(struct iks_reasm *r)
{
	if (r->done)
		free_entry(r, r->done);
	r->done = NULL;
}

void iks_capture_reasm_free(struct iks_reasm *r)
{
	struct iks_frag *f;

	iks_capture_reasm_release(r);
	while ((f = r->oldest)) {
		unlink_pending(r, f);
		free_entry(r, f);
	}
	while ((f = r->lost)) {
		r->lost = f->newer;
		free_entry(r, f);
	}
	r->lost_tail = NULL;
}

/*
 * Merges [start, end) into the sorted, disjoint ranges of f, into out.
 * Returns the new count, or -1 if that would exceed FRAG_MAX_RANGES.
 */
static int merge_range(const struct iks_frag *f, uint32_t start, uint32_t end,
		       struct frag_range *out)
{
	int n = 0;
	unsigned i = 0;

	while (i < f->nranges && f->r[i].end < start)
		out[n++] = f->r[i++];
	while (i < f->nranges && f->r[i].start <= end) {
		if (f->r[i].start < start)
			start = f->r[i].start;
		if (f->r[i].end > end)
			end = f->r[i].end;
		i++;
	}
	if (n >= FRAG_MAX_RANGES)
		return -1;
	out[n].start = start;
	out[n++].end = end;
	while (i < f->nranges) {
		if (n >= FRAG_MAX_RANGES)
			return -1;
		out[n++] = f->r[i++];
	}
	return n;
}

/* Copies [from, to) of a fragment that starts at byte `off`. */
static void copy_span(struct iks_frag *f, uint32_t off, struct iks_cur data,
		      uint32_t from, uint32_t to)
{
	if (iks_cur_skip(&data, from - off))
		iks_cur_copy(&data, f->buf + from, to - from);
}

/* Copies the bytes of the fragment that no earlier fragment gave. */
static void fill_gaps(struct iks_frag *f, uint32_t off, struct iks_cur data)
{
	uint32_t pos = off, end = off + (uint32_t)iks_cur_left(&data);
	unsigned i;

	for (i = 0; i < f->nranges && pos < end; i++) {
		const struct frag_range *g = &f->r[i];

		if (g->end <= pos)
			continue;
		if (g->start >= end)
			break;
		if (g->start > pos)
			copy_span(f, off, data, pos, g->start);
		pos = g->end < end ? g->end : end;
	}
	if (pos < end)
		copy_span(f, off, data, pos, end);
}

static bool grow_buffer(struct iks_reasm *r, struct iks_frag *f, uint32_t end)
{
	uint32_t want;
	uint8_t *nb;

	if (end <= f->buf_cap)
		return true;
	want = (end + FRAG_BUF_STEP - 1) / FRAG_BUF_STEP * FRAG_BUF_STEP;
	if (want > FRAG_MAX_DATAGRAM)
		want = FRAG_MAX_DATAGRAM;
	if (r->mem_used - f->buf_cap + want > r->mem_limit)
		return false;
	nb = realloc(f->buf, want);
	if (!nb)
		return false;
	r->mem_used += want - f->buf_cap;
	f->buf = nb;
	f->buf_cap = want;
	return true;
}

static void note_first(struct iks_reasm *r, struct iks_frag *f,
		       const struct iks_frag_in *in)
{
	if (in->off != 0 || in->interest == IKS_FRAG_UNKNOWN || f->have_first)
		return;
	if (in->interest == IKS_FRAG_IGNORE) {
		/* not ours: keep absorbing its fragments, hold no data */
		f->ignore = true;
		drop_buffer(r, f);
		return;
	}
	f->have_first = true;
	f->sport = in->sport;
	f->dport = in->dport;
}

/* A fragment that contradicts the others: the datagram cannot be trusted. */
static int reject(struct iks_frag *f, uint8_t reason,
		  struct iks_capture_stats *st)
{
	st->ip_frag_dropped++;
	if (!f->reason)
		f->reason = reason;
	return 0;
}

int iks_capture_reasm_add(struct iks_reasm *r, const struct iks_frag_in *in,
			  const struct iks_frame_meta *m,
			  struct iks_capture_stats *st, struct iks_cur *out,
			  uint16_t *nfrags)
{
	struct frag_range merged[FRAG_MAX_RANGES];
	size_t len = iks_cur_left(&in->data);
	uint32_t end;
	struct iks_frag *f;
	int n;

	f = lookup(r, &in->key);
	if (!f) {
		f = new_entry(r, &in->key, m);
		if (!f) {
			st->ip_frag_dropped++;
			return 0;
		}
	}
	if (f->nfrags < UINT16_MAX)
		f->nfrags++;
	f->last_frame = m->frame;
	f->last_ts_sec = m->ts_sec;
	f->last_ts_nsec = m->ts_nsec;
	note_first(r, f, in);

	/* Offsets count 8-byte units, so only the last fragment may have
	 * a length that is not a multiple of 8 (RFC 8200 section 4.5). */
	if (len > FRAG_MAX_DATAGRAM || in->off + len > FRAG_MAX_DATAGRAM ||
	    (in->more && (len == 0 || len % 8)))
		return reject(f, IKS_FRAG_MALFORMED, st);
	end = in->off + (uint32_t)len;
	if (!in->more) {
		if ((f->have_last && f->total != end) ||
		    (f->nranges && f->r[f->nranges - 1].end > end))
			return reject(f, IKS_FRAG_MALFORMED, st);
		f->have_last = true;
		f->total = end;
	} else if (f->have_last && end > f->total) {
		return reject(f, IKS_FRAG_MALFORMED, st);
	}

	if (len) {
		n = merge_range(f, in->off, end, merged);
		if (n < 0)
			return reject(f, IKS_FRAG_MALFORMED, st);
		if (!f->ignore) {
			if (!grow_buffer(r, f, end))
				return reject(f, IKS_FRAG_MEMORY, st);
			fill_gaps(f, in->off, in->data);
		}
		memcpy(f->r, merged, (size_t)n * sizeof merged[0]);
		f->nranges = (uint16_t)n;
		f->bytes = 0;
		for (n = 0; n < f->nranges; n++)
			f->bytes += f->r[n].end - f->r[n].start;
	}

	if (!f->have_last || f->nranges != 1 || f->r[0].start != 0 ||
	    f->r[0].end != f->total)
		return 0;
	unlink_pending(r, f);
	if (f->ignore) {
		free_entry(r, f);
		return 0;
	}
	iks_capture_reasm_release(r);
	r->done = f;
	st->ip_reassembled++;
	*out = iks_cur_make(f->buf, f->total);
	*nfrags = f->nfrags;
	return 1;
}
