/*
 * Fuzz target: the IKEv1 fragment reassembler (iks_ike_reasm_*).
 *
 * The input is a sequence of IKE messages, each preceded by its length as
 * two big-endian bytes (fuzz/make-seeds writes the IKEv1 messages of every
 * capture this way).  Every fragment payload (type 132) of every IKEv1
 * message goes to one reassembler, as track does; a completed message is
 * decoded like a received one.
 */
#include <string.h>

#include "fuzz_common.h"

static struct iks_msg msg, whole;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iks_cur c = iks_cur_make(data, size);
	struct iks_ike_reasm *r;
	uint64_t dropped = 0;
	uint16_t len;

	IKS_FUZZ_CHECK(iks_ike_reasm_new(&r) == IKS_OK);
	while (iks_cur_be16(&c, &len)) {
		struct iks_bytes m;

		if (!iks_cur_view(&c, len, &m))
			break;
		if (iks_ike_decode(m.ptr, m.len, &msg) != IKS_OK || msg.version != 1)
			continue;
		for (unsigned i = 0; i < msg.n_payloads; i++) {
			const uint8_t *out = NULL;
			size_t out_len = 0;
			int rc;

			if (msg.payloads[i].type != IKS_V1_PL_FRAG)
				continue;
			rc = iks_ike_reasm_add(r, &msg, &msg.payloads[i], &out, &out_len);
			IKS_FUZZ_CHECK(rc <= 1);
			IKS_FUZZ_CHECK(iks_ike_reasm_dropped(r) >= dropped);
			dropped = iks_ike_reasm_dropped(r);
			if (rc != 1)
				continue;
			IKS_FUZZ_CHECK(out != NULL && out_len > 0 && out_len <= 65535);
			if (iks_ike_decode(out, out_len, &whole) == IKS_OK)
				iks_fuzz_check_msg(&whole);
		}
	}
	iks_ike_reasm_free(r);
	return 0;
}
