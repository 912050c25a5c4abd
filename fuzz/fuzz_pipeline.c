/*
 * Fuzz target: the whole pipeline on a capture file, as `ikescope analyze
 * --json` and `dissect --json` run it: capture -> track -> diagnose ->
 * report.  Built twice:
 *   fuzz_pipeline       no keys, the tracker in streaming mode (each
 *                       negotiation handed out when it concludes) with
 *                       small limits: 8 open at once, 5 s idle timeout,
 *                       64 KiB of records, so eviction and the idle
 *                       timeout are reached;
 *   fuzz_pipeline_keys  the fixed key table (fuzz_common.h), which decrypts
 *                       the lab captures the seeds come from, so mutations
 *                       reach decryption and the decoding of plaintext;
 *                       every negotiation kept until the end.
 */
#include <string.h>

#include <jansson.h>

#include "fuzz_common.h"
#include "ikescope/capture.h"
#include "ikescope/diagnose.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

#ifndef IKS_FUZZ_WITH_KEYS
#define IKS_FUZZ_WITH_KEYS 0
#endif

static void dump(json_t *j)
{
	char *s;

	IKS_FUZZ_CHECK(j != NULL);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(16));
	IKS_FUZZ_CHECK(s != NULL);
	free(s);
	json_decref(j);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (IKS_FUZZ_WITH_KEYS)
		iks_fuzz_keys();
	return 0;
}

/* One concluded negotiation: diagnose and report it. */
static void conclude(void *ctx, const struct iks_nego *n)
{
	unsigned *count = ctx;
	struct iks_findings fs;

	(*count)++;
	IKS_FUZZ_CHECK(n != NULL && n->id >= 1);
	IKS_FUZZ_CHECK(n->status <= IKS_STATUS_FAILED);
	IKS_FUZZ_CHECK(memchr(n->reason, '\0', sizeof n->reason) != NULL);
	IKS_FUZZ_CHECK(n->n_msgs <= n->cap_msgs && n->n_children <= n->cap_children);
	IKS_FUZZ_CHECK(n->n_offered <= IKS_NEGO_MAX_PROPS);
	iks_diagnose(n, &fs);
	IKS_FUZZ_CHECK(fs.n <= IKS_MAX_FINDINGS);
	for (unsigned k = 0; k < fs.n; k++)
		IKS_FUZZ_CHECK(fs.f[k].code != NULL &&
			       fs.f[k].n_evidence <= IKS_FINDING_MAX_EVIDENCE);
	dump(iks_report_nego_json(n, &fs));
	iks_report_nego_text(iks_fuzz_null(), n, &fs, IKS_REPORT_VERBOSE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct iks_capture_opts opts = { .n_ike_ports = 0 };
	struct iks_track_opts topts = { .keys = NULL };
	struct iks_track_stats st;
	struct iks_capture *cap;
	struct iks_tracker *t;
	struct iks_datagram dg;
	char err[IKS_ERRBUF_SIZE] = "";
	unsigned concluded = 0;

	if (IKS_FUZZ_WITH_KEYS) {
		topts.keys = iks_fuzz_keys();
	} else {
		topts.on_concluded = conclude;
		topts.ctx = &concluded;
		topts.max_negotiations = 8;
		topts.idle_timeout = 5.0;
		topts.max_memory = 64u << 10;
	}
	if (iks_capture_open_file(&cap, iks_fuzz_file(data, size), &opts, err,
				  sizeof err) != IKS_OK)
		return 0;
	IKS_FUZZ_CHECK(iks_track_new(&t, &topts) == IKS_OK);
	while (iks_capture_next(cap, &dg, err, sizeof err) == 1) {
		const struct iks_msg *m = iks_track_datagram(t, &dg);

		if (!m)
			continue;
		iks_fuzz_check_msg(m);
		dump(iks_report_message_json(&dg, m, IKS_REPORT_VERBOSE));
	}
	iks_capture_close(cap);
	iks_track_finish(t);

	iks_track_get_stats(t, &st);
	if (!IKS_FUZZ_WITH_KEYS) {
		IKS_FUZZ_CHECK(iks_track_count(t) == 0);
		IKS_FUZZ_CHECK(st.concluded == concluded && st.open == 0);
		IKS_FUZZ_CHECK(st.concluded == st.negotiations);
		IKS_FUZZ_CHECK(st.open_peak <= 8);
	}
	for (size_t i = 0; i < iks_track_count(t); i++) {
		const struct iks_nego *n = iks_track_get(t, i);

		IKS_FUZZ_CHECK(n != NULL && n->id == i + 1);
		conclude(&concluded, n);
	}
	IKS_FUZZ_CHECK(st.negotiations == concluded);
	iks_track_free(t);
	return 0;
}
