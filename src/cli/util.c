/* Small argument parsers shared by the commands. */
#include <errno.h>
#include <stdlib.h>

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
