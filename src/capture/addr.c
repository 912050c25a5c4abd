/* addr.c - formatting and comparing the addresses capture reports. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "ikescope/capture.h"

const char *iks_addr_format(const struct iks_addr *a, char *buf, size_t len)
{
	if (!len)
		return buf;
	buf[0] = '\0';
	if (a->family == 4) {
		if (!inet_ntop(AF_INET, a->a, buf, (socklen_t)len))
			snprintf(buf, len, "?");
	} else if (a->family == 6) {
		if (!inet_ntop(AF_INET6, a->a, buf, (socklen_t)len))
			snprintf(buf, len, "?");
	} else {
		snprintf(buf, len, "-");
	}
	return buf;
}

bool iks_addr_equal(const struct iks_addr *a, const struct iks_addr *b)
{
	if (a->family != b->family)
		return false;
	if (a->family == 4)
		return memcmp(a->a, b->a, 4) == 0;
	if (a->family == 6)
		return memcmp(a->a, b->a, 16) == 0;
	return true;
}
