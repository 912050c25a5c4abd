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

struct dissect {
	bool json;
	unsigned report_flags;
	struct iks_msg msg;
};

static void dissect_usage(FILE *f)
{
	fputs("usage: ikescope dissect [--json] [-V] [--ike-port PORT]... CAPTURE...\n"
	      "  --json          one JSON object per IKE message (JSON Lines)\n"
	      "  -V, --verbose   every decoded field of every payload\n"
	      "  --ike-port PORT also decode UDP PORT as IKE (besides 500 and 4500)\n"
	      "CAPTURE is a pcap or pcapng file, optionally gzip-compressed, or - for stdin.\n",
	      f);
}

static void dissect_datagram(void *ctx, const struct iks_datagram *dg)
{
	struct dissect *d = ctx;

	if (dg->kind != IKS_DG_IKE)
		return;
	if (iks_ike_decode(dg->data, dg->len, &d->msg) != IKS_OK)
		return; /* not IKE at all: too short or unknown version */
	if (d->json) {
		json_t *o = iks_report_message_json(dg, &d->msg, d->report_flags);

		json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER |
					      JSON_REAL_PRECISION(16));
		fputc('\n', stdout);
		json_decref(o);
	} else {
		iks_report_message_text(stdout, dg, &d->msg, d->report_flags);
	}
}

int iks_cmd_dissect(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "verbose", no_argument, NULL, 'V' },
		{ "ike-port", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_capture_opts opts = { 0 };
	struct dissect *d = calloc(1, sizeof *d);
	int c, status = IKS_EXIT_OK;

	if (!d) {
		fputs("ikescope: out of memory\n", stderr);
		return IKS_EXIT_USAGE;
	}
	while ((c = getopt_long(argc, argv, "jVp:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'j':
			d->json = true;
			break;
		case 'V':
			d->report_flags |= IKS_REPORT_VERBOSE;
			break;
		case 'p': {
			unsigned port = iks_cli_parse_port(optarg);

			if (!port || opts.n_ike_ports >= sizeof opts.ike_ports / sizeof opts.ike_ports[0]) {
				fprintf(stderr, "ikescope dissect: bad or too many --ike-port: %s\n", optarg);
				free(d);
				return IKS_EXIT_USAGE;
			}
			opts.ike_ports[opts.n_ike_ports++] = (uint16_t)port;
			break;
		}
		case 'h':
			dissect_usage(stdout);
			free(d);
			return IKS_EXIT_OK;
		default:
			dissect_usage(stderr);
			free(d);
			return IKS_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		dissect_usage(stderr);
		free(d);
		return IKS_EXIT_USAGE;
	}
	for (int i = optind; i < argc; i++)
		if (iks_cli_each_datagram(argv[i], &opts, dissect_datagram, d) < 0)
			status = IKS_EXIT_USAGE;
	free(d);
	return status;
}
