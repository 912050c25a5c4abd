/*
 * Fuzz target: the IKE message decoder (ikescope/ike.h).
 *
 * The input is one IKE message (header first, as on UDP 500).  It is
 * decoded; a well-formed message is encoded again and the encoding must
 * decode to the same structure and re-encode to the same bytes
 * (decode(encode(x)) == x, DESIGN.md practice 1).  The body of every SK,
 * SKF or IKEv1 encrypted payload is then decoded as if it were the
 * plaintext (iks_ike_decode_inner), as track does after decryption, and
 * the whole message is rendered as verbose JSON and text.
 */
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "ikescope/report.h"

static struct iks_msg msg, again;
static uint8_t enc1[1u << 17], enc2[1u << 17];

static void same_structure(const struct iks_msg *a, const struct iks_msg *b)
{
	IKS_FUZZ_CHECK(!memcmp(a->hdr.ispi, b->hdr.ispi, 8) &&
		       !memcmp(a->hdr.rspi, b->hdr.rspi, 8));
	IKS_FUZZ_CHECK(a->hdr.next_payload == b->hdr.next_payload &&
		       a->hdr.major == b->hdr.major && a->hdr.minor == b->hdr.minor &&
		       a->hdr.exchange == b->hdr.exchange && a->hdr.flags == b->hdr.flags &&
		       a->hdr.message_id == b->hdr.message_id);
	IKS_FUZZ_CHECK(a->n_payloads == b->n_payloads && a->n_proposals == b->n_proposals &&
		       a->n_transforms == b->n_transforms && a->n_attrs == b->n_attrs &&
		       a->n_selectors == b->n_selectors);
	for (unsigned i = 0; i < a->n_payloads; i++) {
		const struct iks_payload *p = &a->payloads[i], *q = &b->payloads[i];

		IKS_FUZZ_CHECK(p->type == q->type && p->next == q->next &&
			       p->critical == q->critical && p->parent == q->parent);
	}
	for (unsigned i = 0; i < a->n_transforms; i++)
		IKS_FUZZ_CHECK(a->transforms[i].id == b->transforms[i].id &&
			       a->transforms[i].type == b->transforms[i].type &&
			       a->transforms[i].key_length == b->transforms[i].key_length);
	for (unsigned i = 0; i < a->n_attrs; i++)
		IKS_FUZZ_CHECK(a->attrs[i].type == b->attrs[i].type &&
			       a->attrs[i].tv == b->attrs[i].tv &&
			       a->attrs[i].value == b->attrs[i].value);
}

static void round_trip(void)
{
	struct iks_wr w1 = iks_wr_make(enc1, sizeof enc1);
	struct iks_wr w2 = iks_wr_make(enc2, sizeof enc2);

	if (iks_ike_encode(&msg, &w1) != IKS_OK)
		return; /* larger than the buffer: nothing to compare */
	IKS_FUZZ_CHECK(iks_ike_decode(enc1, w1.len, &again) == IKS_OK);
	IKS_FUZZ_CHECK(again.malformed == IKS_OK);
	IKS_FUZZ_CHECK(again.hdr.length == w1.len);
	iks_fuzz_check_msg(&again);
	same_structure(&msg, &again);
	IKS_FUZZ_CHECK(iks_ike_encode(&again, &w2) == IKS_OK);
	IKS_FUZZ_CHECK(w1.len == w2.len && !memcmp(enc1, enc2, w1.len));
}

static bool is_encrypted(const struct iks_payload *p)
{
	return p->type == IKS_V1_PL_ENCRYPTED ||
	       (msg.version == 2 && (p->type == IKS_V2_PL_SK || p->type == IKS_V2_PL_SKF));
}

static void report(const uint8_t *data, size_t size)
{
	struct iks_datagram dg = { .kind = IKS_DG_IKE, .frame = 1, .sport = 500,
				   .dport = 500, .transport = IKS_TR_UDP,
				   .data = data, .len = size };
	json_t *j;
	char *s;

	dg.src.family = dg.dst.family = 4;
	j = iks_report_message_json(&dg, &msg, IKS_REPORT_VERBOSE);
	IKS_FUZZ_CHECK(j != NULL);
	s = json_dumps(j, JSON_COMPACT);
	IKS_FUZZ_CHECK(s != NULL);
	free(s);
	json_decref(j);
	iks_report_message_text(iks_fuzz_null(), &dg, &msg, IKS_REPORT_VERBOSE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	bool looks = iks_ike_looks_like(data, size);
	unsigned top;

	/* what the decoder leaves unset must not be read: poison it, and the
	 * run does not depend on the inputs before it */
	memset(&msg, 0xa5, sizeof msg);
	if (iks_ike_decode(data, size, &msg) != IKS_OK) {
		IKS_FUZZ_CHECK(!looks);
		return 0;
	}
	iks_fuzz_check_msg(&msg);
	IKS_FUZZ_CHECK(msg.raw.ptr == data && msg.raw.len <= size);
	if (msg.malformed == IKS_OK)
		round_trip();

	top = msg.n_payloads;
	for (unsigned i = 0; i < top; i++) {
		const struct iks_payload *p = &msg.payloads[i];

		if (p->parent != -1 || !is_encrypted(p))
			continue;
		iks_ike_decode_inner(&msg, (int)i, p->u.sk.data.ptr, p->u.sk.data.len,
				     p->next);
		iks_fuzz_check_msg(&msg);
	}
	report(data, size);
	return 0;
}
