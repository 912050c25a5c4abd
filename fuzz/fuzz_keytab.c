/*
 * Fuzz target: the key-table parser (iks_keytab_load_mem): Wireshark's
 * ikev1/ikev2 decryption tables and the tcpdump/libreswan "ikev2 I|R"
 * form.  A rejected file must leave the table empty and name the file and
 * line; an accepted one must survive being written in Wireshark's format
 * and read back (same rows, less those the writer says it skipped), and
 * loading it a second time must replace its rows, not add to them.
 */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iks_keytab kt;
	char err[IKS_ERRBUF_SIZE] = "";
	size_t n_v1, n_v2;
	int rc;

	iks_keytab_init(&kt);
	rc = iks_keytab_load_mem(&kt, "fuzz.keys", (const char *)data, size, err, sizeof err);
	if (rc != IKS_OK) {
		IKS_FUZZ_CHECK(rc < 0 && strncmp(err, "fuzz.keys:", 10) == 0);
		IKS_FUZZ_CHECK(kt.n_v1 == 0 && kt.n_v2 == 0);
		iks_keytab_free(&kt);
		return 0;
	}
	n_v1 = kt.n_v1;
	n_v2 = kt.n_v2;
	IKS_FUZZ_CHECK(iks_keytab_load_mem(&kt, "fuzz.keys", (const char *)data, size,
					   err, sizeof err) == IKS_OK);
	IKS_FUZZ_CHECK(kt.n_v1 == n_v1 && kt.n_v2 == n_v2);
	iks_fuzz_keytab_round_trip(&kt);
	iks_keytab_free(&kt);
	return 0;
}
