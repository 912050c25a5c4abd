/* Small argument parsers shared by the commands. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

unsigned iks_cli_parse_port(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > 65535)
		return 0;
	return (unsigned)v;
}

int iks_cli_read_secret(const char *value, const char *file, char *out, size_t len)
{
	FILE *f;

	if (value) {
		if (strlen(value) >= len) {
			fprintf(stderr, "ikescope: --psk is longer than %zu bytes\n", len - 1);
			return -1;
		}
		strcpy(out, value);
		return 0;
	}
	if (!(f = fopen(file, "r"))) {
		fprintf(stderr, "ikescope: %s: %s\n", file, strerror(errno));
		return -1;
	}
	if (!fgets(out, (int)len, f))
		out[0] = '\0';
	fclose(f);
	out[strcspn(out, "\r\n")] = '\0';
	if (!out[0]) {
		fprintf(stderr, "ikescope: %s: no secret on its first line\n", file);
		return -1;
	}
	return 0;
}

int iks_cli_option_error(const char *cmd, int c, char *const *argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";

	/* getopt was told to stay quiet (a leading ':'): one line of ours */
	if (c == ':')
		fprintf(stderr, "ikescope %s: option '%s' needs an argument (see ikescope %s --help)\n",
			cmd, optopt && arg[0] == '-' && arg[1] != '-' ? (char[]){ '-', (char)optopt, 0 } : arg,
			cmd);
	else if (optopt && !(arg[0] == '-' && arg[1] == '-'))
		fprintf(stderr, "ikescope %s: unknown option '-%c' (see ikescope %s --help)\n", cmd,
			optopt, cmd);
	else
		fprintf(stderr, "ikescope %s: unknown option '%s' (see ikescope %s --help)\n", cmd, arg,
			cmd);
	return IKS_EXIT_USAGE;
}

int iks_cli_missing_operand(const char *cmd, const char *what)
{
	fprintf(stderr, "ikescope %s: no %s given (see ikescope %s --help)\n", cmd, what, cmd);
	return IKS_EXIT_USAGE;
}
