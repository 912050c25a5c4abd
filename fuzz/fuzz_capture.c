/*
 * Fuzz target: the capture layer (ikescope/capture.h) fed a whole capture
 * file: pcap or pcapng, plain or gzip.  The input is written to an
 * in-memory file, opened with iks_capture_open_file() and read to its end.
 * One extra IKE port (5000) and a small IP reassembly memory limit make the
 * less common paths reachable.  The counters must match what was yielded.
 */
#include <string.h>

#include "fuzz_common.h"
#include "ikescope/capture.h"

static volatile uint8_t sink;

/* Read every byte of a yielded datagram: ASan checks they are there. */
static void touch(const uint8_t *p, size_t n)
{
	uint8_t x = 0;

	for (size_t i = 0; i < n; i++)
		x ^= p[i];
	sink = x;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iks_capture_opts opts = { .ike_ports = { 5000 }, .n_ike_ports = 1,
					 .frag_mem_limit = 16384 };
	struct iks_capture_stats st;
	struct iks_capture *cap;
	struct iks_datagram dg;
	uint64_t n_ike = 0, n_esp = 0, n_ka = 0, last_frame = 0;
	char err[IKS_ERRBUF_SIZE] = "";
	char addr[64];
	int rc;

	rc = iks_capture_open_file(&cap, iks_fuzz_file(data, size), &opts, err, sizeof err);
	if (rc != IKS_OK) {
		IKS_FUZZ_CHECK(rc < 0 && err[0] != '\0');
		return 0;
	}
	IKS_FUZZ_CHECK(iks_capture_linktype_name(cap) != NULL);
	while ((rc = iks_capture_next(cap, &dg, err, sizeof err)) == 1) {
		IKS_FUZZ_CHECK(dg.frame >= 1);
		IKS_FUZZ_CHECK(dg.frame >= last_frame || dg.kind == IKS_DG_FRAG_LOST);
		if (dg.kind != IKS_DG_FRAG_LOST)
			last_frame = dg.frame;
		IKS_FUZZ_CHECK(iks_addr_format(&dg.src, addr, sizeof addr) != NULL);
		IKS_FUZZ_CHECK(iks_addr_format(&dg.dst, addr, sizeof addr) != NULL);
		switch (dg.kind) {
		case IKS_DG_IKE:
			IKS_FUZZ_CHECK(dg.data != NULL && dg.len > 0);
			touch(dg.data, dg.len);
			n_ike++;
			break;
		case IKS_DG_ESP:
			n_esp++;
			break;
		case IKS_DG_KEEPALIVE:
			n_ka++;
			break;
		case IKS_DG_FRAG_LOST:
			IKS_FUZZ_CHECK(dg.frag_reason >= IKS_FRAG_TIMEOUT &&
				       dg.frag_reason <= IKS_FRAG_MALFORMED);
			break;
		default:
			IKS_FUZZ_CHECK(!"unknown datagram kind");
		}
	}
	IKS_FUZZ_CHECK(rc == 0 || (rc < 0 && err[0] != '\0'));
	iks_capture_get_stats(cap, &st);
	IKS_FUZZ_CHECK(st.ike == n_ike && st.esp == n_esp && st.keepalives == n_ka);
	IKS_FUZZ_CHECK(st.frames >= last_frame);
	/* after the end (or an error) the capture stays at its end */
	IKS_FUZZ_CHECK(iks_capture_next(cap, &dg, err, sizeof err) <= 0);
	iks_capture_close(cap);
	return 0;
}
