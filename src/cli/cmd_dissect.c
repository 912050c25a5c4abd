/*
 * ikescope dissect [--json] [-V] [--ike-port N]... CAPTURE...
 * One record per IKE message (shared/spec/cli.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "ikescope/ike.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

/* Messages go through the tracker: it reassembles IKEv1 fragments (one
 * record at the frame that completed them) and decrypts with --keys. */
struct dissect {
	bool json;
	unsigned report_flags;
	struct iks_tracker *tracker;
};

static void dissect_usage(FILE *f)
{
	fputs("usage: ikescope dissect [--json] [-V] [--keys FILE]... [--ike-port PORT]... CAPTURE...\n"
	      "  --json          one JSON object per IKE message (JSON Lines)\n"
	      "  --keys FILE     Wireshark ikev1/ikev2_decryption_table (repeatable)\n"
	      "  -V, --verbose   every decoded field of every payload\n"
	      "  --ike-port PORT also decode UDP PORT as IKE (besides 500 and 4500)\n"
	      "CAPTURE is a pcap or pcapng file, optionally gzip-compressed, or - for stdin.\n",
	      f);
}

static void print_not_ike(const struct dissect *d, const struct iks_datagram *dg, int err)
{
	if (d->json) {
		json_t *o = iks_report_not_ike_json(dg, err);

		json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(16));
		fputc('\n', stdout);
		json_decref(o);
	} else {
		iks_report_not_ike_text(stdout, dg, err);
	}
}

static void dissect_datagram(void *ctx, const struct iks_datagram *dg)
{
	struct dissect *d = ctx;
	const struct iks_msg *m = iks_track_datagram(d->tracker, dg);

	if (!m) {
		int err = iks_track_last_error(d->tracker);

		/* a fragment held for reassembly shows when complete; bytes on
		 * an IKE port that are no IKE message are said to be so */
		if (dg->kind == IKS_DG_IKE && err != IKS_OK)
			print_not_ike(d, dg, err);
		return;
	}
	if (d->json) {
		json_t *o = iks_report_message_json(dg, m, d->report_flags);

		json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER |
					      JSON_REAL_PRECISION(16));
		fputc('\n', stdout);
		json_decref(o);
	} else {
		iks_report_message_text(stdout, dg, m, d->report_flags);
	}
}

/* dissect prints messages, not negotiations: a concluded one is dropped. */
static void dissect_concluded(void *ctx, const struct iks_nego *n)
{
	(void)ctx;
	(void)n;
}

/* Streaming keeps memory bounded on huge captures; a day of quiet before
 * a negotiation is let go keeps the decryption state (IKEv1 IV chains) of
 * long-lived SAs for their late exchanges. */
#define IKS_DISSECT_IDLE_S 86400.0

int iks_cmd_dissect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'V' },
		{ "ike-port", required_argument, NULL, 'p' },
		{ "keys", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_capture_opts opts = { 0 };
	struct iks_track_opts topts = { 0 };
	struct iks_keytab keys;
	struct dissect d = { 0 };
	int c, status = IKS_EXIT_OK;

	iks_keytab_init(&keys);
	while ((c = getopt_long(argc, argv, ":jVp:k:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'k':
			if (iks_cli_load_keys(&keys, optarg) < 0) {
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			topts.keys = &keys;
			break;
		case 'j':
			d.json = true;
			break;
		case 'V':
			d.report_flags |= IKS_REPORT_VERBOSE;
			break;
		case 'p': {
			unsigned port = iks_cli_parse_port(optarg);

			if (!port || opts.n_ike_ports >= sizeof opts.ike_ports / sizeof opts.ike_ports[0]) {
				fprintf(stderr, "ikescope dissect: bad or too many --ike-port: %s\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			opts.ike_ports[opts.n_ike_ports++] = (uint16_t)port;
			break;
		}
		case 'h':
			dissect_usage(stdout);
			iks_keytab_free(&keys);
			return IKS_EXIT_OK;
		default:
			iks_keytab_free(&keys);
			return iks_cli_option_error("dissect", c, argv);
		}
	}
	if (optind >= argc) {
		iks_keytab_free(&keys);
		return iks_cli_missing_operand("dissect", "capture");
	}
	topts.on_concluded = dissect_concluded;
	topts.idle_timeout = IKS_DISSECT_IDLE_S;
	if (iks_track_new(&d.tracker, &topts) != IKS_OK) {
		fputs("ikescope: out of memory\n", stderr);
		iks_keytab_free(&keys);
		return IKS_EXIT_USAGE;
	}
	for (int i = optind; i < argc; i++)
		if (iks_cli_each_datagram(argv[i], &opts, dissect_datagram, &d) < 0)
			status = IKS_EXIT_USAGE;
	iks_track_free(d.tracker);
	iks_keytab_free(&keys);
	return status;
}
