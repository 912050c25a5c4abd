/*
 * Reading the captures named on the command line: opening each, walking
 * its datagrams, and reporting a bad file in one line that names it,
 * without giving up the files after it.
 */
#include <stdio.h>

#include "cli/cli.h"

static void report_error(const char *path, const char *what)
{
	fprintf(stderr, "ikescope: %s: %s\n", path[0] == '-' && !path[1] ? "(stdin)" : path,
		what);
}

int iks_cli_each_datagram(const char *path, const struct iks_capture_opts *opts,
			  iks_cli_datagram_fn fn, void *ctx)
{
	char err[IKS_ERRBUF_SIZE] = "";
	struct iks_capture *cap;
	struct iks_datagram dg;
	int rc;

	rc = iks_capture_open_file(&cap, path, opts, err, sizeof err);
	if (rc < 0) {
		report_error(path, err[0] ? err : iks_strerror(rc));
		return IKS_CLI_UNREADABLE;
	}
	while ((rc = iks_capture_next(cap, &dg, err, sizeof err)) > 0)
		fn(ctx, &dg);
	if (rc < 0)
		report_error(path, err[0] ? err : iks_strerror(rc));
	iks_capture_close(cap);
	return rc;
}

int iks_cli_load_keys(struct iks_keytab *kt, const char *path)
{
	char err[IKS_ERRBUF_SIZE] = "";
	int rc = iks_keytab_load(kt, path, err, sizeof err);

	if (rc < 0)
		fprintf(stderr, "ikescope: %s\n", err[0] ? err : iks_strerror(rc));
	return rc;
}
