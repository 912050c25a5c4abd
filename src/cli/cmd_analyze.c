/*
 * ikescope analyze [--json] [--keys FILE]... [--fail-on-error] CAPTURE...
 * Rebuild every negotiation, diagnose it, report it (shared/spec/cli.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "ikescope/diagnose.h"
#include "ikescope/report.h"
#include "ikescope/track.h"

struct analyze {
	struct iks_tracker *tracker;
};

static void analyze_usage(FILE *f)
{
	fputs("usage: ikescope analyze [--json] [--ladder] [--keys FILE]... [--fail-on-error]\n"
	      "                        [--status STATUS] [--peer ADDR] [--spi HEX]\n"
	      "                        [--ike-port PORT]... CAPTURE...\n"
	      "  --json           one JSON record per IKE SA negotiation (JSON Lines)\n"
	      "  --ladder         draw each negotiation's messages between the peers\n"
	      "  --peer ADDR      only negotiations with ADDR as initiator or responder\n"
	      "  --spi HEX        only the negotiation with this initiator or responder SPI\n"
	      "  --psk SECRET     check an Aggressive Mode responder's HASH_R against SECRET\n"
	      "  --psk-file FILE  the same with the secret read from FILE (first line)\n"
	      "  --keys FILE      Wireshark ikev1/ikev2_decryption_table (repeatable)\n"
	      "  --fail-on-error  exit 1 when a negotiation failed\n"
	      "  --status STATUS  report only negotiations with this status\n"
	      "                   (established, failed, incomplete)\n"
	      "  --ike-port PORT  also decode UDP PORT as IKE (besides 500 and 4500)\n"
	      "CAPTURE is a pcap or pcapng file, optionally gzip-compressed, or - for stdin.\n",
	      f);
}

static void analyze_datagram(void *ctx, const struct iks_datagram *dg)
{
	struct analyze *a = ctx;

	iks_track_datagram(a->tracker, dg);
}

static void print_summary_json(size_t counts[3], size_t total)
{
	json_t *o = json_pack("{s:s,s:I,s:I,s:I,s:I}", "type", "summary",
			      "negotiations", (json_int_t)total,
			      "established", (json_int_t)counts[IKS_STATUS_ESTABLISHED],
			      "failed", (json_int_t)counts[IKS_STATUS_FAILED],
			      "incomplete", (json_int_t)counts[IKS_STATUS_INCOMPLETE]);

	json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(o);
}

/* --peer / --spi filters: textual comparison with what the report prints. */
static bool matches(const struct iks_nego *n, const char *peer, const char *spi)
{
	char a[64], b[64], si[17], sr[17];

	if (peer && strcmp(peer, iks_addr_format(&n->init_addr, a, sizeof a)) &&
	    strcmp(peer, iks_addr_format(&n->resp_addr, b, sizeof b)))
		return false;
	if (spi) {
		iks_report_hex(n->spi_i, 8, si, sizeof si);
		iks_report_hex(n->spi_r, 8, sr, sizeof sr);
		if (!strncasecmp(spi, "0x", 2))
			spi += 2;
		if (strcasecmp(spi, si) && strcasecmp(spi, sr))
			return false;
	}
	return true;
}

int iks_cmd_analyze(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "keys", required_argument, NULL, 'k' },
		{ "fail-on-error", no_argument, NULL, 'F' },
		{ "status", required_argument, NULL, 's' },
		{ "ike-port", required_argument, NULL, 'p' },
		{ "ladder", no_argument, NULL, 'L' },
		{ "peer", required_argument, NULL, 'P' },
		{ "spi", required_argument, NULL, 'S' },
		{ "psk", required_argument, NULL, 'K' },
		{ "psk-file", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_capture_opts opts = { 0 };
	struct iks_keytab keys;
	struct iks_track_opts topts = { 0 };
	struct analyze a = { 0 };
	bool json = false, fail_on_error = false, ladder = false;
	const char *peer = NULL, *spi = NULL;
	char psk[1024];
	int c, status = IKS_EXIT_OK, only = -1;
	size_t counts[3] = { 0, 0, 0 };
	unsigned flags = 0;
	char err[IKS_ERRBUF_SIZE];

	iks_keytab_init(&keys);
	while ((c = getopt_long(argc, argv, "jk:Fs:p:LP:S:K:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'K':
		case 'f':
			if (iks_cli_read_secret(c == 'K' ? optarg : NULL, c == 'f' ? optarg : NULL,
						psk, sizeof psk) < 0) {
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			topts.psk = (const uint8_t *)psk;
			topts.psk_len = strlen(psk);
			break;
		case 'L':
			ladder = true;
			break;
		case 'P':
			peer = optarg;
			break;
		case 'S':
			spi = optarg;
			break;
		case 'j':
			json = true;
			break;
		case 'k':
			if (iks_cli_load_keys(&keys, optarg) < 0) {
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			topts.keys = &keys;
			break;
		case 'F':
			fail_on_error = true;
			break;
		case 's':
			for (int s = 0; s < 3; s++)
				if (!strcmp(optarg, iks_status_name((enum iks_status)s)))
					only = s;
			if (only < 0) {
				fprintf(stderr, "ikescope analyze: unknown status '%s'\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			break;
		case 'p': {
			unsigned port = iks_cli_parse_port(optarg);

			if (!port || opts.n_ike_ports >= sizeof opts.ike_ports / sizeof opts.ike_ports[0]) {
				fprintf(stderr, "ikescope analyze: bad or too many --ike-port: %s\n", optarg);
				iks_keytab_free(&keys);
				return IKS_EXIT_USAGE;
			}
			opts.ike_ports[opts.n_ike_ports++] = (uint16_t)port;
			break;
		}
		case 'h':
			analyze_usage(stdout);
			iks_keytab_free(&keys);
			return IKS_EXIT_OK;
		default:
			analyze_usage(stderr);
			iks_keytab_free(&keys);
			return IKS_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		analyze_usage(stderr);
		iks_keytab_free(&keys);
		return IKS_EXIT_USAGE;
	}
	if (iks_track_new(&a.tracker, &topts) != IKS_OK) {
		fputs("ikescope: out of memory\n", stderr);
		iks_keytab_free(&keys);
		return IKS_EXIT_USAGE;
	}
	if (!json && isatty(STDOUT_FILENO) && !getenv("NO_COLOR"))
		flags |= IKS_REPORT_COLOR;
	/* one tracker over all files: a negotiation may span captures */
	for (int i = optind; i < argc; i++)
		if (iks_cli_each_datagram(argv[i], &opts, analyze_datagram, &a) < 0)
			status = IKS_EXIT_USAGE;
	iks_track_finish(a.tracker);

	for (size_t i = 0; i < iks_track_count(a.tracker); i++) {
		const struct iks_nego *n = iks_track_get(a.tracker, i);
		struct iks_findings fs;

		counts[n->status]++;
		if ((only >= 0 && (int)n->status != only) || !matches(n, peer, spi))
			continue;
		iks_diagnose(n, &fs);
		if (json) {
			json_t *o = iks_report_nego_json(n, &fs);

			json_dumpf(o, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER |
						      JSON_REAL_PRECISION(16));
			fputc('\n', stdout);
			json_decref(o);
		} else {
			iks_report_nego_text(stdout, n, &fs, flags);
			if (ladder)
				iks_report_ladder_text(stdout, n);
		}
	}
	if (json)
		print_summary_json(counts, iks_track_count(a.tracker));
	else
		printf("%zu negotiation%s: %zu established, %zu failed, %zu incomplete\n",
		       iks_track_count(a.tracker), iks_track_count(a.tracker) == 1 ? "" : "s",
		       counts[IKS_STATUS_ESTABLISHED], counts[IKS_STATUS_FAILED],
		       counts[IKS_STATUS_INCOMPLETE]);
	(void)err;
	iks_track_free(a.tracker);
	iks_keytab_free(&keys);
	iks_crypto_wipe(psk, sizeof psk);
	if (status == IKS_EXIT_OK && fail_on_error && counts[IKS_STATUS_FAILED])
		status = IKS_EXIT_FAILED_NEGOTIATION;
	return status;
}
