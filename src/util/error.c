/* Error codes and their text (ikescope/error.h). */
#include <stdarg.h>
#include <stdio.h>

#include "ikescope/error.h"

const char *iks_strerror(int err)
{
	switch (err) {
#define IKS_ERR_CASE(name, value, text) \
	case value:                     \
		return text;
		IKS_ERRORS(IKS_ERR_CASE)
#undef IKS_ERR_CASE
	}
	return "unknown error";
}

void iks_errf(char *errbuf, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errbuf || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(errbuf, errlen, fmt, ap);
	va_end(ap);
}
