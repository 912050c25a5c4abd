/* The command-line interface: the only code in ikescope that prints. */
#ifndef IKS_CLI_H
#define IKS_CLI_H

#include "ikescope/capture.h"
#include "ikescope/crypto.h"

/* Exit status (shared/spec/cli.md). */
enum {
	IKS_EXIT_OK = 0,
	IKS_EXIT_FAILED_NEGOTIATION = 1, /* with --fail-on-error */
	IKS_EXIT_USAGE = 2,              /* bad usage or unreadable input */
};

struct iks_cli_cmd {
	const char *name;
	const char *help;
	int (*run)(int argc, char **argv);
};

int iks_cmd_dissect(int argc, char **argv);
int iks_cmd_analyze(int argc, char **argv);
int iks_cmd_keys(int argc, char **argv);
int iks_cmd_probe(int argc, char **argv);

typedef void (*iks_cli_datagram_fn)(void *ctx, const struct iks_datagram *dg);

/*
 * Feed every datagram of the capture at `path` ("-" = stdin) to fn.  A file
 * that cannot be read, or that breaks off, is reported on stderr in one
 * line naming it; returns 0, IKS_CLI_UNREADABLE when the file could not be
 * opened as a capture at all, or the negative iks_err of a problem met
 * while reading (datagrams read before it were delivered).
 */
#define IKS_CLI_UNREADABLE (-1000)
int iks_cli_each_datagram(const char *path, const struct iks_capture_opts *opts,
			  iks_cli_datagram_fn fn, void *ctx);

/* Load a key table for --keys; a bad file is reported on stderr (the
 * message names the file and line).  Returns 0 or a negative iks_err. */
int iks_cli_load_keys(struct iks_keytab *kt, const char *path);

/* A secret from --psk VALUE or --psk-file FILE (its first line) into out;
 * problems are reported on stderr.  Returns 0 or -1. */
int iks_cli_read_secret(const char *value, const char *file, char *out, size_t len);

/* One-line usage errors (shared/spec/cli.md: a message on stderr, exit 2):
 * after getopt_long returned '?' or ':' (optstring must start with ':'),
 * and for a missing operand ("capture", "host").  Both return
 * IKS_EXIT_USAGE. */
int iks_cli_option_error(const char *cmd, int c, char *const *argv);
int iks_cli_missing_operand(const char *cmd, const char *what);

/* Parse a UDP port for --ike-port; 0 when invalid. */
unsigned iks_cli_parse_port(const char *s);

#endif
