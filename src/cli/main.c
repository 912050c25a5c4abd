/* ikescope command-line entry: a table of subcommands, one file each. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct iks_cli_cmd commands[] = {
	{ "analyze", "rebuild every negotiation and explain why it failed", iks_cmd_analyze },
	{ "dissect", "decode and print every IKE message", iks_cmd_dissect },
	{ "keys", "turn strongSwan charon logs into Wireshark key tables", iks_cmd_keys },
	{ "probe", "speak IKE to a gateway: what it accepts, or a test negotiation", iks_cmd_probe },
};

static void usage(FILE *f)
{
	fprintf(f, "usage: ikescope COMMAND [OPTIONS] ...\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\n'ikescope COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("ikescope: no command given (ikescope --help lists them)\n", stderr);
		return IKS_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("ikescope %s\n", IKS_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "ikescope: unknown command '%s' (ikescope --help lists them)\n", argv[1]);
	return IKS_EXIT_USAGE;
}
