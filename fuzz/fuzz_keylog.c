/*
 * Fuzz target: the strongSwan charon log parser (iks_keylog_parse).
 * The input is a log file.  Parsing it twice into one table must find the
 * same rows and replace them, and the rows must survive being written as
 * Wireshark tables and read back (what `ikescope keys` does).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	size_t v1a = 0, v2a = 0, skipa = 0, v1b = 0, v2b = 0, skipb = 0, n_v1, n_v2;
	const char *path = iks_fuzz_file(data, size);
	FILE *f;

	iks_keytab_init(&kt);
	f = fopen(path, "r");
	IKS_FUZZ_CHECK(f != NULL);
	IKS_FUZZ_CHECK(iks_keylog_parse(&kt, f, "fuzz.log", &v1a, &v2a, &skipa, err,
					sizeof err) == IKS_OK);
	fclose(f);
	IKS_FUZZ_CHECK(kt.n_v1 <= v1a && kt.n_v2 <= v2a);
	n_v1 = kt.n_v1;
	n_v2 = kt.n_v2;

	f = fopen(path, "r");
	IKS_FUZZ_CHECK(f != NULL);
	IKS_FUZZ_CHECK(iks_keylog_parse(&kt, f, "fuzz.log", &v1b, &v2b, &skipb, err,
					sizeof err) == IKS_OK);
	fclose(f);
	IKS_FUZZ_CHECK(v1a == v1b && v2a == v2b && skipa == skipb);
	IKS_FUZZ_CHECK(kt.n_v1 == n_v1 && kt.n_v2 == n_v2);

	iks_fuzz_keytab_round_trip(&kt);
	iks_keytab_free(&kt);
	return 0;
}
