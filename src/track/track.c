/*
 * The tracker: files every IKE message under its negotiation, folds
 * retransmissions, links IKEv2 retries, and moves each negotiation's
 * status through nego_set_status() only.
 *
 * Every lookup is a hash: initiator SPIs (and SPIs learned from rekeys and
 * retries) -> negotiation, ESP SPIs -> child SA, and the unordered pair of
 * peer addresses -> that pair's negotiations, newest first (for retries
 * and rekeys).  In streaming mode (opts.on_concluded) the open
 * negotiations are also kept in order of last activity, so the idle ones
 * are found at the head of that list and concluded, handed out and freed
 * as the capture goes; memory then follows the open negotiations.
 */
#include <stdlib.h>
#include <string.h>

#include "ikescope/consts.h"
#include "ikescope/names.h"
#include "track/track_int.h"

#define IKS_NEGO_DEFAULT_MAX 1000000
#define IKS_NO_ENTRY (-1)
#define IKS_NODE_MAX_SPIS 64
/* An IKEv2 retry after INVALID_KE_PAYLOAD or COOKIE comes within seconds;
 * a new IKE_SA_INIT minutes later is a new attempt. */
#define IKS_RETRY_WINDOW_S 30.0
#define IKS_PROTO_IKE 1 /* RFC 7296 3.3.1 */

/* A negotiation with the tracker's bookkeeping around it. */
struct node {
	struct iks_nego n;             /* first: a node is its negotiation */
	struct node *prev, *next;      /* open ones by id (order of creation) */
	struct node *lru_prev, *lru_next; /* streaming: by last activity */
	struct node *peer_prev, *peer_next; /* same peer-pair bucket, newest first */
	uint32_t peer_bucket;
	int32_t spi_owned, esp_owned;  /* its index entries (owner_next chains) */
	unsigned n_spis;               /* entries in spi_owned */
	double queued;                 /* streaming: its activity when last moved
					* to the tail of the lru list */
};

/* An index entry: a key (IKE SPI, or ESP SPI) -> a node.  For ESP, aux
 * is the child's index times 2, plus 1 for the responder's SPI. */
struct entry {
	uint64_t key;
	struct node *node;
	uint32_t aux;
	int32_t next;       /* bucket chain, or the free list */
	int32_t owner_next; /* the node's other entries in this index */
};

struct index {
	int32_t *buckets;
	uint32_t n_buckets; /* a power of two */
	struct entry *e;
	size_t used, cap;
	int32_t free_list;
};

struct iks_tracker {
	struct iks_track_opts opts;
	bool streaming;
	/* keep-all mode: every negotiation, by id */
	struct iks_nego **negos;
	size_t n_negos, cap_negos;
	unsigned next_id;
	struct node *first, *last;     /* open, by id */
	struct node *lru_head, *lru_tail;
	struct node **peers;           /* peer-pair buckets */
	uint32_t n_peer_buckets;
	struct index spis, esps;
	struct node **batch;           /* concluding together, sorted by id */
	size_t cap_batch;
	struct iks_track_stats st;
	struct iks_ike_reasm *reasm;
	struct iks_skf_table *skf;
	struct iks_msg msg;
	uint8_t plain[65536];
	/* why the last IKE datagram yielded no message (not IKE at all) */
	int last_error;
};

const char *iks_status_name(enum iks_status s)
{
	switch (s) {
	case IKS_STATUS_ESTABLISHED: return "established";
	case IKS_STATUS_FAILED: return "failed";
	default: return "incomplete";
	}
}

/*
 * The one place a negotiation's status changes.  Allowed: incomplete ->
 * established/failed; failed -> incomplete only for an IKEv2 retry (the
 * refusal asked for it); established -> failed never (a later problem is
 * a finding, not a new outcome).  The first reason for a status is kept.
 */
static bool nego_set_status(struct iks_nego *n, enum iks_status to, bool retry,
			    const char *reason)
{
	if (n->status == to)
		return false;
	if (n->status == IKS_STATUS_ESTABLISHED)
		return false;
	if (n->status == IKS_STATUS_FAILED && !(to == IKS_STATUS_INCOMPLETE && retry))
		return false;
	n->status = to;
	snprintf(n->reason, sizeof n->reason, "%s", reason);
	return true;
}

/* Child SAs go the same way, without retries. */
static void child_set_status(struct iks_child *c, enum iks_status to)
{
	if (c->status == IKS_STATUS_INCOMPLETE)
		c->status = to;
}

static uint64_t mix64(uint64_t v);

/* A 64-bit hash of a message's bytes, eight at a time (identical copies
 * hash alike; a collision between different messages of one negotiation
 * is a 2^-64 event). */
static uint64_t digest(const uint8_t *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull ^ (n * 0x9e3779b97f4a7c15ull);
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
		h ^= h >> 31;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return mix64(h);
}

static uint64_t mix64(uint64_t v)
{
	v ^= v >> 29;
	v *= 0xbf58476d1ce4e5b9ull;
	v ^= v >> 32;
	return v;
}

static uint64_t spi_key(const uint8_t spi[8])
{
	uint64_t v;

	memcpy(&v, spi, 8);
	return v;
}

static bool grow_from(void **arr, size_t elem, size_t *cap, size_t need, size_t first)
{
	size_t ncap;
	void *p;

	if (need <= *cap)
		return true;
	ncap = *cap ? *cap * 2 : first;
	while (ncap < need)
		ncap *= 2;
	p = realloc(*arr, ncap * elem);
	if (!p)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

static bool grow(void **arr, size_t elem, size_t *cap, size_t need)
{
	return grow_from(arr, elem, cap, need, 8);
}

/* ---- the SPI indexes: chained hashes with a free list ---- */

static bool index_init(struct index *x, uint32_t n_buckets)
{
	x->n_buckets = n_buckets;
	x->buckets = malloc(n_buckets * sizeof *x->buckets);
	if (!x->buckets)
		return false;
	memset(x->buckets, 0xff, n_buckets * sizeof *x->buckets);
	x->free_list = IKS_NO_ENTRY;
	return true;
}

static void index_free(struct index *x)
{
	free(x->buckets);
	free(x->e);
}

static bool index_rehash(struct index *x)
{
	uint32_t nb = x->n_buckets * 2;
	int32_t *b = malloc(nb * sizeof *b);

	if (!b)
		return false;
	memset(b, 0xff, nb * sizeof *b);
	for (uint32_t h = 0; h < x->n_buckets; h++) {
		int32_t e = x->buckets[h];

		while (e != IKS_NO_ENTRY) {
			int32_t next = x->e[e].next;
			uint32_t nh = (uint32_t)mix64(x->e[e].key) & (nb - 1);

			x->e[e].next = b[nh];
			b[nh] = e;
			e = next;
		}
	}
	free(x->buckets);
	x->buckets = b;
	x->n_buckets = nb;
	return true;
}

/* Adds key -> node to x, owned by *owner (the node's chain in x). */
static bool index_add(struct index *x, uint64_t key, struct node *node, uint32_t aux,
		      int32_t *owner)
{
	int32_t i;
	uint32_t h;

	if (x->used >= x->n_buckets && x->n_buckets < (1u << 30))
		index_rehash(x); /* a longer chain if memory is short */
	if (x->free_list != IKS_NO_ENTRY) {
		i = x->free_list;
		x->free_list = x->e[i].next;
	} else {
		if (x->cap >= INT32_MAX ||
		    !grow_from((void **)&x->e, sizeof *x->e, &x->cap, x->cap + 1, 64))
			return false;
		i = (int32_t)x->used;
		for (size_t j = x->used + 1; j < x->cap; j++) {
			x->e[j].next = x->free_list;
			x->free_list = (int32_t)j;
		}
	}
	x->used++;
	x->e[i].key = key;
	x->e[i].node = node;
	x->e[i].aux = aux;
	h = (uint32_t)mix64(key) & (x->n_buckets - 1);
	x->e[i].next = x->buckets[h];
	x->buckets[h] = i;
	x->e[i].owner_next = *owner;
	*owner = i;
	return true;
}

/* Removes every entry of the chain *owner from x. */
static void index_drop(struct index *x, int32_t *owner)
{
	int32_t i = *owner;

	while (i != IKS_NO_ENTRY) {
		int32_t next_owned = x->e[i].owner_next;
		int32_t *link = &x->buckets[(uint32_t)mix64(x->e[i].key) & (x->n_buckets - 1)];

		while (*link != i)
			link = &x->e[*link].next;
		*link = x->e[i].next;
		x->e[i].next = x->free_list;
		x->e[i].node = NULL;
		x->free_list = i;
		x->used--;
		i = next_owned;
	}
	*owner = IKS_NO_ENTRY;
}

static int32_t index_first(const struct index *x, uint64_t key)
{
	return x->buckets[(uint32_t)mix64(key) & (x->n_buckets - 1)];
}

/* ---- peer pairs ---- */

static uint64_t addr_hash(const struct iks_addr *a)
{
	uint64_t lo, hi;

	memcpy(&lo, a->a, 8);
	memcpy(&hi, a->a + 8, 8);
	return mix64(lo ^ mix64(hi ^ a->family));
}

static uint32_t peer_bucket(const struct iks_tracker *t, const struct iks_addr *a,
			    const struct iks_addr *b)
{
	/* symmetric: either direction of a message finds the pair */
	return (uint32_t)mix64(addr_hash(a) + addr_hash(b)) & (t->n_peer_buckets - 1);
}

static void peer_link(struct iks_tracker *t, struct node *x)
{
	struct node **head = &t->peers[x->peer_bucket];

	x->peer_prev = NULL;
	x->peer_next = *head;
	if (*head)
		(*head)->peer_prev = x;
	*head = x;
}

static void peer_unlink(struct iks_tracker *t, struct node *x)
{
	if (x->peer_prev)
		x->peer_prev->peer_next = x->peer_next;
	else
		t->peers[x->peer_bucket] = x->peer_next;
	if (x->peer_next)
		x->peer_next->peer_prev = x->peer_prev;
}

/* More open pairs than buckets: double them, keeping each chain newest
 * first (the open list is oldest first, so relinking from it does). */
static void peer_rehash(struct iks_tracker *t)
{
	uint32_t nb = t->n_peer_buckets * 2;
	struct node **b = calloc(nb, sizeof *b);

	if (!b)
		return;
	free(t->peers);
	t->peers = b;
	t->n_peer_buckets = nb;
	for (struct node *x = t->first; x; x = x->next) {
		x->peer_bucket = peer_bucket(t, &x->n.init_addr, &x->n.resp_addr);
		peer_link(t, x);
	}
}

int iks_track_new(struct iks_tracker **out, const struct iks_track_opts *opts)
{
	struct iks_tracker *t = calloc(1, sizeof *t);

	if (!t)
		return IKS_ERR_NOMEM;
	if (opts)
		t->opts = *opts;
	t->streaming = t->opts.on_concluded != NULL;
	if (!t->opts.max_negotiations)
		t->opts.max_negotiations = t->streaming ? IKS_TRACK_MAX_OPEN_DEFAULT :
							  IKS_NEGO_DEFAULT_MAX;
	if (!(t->opts.idle_timeout > 0))
		t->opts.idle_timeout = IKS_TRACK_IDLE_DEFAULT;
	if (!t->opts.max_memory)
		t->opts.max_memory = IKS_TRACK_MAX_MEMORY_DEFAULT;
	t->n_peer_buckets = 1024;
	t->peers = calloc(t->n_peer_buckets, sizeof *t->peers);
	if (!t->peers || !index_init(&t->spis, 1024) || !index_init(&t->esps, 1024) ||
	    iks_ike_reasm_new(&t->reasm) != IKS_OK || !(t->skf = iks_skf_new())) {
		iks_track_free(t);
		return IKS_ERR_NOMEM;
	}
	*out = t;
	return IKS_OK;
}

static void nego_free(struct iks_nego *n)
{
	iks_track_crypto_free(n);
	iks_track_am_free(n);
	for (unsigned i = 0; i < n->n_children; i++)
		free(n->children[i].offered);
	free(n->offered);
	free(n->msgs);
	free(n->children);
	free(n);
}

void iks_track_free(struct iks_tracker *t)
{
	if (!t)
		return;
	if (t->streaming) {
		for (struct node *x = t->first, *next; x; x = next) {
			next = x->next;
			nego_free(&x->n);
		}
	}
	for (size_t i = 0; i < t->n_negos; i++)
		nego_free(t->negos[i]);
	free(t->negos);
	free(t->peers);
	free(t->batch);
	index_free(&t->spis);
	index_free(&t->esps);
	iks_ike_reasm_free(t->reasm);
	iks_skf_free(t->skf);
	free(t);
}

static struct node *node_of(struct iks_nego *n)
{
	return (struct node *)n; /* n is the first member */
}

/* The bytes a negotiation holds (what opts.max_memory bounds). */
static size_t footprint(const struct iks_nego *n)
{
	size_t props = n->n_offered;

	for (unsigned i = 0; i < n->n_children; i++)
		props += n->children[i].n_offered;
	return sizeof(struct node) + (size_t)n->cap_msgs * sizeof *n->msgs +
	       (size_t)n->cap_children * sizeof *n->children + props * sizeof(struct iks_prop);
}

static void mem_add(struct iks_tracker *t, size_t before, size_t after)
{
	t->st.memory += after;
	t->st.memory -= before;
	if (t->st.memory > t->st.memory_peak)
		t->st.memory_peak = t->st.memory;
}

static bool index_spi(struct iks_tracker *t, const uint8_t spi[8], struct iks_nego *n)
{
	struct node *x = node_of(n);

	if (x->n_spis >= IKS_NODE_MAX_SPIS)
		return false; /* retries or rekeys without end: a flood */
	x->n_spis++;

	return index_add(&t->spis, spi_key(spi), x, 0, &x->spi_owned);
}

static void index_esp(struct iks_tracker *t, struct iks_nego *n, const struct iks_child *c,
		      bool responder, uint32_t spi)
{
	struct node *x = node_of(n);

	if (spi)
		index_add(&t->esps, spi, x, (uint32_t)(c - n->children) * 2 + responder,
			  &x->esp_owned);
}

/* Streaming: the most recently active negotiation goes to the tail. */
static void lru_unlink(struct iks_tracker *t, struct node *x)
{
	if (x->lru_prev)
		x->lru_prev->lru_next = x->lru_next;
	else
		t->lru_head = x->lru_next;
	if (x->lru_next)
		x->lru_next->lru_prev = x->lru_prev;
	else
		t->lru_tail = x->lru_prev;
	x->lru_prev = x->lru_next = NULL;
}

static void lru_append(struct iks_tracker *t, struct node *x)
{
	x->lru_prev = t->lru_tail;
	x->lru_next = NULL;
	if (t->lru_tail)
		t->lru_tail->lru_next = x;
	else
		t->lru_head = x;
	t->lru_tail = x;
}

/*
 * Streaming: n was active.  The list is kept in order of `queued`, the
 * activity time at which a node was last moved to its tail; a node is
 * moved again only when its activity is a 64th of the idle timeout newer,
 * which spares most messages three cache misses on other negotiations,
 * and lets idle ones conclude that much later at most.
 */
static void touch(struct iks_tracker *t, struct iks_nego *n)
{
	struct node *x = node_of(n);

	if (!t->streaming || n->end - x->queued < t->opts.idle_timeout / 64)
		return;
	x->queued = n->end;
	if (t->lru_tail == x)
		return;
	lru_unlink(t, x);
	lru_append(t, x);
}

static bool same_peers(const struct iks_nego *n, const struct iks_datagram *dg)
{
	return (iks_addr_equal(&n->init_addr, &dg->src) &&
		iks_addr_equal(&n->resp_addr, &dg->dst)) ||
	       (iks_addr_equal(&n->init_addr, &dg->dst) &&
		iks_addr_equal(&n->resp_addr, &dg->src));
}

static struct iks_nego *lookup(struct iks_tracker *t, const uint8_t ispi[8],
			       const struct iks_datagram *dg)
{
	struct iks_nego *found = NULL;
	uint64_t key = spi_key(ispi);

	/* the newest attempt with this SPI between these peers */
	for (int32_t e = index_first(&t->spis, key); e != IKS_NO_ENTRY;
	     e = t->spis.e[e].next) {
		struct iks_nego *n = &t->spis.e[e].node->n;

		if (t->spis.e[e].key == key && same_peers(n, dg) &&
		    (!found || n->id > found->id))
			found = n;
	}
	return found;
}

static bool is_zero_spi(const uint8_t spi[8])
{
	static const uint8_t zero[8];

	return !memcmp(spi, zero, 8);
}

static bool has_notify(const struct iks_nmsg *nm, uint16_t type)
{
	for (unsigned i = 0; i < nm->n_notify; i++)
		if (nm->notify[i] == type)
			return true;
	return false;
}

/* An IKEv2 attempt that was just told to retry (RFC 7296 1.2, 2.6). */
static bool asked_to_retry(const struct iks_nego *n)
{
	const struct iks_nmsg *last;

	if (n->version != 2 || !n->n_msgs || n->status == IKS_STATUS_ESTABLISHED)
		return false;
	last = &n->msgs[n->n_msgs - 1];
	return last->response && last->exchange == IKS_V2_EX_IKE_SA_INIT &&
	       (has_notify(last, IKS_V2_N_INVALID_KE_PAYLOAD) ||
		has_notify(last, IKS_V2_N_COOKIE));
}

static struct iks_nego *find_retried(struct iks_tracker *t, const struct iks_datagram *dg,
				     double now)
{
	/* this pair's negotiations, newest first */
	for (struct node *x = t->peers[peer_bucket(t, &dg->src, &dg->dst)]; x;
	     x = x->peer_next) {
		struct iks_nego *n = &x->n;

		if (!same_peers(n, dg))
			continue;
		if (now - n->end > IKS_RETRY_WINDOW_S)
			break;
		if (iks_addr_equal(&n->init_addr, &dg->src) &&
		    iks_addr_equal(&n->resp_addr, &dg->dst) && asked_to_retry(n))
			return n;
	}
	return NULL;
}

/*
 * IKEv2 SPIs we never saw negotiated, between peers whose IKE SA just ran
 * a CREATE_CHILD_SA we could not read: that exchange rekeyed the IKE SA
 * (RFC 7296 1.3.2), and these are the new SA's messages.
 */
static struct iks_nego *find_rekeyed(struct iks_tracker *t, const struct iks_datagram *dg)
{
	for (struct node *x = t->peers[peer_bucket(t, &dg->src, &dg->dst)]; x;
	     x = x->peer_next) {
		struct iks_nego *n = &x->n;

		if (n->version != 2 || n->status != IKS_STATUS_ESTABLISHED || !same_peers(n, dg))
			continue;
		for (unsigned j = n->n_children; j-- > 0;) {
			struct iks_child *c = &n->children[j];

			if (c->exchange == IKS_V2_EX_CREATE_CHILD_SA && !c->decrypted &&
			    !c->ike_rekey) {
				c->ike_rekey = true;
				n->ike_rekeys++;
				return n;
			}
		}
	}
	return NULL;
}

static void note_retry(struct iks_nego *n)
{
	const struct iks_nmsg *last = &n->msgs[n->n_msgs - 1];

	n->retries++;
	n->retry_notify = has_notify(last, IKS_V2_N_INVALID_KE_PAYLOAD) ?
				  IKS_V2_N_INVALID_KE_PAYLOAD : IKS_V2_N_COOKIE;
	nego_set_status(n, IKS_STATUS_INCOMPLETE, true, "retried");
	n->have_spi_r = false;
	memset(n->spi_r, 0, 8);
}

static void conclude_one(struct iks_tracker *t, struct node *x);

static struct iks_nego *new_nego(struct iks_tracker *t, const struct iks_msg *m,
				 const struct iks_datagram *dg, double now)
{
	struct node *x;
	struct iks_nego *n;
	bool sender_is_initiator = true;

	if (t->streaming) {
		/* at the limit, the least recently active one makes room */
		if (t->st.open >= t->opts.max_negotiations && t->lru_head) {
			t->st.evicted++;
			conclude_one(t, t->lru_head);
		}
	} else {
		if (t->n_negos >= t->opts.max_negotiations)
			return NULL;
		if (!grow((void **)&t->negos, sizeof *t->negos, &t->cap_negos,
			  t->n_negos + 1))
			return NULL;
	}
	x = calloc(1, sizeof *x);
	if (!x)
		return NULL;
	x->spi_owned = x->esp_owned = IKS_NO_ENTRY;
	n = &x->n;
	if (m->version == 2)
		sender_is_initiator = (m->hdr.flags & IKS_V2_FLAG_I) != 0;
	n->id = ++t->next_id;
	n->version = m->version;
	n->exchange = m->hdr.exchange;
	n->init_addr = sender_is_initiator ? dg->src : dg->dst;
	n->resp_addr = sender_is_initiator ? dg->dst : dg->src;
	n->init_port = sender_is_initiator ? dg->sport : dg->dport;
	n->resp_port = sender_is_initiator ? dg->dport : dg->sport;
	memcpy(n->spi_i, m->hdr.ispi, 8);
	memcpy(n->first_spi_i, m->hdr.ispi, 8);
	n->start = n->end = now;
	n->status = IKS_STATUS_INCOMPLETE;
	if (!index_spi(t, m->hdr.ispi, n)) {
		free(x);
		return NULL;
	}
	if (!t->streaming)
		t->negos[t->n_negos++] = n;
	if (t->st.open + 1 > t->n_peer_buckets)
		peer_rehash(t); /* before x is on the open list it relinks */
	x->prev = t->last;
	if (t->last)
		t->last->next = x;
	else
		t->first = x;
	t->last = x;
	if (t->streaming) {
		x->queued = now;
		lru_append(t, x);
	}
	mem_add(t, 0, footprint(n));
	t->st.negotiations++;
	if (++t->st.open > t->st.open_peak)
		t->st.open_peak = t->st.open;
	x->peer_bucket = peer_bucket(t, &n->init_addr, &n->resp_addr);
	peer_link(t, x);
	return n;
}

static bool from_initiator(const struct iks_nego *n, const struct iks_msg *m,
			   const struct iks_datagram *dg)
{
	if (m->version == 2)
		return (m->hdr.flags & IKS_V2_FLAG_I) != 0;
	if (!iks_addr_equal(&n->init_addr, &n->resp_addr))
		return iks_addr_equal(&dg->src, &n->init_addr);
	return dg->sport == n->init_port;
}

static struct iks_nmsg *find_retransmit(struct iks_nego *n, uint64_t dig, bool from_i)
{
	for (unsigned i = n->n_msgs; i-- > 0;)
		if (n->msgs[i].digest == dig && n->msgs[i].from_initiator == from_i)
			return &n->msgs[i];
	return NULL;
}

static struct iks_child *child_for(struct iks_nego *n, uint32_t msgid, uint8_t exchange)
{
	for (unsigned i = 0; i < n->n_children; i++)
		if (n->children[i].message_id == msgid && n->children[i].exchange == exchange)
			return &n->children[i];
	if (n->n_children >= IKS_NEGO_MAX_CHILDREN)
		return NULL; /* a flood of message IDs, not phase 2 exchanges */
	size_t cap = n->cap_children;
	/* children are large and most negotiations have one or two */
	if (!grow_from((void **)&n->children, sizeof *n->children, &cap, n->n_children + 1, 1))
		return NULL;
	n->cap_children = (unsigned)cap;
	struct iks_child *c = &n->children[n->n_children++];
	memset(c, 0, sizeof *c);
	c->message_id = msgid;
	c->exchange = exchange;
	c->status = IKS_STATUS_INCOMPLETE;
	c->first_msg = n->n_msgs - 1;
	return c;
}

/* A notify type by its registry name, or "notify N". */
static const char *notify_label(unsigned version, uint16_t type, char *buf, size_t len)
{
	const char *name = iks_name(version == 1 ? IKS_TAB_V1_NOTIFY : IKS_TAB_V2_NOTIFY, type);

	if (name)
		return name;
	snprintf(buf, len, "notify %u", type);
	return buf;
}

static uint16_t first_error(const struct iks_nmsg *nm)
{
	for (unsigned i = 0; i < nm->n_notify; i++)
		if (iks_notify_is_error(nm->notify[i]))
			return nm->notify[i];
	return 0;
}

static uint32_t esp_spi_of(const struct iks_prop *p)
{
	if (p->spi_len != 4)
		return 0;
	return (uint32_t)p->spi[0] << 24 | (uint32_t)p->spi[1] << 16 |
	       (uint32_t)p->spi[2] << 8 | p->spi[3];
}

/* The proposals of SA payload sa into *props, allocated to their number
 * (16 kept in place would be 1.8 KB a negotiation and a child). */
static uint8_t keep_props(const struct iks_msg *m, int sa, struct iks_prop **props)
{
	struct iks_prop tmp[IKS_NEGO_MAX_PROPS];
	unsigned k = iks_track_props(m, sa, tmp, IKS_NEGO_MAX_PROPS);
	struct iks_prop *p = NULL;

	if (k && !(p = malloc(k * sizeof *p)))
		k = 0;
	if (k)
		memcpy(p, tmp, k * sizeof *p);
	free(*props);
	*props = p;
	return (uint8_t)k;
}

/* The SA / TS / KE contents of a phase 2 message, when readable. */
static void child_contents(struct iks_tracker *t, struct iks_nego *n, struct iks_child *c,
			   const struct iks_msg *m, const struct iks_nmsg *nm, bool request)
{
	int sa = iks_track_find(m, m->version == 1 ? IKS_V1_PL_SA : IKS_V2_PL_SA);

	if (nm->encrypted && !nm->decrypted)
		return;
	c->decrypted = c->decrypted || nm->decrypted;
	if (request) {
		if (sa >= 0) {
			c->n_offered = keep_props(m, sa, &c->offered);
			if (c->n_offered) {
				c->spi_i = esp_spi_of(&c->offered[0]);
				index_esp(t, n, c, false, c->spi_i);
			}
		}
		c->pfs_known = true;
		c->pfs_group = 0;
		if (nm->payloads & IKS_PK_KE)
			c->pfs_group = m->version == 2 ? nm->ke_group :
				       (c->n_offered && c->offered[0].n_dh ? c->offered[0].dh[0] : 0);
		if (m->version == 2 && has_notify(nm, IKS_V2_N_REKEY_SA))
			c->rekey = true;
	} else if (sa >= 0 && iks_track_props(m, sa, &c->chosen, 1)) {
		c->has_chosen = true;
		c->spi_r = esp_spi_of(&c->chosen);
		index_esp(t, n, c, true, c->spi_r);
		c->resp_ke_group = nm->ke_group;
	}

	/* selectors: IKEv2 TSi/TSr; IKEv1 the two Quick Mode IDs in order */
	if (m->version == 2) {
		int tsi = iks_track_find(m, IKS_V2_PL_TSI), tsr = iks_track_find(m, IKS_V2_PL_TSR);

		if (tsi >= 0 && tsr >= 0) {
			c->ts_known = true;
			if (request) {
				c->n_ts_i = (uint8_t)iks_track_selectors(m, tsi, c->ts_i, IKS_CHILD_MAX_TS);
				c->n_ts_r = (uint8_t)iks_track_selectors(m, tsr, c->ts_r, IKS_CHILD_MAX_TS);
			} else {
				c->n_ts_i_resp = (uint8_t)iks_track_selectors(m, tsi, c->ts_i_resp, IKS_CHILD_MAX_TS);
				c->n_ts_r_resp = (uint8_t)iks_track_selectors(m, tsr, c->ts_r_resp, IKS_CHILD_MAX_TS);
			}
		}
	} else {
		int idci = iks_track_find(m, IKS_V1_PL_ID);
		int idcr = -1;

		for (unsigned i = (unsigned)idci + 1; idci >= 0 && i < m->n_payloads; i++)
			if (m->payloads[i].type == IKS_V1_PL_ID) {
				idcr = (int)i;
				break;
			}
		if (idci >= 0 && idcr >= 0 && request) {
			c->ts_known = true;
			c->n_ts_i = (uint8_t)iks_track_selectors(m, idci, c->ts_i, 1);
			c->n_ts_r = (uint8_t)iks_track_selectors(m, idcr, c->ts_r, 1);
		} else if (idci >= 0 && idcr >= 0) {
			c->n_ts_i_resp = (uint8_t)iks_track_selectors(m, idci, c->ts_i_resp, 1);
			c->n_ts_r_resp = (uint8_t)iks_track_selectors(m, idcr, c->ts_r_resp, 1);
		}
	}
}

static void phase1_offer(struct iks_nego *n, const struct iks_msg *m)
{
	int sa = iks_track_find(m, m->version == 1 ? IKS_V1_PL_SA : IKS_V2_PL_SA);

	if (sa >= 0)
		n->n_offered = keep_props(m, sa, &n->offered);
}

static void phase1_answer(struct iks_nego *n, const struct iks_msg *m)
{
	int sa = iks_track_find(m, m->version == 1 ? IKS_V1_PL_SA : IKS_V2_PL_SA);

	if (sa >= 0 && iks_track_props(m, sa, &n->chosen, 1))
		n->has_chosen = true;
	if (!is_zero_spi(m->hdr.rspi)) {
		memcpy(n->spi_r, m->hdr.rspi, 8);
		n->have_spi_r = true;
	}
}

/* RFC 7296 1.3.2: a CREATE_CHILD_SA whose SA proposes protocol IKE
 * rekeys the IKE SA; its proposal SPI is the new SA's initiator SPI, under
 * which the rest of the conversation continues. */
static void note_ike_rekey(struct iks_tracker *t, struct iks_nego *n, struct iks_child *c)
{
	if (!c->n_offered || c->offered[0].protocol != IKS_PROTO_IKE)
		return;
	if (!c->ike_rekey)
		n->ike_rekeys++;
	c->ike_rekey = true;
	if (c->offered[0].spi_len == 8)
		index_spi(t, c->offered[0].spi, n);
}

/* IKEv2: RFC 7296 1.1-1.5 exchanges. */
static void apply_v2(struct iks_tracker *t, struct iks_nego *n, const struct iks_msg *m,
		     struct iks_nmsg *nm)
{
	uint16_t err = first_error(nm);
	char why[128], lbl[48];

	switch (nm->exchange) {
	case IKS_V2_EX_IKE_SA_INIT:
		if (!nm->response) {
			phase1_offer(n, m);
			n->ke_group_i = nm->ke_group;
			break;
		}
		phase1_answer(n, m);
		n->ke_group_r = nm->ke_group;
		if (has_notify(nm, IKS_V2_N_INVALID_KE_PAYLOAD)) {
			int i = iks_track_find(m, IKS_V2_PL_N);

			for (; i >= 0 && i < m->n_payloads; i++) {
				const struct iks_payload *p = &m->payloads[i];

				if (p->type == IKS_V2_PL_N &&
				    p->u.notify.type == IKS_V2_N_INVALID_KE_PAYLOAD &&
				    p->u.notify.data.len == 2) {
					n->retry_group = (uint16_t)(p->u.notify.data.ptr[0] << 8 |
								    p->u.notify.data.ptr[1]);
					break;
				}
			}
		}
		if (err && !(nm->payloads & IKS_PK_SA)) {
			snprintf(why, sizeof why, "IKE_SA_INIT refused with %s", notify_label(2, err, lbl, sizeof lbl));
			nego_set_status(n, IKS_STATUS_FAILED, false, why);
		}
		break;
	case IKS_V2_EX_IKE_AUTH: {
		struct iks_child *c = child_for(n, nm->message_id, nm->exchange);

		if (!nm->response) {
			if (nm->auth_method)
				n->auth_method_i = nm->auth_method;
			if (c)
				child_contents(t, n, c, m, nm, true);
			break;
		}
		if (nm->auth_method)
			n->auth_method_r = nm->auth_method;
		if (!nm->decrypted)
			break; /* judged at the end, from what follows */
		if (nm->payloads & IKS_PK_AUTH) {
			nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
					"IKE_AUTH answered with AUTH");
		} else if (err) {
			snprintf(why, sizeof why, "IKE_AUTH refused with %s", notify_label(2, err, lbl, sizeof lbl));
			nego_set_status(n, IKS_STATUS_FAILED, false, why);
		}
		if (c) {
			child_contents(t, n, c, m, nm, false);
			if (c->has_chosen)
				child_set_status(c, IKS_STATUS_ESTABLISHED);
			else if (err) {
				c->error_notify = err;
				child_set_status(c, IKS_STATUS_FAILED);
			}
		}
		break;
	}
	case IKS_V2_EX_CREATE_CHILD_SA: {
		struct iks_child *c = child_for(n, nm->message_id, nm->exchange);

		/* a CREATE_CHILD_SA exchange exists only on an IKE SA */
		nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
				"CREATE_CHILD_SA exchanged on the IKE SA");
		if (!c)
			break;
		if (!nm->response) {
			c->request_len = nm->length;
			child_contents(t, n, c, m, nm, true);
			note_ike_rekey(t, n, c);
			break;
		}
		child_contents(t, n, c, m, nm, false);
		if (c->has_chosen) {
			child_set_status(c, IKS_STATUS_ESTABLISHED);
		} else if (err) {
			c->error_notify = err;
			child_set_status(c, IKS_STATUS_FAILED);
		}
		break;
	}
	default:
		break;
	}
}

/* Position of a message among the distinct messages of a phase 1 exchange
 * (1-based), counting only the main/aggressive mode messages. */
static unsigned phase1_position(const struct iks_nego *n)
{
	unsigned k = 0;

	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].exchange == n->exchange)
			k++;
	return k;
}

/* IKEv1: RFC 2409 5 (Main, Aggressive), 5.5 (Quick Mode). */
static void apply_v1(struct iks_tracker *t, struct iks_nego *n, const struct iks_msg *m,
		     struct iks_nmsg *nm)
{
	uint16_t err = first_error(nm);
	char why[128], lbl[48];

	if (nm->exchange == n->exchange &&
	    (n->exchange == IKS_V1_EX_MAIN || n->exchange == IKS_V1_EX_AGGRESSIVE)) {
		unsigned pos = phase1_position(n);

		if (pos == 1)
			phase1_offer(n, m);
		else if (pos == 2)
			phase1_answer(n, m);
		if ((n->exchange == IKS_V1_EX_MAIN && pos == 6 && !nm->from_initiator) ||
		    (n->exchange == IKS_V1_EX_AGGRESSIVE && pos == 3 && nm->from_initiator))
			nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
					"last phase 1 message seen");
		return;
	}
	switch (nm->exchange) {
	case IKS_V1_EX_QUICK: {
		struct iks_child *c = child_for(n, nm->message_id, nm->exchange);
		unsigned k = 0;

		nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
				"Quick Mode runs under the ISAKMP SA");
		if (!c)
			break;
		for (unsigned i = c->first_msg; i < n->n_msgs; i++)
			if (n->msgs[i].exchange == IKS_V1_EX_QUICK &&
			    n->msgs[i].message_id == nm->message_id)
				k++;
		if (k == 1) {
			c->request_len = nm->length;
			child_contents(t, n, c, m, nm, true);
		} else if (k == 2) {
			child_contents(t, n, c, m, nm, false);
		} else if (k == 3) {
			child_set_status(c, IKS_STATUS_ESTABLISHED);
		}
		break;
	}
	case IKS_V1_EX_TRANSACTION:
		/* XAUTH / Mode-Config follow phase 1 */
		nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
				"Transaction exchange runs under the ISAKMP SA");
		break;
	case IKS_V1_EX_INFO:
		if (err && n->status == IKS_STATUS_INCOMPLETE) {
			snprintf(why, sizeof why, "%s before phase 1 completed", notify_label(1, err, lbl, sizeof lbl));
			nego_set_status(n, IKS_STATUS_FAILED, false, why);
		}
		/* a refusal of a Quick Mode names no message id of it: the
		 * newest unanswered Quick Mode is the one refused */
		if (err && n->n_children) {
			struct iks_child *c = &n->children[n->n_children - 1];

			if (!c->has_chosen && c->status == IKS_STATUS_INCOMPLETE) {
				c->error_notify = err;
				child_set_status(c, IKS_STATUS_FAILED);
			}
		}
		break;
	default:
		break;
	}
}

/*
 * An ESP packet counts for the child SA whose SPI it carries: of several,
 * the newest negotiation's, its first child, the initiator's SPI first.
 * Entries of an SPI a child no longer has are skipped.
 */
static void count_esp(struct iks_tracker *t, const struct iks_datagram *dg)
{
	struct iks_nego *best = NULL;
	uint32_t best_aux = 0;

	if (!dg->esp_spi)
		return;
	for (int32_t e = index_first(&t->esps, dg->esp_spi); e != IKS_NO_ENTRY;
	     e = t->esps.e[e].next) {
		const struct entry *en = &t->esps.e[e];
		struct iks_nego *n = &en->node->n;
		const struct iks_child *c;

		if (en->key != dg->esp_spi || en->aux / 2 >= n->n_children)
			continue;
		c = &n->children[en->aux / 2];
		if ((en->aux & 1 ? c->spi_r : c->spi_i) != dg->esp_spi)
			continue;
		if (!best || n->id > best->id || (n->id == best->id && en->aux < best_aux)) {
			best = n;
			best_aux = en->aux;
		}
	}
	if (!best)
		return;
	/* each side's SPI is the one the other sends to */
	if (best_aux & 1)
		best->children[best_aux / 2].esp_packets_i++;
	else
		best->children[best_aux / 2].esp_packets_r++;
}

static struct iks_nmsg *append_msg(struct iks_nego *n)
{
	size_t cap = n->cap_msgs;

	if (!grow((void **)&n->msgs, sizeof *n->msgs, &cap, n->n_msgs + 1))
		return NULL;
	n->cap_msgs = (unsigned)cap;
	struct iks_nmsg *nm = &n->msgs[n->n_msgs++];
	memset(nm, 0, sizeof *nm);
	return nm;
}

/*
 * An IKEv1 fragment is held until its message is complete; the message is
 * then decoded in its place, at the frame that completed it.  Returns
 * false while nothing is complete.
 */
static bool reassemble_v1(struct iks_tracker *t, struct iks_msg *m, bool *fragmented)
{
	const uint8_t *buf;
	size_t len;

	if (m->version != 1 || m->n_payloads != 1 || m->payloads[0].type != IKS_V1_PL_FRAG)
		return true;
	if (iks_ike_reasm_add(t->reasm, m, &m->payloads[0], &buf, &len) <= 0)
		return false;
	*fragmented = true;
	return iks_ike_decode(buf, len, m) == IKS_OK;
}

static const struct iks_msg *file_message(struct iks_tracker *t, struct iks_nego *n,
					  struct iks_msg *m, const struct iks_datagram *dg,
					  double now, bool fragmented);

const struct iks_msg *iks_track_datagram(struct iks_tracker *t,
					 const struct iks_datagram *dg)
{
	struct iks_msg *m = &t->msg;
	double now = (double)dg->ts_sec + dg->ts_nsec / 1e9;
	struct iks_nego *n;
	bool fragmented = false;
	size_t before;

	/* every datagram's time moves the clock of idle expiry */
	if (t->lru_head && t->lru_head->n.end + t->opts.idle_timeout < now)
		iks_track_expire(t, now);
	/* over the memory budget: the least recently active make room */
	while (t->streaming && t->st.memory > t->opts.max_memory && t->lru_head) {
		t->st.evicted++;
		conclude_one(t, t->lru_head);
	}
	if (dg->kind == IKS_DG_ESP) {
		count_esp(t, dg);
		return NULL;
	}
	t->last_error = IKS_OK;
	if (dg->kind != IKS_DG_IKE)
		return NULL;
	t->last_error = iks_ike_decode(dg->data, dg->len, m);
	if (t->last_error != IKS_OK)
		return NULL;
	if (!reassemble_v1(t, m, &fragmented))
		return NULL;

	n = lookup(t, m->hdr.ispi, dg);
	if (!n && m->version == 2 && m->hdr.exchange == IKS_V2_EX_IKE_SA_INIT &&
	    !(m->hdr.flags & IKS_V2_FLAG_R)) {
		n = find_retried(t, dg, now);
		if (n) {
			memcpy(n->spi_i, m->hdr.ispi, 8);
			index_spi(t, m->hdr.ispi, n);
		}
	}
	if (!n && m->version == 2 && m->hdr.exchange != IKS_V2_EX_IKE_SA_INIT) {
		n = find_rekeyed(t, dg);
		if (n)
			index_spi(t, m->hdr.ispi, n);
	}
	if (!n)
		n = new_nego(t, m, dg, now);
	if (!n) {
		t->st.not_tracked++;
		return m; /* over the limit: still decoded for dissect */
	}
	const struct iks_msg *filed;

	before = footprint(n);
	filed = file_message(t, n, m, dg, now, fragmented);
	mem_add(t, before, footprint(n));
	return filed;
}

/* The message m, decoded, belongs to n: fold, record and apply it. */
static const struct iks_msg *file_message(struct iks_tracker *t, struct iks_nego *n,
					  struct iks_msg *m, const struct iks_datagram *dg,
					  double now, bool fragmented)
{
	struct iks_nmsg *nm, *orig;
	bool from_i;
	uint64_t dig;

	from_i = from_initiator(n, m, dg);
	if (m->version == 2 && m->n_payloads && m->payloads[m->n_payloads - 1].type == IKS_V2_PL_SKF) {
		int rc = iks_skf_add(t->skf, n, t->opts.keys, m, m->n_payloads - 1, t->plain,
				     sizeof t->plain);

		if (rc == 0)
			return NULL;
		fragmented = rc == 1;
	}
	if (n->crypto || t->opts.keys)
		iks_track_decrypt(n, t->opts.keys, m, from_i, t->plain, sizeof t->plain);
	n->end = now;
	touch(t, n);
	if (dg->sport == IKS_PORT_NATT || dg->dport == IKS_PORT_NATT)
		n->floated = n->nat_t = true;

	dig = digest(m->raw.ptr, m->raw.len);
	orig = find_retransmit(n, dig, from_i);
	if (orig) {
		orig->retransmits++;
		orig->last_frame = dg->frame;
		return m;
	}
	if (m->version == 2 && m->hdr.exchange == IKS_V2_EX_IKE_SA_INIT &&
	    !(m->hdr.flags & IKS_V2_FLAG_R) && asked_to_retry(n))
		note_retry(n);

	if (n->n_msgs >= IKS_NEGO_MAX_MSGS) {
		n->msgs_dropped++;
		t->st.msgs_dropped++;
		return m;
	}
	nm = append_msg(n);
	if (!nm)
		return m;
	nm->frame = nm->last_frame = dg->frame;
	nm->time = now;
	nm->from_initiator = from_i;
	nm->response = m->version == 2 ? (m->hdr.flags & IKS_V2_FLAG_R) != 0 : !from_i;
	nm->exchange = m->hdr.exchange;
	nm->message_id = m->hdr.message_id;
	nm->length = m->hdr.length;
	nm->sport = dg->sport;
	nm->dport = dg->dport;
	nm->digest = dig;
	nm->ip_fragments = dg->ip_reassembled ? dg->ip_fragments : 0;
	nm->malformed = m->malformed != IKS_OK;
	iks_track_summarize(m, nm);
	nm->encrypted = (nm->payloads & IKS_PK_SK) != 0;
	for (unsigned i = 0; i < m->n_payloads; i++)
		if (m->payloads[i].parent >= 0)
			nm->decrypted = true;
	if (nm->payloads & IKS_PK_NATD)
		n->nat_t = true;
	if (fragmented)
		nm->payloads |= IKS_PK_FRAG;
	if (nm->payloads & IKS_PK_FRAG)
		n->ike_fragmentation = true;

	if (n->version == 2)
		apply_v2(t, n, m, nm);
	else
		apply_v1(t, n, m, nm);
	iks_track_check_psk(n, m, from_i, phase1_position(n), t->opts.psk, t->opts.psk_len);
	return m;
}

/* ---- conclusions at the end of the capture ---- */

static bool any_exchange(const struct iks_nego *n, uint8_t exchange, bool response)
{
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (n->msgs[i].exchange == exchange && n->msgs[i].response == response)
			return true;
	return false;
}

static const struct iks_nmsg *last_of(const struct iks_nego *n, uint8_t exchange,
				      bool response)
{
	for (unsigned i = n->n_msgs; i-- > 0;)
		if (n->msgs[i].exchange == exchange && n->msgs[i].response == response)
			return &n->msgs[i];
	return NULL;
}

/*
 * An encrypted IKE_AUTH response too small for IDr and AUTH (each at
 * least a generic header plus data) holds only a notification: with
 * the SK overhead (IV, padding, ICV up to 64 bytes) a response under
 * this size cannot carry an identity and an authentication value.
 */
#define IKS_V2_AUTH_RESPONSE_MIN 112

static void conclude_v2(struct iks_nego *n)
{
	const struct iks_nmsg *resp = last_of(n, IKS_V2_EX_IKE_AUTH, true);
	bool child_traffic = false;

	for (unsigned i = 0; i < n->n_children; i++)
		if (n->children[i].esp_packets_i || n->children[i].esp_packets_r)
			child_traffic = true;
	if (resp && !resp->decrypted) {
		if (child_traffic || any_exchange(n, IKS_V2_EX_CREATE_CHILD_SA, true))
			nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
					"the IKE SA carried later exchanges");
		else if (resp->length < IKS_V2_AUTH_RESPONSE_MIN)
			nego_set_status(n, IKS_STATUS_FAILED, false,
					"IKE_AUTH response too small to hold IDr and AUTH");
		else
			nego_set_status(n, IKS_STATUS_ESTABLISHED, false,
					"IKE_AUTH response large enough to hold IDr and AUTH");
	}
}

static void conclude_v1(struct iks_nego *n)
{
	unsigned pos = phase1_position(n);

	if (n->status != IKS_STATUS_INCOMPLETE)
		return;
	if (n->exchange == IKS_V1_EX_MAIN && pos == 5)
		nego_set_status(n, IKS_STATUS_FAILED, false,
				n->msgs[n->n_msgs - 1].from_initiator ?
					"Main Mode message 5 was never answered" :
					"Main Mode message 5 was answered by notifications, "
					"not by message 6");
	else if (n->exchange == IKS_V1_EX_AGGRESSIVE && pos == 2)
		nego_set_status(n, IKS_STATUS_FAILED, false,
				"Aggressive Mode message 3 was never sent");
}

/* After Quick Mode message 1 the responder sent an Informational instead
 * of message 2 (RFC 2409 5.5): the refusal, even when unreadable. */
static bool qm_refused(const struct iks_nego *n, const struct iks_child *c)
{
	unsigned qm = 0;
	bool info = false;

	for (unsigned i = c->first_msg; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];

		if (m->exchange == IKS_V1_EX_QUICK && m->message_id == c->message_id)
			qm++;
		else if (m->exchange == IKS_V1_EX_INFO && !m->from_initiator)
			info = true;
	}
	return qm == 1 && info;
}

/* A CREATE_CHILD_SA response too small for SA, nonce and selectors holds
 * only a notification (same bound as for IKE_AUTH: SK overhead plus one
 * notify payload). */
static bool ccsa_refused(const struct iks_nego *n, const struct iks_child *c)
{
	for (unsigned i = c->first_msg; i < n->n_msgs; i++) {
		const struct iks_nmsg *m = &n->msgs[i];

		if (m->exchange == IKS_V2_EX_CREATE_CHILD_SA && m->response &&
		    m->message_id == c->message_id && !m->decrypted)
			return m->length < IKS_V2_AUTH_RESPONSE_MIN;
	}
	return false;
}

static void conclude_children(struct iks_nego *n)
{
	for (unsigned i = 0; i < n->n_children; i++) {
		struct iks_child *c = &n->children[i];

		if (c->status == IKS_STATUS_INCOMPLETE && !c->has_chosen &&
		    ((n->version == 1 && qm_refused(n, c)) ||
		     (n->version == 2 && c->exchange == IKS_V2_EX_CREATE_CHILD_SA &&
		      ccsa_refused(n, c))))
			child_set_status(c, IKS_STATUS_FAILED);

		if (c->status == IKS_STATUS_INCOMPLETE && (c->esp_packets_i || c->esp_packets_r))
			child_set_status(c, IKS_STATUS_ESTABLISHED);
		if (c->status == IKS_STATUS_INCOMPLETE && n->version == 2 &&
		    c->exchange == IKS_V2_EX_IKE_AUTH && n->status == IKS_STATUS_ESTABLISHED &&
		    !c->decrypted && last_of(n, IKS_V2_EX_IKE_AUTH, true))
			child_set_status(c, IKS_STATUS_ESTABLISHED);
		if (n->status == IKS_STATUS_FAILED && c->exchange == IKS_V2_EX_IKE_AUTH)
			child_set_status(c, IKS_STATUS_FAILED);
	}
}

/* The initiator's last message went unanswered despite retransmissions. */
static void conclude_unanswered(struct iks_nego *n)
{
	const struct iks_nmsg *last;

	if (n->status != IKS_STATUS_INCOMPLETE || !n->n_msgs)
		return;
	last = &n->msgs[n->n_msgs - 1];
	if (last->from_initiator && !last->response && last->retransmits > 0)
		nego_set_status(n, IKS_STATUS_FAILED, false,
				"request retransmitted and never answered");
}

static void conclude_rules(struct iks_nego *n)
{
	if (n->version == 2)
		conclude_v2(n);
	else
		conclude_v1(n);
	conclude_unanswered(n);
	conclude_children(n);
}

/* Streaming: forget a negotiation everywhere and free it. */
static void release(struct iks_tracker *t, struct node *x)
{
	index_drop(&t->spis, &x->spi_owned);
	index_drop(&t->esps, &x->esp_owned);
	peer_unlink(t, x);
	lru_unlink(t, x);
	if (x->prev)
		x->prev->next = x->next;
	else
		t->first = x->next;
	if (x->next)
		x->next->prev = x->prev;
	else
		t->last = x->prev;
	t->st.open--;
	mem_add(t, footprint(&x->n), 0);
	nego_free(&x->n);
}

static void conclude_one(struct iks_tracker *t, struct node *x)
{
	conclude_rules(&x->n);
	t->st.concluded++;
	t->opts.on_concluded(t->opts.ctx, &x->n);
	release(t, x);
}

static int by_id(const void *a, const void *b)
{
	const struct node *x = *(struct node *const *)a, *y = *(struct node *const *)b;

	return x->n.id < y->n.id ? -1 : x->n.id > y->n.id;
}

void iks_track_expire(struct iks_tracker *t, double now)
{
	size_t k = 0;

	if (!t->streaming)
		return;
	/* the least recently active come first (by `queued`, see touch());
	 * those concluding together are handed out in order of their first
	 * message */
	for (struct node *x = t->lru_head; x && x->queued + t->opts.idle_timeout < now;
	     x = x->lru_next) {
		if (!(x->n.end + t->opts.idle_timeout < now))
			continue; /* active since it was queued */
		if (!grow((void **)&t->batch, sizeof *t->batch, &t->cap_batch, k + 1))
			break;
		t->batch[k++] = x;
	}
	if (k > 1)
		qsort(t->batch, k, sizeof *t->batch, by_id);
	for (size_t i = 0; i < k; i++) {
		t->st.idle++;
		conclude_one(t, t->batch[i]);
	}
}

void iks_track_finish(struct iks_tracker *t)
{
	if (t->streaming) {
		while (t->first)
			conclude_one(t, t->first);
		return;
	}
	for (size_t i = 0; i < t->n_negos; i++)
		conclude_rules(t->negos[i]);
}

void iks_track_get_stats(const struct iks_tracker *t, struct iks_track_stats *st)
{
	*st = t->st;
	st->frags_dropped = iks_ike_reasm_dropped(t->reasm);
}

int iks_track_last_error(const struct iks_tracker *t)
{
	return t->last_error;
}

size_t iks_track_count(const struct iks_tracker *t)
{
	return t->n_negos;
}

const struct iks_nego *iks_track_get(const struct iks_tracker *t, size_t i)
{
	return i < t->n_negos ? t->negos[i] : NULL;
}

int iks_nego_find_notify(const struct iks_nego *n, uint16_t type)
{
	for (unsigned i = 0; i < n->n_msgs; i++)
		if (has_notify(&n->msgs[i], type))
			return (int)i;
	return -1;
}
