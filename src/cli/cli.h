/* The command-line interface: the only code in ikescope that prints. */
#ifndef IKS_CLI_H
#define IKS_CLI_H

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

#endif
