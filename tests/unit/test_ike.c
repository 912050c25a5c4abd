/*
 * Unit tests for the IKE decoder and encoder (ikescope/ike.h): every real
 * message of the Wireshark corpus decodes cleanly and re-encodes to the
 * same bytes, and broken messages are marked malformed without crashing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ikescope/ike.h"

static struct iks_msg msg;

struct corpus_msg {
	char file[64];
	unsigned frame;
	uint8_t bytes[4096];
	size_t len;
};

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Read the next "file frame hex" line of corpus-messages.txt. */
static bool next_corpus_msg(FILE *f, struct corpus_msg *cm)
{
	static char line[16384];
	char hex[10000];

	if (!fgets(line, sizeof line, f))
		return false;
	assert_int_equal(sscanf(line, "%63s %u %9999s", cm->file, &cm->frame, hex), 3);
	cm->len = strlen(hex) / 2;
	assert_true(cm->len <= sizeof cm->bytes);
	for (size_t i = 0; i < cm->len; i++)
		cm->bytes[i] = (uint8_t)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
	return true;
}

static FILE *open_corpus(void)
{
	FILE *f = fopen(IKS_TEST_DATA "/ike/corpus-messages.txt", "r");

	assert_non_null(f);
	return f;
}

static void test_corpus_decodes_cleanly(void **state)
{
	(void)state;
	FILE *f = open_corpus();
	static struct corpus_msg cm;
	unsigned n = 0, v1 = 0, v2 = 0;

	while (next_corpus_msg(f, &cm)) {
		assert_true(iks_ike_looks_like(cm.bytes, cm.len));
		assert_int_equal(iks_ike_decode(cm.bytes, cm.len, &msg), IKS_OK);
		if (msg.malformed != IKS_OK)
			fail_msg("%s frame %u: %s at %u", cm.file, cm.frame,
				 iks_strerror(msg.malformed), msg.malformed_offset);
		assert_int_equal(msg.hdr.length, cm.len);
		assert_true(msg.n_payloads > 0);
		if (msg.version == 1)
			v1++;
		else
			v2++;
		n++;
	}
	fclose(f);
	/* 3 IKEv1 captures (10+16+10 messages), 8 IKEv2 captures (44). */
	assert_int_equal(n, 80);
	assert_int_equal(v1, 36);
	assert_int_equal(v2, 44);
}

static void test_corpus_round_trip(void **state)
{
	(void)state;
	FILE *f = open_corpus();
	static struct corpus_msg cm;
	static uint8_t out[8192];

	while (next_corpus_msg(f, &cm)) {
		struct iks_wr w = iks_wr_make(out, sizeof out);

		assert_int_equal(iks_ike_decode(cm.bytes, cm.len, &msg), IKS_OK);
		assert_int_equal(iks_ike_encode(&msg, &w), IKS_OK);
		if (w.len != cm.len || memcmp(out, cm.bytes, cm.len))
			fail_msg("%s frame %u: re-encoded message differs", cm.file, cm.frame);
	}
	fclose(f);
}

/* The first message of ikev2-decrypt-aes256cbc: SA KE Nonce N N (RFC 7296) */
static void test_ikev2_sa_init_fields(void **state)
{
	(void)state;
	FILE *f = open_corpus();
	static struct corpus_msg cm;
	bool found = false;

	while (next_corpus_msg(f, &cm))
		if (!strcmp(cm.file, "ikev2-decrypt-aes256cbc.pcapng") && cm.frame == 1) {
			found = true;
			break;
		}
	fclose(f);
	assert_true(found);
	assert_int_equal(iks_ike_decode(cm.bytes, cm.len, &msg), IKS_OK);
	assert_int_equal(msg.version, 2);
	assert_int_equal(msg.hdr.exchange, IKS_V2_EX_IKE_SA_INIT);
	assert_int_equal(msg.hdr.message_id, 0);
	assert_true(msg.hdr.flags & IKS_V2_FLAG_I);
	assert_false(msg.hdr.flags & IKS_V2_FLAG_R);

	int sa = iks_msg_find(&msg, IKS_V2_PL_SA, -1);
	int ke = iks_msg_find(&msg, IKS_V2_PL_KE, -1);
	assert_true(sa >= 0);
	assert_true(ke >= 0);
	assert_int_equal(msg.payloads[ke].u.ke.group, 19); /* the corpus README: DH 19 */
	assert_int_equal(msg.payloads[ke].u.ke.data.len, 64);

	const struct iks_payload *p = &msg.payloads[sa];
	assert_true(p->u.sa.prop_count >= 1);
	const struct iks_proposal *pr = iks_sa_proposal(&msg, p, 0);
	assert_int_equal(pr->protocol, 1); /* IKE */
	bool aes256 = false;
	for (unsigned i = 0; i < pr->xf_count; i++) {
		const struct iks_transform *t = iks_proposal_transform(&msg, pr, i);
		if (t->type == 1 && t->id == 12 && t->key_length == 256)
			aes256 = true;
	}
	assert_true(aes256);
}

/* A minimal IKEv2 header with room for payloads. */
static size_t put_header(uint8_t *b, uint8_t next, uint32_t length)
{
	memset(b, 0, 28);
	memcpy(b, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	b[16] = next;
	b[17] = 0x20;
	b[18] = IKS_V2_EX_IKE_SA_INIT;
	b[19] = IKS_V2_FLAG_I;
	b[24] = (uint8_t)(length >> 24);
	b[25] = (uint8_t)(length >> 16);
	b[26] = (uint8_t)(length >> 8);
	b[27] = (uint8_t)length;
	return 28;
}

static void test_rejects_non_ike(void **state)
{
	(void)state;
	uint8_t b[40] = { 0 };

	assert_int_equal(iks_ike_decode(b, 10, &msg), IKS_ERR_SHORT);
	put_header(b, 0, 28);
	b[17] = 0x30; /* version 3 */
	assert_false(iks_ike_looks_like(b, 28));
	assert_int_equal(iks_ike_decode(b, 28, &msg), IKS_ERR_VERSION);
}

static void test_lying_header_length(void **state)
{
	(void)state;
	uint8_t b[64];

	put_header(b, IKS_V2_PL_NONCE, 1000);
	memcpy(b + 28, "\x00\x00\x00\x08\xaa\xbb\xcc\xdd", 8);
	assert_int_equal(iks_ike_decode(b, 36, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_LENGTH);
	assert_int_equal(msg.n_payloads, 1); /* the nonce is still decoded */
}

static void test_zero_length_payload(void **state)
{
	(void)state;
	uint8_t b[64];

	put_header(b, IKS_V2_PL_NONCE, 40);
	memcpy(b + 28, "\x28\x00\x00\x08\xaa\xbb\xcc\xdd", 8);  /* nonce -> N */
	memcpy(b + 36, "\x00\x00\x00\x00", 4);                  /* length 0 */
	assert_int_equal(iks_ike_decode(b, 40, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_PAYLOAD_LEN);
	assert_int_equal(msg.malformed_offset, 36);
	assert_int_equal(msg.n_payloads, 1);
}

static void test_payload_overrun(void **state)
{
	(void)state;
	uint8_t b[64];

	put_header(b, IKS_V2_PL_NONCE, 36);
	memcpy(b + 28, "\x00\x00\x00\x40\xaa\xbb\xcc\xdd", 8); /* says 64 */
	assert_int_equal(iks_ike_decode(b, 36, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_PAYLOAD_OVERRUN);
	assert_int_equal(msg.n_payloads, 0);
}

static void test_too_many_payloads(void **state)
{
	(void)state;
	static uint8_t b[28 + 4 * 200];
	size_t off = put_header(b, IKS_V2_PL_V, sizeof b);

	/* 200 empty vendor IDs chained: more than IKS_MAX_PAYLOADS */
	for (unsigned i = 0; i < 200; i++, off += 4) {
		b[off] = i == 199 ? 0 : IKS_V2_PL_V;
		b[off + 1] = 0;
		b[off + 2] = 0;
		b[off + 3] = 4;
	}
	assert_int_equal(iks_ike_decode(b, sizeof b, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_TOO_MANY);
	assert_int_equal(msg.n_payloads, IKS_MAX_PAYLOADS);
}

static void test_trailing_bytes(void **state)
{
	(void)state;
	uint8_t b[64];

	put_header(b, IKS_V2_PL_NONCE, 40);
	memcpy(b + 28, "\x00\x00\x00\x08\xaa\xbb\xcc\xdd", 8);
	assert_int_equal(iks_ike_decode(b, 40, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_TRAILING);
}

/* Selectors whose length does not match their type are malformed. */
static void test_bad_selector(void **state)
{
	(void)state;
	uint8_t b[64];

	put_header(b, IKS_V2_PL_TSI, 28 + 8 + 12);
	memcpy(b + 28, "\x00\x00\x00\x14\x01\x00\x00\x00", 8);
	/* IPv4 range selector (type 7) claiming 12 bytes: needs 16 */
	memcpy(b + 36, "\x07\x00\x00\x0c\x00\x00\xff\xff\x0a\x00\x00\x01", 12);
	assert_int_equal(iks_ike_decode(b, 48, &msg), IKS_OK);
	assert_int_equal(msg.malformed, IKS_ERR_INVALID);
}

/* Every prefix of a real message decodes without reading past it. */
static void test_every_truncation_is_safe(void **state)
{
	(void)state;
	FILE *f = open_corpus();
	static struct corpus_msg cm;

	while (next_corpus_msg(f, &cm)) {
		for (size_t n = 0; n < cm.len; n++) {
			uint8_t *copy = malloc(n ? n : 1);

			memcpy(copy, cm.bytes, n);
			int rc = iks_ike_decode(copy, n, &msg);
			if (n < IKS_IKE_HDR_LEN)
				assert_int_equal(rc, IKS_ERR_SHORT);
			else
				assert_int_not_equal(msg.malformed, IKS_OK);
			free(copy);
		}
	}
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus_decodes_cleanly),
		cmocka_unit_test(test_corpus_round_trip),
		cmocka_unit_test(test_ikev2_sa_init_fields),
		cmocka_unit_test(test_rejects_non_ike),
		cmocka_unit_test(test_lying_header_length),
		cmocka_unit_test(test_zero_length_payload),
		cmocka_unit_test(test_payload_overrun),
		cmocka_unit_test(test_too_many_payloads),
		cmocka_unit_test(test_trailing_bytes),
		cmocka_unit_test(test_bad_selector),
		cmocka_unit_test(test_every_truncation_is_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
