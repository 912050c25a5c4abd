/*
 * fuzz_seedgen OUTDIR CAPTURE... - seed corpora out of captures, for the
 * targets whose input is not a whole capture file (fuzz/make-seeds runs it):
 *
 *   OUTDIR/fuzz_ike     every IKE message; and every message the fixed key
 *                       table decrypts again with its plaintext in place of
 *                       the ciphertext (IKEv2: an SK payload holding the
 *                       inner payloads; IKEv1: the E-flagged body), so the
 *                       decoder target starts from real inner payloads;
 *   OUTDIR/fuzz_reasm   per capture, its IKEv1 fragment messages in the
 *                       target's "be16 length, message" form;
 *   OUTDIR/fuzz_crypto  per IKEv2 message with SK/SKF, a mode 0 input, and
 *                       per IKEv1 SA with keys, a mode 2 input (cipher from
 *                       the negotiated proposal, both KE values, every
 *                       encrypted message).
 *
 * Files are named by a hash of their contents, so reruns do not duplicate.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"
#include "ikescope/capture.h"
#include "ikescope/track.h"

enum { MAX_MSGS = 4096, BUF_MAX = 1u << 17 };

struct held {
	uint8_t *data;
	size_t len;
	struct iks_addr src;
};

static struct held msgs[MAX_MSGS];
static size_t n_msgs;
static struct iks_msg msg;
static uint8_t buf[BUF_MAX], plain[BUF_MAX];
static const char *outdir;
static unsigned written;

static void put(const char *target, const uint8_t *data, size_t len)
{
	char path[4096];
	uint64_t h = 0xcbf29ce484222325u;
	FILE *f;

	for (size_t i = 0; i < len; i++)
		h = (h ^ data[i]) * 0x100000001b3u;
	snprintf(path, sizeof path, "%s/%s", outdir, target);
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		perror(path);
		exit(1);
	}
	snprintf(path, sizeof path, "%s/%s/%016llx", outdir, target, (unsigned long long)h);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(1);
	}
	written++;
}

/* IKEv2: the message up to its SK payload, then SK holding the plaintext. */
static void v2_plain_seed(const struct held *h, const struct iks_payload *sk,
			  const uint8_t *pt, size_t pt_len)
{
	struct iks_wr w = iks_wr_make(buf, sizeof buf);

	iks_wr_bytes(&w, h->data, sk->offset);
	iks_wr_u8(&w, sk->next);
	iks_wr_u8(&w, 0);
	iks_wr_be16(&w, (uint16_t)(IKS_IKE_GENERIC_LEN + pt_len));
	iks_wr_bytes(&w, pt, pt_len);
	iks_wr_patch_be32(&w, 24, (uint32_t)w.len);
	if (!w.overflow)
		put("fuzz_ike", buf, w.len);
}

static void v2_seeds(const struct iks_keytab *kt, const struct held *h)
{
	const struct iks_v2_keys *k = iks_keytab_find_v2(kt, msg.hdr.ispi, msg.hdr.rspi);
	bool any = false;

	for (unsigned i = 0; i < msg.n_payloads; i++) {
		const struct iks_payload *p = &msg.payloads[i];
		size_t len;

		if (p->type != IKS_V2_PL_SK && p->type != IKS_V2_PL_SKF)
			continue;
		any = true;
		if (k && p->type == IKS_V2_PL_SK &&
		    iks_crypto_v2_decrypt(k, (msg.hdr.flags & IKS_V2_FLAG_I) != 0, h->data,
					  msg.raw.len, p->offset, p->length, false, plain,
					  sizeof plain, &len, NULL, 0) == IKS_OK)
			v2_plain_seed(h, p, plain, len);
	}
	if (any && h->len + 2 <= sizeof buf) {
		buf[0] = 0; /* mode 0 */
		buf[1] = 0;
		memcpy(buf + 2, h->data, h->len);
		put("fuzz_crypto", buf, h->len + 2);
	}
}

/* The IKEv1 SA whose initiator cookie this is, if the tracker chose a
 * proposal and the key table has its row. */
static const struct iks_nego *v1_nego(const struct iks_tracker *t, const uint8_t *icookie)
{
	for (size_t i = 0; i < iks_track_count(t); i++) {
		const struct iks_nego *n = iks_track_get(t, i);

		if (n->version == 1 && !memcmp(n->spi_i, icookie, 8) && n->has_chosen &&
		    n->chosen.n_encr && n->chosen.n_integ)
			return n;
	}
	return NULL;
}

static size_t v1_row(const struct iks_keytab *kt, const uint8_t *icookie)
{
	for (size_t i = 0; i < kt->n_v1; i++)
		if (!memcmp(kt->v1[i].icookie, icookie, 8))
			return i;
	return (size_t)-1;
}

/* One IKEv1 SA: the mode 2 crypto seed, and its messages decrypted. */
static void v1_sa_seeds(const struct iks_keytab *kt, const struct iks_nego *n, size_t row)
{
	struct iks_wr w = iks_wr_make(buf, sizeof buf);
	struct iks_bytes gx[2] = { { NULL, 0 }, { NULL, 0 } };
	struct iks_v1_suite s;
	struct iks_v1_ivchain p1, p2[16];
	unsigned n_p2 = 0;
	static uint8_t seed[BUF_MAX];
	size_t seed_len;

	/* the KE values in the clear: initiator first (the first sender) */
	for (size_t i = 0; i < n_msgs; i++) {
		const struct held *h = &msgs[i];
		int ke;

		if (iks_ike_decode(h->data, h->len, &msg) != IKS_OK || msg.version != 1 ||
		    memcmp(msg.hdr.ispi, n->spi_i, 8) || msg.hdr.message_id != 0 ||
		    (msg.hdr.flags & IKS_V1_FLAG_E))
			continue;
		ke = iks_msg_find(&msg, IKS_V1_PL_KE, -1);
		if (ke >= 0)
			gx[!iks_addr_equal(&h->src, &n->init_addr)] = msg.payloads[ke].u.ke.data;
	}
	if (!gx[0].len || !gx[1].len)
		return;
	iks_wr_u8(&w, 2);
	iks_wr_u8(&w, (uint8_t)row);
	iks_wr_u8(&w, (uint8_t)n->chosen.encr[0].id);
	iks_wr_be16(&w, n->chosen.encr[0].key_length);
	iks_wr_u8(&w, (uint8_t)n->chosen.integ[0]);
	for (int i = 0; i < 2; i++) {
		iks_wr_be16(&w, (uint16_t)gx[i].len);
		iks_wr_bytes(&w, gx[i].ptr, gx[i].len);
	}
	if (iks_crypto_v1_suite_init(&s, &kt->v1[row], n->chosen.encr[0].id,
				     n->chosen.encr[0].key_length, n->chosen.integ[0],
				     NULL, 0) != IKS_OK ||
	    iks_crypto_v1_chain_phase1(&p1, &s, gx[0].ptr, gx[0].len, gx[1].ptr, gx[1].len,
				       NULL, 0) != IKS_OK)
		return;
	for (size_t i = 0; i < n_msgs; i++) {
		const struct held *h = &msgs[i];
		struct iks_v1_ivchain *ch = NULL;
		const struct iks_payload *p;

		if (iks_ike_decode(h->data, h->len, &msg) != IKS_OK || msg.version != 1 ||
		    memcmp(msg.hdr.ispi, n->spi_i, 8) || !(msg.hdr.flags & IKS_V1_FLAG_E) ||
		    msg.n_payloads != 1)
			continue;
		p = &msg.payloads[0];
		iks_wr_be32(&w, msg.hdr.message_id);
		iks_wr_be16(&w, (uint16_t)p->body.len);
		iks_wr_bytes(&w, p->body.ptr, p->body.len);

		if (msg.hdr.message_id == 0)
			ch = &p1;
		for (unsigned j = 0; j < n_p2 && !ch; j++)
			if (p2[j].msgid == msg.hdr.message_id)
				ch = &p2[j];
		if (!ch && n_p2 < 16) {
			ch = &p2[n_p2];
			if (iks_crypto_v1_chain_phase2(ch, &s, &p1, msg.hdr.message_id, NULL,
						       0) != IKS_OK)
				continue;
			n_p2++;
		}
		if (!ch || h->len > sizeof seed ||
		    iks_crypto_v1_decrypt(&s, ch, p->body.ptr, p->body.len, plain,
					  sizeof plain, NULL, NULL, 0) != IKS_OK)
			continue;
		/* the same message with the plaintext in place of the ciphertext */
		memcpy(seed, h->data, h->len);
		seed_len = h->len;
		memcpy(seed + p->offset, plain, p->body.len);
		put("fuzz_ike", seed, seed_len);
	}
	iks_crypto_v1_suite_clear(&s);
	if (!w.overflow)
		put("fuzz_crypto", buf, w.len);
}

static void v1_seeds(const struct iks_keytab *kt, const struct iks_tracker *t)
{
	struct iks_wr w = iks_wr_make(buf, sizeof buf);
	static uint8_t done[MAX_MSGS][8];
	size_t n_done = 0;

	/* fragments, in capture order, for the reassembler */
	for (size_t i = 0; i < n_msgs; i++)
		if (iks_ike_decode(msgs[i].data, msgs[i].len, &msg) == IKS_OK &&
		    msg.version == 1 && iks_msg_find(&msg, IKS_V1_PL_FRAG, -1) >= 0) {
			iks_wr_be16(&w, (uint16_t)msgs[i].len);
			iks_wr_bytes(&w, msgs[i].data, msgs[i].len);
		}
	if (w.len && !w.overflow)
		put("fuzz_reasm", buf, w.len);

	for (size_t i = 0; i < n_msgs; i++) {
		const struct iks_nego *n;
		uint8_t icookie[8];
		size_t row;
		bool seen = false;

		if (iks_ike_decode(msgs[i].data, msgs[i].len, &msg) != IKS_OK ||
		    msg.version != 1)
			continue;
		memcpy(icookie, msg.hdr.ispi, 8);
		for (size_t j = 0; j < n_done && !seen; j++)
			seen = !memcmp(done[j], icookie, 8);
		if (seen || n_done == MAX_MSGS)
			continue;
		memcpy(done[n_done++], icookie, 8);
		n = v1_nego(t, icookie);
		row = v1_row(kt, icookie);
		if (n && row < 256)
			v1_sa_seeds(kt, n, row);
	}
}

static int one_capture(const struct iks_keytab *kt, const char *path)
{
	struct iks_track_opts topts = { .keys = kt };
	struct iks_capture_opts opts = { .n_ike_ports = 0 };
	struct iks_capture *cap;
	struct iks_tracker *t;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE];

	if (iks_capture_open_file(&cap, path, &opts, err, sizeof err) != IKS_OK) {
		/* the captures of the error tests are meant to be refused */
		fprintf(stderr, "fuzz_seedgen: skipped %s: %s\n", path, err);
		return 0;
	}
	if (iks_track_new(&t, &topts) != IKS_OK)
		exit(1);
	n_msgs = 0;
	while (iks_capture_next(cap, &dg, err, sizeof err) == 1) {
		iks_track_datagram(t, &dg);
		if (dg.kind != IKS_DG_IKE || n_msgs == MAX_MSGS)
			continue;
		msgs[n_msgs].data = malloc(dg.len);
		if (!msgs[n_msgs].data)
			exit(1);
		memcpy(msgs[n_msgs].data, dg.data, dg.len);
		msgs[n_msgs].len = dg.len;
		msgs[n_msgs].src = dg.src;
		n_msgs++;
	}
	iks_capture_close(cap);
	iks_track_finish(t);

	for (size_t i = 0; i < n_msgs; i++) {
		put("fuzz_ike", msgs[i].data, msgs[i].len);
		if (iks_ike_decode(msgs[i].data, msgs[i].len, &msg) == IKS_OK &&
		    msg.version == 2)
			v2_seeds(kt, &msgs[i]);
	}
	v1_seeds(kt, t);
	for (size_t i = 0; i < n_msgs; i++)
		free(msgs[i].data);
	iks_track_free(t);
	return 0;
}

int main(int argc, char **argv)
{
	const struct iks_keytab *kt;
	int rc = 0;

	if (argc < 3) {
		fputs("usage: fuzz_seedgen OUTDIR CAPTURE...\n", stderr);
		return 2;
	}
	outdir = argv[1];
	kt = iks_fuzz_keys();
	for (int i = 2; i < argc; i++)
		rc |= one_capture(kt, argv[i]);
	printf("fuzz_seedgen: %u seed files from %d captures\n", written, argc - 2);
	return rc;
}
