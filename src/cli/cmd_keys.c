/*
 * ikescope keys [-o DIR] LOGFILE...
 * Turn strongSwan charon logs written at `ike = 4` into Wireshark key
 * tables (ikev1_decryption_table, ikev2_decryption_table), the files
 * `analyze --keys`, `dissect --keys` and Wireshark read.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static void keys_usage(FILE *f)
{
	fputs("usage: ikescope keys [-o DIR] LOGFILE...\n"
	      "  Reads charon logs (filelog with ike = 4; mgr = 2, cfg = 1 and ike_name = yes help)\n"
	      "  and writes DIR/ikev1_decryption_table and DIR/ikev2_decryption_table\n"
	      "  (Wireshark's format); without -o, both tables go to standard output.\n"
	      "  Use - for a log on standard input.\n", f);
}

static int write_table(const struct iks_keytab *kt, enum iks_keytab_kind kind,
		       const char *dir, const char *name)
{
	char path[4096], err[IKS_ERRBUF_SIZE] = "";
	size_t skipped = 0;
	FILE *f = stdout;
	int rc;

	if (dir) {
		snprintf(path, sizeof path, "%s/%s", dir, name);
		if (!(f = fopen(path, "w"))) {
			fprintf(stderr, "ikescope: %s: cannot write: %s\n", path, strerror(errno));
			return -1;
		}
	}
	rc = iks_keytab_write(kt, kind, f, &skipped, err, sizeof err);
	if (dir && fclose(f) != 0)
		rc = IKS_ERR_IO;
	if (rc < 0) {
		fprintf(stderr, "ikescope: %s: %s\n", dir ? path : "(stdout)",
			err[0] ? err : iks_strerror(rc));
		return -1;
	}
	if (skipped)
		fprintf(stderr, "ikescope: %zu SA%s skipped: Wireshark has no name for "
			"their algorithms\n", skipped, skipped == 1 ? "" : "s");
	return 0;
}

int iks_cmd_keys(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct iks_keytab kt;
	const char *dir = NULL;
	int c, status = IKS_EXIT_OK;

	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			dir = optarg;
			break;
		case 'h':
			keys_usage(stdout);
			return IKS_EXIT_OK;
		default:
			return iks_cli_option_error("keys", c, argv);
		}
	}
	if (optind >= argc)
		return iks_cli_missing_operand("keys", "log file");
	iks_keytab_init(&kt);
	for (int i = optind; i < argc; i++) {
		char err[IKS_ERRBUF_SIZE] = "";
		bool is_stdin = !strcmp(argv[i], "-");
		FILE *f = is_stdin ? stdin : fopen(argv[i], "r");

		if (!f) {
			fprintf(stderr, "ikescope: %s: %s\n", argv[i], strerror(errno));
			status = IKS_EXIT_USAGE;
			continue;
		}
		if (iks_keylog_parse(&kt, f, argv[i], NULL, NULL, NULL, err, sizeof err) < 0) {
			fprintf(stderr, "ikescope: %s\n", err[0] ? err : argv[i]);
			status = IKS_EXIT_USAGE;
		}
		if (!is_stdin)
			fclose(f);
	}
	/* nothing read and something wrong: no empty tables on top */
	if (status != IKS_EXIT_OK && !kt.n_v1 && !kt.n_v2) {
		iks_keytab_free(&kt);
		return status;
	}
	if (write_table(&kt, IKS_KEYTAB_V1, dir, "ikev1_decryption_table") < 0 ||
	    write_table(&kt, IKS_KEYTAB_V2, dir, "ikev2_decryption_table") < 0)
		status = IKS_EXIT_USAGE;
	/* rows, not log lines: one SA seen in both peers' logs counts once;
	 * after an error the error line is the whole story */
	if (status == IKS_EXIT_OK)
		fprintf(stderr, "ikescope: %zu IKEv1 and %zu IKEv2 SA%s found\n", kt.n_v1,
			kt.n_v2, kt.n_v1 + kt.n_v2 == 1 ? "" : "s");
	iks_keytab_free(&kt);
	return status;
}
