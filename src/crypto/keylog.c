/*
 * keylog.c - IKE SA keys from strongSwan charon file logs.
 *
 * What charon 5.9 writes (filelog, `ike = 4`, `mgr = 2`, `cfg >= 1`,
 * `ike_name = yes`), each line "[time] NN[GRP] <conn|id> text":
 *
 *   14[CFG] <gw-b|1> selected proposal: IKE:AES_CBC_128/AES_XCBC_96/PRF_.../MODP_2048
 *   14[IKE] <gw-b|1> Sk_ei secret => 16 bytes @ 0x7fd048011310     (keymat_v2.c)
 *   14[IKE] <gw-b|1>    0: 2E 0E 19 40 ...  ascii                   (hex dump)
 *   12[IKE] <c1|1> encryption key Ka => 32 bytes @ 0x...            (keymat_v1.c)
 *   14[MGR] <gw-b|1> checkin IKEv2 SA gw-b[1] with SPIs 70..2b_i 58..97_r
 *
 * The keys of an IKE SA are logged once, before its first checkin with a
 * responder SPI; that checkin names the SPIs (IKEv1: the cookies).  Lines
 * are tied together by the unique id of the "<conn|id>" tag (a responder
 * logs "<id>" until it knows the connection), hex dumps by the thread.
 * Without tags (`ike_name = no`, strongSwan's default) the thread stands
 * in for the SA and the last selected proposal for its algorithms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crypto/crypto_int.h"

#define KL_LINE_MAX 4096
#define KL_MAX_SAS 256     /* IKE SAs with keys waiting for their SPIs */
#define KL_MAX_THREADS 64  /* threads in the middle of a hex dump */
#define KL_TAG_MAX 96
#define KL_PROP_MAX 160
#define KL_RECENT 8        /* proposals remembered for untagged logs */

enum kl_field { KL_EI, KL_ER, KL_AI, KL_AR, KL_KA, KL_N };

static const char *const kl_field_names[KL_N] = {
	"Sk_ei secret", "Sk_er secret", "Sk_ai secret", "Sk_ar secret",
	"encryption key Ka",
};

/* One IKE SA (one tag) whose keys were logged. */
struct kl_sa {
	bool used;
	unsigned long age;
	char tag[KL_TAG_MAX];
	char proposal[KL_PROP_MAX];
	uint8_t have;                       /* bit per enum kl_field */
	uint8_t len[KL_N];
	uint8_t key[KL_N][IKS_CRYPTO_KEY_MAX];
};

/* A hex dump being read on one thread. */
struct kl_dump {
	bool used;
	unsigned thread;
	struct kl_sa *sa;
	char tag[KL_TAG_MAX];
	enum kl_field field;
	size_t want, got;
};

/* The SPIs of the last "checkout ... with SPIs" on one thread. */
struct kl_checkout {
	bool used;
	unsigned thread;
	uint8_t spi_i[IKS_SPI_LEN], spi_r[IKS_SPI_LEN];
};

struct kl_state {
	struct kl_sa sas[KL_MAX_SAS];
	struct kl_dump dumps[KL_MAX_THREADS];
	struct kl_checkout checkouts[KL_MAX_THREADS];
	unsigned long clock;
	/* recent proposals, for SAs whose own is not known (no tags) */
	char recent[KL_RECENT][KL_PROP_MAX];
	unsigned n_recent, recent_next;
	struct iks_keytab *kt;
	size_t n_v1, n_v2, n_skipped;
};

/* A parsed line: the thread number, its tag ("" if none) and the text. */
struct kl_line {
	unsigned thread;
	char tag[KL_TAG_MAX];
	const char *text;
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * "<conn|17> " or, before a responder knows its config, "<17> ": the
 * unique id is what stays the same for one IKE SA, so it is the key.
 * Returns the bytes consumed (0 if this is no tag).
 */
static size_t take_tag(const char *s, char tag[KL_TAG_MAX])
{
	size_t n = 1, id;

	while (s[n] && s[n] != '>' && s[n] != ' ' && n < KL_TAG_MAX)
		n++;
	if (s[n] != '>')
		return 0;
	id = n;
	while (id > 1 && is_digit(s[id - 1]))
		id--;
	if (id == n || (id > 1 && s[id - 1] != '|'))
		return 0;
	memcpy(tag, s + id, n - id);
	tag[n - id] = '\0';
	return s[n + 1] == ' ' ? n + 2 : n + 1;
}

/*
 * Find "NN[GRP] " among the leading words (the time format and a syslog
 * prefix come before it), then an optional "<name|id> " tag.
 */
/* "14[IKE] " at w: its length, and the thread number; 0 if not. */
static size_t thread_word(const char *w, unsigned *thread)
{
	size_t j = 0, k;
	unsigned th = 0;

	while (is_digit(w[j]) && j < 6)
		th = th * 10 + (unsigned)(w[j++] - '0');
	if (j == 0 || w[j] != '[')
		return 0;
	k = j + 1;
	while (w[k] >= 'A' && w[k] <= 'Z' && k - j < 8)
		k++;
	if (k == j + 1 || w[k] != ']' || w[k + 1] != ' ')
		return 0;
	*thread = th;
	return k + 2;
}

static bool split_line(const char *s, struct kl_line *l)
{
	size_t i = 0;

	/* the time format and a syslog prefix are words before it */
	for (int word = 0; word < 12 && s[i]; word++) {
		size_t n = thread_word(s + i, &l->thread);

		if (n) {
			i += n;
			l->tag[0] = '\0';
			if (s[i] == '<')
				i += take_tag(s + i, l->tag);
			/* without ike_name the thread stands in for the SA:
			 * a job derives keys and checks its SA in on one
			 * thread ("~" keeps it apart from unique ids) */
			if (!l->tag[0])
				snprintf(l->tag, sizeof(l->tag), "~%u", l->thread);
			l->text = s + i;
			return true;
		}
		while (s[i] && s[i] != ' ')
			i++;
		while (s[i] == ' ')
			i++;
	}
	return false;
}

static struct kl_sa *sa_find(struct kl_state *st, const char *tag, bool create)
{
	struct kl_sa *free_slot = NULL, *oldest = NULL;

	for (size_t i = 0; i < KL_MAX_SAS; i++) {
		struct kl_sa *sa = &st->sas[i];

		if (sa->used && strcmp(sa->tag, tag) == 0) {
			sa->age = ++st->clock;
			return sa;
		}
		if (!sa->used && !free_slot)
			free_slot = sa;
		if (sa->used && (!oldest || sa->age < oldest->age))
			oldest = sa;
	}
	if (!create)
		return NULL;
	/* bounded: the SA unheard of longest gives up its slot */
	if (!free_slot) {
		free_slot = oldest;
		for (size_t i = 0; i < KL_MAX_THREADS; i++)
			if (st->dumps[i].sa == oldest)
				st->dumps[i].used = false;
	}
	iks_crypto_wipe(free_slot, sizeof(*free_slot));
	free_slot->used = true;
	free_slot->age = ++st->clock;
	snprintf(free_slot->tag, sizeof(free_slot->tag), "%s", tag);
	return free_slot;
}

static struct kl_dump *dump_slot(struct kl_state *st, unsigned thread,
				 bool create)
{
	struct kl_dump *free_slot = NULL;

	for (size_t i = 0; i < KL_MAX_THREADS; i++) {
		if (st->dumps[i].used && st->dumps[i].thread == thread)
			return &st->dumps[i];
		if (!st->dumps[i].used && !free_slot)
			free_slot = &st->dumps[i];
	}
	if (!create)
		return NULL;
	if (!free_slot)
		free_slot = &st->dumps[thread % KL_MAX_THREADS];
	memset(free_slot, 0, sizeof(*free_slot));
	free_slot->used = true;
	free_slot->thread = thread;
	return free_slot;
}

/* "   16: 55 85 9E ...  ascii": append the hex bytes; false if the line
 * is not the continuation this dump expects. */
static bool dump_line(struct kl_dump *d, const char *t)
{
	size_t i = 0;
	unsigned long off = 0;

	while (t[i] == ' ')
		i++;
	if (!is_digit(t[i]))
		return false;
	while (is_digit(t[i]) && off <= 65536)
		off = off * 10 + (unsigned long)(t[i++] - '0');
	if (t[i] != ':' || off != d->got)
		return false;
	i++;
	/* pairs are one space apart; two spaces start the ASCII column */
	while (d->got < d->want && t[i] == ' ') {
		int hi = iks_hex_digit(t[i + 1]), lo = hi < 0 ? -1 : iks_hex_digit(t[i + 2]);

		if (lo < 0 || (t[i + 3] != ' ' && t[i + 3] != '\0' &&
			       t[i + 3] != '\n'))
			break;
		d->sa->key[d->field][d->got++] = (uint8_t)(hi << 4 | lo);
		i += 3;
	}
	return true;
}

/* "<what> => N bytes @ 0x..." for the fields we want. */
static bool dump_start(struct kl_state *st, const struct kl_line *l)
{
	for (int f = 0; f < KL_N; f++) {
		size_t n = strlen(kl_field_names[f]);
		const char *p = l->text;
		unsigned long len = 0;
		struct kl_sa *sa;
		struct kl_dump *d;

		if (strncmp(p, kl_field_names[f], n) != 0 ||
		    strncmp(p + n, " => ", 4) != 0)
			continue;
		p += n + 4;
		while (is_digit(*p) && len <= 1024)
			len = len * 10 + (unsigned long)(*p++ - '0');
		if (strncmp(p, " bytes", 6) != 0 || len == 0 ||
		    len > IKS_CRYPTO_KEY_MAX)
			return true;
		sa = sa_find(st, l->tag, true);
		d = dump_slot(st, l->thread, true);
		d->sa = sa;
		d->field = (enum kl_field)f;
		d->want = len;
		d->got = 0;
		snprintf(d->tag, sizeof(d->tag), "%s", l->tag);
		sa->have &= (uint8_t)~(1u << f);
		sa->len[f] = (uint8_t)len;
		return true;
	}
	return false;
}

static void dump_done(struct kl_dump *d)
{
	if (d->got == d->want)
		d->sa->have |= (uint8_t)(1u << d->field);
	d->used = false;
}

static bool spi_hex(const char *p, uint8_t out[IKS_SPI_LEN])
{
	for (size_t i = 0; i < IKS_SPI_LEN; i++) {
		int hi = iks_hex_digit(p[2 * i]), lo = hi < 0 ? -1 : iks_hex_digit(p[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

/* Take the proposal's words apart: ENCR[/INTEG]/PRF_.../GROUP; an AEAD
 * proposal has no INTEG word and gets NONE. */
static bool proposal_specs(const char *proposal, const struct iks_encr_spec **e,
			   const struct iks_integ_spec **i)
{
	char prop[KL_PROP_MAX], *integ_name = NULL, *slash;

	snprintf(prop, sizeof(prop), "%s", proposal);
	slash = strchr(prop, '/');
	if (slash) {
		*slash = '\0';
		integ_name = slash + 1;
		slash = strchr(integ_name, '/');
		if (slash)
			*slash = '\0';
		if (strncmp(integ_name, "PRF_", 4) == 0)
			integ_name = NULL;
	}
	*e = iks_encr_spec_by_ss_name(prop);
	*i = integ_name ? iks_integ_spec_by_ss_name(integ_name) :
			  iks_integ_spec_find(0, 0);
	return *e && *i && ((*e)->icv != 0) == (integ_name == NULL);
}

static int v2_row(struct kl_state *st, struct kl_sa *sa, const uint8_t *spi_i,
		  const uint8_t *spi_r)
{
	const struct iks_encr_spec *e;
	const struct iks_integ_spec *i;
	struct iks_v2_keys k;
	bool integ;
	int rc;

	if (!proposal_specs(sa->proposal, &e, &i))
		return IKS_ERR_UNSUPPORTED;
	integ = i->kind != IKS_MAC_NONE;
	memset(&k, 0, sizeof(k));
	memcpy(k.spi_i, spi_i, IKS_SPI_LEN);
	memcpy(k.spi_r, spi_r, IKS_SPI_LEN);
	k.encr = e->id;
	k.encr_bits = e->bits;
	k.salt_len = e->salt;
	k.aead_icv = e->icv;
	k.integ = i->id;
	k.integ_icv = i->icv;
	k.sk_e_len = sa->len[KL_EI];
	memcpy(k.sk_ei, sa->key[KL_EI], k.sk_e_len);
	memcpy(k.sk_er, sa->key[KL_ER], k.sk_e_len);
	if (integ) {
		k.sk_a_len = sa->len[KL_AI];
		memcpy(k.sk_ai, sa->key[KL_AI], k.sk_a_len);
		memcpy(k.sk_ar, sa->key[KL_AR], k.sk_a_len);
	}
	rc = iks_keytab_add_v2(st->kt, &k, NULL, 0);
	iks_crypto_wipe(&k, sizeof(k));
	if (rc == 0)
		st->n_v2++;
	return rc;
}

static int v1_row(struct kl_state *st, struct kl_sa *sa, const uint8_t *cky_i)
{
	struct iks_v1_keys row;
	int rc;

	memset(&row, 0, sizeof(row));
	memcpy(row.icookie, cky_i, IKS_SPI_LEN);
	row.key_len = sa->len[KL_KA];
	memcpy(row.key, sa->key[KL_KA], row.key_len);
	rc = iks_keytab_add_v1(st->kt, &row, NULL, 0);
	iks_crypto_wipe(&row, sizeof(row));
	if (rc == 0)
		st->n_v1++;
	return rc;
}

/* Are the keys of sa complete for this proposal (IKEv1: Ka; IKEv2: Sk_e,
 * and Sk_a unless the proposal is AEAD, i.e. PRF follows ENCR)? */
static bool keys_complete(const struct kl_sa *sa, const char *proposal, bool v1)
{
	const char *slash = strchr(proposal, '/');
	uint8_t need;

	if (!sa)
		return false;
	if (v1) {
		need = 1u << KL_KA;
	} else {
		need = 1u << KL_EI | 1u << KL_ER;
		if (slash && strncmp(slash + 1, "PRF_", 4) != 0)
			need |= 1u << KL_AI | 1u << KL_AR;
	}
	return (sa->have & need) == need;
}

/* Do sa's logged key lengths fit this proposal's algorithms? */
static bool proposal_fits(const struct kl_sa *sa, const char *proposal)
{
	const struct iks_encr_spec *e;
	const struct iks_integ_spec *i;

	if (!proposal_specs(proposal, &e, &i) || !keys_complete(sa, proposal, false))
		return false;
	if (sa->len[KL_EI] != e->bits / 8u + e->salt ||
	    sa->len[KL_ER] != sa->len[KL_EI])
		return false;
	return i->kind == IKS_MAC_NONE ||
	       (sa->len[KL_AI] == i->key_len && sa->len[KL_AR] == i->key_len);
}

/* For a log without tags: the newest recent proposal the keys fit. */
static const char *recent_fitting(const struct kl_state *st,
				  const struct kl_sa *sa)
{
	for (unsigned n = 1; n <= st->n_recent; n++) {
		unsigned at = (st->recent_next + KL_RECENT - n) % KL_RECENT;

		if (proposal_fits(sa, st->recent[at]))
			return st->recent[at];
	}
	return "";
}

/* The unique id in "checkin IKEvN SA name[17] with SPIs" ("" if none). */
static void checkin_id(const char *text, const char *with, char id[KL_TAG_MAX])
{
	const char *close = with, *open;

	id[0] = '\0';
	if (close == text || close[-1] != ']')
		return;
	open = close - 1;
	while (open > text && is_digit(open[-1]))
		open--;
	if (open == close - 1 || open == text || open[-1] != '[' ||
	    (size_t)(close - 1 - open) >= KL_TAG_MAX)
		return;
	memcpy(id, open, (size_t)(close - 1 - open));
	id[close - 1 - open] = '\0';
}

/*
 * "checkin IKEvN SA name[id] with SPIs X_i Y_r": the keys logged for this
 * IKE SA belong to these SPIs.  An IKEv2 rekeying complicates which SA
 * logged them: the initiator logs the new SA's keys under the old SA's
 * tag, the responder under the new SA's tag, and both log the proposal
 * under the old tag; the checkin of the new SA is logged under the old
 * tag but names the new SA's id.  So: keys of the named SA if it has
 * them, else of the tag's SA; the proposal of the SA with the keys, else
 * of the tag's SA.
 */
/* " with SPIs X_i Y_r" at `with`: both SPIs; false if malformed. */
static bool parse_spis(const char *with, uint8_t spi_i[IKS_SPI_LEN],
		       uint8_t spi_r[IKS_SPI_LEN])
{
	const char *p = with + 11;

	return strlen(p) >= 2 * 16 + 5 && spi_hex(p, spi_i) &&
	       strncmp(p + 16, "_i ", 3) == 0 && spi_hex(p + 19, spi_r) &&
	       strncmp(p + 35, "_r", 2) == 0;
}

/* Write the row of sa for these SPIs, then forget its keys: they are used
 * once, a rekeyed SA logs its own. */
static int emit_row(struct kl_state *st, struct kl_sa *sa, const char *proposal,
		    bool v1, const uint8_t spi_i[IKS_SPI_LEN],
		    const uint8_t spi_r[IKS_SPI_LEN])
{
	int rc;

	if (!v1 && proposal != sa->proposal)
		snprintf(sa->proposal, sizeof(sa->proposal), "%s", proposal);
	rc = v1 ? v1_row(st, sa, spi_i) : v2_row(st, sa, spi_i, spi_r);
	if (rc == IKS_ERR_UNSUPPORTED || rc == IKS_ERR_KEYFILE ||
	    rc == IKS_ERR_INVALID) {
		st->n_skipped++;
		rc = 0;
	}
	sa->have = 0;
	iks_crypto_wipe(sa->key, sizeof(sa->key));
	return rc;
}

static int checkin(struct kl_state *st, const struct kl_line *l)
{
	const char *with = strstr(l->text, " with SPIs ");
	uint8_t spi_i[IKS_SPI_LEN], spi_r[IKS_SPI_LEN];
	static const uint8_t zero[IKS_SPI_LEN];
	struct kl_sa *tag_sa, *named_sa, *sa;
	const char *proposal;
	char id[KL_TAG_MAX];
	bool v1 = strncmp(l->text, "checkin IKEv1 SA ", 17) == 0;

	if (!with || !parse_spis(with, spi_i, spi_r))
		return 0;
	if (memcmp(spi_r, zero, IKS_SPI_LEN) == 0)
		return 0;
	tag_sa = sa_find(st, l->tag, false);
	checkin_id(l->text, with, id);
	named_sa = id[0] && strcmp(id, l->tag) != 0 ? sa_find(st, id, false) :
						      NULL;
	sa = named_sa;
	proposal = sa && sa->proposal[0] ? sa->proposal :
		   tag_sa ? tag_sa->proposal : "";
	if (!keys_complete(sa, proposal, v1)) {
		sa = tag_sa;
		proposal = sa ? sa->proposal : "";
	}
	/* a log without tags (or without cfg lines for this SA): the newest
	 * proposal selected whose algorithms fit the logged key lengths */
	if (!proposal[0] && sa && !v1)
		proposal = recent_fitting(st, sa);
	if (!keys_complete(sa, proposal, v1))
		return 0;
	return emit_row(st, sa, proposal, v1, spi_i, spi_r);
}

/* "checkout IKEvN SA [by message] with SPIs X_i Y_r" carries no tag: the
 * thread that checked the SA out is the one that goes on to log for it. */
static void checkout(struct kl_state *st, const struct kl_line *l)
{
	const char *with = strstr(l->text, " with SPIs ");
	struct kl_checkout *c = NULL;
	uint8_t spi_i[IKS_SPI_LEN], spi_r[IKS_SPI_LEN];

	if (!with || !parse_spis(with, spi_i, spi_r))
		return;
	for (unsigned i = 0; i < KL_MAX_THREADS && !c; i++)
		if (st->checkouts[i].used && st->checkouts[i].thread == l->thread)
			c = &st->checkouts[i];
	for (unsigned i = 0; i < KL_MAX_THREADS && !c; i++)
		if (!st->checkouts[i].used)
			c = &st->checkouts[i];
	if (!c)
		c = &st->checkouts[l->thread % KL_MAX_THREADS];
	c->used = true;
	c->thread = l->thread;
	memcpy(c->spi_i, spi_i, IKS_SPI_LEN);
	memcpy(c->spi_r, spi_r, IKS_SPI_LEN);
}

/*
 * "checkin and destroy IKE_SA name[id]": an IKE SA that failed right after
 * its keys were derived (an IKEv1 Aggressive Mode initiator whose peer's
 * hash did not verify) is never checked in with its SPIs; the SPIs of the
 * message it was processing are those of the thread's last checkout.
 */
static int destroyed(struct kl_state *st, const struct kl_line *l)
{
	static const uint8_t zero[IKS_SPI_LEN];
	struct kl_sa *sa = sa_find(st, l->tag, false);

	if (!sa || !keys_complete(sa, "", true))
		return 0;
	for (unsigned i = 0; i < KL_MAX_THREADS; i++) {
		struct kl_checkout *c = &st->checkouts[i];

		if (c->used && c->thread == l->thread &&
		    memcmp(c->spi_r, zero, IKS_SPI_LEN) != 0)
			return emit_row(st, sa, "", true, c->spi_i, c->spi_r);
	}
	return 0;
}

static int handle_line(struct kl_state *st, const char *s)
{
	struct kl_line l;
	struct kl_dump *d;
	const char *p;

	if (!split_line(s, &l))
		return 0;
	d = dump_slot(st, l.thread, false);
	if (d) {
		if (strcmp(d->tag, l.tag) == 0 && dump_line(d, l.text)) {
			if (d->got == d->want)
				dump_done(d);
			return 0;
		}
		dump_done(d); /* cut short: an incomplete key is not kept */
	}
	if (dump_start(st, &l))
		return 0;
	p = strstr(l.text, "selected proposal: IKE:");
	if (p) {
		struct kl_sa *sa = sa_find(st, l.tag, true);
		size_t n;

		p += strlen("selected proposal: IKE:");
		n = strcspn(p, " \t\r\n");
		if (n < sizeof(sa->proposal)) {
			memcpy(sa->proposal, p, n);
			sa->proposal[n] = '\0';
			memcpy(st->recent[st->recent_next], p, n);
			st->recent[st->recent_next][n] = '\0';
			st->recent_next = (st->recent_next + 1) % KL_RECENT;
			if (st->n_recent < KL_RECENT)
				st->n_recent++;
		}
		return 0;
	}
	if (strncmp(l.text, "checkin IKEv", 12) == 0)
		return checkin(st, &l);
	if (strncmp(l.text, "checkout IKEv", 13) == 0)
		checkout(st, &l);
	else if (strncmp(l.text, "checkin and destroy IKE_SA ", 27) == 0 && l.tag[0])
		return destroyed(st, &l);
	return 0;
}

int iks_keylog_parse(struct iks_keytab *kt, FILE *log, const char *name,
		     size_t *n_v1, size_t *n_v2, size_t *n_skipped,
		     char *errbuf, size_t errlen)
{
	struct kl_state *st = calloc(1, sizeof(*st));
	char line[KL_LINE_MAX + 2];
	bool skipping = false;
	int rc = 0;

	if (!st) {
		iks_errf(errbuf, errlen, "out of memory");
		return IKS_ERR_NOMEM;
	}
	st->kt = kt;
	while (rc == 0 && fgets(line, sizeof(line), log)) {
		size_t n = strlen(line);
		bool complete = n > 0 && line[n - 1] == '\n';

		/* an overlong line is dropped whole, in pieces */
		if (skipping || (!complete && n == sizeof(line) - 1)) {
			skipping = !complete;
			continue;
		}
		rc = handle_line(st, line);
	}
	if (rc == 0 && ferror(log)) {
		rc = IKS_ERR_IO;
		iks_errf(errbuf, errlen, "%s: read error", name ? name : "log");
	} else if (rc < 0) {
		iks_errf(errbuf, errlen, "%s: %s", name ? name : "log",
			 iks_strerror(rc));
	}
	if (n_v1)
		*n_v1 = st->n_v1;
	if (n_v2)
		*n_v2 = st->n_v2;
	if (n_skipped)
		*n_skipped = st->n_skipped;
	iks_crypto_wipe(line, sizeof(line));
	iks_crypto_wipe(st, sizeof(*st));
	free(st);
	return rc;
}
