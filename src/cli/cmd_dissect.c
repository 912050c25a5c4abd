/* ikescope dissect: one record per IKE message. */
#include <stdio.h>

#include "cli/cli.h"

int iks_cmd_dissect(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "ikescope dissect: not implemented yet\n");
	return IKS_EXIT_USAGE;
}
